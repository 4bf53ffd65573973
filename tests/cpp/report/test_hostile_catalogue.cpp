// The hostile-input catalogue, continued from test_hostile_inputs.cpp (which
// covers the basic JSON and field errors): broken encodings, non-finite and
// out-of-range numbers, parent cycles, colliding ids, huge notes and boards,
// markup in Miro content, right-to-left, emoji and invisible text, duplicate
// keys. Each case gives a clear error that names the place, or the tolerant
// result docs/limits.md documents. The last tests replay the fuzzers' seeds
// and every crash input they found (tests/fuzz/regressions/) through the same
// checks the fuzz targets make.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fuzz/harness.hpp"
#include "canvasfit/analyze.hpp"
#include "canvasfit/errors.hpp"
#include "canvasfit/limits.hpp"

using namespace canvasfit;

namespace {

std::string excalidraw(const std::string& elements) {
    return R"({"type": "excalidraw", "version": 2, "elements": [)" + elements + "]}";
}

std::string element(const std::string& id, const std::string& type, const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "type": ")" + type +
           R"(", "x": 0, "y": 0, "width": 100, "height": 100)" + extra + "}";
}

// A rectangle with its bound text, as Excalidraw saves a labelled shape.
std::string labelled(const std::string& id, const std::string& text,
                     const std::string& extra = "") {
    return element(id, "rectangle", extra) + "," +
           element(id + "-text", "text",
                   R"(, "containerId": ")" + id + R"(", "text": ")" + text +
                       R"(", "originalText": ")" + text + "\"");
}

std::string canvasfit_board(const std::string& notes, const std::string& rest = "") {
    return R"({"schema": "canvasfit.board/1", "notes": [)" + notes + "]" + rest + "}";
}

std::string note(const std::string& id, const std::string& text, const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "text": ")" + text + R"(", "x": 0, "y": 0)" + extra + "}";
}

std::string miro_page(const std::string& items) {
    return R"({"data": [)" + items + R"(], "type": "cursor-list"})";
}

std::string miro_sticky(const std::string& id, const std::string& content,
                        const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "type": "sticky_note", "data": {"content": ")" + content +
           R"("}, "position": {"x": 0, "y": 0, "origin": "center", "relativeTo": "canvas_center"},
              "geometry": {"width": 199})" +
           extra + "}";
}

std::string miro_frame(const std::string& id, const std::string& position,
                       const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "type": "frame", "data": {"title": "Pains"}, "position": )" +
           position + R"(, "geometry": {"width": 400, "height": 400})" + extra + "}";
}

std::string repeated(const std::string& piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

std::string cut_after(const std::string& text, char last) {
    return text.substr(0, text.find(last) + 1);
}

struct Rejected {
    const char* name;
    std::string input;
    const char* where;    // expected start of InputError::where()
    const char* message;  // expected substring of what()
    InputFormat format = InputFormat::automatic;
};

const std::string kOneMegabyte = repeated("Orders get lost ", 65536);

std::vector<Rejected> rejected_inputs() {
    const std::string center =
        R"({"x": 0, "y": 0, "origin": "center", "relativeTo": "canvas_center"})";
    return {
        // Encodings
        {"overlong UTF-8 in an Excalidraw text", excalidraw(labelled("a", "caf\xc0\xaf")), "line 1",
         "invalid JSON: byte 0xC0 in a string is not valid UTF-8"},
        {"input cut inside a UTF-8 character",
         cut_after(canvasfit_board(note("n", "caf\xc3")), '\xc3'), "line 1",
         "invalid JSON: byte 0xC3 in a string is not valid UTF-8"},
        {"lone surrogate escape", canvasfit_board(note("n", "\\ud83d alone")), "line 1",
         "surrogate"},
        {"Latin-1 bytes instead of UTF-8", miro_page(miro_sticky("1", "Kaffee f\xfcr alle")),
         "line 1", "invalid JSON: byte 0xFC in a string is not valid UTF-8"},
        {"trailing garbage after the board", canvasfit_board("") + " }", "line 1",
         "invalid JSON: expected the end of the input after the JSON value, found '}'"},
        // Numbers
        {"NaN coordinate", canvasfit_board(R"({"id": "n", "text": "t", "x": NaN, "y": 0})"),
         "line 1", "invalid JSON: expected a value, found 'NaN'"},
        {"Infinity coordinate",
         excalidraw(R"({"id": "a", "type": "rectangle", "x": Infinity, "y": 0})"), "line 1",
         "invalid JSON: expected a value, found 'Infinity'"},
        {"-1e400 Miro position",
         miro_page(R"({"id": "1", "type": "sticky_note", "data": {"content": "x"},
                       "position": {"x": -1e400, "y": 0}})"),
         "line 2", "invalid JSON: the number -1e400 is too large for a double"},
        {"1e400 Excalidraw width", excalidraw(element("a", "rectangle", R"(, "width": 1e400)")),
         "line 1", "invalid JSON: the number 1e400 is too large for a double"},
        {"Miro position past the coordinate range",
         miro_page(R"({"id": "1", "type": "sticky_note", "data": {"content": "x"},
                       "position": {"x": 2e9, "y": 0}})"),
         "/data/0/position/x", "out of range"},
        {"Miro negative width", miro_page(R"({"id": "1", "type": "shape", "data": {"content": "x"},
             "position": {"x": 0, "y": 0}, "geometry": {"width": -10, "height": 10}})"),
         "/data/0/geometry/width", "must not be negative"},
        {"Excalidraw negative size that leaves the range",
         excalidraw(
             R"({"id": "r", "type": "rectangle", "x": -9e8, "y": 0, "width": -9e8, "height": 10})"),
         "r", "out of range"},
        {"Miro child frame placed past the range by its parent",
         miro_page(miro_frame("outer", R"({"x": 9e8, "y": 0})") + "," +
                   miro_frame("inner", R"({"x": 9e8, "y": 0, "relativeTo": "parent_top_left"})",
                              R"(, "parent": {"id": "outer"})")),
         "inner", "out of range"},
        // Parent cycles
        {"Miro frames in a parent cycle",
         miro_page(miro_frame("a", center, R"(, "parent": {"id": "b"})") + "," +
                   miro_frame("b", center, R"(, "parent": {"id": "a"})")),
         "/data/", "form a cycle"},
        {"Miro frame that is its own parent",
         miro_page(miro_frame("a", center, R"(, "parent": {"id": "a"})")), "/data/0/parent",
         "inside itself"},
        {"CanvasFit containers in a parent cycle",
         canvasfit_board(note("n", "Late orders", R"(, "parent": "a")"),
                         R"(, "containers": [
                 {"id": "a", "title": "Pains", "x": 0, "y": 0, "width": 500, "height": 500,
                  "parent": "b"},
                 {"id": "b", "title": "Gains", "x": 0, "y": 0, "width": 500, "height": 500,
                  "parent": "a"}])"),
         "a", "form a cycle"},
        {"CanvasFit container that is its own parent",
         canvasfit_board("", R"(, "containers": [{"id": "a", "title": "Pains", "x": 0, "y": 0,
                                                  "width": 9, "height": 9, "parent": "a"}])"),
         "a", "inside itself"},
        {"Excalidraw frames in a frameId cycle",
         excalidraw(element("a", "frame", R"(, "name": "Pains", "frameId": "b")") + "," +
                    element("b", "frame", R"(, "name": "Gains", "frameId": "a")") + "," +
                    labelled("n", "Late orders", R"(, "frameId": "a")")),
         "a", "form a cycle"},
        // Colliding ids
        {"Miro connector sharing a sticky note's id",
         miro_page(miro_sticky("7", "x") +
                   R"(, {"id": "7", "type": "connector", "startItem": {"id": "7"},
                                                 "endItem": {"id": "7"}})"),
         "/data/1", "duplicate item id '7'"},
        {"integer and string ids that read the same",
         canvasfit_board(
             R"({"id": 12, "text": "t", "x": 0, "y": 0},
                {"id": "12", "text": "u", "x": 0, "y": 0})"),
         "12", "duplicate id '12'"},
        {"Excalidraw frame and rectangle sharing an id",
         excalidraw(element("x", "frame", R"(, "name": "Pains")") + "," +
                    element("x", "rectangle")),
         "x", "duplicate id 'x'"},
        {"Miro integer id colliding with a frame's string id",
         miro_page(miro_frame("5", center) + R"(, {"id": 5, "type": "card", "data": {"title": "x"},
                                                    "position": {"x": 0, "y": 0}})"),
         "/data/1", "duplicate item id '5'"},
        {"id too large for an integer",
         canvasfit_board(R"({"id": 123456789012345678901234567890, "text": "t", "x": 0, "y": 0})"),
         "/notes/0/id", "string or integer id"},
        // Huge notes
        {"1 MB Excalidraw note", excalidraw(labelled("big", kOneMegabyte)), "big",
         "more than the limit"},
        {"1 MB Miro sticky note", miro_page(miro_sticky("big", kOneMegabyte)), "big",
         "more than the limit"},
        // Shapes that are not what the reader expects
        {"null Excalidraw element", excalidraw("null"), "/elements/0", "must be an object"},
        {"Excalidraw type as a number", excalidraw(R"({"id": "a", "type": 5, "x": 0, "y": 0})"),
         "/elements/0/type", "must be a string"},
        {"Miro parent without an id",
         miro_page(miro_sticky("1", "x", R"(, "parent": {"links": {}})")), "/data/0/parent/id",
         "missing required field"},
        {"Miro position from a corner", miro_page(R"({"id": "1", "type": "sticky_note",
             "data": {"content": "x"}, "position": {"x": 0, "y": 0, "origin": "top_left"}})"),
         "/data/0/position/origin", "unsupported position origin"},
        {"Miro export forced to be read as Excalidraw", miro_page(miro_sticky("1", "x")), "/", "",
         InputFormat::excalidraw},
        {"Excalidraw arrow binding without an element id",
         excalidraw(element("a", "rectangle") + R"(, {"id": "r", "type": "arrow", "x": 0, "y": 0,
                    "startBinding": {"focus": 0}, "endBinding": {"elementId": "a"}})"),
         "/elements/1/startBinding/elementId", "missing required field"},
    };
}

class HostileCatalogue : public ::testing::TestWithParam<Rejected> {};

}  // namespace

TEST_P(HostileCatalogue, IsRejectedWithAClearError) {
    const Rejected& input = GetParam();
    try {
        analyze_text(input.input, {input.format, ""});
        ADD_FAILURE() << input.name << ": accepted";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.where()).rfind(input.where, 0), 0u)
            << input.name << ": where() is '" << e.where() << "'";
        EXPECT_NE(std::string(e.what()).find(input.message), std::string::npos)
            << input.name << ": message is '" << e.what() << "'";
        EXPECT_GT(std::string(e.what()).size(), 10u) << input.name;
        EXPECT_LT(std::string(e.what()).size(), 1000u)
            << input.name << ": the error echoes the input";
    }
}

INSTANTIATE_TEST_SUITE_P(Catalogue, HostileCatalogue, ::testing::ValuesIn(rejected_inputs()),
                         [](const auto& info) {
                             std::string name = info.param.name;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

namespace {

const NoteReport& only_note(const Report& report) {
    EXPECT_EQ(report.notes.size(), 1u);
    static const NoteReport none;
    return report.notes.empty() ? none : report.notes[0];
}

bool has_warning(const Report& report, const std::string& code, const std::string& mentions) {
    return std::any_of(report.warnings.begin(), report.warnings.end(), [&](const Warning& w) {
        return w.code == code && w.message.find(mentions) != std::string::npos;
    });
}

// The report as a host sees it: serialised and parsed again.
nlohmann::json round_trip(const Report& report) {
    return nlohmann::json::parse(report_to_json(report));
}

}  // namespace

// JSON leaves duplicate keys undefined; the hosts' own JSON.parse keeps the
// last one, and so does CanvasFit, so both read the same note.
TEST(HostileCatalogueTolerated, DuplicateKeysKeepTheLastValueLikeJsonParse) {
    const Report report = analyze_text(
        canvasfit_board(R"({"id": "n", "text": "first", "text": "second", "x": 0, "y": 0})"));
    EXPECT_EQ(only_note(report).text, "second");
}

TEST(HostileCatalogueTolerated, DuplicateIsDeletedKeyKeepsTheLastValue) {
    const Report report = analyze_text(
        excalidraw(labelled("a", "Kept", R"(, "isDeleted": true, "isDeleted": false)")));
    EXPECT_EQ(only_note(report).text, "Kept");
}

TEST(HostileCatalogueTolerated, ByteOrderMarkIsIgnored) {
    const Report report = analyze_text("\xEF\xBB\xBF" + canvasfit_board(note("n", "Late orders")));
    EXPECT_EQ(only_note(report).text, "Late orders");
}

TEST(HostileCatalogueTolerated, MiroConnectorToAMissingItemIsSkippedAndNamed) {
    const Report report = analyze_text(
        miro_page(miro_sticky("1", "Late orders") + R"(, {"id": "9", "type": "connector",
            "startItem": {"id": "1"}, "endItem": {"id": "404"}})"));
    EXPECT_TRUE(report.links.empty());
    EXPECT_TRUE(has_warning(report, "skipped-item", "'404'"));
}

TEST(HostileCatalogueTolerated, MegabyteOfMarkupAroundShortTextIsRead) {
    const std::string content = repeated("<b></b>", 150000) + "Orders get lost";
    ASSERT_GT(content.size(), 1000000u);
    EXPECT_EQ(only_note(analyze_text(miro_page(miro_sticky("1", content)))).text,
              "Orders get lost");
}

TEST(HostileCatalogueTolerated, EscapedMarkupInMiroContentStaysText) {
    const Report report = analyze_text(
        miro_page(miro_sticky("1", "&lt;img src=x onerror=alert(1)&gt; &amp;&quot;late&quot;")));
    EXPECT_EQ(only_note(report).text, R"(<img src=x onerror=alert(1)> &"late")");
}

TEST(HostileCatalogueTolerated, UnterminatedScriptOrCommentHidesTheRest) {
    EXPECT_EQ(only_note(analyze_text(miro_page(miro_sticky("1", "Late <script>steal()")))).text,
              "Late");
    EXPECT_EQ(only_note(analyze_text(miro_page(miro_sticky("1", "Late <!-- steal()")))).text,
              "Late");
}

TEST(HostileCatalogueTolerated, NumericEntitiesForNulAndSurrogatesBecomeReplacementCharacters) {
    const Report report = analyze_text(miro_page(miro_sticky("1", "a&#0;b&#xD800;c&#x110000;d")));
    EXPECT_EQ(only_note(report).text,
              "a\xEF\xBF\xBD"
              "b\xEF\xBF\xBD"
              "c\xEF\xBF\xBD"
              "d");
}

TEST(HostileCatalogueTolerated, ZeroWidthOnlyNoteIsKeptAsWritten) {
    const std::string invisible = "\xE2\x80\x8B\xE2\x80\x8C\xE2\x81\xA0";  // ZWSP, ZWNJ, WJ
    const Report report = analyze_text(canvasfit_board(note("n", invisible)));
    EXPECT_EQ(only_note(report).text, invisible);
    EXPECT_EQ(round_trip(report)["notes"][0]["text"], invisible);
}

TEST(HostileCatalogueTolerated, BidiOverridesAndEmojiSequencesSurviveTheReport) {
    // RLO ... PDF around Arabic, then a ZWJ family emoji and a flag.
    const std::string text =
        "\xE2\x80\xAE\xD8\xB7\xD9\x84\xD8\xA8\xE2\x80\xAC "
        "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 "
        "\xF0\x9F\x87\xAA\xF0\x9F\x87\xB8";
    const Report report = analyze_text(excalidraw(labelled("a", text)));
    EXPECT_EQ(only_note(report).text, text);
    EXPECT_EQ(round_trip(report)["notes"][0]["text"], text);
    EXPECT_NE(report_to_markdown(report).find(text), std::string::npos);
}

TEST(HostileCatalogueTolerated, EscapedNulInNoteTextIsKeptAndEscapedInTheReport) {
    const Report report = analyze_text(canvasfit_board(note("n", "a\\u0000b")));
    EXPECT_EQ(only_note(report).text, std::string("a\0b", 3));
    EXPECT_NE(report_to_json(report).find("a\\u0000b"), std::string::npos);
}

TEST(HostileCatalogueTolerated, HundredThousandEmptyNotesAreAllReported) {
    std::string notes;
    for (int i = 0; i < 100000; ++i)
        notes += (i ? "," : "") + note("n" + std::to_string(i), "",
                                       ", \"x\": " + std::to_string(i % 300 * 120) +
                                           ", \"y\": " + std::to_string(i / 300 * 120));
    const Report report = analyze_text(canvasfit_board(notes));
    ASSERT_EQ(report.notes.size(), 100000u);
    EXPECT_EQ(report.notes.back().id, "n99999");
}

TEST(HostileCatalogueTolerated, TextBoundToItselfIsAFreeText) {
    const Report report = analyze_text(excalidraw(
        element("t", "text", R"(, "text": "Me", "originalText": "Me", "containerId": "t")")));
    EXPECT_EQ(only_note(report).id, "t");
    EXPECT_EQ(only_note(report).text, "Me");
}

TEST(HostileCatalogueTolerated, ArrowBoundToItselfIsSkippedAndNamed) {
    const Report report = analyze_text(excalidraw(
        element("r", "arrow",
                R"(, "startBinding": {"elementId": "r"}, "endBinding": {"elementId": "r"})")));
    EXPECT_TRUE(report.notes.empty());
    EXPECT_TRUE(has_warning(report, "skipped-item", "arrow 'r'"));
}

TEST(HostileCatalogueTolerated, ConnectorFromANoteToItselfMakesNoLink) {
    const Report report = analyze_text(canvasfit_board(
        note("n", "Late orders"), R"(, "connectors": [{"id": "c", "from": "n", "to": "n"}])"));
    for (const LinkReport& link : report.links) EXPECT_NE(link.from, link.to);
}

TEST(HostileCatalogueTolerated, NoteWhoseParentIsMissingIsPlacedByPosition) {
    const Report report = analyze_text(canvasfit_board(
        note("n", "Orders get lost",
             R"(, "x": 50, "y": 50, "width": 10, "height": 10, "parent": "ghost")"),
        R"(, "containers": [{"id": "p", "title": "Pains", "x": 0, "y": 0,
                              "width": 300, "height": 300}])"));
    EXPECT_EQ(only_note(report).section, Section::pains);
}

TEST(HostileCatalogueTolerated, StaleExcalidrawFrameIdIsIgnored) {
    const Report report =
        analyze_text(excalidraw(labelled("a", "Late orders", R"(, "frameId": "gone")")));
    EXPECT_EQ(only_note(report).text, "Late orders");
}

TEST(HostileCatalogueTolerated, MiroChildOfAMissingFrameIsKeptAndTheGuessReported) {
    const Report report = analyze_text(miro_page(R"({"id": "1", "type": "sticky_note",
        "data": {"content": "Late orders"}, "parent": {"id": "404"},
        "position": {"x": 10, "y": 10, "origin": "center", "relativeTo": "parent_top_left"}})"));
    EXPECT_EQ(only_note(report).text, "Late orders");
    EXPECT_TRUE(has_warning(report, "skipped-item", "'404' is missing"));
}

TEST(HostileCatalogueTolerated, NonStringExcalidrawTagsAreIgnored) {
    const Report report = analyze_text(
        excalidraw(labelled("a", "Late orders", R"(, "customData": {"tags": [1, {"x": 2}]})")));
    EXPECT_EQ(only_note(report).text, "Late orders");
}

TEST(HostileCatalogueTolerated, CoordinatesAtTheRangeEdgeAreRead) {
    const Report report =
        analyze_text(excalidraw(labelled("a", "far", R"(, "x": -1e9, "y": 1e9)")));
    EXPECT_EQ(only_note(report).text, "far");
}

// ---------------------------------------------------------------------------
// Fuzz seeds and regression inputs: every file passes the fuzz targets' checks.

namespace {

std::vector<std::filesystem::path> files_in(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::is_directory(directory)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(directory))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string contents_of(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

constexpr fuzz::Target kFuzzTargets[] = {fuzz::Target::read_canvasfit,
                                         fuzz::Target::read_excalidraw, fuzz::Target::read_miro,
                                         fuzz::Target::analyze, fuzz::Target::html_text,
                                         fuzz::Target::json_pull};

std::size_t replay(const char* tree) {
    std::size_t replayed = 0;
    for (fuzz::Target target : kFuzzTargets) {
        const auto directory =
            std::filesystem::path(CANVASFIT_SOURCE_DIR) / tree / fuzz::target_name(target);
        for (const auto& file : files_in(directory)) {
            EXPECT_EQ(fuzz::run_one(target, contents_of(file)), "") << file;
            ++replayed;
        }
    }
    return replayed;
}

}  // namespace

// Seeds: the examples and hand-made boards. Regressions: every input that
// once crashed a fuzz target or broke one of its checks (scripts/fuzz.sh).
TEST(FuzzInputs, EverySeedAndKeptCrashInputPassesTheFuzzChecks) {
    const std::size_t seeds = replay("fuzz/corpus");
    EXPECT_GE(seeds, 30u);
    replay("tests/fuzz/regressions");
}

// The harness's own checks must be able to fail, or the fuzzers check nothing.
TEST(FuzzInputs, HarnessRejectsBrokenInvariants) {
    EXPECT_FALSE(fuzz::is_valid_utf8("\xC0\xAF"));
    EXPECT_FALSE(fuzz::is_valid_utf8("\xED\xA0\x80"));
    EXPECT_TRUE(fuzz::is_valid_utf8("caf\xC3\xA9 \xF0\x9F\x98\x80"));
    EXPECT_NE(fuzz::check_plain_text(" padded"), "");
    EXPECT_NE(fuzz::check_plain_text("a\n\n\nb"), "");
    EXPECT_EQ(fuzz::check_plain_text("a\n\nb c"), "");
    Board board;
    Note twice;
    twice.id = "n";
    board.notes = {twice, twice};
    EXPECT_NE(fuzz::check_board_invariants(board), "");
}

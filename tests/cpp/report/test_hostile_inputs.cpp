// A catalogue of malformed and hostile boards. Each gives a clear error that
// names the place, or a documented tolerant result (docs/limits.md). None may
// crash, hang or silently lose a note.
#include <gtest/gtest.h>

#include "canvasfit/analyze.hpp"
#include "canvasfit/errors.hpp"

using namespace canvasfit;

namespace {

struct Rejected {
    const char* name;
    std::string input;
    const char* where;    // expected start of InputError::where()
    const char* message;  // expected substring of what()
};

std::string excalidraw(const std::string& elements) {
    return R"({"type": "excalidraw", "version": 2, "source": "test", "elements": [)" + elements + "]}";
}

std::string rectangle(const std::string& id, const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "type": "rectangle", "x": 0, "y": 0, "width": 100, "height": 100)" +
           extra + "}";
}

std::string canvasfit_board(const std::string& notes) {
    return R"({"schema": "canvasfit.board/1", "notes": [)" + notes + "]}";
}

std::string miro_page(const std::string& items) { return R"({"data": [)" + items + R"(], "type": "cursor-list"})"; }

std::string sticky(const std::string& id, const std::string& content, const std::string& position) {
    return R"({"id": ")" + id + R"(", "type": "sticky_note", "data": {"content": ")" + content +
           R"("}, "position": )" + position + R"(, "geometry": {"width": 199}})";
}

const std::string kOrigin = R"({"x": 0, "y": 0, "origin": "center", "relativeTo": "canvas_center"})";

std::vector<Rejected> rejected_inputs() {
    return {
        {"empty input", "", "line 1, column 1", "invalid JSON"},
        {"truncated JSON", excalidraw(rectangle("a")).substr(0, 60), "line 1", "invalid JSON"},
        {"not JSON at all", "<html><body>board</body></html>", "line 1, column 1", "invalid JSON"},
        {"invalid UTF-8", canvasfit_board("{\"id\": \"n\", \"text\": \"\xc3\x28\", \"x\": 0, \"y\": 0}"),
         "line 1", "invalid JSON"},
        {"number too large for a double", canvasfit_board(R"({"id": "n", "text": "t", "x": 1e400, "y": 0})"),
         "line 1, column 73", "invalid JSON: the number 1e400 is too large for a double"},
        {"deep nesting", std::string(5000, '[') + std::string(5000, ']'), "line 1, column 129", "nests deeper"},
        {"unknown board format", R"({"nodes": []})", "/", "unrecognised board"},
        {"array of numbers", "[1, 2, 3]", "/", "unrecognised board"},
        {"wrong Excalidraw version", R"({"type": "excalidraw", "version": 3, "elements": []})", "/version", ""},
        {"elements not a list", R"({"type": "excalidraw", "version": 2, "elements": {}})", "/elements", ""},
        {"element without id", excalidraw(R"({"type": "rectangle", "x": 0, "y": 0, "width": 1, "height": 1})"),
         "/elements/0/id", ""},
        {"coordinate as text", excalidraw(R"({"id": "a", "type": "rectangle", "x": "10", "y": 0, "width": 1, "height": 1})"),
         "/elements/0/x", "'a'"},
        {"coordinate out of range", excalidraw(rectangle("a", R"(, "x": 1e300)")), "/elements/0/x", ""},
        {"duplicate ids", excalidraw(rectangle("a") + "," + rectangle("a")), "a", "duplicate id 'a'"},
        {"missing note id in CanvasFit board", canvasfit_board(R"({"text": "t", "x": 0, "y": 0})"),
         "/notes/0/id", "missing required field 'id'"},
        {"negative size", canvasfit_board(R"({"id": "n", "text": "t", "x": 0, "y": 0, "width": -5})"),
         "/notes/0", "negative"},
        {"text too long", canvasfit_board(R"({"id": "n", "text": ")" + std::string(20000, 'a') + R"(", "x": 0, "y": 0})"),
         "n", "more than the limit"},
        {"ids colliding across types",
         R"({"schema": "canvasfit.board/1", "notes": [{"id": "x", "text": "t", "x": 0, "y": 0}],
             "markers": [{"id": "x", "x": 0, "y": 0}]})", "x", "duplicate id 'x'"},
        {"Miro position as text", miro_page(sticky("1", "Pain", R"({"x": "left", "y": 0})")), "/data/0/position/x", ""},
        {"Miro item without id", miro_page(R"({"type": "sticky_note", "data": {"content": "x"}})"), "/data/0/id", ""},
    };
}

class HostileInput : public ::testing::TestWithParam<Rejected> {};

}  // namespace

TEST_P(HostileInput, IsRejectedWithAClearError) {
    const Rejected& input = GetParam();
    try {
        analyze_text(input.input);
        ADD_FAILURE() << input.name << ": accepted";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.where()).rfind(input.where, 0), 0u)
            << input.name << ": where() is '" << e.where() << "'";
        EXPECT_NE(std::string(e.what()).find(input.message), std::string::npos)
            << input.name << ": message is '" << e.what() << "'";
        EXPECT_GT(std::string(e.what()).size(), 10u) << input.name;
    }
}

INSTANTIATE_TEST_SUITE_P(Catalogue, HostileInput, ::testing::ValuesIn(rejected_inputs()),
                         [](const auto& info) {
                             std::string name = info.param.name;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

TEST(HostileInputTolerated, DeletedElementsDoNotExist) {
    const Report report = analyze_text(excalidraw(
        R"({"id": "gone", "type": "text", "x": 0, "y": 0, "width": 10, "height": 10, "text": "x",
            "originalText": "x", "isDeleted": true},
           {"id": "kept", "type": "text", "x": 0, "y": 0, "width": 10, "height": 10, "text": "Kept",
            "originalText": "Kept", "isDeleted": false})"));
    ASSERT_EQ(report.notes.size(), 1u);
    EXPECT_EQ(report.notes[0].id, "kept");
}

TEST(HostileInputTolerated, DanglingArrowIsSkippedAndReported) {
    const Report report = analyze_text(excalidraw(
        rectangle("a") + R"(, {"id": "arrow", "type": "arrow", "x": 0, "y": 0, "width": 10, "height": 10,
            "startBinding": {"elementId": "a"}, "endBinding": {"elementId": "ghost"}})"));
    ASSERT_EQ(report.warnings.size(), 1u);  // the empty rectangle is decoration: no note, no "no-sections"
    bool skipped = false;
    for (const Warning& warning : report.warnings)
        if (warning.code == "skipped-item" && warning.message.find("ghost") != std::string::npos) skipped = true;
    EXPECT_TRUE(skipped);
}

TEST(HostileInputTolerated, HtmlWithScriptsInMiroContentBecomesPlainText) {
    const Report report = analyze_text(miro_page(sticky(
        "1", R"(<p>Orders &amp; <b>payments</b> get lost</p><script>alert(1)</script><style>p{}</style>)",
        kOrigin)));
    ASSERT_EQ(report.notes.size(), 1u);
    EXPECT_EQ(report.notes[0].text, "Orders & payments get lost");
}

TEST(HostileInputTolerated, RightToLeftEmojiAndZeroWidthTextIsKeptAsWritten) {
    const std::string text = "\xd7\x94\xd7\x96\xd7\x9e\xd7\xa0\xd7\x95\xd7\xaa \xf0\x9f\x98\xa1 late\xe2\x80\x8b orders";
    const Report report = analyze_text(canvasfit_board(R"({"id": "n", "text": ")" + text + R"(", "x": 0, "y": 0})"));
    ASSERT_EQ(report.notes.size(), 1u);
    EXPECT_EQ(report.notes[0].text, text);
}

TEST(HostileInputTolerated, ManyEmptyNotesAreReadNotDropped) {
    std::string notes;
    for (int i = 0; i < 5000; ++i)
        notes += (i ? "," : "") + std::string(R"({"id": "n)") + std::to_string(i) + R"(", "text": "", "x": 0, "y": 0})";
    const Report report = analyze_text(canvasfit_board(notes));
    EXPECT_EQ(report.notes.size(), 5000u);
}

TEST(HostileInputTolerated, ConnectorToMissingNoteMakesNoLink) {
    const Report report = analyze_text(R"({"schema": "canvasfit.board/1",
        "notes": [{"id": "n", "text": "t", "x": 0, "y": 0}],
        "connectors": [{"id": "c", "from": "n", "to": "nowhere"}]})");
    EXPECT_TRUE(report.links.empty());
}

TEST(HostileInputTolerated, ErrorsNameTheSourceFile) {
    try {
        analyze_text("{", {InputFormat::automatic, "workshop.excalidraw"});
        FAIL() << "accepted";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.where()), "workshop.excalidraw: line 1, column 2");
    }
}

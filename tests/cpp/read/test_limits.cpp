// Every documented input limit (docs/limits.md, canvasfit/limits.hpp), tested
// at the limit (read) and just past it (a clear error naming what and where).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"
#include "canvasfit/errors.hpp"
#include "canvasfit/limits.hpp"
#include "canvasfit/readers.hpp"

using namespace canvasfit;

namespace {

std::string board_with(const std::string& notes, const std::string& rest = "") {
    return R"({"schema": "canvasfit.board/1", "notes": [)" + notes + "]" + rest + "}";
}

std::string note_with_text(const std::string& text) {
    return R"({"id": "n", "text": ")" + text + R"(", "x": 0, "y": 0})";
}

std::string note_at(const std::string& field, const std::string& value) {
    std::string note = R"({"id": "n", "text": "t", "x": 0, "y": 0, "width": 10, "height": 10})";
    const std::string key = "\"" + field + "\": ";
    const std::size_t at = note.find(key) + key.size();
    return note.replace(at, note.find_first_of(",}", at) - at, value);
}

std::string repeated(const std::string& piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

// The InputError `input` raises; fails the test if it is accepted.
InputError rejection(const std::string& input, InputFormat format = InputFormat::automatic) {
    try {
        read_board(input, format);
    } catch (const InputError& error) {
        return error;
    }
    ADD_FAILURE() << "accepted";
    return InputError("", "");
}

bool says(const InputError& error, const std::string& words) {
    return std::string(error.what()).find(words) != std::string::npos;
}

}  // namespace

// ---- input size

TEST(Limits, InputOfExactlyTheMaximumSizeIsRead) {
    std::string input = board_with(note_with_text("Late orders"));
    input.append(limits::kMaxInputBytes - input.size(), ' ');
    ASSERT_EQ(input.size(), limits::kMaxInputBytes);
    EXPECT_EQ(read_board(input).notes.size(), 1u);
}

TEST(Limits, InputOneByteOverTheMaximumIsRejectedBeforeParsing) {
    std::string input = board_with(note_with_text("Late orders"));
    input.append(limits::kMaxInputBytes + 1 - input.size(), ' ');
    const InputError error = rejection(input);
    EXPECT_EQ(error.where(), "input");
    EXPECT_TRUE(says(error, "67108865 bytes, more than the limit of 67108864")) << error.what();
}

// ---- nesting depth

TEST(Limits, NestingAtTheMaximumDepthIsRead) {
    // The board object is level 1 and "extra" opens 127 more.
    const std::size_t inner = limits::kMaxJsonDepth - 1;
    const std::string input = board_with(
        note_with_text("t"), R"(, "extra": )" + std::string(inner, '[') + std::string(inner, ']'));
    EXPECT_EQ(read_board(input).notes.size(), 1u);
}

TEST(Limits, NestingOneLevelDeeperIsRejectedAtTheBracketThatOpensIt) {
    const std::size_t inner = limits::kMaxJsonDepth;
    const std::string input = board_with(
        note_with_text("t"), R"(, "extra": )" + std::string(inner, '[') + std::string(inner, ']'));
    const InputError error = rejection(input);
    // One line of ASCII: the column is the byte offset plus one.
    const std::size_t bracket = input.find('[', input.find("extra")) + inner - 1;
    EXPECT_EQ(error.where(), "line 1, column " + std::to_string(bracket + 1));
    EXPECT_TRUE(says(error, "nests deeper than 128 levels")) << error.what();
}

TEST(Limits, BracketsInsideTextDoNotCountAsNesting) {
    const std::string text = std::string(1000, '[') + std::string(1000, '{');
    EXPECT_EQ(read_board(board_with(note_with_text(text))).notes[0].text, text);
}

// ---- items per board

namespace {

std::string board_of_connectors(std::size_t count) {
    std::string connectors;
    connectors.reserve(count * 36);
    for (std::size_t i = 0; i < count; ++i)
        connectors +=
            (i ? ",{\"id\":\"c" : "{\"id\":\"c") + std::to_string(i) + R"(","from":"a","to":"b"})";
    return board_with("", R"(, "connectors": [)" + connectors + "]");
}

}  // namespace

TEST(Limits, BoardWithTheMaximumNumberOfItemsIsRead) {
    EXPECT_EQ(read_board(board_of_connectors(limits::kMaxItems)).connectors.size(),
              limits::kMaxItems);
}

// How reading time grows with the item count (a parser callback once made it
// quadratic: 29 s for 200,000 connectors) is measured by the benchmarks, not
// timed here: bench/run.mjs checks "reading scaling" on every run, CI's short
// form included, and BoardWithTheMaximumNumberOfItemsIsRead reads 200,000.

TEST(Limits, BoardWithOneItemTooManyIsRejected) {
    const InputError error = rejection(board_of_connectors(limits::kMaxItems + 1));
    EXPECT_EQ(error.where(), "board");
    EXPECT_TRUE(says(error, "200001 items, more than the limit of 200000")) << error.what();
}

// ---- text per note

TEST(Limits, NoteWithTheMaximumTextIsRead) {
    const std::string text(limits::kMaxTextBytes, 'a');
    EXPECT_EQ(read_board(board_with(note_with_text(text))).notes[0].text.size(),
              limits::kMaxTextBytes);
}

TEST(Limits, TextLimitCountsBytesSoFourByteCharactersFitAQuarterAsMany) {
    const std::string emoji = "\xF0\x9F\x98\x80";
    EXPECT_EQ(read_board(board_with(note_with_text(repeated(emoji, 4096)))).notes[0].text.size(),
              limits::kMaxTextBytes);
    const InputError error = rejection(board_with(note_with_text(repeated(emoji, 4096) + "!")));
    EXPECT_EQ(error.where(), "n");
}

TEST(Limits, NoteOneByteOverTheTextLimitIsRejectedByItsId) {
    const InputError error =
        rejection(board_with(note_with_text(std::string(limits::kMaxTextBytes + 1, 'a'))));
    EXPECT_EQ(error.where(), "n");
    EXPECT_TRUE(says(error, "note 'n' has 16385 bytes of text, more than the limit of 16384"))
        << error.what();
}

TEST(Limits, MiroTextLimitIsMeasuredAfterMarkupRemoval) {
    const std::string text(limits::kMaxTextBytes, 'a');
    const std::string sticky =
        R"({"data": [{"id": "1", "type": "sticky_note", "data": {"content": "<p><b>)" + text +
        R"(</b></p>"}, "position": {"x": 0, "y": 0}}]})";
    EXPECT_EQ(read_board(sticky).notes[0].text, text);
    const std::string longer =
        R"({"data": [{"id": "1", "type": "sticky_note", "data": {"content": "<p>)" + text +
        R"(&amp;</p>"}, "position": {"x": 0, "y": 0}}]})";
    EXPECT_EQ(rejection(longer).where(), "1");
}

TEST(Limits, ExcalidrawTextLimitAppliesToTheShapeItIsBoundTo) {
    const std::string text(limits::kMaxTextBytes + 1, 'a');
    const std::string scene = R"({"type": "excalidraw", "version": 2, "elements": [
        {"id": "box", "type": "rectangle", "x": 0, "y": 0, "width": 100, "height": 100},
        {"id": "label", "type": "text", "x": 0, "y": 0, "containerId": "box", "text": ")" +
                              text + R"("}]})";
    EXPECT_EQ(rejection(scene).where(), "box");
}

// ---- coordinates and sizes

TEST(Limits, CoordinatesAndSizesAtTheRangeEdgeAreRead) {
    for (const char* field : {"x", "y", "width", "height"}) {
        const Board board = read_board(board_with(note_at(field, "1e9")));
        EXPECT_EQ(board.notes.size(), 1u) << field;
    }
    EXPECT_EQ(read_board(board_with(note_at("x", "-1e9"))).notes[0].bounds.x, -1e9);
}

TEST(Limits, CoordinatesJustPastTheRangeAreRejectedByField) {
    for (const char* field : {"x", "y", "width", "height"}) {
        const InputError error = rejection(board_with(note_at(field, "1000000001")));
        EXPECT_EQ(error.where(), std::string("/notes/0/") + field);
        EXPECT_TRUE(says(error, "out of range")) << error.what();
    }
    EXPECT_EQ(rejection(board_with(note_at("y", "-1000000001"))).where(), "/notes/0/y");
}

TEST(Limits, EveryReaderEnforcesTheCoordinateRange) {
    const std::string scene = R"({"type": "excalidraw", "version": 2, "elements": [
        {"id": "a", "type": "rectangle", "x": 0, "y": -1.5e9, "width": 1, "height": 1}]})";
    EXPECT_EQ(rejection(scene).where(), "/elements/0/y");
    const std::string miro = R"({"data": [{"id": "1", "type": "shape", "data": {"content": "x"},
        "position": {"x": 0, "y": 0}, "geometry": {"width": 1e10, "height": 1}}]})";
    EXPECT_EQ(rejection(miro).where(), "/data/0/geometry/width");
}

TEST(Limits, ZeroSizeIsReadAndNegativeSizeRejected) {
    EXPECT_EQ(read_board(board_with(note_at("width", "0"))).notes[0].bounds.width, 0);
    const InputError error = rejection(board_with(note_at("height", "-0.5")));
    EXPECT_EQ(error.where(), "/notes/0");
    EXPECT_TRUE(says(error, "must not be negative")) << error.what();
}

TEST(Limits, ExcalidrawNegativeSizesAreNormalisedFirst) {
    const Board board = read_board(R"({"type": "excalidraw", "version": 2, "elements": [
        {"id": "a", "type": "rectangle", "x": 300, "y": 50, "width": -200, "height": -40},
        {"id": "t", "type": "text", "x": 0, "y": 0, "containerId": "a", "text": "Late orders"}]})");
    ASSERT_EQ(board.notes.size(), 1u);
    EXPECT_EQ(board.notes[0].bounds.x, 100);
    EXPECT_EQ(board.notes[0].bounds.y, 10);
    EXPECT_EQ(board.notes[0].bounds.width, 200);
    EXPECT_EQ(board.notes[0].bounds.height, 40);
}

// ---- after a rejection

TEST(Limits, ARejectedInputLeavesTheNextAnalysisIntact) {
    const std::string good = board_with(note_with_text("Late orders"));
    const std::string expected = report_to_json(analyze_text(good));
    EXPECT_THROW(
        analyze_text(board_with(note_with_text(std::string(limits::kMaxTextBytes + 1, 'a')))),
        InputError);
    EXPECT_THROW(analyze_text(std::string(limits::kMaxJsonDepth + 1, '[')), InputError);
    EXPECT_EQ(report_to_json(analyze_text(good)), expected);
}

// The documented values are the enforced ones.
TEST(Limits, DocumentationStatesTheEnforcedValues) {
    const std::string doc = test_support::read_source_file("docs/limits.md");
    static_assert(limits::kMaxInputBytes == 64u << 20 && limits::kMaxJsonDepth == 128 &&
                  limits::kMaxItems == 200000 && limits::kMaxTextBytes == 16 << 10);
    for (const char* value : {"| 64 MiB |", "| 128 |", "| 200,000 |", "| 16 KiB", "at most 1e9"})
        EXPECT_NE(doc.find(value), std::string::npos) << value;
}

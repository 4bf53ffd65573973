#include <gtest/gtest.h>

#include "canvasfit/errors.hpp"
#include "canvasfit/readers.hpp"

using namespace canvasfit;

namespace {

std::string where_of(const std::string& text) {
    try {
        read_board(text);
    } catch (const InputError& e) {
        return e.where() + " | " + e.what();
    }
    return "no error";
}

}  // namespace

TEST(CanvasFitReader, ReadsEveryField) {
    const Board board = read_board(R"({
      "schema": "canvasfit.board/1",
      "notes": [{"id": "p1", "text": "Orders get lost", "x": 10, "y": 20, "width": 160,
                 "height": 150, "kind": "sticky", "color": "#ffc9c9", "tags": ["validated"],
                 "parent": "f1", "author": "Ana"}],
      "containers": [{"id": "f1", "title": "Pains", "x": 0, "y": 0, "width": 600, "height": 500}],
      "connectors": [{"id": "c1", "from": "p1", "to": "p1", "label": "self"}],
      "markers": [{"id": "d1", "x": 12, "y": 22, "width": 16, "height": 16, "color": "red"}]
    })");
    EXPECT_EQ(board.format, "canvasfit");
    ASSERT_EQ(board.notes.size(), 1u);
    const Note& note = board.notes[0];
    EXPECT_EQ(note.text, "Orders get lost");
    EXPECT_DOUBLE_EQ(note.bounds.width, 160);
    EXPECT_DOUBLE_EQ(note.bounds.height, 150);
    EXPECT_EQ(note.tags, std::vector<std::string>{"validated"});
    EXPECT_EQ(note.parent, "f1");
    EXPECT_EQ(note.author, "Ana");
    ASSERT_EQ(board.containers.size(), 1u);
    EXPECT_EQ(board.containers[0].title, "Pains");
    ASSERT_EQ(board.connectors.size(), 1u);
    EXPECT_EQ(board.connectors[0].label, "self");
    ASSERT_EQ(board.markers.size(), 1u);
}

TEST(CanvasFitReader, DefaultsAreDocumented) {
    const Board board = read_board(
        R"({"schema": "canvasfit.board/1", "notes": [{"id": 7, "text": "x", "x": 0, "y": 0}]})");
    EXPECT_EQ(board.notes[0].id, "7");
    EXPECT_DOUBLE_EQ(board.notes[0].bounds.width, 100);
    EXPECT_EQ(board.notes[0].kind, NoteKind::sticky);
}

TEST(CanvasFitReader, ErrorsNameThePlaceAndTheNote) {
    EXPECT_EQ(where_of(R"({"schema": "canvasfit.board/2"})"),
              "/schema | unsupported board schema 'canvasfit.board/2' (this version reads "
              "canvasfit.board/1)");
    EXPECT_EQ(where_of(R"({"schema": "canvasfit.board/1", "notes": {}})"),
              "/notes | 'notes' must be a list");
    EXPECT_EQ(where_of(R"({"schema": "canvasfit.board/1", "notes": [{"text": "x", "x": 0, "y": 0}]})"),
              "/notes/0/id | missing required field 'id'");
    EXPECT_EQ(where_of(R"({"schema": "canvasfit.board/1",
                           "notes": [{"id": "n9", "text": 5, "x": 0, "y": 0}]})"),
              "/notes/0/text | field 'text' must be a string, found number (note 'n9')");
    EXPECT_EQ(where_of(R"({"schema": "canvasfit.board/1",
                           "notes": [{"id": "n9", "text": "x", "x": 0, "y": 0, "width": -4}]})"),
              "/notes/0 | width and height must not be negative (note 'n9')");
    EXPECT_EQ(where_of(R"({"schema": "canvasfit.board/1",
                           "notes": [{"id": "n9", "text": "x", "x": 0, "y": 0, "kind": "blob"}]})"),
              "/notes/0/kind | unknown note kind 'blob' (expected sticky, card, text or shape) "
              "(note 'n9')");
    EXPECT_EQ(where_of(R"({"schema": "canvasfit.board/1",
                           "notes": [{"id": "n9", "text": "x", "x": 0, "y": 0, "tags": [1]}]})"),
              "/notes/0/tags/0 | a tag must be a string (note 'n9')");
}

TEST(CanvasFitReader, ReadsTheLinesOfADrawnTemplate) {
    const Board board = read_board(R"({"schema": "canvasfit.board/1",
        "lines": [{"id": "split", "points": [[400, 0], [400.5, 800], [410, 900]]}]})");
    ASSERT_EQ(board.lines.size(), 1u);
    EXPECT_EQ(board.lines[0].id, "split");
    ASSERT_EQ(board.lines[0].points.size(), 3u);
    EXPECT_DOUBLE_EQ(board.lines[0].points[1].x, 400.5);
    EXPECT_DOUBLE_EQ(board.lines[0].points[2].y, 900);
}

TEST(CanvasFitReader, ALineErrorNamesThePointAndTheLine) {
    const std::string head = R"({"schema": "canvasfit.board/1", "lines": )";
    EXPECT_EQ(where_of(head + R"([{"id": "l1"}]})"), "/lines/0/points | missing required field 'points' (line 'l1')");
    EXPECT_EQ(where_of(head + R"([{"id": "l1", "points": [[0, 0], [1, "a"]]}]})"),
              "/lines/0/points/1 | a point must be [x, y]: two numbers, each at most 1e9 in size "
              "(line 'l1')");
    EXPECT_EQ(where_of(head + R"([{"id": "l1", "points": [[0, 0], [1, 2, 3]]}]})"),
              "/lines/0/points/1 | a point must be [x, y]: two numbers, each at most 1e9 in size "
              "(line 'l1')");
    EXPECT_EQ(where_of(head + R"([{"id": "l1", "points": [[0, 0]]}]})"),
              "/lines/0/points | field 'points' needs at least two points (line 'l1')");
    EXPECT_EQ(where_of(head + R"([{"id": "l1", "points": {"x": 0}}]})"),
              "/lines/0/points | field 'points' must be a list of [x, y] points (line 'l1')");
    EXPECT_EQ(where_of(head + R"({}})"), "/lines | 'lines' must be a list");
}

TEST(CanvasFitReader, DuplicateIdsAcrossKindsAreRejected) {
    EXPECT_EQ(where_of(R"({"schema": "canvasfit.board/1",
                           "notes": [{"id": "a", "text": "x", "x": 0, "y": 0}],
                           "containers": [{"id": "a", "title": "Pains", "x": 0, "y": 0,
                                           "width": 9, "height": 9}]})"),
              "a | duplicate id 'a' (used by a note and a container)");
}

TEST(CanvasFitReader, UnknownFieldsAreIgnored) {
    EXPECT_NO_THROW(read_board(R"({"schema": "canvasfit.board/1", "gold": {"x": 1},
                                   "notes": [{"id": "a", "text": "x", "x": 0, "y": 0, "z": 1}]})"));
}

TEST(Readers, UnrecognisedBoardsAreRejectedClearly) {
    EXPECT_EQ(where_of(R"({"hello": "world"})").substr(0, 30), "/ | unrecognised board: expect");
    EXPECT_EQ(where_of(R"([1, 2])").substr(0, 25), "/ | unrecognised board: e");
    EXPECT_THROW(parse_input_format("visio"), InputError);
    EXPECT_EQ(parse_input_format("miro"), InputFormat::miro);
}

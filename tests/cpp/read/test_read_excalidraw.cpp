// Behaviour of the Excalidraw reader: small inline scenes for each rule, the
// bundled examples, and bad input that must fail with the right JSON pointer.
#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <string>

#include "canvasfit/errors.hpp"
#include "canvasfit/readers.hpp"
#include "read/format_readers.hpp"
#include "read/json_input.hpp"

namespace canvasfit {
namespace {

using nlohmann::json;

std::string read_text_file(const std::string& relative_path) {
    std::ifstream file(std::string(CANVASFIT_SOURCE_DIR) + "/" + relative_path,
                       std::ios::binary);
    EXPECT_TRUE(file.good()) << "cannot open " << relative_path;
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

Board read_text(const std::string& text) { return read_excalidraw(json_input::parse(text)); }

Board read_elements(const std::string& elements) {
    return read_text(R"({"type":"excalidraw","version":2,"source":"test","elements":[)" +
                     elements + "]}");
}

// The JSON pointer of the InputError that reading `text` throws.
std::string error_location(const std::string& text) {
    try {
        read_text(text);
    } catch (const InputError& error) {
        return error.where();
    }
    ADD_FAILURE() << "no InputError for " << text;
    return "";
}

std::string elements_error_location(const std::string& elements) {
    return error_location(R"({"type":"excalidraw","version":2,"elements":[)" + elements + "]}");
}

const Note* find_note(const Board& board, const std::string& id) {
    for (const Note& note : board.notes)
        if (note.id == id) return &note;
    return nullptr;
}

const char* const kSticky =
    R"({"id":"r1","type":"rectangle","x":100,"y":200,"width":220,"height":120,"angle":0,
        "strokeColor":"#1e1e1e","backgroundColor":"#ffec99","frameId":null,"isDeleted":false,
        "boundElements":[{"type":"text","id":"t1"}]})";

const char* const kStickyText =
    R"({"id":"t1","type":"text","x":110,"y":230,"width":200,"height":50,
        "strokeColor":"#1e1e1e","backgroundColor":"transparent","isDeleted":false,
        "text":"Phone orders get\nlost at rush hour",
        "originalText":"Phone orders get lost at rush hour","containerId":"r1"})";

// --- detection ---------------------------------------------------------------

TEST(ExcalidrawDetection, RecognisesScenesAndClipboardData) {
    EXPECT_TRUE(is_excalidraw_scene(json::parse(R"({"type":"excalidraw","elements":[]})")));
    EXPECT_TRUE(
        is_excalidraw_scene(json::parse(R"({"type":"excalidraw/clipboard","elements":[]})")));
    EXPECT_FALSE(is_excalidraw_scene(json::parse(R"({"type":"excalidraw/clipboard"})")));
    EXPECT_FALSE(is_excalidraw_scene(json::parse(R"({"type":"excalidrawlib","libraryItems":[]})")));
    EXPECT_FALSE(is_excalidraw_scene(json::parse(R"({"data":[{"type":"sticky_note"}]})")));
    EXPECT_FALSE(is_excalidraw_scene(json::parse(R"({"type":2})")));
    EXPECT_FALSE(is_excalidraw_scene(json::parse(R"([{"type":"excalidraw"}])")));
}

TEST(ExcalidrawReader, ReadsClipboardDataWithoutVersion) {
    const Board board = read_text(std::string(R"({"type":"excalidraw/clipboard","elements":[)") +
                                  kSticky + "," + kStickyText + "]}");
    ASSERT_EQ(board.notes.size(), 1u);
    EXPECT_EQ(board.format, "excalidraw");
}

// --- notes -------------------------------------------------------------------

TEST(ExcalidrawReader, BoundTextBecomesTheShapesNote) {
    const Board board = read_elements(std::string(kStickyText) + "," + kSticky);
    ASSERT_EQ(board.notes.size(), 1u);
    const Note& note = board.notes[0];
    EXPECT_EQ(note.id, "r1");
    EXPECT_EQ(note.kind, NoteKind::shape);
    EXPECT_EQ(note.shape, "rectangle");
    EXPECT_EQ(note.text, "Phone orders get lost at rush hour");  // originalText, not wrapped text
    EXPECT_EQ(note.color, "#ffec99");
    EXPECT_EQ(note.bounds.x, 100);
    EXPECT_EQ(note.bounds.y, 200);
    EXPECT_EQ(note.bounds.width, 220);
    EXPECT_EQ(note.bounds.height, 120);
    EXPECT_EQ(note.parent, "");
    EXPECT_EQ(note.author, "");
    EXPECT_TRUE(note.tags.empty());
    EXPECT_TRUE(board.skipped.empty());
}

TEST(ExcalidrawReader, FallsBackToTextWithoutOriginalText) {
    const Board board = read_elements(R"(
        {"id":"e1","type":"ellipse","x":0,"y":0,"width":100,"height":80},
        {"id":"t1","type":"text","x":10,"y":10,"width":80,"height":20,"text":"Gets lost",
         "containerId":"e1"})");
    ASSERT_EQ(board.notes.size(), 1u);
    EXPECT_EQ(board.notes[0].text, "Gets lost");
    EXPECT_EQ(board.notes[0].shape, "ellipse");
}

TEST(ExcalidrawReader, ShapesWithoutTextAreNotesWithEmptyText) {
    const Board board = read_elements(R"(
        {"id":"d1","type":"diamond","x":0,"y":0,"width":50,"height":50,
         "backgroundColor":"transparent"},
        {"id":"dot","type":"ellipse","x":0,"y":0,"width":16,"height":16,
         "backgroundColor":"#e03131","fillStyle":"solid"})");
    ASSERT_EQ(board.notes.size(), 2u);
    EXPECT_EQ(board.notes[0].kind, NoteKind::shape);
    EXPECT_EQ(board.notes[0].shape, "diamond");
    EXPECT_EQ(board.notes[0].text, "");
    EXPECT_EQ(board.notes[0].color, "");  // transparent is no colour
    EXPECT_EQ(board.notes[1].color, "#e03131");
}

TEST(ExcalidrawReader, FreeTextIsATextNoteColouredByItsStroke) {
    const Board board = read_elements(R"(
        {"id":"t1","type":"text","x":5,"y":6,"width":300,"height":25,"strokeColor":"#1971c2",
         "backgroundColor":"transparent","text":"Idea: stamp card",
         "originalText":"Idea: stamp card","containerId":null})");
    ASSERT_EQ(board.notes.size(), 1u);
    EXPECT_EQ(board.notes[0].kind, NoteKind::text);
    EXPECT_EQ(board.notes[0].shape, "");
    EXPECT_EQ(board.notes[0].text, "Idea: stamp card");
    EXPECT_EQ(board.notes[0].color, "#1971c2");
}

TEST(ExcalidrawReader, TextWhoseContainerIsGoneIsFreeText) {
    const Board board = read_elements(R"(
        {"id":"gone","type":"rectangle","x":0,"y":0,"width":10,"height":10,"isDeleted":true},
        {"id":"t1","type":"text","x":0,"y":0,"text":"orphan","containerId":"gone"},
        {"id":"t2","type":"text","x":0,"y":50,"text":"never had one","containerId":"nowhere"})");
    ASSERT_EQ(board.notes.size(), 2u);
    EXPECT_EQ(board.notes[0].id, "t1");
    EXPECT_EQ(board.notes[0].kind, NoteKind::text);
    EXPECT_EQ(board.notes[1].text, "never had one");
    EXPECT_TRUE(board.skipped.empty());
}

TEST(ExcalidrawReader, DeletedElementsDoNotExist) {
    const Board board = read_elements(R"(
        {"id":"r1","type":"rectangle","x":0,"y":0,"width":10,"height":10,"isDeleted":true},
        {"id":"t1","type":"text","x":0,"y":0,"text":"old","containerId":"r1","isDeleted":true},
        {"id":"f1","type":"frame","x":0,"y":0,"width":10,"height":10,"name":"Pains",
         "isDeleted":true},
        {"id":"i1","type":"image","x":0,"y":0,"width":10,"height":10,"isDeleted":true},
        {"isDeleted":true},
        {"id":"r2","type":"rectangle","x":0,"y":0,"width":10,"height":10,"isDeleted":false})");
    ASSERT_EQ(board.notes.size(), 1u);
    EXPECT_EQ(board.notes[0].id, "r2");
    EXPECT_TRUE(board.containers.empty());
    EXPECT_TRUE(board.skipped.empty());
}

TEST(ExcalidrawReader, NegativeSizeIsNormalised) {
    const Board board = read_elements(R"(
        {"id":"r1","type":"rectangle","x":300,"y":200,"width":-100,"height":-50})");
    ASSERT_EQ(board.notes.size(), 1u);
    EXPECT_EQ(board.notes[0].bounds.x, 200);
    EXPECT_EQ(board.notes[0].bounds.y, 150);
    EXPECT_EQ(board.notes[0].bounds.width, 100);
    EXPECT_EQ(board.notes[0].bounds.height, 50);
}

TEST(ExcalidrawReader, RotatedShapeKeepsItsUnrotatedBox) {
    const Board board = read_elements(R"(
        {"id":"r1","type":"rectangle","x":10,"y":20,"width":200,"height":100,"angle":0.3})");
    ASSERT_EQ(board.notes.size(), 1u);
    EXPECT_EQ(board.notes[0].bounds.x, 10);
    EXPECT_EQ(board.notes[0].bounds.width, 200);
    EXPECT_EQ(board.notes[0].bounds.center_y(), 70);
}

TEST(ExcalidrawReader, TagsComeFromCustomDataWhenTheyAreStrings) {
    const Board board = read_elements(R"(
        {"id":"r1","type":"rectangle","x":0,"y":0,"width":1,"height":1,
         "customData":{"tags":["validated","interview 3"]}},
        {"id":"r2","type":"rectangle","x":0,"y":0,"width":1,"height":1,
         "customData":{"tags":["ok",7]}},
        {"id":"r3","type":"rectangle","x":0,"y":0,"width":1,"height":1,"customData":"plugin"})");
    ASSERT_EQ(board.notes.size(), 3u);
    EXPECT_EQ(board.notes[0].tags, (std::vector<std::string>{"validated", "interview 3"}));
    EXPECT_TRUE(board.notes[1].tags.empty());
    EXPECT_TRUE(board.notes[2].tags.empty());
}

// --- frames ------------------------------------------------------------------

TEST(ExcalidrawReader, FramesAreContainersAndFrameIdIsTheParent) {
    const Board board = read_elements(R"(
        {"id":"f1","type":"frame","x":0,"y":0,"width":600,"height":600,"name":"Pains",
         "frameId":null},
        {"id":"f2","type":"magicframe","x":700,"y":0,"width":600,"height":600,"name":null},
        {"id":"r1","type":"rectangle","x":10,"y":10,"width":100,"height":100,"frameId":"f1"},
        {"id":"t1","type":"text","x":720,"y":10,"text":"free","frameId":"f2"},
        {"id":"r2","type":"rectangle","x":10,"y":10,"width":100,"height":100,
         "frameId":"deleted-frame"})");
    ASSERT_EQ(board.containers.size(), 2u);
    EXPECT_EQ(board.containers[0].id, "f1");
    EXPECT_EQ(board.containers[0].kind, ContainerKind::frame);
    EXPECT_EQ(board.containers[0].title, "Pains");
    EXPECT_EQ(board.containers[0].bounds.width, 600);
    EXPECT_EQ(board.containers[0].parent, "");
    EXPECT_EQ(board.containers[1].title, "");
    ASSERT_EQ(board.notes.size(), 3u);
    EXPECT_EQ(find_note(board, "r1")->parent, "f1");
    EXPECT_EQ(find_note(board, "t1")->parent, "f2");
    EXPECT_EQ(find_note(board, "r2")->parent, "");  // stale frameId
}

// --- arrows ------------------------------------------------------------------

TEST(ExcalidrawReader, BoundArrowIsAConnectorAndItsTextIsTheLabel) {
    const Board board = read_elements(std::string(kSticky) + "," + kStickyText + R"(,
        {"id":"r2","type":"rectangle","x":500,"y":200,"width":220,"height":120},
        {"id":"a1","type":"arrow","x":325,"y":260,"width":170,"height":0,
         "points":[[0,0],[170,0]],"startBinding":{"elementId":"r2","focus":0,"gap":5},
         "endBinding":{"elementId":"r1","focus":0,"gap":5},"elbowed":false},
        {"id":"lbl","type":"text","x":380,"y":250,"text":"fixes","originalText":"fixes",
         "containerId":"a1"})");
    ASSERT_EQ(board.connectors.size(), 1u);
    const Connector& connector = board.connectors[0];
    EXPECT_EQ(connector.id, "a1");
    EXPECT_EQ(connector.from, "r2");
    EXPECT_EQ(connector.to, "r1");
    EXPECT_EQ(connector.label, "fixes");
    EXPECT_EQ(board.notes.size(), 2u);  // the label is not a note
    EXPECT_EQ(find_note(board, "lbl"), nullptr);
    EXPECT_TRUE(board.skipped.empty());
}

TEST(ExcalidrawReader, ArrowBoundToAShapesTextConnectsTheShape) {
    const Board board = read_elements(std::string(kSticky) + "," + kStickyText + R"(,
        {"id":"free","type":"text","x":0,"y":500,"text":"idea"},
        {"id":"a1","type":"arrow","x":0,"y":0,"width":1,"height":1,
         "startBinding":{"elementId":"free"},"endBinding":{"elementId":"t1"}})");
    ASSERT_EQ(board.connectors.size(), 1u);
    EXPECT_EQ(board.connectors[0].from, "free");
    EXPECT_EQ(board.connectors[0].to, "r1");
}

TEST(ExcalidrawReader, LineWithBothBindingsIsAConnector) {
    const Board board = read_elements(std::string(kSticky) + R"(,
        {"id":"f1","type":"frame","x":0,"y":0,"width":900,"height":900,"name":"Pains"},
        {"id":"l1","type":"line","x":0,"y":0,"width":1,"height":1,
         "startBinding":{"elementId":"r1"},"endBinding":{"elementId":"f1"}})");
    ASSERT_EQ(board.connectors.size(), 1u);
    EXPECT_EQ(board.connectors[0].from, "r1");
    EXPECT_EQ(board.connectors[0].to, "f1");
}

TEST(ExcalidrawReader, ArrowBoundToAMissingElementIsSkippedWithItsLocation) {
    const Board board = read_elements(std::string(kSticky) + R"(,
        {"id":"gone","type":"rectangle","x":0,"y":0,"width":1,"height":1,"isDeleted":true},
        {"id":"a1","type":"arrow","x":0,"y":0,"width":1,"height":1,
         "startBinding":{"elementId":"r1"},"endBinding":{"elementId":"ghost"}},
        {"id":"a2","type":"arrow","x":0,"y":0,"width":1,"height":1,
         "startBinding":{"elementId":"gone"},"endBinding":null},
        {"id":"lbl","type":"text","x":0,"y":0,"text":"causes","containerId":"a2"})");
    EXPECT_TRUE(board.connectors.empty());
    ASSERT_EQ(board.skipped.size(), 2u);
    EXPECT_EQ(board.skipped[0].item_id, "a1");
    EXPECT_EQ(board.skipped[0].location, "/elements/2");
    EXPECT_NE(board.skipped[0].message.find("arrow 'a1' is bound to missing element 'ghost'"),
              std::string::npos)
        << board.skipped[0].message;
    EXPECT_EQ(board.skipped[1].item_id, "a2");
    EXPECT_EQ(board.skipped[1].location, "/elements/3");
    EXPECT_NE(board.skipped[1].message.find("'gone'"), std::string::npos);
    EXPECT_NE(board.skipped[1].message.find("label 'causes'"), std::string::npos);
    EXPECT_EQ(board.notes.size(), 1u);  // the label is not a note either
}

TEST(ExcalidrawReader, LooseArrowsAreDrawingUnlessTheyCarryALabel) {
    const Board board = read_elements(std::string(kSticky) + R"(,
        {"id":"a1","type":"arrow","x":0,"y":0,"width":1,"height":1,
         "startBinding":null,"endBinding":null},
        {"id":"a2","type":"arrow","x":0,"y":0,"width":1,"height":1,
         "startBinding":{"elementId":"r1"},"endBinding":null},
        {"id":"a3","type":"arrow","x":0,"y":0,"width":1,"height":1},
        {"id":"lbl","type":"text","x":0,"y":0,"text":"why?","containerId":"a3"})");
    EXPECT_TRUE(board.connectors.empty());
    EXPECT_EQ(board.notes.size(), 1u);
    ASSERT_EQ(board.skipped.size(), 1u);
    EXPECT_EQ(board.skipped[0].item_id, "a3");
    EXPECT_NE(board.skipped[0].message.find("why?"), std::string::npos);
}

// A template's lines may divide a shape into sections (test_drawn_sections.cpp).
TEST(ExcalidrawReader, AnUnboundLineIsReadWithAbsolutePoints) {
    const Board board = read_elements(std::string(kSticky) + R"(,
        {"id":"l1","type":"line","x":100,"y":50,"width":0,"height":400,"angle":0,
         "points":[[0,0],[0,400]],"startBinding":null,"endBinding":null},
        {"id":"l2","type":"line","x":100,"y":50,"width":400,"height":0,"angle":1.5707963267948966,
         "points":[[0,0],[400,0]]},
        {"id":"a1","type":"arrow","x":0,"y":0,"width":1,"height":1,"points":[[0,0],[1,1]]})");
    ASSERT_EQ(board.lines.size(), 2u);  // the loose arrow is drawing still
    EXPECT_EQ(board.lines[0].id, "l1");
    EXPECT_DOUBLE_EQ(board.lines[0].points[0].x, 100);
    EXPECT_DOUBLE_EQ(board.lines[0].points[1].y, 450);
    // Turned a quarter about its middle (300, 50): now upright, from y -150 to 250.
    EXPECT_NEAR(board.lines[1].points[0].x, 300, 1e-9);
    EXPECT_NEAR(board.lines[1].points[0].y, -150, 1e-9);
    EXPECT_NEAR(board.lines[1].points[1].y, 250, 1e-9);
    EXPECT_TRUE(board.skipped.empty());
}

TEST(ExcalidrawReader, ALineWithBadPointsIsSkippedAndTheRestIsRead) {
    const Board board = read_elements(std::string(kSticky) + R"(,
        {"id":"l1","type":"line","x":0,"y":0,"width":1,"height":1,"points":[[0,0],["a",1]]})");
    EXPECT_TRUE(board.lines.empty());
    EXPECT_EQ(board.notes.size(), 1u);
    ASSERT_EQ(board.skipped.size(), 1u);
    EXPECT_EQ(board.skipped[0].item_id, "l1");
    EXPECT_NE(board.skipped[0].message.find("cannot divide a shape"), std::string::npos);
}

TEST(ExcalidrawReader, ArrowToAnElementThatIsNotReadIsSkipped) {
    const Board board = read_elements(std::string(kSticky) + R"(,
        {"id":"img","type":"image","x":0,"y":0,"width":100,"height":100,"fileId":"abc"},
        {"id":"a1","type":"arrow","x":0,"y":0,"width":1,"height":1,
         "startBinding":{"elementId":"r1"},"endBinding":{"elementId":"img"}})");
    EXPECT_TRUE(board.connectors.empty());
    ASSERT_EQ(board.skipped.size(), 2u);  // the image itself and the arrow
    EXPECT_EQ(board.skipped[1].item_id, "a1");
    EXPECT_NE(board.skipped[1].message.find("image 'img'"), std::string::npos);
}

// --- other element types -----------------------------------------------------

TEST(ExcalidrawReader, UnreadableContentIsListedAndDrawingIsIgnored) {
    const Board board = read_elements(R"(
        {"id":"img","type":"image","x":0,"y":0,"width":10,"height":10},
        {"id":"emb","type":"embeddable","x":0,"y":0,"width":10,"height":10},
        {"id":"ifr","type":"iframe","x":0,"y":0,"width":10,"height":10},
        {"id":"pen","type":"freedraw","x":0,"y":0,"width":10,"height":10,"points":[[0,0]]},
        {"id":"ln","type":"line","x":0,"y":0,"width":10,"height":10,"points":[[0,0],[10,10]]},
        {"id":"new","type":"hologram","x":0,"y":0})");
    EXPECT_TRUE(board.notes.empty());
    ASSERT_EQ(board.skipped.size(), 4u);
    EXPECT_EQ(board.skipped[0].item_id, "img");
    EXPECT_EQ(board.skipped[0].location, "/elements/0");
    EXPECT_EQ(board.skipped[1].item_id, "emb");
    EXPECT_EQ(board.skipped[2].item_id, "ifr");
    EXPECT_EQ(board.skipped[3].item_id, "new");
    EXPECT_NE(board.skipped[3].message.find("hologram"), std::string::npos);
}

// --- bad input ---------------------------------------------------------------

// The version is quoted as JSON writes it; an object or array by its type
// (before the module dropped nlohmann, by nlohmann's dump of it).
TEST(ExcalidrawErrors, QuoteAnUnsupportedVersion) {
    const auto message_of = [](const std::string& version) {
        try {
            read_board(R"({"type":"excalidraw","version":)" + version + R"(,"elements":[]})");
        } catch (const InputError& error) {
            return error.where() + ": " + error.what();
        }
        return std::string("no error");
    };
    const std::string rest = " (only version 2 is supported)";
    EXPECT_EQ(message_of("3"), "/version: unsupported Excalidraw scene version 3" + rest);
    EXPECT_EQ(message_of("2.5"), "/version: unsupported Excalidraw scene version 2.5" + rest);
    EXPECT_EQ(message_of("2e0"), "no error");
    EXPECT_EQ(message_of("-0.0"), "/version: unsupported Excalidraw scene version -0.0" + rest);
    EXPECT_EQ(message_of(R"("2\n")"), "/version: unsupported Excalidraw scene version \"2\\n\"" + rest);
    EXPECT_EQ(message_of("true"), "/version: unsupported Excalidraw scene version true" + rest);
    EXPECT_EQ(message_of("[2]"), "/version: unsupported Excalidraw scene version (an array)" + rest);
    EXPECT_EQ(message_of(R"({"v": 2})"),
              "/version: unsupported Excalidraw scene version (an object)" + rest);
}

TEST(ExcalidrawErrors, NameTheJsonPointerOfTheProblem) {
    EXPECT_EQ(error_location(R"([1,2])"), "/");
    EXPECT_EQ(error_location(R"({"type":"excalidraw","version":2})"), "/elements");
    EXPECT_EQ(error_location(R"({"type":"excalidraw","version":2,"elements":{}})"), "/elements");
    EXPECT_EQ(error_location(R"({"type":"excalidraw","version":3,"elements":[]})"), "/version");
    EXPECT_EQ(error_location(R"({"type":"excalidraw","version":"2","elements":[]})"), "/version");
    EXPECT_EQ(error_location(R"({"type":"miro","elements":[]})"), "/type");
    EXPECT_EQ(elements_error_location(R"({"id":"a","type":"text","x":0,"y":0},7)"),
              "/elements/1");
    EXPECT_EQ(elements_error_location(R"({"type":"rectangle","x":0,"y":0})"), "/elements/0/id");
    EXPECT_EQ(elements_error_location(R"({"id":42,"type":"rectangle","x":0,"y":0})"),
              "/elements/0/id");
    EXPECT_EQ(elements_error_location(R"({"id":"","type":"rectangle","x":0,"y":0})"),
              "/elements/0/id");
    EXPECT_EQ(elements_error_location(R"({"id":"a","x":0,"y":0})"), "/elements/0/type");
    EXPECT_EQ(elements_error_location(R"({"id":"a","type":"rectangle","x":"10","y":0})"),
              "/elements/0/x");
    EXPECT_EQ(elements_error_location(R"({"id":"a","type":"rectangle","x":0})"),
              "/elements/0/y");
    EXPECT_EQ(elements_error_location(R"({"id":"a","type":"frame","x":0,"y":1e300})"),
              "/elements/0/y");
    EXPECT_EQ(elements_error_location(R"({"id":"a","type":"rectangle","x":0,"y":0,"width":[]})"),
              "/elements/0/width");
    EXPECT_EQ(elements_error_location(R"({"id":"a","type":"rectangle","isDeleted":"no"})"),
              "/elements/0/isDeleted");
    EXPECT_EQ(elements_error_location(R"({"id":"a","type":"text","x":0,"y":0,"text":5})"),
              "/elements/0/text");
    EXPECT_EQ(elements_error_location(R"({"id":"a","type":"text","x":0,"y":0,"containerId":5})"),
              "/elements/0/containerId");
    EXPECT_EQ(elements_error_location(R"({"id":"a","type":"frame","x":0,"y":0,"name":["P"]})"),
              "/elements/0/name");
    EXPECT_EQ(
        elements_error_location(R"({"id":"a","type":"rectangle","x":0,"y":0,"frameId":{}})"),
        "/elements/0/frameId");
    EXPECT_EQ(elements_error_location(
                  R"({"id":"a","type":"rectangle","x":0,"y":0},
                     {"id":"b","type":"arrow","x":0,"y":0,"startBinding":{"elementId":1}})"),
              "/elements/1/startBinding/elementId");
    EXPECT_EQ(elements_error_location(R"({"id":"b","type":"arrow","x":0,"y":0,"endBinding":"a"})"),
              "/elements/0/endBinding");
}

TEST(ExcalidrawErrors, MessageNamesTheElementId) {
    try {
        read_elements(R"({"id":"sticky-7","type":"rectangle","x":"left","y":0})");
        FAIL() << "no InputError";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("sticky-7"), std::string::npos) << error.what();
    }
}

TEST(ExcalidrawErrors, NumbersOutOfRangeAreInputErrors) {
    // 1e400 overflows a double: the parser rejects it before the reader runs.
    EXPECT_THROW(read_elements(R"({"id":"a","type":"rectangle","x":1e400,"y":0})"), InputError);
    // A finite number past the coordinate limit is the reader's error, with its pointer.
    // (A non-finite one could only come from a tree built in code; the reader reads text.)
    try {
        read_elements(R"({"id":"a","type":"rectangle","x":0,"y":0,"width":1e300,"height":10})");
        FAIL() << "no InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(error.where(), "/elements/0/width");
    }
}

// One element of each kind from the cafe example, with what they refer to.
json small_realistic_scene() {
    const std::set<std::string> wanted = {
        "cafe-heading",     "frame-pains",   "frame-relievers", "pains-1",
        "pains-1-text",     "relievers-2",   "relievers-2-text", "vote-1",
        "link-1",           "link-1-label",  "creators-idea",   "products-deleted",
        "products-deleted-text"};
    json scene = json_input::parse(read_text_file("examples/cafe-canvas.excalidraw"));
    json kept = json::array();
    for (const json& element : scene["elements"])
        if (wanted.count(element["id"].get<std::string>()) != 0) kept.push_back(element);
    scene["elements"] = kept;
    return scene;
}

// Every field of every kind of element, replaced by every kind of JSON value:
// the reader either reads the scene or throws InputError, never anything else.
TEST(ExcalidrawErrors, NoFieldValueMakesTheReaderFailOtherwise) {
    json scene = small_realistic_scene();
    ASSERT_EQ(scene["elements"].size(), 13u);
    EXPECT_EQ(read_excalidraw(scene).connectors.size(), 1u);
    const json replacements[] = {nullptr, "x", -1, 1e300, json::array(), json::object(), true};
    for (json& element : scene["elements"]) {
        const json original = element;
        for (const auto& field : original.items()) {
            for (const json& replacement : replacements) {
                element[field.key()] = replacement;
                try {
                    read_excalidraw(scene);
                } catch (const InputError&) {
                } catch (const std::exception& other) {
                    ADD_FAILURE() << original["id"] << "." << field.key() << " = "
                                  << replacement.dump() << ": " << other.what();
                }
            }
            element = original;
        }
    }
}

// --- bundled examples --------------------------------------------------------

Board read_example(const std::string& name) {
    return read_text(read_text_file("examples/" + name));
}

void expect_every_gold_note_is_read(const Board& board, const std::string& example) {
    const json gold =
        json_input::parse(read_text_file("tests/data/gold/" + example + ".gold.json"));
    for (const auto& entry : gold["notes"].items()) {
        const Note* note = find_note(board, entry.key());
        ASSERT_NE(note, nullptr) << entry.key();
        EXPECT_FALSE(note->text.empty()) << entry.key();
    }
}

TEST(ExcalidrawExamples, CafeCanvasHasSevenFramesNotesArrowsAndDots) {
    const Board board = read_example("cafe-canvas.excalidraw");
    EXPECT_EQ(board.format, "excalidraw");
    EXPECT_EQ(board.containers.size(), 7u);
    for (const Container& frame : board.containers) EXPECT_FALSE(frame.title.empty());
    // 38 stickies and idea texts, the canvas heading and 2 dot votes
    EXPECT_EQ(board.notes.size(), 41u);
    EXPECT_EQ(board.connectors.size(), 2u);
    EXPECT_TRUE(board.skipped.empty());
    EXPECT_EQ(find_note(board, "products-deleted"), nullptr);

    const Note* pain = find_note(board, "pains-1");
    ASSERT_NE(pain, nullptr);
    EXPECT_EQ(pain->text, "Phone orders get lost at rush hour");
    EXPECT_EQ(pain->parent, "frame-pains");
    const Note* dot = find_note(board, "vote-1");
    ASSERT_NE(dot, nullptr);
    EXPECT_EQ(dot->shape, "ellipse");
    EXPECT_TRUE(dot->text.empty());
    EXPECT_TRUE(dot->bounds.overlaps(pain->bounds));
    EXPECT_EQ(board.connectors[0].from, "relievers-2");
    EXPECT_EQ(board.connectors[0].to, "pains-1");
    EXPECT_EQ(board.connectors[0].label, "fixes");
    expect_every_gold_note_is_read(board, "cafe-canvas.excalidraw");
}

TEST(ExcalidrawExamples, TwoCanvasesAreShapesWithFreeTitles) {
    const Board board = read_example("two-canvases.excalidraw");
    EXPECT_TRUE(board.containers.empty());  // sections are shapes, decided later
    // per canvas: 7 section rectangles, 7 title texts; 54 stickies in all
    EXPECT_EQ(board.notes.size(), 2 * 14 + 54u);
    EXPECT_TRUE(board.connectors.empty());
    EXPECT_TRUE(board.skipped.empty());
    const Note* title = find_note(board, "students-pains-title");
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->kind, NoteKind::text);
    EXPECT_EQ(title->text, "Pains");
    const Note* area = find_note(board, "students-pains-area");
    ASSERT_NE(area, nullptr);
    EXPECT_TRUE(area->text.empty());
    EXPECT_TRUE(area->bounds.contains_center_of(title->bounds));
    expect_every_gold_note_is_read(board, "two-canvases.excalidraw");
}

}  // namespace
}  // namespace canvasfit

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "structure/structure.hpp"
#include "canvasfit/errors.hpp"
#include "read/format_readers.hpp"
#include "read/json_input.hpp"

namespace canvasfit {
namespace {

using nlohmann::json;

// ----- building Miro items the way the REST API returns them -----

json position(double x, double y, const char* relative_to = "canvas_center") {
    return {{"x", x}, {"y", y}, {"origin", "center"}, {"relativeTo", relative_to}};
}

json sticky(const std::string& id, double x, double y, const std::string& content = "<p>idea</p>") {
    return {{"id", id},
            {"type", "sticky_note"},
            {"data", {{"content", content}, {"shape", "square"}}},
            {"style", {{"fillColor", "light_yellow"}, {"textAlign", "center"}}},
            {"geometry", {{"width", 200.0}, {"height", 200.0}}},
            {"position", position(x, y)},
            {"createdBy", {{"id", "3074457350000000001"}, {"type", "user"}}}};
}

json frame(const std::string& id, double x, double y, double width, double height,
           const std::string& title) {
    return {{"id", id},
            {"type", "frame"},
            {"data", {{"title", title}, {"format", "custom"}, {"type", "freeform"}}},
            {"style", {{"fillColor", "#ffffffff"}}},
            {"geometry", {{"width", width}, {"height", height}}},
            {"position", position(x, y)}};
}

// Moves an item into a frame, its position now counting from the frame's top-left.
json in_frame(json item, const std::string& frame_id) {
    item["parent"] = {{"id", frame_id}, {"links", {{"self", "https://api.miro.com/v2/x"}}}};
    item["position"]["relativeTo"] = "parent_top_left";
    return item;
}

json page(const json& items, const char* cursor = "") {
    return {{"data", items},        {"total", items.size()},
            {"size", items.size()}, {"limit", 10},
            {"cursor", cursor},     {"links", {{"self", "https://api.miro.com/v2/boards/b/items"}}},
            {"type", "cursor-list"}};
}

json connector(const std::string& id, const std::string& from, const std::string& to,
               const std::string& caption = "") {
    json value = {{"id", id},
                  {"type", "connector"},
                  {"shape", "curved"},
                  {"startItem", {{"id", from}}},
                  {"endItem", {{"id", to}}},
                  {"isSupported", true}};
    if (!caption.empty())
        value["captions"] = json::array({{{"content", caption}, {"position", "50%"}}});
    return value;
}

Board read(const json& document) { return read_miro(json_input::parse(document.dump())); }

InputError read_error(const json& document) {
    try {
        read(document);
    } catch (const InputError& error) {
        return error;
    }
    ADD_FAILURE() << "expected an InputError for " << document.dump();
    return InputError("", "");
}

const Note* find_note(const Board& board, const std::string& id) {
    for (const Note& note : board.notes)
        if (note.id == id) return &note;
    return nullptr;
}

std::string read_file(const std::string& relative_path) {
    std::ifstream in(std::string(CANVASFIT_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot open " << relative_path;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// ----- geometry -----

TEST(MiroReader, ConvertsCentreToTopLeft) {
    const Board board = read(page(json::array({sticky("1", 100, 50)})));
    ASSERT_EQ(board.notes.size(), 1u);
    const Rect& bounds = board.notes[0].bounds;
    EXPECT_DOUBLE_EQ(bounds.x, 0);
    EXPECT_DOUBLE_EQ(bounds.y, -50);
    EXPECT_DOUBLE_EQ(bounds.width, 200);
    EXPECT_DOUBLE_EQ(bounds.height, 200);
    EXPECT_EQ(board.format, "miro");
}

TEST(MiroReader, ResolvesPositionsRelativeToParentFrame) {
    // The child comes before its frame, as it may across pages.
    const Board board = read(page(json::array({in_frame(sticky("note", 100, 150), "frame"),
                                               frame("frame", 1000, 500, 800, 600, "Pains")})));
    ASSERT_EQ(board.containers.size(), 1u);
    const Rect& frame_bounds = board.containers[0].bounds;
    EXPECT_DOUBLE_EQ(frame_bounds.x, 600);
    EXPECT_DOUBLE_EQ(frame_bounds.y, 200);
    EXPECT_EQ(board.containers[0].title, "Pains");
    EXPECT_EQ(board.containers[0].kind, ContainerKind::frame);
    const Note* note = find_note(board, "note");
    ASSERT_NE(note, nullptr);
    EXPECT_DOUBLE_EQ(note->bounds.x, 600);  // 600 + 100 - 200 / 2
    EXPECT_DOUBLE_EQ(note->bounds.y, 250);  // 200 + 150 - 200 / 2
    EXPECT_EQ(note->parent, "frame");
    EXPECT_TRUE(board.skipped.empty());
}

TEST(MiroReader, ResolvesNestedFrames) {
    const Board board = read(page(json::array({
        in_frame(sticky("note", 50, 50), "inner"),
        in_frame(frame("inner", 200, 100, 400, 200, "Gains"), "outer"),
        frame("outer", 0, 0, 1000, 1000, "Canvas"),
    })));
    // outer top-left (-500,-500); inner centre (-300,-400), top-left (-500,-500)
    const Note* note = find_note(board, "note");
    ASSERT_NE(note, nullptr);
    EXPECT_DOUBLE_EQ(note->bounds.x, -550);
    EXPECT_DOUBLE_EQ(note->bounds.y, -550);
    EXPECT_EQ(note->parent, "inner");
    ASSERT_EQ(board.containers.size(), 2u);
    EXPECT_EQ(board.containers[0].parent, "outer");
}

TEST(MiroReader, FrameCycleIsAnErrorNamingTheItem) {
    const InputError error = read_error(page(json::array({
        in_frame(frame("a", 0, 0, 100, 100, "A"), "b"),
        in_frame(frame("b", 0, 0, 100, 100, "B"), "a"),
    })));
    EXPECT_EQ(error.where(), "/data/0/parent");
    EXPECT_NE(std::string(error.what()).find("'a'"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("cycle"), std::string::npos);
}

// Parents are resolved without recursion, so a hostile chain cannot exhaust the stack.
TEST(MiroReader, DeepFrameChainResolvesWithoutRecursion) {
    const std::size_t depth = 5000;
    json items = json::array();
    items.push_back(frame("f0", 0, 0, 100, 100, "Canvas"));
    for (std::size_t i = 1; i < depth; ++i)
        items.push_back(in_frame(frame("f" + std::to_string(i), 50, 50, 100, 100, "Nested"),
                                 "f" + std::to_string(i - 1)));
    std::reverse(items.begin(), items.end());  // deepest first: the worst order
    const Board board = read(page(items));
    ASSERT_EQ(board.containers.size(), depth);
    // Each frame is centred on its parent, so every one has the same bounds.
    EXPECT_DOUBLE_EQ(board.containers.front().bounds.x, -50);
    EXPECT_DOUBLE_EQ(board.containers.front().bounds.y, -50);
}

TEST(MiroReader, ParentCycleIsAnErrorEvenWithCanvasPositions) {
    json self = frame("self", 0, 0, 100, 100, "Loop");
    self["parent"] = {{"id", "self"}};
    const InputError error = read_error(page(json::array({self})));
    EXPECT_EQ(error.where(), "/data/0/parent");
    EXPECT_NE(std::string(error.what()).find("'self'"), std::string::npos);
}

TEST(MiroReader, MissingParentKeepsNoteWithAbsolutePositionAndReportsIt) {
    const Board board = read(page(json::array({in_frame(sticky("orphan", 300, 300), "999")})));
    const Note* note = find_note(board, "orphan");
    ASSERT_NE(note, nullptr);
    EXPECT_DOUBLE_EQ(note->bounds.x, 200);
    EXPECT_DOUBLE_EQ(note->bounds.y, 200);
    EXPECT_EQ(note->parent, "");
    ASSERT_EQ(board.skipped.size(), 1u);
    EXPECT_EQ(board.skipped[0].item_id, "orphan");
    EXPECT_EQ(board.skipped[0].location, "/data/0/parent/id");
    EXPECT_NE(board.skipped[0].message.find("parent frame '999' is missing"), std::string::npos);
    EXPECT_NE(board.skipped[0].message.find("taken as absolute"), std::string::npos);
}

TEST(MiroReader, CanvasRelativeChildOfMissingFrameNeedsNoWarning) {
    json item = sticky("n", 10, 10);
    item["parent"] = {{"id", "999"}};
    const Board board = read(page(json::array({item})));
    ASSERT_EQ(board.notes.size(), 1u);
    EXPECT_EQ(board.notes[0].parent, "");
    EXPECT_TRUE(board.skipped.empty());
}

TEST(MiroReader, StickyWithOneSideKeepsItsAspectRatio) {
    json square = sticky("square", 0, 0);
    square["geometry"] = {{"width", 398.0}};
    json rectangle = sticky("rectangle", 0, 0);
    rectangle["data"]["shape"] = "rectangle";
    rectangle["geometry"] = {{"height", 114.0}};
    json bare = sticky("bare", 0, 0);
    bare.erase("geometry");
    const Board board = read(page(json::array({square, rectangle, bare})));
    EXPECT_DOUBLE_EQ(find_note(board, "square")->bounds.height, 456);
    EXPECT_DOUBLE_EQ(find_note(board, "rectangle")->bounds.width, 175);
    EXPECT_DOUBLE_EQ(find_note(board, "bare")->bounds.width, 199);
    EXPECT_DOUBLE_EQ(find_note(board, "bare")->bounds.height, 228);
}

TEST(MiroReader, PositionWithoutRelativeToCountsFromParentWhenThereIsOne) {
    json child = in_frame(sticky("n", 100, 100), "f");
    child["position"].erase("relativeTo");
    const Board board = read(page(json::array({frame("f", 500, 500, 400, 400, "Jobs"), child})));
    EXPECT_DOUBLE_EQ(find_note(board, "n")->bounds.x, 300 + 100 - 100);
}

// ----- collection shapes -----

TEST(MiroReader, AcceptsEveryPaginationForm) {
    const json first = json::array({frame("f", 0, 0, 1000, 1000, "Pains"), sticky("1", 0, 0)});
    const json second = json::array({in_frame(sticky("2", 10, 10), "f")});
    json all = first;
    all.push_back(second[0]);
    const json forms[] = {
        page(all),
        json::array({page(first, "cursor-1"), page(second)}),
        all,
        {{"items", page(all)}},
        {{"items", json::array({page(first, "cursor-1"), page(second)})}},
        {{"items", all}},
    };
    for (const json& form : forms) {
        const Board board = read(form);
        EXPECT_EQ(board.notes.size(), 2u) << form.dump();
        EXPECT_EQ(board.containers.size(), 1u) << form.dump();
        ASSERT_NE(find_note(board, "2"), nullptr);
        EXPECT_DOUBLE_EQ(find_note(board, "2")->bounds.x, -590);  // -500 + 10 - 100
    }
}

TEST(MiroReader, EmptyPageIsAnEmptyBoard) {
    const Board board = read(page(json::array()));
    EXPECT_TRUE(board.notes.empty());
    EXPECT_TRUE(board.skipped.empty());
}

TEST(MiroReader, DetectsMiroExportsOnly) {
    const json items = json::array({sticky("1", 0, 0)});
    EXPECT_TRUE(is_miro_export(page(items)));
    EXPECT_TRUE(is_miro_export(items));
    EXPECT_TRUE(is_miro_export(json::array({page(items)})));
    EXPECT_TRUE(is_miro_export({{"items", page(items)}, {"connectors", page(json::array())}}));
    EXPECT_TRUE(is_miro_export(page(json::array())));  // an empty board, said to be a cursor-list

    const json excalidraw_text = {
        {"id", "t1"}, {"type", "text"}, {"x", 0}, {"y", 0}, {"text", "Pains"}};
    EXPECT_FALSE(
        is_miro_export({{"type", "excalidraw"}, {"elements", json::array({excalidraw_text})}}));
    EXPECT_FALSE(is_miro_export(json::array({excalidraw_text})));
    EXPECT_FALSE(is_miro_export({{"schema", "canvasfit.board/1"}, {"notes", json::array()}}));
    EXPECT_FALSE(is_miro_export({{"data", json::array({{{"id", "1"}, {"type", "invoice"}}})}}));
    EXPECT_FALSE(is_miro_export(json::object()));
    EXPECT_FALSE(is_miro_export(json::array()));
    EXPECT_FALSE(is_miro_export("data"));
}

// ----- item types -----

TEST(MiroReader, ConvertsEachItemType) {
    const json card = {{"id", "card"},
                       {"type", "card"},
                       {"data",
                        {{"title", "<p>Bank feed <strong>auto-match</strong></p>"},
                         {"description", "Rules learn from past matches &amp; flag odd ones"}}},
                       {"style", {{"cardTheme", "#2d9bf0"}}},
                       {"geometry", {{"width", 320.0}, {"height", 94.0}}},
                       {"position", position(0, 0)}};
    json app_card = card;
    app_card["id"] = "app";
    app_card["type"] = "app_card";
    const json text = {{"id", "text"},
                       {"type", "text"},
                       {"data", {{"content", "<p>Month-end&nbsp;close</p>"}}},
                       {"style", {{"fillColor", "transparent"}}},
                       {"geometry", {{"width", 300.0}}},
                       {"position", position(0, 0)}};
    const json shape = {{"id", "shape"},
                        {"type", "shape"},
                        {"data", {{"content", ""}, {"shape", "circle"}}},
                        {"style", {{"fillColor", "#e6e6e6"}}},
                        {"geometry", {{"width", 20.0}, {"height", 20.0}}},
                        {"position", position(0, 0)}};
    const Board board = read(page(json::array({card, app_card, text, shape})));
    ASSERT_EQ(board.notes.size(), 4u);
    EXPECT_EQ(board.notes[0].kind, NoteKind::card);
    EXPECT_EQ(board.notes[0].text,
              "Bank feed auto-match\nRules learn from past matches & flag odd ones");
    EXPECT_EQ(board.notes[0].color, "#2d9bf0");
    EXPECT_EQ(board.notes[1].kind, NoteKind::card);
    EXPECT_EQ(board.notes[2].kind, NoteKind::text);
    EXPECT_EQ(board.notes[2].text, "Month-end close");
    EXPECT_EQ(board.notes[2].color, "");
    EXPECT_DOUBLE_EQ(board.notes[2].bounds.height, 24);  // estimated: one line
    EXPECT_EQ(board.notes[3].kind, NoteKind::shape);
    EXPECT_EQ(board.notes[3].shape, "circle");
    EXPECT_EQ(board.notes[3].text, "");
    EXPECT_EQ(board.notes[3].color, "#e6e6e6");
}

TEST(MiroReader, StickyKeepsColourAuthorAndText) {
    const Board board = read(page(json::array(
        {sticky("1", 0, 0, "<p>Chasing clients for <b>receipts</b> &amp; statements</p>")})));
    ASSERT_EQ(board.notes.size(), 1u);
    EXPECT_EQ(board.notes[0].kind, NoteKind::sticky);
    EXPECT_EQ(board.notes[0].text, "Chasing clients for receipts & statements");
    EXPECT_EQ(board.notes[0].color, "light_yellow");
    EXPECT_EQ(board.notes[0].author, "3074457350000000001");
}

TEST(MiroReader, TagIdsBecomeTitlesWhenTagsAreBundled) {
    json tagged = sticky("1", 0, 0);
    tagged["tagIds"] = json::array({"t1", "t2"});
    EXPECT_EQ(read(page(json::array({tagged}))).notes[0].tags,
              (std::vector<std::string>{"t1", "t2"}));
    const json tags = page(json::array({{{"id", "t1"}, {"title", "validated"}, {"type", "tag"}}}));
    const Board board = read({{"items", page(json::array({tagged}))}, {"tags", tags}});
    EXPECT_EQ(board.notes[0].tags, (std::vector<std::string>{"validated", "t2"}));
}

TEST(MiroReader, TextlessAndUnknownItemsAreListedAsSkipped) {
    const json image = {{"id", "img"},
                        {"type", "image"},
                        {"data", {{"imageUrl", "x"}}},
                        {"position", position(0, 0)}};
    const json mindmap = {{"id", "mm"},
                          {"type", "mindmap_node"},
                          {"data", json::object()},
                          {"position", position(0, 0)}};
    const Board board = read({{"items", json::array({page(json::array({sticky("1", 0, 0)})),
                                                     page(json::array({image, mindmap}))})}});
    EXPECT_EQ(board.notes.size(), 1u);
    ASSERT_EQ(board.skipped.size(), 2u);
    EXPECT_EQ(board.skipped[0].item_id, "img");
    EXPECT_EQ(board.skipped[0].location, "/items/1/data/0");
    EXPECT_EQ(board.skipped[0].message, "item type 'image' carries no text");
    EXPECT_EQ(board.skipped[1].message, "item type 'mindmap_node' is not supported");
}

TEST(MiroReader, MalformedItemOfASkippedTypeIsOnlySkipped) {
    const json odd = {{"id", "mm"}, {"type", "mindmap_node"}, {"position", {{"x", "root"}}}};
    const Board board = read(page(json::array({odd, sticky("1", 0, 0)})));
    EXPECT_EQ(board.notes.size(), 1u);
    ASSERT_EQ(board.skipped.size(), 1u);
    EXPECT_EQ(board.skipped[0].item_id, "mm");
}

TEST(MiroReader, ItemWithoutPositionIsSkipped) {
    json item = sticky("embedded", 0, 0);
    item["position"] = {{"slotId", "s1"}};
    const Board board = read(page(json::array({item})));
    EXPECT_TRUE(board.notes.empty());
    ASSERT_EQ(board.skipped.size(), 1u);
    EXPECT_EQ(board.skipped[0].item_id, "embedded");
}

// ----- connectors -----

TEST(MiroReader, ReadsConnectorsFromTheBundleAndFromItems) {
    const json items =
        json::array({sticky("r", 0, 0), sticky("p", 500, 0), connector("c-in-items", "p", "r")});
    const json connectors =
        page(json::array({connector("c1", "r", "p", "<p>relieves &amp; fixes</p>")}));
    const Board board = read({{"items", page(items)}, {"connectors", connectors}});
    ASSERT_EQ(board.connectors.size(), 2u);  // in input order: items first
    EXPECT_EQ(board.connectors[0].id, "c-in-items");
    EXPECT_EQ(board.connectors[0].label, "");
    EXPECT_EQ(board.connectors[1].id, "c1");
    EXPECT_EQ(board.connectors[1].from, "r");
    EXPECT_EQ(board.connectors[1].to, "p");
    EXPECT_EQ(board.connectors[1].label, "relieves & fixes");
    EXPECT_TRUE(board.skipped.empty());
}

TEST(MiroReader, DanglingConnectorIsSkippedNotAnError) {
    const json image = {{"id", "img"}, {"type", "image"}, {"position", position(0, 0)}};
    json unattached = connector("c3", "r", "r");
    unattached.erase("endItem");
    const json connectors =
        json::array({connector("c1", "r", "gone"), connector("c2", "img", "r"), unattached});
    const Board board = read(
        {{"items", page(json::array({sticky("r", 0, 0), image}))}, {"connectors", connectors}});
    EXPECT_TRUE(board.connectors.empty());
    ASSERT_EQ(board.skipped.size(), 4u);  // the image and three connectors
    EXPECT_EQ(board.skipped[1].item_id, "c1");
    EXPECT_EQ(board.skipped[1].location, "/connectors/0");
    EXPECT_NE(board.skipped[1].message.find("'gone', which is not in the export"),
              std::string::npos);
    EXPECT_NE(board.skipped[2].message.find("'img', which was skipped"), std::string::npos);
    EXPECT_NE(board.skipped[3].message.find("both ends"), std::string::npos);
}

// ----- errors -----

TEST(MiroReader, ErrorsNameTheJsonPointerAndItemId) {
    json bad_x = sticky("42", 0, 0);
    bad_x["position"]["x"] = "left";
    InputError error = read_error(
        page(json::array({sticky("1", 0, 0), sticky("2", 0, 0), sticky("3", 0, 0), bad_x})));
    EXPECT_EQ(error.where(), "/data/3/position/x");
    EXPECT_NE(std::string(error.what()).find("'42'"), std::string::npos) << error.what();

    error = read_error({{"items", json::array({page(json::array({sticky("1", 0, 0)})),
                                               page(json::array({bad_x}))})}});
    EXPECT_EQ(error.where(), "/items/1/data/0/position/x");

    json no_id = sticky("1", 0, 0);
    no_id.erase("id");
    EXPECT_EQ(read_error(page(json::array({no_id}))).where(), "/data/0/id");

    EXPECT_EQ(read_error({{"data", {{"id", "1"}}}}).where(), "/data");
    EXPECT_EQ(read_error(json::object()).where(), "/data");
    EXPECT_EQ(read_error({{"items", 5}}).where(), "/items");
    EXPECT_EQ(read_error(json::array({page(json::array()), sticky("1", 0, 0)})).where(), "/1");
    EXPECT_EQ(read_error(page(json::array({"not an item"}))).where(), "/data/0");

    json far = sticky("far", 0, 0);
    far["position"]["y"] = 1e300;
    EXPECT_EQ(read_error(page(json::array({far}))).where(), "/data/0/position/y");

    json negative = sticky("neg", 0, 0);
    negative["geometry"]["width"] = -5.0;
    EXPECT_EQ(read_error(page(json::array({negative}))).where(), "/data/0/geometry/width");

    json odd_relative = sticky("odd", 0, 0);
    odd_relative["position"]["relativeTo"] = "viewport";
    EXPECT_EQ(read_error(page(json::array({odd_relative}))).where(), "/data/0/position/relativeTo");

    json no_type = sticky("nt", 0, 0);
    no_type.erase("type");
    EXPECT_EQ(read_error(page(json::array({no_type}))).where(), "/data/0/type");
}

TEST(MiroReader, DuplicateIdsAcrossPagesAreAnError) {
    const InputError error = read_error(json::array(
        {page(json::array({sticky("1", 0, 0)})), page(json::array({sticky("1", 5, 5)}))}));
    EXPECT_EQ(error.where(), "/1/data/0");
    EXPECT_NE(std::string(error.what()).find("/0/data/0"), std::string::npos);
}

// Text, not a tree: a tree cannot hold duplicate keys. nlohmann keeps the last
// of them, and so must the pull reader, for pages, items and nested objects.
TEST(MiroReader, DuplicateKeysKeepTheLastAsNlohmannDoes) {
    const Board board = read_miro(json_pull::Document::scan(
        R"({"data":[{"id":"1","type":"sticky_note","position":{"x":1,"y":2}}],)"
        R"("data":[{"id":"9","type":"text","position":{"x":0,"y":0},)"
        R"("data":{"content":"a"},"data":{"content":"<p>x</p><p>y</p>"}}]})"));
    ASSERT_EQ(board.notes.size(), 1u);
    EXPECT_EQ(board.notes[0].id, "9");
    EXPECT_EQ(board.notes[0].text, "x\ny");
    EXPECT_DOUBLE_EQ(board.notes[0].bounds.height, 48);  // two lines of text

    try {
        read_miro(json_pull::Document::scan(
            R"({"data":[{"id":"1","type":"sticky_note","position":{"x":1,"y":2},"position":{"x":5}}]})"));
        ADD_FAILURE() << "the second position has no y";
    } catch (const InputError& error) {
        EXPECT_EQ(error.where(), "/data/0/position/y");
    }
}

// The first element of a list decides whether it is a list of pages; a page
// whose last "data" is not a list is not one.
TEST(MiroReader, PageWhoseLastDataIsNotAListBreaksAListOfPages) {
    try {
        read_miro(json_pull::Document::scan(
            R"([{"data":[]},{"data":[{"id":"1","type":"frame"}],"data":{}}])"));
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& error) {
        EXPECT_EQ(error.where(), "/1");
        EXPECT_NE(std::string(error.what()).find("like the first element"), std::string::npos);
    }
}

// Replaces every field of every item, one at a time, with values of the wrong
// type: the reader must answer with a Board or an InputError, nothing else.
TEST(MiroReader, WrongTypesNeverCrash) {
    const json items = json::array({frame("f", 0, 0, 800, 800, "Gains"),
                                    in_frame(sticky("s", 10, 10), "f"), connector("c", "s", "f")});
    const json replacements[] = {nullptr,        json(-1),   json("x"), json::array({1}),
                                 json::object(), json(true), json(1e20)};
    auto try_read = [](const json& document) {
        try {
            read(document);
        } catch (const InputError&) {
        }
    };
    for (std::size_t i = 0; i < items.size(); ++i) {
        for (const auto& [key, value] : items[i].items()) {
            for (const json& replacement : replacements) {
                json mutated = items;
                mutated[i][key] = replacement;
                EXPECT_NO_FATAL_FAILURE(try_read(page(mutated)));
                if (!value.is_object()) continue;
                for (const auto& inner : value.items()) {
                    mutated = items;
                    mutated[i][key][inner.key()] = replacement;
                    EXPECT_NO_FATAL_FAILURE(try_read(page(mutated)));
                }
            }
        }
    }
}

// ----- the shipped examples -----

struct ExampleCounts {
    const char* file;
    std::size_t stickies, cards, texts, shapes, frames, connectors;
};

void expect_counts(const Board& board, const ExampleCounts& expected) {
    std::map<NoteKind, std::size_t> kinds;
    for (const Note& note : board.notes) ++kinds[note.kind];
    EXPECT_EQ(kinds[NoteKind::sticky], expected.stickies) << expected.file;
    EXPECT_EQ(kinds[NoteKind::card], expected.cards) << expected.file;
    EXPECT_EQ(kinds[NoteKind::text], expected.texts) << expected.file;
    EXPECT_EQ(kinds[NoteKind::shape], expected.shapes) << expected.file;
    EXPECT_EQ(board.containers.size(), expected.frames) << expected.file;
    EXPECT_EQ(board.connectors.size(), expected.connectors) << expected.file;
    EXPECT_TRUE(board.skipped.empty()) << expected.file;
}

// The gold file lists every idea note (sticky, card, text) and nothing else.
void expect_gold_matches(const Board& board, const std::string& example) {
    const json gold = json_input::parse(read_file("tests/data/gold/" + example + ".gold.json"));
    std::set<std::string> idea_ids;
    for (const Note& note : board.notes)
        if (note.kind != NoteKind::shape) idea_ids.insert(note.id);
    std::set<std::string> gold_ids;
    for (const auto& [id, expected] : gold.at("notes").items()) {
        gold_ids.insert(id);
        EXPECT_TRUE(expected.at("section").is_string()) << id;
        EXPECT_EQ(expected.at("canvas"), 1) << id;
    }
    EXPECT_EQ(gold_ids, idea_ids) << example;
    EXPECT_EQ(gold.at("canvases"), 1) << example;
}

TEST(MiroReader, ExampleSaasCanvas) {
    const std::string text = read_file("examples/miro-saas-canvas.json");
    const json root = json_input::parse(text);
    EXPECT_TRUE(is_miro_export(root));
    const Board board = read_miro(root);
    // 33 stickies, a card, a text item, the dot-vote circle; 7 frames; 2 connectors
    expect_counts(board, {"miro-saas-canvas.json", 33, 1, 1, 1, 7, 2});
    for (const Note& note : board.notes) {
        EXPECT_FALSE(note.parent.empty()) << note.id;
        for (const char* markup : {"<p>", "</", "<strong>", "&amp;", "&ndash;", "&lt;"})
            EXPECT_EQ(note.text.find(markup), std::string::npos) << note.id << ": " << note.text;
    }
    expect_gold_matches(board, "miro-saas-canvas.json");

    // The shared layout step sees seven sections and one dot vote.
    Board promoted = board;
    promote_structure(promoted);
    EXPECT_EQ(promoted.containers.size(), 7u);
    EXPECT_EQ(promoted.markers.size(), 1u);
    EXPECT_EQ(promoted.notes.size(), 35u);
}

TEST(MiroReader, ExampleShapesCanvas) {
    const json root = json_input::parse(read_file("examples/miro-shapes-canvas.json"));
    EXPECT_TRUE(is_miro_export(root));
    const Board board = read_miro(root);
    // seven titled section rectangles arrive as shape notes; the layout step promotes them
    expect_counts(board, {"miro-shapes-canvas.json", 30, 0, 0, 7, 0, 0});
    expect_gold_matches(board, "miro-shapes-canvas.json");

    Board promoted = board;
    promote_structure(promoted);
    EXPECT_EQ(promoted.containers.size(), 7u);
    EXPECT_EQ(promoted.notes.size(), 30u);
}

}  // namespace
}  // namespace canvasfit

// Live on Excalidraw by element: an Analyzer made from a scene's text keeps
// the scene, and after any sequence of element edits handed to
// update_elements() its report is byte for byte the report of a fresh
// analysis of the whole edited scene. Bad edits are named where the host
// wrote them and change nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "canvasfit/analyze.hpp"
#include "canvasfit/analyzer.hpp"
#include "canvasfit/errors.hpp"

using namespace canvasfit;
using nlohmann::json;

namespace {

json read_example(const std::string& name) {
    std::ifstream in(std::filesystem::path(CANVASFIT_SOURCE_DIR) / "examples" / name);
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

// A scene and the edits a Live host would hand over for each change made to
// it: the elements changed or added, the ids gone.
class EditedScene {
public:
    explicit EditedScene(json scene) : scene_(std::move(scene)) {}

    std::string text() const { return scene_.dump(); }

    json& element(const std::string& id) {
        for (json& element : scene_["elements"])
            if (element["id"] == id) return element;
        throw std::runtime_error("no element " + id);
    }

    // The sticky notes: shapes with a bound text.
    std::vector<std::string> stickies() const {
        std::vector<std::string> ids;
        for (const json& element : scene_["elements"])
            if (element["type"] == "text" && element["containerId"].is_string() &&
                !element.value("isDeleted", false))
                ids.push_back(element["containerId"]);
        return ids;
    }

    std::string text_of(const std::string& shape) const {
        for (const json& element : scene_["elements"])
            if (element["type"] == "text" && element["containerId"] == shape && !element.value("isDeleted", false))
                return element["id"];
        return "";
    }

    void changed(const std::string& id) { edits_["upsert"].push_back(element(id)); }

    // Deleted as Excalidraw deletes: a tombstone stays in the scene.
    void remove(const std::string& id) {
        element(id)["isDeleted"] = true;
        edits_["remove"].push_back(id);
    }

    void add(json element) {
        scene_["elements"].push_back(element);
        edits_["upsert"].push_back(std::move(element));
    }

    // The edits since the last call, as the host sends them.
    std::string take_edits() {
        const std::string text = edits_.dump();
        edits_ = json::object();
        return text;
    }

private:
    json scene_;
    json edits_ = json::object();
};

std::string fresh_report(const EditedScene& scene, const AnalyzeOptions& options = {}) {
    return report_to_json(analyze_text(scene.text(), options));
}

// One random edit of the kinds a facilitator makes: a reworded sticky, a
// sticky dragged (shape and text together), a recoloured one, one deleted,
// one added in the place of another.
void random_edit(EditedScene& scene, std::mt19937& random, int step) {
    const std::vector<std::string> stickies = scene.stickies();
    const std::string shape = stickies[random() % stickies.size()];
    const std::string text = scene.text_of(shape);
    switch (random() % 5) {
        case 0: {
            json& words = scene.element(text);
            const std::string reworded = words["originalText"].get<std::string>() + " faster, every week";
            words["text"] = reworded;
            words["originalText"] = reworded;
            scene.changed(text);
            break;
        }
        case 1: {
            const double dx = static_cast<double>(random() % 1200) - 600;
            const double dy = static_cast<double>(random() % 1200) - 600;
            for (const std::string& id : {shape, text}) {
                json& element = scene.element(id);
                element["x"] = element["x"].get<double>() + dx;
                element["y"] = element["y"].get<double>() + dy;
                scene.changed(id);
            }
            break;
        }
        case 2:
            scene.element(shape)["backgroundColor"] = (random() % 2) ? "#ffc9c9" : "#b2f2bb";
            scene.changed(shape);
            break;
        case 3:
            scene.remove(text);
            scene.remove(shape);
            break;
        default: {
            json added_shape = scene.element(shape);
            json added_text = scene.element(text);
            const std::string id = "added-" + std::to_string(step);
            added_shape["id"] = id;
            added_shape["x"] = added_shape["x"].get<double>() + 30;
            added_text["id"] = id + "-text";
            added_text["containerId"] = id;
            added_text["x"] = added_text["x"].get<double>() + 30;
            added_text["originalText"] = "Checkout in one tap, no queue";
            added_text["text"] = "Checkout in one tap, no queue";
            scene.add(added_shape);
            scene.add(added_text);
        }
    }
}

TEST(AnalyzerScene, ElementEditsMatchAFreshAnalysisOfTheEditedScene) {
    for (const char* example : {"cafe-canvas.excalidraw", "two-canvases.excalidraw"}) {
        EditedScene scene(read_example(example));
        Analyzer analyzer = Analyzer::from_text(scene.text());
        ASSERT_TRUE(analyzer.keeps_scene()) << example;
        std::mt19937 random(7);
        for (int step = 0; step < 40; ++step) {
            random_edit(scene, random, step);
            analyzer.update_elements(scene.take_edits());
            ASSERT_EQ(analyzer.report_json(), fresh_report(scene)) << example << ", step " << step;
        }
    }
}

TEST(AnalyzerScene, AnElementMarkedDeletedLeavesTheScene) {
    EditedScene scene(read_example("cafe-canvas.excalidraw"));
    Analyzer analyzer = Analyzer::from_text(scene.text());
    analyzer.changes();
    const std::string shape = scene.stickies().front();
    json deleted = scene.element(shape);
    deleted["isDeleted"] = true;
    const std::string text = scene.text_of(shape);
    scene.remove(text);
    scene.remove(shape);
    scene.take_edits();
    analyzer.update_elements(json{{"upsert", json::array({deleted})}, {"remove", json::array({text})}}.dump());
    EXPECT_EQ(analyzer.report_json(), fresh_report(scene));
    EXPECT_EQ(analyzer.changes().notes_removed, std::vector<std::string>{shape});
    json never_held = deleted;
    never_held["id"] = "drawn-and-deleted";
    analyzer.update_elements(json{{"upsert", json::array({never_held})}}.dump());
    EXPECT_TRUE(analyzer.changes().empty()) << "an element the scene never held, deleted, is nothing";
}

// What a refused edit must leave: the report, and a scene that takes the
// next good edit as if the bad one never came.
void expect_refused(Analyzer& analyzer, EditedScene& scene, const std::string& edits,
                    const std::string& where, const AnalyzeOptions& options) {
    const std::string before = analyzer.report_json();
    try {
        analyzer.update_elements(edits);
        ADD_FAILURE() << "accepted " << edits;
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), where) << e.what();
    }
    EXPECT_EQ(analyzer.report_json(), before);
    const std::string shape = scene.stickies().back();
    const std::string text = scene.text_of(shape);
    scene.element(text)["originalText"] = "Loyalty stamps on the phone";
    scene.changed(text);
    analyzer.update_elements(scene.take_edits());
    EXPECT_EQ(analyzer.report_json(), fresh_report(scene, options)) << "after refusing " << edits;
}

TEST(AnalyzerScene, ABadEditIsNamedWhereTheHostWroteItAndChangesNothing) {
    EditedScene scene(read_example("cafe-canvas.excalidraw"));
    AnalyzeOptions options;
    options.source = "board.excalidraw";
    Analyzer analyzer = Analyzer::from_text(scene.text(), options);
    const std::string shape = scene.stickies().front();
    json moved = scene.element(shape);
    moved["x"] = "far left";
    json added = moved;
    added["id"] = "new-one";
    added["x"] = 10;
    expect_refused(analyzer, scene, json{{"upsert", json::array({added, moved})}}.dump(),
                   "board.excalidraw: /upsert/1/x", options);
    json far = scene.element(shape);
    far["x"] = 2e9;
    expect_refused(analyzer, scene, json{{"upsert", json::array({far})}}.dump(), "board.excalidraw: /upsert/0/x", options);
    json long_text = scene.element(scene.text_of(shape));
    long_text["originalText"] = std::string(20000, 'a');  // read, then refused by the board rules
    expect_refused(analyzer, scene, json{{"upsert", json::array({long_text})}}.dump(), "board.excalidraw: " + shape,
                   options);
    expect_refused(analyzer, scene, json{{"upsert", json::array({added})}, {"remove", {"no-such"}}}.dump(),
                   "board.excalidraw: /remove/0", options);
    expect_refused(analyzer, scene, R"({"upsert": [17]})", "board.excalidraw: /upsert/0", options);
    expect_refused(analyzer, scene, R"({"upsert": [{"type": "rectangle"}]})", "board.excalidraw: /upsert/0/id", options);
    expect_refused(analyzer, scene, R"({"move": []})", "board.excalidraw: /move", options);
    expect_refused(analyzer, scene, R"([1, 2])", "board.excalidraw: /", options);
}

TEST(AnalyzerScene, KeepsNoSceneForAnotherFormatOrAfterANoteEdit) {
    Analyzer from_board = Analyzer::from_text(R"({"schema": "canvasfit.board/1", "notes": []})");
    EXPECT_FALSE(from_board.keeps_scene());
    try {
        from_board.update_elements(R"({"upsert": []})");
        ADD_FAILURE() << "a CanvasFit board has no elements";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), "elements");
    }
    EditedScene scene(read_example("cafe-canvas.excalidraw"));
    Analyzer analyzer = Analyzer::from_text(scene.text());
    ASSERT_TRUE(analyzer.keeps_scene());
    Note note = analyzer.board().notes.front();
    note.text += " today";
    analyzer.upsert_note(note);
    EXPECT_FALSE(analyzer.keeps_scene()) << "its board is no longer the scene's";
    EXPECT_THROW(analyzer.update_elements(R"({"upsert": []})"), InputError);
    analyzer.update_from_text(scene.text());
    EXPECT_TRUE(analyzer.keeps_scene()) << "the whole scene again";
    analyzer.update_elements(R"({"upsert": []})");
    EXPECT_EQ(analyzer.report_json(), fresh_report(scene));
}

}  // namespace

namespace {

// Hostile edits: elements with fields of the wrong type, ids that clash or
// vanish, bytes cut off. Each is refused with an InputError, changing
// nothing, or applied; never a crash, and the report always stays the one a
// fresh analysis of the Analyzer's board gives.
TEST(AnalyzerScene, HostileEditsAreRefusedOrAppliedNeverHalfway) {
    const json scene = read_example("two-canvases.excalidraw");
    Analyzer analyzer = Analyzer::from_text(scene.dump());
    std::mt19937 random(23);
    const json& elements = scene["elements"];
    const std::vector<json> oddities = {nullptr, "text", -1e308, 1e308, json::array(), json::object(), true, 0};
    const std::vector<std::string> fields = {"id", "type", "x", "width", "containerId", "frameId", "text",
                                             "originalText", "isDeleted", "startBinding", "customData"};
    std::size_t refused = 0, applied = 0;
    for (int step = 0; step < 300; ++step) {
        json edits = json::object();
        for (int k = 0; k < 1 + static_cast<int>(random() % 3); ++k) {
            json element = elements[random() % elements.size()];
            if (random() % 2) element[fields[random() % fields.size()]] = oddities[random() % oddities.size()];
            if (random() % 4 == 0) element["id"] = "new-" + std::to_string(random() % 5);
            edits["upsert"].push_back(element);
        }
        if (random() % 3 == 0) edits["remove"].push_back(elements[random() % elements.size()]["id"]);
        std::string text = edits.dump();
        if (random() % 5 == 0) text.resize(random() % text.size());  // cut off mid-way
        const std::string before = analyzer.report_json();
        try {
            analyzer.update_elements(text);
            ++applied;
        } catch (const InputError& e) {
            ++refused;
            ASSERT_EQ(analyzer.report_json(), before) << "step " << step << ": " << e.where() << " " << e.what();
        }
        ASSERT_EQ(analyzer.report_json(), report_to_json(analyze(analyzer.board()))) << "step " << step;
    }
    EXPECT_GT(refused, 30u);
    EXPECT_GT(applied, 30u);
}

}  // namespace

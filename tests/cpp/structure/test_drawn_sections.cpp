// Shapes that lines divide into sections (structure/drawn_sections.hpp): the
// canvas as Strategyzer draws it, a square and a circle cut by lines, one free
// title text in each part, and no frames.
#include <gtest/gtest.h>

#include <map>

#include "board_builder.hpp"
#include "placements_by_id.hpp"
#include "layout/layout.hpp"
#include "structure/structure.hpp"

using namespace canvasfit;
using namespace canvasfit::test_support;

namespace {

// The value map square (0..800) left, the profile circle (1000..1800) right.
// The square: products on the left half, gain creators top right, pain
// relievers bottom right. The circle: jobs on the right half, gains top
// left, pains bottom left.
Board strategyzer_drawing() {
    Board board;
    board.format = "excalidraw";
    board.notes.push_back(shape("square", "", {0, 0, 800, 800}));
    board.notes.push_back(shape("circle", "", {1000, 0, 800, 800}));
    board.notes.back().shape = "ellipse";
    board.notes.push_back(free_text("value-map", "Value Map", 300, -50));
    board.notes.push_back(free_text("profile", "Customer Profile", 1300, -50));
    const std::pair<const char*, Point> titles[] = {
        {"Products & Services", {20, 20}}, {"Gain Creators", {420, 20}}, {"Pain Relievers", {420, 420}},
        {"Gains", {1150, 80}},             {"Pains", {1150, 690}},       {"Customer Jobs", {1450, 380}}};
    for (const auto& [title, at] : titles) board.notes.push_back(free_text(title, title, at.x, at.y));
    const std::pair<const char*, Point> notes[] = {
        {"product", {100, 300}}, {"product-low", {100, 650}}, {"creator", {550, 150}},
        {"reliever", {550, 600}}, {"gain", {1150, 200}},       {"pain", {1180, 520}},
        {"job", {1550, 200}},     {"job-low", {1500, 600}}};
    for (const auto& [id, at] : notes) board.notes.push_back(sticky(id, std::string("note ") + id, at.x, at.y));
    board.lines = {{"split-square", {{400, 0}, {400, 800}}},
                   {"split-right", {{400, 400}, {800, 400}}},
                   {"split-circle", {{1400, 0}, {1400, 800}}},
                   {"split-left", {{1000, 400}, {1400, 400}}}};
    return board;
}

std::map<std::string, NotePlacement> placements(Board board) { return placements_by_id(std::move(board)); }

}  // namespace

TEST(DrawnSections, TheCanvasAsStrategyzerDrawsItGivesEverySection) {
    Board board = strategyzer_drawing();
    promote_structure(board);
    std::vector<std::string> left;
    for (const Note& note : board.notes) left.push_back(note.id);
    // The titles name sections; "Value Map" and "Customer Profile" are headings, not notes.
    EXPECT_EQ(left, (std::vector<std::string>{"product", "product-low", "creator", "reliever", "gain",
                                              "pain", "job", "job-low"}));
    const Layout layout = classify_layout(board);
    ASSERT_EQ(layout.canvases.size(), 1u);
    EXPECT_EQ(layout.canvases[0].sections.size(), 6u);

    const std::map<std::string, Section> expected = {
        {"product", Section::products}, {"product-low", Section::products}, {"creator", Section::creators},
        {"reliever", Section::relievers}, {"gain", Section::gains},         {"pain", Section::pains},
        {"job", Section::jobs},           {"job-low", Section::jobs}};
    for (const auto& [id, placement] : placements(strategyzer_drawing())) {
        EXPECT_EQ(placement.section, expected.at(id)) << id;
        EXPECT_EQ(placement.via, Placement::region) << id;
        EXPECT_EQ(placement.canvas, 0) << id;
    }
}

// Miro's apps cannot read lines, and freehand strokes are not lines: with no
// line in the shapes, titles placed as the canvas places them cut each shape
// as the canvas is cut. Before, the first title read in the square named the
// whole square: every note of the value map was a product, every profile note
// a gain.
TEST(DrawnSections, WithoutLinesTitlesPlacedAsOnTheCanvasCutTheShapesAsTheCanvasIs) {
    Board board = strategyzer_drawing();
    board.lines.clear();
    const auto placed = placements(board);
    EXPECT_EQ(placed.at("product-low").section, Section::products);
    EXPECT_EQ(placed.at("creator").section, Section::creators);
    EXPECT_EQ(placed.at("reliever").section, Section::relievers);
    EXPECT_EQ(placed.at("gain").section, Section::gains);
    EXPECT_EQ(placed.at("pain").section, Section::pains);
    EXPECT_EQ(placed.at("job-low").section, Section::jobs);
}

TEST(DrawnSections, WithoutLinesAMirroredValueMapIsCutAsDrawn) {
    Board board;
    board.notes.push_back(shape("square", "", {0, 0, 800, 800}));
    board.notes.push_back(free_text("t-creators", "Gain Creators", 20, 20));
    board.notes.push_back(free_text("t-relievers", "Pain Relievers", 20, 420));
    board.notes.push_back(free_text("t-products", "Products & Services", 620, 300));
    board.notes.push_back(sticky("creator", "note creator", 100, 150));
    board.notes.push_back(sticky("reliever", "note reliever", 100, 600));
    board.notes.push_back(sticky("product", "note product", 600, 100));
    const auto placed = placements(board);
    EXPECT_EQ(placed.at("creator").section, Section::creators);
    EXPECT_EQ(placed.at("reliever").section, Section::relievers);
    EXPECT_EQ(placed.at("product").section, Section::products);
}

// Titles placed otherwise, with no line: read as column headings
// (heading_columns.hpp), so only a note stacked right under a title is in
// its section; the rest get none.
TEST(DrawnSections, WithoutLinesAnyOtherArrangementReadsTheTitlesAsColumnHeadings) {
    Board board = strategyzer_drawing();
    board.lines.clear();
    for (Note& note : board.notes)  // the profile's three titles down its left side
        if (note.id == "Customer Jobs") note.bounds.x = 1050, note.bounds.y = 380;
    const auto placed = placements(board);
    EXPECT_EQ(placed.at("gain").section, Section::gains);  // right under "Gains"
    for (const char* id : {"pain", "job", "job-low"}) {
        EXPECT_EQ(placed.at(id).section, Section::unknown) << id;
        EXPECT_EQ(placed.at(id).via, Placement::none) << id;
    }
    EXPECT_EQ(placed.at("creator").section, Section::creators);  // the square still is the canvas's
}

TEST(DrawnSections, AHandDrawnLineThatStopsShortStillClosesTheSection) {
    Board board = strategyzer_drawing();
    board.lines[1] = {"split-right", {{410, 398}, {785, 404}}};  // short of both ends, a little askew
    auto placed = placements(board);
    EXPECT_EQ(placed["creator"].section, Section::creators);
    EXPECT_EQ(placed["reliever"].section, Section::relievers);

    board.lines[1] = {"split-right", {{400, 400}, {450, 400}}};  // a stub: the parts meet
    placed = placements(board);
    EXPECT_EQ(placed["creator"].section, Section::unknown);
    EXPECT_EQ(placed["reliever"].section, Section::unknown);
    EXPECT_EQ(placed["product"].section, Section::products);  // the other line still divides
}

TEST(DrawnSections, APolylineOrATiltedLineDividesToo) {
    Board board = strategyzer_drawing();
    board.lines[0] = {"split-square", {{400, 0}, {420, 400}, {400, 800}}};
    board.lines[3] = {"split-left", {{1000, 380}, {1400, 420}}};
    const auto placed = placements(board);
    EXPECT_EQ(placed.at("product").section, Section::products);
    EXPECT_EQ(placed.at("creator").section, Section::creators);
    EXPECT_EQ(placed.at("gain").section, Section::gains);
    EXPECT_EQ(placed.at("pain").section, Section::pains);
}

TEST(DrawnSections, ALineThatReachesNoEdgeDividesNothing) {
    Board board = strategyzer_drawing();
    board.lines.push_back({"underline", {{15, 55}, {260, 55}}});      // under "Products & Services"
    board.lines.push_back({"doodle", {{450, 250}, {520, 320}, {700, 260}}});  // between the creator and its title
    const auto placed = placements(board);
    EXPECT_EQ(placed.at("product").section, Section::products);
    EXPECT_EQ(placed.at("product-low").section, Section::products);
    EXPECT_EQ(placed.at("creator").section, Section::creators);
}

TEST(DrawnSections, ANoteInTheCirclesBoxButOutsideTheCircleIsInNoSection) {
    Board board = strategyzer_drawing();
    board.notes.push_back(sticky("corner", "note in the corner", 1010, 10));
    const auto placed = placements(board);
    EXPECT_EQ(placed.at("corner").section, Section::unknown);
    EXPECT_EQ(placed.at("corner").canvas, 0);
}

TEST(DrawnSections, ANoteAcrossALineIsPlacedByItsCentreWithLessConfidence) {
    Board board = strategyzer_drawing();
    board.notes.push_back(sticky("astride", "note on the line", 380, 150));  // centre at x 430
    const auto placed = placements(board);
    EXPECT_EQ(placed.at("astride").section, Section::creators);
    EXPECT_LT(placed.at("astride").confidence, 1.0);
    EXPECT_DOUBLE_EQ(placed.at("creator").confidence, 1.0);
}

// The incremental Analyzer places an edited note with the same index.
TEST(DrawnSections, ANoteMovedAcrossALineChangesSection) {
    Board board = strategyzer_drawing();
    promote_structure(board);
    const LayoutIndex index(board);
    Note moved = sticky("moved", "note moved", 550, 150);
    EXPECT_EQ(index.place(moved).section, Section::creators);
    moved.bounds.y = 600;
    EXPECT_EQ(index.place(moved).section, Section::relievers);
    moved.bounds.x = 100;
    EXPECT_EQ(index.place(moved).section, Section::products);
}

// Titles of one section only, or a single title, name the whole shape, as
// before; a title just above a box inside a frame still labels the box.
TEST(DrawnSections, OnlyAShapeWithTitlesOfTwoSectionsIsDivided) {
    Board board;
    board.containers.push_back(frame("canvas", "", {0, 0, 1400, 800}));
    board.notes.push_back(shape("box-pains", "", {50, 100, 500, 400}));
    board.notes.push_back(shape("box-gains", "", {650, 100, 500, 400}));
    board.notes.push_back(free_text("title-pains", "Pains", 60, 60));  // above their boxes,
    board.notes.push_back(free_text("title-gains", "Gains", 660, 60));  // inside the frame
    board.notes.push_back(sticky("n1", "Orders get lost", 100, 200));
    board.notes.push_back(sticky("n2", "More repeat customers", 700, 200));
    const auto placed = placements(board);
    EXPECT_EQ(placed.at("n1").section, Section::pains);
    EXPECT_EQ(placed.at("n2").section, Section::gains);
}

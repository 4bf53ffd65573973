#include <gtest/gtest.h>

#include "board_builder.hpp"
#include "structure/structure.hpp"
#include "layout/layout.hpp"

using namespace canvasfit;
using namespace canvasfit::test_support;

namespace {

struct CanvasSpec {
    std::string prefix;
    double x = 0, y = 0;
    ContainerKind kind = ContainerKind::frame;
};

// One canvas in the usual template layout: value map square on the left,
// profile on the right, segment above the profile; 1400 x 800 in all.
void add_canvas(Board& board, const CanvasSpec& spec) {
    const struct {
        const char* title;
        Rect rect;
    } sections[] = {
        {"Products & Services", {0, 200, 300, 600}}, {"Gain Creators", {300, 200, 300, 300}},
        {"Pain Relievers", {300, 500, 300, 300}},    {"Gains", {700, 200, 400, 300}},
        {"Pains", {700, 500, 400, 300}},             {"Customer Jobs", {1100, 200, 300, 600}},
        {"Customer Segment", {700, 0, 700, 180}},
    };
    int index = 0;
    for (const auto& section : sections) {
        const std::string id = spec.prefix + "area" + std::to_string(index++);
        Rect rect = section.rect;
        rect.x += spec.x;
        rect.y += spec.y;
        Container container = frame(id, section.title, rect);
        container.kind = spec.kind;
        board.containers.push_back(container);
        // One note per section, inside it; frame members name their frame.
        Note note = sticky(spec.prefix + "note-" + section.title, section.title, rect.x + 20, rect.y + 40,
                           spec.kind == ContainerKind::frame ? id : "");
        board.notes.push_back(note);
    }
}

const NotePlacement& placement_of(const Layout& layout, const Board& board, const std::string& id) {
    for (std::size_t i = 0; i < board.notes.size(); ++i)
        if (board.notes[i].id == id) return layout.notes[i];
    throw std::runtime_error("no note " + id);
}

}  // namespace

TEST(Layout, FramesGiveSectionsWithFullConfidence) {
    Board board;
    add_canvas(board, {"a-", 0, 0});
    const Layout layout = classify_layout(board);
    ASSERT_EQ(layout.canvases.size(), 1u);
    EXPECT_EQ(layout.canvases[0].sections.size(), 7u);
    const NotePlacement& pain = placement_of(layout, board, "a-note-Pains");
    EXPECT_EQ(pain.section, Section::pains);
    EXPECT_EQ(pain.via, Placement::frame);
    EXPECT_EQ(pain.canvas, 0);
    EXPECT_DOUBLE_EQ(pain.confidence, 1.0);
    EXPECT_EQ(placement_of(layout, board, "a-note-Pain Relievers").section, Section::relievers);
    EXPECT_EQ(placement_of(layout, board, "a-note-Customer Jobs").section, Section::jobs);
}

TEST(Layout, LabelledShapesGiveSectionsByRegion) {
    Board board;
    add_canvas(board, {"a-", 0, 0, ContainerKind::shape});
    const Layout layout = classify_layout(board);
    const NotePlacement& gain = placement_of(layout, board, "a-note-Gains");
    EXPECT_EQ(gain.section, Section::gains);
    EXPECT_EQ(gain.via, Placement::region);
    EXPECT_DOUBLE_EQ(gain.confidence, 1.0);
}

TEST(Layout, OverlappingNoteGoesWhereItsCentreIs) {
    Board board;
    add_canvas(board, {"a-", 0, 0, ContainerKind::shape});
    // Straddles Gains (y 200..500) and Pains (y 500..800), centre at y = 530.
    board.notes.push_back(sticky("straddler", "Slow refunds", 750, 480));
    const Layout layout = classify_layout(board);
    const NotePlacement& placement = placement_of(layout, board, "straddler");
    EXPECT_EQ(placement.section, Section::pains);
    EXPECT_DOUBLE_EQ(placement.confidence, 0.8);
}

TEST(Layout, TwoCanvasesSideBySideAreSplit) {
    Board board;
    add_canvas(board, {"right-", 1700, 0, ContainerKind::shape});
    add_canvas(board, {"left-", 0, 0, ContainerKind::shape});
    const Layout layout = classify_layout(board);
    ASSERT_EQ(layout.canvases.size(), 2u);
    EXPECT_EQ(layout.canvases[0].sections.size(), 7u);
    EXPECT_EQ(layout.canvases[1].sections.size(), 7u);
    // Reading order: the left canvas is canvas-1 whatever the element order.
    EXPECT_EQ(placement_of(layout, board, "left-note-Pains").canvas, 0);
    EXPECT_EQ(placement_of(layout, board, "right-note-Pains").canvas, 1);
    EXPECT_EQ(placement_of(layout, board, "left-note-Products & Services").canvas, 0);
    EXPECT_EQ(placement_of(layout, board, "right-note-Products & Services").canvas, 1);
}

TEST(Layout, CanvasesCloseTogetherAreSplitWhereBothHalvesAreWhole) {
    Board board;
    // 50 apart, closer than the 100 gap between each value map and its profile.
    add_canvas(board, {"top-", 0, 0, ContainerKind::shape});
    add_canvas(board, {"bottom-", 0, 850, ContainerKind::shape});
    const Layout layout = classify_layout(board);
    ASSERT_EQ(layout.canvases.size(), 2u);
    for (const auto& canvas : layout.canvases) EXPECT_EQ(canvas.sections.size(), 7u);
    EXPECT_EQ(placement_of(layout, board, "top-note-Pains").canvas, 0);
    EXPECT_EQ(placement_of(layout, board, "top-note-Gain Creators").canvas, 0);
    EXPECT_EQ(placement_of(layout, board, "bottom-note-Pains").canvas, 1);
    EXPECT_EQ(placement_of(layout, board, "bottom-note-Gain Creators").canvas, 1);
}

TEST(Layout, CanvasFramesGroupTheirSectionsAndNameTheCanvas) {
    Board board;
    board.containers.push_back(frame("c1", "Canvas: Busy parents", {-50, -50, 1500, 900}));
    board.containers.push_back(frame("c2", "Canvas: Students", {1550, -50, 1500, 900}));
    add_canvas(board, {"a-", 0, 0, ContainerKind::shape});
    add_canvas(board, {"b-", 1600, 0, ContainerKind::shape});
    const Layout layout = classify_layout(board);
    ASSERT_EQ(layout.canvases.size(), 2u);
    EXPECT_EQ(layout.canvases[0].title, "Canvas: Busy parents");
    EXPECT_EQ(layout.canvases[1].title, "Canvas: Students");
    EXPECT_EQ(placement_of(layout, board, "b-note-Gains").canvas, 1);
}

TEST(Layout, ProfileDrawnAsCustomerSegmentIsNotASection) {
    Board board;
    add_canvas(board, {"a-", 0, 0, ContainerKind::shape});
    // Strategyzer's template labels the whole profile circle "Customer Segment".
    board.containers.push_back(frame("profile", "Customer Segment", {690, 190, 720, 620}));
    board.containers.back().kind = ContainerKind::shape;
    const Layout layout = classify_layout(board);
    ASSERT_EQ(layout.canvases.size(), 1u);
    EXPECT_EQ(placement_of(layout, board, "a-note-Pains").section, Section::pains);
    for (const auto& area : layout.canvases[0].sections) EXPECT_NE(area.container_id, "profile");
}

TEST(Layout, NotesOutsideEverySectionStayUnknown) {
    Board board;
    add_canvas(board, {"a-", 0, 0});
    board.notes.push_back(sticky("parking", "Idea for later", 3000, 3000));
    const Layout layout = classify_layout(board);
    const NotePlacement& placement = placement_of(layout, board, "parking");
    EXPECT_EQ(placement.section, Section::unknown);
    EXPECT_EQ(placement.via, Placement::none);
    EXPECT_EQ(placement.canvas, -1);
}

TEST(Layout, NoteBetweenSectionsBelongsToTheCanvasButNoSection) {
    Board board;
    add_canvas(board, {"a-", 0, 0, ContainerKind::shape});
    board.notes.push_back(sticky("between", "Loose idea", 610, 400));  // in the 100-wide gap
    const Layout layout = classify_layout(board);
    const NotePlacement& placement = placement_of(layout, board, "between");
    EXPECT_EQ(placement.section, Section::unknown);
    EXPECT_EQ(placement.canvas, 0);
}

TEST(Layout, BoardWithoutSectionsHasNoCanvas) {
    Board board;
    board.notes.push_back(sticky("n1", "Orders get lost", 0, 0));
    board.containers.push_back(frame("f", "Brainstorm", {-10, -10, 500, 500}));
    const Layout layout = classify_layout(board);
    EXPECT_TRUE(layout.canvases.empty());
    EXPECT_EQ(layout.notes[0].section, Section::unknown);
}

TEST(Layout, FrameMembershipWinsOverGeometry) {
    Board board;
    add_canvas(board, {"a-", 0, 0});
    // The host says the note is in the Pains frame even though it was dragged out a little.
    Note note = sticky("dragged", "Late deliveries", 1120, 600, "a-area4");
    board.notes.push_back(note);
    const Layout layout = classify_layout(board);
    EXPECT_EQ(placement_of(layout, board, "dragged").section, Section::pains);
    EXPECT_EQ(placement_of(layout, board, "dragged").via, Placement::frame);
}

TEST(Layout, IncompleteCanvasFarAwayIsItsOwnCanvas) {
    Board board;
    add_canvas(board, {"a-", 0, 0});
    board.containers.push_back(frame("lonely", "Pains", {5000, 0, 400, 300}));
    const Layout layout = classify_layout(board);
    ASSERT_EQ(layout.canvases.size(), 2u);
    EXPECT_EQ(layout.canvases[1].sections.size(), 1u);
}

TEST(Containers, HandDrawnTemplateBecomesSections) {
    Board board;
    board.format = "excalidraw";
    board.notes.push_back(shape("box-pains", "", {0, 0, 500, 400}));
    board.notes.push_back(free_text("title-pains", "Pains", 20, 10));
    board.notes.push_back(shape("box-gains", "", {600, 0, 500, 400}));
    board.notes.push_back(free_text("title-gains", "Gains", 620, -40));  // written just above the box
    board.notes.push_back(shape("n1", "Orders get lost", {50, 100, 100, 100}));
    board.notes.push_back(shape("n2", "More repeat customers", {650, 100, 100, 100}));
    board.notes.push_back(shape("dot", "", {60, 110, 16, 16}));
    board.notes.back().shape = "ellipse";
    promote_structure(board);
    ASSERT_EQ(board.containers.size(), 2u);
    EXPECT_EQ(board.containers[0].title, "Pains");
    EXPECT_EQ(board.containers[1].title, "Gains");
    ASSERT_EQ(board.markers.size(), 1u);
    EXPECT_EQ(board.markers[0].id, "dot");
    ASSERT_EQ(board.notes.size(), 2u);
    const Layout layout = classify_layout(board);
    EXPECT_EQ(layout.notes[0].section, Section::pains);
    EXPECT_EQ(layout.notes[1].section, Section::gains);
}

// Promotion takes shapes, dots and titles out from among the notes: the rest
// stay whole and in board order, whatever sat between them.
TEST(Containers, TheNotesLeftAreTheOthersWholeAndInBoardOrder) {
    Board board;
    board.notes.push_back(shape("box-pains", "", {0, 0, 500, 400}));
    board.notes.push_back(shape("n1", "Orders get lost", {50, 100, 100, 100}));
    board.notes.push_back(free_text("title-pains", "Pains", 20, 10));
    board.notes.push_back(shape("dot", "", {60, 110, 16, 16}));
    board.notes.push_back(sticky("n2", "Deliveries come late", 200, 100));
    board.notes.back().tags = {"urgent"};
    board.notes.push_back(shape("line", "", {0, 600, 30, 900}));
    board.notes.push_back(free_text("n3", "ask Bea", 900, 900));
    promote_structure(board);
    ASSERT_EQ(board.containers.size(), 1u);
    EXPECT_EQ(board.containers[0].title, "Pains");
    ASSERT_EQ(board.markers.size(), 1u);
    std::vector<std::string> left;
    for (const Note& note : board.notes) left.push_back(note.id + ": " + note.text);
    ASSERT_EQ(left, (std::vector<std::string>{"n1: Orders get lost", "n2: Deliveries come late",
                                              "n3: ask Bea"}));
    EXPECT_EQ(board.notes[1].tags, std::vector<std::string>{"urgent"});
    EXPECT_EQ(board.notes[2].kind, NoteKind::text);
}

TEST(Containers, LabelledShapeLargerThanStickiesIsASection) {
    Board board;
    board.notes.push_back(shape("area", "Customer Jobs", {0, 0, 400, 600}));
    board.notes.push_back(shape("a", "Plan weekly meals", {10, 900, 100, 100}));
    board.notes.push_back(shape("b", "Pains", {200, 900, 100, 100}));  // a sticky saying "Pains"
    promote_structure(board);
    ASSERT_EQ(board.containers.size(), 1u);
    EXPECT_EQ(board.containers[0].id, "area");
    EXPECT_EQ(board.notes.size(), 2u);
}

TEST(Containers, TitleOutsideEveryAreaIsReportedNotLost) {
    Board board;
    board.notes.push_back(free_text("t", "Gain Creators", 0, 0));
    board.notes.push_back(sticky("n", "Weekly report", 500, 500));
    promote_structure(board);
    ASSERT_EQ(board.skipped.size(), 1u);
    EXPECT_EQ(board.skipped[0].item_id, "t");
    EXPECT_EQ(board.notes.size(), 1u);
}

TEST(Containers, EmptyDecorationIsNotANote) {
    Board board;
    board.notes.push_back(shape("line-box", "", {0, 0, 30, 900}));
    board.notes.push_back(sticky("n", "Weekly report", 500, 500));
    promote_structure(board);
    EXPECT_EQ(board.notes.size(), 1u);
    EXPECT_TRUE(board.containers.empty());
    EXPECT_TRUE(board.markers.empty());
}

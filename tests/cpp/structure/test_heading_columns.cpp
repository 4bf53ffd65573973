// Section titles typed over columns of stickies, with no frame or shape
// around them (structure/heading_columns.hpp).
#include <gtest/gtest.h>

#include <map>

#include "board_builder.hpp"
#include "placements_by_id.hpp"
#include "layout/layout.hpp"
#include "structure/structure.hpp"

using namespace canvasfit;
using namespace canvasfit::test_support;

namespace {

// The profile's three headings in a row at y 0, the value map's at y 700;
// under each, `per_column` stickies (100 x 100) stacked 20 apart.
Board quick_board(int per_column = 3) {
    Board board;
    const std::pair<const char*, Point> headings[] = {
        {"Customer Jobs", {0, 0}},         {"Pains", {300, 0}},           {"Gains", {600, 0}},
        {"Products & Services", {0, 700}}, {"Pain Relievers", {300, 700}}, {"Gain Creators", {600, 700}}};
    for (const auto& [title, at] : headings) {
        board.notes.push_back(free_text(title, title, at.x, at.y));
        for (int k = 0; k < per_column; ++k)
            board.notes.push_back(sticky(std::string(title) + " " + std::to_string(k + 1), "an idea", at.x,
                                         at.y + 50 + k * 120));
    }
    return board;
}

std::map<std::string, NotePlacement> placements(Board board) { return placements_by_id(std::move(board)); }

}  // namespace

TEST(HeadingColumns, TitlesTypedOverColumnsOfNotesGiveTheirSections) {
    Board board = quick_board();
    promote_structure(board);
    EXPECT_TRUE(board.skipped.empty()) << board.skipped[0].message;
    EXPECT_EQ(board.notes.size(), 18u);  // the headings are titles, not notes
    const Layout layout = classify_layout(board);
    ASSERT_EQ(layout.canvases.size(), 1u);
    EXPECT_EQ(layout.canvases[0].sections.size(), 6u);
    const std::map<std::string, Section> of_heading = {
        {"Customer Jobs", Section::jobs},         {"Pains", Section::pains},
        {"Gains", Section::gains},                {"Products & Services", Section::products},
        {"Pain Relievers", Section::relievers},   {"Gain Creators", Section::creators}};
    for (const auto& [id, placement] : placements(quick_board())) {
        EXPECT_EQ(placement.section, of_heading.at(id.substr(0, id.rfind(' ')))) << id;
        EXPECT_EQ(placement.via, Placement::region) << id;
    }
}

// A stack stops where it opens up: a note put well below a column (a pile of
// notes nobody sorted yet) is in no section.
TEST(HeadingColumns, ANoteFarBelowAColumnIsInNone) {
    Board board = quick_board();
    board.notes.push_back(sticky("far below", "an idea", 300, 1700));
    board.notes.push_back(sticky("far aside", "an idea", 1500, 100));
    const auto placed = placements(board);
    EXPECT_EQ(placed.at("far below").section, Section::unknown);
    EXPECT_EQ(placed.at("far aside").section, Section::unknown);
    EXPECT_EQ(placed.at("Pain Relievers 3").section, Section::relievers);
}

// Under a short title, a column of notes wider than the title, two notes abreast.
TEST(HeadingColumns, AColumnMayBeWiderThanItsTitleAndTwoNotesAbreast) {
    Board board;
    board.notes.push_back(free_text("t-pains", "Pains", 0, 0));
    board.notes.push_back(free_text("t-gains", "Gains", 500, 0));
    board.notes.push_back(sticky("p1", "an idea", -40, 60));
    board.notes.push_back(sticky("p2", "an idea", 80, 60));
    board.notes.push_back(sticky("p3", "an idea", -40, 180));
    board.notes.push_back(sticky("g1", "an idea", 470, 60));
    const auto placed = placements(board);
    for (const char* id : {"p1", "p2", "p3"}) EXPECT_EQ(placed.at(id).section, Section::pains) << id;
    EXPECT_EQ(placed.at("g1").section, Section::gains);
}

// Notes in a frame belong to the frame, never to a column over it.
TEST(HeadingColumns, NotesInAFrameStayOutOfTheColumns) {
    Board board = quick_board(1);
    board.containers.push_back(frame("lot", "Parking lot", {250, 150, 400, 300}));
    board.notes.push_back(sticky("parked", "an idea", 300, 200, "lot"));
    const auto placed = placements(board);
    EXPECT_EQ(placed.at("parked").section, Section::unknown);
    EXPECT_EQ(placed.at("Pains 1").section, Section::pains);
}

// The same inside a frame named for the canvas: the frame holds the titles,
// no line divides it, so the titles are column headings within it. Before,
// the first title named the whole frame and every note was in its section.
TEST(HeadingColumns, TitlesOverColumnsInsideACanvasFrame) {
    Board board = quick_board();
    board.containers.push_back(frame("vpc", "VPC: commuters", {-50, -50, 1000, 1300}));
    for (Note& note : board.notes)
        if (note.kind != NoteKind::text) note.parent = "vpc";
    const auto placed = placements(board);
    EXPECT_EQ(placed.at("Customer Jobs 2").section, Section::jobs);
    EXPECT_EQ(placed.at("Pains 3").section, Section::pains);
    EXPECT_EQ(placed.at("Gain Creators 1").section, Section::creators);
    EXPECT_EQ(placed.at("Pain Relievers 2").section, Section::relievers);
    Board promoted = quick_board();
    promoted.containers.push_back(frame("vpc", "VPC: commuters", {-50, -50, 1000, 1300}));
    promote_structure(promoted);
    const Layout layout = classify_layout(promoted);
    ASSERT_EQ(layout.canvases.size(), 1u);
    EXPECT_EQ(layout.canvases[0].title, "VPC: commuters");
}

// Teams often head a column with a sticky of its own colour that says only
// the section's name: a header, not an idea.
TEST(HeadingColumns, AStickyThatSaysOnlyASectionsNameHeadsAColumnToo) {
    Board board;
    board.notes.push_back(sticky("h-pains", "PAINS", 0, 0));
    board.notes.push_back(sticky("h-gains", "Gains:", 300, 0));
    board.notes.push_back(sticky("p1", "Orders get lost", 0, 120));
    board.notes.push_back(sticky("g1", "More repeat customers", 300, 120));
    promote_structure(board);
    std::vector<std::string> left;
    for (const Note& note : board.notes) left.push_back(note.id);
    EXPECT_EQ(left, (std::vector<std::string>{"p1", "g1"}));
    const Layout layout = classify_layout(board);
    EXPECT_EQ(layout.notes[0].section, Section::pains);
    EXPECT_EQ(layout.notes[1].section, Section::gains);
}

// "Pain: orders get lost…" is a note in "Label: description" style, not a
// header, even where such notes stand in rows and columns.
TEST(HeadingColumns, ALabelledNoteIsANoteNotAHeader) {
    Board board;
    board.notes.push_back(sticky("p", "Pain: orders get lost between the phone and the kitchen", 0, 0));
    board.notes.push_back(sticky("g", "Gain: customers reorder without calling", 300, 0));
    board.notes.push_back(sticky("n", "Staff mode for new hires", 0, 120));
    promote_structure(board);
    EXPECT_EQ(board.notes.size(), 3u);
    EXPECT_TRUE(board.containers.empty());
}

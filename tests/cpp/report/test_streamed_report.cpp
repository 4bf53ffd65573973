// The report written as it is made (write_report_json, analyze_text_to_json):
// canvas by canvas, without a whole Report, it must give report_to_json's
// text in report_to_json's pieces, whatever the report holds.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"
#include "canvasfit/errors.hpp"
#include "engine/engine.hpp"
#include "layout/layout.hpp"
#include "report/report_of.hpp"
#include "text/text_classifier.hpp"

namespace canvasfit {
namespace {

using test_support::frame;
using test_support::read_source_file;
using test_support::sticky;

// ---- a board with every kind of item a report lists ----

constexpr int kCanvases = 40;
constexpr double kCanvasStep = 2000;  // the canvases' gaps cut the board into canvases

// Canvas k's seven section frames, laid out as the printed canvas.
void add_section_frames(Board& board, int k) {
    const struct {
        Section section;
        const char* title;
        Rect rect;
    } sections[] = {
        {Section::products, "Products & Services", {0, 200, 300, 1200}},
        {Section::creators, "Gain Creators", {300, 200, 300, 600}},
        {Section::relievers, "Pain Relievers", {300, 800, 300, 600}},
        {Section::gains, "Gains", {700, 200, 400, 600}},
        {Section::pains, "Pains", {700, 800, 400, 600}},
        {Section::jobs, "Customer Jobs", {1100, 200, 300, 1200}},
        {Section::segment, "Customer Segment", {700, 0, 700, 180}},
    };
    for (const auto& s : sections) {
        Rect rect = s.rect;
        rect.x += k * kCanvasStep;
        board.containers.push_back(frame(std::to_string(k) + "-" + section_name(s.section), s.title, rect));
    }
}

// A note in a section frame of canvas k, below the ones already there.
void add_note(Board& board, int k, Section section, const std::string& id, const std::string& text) {
    const std::string parent = std::to_string(k) + "-" + section_name(section);
    Rect area;
    int above = 0;
    for (const Container& container : board.containers)
        if (container.id == parent) area = container.bounds;
    for (const Note& note : board.notes)
        if (note.parent == parent) ++above;
    board.notes.push_back(sticky(id, text, area.x + 20, area.y + 5 + 60.0 * above, parent));
    board.notes.back().bounds.height = 50;
}

Connector connector(const std::string& from, const std::string& to) {
    return {from + "->" + to, from, to, ""};
}

// `kCanvases` canvases with links, gaps, duplicates, misaligned value types
// (every third canvas), a misplaced note, notes outside every section (inside
// a canvas and outside all), a competitor sheet and a skipped item; long
// texts, so that the JSON comes in several pieces.
Board board_with_everything() {
    Board board;
    board.format = "canvasfit";
    const std::string padding =
        " - as said at the workshop, in the words of the team, written out in full on the sticky";
    for (int k = 0; k < kCanvases; ++k) {
        const std::string c = "c" + std::to_string(k) + "-";
        add_section_frames(board, k);
        const bool mass_market = k % 3 == 0;
        add_note(board, k, Section::segment, c + "s1",
                 mass_market ? "Everyone" : "Students on a budget in shared flats " + std::to_string(k));
        for (int i = 0; i < 6; ++i) {
            const std::string n = std::to_string(i);
            add_note(board, k, Section::jobs, c + "j" + n, "Get the weekly groceries home " + n + padding);
            add_note(board, k, Section::pains, c + "p" + n, "Orders get lost between shop and door " + n + padding);
            add_note(board, k, Section::gains, c + "g" + n, "Dinner ready in twenty minutes " + n + padding);
        }
        add_note(board, k, Section::pains, c + "p-dup", "Orders get lost between shop and door 0" + padding);
        add_note(board, k, Section::relievers, c + "r1", "Bank-grade encryption");
        add_note(board, k, Section::relievers, c + "r2", "GDPR compliant storage");
        add_note(board, k, Section::relievers, c + "r3", "Live tracking of every order" + padding);
        add_note(board, k, Section::creators, c + "k1", "Recipes that cook in twenty minutes" + padding);
        add_note(board, k, Section::creators, c + "k2", "Premium luxury finish");
        add_note(board, k, Section::products, c + "x1", "Grocery delivery app");
        board.connectors.push_back(connector(c + "r3", c + "p0"));
        board.connectors.push_back(connector(c + "k1", c + "g0"));
        // Between the value map and the profile: in the canvas, in no section.
        board.notes.push_back(sticky(c + "loose", "Chasing late rent is stressful and awkward",
                                     k * kCanvasStep + 610, 500));
    }
    // A customer segment written among the pains of canvas 1.
    add_note(board, 1, Section::pains, "misplaced", "Small landlords with 2-10 flats and a day job");
    // Far below every canvas.
    board.notes.push_back(sticky("stray", "Chasing late rent is stressful and awkward", 0, 6000));
    // A competitor sheet beside canvas 2.
    board.containers.push_back(frame("comp", "Competitors", {2 * kCanvasStep + 1500, 0, 400, 600}));
    board.notes.push_back(sticky("acme", "Acme: speed 4, price 2", 2 * kCanvasStep + 1520, 40, "comp"));
    board.notes.push_back(sticky("us", "Us: speed 5, price 3", 2 * kCanvasStep + 1520, 200, "comp"));
    board.notes.push_back(sticky("ask", "ask Bea about pricing", 2 * kCanvasStep + 1520, 400, "comp"));
    board.skipped.push_back({"ghost", "/notes/999", "a note without bounds"});
    return board;
}

// The analysis analyze() reports on.
BoardAnalysis analysis_of(const Board& board, const AnalyzeOptions& options) {
    Layout layout = classify_layout(board);
    std::vector<NoteReading> readings = read_notes(board);
    place_by_text(board, layout, &readings);
    return run_engine(board, std::move(layout), std::move(readings), &options.links);
}

std::vector<std::string> pieces_of(const Report& report) {
    std::vector<std::string> pieces;
    report_to_json(report, [&](const std::string& piece) { pieces.push_back(piece); });
    return pieces;
}

std::vector<std::string> streamed_pieces(const BoardAnalysis& analysis, const AnalyzeOptions& options) {
    std::vector<std::string> pieces;
    write_report_json(analysis, options, [&](const std::string& piece) { pieces.push_back(piece); });
    return pieces;
}

// "" when two lists of pieces are the same; else where their text first
// differs, with some context (printing both would be megabytes), or how
// their pieces' sizes differ.
std::string difference(const std::vector<std::string>& streamed, const std::vector<std::string>& whole) {
    std::string a, b;
    for (const std::string& piece : streamed) a += piece;
    for (const std::string& piece : whole) b += piece;
    std::size_t at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
    if (at < a.size() || at < b.size()) {
        const std::size_t from = at > 80 ? at - 80 : 0;
        return "at byte " + std::to_string(at) + ": streamed '" + a.substr(from, 160) + "', whole '" +
               b.substr(from, 160) + "'";
    }
    std::string sizes;
    for (std::size_t p = 0; p < streamed.size() || p < whole.size(); ++p) {
        const std::size_t s = p < streamed.size() ? streamed[p].size() : 0;
        const std::size_t w = p < whole.size() ? whole[p].size() : 0;
        if (s != w) sizes += " piece " + std::to_string(p) + ": " + std::to_string(s) + " / " + std::to_string(w);
    }
    return sizes.empty() ? "" : "the same text in other pieces (streamed / whole bytes):" + sizes;
}

std::size_t count_if_code(const std::vector<Warning>& warnings, const std::string& code) {
    std::size_t count = 0;
    for (const Warning& warning : warnings) count += warning.code == code;
    return count;
}

// ---- tests ----

// Every list's order depends on where its items come from: the canvases'
// value warnings after the others, which-section questions before each
// canvas's own, the notes outside every canvas first.
TEST(StreamedReport, IsTheWholeReportInTheSamePiecesOnABoardWithEveryKindOfItem) {
    const Board board = board_with_everything();
    AnalyzeOptions options;
    options.source = "everything.json";
    options.links.confirmed = {{"c4-r1", "c4-p1"}};
    options.links.rejected = {{"c5-r3", "c5-p0"}};
    const BoardAnalysis analysis = analysis_of(board, options);
    const Report report = report_of(analysis, options);

    // What the board must hold for the comparison to cover each source of items.
    ASSERT_EQ(report.canvases.size(), static_cast<std::size_t>(kCanvases));
    ASSERT_TRUE(report.canvases[2].competitors.has_value());
    EXPECT_GE(count_if_code(report.warnings, "misaligned-type"), 2u);
    EXPECT_EQ(count_if_code(report.warnings, "unparsed-competitor"), 1u);
    EXPECT_EQ(count_if_code(report.warnings, "misplaced-note"), 1u);
    EXPECT_EQ(count_if_code(report.warnings, "skipped-item"), 1u);
    EXPECT_GE(count_if_code(report.warnings, "duplicate-notes"), 2u);
    std::size_t asked_outside = 0, asked_in_a_canvas = 0;
    for (const Question& question : report.questions)
        if (question.code == "which-section") ++(question.canvas ? asked_in_a_canvas : asked_outside);
    EXPECT_EQ(asked_outside, 1u) << "the note below every canvas";
    EXPECT_GE(asked_in_a_canvas, 2u) << "the notes between the value map and the profile";
    EXPECT_FALSE(report.links.empty());

    const std::vector<std::string> whole = pieces_of(report);
    ASSERT_GE(whole.size(), 2u) << "the report should come in several pieces";
    EXPECT_EQ(difference(streamed_pieces(analysis, options), whole), "");
}

TEST(StreamedReport, IsTheWholeReportOnABoardWithoutCanvases) {
    Board board;
    board.format = "canvasfit";
    board.notes = {sticky("n1", "", 0, 0), sticky("n2", "!!!", 150, 0)};
    const BoardAnalysis analysis = analysis_of(board, {});
    EXPECT_EQ(difference(streamed_pieces(analysis, {}), pieces_of(report_of(analysis, {}))), "");
}

TEST(StreamedReport, FromTextIsTheReportOfTheTextOnEveryExample) {
    AnalyzeOptions options;
    options.links.confirmed = {{"r1", "p1"}};
    options.links.rejected = {{"r2", "p1"}};
    for (const char* file : {"examples/cafe-canvas.excalidraw", "examples/two-canvases.excalidraw",
                             "examples/miro-saas-canvas.json", "examples/miro-shapes-canvas.json"}) {
        options.source = file;
        const std::string text = read_source_file(file);
        std::vector<std::string> from_view, from_owned;
        analyze_text_to_json(text, options, [&](const std::string& piece) { from_view.push_back(piece); });
        analyze_owned_text_to_json(text, options,
                                   [&](const std::string& piece) { from_owned.push_back(piece); });
        const std::vector<std::string> whole = pieces_of(analyze_text(text, options));
        EXPECT_EQ(difference(from_view, whole), "") << file;
        EXPECT_EQ(difference(from_owned, whole), "") << file;
    }
}

// A board that cannot be read writes nothing: the error is thrown before the
// first piece, with the place named as analyze_text names it.
TEST(StreamedReport, ABoardThatCannotBeReadWritesNothingAndNamesThePlace) {
    AnalyzeOptions options;
    options.source = "board.json";
    const std::string truncated = R"({"type": "excalidraw", "version": 2, "elements": [{"id": "a")";
    std::string from_text, streamed;
    std::size_t pieces = 0;
    try {
        analyze_text(truncated, options);
    } catch (const InputError& e) {
        from_text = e.where() + " | " + e.what();
    }
    try {
        analyze_owned_text_to_json(truncated, options, [&](const std::string&) { ++pieces; });
    } catch (const InputError& e) {
        streamed = e.where() + " | " + e.what();
    }
    EXPECT_EQ(pieces, 0u);
    EXPECT_EQ(streamed.rfind("board.json", 0), 0u) << streamed;
    EXPECT_EQ(streamed, from_text);
}

}  // namespace
}  // namespace canvasfit

// The entry points for a caller that hands its input over and passes the
// report on (the wasm module, whose memory never shrinks): they must give
// what analyze_text and report_to_json give.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"
#include "canvasfit/errors.hpp"

namespace canvasfit {
namespace {

using test_support::read_source_file;

std::vector<std::string> pieces_of(const Report& report) {
    std::vector<std::string> pieces;
    report_to_json(report, [&](const std::string& piece) { pieces.push_back(piece); });
    return pieces;
}

std::string joined(const std::vector<std::string>& pieces) {
    std::string text;
    for (const std::string& piece : pieces) text += piece;
    return text;
}

TEST(HandedOver, OwnedTextGivesTheReportOfTheText) {
    AnalyzeOptions options;
    options.source = "cafe-canvas.excalidraw";
    const std::string text = read_source_file("examples/cafe-canvas.excalidraw");
    EXPECT_EQ(report_to_json(analyze_owned_text(text, options)), report_to_json(analyze_text(text, options)));
}

TEST(HandedOver, OwnedTextErrorsNameTheSourceAsAnalyzeTextDoes) {
    AnalyzeOptions options;
    options.source = "board.json";
    const std::string truncated = R"({"type": "excalidraw", "version": 2, "elements": [{"id": "a")";
    std::string from_view, from_owned;
    try {
        analyze_text(truncated, options);
    } catch (const InputError& e) {
        from_view = e.where() + " | " + e.what();
    }
    try {
        analyze_owned_text(truncated, options);
    } catch (const InputError& e) {
        from_owned = e.where() + " | " + e.what();
    }
    EXPECT_EQ(from_owned.rfind("board.json", 0), 0u) << from_owned;
    EXPECT_EQ(from_owned, from_view);
}

TEST(HandedOver, PiecesJoinToTheReportJson) {
    const Report report = analyze_text(read_source_file("examples/cafe-canvas.excalidraw"));
    const std::vector<std::string> pieces = pieces_of(report);
    EXPECT_EQ(pieces.size(), 1u);  // a small report is one piece
    EXPECT_EQ(joined(pieces), report_to_json(report));
}

// A report of several megabytes comes in pieces of about a megabyte, each
// ending after a whole item: no piece splits a character of a note's text.
TEST(HandedOver, ALargeReportComesInPiecesThatEndBetweenItems) {
    Report report;
    report.format = "canvasfit";
    for (int i = 0; i < 3000; ++i) {
        NoteReport note;
        note.id = "note-" + std::to_string(i);
        for (int k = 0; k < 200; ++k) note.text += "caf\xc3\xa9 ";  // "café ", two bytes for the é
        report.notes.push_back(note);
    }
    const std::vector<std::string> pieces = pieces_of(report);
    const std::string whole = report_to_json(report);
    EXPECT_EQ(joined(pieces), whole);
    ASSERT_GE(pieces.size(), 3u) << whole.size() << " bytes";
    for (std::size_t p = 0; p + 1 < pieces.size(); ++p) {
        EXPECT_GE(pieces[p].size(), std::size_t{1} << 20);
        EXPECT_LT(pieces[p].size(), (std::size_t{1} << 20) + 4096);
        EXPECT_EQ(pieces[p].back(), '}') << "piece " << p << " ends inside an item";
    }
}

}  // namespace
}  // namespace canvasfit

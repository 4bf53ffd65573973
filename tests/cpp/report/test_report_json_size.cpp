// report_to_json reserves report_json_size_bound(report) and writes the whole
// report into that one buffer: the bound must hold on every board, and stay
// close enough that the reserve is not waste.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "canvasfit/analyze.hpp"
#include "report/json_writer.hpp"

namespace canvasfit {
namespace {

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(ReportJsonSize, TheBoundHoldsAndIsCloseOnEveryBundledBoard) {
    const std::filesystem::path root(CANVASFIT_SOURCE_DIR);
    std::size_t boards = 0;
    for (const char* folder : {"examples", "tests/corpus/boards"})
        for (const auto& entry : std::filesystem::directory_iterator(root / folder)) {
            const std::string name = entry.path().filename().string();
            if (entry.path().extension() != ".excalidraw" && entry.path().extension() != ".json") continue;
            if (name.find(".gold") != std::string::npos) continue;
            AnalyzeOptions options;
            Report report;
            try {
                report = analyze_text(read_text(entry.path()), options);
            } catch (const std::exception&) {
                continue;  // not a board (a gold file, a manifest)
            }
            const std::size_t written = report_to_json(report).size();
            const std::size_t bound = report_json_size_bound(report);
            ++boards;
            EXPECT_GE(bound, written) << name;
            if (report.notes.size() >= 20) {
                EXPECT_LE(bound, written * 3 / 2) << name << ": " << bound << " for " << written;
            }
        }
    EXPECT_GT(boards, 10u);
}

TEST(ReportJsonSize, LongTextsAndManyRowsCount) {
    Report report;
    report.format = "canvasfit";
    CanvasReport canvas;
    canvas.id = "canvas-1";
    canvas.sections.resize(7);
    for (int i = 0; i < 200; ++i) {
        NoteReport note;
        note.id = "note-" + std::to_string(i);
        note.text = std::string(500, 'x');
        note.canvas = canvas.id;
        note.rank = i + 1;
        note.priority = 1.0 / 3.0;
        note.confidence = 0.123456789;
        report.notes.push_back(note);
        canvas.sections[static_cast<std::size_t>(Section::pains)].push_back(note.id);
        canvas.fit.pains_detail.push_back({note.id, 1.0 / 7.0, {"r-1", "r-2"}, "covered"});
        report.links.push_back({"r-1", note.id, 0.123456789, "text", {"queue", "wait"}, "text", 0.987654321});
        report.questions.push_back({"is-addressed", canvas.id, {note.id}, {"r-1"}, 0.41, std::string(300, 'q')});
    }
    report.canvases.push_back(canvas);
    const std::size_t written = report_to_json(report).size();
    EXPECT_GE(report_json_size_bound(report), written);
    EXPECT_LE(report_json_size_bound(report), written * 3 / 2);
}

}  // namespace
}  // namespace canvasfit

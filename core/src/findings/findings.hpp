// What CanvasFit tells the facilitator about an analysed board: warnings it is
// sure enough of to write on the board, questions only the facilitator can
// answer, and the value results read from the whole board (docs/report.md,
// docs/value.md). Reads the engine's BoardAnalysis; knows nothing of report
// writers or hosts.
#pragma once

#include <vector>

#include "canvasfit/report.hpp"
#include "engine/engine.hpp"
#include "findings/warning_kit.hpp"

namespace canvasfit {

// The findings of each canvas's own rules (segment, profile, value map, fit),
// kept by the incremental Analyzer between reports. Those rules read only
// their canvas (its notes, their texts, ranks and links, its fit, the board's
// fixed items), so a canvas that was not analysed again keeps its findings.
// The Analyzer forgets a canvas when it analyses it again, and every canvas
// when a note leaves the board (the findings hold board positions).
class CanvasWarningCache {
public:
    void forget(std::size_t canvas) {
        if (canvas < entries_.size()) entries_[canvas].valid = false;
    }
    void forget_all() { entries_.clear(); }

private:
    friend std::vector<Warning> find_warnings(const BoardAnalysis&, CanvasWarningCache*);
    struct Entry {
        bool valid = false;
        std::vector<warning_kit::Finding> findings;
    };
    std::vector<Entry> entries_;
};

// Warnings on every canvas and across canvases (warnings.cpp). With a cache,
// the canvases it holds valid findings for are not checked again.
std::vector<Warning> find_warnings(const BoardAnalysis& analysis,
                                   CanvasWarningCache* cache = nullptr);

// Questions about links and gaps (questions.cpp); which-section questions come
// from the text step (report/analyze.cpp).
std::vector<Question> find_questions(const BoardAnalysis& analysis);

// Fills canvases[].value, canvases[].competitors and notes[].value_type, and
// appends the misaligned-type and unparsed-competitor warnings (value_report.cpp).
// Called by report_of after the gap warnings.
void add_value_results(const BoardAnalysis& analysis, Report& report);

}  // namespace canvasfit

// What CanvasFit tells the facilitator about an analysed board: warnings it is
// sure enough of to write on the board, questions only the facilitator can
// answer, and the value results read from the whole board (docs/report.md,
// docs/value.md). Reads the engine's BoardAnalysis; knows nothing of report
// writers or hosts.
#pragma once

#include <vector>

#include "canvasfit/report.hpp"
#include "engine/engine.hpp"

namespace canvasfit {

// Warnings on every canvas and across canvases (warnings.cpp).
std::vector<Warning> find_warnings(const BoardAnalysis& analysis);

// Questions about links and gaps (questions.cpp); which-section questions come
// from the text step (report/analyze.cpp).
std::vector<Question> find_questions(const BoardAnalysis& analysis);

// Fills canvases[].value, canvases[].competitors and notes[].value_type, and
// appends the misaligned-type and unparsed-competitor warnings (value_report.cpp).
// Called by report_of after the gap warnings.
void add_value_results(const BoardAnalysis& analysis, Report& report);

}  // namespace canvasfit

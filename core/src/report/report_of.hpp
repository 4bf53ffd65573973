// The report of an analysis the engine has run, for the two callers that hold
// one: analyze() and the incremental Analyzer.
#pragma once

#include "canvasfit/options.hpp"
#include "canvasfit/report.hpp"
#include "engine/engine.hpp"
#include "findings/findings.hpp"

namespace canvasfit {

// The report of an analysis the engine has run: analyze() is
// report_of(run_engine(board, layout), options) where layout is
// classify_layout(board) followed by place_by_text(board, layout)
// (text_classifier.hpp). The incremental Analyzer (analyzer.hpp) calls it on
// the analysis it keeps, with the per-canvas findings it keeps.
Report report_of(const BoardAnalysis& analysis, const AnalyzeOptions& options,
                 CanvasFindingCache* kept = nullptr);

}  // namespace canvasfit

// The one entry point hosts use: board in, report out.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "canvasfit/board.hpp"
#include "canvasfit/readers.hpp"
#include "canvasfit/report.hpp"

namespace canvasfit {

// Pairs the facilitator answered: {from, to} note ids, from a reliever,
// creator or product to a pain, gain or job (docs/report.md, "Options").
struct LinkDecisions {
    std::vector<std::pair<std::string, std::string>> confirmed;  // links of source "confirmed"
    std::vector<std::pair<std::string, std::string>> rejected;   // never text or suggested links
    // A measurement aid (scripts/measure_judgment.py --dump-candidates): report
    // every text candidate above the strength floor, whatever its confidence.
    bool list_all_candidates = false;
};

struct AnalyzeOptions {
    InputFormat format = InputFormat::automatic;
    std::string source;  // file name shown in errors and the report, "" if none
    LinkDecisions links = {};
};

Report analyze(const Board& board, const AnalyzeOptions& options = {});

struct BoardAnalysis;  // engine.hpp

// The report of an analysis the engine has run: analyze() is
// report_of(run_engine(board, layout), options) where layout is
// classify_layout(board) followed by place_by_text(board, layout)
// (text_classifier.hpp). The incremental Analyzer (analyzer.hpp) calls it on
// the analysis it keeps.
Report report_of(const BoardAnalysis& analysis, const AnalyzeOptions& options);

// Reads `input` (any supported format) and analyses it. Throws InputError,
// whose where() is prefixed with options.source when given.
Report analyze_text(std::string_view input, const AnalyzeOptions& options = {});

// Parses the options JSON used by the wasm API: {"format": "auto", "source": "x"}.
AnalyzeOptions parse_options(std::string_view options_json);

// The version string of the core, e.g. "0.1.0".
const char* version();

}  // namespace canvasfit

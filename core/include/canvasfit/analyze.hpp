// The one entry point hosts use: board in, report out.
#pragma once

#include <string>
#include <string_view>

#include "canvasfit/board.hpp"
#include "canvasfit/options.hpp"
#include "canvasfit/readers.hpp"
#include "canvasfit/report.hpp"

namespace canvasfit {

Report analyze(const Board& board, const AnalyzeOptions& options = {});

// Reads `input` (any supported format) and analyses it. Throws InputError,
// whose where() is prefixed with options.source when given.
Report analyze_text(std::string_view input, const AnalyzeOptions& options = {});
// The same, taking the text over: it is freed once the board is read, so the
// analysis's peak memory does not hold it (13 MB at 50,000 notes), for a
// caller with no further use for it (the wasm module, whose memory never shrinks).
Report analyze_owned_text(std::string input, const AnalyzeOptions& options = {});

// Parses the options JSON used by the wasm API: {"format": "auto", "source": "x"}.
AnalyzeOptions parse_options(std::string_view options_json);

// The version string of the core, e.g. "0.1.0".
const char* version();

}  // namespace canvasfit

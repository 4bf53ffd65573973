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

// report_to_json(analyze_text(input, options), write_piece), the same text
// in the same pieces, without the whole Report ever held: each canvas's part
// of it is made, written and dropped. For a caller that passes the JSON on,
// for whom the Report would be the largest thing held at the peak (23 MB at
// 50,000 notes): the CLI and the wasm module.
void analyze_text_to_json(std::string_view input, const AnalyzeOptions& options,
                          const PieceWriter& write_piece);
// The same taking the text over, freed once the board is read (analyze_owned_text).
void analyze_owned_text_to_json(std::string input, const AnalyzeOptions& options,
                                const PieceWriter& write_piece);

// Parses the options JSON used by the wasm API: {"format": "auto", "source": "x"}.
AnalyzeOptions parse_options(std::string_view options_json);

// The version string of the core, e.g. "0.1.0".
const char* version();

}  // namespace canvasfit

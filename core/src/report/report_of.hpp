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

// report_to_json(report_of(analysis, options), write_piece) without the
// whole Report: each list's items are made when written, canvas by canvas
// (a note entry one at a time), and dropped after. The same text; what it
// saves is the Report, 23 MB of the wasm module's memory at 50,000 notes,
// made while the board and the analysis are still held.
void write_report_json(const BoardAnalysis& analysis, const AnalyzeOptions& options,
                       const PieceWriter& write_piece);

// The pieces report_of is made of, for the Analyzer's deltas
// (report/kept_report.hpp), which make again only the pieces an edit can have
// changed.

// Note n as the report writes it, into `entry`, whose strings keep their
// storage (value_type: value_types_by_note, findings.hpp).
void fill_note_report(const BoardAnalysis& analysis, NoteIndex n, const char* value_type,
                      NoteReport& entry);
// Canvas c's id, title, segment, sections and fit; its value and competitors
// come from add_canvas_value_results (findings.hpp).
CanvasReport canvas_report(const BoardAnalysis& analysis, std::size_t c);
// Canvas c's links, appended in the report's order.
void append_canvas_links(const BoardAnalysis& analysis, std::size_t c,
                         std::vector<LinkReport>& links);
// What reading the board found: skipped items, notes outside every section,
// misplaced notes. The report's first warnings.
std::vector<Warning> reading_warnings(const Board& board, const Layout& layout);
// The which-section questions of each canvas, then of the notes outside every
// canvas (the last entry), in board order.
std::vector<std::vector<Question>> which_section_questions(const Board& board,
                                                           const Layout& layout);

}  // namespace canvasfit

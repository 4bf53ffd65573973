// The report a host last received from the incremental Analyzer, kept in the
// pieces one edit changes one at a time, so that the next delta is taken over
// the pieces that can have changed rather than over two whole reports
// (docs/report.md, "Deltas"; bench/README.md for what it saves).
//
// Which pieces can change: the entries of the notes the Analyzer says an edit
// touched (edited, moved by the text step, their dot votes changed, or in a
// canvas analysed again), each written into one reused entry and compared;
// and, of the canvases, only those analysed again since the last
// delta, whose report, links, value warnings and questions are all read from
// their own analysis, the board's fixed items and the ids of their notes
// (findings.hpp, CanvasFindingCache). Canvases with a competitor sheet, now
// or in the kept report, are always made again: the sheet and its notes sit
// outside the canvas (a shape note can make one), so an edit there changes no
// note of the canvas. The
// board's warnings and the which-section questions are compared whole: they
// are few, and the comparison of canvases reads every canvas. When the list of
// canvases itself changed, every piece is made again.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "canvasfit/options.hpp"
#include "canvasfit/report.hpp"
#include "engine/engine.hpp"
#include "findings/findings.hpp"

namespace canvasfit {

struct KeptReport {
    bool sent = false;  // a delta has been taken since the Analyzer began
    std::vector<NoteReport> notes;                     // board order
    std::vector<CanvasReport> canvases;                // canvas order
    std::vector<std::vector<LinkReport>> links;        // per canvas
    std::vector<std::vector<Warning>> value_warnings;  // per canvas: misaligned type, competitors
    std::vector<Warning> warnings;                     // every warning of the report
    std::vector<Question> which_section;               // the text step's questions
    std::vector<std::vector<Question>> questions;      // per canvas: links and gaps
};

// What changed since `kept`, which then holds the report as it is now (the
// report_of(analysis, options, &findings) of the same analysis, up to the
// order of its lists). `analysed_again[c]`: canvas c was analysed since
// `kept` was last brought up to date. `touched`: the notes whose entries can
// have changed since then (null: any note), with the board's notes where
// they were. `is_note`: whether an id is a note's on the board now.
ReportDelta delta_since(KeptReport& kept, const BoardAnalysis& analysis,
                        const AnalyzeOptions& options, CanvasFindingCache& findings,
                        std::vector<bool> analysed_again, const std::vector<NoteIndex>* touched,
                        const std::function<bool(const std::string&)>& is_note);

}  // namespace canvasfit

// Gap warnings (docs/report.md, "Gap warning codes"). The rules live in
// warning_segment.cpp, warning_profile.cpp, warning_value_map.cpp and
// warning_cross_canvas.cpp; this file runs them and puts the findings in the
// contract's order: by canvas, then by code (warning_kit::Code), then by the
// board order of the first note named (note-less warnings first).
#include <algorithm>

#include "engine/engine.hpp"
#include "findings/warning_kit.hpp"
#include "findings/findings.hpp"
#include "common/sort_stably.hpp"

namespace canvasfit {

namespace {

using warning_kit::Finding;

bool comes_before(const Finding& a, const Finding& b) {
    if (a.canvas != b.canvas) return a.canvas < b.canvas;
    if (a.code != b.code) return a.code < b.code;
    if (a.notes.empty() || b.notes.empty()) return a.notes.empty() && !b.notes.empty();
    return a.notes.front() < b.notes.front();
}

Warning to_warning(const BoardAnalysis& analysis, const Finding& finding) {
    Warning warning;
    warning.code = warning_kit::code_name(finding.code);
    warning.severity = finding.severity;
    for (NoteIndex n : finding.notes) warning.notes.push_back(analysis.board->notes[n].id);
    warning.canvas = analysis.layout.canvases[finding.canvas].id;
    warning.message = finding.message;
    return warning;
}

void find_canvas_warnings(const warning_kit::CanvasView& canvas, std::vector<Finding>& out) {
    warning_kit::find_segment_warnings(canvas, out);
    warning_kit::find_profile_warnings(canvas, out);
    warning_kit::find_value_map_warnings(canvas, out);
    warning_kit::find_fit_warnings(canvas, out);
}

}  // namespace

std::vector<Warning> find_warnings(const BoardAnalysis& analysis, CanvasFindingCache* cache) {
    std::vector<Finding> findings;
    const warning_kit::BoardIndex board(analysis);
    CanvasFindingCache::collect(cache ? &cache->warnings_ : nullptr, analysis.canvases.size(),
                                findings, [&](std::size_t c, std::vector<Finding>& out) {
                                    find_canvas_warnings(warning_kit::CanvasView(analysis, c, board), out);
                                });
    warning_kit::find_cross_canvas_warnings(analysis, findings, cache ? &cache->cross_canvas_ : nullptr);
    sort_stably(findings.begin(), findings.end(), comes_before);
    std::vector<Warning> warnings;
    warnings.reserve(findings.size());
    for (const Finding& finding : findings) warnings.push_back(to_warning(analysis, finding));
    return warnings;
}

}  // namespace canvasfit

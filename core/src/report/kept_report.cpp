// A delta from the pieces of the report a host last received (kept_report.hpp).
// Each piece is made as report_of makes it (report_of.hpp), so the report the
// deltas add up to is the full report's, and the randomised equivalence tests
// (test_analyzer.cpp) hold every delta to diff_reports of two full reports.
#include "report/kept_report.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "engine/competitors.hpp"
#include "report/delta_parts.hpp"
#include "report/json_writer.hpp"
#include "report/report_of.hpp"

namespace canvasfit {

namespace {

// Per canvas: its notes on a competitor sheet, if it has a sheet.
using CompetitorSheetNotes = std::vector<std::optional<std::vector<NoteIndex>>>;

bool same_canvas_list(const KeptReport& kept, const Layout& layout) {
    if (!kept.sent || kept.canvases.size() != layout.canvases.size()) return false;
    for (std::size_t c = 0; c < layout.canvases.size(); ++c)
        if (kept.canvases[c].id != layout.canvases[c].id ||
            kept.canvases[c].title != layout.canvases[c].title)
            return false;
    return true;
}

// The entries of the touched notes, compared with the kept ones. While the
// board holds the same notes in the same order (any edit but an insertion or
// a removal), each is written into one reused entry and copied only when it
// changed; else every note's entry is made and compared by id.
void diff_notes(KeptReport& kept, const BoardAnalysis& analysis,
                const std::vector<NoteIndex>* touched, ReportDelta& delta) {
    const std::vector<Note>& notes = analysis.board->notes;
    const std::vector<const char*> value_types = value_types_by_note(analysis);
    const bool aligned = touched && kept.notes.size() == notes.size();
    if (aligned) {
        std::vector<NoteIndex> order = *touched;
        std::sort(order.begin(), order.end());  // the delta lists notes in board order
        NoteReport entry;
        for (NoteIndex n : order) {
            fill_note_report(analysis, n, value_types[n], entry);
            if (same_shown(kept.notes[n], entry, write_note)) continue;
            delta.notes.push_back(entry);
            kept.notes[n] = entry;
        }
        return;
    }
    std::vector<NoteReport> now(notes.size());
    for (NoteIndex n = 0; n < notes.size(); ++n) fill_note_report(analysis, n, value_types[n], now[n]);
    diff_by_id(kept.notes, now, write_note, delta.notes, delta.notes_removed);
    kept.notes = std::move(now);
}

// The canvases to make again: those analysed again, those with a competitor
// sheet now or in the kept report, and every one when the list changed.
std::vector<bool> canvases_to_make_again(const KeptReport& kept, const CompetitorSheetNotes& sheets,
                                         bool same_list, std::vector<bool> again) {
    again.resize(sheets.size(), true);
    for (std::size_t c = 0; c < sheets.size(); ++c)
        if (!same_list || sheets[c] || kept.canvases[c].competitors) again[c] = true;
    return again;
}

// Their reports (with value results and value warnings); the rows whose
// coverage changed go to `touched`.
void diff_canvas_reports(KeptReport& kept, const BoardAnalysis& analysis,
                         const CompetitorSheetNotes& sheets, bool same_list,
                         const std::vector<bool>& again, ReportDelta& delta,
                         std::vector<std::string>& touched) {
    const std::size_t count = again.size();
    std::vector<CanvasReport> old_canvases;
    if (!same_list) {
        old_canvases = std::move(kept.canvases);
        kept.canvases.clear();
    }
    kept.canvases.resize(count);
    kept.value_warnings.resize(count);
    for (std::size_t c = 0; c < count; ++c) {
        if (!again[c]) continue;
        CanvasReport now = canvas_report(analysis, c);
        kept.value_warnings[c].clear();
        add_canvas_value_results(analysis, c, sheets[c], now, kept.value_warnings[c]);
        if (!same_list) {
            kept.canvases[c] = std::move(now);
            continue;
        }
        if (same_shown(kept.canvases[c], now, write_canvas)) continue;
        changed_rows(&kept.canvases[c], now, touched);
        delta.canvases.push_back(now);
        kept.canvases[c] = std::move(now);
    }
    if (same_list) return;
    diff_by_id(old_canvases, kept.canvases, write_canvas, delta.canvases, delta.canvases_removed);
    std::unordered_map<std::string_view, const CanvasReport*> old_canvas;
    for (const CanvasReport& canvas : old_canvases) old_canvas.emplace(canvas.id, &canvas);
    for (const CanvasReport& canvas : delta.canvases) {
        const auto old = old_canvas.find(canvas.id);
        changed_rows(old == old_canvas.end() ? nullptr : old->second, canvas, touched);
    }
}

// The links of the canvases made again, before and now, compared as one
// multiset (a link can move between two of them).
void diff_links(KeptReport& kept, const BoardAnalysis& analysis, const std::vector<bool>& again,
                ReportDelta& delta) {
    const std::size_t count = again.size();
    std::vector<LinkReport> old_links, new_links;
    for (std::size_t c = 0; c < kept.links.size(); ++c)
        if (c >= count || again[c])
            for (LinkReport& link : kept.links[c]) old_links.push_back(std::move(link));
    kept.links.resize(count);
    for (std::size_t c = 0; c < count; ++c) {
        if (!again[c]) continue;
        kept.links[c].clear();
        append_canvas_links(analysis, c, kept.links[c]);
        new_links.insert(new_links.end(), kept.links[c].begin(), kept.links[c].end());
    }
    diff_as_multiset(old_links, new_links, delta.links_added, delta.links_removed);
}

// The which-section questions, and the questions of the canvases made again.
void diff_questions(KeptReport& kept, const BoardAnalysis& analysis, CanvasFindingCache& findings,
                    const std::vector<bool>& again, ReportDelta& delta) {
    const std::size_t count = again.size();
    const std::vector<const std::vector<Question>*> asked = questions_by_canvas(analysis, findings);
    std::vector<Question> old_questions = std::move(kept.which_section);
    for (std::size_t c = 0; c < kept.questions.size(); ++c)
        if (c >= count || again[c])
            for (Question& question : kept.questions[c]) old_questions.push_back(std::move(question));
    kept.questions.resize(count);
    kept.which_section.clear();
    for (std::vector<Question>& list : which_section_questions(*analysis.board, analysis.layout))
        for (Question& question : list) kept.which_section.push_back(std::move(question));
    std::vector<Question> new_questions = kept.which_section;
    for (std::size_t c = 0; c < count; ++c) {
        if (!again[c]) continue;
        kept.questions[c] = *asked[c];
        new_questions.insert(new_questions.end(), asked[c]->begin(), asked[c]->end());
    }
    diff_as_multiset(old_questions, new_questions, delta.questions_added, delta.questions_removed);
}

// Every warning: the reading's, the canvases' and those across canvases
// (find_warnings, from the cache), and each canvas's value warnings.
void diff_warnings(KeptReport& kept, const BoardAnalysis& analysis, CanvasFindingCache& findings,
                   ReportDelta& delta) {
    std::vector<Warning> now = reading_warnings(*analysis.board, analysis.layout);
    for (Warning& warning : find_warnings(analysis, &findings)) now.push_back(std::move(warning));
    for (const std::vector<Warning>& list : kept.value_warnings)
        now.insert(now.end(), list.begin(), list.end());
    diff_as_multiset(kept.warnings, now, delta.warnings_added, delta.warnings_removed);
    kept.warnings = std::move(now);
}

}  // namespace

ReportDelta delta_since(KeptReport& kept, const BoardAnalysis& analysis,
                        const AnalyzeOptions& options, CanvasFindingCache& findings,
                        std::vector<bool> analysed_again,
                        const std::vector<NoteIndex>* touched_notes,
                        const std::function<bool(const std::string&)>& is_note) {
    ReportDelta delta;
    delta.source = options.source;
    delta.format = analysis.board->format;
    const bool same_list = same_canvas_list(kept, analysis.layout);
    const CompetitorSheetNotes sheets = competitor_notes_by_canvas(analysis);
    const std::vector<bool> again =
        canvases_to_make_again(kept, sheets, same_list, std::move(analysed_again));
    std::vector<std::string> touched;
    diff_canvas_reports(kept, analysis, sheets, same_list, again, delta, touched);
    diff_links(kept, analysis, again, delta);
    diff_questions(kept, analysis, findings, again, delta);
    diff_notes(kept, analysis, touched_notes, delta);
    diff_warnings(kept, analysis, findings, delta);
    kept.sent = true;
    add_named_ids(delta, touched);
    delta.touched = touched_on_board(std::move(touched), is_note);
    return delta;
}

}  // namespace canvasfit

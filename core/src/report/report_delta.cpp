// Deltas between two reports of one board (canvasfit/report.hpp, docs/report.md
// "Deltas"). "Changed" means exactly "a host would show something different":
// two objects are the same when the report would write the same JSON for them.
// Writing every object of both reports to compare them cost more than the
// rest of an incremental edit on a large board, so objects are compared field
// by field first (report/same_report_items.hpp), which decides every pair
// whose fields are equal; only a pair whose fields differ is written, for
// objects with ids, since two field values can write the same JSON (duplicate
// keys in a score list, invalid UTF-8 replaced).
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "canvasfit/report.hpp"
#include "report/delta_parts.hpp"
#include "report/json_writer.hpp"

namespace canvasfit {

namespace {

void write_coverage_entry(JsonWriter& json, const CoverageReport& entry) {
    json.object("weight", entry.weight, "covered_by", entry.covered_by, "status", entry.status);
}

}  // namespace

void changed_rows(const CanvasReport* before, const CanvasReport& after,
                  std::vector<std::string>& rows) {
    std::unordered_map<std::string_view, std::string> old_rows;
    if (before)
        for (const auto* detail : {&before->fit.pains_detail, &before->fit.gains_detail,
                                   &before->fit.jobs_detail})
            for (const CoverageReport& entry : *detail)
                old_rows.emplace(entry.note, json_of(entry, write_coverage_entry));
    for (const auto* detail : {&after.fit.pains_detail, &after.fit.gains_detail,
                               &after.fit.jobs_detail})
        for (const CoverageReport& entry : *detail) {
            const auto old = old_rows.find(entry.note);
            if (old == old_rows.end() || old->second != json_of(entry, write_coverage_entry))
                rows.push_back(entry.note);
            if (old != old_rows.end()) old_rows.erase(old);
        }
    for (const auto& [note, _] : old_rows) rows.emplace_back(note);  // rows no longer there
}

void add_named_ids(const ReportDelta& delta, std::vector<std::string>& touched) {
    for (const NoteReport& note : delta.notes) touched.push_back(note.id);
    for (const auto* links : {&delta.links_added, &delta.links_removed})
        for (const LinkReport& link : *links) touched.push_back(link.from), touched.push_back(link.to);
    for (const auto* warnings : {&delta.warnings_added, &delta.warnings_removed})
        for (const Warning& warning : *warnings)
            touched.insert(touched.end(), warning.notes.begin(), warning.notes.end());
    for (const auto* questions : {&delta.questions_added, &delta.questions_removed})
        for (const Question& question : *questions) {
            touched.insert(touched.end(), question.notes.begin(), question.notes.end());
            touched.insert(touched.end(), question.candidates.begin(), question.candidates.end());
        }
}

std::vector<std::string> touched_on_board(std::vector<std::string> touched,
                                          const std::vector<NoteReport>& notes) {
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    // An edit touches a few ids and the board holds thousands of notes: each
    // note is looked up among the touched ids, rather than every note put in
    // a set (one allocation per note, per edit).
    std::unordered_map<std::string_view, std::size_t> position;
    position.reserve(touched.size());
    for (std::size_t i = 0; i < touched.size(); ++i) position.emplace(touched[i], i);
    std::vector<bool> on_board(touched.size(), false);
    if (!touched.empty())
        for (const NoteReport& note : notes)
            if (const auto found = position.find(note.id); found != position.end())
                on_board[found->second] = true;
    std::vector<std::string> kept;
    kept.reserve(touched.size());
    for (std::size_t i = 0; i < touched.size(); ++i)
        if (on_board[i]) kept.push_back(std::move(touched[i]));
    return kept;
}

std::vector<std::string> touched_on_board(std::vector<std::string> touched,
                                          const std::function<bool(const std::string&)>& is_note) {
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    touched.erase(std::remove_if(touched.begin(), touched.end(),
                                 [&](const std::string& id) { return !is_note(id); }),
                  touched.end());
    return touched;
}

namespace {

std::vector<std::string> touched_notes(const Report& before, const Report& after,
                                       const ReportDelta& delta) {
    std::vector<std::string> touched;
    add_named_ids(delta, touched);
    std::unordered_map<std::string_view, const CanvasReport*> old_canvas;
    for (const CanvasReport& canvas : before.canvases) old_canvas.emplace(canvas.id, &canvas);
    for (const CanvasReport& canvas : delta.canvases) {
        const auto old = old_canvas.find(canvas.id);
        changed_rows(old == old_canvas.end() ? nullptr : old->second, canvas, touched);
    }
    return touched_on_board(std::move(touched), after.notes);
}

}  // namespace

bool ReportDelta::empty() const {
    return canvases.empty() && canvases_removed.empty() && notes.empty() && notes_removed.empty() &&
           links_added.empty() && links_removed.empty() && warnings_added.empty() &&
           warnings_removed.empty() && questions_added.empty() && questions_removed.empty();
}

ReportDelta diff_reports(const Report& before, const Report& after) {
    ReportDelta delta;
    delta.source = after.source;
    delta.format = after.format;
    diff_by_id(before.canvases, after.canvases, write_canvas, delta.canvases,
               delta.canvases_removed);
    diff_by_id(before.notes, after.notes, write_note, delta.notes, delta.notes_removed);
    diff_as_multiset(before.links, after.links, delta.links_added, delta.links_removed);
    diff_as_multiset(before.warnings, after.warnings, delta.warnings_added, delta.warnings_removed);
    diff_as_multiset(before.questions, after.questions, delta.questions_added,
                     delta.questions_removed);
    delta.touched = touched_notes(before, after, delta);
    return delta;
}

std::string delta_to_json(const ReportDelta& delta) {
    std::string out;
    JsonWriter json(out);
    json.object("schema", "canvasfit.delta/1", "source", delta.source, "format", delta.format,
                "canvases", list_of(delta.canvases, write_canvas),
                "canvases_removed", delta.canvases_removed,
                "notes", list_of(delta.notes, write_note), "notes_removed", delta.notes_removed,
                "links_added", list_of(delta.links_added, write_link),
                "links_removed", list_of(delta.links_removed, write_link),
                "warnings_added", list_of(delta.warnings_added, write_warning),
                "warnings_removed", list_of(delta.warnings_removed, write_warning),
                "questions_added", list_of(delta.questions_added, write_question),
                "questions_removed", list_of(delta.questions_removed, write_question),
                "touched", delta.touched);
    out += "\n";
    return out;
}

}  // namespace canvasfit

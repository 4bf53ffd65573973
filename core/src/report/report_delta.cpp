// Deltas between two reports of one board (canvasfit/report.hpp, docs/report.md
// "Deltas"). Objects are compared by the JSON the report would show, so that
// "changed" means exactly "a host would show something different", and no
// field can be forgotten when the report grows one.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "canvasfit/report.hpp"
#include "report/json_writer.hpp"
#include "report/written_report.hpp"

namespace canvasfit {

namespace {

template <typename Item, typename Write>
std::vector<std::string> json_of_each(const std::vector<Item>& items, Write write) {
    std::vector<std::string> written;
    written.reserve(items.size());
    for (const Item& item : items) written.push_back(json_of(item, write));
    return written;
}

// Objects with ids (canvases, notes): those new or different in `after`, and
// the ids gone from it. `*_json` are the items' JSON, in the same order.
template <typename Item>
void diff_by_id(const std::vector<Item>& before, const std::vector<std::string>& before_json,
                const std::vector<Item>& after, const std::vector<std::string>& after_json,
                std::vector<Item>& changed, std::vector<std::string>& removed) {
    std::unordered_map<std::string_view, std::string_view> old_json;
    for (std::size_t i = 0; i < before.size(); ++i) old_json.emplace(before[i].id, before_json[i]);
    std::unordered_set<std::string_view> present;
    for (std::size_t i = 0; i < after.size(); ++i) {
        present.insert(after[i].id);
        const auto old = old_json.find(after[i].id);
        if (old == old_json.end() || old->second != after_json[i]) changed.push_back(after[i]);
    }
    for (const Item& item : before)
        if (!present.count(item.id)) removed.push_back(item.id);
}

// Lists without ids (links, warnings, questions), compared as multisets.
template <typename Item>
void diff_as_multiset(const std::vector<Item>& before, const std::vector<std::string>& before_json,
                      const std::vector<Item>& after, const std::vector<std::string>& after_json,
                      std::vector<Item>& added, std::vector<Item>& removed) {
    std::unordered_map<std::string_view, int> unmatched;  // JSON -> items of `before` not yet matched
    for (const std::string& json : before_json) ++unmatched[json];
    for (std::size_t i = 0; i < after.size(); ++i) {
        int& count = unmatched[after_json[i]];
        if (count > 0) --count;
        else added.push_back(after[i]);
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
        int& count = unmatched[before_json[i]];
        if (count > 0) --count, removed.push_back(before[i]);
    }
}

void write_coverage_entry(JsonWriter& json, const CoverageReport& entry) {
    json.object("weight", entry.weight, "covered_by", entry.covered_by, "status", entry.status);
}

// Rows (pains, gains, jobs) whose coverage changed between two versions of a canvas.
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

std::vector<std::string> touched_notes(const Report& before, const Report& after,
                                       const ReportDelta& delta) {
    std::vector<std::string> touched;
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
    std::unordered_map<std::string_view, const CanvasReport*> old_canvas;
    for (const CanvasReport& canvas : before.canvases) old_canvas.emplace(canvas.id, &canvas);
    for (const CanvasReport& canvas : delta.canvases) {
        const auto old = old_canvas.find(canvas.id);
        changed_rows(old == old_canvas.end() ? nullptr : old->second, canvas, touched);
    }
    // Only notes still on the board (a which-section candidate is a section name).
    std::unordered_set<std::string_view> on_board;
    for (const NoteReport& note : after.notes) on_board.insert(note.id);
    touched.erase(std::remove_if(touched.begin(), touched.end(),
                                 [&](const std::string& id) { return !on_board.count(id); }),
                  touched.end());
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    return touched;
}

}  // namespace

bool ReportDelta::empty() const {
    return canvases.empty() && canvases_removed.empty() && notes.empty() && notes_removed.empty() &&
           links_added.empty() && links_removed.empty() && warnings_added.empty() &&
           warnings_removed.empty() && questions_added.empty() && questions_removed.empty();
}

WrittenReport written_report(Report report) {
    WrittenReport written;
    written.canvases = json_of_each(report.canvases, write_canvas);
    written.notes = json_of_each(report.notes, write_note);
    written.links = json_of_each(report.links, write_link);
    written.warnings = json_of_each(report.warnings, write_warning);
    written.questions = json_of_each(report.questions, write_question);
    written.report = std::move(report);
    return written;
}

ReportDelta diff_written(const WrittenReport& before, const WrittenReport& after) {
    const Report& old = before.report;
    const Report& now = after.report;
    ReportDelta delta;
    delta.source = now.source;
    delta.format = now.format;
    diff_by_id(old.canvases, before.canvases, now.canvases, after.canvases, delta.canvases,
               delta.canvases_removed);
    diff_by_id(old.notes, before.notes, now.notes, after.notes, delta.notes, delta.notes_removed);
    diff_as_multiset(old.links, before.links, now.links, after.links, delta.links_added,
                     delta.links_removed);
    diff_as_multiset(old.warnings, before.warnings, now.warnings, after.warnings,
                     delta.warnings_added, delta.warnings_removed);
    diff_as_multiset(old.questions, before.questions, now.questions, after.questions,
                     delta.questions_added, delta.questions_removed);
    delta.touched = touched_notes(old, now, delta);
    return delta;
}

ReportDelta diff_reports(const Report& before, const Report& after) {
    return diff_written(written_report(before), written_report(after));
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

#include "canvasfit/report.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "engine/engine.hpp"
#include "findings/warning_kit.hpp"
#include "report/json_writer.hpp"
#include "report/writer_text.hpp"

namespace canvasfit {

namespace {

constexpr const char* kReportSchema = "canvasfit.report/1";

// A section's title as a heading; notes in no section get their own.
const char* section_heading(Section section) {
    return section == Section::unknown ? "Outside any section" : warning_kit::section_title(section);
}


// An object whose keys come from text, as nlohmann's ordered_json built it:
// a key written twice keeps its first place and takes its last value.
template <typename Number>
void write_pairs(JsonWriter& json, const std::vector<std::pair<std::string, Number>>& pairs) {
    std::vector<std::pair<std::string_view, Number>> unique;
    for (const auto& [key, number] : pairs) {
        auto same = std::find_if(unique.begin(), unique.end(),
                                 [&key = key](const auto& entry) { return entry.first == key; });
        if (same != unique.end()) same->second = number;
        else unique.emplace_back(key, number);
    }
    json.begin_object();
    for (const auto& [key, number] : unique) {
        json.key(key);
        json.value(number);
    }
    json.end_object();
}

void write_coverage(JsonWriter& json, const CoverageReport& entry) {
    json.object("note", entry.note, "weight", entry.weight, "covered_by", entry.covered_by,
                "status", entry.status);
}

// The fit band the seeds recommend (docs/report.md, fit.target).
void write_target_band(JsonWriter& json) {
    json.begin_array();
    json.value(0.5);
    json.value(0.7);
    json.end_array();
}

void write_fit(JsonWriter& json, const FitReport& fit) {
    const std::optional<std::string> verdict =
        fit.verdict.empty() ? std::nullopt : std::optional<std::string>(fit.verdict);
    const auto write_range = [&fit](JsonWriter& out) {
        if (!fit.range) return out.null();
        out.begin_array();
        out.value(fit.range->first);
        out.value(fit.range->second);
        out.end_array();
    };
    // The bands of the range's ends: the verdict the answers can still give.
    const auto write_verdict_range = [&fit](JsonWriter& out) {
        if (!fit.range) return out.null();
        out.begin_array();
        out.value(fit_verdict(fit.range->first));
        out.value(fit_verdict(fit.range->second));
        out.end_array();
    };
    json.object("pains", fit.pains, "gains", fit.gains, "overall", fit.overall, "jobs", fit.jobs,
                "verdict", verdict, "target", write_target_band, "undecided", fit.undecided,
                "unconfirmed", fit.unconfirmed, "range", write_range,
                "verdict_range", write_verdict_range,
                "pains_detail", list_of(fit.pains_detail, write_coverage),
                "gains_detail", list_of(fit.gains_detail, write_coverage),
                "jobs_detail", list_of(fit.jobs_detail, write_coverage));
}

template <typename Number>
auto pairs_of(const std::vector<std::pair<std::string, Number>>& pairs) {
    return [&pairs](JsonWriter& json) { write_pairs(json, pairs); };
}

void write_value(JsonWriter& json, const ValueReport& value) {
    json.object("segment_type", value.segment_type, "dominant_type", value.dominant_type,
                "types", pairs_of(value.types), "key_metric", value.key_metric,
                "drivers", value.drivers);
}

void write_criterion(JsonWriter& json, const CriterionReport& criterion) {
    json.object("name", criterion.name, "driver", criterion.driver, "weight", criterion.weight);
}

void write_alternative(JsonWriter& json, const AlternativeReport& alternative) {
    json.object("name", alternative.name, "scores", pairs_of(alternative.scores),
                "weighted", alternative.weighted, "note", alternative.note);
}

void write_price_value(JsonWriter& json, const PriceValueReport& point) {
    json.object("name", point.name, "price", point.price, "value", point.value);
}

void write_competitors(JsonWriter& json, const std::optional<CompetitorsReport>& competitors) {
    if (!competitors) return json.null();
    json.object("criteria", list_of(competitors->criteria, write_criterion),
                "alternatives", list_of(competitors->alternatives, write_alternative),
                "price_value_map", list_of(competitors->price_value_map, write_price_value));
}

// The note ids of each section, keyed by the section's report name.
void write_sections(JsonWriter& json, const std::vector<std::vector<std::string>>& sections) {
    json.begin_object();
    for (Section section : kAllSections) {
        json.key(section_name(section));
        json.value(sections[static_cast<std::size_t>(section)]);
    }
    json.end_object();
}

}  // namespace

void write_canvas(JsonWriter& json, const CanvasReport& canvas) {
    json.object("id", canvas.id, "title", canvas.title, "segment", canvas.segment,
                "sections", written_by(write_sections, canvas.sections),
                "fit", written_by(write_fit, canvas.fit),
                "value", written_by(write_value, canvas.value),
                "competitors", written_by(write_competitors, canvas.competitors));
}

void write_note(JsonWriter& json, const NoteReport& note) {
    json.object("id", note.id, "text", note.text, "canvas", note.canvas,
                "section", section_name(note.section), "via", placement_name(note.via),
                "confidence", note.confidence, "rank", note.rank, "priority", note.priority,
                "cue", note.cue, "votes", note.votes, "value_type", note.value_type);
}

void write_link(JsonWriter& json, const LinkReport& link) {
    json.object("from", link.from, "to", link.to, "strength", link.strength, "via", link.via,
                "evidence", link.evidence, "source", link.source, "confidence", link.confidence);
}

void write_question(JsonWriter& json, const Question& question) {
    json.object("code", question.code, "canvas", question.canvas, "notes", question.notes,
                "candidates", question.candidates, "confidence", question.confidence,
                "message", question.message);
}

void write_warning(JsonWriter& json, const Warning& warning) {
    json.object("code", warning.code, "severity", severity_name(warning.severity),
                "notes", warning.notes, "canvas", warning.canvas, "message", warning.message);
}

namespace writer_text {

// One line of a note, with newlines folded so that each note stays one line.
std::string one_line(const std::string& text) {
    std::string line;
    for (char c : text) line += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return line;
}

std::string percent(const std::optional<double>& share) {
    if (!share) return "-";
    return std::to_string(static_cast<int>(std::lround(*share * 100))) + " %";
}

// Where the fit lands once the open questions are answered, when that is a
// span: " Answered, the fit lies between 53 % and 100 %."
std::string range_sentence(const FitReport& fit) {
    if (!fit.range || percent(fit.range->first) == percent(fit.range->second)) return "";
    return " Answered, the fit lies between " + percent(fit.range->first) + " and " +
           percent(fit.range->second) + ".";
}

std::string verdict_words(const FitReport& fit) {
    if (!fit.range) return fit.verdict;
    const std::string low = fit_verdict(fit.range->first);
    const std::string high = fit_verdict(fit.range->second);
    if (low == high) return fit.verdict;
    // Three bands are weak, good, strong; two ends two apart span all three.
    const bool spans_all = low == "weak" && high == "strong";
    return low + (spans_all ? " to " : " or ") + high + ": open questions decide";
}

}  // namespace writer_text

namespace {

using writer_text::one_line;
using writer_text::percent;
using writer_text::range_sentence;
using writer_text::verdict_words;

// Markdown would otherwise read a note's "*" or "[x](y)" as formatting or links.
std::string markdown_escape(const std::string& text) {
    std::string escaped;
    for (char c : one_line(text)) {
        // Brackets, emphasis, code, HTML and table characters; "-" and "+" only
        // matter at the start of a line, where no note text is placed.
        if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos)
            escaped += '\\';
        escaped += c;
    }
    return escaped;
}

// A counted link read from the wording below this confidence is wrong about
// one time in five on others' canvases (docs/judgment.md, "Reliability"):
// the rows it covers say so. The hosts' panel lists the same links for a
// check (CHECK_TEXT_LINKS_BELOW in plugin/core-shell/panel.js).
constexpr double kCheckTextLinksBelow = 0.9;

// Text and Markdown share one layout; only headings and escaping differ.
class Renderer {
public:
    Renderer(const Report& report, bool markdown) : report_(report), markdown_(markdown) {
        for (const NoteReport& note : report.notes) note_by_id_.emplace(note.id, &note);
        for (const CanvasReport& canvas : report.canvases)
            for (const auto* rows : {&canvas.fit.pains_detail, &canvas.fit.gains_detail})
                for (const CoverageReport& row : *rows) row_by_note_.emplace(row.note, &row);
        for (const Question& question : report.questions)
            if (question.code == "is-addressed" && !question.notes.empty())
                suggested_for_.emplace(question.notes.front(), &question.candidates);
        for (const LinkReport& link : report.links)
            if (link.source == "text" && link.confidence < kCheckTextLinksBelow)
                unsure_links_.emplace(link.from + '\n' + link.to, link.confidence);
    }

    std::string render() {
        const std::string source = report_.source.empty() ? "board" : report_.source;
        out_ += markdown_ ? "# CanvasFit report: " + markdown_escape(source) + "\n"
                          : "CanvasFit report: " + source + " (" + report_.format + ")\n";
        for (const CanvasReport& canvas : report_.canvases) write_canvas(canvas);
        write_outside();
        write_warnings();
        write_questions();
        return out_;
    }

private:
    std::string text(const std::string& raw) const { return markdown_ ? markdown_escape(raw) : one_line(raw); }

    void heading(int level, const std::string& title) {
        if (markdown_) out_ += "\n" + std::string(static_cast<std::size_t>(level), '#') + " " + title + "\n\n";
        else out_ += (level <= 2 ? "\n" : "") + std::string(static_cast<std::size_t>(2 * (level - 2)), ' ') + title + "\n";
    }

    void write_canvas(const CanvasReport& canvas) {
        const std::string name = canvas.segment ? *canvas.segment : canvas.title;
        heading(2, canvas.id + (name.empty() ? "" : ": " + text(name)));
        const FitReport& fit = canvas.fit;
        if (fit.overall) {
            out_ += std::string(markdown_ ? "" : "  ") + "Fit " + percent(fit.overall) + " (" +
                    verdict_words(fit) + ", target 50-70 %): pains " + percent(fit.pains) + ", gains " + percent(fit.gains) +
                    ", jobs " + percent(fit.jobs) + "\n";
            // The score is an estimate where rows are open questions: say how much.
            if (fit.undecided > 0)
                out_ += std::string(markdown_ ? "" : "  ") + percent(fit.undecided) +
                        " of the profile's weight is an open question, counted at the rate such "
                        "questions turn out to be addressed." + range_sentence(fit) + "\n";
        }
        for (Section section : kAllSections) {
            const auto& ids = canvas.sections[static_cast<std::size_t>(section)];
            heading(3, std::string(section_heading(section)) + " (" + std::to_string(ids.size()) + ")");
            write_notes(ids, markdown_ ? "" : "    ");
        }
    }

    // "- #1 Orders get lost [p1] (addressed by r2)" for ranked notes; plain otherwise.
    void write_notes(const std::vector<std::string>& ids, const std::string& indent) {
        for (const std::string& id : ids) {
            const auto found = note_by_id_.find(id);
            if (found == note_by_id_.end()) continue;
            const NoteReport& note = *found->second;
            std::string line = indent + "- ";
            if (note.rank) line += "#" + std::to_string(*note.rank) + " ";
            line += text(note.text) + "  [" + text(id) + "]";
            out_ += line + coverage_of(id) + "\n";
        }
    }

    // What the fit says of a pain or gain, as sure as the report is: a row
    // under a question is asked about, never called "not addressed", and only
    // counted links (not suggestions) address a row.
    std::string coverage_of(const std::string& id) const {
        const auto row = row_by_note_.find(id);
        if (row == row_by_note_.end()) return "";
        const std::string& status = row->second->status;
        if (status == "covered") return "  (addressed by " + addressers(id, row->second->covered_by) + ")";
        if (status == "unaddressed") return "  (not addressed)";
        const auto suggested = suggested_for_.find(id);
        if (suggested == suggested_for_.end()) return "  (question: what addresses it?)";
        return "  (question: addressed by " + text(join(*suggested->second)) + "?)";
    }

    // "r1, r4 (76 % sure, worth a check)": each counted link, with its
    // confidence when it is one of the less sure text links.
    std::string addressers(const std::string& target, const std::vector<std::string>& ids) const {
        std::string joined;
        for (const std::string& id : ids) {
            joined += (joined.empty() ? "" : ", ") + text(id);
            const auto unsure = unsure_links_.find(id + '\n' + target);
            if (unsure != unsure_links_.end())
                joined += " (" + std::to_string(static_cast<int>(unsure->second * 100 + 0.5)) +
                          " % sure, worth a check)";
        }
        return joined;
    }

    static std::string join(const std::vector<std::string>& ids) {
        std::string joined;
        for (const std::string& id : ids) joined += (joined.empty() ? "" : ", ") + id;
        return joined;
    }

    void write_outside() {
        std::vector<std::string> outside;
        for (const NoteReport& note : report_.notes)
            if (note.section == Section::unknown) outside.push_back(note.id);
        if (outside.empty()) return;
        heading(2, "Outside any section (" + std::to_string(outside.size()) + ")");
        write_notes(outside, markdown_ ? "" : "  ");
    }

    void write_warnings() {
        heading(2, "Warnings (" + std::to_string(report_.warnings.size()) + ")");
        for (const Warning& warning : report_.warnings)
            out_ += std::string(markdown_ ? "- " : "  ") + "[" + severity_name(warning.severity) + "] " +
                    warning.code + ": " + text(warning.message) + "\n";
    }

    void write_questions() {
        heading(2, "Questions (" + std::to_string(report_.questions.size()) + ")");
        for (const Question& question : report_.questions)
            out_ += std::string(markdown_ ? "- " : "  ") + "? " + question.code + ": " +
                    text(question.message) + "\n";
    }

    const Report& report_;
    const bool markdown_;
    std::unordered_map<std::string, const NoteReport*> note_by_id_;
    std::unordered_map<std::string, const CoverageReport*> row_by_note_;
    std::unordered_map<std::string, const std::vector<std::string>*> suggested_for_;
    std::unordered_map<std::string, double> unsure_links_;  // "from\nto" of text links under the check bar
    std::string out_;
};

}  // namespace

const char* severity_name(Severity severity) {
    switch (severity) {
        case Severity::info: return "info";
        case Severity::low: return "low";
        case Severity::medium: return "medium";
        case Severity::high: return "high";
    }
    return "info";
}

namespace {

// Bytes of the report's JSON spent on keys, punctuation, indentation and
// numbers around each object's strings, at most (measured on the benchmark
// boards, with room for the longest numbers): the rest is the strings, added
// as they are.
constexpr std::size_t kNoteFrame = 288, kCanvasFrame = 1536, kRowFrame = 128, kLinkFrame = 224,
                      kWarningFrame = 176, kQuestionFrame = 192, kListedString = 16;

std::size_t listed_bytes(const std::vector<std::string>& texts) {
    std::size_t bytes = 0;
    for (const std::string& text : texts) bytes += kListedString + text.size();
    return bytes;
}

std::size_t optional_bytes(const std::optional<std::string>& text) { return text ? text->size() : 0; }

std::size_t canvas_bytes(const CanvasReport& canvas) {
    std::size_t bytes = kCanvasFrame + canvas.id.size() + canvas.title.size() + optional_bytes(canvas.segment);
    for (const auto& section : canvas.sections) bytes += listed_bytes(section);
    for (const auto* rows : {&canvas.fit.pains_detail, &canvas.fit.gains_detail, &canvas.fit.jobs_detail})
        for (const CoverageReport& row : *rows)
            bytes += kRowFrame + row.note.size() + listed_bytes(row.covered_by) + row.status.size();
    bytes += listed_bytes(canvas.value.drivers) + 64 * canvas.value.types.size();
    if (canvas.competitors)  // rare and small: a generous bound per entry
        bytes += 512 * (canvas.competitors->criteria.size() + canvas.competitors->alternatives.size() *
                                                                   (1 + canvas.competitors->criteria.size()) +
                        canvas.competitors->price_value_map.size());
    return bytes;
}

// Room for the whole report's JSON, a little more than it takes: a report of
// 50,000 notes is 32 MB of text, and a string left to grow by doubling held
// 77 MB at its peak (the old and the new buffer), the largest part of the
// module's peak memory (bench/README.md).
std::size_t json_size_bound(const Report& report) {
    std::size_t bytes = 1024 + report.source.size() + report.format.size();
    for (const CanvasReport& canvas : report.canvases) bytes += canvas_bytes(canvas);
    for (const NoteReport& note : report.notes)
        bytes += kNoteFrame + note.id.size() + note.text.size() + optional_bytes(note.canvas) +
                 optional_bytes(note.cue) + optional_bytes(note.value_type);
    for (const LinkReport& link : report.links)
        bytes += kLinkFrame + link.from.size() + link.to.size() + link.via.size() + link.source.size() +
                 listed_bytes(link.evidence);
    for (const Warning& warning : report.warnings)
        bytes += kWarningFrame + warning.code.size() + warning.message.size() +
                 optional_bytes(warning.canvas) + listed_bytes(warning.notes);
    for (const Question& question : report.questions)
        bytes += kQuestionFrame + question.code.size() + question.message.size() +
                 optional_bytes(question.canvas) + listed_bytes(question.notes) +
                 listed_bytes(question.candidates);
    return bytes;
}

}  // namespace

std::size_t report_json_size_bound(const Report& report) { return json_size_bound(report); }

namespace {

// The report's members in order; `item_written` runs after each item of its
// lists, where the text written so far may be handed on.
template <typename ItemWritten>
void write_report(JsonWriter& json, const ReportParts& report, ItemWritten item_written) {
    const auto list = [&item_written](const auto& items, auto write) {
        return [&items, write, &item_written](JsonWriter& writer) {
            writer.begin_array();
            items([&](const auto& item) {
                write(writer, item);
                item_written();
            });
            writer.end_array();
        };
    };
    json.object("schema", kReportSchema, "source", report.source, "format", report.format,
                "canvases", list(report.canvases, write_canvas),
                "notes", list(report.notes, write_note),
                "links", list(report.links, write_link),
                "warnings", list(report.warnings, write_warning),
                "questions", list(report.questions, write_question));
}

template <typename Item>
ItemList<Item> items_of(const std::vector<Item>& items) {
    return [&items](const std::function<void(const Item&)>& put) {
        for (const Item& item : items) put(item);
    };
}

ReportParts parts_of(const Report& report) {
    return {report.source,          report.format,         items_of(report.canvases),
            items_of(report.notes), items_of(report.links), items_of(report.warnings),
            items_of(report.questions)};
}

constexpr std::size_t kPieceBytes = std::size_t{1} << 20;

}  // namespace

std::string report_to_json(const Report& report) {
    std::string out;
    out.reserve(json_size_bound(report));
    JsonWriter json(out);
    write_report(json, parts_of(report), [] {});
    // Invalid UTF-8 is replaced rather than thrown (write_string): note text
    // is already validated by the JSON parser, this guards the C++ API.
    out += "\n";
    return out;
}

void report_to_json(const ReportParts& report, const PieceWriter& write_piece) {
    std::string out;
    out.reserve(kPieceBytes + kPieceBytes / 4);  // a piece and most single items
    JsonWriter json(out);
    write_report(json, report, [&] {
        if (out.size() < kPieceBytes) return;
        write_piece(out);
        out.clear();
    });
    out += "\n";
    write_piece(out);
}

void report_to_json(const Report& report, const PieceWriter& write_piece) {
    report_to_json(parts_of(report), write_piece);
}

std::string report_to_text(const Report& report) { return Renderer(report, false).render(); }

std::string report_to_markdown(const Report& report) { return Renderer(report, true).render(); }

std::string error_to_json(const std::string& where, const std::string& message) {
    std::string out;
    JsonWriter json(out);
    json.object("schema", "canvasfit.error/1", "error",
                [&](JsonWriter& error) { error.object("where", where, "message", message); });
    return out + "\n";
}

}  // namespace canvasfit

#include "canvasfit/report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

namespace canvasfit {

namespace {

using ordered_json = nlohmann::ordered_json;

constexpr const char* kReportSchema = "canvasfit.report/1";

const char* section_heading(Section section) {
    switch (section) {
        case Section::segment: return "Customer Segment";
        case Section::jobs: return "Customer Jobs";
        case Section::pains: return "Pains";
        case Section::gains: return "Gains";
        case Section::products: return "Products & Services";
        case Section::relievers: return "Pain Relievers";
        case Section::creators: return "Gain Creators";
        case Section::unknown: break;
    }
    return "Outside any section";
}

// Writes JSON text directly, laid out byte for byte as nlohmann's
// dump(2, ' ', false, replace) lays out the same document: a report of 10,000
// notes is ~5 MB of text, and building it as an ordered_json tree first cost
// several times more than writing it (bench/README.md).
class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // The key of the next member of the object being written.
    void key(std::string_view name) {
        next_item();
        write_string(name);
        out_ += ": ";
        after_key_ = true;
    }

    void value(std::string_view text) {
        next_item();
        write_string(text);
    }
    void value(const std::string& text) { value(std::string_view(text)); }
    void value(const char* text) { value(std::string_view(text)); }
    void value(int number) {
        next_item();
        out_ += std::to_string(number);
    }
    void value(double number) {
        next_item();
        if (!std::isfinite(number)) {
            out_ += "null";
            return;
        }
        std::array<char, 64> digits{};
        char* end = nlohmann::detail::to_chars(digits.data(), digits.data() + digits.size(), number);
        out_.append(digits.data(), static_cast<std::size_t>(end - digits.data()));
    }
    void null() {
        next_item();
        out_ += "null";
    }
    template <typename T>
    void value(const std::optional<T>& optional) {
        if (optional) value(*optional);
        else null();
    }
    void value(const std::vector<std::string>& texts) {
        begin_array();
        for (const std::string& text : texts) value(text);
        end_array();
    }

private:
    void open(char bracket) {
        next_item();
        out_ += bracket;
        items_.push_back(0);
    }

    void close(char bracket) {
        const std::size_t items = items_.back();
        items_.pop_back();
        if (items > 0) {
            out_ += '\n';
            indent();
        }
        out_ += bracket;
    }

    // A value right after its key goes on the key's line; any other item of
    // an object or array starts a new, indented line.
    void next_item() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (items_.empty()) return;
        out_ += items_.back()++ == 0 ? "\n" : ",\n";
        indent();
    }

    void indent() { out_.append(2 * items_.size(), ' '); }

    void write_string(std::string_view text) {
        if (is_plain(text)) {
            out_ += '"';
            out_ += text;
            out_ += '"';
            return;
        }
        // Escapes, non-ASCII and invalid UTF-8 (replaced with U+FFFD) are rare
        // in a report: nlohmann writes those strings, so they stay identical.
        out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false,
                                                        nlohmann::json::error_handler_t::replace);
    }

    static bool is_plain(std::string_view text) {
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte < 0x20 || byte >= 0x80 || c == '"' || c == '\\') return false;
        }
        return true;
    }

    std::string& out_;
    std::vector<std::size_t> items_;  // per open object or array: items written so far
    bool after_key_ = false;
};

// An object whose keys come from text, as ordered_json's operator[] builds it:
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

void write_coverage(JsonWriter& json, const std::vector<CoverageReport>& detail) {
    json.begin_array();
    for (const CoverageReport& entry : detail) {
        json.begin_object();
        json.key("note"), json.value(entry.note);
        json.key("weight"), json.value(entry.weight);
        json.key("covered_by"), json.value(entry.covered_by);
        json.key("status"), json.value(entry.status);
        json.end_object();
    }
    json.end_array();
}

void write_fit(JsonWriter& json, const FitReport& fit) {
    json.begin_object();
    json.key("pains"), json.value(fit.pains);
    json.key("gains"), json.value(fit.gains);
    json.key("overall"), json.value(fit.overall);
    json.key("jobs"), json.value(fit.jobs);
    json.key("verdict");
    if (fit.verdict.empty()) json.null();
    else json.value(fit.verdict);
    json.key("target");
    json.begin_array();
    json.value(0.5);
    json.value(0.7);
    json.end_array();
    json.key("undecided"), json.value(fit.undecided);
    json.key("unconfirmed"), json.value(fit.unconfirmed);
    json.key("pains_detail"), write_coverage(json, fit.pains_detail);
    json.key("gains_detail"), write_coverage(json, fit.gains_detail);
    json.key("jobs_detail"), write_coverage(json, fit.jobs_detail);
    json.end_object();
}

void write_value(JsonWriter& json, const ValueReport& value) {
    json.begin_object();
    json.key("segment_type"), json.value(value.segment_type);
    json.key("dominant_type"), json.value(value.dominant_type);
    json.key("types"), write_pairs(json, value.types);
    json.key("key_metric"), json.value(value.key_metric);
    json.key("drivers"), json.value(value.drivers);
    json.end_object();
}

void write_competitors(JsonWriter& json, const std::optional<CompetitorsReport>& competitors) {
    if (!competitors) return json.null();
    json.begin_object();
    json.key("criteria");
    json.begin_array();
    for (const CriterionReport& criterion : competitors->criteria) {
        json.begin_object();
        json.key("name"), json.value(criterion.name);
        json.key("driver"), json.value(criterion.driver);
        json.key("weight"), json.value(criterion.weight);
        json.end_object();
    }
    json.end_array();
    json.key("alternatives");
    json.begin_array();
    for (const AlternativeReport& alternative : competitors->alternatives) {
        json.begin_object();
        json.key("name"), json.value(alternative.name);
        json.key("scores"), write_pairs(json, alternative.scores);
        json.key("weighted"), json.value(alternative.weighted);
        json.key("note"), json.value(alternative.note);
        json.end_object();
    }
    json.end_array();
    json.key("price_value_map");
    json.begin_array();
    for (const PriceValueReport& point : competitors->price_value_map) {
        json.begin_object();
        json.key("name"), json.value(point.name);
        json.key("price"), json.value(point.price);
        json.key("value"), json.value(point.value);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

void write_canvas(JsonWriter& json, const CanvasReport& canvas) {
    json.begin_object();
    json.key("id"), json.value(canvas.id);
    json.key("title"), json.value(canvas.title);
    json.key("segment"), json.value(canvas.segment);
    json.key("sections");
    json.begin_object();
    for (Section section : kAllSections) {
        json.key(section_name(section));
        json.value(canvas.sections[static_cast<std::size_t>(section)]);
    }
    json.end_object();
    json.key("fit"), write_fit(json, canvas.fit);
    json.key("value"), write_value(json, canvas.value);
    json.key("competitors"), write_competitors(json, canvas.competitors);
    json.end_object();
}

void write_note(JsonWriter& json, const NoteReport& note) {
    json.begin_object();
    json.key("id"), json.value(note.id);
    json.key("text"), json.value(note.text);
    json.key("canvas"), json.value(note.canvas);
    json.key("section"), json.value(section_name(note.section));
    json.key("via"), json.value(placement_name(note.via));
    json.key("confidence"), json.value(note.confidence);
    json.key("rank"), json.value(note.rank);
    json.key("priority"), json.value(note.priority);
    json.key("cue"), json.value(note.cue);
    json.key("votes"), json.value(note.votes);
    json.key("value_type"), json.value(note.value_type);
    json.end_object();
}

void write_link(JsonWriter& json, const LinkReport& link) {
    json.begin_object();
    json.key("from"), json.value(link.from);
    json.key("to"), json.value(link.to);
    json.key("strength"), json.value(link.strength);
    json.key("via"), json.value(link.via);
    json.key("evidence"), json.value(link.evidence);
    json.key("source"), json.value(link.source);
    json.key("confidence"), json.value(link.confidence);
    json.end_object();
}

void write_question(JsonWriter& json, const Question& question) {
    json.begin_object();
    json.key("code"), json.value(question.code);
    json.key("canvas"), json.value(question.canvas);
    json.key("notes"), json.value(question.notes);
    json.key("candidates"), json.value(question.candidates);
    json.key("confidence"), json.value(question.confidence);
    json.key("message"), json.value(question.message);
    json.end_object();
}

void write_warning(JsonWriter& json, const Warning& warning) {
    json.begin_object();
    json.key("code"), json.value(warning.code);
    json.key("severity"), json.value(severity_name(warning.severity));
    json.key("notes"), json.value(warning.notes);
    json.key("canvas"), json.value(warning.canvas);
    json.key("message"), json.value(warning.message);
    json.end_object();
}

template <typename Item, typename Write>
void write_list(JsonWriter& json, const std::vector<Item>& items, Write write) {
    json.begin_array();
    for (const Item& item : items) write(json, item);
    json.end_array();
}

// One line of a note, with newlines folded so that each note stays one line.
std::string one_line(const std::string& text) {
    std::string line;
    for (char c : text) line += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return line;
}

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

std::string percent(const std::optional<double>& share) {
    if (!share) return "-";
    return std::to_string(static_cast<int>(std::lround(*share * 100))) + " %";
}

// Text and Markdown share one layout; only headings and escaping differ.
class Renderer {
public:
    Renderer(const Report& report, bool markdown) : report_(report), markdown_(markdown) {
        for (const NoteReport& note : report.notes) note_by_id_.emplace(note.id, &note);
        for (const LinkReport& link : report.links) sources_by_target_[link.to].push_back(link.from);
    }

    std::string render() {
        const std::string source = report_.source.empty() ? "board" : report_.source;
        out_ += markdown_ ? "# CanvasFit report: " + markdown_escape(source) + "\n"
                          : "CanvasFit report: " + source + " (" + report_.format + ")\n";
        for (const CanvasReport& canvas : report_.canvases) write_canvas(canvas);
        write_outside();
        write_warnings();
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
            out_ += std::string(markdown_ ? "" : "  ") + "Fit " + percent(fit.overall) + " (" + fit.verdict +
                    ", target 50-70 %): pains " + percent(fit.pains) + ", gains " + percent(fit.gains) +
                    ", jobs " + percent(fit.jobs) + "\n";
        }
        for (Section section : kAllSections) {
            const auto& ids = canvas.sections[static_cast<std::size_t>(section)];
            heading(3, std::string(section_heading(section)) + " (" + std::to_string(ids.size()) + ")");
            write_notes(ids, markdown_ ? "" : "    ");
        }
    }

    // "- #1 Orders get lost [p1] (covered by r2)" for ranked notes; plain otherwise.
    void write_notes(const std::vector<std::string>& ids, const std::string& indent) {
        for (const std::string& id : ids) {
            const auto found = note_by_id_.find(id);
            if (found == note_by_id_.end()) continue;
            const NoteReport& note = *found->second;
            std::string line = indent + "- ";
            if (note.rank) line += "#" + std::to_string(*note.rank) + " ";
            line += text(note.text) + "  [" + text(id) + "]";
            if (note.section == Section::pains || note.section == Section::gains) {
                const auto sources = sources_by_target_.find(id);
                line += sources == sources_by_target_.end() ? "  (not addressed)"
                                                            : "  (addressed by " + text(join(sources->second)) + ")";
            }
            out_ += line + "\n";
        }
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

    const Report& report_;
    const bool markdown_;
    std::unordered_map<std::string, const NoteReport*> note_by_id_;
    std::unordered_map<std::string, std::vector<std::string>> sources_by_target_;
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

std::string report_to_json(const Report& report) {
    std::string out;
    out.reserve(512 + 512 * report.notes.size());
    JsonWriter json(out);
    json.begin_object();
    json.key("schema"), json.value(kReportSchema);
    json.key("source"), json.value(report.source);
    json.key("format"), json.value(report.format);
    json.key("canvases"), write_list(json, report.canvases, write_canvas);
    json.key("notes"), write_list(json, report.notes, write_note);
    json.key("links"), write_list(json, report.links, write_link);
    json.key("warnings"), write_list(json, report.warnings, write_warning);
    json.key("questions"), write_list(json, report.questions, write_question);
    json.end_object();
    // Invalid UTF-8 is replaced rather than thrown (write_string): note text
    // is already validated by the JSON parser, this guards the C++ API.
    out += "\n";
    return out;
}

std::string report_to_text(const Report& report) { return Renderer(report, false).render(); }

std::string report_to_markdown(const Report& report) { return Renderer(report, true).render(); }

std::string error_to_json(const std::string& where, const std::string& message) {
    ordered_json root = {{"schema", "canvasfit.error/1"},
                         {"error", {{"where", where}, {"message", message}}}};
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace canvasfit

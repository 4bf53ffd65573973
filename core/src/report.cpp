#include "canvasfit/report.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
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

template <typename T>
ordered_json optional_value(const std::optional<T>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json coverage_json(const std::vector<CoverageReport>& detail) {
    ordered_json list = ordered_json::array();
    for (const CoverageReport& entry : detail)
        list.push_back({{"note", entry.note}, {"weight", entry.weight}, {"covered_by", entry.covered_by}});
    return list;
}

ordered_json fit_json(const FitReport& fit) {
    return {{"pains", optional_value(fit.pains)},
            {"gains", optional_value(fit.gains)},
            {"overall", optional_value(fit.overall)},
            {"jobs", optional_value(fit.jobs)},
            {"verdict", fit.verdict.empty() ? ordered_json(nullptr) : ordered_json(fit.verdict)},
            {"target", {0.5, 0.7}},
            {"pains_detail", coverage_json(fit.pains_detail)},
            {"gains_detail", coverage_json(fit.gains_detail)},
            {"jobs_detail", coverage_json(fit.jobs_detail)}};
}

ordered_json value_json(const ValueReport& value) {
    ordered_json types = ordered_json::object();
    for (const auto& [type, count] : value.types) types[type] = count;
    return {{"segment_type", value.segment_type},
            {"dominant_type", optional_value(value.dominant_type)},
            {"types", std::move(types)},
            {"key_metric", optional_value(value.key_metric)},
            {"drivers", value.drivers}};
}

template <typename Number>
ordered_json pairs_json(const std::vector<std::pair<std::string, Number>>& pairs) {
    ordered_json object = ordered_json::object();
    for (const auto& [key, number] : pairs) object[key] = number;
    return object;
}

ordered_json competitors_json(const std::optional<CompetitorsReport>& competitors) {
    if (!competitors) return nullptr;
    ordered_json criteria = ordered_json::array(), alternatives = ordered_json::array(),
                 price_value_map = ordered_json::array();
    for (const CriterionReport& criterion : competitors->criteria)
        criteria.push_back({{"name", criterion.name},
                            {"driver", optional_value(criterion.driver)},
                            {"weight", criterion.weight}});
    for (const AlternativeReport& alternative : competitors->alternatives)
        alternatives.push_back({{"name", alternative.name},
                                {"scores", pairs_json(alternative.scores)},
                                {"weighted", optional_value(alternative.weighted)},
                                {"note", alternative.note}});
    for (const PriceValueReport& point : competitors->price_value_map)
        price_value_map.push_back({{"name", point.name},
                                   {"price", optional_value(point.price)},
                                   {"value", optional_value(point.value)}});
    return {{"criteria", std::move(criteria)},
            {"alternatives", std::move(alternatives)},
            {"price_value_map", std::move(price_value_map)}};
}

ordered_json canvas_json(const CanvasReport& canvas) {
    ordered_json sections = ordered_json::object();
    for (Section section : kAllSections)
        sections[section_name(section)] = canvas.sections[static_cast<std::size_t>(section)];
    return {{"id", canvas.id},
            {"title", canvas.title},
            {"segment", optional_value(canvas.segment)},
            {"sections", std::move(sections)},
            {"fit", fit_json(canvas.fit)},
            {"value", value_json(canvas.value)},
            {"competitors", competitors_json(canvas.competitors)}};
}

ordered_json note_json(const NoteReport& note) {
    return {{"id", note.id},
            {"text", note.text},
            {"canvas", optional_value(note.canvas)},
            {"section", section_name(note.section)},
            {"via", placement_name(note.via)},
            {"confidence", note.confidence},
            {"rank", optional_value(note.rank)},
            {"priority", optional_value(note.priority)},
            {"cue", optional_value(note.cue)},
            {"votes", note.votes},
            {"value_type", optional_value(note.value_type)}};
}

ordered_json link_json(const LinkReport& link) {
    return {{"from", link.from},
            {"to", link.to},
            {"strength", link.strength},
            {"via", link.via},
            {"evidence", link.evidence}};
}

ordered_json warning_json(const Warning& warning) {
    return {{"code", warning.code},
            {"severity", severity_name(warning.severity)},
            {"notes", warning.notes},
            {"canvas", optional_value(warning.canvas)},
            {"message", warning.message}};
}

template <typename Item, typename ToJson>
ordered_json list_json(const std::vector<Item>& items, ToJson to_json) {
    ordered_json list = ordered_json::array();
    for (const Item& item : items) list.push_back(to_json(item));
    return list;
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
    ordered_json root = {{"schema", kReportSchema},
                         {"source", report.source},
                         {"format", report.format},
                         {"canvases", list_json(report.canvases, canvas_json)},
                         {"notes", list_json(report.notes, note_json)},
                         {"links", list_json(report.links, link_json)},
                         {"warnings", list_json(report.warnings, warning_json)}};
    // Replace invalid UTF-8 rather than throw: note text is already validated
    // by the JSON parser, this guards text that came through the C++ API.
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string report_to_text(const Report& report) { return Renderer(report, false).render(); }

std::string report_to_markdown(const Report& report) { return Renderer(report, true).render(); }

std::string error_to_json(const std::string& where, const std::string& message) {
    ordered_json root = {{"schema", "canvasfit.error/1"},
                         {"error", {{"where", where}, {"message", message}}}};
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace canvasfit

// The report-time part of the value stage (docs/value.md): segment type,
// the value object of each canvas, competitor sheets, and the
// misaligned-type and unparsed-competitor warnings.
#include <algorithm>
#include <array>

#include "engine/engine.hpp"
#include "engine/value_types.hpp"
#include "engine/competitors.hpp"
#include "findings/warning_kit.hpp"
#include "findings/findings.hpp"

namespace canvasfit {

namespace {

bool is_money(ValueType type) {
    return type == ValueType::price || type == ValueType::cost_reduction;
}

// The segment cares about price first: its description says so
// ("price-sensitive students", "budget travellers"), or its top value driver
// is about price or cost.
bool is_price_driven(const ValueProfile& value, ValueType segment_value) {
    if (is_money(segment_value)) return true;
    return !value.drivers.empty() && is_money(value.drivers.front().type);
}

ValueReport value_report(const ValueProfile& value, SegmentType segment) {
    ValueReport report;
    report.segment_type = segment_type_name(segment);
    std::array<int, kValueTypeCount> counts{};
    for (const auto* types : {&value.relievers, &value.creators})
        for (ValueType type : *types) ++counts[static_cast<std::size_t>(type)];
    for (std::size_t t = 0; t < kValueTypeCount; ++t)
        if (counts[t] > 0)
            report.types.emplace_back(value_type_name(static_cast<ValueType>(t)), counts[t]);
    if (value.dominant) {
        report.dominant_type = value_type_name(*value.dominant);
        report.key_metric = key_metric_for(*value.dominant);
    }
    for (const ValueDriver& driver : value.drivers) report.drivers.push_back(driver.note_id);
    return report;
}

// The documented mismatches between a segment and the value that leads.
struct Misalignment {
    bool (*applies)(SegmentType segment, bool price_driven);
    ValueType dominant;
    const char* advice;  // follows "canvas-N "
};

constexpr Misalignment kMisalignments[] = {
    {[](SegmentType segment, bool) { return segment == SegmentType::mass_market; },
     ValueType::risk_reduction,
     "leads with risk reduction (security, safety, compliance) for a mass market that mostly "
     "wants simplicity: lead with convenience, or narrow the segment to security-conscious or "
     "regulated customers."},
    {[](SegmentType segment, bool) { return segment == SegmentType::mass_market; },
     ValueType::customization,
     "leads with customization for a mass market that wants things to work out of the box: "
     "offer good defaults and ease of use, or narrow the segment to a niche with unique "
     "workflows."},
    {[](SegmentType, bool price_driven) { return price_driven; }, ValueType::brand,
     "leads with brand and status value for a price-driven segment: lead with price or cost "
     "savings, or target a segment that pays for prestige."},
};

std::vector<std::string> notes_of_type(const Board& board, const CanvasAnalysis& canvas,
                                       ValueType type) {
    std::vector<NoteIndex> notes;
    const ValueProfile& value = canvas.value;
    for (std::size_t i = 0; i < value.relievers.size(); ++i)
        if (value.relievers[i] == type) notes.push_back(canvas.notes.of(Section::relievers)[i]);
    for (std::size_t i = 0; i < value.creators.size(); ++i)
        if (value.creators[i] == type) notes.push_back(canvas.notes.of(Section::creators)[i]);
    std::sort(notes.begin(), notes.end());
    std::vector<std::string> ids;
    for (NoteIndex n : notes) ids.push_back(board.notes[n].id);
    return ids;
}

std::optional<Warning> misalignment_warning(const Board& board, const CanvasAnalysis& canvas,
                                            const std::string& canvas_id, SegmentType segment,
                                            bool price_driven) {
    if (!canvas.value.dominant) return std::nullopt;
    for (const Misalignment& rule : kMisalignments) {
        if (rule.dominant != *canvas.value.dominant || !rule.applies(segment, price_driven))
            continue;
        return Warning{"misaligned-type", Severity::medium,
                       notes_of_type(board, canvas, rule.dominant), canvas_id,
                       "The value map of " + canvas_id + " " + rule.advice};
    }
    return std::nullopt;
}

Warning unparsed_warning(const Note& note, const ParsedCompetitor& parsed,
                         const std::string& canvas_id) {
    std::string problems;
    for (const std::string& problem : parsed.problems)
        problems += (problems.empty() ? "" : "; ") + problem;
    const std::string what =
        parsed.scores.empty() ? "Competitor note " : "Part of competitor note ";
    return {"unparsed-competitor",
            Severity::info,
            {note.id},
            canvas_id,
            what + "'" + warning_kit::quote(note.text) + "' was not read (" + problems +
                "): write it as 'Name: criterion score, ...', e.g. 'Acme: speed 4, price 2'."};
}

CompetitorsReport competitors_report(const BoardAnalysis& analysis,
                                     const std::vector<NoteIndex>& sheet,
                                     const CanvasAnalysis& canvas, const std::string& canvas_id,
                                     std::vector<Warning>& warnings) {
    std::vector<CompetitorNote> notes;
    for (NoteIndex n : sheet) {
        const Note& note = analysis.board->notes[n];
        notes.push_back({note.id, parse_competitor_note(note.text)});
        if (!notes.back().parsed.problems.empty())
            warnings.push_back(unparsed_warning(note, notes.back().parsed, canvas_id));
    }
    return score_competitors(notes, canvas.value.drivers);
}

}  // namespace

std::vector<const char*> value_types_by_note(const BoardAnalysis& analysis) {
    std::vector<const char*> names(analysis.board->notes.size(), nullptr);
    for (const CanvasAnalysis& canvas : analysis.canvases)
        for (Section section : {Section::relievers, Section::creators}) {
            const auto& types =
                section == Section::relievers ? canvas.value.relievers : canvas.value.creators;
            const auto& notes = canvas.notes.of(section);
            for (std::size_t i = 0; i < notes.size(); ++i) names[notes[i]] = value_type_name(types[i]);
        }
    return names;
}

void add_canvas_value_results(const BoardAnalysis& analysis, std::size_t c,
                              const std::optional<std::vector<NoteIndex>>& sheet,
                              CanvasReport& canvas_report, std::vector<Warning>& warnings) {
    const CanvasAnalysis& canvas = analysis.canvases[c];
    const SegmentType segment = canvas.segment_type;
    canvas_report.value = value_report(canvas.value, segment);
    if (auto warning = misalignment_warning(*analysis.board, canvas, canvas_report.id, segment,
                                            is_price_driven(canvas.value, canvas.segment_value)))
        warnings.push_back(std::move(*warning));
    if (sheet)
        canvas_report.competitors =
            competitors_report(analysis, *sheet, canvas, canvas_report.id, warnings);
}

void add_value_results(const BoardAnalysis& analysis, Report& report) {
    const std::vector<const char*> value_types = value_types_by_note(analysis);
    for (std::size_t n = 0; n < value_types.size(); ++n)
        if (value_types[n]) report.notes[n].value_type = value_types[n];
    const auto sheets = competitor_notes_by_canvas(analysis);
    std::vector<Warning> warnings;
    for (std::size_t c = 0; c < analysis.canvases.size(); ++c)
        add_canvas_value_results(analysis, c, sheets[c], report.canvases[c], warnings);
    for (Warning& warning : warnings) report.warnings.push_back(std::move(warning));
}

}  // namespace canvasfit

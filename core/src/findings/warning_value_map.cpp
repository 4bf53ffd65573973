// Value-map warnings of one canvas: orphan-reliever, orphan-creator and
// orphan-product (the solution-first trap), and low-fit.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "findings/warning_kit.hpp"

namespace canvasfit::warning_kit {

namespace {

constexpr double kTargetLow = 0.5;  // the bottom of the 50-70 % fit band (fit.cpp)

void add(std::vector<Finding>& out, const CanvasView& canvas, Code code,
         std::vector<NoteIndex> notes, Severity severity, std::string message) {
    out.push_back({canvas.index(), code, std::move(notes), severity, std::move(message)});
}

void find_orphan_side(const CanvasView& canvas, Section section, Code code, const std::string& noun,
                      const std::string& target, std::vector<Finding>& out) {
    // A missing link is a question here, unless there is nothing to address at
    // all, or the facilitator said the note addresses nothing.
    const Section target_section = section == Section::relievers ? Section::pains : Section::gains;
    const bool certain = canvas.decides_gaps(target_section) || canvas.notes(target_section).empty();
    for (NoteIndex n : canvas.notes(section)) {
        if (!certain && !canvas.said_unlinked(n)) continue;
        if (canvas.addresses_something(n) || canvas.has_suggestion_from(n)) continue;
        add(out, canvas, code, {n}, Severity::medium,
            noun + " '" + quote(canvas.note(n).text) + "' addresses no " + target +
                " on the profile: link it to the " + target +
                " it answers, or drop it if it is a feature looking for a problem.");
    }
}

bool is_value_map_builder(const CanvasView& canvas, NoteIndex note) {
    const NotePlacement& placement = canvas.analysis().layout.notes[note];
    return placement.canvas == static_cast<int>(canvas.index()) &&
           (placement.section == Section::relievers || placement.section == Section::creators);
}

// The stems of the canvas's relievers and creators that address something:
// what the value map does for the profile. An orphan reliever that names the
// product leads nowhere, so it does not count. Views into the notes' terms; only
// looked up, never iterated.
using StemIndex = std::unordered_set<std::string_view>;

StemIndex working_value_map_stems(const CanvasView& canvas) {
    StemIndex stems;
    for (Section section : {Section::relievers, Section::creators})
        for (NoteIndex n : canvas.notes(section))
            if (canvas.addresses_something(n))
                for (const std::string& term : canvas.terms(n)) stems.insert(term);
    return stems;
}

bool joined_to_working_value_map(const CanvasView& canvas, NoteIndex product) {
    for (NoteIndex other : canvas.analysis().connected[product])
        if (is_value_map_builder(canvas, other) && canvas.addresses_something(other)) return true;
    return false;
}

bool named_by_value_map(const CanvasView& canvas, NoteIndex product, const StemIndex& stems) {
    for (const std::string& term : canvas.terms(product))
        if (!generic_offer_words().contains(term) && stems.count(term)) return true;
    return false;
}

// A product is built on when it serves a job (a link to a job), or when a
// reliever or creator that itself addresses a pain or gain is joined to it by
// a connector or mentions one of its own (non-generic) terms: "Kitchen display
// screen" / "Orders appear on the kitchen screen at once".
void find_orphan_products(const CanvasView& canvas, std::vector<Finding>& out) {
    // Only where the canvas states which products serve which jobs; with no
    // job at all, empty-section and missing jobs are the finding, not the product.
    if (canvas.notes(Section::jobs).empty() || !canvas.decides_gaps(Section::jobs)) return;
    std::optional<StemIndex> stems;  // built on first need
    for (NoteIndex n : canvas.notes(Section::products)) {
        if (canvas.addresses_something(n) || canvas.has_suggestion_from(n) ||
            joined_to_working_value_map(canvas, n))
            continue;
        if (!stems) stems = working_value_map_stems(canvas);
        if (named_by_value_map(canvas, n, *stems)) continue;
        add(out, canvas, Code::orphan_product, {n}, Severity::medium,
            "Product or service '" + quote(canvas.note(n).text) +
                "' serves no customer job and no pain reliever or gain creator builds on it: "
                "link it to the job it serves, or drop it.");
    }
}

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100))) + " %";
}

// " (at most 45 % once the open questions are answered)" when questions are open.
std::string at_most(const Fit& fit) {
    if (percent(fit.range->second) == percent(*fit.overall)) return "";
    return " (at most " + percent(fit.range->second) + " once the open questions are answered)";
}

}  // namespace

void find_value_map_warnings(const CanvasView& canvas, std::vector<Finding>& out) {
    find_orphan_products(canvas, out);
    find_orphan_side(canvas, Section::relievers, Code::orphan_reliever, "Pain reliever", "pain",
                     out);
    find_orphan_side(canvas, Section::creators, Code::orphan_creator, "Gain creator", "gain", out);
}

void find_fit_warnings(const CanvasView& canvas, std::vector<Finding>& out) {
    const Fit& fit = canvas.fit();
    // A finding only where every answer to the open questions leaves the fit
    // below the band (the top of fit.range): an estimate below it whose
    // questions could lift it into the band is the verdict's "weak or good:
    // open questions decide", not a warning.
    if (!fit.overall || !fit.range || fit.range->second >= kTargetLow) return;
    add(out, canvas, Code::low_fit, {},
        *fit.overall < kTargetLow / 2 ? Severity::high : Severity::medium,
        "Fit is " + percent(*fit.overall) + at_most(fit) +
            ", below the 50-70 % target band: the value map leaves out pains and gains this "
            "segment ranks as important; address the top-ranked ones first.");
}

}  // namespace canvasfit::warning_kit

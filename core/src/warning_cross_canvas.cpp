// Warnings that compare the canvases of a board: similar-segments and
// one-size-fits-all. A board can hold about a thousand canvases, so canvases
// are compared through similar_groups (an inverted index over their terms),
// never pair by pair.
#include <algorithm>

#include "warning_kit.hpp"

namespace canvasfit::warning_kit {

namespace {

// What a segment values: the terms of its top-ranked pains and gains.
constexpr int kTopRank = 3;
// Two segments whose top pains and gains share this much (Jaccard of stems)
// value the same things.
constexpr double kSameValues = 0.5;
// ...and below this they value different things.
constexpr double kDifferentValues = 0.25;
// Two value maps this similar (Jaccard of stems) are one value map drawn twice.
constexpr double kSameValueMap = 0.6;
// Below this many distinct stems a comparison says little ("price" vs "price").
constexpr std::size_t kMinTerms = 3;

struct CanvasSummary {
    std::vector<NoteIndex> top_notes;  // top-ranked pains and gains, board order
    std::vector<int> top_terms;        // their stems as sorted ids
    std::vector<NoteIndex> value_map_notes;
    std::vector<int> value_map_terms;
    std::vector<NoteIndex> segment_notes;
    bool draws_value_map = false;  // the layout has a value-map area
    std::string segment;           // for messages: first segment note, else ""
};

std::vector<CanvasSummary> summarise(const BoardAnalysis& analysis) {
    TermIds ids;
    std::vector<CanvasSummary> summaries;
    for (std::size_t c = 0; c < analysis.canvases.size(); ++c) {
        const CanvasNotes& notes = analysis.canvases[c].notes;
        CanvasSummary summary;
        Terms top_terms, value_map_terms;
        for (Section section : {Section::pains, Section::gains})
            for (NoteIndex n : notes.of(section))
                if (analysis.priorities[n].rank <= kTopRank) {
                    summary.top_notes.push_back(n);
                    top_terms.insert(top_terms.end(), analysis.terms[n].begin(), analysis.terms[n].end());
                }
        for (Section section : {Section::products, Section::relievers, Section::creators})
            for (NoteIndex n : notes.of(section)) {
                summary.value_map_notes.push_back(n);
                value_map_terms.insert(value_map_terms.end(), analysis.terms[n].begin(),
                                       analysis.terms[n].end());
            }
        std::sort(summary.top_notes.begin(), summary.top_notes.end());
        std::sort(summary.value_map_notes.begin(), summary.value_map_notes.end());
        summary.top_terms = ids.ids_of(top_terms);
        summary.value_map_terms = ids.ids_of(value_map_terms);
        for (const SectionArea& area : analysis.layout.canvases[c].sections)
            if (area.section == Section::products || area.section == Section::relievers ||
                area.section == Section::creators)
                summary.draws_value_map = true;
        summary.segment_notes = notes.of(Section::segment);
        if (!summary.segment_notes.empty())
            summary.segment = analysis.board->notes[summary.segment_notes.front()].text;
        summaries.push_back(std::move(summary));
    }
    return summaries;
}

// Sets with too few terms are left out of a comparison (emptied).
std::vector<std::vector<int>> comparable(const std::vector<CanvasSummary>& summaries,
                                         std::vector<int> CanvasSummary::*terms) {
    std::vector<std::vector<int>> sets;
    for (const CanvasSummary& summary : summaries)
        sets.push_back((summary.*terms).size() >= kMinTerms ? summary.*terms : std::vector<int>{});
    return sets;
}

std::string canvas_id(std::size_t c) { return "canvas-" + std::to_string(c + 1); }

std::string named(const CanvasSummary& summary, std::size_t c) {
    return summary.segment.empty() ? canvas_id(c) : "'" + quote(summary.segment) + "' (" + canvas_id(c) + ")";
}

// A warning about two canvases names both segments; failing segment notes,
// both canvases' top-ranked pains and gains, which is what was compared.
std::vector<NoteIndex> pair_notes(const CanvasSummary& a, const CanvasSummary& b) {
    std::vector<NoteIndex> notes = a.segment_notes;
    notes.insert(notes.end(), b.segment_notes.begin(), b.segment_notes.end());
    if (notes.empty()) {
        notes = a.top_notes;
        notes.insert(notes.end(), b.top_notes.begin(), b.top_notes.end());
    }
    std::sort(notes.begin(), notes.end());
    return notes;
}

void find_similar_segments(const std::vector<CanvasSummary>& summaries, std::vector<Finding>& out) {
    const auto sets = comparable(summaries, &CanvasSummary::top_terms);
    for (const std::vector<std::size_t>& group : similar_groups(sets, kSameValues)) {
        const std::size_t first = group.front();
        for (std::size_t k = 1; k < group.size(); ++k) {
            const std::size_t c = group[k];
            out.push_back({c, Code::similar_segments, pair_notes(summaries[first], summaries[c]),
                           Severity::low,
                           "Segment " + named(summaries[c], c) +
                               " ranks much the same top pains and gains as " +
                               named(summaries[first], first) +
                               ": they may be one segment; merge the canvases or find what sets "
                               "them apart."});
        }
    }
}

// Near-identical value maps over profiles that differ. Each group is compared
// with its first member only, which keeps the cost linear in the group size;
// the warning goes to the later canvas, the copy.
void find_copied_value_maps(const std::vector<CanvasSummary>& summaries, std::vector<Finding>& out) {
    const auto sets = comparable(summaries, &CanvasSummary::value_map_terms);
    for (const std::vector<std::size_t>& group : similar_groups(sets, kSameValueMap)) {
        const std::size_t first = group.front();
        for (std::size_t k = 1; k < group.size(); ++k) {
            const std::size_t c = group[k];
            const auto& a = summaries[first].top_terms;
            const auto& b = summaries[c].top_terms;
            if (a.size() < kMinTerms || b.size() < kMinTerms || jaccard(a, b) >= kDifferentValues)
                continue;
            out.push_back({c, Code::one_size_fits_all, pair_notes(summaries[first], summaries[c]),
                           Severity::medium,
                           "Segment " + named(summaries[c], c) + " gets the same value map as " +
                               named(summaries[first], first) +
                               " although the two rank different pains and gains first: tailor "
                               "each value map to its own segment."});
        }
    }
}

// A canvas that draws a profile but no value map at all, on a board where
// another canvas has one: the team means that value map to serve this segment too.
void find_profiles_without_value_map(const BoardAnalysis& analysis,
                                     const std::vector<CanvasSummary>& summaries,
                                     std::vector<Finding>& out) {
    std::size_t with_value_map = summaries.size();
    for (std::size_t c = 0; c < summaries.size() && with_value_map == summaries.size(); ++c)
        if (!summaries[c].value_map_notes.empty()) with_value_map = c;
    if (with_value_map == summaries.size()) return;
    for (std::size_t c = 0; c < summaries.size(); ++c) {
        const CanvasNotes& notes = analysis.canvases[c].notes;
        const bool has_profile = !notes.of(Section::pains).empty() || !notes.of(Section::gains).empty();
        if (!has_profile || summaries[c].draws_value_map) continue;
        out.push_back({c, Code::one_size_fits_all, pair_notes(summaries[with_value_map], summaries[c]),
                       Severity::medium,
                       "Segment " + named(summaries[c], c) +
                           " has a profile but no value map of its own, as if the value map of " +
                           named(summaries[with_value_map], with_value_map) +
                           " served it too: draw one that answers its own top pains and gains."});
    }
}

}  // namespace

void find_cross_canvas_warnings(const BoardAnalysis& analysis, std::vector<Finding>& out) {
    if (analysis.canvases.size() < 2) return;
    const std::vector<CanvasSummary> summaries = summarise(analysis);
    find_copied_value_maps(summaries, out);
    find_profiles_without_value_map(analysis, summaries, out);
    find_similar_segments(summaries, out);
}

}  // namespace canvasfit::warning_kit

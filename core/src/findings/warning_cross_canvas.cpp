// Warnings that compare the canvases of a board: one-size-fits-all and
// similar-segments. A board can hold about a thousand canvases, so canvases
// are compared through similar_groups (an inverted index over their terms),
// never pair by pair; inside a group each canvas is compared with the group's
// first canvas only.
//
// Both codes start from the seeds' definition: "a customer segment is a group
// of people who all value the same things in a solution".
//   one-size-fits-all  one value map serves segments that value different
//                      things: a value map copied onto a canvas whose top
//                      pains and gains differ, or a profile drawn with no value
//                      map of its own next to a canvas that has one;
//   similar-segments   two segments value the same things: their top pains and
//                      gains match, or the team designed much the same offer
//                      for both (same products, relievers and creators written
//                      afresh yet alike).
#include <algorithm>
#include <set>
#include <tuple>

#include "findings/warning_kit.hpp"

namespace canvasfit::warning_kit {

namespace {

// What a segment values: the terms of its top-ranked pains and gains.
constexpr int kTopRank = 3;
// Two segments whose top pains and gains share this much (Jaccard of stems)
// value the same things...
constexpr double kSameValues = 0.5;
// ...and below this they value different things.
constexpr double kDifferentValues = 0.25;
// Two value maps this similar (Jaccard of stems) are one value map drawn twice.
constexpr double kSameValueMap = 0.6;
// Products this similar (Jaccard of their non-generic stems) are one offer...
constexpr double kSameProducts = 0.4;
// ...and relievers and creators this similar, short of a copy, say the same
// things in other words. On the corpus, canvases of different boards stay
// below 0.11 here and below 0.24 for products; the one pair labelled as
// similar segments reaches 0.16 and 0.45.
constexpr double kAlikeAnswers = 0.12;
// Below this many distinct stems a comparison says little ("price" vs "price").
constexpr std::size_t kMinTerms = 3;

bool is_value_map(Section section) {
    return section == Section::products || section == Section::relievers ||
           section == Section::creators;
}

CanvasSummary summarise_canvas(const BoardAnalysis& analysis, std::size_t c, TermIds& ids) {
    const CanvasNotes& notes = analysis.canvases[c].notes;
    CanvasSummary summary;
    // Terms are numbered as they come, in this order: top pains and gains,
    // products, relievers and creators, the whole value map.
    auto add_terms = [&](std::vector<int>& to, NoteIndex n) {
        for (const std::string& term : analysis.readings[n].terms) to.push_back(ids.id_of(term));
    };
    for (Section section : {Section::pains, Section::gains})
        for (NoteIndex n : notes.of(section))
            if (analysis.priorities[n].rank <= kTopRank) {
                summary.top_notes.push_back(n);
                add_terms(summary.top_terms, n);
            }
    for (NoteIndex n : notes.of(Section::products))
        for (const std::string& term : analysis.readings[n].terms)
            if (!generic_offer_words().contains(term)) summary.product_terms.push_back(ids.id_of(term));
    for (Section section : {Section::relievers, Section::creators})
        for (NoteIndex n : notes.of(section)) add_terms(summary.answer_terms, n);
    for (Section section : {Section::products, Section::relievers, Section::creators})
        for (NoteIndex n : notes.of(section)) add_terms(summary.value_map_terms, n);
    std::sort(summary.top_notes.begin(), summary.top_notes.end());
    for (std::vector<int>* set : {&summary.top_terms, &summary.product_terms, &summary.answer_terms,
                                  &summary.value_map_terms})
        TermIds::sort_set(*set);
    for (Section section : {Section::products, Section::relievers, Section::creators})
        summary.has_value_map = summary.has_value_map || !notes.of(section).empty();
    for (const SectionArea& area : analysis.layout.canvases[c].sections)
        summary.draws_value_map = summary.draws_value_map || is_value_map(area.section);
    summary.segment_notes = notes.of(Section::segment);
    if (!summary.segment_notes.empty())
        summary.segment = analysis.board->notes[summary.segment_notes.front()].text;
    return summary;
}

// Sets with too few terms are left out of a comparison (emptied).
std::vector<std::vector<int>> comparable(const std::vector<CanvasSummary>& summaries,
                                         std::vector<int> CanvasSummary::*terms) {
    std::vector<std::vector<int>> sets;
    for (const CanvasSummary& summary : summaries)
        sets.push_back((summary.*terms).size() >= kMinTerms ? summary.*terms : std::vector<int>{});
    return sets;
}

bool both_comparable(const std::vector<int>& a, const std::vector<int>& b) {
    return a.size() >= kMinTerms && b.size() >= kMinTerms;
}

std::string canvas_id(std::size_t c) { return "canvas-" + std::to_string(c + 1); }

std::string named(const CanvasSummary& summary, std::size_t c) {
    return summary.segment.empty() ? canvas_id(c)
                                   : "'" + quote(summary.segment) + "' (" + canvas_id(c) + ")";
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

class CrossCanvasRules {
public:
    CrossCanvasRules(CrossCanvasCache& cache, std::vector<Finding>& out)
        : cache_(cache), summaries_(cache.summaries()), out_(out) {}

    void run() {
        find_copied_value_maps();
        find_profiles_without_value_map();
        find_same_top_values();
        find_same_offers();
    }

private:
    // A value map copied onto a canvas whose top pains and gains differ. The
    // warning goes to the later canvas, the copy.
    void find_copied_value_maps() {
        for (const std::vector<std::size_t>& group : cache_.groups(CrossCanvasCache::kValueMaps))
            for (std::size_t k = 1; k < group.size(); ++k) {
                const CanvasSummary& first = summaries_[group[0]];
                const CanvasSummary& copy = summaries_[group[k]];
                if (!both_comparable(first.top_terms, copy.top_terms) ||
                    jaccard(first.top_terms, copy.top_terms) >= kDifferentValues)
                    continue;
                warn(Code::one_size_fits_all, group[0], group[k], Severity::medium,
                     "Segment " + named(copy, group[k]) + " gets the same value map as " +
                         named(first, group[0]) +
                         " although the two rank different pains and gains first: tailor each "
                         "value map to its own segment.");
            }
    }

    // A profile drawn without any value-map area, next to a canvas that has a
    // value map: the team means that value map to serve this segment too. A
    // canvas that draws value-map areas and leaves them empty is unfinished,
    // which empty-section says.
    void find_profiles_without_value_map() {
        std::size_t with_value_map = summaries_.size();
        for (std::size_t c = 0; c < summaries_.size() && with_value_map == summaries_.size(); ++c)
            if (summaries_[c].has_value_map) with_value_map = c;
        if (with_value_map == summaries_.size()) return;
        for (std::size_t c = 0; c < summaries_.size(); ++c) {
            const CanvasSummary& profile = summaries_[c];
            if (profile.draws_value_map || profile.top_notes.empty()) continue;
            warn(Code::one_size_fits_all, with_value_map, c, Severity::medium,
                 "Segment " + named(profile, c) +
                     " has a profile but no value map of its own, as if the value map of " +
                     named(summaries_[with_value_map], with_value_map) +
                     " served it too: draw one that answers its own top pains and gains.");
        }
    }

    void find_same_top_values() {
        for (const std::vector<std::size_t>& group : cache_.groups(CrossCanvasCache::kTopValues))
            for (std::size_t k = 1; k < group.size(); ++k)
                warn(Code::similar_segments, group[0], group[k], Severity::low,
                     "Segment " + named(summaries_[group[k]], group[k]) +
                         " ranks much the same top pains and gains as " +
                         named(summaries_[group[0]], group[0]) +
                         ": they may be one segment; merge the canvases or find what sets them "
                         "apart.");
    }

    void find_same_offers() {
        for (const std::vector<std::size_t>& group : cache_.groups(CrossCanvasCache::kProducts))
            for (std::size_t k = 1; k < group.size(); ++k) {
                const CanvasSummary& first = summaries_[group[0]];
                const CanvasSummary& other = summaries_[group[k]];
                if (!both_comparable(first.answer_terms, other.answer_terms)) continue;
                const double answers = jaccard(first.answer_terms, other.answer_terms);
                const bool copied =
                    jaccard(first.value_map_terms, other.value_map_terms) >= kSameValueMap;
                if (copied || answers < kAlikeAnswers) continue;
                warn(Code::similar_segments, group[0], group[k], Severity::low,
                     "Segment " + named(other, group[k]) + " gets much the same offer as " +
                         named(first, group[0]) +
                         ", worked out separately: if both groups value the same things in a "
                         "solution they are one segment; merge the canvases or find what sets "
                         "them apart.");
            }
    }

    // One warning per pair and code, on canvas `on`, naming both canvases' notes.
    void warn(Code code, std::size_t other, std::size_t on, Severity severity,
              std::string message) {
        if (!warned_.insert({code, std::min(other, on), std::max(other, on)}).second) return;
        out_.push_back({on, code, pair_notes(summaries_[other], summaries_[on]), severity,
                        std::move(message)});
    }

    CrossCanvasCache& cache_;
    const std::vector<CanvasSummary>& summaries_;
    std::set<std::tuple<Code, std::size_t, std::size_t>> warned_;
    std::vector<Finding>& out_;
};

// The terms of one kind in a summary, and how alike two canvases' terms of
// that kind must be to group them.
struct KindOfTerms {
    std::vector<int> CanvasSummary::*terms;
    double threshold;
};
constexpr KindOfTerms kKindsOfTerms[CrossCanvasCache::kKinds] = {
    {&CanvasSummary::value_map_terms, kSameValueMap},
    {&CanvasSummary::top_terms, kSameValues},
    {&CanvasSummary::product_terms, kSameProducts}};

}  // namespace

void CrossCanvasCache::refresh(const BoardAnalysis& analysis) {
    const std::size_t canvases = analysis.canvases.size();
    if (summaries_.size() != canvases) {
        forget_all();
        summaries_.resize(canvases);
        valid_.assign(canvases, false);
    }
    for (std::size_t c = 0; c < canvases; ++c) {
        if (valid_[c]) continue;
        CanvasSummary fresh = summarise_canvas(analysis, c, terms_);
        // Ids of one TermIds: equal vectors are equal sets of terms.
        for (int kind = 0; kind < kKinds; ++kind) {
            const auto terms = kKindsOfTerms[kind].terms;
            if (fresh.*terms != summaries_[c].*terms) groups_[kind].reset();
        }
        summaries_[c] = std::move(fresh);
        valid_[c] = true;
    }
}

const std::vector<std::vector<std::size_t>>& CrossCanvasCache::groups(Kind kind) {
    if (!groups_[kind]) {
        const auto by_text = [this](int a, int b) { return terms_.term(a) < terms_.term(b); };
        groups_[kind] = similar_groups(comparable(summaries_, kKindsOfTerms[kind].terms),
                                       kKindsOfTerms[kind].threshold, nullptr, by_text);
    }
    return *groups_[kind];
}

void find_cross_canvas_warnings(const BoardAnalysis& analysis, std::vector<Finding>& out,
                                CrossCanvasCache* cache) {
    if (analysis.canvases.size() < 2) return;
    CrossCanvasCache once;
    CrossCanvasCache& kept = cache ? *cache : once;
    kept.refresh(analysis);
    CrossCanvasRules(kept, out).run();
}

}  // namespace canvasfit::warning_kit

// Shared pieces of the gap-warning rules (warnings.cpp and warning_*.cpp):
// the per-canvas view the rules read, severity from rank, short quotes,
// curated word lists matched by stem, and a set-similarity join that finds
// near-identical term sets through an inverted index instead of all pairs.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/engine.hpp"
#include "text/similar_sets.hpp"

namespace canvasfit::warning_kit {

// The fixed order of codes inside one canvas (docs/report.md, "Gap warning codes"):
// first what the canvas is about, then the profile, the value map, and the fit.
enum class Code {
    missing_segment,
    broad_segment,
    empty_section,
    too_many,
    duplicate_notes,
    unaddressed_pain,
    unaddressed_gain,
    hidden_costs,
    unvalidated,
    orphan_product,
    orphan_reliever,
    orphan_creator,
    low_fit,
    one_size_fits_all,
    similar_segments,
};
const char* code_name(Code code);

// A warning with what the final ordering needs: canvas, code, then note order.
struct Finding {
    std::size_t canvas = 0;
    Code code = Code::missing_segment;
    std::vector<NoteIndex> notes;  // board order
    Severity severity = Severity::info;
    std::string message;
};

// What the rules look up across the whole board, built once per analysis.
struct BoardIndex {
    explicit BoardIndex(const BoardAnalysis& analysis);

    // For every note: whether a link leaves it (kLinkSource) and whether one
    // reaches it (kLinkTarget). A note belongs to one canvas and links stay
    // inside a canvas, so one board-wide table serves every canvas, each
    // canvas's part filled when a view of it is made (include()): after an
    // edit the rules look at one canvas, and filling the table for every
    // link of the board was most of their work.
    static constexpr unsigned char kLinkSource = 1;
    static constexpr unsigned char kLinkTarget = 2;
    // The same for suggested links (questions, not findings).
    static constexpr unsigned char kSuggestedSource = 4;
    static constexpr unsigned char kSuggestedTarget = 8;
    mutable std::vector<unsigned char> link_roles;

    // Fills the link roles of canvas c's notes, once.
    void include(std::size_t canvas) const;

private:
    const BoardAnalysis& analysis_;
    mutable std::vector<bool> included_;  // per canvas
};

// One canvas as the rules read it.
class CanvasView {
public:
    CanvasView(const BoardAnalysis& analysis, std::size_t canvas, const BoardIndex& board)
        : analysis_(analysis), index_(canvas), canvas_(analysis.canvases[canvas]), board_(board) {
        board.include(canvas);
    }

    const BoardAnalysis& analysis() const { return analysis_; }
    std::size_t index() const { return index_; }
    const std::vector<NoteIndex>& notes(Section section) const { return canvas_.notes.of(section); }
    const Fit& fit() const { return canvas_.fit; }
    const Note& note(NoteIndex n) const { return analysis_.board->notes[n]; }
    const Priority& priority(NoteIndex n) const { return analysis_.priorities[n]; }
    const Terms& terms(NoteIndex n) const { return analysis_.readings[n].terms; }
    // The section's notes as term sets, in notes(section) order (engine.hpp).
    const ComparableSets::Groups& same_notes(Section section) const {
        return canvas_.comparable.same_in(section);
    }
    const ComparableSets::Groups& maybe_same_notes(Section section) const {
        return canvas_.comparable.maybe_same_in(section);
    }
    const std::vector<std::vector<int>>& comparable(Section section) const {
        return canvas_.comparable.of(section);
    }
    const Container* container(const std::string& id) const;  // nullptr if none

    bool addresses_something(NoteIndex source) const {
        return board_.link_roles[source] & BoardIndex::kLinkSource;
    }
    // The facilitator said nothing else links the note (options.links.unlinked).
    bool said_unlinked(NoteIndex n) const {
        return canvasfit::said_unlinked(*analysis_.board, analysis_.decisions, n);
    }
    bool has_suggestion_from(NoteIndex source) const {
        return board_.link_roles[source] & BoardIndex::kSuggestedSource;
    }
    // Whether a missing link is a gap on this canvas or a question (fit.cpp).
    bool decides_gaps(Section target) const { return canvas_.fit.decides_gaps(target); }
    // The fit row of a pain, gain or job, nullptr for other notes.
    const Coverage* coverage(NoteIndex n) const;
    std::size_t note_count() const;  // notes in any section, segment included

private:
    const BoardAnalysis& analysis_;
    std::size_t index_;
    const CanvasAnalysis& canvas_;
    const BoardIndex& board_;
};

// "high" for the top two of a section, "medium" for the rest of its top
// half (priority >= 0.5), "low" below.
Severity severity_for_rank(const Priority& priority);

// The note's text on one line, cut to about 48 characters at a UTF-8 boundary.
std::string quote(const std::string& text);

// "Pains", "Pain Relievers"... as on the canvas.
const char* section_title(Section section);

// Porter2 stems of a curated word list, computed once with the same text
// pipeline that produced the notes' terms, so the lists read as plain English.
class StemSet {
public:
    explicit StemSet(std::string_view words);
    bool contains(const std::string& stem) const;
    // The first of `terms` in the set, or nullptr.
    const std::string* first_in(const Terms& terms) const;

private:
    std::vector<std::string> stems_;  // sorted
};

// Words every offer uses for itself ("app", "service", "platform"...): two
// notes sharing only these say nothing about each other.
const StemSet& generic_offer_words();

// Folded word forms (tokenize()'s Token::text), for lists where a stem would
// merge senses: "expensive" and "expenses" share the stem "expens".
class WordSet {
public:
    explicit WordSet(std::string_view words);
    bool contains(const std::string& folded_word) const;

private:
    std::vector<std::string> words_;  // sorted
};

// Term sets as sorted ids; ids are given in first-seen order, and each keeps
// its term, so that a numbering may outlive the readings it numbered (the
// incremental Analyzer keeps one across reports). Only looked up, never
// iterated, so the hash map's order cannot leak into the output.
class TermIds {
public:
    TermIds() = default;
    TermIds(const TermIds&) = delete;  // the map's keys are views into terms_
    TermIds& operator=(const TermIds&) = delete;
    TermIds(TermIds&&) = default;      // a deque moves without moving its strings
    TermIds& operator=(TermIds&&) = default;

    int id_of(std::string_view term);
    const std::string& term(int id) const { return terms_[static_cast<std::size_t>(id)]; }
    // A set's ids as added one by one: sorted, each once.
    static void sort_set(std::vector<int>& ids);

private:
    std::deque<std::string> terms_;  // by id
    std::unordered_map<std::string_view, int> ids_;
};

// What one canvas offers the comparison of canvases (warning_cross_canvas.cpp).
struct CanvasSummary {
    std::vector<NoteIndex> top_notes;  // top-ranked pains and gains, board order
    std::vector<NoteIndex> segment_notes;
    std::string segment;  // for messages: the first segment note, else ""
    // Stems as sorted ids: of the top pains and gains, of the products (less
    // generic offer words), of the relievers and creators, of all three.
    std::vector<int> top_terms, product_terms, answer_terms, value_map_terms;
    bool has_value_map = false;    // a product, reliever or creator note
    bool draws_value_map = false;  // a product, reliever or creator area
};

// What the comparison of canvases keeps between the incremental Analyzer's
// reports: each canvas's summary until the canvas is analysed again, and the
// groups of alike canvases of each kind while no canvas's terms of that kind
// change. Every summary is numbered by one TermIds for the cache's life; the
// groups do not depend on the numbering (similar_groups orders tied terms by
// their text), so they are the groups a fresh analysis finds.
class CrossCanvasCache {
public:
    void forget(std::size_t canvas) {
        if (canvas < valid_.size()) valid_[canvas] = false;
    }
    void forget_all() { *this = CrossCanvasCache{}; }

    // Brings the summaries up to date with `analysis`.
    void refresh(const BoardAnalysis& analysis);
    const std::vector<CanvasSummary>& summaries() const { return summaries_; }
    // The groups of canvases whose terms of one kind are alike (the kinds
    // the rules compare: value maps, top pains and gains, products).
    enum Kind { kValueMaps, kTopValues, kProducts, kKinds };
    const std::vector<std::vector<std::size_t>>& groups(Kind kind);

private:
    TermIds terms_;
    std::vector<CanvasSummary> summaries_;
    std::vector<bool> valid_;
    std::optional<std::vector<std::vector<std::size_t>>> groups_[kKinds];
};

// Rules, one file each side of the canvas; each appends its findings.
void find_segment_warnings(const CanvasView& canvas, std::vector<Finding>& out);
void find_profile_warnings(const CanvasView& canvas, std::vector<Finding>& out);
void find_value_map_warnings(const CanvasView& canvas, std::vector<Finding>& out);
void find_fit_warnings(const CanvasView& canvas, std::vector<Finding>& out);
// Rules that compare canvases with each other.
// With a cache, only the canvases analysed since the last call are summarised
// again, and alike canvases are grouped again only for the kinds of terms
// that changed.
void find_cross_canvas_warnings(const BoardAnalysis& analysis, std::vector<Finding>& out,
                                CrossCanvasCache* cache = nullptr);

}  // namespace canvasfit::warning_kit

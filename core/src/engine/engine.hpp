// The fit and prioritisation engine: what CanvasFit computes once every note
// has a canvas and a section. Each stage lives in its own file and works on
// the shared BoardAnalysis below, so stages can be tested one by one:
//   readings   (note_reading.hpp) every note's tokens and terms, read once
//   votes      (priorities.cpp)  dot-vote stickers counted per note
//   priorities (priorities.cpp)  rank and priority of jobs, pains and gains
//   links      (linking.cpp)     reliever->pain, creator->gain, product->job
//   fit        (fit.cpp)         priority-weighted coverage per canvas
//   value      (value_types.cpp) value-proposition types, segment type, drivers
//   warnings   (warnings.cpp)    gap warnings with codes from the report contract
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "canvasfit/board.hpp"
#include "layout/layout.hpp"
#include "canvasfit/report.hpp"
#include "canvasfit/sections.hpp"
#include "engine/value_types.hpp"
#include "text/note_reading.hpp"

namespace canvasfit {

using NoteIndex = std::size_t;  // index into Board::notes
using Terms = std::vector<std::string>;
// For each note, the notes a board connector joins it to (either direction).
using Adjacency = std::vector<std::vector<NoteIndex>>;

// The notes of one canvas, per section, in board order.
struct CanvasNotes {
    std::array<std::vector<NoteIndex>, 7> sections;
    const std::vector<NoteIndex>& of(Section section) const {
        return sections[static_cast<std::size_t>(section)];
    }
    std::vector<NoteIndex>& of(Section section) {
        return sections[static_cast<std::size_t>(section)];
    }
};

enum class PriorityCue { marker, tag, votes, order };
const char* priority_cue_name(PriorityCue cue);

// Rank 1 is the most important note of its section in its canvas.
struct Priority {
    int rank = 0;            // 0 for notes outside jobs, pains and gains
    double priority = 0;     // (n - rank + 1) / n: 1 for the top note, 1/n for the last
    PriorityCue cue = PriorityCue::order;
    std::string cue_detail;  // the marker or tag that decided, e.g. "!!!", "must-have"
};

enum class LinkVia { connector, text };

// Who says the pair is a link (docs/report.md, "Findings and questions"): the
// user (a connector drawn, a suggestion confirmed), or the wording, likely
// (text: a finding) or possible (suggested: a question).
enum class LinkSource { connector, confirmed, text, suggested };
const char* link_source_name(LinkSource source);

struct Link {
    NoteIndex from = 0;  // reliever, creator or product
    NoteIndex to = 0;    // pain, gain or job
    double strength = 0;
    LinkVia via = LinkVia::text;
    std::vector<std::string> evidence;  // shared terms, "family: a ~ b", "ref: P2", "tag: x"
    LinkSource source = LinkSource::text;
    double confidence = 1;  // calibrated probability that the pair is a link, two decimals

    // Fit and gap warnings count these; a suggestion is only a question.
    bool counts() const { return source != LinkSource::suggested; }
};

// What CanvasFit can say of a pain, gain or job: a counted link covers it;
// nothing reaches it and the canvas shows that its links are written out
// (unaddressed, a finding); or it cannot tell (a question).
enum class RowStatus { covered, unaddressed, question };
const char* row_status_name(RowStatus status);

struct Coverage {
    NoteIndex note = 0;
    double weight = 0;                  // share of the section's total priority
    std::vector<NoteIndex> covered_by;  // linked relievers / creators / products (counted links)
    std::vector<NoteIndex> suggested;   // value-map notes with a suggested link only
    RowStatus status = RowStatus::question;
};

struct Fit {
    std::optional<double> pains, gains, jobs, overall;  // none when nothing is decided
    std::string verdict;                                // "weak", "good", "strong", "" if no score
    std::vector<Coverage> pain_coverage, gain_coverage, job_coverage;
    double undecided = 0;    // share of pains' and gains' weight under questions
    double unconfirmed = 0;  // share of the score resting on text links alone
    // Where `overall` lands once every question is answered: every open row a
    // gap (first) or every one addressed (second); none when overall is none.
    std::optional<std::pair<double, double>> range;
    // Whether a missing link means "not addressed", per profile section
    // (pains, gains, jobs): counted links reach most of that side, or nothing
    // on the value map could address it. Otherwise its gaps are questions
    // (fit.cpp, docs/judgment.md).
    std::array<bool, 3> gaps_decided{};
    bool decides_gaps(Section target) const {
        switch (target) {
            case Section::pains: return gaps_decided[0];
            case Section::gains: return gaps_decided[1];
            case Section::jobs: return gaps_decided[2];
            default: return false;
        }
    }
};

// Notes of one section whose comparable terms overlap this much (Jaccard) say
// the same thing (duplicate-notes: "Long wait times" / "Long wait times at
// lunch", 3 of 4 terms); from the lower bar, perhaps (a same-note question:
// "Orders get lost" / "Orders get lost at rush hour", 2 of 4, may be one note
// or a general and a specific one).
constexpr double kSameNoteSimilarity = 0.75;
constexpr double kMaybeSameNoteSimilarity = 0.5;

// Each note's comparable terms (word_forms::comparable_terms: canonical forms,
// a compound written apart read as one word when the canvas writes it so) as
// sorted ids local to the canvas; per section, parallel to CanvasNotes; and
// the groups of them at the two bars above (similar_groups: positions in the
// section). Read and grouped once per analysis of the canvas and shared by
// duplicate-notes and the same-note question, so an edit re-reads only its
// own canvas.
struct ComparableSets {
    using Groups = std::vector<std::vector<std::size_t>>;
    std::array<std::vector<std::vector<int>>, 7> sections;
    std::array<Groups, 7> same, maybe_same;
    const std::vector<std::vector<int>>& of(Section section) const {
        return sections[static_cast<std::size_t>(section)];
    }
    const Groups& same_in(Section section) const { return same[static_cast<std::size_t>(section)]; }
    const Groups& maybe_same_in(Section section) const {
        return maybe_same[static_cast<std::size_t>(section)];
    }
};
ComparableSets comparable_sets_of(const CanvasNotes& notes,
                                  const std::vector<NoteReading>& readings);

// Holds note indices: a field added here that holds them must also be
// renumbered when the Analyzer removes a note (analyzer.cpp, renumber_canvas).
struct CanvasAnalysis {
    CanvasNotes notes;
    std::vector<Link> links;
    Fit fit;
    ValueProfile value;  // holds no note indices: nothing to renumber
    ComparableSets comparable;  // positions parallel to notes: nothing to renumber
    // The segment the canvas is about (its segment notes' texts, else the
    // qualifier of a segment or canvas title) and its type: read per canvas,
    // so that a report after an edit does not classify every canvas again.
    std::optional<std::string> segment;
    SegmentType segment_type = SegmentType::unknown;
    // The value type the segment's own words name ("price-sensitive students":
    // price), none without a segment: read with the segment, for the same reason.
    ValueType segment_value = ValueType::none;
};

struct LinkDecisions;  // canvasfit/options.hpp

struct BoardAnalysis {
    const Board* board = nullptr;
    const LinkDecisions* decisions = nullptr;  // the facilitator's confirmed and rejected pairs
    Layout layout;
    // Per note: its text read once (tokens, content terms, compounds), shared
    // by linking, duplicates and warnings.
    std::vector<NoteReading> readings;
    Adjacency connected;                // per note
    std::vector<int> votes;             // per note: dot votes overlapping it
    std::vector<Priority> priorities;   // per note
    std::vector<CanvasAnalysis> canvases;
};

// Stages. Each reads what earlier stages filled in and fills its own part.
std::vector<CanvasNotes> notes_by_canvas(const Layout& layout, std::size_t canvas_count);
Adjacency connector_adjacency(const Board& board);
std::vector<int> count_votes(const Board& board);

// A word that marks a note as an untested assumption: "hypothesis",
// "untested", "?" (folded, trimmed; tags and bracketed notes use it).
bool is_assumption_word(const std::string& word);
// The byte spans [begin, end) of a note's bracketed annotations that are cues,
// not content: a priority ("(Severity: 8/10)", "[high]", "(must-have)") or an
// evidence status ("[hypothesis]", "(assumption)"). Linking reads no words
// from them: two notes both marked "[hypothesis]" share no topic.
std::vector<std::pair<std::size_t, std::size_t>> cue_annotations(const std::string& text);
void rank_canvas(const Board& board, const CanvasNotes& notes, const std::vector<int>& votes,
                 std::vector<Priority>& priorities);
// Rows top to bottom, then left to right: the order a reader (and ranking by
// position, and lists written side by side) sees `notes` in.
std::vector<NoteIndex> reading_order(const Board& board, std::vector<NoteIndex> notes);
// What text linking did, for tests that bound its cost: pairs of notes scored
// and posting-list entries read from the inverted index.
struct LinkStats {
    std::size_t pairs_scored = 0;
    std::size_t postings_read = 0;
};
std::vector<Link> link_canvas(const Board& board, const CanvasNotes& notes,
                              const std::vector<NoteReading>& readings, const Adjacency& connected,
                              LinkStats* stats = nullptr, const LinkDecisions* decisions = nullptr,
                              const std::vector<NotePlacement>* placements = nullptr);
// said_unlinked: the canvas's notes the facilitator says nothing else links
// (sorted; unlinked_notes below): rows among them that no counted link reaches
// are unaddressed, whatever the canvas decides.
Fit score_fit(const CanvasNotes& notes, const std::vector<Priority>& priorities,
              const std::vector<Link>& links, const std::vector<NoteIndex>& said_unlinked = {});
// The band a fit share falls in: "weak" below 0.5, "good" from 0.5 to 0.7,
// "strong" above (the 50-70 % target of the canvas method).
std::string fit_verdict(double share);
// Whether the facilitator said nothing else links note n, and the canvas's
// notes of which that is said, sorted (LinkDecisions::unlinked).
bool said_unlinked(const Board& board, const LinkDecisions* decisions, NoteIndex n);
std::vector<NoteIndex> unlinked_notes(const Board& board, const CanvasNotes& notes,
                                      const LinkDecisions* decisions);

// The per-canvas stages (ranks, links, fit) of one canvas whose notes are
// `notes`. Reads the per-note parts of `analysis` (board, readings, connected,
// votes) and writes the ranks of the canvas's notes into analysis.priorities.
// run_engine calls it for every canvas, the incremental Analyzer (analyzer.hpp)
// only for the canvases an edit touched: a new per-canvas stage goes here, so
// that both stay the same analysis.
CanvasAnalysis analyze_canvas(BoardAnalysis& analysis, std::size_t canvas, CanvasNotes notes);
// Sets canvas.segment and canvas.segment_type from its notes (canvas c of the
// analysis's layout): part of analyze_canvas, callable alone for the benchmark stages.
void read_segment(const BoardAnalysis& analysis, std::size_t c, CanvasAnalysis& canvas);

// Every note's reading (read_text() of its text), in board order: made once,
// before the text step, which reads them too.
std::vector<NoteReading> read_notes(const Board& board);

// Runs every stage on a board whose layout is known.
BoardAnalysis run_engine(const Board& board, Layout layout,
                         const LinkDecisions* decisions = nullptr);
// The same with the notes' readings already made (read_notes(board)).
BoardAnalysis run_engine(const Board& board, Layout layout, std::vector<NoteReading> readings,
                         const LinkDecisions* decisions = nullptr);

}  // namespace canvasfit

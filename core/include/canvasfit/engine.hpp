// The fit and prioritisation engine: what CanvasFit computes once every note
// has a canvas and a section. Each stage lives in its own file and works on
// the shared BoardAnalysis below, so stages can be tested one by one:
//   terms      (text.hpp)        every note's content terms, computed once
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
#include <vector>

#include "canvasfit/board.hpp"
#include "canvasfit/layout.hpp"
#include "canvasfit/report.hpp"
#include "canvasfit/sections.hpp"

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

struct Link {
    NoteIndex from = 0;  // reliever, creator or product
    NoteIndex to = 0;    // pain, gain or job
    double strength = 0;
    LinkVia via = LinkVia::text;
    std::vector<std::string> evidence;  // shared terms, or "family: a ~ b" for related ones
};

struct Coverage {
    NoteIndex note = 0;
    double weight = 0;                  // share of the section's total priority
    std::vector<NoteIndex> covered_by;  // linked relievers / creators / products
};

struct Fit {
    std::optional<double> pains, gains, jobs, overall;  // none when the section is empty
    std::string verdict;                                // "weak", "good", "strong", "" if no score
    std::vector<Coverage> pain_coverage, gain_coverage, job_coverage;
};

struct CanvasAnalysis {
    CanvasNotes notes;
    std::vector<Link> links;
    Fit fit;
};

struct BoardAnalysis {
    const Board* board = nullptr;
    Layout layout;
    std::vector<Terms> terms;           // per note
    Adjacency connected;                // per note
    std::vector<int> votes;             // per note: dot votes overlapping it
    std::vector<Priority> priorities;   // per note
    std::vector<CanvasAnalysis> canvases;
};

// Stages. Each reads what earlier stages filled in and fills its own part.
std::vector<CanvasNotes> notes_by_canvas(const Layout& layout, std::size_t canvas_count);
Adjacency connector_adjacency(const Board& board);
std::vector<int> count_votes(const Board& board);
void rank_canvas(const Board& board, const CanvasNotes& notes, const std::vector<int>& votes,
                 std::vector<Priority>& priorities);
std::vector<Link> link_canvas(const CanvasNotes& notes, const std::vector<Terms>& terms,
                              const Adjacency& connected);
Fit score_fit(const CanvasNotes& notes, const std::vector<Priority>& priorities,
              const std::vector<Link>& links);
std::vector<Warning> find_warnings(const BoardAnalysis& analysis);

// Runs every stage on a board whose layout is known.
BoardAnalysis run_engine(const Board& board, Layout layout);

}  // namespace canvasfit

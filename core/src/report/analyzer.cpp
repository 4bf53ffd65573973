// The incremental Analyzer (analyzer.hpp). The analysis it keeps is the
// BoardAnalysis run_engine would build for the current notes. What an edit
// re-does, and why that is enough:
//  - the edited note's layout placement: it depends only on the note and the
//    fixed containers (LayoutIndex);
//  - the text step (place_by_text), once per report after edits, on the whole
//    board: a note's text reads in the context of what the other notes say, so
//    one edit can move any note that no layout cue places. What reading a
//    text gives (tokens, model features) is kept per text (TextReadings), so
//    only edited texts are read again and the cheap context step is what runs
//    board-wide. Notes whose final canvas or section changed move, and their
//    canvases are re-analysed;
//  - its terms, when its text changed: terms are per note;
//  - the dot votes whose markers overlap its old or new bounds: a marker votes
//    for the note it overlaps most, so only those markers can change their mind;
//  - the connector adjacency of the notes joined to an inserted or removed note;
//  - the per-canvas stages (analyze_canvas) of every canvas whose notes, votes
//    or adjacency changed: the canvas the note left, the one it joined, and the
//    canvases of notes whose votes or adjacency changed. They run at the next
//    report, once however many edits touched the canvas. They read a canvas's
//    notes from CanvasNotes, never from the layout, so a placement that changes
//    only its via, confidence or text suggestion re-runs nothing;
//  - board-wide, at each report: warnings and the report itself, read from the
//    cached per-canvas results.
#include "canvasfit/analyzer.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "canvasfit/errors.hpp"
#include "canvasfit/limits.hpp"
#include "canvasfit/readers.hpp"
#include "engine/engine.hpp"
#include "layout/layout.hpp"
#include "read/excalidraw_scene.hpp"
#include "read/format_readers.hpp"
#include "read/json_pull.hpp"
#include "report/kept_report.hpp"
#include "report/report_of.hpp"
#include "structure/spatial_grid.hpp"
#include "structure/structure.hpp"
#include "text/text.hpp"
#include "text/text_classifier.hpp"

namespace canvasfit {

namespace {

// Mirrors of the structs whose every field this file handles by hand. A field
// added to one of them changes its size and stops the build here, so that
// same_note() and renumber_canvas() learn about it.
struct NoteFields {
    std::string id;
    NoteKind kind;
    std::string shape, text;
    Rect bounds;
    std::string color;
    std::vector<std::string> tags;
    std::string parent, author;
};
static_assert(sizeof(NoteFields) == sizeof(Note), "Note changed: update same_note()");
struct LinkFields {
    NoteIndex from, to;
    double strength;
    LinkVia via;
    std::vector<std::string> evidence;
    LinkSource source;
    double confidence;
};
static_assert(sizeof(LinkFields) == sizeof(Link), "Link changed: update renumber_canvas()");
struct CoverageFields {
    NoteIndex note;
    double weight;
    std::vector<NoteIndex> covered_by;
    std::vector<NoteIndex> suggested;
    RowStatus status;
};
static_assert(sizeof(CoverageFields) == sizeof(Coverage),
              "Coverage changed: update renumber_canvas()");
struct FitFields {
    std::optional<double> pains, gains, jobs, overall;
    std::string verdict;
    std::vector<Coverage> pain_coverage, gain_coverage, job_coverage;
    double undecided, unconfirmed;
    std::optional<std::pair<double, double>> range;
    std::array<bool, 3> gaps_decided;
};
static_assert(sizeof(FitFields) == sizeof(Fit), "Fit changed: update renumber_canvas()");
struct CanvasAnalysisFields {
    CanvasNotes notes;
    std::vector<Link> links;
    Fit fit;
    ValueProfile value;  // no note indices; its canvas is dirty when one of its notes goes
    ComparableSets comparable;  // positions in `notes`, no note indices; likewise
    std::optional<std::string> segment;  // texts, no note indices
    SegmentType segment_type;
    ValueType segment_value;
};
static_assert(sizeof(CanvasAnalysisFields) == sizeof(CanvasAnalysis),
              "CanvasAnalysis changed: update renumber_canvas()");

bool same_rect(const Rect& a, const Rect& b) {
    return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height;
}

bool same_note(const Note& a, const Note& b) {
    return a.id == b.id && a.kind == b.kind && a.shape == b.shape && a.text == b.text &&
           same_rect(a.bounds, b.bounds) && a.color == b.color && a.tags == b.tags &&
           a.parent == b.parent && a.author == b.author;
}

// Whether two boards agree on everything but their notes: what an Analyzer
// holds fixed for its life.
bool same_fixed_items(const Board& a, const Board& b) {
    // A drawn section's lines are the board's (compared below); its title may move within its part.
    const auto same_drawn = [](const Container& x, const Container& y) {
        if (!x.drawn || !y.drawn) return !x.drawn && !y.drawn;
        return x.drawn->anchor.x == y.drawn->anchor.x && x.drawn->anchor.y == y.drawn->anchor.y &&
               x.drawn->outline == y.drawn->outline;
    };
    const auto same_containers = [&](const Container& x, const Container& y) {
        return x.id == y.id && x.title == y.title && same_rect(x.bounds, y.bounds) &&
               x.kind == y.kind && x.parent == y.parent && same_drawn(x, y);
    };
    const auto same_connectors = [](const Connector& x, const Connector& y) {
        return x.id == y.id && x.from == y.from && x.to == y.to && x.label == y.label;
    };
    const auto same_markers = [](const Marker& x, const Marker& y) {
        return x.id == y.id && same_rect(x.bounds, y.bounds) && x.color == y.color;
    };
    const auto same_lines = [](const Line& x, const Line& y) {
        return x.id == y.id && std::equal(x.points.begin(), x.points.end(), y.points.begin(), y.points.end(),
                                          [](Point p, Point q) { return p.x == q.x && p.y == q.y; });
    };
    const auto same_issues = [](const ReadIssue& x, const ReadIssue& y) {
        return x.item_id == y.item_id && x.location == y.location && x.message == y.message;
    };
    const auto same = [](const auto& xs, const auto& ys, auto equal) {
        return std::equal(xs.begin(), xs.end(), ys.begin(), ys.end(), equal);
    };
    return a.format == b.format && same(a.containers, b.containers, same_containers) &&
           same(a.connectors, b.connectors, same_connectors) &&
           same(a.markers, b.markers, same_markers) && same(a.lines, b.lines, same_lines) &&
           same(a.skipped, b.skipped, same_issues);
}

void add_work(AnalyzerStats& total, const AnalyzerStats& more) {
    total.notes_placed += more.notes_placed;
    total.notes_tokenized += more.notes_tokenized;
    total.markers_assigned += more.markers_assigned;
    total.canvases_analyzed += more.canvases_analyzed;
    total.text_steps += more.text_steps;
    total.texts_read += more.texts_read;
    total.restarts += more.restarts;
}

// The area a dot covers on a note, computed as count_votes() does, so that
// ties between notes come out the same.
double overlap_area(const Rect& note, const Rect& dot) {
    const double w = std::min(note.right(), dot.right()) - std::max(note.x, dot.x);
    const double h = std::min(note.bottom(), dot.bottom()) - std::max(note.y, dot.y);
    return std::max(0.0, w) * std::max(0.0, h);
}

// notes_by_canvas() lists a note in its canvas only when it has a section.
bool listed_in_canvas(const NotePlacement& placement) {
    return placement.canvas >= 0 && placement.section != Section::unknown;
}

bool same_place(const NotePlacement& a, const NotePlacement& b) {
    return a.canvas == b.canvas && a.section == b.section;
}

void erase_value(std::vector<NoteIndex>& list, NoteIndex value) {
    list.erase(std::remove(list.begin(), list.end(), value), list.end());
}

// After note `removed` leaves the board, every later index moves down by one.
void renumber(NoteIndex& index, NoteIndex removed) {
    if (index > removed) --index;
}

void renumber_list(std::vector<NoteIndex>& list, NoteIndex removed) {
    erase_value(list, removed);
    for (NoteIndex& index : list) renumber(index, removed);
}

void renumber_canvas(CanvasAnalysis& canvas, NoteIndex removed) {
    for (std::vector<NoteIndex>& section : canvas.notes.sections) renumber_list(section, removed);
    auto& links = canvas.links;
    links.erase(std::remove_if(links.begin(), links.end(),
                               [&](const Link& l) { return l.from == removed || l.to == removed; }),
                links.end());
    for (Link& link : links) {
        renumber(link.from, removed);
        renumber(link.to, removed);
    }
    for (auto* detail :
         {&canvas.fit.pain_coverage, &canvas.fit.gain_coverage, &canvas.fit.job_coverage}) {
        detail->erase(std::remove_if(detail->begin(), detail->end(),
                                     [&](const Coverage& c) { return c.note == removed; }),
                      detail->end());
        for (Coverage& coverage : *detail) {
            renumber(coverage.note, removed);
            renumber_list(coverage.covered_by, removed);
            renumber_list(coverage.suggested, removed);
        }
    }
}

// Errors of a note read on its own name places inside the note ("/x"), not
// inside the board wrapper it was read through ("/notes/0/x").
// A reader's place in the one-note board read_note_json wraps a note in,
// as a place in what the caller wrote.
std::string within_note(const std::string& where) {
    const std::string wrapper = "/notes/0";
    if (where.rfind(wrapper, 0) != 0) return where;
    const std::string rest = where.substr(wrapper.size());
    return rest.empty() ? "/" : rest;
}

// The same for the notes of an edit batch: "/notes/3/x" -> "/upsert/3/x".
std::string within_upserts(const std::string& where) {
    const std::string wrapper = "/notes";
    if (where.rfind(wrapper, 0) != 0) return where;
    return "/upsert" + where.substr(wrapper.size());
}

// The text of the value at `reader`, as written.
std::string_view value_text(std::string_view text, json_pull::Reader reader) {
    reader.peek();
    const std::size_t start = reader.offset();
    reader.skip_value();
    return text.substr(start, reader.offset() - start);
}

// Notes (the text of a JSON array of them), read as the board format reads them.
std::vector<Note> read_notes(std::string_view notes) {
    const std::string board = "{\"schema\":\"canvasfit.board/1\",\"notes\":" + std::string(notes) + "}";
    try {
        return read_canvasfit(json_pull::Document::scan(board)).notes;
    } catch (const InputError& e) {
        throw InputError(within_upserts(e.where()), e.what());
    }
}

constexpr double kMarkerGridCell = 256;

}  // namespace

struct Analyzer::State {
    State(Board read, AnalyzeOptions chosen)
        : board(checked(std::move(read))), options(std::move(chosen)), layout(board) {
        index_fixed_items();
        analysis.board = &board;
        analysis.decisions = &options.links;
        for (NoteIndex n = 0; n < board.notes.size(); ++n) {
            note_at.emplace(board.notes[n].id, n);
            cue_placement.push_back(place(board.notes[n]));
            analysis.readings.push_back(reading_of(board.notes[n]));
        }
        for (NoteIndex n = 0; n < board.notes.size(); ++n)
            analysis.connected.push_back(adjacency_of(n));
        analysis.votes.assign(board.notes.size(), 0);
        for (NoteIndex n = 0; n < board.notes.size(); ++n)
            for (std::size_t m : markers_under(board.notes[n].bounds)) notes_under[m].push_back(n);
        start_over(placed_by_text());
        for (std::size_t m = 0; m < board.markers.size(); ++m) assign_vote(m);
        refresh();
    }

    static Board checked(Board board) {
        check_board(board);  // unique ids above all: the Analyzer finds notes by id
        return board;
    }

    void index_fixed_items() {
        for (const Container& container : board.containers)
            fixed_kind.emplace(container.id, "container");
        for (std::size_t c = 0; c < board.connectors.size(); ++c) {
            const Connector& connector = board.connectors[c];
            fixed_kind.emplace(connector.id, "connector");
            connectors_at[connector.from].push_back(c);
            if (connector.to != connector.from) connectors_at[connector.to].push_back(c);
        }
        notes_under.resize(board.markers.size());
        voted.resize(board.markers.size());
        for (std::size_t m = 0; m < board.markers.size(); ++m) {
            fixed_kind.emplace(board.markers[m].id, "marker");
            marker_grid.insert(m, board.markers[m].bounds);
        }
    }

    // ---- per-note work, each counted ----

    NotePlacement place(const Note& note) {
        ++stats.notes_placed;
        return layout.place(note);
    }

    NoteReading reading_of(const Note& note) {
        ++stats.notes_tokenized;
        return read_text(note.text);
    }

    // The notes a connector joins to note n, in connector order, as
    // connector_adjacency() lists them.
    std::vector<NoteIndex> adjacency_of(NoteIndex n) const {
        std::vector<NoteIndex> neighbours;
        const std::string& id = board.notes[n].id;
        const auto found = connectors_at.find(id);
        if (found == connectors_at.end()) return neighbours;
        for (std::size_t c : found->second) {
            const Connector& connector = board.connectors[c];
            if (connector.from == connector.to) continue;
            const auto other = note_at.find(connector.from == id ? connector.to : connector.from);
            if (other != note_at.end()) neighbours.push_back(other->second);
        }
        return neighbours;
    }

    // Markers that overlap `bounds` with a positive area, in marker order.
    std::vector<std::size_t> markers_under(const Rect& bounds) const {
        std::vector<std::size_t> found = marker_grid.candidates(bounds);
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        found.erase(std::remove_if(found.begin(), found.end(),
                                   [&](std::size_t m) {
                                       return !(overlap_area(bounds, board.markers[m].bounds) > 0);
                                   }),
                    found.end());
        return found;
    }

    // Decides again which note marker m votes for: the one it overlaps most,
    // the earliest in board order on a tie.
    void assign_vote(std::size_t m) {
        ++stats.markers_assigned;
        const Rect& dot = board.markers[m].bounds;
        double best_overlap = 0;
        std::optional<NoteIndex> best;
        for (NoteIndex n : notes_under[m]) {
            const double overlap = overlap_area(board.notes[n].bounds, dot);
            if (overlap > best_overlap ||
                (overlap == best_overlap && overlap > 0 && best && n < *best)) {
                best_overlap = overlap;
                best = n;
            }
        }
        if (best == voted[m]) return;
        if (voted[m]) {
            --analysis.votes[*voted[m]];
            mark_dirty(*voted[m]);
            touch(*voted[m]);
        }
        if (best) {
            ++analysis.votes[*best];
            mark_dirty(*best);
            touch(*best);
        }
        voted[m] = best;
    }

    // Takes note n off the markers under `bounds`; returns those markers.
    std::vector<std::size_t> lift_from_markers(NoteIndex n, const Rect& bounds) {
        std::vector<std::size_t> markers = markers_under(bounds);
        for (std::size_t m : markers) erase_value(notes_under[m], n);
        return markers;
    }

    // Puts note n under the markers its bounds overlap, then lets every marker
    // it left or joined vote again.
    void settle_votes(NoteIndex n, std::vector<std::size_t> touched) {
        for (std::size_t m : markers_under(board.notes[n].bounds)) {
            notes_under[m].push_back(n);
            touched.push_back(m);
        }
        std::sort(touched.begin(), touched.end());
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        for (std::size_t m : touched) assign_vote(m);
    }

    // Note n's entry in the report may have changed since the last delta.
    void touch(NoteIndex n) {
        if (every_note_touched || n >= touched_mark.size() || touched_mark[n]) return;
        touched_mark[n] = true;
        touched_notes.push_back(n);
    }

    // Indices move (a note inserted or removed) or every placement is new.
    void touch_every_note() { every_note_touched = true; }

    void mark_dirty(NoteIndex n) {
        const int canvas = analysis.layout.notes[n].canvas;
        if (canvas >= 0) dirty[static_cast<std::size_t>(canvas)] = true;
    }

    // Moves note n to its final `placement`, in the layout and in its canvas's
    // section list; the canvases it left and joined are dirty.
    void set_placement(NoteIndex n, NotePlacement placement) {
        NotePlacement& current = analysis.layout.notes[n];
        mark_dirty(n);
        touch(n);
        if (listed_in_canvas(current)) erase_value(section_list(current), n);
        current = std::move(placement);
        if (listed_in_canvas(current)) {
            std::vector<NoteIndex>& section = section_list(current);
            section.insert(std::lower_bound(section.begin(), section.end(), n), n);
        }
        mark_dirty(n);
    }

    std::vector<NoteIndex>& section_list(const NotePlacement& placement) {
        return analysis.canvases[static_cast<std::size_t>(placement.canvas)].notes.of(
            placement.section);
    }

    // The layout analyze() uses: layout cues (kept per note), then the text step.
    Layout placed_by_text() {
        Layout placed;
        placed.canvases = layout.canvases();
        placed.notes = cue_placement;
        place_by_text(board, placed, readings, &analysis.readings);
        ++stats.text_steps;
        stats.texts_read = readings.texts_read();
        text_stale = false;
        text_whole = false;
        text_edited.clear();
        return placed;
    }

    // Takes `placed` as the layout and every canvas as dirty: at the start,
    // and when the text step forms or drops the canvas of a board without
    // section areas, which changes the list of canvases.
    void start_over(Layout placed) {
        analysis.layout = std::move(placed);
        analysis.priorities.assign(board.notes.size(), Priority{});
        analysis.canvases.clear();
        for (CanvasNotes& notes :
             notes_by_canvas(analysis.layout, analysis.layout.canvases.size())) {
            CanvasAnalysis canvas;
            canvas.notes = std::move(notes);
            analysis.canvases.push_back(std::move(canvas));
        }
        dirty.assign(analysis.canvases.size(), true);
        analysed_since_delta.assign(analysis.canvases.size(), true);
        touch_every_note();
    }

    // Runs the text step again after edits and moves the notes it moved:
    // on the edited notes and those sharing a term with them when the edits
    // allow it (replace()), else on the whole board.
    void settle_placements() {
        if (!text_stale) return;
        const bool whole = text_whole || layout.canvases().empty();
        std::vector<std::pair<NoteIndex, NotePlacement>> changed;
        if (!whole && place_by_text_after_edits(board, cue_placement, analysis.layout, readings,
                                                &analysis.readings, text_edited, changed)) {
            text_edited.clear();
            ++stats.text_steps;
            stats.texts_read = readings.texts_read();
            text_stale = false;
            for (auto& [n, placement] : changed) settle(n, std::move(placement));
            return;
        }
        Layout placed = placed_by_text();
        if (placed.canvases.size() != analysis.layout.canvases.size())
            return start_over(std::move(placed));
        for (NoteIndex n = 0; n < board.notes.size(); ++n) settle(n, std::move(placed.notes[n]));
    }

    // Note n's placement after the text step.
    void settle(NoteIndex n, NotePlacement placed) {
        NotePlacement& current = analysis.layout.notes[n];
        if (same_place(current, placed)) {
            // Only via, confidence or the text suggestion may differ: the report reads them.
            if (current.via != placed.via || current.confidence != placed.confidence) touch(n);
            current = std::move(placed);
            return;
        }
        analysis.priorities[n] = Priority{};  // ranked again if its new section is ranked
        set_placement(n, std::move(placed));
    }

    // ---- edits ----

    void check_note(const Note& note) const {
        if (note.id.empty()) throw InputError("note", "a note has an empty id");
        if (const auto fixed = fixed_kind.find(note.id); fixed != fixed_kind.end())
            throw InputError(note.id, "duplicate id '" + note.id + "' (used by a " + fixed->second +
                                          " and a note)");
        // The limits a note read with a board has: coordinates, text size.
        Board alone;
        alone.notes.push_back(note);
        check_board(alone);
        if (!note_at.count(note.id)) check_room_for_one_more();
    }

    void check_room_for_one_more() const {
        const std::size_t items = board.notes.size() + 1 + board.containers.size() +
                                  board.connectors.size() + board.markers.size();
        if (items > limits::kMaxItems)
            throw InputError("board", "board would have " + std::to_string(items) +
                                          " items, more than the limit of " +
                                          std::to_string(limits::kMaxItems));
    }

    void upsert(Note note) {
        const auto found = note_at.find(note.id);
        // A note as it is passed these checks when it came: update() hands
        // over every note of the board, nearly all of them unchanged.
        if (found != note_at.end() && same_note(board.notes[found->second], note)) return;
        check_note(note);
        if (found != note_at.end())
            replace(found->second, std::move(note));
        else
            insert(std::move(note));
    }

    void replace(NoteIndex n, Note note) {
        Note& current = board.notes[n];
        if (same_note(current, note)) return;
        mark_dirty(n);
        touch(n);
        analysis.priorities[n] = Priority{};  // ranked again if it is still in a ranked section
        const bool text_changed = current.text != note.text;
        const bool moved = !same_rect(current.bounds, note.bounds);
        const bool was_shape = current.kind == NoteKind::shape;
        const std::string old_colour = current.color;
        std::vector<std::size_t> touched;
        if (moved) touched = lift_from_markers(n, current.bounds);
        current = std::move(note);
        if (text_changed) analysis.readings[n] = reading_of(current);
        if (moved) settle_votes(n, std::move(touched));
        NotePlacement cue = place(current);
        // The text step may then look at this note alone (and the notes
        // sharing its terms), unless the edit changes what the board's
        // colours or competitor sheets say: a colour a layout cue placed,
        // or a shape (a sheet is a shape note titled "Competitors").
        const bool colours_alike =
            (!placed_by_layout(cue_placement[n]) && !placed_by_layout(cue)) ||
            (placed_by_layout(cue_placement[n]) && placed_by_layout(cue) && old_colour == current.color &&
             cue_placement[n].section == cue.section);
        if (was_shape || current.kind == NoteKind::shape || !colours_alike) text_whole = true;
        else text_edited.push_back(n);
        cue_placement[n] = std::move(cue);
        text_stale = true;
    }

    void insert(Note note) {
        touch_every_note();
        text_whole = true;  // indices the text step keeps per note move
        const NoteIndex n = board.notes.size();
        note_at.emplace(note.id, n);
        board.notes.push_back(std::move(note));
        const Note& added = board.notes.back();
        cue_placement.push_back(place(added));
        analysis.layout.notes.emplace_back();  // outside every canvas until the text step
        analysis.readings.push_back(reading_of(added));
        analysis.votes.push_back(0);
        analysis.priorities.emplace_back();
        analysis.connected.push_back(adjacency_of(n));
        text_stale = true;
        // A connector waiting for this id now joins it to its other end.
        for (NoteIndex neighbour : analysis.connected[n]) {
            analysis.connected[neighbour] = adjacency_of(neighbour);
            mark_dirty(neighbour);
        }
        settle_votes(n, {});
    }

    void remove(const std::string& id) {
        const auto found = note_at.find(id);
        if (found == note_at.end()) {
            if (const auto fixed = fixed_kind.find(id); fixed != fixed_kind.end())
                throw InputError(id, "'" + id + "' is a " + fixed->second +
                                         ", not a note: only notes can be removed");
            throw InputError(id, "there is no note '" + id + "' to remove");
        }
        const NoteIndex r = found->second;
        touch_every_note();
        text_whole = true;
        for (NoteIndex neighbour : analysis.connected[r]) mark_dirty(neighbour);
        set_placement(r, NotePlacement{});  // leaves its canvas, which is marked dirty
        settle_votes_without(r);
        erase_note(r);
        text_stale = true;
    }

    // The markers under note r vote again as if it were gone.
    void settle_votes_without(NoteIndex r) {
        for (std::size_t m : lift_from_markers(r, board.notes[r].bounds)) assign_vote(m);
    }

    void erase_note(NoteIndex r) {
        note_at.erase(board.notes[r].id);
        for (auto& entry : note_at) renumber(entry.second, r);
        const auto at = [r](auto& per_note) {
            per_note.erase(per_note.begin() + static_cast<std::ptrdiff_t>(r));
        };
        at(board.notes);
        at(cue_placement);
        at(analysis.layout.notes);
        at(analysis.readings);
        at(analysis.votes);
        at(analysis.priorities);
        at(analysis.connected);
        findings.forget_all();  // the kept warnings name notes by board position
        for (std::vector<NoteIndex>& neighbours : analysis.connected) renumber_list(neighbours, r);
        for (std::vector<NoteIndex>& notes : notes_under) renumber_list(notes, r);
        for (std::optional<NoteIndex>& note : voted)
            if (note) renumber(*note, r);
        for (CanvasAnalysis& canvas : analysis.canvases) renumber_canvas(canvas, r);
    }

    // Settles the placements, then runs the per-canvas stages of every dirty canvas.
    void refresh() {
        settle_placements();
        for (std::size_t c = 0; c < analysis.canvases.size(); ++c) {
            if (!dirty[c]) continue;
            findings.forget(c);
            CanvasNotes notes = std::move(analysis.canvases[c].notes);
            for (const std::vector<NoteIndex>& section : notes.sections)
                for (NoteIndex n : section) analysis.priorities[n] = Priority{};
            analysis.canvases[c] = analyze_canvas(analysis, c, std::move(notes));
            dirty[c] = false;
            analysed_since_delta[c] = true;
            // Their ranks and value types are the canvas's.
            for (const std::vector<NoteIndex>& section : analysis.canvases[c].notes.sections)
                for (NoteIndex n : section) touch(n);
            ++stats.canvases_analyzed;
        }
    }

    Board board;
    AnalyzeOptions options;
    LayoutIndex layout;
    BoardAnalysis analysis;  // what run_engine would give for `board`, once refreshed
    std::vector<NotePlacement> cue_placement;  // per note: by frame or region only
    bool text_stale = true;                    // notes changed since the last text step
    bool text_whole = true;                    // the next text step must read the whole board
    std::vector<NoteIndex> text_edited;        // else: the notes edited since the last one
    TextReadings readings;                     // the text step's reading of each text, kept
    std::unordered_map<std::string, NoteIndex> note_at;
    // Ids of containers, connectors and markers, with their kind.
    std::unordered_map<std::string, const char*> fixed_kind;
    // For each id a connector ends at, its connectors in board order.
    std::unordered_map<std::string, std::vector<std::size_t>> connectors_at;
    SpatialGrid marker_grid{kMarkerGridCell};
    std::vector<std::vector<NoteIndex>> notes_under;  // per marker: notes it overlaps
    std::vector<std::optional<NoteIndex>> voted;      // per marker: the note its vote counts for
    std::vector<bool> dirty;                          // per canvas: stages to run again
    AnalyzerStats stats;
    CanvasFindingCache findings;  // each canvas's own warnings and questions, until it is analysed again
    KeptReport reported;  // the report as the last changes() left it: what the host has seen
    std::vector<bool> analysed_since_delta;  // per canvas: analysed again since the last changes()
    // The notes whose entries may have changed since the last changes(), or all.
    std::vector<NoteIndex> touched_notes;
    std::vector<bool> touched_mark;  // per note
    bool every_note_touched = true;
};

Analyzer::Analyzer(Board board, AnalyzeOptions options)
    : state_(std::make_unique<State>(std::move(board), std::move(options))) {}

namespace {

// Runs `read` with options.source put before the place of its errors.
template <typename Read>
auto with_source(const AnalyzeOptions& options, Read&& read) {
    try {
        return read();
    } catch (const InputError& e) {
        if (options.source.empty()) throw;
        throw InputError(options.source + ": " + e.where(), e.what());
    }
}

// What read_board does after reading: the checks, then shapes promoted.
Board checked(Board board) {
    check_board(board);
    promote_structure(board);
    return board;
}

// The board of `input` as read_board reads it, scanning the text once; and
// its scene, kept for update_elements(), when it is an Excalidraw scene
// (read_board detects a CanvasFit board first, so do we).
Board read_keeping_scene(std::string_view input, InputFormat format,
                         std::unique_ptr<ExcalidrawScene>& scene) {
    const json_pull::Document document = json_pull::Document::scan(input);
    const bool excalidraw =
        format == InputFormat::excalidraw ||
        (format == InputFormat::automatic && !is_canvasfit_board(document) && is_excalidraw_scene(document));
    if (!excalidraw) {
        scene.reset();
        return read_scanned_board(document, format);
    }
    scene = std::make_unique<ExcalidrawScene>(document);
    return checked(scene->board());
}

}  // namespace

Analyzer Analyzer::from_text(std::string_view input, const AnalyzeOptions& options) {
    return with_source(options, [&] {
        std::unique_ptr<ExcalidrawScene> scene;
        Analyzer analyzer(read_keeping_scene(input, options.format, scene), options);
        analyzer.scene_ = std::move(scene);
        return analyzer;
    });
}

Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
Analyzer::~Analyzer() = default;

void Analyzer::upsert_note(Note note) {
    state_->upsert(std::move(note));
    scene_.reset();  // the board is no longer the scene's
}

void Analyzer::update(Board board) {
    update_board(std::move(board));
    scene_.reset();
}

void Analyzer::update_board(Board board, Checked was) {
    if (was == Checked::no) check_board(board);
    if (!same_fixed_items(state_->board, board)) return start_over(std::move(board));
    std::unordered_set<std::string> staying;
    for (const Note& note : board.notes) staying.insert(note.id);
    std::vector<std::string> leaving;
    for (const Note& note : state_->board.notes)
        if (!staying.count(note.id)) leaving.push_back(note.id);
    for (const std::string& id : leaving) state_->remove(id);
    for (Note& note : board.notes) state_->upsert(std::move(note));  // an unchanged note costs a comparison
}

void Analyzer::update_from_text(std::string_view input) {
    with_source(state_->options, [&] {
        std::unique_ptr<ExcalidrawScene> scene;
        update_board(read_keeping_scene(input, state_->options.format, scene), Checked::yes);
        scene_ = std::move(scene);
    });
}

void Analyzer::update_elements(std::string_view edits_json) {
    with_source(state_->options, [&] {
        if (!scene_)
            throw InputError("elements", "this Analyzer keeps no Excalidraw scene: it was made from another "
                                         "format or changed note by note since; hand it the whole board (update)");
        Board board = scene_->apply(edits_json);
        try {
            update_board(checked(std::move(board)), Checked::yes);
        } catch (...) {
            scene_->undo();
            throw;
        }
    });
}

// The containers, connectors or markers changed: a new analysis of `board`,
// which keeps what was reported (so the next changes() is relative to what
// the host has seen) and the work counted so far.
void Analyzer::start_over(Board board) {
    auto fresh = std::make_unique<State>(std::move(board), state_->options);
    fresh->reported = std::move(state_->reported);
    AnalyzerStats work = state_->stats;
    work.restarts += 1;
    add_work(work, fresh->stats);
    fresh->stats = work;
    state_ = std::move(fresh);
}

void Analyzer::remove_note(const std::string& id) {
    state_->remove(id);
    scene_.reset();
}

Report Analyzer::report() const {
    state_->refresh();
    return report_of(state_->analysis, state_->options, &state_->findings);
}

std::string Analyzer::report_json() const { return report_to_json(report()); }

// The delta is taken over the pieces of the report that can have changed
// (kept_report.hpp), not over two whole reports.
ReportDelta Analyzer::changes() {
    State& state = *state_;
    state.refresh();
    ReportDelta delta = delta_since(state.reported, state.analysis, state.options, state.findings,
                                    std::move(state.analysed_since_delta),
                                    state.every_note_touched ? nullptr : &state.touched_notes,
                                    [&](const std::string& id) { return state.note_at.count(id) > 0; });
    state.analysed_since_delta.assign(state.analysis.canvases.size(), false);
    state.every_note_touched = false;
    state.touched_notes.clear();
    state.touched_mark.assign(state.board.notes.size(), false);
    return delta;
}

std::string Analyzer::changes_json() { return delta_to_json(changes()); }

const Board& Analyzer::board() const { return state_->board; }

const AnalyzerStats& Analyzer::stats() const { return state_->stats; }

Note read_note_json(std::string_view note_json) {
    const json_pull::Document note = json_pull::Document::scan(note_json);
    if (!note.root_is_object()) throw InputError("/", "a note must be a JSON object");
    json_pull::Reader reader(note_json);
    reader.skip_bom();
    const std::string board = "{\"schema\":\"canvasfit.board/1\",\"notes\":[" +
                              std::string(value_text(note_json, reader)) + "]}";
    try {
        return read_canvasfit(json_pull::Document::scan(board)).notes.front();
    } catch (const InputError& e) {
        throw InputError(within_note(e.where()), e.what());
    }
}

NoteEdits read_note_edits(std::string_view edits_json) {
    const json_pull::Document edits = json_pull::Document::scan(edits_json);
    if (!edits.root_is_object())
        throw InputError("/", "edits must be a JSON object: {\"upsert\": [...], \"remove\": [...]}");
    NoteEdits read;
    for (const std::string& field : edits.sorted_keys()) {
        json_pull::Reader value = edits.member(field);
        if (value.peek() != json_pull::Type::array)
            throw InputError("/" + field, "'" + field + "' must be an array");
        if (field == "upsert") {
            read.upsert = read_notes(value_text(edits_json, value));
        } else if (field == "remove") {
            value.begin_array();
            for (std::size_t i = 0; value.next_item(); ++i) {
                if (value.peek() != json_pull::Type::string)
                    throw InputError("/remove/" + std::to_string(i), "a note id must be a string");
                read.remove.emplace_back(value.read_string());
            }
        } else {
            throw InputError("/" + field, "unknown field '" + field + "' (expected upsert or remove)");
        }
    }
    return read;
}

}  // namespace canvasfit

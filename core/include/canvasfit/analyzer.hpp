// The incremental Analyzer: keeps the analysis of one board up to date while
// its notes change, and answers with exactly the report a fresh analysis of
// the board would give, re-doing only the work an edit touched.
//
// Fixed for the Analyzer's life: the containers (so the canvases and their
// section areas), the connectors and the dot-vote markers of the board it was
// made from, and the options. Only notes change. (The one canvas the text step
// forms on a board without section areas comes and goes with its notes, as in
// a fresh analysis.) Shapes are promoted to containers and markers once, when
// the board is read: a shape note upserted later stays a note.
//
// Note order, which is the order of the report's notes and section lists:
// the board's order; a note upserted with a new id goes to the end; a note
// upserted with a known id keeps its place; a removed note leaves the order
// (and, upserted again, comes back at the end). The report always equals
// report_to_json(analyze(board(), options)).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "canvasfit/analyze.hpp"
#include "canvasfit/board.hpp"
#include "canvasfit/report.hpp"

namespace canvasfit {

class ExcalidrawScene;

// Work done since construction, so tests can check incrementality without timing.
struct AnalyzerStats {
    std::size_t notes_placed = 0;       // notes put into a canvas and section
    std::size_t notes_tokenized = 0;    // notes whose text was read (tokens, terms) for the engine
    std::size_t markers_assigned = 0;   // dot votes whose note was decided (again)
    std::size_t canvases_analyzed = 0;  // per-canvas stage runs: ranks, links and fit of one canvas
    std::size_t text_steps = 0;         // board-wide text placement: once per report after edits
    std::size_t texts_read = 0;         // texts the text step read: each new text once
    std::size_t restarts = 0;           // update()s that started over: fixed items changed
};

class Analyzer {
public:
    // `board` as read_board returns it (shape notes already promoted). Throws
    // InputError if it breaks the rules read_board checks (duplicate ids...).
    explicit Analyzer(Board board, AnalyzeOptions options = {});
    // Reads `input` like analyze_text (errors prefixed with options.source).
    static Analyzer from_text(std::string_view input, const AnalyzeOptions& options = {});

    Analyzer(Analyzer&&) noexcept;
    Analyzer& operator=(Analyzer&&) noexcept;
    ~Analyzer();

    // Inserts the note, or replaces the note with the same id. Throws
    // InputError, leaving the Analyzer unchanged, for an empty id, an id used
    // by a container, connector or marker, a coordinate out of range, too much
    // text, or a board over the item limit (docs/limits.md).
    void upsert_note(Note note);
    // Throws InputError, leaving the Analyzer unchanged, if no note has this id.
    void remove_note(const std::string& id);

    // Brings the Analyzer to `board` as a whole (as read_board returns it):
    // notes gone are removed, notes new or different are upserted, the rest
    // cost a comparison. If the containers, connectors, markers or skipped
    // items differ, it starts over from `board`; what changes() reports stays
    // relative to the last delta either way. Throws InputError, leaving the
    // Analyzer unchanged, for a board read_board would refuse.
    void update(Board board);
    // Reads `input` like from_text (errors prefixed with options.source), then update().
    void update_from_text(std::string_view input);

    // Live on Excalidraw without the scene's whole text. An Analyzer made
    // from (or last updated with) the text of an Excalidraw scene keeps the
    // scene element by element; this applies {"upsert": [element, ...],
    // "remove": ["id", ...]} to it (an upserted element replaces the one with
    // its id, or joins; one marked isDeleted leaves) and then update()s to
    // the board the scene now reads as. The host hands over only the elements
    // an edit changed: nothing else is parsed again. Errors name "/upsert/2/x"
    // or "/remove/0" (prefixed with options.source). Throws InputError,
    // leaving the scene and the Analyzer unchanged, for edits it cannot read,
    // a board update() refuses, or when it keeps no scene: made from another
    // format, or changed note by note (upsert_note, update(Board)) since.
    void update_elements(std::string_view edits_json);
    // Whether update_elements() can be called.
    bool keeps_scene() const { return scene_ != nullptr; }

    // Brings the dirty canvases up to date (edits are cheap; the per-canvas
    // stages run here, once per canvas however many edits touched it).
    Report report() const;
    std::string report_json() const;

    // What changed in the report since the last call of changes() (the first
    // call: everything, against an empty report). A host keeps its marks up to
    // date from these alone; applied in turn to an empty report they give
    // report(), up to the order of lists. If an edit fails, the next
    // changes() still covers every edit that did apply.
    ReportDelta changes();
    std::string changes_json();

    // The board as it stands, notes in the Analyzer's order.
    const Board& board() const;
    const AnalyzerStats& stats() const;

private:
    void start_over(Board board);
    enum class Checked { no, yes };  // whether the board passed read_board's checks already
    void update_board(Board board, Checked was = Checked::no);

    struct State;
    std::unique_ptr<State> state_;
    std::unique_ptr<ExcalidrawScene> scene_;  // see update_elements()
};

// Reads one note in the CanvasFit board format (docs/board-format.md), the
// form the wasm API takes: {"id": "n1", "text": "...", "x": 0, "y": 0, ...}.
// Throws InputError; `where` is a JSON pointer into the note ("/x").
Note read_note_json(std::string_view note_json);

// A batch of note edits in the form the wasm API takes:
// {"upsert": [note, ...], "remove": ["id", ...]}, either list may be absent.
struct NoteEdits {
    std::vector<Note> upsert;
    std::vector<std::string> remove;
};
// Throws InputError naming the place ("/upsert/2/x", "/remove/0").
NoteEdits read_note_edits(std::string_view edits_json);

}  // namespace canvasfit

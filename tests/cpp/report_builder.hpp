// Small helpers to build reports in tests (the writers' tests), as
// board_builder.hpp builds boards.
#pragma once

#include <optional>
#include <string>

#include "canvasfit/report.hpp"

namespace canvasfit::test_support {

// A note of canvas-1 placed by its frame.
inline NoteReport placed_note(const std::string& id, const std::string& text, Section section,
                              std::optional<int> rank = {}) {
    NoteReport note;
    note.id = id;
    note.text = text;
    note.canvas = "canvas-1";
    note.section = section;
    note.via = Placement::frame;
    note.confidence = 1;
    note.rank = rank;
    return note;
}

// A report of one canvas, canvas-1, with its seven sections empty.
inline Report one_canvas_report() {
    Report report;
    report.source = "sample.json";
    report.format = "canvasfit";
    CanvasReport canvas;
    canvas.id = "canvas-1";
    canvas.sections.assign(7, {});
    report.canvases.push_back(canvas);
    return report;
}

}  // namespace canvasfit::test_support

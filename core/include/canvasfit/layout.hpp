// Section classification by layout: which canvas and section each note sits in,
// judged only from frames, labelled shapes and positions.
#pragma once

#include <string>
#include <vector>

#include "canvasfit/board.hpp"
#include "canvasfit/sections.hpp"

namespace canvasfit {

// How a note's section was decided.
enum class Placement { frame, region, text, none };
const char* placement_name(Placement placement);

struct SectionArea {
    std::string container_id;
    Section section = Section::unknown;
    Rect bounds;
};

struct CanvasLayout {
    std::string id;     // "canvas-1", "canvas-2"... in reading order
    std::string title;  // enclosing canvas container's title, "" if grouped by position
    std::vector<SectionArea> sections;
};

struct NotePlacement {
    std::string note_id;
    int canvas = -1;  // index into Layout::canvases, -1 if outside every canvas
    Section section = Section::unknown;
    Placement via = Placement::none;
    double confidence = 0;  // 1 for frame membership, lower when decided by overlap
};

struct Layout {
    std::vector<CanvasLayout> canvases;
    std::vector<NotePlacement> notes;  // same order as Board::notes
};

Layout classify_layout(const Board& board);

}  // namespace canvasfit

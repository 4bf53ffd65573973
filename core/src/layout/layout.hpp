// Section classification by layout: which canvas and section each note sits in,
// judged only from frames, labelled shapes and positions.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "canvasfit/board.hpp"
#include "canvasfit/sections.hpp"

namespace canvasfit {

class SpatialGrid;  // structure/spatial_grid.hpp

struct SectionArea {
    std::string container_id;
    Section section = Section::unknown;
    Rect bounds;
    // A section of a shape divided by lines: a note is in it when it is in
    // its part of the shape, not merely in `bounds` (the box of that part).
    std::shared_ptr<const DrawnSection> drawn;
};

struct CanvasLayout {
    std::string id;     // "canvas-1", "canvas-2"... in reading order
    std::string title;  // enclosing canvas container's title, "" if grouped by position
    // Empty only for the one canvas place_by_text forms on a board that has no
    // section areas at all: its notes were sorted by their text.
    std::vector<SectionArea> sections;
};

struct NotePlacement {
    std::string note_id;
    int canvas = -1;  // index into Layout::canvases, -1 if outside every canvas
    Section section = Section::unknown;
    Placement via = Placement::none;
    double confidence = 0;  // 1 for frame membership, lower when decided by overlap
    // Set by place_by_text (text_classifier.hpp) when a layout cue placed the
    // note but its text reads strongly as another section: that section, the
    // calibrated confidence and the cue that decided. unknown otherwise.
    Section text_suggestion = Section::unknown;
    double text_confidence = 0;
    std::string text_reason;
};

struct Layout {
    std::vector<CanvasLayout> canvases;
    std::vector<NotePlacement> notes;  // same order as Board::notes
};

Layout classify_layout(const Board& board);

// The part of a layout that depends on the containers alone: the canvases and
// their section areas. A note's placement depends only on these and on the
// note itself, so the incremental Analyzer builds one index for a board and
// places each edited note again without redoing the layout. classify_layout
// is this index plus place() for every note.
class LayoutIndex {
public:
    explicit LayoutIndex(const Board& board);  // reads board.containers only

    const std::vector<CanvasLayout>& canvases() const { return canvases_; }
    NotePlacement place(const Note& note) const;

private:
    std::vector<CanvasLayout> canvases_;
    std::vector<SectionArea> areas_;  // in container order: of two equal areas the first wins
    std::vector<int> canvas_of_area_;
    std::vector<Rect> canvas_bounds_;  // of the group or cut that made each canvas
    std::unordered_map<std::string, std::size_t> area_by_container_;
    // areas_ and canvas_bounds_ by position, so placing a note reads a few, not all.
    std::shared_ptr<const SpatialGrid> area_grid_, canvas_grid_;
};

}  // namespace canvasfit

// Section titles written over columns of notes, with no frame or shape
// around them: the quick board ("Pains", "Gains", "Customer Jobs" typed in a
// row, the stickies stacked under each). Before, such titles were set aside
// ("cannot mark out a section") and every note was left to its wording.
#pragma once

#include <utility>
#include <vector>

#include "canvasfit/board.hpp"

namespace canvasfit {

// The columns under `headings` (indices into board.notes: free section
// titles naming two sections or more, all directly in `scope`, a container,
// or outside every container when it is null): one container per heading,
// the box of the heading and the notes (directly in `scope` too) stacked
// under it. A note belongs to the nearest heading above it whose column it stands
// in, and only while the stack goes on: a gap of more than about a note's
// height ends the column, so a note left further down (a parking area) is in
// none. `titles` says which notes are titles (parallel to board.notes);
// `typical` is the typical note's width and height.
std::vector<Container> columns_under_headings(const Board& board, const std::vector<std::size_t>& headings,
                                              const std::vector<bool>& titles,
                                              std::pair<double, double> typical, const Container* scope);

}  // namespace canvasfit

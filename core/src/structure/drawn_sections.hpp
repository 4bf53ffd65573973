// Shapes that lines divide into sections: the canvas as Strategyzer draws it
// (a square for the value map, a circle for the customer profile, each cut by
// lines into three parts, a free title text written in each part). Without
// this, the first title read in the square named the whole square, and every
// note of the value map was placed, confidently, in one section.
#pragma once

#include <string>
#include <vector>

#include "canvasfit/board.hpp"

namespace canvasfit {

// The sections of `shape` (a container drawn as `outline`, "ellipse" say,
// that holds the centres of `titles`, which name at least two different
// sections): one `drawn` container per title, in the order of `titles`, for
// the part of the shape the title can see across the board's lines. When no
// line crosses the shape and its three titles sit as Strategyzer's canvas
// places them (one on one side of the middle, two on the other, above and
// below), the shape is cut as that canvas is. A shape no line divides and
// whose titles sit otherwise is not drawn as the canvas: none (the caller
// reads its titles as column headings).
std::vector<Container> divide_by_lines(const Container& shape, const std::string& outline,
                                       const std::vector<const Note*>& titles,
                                       const std::vector<Line>& lines);

}  // namespace canvasfit

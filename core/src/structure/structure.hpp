// Host-agnostic clean-up after reading: decides which shapes are containers
// (section or canvas areas), which are dot-vote markers, and which free texts
// are titles of the shape they sit in. Readers stay simple and alike.
#pragma once

#include "canvasfit/board.hpp"
#include "canvasfit/readers.hpp"
#include "read/json_pull.hpp"

namespace canvasfit {

// Rules (docs/board-format.md explains them with pictures):
// - a shape is a container when its text is a section or canvas title and it is
//   clearly larger than a sticky, or when it encloses the centre of a smaller note;
// - a free text that is a section or canvas title, inside the top third of an
//   untitled container, becomes that container's title;
// - a small round or square shape without text that overlaps a note is a dot vote;
// - other shapes without text are decoration and are not notes.
void promote_structure(Board& board);

// read_board on a text already scanned: the format reader, the board checks,
// then promote_structure. For a caller that looks at the document first (the
// Analyzer, which keeps an Excalidraw scene) so the text is scanned once.
Board read_scanned_board(const json_pull::Document& document, InputFormat format);

}  // namespace canvasfit

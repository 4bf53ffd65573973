// One reader per host format. Internal to core: callers use read_board().
// Each takes the checked text, returns a Board, and throws InputError naming
// the JSON pointer (and the item id when known) of anything it cannot accept.
// Items it can skip safely (unknown types, deleted elements, dangling
// connectors) go to Board::skipped, never silently away.
#pragma once

#include "canvasfit/board.hpp"
#include "read/json_pull.hpp"

namespace canvasfit {

// Cheap looks at a checked text: its top-level members and, for Miro, the
// first few items of its first page.
bool is_excalidraw_scene(const json_pull::Document& document);
bool is_canvasfit_board(const json_pull::Document& document);
bool is_miro_export(const json_pull::Document& document);

Board read_excalidraw(const json_pull::Document& document);
Board read_canvasfit(const json_pull::Document& document);
Board read_miro(const json_pull::Document& document);

// Checks what every reader must guarantee: unique ids across all items,
// bounded sizes and counts, non-negative extents. Throws InputError.
void check_board(const Board& board);

}  // namespace canvasfit

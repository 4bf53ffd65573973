// One reader per host format. Internal to core: callers use read_board().
// Each takes the parsed root, returns a Board, and throws InputError naming
// the JSON pointer (and the item id when known) of anything it cannot accept.
// Items it can skip safely (unknown types, deleted elements, dangling
// connectors) go to Board::skipped, never silently away.
#pragma once

#include <nlohmann/json.hpp>

#include "canvasfit/board.hpp"

namespace canvasfit {

bool is_excalidraw_scene(const nlohmann::json& root);
bool is_canvasfit_board(const nlohmann::json& root);
bool is_miro_export(const nlohmann::json& root);

Board read_excalidraw(const nlohmann::json& root);
Board read_miro(const nlohmann::json& root);
Board read_canvasfit(const nlohmann::json& root);

// Checks what every reader must guarantee: unique ids across all items,
// bounded sizes and counts, non-negative extents. Throws InputError.
void check_board(const Board& board);

}  // namespace canvasfit

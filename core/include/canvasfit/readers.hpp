// Readers turn a host's exported JSON into the neutral Board.
#pragma once

#include <string>
#include <string_view>

#include "canvasfit/board.hpp"

namespace canvasfit {

enum class InputFormat { automatic, excalidraw, miro, canvasfit };

// Parses `text` as JSON (within the limits of limits.hpp), detects the format
// unless one is forced, and reads it. Throws InputError naming what is wrong.
Board read_board(std::string_view text, InputFormat format = InputFormat::automatic);

// Parses a format name as used on the CLI and in options ("auto", "excalidraw",
// "miro", "canvasfit"). Throws InputError for anything else.
InputFormat parse_input_format(const std::string& name);

}  // namespace canvasfit

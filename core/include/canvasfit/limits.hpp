// Documented input limits (docs/limits.md). Each is enforced with a clear error.
#pragma once

#include <cstddef>

namespace canvasfit::limits {

constexpr std::size_t kMaxInputBytes = 64u * 1024u * 1024u;  // room for a 50,000-note Excalidraw export
constexpr std::size_t kMaxJsonDepth = 128;       // real exports nest < 10 deep
constexpr std::size_t kMaxItems = 200000;        // notes + containers + connectors + markers
constexpr std::size_t kMaxTextBytes = 16 * 1024;  // per note, after markup removal
constexpr double kMaxCoordinate = 1e9;           // |x|, |y|, width, height

}  // namespace canvasfit::limits

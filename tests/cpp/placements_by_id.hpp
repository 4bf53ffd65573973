// Where the layout puts each note of a board as read: promote_structure,
// then classify_layout, by note id. For the tests of the structure step.
#pragma once

#include <map>
#include <string>

#include "canvasfit/board.hpp"
#include "layout/layout.hpp"
#include "structure/structure.hpp"

namespace canvasfit::test_support {

inline std::map<std::string, NotePlacement> placements_by_id(Board board) {
    promote_structure(board);
    const Layout layout = classify_layout(board);
    std::map<std::string, NotePlacement> by_id;
    for (std::size_t i = 0; i < board.notes.size(); ++i) by_id[board.notes[i].id] = layout.notes[i];
    return by_id;
}

}  // namespace canvasfit::test_support

// Small helpers to build boards in tests without writing JSON.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "canvasfit/board.hpp"

namespace canvasfit::test_support {

inline Note sticky(const std::string& id, const std::string& text, double x, double y,
                   const std::string& parent = "") {
    Note note;
    note.id = id;
    note.text = text;
    note.bounds = {x, y, 100, 100};
    note.parent = parent;
    return note;
}

inline Note shape(const std::string& id, const std::string& text, Rect bounds) {
    Note note;
    note.id = id;
    note.kind = NoteKind::shape;
    note.shape = "rectangle";
    note.text = text;
    note.bounds = bounds;
    return note;
}

inline Note free_text(const std::string& id, const std::string& text, double x, double y) {
    Note note;
    note.id = id;
    note.kind = NoteKind::text;
    note.text = text;
    note.bounds = {x, y, 120, 30};
    return note;
}

inline Container frame(const std::string& id, const std::string& title, Rect bounds) {
    Container container;
    container.id = id;
    container.title = title;
    container.bounds = bounds;
    return container;
}

inline std::string read_source_file(const std::string& relative_path) {
    std::ifstream in(std::string(CANVASFIT_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
}

}  // namespace canvasfit::test_support

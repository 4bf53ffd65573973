// An Excalidraw scene kept element by element, for Live: the host hands over
// only the elements an edit changed, and the board is read again from the
// kept records without parsing the scene's text again (a 2,000-note scene is
// about 2 MB of JSON; parsing it was most of a Live update in the browser).
//
// The board it gives is what read_excalidraw gives for the scene as
// Excalidraw holds it: a deleted element stays in its place as a tombstone
// (isDeleted), and a new one joins at the end. So an element's JSON pointer
// (in errors and Board::skipped) never moves while it lives.
#pragma once

#include <memory>
#include <string_view>

#include "canvasfit/board.hpp"
#include "read/json_pull.hpp"

namespace canvasfit {

class ExcalidrawScene {
public:
    // Reads the scene's header and live elements (read_excalidraw's checks
    // and errors). Throws InputError.
    explicit ExcalidrawScene(const json_pull::Document& document);
    ExcalidrawScene(ExcalidrawScene&&) noexcept;
    ExcalidrawScene& operator=(ExcalidrawScene&&) noexcept;
    ~ExcalidrawScene();

    // Applies {"upsert": [element, ...], "remove": ["id", ...]}, either list
    // may be absent: an upserted element replaces the kept one with its id, in
    // its place, or joins at the end; one marked isDeleted leaves, as a
    // removed id does (and is nothing if the scene does not hold it). Returns the board the scene now reads as. Throws
    // InputError and changes nothing for an element that cannot be read
    // (named "/upsert/i/..."), an id removed that the scene does not hold
    // ("/remove/i") or an unknown field.
    Board apply(std::string_view edits_json);
    // Takes back the last apply(): the board it gave was refused.
    void undo();

    Board board() const;
    std::size_t size() const;  // live elements

private:
    struct Kept;
    std::unique_ptr<Kept> kept_;
};

}  // namespace canvasfit

#include "canvasfit/readers.hpp"

#include "structure/structure.hpp"
#include "canvasfit/errors.hpp"
#include "read/format_readers.hpp"

namespace canvasfit {

namespace {

[[noreturn]] void unrecognised() {
    throw InputError("/", "unrecognised board: expected an Excalidraw scene (\"type\": \"excalidraw\"), "
                          "a Miro REST export ({\"data\": [...]}) or a CanvasFit board "
                          "(\"schema\": \"canvasfit.board/1\")");
}

// Every format is read from the text with the pull reader, after one
// checking pass (json_pull::Document::scan).
Board read_detected(const json_pull::Document& document, InputFormat format) {
    if (format == InputFormat::miro) return read_miro(document);
    if (format == InputFormat::excalidraw) return read_excalidraw(document);
    if (format == InputFormat::canvasfit) return read_canvasfit(document);
    if (is_canvasfit_board(document)) return read_canvasfit(document);
    if (is_excalidraw_scene(document)) return read_excalidraw(document);
    if (is_miro_export(document)) return read_miro(document);
    unrecognised();
}

}  // namespace

InputFormat parse_input_format(const std::string& name) {
    if (name == "auto" || name.empty()) return InputFormat::automatic;
    if (name == "excalidraw") return InputFormat::excalidraw;
    if (name == "miro") return InputFormat::miro;
    if (name == "canvasfit") return InputFormat::canvasfit;
    throw InputError("format", "unknown input format '" + name +
                                   "' (expected auto, excalidraw, miro or canvasfit)");
}

Board read_scanned_board(const json_pull::Document& document, InputFormat format) {
    Board board = read_detected(document, format);
    check_board(board);
    promote_structure(board);
    return board;
}

Board read_board(std::string_view text, InputFormat format) {
    return read_scanned_board(json_pull::Document::scan(text), format);
}

}  // namespace canvasfit

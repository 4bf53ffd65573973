#include "canvasfit/readers.hpp"

#include "canvasfit/containers.hpp"
#include "canvasfit/errors.hpp"
#include "format_readers.hpp"
#include "json_input.hpp"

namespace canvasfit {

namespace {

InputFormat detect_format(const nlohmann::json& root) {
    if (is_canvasfit_board(root)) return InputFormat::canvasfit;
    if (is_excalidraw_scene(root)) return InputFormat::excalidraw;
    if (is_miro_export(root)) return InputFormat::miro;
    throw InputError("/", "unrecognised board: expected an Excalidraw scene (\"type\": \"excalidraw\"), "
                          "a Miro REST export ({\"data\": [...]}) or a CanvasFit board "
                          "(\"schema\": \"canvasfit.board/1\")");
}

Board read_detected(const nlohmann::json& root, InputFormat format) {
    switch (format) {
        case InputFormat::excalidraw: return read_excalidraw(root);
        case InputFormat::miro: return read_miro(root);
        case InputFormat::canvasfit: return read_canvasfit(root);
        case InputFormat::automatic: break;
    }
    return read_detected(root, detect_format(root));
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

Board read_board(std::string_view text, InputFormat format) {
    const nlohmann::json root = json_input::parse_board(text);
    Board board = read_detected(root, format);
    check_board(board);
    promote_structure(board);
    return board;
}

}  // namespace canvasfit

// Reader for CanvasFit's own neutral board format (docs/board-format.md).
#include "canvasfit/errors.hpp"
#include "format_readers.hpp"
#include "json_input.hpp"

namespace canvasfit {

namespace {

using json_input::json;
using json_input::pointer;

constexpr const char* kSchema = "canvasfit.board/1";
constexpr double kDefaultNoteSize = 100;

Rect read_rect(const json& item, const std::string& at, double default_size) {
    Rect rect;
    rect.x = json_input::require_number(item, "x", at);
    rect.y = json_input::require_number(item, "y", at);
    rect.width = json_input::optional_number(item, "width", at, default_size);
    rect.height = json_input::optional_number(item, "height", at, default_size);
    if (rect.width < 0 || rect.height < 0)
        throw InputError(at, "width and height must not be negative");
    return rect;
}

NoteKind read_note_kind(const json& item, const std::string& at) {
    const std::string kind = json_input::optional_string(item, "kind", at, "sticky");
    if (kind == "sticky") return NoteKind::sticky;
    if (kind == "card") return NoteKind::card;
    if (kind == "text") return NoteKind::text;
    if (kind == "shape") return NoteKind::shape;
    throw InputError(pointer(at, "kind"),
                     "unknown note kind '" + kind + "' (expected sticky, card, text or shape)");
}

std::vector<std::string> read_tags(const json& item, const std::string& at) {
    std::vector<std::string> tags;
    if (!json_input::has(item, "tags")) return tags;
    const json& list = item.at("tags");
    const std::string list_at = pointer(at, "tags");
    if (!list.is_array()) throw InputError(list_at, "'tags' must be a list of strings");
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string())
            throw InputError(pointer(list_at, i), "a tag must be a string");
        tags.push_back(list[i].get<std::string>());
    }
    return tags;
}

const json& optional_array(const json& root, const char* key) {
    static const json empty = json::array();
    if (!json_input::has(root, key)) return empty;
    const json& list = root.at(key);
    if (!list.is_array()) throw InputError(pointer("", key), std::string("'") + key + "' must be a list");
    return list;
}

Note read_note(const json& item, const std::string& at) {
    Note note;
    note.id = json_input::require_id(item, "id", at);
    // From here on errors name the note id too, so the user can find the note.
    try {
        note.text = json_input::require_string(item, "text", at);
        note.bounds = read_rect(item, at, kDefaultNoteSize);
        note.kind = read_note_kind(item, at);
        note.shape = json_input::optional_string(item, "shape", at);
        note.color = json_input::optional_string(item, "color", at);
        note.tags = read_tags(item, at);
        note.parent = json_input::optional_string(item, "parent", at);
        note.author = json_input::optional_string(item, "author", at);
    } catch (const InputError& e) {
        throw InputError(e.where(), std::string(e.what()) + " (note '" + note.id + "')");
    }
    return note;
}

Container read_container(const json& item, const std::string& at) {
    Container container;
    container.id = json_input::require_id(item, "id", at);
    container.title = json_input::optional_string(item, "title", at);
    container.bounds = read_rect(item, at, 0);
    const std::string kind = json_input::optional_string(item, "kind", at, "frame");
    if (kind != "frame" && kind != "shape")
        throw InputError(pointer(at, "kind"), "unknown container kind '" + kind + "'");
    container.kind = kind == "frame" ? ContainerKind::frame : ContainerKind::shape;
    container.parent = json_input::optional_string(item, "parent", at);
    return container;
}

Connector read_connector(const json& item, const std::string& at) {
    Connector connector;
    connector.id = json_input::require_id(item, "id", at);
    connector.from = json_input::require_id(item, "from", at);
    connector.to = json_input::require_id(item, "to", at);
    connector.label = json_input::optional_string(item, "label", at);
    return connector;
}

Marker read_marker(const json& item, const std::string& at) {
    Marker marker;
    marker.id = json_input::require_id(item, "id", at);
    marker.bounds = read_rect(item, at, 16);
    marker.color = json_input::optional_string(item, "color", at);
    return marker;
}

template <typename Item, typename ReadOne>
std::vector<Item> read_list(const json& root, const char* key, ReadOne read_one) {
    std::vector<Item> items;
    const json& list = optional_array(root, key);
    const std::string list_at = pointer("", key);
    items.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) items.push_back(read_one(list[i], pointer(list_at, i)));
    return items;
}

}  // namespace

bool is_canvasfit_board(const json& root) {
    return root.is_object() && root.contains("schema") && root.at("schema").is_string() &&
           root.at("schema").get<std::string>().rfind("canvasfit.board/", 0) == 0;
}

Board read_canvasfit(const json& root) {
    if (!root.is_object()) throw InputError("/", "a CanvasFit board must be a JSON object");
    const std::string schema = json_input::require_string(root, "schema", "");
    if (schema != kSchema)
        throw InputError("/schema", "unsupported board schema '" + schema + "' (this version reads " +
                                        kSchema + ")");
    Board board;
    board.format = "canvasfit";
    board.notes = read_list<Note>(root, "notes", read_note);
    board.containers = read_list<Container>(root, "containers", read_container);
    board.connectors = read_list<Connector>(root, "connectors", read_connector);
    board.markers = read_list<Marker>(root, "markers", read_marker);
    return board;
}

}  // namespace canvasfit

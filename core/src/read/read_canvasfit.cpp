// Reader for CanvasFit's own neutral board format (docs/board-format.md).
// It reads the text with the pull reader: each list item's known members are
// copied into a small record and checked in a fixed order, so the errors are
// the same whatever order the members come in.
#include "canvasfit/errors.hpp"
#include "read/format_readers.hpp"
#include "read/json_fields.hpp"

namespace canvasfit {

namespace {

using json_fields::Field;
using json_fields::Location;
using json_fields::StringList;
using json_pull::Document;
using json_pull::Reader;
using json_pull::Type;
namespace jf = json_fields;

constexpr const char* kSchema = "canvasfit.board/1";
constexpr double kDefaultNoteSize = 100;

// The members of a list item that any of the four item kinds reads.
struct ItemFields {
    Field id, text, title, x, y, width, height, kind, shape, color, parent, author, from, to, label;
    StringList tags;
    jf::PointList points;

    Type read(Reader& reader) {
        clear();
        return jf::read_object(reader, [this](std::string_view key, Reader& value) {
            if (key == "tags") {
                tags.read(value);
                return true;
            }
            if (key == "points") {
                points.read(value);
                return true;
            }
            Field* field = find(key);
            if (field != nullptr) field->read(value);
            return field != nullptr;
        });
    }

private:
    // The record is reused for every item of a list: cleared, not made anew,
    // so the strings keep their buffers.
    void clear() {
        for (Field* field : {&id, &text, &title, &x, &y, &width, &height, &kind, &shape, &color,
                             &parent, &author, &from, &to, &label})
            field->clear();
        tags.clear();
        points.clear();
    }

    Field* find(std::string_view key) {
        const std::pair<std::string_view, Field*> members[] = {
            {"id", &id},         {"text", &text},     {"title", &title}, {"x", &x},
            {"y", &y},           {"width", &width},   {"height", &height}, {"kind", &kind},
            {"shape", &shape},   {"color", &color},   {"parent", &parent}, {"author", &author},
            {"from", &from},     {"to", &to},         {"label", &label}};
        for (const auto& [name, field] : members)
            if (json_fields::same_key(name, key)) return field;
        return nullptr;
    }
};

Rect read_rect(const ItemFields& item, const Location& at, double default_size) {
    Rect rect;
    rect.x = jf::require_number(item.x, "x", at);
    rect.y = jf::require_number(item.y, "y", at);
    rect.width = jf::optional_number(item.width, "width", at, default_size);
    rect.height = jf::optional_number(item.height, "height", at, default_size);
    if (rect.width < 0 || rect.height < 0)
        throw InputError(at.pointer(), "width and height must not be negative");
    return rect;
}

NoteKind read_note_kind(const ItemFields& item, const Location& at) {
    const std::string kind = jf::optional_string(item.kind, "kind", at, "sticky");
    if (kind == "sticky") return NoteKind::sticky;
    if (kind == "card") return NoteKind::card;
    if (kind == "text") return NoteKind::text;
    if (kind == "shape") return NoteKind::shape;
    throw InputError(at.pointer("kind"),
                     "unknown note kind '" + kind + "' (expected sticky, card, text or shape)");
}

std::vector<std::string> read_tags(ItemFields& item, const Location& at) {
    const StringList& tags = item.tags;
    if (!tags.type || *tags.type == Type::null) return {};
    if (*tags.type != Type::array) throw InputError(at.pointer("tags"), "'tags' must be a list of strings");
    if (tags.first_non_string != Location::kNoIndex)
        throw InputError(at.pointer("tags", tags.first_non_string), "a tag must be a string");
    return std::move(item.tags.items);
}

Note read_note(ItemFields& item, const Location& at) {
    Note note;
    note.id = jf::require_id(item.id, "id", at);
    // From here on errors name the note id too, so the user can find the note.
    try {
        note.text = jf::require_string(item.text, "text", at);
        note.bounds = read_rect(item, at, kDefaultNoteSize);
        note.kind = read_note_kind(item, at);
        note.shape = jf::optional_string(item.shape, "shape", at);
        note.color = jf::optional_string(item.color, "color", at);
        note.tags = read_tags(item, at);
        note.parent = jf::optional_string(item.parent, "parent", at);
        note.author = jf::optional_string(item.author, "author", at);
    } catch (const InputError& e) {
        throw InputError(e.where(), std::string(e.what()) + " (note '" + note.id + "')");
    }
    return note;
}

Container read_container(ItemFields& item, const Location& at) {
    Container container;
    container.id = jf::require_id(item.id, "id", at);
    container.title = jf::optional_string(item.title, "title", at);
    container.bounds = read_rect(item, at, 0);
    const std::string kind = jf::optional_string(item.kind, "kind", at, "frame");
    if (kind != "frame" && kind != "shape")
        throw InputError(at.pointer("kind"), "unknown container kind '" + kind + "'");
    container.kind = kind == "frame" ? ContainerKind::frame : ContainerKind::shape;
    container.parent = jf::optional_string(item.parent, "parent", at);
    return container;
}

Connector read_connector(ItemFields& item, const Location& at) {
    Connector connector;
    connector.id = jf::require_id(item.id, "id", at);
    connector.from = jf::require_id(item.from, "from", at);
    connector.to = jf::require_id(item.to, "to", at);
    connector.label = jf::optional_string(item.label, "label", at);
    return connector;
}

Marker read_marker(ItemFields& item, const Location& at) {
    Marker marker;
    marker.id = jf::require_id(item.id, "id", at);
    marker.bounds = read_rect(item, at, 16);
    marker.color = jf::optional_string(item.color, "color", at);
    return marker;
}

Line read_line(ItemFields& item, const Location& at) {
    Line line;
    line.id = jf::require_id(item.id, "id", at);
    try {
        line.points = jf::require_points(item.points, "points", at);
    } catch (const InputError& e) {
        throw InputError(e.where(), std::string(e.what()) + " (line '" + line.id + "')");
    }
    return line;
}

// `list` is the JSON pointer of the top-level list, e.g. "/notes".
template <typename Item, typename ReadOne>
std::vector<Item> read_list(const Document& document, std::string_view list, ReadOne read_one) {
    std::vector<Item> items;
    const std::string key(list.substr(1));
    if (!document.has(key)) return items;
    Reader reader = document.member(key);
    if (reader.peek() != Type::array)
        throw InputError(std::string(list), "'" + key + "' must be a list");
    reader.begin_array();
    ItemFields item;
    for (std::size_t i = 0; reader.next_item(); ++i) {
        const Location at{list, i};
        // The id is checked first, as a non-object item has none.
        const Type type = item.read(reader);
        if (type != Type::object) jf::require_object(type, at);
        items.push_back(read_one(item, at));
    }
    return items;
}

Field member_field(const Document& document, const std::string& key) {
    Field field;
    if (!document.contains(key)) return field;
    Reader reader = document.member(key);
    field.read(reader);
    return field;
}

}  // namespace

bool is_canvasfit_board(const Document& document) {
    if (!document.root_is_object()) return false;
    const Field schema = member_field(document, "schema");
    return schema.type == Type::string && schema.text.rfind("canvasfit.board/", 0) == 0;
}

Board read_canvasfit(const Document& document) {
    if (!document.root_is_object()) throw InputError("/", "a CanvasFit board must be a JSON object");
    const std::string schema = jf::require_string(member_field(document, "schema"), "schema", Location{});
    if (schema != kSchema)
        throw InputError("/schema", "unsupported board schema '" + schema + "' (this version reads " +
                                        kSchema + ")");
    Board board;
    board.format = "canvasfit";
    board.notes = read_list<Note>(document, "/notes", read_note);
    board.containers = read_list<Container>(document, "/containers", read_container);
    board.connectors = read_list<Connector>(document, "/connectors", read_connector);
    board.markers = read_list<Marker>(document, "/markers", read_marker);
    board.lines = read_list<Line>(document, "/lines", read_line);
    return board;
}

}  // namespace canvasfit

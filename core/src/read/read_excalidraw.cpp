// Reads Excalidraw scenes (.excalidraw files, format version 2, as saved by
// excalidraw.com and @excalidraw/excalidraw 0.18, and clipboard data) into the
// neutral Board.
//
// What becomes what:
// - rectangle, ellipse, diamond: a Note of kind `shape`, whatever its size, with
//   the text of its bound text element. The shared layout step (containers.cpp)
//   later decides which shapes are sections, dot votes or decoration.
// - text: a free-standing text is a Note of kind `text`; a text bound to a shape
//   is that shape's text; a text bound to an arrow is the arrow's label.
// - frame, magicframe: a Container of kind `frame`.
// - arrow (and line) bound at both ends: a Connector.
// - image, embeddable, iframe: listed in Board::skipped. They may show a note's
//   content (a photo of a sticky, an embedded document) that cannot be read as
//   text, so the user is told rather than left to wonder where it went.
// - line bound at neither end: a Line. It is drawing, but in a template it may
//   divide a shape into sections (structure/drawn_sections.hpp).
// - freedraw, other unbound lines and arrows without a label: ignored. They
//   are drawing and carry no text; listing every stroke would bury real issues.
// - unknown types (a later Excalidraw): listed in Board::skipped, since they
//   might carry text this reader does not know how to find.
// - deleted elements (`isDeleted: true`) are tombstones kept for collaboration:
//   they do not exist for the reader, not even in Board::skipped.
//
// The text is read with the pull reader: each element's known members are
// copied into a record (the ~15 of an element's ~35 that matter here) and
// checked in the same order as always, so every error is unchanged.
#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "canvasfit/errors.hpp"
#include "read/excalidraw_scene.hpp"
#include "read/format_readers.hpp"
#include "read/json_fields.hpp"
#include "read/json_write.hpp"

namespace canvasfit {

namespace {

using json_fields::Field;
using json_fields::Location;
using json_pull::Document;
using json_pull::Reader;
using json_pull::Type;
namespace jf = json_fields;

constexpr const char* kSceneType = "excalidraw";
constexpr const char* kClipboardType = "excalidraw/clipboard";
constexpr double kSupportedVersion = 2;

bool is_note_shape(const std::string& type) {
    return type == "rectangle" || type == "ellipse" || type == "diamond";
}
bool is_frame(const std::string& type) { return type == "frame" || type == "magicframe"; }
bool is_linear(const std::string& type) { return type == "arrow" || type == "line"; }
bool is_unreadable_content(const std::string& type) {
    return type == "image" || type == "embeddable" || type == "iframe";
}
// `selection` is an editor-only element that should never be saved; if one is,
// it is just as meaningless as a pen stroke.
bool is_drawing(const std::string& type) { return type == "freedraw" || type == "selection"; }

// startBinding or endBinding: only the element it binds to is read.
struct Binding {
    Field value;       // the binding itself, for its type
    Field element_id;  // its elementId

    void read(Reader& reader) {
        element_id = Field{};
        const Type type = jf::read_object(reader, [this](std::string_view key, Reader& member) {
            if (key != "elementId") return false;
            element_id.read(member);
            return true;
        });
        value.type = type;
    }
};

// Excalidraw has no tags; plugins may keep some in customData. customData is
// free-form and owned by others, so anything but a list of strings is left alone.
std::vector<std::string> read_custom_tags(Reader& reader) {
    jf::StringList tags;
    jf::read_object(reader, [&](std::string_view key, Reader& member) {
        if (key != "tags") return false;
        tags.read(member);
        return true;
    });
    const bool strings_only = tags.type == Type::array && tags.first_non_string == Location::kNoIndex;
    return strings_only ? std::move(tags.items) : std::vector<std::string>{};
}

// The members of an element this reader uses.
struct ElementFields {
    Field id, type, is_deleted, x, y, width, height, original_text, text, container_id, frame_id,
        background_color, stroke_color, name, angle;
    Binding start_binding, end_binding;
    std::vector<std::string> tags;
    jf::PointList points;

    Type read(Reader& reader) {
        *this = ElementFields{};
        return jf::read_object(reader, [this](std::string_view key, Reader& value) {
            return read_member(key, value);
        });
    }

private:
    bool read_member(std::string_view key, Reader& value) {
        if (key == "customData") tags = read_custom_tags(value);
        else if (key == "startBinding") start_binding.read(value);
        else if (key == "endBinding") end_binding.read(value);
        else if (key == "points") points.read(value);
        else if (Field* field = find(key)) field->read(value);
        else return false;
        return true;
    }

    Field* find(std::string_view key) {
        const std::pair<std::string_view, Field*> members[] = {
            {"id", &id},
            {"type", &type},
            {"isDeleted", &is_deleted},
            {"x", &x},
            {"y", &y},
            {"width", &width},
            {"height", &height},
            {"originalText", &original_text},
            {"text", &text},
            {"containerId", &container_id},
            {"frameId", &frame_id},
            {"backgroundColor", &background_color},
            {"strokeColor", &stroke_color},
            {"name", &name},
            {"angle", &angle}};
        for (const auto& [member, field] : members)
            if (json_fields::same_key(member, key)) return field;
        return nullptr;
    }
};

// A live (not deleted) element with the fields every type has.
struct Element {
    ElementFields fields;
    Location at;  // e.g. /elements/12
    std::string id;
    std::string type;
};

// What a text element is, which depends on the element it is bound to.
enum class TextRole { free, shape_text, arrow_label };

// Excalidraw stores both the soft-wrapped text it draws (`text`) and what the
// person typed (`originalText`); the typed text is the note. The fallback keeps
// the text of hand-made or older files that lack `originalText`.
std::string typed_text(const Element& text) {
    const std::string original = jf::optional_string(text.fields.original_text, "originalText", text.at);
    if (!original.empty()) return original;
    return jf::optional_string(text.fields.text, "text", text.at);
}

// Excalidraw writes x, y as the top-left corner, already absolute. Some old
// files hold shapes drawn leftwards or upwards with a negative width or height.
// For a rotated element x, y, width, height are its unrotated box: that box
// keeps the true centre, which is what section membership is decided by, and a
// slightly tilted sticky should not grow into its neighbours.
Rect bounds_of(const Element& element) {
    const ElementFields& fields = element.fields;
    Rect rect;
    rect.x = jf::require_number(fields.x, "x", element.at);
    rect.y = jf::require_number(fields.y, "y", element.at);
    rect.width = jf::optional_number(fields.width, "width", element.at, 0);
    rect.height = jf::optional_number(fields.height, "height", element.at, 0);
    if (rect.width < 0) {
        rect.x += rect.width;
        rect.width = -rect.width;
    }
    if (rect.height < 0) {
        rect.y += rect.height;
        rect.height = -rect.height;
    }
    return rect;
}

std::string color_of(const Element& element, const Field& field, const char* key) {
    const std::string color = jf::optional_string(field, key, element.at);
    return color == "transparent" ? "" : color;
}

std::string join_lines(const std::vector<std::string>& texts) {
    std::string joined;
    for (const std::string& text : texts) {
        if (!joined.empty()) joined += '\n';
        joined += text;
    }
    return joined;
}

Element element_of(ElementFields&& fields, const Location& at) {
    std::string id = jf::require_string(fields.id, "id", at);
    std::string type = jf::require_string(fields.type, "type", at);
    if (id.empty()) throw InputError(at.pointer("id"), "element id is empty");
    return Element{std::move(fields), at, std::move(id), std::move(type)};
}

// Calls `take(element, live)` for each element of `elements` (the scene's
// array), in order, read into its record; a deleted element is a tombstone:
// its id and type are not required. Throws InputError for an element that is
// not an object, or a live one that lacks its id or type.
template <typename Take>
void read_elements(Reader& elements, Take&& take) {
    const Type type = elements.peek();
    if (type != Type::array)
        throw InputError("/elements", std::string("'elements' must be an array, found ") +
                                          json_pull::type_name(type));
    elements.begin_array();
    ElementFields fields;
    for (std::size_t i = 0; elements.next_item(); ++i) {
        const Location at{"/elements", i};
        const Type element_type = fields.read(elements);
        if (element_type != Type::object)
            throw InputError(at.pointer(), std::string("an element must be an object, found ") +
                                               json_pull::type_name(element_type));
        if (jf::optional_bool(fields.is_deleted, "isDeleted", at, false)) {
            take(Element{ElementFields{}, at, "", ""}, false);
            continue;
        }
        take(element_of(std::move(fields), at), true);
    }
}

// The board a scene's live elements (in scene order) read as.
class SceneReader {
public:
    Board read(const std::vector<const Element*>& elements) {
        board_.format = "excalidraw";
        elements_ = &elements;
        index_by_id_.reserve(elements.size());
        for (std::size_t i = 0; i < elements.size(); ++i)
            // Duplicate ids are reported by check_board; the first one is the
            // one bindings resolve to.
            index_by_id_.emplace(elements[i]->id, i);
        collect_bound_texts();
        for (const Element* element : elements)
            with_id_in_errors(*element, [&] { read_element(*element); });
        return std::move(board_);
    }

private:
    // Texts are attached to their shape or arrow before anything is read, since
    // a text may come before or after its container in the element list.
    void collect_bound_texts() {
        for (const Element* element : *elements_) {
            if (element->type != "text") continue;
            with_id_in_errors(*element, [&] {
                if (role_of(*element) == TextRole::free) return;
                texts_by_container_[container_id_of(*element)].push_back(typed_text(*element));
            });
        }
    }

    const Element* find_live(const std::string& id) const {
        const auto found = index_by_id_.find(id);
        return found == index_by_id_.end() ? nullptr : (*elements_)[found->second];
    }

    std::string container_id_of(const Element& text) const {
        return jf::optional_string(text.fields.container_id, "containerId", text.at);
    }

    // A text whose container is missing or deleted is shown by Excalidraw as a
    // plain text, so it is read as one and nothing is lost. A container of any
    // other type cannot be made in Excalidraw; keeping the text free keeps it.
    TextRole role_of(const Element& text) const {
        const std::string container_id = container_id_of(text);
        if (container_id.empty()) return TextRole::free;
        const Element* container = find_live(container_id);
        if (container == nullptr) return TextRole::free;
        if (is_note_shape(container->type)) return TextRole::shape_text;
        if (is_linear(container->type)) return TextRole::arrow_label;
        return TextRole::free;
    }

    std::string bound_text_of(const Element& container) const {
        const auto found = texts_by_container_.find(container.id);
        return found == texts_by_container_.end() ? "" : join_lines(found->second);
    }

    // Excalidraw clears frameId when a frame is deleted; a stale one in a
    // hand-edited file must not point the board at a container that is not there.
    std::string parent_of(const Element& element) const {
        const std::string frame_id = jf::optional_string(element.fields.frame_id, "frameId", element.at);
        const Element* frame = frame_id.empty() ? nullptr : find_live(frame_id);
        return frame != nullptr && is_frame(frame->type) ? frame_id : "";
    }

    // Field errors from json_fields name the pointer; adding the id helps the
    // user find the element on the canvas.
    template <typename Read>
    static void with_id_in_errors(const Element& element, Read&& read) {
        try {
            read();
        } catch (const InputError& error) {
            throw InputError(error.where(), "element '" + element.id + "': " + error.what());
        }
    }

    void read_element(const Element& element) {
        if (is_note_shape(element.type)) read_shape(element);
        else if (element.type == "text") read_text(element);
        else if (is_frame(element.type)) read_frame(element);
        else if (is_linear(element.type)) read_linear(element);
        else if (is_unreadable_content(element.type))
            skip(element, element.type + " '" + element.id + "' is not read: it holds no text");
        else if (!is_drawing(element.type))
            skip(element, "element '" + element.id + "' has unknown type '" + element.type + "'");
    }

    void read_shape(const Element& element) {
        Note note = common_note(element, NoteKind::shape);
        note.shape = element.type;
        note.text = bound_text_of(element);
        note.color = color_of(element, element.fields.background_color, "backgroundColor");
        board_.notes.push_back(std::move(note));
    }

    void read_text(const Element& element) {
        if (role_of(element) != TextRole::free) return;  // read with its container
        Note note = common_note(element, NoteKind::text);
        note.text = typed_text(element);
        note.color = color_of(element, element.fields.stroke_color, "strokeColor");  // a text has no fill
        board_.notes.push_back(std::move(note));
    }

    Note common_note(const Element& element, NoteKind kind) const {
        Note note;
        note.id = element.id;
        note.kind = kind;
        note.bounds = bounds_of(element);
        note.tags = element.fields.tags;
        note.parent = parent_of(element);
        return note;
    }

    void read_frame(const Element& element) {
        Container container;
        container.id = element.id;
        container.kind = ContainerKind::frame;
        container.title = jf::optional_string(element.fields.name, "name", element.at);
        container.bounds = bounds_of(element);
        container.parent = parent_of(element);
        board_.containers.push_back(std::move(container));
    }

    // The element id a binding points at, or nothing for a free end.
    static std::optional<std::string> bound_element(const Element& element, const Binding& binding,
                                                    const char* key) {
        if (!jf::has(binding.value)) return std::nullopt;
        const Location at{element.at.list, element.at.index, key};
        jf::require_object(*binding.value.type, at);
        return jf::require_string(binding.element_id, "elementId", at);
    }

    // The board item an arrow end stands for: a shape or free text is itself,
    // a text bound to a shape stands for the shape. "" if it is not on the board.
    std::string board_item_for(const Element& target) const {
        if (is_note_shape(target.type) || is_frame(target.type)) return target.id;
        if (target.type != "text") return "";
        switch (role_of(target)) {
            case TextRole::free: return target.id;
            case TextRole::shape_text: return container_id_of(target);
            case TextRole::arrow_label: return "";
        }
        return "";
    }

    void read_linear(const Element& element) {
        const std::optional<std::string> start =
            bound_element(element, element.fields.start_binding, "startBinding");
        const std::optional<std::string> end =
            bound_element(element, element.fields.end_binding, "endBinding");
        const std::string label = bound_text_of(element);
        for (const auto& target : {start, end}) {
            if (!target || find_live(*target) != nullptr) continue;
            skip_arrow(element, "is bound to missing element '" + *target + "'", label);
            return;
        }
        if (!start || !end) {
            // A loose arrow is drawing, but its label is text the user wrote.
            if (!label.empty()) skip_arrow(element, "is not connected at both ends", label);
            else if (element.type == "line" && !start && !end) read_drawn_line(element);
            return;
        }
        add_connector(element, *find_live(*start), *find_live(*end), label);
    }

    // A template's line: it may divide a shape into sections. Its points are
    // relative to x, y, turned by `angle` about the centre of their box.
    void read_drawn_line(const Element& element) {
        const jf::PointList& points = element.fields.points;
        if (points.type != Type::array || points.first_bad != Location::kNoIndex) {
            skip(element, "line '" + element.id + "' has points that are not [x, y] numbers, so it "
                          "cannot divide a shape into sections");
            return;
        }
        if (points.points.size() < 2) return;
        const double x = jf::require_number(element.fields.x, "x", element.at);
        const double y = jf::require_number(element.fields.y, "y", element.at);
        const double angle = jf::optional_number(element.fields.angle, "angle", element.at, 0);
        double left = points.points[0].x, right = left, top = points.points[0].y, bottom = top;
        for (const Point& p : points.points) {
            left = std::min(left, p.x), right = std::max(right, p.x);
            top = std::min(top, p.y), bottom = std::max(bottom, p.y);
        }
        const double cx = x + (left + right) / 2, cy = y + (top + bottom) / 2;
        const double cos_a = std::cos(angle), sin_a = std::sin(angle);
        Line line;
        line.id = element.id;
        for (const Point& p : points.points) {
            const double dx = x + p.x - cx, dy = y + p.y - cy;
            line.points.push_back({cx + dx * cos_a - dy * sin_a, cy + dx * sin_a + dy * cos_a});
        }
        board_.lines.push_back(std::move(line));
    }

    void add_connector(const Element& element, const Element& start, const Element& end,
                       const std::string& label) {
        for (const Element* target : {&start, &end}) {
            if (!board_item_for(*target).empty()) continue;
            skip_arrow(element,
                       "is bound to " + target->type + " '" + target->id +
                           "', which is not read as a note",
                       label);
            return;
        }
        board_.connectors.push_back(
            Connector{element.id, board_item_for(start), board_item_for(end), label});
    }

    // Names the label too: skipping the arrow must not hide text the user wrote.
    void skip_arrow(const Element& arrow, const std::string& problem, const std::string& label) {
        std::string message = arrow.type + " '" + arrow.id + "' " + problem;
        if (!label.empty()) message += "; its label '" + label + "' is not read";
        skip(arrow, std::move(message));
    }

    void skip(const Element& element, std::string message) {
        board_.skipped.push_back(ReadIssue{element.id, element.at.pointer(), std::move(message)});
    }

    const std::vector<const Element*>* elements_ = nullptr;
    std::unordered_map<std::string_view, std::size_t> index_by_id_;  // views of the elements' ids
    // Shape or arrow id -> texts bound to it, in element order. Excalidraw binds
    // one text per container, but a damaged file with two keeps both.
    std::unordered_map<std::string, std::vector<std::string>> texts_by_container_;
    Board board_;
};

Field member_field(const Document& document, const std::string& key) {
    Field field;
    if (!document.contains(key)) return field;
    Reader reader = document.member(key);
    field.read(reader);
    return field;
}

// A member's value as the error quotes it: a number, string or literal as
// JSON writes it ("3", "2.5", "\"2\""), an object or array by its type.
std::string quote_member(const Document& document, const std::string& key) {
    Reader reader = document.member(key);
    std::string text;
    switch (reader.peek()) {
        case Type::number: {
            const json_pull::Number number = reader.read_number();
            if (number.is_integer) text = number.integer_text();
            else json_write::append_number(text, number.value);
            break;
        }
        case Type::string: json_write::append_string(text, reader.read_string()); break;
        case Type::boolean: text = reader.read_bool() ? "true" : "false"; break;
        case Type::null: text = "null"; break;
        case Type::array: text = "(an array)"; break;
        case Type::object: text = "(an object)"; break;
    }
    return text;
}

void check_scene_header(const Document& document) {
    if (!document.root_is_object())
        throw InputError("/", std::string("an Excalidraw scene must be a JSON object, found ") +
                                  json_pull::type_name(document.root_type()));
    const std::string type = jf::optional_string(member_field(document, "type"), "type", Location{});
    if (!type.empty() && type != kSceneType && type != kClipboardType)
        throw InputError("/type", "not an Excalidraw scene: type is '" + type +
                                      "', expected 'excalidraw' or 'excalidraw/clipboard'");
    // Clipboard data carries no version; a scene without one is accepted as v2,
    // the only version Excalidraw has ever written to files.
    const Field version = member_field(document, "version");
    if (!jf::has(version)) return;
    if (*version.type != Type::number || version.number.value != kSupportedVersion)
        throw InputError("/version", "unsupported Excalidraw scene version " +
                                         quote_member(document, "version") +
                                         " (only version 2 is supported)");
}

}  // namespace

bool is_excalidraw_scene(const Document& document) {
    if (!document.root_is_object()) return false;
    const Field type = member_field(document, "type");
    if (type.type != Type::string) return false;
    if (type.text == kSceneType) return true;
    return type.text == kClipboardType && document.contains("elements");
}

Board read_excalidraw(const Document& document) {
    check_scene_header(document);
    if (!document.has("elements"))
        throw InputError("/elements", "missing required field 'elements'");
    Reader elements = document.member("elements");
    std::deque<Element> live;  // grows without moving its ~1.5 KB records
    read_elements(elements, [&](Element&& element, bool is_live) {
        if (is_live) live.push_back(std::move(element));
    });
    std::vector<const Element*> in_order;
    in_order.reserve(live.size());
    for (const Element& element : live) in_order.push_back(&element);
    return SceneReader().read(in_order);
}

// The scene as places: every element the scene has held, in order, as
// Excalidraw holds them: a deleted element stays, a tombstone, in its place,
// so no pointer moves; a new one takes the next place.
struct ExcalidrawScene::Kept {
    std::vector<Element> places;  // places[p].at is /elements/p
    std::vector<bool> live;  // per place
    std::unordered_map<std::string, std::size_t> place_of;  // live ids; the first of duplicates

    // What the last apply() changed: each place it touched first, as it was,
    // and how many places there were.
    struct Before {
        std::size_t place;
        Element element;
        bool live;
    };
    std::vector<Before> before;
    std::size_t places_before = 0;

    Board board() const {
        std::vector<const Element*> in_order;
        in_order.reserve(places.size());
        for (std::size_t p = 0; p < places.size(); ++p)
            if (live[p]) in_order.push_back(&places[p]);
        return SceneReader().read(in_order);
    }

    void remember(std::size_t place, std::set<std::size_t>& touched) {
        if (place >= places_before || !touched.insert(place).second) return;
        before.push_back(Before{place, places[place], live[place]});
    }

    void put(Element&& element, std::set<std::size_t>& touched) {
        const auto found = place_of.find(element.id);
        if (found != place_of.end()) {
            remember(found->second, touched);
            element.at = places[found->second].at;
            places[found->second] = std::move(element);
            return;
        }
        element.at = Location{"/elements", places.size()};
        place_of.emplace(element.id, places.size());
        places.push_back(std::move(element));
        live.push_back(true);
    }

    void take_out(const std::string& id, std::set<std::size_t>& touched) {
        const std::size_t place = place_of.at(id);
        remember(place, touched);
        Element emptied;
        emptied.at = places[place].at;
        emptied.id = id;
        places[place] = std::move(emptied);  // frees the record's text
        live[place] = false;
        place_of.erase(id);
    }

    void undo() {
        for (std::size_t p = places_before; p < places.size(); ++p) place_of.erase(places[p].id);
        places.resize(places_before);
        live.resize(places_before);
        for (auto it = before.rbegin(); it != before.rend(); ++it) {
            if (it->live) place_of[it->element.id] = it->place;
            places[it->place] = std::move(it->element);
            live[it->place] = it->live;
        }
        before.clear();
    }
};

namespace {

struct SceneEdits {
    std::vector<Element> upsert;  // at: /upsert/i
    std::vector<std::string> remove;
    std::vector<std::string> deleted;  // upserted with isDeleted: leave if held
};

SceneEdits read_scene_edits(std::string_view edits_json) {
    const Document edits = Document::scan(edits_json);
    if (!edits.root_is_object())
        throw InputError("/", "scene edits must be a JSON object: {\"upsert\": [element, ...], \"remove\": [id, ...]}");
    SceneEdits read;
    for (const std::string& field : edits.sorted_keys()) {
        Reader value = edits.member(field);
        if (value.peek() != Type::array) throw InputError("/" + field, "'" + field + "' must be an array");
        if (field != "upsert" && field != "remove")
            throw InputError("/" + field, "unknown field '" + field + "' (expected upsert or remove)");
        value.begin_array();
        ElementFields fields;
        for (std::size_t i = 0; value.next_item(); ++i) {
            const Location at{field == "upsert" ? "/upsert" : "/remove", i};
            if (field == "remove") {
                if (value.peek() != Type::string) throw InputError(at.pointer(), "an element id must be a string");
                read.remove.emplace_back(value.read_string());
                continue;
            }
            const Type type = fields.read(value);
            if (type != Type::object)
                throw InputError(at.pointer(), std::string("an element must be an object, found ") +
                                                   json_pull::type_name(type));
            Element element = element_of(std::move(fields), at);
            // A deleted element leaves the scene, as a removed id does, and
            // one the scene never held (deleted as soon as drawn) is nothing.
            if (jf::optional_bool(element.fields.is_deleted, "isDeleted", at, false))
                read.deleted.push_back(element.id);
            else
                read.upsert.push_back(std::move(element));
        }
    }
    return read;
}

// An error about a place an upsert filled, named where the host wrote it:
// "/elements/4012/x" -> "/upsert/0/x".
std::string upsert_pointer(const std::string& where, const std::unordered_map<std::size_t, std::size_t>& upsert_of) {
    const std::string prefix = "/elements/";
    if (where.compare(0, prefix.size(), prefix) != 0) return where;
    std::size_t end = prefix.size();
    while (end < where.size() && where[end] >= '0' && where[end] <= '9') ++end;
    if (end == prefix.size()) return where;
    const auto found = upsert_of.find(std::stoul(where.substr(prefix.size(), end - prefix.size())));
    if (found == upsert_of.end()) return where;
    return "/upsert/" + std::to_string(found->second) + where.substr(end);
}

}  // namespace

ExcalidrawScene::ExcalidrawScene(const Document& document) : kept_(std::make_unique<Kept>()) {
    check_scene_header(document);
    if (!document.has("elements")) throw InputError("/elements", "missing required field 'elements'");
    Reader elements = document.member("elements");
    Kept& kept = *kept_;
    read_elements(elements, [&](Element&& element, bool is_live) {
        if (is_live) kept.place_of.emplace(element.id, kept.places.size());
        kept.places.push_back(std::move(element));
        kept.live.push_back(is_live);
    });
    kept.places_before = kept.places.size();
}

ExcalidrawScene::ExcalidrawScene(ExcalidrawScene&&) noexcept = default;
ExcalidrawScene& ExcalidrawScene::operator=(ExcalidrawScene&&) noexcept = default;
ExcalidrawScene::~ExcalidrawScene() = default;

Board ExcalidrawScene::apply(std::string_view edits_json) {
    SceneEdits edits = read_scene_edits(edits_json);
    Kept& kept = *kept_;
    kept.before.clear();
    kept.places_before = kept.places.size();
    std::set<std::size_t> touched;
    std::unordered_map<std::size_t, std::size_t> upsert_of;  // pointer index -> upsert index
    try {
        for (std::size_t i = 0; i < edits.upsert.size(); ++i) {
            const std::string id = edits.upsert[i].id;
            kept.put(std::move(edits.upsert[i]), touched);
            upsert_of[kept.places[kept.place_of.at(id)].at.index] = i;
        }
        for (std::size_t i = 0; i < edits.remove.size(); ++i) {
            if (!kept.place_of.count(edits.remove[i]))
                throw InputError("/remove/" + std::to_string(i),
                                 "no element '" + edits.remove[i] + "' in the scene");
            kept.take_out(edits.remove[i], touched);
        }
        for (const std::string& id : edits.deleted)
            if (kept.place_of.count(id)) kept.take_out(id, touched);
        return kept.board();
    } catch (const InputError& e) {
        kept.undo();
        throw InputError(upsert_pointer(e.where(), upsert_of), e.what());
    }
}

void ExcalidrawScene::undo() { kept_->undo(); }

Board ExcalidrawScene::board() const { return kept_->board(); }

std::size_t ExcalidrawScene::size() const { return kept_->place_of.size(); }

}  // namespace canvasfit

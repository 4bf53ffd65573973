// Reader for Miro REST API v2 item and connector listings (docs/miro-format.md).
//
// Miro places an item by its CENTRE, relative either to the canvas centre or
// to the top-left corner of its parent frame; the model wants absolute
// top-left corners, so parents are resolved first (iteratively, with cycle
// detection) and every item is then converted on its own.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "canvasfit/errors.hpp"
#include "format_readers.hpp"
#include "html_text.hpp"
#include "json_input.hpp"

namespace canvasfit {

namespace {

using json_input::json;
using json_input::pointer;

// Item types the Miro REST API v2 returns from GET /v2/boards/{id}/items.
constexpr const char* kMiroItemTypes[] = {
    "sticky_note",  "card",     "app_card",    "text",    "shape",     "frame",
    "image",        "document", "embed",       "preview", "connector", "doc_format",
    "mindmap_node", "table",    "unsupported", "usm",     "kanban",    "group",
};

// Sizes Miro uses when an item's geometry leaves a side out. A sticky note
// keeps its aspect ratio: 199 x 228 when square, 350 x 228 when rectangular
// (both heights include the note's shadow, as Miro reports them).
constexpr double kStickyHeight = 228;
constexpr double kSquareStickyWidth = 199;
constexpr double kRectangleStickyWidth = 350;
constexpr double kCardWidth = 320;
constexpr double kCardHeight = 94;
constexpr double kDefaultSide = 100;         // frames, shapes, text width
constexpr double kTextLineHeight = 24;       // estimate for text items without a height
constexpr std::size_t kDetectionSample = 8;  // elements looked at to recognise an export

std::string where(const std::string& at) { return at.empty() ? "/" : at; }

bool is_miro_item_type(const std::string& type) {
    for (const char* known : kMiroItemTypes)
        if (type == known) return true;
    return false;
}

bool is_page(const json& value) {
    return value.is_object() && value.contains("data") && value.at("data").is_array();
}

// ---------------------------------------------------------------------------
// Walking the accepted collection shapes: a page {"data": [...]}, a list of
// pages (pagination), or a bare list of elements.

template <typename Visit>
void for_each_in_page(const json& page, const std::string& at, Visit& visit) {
    const json& data = json_input::require(page, "data", at);
    const std::string data_at = pointer(at, "data");
    if (!data.is_array())
        throw InputError(data_at,
                         std::string("'data' must be a list of items, found ") + data.type_name());
    for (std::size_t i = 0; i < data.size(); ++i) visit(data[i], pointer(data_at, i));
}

template <typename Visit>
void for_each_element(const json& collection, const std::string& at, Visit visit) {
    if (collection.is_object()) {
        for_each_in_page(collection, at, visit);
        return;
    }
    if (!collection.is_array())
        throw InputError(where(at), std::string("expected a page {\"data\": [...]}, a list of "
                                                "pages or a list of items, found ") +
                                        collection.type_name());
    const bool list_of_pages = !collection.empty() && is_page(collection.front());
    for (std::size_t i = 0; i < collection.size(); ++i) {
        const std::string element_at = pointer(at, i);
        if (!list_of_pages) {
            visit(collection[i], element_at);
        } else if (is_page(collection[i])) {
            for_each_in_page(collection[i], element_at, visit);
        } else {
            throw InputError(
                element_at, "expected a page {\"data\": [...]} like the first element of the list");
        }
    }
}

// ---------------------------------------------------------------------------
// Recognising an export without reading it.

bool looks_like_item(const json& element) {
    if (!element.is_object()) return false;
    const auto id = element.find("id");
    const auto type = element.find("type");
    if (id == element.end() || !(id->is_string() || id->is_number_integer())) return false;
    if (type == element.end() || !type->is_string()) return false;
    if (!is_miro_item_type(type->get<std::string>())) return false;
    // Excalidraw elements also have "id" and "type": "text"; Miro items keep
    // their fields in nested objects instead of top-level x/y.
    for (const char* key : {"data", "position", "geometry", "startItem", "endItem"})
        if (element.contains(key) && element.at(key).is_object()) return true;
    return false;
}

bool sample_has_item(const json& list) {
    const std::size_t count = std::min(list.size(), kDetectionSample);
    for (std::size_t i = 0; i < count; ++i)
        if (looks_like_item(list[i])) return true;
    return false;
}

bool looks_like_collection(const json& collection) {
    if (is_page(collection)) {
        const auto type = collection.find("type");
        if (type != collection.end() && type->is_string() &&
            type->get<std::string>() == "cursor-list")
            return true;
        return sample_has_item(collection.at("data"));
    }
    if (!collection.is_array() || collection.empty()) return false;
    if (is_page(collection.front())) return looks_like_collection(collection.front());
    return sample_has_item(collection);
}

// ---------------------------------------------------------------------------
// One item's own fields, before its position is made absolute.

struct LocalPlacement {
    bool placed = false;  // false: the item has no canvas position
    double center_x = 0;
    double center_y = 0;
    bool relative_to_parent = false;
    double width = 0;
    double height = 0;
};

struct Item {
    const json* value = nullptr;
    std::string at;  // JSON pointer of the item
    std::string id;
    std::string type;
    std::string parent_id;  // "" if none
    LocalPlacement local;
};

const json* optional_object(const json& object, const char* key, const std::string& at) {
    if (!json_input::has(object, key)) return nullptr;
    const json& value = object.at(key);
    if (!value.is_object())
        throw InputError(pointer(at, key), std::string("'") + key + "' must be an object, found " +
                                               value.type_name());
    return &value;
}

std::string read_parent_id(const json& item, const std::string& at) {
    const json* parent = optional_object(item, "parent", at);
    return parent ? json_input::require_id(*parent, "id", pointer(at, "parent")) : "";
}

double non_negative(double value, const std::string& at, const char* key) {
    if (value < 0)
        throw InputError(pointer(at, key), std::string("'") + key + "' must not be negative");
    return value;
}

// Miro sticky notes report their size, but one written by hand or by an older
// client may give one side only; the other follows the note's aspect ratio.
std::pair<double, double> sticky_size(std::optional<double> width, std::optional<double> height,
                                      const std::string& shape) {
    const double natural_width = shape == "rectangle" ? kRectangleStickyWidth : kSquareStickyWidth;
    const double ratio = kStickyHeight / natural_width;
    if (width && height) return {*width, *height};
    if (width) return {*width, *width * ratio};
    if (height) return {*height / ratio, *height};
    return {natural_width, kStickyHeight};
}

std::string data_string(const json& item, const char* key, const std::string& at) {
    const json* data = optional_object(item, "data", at);
    return data ? json_input::optional_string(*data, key, pointer(at, "data")) : "";
}

std::size_t line_count(const std::string& text) {
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::pair<double, double> item_size(const Item& item) {
    const json& value = *item.value;
    std::optional<double> width, height;
    if (const json* geometry = optional_object(value, "geometry", item.at)) {
        const std::string geometry_at = pointer(item.at, "geometry");
        if (json_input::has(*geometry, "width"))
            width = non_negative(json_input::require_number(*geometry, "width", geometry_at),
                                 geometry_at, "width");
        if (json_input::has(*geometry, "height"))
            height = non_negative(json_input::require_number(*geometry, "height", geometry_at),
                                  geometry_at, "height");
    }
    if (item.type == "sticky_note")
        return sticky_size(width, height, data_string(value, "shape", item.at));
    if (item.type == "card" || item.type == "app_card")
        return {width.value_or(kCardWidth), height.value_or(kCardHeight)};
    if (item.type == "text" && !height) {
        const std::string text = html_to_text(data_string(value, "content", item.at));
        return {width.value_or(kDefaultSide),
                kTextLineHeight * static_cast<double>(line_count(text))};
    }
    return {width.value_or(kDefaultSide), height.value_or(kDefaultSide)};
}

// Reads "position": x and y are the item's centre; "relativeTo" says whether
// they count from the canvas centre or from the parent frame's top-left corner.
LocalPlacement read_local_placement(const Item& item) {
    LocalPlacement local;
    const json* position = optional_object(*item.value, "position", item.at);
    if (!position || (!json_input::has(*position, "x") && !json_input::has(*position, "y")))
        return local;  // e.g. items embedded in a structured document (slotId only)
    const std::string at = pointer(item.at, "position");
    local.placed = true;
    local.center_x = json_input::require_number(*position, "x", at);
    local.center_y = json_input::require_number(*position, "y", at);
    const std::string origin = json_input::optional_string(*position, "origin", at, "center");
    if (origin != "center")
        throw InputError(pointer(at, "origin"), "unsupported position origin '" + origin +
                                                    "' (Miro positions items by their centre)");
    // Without relativeTo, Miro's rule applies: a child counts from its parent.
    const std::string fallback = item.parent_id.empty() ? "canvas_center" : "parent_top_left";
    const std::string relative_to =
        json_input::optional_string(*position, "relativeTo", at, fallback);
    if (relative_to != "canvas_center" && relative_to != "parent_top_left")
        throw InputError(
            pointer(at, "relativeTo"),
            "unknown relativeTo '" + relative_to + "' (expected canvas_center or parent_top_left)");
    local.relative_to_parent = relative_to == "parent_top_left";
    const auto [width, height] = item_size(item);
    local.width = width;
    local.height = height;
    return local;
}

// Adds the item id to an error raised while reading that item.
[[noreturn]] void rethrow_with_id(const InputError& error, const std::string& id) {
    throw InputError(error.where(), std::string(error.what()) + " (item '" + id + "')");
}

// ---------------------------------------------------------------------------

class MiroReader {
public:
    explicit MiroReader(const json& root) { collect(root); }

    Board read() {
        board_.format = "miro";
        place_all();
        for (std::size_t k = 0; k < items_.size(); ++k) convert(k);
        for (const Item& connector : connectors_) convert_connector(connector);
        return std::move(board_);
    }

private:
    enum class Visit { unvisited, visiting, done };

    // ----- collecting the input -----

    void collect(const json& root) {
        if (root.is_object() && root.contains("items")) {
            for_each_element(root.at("items"), "/items",
                             [this](const json& e, const std::string& at) { add_element(e, at); });
            if (json_input::has(root, "connectors"))
                for_each_element(
                    root.at("connectors"), "/connectors",
                    [this](const json& e, const std::string& at) { add_connector(e, at); });
            if (json_input::has(root, "tags"))
                for_each_element(root.at("tags"), "/tags",
                                 [this](const json& e, const std::string& at) { add_tag(e, at); });
            return;
        }
        for_each_element(root, "",
                         [this](const json& e, const std::string& at) { add_element(e, at); });
    }

    Item read_header(const json& element, const std::string& at) {
        if (!element.is_object())
            throw InputError(
                where(at), std::string("an item must be an object, found ") + element.type_name());
        Item item;
        item.value = &element;
        item.at = at;
        item.id = json_input::require_id(element, "id", at);
        try {
            item.type = json_input::require_string(element, "type", at);
        } catch (const InputError& e) {
            rethrow_with_id(e, item.id);
        }
        return item;
    }

    void remember_id(const Item& item) {
        const auto [existing, inserted] = seen_at_.emplace(item.id, item.at);
        if (!inserted)
            throw InputError(
                item.at, "duplicate item id '" + item.id + "' (also at " + existing->second + ")");
    }

    void add_element(const json& element, const std::string& at) {
        Item item = read_header(element, at);
        if (item.type == "connector") {
            add_connector(element, at);
            return;
        }
        remember_id(item);
        index_.emplace(item.id, items_.size());
        items_.push_back(std::move(item));
    }

    void add_connector(const json& element, const std::string& at) {
        if (!element.is_object())
            throw InputError(where(at), std::string("a connector must be an object, found ") +
                                            element.type_name());
        Item connector;
        connector.value = &element;
        connector.at = at;
        connector.id = json_input::require_id(element, "id", at);
        connector.type = "connector";
        remember_id(connector);
        connectors_.push_back(std::move(connector));
    }

    void add_tag(const json& element, const std::string& at) {
        if (!element.is_object())
            throw InputError(where(at),
                             std::string("a tag must be an object, found ") + element.type_name());
        const std::string id = json_input::require_id(element, "id", at);
        tag_titles_[id] = json_input::optional_string(element, "title", at, id);
    }

    // ----- placing items on the canvas -----

    void place_all() {
        for (Item& item : items_) {
            try {
                item.parent_id = read_parent_id(*item.value, item.at);
                item.local = read_local_placement(item);
            } catch (const InputError& e) {
                // An item that will be skipped anyway must not make the board
                // unreadable; it just cannot place children.
                if (converts_to_model(item.type)) rethrow_with_id(e, item.id);
                item.local = LocalPlacement{};
            }
        }
        absolute_.assign(items_.size(), Rect{});
        visit_.assign(items_.size(), Visit::unvisited);
        for (std::size_t k = 0; k < items_.size(); ++k) resolve(k);
    }

    // The parent an item's position counts from, if it is in the export and placed.
    std::optional<std::size_t> placing_parent(std::size_t k) const {
        const Item& item = items_[k];
        if (!item.local.placed || !item.local.relative_to_parent) return std::nullopt;
        const auto found = index_.find(item.parent_id);
        if (found == index_.end() || !items_[found->second].local.placed) return std::nullopt;
        return found->second;
    }

    std::optional<std::size_t> declared_parent(std::size_t k) const {
        const auto found = index_.find(items_[k].parent_id);
        if (found == index_.end()) return std::nullopt;
        return found->second;
    }

    // Walks up the parent chain without recursion (frames may nest deeply in
    // hostile input), then places the chain from the top down. Every declared
    // parent is followed, not only those positions count from, so that no
    // cycle reaches the model's Container::parent links either.
    void resolve(std::size_t k) {
        std::vector<std::size_t> chain;
        for (std::optional<std::size_t> current = k; current; current = declared_parent(*current)) {
            if (visit_[*current] == Visit::done) break;
            if (visit_[*current] == Visit::visiting)
                throw InputError(pointer(items_[*current].at, "parent"),
                                 "item '" + items_[*current].id +
                                     "' is inside itself: its parent frames form a cycle");
            visit_[*current] = Visit::visiting;
            chain.push_back(*current);
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            absolute_[*it] = absolute_bounds(*it);
            visit_[*it] = Visit::done;
        }
    }

    Rect absolute_bounds(std::size_t k) const {
        const LocalPlacement& local = items_[k].local;
        double center_x = local.center_x;
        double center_y = local.center_y;
        if (const auto parent = placing_parent(k)) {
            center_x += absolute_[*parent].x;  // the parent's top-left corner
            center_y += absolute_[*parent].y;
        }
        return {center_x - local.width / 2, center_y - local.height / 2, local.width, local.height};
    }

    // ----- converting to the model -----

    void skip(const Item& item, const std::string& message) {
        board_.skipped.push_back({item.id, item.at, message});
    }

    void convert(std::size_t k) {
        const Item& item = items_[k];
        if (!converts_to_model(item.type)) {
            skip_unsupported(item);
            return;
        }
        if (!item.local.placed) {
            skip(item, "item has no position on the canvas");
            return;
        }
        try {
            note_missing_parent(k);
            if (item.type == "frame")
                board_.containers.push_back(to_container(k));
            else
                board_.notes.push_back(to_note(k));
            model_ids_.insert(item.id);
        } catch (const InputError& e) {
            rethrow_with_id(e, item.id);
        }
    }

    static bool converts_to_model(const std::string& type) {
        for (const char* known : {"sticky_note", "card", "app_card", "text", "shape", "frame"})
            if (type == known) return true;
        return false;
    }

    void skip_unsupported(const Item& item) {
        const bool textless = item.type == "image" || item.type == "document" ||
                              item.type == "embed" || item.type == "preview";
        skip(item,
             "item type '" + item.type + (textless ? "' carries no text" : "' is not supported"));
    }

    // A child whose frame is not in the export is kept; its relative position
    // is read as absolute, which the user is told about, since it is then a guess.
    void note_missing_parent(std::size_t k) {
        const Item& item = items_[k];
        if (!item.local.relative_to_parent || placing_parent(k)) return;
        const std::string kept = "; item kept, its position taken as absolute";
        if (item.parent_id.empty()) {
            board_.skipped.push_back(
                {item.id, pointer(pointer(item.at, "position"), "relativeTo"),
                 "position is relative to a parent, but the item has none" + kept});
            return;
        }
        const bool absent = index_.find(item.parent_id) == index_.end();
        board_.skipped.push_back(
            {item.id, pointer(pointer(item.at, "parent"), "id"),
             "parent frame '" + item.parent_id +
                 (absent ? "' is missing from the export" : "' has no position") + kept});
    }

    // Note::parent and Container::parent name frames only.
    std::string parent_frame(const Item& item) const {
        const auto found = index_.find(item.parent_id);  // a parent cycle was an error already
        if (found == index_.end() || items_[found->second].type != "frame") return "";
        return item.parent_id;
    }

    Container to_container(std::size_t k) const {
        const Item& item = items_[k];
        Container container;
        container.id = item.id;
        // Frame titles are plain text in the API, so no HTML is stripped here.
        container.title = data_string(*item.value, "title", item.at);
        container.bounds = absolute_[k];
        container.kind = ContainerKind::frame;
        container.parent = parent_frame(item);
        return container;
    }

    Note to_note(std::size_t k) const {
        const Item& item = items_[k];
        const json& value = *item.value;
        Note note;
        note.id = item.id;
        note.bounds = absolute_[k];
        note.parent = parent_frame(item);
        note.author = read_author(value, item.at);
        note.color = read_color(value, item.at);
        if (item.type == "sticky_note") {
            note.kind = NoteKind::sticky;
            note.text = html_to_text(data_string(value, "content", item.at));
            note.tags = read_tags(value, item.at);
        } else if (item.type == "card" || item.type == "app_card") {
            note.kind = NoteKind::card;
            note.text = card_text(value, item.at);
            note.tags = read_tags(value, item.at);
        } else if (item.type == "text") {
            note.kind = NoteKind::text;
            note.text = html_to_text(data_string(value, "content", item.at));
        } else {
            note.kind = NoteKind::shape;
            note.shape = data_string(value, "shape", item.at);
            note.text = html_to_text(data_string(value, "content", item.at));
        }
        return note;
    }

    static std::string card_text(const json& value, const std::string& at) {
        const std::string title = html_to_text(data_string(value, "title", at));
        const std::string description = html_to_text(data_string(value, "description", at));
        if (title.empty() || description.empty()) return title + description;
        return title + "\n" + description;
    }

    // style.fillColor (cards: cardTheme). "transparent" is no colour at all.
    static std::string read_color(const json& value, const std::string& at) {
        const json* style = optional_object(value, "style", at);
        if (!style) return "";
        const std::string style_at = pointer(at, "style");
        std::string color = json_input::optional_string(*style, "fillColor", style_at);
        if (color.empty()) color = json_input::optional_string(*style, "cardTheme", style_at);
        return color == "transparent" ? "" : color;
    }

    static std::string read_author(const json& value, const std::string& at) {
        const json* created_by = optional_object(value, "createdBy", at);
        if (!created_by || !json_input::has(*created_by, "id")) return "";
        return json_input::require_id(*created_by, "id", pointer(at, "createdBy"));
    }

    // tagIds sit on the item (Web SDK shape) or in its data; titles replace the
    // ids when the export bundles the board's tags.
    std::vector<std::string> read_tags(const json& value, const std::string& at) const {
        const json* data = optional_object(value, "data", at);
        const bool on_item = json_input::has(value, "tagIds");
        const json* holder = on_item ? &value : data;
        if (!holder || !json_input::has(*holder, "tagIds")) return {};
        const std::string list_at = pointer(on_item ? at : pointer(at, "data"), "tagIds");
        const json& list = holder->at("tagIds");
        if (!list.is_array()) throw InputError(list_at, "'tagIds' must be a list of tag ids");
        std::vector<std::string> tags;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string id = tag_id(list[i], pointer(list_at, i));
            const auto title = tag_titles_.find(id);
            tags.push_back(title == tag_titles_.end() ? id : title->second);
        }
        return tags;
    }

    static std::string tag_id(const json& value, const std::string& at) {
        if (value.is_string() && !value.get<std::string>().empty()) return value.get<std::string>();
        if (value.is_number_integer()) return value.dump();
        throw InputError(at, "a tag id must be a non-empty string or an integer");
    }

    // ----- connectors -----

    void convert_connector(const Item& item) {
        const json& value = *item.value;
        try {
            const std::string from = end_item_id(value, "startItem", item.at);
            const std::string to = end_item_id(value, "endItem", item.at);
            if (from.empty() || to.empty()) {
                skip(item, "connector is not attached to an item at both ends");
                return;
            }
            for (const std::string& end : {from, to}) {
                if (model_ids_.count(end)) continue;
                skip(item, "connector ends at item '" + end +
                               (index_.count(end) ? "', which was skipped"
                                                  : "', which is not in the export"));
                return;
            }
            board_.connectors.push_back({item.id, from, to, caption(value, item.at)});
        } catch (const InputError& e) {
            rethrow_with_id(e, item.id);
        }
    }

    static std::string end_item_id(const json& value, const char* key, const std::string& at) {
        const json* end = optional_object(value, key, at);
        if (!end || !json_input::has(*end, "id")) return "";
        return json_input::require_id(*end, "id", pointer(at, key));
    }

    static std::string caption(const json& value, const std::string& at) {
        if (!json_input::has(value, "captions")) return "";
        const json& captions = value.at("captions");
        const std::string captions_at = pointer(at, "captions");
        if (!captions.is_array()) throw InputError(captions_at, "'captions' must be a list");
        if (captions.empty()) return "";
        if (!captions[0].is_object())
            throw InputError(pointer(captions_at, 0), "a caption must be an object");
        return html_to_text(
            json_input::optional_string(captions[0], "content", pointer(captions_at, 0)));
    }

    Board board_;
    std::vector<Item> items_;
    std::vector<Item> connectors_;
    std::unordered_map<std::string, std::size_t> index_;       // item id -> items_ index
    std::unordered_map<std::string, std::string> seen_at_;     // every id -> its JSON pointer
    std::unordered_map<std::string, std::string> tag_titles_;  // tag id -> title
    std::unordered_set<std::string> model_ids_;                // ids that became notes/containers
    std::vector<Rect> absolute_;
    std::vector<Visit> visit_;
};

}  // namespace

bool is_miro_export(const json& root) {
    if (root.is_object()) {
        const auto type = root.find("type");
        if (type != root.end() && type->is_string() &&
            type->get<std::string>().rfind("excalidraw", 0) == 0)
            return false;
        if (root.contains("schema") || root.contains("elements")) return false;
        if (root.contains("items")) return looks_like_collection(root.at("items"));
    }
    return looks_like_collection(root);
}

Board read_miro(const json& root) { return MiroReader(root).read(); }

}  // namespace canvasfit

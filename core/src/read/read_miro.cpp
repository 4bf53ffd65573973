// Reader for Miro REST API v2 item and connector listings (docs/miro-format.md).
//
// Miro places an item by its CENTRE, relative either to the canvas centre or
// to the top-left corner of its parent frame; the model wants absolute
// top-left corners, so parents are resolved first (iteratively, with cycle
// detection) and every item is then converted on its own.
//
// The text is read with the pull reader: each element's known members are
// copied into a record (ItemFields) in one pass and then checked in the same
// order as the tree reader did, so every report and error is unchanged.
// Where nlohmann keeps the last of duplicate keys, so does every record.
#include <algorithm>
#include <cstddef>
#include <deque>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "canvasfit/errors.hpp"
#include "read/format_readers.hpp"
#include "read/html_text.hpp"
#include "read/json_fields.hpp"

namespace canvasfit {

namespace {

using json_fields::Field;
using json_fields::Location;
using json_pull::Document;
using json_pull::Reader;
using json_pull::Type;
namespace jf = json_fields;

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

bool is_miro_item_type(std::string_view type) {
    for (const char* known : kMiroItemTypes)
        if (type == known) return true;
    return false;
}

// Present and not null, for a member kept by its type.
bool present(const std::optional<Type>& type) { return type && *type != Type::null; }

Location member_of(const Location& at, const char* key) { return {at.list, at.index, key}; }

// ---------------------------------------------------------------------------
// The records an element is read into.

// Reads the object at the reader into `record`, whose find(key) names the
// Field a member goes to; a repeated object replaces the earlier one.
template <typename Record>
void read_nested(Reader& reader, Record& record) {
    record = Record{};
    record.type = jf::read_object(reader, [&record](std::string_view key, Reader& value) {
        Field* field = record.find(key);
        if (field == nullptr) return false;
        field->read(value);
        return true;
    });
}

// parent, createdBy, startItem, endItem: objects of which only the id is read.
struct IdObject {
    std::optional<Type> type;  // none when the member is absent
    Field id;

    Field* find(std::string_view key) { return jf::same_key("id", key) ? &id : nullptr; }
};

struct PositionFields {
    std::optional<Type> type;
    Field x, y, origin, relative_to;

    Field* find(std::string_view key) {
        if (jf::same_key("x", key)) return &x;
        if (jf::same_key("y", key)) return &y;
        if (jf::same_key("origin", key)) return &origin;
        if (jf::same_key("relativeTo", key)) return &relative_to;
        return nullptr;
    }
};

struct GeometryFields {
    std::optional<Type> type;
    Field width, height;

    Field* find(std::string_view key) {
        if (jf::same_key("width", key)) return &width;
        if (jf::same_key("height", key)) return &height;
        return nullptr;
    }
};

struct StyleFields {
    std::optional<Type> type;
    Field fill_color, card_theme;

    Field* find(std::string_view key) {
        if (jf::same_key("fillColor", key)) return &fill_color;
        if (jf::same_key("cardTheme", key)) return &card_theme;
        return nullptr;
    }
};

// tagIds, kept as ids up to the first element that is not one; the reader
// stops at that element with an error, so nothing after it matters.
struct TagIdList {
    std::optional<Type> type;
    std::vector<std::string> ids;
    std::size_t first_invalid = Location::kNoIndex;

    void read(Reader& reader) {
        *this = TagIdList{};
        type = jf::read_items(reader, [this](Reader& item, std::size_t i) {
            if (first_invalid != Location::kNoIndex) item.skip_value();
            else if (!read_id(item)) first_invalid = i;
        });
    }

private:
    // A non-empty string or an integer (as nlohmann dumps it) is an id.
    bool read_id(Reader& reader) {
        Field value;
        value.read(reader);
        if (*value.type == Type::string && !value.text.empty()) ids.push_back(std::move(value.text));
        else if (*value.type == Type::number && value.number.is_integer)
            ids.push_back(value.number.integer_text());
        else return false;
        return true;
    }
};

struct DataFields {
    std::optional<Type> type;
    Field shape, content, title, description;
    TagIdList tag_ids;

    void read(Reader& reader) {
        *this = DataFields{};
        type = jf::read_object(reader, [this](std::string_view key, Reader& value) {
            if (jf::same_key("tagIds", key)) {
                tag_ids.read(value);
                return true;
            }
            Field* field = find(key);
            if (field == nullptr) return false;
            field->read(value);
            return true;
        });
    }

private:
    Field* find(std::string_view key) {
        if (jf::same_key("content", key)) return &content;
        if (jf::same_key("shape", key)) return &shape;
        if (jf::same_key("title", key)) return &title;
        if (jf::same_key("description", key)) return &description;
        return nullptr;
    }
};

// A connector's captions: only the first one's content is read.
struct Captions {
    std::optional<Type> type;
    bool empty = true;
    Type first_type = Type::null;
    Field first_content;

    void read(Reader& reader) {
        *this = Captions{};
        type = reader.peek();
        if (*type != Type::array) {
            reader.skip_value();
            return;
        }
        reader.begin_array();
        if (!reader.next_item()) return;
        empty = false;
        first_type = jf::read_object(reader, [this](std::string_view key, Reader& value) {
            if (!jf::same_key("content", key)) return false;
            first_content.read(value);
            return true;
        });
        while (reader.next_item()) reader.skip_value();
    }
};

// The members of an item, connector or tag this reader uses, and of a page
// (an object whose "data" is a list) the items of that list.
struct ItemFields {
    Type value_type = Type::null;  // of the element itself
    Field id, type, title;
    IdObject parent, created_by, start_item, end_item;
    PositionFields position;
    GeometryFields geometry;
    StyleFields style;
    DataFields data;
    TagIdList tag_ids;
    Captions captions;

    // `page_items`, when given, receives the items of a "data" list, read
    // one level deep: an item inside a page is never itself a page.
    void read(Reader& reader, std::deque<ItemFields>* page_items = nullptr) {
        value_type = jf::read_object(reader, [&](std::string_view key, Reader& value) {
            if (jf::same_key("data", key)) read_data(value, page_items);
            else if (Field* field = find_field(key)) field->read(value);
            else return read_nested_member(key, value);
            return true;
        });
    }

    bool is_page() const { return value_type == Type::object && data.type == Type::array; }

private:
    void read_data(Reader& value, std::deque<ItemFields>* page_items) {
        if (page_items == nullptr) {
            data.read(value);
            return;
        }
        page_items->clear();  // a later "data" replaces an earlier one
        if (value.peek() != Type::array) {
            data.read(value);
            return;
        }
        data = DataFields{};
        data.type = Type::array;
        value.begin_array();
        while (value.next_item()) {
            page_items->emplace_back();
            page_items->back().read(value);
        }
    }

    Field* find_field(std::string_view key) {
        if (jf::same_key("id", key)) return &id;
        if (jf::same_key("type", key)) return &type;
        if (jf::same_key("title", key)) return &title;
        return nullptr;
    }

    bool read_nested_member(std::string_view key, Reader& value) {
        if (jf::same_key("position", key)) read_nested(value, position);
        else if (jf::same_key("geometry", key)) read_nested(value, geometry);
        else if (jf::same_key("style", key)) read_nested(value, style);
        else if (jf::same_key("parent", key)) read_nested(value, parent);
        else if (jf::same_key("createdBy", key)) read_nested(value, created_by);
        else if (jf::same_key("startItem", key)) read_nested(value, start_item);
        else if (jf::same_key("endItem", key)) read_nested(value, end_item);
        else if (jf::same_key("tagIds", key)) tag_ids.read(value);
        else if (jf::same_key("captions", key)) captions.read(value);
        else return false;
        return true;
    }
};

// An element of a collection list, which may be a page of items.
struct Element {
    ItemFields fields;
    std::deque<ItemFields> page_items;

    void read(Reader& reader) { fields.read(reader, &page_items); }
};

Reader root_reader(const Document& document) {
    Reader reader(document.text());
    reader.skip_bom();
    return reader;
}

// ---------------------------------------------------------------------------
// Walking the accepted collection shapes: a page {"data": [...]}, a list of
// pages (pagination), or a bare list of elements. `visit` takes each element's
// fields and location.

class CollectionWalker {
public:
    // Pointers of lists are kept here so that Locations can view them.
    explicit CollectionWalker(std::deque<std::string>& lists) : lists_(lists) {}

    template <typename Visit>
    void for_each_element(Reader collection, const std::string& at, Visit visit) {
        const Type type = collection.peek();
        if (type == Type::object) {
            Element page;
            page.read(collection);
            for_each_in_page(page, at, visit);
            return;
        }
        if (type != Type::array)
            throw InputError(where(at), std::string("expected a page {\"data\": [...]}, a list of "
                                                    "pages or a list of items, found ") +
                                            json_pull::type_name(type));
        for_each_in_list(collection, at, visit);
    }

private:
    template <typename Visit>
    void for_each_in_list(Reader& list, const std::string& at, Visit& visit) {
        const std::string_view list_at = keep(at);
        std::optional<bool> list_of_pages;  // decided by the first element
        list.begin_array();
        for (std::size_t i = 0; list.next_item(); ++i) {
            Element element;
            element.read(list);
            const Location element_at{list_at, i};
            if (!list_of_pages) list_of_pages = element.fields.is_page();
            if (!*list_of_pages) {
                visit(std::move(element.fields), element_at);
            } else if (element.fields.is_page()) {
                for_each_in_page(element, element_at.pointer(), visit);
            } else {
                throw InputError(element_at.pointer(),
                                 "expected a page {\"data\": [...]} like the first element of the list");
            }
        }
    }

    template <typename Visit>
    void for_each_in_page(Element& page, const std::string& at, Visit& visit) {
        const std::string data_at = json_fields::pointer(at, "data");
        const std::optional<Type>& data_type = page.fields.data.type;
        if (!present(data_type)) throw InputError(data_at, "missing required field 'data'");
        if (*data_type != Type::array)
            throw InputError(data_at, std::string("'data' must be a list of items, found ") +
                                          json_pull::type_name(*data_type));
        const std::string_view list_at = keep(data_at);
        for (std::size_t i = 0; i < page.page_items.size(); ++i)
            visit(std::move(page.page_items[i]), Location{list_at, i});
    }

    std::string_view keep(const std::string& pointer) {
        lists_.push_back(pointer);
        return lists_.back();
    }

    std::deque<std::string>& lists_;
};

// ---------------------------------------------------------------------------
// Recognising an export without reading all of it.

// The members of an element that tell a Miro item from other JSON.
class ItemProbe {
public:
    explicit ItemProbe(Reader& reader) {
        is_object_ = jf::read_object(reader, [this](std::string_view key, Reader& value) {
                         return read_member(key, value);
                     }) == Type::object;
    }

    bool looks_like_item() const {
        if (!is_object_ || !id_.type) return false;
        const bool id_ok = *id_.type == Type::string ||
                           (*id_.type == Type::number && id_.number.is_integer);
        if (!id_ok || type_.type != Type::string || !is_miro_item_type(type_.text)) return false;
        // Excalidraw elements also have "id" and "type": "text"; Miro items keep
        // their fields in nested objects instead of top-level x/y.
        return std::any_of(std::begin(nested_types_), std::end(nested_types_),
                           [](const std::optional<Type>& type) { return type == Type::object; });
    }

private:
    static constexpr std::string_view kNestedKeys[] = {"data", "position", "geometry",
                                                       "startItem", "endItem"};

    bool read_member(std::string_view key, Reader& value) {
        if (jf::same_key("id", key)) {
            id_.read(value);
            return true;
        }
        if (jf::same_key("type", key)) {
            type_.read(value);
            return true;
        }
        for (std::size_t k = 0; k < std::size(kNestedKeys); ++k) {
            if (!jf::same_key(kNestedKeys[k], key)) continue;
            nested_types_[k] = value.peek();  // the last of a repeated key counts, as in nlohmann
            value.skip_value();
            return true;
        }
        return false;
    }

    bool is_object_ = false;
    Field id_, type_;
    std::optional<Type> nested_types_[std::size(kNestedKeys)];
};

bool sample_has_item(Reader list) {
    list.begin_array();
    for (std::size_t i = 0; i < kDetectionSample && list.next_item(); ++i)
        if (ItemProbe(list).looks_like_item()) return true;
    return false;
}

// An object's "type" and where its last "data" is, if that is a list.
struct PageProbe {
    Field type;
    std::optional<Reader> data;  // at the value of the last "data", if a list

    explicit PageProbe(Reader reader) {
        jf::read_object(reader, [this](std::string_view key, Reader& value) {
            if (jf::same_key("type", key)) {
                type.read(value);
                return true;
            }
            if (!jf::same_key("data", key)) return false;
            data.reset();
            if (value.peek() == Type::array) data = value;  // a copy, read later
            value.skip_value();
            return true;
        });
    }

    bool is_page() const { return data.has_value(); }
};

// A page is a Miro listing when it says so or one of its first items is one.
bool page_looks_like_collection(const PageProbe& page) {
    if (page.type.type == Type::string && page.type.text == "cursor-list") return true;
    return sample_has_item(*page.data);
}

bool looks_like_collection(Reader collection) {
    const Type type = collection.peek();
    if (type == Type::object) {
        const PageProbe page(collection);
        return page.is_page() && page_looks_like_collection(page);
    }
    if (type != Type::array) return false;
    Reader front = collection;
    front.begin_array();
    if (!front.next_item()) return false;
    if (front.peek() == Type::object) {
        const PageProbe page(front);
        if (page.is_page()) return page_looks_like_collection(page);
    }
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
    ItemFields fields;
    Location at;  // of the item
    std::string id;
    std::string type;
    std::string parent_id;  // "" if none
    LocalPlacement local;
};

// Like json_input's check of an optional object on a tree: false when the
// member is absent or null, an error when it is not an object.
bool optional_object(const std::optional<Type>& type, const char* key, const Location& at) {
    if (!present(type)) return false;
    if (*type != Type::object)
        throw InputError(at.pointer(key), std::string("'") + key + "' must be an object, found " +
                                              json_pull::type_name(*type));
    return true;
}

std::string read_parent_id(const Item& item) {
    const IdObject& parent = item.fields.parent;
    if (!optional_object(parent.type, "parent", item.at)) return "";
    return jf::require_id(parent.id, "id", member_of(item.at, "parent"));
}

double non_negative(double value, const Location& at, const char* key) {
    if (value < 0)
        throw InputError(at.pointer(key), std::string("'") + key + "' must not be negative");
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

// A string member of the item's "data" object, "" if there is none.
std::string data_string(const Item& item, Field DataFields::*member, const char* key) {
    const DataFields& data = item.fields.data;
    if (!optional_object(data.type, "data", item.at)) return "";
    return jf::optional_string(data.*member, key, member_of(item.at, "data"));
}

std::size_t line_count(const std::string& text) {
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::optional<double> optional_side(const Field& field, const char* key, const Location& at) {
    if (!jf::has(field)) return std::nullopt;
    return non_negative(jf::require_number(field, key, at), at, key);
}

std::pair<double, double> item_size(const Item& item) {
    std::optional<double> width, height;
    const GeometryFields& geometry = item.fields.geometry;
    if (optional_object(geometry.type, "geometry", item.at)) {
        const Location geometry_at = member_of(item.at, "geometry");
        width = optional_side(geometry.width, "width", geometry_at);
        height = optional_side(geometry.height, "height", geometry_at);
    }
    if (item.type == "sticky_note")
        return sticky_size(width, height, data_string(item, &DataFields::shape, "shape"));
    if (item.type == "card" || item.type == "app_card")
        return {width.value_or(kCardWidth), height.value_or(kCardHeight)};
    if (item.type == "text" && !height) {
        const std::string text = html_to_text(data_string(item, &DataFields::content, "content"));
        return {width.value_or(kDefaultSide),
                kTextLineHeight * static_cast<double>(line_count(text))};
    }
    return {width.value_or(kDefaultSide), height.value_or(kDefaultSide)};
}

// Reads "position": x and y are the item's centre; "relativeTo" says whether
// they count from the canvas centre or from the parent frame's top-left corner.
LocalPlacement read_local_placement(const Item& item) {
    LocalPlacement local;
    const PositionFields& position = item.fields.position;
    if (!optional_object(position.type, "position", item.at) ||
        (!jf::has(position.x) && !jf::has(position.y)))
        return local;  // e.g. items embedded in a structured document (slotId only)
    const Location at = member_of(item.at, "position");
    local.placed = true;
    local.center_x = jf::require_number(position.x, "x", at);
    local.center_y = jf::require_number(position.y, "y", at);
    const std::string origin = jf::optional_string(position.origin, "origin", at, "center");
    if (origin != "center")
        throw InputError(at.pointer("origin"), "unsupported position origin '" + origin +
                                                   "' (Miro positions items by their centre)");
    // Without relativeTo, Miro's rule applies: a child counts from its parent.
    const std::string fallback = item.parent_id.empty() ? "canvas_center" : "parent_top_left";
    const std::string relative_to =
        jf::optional_string(position.relative_to, "relativeTo", at, fallback);
    if (relative_to != "canvas_center" && relative_to != "parent_top_left")
        throw InputError(
            at.pointer("relativeTo"),
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
    explicit MiroReader(const Document& document) { collect(document); }

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

    void collect(const Document& document) {
        CollectionWalker walker(lists_);
        const auto add_item = [this](ItemFields&& e, const Location& at) {
            add_element(std::move(e), at);
        };
        if (document.root_is_object() && document.contains("items")) {
            walker.for_each_element(document.member("items"), "/items", add_item);
            if (document.has("connectors"))
                walker.for_each_element(document.member("connectors"), "/connectors",
                                        [this](ItemFields&& e, const Location& at) {
                                            add_connector(std::move(e), at);
                                        });
            if (document.has("tags"))
                walker.for_each_element(
                    document.member("tags"), "/tags",
                    [this](ItemFields&& e, const Location& at) { add_tag(e, at); });
            return;
        }
        walker.for_each_element(root_reader(document), "", add_item);
    }

    Item read_header(ItemFields&& element, const Location& at) {
        if (element.value_type != Type::object)
            throw InputError(where(at.pointer()), std::string("an item must be an object, found ") +
                                                      json_pull::type_name(element.value_type));
        Item item;
        item.at = at;
        item.id = jf::require_id(element.id, "id", at);
        try {
            item.type = jf::require_string(element.type, "type", at);
        } catch (const InputError& e) {
            rethrow_with_id(e, item.id);
        }
        item.fields = std::move(element);
        return item;
    }

    void remember_id(const Item& item) {
        const auto [existing, inserted] = seen_at_.emplace(item.id, item.at);
        if (!inserted)
            throw InputError(item.at.pointer(), "duplicate item id '" + item.id + "' (also at " +
                                                    existing->second.pointer() + ")");
    }

    void add_element(ItemFields&& element, const Location& at) {
        Item item = read_header(std::move(element), at);
        if (item.type == "connector") {
            add_connector(std::move(item.fields), at);
            return;
        }
        remember_id(item);
        index_.emplace(item.id, items_.size());
        items_.push_back(std::move(item));
    }

    void add_connector(ItemFields&& element, const Location& at) {
        if (element.value_type != Type::object)
            throw InputError(where(at.pointer()),
                             std::string("a connector must be an object, found ") +
                                 json_pull::type_name(element.value_type));
        Item connector;
        connector.at = at;
        connector.id = jf::require_id(element.id, "id", at);
        connector.type = "connector";
        connector.fields = std::move(element);
        remember_id(connector);
        connectors_.push_back(std::move(connector));
    }

    void add_tag(const ItemFields& element, const Location& at) {
        if (element.value_type != Type::object)
            throw InputError(where(at.pointer()), std::string("a tag must be an object, found ") +
                                                      json_pull::type_name(element.value_type));
        const std::string id = jf::require_id(element.id, "id", at);
        tag_titles_[id] = jf::optional_string(element.title, "title", at, id);
    }

    // ----- placing items on the canvas -----

    void place_all() {
        for (Item& item : items_) {
            try {
                item.parent_id = read_parent_id(item);
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
                throw InputError(items_[*current].at.pointer("parent"),
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
        board_.skipped.push_back({item.id, item.at.pointer(), message});
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
                {item.id, member_of(item.at, "position").pointer("relativeTo"),
                 "position is relative to a parent, but the item has none" + kept});
            return;
        }
        const bool absent = index_.find(item.parent_id) == index_.end();
        board_.skipped.push_back(
            {item.id, member_of(item.at, "parent").pointer("id"),
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
        container.title = data_string(item, &DataFields::title, "title");
        container.bounds = absolute_[k];
        container.kind = ContainerKind::frame;
        container.parent = parent_frame(item);
        return container;
    }

    Note to_note(std::size_t k) const {
        const Item& item = items_[k];
        Note note;
        note.id = item.id;
        note.bounds = absolute_[k];
        note.parent = parent_frame(item);
        note.author = read_author(item);
        note.color = read_color(item);
        if (item.type == "sticky_note") {
            note.kind = NoteKind::sticky;
            note.text = html_to_text(data_string(item, &DataFields::content, "content"));
            note.tags = read_tags(item);
        } else if (item.type == "card" || item.type == "app_card") {
            note.kind = NoteKind::card;
            note.text = card_text(item);
            note.tags = read_tags(item);
        } else if (item.type == "text") {
            note.kind = NoteKind::text;
            note.text = html_to_text(data_string(item, &DataFields::content, "content"));
        } else {
            note.kind = NoteKind::shape;
            note.shape = data_string(item, &DataFields::shape, "shape");
            note.text = html_to_text(data_string(item, &DataFields::content, "content"));
        }
        return note;
    }

    static std::string card_text(const Item& item) {
        const std::string title = html_to_text(data_string(item, &DataFields::title, "title"));
        const std::string description =
            html_to_text(data_string(item, &DataFields::description, "description"));
        if (title.empty() || description.empty()) return title + description;
        return title + "\n" + description;
    }

    // style.fillColor (cards: cardTheme). "transparent" is no colour at all.
    static std::string read_color(const Item& item) {
        const StyleFields& style = item.fields.style;
        if (!optional_object(style.type, "style", item.at)) return "";
        const Location style_at = member_of(item.at, "style");
        std::string color = jf::optional_string(style.fill_color, "fillColor", style_at);
        if (color.empty()) color = jf::optional_string(style.card_theme, "cardTheme", style_at);
        return color == "transparent" ? "" : color;
    }

    static std::string read_author(const Item& item) {
        const IdObject& created_by = item.fields.created_by;
        if (!optional_object(created_by.type, "createdBy", item.at) || !jf::has(created_by.id))
            return "";
        return jf::require_id(created_by.id, "id", member_of(item.at, "createdBy"));
    }

    // tagIds sit on the item (Web SDK shape) or in its data; titles replace the
    // ids when the export bundles the board's tags.
    std::vector<std::string> read_tags(const Item& item) const {
        const ItemFields& fields = item.fields;
        const bool has_data = optional_object(fields.data.type, "data", item.at);
        const bool on_item = present(fields.tag_ids.type);
        const TagIdList* list = on_item ? &fields.tag_ids : has_data ? &fields.data.tag_ids : nullptr;
        if (list == nullptr || !present(list->type)) return {};
        const std::string list_at =
            on_item ? item.at.pointer("tagIds") : member_of(item.at, "data").pointer("tagIds");
        if (*list->type != Type::array) throw InputError(list_at, "'tagIds' must be a list of tag ids");
        if (list->first_invalid != Location::kNoIndex)
            throw InputError(json_fields::pointer(list_at, list->first_invalid),
                             "a tag id must be a non-empty string or an integer");
        std::vector<std::string> tags;
        for (const std::string& id : list->ids) {
            const auto title = tag_titles_.find(id);
            tags.push_back(title == tag_titles_.end() ? id : title->second);
        }
        return tags;
    }

    // ----- connectors -----

    void convert_connector(const Item& item) {
        try {
            const std::string from = end_item_id(item, item.fields.start_item, "startItem");
            const std::string to = end_item_id(item, item.fields.end_item, "endItem");
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
            board_.connectors.push_back({item.id, from, to, caption(item)});
        } catch (const InputError& e) {
            rethrow_with_id(e, item.id);
        }
    }

    static std::string end_item_id(const Item& item, const IdObject& end, const char* key) {
        if (!optional_object(end.type, key, item.at) || !jf::has(end.id)) return "";
        return jf::require_id(end.id, "id", member_of(item.at, key));
    }

    static std::string caption(const Item& item) {
        const Captions& captions = item.fields.captions;
        if (!present(captions.type)) return "";
        const std::string captions_at = item.at.pointer("captions");
        if (*captions.type != Type::array) throw InputError(captions_at, "'captions' must be a list");
        if (captions.empty) return "";
        const Location first_at{captions_at, 0};
        if (captions.first_type != Type::object)
            throw InputError(first_at.pointer(), "a caption must be an object");
        return html_to_text(jf::optional_string(captions.first_content, "content", first_at));
    }

    Board board_;
    std::deque<std::string> lists_;  // pointers of the lists items are in; Locations view them
    // Deques, like the pages read into them: an item record is large, and is
    // then never moved again as the list grows.
    std::deque<Item> items_;
    std::deque<Item> connectors_;
    std::unordered_map<std::string, std::size_t> index_;       // item id -> items_ index
    std::unordered_map<std::string, Location> seen_at_;        // every id -> where it is
    std::unordered_map<std::string, std::string> tag_titles_;  // tag id -> title
    std::unordered_set<std::string> model_ids_;                // ids that became notes/containers
    std::vector<Rect> absolute_;
    std::vector<Visit> visit_;
};

Field member_field(const Document& document, const std::string& key) {
    Field field;
    if (!document.contains(key)) return field;
    Reader reader = document.member(key);
    field.read(reader);
    return field;
}

}  // namespace

bool is_miro_export(const Document& document) {
    if (document.root_is_object()) {
        const Field type = member_field(document, "type");
        if (type.type == Type::string && type.text.rfind("excalidraw", 0) == 0) return false;
        if (document.contains("schema") || document.contains("elements")) return false;
        if (document.contains("items")) return looks_like_collection(document.member("items"));
    }
    return looks_like_collection(root_reader(document));
}

Board read_miro(const Document& document) { return MiroReader(document).read(); }

}  // namespace canvasfit

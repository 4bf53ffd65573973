// Typed access to the members a reader takes from a json_pull::Reader, with
// the same checks and error messages as json_input's accessors on a tree
// (the nlohmann tree the native tests read with).
//
// A reader copies the few members it needs of one object into a record of
// Fields (a later duplicate key overwrites an earlier one, as in nlohmann),
// skipping everything else, and then checks them in its own order. Error
// locations are kept as the parts of a JSON pointer and composed only when an
// error is thrown: a board with no errors never builds one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "canvasfit/board.hpp"
#include "read/json_pull.hpp"

namespace canvasfit::json_fields {

using json_pull::Reader;
using json_pull::Type;

// JSON pointers (RFC 6901): `at` and one more step, a member name (escaped)
// or an index.
std::string pointer(const std::string& at, std::string_view key);
std::string pointer(const std::string& at, std::size_t index);

// Where a value is: `list`, then an index into it, then a member name.
struct Location {
    static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
    std::string_view list;  // e.g. "/notes"; "" for the root
    std::size_t index = kNoIndex;
    const char* member = nullptr;

    std::string pointer() const;
    std::string pointer(const char* key) const;  // of a member of this value
    std::string pointer(const char* key, std::size_t item) const;  // of an item of that member
};

// One member's value: its type and, for a scalar, the value.
struct Field {
    std::optional<Type> type;  // none when the member is absent
    bool boolean = false;
    json_pull::Number number;
    std::string text;

    void read(Reader& reader);  // the value at the reader; containers are skipped
    // Back to a fresh Field's state, keeping the text's buffer: a reader that
    // reuses one record for every item then allocates only for long texts.
    void clear() {
        type.reset();
        boolean = false;
        number = {};
        text.clear();
    }
};

// A member that should be a list of strings.
struct StringList {
    std::optional<Type> type;
    std::vector<std::string> items;
    std::size_t first_non_string = Location::kNoIndex;

    void read(Reader& reader);
    void clear() {  // as Field::clear
        type.reset();
        items.clear();
        first_non_string = Location::kNoIndex;
    }
};

// A member that should be a list of points, each [x, y] (Excalidraw's
// `points`, a board line's `points`).
struct PointList {
    std::optional<Type> type;
    std::vector<Point> points;  // the items that are points, in order
    std::size_t first_bad = Location::kNoIndex;  // the first item that is not two finite numbers
    void read(Reader& reader);
    void clear() {  // as Field::clear
        type.reset();
        points.clear();
        first_bad = Location::kNoIndex;
    }
};

// Reads the object or other value at the reader: for an object, each member
// `find` returns a Field for is read into it and the rest is skipped.
// Returns the value's type.
template <typename Find>
Type read_object(Reader& reader, Find&& find) {
    const Type type = reader.peek();
    if (type != Type::object) {
        reader.skip_value();
        return type;
    }
    reader.begin_object();
    std::string_view key;
    while (reader.next_key(key)) {
        if (!find(key, reader)) reader.skip_value();
    }
    return type;
}

// Reads the array at the reader, calling `item(reader, index)` at each item
// (which must read or skip it); any other value is skipped. Returns the
// value's type.
template <typename Item>
Type read_items(Reader& reader, Item&& item) {
    const Type type = reader.peek();
    if (type != Type::array) {
        reader.skip_value();
        return type;
    }
    reader.begin_array();
    for (std::size_t i = 0; reader.next_item(); ++i) item(reader, i);
    return type;
}

// Key lookup is most of the time spent on skipped members: the length and
// first byte rule out nearly every candidate before a comparison call.
inline bool same_key(std::string_view name, std::string_view key) {
    return name.size() == key.size() && !key.empty() && name[0] == key[0] && name == key;
}

// Present and not null.
inline bool has(const Field& field) { return field.type && *field.type != Type::null; }

void require_object(Type type, const Location& at);
std::string require_string(const Field& field, const char* key, const Location& at);
std::string optional_string(const Field& field, const char* key, const Location& at,
                            const std::string& fallback = "");
// Numbers must be finite and at most limits::kMaxCoordinate in size.
double require_number(const Field& field, const char* key, const Location& at);
double optional_number(const Field& field, const char* key, const Location& at, double fallback);
bool optional_bool(const Field& field, const char* key, const Location& at, bool fallback);
// A list of at least two points, each [x, y] with numbers as require_number
// takes them.
std::vector<Point> require_points(const PointList& list, const char* key, const Location& at);

// A string or an integer id, which becomes a string.
std::string require_id(const Field& field, const char* key, const Location& at);

}  // namespace canvasfit::json_fields

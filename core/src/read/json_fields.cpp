#include "read/json_fields.hpp"

#include <cmath>

#include "canvasfit/errors.hpp"
#include "canvasfit/limits.hpp"

namespace canvasfit::json_fields {

namespace {

[[noreturn]] void missing(const char* key, const Location& at) {
    throw InputError(at.pointer(key), std::string("missing required field '") + key + "'");
}

[[noreturn]] void wrong_type(const Field& field, const char* key, const Location& at,
                             const char* expected) {
    throw InputError(at.pointer(key), std::string("field '") + key + "' must be " + expected +
                                          ", found " + json_pull::type_name(*field.type));
}

}  // namespace

std::string pointer(const std::string& at, std::string_view key) {
    // RFC 6901 escaping of '~' and '/'
    std::string escaped = at + "/";
    for (const char c : key) {
        if (c == '~') escaped += "~0";
        else if (c == '/') escaped += "~1";
        else escaped += c;
    }
    return escaped;
}

std::string pointer(const std::string& at, std::size_t index) {
    return at + "/" + std::to_string(index);
}

std::string Location::pointer() const {
    std::string text(list);
    if (index != kNoIndex) text = json_fields::pointer(text, index);
    if (member != nullptr) text = json_fields::pointer(text, member);
    return text;
}

std::string Location::pointer(const char* key) const { return json_fields::pointer(pointer(), key); }

std::string Location::pointer(const char* key, std::size_t item) const {
    return json_fields::pointer(pointer(key), item);
}

void Field::read(Reader& reader) {
    type = reader.peek();
    switch (*type) {
        case Type::string: text.assign(reader.read_string()); break;
        case Type::number: number = reader.read_number(); break;
        case Type::boolean: boolean = reader.read_bool(); break;
        case Type::null: reader.read_null(); break;
        case Type::array:
        case Type::object: reader.skip_value(); break;
    }
}

void StringList::read(Reader& reader) {
    items.clear();
    first_non_string = Location::kNoIndex;
    type = read_items(reader, [this](Reader& item, std::size_t i) {
        if (item.peek() == Type::string) {
            items.emplace_back(item.read_string());
            return;
        }
        if (first_non_string == Location::kNoIndex) first_non_string = i;
        item.skip_value();
    });
}

namespace {

bool is_coordinate(double value) { return std::isfinite(value) && std::fabs(value) <= limits::kMaxCoordinate; }

// The value at the reader as a point, or none if it is not [x, y].
std::optional<Point> read_point(Reader& reader) {
    double xy[2] = {0, 0};
    std::size_t count = 0;
    bool numbers = true;
    const Type type = read_items(reader, [&](Reader& item, std::size_t) {
        if (item.peek() != Type::number || count == 2) {
            numbers = false;
            item.skip_value();
            return;
        }
        xy[count++] = item.read_number().value;
    });
    if (type != Type::array || !numbers || count != 2 || !is_coordinate(xy[0]) || !is_coordinate(xy[1]))
        return std::nullopt;
    return Point{xy[0], xy[1]};
}

}  // namespace

void PointList::read(Reader& reader) {
    clear();
    type = read_items(reader, [this](Reader& item, std::size_t i) {
        if (std::optional<Point> point = read_point(item)) points.push_back(*point);
        else if (first_bad == Location::kNoIndex) first_bad = i;
    });
}

std::vector<Point> require_points(const PointList& list, const char* key, const Location& at) {
    if (!list.type || *list.type == Type::null) missing(key, at);
    if (*list.type != Type::array)
        throw InputError(at.pointer(key), std::string("field '") + key + "' must be a list of [x, y] points");
    if (list.first_bad != Location::kNoIndex)
        throw InputError(at.pointer(key, list.first_bad),
                         "a point must be [x, y]: two numbers, each at most 1e9 in size");
    if (list.points.size() < 2)
        throw InputError(at.pointer(key), std::string("field '") + key + "' needs at least two points");
    return list.points;
}

void require_object(Type type, const Location& at) {
    if (type != Type::object)
        throw InputError(at.pointer(), std::string("expected an object, found ") +
                                           json_pull::type_name(type));
}

std::string require_string(const Field& field, const char* key, const Location& at) {
    if (!has(field)) missing(key, at);
    if (*field.type != Type::string) wrong_type(field, key, at, "a string");
    return field.text;
}

std::string optional_string(const Field& field, const char* key, const Location& at,
                            const std::string& fallback) {
    if (!has(field)) return fallback;
    return require_string(field, key, at);
}

double require_number(const Field& field, const char* key, const Location& at) {
    if (!has(field)) missing(key, at);
    if (*field.type != Type::number) wrong_type(field, key, at, "a number");
    const double number = field.number.value;
    if (!std::isfinite(number) || std::fabs(number) > limits::kMaxCoordinate)
        throw InputError(at.pointer(key), std::string("field '") + key +
                                              "' is out of range (|value| must be at most 1e9)");
    return number;
}

double optional_number(const Field& field, const char* key, const Location& at, double fallback) {
    if (!has(field)) return fallback;
    return require_number(field, key, at);
}

bool optional_bool(const Field& field, const char* key, const Location& at, bool fallback) {
    if (!has(field)) return fallback;
    if (*field.type != Type::boolean) wrong_type(field, key, at, "true or false");
    return field.boolean;
}

std::string require_id(const Field& field, const char* key, const Location& at) {
    if (!has(field)) missing(key, at);
    std::string id;
    if (*field.type == Type::string) id = field.text;
    else if (*field.type == Type::number && field.number.is_integer) id = field.number.integer_text();
    else wrong_type(field, key, at, "a string or integer id");
    if (id.empty()) throw InputError(at.pointer(key), std::string("field '") + key + "' is empty");
    return id;
}

}  // namespace canvasfit::json_fields

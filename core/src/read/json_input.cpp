#include "read/json_input.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

#include "canvasfit/limits.hpp"
#include "read/format_readers.hpp"
#include "read/json_fields.hpp"
#include "read/json_pull.hpp"

namespace canvasfit::json_input {

namespace {

// Counts bracket nesting outside strings so that hostile, deeply nested input
// is rejected in linear time before nlohmann's recursive parser sees it. Text
// after a NUL byte is not JSON to nlohmann (nor to the pull reader).
void check_limits(std::string_view text) {
    if (text.size() > limits::kMaxInputBytes)
        throw InputError("input", "input is " + std::to_string(text.size()) +
                                      " bytes, more than the limit of " +
                                      std::to_string(limits::kMaxInputBytes));
    std::size_t depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size() && text[i] != '\0'; ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > limits::kMaxJsonDepth)
                throw InputError(json_pull::line_and_column(text, i),
                                 "JSON nests deeper than " +
                                     std::to_string(limits::kMaxJsonDepth) + " levels");
        } else if ((c == ']' || c == '}') && depth > 0) --depth;
    }
}

std::string type_name(const json& value) { return value.type_name(); }

// Fields of host exports that no reader reads: styling, versioning and
// bookkeeping. Most of an Excalidraw element and of a Miro item is these, and
// building them into the tree cost more than reading everything else
// (bench/README.md). No reader may read a key listed here (sorted, for
// binary search).
constexpr std::string_view kUnreadKeys[] = {
    "angle", "appState", "autoResize", "baseline", "borderColor", "borderOpacity", "borderStyle",
    "borderWidth", "createdAt", "crop", "cursor", "elbowed", "endArrowhead", "endStrokeCap",
    "fileId", "files", "fillOpacity", "fillStyle", "fixedPoint", "focus", "fontFamily", "fontSize",
    "gap", "groupIds", "index", "lastCommittedPoint", "limit", "lineHeight", "link", "links",
    "locked", "modifiedAt", "modifiedBy", "opacity", "points", "pressures", "rotation", "roughness",
    "roundness", "scale", "seed", "showContent", "simulatePressure", "startArrowhead",
    "startStrokeCap", "strokeStyle", "strokeWidth", "textAlign", "textAlignVertical",
    "textVerticalAlign", "total", "updated", "versionNonce", "verticalAlign",
};

constexpr bool sorted_keys() {
    for (std::size_t i = 1; i < std::size(kUnreadKeys); ++i)
        if (!(kUnreadKeys[i - 1] < kUnreadKeys[i])) return false;
    return true;
}
static_assert(sorted_keys(), "kUnreadKeys must stay sorted");

bool is_unread_key(const std::string& key) {
    return std::binary_search(std::begin(kUnreadKeys), std::end(kUnreadKeys), std::string_view(key));
}

template <typename Parse>
json parse_checked(std::string_view text, Parse parse) {
    check_limits(text);
    try {
        return parse();
    } catch (const json::parse_error& e) {
        // nlohmann counts bytes from 1
        throw InputError(json_pull::line_and_column(text, e.byte > 0 ? e.byte - 1 : 0),
                         std::string("invalid JSON: ") + e.what());
    } catch (const json::exception& e) {
        // e.g. out_of_range.406 for a number such as 1e400
        throw InputError("input", std::string("invalid JSON value: ") + e.what());
    }
}

// Builds the tree like json::parse, leaving out the value under each unread
// key. nlohmann's callback parser would do the same, but after every object
// it scans the whole enclosing array for a discarded value, which is
// quadratic in a list of elements; this handler stays linear.
class UnreadKeySkipper {
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    explicit UnreadKeySkipper(json& result) : dom_(result, true) {}

    bool null() { return keep() ? dom_.null() : true; }
    bool boolean(bool value) { return keep() ? dom_.boolean(value) : true; }
    bool number_integer(number_integer_t value) {
        return keep() ? dom_.number_integer(value) : true;
    }
    bool number_unsigned(number_unsigned_t value) {
        return keep() ? dom_.number_unsigned(value) : true;
    }
    bool number_float(number_float_t value, const string_t& text) {
        return keep() ? dom_.number_float(value, text) : true;
    }
    bool string(string_t& value) { return keep() ? dom_.string(value) : true; }
    bool binary(binary_t& value) { return keep() ? dom_.binary(value) : true; }
    bool start_object(std::size_t size) { return open() ? dom_.start_object(size) : true; }
    bool start_array(std::size_t size) { return open() ? dom_.start_array(size) : true; }
    bool end_object() { return close() ? dom_.end_object() : true; }
    bool end_array() { return close() ? dom_.end_array() : true; }
    bool key(string_t& name) {
        if (skipped_depth_ > 0) return true;
        if (is_unread_key(name)) {
            skip_next_ = true;
            return true;
        }
        return dom_.key(name);
    }
    template <typename Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& error) {
        return dom_.parse_error(position, token, error);  // throws it
    }

private:
    // A scalar is kept unless it is inside a skipped value or is one itself.
    bool keep() {
        if (skipped_depth_ > 0) return false;
        const bool skip = skip_next_;
        skip_next_ = false;
        return !skip;
    }
    bool open() {
        if (skipped_depth_ > 0 || skip_next_) {
            skip_next_ = false;
            ++skipped_depth_;
            return false;
        }
        return true;
    }
    bool close() {
        if (skipped_depth_ == 0) return true;
        --skipped_depth_;
        return false;
    }

    nlohmann::detail::json_sax_dom_parser<json> dom_;
    std::size_t skipped_depth_ = 0;  // nesting inside a skipped object or array
    bool skip_next_ = false;         // the next value belongs to an unread key
};

}  // namespace

json parse(std::string_view text) {
    return parse_checked(text, [&] { return json::parse(text.begin(), text.end()); });
}

json parse_board(std::string_view text) {
    return parse_checked(text, [&] {
        json result;
        UnreadKeySkipper skipper(result);
        json::sax_parse(text.begin(), text.end(), &skipper);
        return result;
    });
}

std::string pointer(const std::string& at, const std::string& key) {
    return json_fields::pointer(at, key);
}

std::string pointer(const std::string& at, std::size_t index) {
    return json_fields::pointer(at, index);
}

bool has(const json& object, const char* key) {
    return object.is_object() && object.contains(key) && !object.at(key).is_null();
}

const json& require(const json& object, const char* key, const std::string& at) {
    if (!object.is_object())
        throw InputError(at, "expected an object, found " + type_name(object));
    const auto found = object.find(key);
    if (found == object.end() || found->is_null())
        throw InputError(pointer(at, key), std::string("missing required field '") + key + "'");
    return *found;
}

std::string require_string(const json& object, const char* key, const std::string& at) {
    const json& value = require(object, key, at);
    if (!value.is_string())
        throw InputError(pointer(at, key), std::string("field '") + key +
                                               "' must be a string, found " + type_name(value));
    return value.get<std::string>();
}

std::string optional_string(const json& object, const char* key, const std::string& at,
                            const std::string& fallback) {
    if (!has(object, key)) return fallback;
    return require_string(object, key, at);
}

double require_number(const json& object, const char* key, const std::string& at) {
    const json& value = require(object, key, at);
    if (!value.is_number())
        throw InputError(pointer(at, key), std::string("field '") + key +
                                               "' must be a number, found " + type_name(value));
    const double number = value.get<double>();
    if (!std::isfinite(number) || std::fabs(number) > limits::kMaxCoordinate)
        throw InputError(pointer(at, key), std::string("field '") + key +
                                               "' is out of range (|value| must be at most 1e9)");
    return number;
}

double optional_number(const json& object, const char* key, const std::string& at,
                       double fallback) {
    if (!has(object, key)) return fallback;
    return require_number(object, key, at);
}

bool optional_bool(const json& object, const char* key, const std::string& at, bool fallback) {
    if (!has(object, key)) return fallback;
    const json& value = object.at(key);
    if (!value.is_boolean())
        throw InputError(pointer(at, key), std::string("field '") + key +
                                               "' must be true or false, found " + type_name(value));
    return value.get<bool>();
}

std::string require_id(const json& object, const char* key, const std::string& at) {
    const json& value = require(object, key, at);
    std::string id;
    if (value.is_string()) id = value.get<std::string>();
    else if (value.is_number_integer()) id = value.dump();
    else
        throw InputError(pointer(at, key), std::string("field '") + key +
                                               "' must be a string or integer id, found " +
                                               type_name(value));
    if (id.empty()) throw InputError(pointer(at, key), std::string("field '") + key + "' is empty");
    return id;
}

}  // namespace canvasfit::json_input

namespace canvasfit {

// The readers on a tree: from its text, as the module reads every board.
bool is_excalidraw_scene(const nlohmann::json& root) {
    const std::string text = root.dump();
    return is_excalidraw_scene(json_pull::Document::scan(text));
}

Board read_excalidraw(const nlohmann::json& root) {
    const std::string text = root.dump();
    return read_excalidraw(json_pull::Document::scan(text));
}

Board read_canvasfit(const nlohmann::json& root) {
    const std::string text = root.dump();
    return read_canvasfit(json_pull::Document::scan(text));
}

bool is_miro_export(const nlohmann::json& root) {
    const std::string text = root.dump();
    return is_miro_export(json_pull::Document::scan(text));
}

Board read_miro(const nlohmann::json& root) {
    const std::string text = root.dump();
    return read_miro(json_pull::Document::scan(text));
}

}  // namespace canvasfit

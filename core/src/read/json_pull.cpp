#include "read/json_pull.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "canvasfit/errors.hpp"
#include "canvasfit/limits.hpp"
#include "read/utf8.hpp"

namespace canvasfit::json_pull {

namespace {

// Bytes a string may hold as they are: printable ASCII but the quote and the
// backslash. Everything else takes the slow path (escape, UTF-8 or error).
constexpr std::array<bool, 256> plain_string_bytes() {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    return plain;
}
constexpr std::array<bool, 256> kPlain = plain_string_bytes();

bool is_digit(char c) { return c >= '0' && c <= '9'; }

unsigned char byte_at(std::string_view text, std::size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
}

// strtod, as nlohmann reads every number that is not a 64-bit integer. It
// needs a terminated copy; numbers are short, so it is on the stack.
double to_double(std::string_view token) {
    char buffer[128];
    if (token.size() < sizeof buffer) {
        token.copy(buffer, token.size());
        buffer[token.size()] = '\0';
        return std::strtod(buffer, nullptr);
    }
    const std::string copy(token);
    return std::strtod(copy.c_str(), nullptr);
}

// The digits of an integer token as nlohmann's strtoull/strtoll would take
// them; false if they do not fit, and nlohmann falls back to a double.
bool integer_magnitude(std::string_view digits, bool negative, std::uint64_t& magnitude) {
    magnitude = 0;
    for (const char c : digits) {
        if (__builtin_mul_overflow(magnitude, 10u, &magnitude) ||
            __builtin_add_overflow(magnitude, static_cast<unsigned>(c - '0'), &magnitude))
            return false;
    }
    constexpr std::uint64_t kMostNegative = std::uint64_t{1} << 63;
    return !negative || magnitude <= kMostNegative;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// What stands at `at`, for "found ...": a word ('tru', 'NaN'), one character
// ('}', 'é'), a byte that is not text (byte 0x01), or the end of the input.
std::string found_at(std::string_view text, std::size_t at) {
    if (at >= text.size()) return "the end of the input";
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte == 0) return "a NUL byte";
    std::size_t length = 1;
    if (is_letter(text[at])) {
        while (at + length < text.size() && length < 20 &&
               (is_letter(text[at + length]) || is_digit(text[at + length])))
            ++length;
    } else if (byte >= 0x80) {
        length = utf8::sequence_length(text, at);
    } else if (byte < 0x20 || byte == 0x7F) {
        length = 0;
    }
    if (length == 0) {
        static const char kHex[] = "0123456789ABCDEF";
        return std::string("byte 0x") + kHex[byte >> 4] + kHex[byte & 0xF];
    }
    return "'" + std::string(text.substr(at, length)) + "'";
}

// A token quoted in a message, cut to 24 bytes.
std::string quoted_token(std::string_view token) {
    if (token.size() <= 24) return std::string(token);
    return std::string(token.substr(0, 21)) + "...";
}

}  // namespace

const char* type_name(Type type) {
    switch (type) {
        case Type::null: return "null";
        case Type::boolean: return "boolean";
        case Type::number: return "number";
        case Type::string: return "string";
        case Type::array: return "array";
        case Type::object: return "object";
    }
    return "";
}

std::string Number::integer_text() const {
    if (magnitude == 0) return "0";  // "-0" is the integer 0 to nlohmann
    return (negative ? "-" : "") + std::to_string(magnitude);
}

std::string line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

char Reader::next_token() {
    while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return c;
        ++pos_;
    }
    return '\0';
}

void Reader::fail(std::size_t at, const std::string& message) const {
    throw SyntaxError{at, message};
}

void Reader::fail_expected(const char* expected) const {
    fail(pos_, std::string("expected ") + expected + ", found " + found_at(text_, pos_));
}

void Reader::expect(char c, const char* expected) {
    if (next_token() != c) fail_expected(expected);
    ++pos_;
}

void Reader::expect_literal(std::string_view literal) {
    if (text_.compare(pos_, literal.size(), literal) != 0)
        fail(pos_, "expected " + std::string(literal) + ", found " + found_at(text_, pos_));
    pos_ += literal.size();
}

Type Reader::peek() {
    switch (next_token()) {
        case '{': return Type::object;
        case '[': return Type::array;
        case '"': return Type::string;
        case 't':
        case 'f': return Type::boolean;
        case 'n': return Type::null;
        default: break;
    }
    if (current() == '-' || is_digit(current())) return Type::number;
    fail_expected("a value");
}

// After its opening bracket: one level deeper.
void Reader::open_container() {
    if (++depth_ > limits::kMaxJsonDepth)
        fail(pos_ - 1, "JSON nests deeper than " + std::to_string(limits::kMaxJsonDepth) + " levels");
    first_ = true;
}

void Reader::close_container() {
    --depth_;
    after_value();
}

void Reader::begin_object() {
    expect('{', "an object");
    open_container();
}

void Reader::begin_array() {
    expect('[', "an array");
    open_container();
}

// Before a member or item: a comma unless it is the first one.
void Reader::separator(bool in_object) {
    if (!first_)
        expect(',', in_object ? "',' or '}' after an object member" : "',' or ']' after an array item");
    first_ = false;
}

bool Reader::next_key(std::string_view& key) {
    if (next_token() == '}') {
        ++pos_;
        close_container();
        return false;
    }
    const bool first = first_;
    separator(true);
    if (next_token() != '"')
        fail_expected(first ? "a member name in double quotes or '}'" : "a member name in double quotes");
    scan_string<true>();
    key = string_;
    expect(':', "':' after the member name");
    return true;
}

bool Reader::next_item() {
    if (next_token() == ']') {
        ++pos_;
        close_container();
        return false;
    }
    separator(false);
    return true;
}

std::string_view Reader::read_string() {
    if (next_token() != '"') fail_expected("a string");
    scan_string<true>();
    after_value();
    return string_;
}

Number Reader::read_number() {
    next_token();
    Number number = scan_number(true);
    after_value();
    return number;
}

bool Reader::read_bool() {
    const char c = next_token();
    if (c != 't' && c != 'f') fail_expected("true or false");
    expect_literal(c == 't' ? "true" : "false");
    after_value();
    return c == 't';
}

void Reader::read_null() {
    next_token();
    expect_literal("null");
    after_value();
}

void Reader::skip_bom() {
    if (pos_ != 0 || byte_at(text_, 0) != 0xEF) return;
    if (byte_at(text_, 1) != 0xBB || byte_at(text_, 2) != 0xBF)
        fail(0, "the text starts with byte 0xEF but not with a whole UTF-8 byte order mark (EF BB BF)");
    pos_ = 3;
}

void Reader::finish_document() {
    if (next_token() != '\0') fail_expected("the end of the input after the JSON value");
}

// Reads the string at pos_ (its opening quote). With kDecode, string_ is its
// text: a view into the input when it has no escapes, else scratch_.
template <bool kDecode>
void Reader::scan_string() {
    ++pos_;
    const std::size_t start = pos_;
    bool escaped = false;  // scratch_ holds the decoded text so far
    for (;;) {
        const std::size_t run = pos_;
        while (pos_ < text_.size() && kPlain[static_cast<unsigned char>(text_[pos_])]) ++pos_;
        if (kDecode && escaped) scratch_.append(text_, run, pos_ - run);
        if (pos_ >= text_.size())
            fail(pos_, "a string is not closed: expected '\"' before the end of the input");
        const unsigned char c = byte_at(text_, pos_);
        if (c == '"') {
            if (kDecode) string_ = escaped ? std::string_view(scratch_) : text_.substr(start, pos_ - start);
            ++pos_;
            return;
        }
        if (c == '\\') {
            if (kDecode && !escaped) scratch_.assign(text_, start, pos_ - start);
            escaped = true;
            decode_escape<kDecode>();
            continue;
        }
        if (c < 0x20) {
            static const char kHex[] = "0123456789ABCDEF";
            const std::string code = {'0', '0', kHex[c >> 4], kHex[c & 0xF]};
            fail(pos_, "control character U+" + code + " in a string must be escaped (as \\u" + code + ")");
        }
        const std::size_t length = utf8::sequence_length(text_, pos_);
        if (length == 0) fail(pos_, found_at(text_, pos_) + " in a string is not valid UTF-8");
        if (kDecode && escaped) scratch_.append(text_, pos_, length);
        pos_ += length;
    }
}

// Four hex digits after "\u" at pos_.
char32_t Reader::read_hex4() {
    char32_t code = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = utf8::hex_value(current());
        if (digit < 0) fail_expected("four hex digits after '\\u'");
        code = code * 16 + static_cast<char32_t>(digit);
        ++pos_;
    }
    return code;
}

// The escape at pos_ (its backslash). A \u escape of a UTF-16 high surrogate
// must be followed by one of a low surrogate; a lone low surrogate is an error.
template <bool kDecode>
void Reader::decode_escape() {
    const std::size_t backslash = pos_;
    ++pos_;
    const char c = current();
    char plain = '\0';
    switch (c) {
        case '"': plain = '"'; break;
        case '\\': plain = '\\'; break;
        case '/': plain = '/'; break;
        case 'b': plain = '\b'; break;
        case 'f': plain = '\f'; break;
        case 'n': plain = '\n'; break;
        case 'r': plain = '\r'; break;
        case 't': plain = '\t'; break;
        case 'u': {
            ++pos_;
            char32_t code = read_hex4();
            const std::string escape(text_.substr(backslash, 6));
            if (code >= 0xDC00 && code <= 0xDFFF)
                fail(backslash, "unpaired UTF-16 surrogate " + escape +
                                    ": a low surrogate (\\udc00 to \\udfff) must follow a high one");
            if (code >= 0xD800 && code <= 0xDBFF) {
                const char* pair = "a \\u escape of a low surrogate (\\udc00 to \\udfff)";
                if (current() != '\\' || byte_at(text_, pos_ + 1) != 'u')
                    fail(pos_, "unpaired UTF-16 surrogate " + escape + ": expected " + pair +
                                   " after it, found " + found_at(text_, pos_));
                const std::size_t second = pos_;
                pos_ += 2;
                const char32_t low = read_hex4();
                if (low < 0xDC00 || low > 0xDFFF)
                    fail(second, "unpaired UTF-16 surrogate " + escape + ": expected " + pair +
                                     " after it, found " + std::string(text_.substr(second, 6)));
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
            if (kDecode) utf8::append(scratch_, code);
            return;
        }
        default:
            if (pos_ < text_.size() && byte_at(text_, pos_) > 0x20 && byte_at(text_, pos_) < 0x7F)
                fail(backslash, std::string("invalid escape '\\") + c +
                                    "' in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            fail_expected("an escape character after '\\'");
    }
    ++pos_;
    if (kDecode) scratch_ += plain;
}

// The number at pos_, in JSON's grammar. Only a converted number, or one that
// could overflow a double (which nlohmann rejects), goes through strtod.
Number Reader::scan_number(bool convert) {
    const std::size_t start = pos_;
    Number number;
    number.negative = current() == '-';
    if (number.negative) ++pos_;
    const std::size_t digits_start = pos_;
    if (current() == '0') {
        ++pos_;
        if (is_digit(current())) fail(start, "a number must not start with 0 followed by more digits");
    } else if (is_digit(current())) {
        while (is_digit(current())) ++pos_;
    } else {
        fail_expected(number.negative ? "a digit after '-'" : "a number");
    }
    const std::size_t digits_end = pos_;
    bool fraction = false, exponent = false;
    if (current() == '.') {
        fraction = true;
        ++pos_;
        if (!is_digit(current())) fail_expected("a digit after the decimal point");
        while (is_digit(current())) ++pos_;
    }
    if (current() == 'e' || current() == 'E') {
        exponent = true;
        ++pos_;
        if (current() == '+' || current() == '-') ++pos_;
        if (!is_digit(current())) fail_expected("a digit in the exponent");
        while (is_digit(current())) ++pos_;
    }
    const std::string_view token = text_.substr(start, pos_ - start);
    if (!fraction && !exponent &&
        integer_magnitude(text_.substr(digits_start, digits_end - digits_start), number.negative,
                          number.magnitude)) {
        number.is_integer = true;
        const double magnitude = static_cast<double>(number.magnitude);
        number.value = number.negative && number.magnitude != 0 ? -magnitude : magnitude;
        return number;
    }
    // Fewer than 300 digits and no exponent cannot reach the largest double.
    if (!convert && !exponent && token.size() < 300) return number;
    number.value = to_double(token);
    if (!std::isfinite(number.value))
        fail(start, "the number " + quoted_token(token) + " is too large for a double");
    return number;
}

void Reader::skip_scalar() {
    switch (next_token()) {
        case '"': scan_string<false>(); return;
        case 't': expect_literal("true"); return;
        case 'f': expect_literal("false"); return;
        case 'n': expect_literal("null"); return;
        default: break;
    }
    if (current() != '-' && !is_digit(current())) fail_expected("a value");
    scan_number(false);
}

// A member's name and its colon; `first` if it is the object's first member.
void Reader::skip_key(bool first) {
    if (next_token() != '"')
        fail_expected(first ? "a member name in double quotes or '}'" : "a member name in double quotes");
    scan_string<false>();
    expect(':', "':' after the member name");
}

// Iterative, so hostile nesting cannot exhaust the stack: `closers` holds the
// bracket each open container expects, at most kMaxJsonDepth of them.
void Reader::skip_value() {
    char closers[limits::kMaxJsonDepth + 1];
    std::size_t open = 0;
    for (;;) {
        const char c = next_token();
        if (c == '{' || c == '[') {
            ++pos_;
            open_container();
            closers[open++] = c == '{' ? '}' : ']';
            if (next_token() != closers[open - 1]) {
                if (c == '{') skip_key(true);
                continue;  // to the first member's value or the first item
            }
            ++pos_;
            close_container();
            --open;
        } else {
            skip_scalar();
        }
        // A value ended: close the containers it ends, then go to the next value.
        for (;;) {
            if (open == 0) {
                after_value();
                return;
            }
            const char d = next_token();
            if (d == closers[open - 1]) {
                ++pos_;
                close_container();
                --open;
                continue;
            }
            const bool in_object = closers[open - 1] == '}';
            if (d != ',')
                fail_expected(in_object ? "',' or '}' after an object member" : "',' or ']' after an array item");
            ++pos_;
            if (in_object) skip_key(false);
            break;
        }
    }
}

std::map<std::string, Reader> Reader::object_members() {
    std::map<std::string, Reader> members;
    std::string_view key;
    while (next_key(key)) {
        members.insert_or_assign(std::string(key), Reader(text_, pos_, depth_));
        skip_value();
    }
    return members;
}

Document Document::scan(std::string_view text) {
    if (text.size() > limits::kMaxInputBytes)
        throw InputError("input", "input is " + std::to_string(text.size()) +
                                      " bytes, more than the limit of " +
                                      std::to_string(limits::kMaxInputBytes));
    Document document;
    document.text_ = text;
    try {
        Reader reader(text);
        reader.skip_bom();
        document.root_type_ = reader.peek();
        if (document.root_type_ == Type::object) {
            reader.begin_object();
            std::string_view key;
            while (reader.next_key(key)) {
                document.members_[std::string(key)] = reader.offset();
                reader.skip_value();
            }
        } else {
            reader.skip_value();
        }
        reader.finish_document();
    } catch (const SyntaxError& error) {
        throw InputError(line_and_column(text, error.offset), "invalid JSON: " + error.message);
    }
    return document;
}

std::vector<std::string> Document::sorted_keys() const {
    std::vector<std::string> keys;
    keys.reserve(members_.size());
    for (const auto& member : members_) keys.push_back(member.first);
    std::sort(keys.begin(), keys.end());
    return keys;
}

Type Document::type_of(const std::string& key) const { return member(key).peek(); }

bool Document::has(const std::string& key) const {
    return contains(key) && type_of(key) != Type::null;
}

Reader Document::member(const std::string& key) const {
    return Reader(text_, members_.at(key), 1);
}

}  // namespace canvasfit::json_pull

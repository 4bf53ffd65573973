#include "read/json_pull.hpp"

#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

#include "canvasfit/limits.hpp"
#include "read/json_input.hpp"
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

bool in_range(unsigned char byte, unsigned char low, unsigned char high) {
    return byte >= low && byte <= high;
}

// Length of the UTF-8 sequence at `i`, or 0 if it is not one nlohmann accepts:
// no overlong forms, no UTF-16 surrogates, nothing past U+10FFFF.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const unsigned char lead = byte_at(text, i);
    const unsigned char b1 = byte_at(text, i + 1);
    if (in_range(lead, 0xC2, 0xDF)) return in_range(b1, 0x80, 0xBF) ? 2 : 0;
    const unsigned char b2 = byte_at(text, i + 2);
    const bool tail2 = in_range(b2, 0x80, 0xBF);
    if (lead == 0xE0) return in_range(b1, 0xA0, 0xBF) && tail2 ? 3 : 0;
    if (lead == 0xED) return in_range(b1, 0x80, 0x9F) && tail2 ? 3 : 0;
    if (in_range(lead, 0xE1, 0xEF)) return in_range(b1, 0x80, 0xBF) && tail2 ? 3 : 0;
    const bool tail3 = tail2 && in_range(byte_at(text, i + 3), 0x80, 0xBF);
    if (lead == 0xF0) return in_range(b1, 0x90, 0xBF) && tail3 ? 4 : 0;
    if (in_range(lead, 0xF1, 0xF3)) return in_range(b1, 0x80, 0xBF) && tail3 ? 4 : 0;
    if (lead == 0xF4) return in_range(b1, 0x80, 0x8F) && tail3 ? 4 : 0;
    return 0;
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

[[noreturn]] void reject(std::string_view text) {
    json_input::parse(text);  // throws the InputError users have always seen
    throw std::logic_error("the JSON pull reader rejected text that nlohmann accepts");
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

char Reader::next_token() {
    while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return c;
        ++pos_;
    }
    return '\0';
}

void Reader::expect(char c) {
    if (next_token() != c) throw SyntaxError{};
    ++pos_;
}

void Reader::expect_literal(std::string_view literal) {
    if (text_.compare(pos_, literal.size(), literal) != 0) throw SyntaxError{};
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
    throw SyntaxError{};
}

void Reader::open_container() {
    if (++depth_ > limits::kMaxJsonDepth) throw SyntaxError{};
    first_ = true;
}

void Reader::close_container() {
    --depth_;
    after_value();
}

void Reader::begin_object() {
    expect('{');
    open_container();
}

void Reader::begin_array() {
    expect('[');
    open_container();
}

// Before a member or item: a comma unless it is the first one.
void Reader::separator() {
    if (!first_) expect(',');
    first_ = false;
}

bool Reader::next_key(std::string_view& key) {
    if (next_token() == '}') {
        ++pos_;
        close_container();
        return false;
    }
    separator();
    if (next_token() != '"') throw SyntaxError{};
    scan_string<true>();
    key = string_;
    expect(':');
    return true;
}

bool Reader::next_item() {
    if (next_token() == ']') {
        ++pos_;
        close_container();
        return false;
    }
    separator();
    return true;
}

std::string_view Reader::read_string() {
    if (next_token() != '"') throw SyntaxError{};
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
    if (c != 't' && c != 'f') throw SyntaxError{};
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
    if (byte_at(text_, 1) != 0xBB || byte_at(text_, 2) != 0xBF) throw SyntaxError{};
    pos_ = 3;
}

void Reader::finish_document() {
    if (next_token() != '\0') throw SyntaxError{};
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
        const unsigned char c = byte_at(text_, pos_);
        if (pos_ >= text_.size() || c < 0x20) throw SyntaxError{};  // unterminated, or a control byte
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
        const std::size_t length = utf8_length(text_, pos_);
        if (length == 0) throw SyntaxError{};
        if (kDecode && escaped) scratch_.append(text_, pos_, length);
        pos_ += length;
    }
}

// Four hex digits after "\u" at pos_.
char32_t Reader::read_hex4() {
    char32_t code = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = utf8::hex_value(pos_ < text_.size() ? text_[pos_] : '\0');
        if (digit < 0) throw SyntaxError{};
        code = code * 16 + static_cast<char32_t>(digit);
        ++pos_;
    }
    return code;
}

// The escape at pos_ (its backslash). A \u escape of a UTF-16 high surrogate
// must be followed by one of a low surrogate; a lone low surrogate is an error.
template <bool kDecode>
void Reader::decode_escape() {
    ++pos_;
    const char c = current();
    ++pos_;
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
            char32_t code = read_hex4();
            if (code >= 0xDC00 && code <= 0xDFFF) throw SyntaxError{};
            if (code >= 0xD800 && code <= 0xDBFF) {
                if (current() != '\\' || byte_at(text_, pos_ + 1) != 'u') throw SyntaxError{};
                pos_ += 2;
                const char32_t low = read_hex4();
                if (low < 0xDC00 || low > 0xDFFF) throw SyntaxError{};
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
            if (kDecode) utf8::append(scratch_, code);
            return;
        }
        default: throw SyntaxError{};
    }
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
    if (current() == '0') ++pos_;
    else if (is_digit(current())) while (is_digit(current())) ++pos_;
    else throw SyntaxError{};
    const std::size_t digits_end = pos_;
    bool fraction = false, exponent = false;
    if (current() == '.') {
        fraction = true;
        ++pos_;
        if (!is_digit(current())) throw SyntaxError{};
        while (is_digit(current())) ++pos_;
    }
    if (current() == 'e' || current() == 'E') {
        exponent = true;
        ++pos_;
        if (current() == '+' || current() == '-') ++pos_;
        if (!is_digit(current())) throw SyntaxError{};
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
    if (!std::isfinite(number.value)) throw SyntaxError{};  // nlohmann: number overflow
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
    if (current() != '-' && !is_digit(current())) throw SyntaxError{};
    scan_number(false);
}

void Reader::skip_key() {
    if (next_token() != '"') throw SyntaxError{};
    scan_string<false>();
    expect(':');
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
                if (c == '{') skip_key();
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
            if (d != ',') throw SyntaxError{};
            ++pos_;
            if (closers[open - 1] == '}') skip_key();
            break;
        }
    }
}

Document Document::scan(std::string_view text) {
    if (text.size() > limits::kMaxInputBytes) reject(text);
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
        // nlohmann stops at a NUL byte, but its depth check reads past it.
        if (reader.offset() < text.size()) json_input::parse(text);
    } catch (const SyntaxError&) {
        reject(text);
    }
    return document;
}

Type Document::type_of(const std::string& key) const { return member(key).peek(); }

bool Document::has(const std::string& key) const {
    return contains(key) && type_of(key) != Type::null;
}

Reader Document::member(const std::string& key) const {
    return Reader(text_, members_.at(key), 1);
}

}  // namespace canvasfit::json_pull

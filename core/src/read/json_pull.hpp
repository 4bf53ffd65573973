// A strict pull reader for untrusted JSON text, used by the board readers so
// that a host export is read straight into the Board instead of first being
// built into a tree (bench/README.md, "Where the time goes").
//
// It accepts exactly what nlohmann::json::parse accepts (the fuzz target
// fuzz_json_pull checks this), but it never words a syntax error itself:
// Document::scan re-runs json_input::parse on rejected text, so the user gets
// today's message, line and column. Nothing here recurses on the input's
// nesting, and nesting deeper than limits::kMaxJsonDepth is rejected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace canvasfit::json_pull {

enum class Type { null, boolean, number, string, array, object };

// The names nlohmann's type_name() gives, which error messages quote.
const char* type_name(Type type);

// A number as nlohmann would store it: an integer when the text has no
// fraction or exponent and fits 64 bits, a double otherwise.
struct Number {
    double value = 0;
    bool is_integer = false;
    bool negative = false;
    std::uint64_t magnitude = 0;  // of an integer

    // nlohmann's dump() of an integer, e.g. for an id.
    std::string integer_text() const;
};

// Thrown by Reader when the text is not JSON nlohmann accepts. Internal:
// Document::scan turns it into json_input::parse's InputError.
struct SyntaxError {};

class Reader {
public:
    // Reads the value at `offset`, which is nested `depth` levels deep.
    explicit Reader(std::string_view text, std::size_t offset = 0, std::size_t depth = 0)
        : text_(text), pos_(offset), depth_(depth) {}

    Type peek();  // the type of the next value; SyntaxError if there is none

    void begin_object();
    // The next key of the open object, or false after its closing brace.
    // The view lives until the next call on this reader.
    bool next_key(std::string_view& key);
    void begin_array();
    bool next_item();  // false after the closing bracket of the open array

    // Decoded and UTF-8 checked; the view lives until the next call.
    std::string_view read_string();
    Number read_number();
    bool read_bool();
    void read_null();
    void skip_value();  // any value, checked but not kept

    void skip_bom();         // nlohmann accepts one UTF-8 BOM before the document
    void finish_document();  // only whitespace may follow (up to a NUL byte, as in nlohmann)
    std::size_t offset() const { return pos_; }

private:
    char current() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    char next_token();  // skips whitespace; '\0' at the end of input
    void expect(char c);
    void expect_literal(std::string_view literal);
    void after_value() { first_ = false; }
    void open_container();
    void close_container();
    void separator();
    template <bool kDecode>
    void scan_string();
    template <bool kDecode>
    void decode_escape();
    char32_t read_hex4();
    void skip_key();
    Number scan_number(bool convert);
    void skip_scalar();

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    bool first_ = true;  // no member or item read yet in the open container
    std::string_view string_;  // the last string read
    std::string scratch_;      // its decoded text when it had escapes
};

// A whole text checked once, with where each top-level member's value starts,
// so a reader can take the members in the order its checks run.
class Document {
public:
    // Throws json_input::parse's InputError if nlohmann would reject the text.
    static Document scan(std::string_view text);

    bool root_is_object() const { return root_type_ == Type::object; }
    Type root_type() const { return root_type_; }
    // The last occurrence of a top-level key wins, as in nlohmann.
    bool contains(const std::string& key) const { return members_.count(key) != 0; }
    Type type_of(const std::string& key) const;  // of a member that exists
    // Present and not null, like json_input::has.
    bool has(const std::string& key) const;
    Reader member(const std::string& key) const;  // a reader on the value of a member
    std::size_t offset_of(const std::string& key) const { return members_.at(key); }
    std::string_view text() const { return text_; }

private:
    std::string_view text_;
    Type root_type_ = Type::null;
    std::unordered_map<std::string, std::size_t> members_;
};

}  // namespace canvasfit::json_pull

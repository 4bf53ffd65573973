// A strict pull reader for untrusted JSON text: the core's one JSON reader,
// for boards (read straight into the Board instead of first being built into
// a tree, bench/README.md "Where the time goes"), options and note edits.
//
// It accepts what nlohmann::json::parse accepts (a NUL byte ends the text, a
// UTF-8 byte order mark may open it; the fuzz target fuzz_json_pull and
// tests/cpp/read/test_json_pull.cpp check this against nlohmann), and where
// it stops on malformed text it says why in its own words: Document::scan
// throws an InputError whose place is "line 3, column 14" and whose message
// names what was expected and what was found there. Nothing here recurses on
// the input's nesting, and nesting deeper than limits::kMaxJsonDepth is
// rejected where it happens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

// Thrown by Reader where the text stops being JSON: the byte offset of the
// problem and what it is ("expected ',' or ']' after an array item, found
// 'x'"). Internal: Document::scan turns it into an InputError.
struct SyntaxError {
    std::size_t offset = 0;
    std::string message;
};

// "line 3, column 14" for a byte offset into `text`, as an editor counts:
// lines end at '\n', columns count characters (UTF-8 sequences), from 1.
std::string line_and_column(std::string_view text, std::size_t offset);

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
    // The members of the object just begun (begin_object), read to its end:
    // each name with a reader on its value, in name order, the last of a
    // repeated name winning (nlohmann's order and rule).
    std::map<std::string, Reader> object_members();

    void skip_bom();         // one UTF-8 byte order mark may open the text
    void finish_document();  // only whitespace may follow (up to a NUL byte, which ends the text)
    std::size_t offset() const { return pos_; }

private:
    char current() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    char next_token();  // skips whitespace; '\0' at the end of input
    [[noreturn]] void fail(std::size_t at, const std::string& message) const;
    [[noreturn]] void fail_expected(const char* expected) const;  // "expected X, found Y" at pos_
    void expect(char c, const char* expected);
    void expect_literal(std::string_view literal);
    void after_value() { first_ = false; }
    void open_container();
    void close_container();
    void separator(bool in_object);
    template <bool kDecode>
    void scan_string();
    template <bool kDecode>
    void decode_escape();
    char32_t read_hex4();
    void skip_key(bool first);
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
    // Throws an InputError if the text is not JSON: over limits::kMaxInputBytes
    // (place "input"), or malformed or nested too deep (place "line L, column C").
    static Document scan(std::string_view text);

    bool root_is_object() const { return root_type_ == Type::object; }
    Type root_type() const { return root_type_; }
    // The last occurrence of a top-level key wins (as in nlohmann and JSON.parse).
    bool contains(const std::string& key) const { return members_.count(key) != 0; }
    Type type_of(const std::string& key) const;  // of a member that exists
    // Present and not null.
    bool has(const std::string& key) const;
    Reader member(const std::string& key) const;  // a reader on the value of a member
    std::size_t offset_of(const std::string& key) const { return members_.at(key); }
    std::vector<std::string> sorted_keys() const;  // the members' names in byte order
    std::string_view text() const { return text_; }

private:
    std::string_view text_;
    Type root_type_ = Type::null;
    std::unordered_map<std::string, std::size_t> members_;
};

}  // namespace canvasfit::json_pull

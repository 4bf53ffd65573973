// The pull reader (core/src/read/json_pull.cpp) against nlohmann: what it
// accepts and the values it reads. A rejected text gets the pull reader's own
// error, placed at a line and column and saying what was expected and found
// there; the wording is tested here, case by case.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>
#include <string>
#include <vector>

#include "fuzz/harness.hpp"
#include "canvasfit/errors.hpp"
#include "canvasfit/readers.hpp"
#include "read/json_pull.hpp"

namespace canvasfit {
namespace {

using json_pull::Document;
using json_pull::Reader;

// Accepted by both with the same values, or rejected by both, the pull
// reader's error placed and worded (fuzz::check_syntax_error).
void expect_same_as_nlohmann(const std::string& text) {
    EXPECT_EQ(fuzz::check_json_pull(text), "") << "input: " << text;
}

bool accepted(const std::string& text) {
    try {
        Document::scan(text);
        return true;
    } catch (const InputError&) {
        return false;
    }
}

std::string read_one_string(const std::string& text) {
    Reader reader(text);
    return std::string(reader.read_string());
}

TEST(JsonPull, DecodesEscapes) {
    EXPECT_EQ(read_one_string(R"("a\"b\\c\/d\b\f\n\r\t")"), "a\"b\\c/d\b\f\n\r\t");
    EXPECT_EQ(read_one_string(R"("caf\u00e9 \u20AC")"), "caf\xC3\xA9 \xE2\x82\xAC");
    EXPECT_EQ(read_one_string(R"("\u0000")"), std::string(1, '\0'));
    for (const char* text : {R"(["a\x"])", R"(["\u12"])", R"(["\u12G4"])", R"(["\)"})
        expect_same_as_nlohmann(text);
    EXPECT_FALSE(accepted(R"(["a\x"])"));
}

TEST(JsonPull, JoinsSurrogatePairsAndRejectsLoneSurrogates) {
    EXPECT_EQ(read_one_string(R"("\ud83d\ude00")"), "\xF0\x9F\x98\x80");
    EXPECT_EQ(read_one_string(R"("\uDBFF\uDFFF")"), "\xF4\x8F\xBF\xBF");
    for (const char* lone : {R"(["\ud83d"])", R"(["\ud83dx"])", R"(["\ud83d\n"])",
                             R"(["\ud83d\u0041"])", R"(["\ude00"])", R"(["\ud83d\ud83d"])"}) {
        EXPECT_FALSE(accepted(lone)) << lone;
        expect_same_as_nlohmann(lone);
    }
}

TEST(JsonPull, RejectsInvalidUtf8InStrings) {
    const std::string bad[] = {
        "\x80",             // a continuation byte alone
        "\xC0\x80",         // overlong NUL
        "\xC1\xBF",         // overlong
        "\xE0\x80\x80",     // overlong
        "\xED\xA0\x80",     // a UTF-16 surrogate
        "\xF4\x90\x80\x80", // past U+10FFFF
        "\xF5\x80\x80\x80", // never a lead byte
        "\xE2\x82",         // cut short
        "\xFF",
    };
    for (const std::string& bytes : bad) {
        const std::string text = "[\"" + bytes + "\"]";
        EXPECT_FALSE(accepted(text));
        expect_same_as_nlohmann(text);
    }
    const std::string good = "[\"\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xF0\x90\x80\x80\xF4\x8F\xBF\xBF\"]";
    EXPECT_TRUE(accepted(good));
    expect_same_as_nlohmann(good);
    expect_same_as_nlohmann("[\"a\x01\"]");  // control characters must be escaped
}

TEST(JsonPull, LimitsNestingWithoutRecursion) {
    const auto nested = [](std::size_t depth) {
        return std::string(depth, '[') + std::string(depth, ']');
    };
    EXPECT_TRUE(accepted(nested(limits::kMaxJsonDepth)));
    EXPECT_FALSE(accepted(nested(limits::kMaxJsonDepth + 1)));
    expect_same_as_nlohmann(nested(limits::kMaxJsonDepth + 1));
    // Hostile depth, closed or not, is rejected without exhausting the stack.
    EXPECT_FALSE(accepted(std::string(1000000, '[')));
    expect_same_as_nlohmann(std::string(100000, '[') + "1" + std::string(100000, ']'));
    expect_same_as_nlohmann(R"({"a":)" + nested(limits::kMaxJsonDepth - 1) + "}");
    expect_same_as_nlohmann(R"({"a":)" + nested(limits::kMaxJsonDepth) + "}");
}

TEST(JsonPull, ReadsNumbersAsNlohmannStoresThem) {
    for (const char* text :
         {"0", "-0", "-0.0", "1.5", "-1.5e-3", "1E+2", "1e-400", "18446744073709551615",
          "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
          "123456789012345678901234567890", "1e308", "1.7976931348623157e308", "1e400", "-1e400",
          "1.8e308", "01", "1.", ".5", "+1", "-", "1e", "1e+", "--1", "NaN", "Infinity", "-Infinity",
          "[1,2.5,-3]"})
        expect_same_as_nlohmann(text);
    EXPECT_FALSE(accepted("1e400"));
    EXPECT_FALSE(accepted(std::string(400, '9')));
    EXPECT_TRUE(accepted(std::string(300, '9')));
    Reader minus_zero("-0");
    const json_pull::Number zero = minus_zero.read_number();
    EXPECT_TRUE(zero.is_integer);
    EXPECT_EQ(zero.integer_text(), "0");
    EXPECT_FALSE(std::signbit(zero.value));  // nlohmann stores the integer 0
}

TEST(JsonPull, DuplicateKeysKeepTheLastValue) {
    expect_same_as_nlohmann(R"({"a":1,"b":2,"a":[3]})");
    const std::string text = R"({"a":1,"a":"two"})";
    const Document document = Document::scan(text);
    Reader value = document.member("a");
    EXPECT_EQ(value.read_string(), "two");
    // In a board too: the last "text" of a note and the last "notes" list are read.
    const Board board = read_board(R"({"schema":"canvasfit.board/1","notes":[],
        "notes":[{"id":"n","text":"first","x":0,"y":0,"text":"second"}]})");
    ASSERT_EQ(board.notes.size(), 1u);
    EXPECT_EQ(board.notes[0].text, "second");
}

TEST(JsonPull, EveryTruncationIsRejectedAsByNlohmannWithAPlacedError) {
    const std::string text =
        "\xEF\xBB\xBF{\"type\": \"excalidraw\", \"elements\": [{\"id\": \"a\\u00e9\", \"x\": -1.5e2,"
        " \"ok\": true, \"no\": false, \"none\": null, \"t\": \"caf\xC3\xA9\"}], \"n\": 12}\n";
    for (std::size_t length = 0; length <= text.size(); ++length)
        expect_same_as_nlohmann(text.substr(0, length));
}

TEST(JsonPull, FollowsNlohmannOnByteOrderMarksAndNulBytes) {
    // A NUL byte ends the text: what follows is not read, however it nests.
    EXPECT_TRUE(accepted(std::string("[]\0", 3) + std::string(200, '[')));
    for (const std::string& text :
         {std::string("\xEF\xBB\xBF[]"), std::string("\xEF\xBB[]"), std::string(" \xEF\xBB\xBF[]"),
          std::string("[]\0garbage", 10), std::string("\0[]", 3), std::string("[\0]", 3),
          std::string("[]\0", 3) + std::string(200, '['), std::string("[] x"), std::string(""),
          std::string("  "), std::string("[1] [2]"), std::string("tru"), std::string("nul"),
          std::string("truex"), std::string("{\"a\" 1}"), std::string("{1:2}"),
          std::string("[1,]"), std::string("{,}"), std::string("[,1]"), std::string("[}"),
          std::string("{]")})
        expect_same_as_nlohmann(text);
    EXPECT_TRUE(accepted(std::string("{}\0garbage", 10)));
}

std::string error_of(const std::string& text) {
    try {
        Document::scan(text);
    } catch (const InputError& error) {
        return error.where() + ": " + error.what();
    }
    return "accepted";
}

// Each kind of malformed text, with the message users see: where (line and
// column, columns counting characters), what was expected, what was found.
TEST(JsonPull, SaysWhereAndWhatIsWrongInItsOwnWords) {
    const std::pair<std::string, std::string> cases[] = {
        {"", "line 1, column 1: invalid JSON: expected a value, found the end of the input"},
        {"  \n ", "line 2, column 2: invalid JSON: expected a value, found the end of the input"},
        {"<html>", "line 1, column 1: invalid JSON: expected a value, found '<'"},
        {"\x01", "line 1, column 1: invalid JSON: expected a value, found byte 0x01"},
        {"[NaN]", "line 1, column 2: invalid JSON: expected a value, found 'NaN'"},
        {"{\n  \"a\": tru\n}", "line 2, column 8: invalid JSON: expected true, found 'tru'"},
        {"nulx", "line 1, column 1: invalid JSON: expected null, found 'nulx'"},
        {"[fals]", "line 1, column 2: invalid JSON: expected false, found 'fals'"},
        {"{\"a\" : 1 , \"b\": [1, 2, x",
         "line 1, column 24: invalid JSON: expected a value, found 'x'"},
        {"[1,]", "line 1, column 4: invalid JSON: expected a value, found ']'"},
        {"[1 2]", "line 1, column 4: invalid JSON: expected ',' or ']' after an array item, found '2'"},
        {"[1", "line 1, column 3: invalid JSON: expected ',' or ']' after an array item, found the end of the input"},
        {"{\"a\":1 \"b\":2}",
         "line 1, column 8: invalid JSON: expected ',' or '}' after an object member, found '\"'"},
        {"{1:2}", "line 1, column 2: invalid JSON: expected a member name in double quotes or '}', found '1'"},
        {"{\"a\":1,}", "line 1, column 8: invalid JSON: expected a member name in double quotes, found '}'"},
        {"{\"a\"}", "line 1, column 5: invalid JSON: expected ':' after the member name, found '}'"},
        {"{\"a\":}", "line 1, column 6: invalid JSON: expected a value, found '}'"},
        {"{\"a\":1}}",
         "line 1, column 8: invalid JSON: expected the end of the input after the JSON value, found '}'"},
        {"[\"caf\xC3\xA9\" \xC3\xA9]",
         "line 1, column 9: invalid JSON: expected ',' or ']' after an array item, found '\xC3\xA9'"},
        {"[1,\n 2, \"abc",
         "line 2, column 9: invalid JSON: a string is not closed: expected '\"' before the end of the input"},
        {"[\"a\tb\"]",
         "line 1, column 4: invalid JSON: control character U+0009 in a string must be escaped (as \\u0009)"},
        {"[\"\xC3(\"]", "line 1, column 3: invalid JSON: byte 0xC3 in a string is not valid UTF-8"},
        {"[\"\xED\xA0\x80\"]", "line 1, column 3: invalid JSON: byte 0xED in a string is not valid UTF-8"},
        {"[\"\\q\"]",
         "line 1, column 3: invalid JSON: invalid escape '\\q' in a string "
         "(valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"},
        {"[\"\\", "line 1, column 4: invalid JSON: expected an escape character after '\\', found the end of the input"},
        {"[\"\\u12\"]", "line 1, column 7: invalid JSON: expected four hex digits after '\\u', found '\"'"},
        {"[\"\\udc00\"]",
         "line 1, column 3: invalid JSON: unpaired UTF-16 surrogate \\udc00: a low surrogate "
         "(\\udc00 to \\udfff) must follow a high one"},
        {"[\"\\ud800\"]",
         "line 1, column 9: invalid JSON: unpaired UTF-16 surrogate \\ud800: expected a \\u escape of a "
         "low surrogate (\\udc00 to \\udfff) after it, found '\"'"},
        {"[\"\\ud800\\u0041\"]",
         "line 1, column 9: invalid JSON: unpaired UTF-16 surrogate \\ud800: expected a \\u escape of a "
         "low surrogate (\\udc00 to \\udfff) after it, found \\u0041"},
        {"[-]", "line 1, column 3: invalid JSON: expected a digit after '-', found ']'"},
        {"[01]", "line 1, column 2: invalid JSON: a number must not start with 0 followed by more digits"},
        {"[1.]", "line 1, column 4: invalid JSON: expected a digit after the decimal point, found ']'"},
        {"[1e+]", "line 1, column 5: invalid JSON: expected a digit in the exponent, found ']'"},
        {"[1.5e999]", "line 1, column 2: invalid JSON: the number 1.5e999 is too large for a double"},
        {"-" + std::string(400, '9'),
         "line 1, column 1: invalid JSON: the number -99999999999999999999... is too large for a double"},
        {"\xEF\xBB",
         "line 1, column 1: invalid JSON: the text starts with byte 0xEF but not with a whole UTF-8 "
         "byte order mark (EF BB BF)"},
        {std::string(129, '[') + std::string(129, ']'),
         "line 1, column 129: invalid JSON: JSON nests deeper than 128 levels"},
    };
    for (const auto& [text, message] : cases) {
        EXPECT_EQ(error_of(text), message) << "input: " << text;
        expect_same_as_nlohmann(text);
    }
}

// The reader's own calls (next_key, next_item, read_*) word their errors as
// Document::scan does on the same text.
TEST(JsonPull, ReaderCallsFailWithTheSameWords) {
    const auto failure = [](const std::string& text, auto read) {
        try {
            Reader reader(text);
            read(reader);
        } catch (const json_pull::SyntaxError& error) {
            return json_pull::line_and_column(text, error.offset) + ": invalid JSON: " + error.message;
        }
        return std::string("no error");
    };
    std::string_view key;
    const std::string object = "{\"a\":1 \"b\":2}";
    EXPECT_EQ(failure(object, [&](Reader& r) {
                  r.begin_object();
                  while (r.next_key(key)) r.skip_value();
              }),
              error_of(object));
    const std::string array = "[1 2]";
    EXPECT_EQ(failure(array, [](Reader& r) {
                  r.begin_array();
                  while (r.next_item()) r.read_number();
              }),
              error_of(array));
    const std::string tru = "tru";
    EXPECT_EQ(failure(tru, [](Reader& r) { r.read_bool(); }), error_of(tru));
    EXPECT_EQ(failure("1", [](Reader& r) { r.read_string(); }),
              "line 1, column 1: invalid JSON: expected a string, found '1'");
}

std::vector<std::string> corpus_texts() {
    std::vector<std::string> texts;
    const std::filesystem::path corpus = std::filesystem::path(CANVASFIT_SOURCE_DIR) / "fuzz/corpus";
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        texts.push_back(buffer.str());
    }
    return texts;
}

// Every seed of every fuzz target, cut short at many places and with bytes
// changed: the pull reader accepts what nlohmann accepts, reads the same
// values, and places and words each rejection (fuzz::check_syntax_error).
TEST(JsonPull, MatchesNlohmannOnTheFuzzCorpusCutAndDamaged) {
    const std::vector<std::string> texts = corpus_texts();
    ASSERT_GE(texts.size(), 30u);
    const char* damage[] = {"", "\"", "\\", "{", "}", "[", "]", ",", ":", "x", "1e999", "-",
                            "\xC3", "\xED\xA0\x80", "\x01", "\n", "\\u", "\\ud83d", "tru", "0."};
    std::uint32_t seed = 12345;
    const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    std::size_t checked = 0;
    for (const std::string& text : texts) {
        const std::size_t step = text.size() / 100 + 1;
        for (std::size_t length = 0; length <= text.size(); length += step) {
            expect_same_as_nlohmann(text.substr(0, length));
            ++checked;
        }
        for (int k = 0; k < 50; ++k) {
            std::string damaged = text;
            const std::size_t at = text.empty() ? 0 : next() % text.size();
            const std::string piece = damage[next() % std::size(damage)];
            if (piece.empty()) damaged.erase(at, 1);
            else damaged.insert(at, piece);
            expect_same_as_nlohmann(damaged);
            ++checked;
        }
    }
    EXPECT_GT(checked, 4000u);
}

}  // namespace
}  // namespace canvasfit

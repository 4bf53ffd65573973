// The pull reader (core/src/json_pull.cpp) against nlohmann: what it accepts,
// the values it reads, and that a rejected text gets nlohmann's error.
#include <gtest/gtest.h>

#include <string>

#include "fuzz/harness.hpp"
#include "canvasfit/errors.hpp"
#include "canvasfit/readers.hpp"
#include "read/json_pull.hpp"

namespace canvasfit {
namespace {

using json_pull::Document;
using json_pull::Reader;

// Accepted by both or rejected by both with the same error, same values.
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

TEST(JsonPull, EveryTruncationGetsNlohmannsError) {
    const std::string text =
        "\xEF\xBB\xBF{\"type\": \"excalidraw\", \"elements\": [{\"id\": \"a\\u00e9\", \"x\": -1.5e2,"
        " \"ok\": true, \"no\": false, \"none\": null, \"t\": \"caf\xC3\xA9\"}], \"n\": 12}\n";
    for (std::size_t length = 0; length <= text.size(); ++length)
        expect_same_as_nlohmann(text.substr(0, length));
}

TEST(JsonPull, FollowsNlohmannOnByteOrderMarksAndNulBytes) {
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

}  // namespace
}  // namespace canvasfit

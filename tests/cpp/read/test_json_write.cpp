// The writer's numbers and strings (core/src/read/json_write.cpp): numbers
// are the shortest text that reads back to the same double, laid out as
// reports have always had them; strings are escaped and always valid UTF-8.
// nlohmann (which wrote the reports before) is the reference for the layout
// only: where its digits differ, ours are as short or shorter.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "read/json_write.hpp"

namespace canvasfit {
namespace {

std::string number(double value) {
    std::string out;
    json_write::append_number(out, value);
    return out;
}

std::string string(std::string_view text) {
    std::string out;
    json_write::append_string(out, text);
    return out;
}

double from_bits(std::uint64_t bits) {
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// The significant digits of a number's text, without sign, point, leading or
// trailing zeros: "0.000120" -> "12".
std::string significant_digits(const std::string& text) {
    std::string digits;
    for (const char c : text) {
        if (c == 'e') break;
        if (c >= '0' && c <= '9' && !(digits.empty() && c == '0')) digits += c;
    }
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    return digits;
}

// The fewest significant digits with which printf's correctly rounded
// "%.*e" reads back, found the slow way: every precision from 1.
std::size_t fewest_digits(double value) {
    char text[40];
    for (int precision = 1;; ++precision) {
        std::snprintf(text, sizeof text, "%.*e", precision - 1, value);
        if (std::strtod(text, nullptr) == value) return significant_digits(text).size();
    }
}

TEST(JsonWrite, NumbersInTheReportsLayout) {
    const std::pair<double, const char*> cases[] = {
        {0.5, "0.5"},
        {0.62, "0.62"},
        {1.0, "1.0"},
        {-1.5, "-1.5"},
        {100.0, "100.0"},
        {123456789.0, "123456789.0"},
        {123.456, "123.456"},
        {999999999999999.0, "999999999999999.0"},
        {12345678901234.5, "12345678901234.5"},
        {1e15, "1e+15"},
        {1.5e16, "1.5e+16"},
        {9007199254740993.0, "9.007199254740992e+15"},
        {1e100, "1e+100"},
        {0.0001, "0.0001"},
        {0.000123, "0.000123"},
        {1e-5, "1e-05"},
        {2.5e-7, "2.5e-07"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1.0 / 3, "0.3333333333333333"},
        {0.0, "0.0"},
        {-0.0, "-0.0"},
        {5e-324, "5e-324"},
        {DBL_MIN, "2.2250738585072014e-308"},
        {DBL_MAX, "1.7976931348623157e+308"},
        {std::numeric_limits<double>::quiet_NaN(), "null"},
        {std::numeric_limits<double>::infinity(), "null"},
        {-std::numeric_limits<double>::infinity(), "null"},
    };
    for (const auto& [value, text] : cases) EXPECT_EQ(number(value), text) << value;
}

// Random doubles of every magnitude (random bits), subnormals, fractions and
// figures of a few decimals like the report's scores: each text reads back to
// the same double, has no more digits than the slow search finds (so, at 15
// digits or fewer, it is that text: there is only one), and is laid out as
// nlohmann laid it out. Where nlohmann's digits (Grisu2) differ, they are
// never fewer than ours.
TEST(JsonWrite, NumbersAreTheShortestTextThatReadsBack) {
    std::uint64_t seed = 0x9E3779B97F4A7C15u;
    const auto next = [&seed] {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        return seed;
    };
    std::vector<double> values;
    for (int i = 0; i < 50000; ++i) values.push_back(from_bits(next()));
    for (int i = 0; i < 5000; ++i) values.push_back(from_bits(next() % 0x0010000000000000u));  // subnormal
    for (int n = 1; n <= 300; ++n)
        for (int k = 0; k <= n; ++k) values.push_back(static_cast<double>(k) / n);
    // Figures with a few decimals, as the report rounds them (the fast path).
    for (int k = -8000; k <= 8000; ++k) {
        values.push_back(k / 1000.0);
        values.push_back(k * 0.001);  // not always the same double as k / 1000
        values.push_back(k / 64.0);
        values.push_back(k * 1e9 + 0.5);
        values.push_back(k / 1e6);
    }
    std::size_t other_digits = 0, checked = 0;
    for (const double value : values) {
        if (!std::isfinite(value)) continue;
        ++checked;
        const std::string text = number(value);
        ASSERT_EQ(std::strtod(text.c_str(), nullptr), value) << text;
        if (value != 0) {
            ASSERT_EQ(significant_digits(text).size(), fewest_digits(value)) << text;
        }
        const std::string theirs = nlohmann::json(value).dump();
        if (text == theirs) continue;
        ++other_digits;
        ASSERT_LE(significant_digits(text).size(), significant_digits(theirs).size()) << text << " " << theirs;
        ASSERT_EQ(text.find('e') == std::string::npos, theirs.find('e') == std::string::npos) << text << " " << theirs;
    }
    EXPECT_GT(checked, 130000u);
    // Grisu2 misses the shortest or nearest digits on a small share of doubles.
    EXPECT_LT(other_digits, checked / 100);
}

TEST(JsonWrite, StringsEscapeQuotesBackslashesAndControlCharacters) {
    EXPECT_EQ(string("plain"), "\"plain\"");
    EXPECT_EQ(string("a\"b\\c/d"), "\"a\\\"b\\\\c/d\"");
    EXPECT_EQ(string("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
    EXPECT_EQ(string(std::string("\0\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
    EXPECT_EQ(string("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"), "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
}

// One U+FFFD per maximal subpart: the bytes that still began a well-formed
// sequence share one; a byte that cannot begin or continue one gets its own.
TEST(JsonWrite, InvalidUtf8BecomesOneReplacementPerMaximalSubpart) {
    const std::string r = "\xEF\xBF\xBD";
    const std::pair<std::string, std::string> cases[] = {
        {"a\xE2\x82", "a" + r},                        // cut short: one
        {"\xF0\x9F\x98", r},                           // cut short: one
        {"\xFF\xFE", r + r},                           // never in UTF-8
        {"\xC3(", r + "("},                            // a lead byte without its continuation
        {"\x80\x80\x80", r + r + r},                   // continuation bytes alone
        {"\xED\xA0\x80x", r + r + r + "x"},            // a UTF-16 surrogate
        {"\xC0\xAF", r + r},                           // overlong
        {"\xF4\x90\x80\x80", r + r + r + r},           // past U+10FFFF
        {"\xE2\x82\xE2\x82\xAC", r + "\xE2\x82\xAC"},  // cut short, then whole
    };
    for (const auto& [bytes, text] : cases) EXPECT_EQ(string(bytes), "\"" + text + "\"");
    // Random bytes: always valid UTF-8 out, and as nlohmann's replace handler wrote them.
    std::uint32_t seed = 7;
    for (int i = 0; i < 20000; ++i) {
        std::string bytes;
        const int length = static_cast<int>((seed = seed * 1664525u + 1013904223u) >> 28);
        for (int k = 0; k < length; ++k) {
            seed = seed * 1664525u + 1013904223u;
            const unsigned pick = seed >> 24;
            // continuation bytes, lead bytes, ASCII, anything
            bytes += static_cast<char>(pick < 64    ? 0x80 + (pick & 0x3F)
                                       : pick < 128 ? 0xC0 + (pick & 0x3F)
                                       : pick < 192 ? 0x20 + (pick & 0x3F)
                                                    : pick);
        }
        const std::string theirs =
            nlohmann::json(bytes).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        ASSERT_EQ(string(bytes), theirs);
    }
}

}  // namespace
}  // namespace canvasfit

#include "read/json_write.hpp"

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "read/utf8.hpp"

namespace canvasfit::json_write {

namespace {

// Writes `number` with `precision` significant digits as "%.*e" does
// ("6.20000000000000e-01"); true if that text reads back to `number`. Both
// printf and strtod round correctly (glibc natively, musl in Emscripten), so
// the answer is the same on every build.
bool round_trips(double number, int precision, char (&text)[40]) {
    std::snprintf(text, sizeof text, "%.*e", precision - 1, number);
    return std::strtod(text, nullptr) == number;
}

// The fast path, for most figures of a report (0.62, 12.5, 1500.0): a
// magnitude x that is m / 10^d for an integer m < 10^15 and d <= 6. For d
// from 0 up, m is x * 10^d rounded; if m / 10^d == x, the decimal m·10^-d
// reads back to x (strtod rounds its exact value to the nearest double, and
// so does the division of the exact doubles m and 10^d). It is the text the
// slow path finds: x * 10^d is within 0.2 of a shorter round-tripping m (so
// d only grows past one that exists), and a decimal of 15 digits or fewer
// that reads back to x is unique (see append_number). False if none is found.
bool few_decimals(double magnitude, std::string& digits, int& exponent) {
    static const double kPowers[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    for (int d = 0; d < 7; ++d) {
        const double scaled = std::nearbyint(magnitude * kPowers[d]);
        if (scaled >= 1e15) return false;
        if (scaled / kPowers[d] != magnitude) continue;
        digits = std::to_string(static_cast<long long>(scaled));
        exponent = static_cast<int>(digits.size()) - 1 - d;
        return true;
    }
    return false;
}

// The shortest digits by printf: 15, 16, then 17 significant digits for a
// normal double (see append_number), from 1 up for a subnormal.
void shortest_digits(double magnitude, std::string& digits, int& exponent) {
    char text[40];
    int precision = magnitude >= DBL_MIN ? 15 : 1;
    while (!round_trips(magnitude, precision, text)) ++precision;
    const char* at = text;  // "d.ddde[+-]x"
    for (; *at != 'e'; ++at)
        if (*at != '.') digits += *at;
    exponent = std::atoi(at + 1);
}

}  // namespace

// Which digits: the fewest that read back. 17 significant digits always do.
// For a normal double, 15 digits decide it in one try: if some decimal D of
// k <= 15 digits reads back to x, then |x - D| is at most half an ulp, 2^-53
// of x, less than half the gap between 15-digit decimals near x (at least
// 5e-16 of x), so %.14e rounds x to D itself and only trailing zeros differ
// (so D is also the only one); if 15 digits do not read back, no shorter
// text does, and 16, then 17, are tried. Subnormals have fewer significant
// bits, so from 1 up. Most report figures take few_decimals instead, which
// finds the same digits without printf (musl's is slow in wasm).
void append_number(std::string& out, double number) {
    if (!std::isfinite(number)) {
        out += "null";
        return;
    }
    if (number == 0) {
        out += std::signbit(number) ? "-0.0" : "0.0";
        return;
    }
    const double magnitude = std::fabs(number);
    std::string digits;  // significant digits, then without trailing zeros
    int exponent = 0;    // the decimal exponent of the first digit
    if (magnitude >= 1e15 || !few_decimals(magnitude, digits, exponent))
        shortest_digits(magnitude, digits, exponent);
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();

    if (number < 0) out += '-';
    const auto count = static_cast<int>(digits.size());
    if (exponent >= -4 && exponent <= 14) {
        if (exponent < 0) {
            out += "0.";
            out.append(static_cast<std::size_t>(-exponent - 1), '0');
            out += digits;
        } else if (count <= exponent + 1) {
            out += digits;
            out.append(static_cast<std::size_t>(exponent + 1 - count), '0');
            out += ".0";
        } else {
            out.append(digits, 0, static_cast<std::size_t>(exponent + 1));
            out += '.';
            out.append(digits, static_cast<std::size_t>(exponent + 1), std::string::npos);
        }
        return;
    }
    out += digits[0];
    if (count > 1) {
        out += '.';
        out.append(digits, 1, std::string::npos);
    }
    out += exponent < 0 ? "e-" : "e+";
    const int magnitude_of_exponent = std::abs(exponent);
    if (magnitude_of_exponent < 10) out += '0';
    out += std::to_string(magnitude_of_exponent);
}

void append_string(std::string& out, std::string_view text) {
    static const char kHex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x80) {
            std::size_t prefix = 0;
            const std::size_t length = utf8::sequence_length(text, i, prefix);
            if (length > 0) {
                out.append(text, i, length);
                i += length;
            } else {
                out += "\xEF\xBF\xBD";  // U+FFFD for the bytes that began a sequence
                i += prefix;
            }
            continue;
        }
        switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (byte < 0x20) {
                    out += "\\u00";
                    out += kHex[byte >> 4];
                    out += kHex[byte & 0xF];
                } else {
                    out += static_cast<char>(byte);
                }
        }
        ++i;
    }
    out += '"';
}

}  // namespace canvasfit::json_write

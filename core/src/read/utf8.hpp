// Small UTF-8 and hex helpers shared by the tokenizer (text.cpp), the Miro
// HTML reader (html_text.cpp), the JSON pull reader (json_pull.cpp) and the
// JSON writer (json_write.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace canvasfit::utf8 {

// Appends `code` (a valid scalar value) encoded as UTF-8.
inline void append(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// The length (2 to 4) of the well-formed UTF-8 sequence that starts with the
// byte at text[i] (0x80 or above), or 0 if none does: no overlong forms, no
// UTF-16 surrogates, nothing past U+10FFFF, nothing cut short by the end.
// `prefix` gets how many bytes from i still begin a well-formed sequence
// (at least 1): what Unicode calls the maximal subpart, the bytes one U+FFFD
// stands for when the sequence is replaced.
inline std::size_t sequence_length(std::string_view text, std::size_t i, std::size_t& prefix) {
    const auto byte_at = [&](std::size_t k) -> unsigned {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u;
    };
    const unsigned lead = byte_at(0);
    prefix = 1;
    std::size_t length = 0;
    unsigned low = 0x80, high = 0xBF;  // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;   // overlong below U+0800
        if (lead == 0xED) high = 0x9F;  // U+D800..U+DFFF are surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;   // overlong below U+10000
        if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
    } else {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned next = byte_at(k);
        if (next < low || next > high) return 0;
        prefix = k + 1;
        low = 0x80;
        high = 0xBF;
    }
    return length;
}

inline std::size_t sequence_length(std::string_view text, std::size_t i) {
    std::size_t prefix = 0;
    return sequence_length(text, i, prefix);
}

// The value of one hex digit, or -1.
inline int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace canvasfit::utf8

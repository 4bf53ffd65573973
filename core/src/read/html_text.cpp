#include "read/html_text.hpp"

#include <cstdint>

#include "read/utf8.hpp"

namespace canvasfit {

namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kMaxCodePoint = 0x10FFFF;
constexpr std::size_t kMaxEntityNameLength = 8;  // longest name in the table below
constexpr std::size_t kMaxTagNameLength = 16;    // longer names are kept truncated; never matched

struct NamedEntity {
    const char* name;
    char32_t code;
};

// The entities people and editors actually produce in board text. A name not in
// this table is kept literally rather than guessed at.
constexpr NamedEntity kNamedEntities[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"nbsp", ' '},      {"ensp", ' '},      {"emsp", ' '},
    {"thinsp", ' '},    {"ndash", 0x2013},  {"mdash", 0x2014},  {"hellip", 0x2026},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"laquo", 0x00AB},  {"raquo", 0x00BB},
    {"euro", 0x20AC},   {"pound", 0x00A3},  {"cent", 0x00A2},   {"yen", 0x00A5},
    {"copy", 0x00A9},   {"reg", 0x00AE},    {"trade", 0x2122},  {"middot", 0x00B7},
    {"bull", 0x2022},   {"deg", 0x00B0},    {"plusmn", 0x00B1}, {"times", 0x00D7},
    {"divide", 0x00F7}, {"minus", 0x2212},  {"sect", 0x00A7},   {"para", 0x00B6},
    {"frac12", 0x00BD}, {"frac14", 0x00BC}, {"frac34", 0x00BE}, {"larr", 0x2190},
    {"rarr", 0x2192},   {"uarr", 0x2191},   {"darr", 0x2193},   {"harr", 0x2194},
    {"check", 0x2713},  {"dagger", 0x2020}, {"prime", 0x2032},
};

// Windows-1252 meanings of &#128;..&#159;, as browsers decode them: text pasted
// from word processors often carries &#146; for an apostrophe. 0 = undefined.
constexpr char16_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// HTML whitespace; in the final pass also the separators inside a line.
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_control(char32_t code) {
    const bool c0 = code < 0x20 && code != '\t' && code != '\n' && code != '\r' && code != '\f';
    return c0 || (code >= 0x80 && code <= 0x9F);
}

// What a numeric reference stands for: never a NUL, a surrogate, a control
// character or a value outside Unicode, so the output stays valid, printable UTF-8.
char32_t numeric_reference_code(char32_t value) {
    if (value >= 0x80 && value <= 0x9F) {
        const char32_t mapped = kWindows1252[value - 0x80];
        return mapped ? mapped : kReplacement;
    }
    if (value == 0 || value > kMaxCodePoint || (value >= 0xD800 && value <= 0xDFFF) ||
        is_control(value))
        return kReplacement;
    return value;
}

// Copies the UTF-8 sequence at text[i] to `out`, or U+FFFD if it is malformed
// (truncated, overlong, surrogate, beyond U+10FFFF). Returns the bytes consumed.
std::size_t copy_utf8_sequence(std::string_view text, std::size_t i, std::string& out) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t code = 0;
    char32_t smallest = 0;
    if ((lead & 0xE0) == 0xC0)
        length = 2, code = lead & 0x1F, smallest = 0x80;
    else if ((lead & 0xF0) == 0xE0)
        length = 3, code = lead & 0x0F, smallest = 0x800;
    else if ((lead & 0xF8) == 0xF0)
        length = 4, code = lead & 0x07, smallest = 0x10000;
    if (length == 0 || i + length > text.size()) {
        utf8::append(out, kReplacement);
        return 1;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) {
            utf8::append(out, kReplacement);
            return 1;
        }
        code = (code << 6) | (next & 0x3F);
    }
    if (code < smallest || code > kMaxCodePoint || (code >= 0xD800 && code <= 0xDFFF))
        utf8::append(out, kReplacement);
    else
        out.append(text.substr(i, length));
    return length;
}

bool has_prefix_at(std::string_view text, std::size_t i, std::string_view prefix) {
    return text.substr(i, prefix.size()) == prefix;
}

// Elements whose end starts a new line of text.
bool ends_line(const std::string& name, bool closing) {
    if (name == "br" || name == "hr") return true;
    if (!closing) return false;
    static constexpr const char* kBlocks[] = {"p",  "div", "li", "h1", "h2",         "h3",
                                              "h4", "h5",  "h6", "tr", "blockquote", "pre"};
    for (const char* block : kBlocks)
        if (name == block) return true;
    return false;
}

struct Tag {
    std::string name;  // lower case; "" for <!...> and <?...>
    bool closing = false;
    bool self_closing = false;
    std::size_t end = 0;  // index just past '>'
};

// Converts HTML in one forward pass. Every scan that looks ahead (tag ends,
// comment ends, the end of a script) either consumes what it scanned or runs at
// most once to the end of the input, which keeps the whole pass linear.
class HtmlToText {
public:
    explicit HtmlToText(std::string_view html) : html_(html) {}

    // Text with ' ' for every source space and '\n' for every line break;
    // normalise() then tidies the spacing.
    std::string collect() {
        std::string raw;
        raw.reserve(html_.size());
        std::size_t i = 0;
        while (i < html_.size()) {
            const char c = html_[i];
            if (c == '<' && starts_markup(i))
                i = on_markup(i, raw);
            else if (c == '&')
                i = on_entity(i, raw);
            else
                i = on_text_byte(i, raw);
        }
        return raw;
    }

private:
    static constexpr std::size_t npos = std::string_view::npos;

    std::size_t on_text_byte(std::size_t i, std::string& raw) const {
        const auto byte = static_cast<unsigned char>(html_[i]);
        if (is_space(html_[i])) {
            raw += ' ';  // source line breaks are spaces, as in a browser
        } else if (byte < 0x20) {
            utf8::append(raw, kReplacement);  // NUL and other control bytes are not text
        } else if (byte < 0x80) {
            raw += html_[i];
        } else {
            return i + copy_utf8_sequence(html_, i, raw);
        }
        return i + 1;
    }

    // "<p", "</p", "<!--", "<!DOCTYPE", "<?xml" start markup; "a < b" and "<3" do not.
    bool starts_markup(std::size_t i) const {
        if (i + 1 >= html_.size()) return false;
        const char next = html_[i + 1];
        if (is_ascii_alpha(next) || next == '!' || next == '?') return true;
        return next == '/' && i + 2 < html_.size() && is_ascii_alpha(html_[i + 2]);
    }

    std::size_t on_markup(std::size_t i, std::string& raw) {
        if (has_prefix_at(html_, i, "<!--")) {
            const std::size_t close = html_.find("-->", i + 4);
            return close == npos ? html_.size() : close + 3;  // an open comment hides the rest
        }
        Tag tag;
        if (!read_tag(i, tag)) {
            raw += '<';  // no '>' anywhere after it: plain text after all
            return i + 1;
        }
        std::size_t next = tag.end;
        if (!tag.closing && !tag.self_closing && (tag.name == "script" || tag.name == "style"))
            next = skip_raw_text(next, tag.name);
        if (ends_line(tag.name, tag.closing)) raw += '\n';
        return next;
    }

    bool read_tag(std::size_t i, Tag& tag) {
        std::size_t j = i + 1;
        if (html_[j] == '/') tag.closing = true, ++j;
        for (; j < html_.size() && is_ascii_alnum(html_[j]); ++j)
            if (tag.name.size() < kMaxTagNameLength) tag.name += to_lower(html_[j]);
        const std::size_t close = find_tag_end(j);
        if (close == npos) return false;
        tag.self_closing = close > j && html_[close - 1] == '/';
        tag.end = close + 1;
        return true;
    }

    // The '>' that ends a tag, ignoring any inside a quoted attribute value
    // (href="a>b"). If a quoted scan ever runs off the end, quotes cannot be
    // trusted for the rest of the input and the plain next '>' is used.
    std::size_t find_tag_end(std::size_t from) {
        if (!quotes_unreliable_) {
            char quote = 0;
            bool after_equals = false;
            for (std::size_t k = from; k < html_.size(); ++k) {
                const char c = html_[k];
                if (quote) {
                    if (c == quote) quote = 0;
                } else if (c == '>') {
                    return k;
                } else if ((c == '"' || c == '\'') && after_equals) {
                    quote = c;
                    after_equals = false;
                } else if (c == '=') {
                    after_equals = true;
                } else if (!is_space(c)) {
                    after_equals = false;
                }
            }
            quotes_unreliable_ = true;
        }
        return plain_next_gt(from);
    }

    // Positions asked for only grow, so the cached answer is reused until passed.
    std::size_t plain_next_gt(std::size_t from) {
        if (!next_gt_known_ || (next_gt_ != npos && next_gt_ < from)) {
            next_gt_ = html_.find('>', from);
            next_gt_known_ = true;
        }
        return next_gt_;
    }

    // Skips the content of <script>/<style> up to and including its end tag.
    std::size_t skip_raw_text(std::size_t from, const std::string& name) const {
        for (std::size_t k = html_.find("</", from); k != npos; k = html_.find("</", k + 2)) {
            if (!matches_name_at(k + 2, name)) continue;
            const std::size_t close = html_.find('>', k + 2 + name.size());
            return close == npos ? html_.size() : close + 1;
        }
        return html_.size();  // unterminated script: nothing after it is text
    }

    bool matches_name_at(std::size_t at, const std::string& name) const {
        if (at + name.size() > html_.size()) return false;
        for (std::size_t k = 0; k < name.size(); ++k)
            if (to_lower(html_[at + k]) != name[k]) return false;
        const std::size_t after = at + name.size();
        return after == html_.size() || is_space(html_[after]) || html_[after] == '>' ||
               html_[after] == '/';
    }

    std::size_t on_entity(std::size_t i, std::string& raw) const {
        const std::size_t next = i + 1 < html_.size() && html_[i + 1] == '#'
                                     ? decode_numeric(i, raw)
                                     : decode_named(i, raw);
        if (next == i) {
            raw += '&';  // unknown or unterminated: keep as written
            return i + 1;
        }
        return next;
    }

    // &#NNN; or &#xHH;. Returns the index after ';', or i if it is not one.
    std::size_t decode_numeric(std::size_t i, std::string& raw) const {
        std::size_t j = i + 2;
        const bool hex = j < html_.size() && (html_[j] == 'x' || html_[j] == 'X');
        if (hex) ++j;
        const std::size_t first_digit = j;
        char32_t value = 0;
        for (; j < html_.size(); ++j) {
            const int digit =
                hex ? utf8::hex_value(html_[j]) : (is_ascii_digit(html_[j]) ? html_[j] - '0' : -1);
            if (digit < 0) break;
            // Saturate: any value past U+10FFFF is replaced, however long the digits run.
            value = value > kMaxCodePoint ? value
                                          : value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
        }
        if (j == first_digit || j >= html_.size() || html_[j] != ';') return i;
        utf8::append(raw, numeric_reference_code(value));
        return j + 1;
    }

    // &name; from the table. Returns the index after ';', or i if it is not one.
    std::size_t decode_named(std::size_t i, std::string& raw) const {
        std::size_t j = i + 1;
        while (j < html_.size() && j - i - 1 < kMaxEntityNameLength + 1 && is_ascii_alnum(html_[j]))
            ++j;
        if (j >= html_.size() || html_[j] != ';') return i;
        const std::string_view name = html_.substr(i + 1, j - i - 1);
        for (const NamedEntity& entity : kNamedEntities) {
            if (name == entity.name) {
                utf8::append(raw, entity.code);
                return j + 1;
            }
        }
        return i;
    }

    std::string_view html_;
    bool quotes_unreliable_ = false;
    bool next_gt_known_ = false;
    std::size_t next_gt_ = npos;
};

// Appends `line` with inner runs of spaces collapsed and both ends trimmed.
void append_collapsed(std::string_view line, std::string& out) {
    bool pending_space = false;
    for (char c : line) {
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space && !out.empty() && out.back() != '\n') out += ' ';
        pending_space = false;
        out += c;
    }
}

// Trims each line, collapses spaces, keeps at most one blank line in a row and
// drops blank lines at both ends.
std::string normalise(const std::string& raw) {
    std::string out;
    out.reserve(raw.size());
    bool blank_pending = false;
    std::size_t start = 0;
    while (start <= raw.size()) {
        std::size_t end = raw.find('\n', start);
        if (end == std::string::npos) end = raw.size();
        const std::size_t before = out.size();
        if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
        const std::size_t separator_end = out.size();
        append_collapsed(std::string_view(raw).substr(start, end - start), out);
        if (out.size() == separator_end) {
            // blank line: undo the separator; remember it only between text lines
            out.resize(before);
            blank_pending = !out.empty();
        } else {
            blank_pending = false;
        }
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string html_to_text(std::string_view html) { return normalise(HtmlToText(html).collect()); }

}  // namespace canvasfit

// Text pipeline: UTF-8 decoding, character classes, folding, tokens, stop words.
// The character tables cover what boards are written in (Latin, Greek, Cyrillic,
// CJK, the main punctuation of other scripts) rather than all of Unicode: a code
// point the tables do not name is a letter, so an unknown script still forms
// words instead of vanishing.
#include "text/text.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "read/utf8.hpp"

namespace canvasfit {
namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

// ---------------------------------------------------------------------------
// UTF-8

struct Decoded {
    char32_t value;
    std::size_t length;  // bytes consumed; 1 for an invalid byte
};

// Strict decoding (no overlongs, surrogates or values past U+10FFFF). A bad
// sequence yields U+FFFD for its first byte only; the decoder then resumes at
// the next byte, so one broken character can never swallow a valid one.
Decoded decode_at(std::string_view text, std::size_t pos) {
    const auto byte_at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte_at(pos);
    if (lead < 0x80) return {lead, 1};
    const Decoded invalid{kReplacementCharacter, 1};
    std::size_t length = 0;
    char32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07u;
    } else {
        return invalid;
    }
    if (text.size() - pos < length) return invalid;
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char next = byte_at(pos + i);
        if ((next & 0xC0u) != 0x80u) return invalid;
        value = (value << 6) | (next & 0x3Fu);
    }
    const bool overlong = (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
    const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
    if (overlong || surrogate || value > 0x10FFFF) return invalid;
    return {value, length};
}

// ---------------------------------------------------------------------------
// Character classes

enum class CharClass : std::uint8_t {
    separator,
    letter,
    digit,       // ASCII and fullwidth 0-9 only: other scripts' digits are letters
    ideograph,   // a token on its own
    mark,        // joins a word but is dropped when folding (combining accents, soft hyphen)
    apostrophe,  // joins two letters, otherwise separates
};

struct ClassRange {
    char32_t first;
    char32_t last;
    CharClass char_class;
};

constexpr auto kSep = CharClass::separator;

// Non-letters from U+0300 up, sorted. Everything in between is a letter.
constexpr ClassRange kClassRanges[] = {
    {0x0300, 0x036F, CharClass::mark},  // combining diacritics (decomposed accents)
    {0x0375, 0x0375, kSep}, {0x037E, 0x037E, kSep}, {0x0384, 0x0385, kSep},
    {0x0387, 0x0387, kSep}, {0x03F6, 0x03F6, kSep}, {0x0482, 0x0482, kSep},
    {0x055A, 0x055F, kSep}, {0x0589, 0x058A, kSep}, {0x058D, 0x058F, kSep},
    {0x05BE, 0x05BE, kSep}, {0x05C0, 0x05C0, kSep}, {0x05C3, 0x05C3, kSep},
    {0x05C6, 0x05C6, kSep}, {0x05F3, 0x05F4, kSep},
    {0x0600, 0x060F, kSep}, {0x061B, 0x061F, kSep}, {0x066A, 0x066D, kSep},
    {0x06D4, 0x06D4, kSep}, {0x06DD, 0x06DE, kSep}, {0x06E9, 0x06E9, kSep},
    {0x0964, 0x0965, kSep}, {0x0970, 0x0970, kSep},
    {0x0E3F, 0x0E3F, kSep}, {0x0E4F, 0x0E4F, kSep}, {0x0E5A, 0x0E5B, kSep},
    {0x10FB, 0x10FB, kSep}, {0x1360, 0x1368, kSep}, {0x166D, 0x166E, kSep},
    {0x1680, 0x1680, kSep}, {0x169B, 0x169C, kSep}, {0x16EB, 0x16ED, kSep},
    {0x1735, 0x1736, kSep}, {0x17D4, 0x17DA, kSep}, {0x1800, 0x180F, kSep},
    {0x1AB0, 0x1AFF, CharClass::mark}, {0x1DC0, 0x1DFF, CharClass::mark},
    {0x1FBD, 0x1FBD, kSep}, {0x1FBF, 0x1FC1, kSep}, {0x1FCD, 0x1FCF, kSep},
    {0x1FDD, 0x1FDF, kSep}, {0x1FED, 0x1FEF, kSep}, {0x1FFD, 0x1FFE, kSep},
    // Spaces, zero-width characters, dashes and quotes, then symbols of all kinds
    // (currency, arrows, maths, shapes, dingbats) up to U+2BFF.
    {0x2000, 0x2017, kSep}, {0x2018, 0x2019, CharClass::apostrophe}, {0x201A, 0x2BFF, kSep},
    {0x2E00, 0x2E7F, kSep}, {0x2E80, 0x2FFF, kSep},  // punctuation, CJK radicals
    {0x3000, 0x3004, kSep}, {0x3005, 0x3007, CharClass::ideograph}, {0x3008, 0x3020, kSep},
    {0x3030, 0x3030, kSep}, {0x303D, 0x303F, kSep}, {0x30FB, 0x30FB, kSep},
    {0x31C0, 0x31EF, kSep}, {0x3200, 0x33FF, kSep},
    {0x3400, 0x4DBF, CharClass::ideograph}, {0x4DC0, 0x4DFF, kSep},
    {0x4E00, 0x9FFF, CharClass::ideograph},
    {0xA490, 0xA4CF, kSep}, {0xA700, 0xA721, kSep},
    {0xD800, 0xF8FF, kSep},  // surrogates, private use
    {0xF900, 0xFAFF, CharClass::ideograph}, {0xFD3E, 0xFD3F, kSep},
    {0xFE00, 0xFE1F, kSep},  // variation selectors (emoji presentation), vertical forms
    {0xFE20, 0xFE2F, CharClass::mark}, {0xFE30, 0xFE6F, kSep}, {0xFEFF, 0xFEFF, kSep},
    {0xFF00, 0xFF06, kSep}, {0xFF07, 0xFF07, CharClass::apostrophe}, {0xFF08, 0xFF0F, kSep},
    {0xFF10, 0xFF19, CharClass::digit}, {0xFF1A, 0xFF20, kSep}, {0xFF3B, 0xFF40, kSep},
    {0xFF5B, 0xFF65, kSep}, {0xFFE0, 0xFFFF, kSep},  // ... and U+FFFD
    {0x1D000, 0x1D24F, kSep}, {0x1F000, 0x1FBFF, kSep},  // musical symbols; emoji
    {0x20000, 0x3FFFF, CharClass::ideograph}, {0xE0000, 0x10FFFF, kSep},  // tags, private use
};

CharClass classify_ascii(char32_t cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::letter;
    if (cp >= '0' && cp <= '9') return CharClass::digit;
    if (cp == '\'' || cp == '`') return CharClass::apostrophe;
    return kSep;
}

// U+0080..U+02FF: Latin-1 punctuation, Latin letters, IPA, spacing modifiers.
CharClass classify_latin(char32_t cp) {
    switch (cp) {
    case 0xAA: case 0xB5: case 0xBA: return CharClass::letter;
    case 0xAD: return CharClass::mark;  // soft hyphen: a hidden hyphenation hint
    case 0xB4: case 0x2BC: return CharClass::apostrophe;
    case 0xD7: case 0xF7: return kSep;  // multiplication and division signs
    default: break;
    }
    if (cp < 0xC0) return kSep;
    if (cp < 0x2B0) return CharClass::letter;
    // Spacing modifier letters are letters; the rest of the block is symbols.
    const bool modifier_letter = cp <= 0x2C1 || (cp >= 0x2C6 && cp <= 0x2D1) ||
                                 (cp >= 0x2E0 && cp <= 0x2E4) || cp == 0x2EC || cp == 0x2EE;
    return modifier_letter ? CharClass::letter : kSep;
}

CharClass classify(char32_t cp) {
    if (cp < 0x80) return classify_ascii(cp);
    if (cp < 0x300) return classify_latin(cp);
    const auto after = std::upper_bound(
        std::begin(kClassRanges), std::end(kClassRanges), cp,
        [](char32_t value, const ClassRange& range) { return value < range.first; });
    if (after == std::begin(kClassRanges)) return CharClass::letter;
    const ClassRange& range = *std::prev(after);
    return cp <= range.last ? range.char_class : CharClass::letter;
}

bool is_word_part(CharClass c) {
    return c == CharClass::letter || c == CharClass::digit || c == CharClass::mark;
}

// ---------------------------------------------------------------------------
// Folding

// ASCII base letter of each code point in U+00C0..U+024F and U+1E00..U+1EFF,
// 16 per string. '*' means a ligature (see latin_ligature), '?' a letter with
// no ASCII base, kept as its lowercase.
constexpr std::string_view kLatinBaseC0To24F =
    "aaaaaa*ceeeeiiii" "dnooooo?ouuuuy**" "aaaaaa*ceeeeiiii" "dnooooo?ouuuuy*y"  // 00C0
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "ii**jjkkklllllll"  // 0100
    "lllnnnnnnnnnoooo" "oo**rrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs"  // 0140
    "bbbb??occdddd?ee" "effg?*iikkl?mnno" "oo**ppr????ttttu" "uuvyyzz????????w"  // 0180
    "????*********aai" "ioouuuuuuuuuueaa" "aa**ggggkkoooo??" "j***gg*wnnaa**oo"  // 01C0
    "aaaaeeeeiiiioooo" "rrrruuuusstt??hh" "nd**zzaaeeoooooo" "ooyylntj**acclts"  // 0200
    "z??buveejjqqrryy";                                                          // 0240

constexpr std::string_view kLatinBase1E00To1EFF =
    "aabbbbbbccdddddd" "ddddeeeeeeeeeeff" "gghhhhhhhhhhiiii" "kkkkkkllllllllmm"  // 1E00
    "mmmmnnnnnnnnoooo" "oooopppprrrrrrrr" "sssssssssstttttt" "ttuuuuuuuuuuvvvv"  // 1E40
    "wwwwwwwwwwxxxxyy" "zzzzzzhtwyasss*?" "aaaaaaaaaaaaaaaa" "aaaaaaaaeeeeeeee"  // 1E80
    "eeeeeeeeiiiioooo" "oooooooooooooooo" "oooouuuuuuuuuuuu" "uuyyyyyyyy??????"; // 1EC0

std::string_view latin_ligature(char32_t cp) {
    switch (cp) {
    case 0xC6: case 0xE6: case 0x1E2: case 0x1E3: case 0x1FC: case 0x1FD: return "ae";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: case 0x1E9E: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
    case 0x195: case 0x1F6: return "hv";
    case 0x1A2: case 0x1A3: return "oi";
    case 0x1C4: case 0x1C5: case 0x1C6: case 0x1F1: case 0x1F2: case 0x1F3: return "dz";
    case 0x1C7: case 0x1C8: case 0x1C9: return "lj";
    case 0x1CA: case 0x1CB: case 0x1CC: return "nj";
    case 0x222: case 0x223: return "ou";
    case 0x238: return "db";
    case 0x239: return "qp";
    default: return {};
    }
}

// The ASCII spelling of an accented or ligature Latin letter; empty if none.
std::string_view latin_base(char32_t cp) {
    char base = '?';
    if (cp >= 0xC0 && cp <= 0x24F) {
        base = kLatinBaseC0To24F[cp - 0xC0];
    } else if (cp >= 0x1E00 && cp <= 0x1EFF) {
        base = kLatinBase1E00To1EFF[cp - 0x1E00];
    } else if (cp == 0xAA) {
        return "a";
    } else if (cp == 0xBA) {
        return "o";
    }
    if (base == '*') return latin_ligature(cp);
    if (base == '?') return {};
    static constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz";
    return kLetters.substr(static_cast<std::size_t>(base - 'a'), 1);
}

// Lowercase of the few Latin letters that keep their own shape (no ASCII base).
char32_t lower_latin_without_base(char32_t cp) {
    switch (cp) {
    case 0x184: case 0x1A7: case 0x1B8: case 0x1BC: case 0x1EE: case 0x21C: return cp + 1;
    case 0x194: return 0x263;
    case 0x1A9: return 0x283;
    case 0x1B7: return 0x292;
    case 0x241: return 0x242;
    default: break;
    }
    if (cp >= 0x1EFA && cp <= 0x1EFF && cp % 2 == 0) return cp + 1;
    return cp;
}

// Greek: lowercase, final sigma as sigma, tonos and dialytika removed.
char32_t fold_greek(char32_t cp) {
    if ((cp >= 0x391 && cp <= 0x3A1) || (cp >= 0x3A3 && cp <= 0x3AB)) cp += 0x20;
    switch (cp) {
    case 0x386: case 0x3AC: return 0x3B1;                          // alpha
    case 0x388: case 0x3AD: return 0x3B5;                          // epsilon
    case 0x389: case 0x3AE: return 0x3B7;                          // eta
    case 0x38A: case 0x3AF: case 0x3CA: case 0x390: return 0x3B9;  // iota
    case 0x38C: case 0x3CC: return 0x3BF;                          // omicron
    case 0x38E: case 0x3CD: case 0x3CB: case 0x3B0: return 0x3C5;  // upsilon
    case 0x38F: case 0x3CE: return 0x3C9;                          // omega
    case 0x3C2: return 0x3C3;                                      // final sigma
    case 0x3F4: return 0x3B8;
    case 0x3F9: return 0x3F2;
    default: break;
    }
    if (cp >= 0x3D8 && cp <= 0x3EF && cp % 2 == 0) return cp + 1;
    if (cp >= 0x1F00 && cp <= 0x1F6F && (cp & 0xF) >= 8) return cp - 8;  // polytonic capitals
    return cp;
}

// Cyrillic: lowercase, and yo as ye, the way Russian is usually typed.
char32_t fold_cyrillic(char32_t cp) {
    if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
    if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;
    if (cp == 0x451) return 0x435;
    if (cp == 0x4C0) return 0x4CF;
    const bool even_upper = (cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) ||
                            (cp >= 0x4D0 && cp <= 0x52F);
    if (even_upper && cp % 2 == 0) return cp + 1;
    if (cp >= 0x4C1 && cp <= 0x4CE && cp % 2 == 1) return cp + 1;
    return cp;
}

char32_t fold_other(char32_t cp) {
    if (cp == 0xB5) return 0x3BC;                           // micro sign -> mu
    if (cp >= 0x370 && cp <= 0x3FF) return fold_greek(cp);
    if (cp >= 0x1F00 && cp <= 0x1FFF) return fold_greek(cp);
    if (cp >= 0x400 && cp <= 0x52F) return fold_cyrillic(cp);
    if (cp >= 0x531 && cp <= 0x556) return cp + 0x30;      // Armenian
    if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10 + '0';  // fullwidth forms
    if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + 'a';
    if (cp >= 0xFF41 && cp <= 0xFF5A) return cp - 0xFF41 + 'a';
    return lower_latin_without_base(cp);
}

void append_folded(std::string& out, char32_t cp, CharClass char_class) {
    if (char_class == CharClass::mark) return;
    if (cp >= 'A' && cp <= 'Z') {
        out += static_cast<char>(cp - 'A' + 'a');
        return;
    }
    if (cp < 0x80) {
        out += static_cast<char>(cp);
        return;
    }
    const std::string_view base = latin_base(cp);
    if (!base.empty()) {
        out.append(base);
        return;
    }
    utf8::append(out, fold_other(cp));
}

// ---------------------------------------------------------------------------
// Tokens

struct Unit {
    char32_t value;
    CharClass char_class;
    std::size_t begin;
    std::size_t end;
};

std::vector<Unit> decode_units(std::string_view text) {
    std::vector<Unit> units;
    units.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const Decoded decoded = decode_at(text, pos);
        units.push_back({decoded.value, classify(decoded.value), pos, pos + decoded.length});
        pos += decoded.length;
    }
    return units;
}

bool is_currency(char32_t cp) { return cp == '$' || cp == 0xA3 || cp == 0xA5 || cp == 0x20AC; }
bool is_percent(char32_t cp) { return cp == '%' || cp == 0xFF05; }
bool is_digit_group_joiner(char32_t cp) { return cp == '.' || cp == ',' || cp == '/' || cp == ':'; }

bool is_digit_at(const std::vector<Unit>& units, std::size_t i) {
    return i < units.size() && units[i].char_class == CharClass::digit;
}

bool starts_number(const std::vector<Unit>& units, std::size_t i) {
    return is_digit_at(units, i) || (is_currency(units[i].value) && is_digit_at(units, i + 1));
}

// "1,000" groups thousands: exactly three digits follow the comma.
bool is_thousands_group(const std::vector<Unit>& units, std::size_t first_digit) {
    return is_digit_at(units, first_digit) && is_digit_at(units, first_digit + 1) &&
           is_digit_at(units, first_digit + 2) && !is_digit_at(units, first_digit + 3);
}

std::size_t append_digits(const std::vector<Unit>& units, std::size_t i, std::string& out) {
    for (; is_digit_at(units, i); ++i) append_folded(out, units[i].value, CharClass::digit);
    return i;
}

std::size_t scan_number(const std::vector<Unit>& units, std::size_t i, std::vector<Token>& tokens) {
    Token token;
    token.is_number = true;
    token.begin = units[i].begin;
    if (!is_digit_at(units, i)) utf8::append(token.text, units[i++].value);  // currency sign
    i = append_digits(units, i, token.text);
    while (i < units.size() && is_digit_group_joiner(units[i].value) && is_digit_at(units, i + 1)) {
        const bool thousands = units[i].value == ',' && is_thousands_group(units, i + 1);
        if (!thousands) token.text += static_cast<char>(units[i].value);
        i = append_digits(units, i + 1, token.text);
    }
    if (i < units.size() && is_percent(units[i].value)) {
        token.text += '%';
        ++i;
    }
    token.end = units[i - 1].end;
    token.stem = token.text;
    tokens.push_back(std::move(token));
    return i;
}

// An apostrophe followed by s that ends the word: "customer's", "customer’s".
bool is_possessive_s(const std::vector<Unit>& units, std::size_t apostrophe) {
    const std::size_t s = apostrophe + 1;
    const bool is_s = units[s].value == 's' || units[s].value == 'S';
    return is_s && (s + 1 == units.size() || !is_word_part(units[s + 1].char_class));
}

// Time units written short, so "5 min" and "five minutes" share a stem.
// stem_english() remembered. A board repeats a few thousand words across
// its notes, and every note is tokenized by several stages, so the same word
// is stemmed tens of times per analysis (stemming was ~9 % of it). The stemmer
// is a pure function, so remembering cannot change a result. One table per
// thread, bounded (~2 MB): once full it keeps what it holds and stems the rest
// afresh. Emptying it when full made a 10,000-note board, with more distinct
// word pairs than the table holds, empty and refill it over and over: the
// reading of its texts took 1.9x as long as without any table.
using StemTable = std::unordered_map<std::string, std::string>;

// Writes the stem into `out`, whose buffer is reused (wasm's short strings
// hold only 10 characters, so a fresh string per token would allocate).
void remembered(StemTable& stems, std::string_view word, std::string& out) {
    constexpr std::size_t kMaxRemembered = 1 << 14;
    std::string key(word);
    const auto found = stems.find(key);
    if (found != stems.end()) {
        out.assign(found->second);
        return;
    }
    out = stem_english(word);
    if (stems.size() < kMaxRemembered) stems.emplace(std::move(key), out);
}

void remembered_stem(std::string_view word, std::string& out) {
    thread_local StemTable stems;
    remembered(stems, word, out);
}

// Words run together (word_stem(), for compounds written apart) have a table
// of their own: a board has many more pairs of neighbouring words than
// words, and they would push the words out of the table above.
std::string remembered_compound_stem(std::string_view word) {
    thread_local StemTable stems;
    std::string stem;
    remembered(stems, word, stem);
    return stem;
}

std::string_view expand_unit_abbreviation(std::string_view word) {
    static constexpr std::string_view units[][2] = {
        {"min", "minute"}, {"mins", "minutes"}, {"sec", "second"}, {"secs", "seconds"},
        {"hr", "hour"}, {"hrs", "hours"}, {"wk", "week"}, {"wks", "weeks"},
        {"yr", "year"}, {"yrs", "years"},
    };
    for (const auto& unit : units) {
        if (unit[0] == word) return unit[1];
    }
    return word;
}

std::size_t scan_word(const std::vector<Unit>& units, std::size_t i, std::vector<Token>& tokens) {
    Token token;
    token.begin = units[i].begin;
    std::size_t last = i;  // last unit that belongs to the token
    while (i < units.size()) {
        const Unit& unit = units[i];
        if (is_word_part(unit.char_class)) {
            append_folded(token.text, unit.value, unit.char_class);
            last = i++;
            continue;
        }
        const bool joins_letters = unit.char_class == CharClass::apostrophe &&
                                   i + 1 < units.size() &&
                                   units[i + 1].char_class == CharClass::letter;
        if (!joins_letters) break;
        if (is_possessive_s(units, i)) {
            i += 2;
            break;
        }
        ++i;  // "don't" -> "dont": the apostrophe itself is dropped
    }
    token.end = units[last].end;
    remembered_stem(expand_unit_abbreviation(token.text), token.stem);
    tokens.push_back(std::move(token));
    return i;
}

Token ideograph_token(const Unit& unit) {
    Token token;
    utf8::append(token.text, unit.value);
    token.stem = token.text;
    token.begin = unit.begin;
    token.end = unit.end;
    return token;
}

// ---------------------------------------------------------------------------
// Stop words

// Folded forms, apostrophes already dropped. Kept short on purpose: a word
// listed here can never link two notes, so only words that say nothing about
// a job, pain or gain belong here.
constexpr std::string_view kStopWords[] = {
    // Articles, pronouns, determiners.
    "a", "an", "the", "i", "me", "my", "mine", "myself", "we", "us", "our", "ours",
    "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his",
    "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them",
    "their", "theirs", "themselves", "this", "that", "these", "those", "who", "whom",
    "whose", "which", "what", "whatever", "whoever", "each", "every", "either", "neither",
    "any", "some", "all", "both", "few", "many", "much", "more", "most", "less", "least",
    "other", "others", "another", "such", "same", "own", "several", "enough",
    "anybody", "anyone", "anything", "everybody", "everyone", "everything", "nobody",
    "none", "noone", "nothing", "somebody", "someone", "something",
    // Auxiliaries and modals.
    "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
    "having", "do", "does", "did", "doing", "done", "can", "cannot", "could", "may",
    "might", "must", "shall", "should", "will", "would",
    // Prepositions and conjunctions.
    "about", "above", "across", "after", "against", "along", "among", "around", "as",
    "at", "before", "behind", "below", "beside", "besides", "between", "beyond", "by",
    "down", "during", "for", "from", "in", "into", "of", "off", "on", "onto", "out",
    "over", "per", "through", "to", "toward", "towards", "under", "until", "up", "upon",
    "via", "with", "within", "without", "and", "but", "or", "nor", "so", "yet", "if",
    "than", "then", "because", "since", "though", "although", "unless", "whether",
    "while", "whereas",
    // Adverbs that only grade or connect.
    "again", "also", "already", "always", "even", "ever", "else", "just", "now", "often",
    "once", "only", "quite", "rather", "really", "still", "too", "very", "almost",
    "however", "therefore", "thus", "instead", "perhaps", "please", "here", "there",
    "where", "when", "why", "how", "no", "not", "never", "lot", "lots", "etc", "eg", "ie",
    "vs", "thing", "things", "stuff",
    // Contractions once their apostrophe is gone ("don't" -> "dont").
    "arent", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent",
    "hes", "heres", "im", "isnt", "itll", "ive", "lets", "let", "mustnt", "neednt",
    "shes", "shouldnt", "thats", "theres", "theyd", "theyll", "theyre", "theyve",
    "wasnt", "werent", "weve", "whats", "wheres", "whos", "wont", "wouldnt", "youd",
    "youll", "youre", "youve",
    // Ordinal endings split off numbers ("2nd" -> "2", "nd").
    "st", "nd", "rd", "th",
    // Canvas filler: every side of a Value Proposition Canvas talks about the
    // customer and what they get or need; such words would tie all notes together.
    "customer", "customers", "user", "users", "client", "clients", "get", "gets", "got",
    "getting", "gotten", "need", "needs", "needed", "needing", "want", "wants", "wanted",
    "wanting",
    // Function words of the other languages canvases are written in (German,
    // French, Spanish, Portuguese, Dutch, Italian), folded as tokens are
    // ("für" -> "fur"). On a board written in one of them, two notes sharing
    // "ein", "bei" or "por" were linked as if they shared a subject. Words that
    // are also English words a canvas may share on purpose are left out
    // ("van", "son", "pour", "car", "fur", "uber", "als", "os", "ce", "todo",
    // "hay", "dove", "non", "eu", "er", "op"). Kept in, because the other
    // language writes them on nearly every note and English canvases hardly
    // link by them: "die", "met", "sin", "con", "sem", "meme" (French
    // "même"), found on published Portuguese, Spanish and French canvases
    // (docs/judgment.md, "Boards in other languages").
    "die", "met", "sin", "con", "sem", "meme", "sao",
    "der", "das", "des", "dem", "den", "und", "ein", "eine", "einen", "einem", "einer",
    "eines", "bei", "beim", "mit", "von", "vom", "zu", "zum", "zur", "auf", "aus", "nach",
    "vor", "nicht", "kein", "keine", "keinen", "sich", "ist", "sind", "wird",
    "werden", "wurde", "haben", "hatte", "wir", "ihr", "sie", "du", "dich", "dir", "mich",
    "mir", "dass", "wenn", "wie", "oder", "aber", "auch", "nur", "schon", "noch",
    "sehr", "mehr", "bis", "ohne", "gegen", "durch", "um", "jeder", "jede", "jedes",
    "jeden", "alle", "allen", "diese", "dieser", "dieses", "mein", "meine", "dein",
    "deine", "unser", "unsere", "ihre", "ihren", "seine", "kann", "muss", "soll",
    "le", "la", "les", "un", "une", "de", "et", "ou", "en", "au", "aux", "sur",
    "sans", "avec", "dans", "pas", "ne", "qui", "que", "qu", "cette", "ces", "cet",
    "sa", "ses", "leur", "leurs", "nous", "vous", "ils", "elles", "elle", "il", "est",
    "sont", "chaque", "tout", "tous", "toute", "toutes", "entre", "apres", "avant",
    "moins", "tres", "aussi", "mais", "donc", "lui", "eux", "ma", "mes",
    "ta", "tes", "notre", "nos", "votre", "vos", "se", "chez", "vers", "sous", "afin",
    "comme", "quand", "lorsque", "dont",
    "el", "los", "las", "una", "unos", "unas", "del", "al", "por", "para", "su", "sus",
    "lo", "muy", "mas", "ya", "toda", "todas", "cada", "antes", "despues",
    "sobre", "es", "esta", "este", "estos", "estas", "ese", "esa", "como", "cuando",
    "donde", "pero", "tambien", "sino", "desde", "hasta", "hacia", "nuestro", "nuestra",
    "nuestros", "nuestras", "usted", "ellos", "ellas", "porque",
    "uma", "da", "dos", "na", "em", "com", "pra", "seu", "sua",
    "seus", "suas", "muito", "ao", "aos", "pelo", "pela", "pelos",
    "pelas", "num", "numa", "nao", "ja", "depois", "quando", "onde", "voce", "eles",
    "isso", "isto", "esse", "essa",
    "het", "een", "te", "voor", "aan", "bij", "uit", "naar", "zonder", "niet",
    "geen", "nog", "ook", "wat", "dat", "deze", "dit", "zijn", "wordt", "worden",
    "heeft", "hebben", "je", "jij", "jouw", "wij", "ze", "zij", "hun", "ons", "onze",
    "mijn", "elke", "elk", "maar", "dan", "wel", "toch", "meer", "ben",
    "gli", "uno", "di", "dello", "della", "dei", "degli", "delle", "dal",
    "dalla", "dai", "nel", "nella", "nei", "sul", "sulla", "tra", "fra", "che", "piu",
    "ogni", "senza", "sono", "anche", "loro", "suo", "suoi", "nostro",
    "nostra", "questo", "questa", "quello", "quella", "gia", "molto",
};

// Asked for every token of every note several times per analysis: a hash
// lookup, where a binary search over ~300 words cost ~4 % of an analysis.
const std::unordered_set<std::string_view>& stop_word_set() {
    static const std::unordered_set<std::string_view> words(std::begin(kStopWords),
                                                            std::end(kStopWords));
    return words;
}

// Which (first byte, length) pairs some stop word has: most content words
// have none, and are answered without hashing them at all.
class StopWordShapes {
public:
    StopWordShapes() {
        for (std::string_view word : kStopWords) mark(word);
    }
    bool possible(std::string_view word) const {
        return word.size() < kLengths &&
               (lengths_[static_cast<unsigned char>(word[0])] >> word.size()) & 1u;
    }

private:
    static constexpr std::size_t kLengths = 32;
    void mark(std::string_view word) {
        if (!word.empty() && word.size() < kLengths)
            lengths_[static_cast<unsigned char>(word[0])] |= 1u << word.size();
    }
    std::uint32_t lengths_[256] = {};
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    const std::vector<Unit> units = decode_units(text);
    std::vector<Token> tokens;
    tokens.reserve(units.size() / 4 + 1);  // about one token per five characters in English
    std::size_t i = 0;
    while (i < units.size()) {
        const CharClass char_class = units[i].char_class;
        if (char_class == CharClass::ideograph) {
            tokens.push_back(ideograph_token(units[i]));
            ++i;
        } else if (starts_number(units, i)) {
            i = scan_number(units, i, tokens);
        } else if (char_class == CharClass::letter) {
            i = scan_word(units, i, tokens);
        } else {
            ++i;
        }
    }
    return tokens;
}

std::vector<std::string> content_terms(std::string_view text) {
    return content_terms_of(tokenize(text));
}

std::vector<std::string> content_terms_of(const std::vector<Token>& tokens) {
    std::vector<std::string> terms;
    for (const Token& token : tokens) {
        if (token.is_number) {
            terms.push_back(token.text);
        } else if (!is_stop_word(token.text)) {
            terms.push_back(token.stem);
        }
    }
    return terms;
}

namespace {

// Tokenizes as one word token whose folded text is itself: a letter, then
// letters and digits, all lowercase ASCII (scan_word keeps each as it is).
bool is_plain_ascii_word(std::string_view text) {
    if (text.empty() || text[0] < 'a' || text[0] > 'z') return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
}

}  // namespace

std::string word_stem(std::string_view text) {
    if (is_plain_ascii_word(text))
        return remembered_compound_stem(expand_unit_abbreviation(text));
    const std::vector<Token> tokens = tokenize(text);
    return tokens.size() == 1 ? tokens.front().stem : std::string();
}

bool is_stop_word(std::string_view folded_word) {
    if (folded_word.size() == 1 && folded_word[0] >= 'a' && folded_word[0] <= 'z') return true;
    static const StopWordShapes shapes;
    if (folded_word.empty() || !shapes.possible(folded_word)) return false;
    return stop_word_set().count(folded_word) > 0;
}

std::string fold_case(std::string_view utf8) {
    std::string folded;
    folded.reserve(utf8.size());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const Decoded decoded = decode_at(utf8, pos);
        append_folded(folded, decoded.value, classify(decoded.value));
        pos += decoded.length;
    }
    return folded;
}

}  // namespace canvasfit

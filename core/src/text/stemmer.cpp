// Porter2 ("English" Snowball) stemmer, written from the algorithm's published
// description. Terms used below are the description's own:
// - vowels are a e i o u y; a 'Y' marks a y that acts as a consonant (initial y,
//   or y after a vowel) and is lowered again at the very end;
// - R1 is the part of the word after the first non-vowel that follows a vowel
//   (or after gener/commun/arsen), R2 the same thing again inside R1;
// - every step looks for the LONGEST matching suffix only: when that one's
//   condition fails the step does nothing, it never falls back to a shorter one.
#include "text/stemmer.hpp"

#include <cstddef>

namespace canvasfit {
namespace {

struct Word {
    std::string text;
    std::size_t r1 = 0;  // index where R1 starts; text.size() or more means empty
    std::size_t r2 = 0;
};

enum class Condition { none, in_r2, preceded_by_l, valid_li_ending, preceded_by_s_or_t };

struct SuffixRule {
    std::string_view suffix;
    std::string_view replacement;
    Condition condition = Condition::none;
};

bool is_vowel(char c) {
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
    }
}

// Compares from the end: candidates nearly always differ in their last letter,
// and the suffix tables are scanned for every word.
bool ends_with(const std::string& text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    for (std::size_t i = 1; i <= suffix.size(); ++i) {
        if (text[text.size() - i] != suffix[suffix.size() - i]) return false;
    }
    return true;
}

bool contains_vowel(const std::string& text, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end && i < text.size(); ++i) {
        if (is_vowel(text[i])) return true;
    }
    return false;
}

void replace_suffix(std::string& text, std::size_t suffix_length, std::string_view replacement) {
    text.resize(text.size() - suffix_length);
    text.append(replacement);
}

// A short syllable ending at `end`: non-vowel, vowel, non-vowel other than w/x/Y;
// or, at the very start of the word, a vowel followed by any non-vowel.
bool ends_in_short_syllable(const std::string& text, std::size_t end) {
    if (end == 2) return is_vowel(text[0]) && !is_vowel(text[1]);
    if (end < 3) return false;
    const char last = text[end - 1];
    return !is_vowel(text[end - 3]) && is_vowel(text[end - 2]) && !is_vowel(last) &&
           last != 'w' && last != 'x' && last != 'Y';
}

bool is_short_word(const Word& word) {
    return word.r1 >= word.text.size() && ends_in_short_syllable(word.text, word.text.size());
}

bool ends_in_double(const std::string& text) {
    if (text.size() < 2) return false;
    const char last = text.back();
    if (text[text.size() - 2] != last) return false;
    switch (last) {
    case 'b': case 'd': case 'f': case 'g': case 'm': case 'n': case 'p': case 'r': case 't':
        return true;
    default: return false;
    }
}

bool is_valid_li_ending(char c) {
    return std::string_view("cdeghkmnrt").find(c) != std::string_view::npos;
}

// Whole words with a fixed stem, checked before anything else.
std::string_view exceptional_form(std::string_view word) {
    static constexpr std::string_view forms[][2] = {
        {"skis", "ski"}, {"skies", "sky"}, {"dying", "die"}, {"lying", "lie"},
        {"tying", "tie"}, {"idly", "idl"}, {"gently", "gentl"}, {"ugly", "ugli"},
        {"early", "earli"}, {"only", "onli"}, {"singly", "singl"},
        // Invariant: they look inflected but are not.
        {"sky", "sky"}, {"news", "news"}, {"howe", "howe"}, {"atlas", "atlas"},
        {"cosmos", "cosmos"}, {"bias", "bias"}, {"andes", "andes"},
    };
    for (const auto& form : forms) {
        if (form[0] == word) return form[1];
    }
    return {};
}

// Words left alone once step 1a has run (so "innings" stops at "inning").
bool is_invariant_after_step_1a(const std::string& text) {
    static constexpr std::string_view words[] = {
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"};
    for (const auto word : words) {
        if (word == text) return true;
    }
    return false;
}

bool is_plain_ascii_word(std::string_view word) {
    for (const char c : word) {
        if ((c < 'a' || c > 'z') && c != '\'') return false;
    }
    return !word.empty();
}

void mark_consonant_y(std::string& text) {
    if (text.empty()) return;
    if (text[0] == 'y') text[0] = 'Y';
    for (std::size_t i = 1; i < text.size(); ++i) {
        if (text[i] == 'y' && is_vowel(text[i - 1])) text[i] = 'Y';
    }
}

// Index just past the first non-vowel that follows a vowel, searching from `from`.
std::size_t region_start(const std::string& text, std::size_t from) {
    std::size_t i = from;
    while (i < text.size() && !is_vowel(text[i])) ++i;
    while (i < text.size() && is_vowel(text[i])) ++i;
    return i < text.size() ? i + 1 : text.size();
}

void mark_regions(Word& word) {
    word.r1 = word.text.size();
    for (const std::string_view prefix : {"gener", "commun", "arsen"}) {
        if (word.text.compare(0, prefix.size(), prefix) == 0) word.r1 = prefix.size();
    }
    if (word.r1 == word.text.size()) word.r1 = region_start(word.text, 0);
    word.r2 = region_start(word.text, word.r1);
}

template <std::size_t N>
const SuffixRule* longest_match(const std::string& text, const SuffixRule (&rules)[N]) {
    const SuffixRule* best = nullptr;
    for (const auto& rule : rules) {
        if (ends_with(text, rule.suffix) &&
            (best == nullptr || rule.suffix.size() > best->suffix.size())) {
            best = &rule;
        }
    }
    return best;
}

bool condition_holds(const Word& word, Condition condition, std::size_t suffix_start) {
    const char before = suffix_start > 0 ? word.text[suffix_start - 1] : '\0';
    switch (condition) {
    case Condition::none: return true;
    case Condition::in_r2: return suffix_start >= word.r2;
    case Condition::preceded_by_l: return before == 'l';
    case Condition::valid_li_ending: return is_valid_li_ending(before);
    case Condition::preceded_by_s_or_t: return before == 's' || before == 't';
    }
    return false;
}

// Shared shape of steps 2, 3 and 4: the longest suffix, if it lies in the region.
template <std::size_t N>
void replace_longest_in_region(Word& word, std::size_t region,
                               const SuffixRule (&rules)[N]) {
    const SuffixRule* rule = longest_match(word.text, rules);
    if (rule == nullptr) return;
    const std::size_t start = word.text.size() - rule->suffix.size();
    if (start < region || !condition_holds(word, rule->condition, start)) return;
    replace_suffix(word.text, rule->suffix.size(), rule->replacement);
}

// Step 0: the possessive apostrophe forms.
void remove_apostrophe_suffix(Word& word) {
    for (const std::string_view suffix : {"'s'", "'s", "'"}) {
        if (ends_with(word.text, suffix)) {
            replace_suffix(word.text, suffix.size(), "");
            return;
        }
    }
}

// Step 1a: plurals.
void step_1a(Word& word) {
    std::string& text = word.text;
    if (ends_with(text, "sses")) {
        replace_suffix(text, 4, "ss");
    } else if (ends_with(text, "ied") || ends_with(text, "ies")) {
        // "cries" -> "cri" but "ties" -> "tie": keep the e after a single letter.
        replace_suffix(text, 3, text.size() > 4 ? "i" : "ie");
    } else if (ends_with(text, "us") || ends_with(text, "ss")) {
        return;
    } else if (ends_with(text, "s") && text.size() >= 2) {
        // Only when a vowel exists before the letter preceding the s: "gaps" but not "gas".
        if (contains_vowel(text, 0, text.size() - 2)) text.pop_back();
    }
}

// After -ed/-ing is removed, the bare stem may need its e back or a doubling undone.
void tidy_after_ed_ing(Word& word) {
    std::string& text = word.text;
    if (ends_with(text, "at") || ends_with(text, "bl") || ends_with(text, "iz")) {
        text.push_back('e');
    } else if (ends_in_double(text)) {
        text.pop_back();
    } else if (is_short_word(word)) {
        text.push_back('e');
    }
}

// Step 1b: -eed, -ed, -ing and their -ly forms.
void step_1b(Word& word) {
    std::string& text = word.text;
    for (const std::string_view suffix : {"eedly", "eed"}) {
        if (ends_with(text, suffix)) {
            if (text.size() - suffix.size() >= word.r1) replace_suffix(text, suffix.size(), "ee");
            return;
        }
    }
    for (const std::string_view suffix : {"ingly", "edly", "ing", "ed"}) {
        if (ends_with(text, suffix)) {
            const std::size_t start = text.size() - suffix.size();
            if (!contains_vowel(text, 0, start)) return;
            replace_suffix(text, suffix.size(), "");
            tidy_after_ed_ing(word);
            return;
        }
    }
}

// Step 1c: a final y after a consonant that is not the first letter becomes i.
void step_1c(Word& word) {
    std::string& text = word.text;
    const std::size_t n = text.size();
    if (n < 3 || (text[n - 1] != 'y' && text[n - 1] != 'Y')) return;
    if (!is_vowel(text[n - 2])) text[n - 1] = 'i';
}

void step_2(Word& word) {
    static constexpr SuffixRule rules[] = {
        {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"abli", "able"},
        {"entli", "ent"}, {"izer", "ize"}, {"ization", "ize"}, {"ational", "ate"},
        {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"aliti", "al"},
        {"alli", "al"}, {"fulness", "ful"}, {"ousli", "ous"}, {"ousness", "ous"},
        {"iveness", "ive"}, {"iviti", "ive"}, {"biliti", "ble"}, {"bli", "ble"},
        {"ogi", "og", Condition::preceded_by_l}, {"fulli", "ful"}, {"lessli", "less"},
        {"li", "", Condition::valid_li_ending},
    };
    replace_longest_in_region(word, word.r1, rules);
}

void step_3(Word& word) {
    static constexpr SuffixRule rules[] = {
        {"tional", "tion"}, {"ational", "ate"}, {"alize", "al"}, {"icate", "ic"},
        {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
        {"ative", "", Condition::in_r2},
    };
    replace_longest_in_region(word, word.r1, rules);
}

void step_4(Word& word) {
    static constexpr SuffixRule rules[] = {
        {"al", ""}, {"ance", ""}, {"ence", ""}, {"er", ""}, {"ic", ""}, {"able", ""},
        {"ible", ""}, {"ant", ""}, {"ement", ""}, {"ment", ""}, {"ent", ""}, {"ism", ""},
        {"ate", ""}, {"iti", ""}, {"ous", ""}, {"ive", ""}, {"ize", ""},
        {"ion", "", Condition::preceded_by_s_or_t},
    };
    replace_longest_in_region(word, word.r2, rules);
}

// Step 5: a final e (unless it keeps a short syllable alive) and a double l.
void step_5(Word& word) {
    std::string& text = word.text;
    if (text.empty()) return;
    const std::size_t last = text.size() - 1;
    if (text[last] == 'e') {
        const bool keeps_short_syllable = ends_in_short_syllable(text, last);
        if (last >= word.r2 || (last >= word.r1 && !keeps_short_syllable)) text.pop_back();
    } else if (text[last] == 'l') {
        if (last >= word.r2 && last > 0 && text[last - 1] == 'l') text.pop_back();
    }
}

void lower_marked_y(std::string& text) {
    for (char& c : text) {
        if (c == 'Y') c = 'y';
    }
}

}  // namespace

std::string stem_english(std::string_view folded_word) {
    if (!is_plain_ascii_word(folded_word)) return std::string(folded_word);
    const std::string_view exceptional = exceptional_form(folded_word);
    if (!exceptional.empty()) return std::string(exceptional);
    if (folded_word.size() < 3) return std::string(folded_word);

    Word word;
    word.text.assign(folded_word);
    if (word.text[0] == '\'') word.text.erase(0, 1);
    mark_consonant_y(word.text);
    mark_regions(word);

    remove_apostrophe_suffix(word);
    step_1a(word);
    if (!is_invariant_after_step_1a(word.text)) {
        step_1b(word);
        step_1c(word);
        step_2(word);
        step_3(word);
        step_4(word);
        step_5(word);
    }
    lower_marked_y(word.text);
    return word.text;
}

}  // namespace canvasfit

// English text pipeline for lexical similarity between sticky notes:
// UTF-8 decoding -> tokens -> folded forms -> stop words out -> Porter2 stems.
// Pure C++17, no locale, no <regex>: the same bytes give the same terms on every
// platform, natively and in WebAssembly.
//
// Rules, in the order tokenize() applies them:
// - Invalid UTF-8 never throws: each bad byte reads as U+FFFD, a separator, so
//   it splits words rather than merging them.
// - A word starts with a letter of any script and runs over letters, digits and
//   combining marks. Punctuation, symbols, emoji, whitespace, hyphens and the
//   zero-width characters U+200B..U+200D, U+2060 and U+FEFF end it
//   ("time-consuming" gives "time", "consuming"). The soft hyphen U+00AD is the
//   one invisible character that does not split: editors insert it mid-word.
// - Each CJK ideograph is a token of its own (Chinese and Japanese use no
//   spaces); kana, Hangul and other scripts' runs are words like Latin ones.
// - An apostrophe (' ’ ‘ ʼ ` ´ ＇) between two letters is dropped ("don't" ->
//   "dont"), except a possessive 's, which is removed ("customer’s" ->
//   "customer").
// - A token that starts with a digit is a number (see Token::is_number);
//   letters right after it start a new word ("3x" -> "3", "x"), while digits
//   inside a word stay in it ("mp3", "b2b").
// - Folding (fold_case) lowercases Latin, Greek, Cyrillic, Armenian and
//   fullwidth letters and strips accents from Latin and Greek letters.
#pragma once

#include "text/stemmer.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace canvasfit {

struct Token {
    // Folded surface form: lowercase, accents and apostrophes removed.
    // Numbers are normalised instead (see is_number).
    std::string text;
    // Porter2 stem of `text` for ASCII words, after expanding the time-unit
    // abbreviations min, sec, hr, wk, yr (and their -s plurals) to full words so
    // "5 min" meets "5 minutes". Equals `text` for numbers and other words.
    std::string stem;
    // A number: ASCII or fullwidth digits, with '.', ',', '/' or ':' between
    // digit groups ("3.5", "24/7", "10:30"), an optional leading $, €, £ or ¥ and
    // an optional trailing %. Thousands commas are dropped ("1,000" -> "1000").
    bool is_number = false;
    // Byte offsets [begin, end) of the token in the source text. A dropped
    // possessive 's lies outside them.
    std::size_t begin = 0;
    std::size_t end = 0;
};

// All tokens of `text`, stop words included, in source order.
std::vector<Token> tokenize(std::string_view text);

// The terms a similarity index should see, in source order, duplicates kept:
// the stem of every word that is not a stop word, and every number in its
// normalised form ("24/7", "10%", "$30"). Numbers are kept by value, not as one
// shared "#num" class term: a class term would tie every note with a figure to
// every other ("$30 plan" to "3 apps"), while equal values ("24/7") are a real
// hint; the units next to the numbers ("min", "hour") carry the rest.
std::vector<std::string> content_terms(std::string_view text);
// content_terms() of the text `tokens` came from, without tokenizing it again.
std::vector<std::string> content_terms_of(const std::vector<Token>& tokens);

// The stem of `text` when it reads as exactly one token (that token's stem),
// else "". A plain lowercase ASCII word is stemmed without tokenizing it:
// word_forms asks this of every pair of neighbouring words run together.
std::string word_stem(std::string_view text);

// True for a folded word that carries no content for linking notes: English
// function words and contractions without their apostrophe ("dont", "youre"),
// ordinal endings (st, nd, rd, th), single Latin letters, and canvas filler
// (customer, user, client and their plurals; get, need, want and forms) that
// turns up on every side of a canvas and would link unrelated notes.
bool is_stop_word(std::string_view folded_word);

// Lowercases and strips accents as described above; combining marks and soft
// hyphens are dropped, invalid bytes become U+FFFD, everything else is kept.
// The result is valid UTF-8.
std::string fold_case(std::string_view utf8);

}  // namespace canvasfit

// A small, curated lexicon of related words for text links (docs/linking.md).
//
// Pains and the relievers that answer them rarely share words: they say
// opposite things ("slow" / "fast", "too expensive" / "flat monthly fee",
// "orders get lost" / "orders go straight to the kitchen"). Each family below
// groups the words of one concern (cost, speed, effort, risk...) in two sides:
// the problem side, how a pain says it, and the remedy side, how a reliever or
// a gain says it. Two different keys of the same family, one in each note, are
// related evidence for a link; the linker weighs it below a shared term.
//
// Keys are what the text pipeline produces: a single word is stored as its
// content term (the Porter2 stem content_terms() gives), a multi-word cue ("on
// time", "goes off", "by hand") as its folded words joined by one space, so a
// phrase key never equals a stem. Every key belongs to exactly one family.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.hpp"

namespace canvasfit::link_lexicon {

enum class Side { problem, remedy };

struct Membership {
    std::size_t family = 0;  // index into families()
    Side side = Side::problem;
};

struct Family {
    std::string name;                  // "cost", "speed"... shown in link evidence
    std::vector<std::string> problem;  // keys, in lexicon order, duplicates removed
    std::vector<std::string> remedy;
};

// All families, in lexicon order. Built once, on first use.
const std::vector<Family>& families();

// The family a key belongs to; none for a key outside the lexicon.
std::optional<Membership> family_of(std::string_view key);

// A multi-word cue found in a note: its key and the tokens it spans.
struct PhraseHit {
    std::string key;
    std::size_t first_token = 0;
    std::size_t end_token = 0;  // one past the last token
};

// The lexicon's phrases found in `tokens` (from tokenize()), matched on the
// folded token texts, in source order. Overlapping hits are all reported.
std::vector<PhraseHit> find_phrases(const std::vector<Token>& tokens);

// Words that turn a concern around. A problem word right after a negation or
// a reducer speaks of the remedy ("no more waiting", "nothing goes off",
// "cuts paperwork", "less waste"), and so does one right before "-free" or
// "-proof" ("stress-free"); a remedy word after a negation speaks of the
// problem ("can't pause"). Matched on folded words, stop words included.
bool negates_next(std::string_view folded_word);
bool negates_previous(std::string_view folded_word);

Side opposite(Side side);

// Entries that can never match (a stop word, two words without a space
// between them) or keys listed in two families or on both sides. Empty for a
// healthy lexicon; the unit tests check it.
const std::vector<std::string>& link_lexicon_issues();

}  // namespace canvasfit::link_lexicon

// Word forms the Porter2 stemmer leaves apart but a reader takes as one word:
// irregular verbs and plurals ("paid" -> "pay", "children" -> "child"),
// British and American spellings ("organise" -> "organize"), and compounds
// written apart or joined ("text books" / "textbooks", "e-mail" / "email").
// Used where two notes are compared (links, duplicates); the section
// classifier keeps its own features and is not affected.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/note_reading.hpp"
#include "text/text.hpp"

namespace canvasfit::word_forms {

// The stem a stem stands for: the base form's stem for an irregular or
// British form, else the stem itself.
const std::string& canonical(const std::string& stem);

// The stem of two neighbouring words written as one ("text" + "books" ->
// "textbook"), "" when they cannot be a compound: not both words, or
// something other than nothing, a space or a hyphen between them in `text`.
std::string joined(std::string_view text, const Token& first, const Token& second);

// The single words (canonical stems) of a set of notes, for telling whether a
// compound written apart is a word the board uses. Sorted, looked up by
// binary search. Views into the terms it is made from (or the form table):
// those must outlive it. Built per canvas twice an analysis, so it copies no
// strings.
class Words {
public:
    explicit Words(const std::vector<const std::vector<std::string>*>& note_terms);
    bool contains(std::string_view stem) const;

private:
    // A stem with its first eight bytes and its length packed into integers,
    // so that sorting and searching compare integers and only call memcmp on
    // stems that share both (the order is private: only contains() reads it).
    struct Stem {
        std::uint64_t head;
        std::size_t size;
        std::string_view text;
    };
    static Stem keyed(std::string_view stem);
    static bool before(const Stem& a, const Stem& b);
    std::vector<Stem> stems_;
};

// content_terms() in canonical form: what two notes are compared by. When
// `known_words` is given, two neighbours whose joined stem is one of them
// count as that one word instead ("text books" reads as "textbook" on a board
// where someone wrote "textbooks").
std::vector<std::string> comparable_terms(const std::string& text, const Words* known_words = nullptr);
// The same from a reading of the text (note_reading.hpp), which has the
// tokens and compound stems already.
std::vector<std::string> comparable_terms(const NoteReading& reading,
                                          const Words* known_words = nullptr);
// The same as views into `reading` and the form table, for callers that only
// compare them (duplicate sets are read per canvas on every analysis):
// valid while `reading` is.
std::vector<std::string_view> comparable_term_views(const NoteReading& reading,
                                                    const Words* known_words = nullptr);

// How many forms the table maps (for tests and docs).
std::size_t table_size();

}  // namespace canvasfit::word_forms

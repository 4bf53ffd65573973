// One reading of a note's text, made once per text and shared by every stage
// that compares notes (terms, linking, duplicates, warnings). Tokenizing is
// the costly part of reading a note, and each of those stages used to do it
// again, as did the stem of every compound a note might be written as
// (word_forms::joined tokenizes the two words run together).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/text.hpp"

namespace canvasfit {

struct NoteReading {
    std::vector<Token> tokens;       // tokenize(text)
    std::vector<std::string> terms;  // content_terms(text)
    // For each pair of neighbouring tokens i, i + 1: word_forms::joined(), the
    // stem of the one word they may stand for, or "" when they cannot.
    std::vector<std::string> joined;
};

NoteReading read_text(std::string_view text);

}  // namespace canvasfit

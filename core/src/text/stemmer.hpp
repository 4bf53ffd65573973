// The Porter2 stemmer ("English" in Snowball), as published by Martin Porter
// with the 2005/2006 revisions (gener/commun/arsen prefixes). It is the stemmer
// NLTK calls SnowballStemmer("english"); tests/data/porter2/vectors.tsv pins it.
#pragma once

#include <string>
#include <string_view>

namespace canvasfit {

// Returns the Porter2 stem of one lowercase ASCII English word; apostrophes are
// allowed ("customer's" -> "custom"). Any other input (uppercase, digits, bytes
// of other scripts) comes back unchanged, so callers may pass every token
// without checking its script first. Deterministic and allocation-light.
std::string stem_english(std::string_view folded_word);

}  // namespace canvasfit

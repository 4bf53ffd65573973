#include "text/note_reading.hpp"

#include "text/word_forms.hpp"

namespace canvasfit {

NoteReading read_text(std::string_view text) {
    NoteReading reading;
    reading.tokens = tokenize(text);
    reading.terms = content_terms_of(reading.tokens);
    // Readings are kept for the whole analysis (and by the Analyzer, for its
    // life): tokenize() reserves for short words, about 1.5x the tokens a note
    // has, which was a third of the readings' memory.
    reading.tokens.shrink_to_fit();
    reading.terms.shrink_to_fit();
    if (reading.tokens.size() > 1) reading.joined.reserve(reading.tokens.size() - 1);
    for (std::size_t i = 0; i + 1 < reading.tokens.size(); ++i)
        reading.joined.push_back(word_forms::joined(text, reading.tokens[i], reading.tokens[i + 1]));
    return reading;
}

}  // namespace canvasfit

#include "text/note_reading.hpp"

#include "text/word_forms.hpp"

namespace canvasfit {

NoteReading read_text(std::string_view text) {
    NoteReading reading;
    reading.tokens = tokenize(text);
    reading.terms = content_terms_of(reading.tokens);
    if (reading.tokens.size() > 1) reading.joined.reserve(reading.tokens.size() - 1);
    for (std::size_t i = 0; i + 1 < reading.tokens.size(); ++i)
        reading.joined.push_back(word_forms::joined(text, reading.tokens[i], reading.tokens[i + 1]));
    return reading;
}

}  // namespace canvasfit

// The shared reading of a note (note_reading.hpp): one tokenization must give
// every stage exactly what reading the text on its own gave it, on the texts
// where tokenizing is tricky.
#include "text/note_reading.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/text.hpp"
#include "text/word_forms.hpp"

using canvasfit::content_terms;
using canvasfit::NoteReading;
using canvasfit::read_text;
using canvasfit::Token;
using canvasfit::tokenize;
namespace word_forms = canvasfit::word_forms;

namespace {

const std::vector<std::string> kTrickyTexts = {
    "",
    "!!! ---",
    "Customer\xE2\x80\x99s orders don't arrive, we're losing 1,000 $30 sales 24/7",
    "3x faster: 10:30 slots, 15% off, mp3 and b2b for 5 min/wk",
    "\xE4\xB8\xAD\xE6\x96\x87 \xE6\x96\x87 text books and textbooks, e-mail vs email",
    "Paid children were organised; the mice ran, teeth hidden",
    "Caf\xC3\xA9 co\xC2\xADoperation \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
    "bad \xFF\xFE bytes\xE2\x80\x8Bsplit and zero\xE2\x80\x8Dwidth",
    "no waiting without hiring, never lost again",
    "hand book hand-book handbook",
};

// What comparable_terms() computed before the reading was shared: its own
// tokenization and the compound of each pair worked out on the spot.
std::vector<std::string> comparable_terms_read_alone(const std::string& text,
                                                     const word_forms::Words& words) {
    std::vector<std::string> terms;
    const std::vector<Token> tokens = tokenize(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i + 1 < tokens.size()) {
            const std::string compound = word_forms::joined(text, tokens[i], tokens[i + 1]);
            if (!compound.empty() && words.contains(compound)) {
                terms.push_back(compound);
                ++i;
                continue;
            }
        }
        if (tokens[i].is_number) terms.push_back(tokens[i].text);
        else if (!canvasfit::is_stop_word(tokens[i].text))
            terms.push_back(word_forms::canonical(tokens[i].stem));
    }
    return terms;
}

// The single words of all tricky texts, as a canvas holding them would know them.
word_forms::Words words_of_all() {
    static std::vector<std::vector<std::string>> terms;
    terms.clear();
    for (const std::string& text : kTrickyTexts) terms.push_back(content_terms(text));
    std::vector<const std::vector<std::string>*> pointers;
    for (const auto& note : terms) pointers.push_back(&note);
    return word_forms::Words(pointers);
}

TEST(NoteReading, TokensAreTheTokensOfTheText) {
    for (const std::string& text : kTrickyTexts) {
        const NoteReading reading = read_text(text);
        const std::vector<Token> alone = tokenize(text);
        ASSERT_EQ(reading.tokens.size(), alone.size()) << text;
        for (std::size_t i = 0; i < alone.size(); ++i) {
            EXPECT_EQ(reading.tokens[i].text, alone[i].text) << text;
            EXPECT_EQ(reading.tokens[i].stem, alone[i].stem) << text;
            EXPECT_EQ(reading.tokens[i].is_number, alone[i].is_number) << text;
            EXPECT_EQ(reading.tokens[i].begin, alone[i].begin) << text;
            EXPECT_EQ(reading.tokens[i].end, alone[i].end) << text;
        }
    }
}

TEST(NoteReading, TermsAreContentTerms) {
    for (const std::string& text : kTrickyTexts)
        EXPECT_EQ(read_text(text).terms, content_terms(text)) << text;
}

TEST(NoteReading, JoinedHoldsTheCompoundOfEveryNeighbourPair) {
    for (const std::string& text : kTrickyTexts) {
        const NoteReading reading = read_text(text);
        ASSERT_EQ(reading.joined.size(), reading.tokens.empty() ? 0 : reading.tokens.size() - 1)
            << text;
        for (std::size_t i = 0; i < reading.joined.size(); ++i)
            EXPECT_EQ(reading.joined[i],
                      word_forms::joined(text, reading.tokens[i], reading.tokens[i + 1]))
                << text;
    }
}

TEST(NoteReading, ComparableTermsAreThoseOfTheTextReadAlone) {
    const word_forms::Words words = words_of_all();
    for (const std::string& text : kTrickyTexts) {
        EXPECT_EQ(word_forms::comparable_terms(read_text(text), &words),
                  comparable_terms_read_alone(text, words))
            << text;
        EXPECT_EQ(word_forms::comparable_terms(read_text(text)),
                  word_forms::comparable_terms(text))
            << text;
        const NoteReading reading = read_text(text);
        const std::vector<std::string_view> views =
            word_forms::comparable_term_views(reading, &words);
        EXPECT_EQ(std::vector<std::string>(views.begin(), views.end()),
                  comparable_terms_read_alone(text, words))
            << text;
    }
}

TEST(NoteReading, CompoundsAndIrregularFormsReadAsOneWord) {
    const word_forms::Words words = words_of_all();  // holds "textbook" and "handbook"
    const NoteReading books = read_text("text books");
    EXPECT_EQ(books.joined, std::vector<std::string>{"textbook"});
    EXPECT_EQ(word_forms::comparable_terms(books, &words), std::vector<std::string>{"textbook"});
    EXPECT_EQ(word_forms::comparable_terms(books), (std::vector<std::string>{"text", "book"}));

    EXPECT_EQ(read_text("hand-book").joined, std::vector<std::string>{"handbook"});
    // Too short together to be read as one word.
    EXPECT_EQ(read_text("e-mail").joined, std::vector<std::string>{""});
    // A colon is not a way of writing one word.
    EXPECT_EQ(read_text("text: books").joined, std::vector<std::string>{""});
    // Two CJK ideographs are two words, not a compound of one.
    EXPECT_EQ(read_text("\xE4\xB8\xAD\xE6\x96\x87").joined, std::vector<std::string>{""});

    EXPECT_EQ(word_forms::comparable_terms(read_text("Paid children")),
              (std::vector<std::string>{"pay", "child"}));
}

}  // namespace

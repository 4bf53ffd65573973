// Text pipeline: UTF-8 robustness, token boundaries, folding, numbers, stop
// words and the terms the linker sees.
#include "text/text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

using canvasfit::content_terms;
using canvasfit::fold_case;
using canvasfit::is_stop_word;
using canvasfit::Token;
using canvasfit::tokenize;

namespace {

std::vector<std::string> texts(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const Token& token : tokens) out.push_back(token.text);
    return out;
}

std::vector<std::string> texts(std::string_view source) { return texts(tokenize(source)); }

std::vector<std::string> numbers(std::string_view source) {
    std::vector<std::string> out;
    for (const Token& token : tokenize(source)) {
        if (token.is_number) out.push_back(token.text);
    }
    return out;
}

std::string utf8(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

// Independent of the code under test: well-formed UTF-8 per RFC 3629.
bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if ((lead >= 0x80 && lead < 0xC2) || lead > 0xF4 || i + length > text.size()) return false;
        std::uint32_t value = length == 1 ? lead : lead & (0x7Fu >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            value = (value << 6) | (next & 0x3Fu);
        }
        const std::uint32_t minimum = length == 4 ? 0x10000 : length == 3 ? 0x800 : 0;
        if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
            return false;
        }
        i += length;
    }
    return true;
}

using Words = std::vector<std::string>;

}  // namespace

// --- UTF-8 ------------------------------------------------------------------

TEST(TextUtf8, InvalidBytesSplitWordsInsteadOfMergingThem) {
    EXPECT_EQ(texts("bad\xFF" "byte"), (Words{"bad", "byte"}));
    EXPECT_EQ(texts("lone\x80" "continuation"), (Words{"lone", "continuation"}));
    EXPECT_EQ(texts("cut\xC3"), (Words{"cut"}));                     // truncated at the end
    EXPECT_EQ(texts("cut\xE2\x82" "off"), (Words{"cut", "off"}));    // truncated mid-text
    EXPECT_EQ(texts("over\xC0\xAF" "long"), (Words{"over", "long"}));
    EXPECT_EQ(texts("sur\xED\xA0\x80" "rogate"), (Words{"sur", "rogate"}));
    EXPECT_EQ(texts("big\xF4\x90\x80\x80" "value"), (Words{"big", "value"}));
}

TEST(TextUtf8, ABrokenSequenceNeverSwallowsTheNextCharacter) {
    // E2 82 wants one more continuation byte but meets "é": both letters survive.
    EXPECT_EQ(texts("x\xE2\x82\xC3\xA9t\xC3\xA9"), (Words{"x", "ete"}));
}

TEST(TextUtf8, FoldCaseOutputIsValidUtf8) {
    EXPECT_EQ(fold_case("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
    std::string every_byte;
    for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
    EXPECT_TRUE(is_valid_utf8(fold_case(every_byte)));
}

TEST(TextUtf8, RandomBytesGiveSaneTokens) {
    std::uint32_t state = 12345;
    const auto next_byte = [&state] {
        state = state * 1664525u + 1013904223u;
        return static_cast<char>(state >> 24);
    };
    for (int round = 0; round < 300; ++round) {
        std::string input;
        for (int i = 0; i < 64; ++i) input += next_byte();
        std::size_t previous_end = 0;
        for (const Token& token : tokenize(input)) {
            EXPECT_FALSE(token.text.empty());
            EXPECT_TRUE(is_valid_utf8(token.text));
            EXPECT_LE(previous_end, token.begin);
            EXPECT_LT(token.begin, token.end);
            EXPECT_LE(token.end, input.size());
            previous_end = token.end;
        }
    }
}

// --- Token boundaries -------------------------------------------------------

TEST(TextTokenize, PunctuationAndHyphensSplit) {
    const auto tokens = tokenize("Orders get LOST at rush-hour!!");
    EXPECT_EQ(texts(tokens), (Words{"orders", "get", "lost", "at", "rush", "hour"}));
    EXPECT_EQ(tokens[2].begin, 11u);
    EXPECT_EQ(tokens[2].end, 15u);
    EXPECT_EQ(texts("time-consuming, error\xE2\x80\x94prone"),  // em dash
              (Words{"time", "consuming", "error", "prone"}));
    EXPECT_EQ(texts("under_score/slash.dot(paren)"),
              (Words{"under", "score", "slash", "dot", "paren"}));
}

TEST(TextTokenize, EmojiAndZeroWidthCharactersSplit) {
    EXPECT_EQ(texts("love\xF0\x9F\x98\x80it"), (Words{"love", "it"}));            // U+1F600
    EXPECT_EQ(texts("zero\xE2\x80\x8Bwidth"), (Words{"zero", "width"}));          // U+200B
    EXPECT_EQ(texts("non\xE2\x80\x8Cjoiner"), (Words{"non", "joiner"}));          // U+200C
    EXPECT_EQ(texts("zw\xE2\x80\x8Djoiner"), (Words{"zw", "joiner"}));            // U+200D
    EXPECT_EQ(texts("word\xE2\x81\xA0joiner"), (Words{"word", "joiner"}));        // U+2060
    EXPECT_EQ(texts("b\xEF\xBB\xBFom"), (Words{"b", "om"}));                      // U+FEFF
    // Woman technologist: woman + ZWJ + laptop, then a word.
    EXPECT_EQ(texts("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB" "coder"), (Words{"coder"}));
    EXPECT_EQ(texts("fast\xE2\x9C\x94\xEF\xB8\x8F" "easy"), (Words{"fast", "easy"}));  // ✔️
    EXPECT_EQ(texts("tab\tnew\nline\xC2\xA0nbsp\xE3\x80\x80ideo"),
              (Words{"tab", "new", "line", "nbsp", "ideo"}));
}

TEST(TextTokenize, SoftHyphenIsInvisible) {
    EXPECT_EQ(texts("con\xC2\xADsum\xC2\xADing"), (Words{"consuming"}));
}

TEST(TextTokenize, ApostrophesInsideWords) {
    EXPECT_EQ(texts("don't can\xE2\x80\x99t O\xE2\x80\x99" "Brien rock'n'roll"),
              (Words{"dont", "cant", "obrien", "rocknroll"}));
    EXPECT_EQ(texts("it\xCA\xBCs don\xC2\xB4t"), (Words{"it", "dont"}));  // U+02BC, U+00B4
}

TEST(TextTokenize, PossessiveSIsRemoved) {
    const auto tokens = tokenize("customer\xE2\x80\x99s order");
    ASSERT_EQ(texts(tokens), (Words{"customer", "order"}));
    EXPECT_EQ(tokens[0].end, 8u);  // the 's lies outside the token
    EXPECT_EQ(texts("customer's"), (Words{"customer"}));
    EXPECT_EQ(texts("customers' orders"), (Words{"customers", "orders"}));
    EXPECT_EQ(texts("\xE2\x80\x98quoted\xE2\x80\x99 'single'"), (Words{"quoted", "single"}));
    EXPECT_EQ(texts("the boss's desk"), (Words{"the", "boss", "desk"}));
}

TEST(TextTokenize, EachCjkIdeographIsAToken) {
    // 東京タワー: two ideographs, then a katakana word.
    EXPECT_EQ(texts("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x82\xBF\xE3\x83\xAF\xE3\x83\xBC"),
              (Words{"\xE6\x9D\xB1", "\xE4\xBA\xAC", "\xE3\x82\xBF\xE3\x83\xAF\xE3\x83\xBC"}));
    EXPECT_EQ(texts("API\xE6\x8E\xA5\xE5\x8F\xA3"),  // API接口
              (Words{"api", "\xE6\x8E\xA5", "\xE5\x8F\xA3"}));
    EXPECT_EQ(texts("\xF0\xA0\x80\x80"), (Words{"\xF0\xA0\x80\x80"}));  // U+20000, plane 2
}

TEST(TextTokenize, OtherScriptsFormWords) {
    EXPECT_EQ(texts("\xEC\x84\x9C\xEC\x9A\xB8, \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7\xD8\x9F "
                    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"),  // 서울, مرحبا؟ שלום
              (Words{"\xEC\x84\x9C\xEC\x9A\xB8", "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7",
                     "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"}));
}

TEST(TextTokenize, OffsetsCoverTheSourceBytes) {
    const std::string source = "  Caf\xC3\xA9 \xE2\x80\x94 $30, don't!";
    const auto tokens = tokenize(source);
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(source.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Caf\xC3\xA9");
    EXPECT_EQ(source.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "$30");
    EXPECT_EQ(source.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "don't");
}

// --- Numbers ----------------------------------------------------------------

TEST(TextNumbers, DigitGroupsStayTogether) {
    EXPECT_EQ(numbers("open 24/7"), (Words{"24/7"}));
    EXPECT_EQ(numbers("3.5 stars at 10:30, 1,000 users, 3,50 each"),
              (Words{"3.5", "10:30", "1000", "3,50"}));
    EXPECT_EQ(numbers("1,000,000 or 12/05/2024"), (Words{"1000000", "12/05/2024"}));
    EXPECT_EQ(numbers("costs 30. Then 4"), (Words{"30", "4"}));  // a full stop is not a decimal
}

TEST(TextNumbers, CurrencyAndPercentAttach) {
    EXPECT_EQ(numbers("$30 off, 10% faster, \xE2\x82\xAC" "5 fee, \xC2\xA3" "9"),
              (Words{"$30", "10%", "\xE2\x82\xAC" "5", "\xC2\xA3" "9"}));
    EXPECT_EQ(texts("$ alone and 5 %"), (Words{"alone", "and", "5"}));
}

TEST(TextNumbers, LettersAfterDigitsStartAWord) {
    const auto tokens = tokenize("3x faster, 5min, 2nd");
    EXPECT_EQ(texts(tokens), (Words{"3", "x", "faster", "5", "min", "2", "nd"}));
    EXPECT_TRUE(tokens[0].is_number);
    EXPECT_FALSE(tokens[1].is_number);
    EXPECT_EQ(tokens[4].stem, "minut");  // "min" is read as minutes
}

TEST(TextNumbers, DigitsInsideWordsAreNotNumbers) {
    const auto tokens = tokenize("mp3 b2b covid-19");
    EXPECT_EQ(texts(tokens), (Words{"mp3", "b2b", "covid", "19"}));
    EXPECT_FALSE(tokens[0].is_number);
    EXPECT_EQ(tokens[0].stem, "mp3");
    EXPECT_TRUE(tokens[3].is_number);
}

TEST(TextNumbers, FullwidthDigitsFoldToAscii) {
    EXPECT_EQ(numbers("\xEF\xBC\x95\xEF\xBC\x90\xEF\xBC\x85"), (Words{"50%"}));  // ５０％
}

// --- Folding ----------------------------------------------------------------

TEST(TextFold, AccentsFoldToTheirBaseLetter) {
    EXPECT_EQ(fold_case("Caf\xC3\xA9"), "cafe");
    EXPECT_EQ(fold_case("CAF\xC3\x89 na\xC3\xAFve R\xC3\xA9sum\xC3\xA9"), "cafe naive resume");
    EXPECT_EQ(fold_case("\xC3\x85ngstr\xC3\xB6m \xC5\x81\xC3\xB3\x64\xC5\xBA Dvo\xC5\x99\xC3\xA1k"),
              "angstrom lodz dvorak");
    EXPECT_EQ(fold_case("Nguy\xE1\xBB\x85n \xC4\x90\xE1\xBA\xA1i"), "nguyen dai");  // Vietnamese
    EXPECT_EQ(fold_case("\xC5\x92uvre Stra\xC3\x9F" "e \xC3\x86gir"), "oeuvre strasse aegir");
}

TEST(TextFold, DecomposedAccentsAreDropped) {
    EXPECT_EQ(fold_case("cafe\xCC\x81"), "cafe");  // e + U+0301
    EXPECT_EQ(texts("cafe\xCC\x81s here"), (Words{"cafes", "here"}));
}

TEST(TextFold, GreekCyrillicArmenianAndFullwidth) {
    EXPECT_EQ(fold_case("\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91"),  // ΑΘΗΝΑ
              "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1");
    EXPECT_EQ(fold_case("\xCE\x9A\xCE\xB1\xCF\x86\xCE\xAD\xCF\x82"),  // Καφές -> καφεσ
              "\xCE\xBA\xCE\xB1\xCF\x86\xCE\xB5\xCF\x83");
    EXPECT_EQ(fold_case("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90"),  // МОСКВА
              "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    EXPECT_EQ(fold_case("\xD0\x81\xD0\xB6\xD0\xB8\xD0\xBA"),  // Ёжик -> ежик
              "\xD0\xB5\xD0\xB6\xD0\xB8\xD0\xBA");
    EXPECT_EQ(fold_case("\xD4\xB1"), "\xD5\xA1");  // Armenian Ա -> ա
    EXPECT_EQ(fold_case("\xEF\xBC\xA1\xEF\xBD\x82\xEF\xBC\x93"), "ab3");  // Ａｂ３
}

TEST(TextFold, EveryLatinLetterFoldsStablyAndPairsAgree) {
    for (char32_t cp = 0xC0; cp <= 0x24F; ++cp) {
        const std::string once = fold_case(utf8(cp));
        EXPECT_FALSE(once.empty()) << std::hex << static_cast<std::uint32_t>(cp);
        EXPECT_EQ(fold_case(once), once) << std::hex << static_cast<std::uint32_t>(cp);
    }
    for (char32_t cp = 0x1E00; cp <= 0x1EFF; ++cp) {
        const std::string once = fold_case(utf8(cp));
        EXPECT_FALSE(once.empty()) << std::hex << static_cast<std::uint32_t>(cp);
        EXPECT_EQ(fold_case(once), once) << std::hex << static_cast<std::uint32_t>(cp);
    }
    // Latin Extended-A pairs: capital and small letter fold alike.
    for (char32_t cp = 0x100; cp < 0x138; cp += 2) {
        EXPECT_EQ(fold_case(utf8(cp)), fold_case(utf8(cp + 1)))
            << std::hex << static_cast<std::uint32_t>(cp);
    }
}

TEST(TextFold, KeepsWhatItDoesNotFold) {
    EXPECT_EQ(fold_case("a-b, c! 1\xE2\x82\xAC"), "a-b, c! 1\xE2\x82\xAC");
    EXPECT_EQ(fold_case("\xE6\x9D\xB1\xE4\xBA\xAC"), "\xE6\x9D\xB1\xE4\xBA\xAC");
}

// --- Stop words and terms -----------------------------------------------------

TEST(TextStopWords, FunctionWordsFillerAndSingleLetters) {
    for (const char* word : {"the", "and", "we", "our", "they", "dont", "youre", "customer",
                             "users", "get", "need", "x", "nd"}) {
        EXPECT_TRUE(is_stop_word(word)) << word;
    }
    for (const char* word : {"order", "lost", "time", "easy", "use", "price", "queue", "app",
                             "\xE6\x9D\xB1", "The"}) {
        EXPECT_FALSE(is_stop_word(word)) << word;  // "The" is not folded, so not a stop word
    }
}

// Boards written in German, French, Spanish, Portuguese, Dutch or Italian:
// their articles and prepositions tie every note to every other, as "the"
// and "for" would. Words those languages share with English content words
// stay terms ("van", "fur", "uber"), except a few the other language writes on
// nearly every note ("die", "met", "sin", "sem", "même").
TEST(TextStopWords, FunctionWordsOfTheOtherLanguagesCanvasesAreWrittenIn) {
    for (const char* word : {"ein", "bei", "und", "les", "avec", "por", "para", "een", "voor",
                             "della", "com", "die", "met", "sin", "sem", "meme", "sao"})
        EXPECT_TRUE(is_stop_word(word)) << word;
    for (const char* word : {"van", "fur", "uber", "todo", "hay", "os", "son", "car", "pour"})
        EXPECT_FALSE(is_stop_word(word)) << word;
    EXPECT_EQ(content_terms("Ein fester Preis pro Monat"), content_terms("fester Preis pro Monat"));
    EXPECT_EQ(content_terms("Pedidos preparados la tarde anterior"),
              content_terms("Pedidos preparados tarde anterior"));
}

TEST(TextTerms, ContentWordsAreStemmed) {
    EXPECT_EQ(content_terms("Orders get LOST at rush-hour!!"),
              (Words{"order", "lost", "rush", "hour"}));
    EXPECT_EQ(content_terms("We don't want our customers waiting in queues"),
              (Words{"wait", "queue"}));
    EXPECT_EQ(content_terms("customer\xE2\x80\x99s order arrives late"),
              (Words{"order", "arriv", "late"}));
}

TEST(TextTerms, AccentsAndCaseMeet) {
    EXPECT_EQ(content_terms("Caf\xC3\xA9"), content_terms("cafe"));
    EXPECT_EQ(content_terms("CAF\xC3\x89S"), content_terms("cafes"));
}

TEST(TextTerms, NumbersAreKeptByValue) {
    EXPECT_EQ(content_terms("Support 24/7, 10% off, $30 a month"),
              (Words{"support", "24/7", "10%", "$30", "month"}));
}

TEST(TextTerms, TimeUnitAbbreviationsMeetFullWords) {
    EXPECT_EQ(content_terms("waits 10 mins"), content_terms("waiting 10 minutes"));
    EXPECT_EQ(content_terms("2 hrs"), (Words{"2", "hour"}));
}

TEST(TextTerms, AreDeterministic) {
    const std::string note =
        "Time-consuming check-in \xF0\x9F\x98\xA9 at the caf\xC3\xA9\xE2\x80\x99s counter; "
        "5 min wait, 24/7 app, \xE6\x9D\xB1\xE4\xBA\xAC store, bad\xFF" "byte";
    const auto first = content_terms(note);
    EXPECT_EQ(first, (Words{"time", "consum", "check", "cafe", "counter", "5", "minut", "wait",
                            "24/7", "app", "\xE6\x9D\xB1", "\xE4\xBA\xAC", "store", "bad",
                            "byte"}));
    for (int i = 0; i < 3; ++i) EXPECT_EQ(content_terms(note), first);
}

TEST(TextTerms, LongInputIsHandled) {
    std::string board;
    for (int i = 0; i < 20000; ++i) board += "Payments fail often, ";
    const auto terms = content_terms(board);
    ASSERT_EQ(terms.size(), 40000u);  // "often" is a stop word
    EXPECT_EQ(terms[0], "payment");
    EXPECT_EQ(terms[1], "fail");
}

// word_stem() skips tokenizing plain lowercase ASCII words; every other text
// is tokenized, and the answer must be the one tokenize() gives either way.
TEST(WordStem, IsTheStemOfTheOneTokenTheTextReadsAs) {
    for (const std::string text :
         {"textbooks", "handbook", "mp3player", "b2b", "min", "hrs", "organised", "running",
          "Textbooks", "caf\xC3\xA9s", "co\xC2\xADoperation", "\xCE\xB1\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"}) {
        const std::vector<Token> tokens = tokenize(text);
        ASSERT_EQ(tokens.size(), 1u) << text;
        EXPECT_EQ(canvasfit::word_stem(text), tokens.front().stem) << text;
    }
    EXPECT_EQ(canvasfit::word_stem("textbooks"), "textbook");
    EXPECT_EQ(canvasfit::word_stem("hrs"), "hour");  // the unit written short, as tokenize() reads it
}

TEST(WordStem, IsEmptyUnlessTheTextIsOneToken) {
    EXPECT_EQ(canvasfit::word_stem(""), "");
    EXPECT_EQ(canvasfit::word_stem("text books"), "");
    EXPECT_EQ(canvasfit::word_stem("3x"), "");  // a number, then a word
    EXPECT_EQ(canvasfit::word_stem("\xE4\xB8\xAD\xE6\x96\x87"), "");  // two ideographs, two tokens
    EXPECT_EQ(canvasfit::word_stem("24/7"), "24/7");  // one number: its normalised form
}

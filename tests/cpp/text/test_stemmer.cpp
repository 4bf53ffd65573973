// Porter2 stemmer: every vector in tests/data/porter2/vectors.tsv, plus one test
// per step whose comments trace the rule, so a failure points at the step.
#include "text/stemmer.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

using canvasfit::stem_english;

namespace {

std::vector<std::pair<std::string, std::string>> read_vectors() {
    std::ifstream file(std::string(CANVASFIT_SOURCE_DIR) + "/tests/data/porter2/vectors.tsv");
    std::vector<std::pair<std::string, std::string>> pairs;
    std::string line;
    while (std::getline(file, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos) {
            ADD_FAILURE() << "malformed vector line: " << line;
            continue;
        }
        pairs.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return pairs;
}

}  // namespace

TEST(PorterVectors, AllPairsMatch) {
    const auto pairs = read_vectors();
    ASSERT_GE(pairs.size(), 150u) << "vectors.tsv missing or truncated";
    for (const auto& [word, stem] : pairs) {
        EXPECT_EQ(stem_english(word), stem) << "word: " << word;
    }
}

TEST(Stemmer, ExceptionalFormsComeFirst) {
    EXPECT_EQ(stem_english("skies"), "sky");
    EXPECT_EQ(stem_english("dying"), "die");
    EXPECT_EQ(stem_english("gently"), "gentl");
    EXPECT_EQ(stem_english("news"), "news");    // would lose its s in step 1a
    EXPECT_EQ(stem_english("atlas"), "atlas");  // likewise
}

TEST(Stemmer, WordsShorterThanThreeLettersAreKept) {
    EXPECT_EQ(stem_english("is"), "is");
    EXPECT_EQ(stem_english("by"), "by");  // step 1c would otherwise give "bi"
}

TEST(Stemmer, Step0RemovesApostropheSuffixes) {
    EXPECT_EQ(stem_english("order's"), "order");
    EXPECT_EQ(stem_english("orders'"), "order");  // ' then step 1a's s
    EXPECT_EQ(stem_english("boy's'"), "boy");
    EXPECT_EQ(stem_english("'tis"), "tis");  // initial apostrophe dropped first
}

TEST(Stemmer, Step1aPlurals) {
    EXPECT_EQ(stem_english("caresses"), "caress");  // sses -> ss
    EXPECT_EQ(stem_english("cries"), "cri");        // ies after two letters -> i
    EXPECT_EQ(stem_english("ties"), "tie");         // ies after one letter -> ie
    EXPECT_EQ(stem_english("gaps"), "gap");         // a vowel before the letter before s
    EXPECT_EQ(stem_english("gas"), "gas");          // the only vowel is right before s
    EXPECT_EQ(stem_english("focus"), "focus");      // us stays
}

TEST(Stemmer, InvariantWordsStopAfterStep1a) {
    EXPECT_EQ(stem_english("innings"), "inning");  // not "inn"
    EXPECT_EQ(stem_english("succeeds"), "succeed");
    EXPECT_EQ(stem_english("earring"), "earring");
}

TEST(Stemmer, Step1bEdAndIng) {
    EXPECT_EQ(stem_english("agreed"), "agre");     // eed in R1 -> ee, then step 5
    EXPECT_EQ(stem_english("feed"), "feed");       // eed outside R1: nothing at all
    EXPECT_EQ(stem_english("conflated"), "conflat");  // conflat + e, step 5 drops it again
    EXPECT_EQ(stem_english("hopping"), "hop");     // double pp undone
    EXPECT_EQ(stem_english("messing"), "mess");    // ss is not in the double list
    EXPECT_EQ(stem_english("hoping"), "hope");     // short word gets its e back
    EXPECT_EQ(stem_english("used"), "use");        // "us" is a short word too
    EXPECT_EQ(stem_english("sing"), "sing");       // no vowel before ing
}

TEST(Stemmer, Step1cYAfterConsonant) {
    EXPECT_EQ(stem_english("cry"), "cri");
    EXPECT_EQ(stem_english("say"), "say");    // y after a vowel is a consonant Y
    EXPECT_EQ(stem_english("happy"), "happi");
}

TEST(Stemmer, ConsonantYIsNotAVowel) {
    EXPECT_EQ(stem_english("saying"), "say");
    EXPECT_EQ(stem_english("yellow"), "yellow");
    EXPECT_EQ(stem_english("boys"), "boy");  // the Y before s counts as no vowel
}

TEST(Stemmer, Step2InR1) {
    EXPECT_EQ(stem_english("additional"), "addit");  // tional -> tion, then step 4 ion
    EXPECT_EQ(stem_english("archaeology"), "archaeolog");  // logi -> log
    EXPECT_EQ(stem_english("nightly"), "night");           // li after a valid ending
    EXPECT_EQ(stem_english("happily"), "happili");         // li after i: kept
    EXPECT_EQ(stem_english("beautifully"), "beauti");      // fulli -> ful, step 3 ful
}

TEST(Stemmer, Step3InR1) {
    EXPECT_EQ(stem_english("meanness"), "mean");
    EXPECT_EQ(stem_english("logically"), "logic");  // alli -> al, ical -> ic
    EXPECT_EQ(stem_english("formative"), "format"); // ative not in R2, step 4 takes ive
    EXPECT_EQ(stem_english("creative"), "creativ"); // nothing in R2 but the final e
}

TEST(Stemmer, Step4InR2) {
    EXPECT_EQ(stem_english("controllable"), "control");  // able, then step 5 ll
    EXPECT_EQ(stem_english("decision"), "decis");        // ion after s
    EXPECT_EQ(stem_english("vision"), "vision");         // ion not in R2
    EXPECT_EQ(stem_english("sentimentality"), "sentiment");
}

TEST(Stemmer, OnlyTheLongestSuffixIsTried) {
    // R2 of "element" starts at its second e: "ement" begins before it, and the
    // step gives up instead of falling back to "ent", which would fit.
    EXPECT_EQ(stem_english("element"), "element");
    EXPECT_EQ(stem_english("agreement"), "agreement");
}

TEST(Stemmer, Step5FinalEAndDoubleL) {
    EXPECT_EQ(stem_english("valuable"), "valuabl");  // e in R2
    EXPECT_EQ(stem_english("knives"), "knive");      // e after a short syllable stays
    EXPECT_EQ(stem_english("controll"), "control");
    EXPECT_EQ(stem_english("roll"), "roll");         // l not in R2
}

TEST(Stemmer, SpecialPrefixesFixR1) {
    EXPECT_EQ(stem_english("generic"), "generic");  // would be "gener" otherwise
    EXPECT_EQ(stem_english("communal"), "communal");
    EXPECT_EQ(stem_english("arsenal"), "arsenal");
    EXPECT_EQ(stem_english("generously"), "generous");
}

TEST(Stemmer, NonAsciiOrUnfoldedInputIsReturnedUnchanged) {
    EXPECT_EQ(stem_english(""), "");
    EXPECT_EQ(stem_english("Running"), "Running");
    EXPECT_EQ(stem_english("mp3"), "mp3");
    EXPECT_EQ(stem_english("\xD0\xBA\xD0\xBE\xD1\x82\xD1\x8B"), "\xD0\xBA\xD0\xBE\xD1\x82\xD1\x8B");
}

TEST(Stemmer, SurvivesDegenerateWords) {
    for (const char* word : {"'", "''", "'''", "'s", "'s'", "yyy", "y'y", "eed", "ied", "sss"}) {
        EXPECT_NO_THROW(stem_english(word)) << word;
    }
    const std::string long_word(20000, 'a');
    EXPECT_EQ(stem_english(long_word + "ing"), long_word);
    // R1 starts after "at", so steps 2 and 3 skip "ational"; step 4 takes "al".
    EXPECT_EQ(stem_english(std::string(5000, 'x') + "ational"), std::string(5000, 'x') + "ation");
}

// Text and connector links (core/src/linking.cpp, docs/linking.md): relievers
// reach pains, creators gains and products jobs, within one canvas, by a
// connector or by what the notes say, with the words behind each text link.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"
#include "canvasfit/options.hpp"
#include "engine/engine.hpp"
#include "text/text.hpp"
#include "engine/link_lexicon.hpp"

using namespace canvasfit;
using namespace canvasfit::test_support;

namespace {

constexpr const char* kStraightToKitchen = "Orders go straight to the kitchen";
constexpr const char* kLostBeforeKitchen = "Orders get lost between till and kitchen";

// One or more canvases in the usual template: seven section frames side by
// side, notes stacked in the frame of their section.
class CanvasSketch {
public:
    explicit CanvasSketch(int canvases = 1) {
        for (int c = 0; c < canvases; ++c)
            for (Section section : kAllSections)
                board_.containers.push_back(
                    frame(frame_id(c, section), title_of(section), area_of(c, section)));
    }

    std::string note(Section section, const std::string& text, int canvas = 0) {
        const std::string id = std::string(section_name(section)) + std::to_string(canvas) + "-" +
                               std::to_string(++count_[{canvas, section}]);
        const Rect area = area_of(canvas, section);
        board_.notes.push_back(sticky(id, text, area.x + 20,
                                      area.y + 40 + 110.0 * count_[{canvas, section}],
                                      frame_id(canvas, section)));
        return id;
    }

    void connect(const std::string& from, const std::string& to) {
        board_.connectors.push_back({"c" + std::to_string(board_.connectors.size()), from, to, ""});
    }

    // Notes in every section that share no words with the tests' notes, so
    // each canvas has the size and word statistics of a real one.
    void add_filler(int canvas = 0) {
        note(Section::segment, "Independent café owners", canvas);
        note(Section::jobs, "Run a neighbourhood café", canvas);
        note(Section::jobs, "Hire weekend baristas", canvas);
        note(Section::pains, "Card terminal rejects foreign cards", canvas);
        note(Section::pains, "Wobbly tables on the terrace", canvas);
        note(Section::gains, "Regulars bring their friends", canvas);
        note(Section::gains, "Instagram photos of latte art", canvas);
        note(Section::products, "Tablet point of sale", canvas);
        note(Section::products, "Loyalty card", canvas);
        note(Section::relievers, "Oat milk at no extra charge", canvas);
        note(Section::creators, "Birthday stamp on the loyalty card", canvas);
    }

    Report analyze() const { return canvasfit::analyze(board_); }
    Report analyze(const AnalyzeOptions& options) const { return canvasfit::analyze(board_, options); }

private:
    static const char* title_of(Section section) {
        switch (section) {
        case Section::segment: return "Customer Segment";
        case Section::jobs: return "Customer Jobs";
        case Section::pains: return "Pains";
        case Section::gains: return "Gains";
        case Section::products: return "Products & Services";
        case Section::relievers: return "Pain Relievers";
        default: return "Gain Creators";
        }
    }
    static Rect area_of(int canvas, Section section) {
        return {canvas * 3000.0 + static_cast<double>(section) * 320, 0, 300, 2000};
    }
    static std::string frame_id(int canvas, Section section) {
        return "frame-" + std::to_string(canvas) + "-" + section_name(section);
    }

    Board board_;
    std::map<std::pair<int, Section>, int> count_;
};

// Deleted for temporaries: the returned pointer would dangle.
const LinkReport* find_link(Report&&, const std::string&, const std::string&) = delete;

const LinkReport* find_link(const Report& report, const std::string& from, const std::string& to) {
    for (const LinkReport& link : report.links)
        if (link.from == from && link.to == to) return &link;
    return nullptr;
}

std::vector<const LinkReport*> links_from(const Report& report, const std::string& from) {
    std::vector<const LinkReport*> found;
    for (const LinkReport& link : report.links)
        if (link.from == from) found.push_back(&link);
    return found;
}

bool has_evidence(const LinkReport& link, const std::string& item) {
    return std::find(link.evidence.begin(), link.evidence.end(), item) != link.evidence.end();
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : " | ") + item;
    return text;
}

struct OppositePair {
    const char* pain;
    const char* reliever;
    const char* related;  // the evidence item naming the family pair
};

class OppositeWords : public ::testing::TestWithParam<OppositePair> {};

}  // namespace

// Pains and their relievers often say opposite things; the lexicon families
// link them anyway, and the evidence names the pair of words.
TEST_P(OppositeWords, LinkThePainToItsReliever) {
    const OppositePair& pair = GetParam();
    CanvasSketch sketch;
    sketch.add_filler();
    const std::string pain = sketch.note(Section::pains, pair.pain);
    const std::string reliever = sketch.note(Section::relievers, pair.reliever);

    const Report report = sketch.analyze();
    const LinkReport* link = find_link(report, reliever, pain);
    ASSERT_NE(link, nullptr) << pair.pain << " / " << pair.reliever;
    EXPECT_EQ(link->via, "text");
    EXPECT_GT(link->strength, 0.0);
    EXPECT_LE(link->strength, 1.0);
    EXPECT_TRUE(has_evidence(*link, pair.related)) << joined(link->evidence);
}

INSTANTIATE_TEST_SUITE_P(
    Lexicon, OppositeWords,
    ::testing::Values(
        OppositePair{"Orders get lost", "Orders go straight to the kitchen",
                     "loss: lost ~ straight"},
        OppositePair{"Too expensive", "Flat monthly fee", "cost: expensive ~ flat"},
        OppositePair{"Slow at lunchtime", "Fast pickup", "speed: slow ~ fast"},
        OppositePair{"Stock counts are manual", "Automatic stock counts",
                     "effort: manual ~ automatic"},
        OppositePair{"Deliveries arrive late", "Always on time", "punctuality: late ~ on time"},
        OppositePair{"Food waste at closing", "Nothing goes off", "waste: waste ~ goes off"},
        OppositePair{"Confusing to set up", "Simple enough for anyone", "ease: confusing ~ simple"},
        OppositePair{"Frequent billing errors", "Accurate invoices", "accuracy: errors ~ accurate"},
        OppositePair{"Staff forget to reorder milk", "Reminder when milk runs low",
                     "memory: forget ~ reminder"},
        // A problem word turned around by "-free" is a remedy.
        OppositePair{"Drowning in paperwork", "Paper-free sign-up", "effort: paperwork ~ paper"}));

TEST(Linking, UnrelatedNotesDoNotLink) {
    CanvasSketch sketch;
    sketch.add_filler();
    const std::string pain = sketch.note(Section::pains, "Customers wait ages for a table");
    const std::string reliever = sketch.note(Section::relievers, "Customers get a free cookie");
    const std::string gain = sketch.note(Section::gains, "Feel welcome as a regular");
    const std::string creator = sketch.note(Section::creators, "Baristas learn every name");

    const Report report = sketch.analyze();
    EXPECT_EQ(find_link(report, reliever, pain), nullptr);  // "customers" is canvas filler
    EXPECT_TRUE(links_from(report, creator).empty());
}

// On a board written in German the articles and prepositions are not what two
// notes are about: "bei" and "ein" shared link nothing, "Werkstatt" does.
TEST(Linking, FunctionWordsOfAnotherLanguageLinkNothing) {
    CanvasSketch sketch;
    sketch.note(Section::segment, "Pendler mit dem Rad");
    sketch.note(Section::jobs, "Pünktlich im Büro ankommen");
    const std::string rain = sketch.note(Section::pains, "Bei Regen kommt man nass an");
    const std::string workshop = sketch.note(Section::pains, "Die Werkstatt hat erst in zwei Wochen einen Termin frei");
    sketch.note(Section::gains, "Ein Rad, das immer funktioniert");
    sketch.note(Section::products, "Monatliches Fahrrad-Abo");
    const std::string breakdown = sketch.note(Section::relievers, "Pannenhilfe holt dich bei einem Platten ab");
    const std::string slot = sketch.note(Section::relievers, "Termin in der Werkstatt innerhalb von 48 Stunden");
    const std::string price = sketch.note(Section::creators, "Ein fester Preis pro Monat");

    const Report report = sketch.analyze();
    EXPECT_EQ(find_link(report, breakdown, rain), nullptr) << "only 'bei' in common";
    EXPECT_TRUE(links_from(report, price).empty()) << "only 'ein' in common with the gain";
    const LinkReport* shared = find_link(report, slot, workshop);
    ASSERT_NE(shared, nullptr);
    EXPECT_NE(std::find(shared->evidence.begin(), shared->evidence.end(), "werkstatt"),
              shared->evidence.end());
}

// The "free" of "paper-free" turns "paper" around; it is no cost word.
TEST(Linking, FreeAfterAProblemWordIsNotACostWord) {
    CanvasSketch sketch;
    sketch.add_filler();
    const std::string pain = sketch.note(Section::pains, "Too expensive");
    const std::string reliever = sketch.note(Section::relievers, "Paper-free sign-up");

    const Report report = sketch.analyze();
    EXPECT_EQ(find_link(report, reliever, pain), nullptr);
}

// "[hypothesis]", "(Severity: 8/10)", "(nice to have)" say how sure or how
// important a note is, not what it is about: two notes marked alike share no
// topic. The same word outside brackets still counts.
TEST(Linking, CueAnnotationsAreNoSharedWords) {
    CanvasSketch sketch;
    sketch.add_filler();
    const std::string pain = sketch.note(Section::pains, "Parking is a nightmare [hypothesis] (Severity: 8/10)");
    const std::string reliever = sketch.note(Section::relievers, "Loyalty stamps [hypothesis] (Severity: 8/10)");
    const std::string gain = sketch.note(Section::gains, "Feel welcome as a regular (nice to have)");
    const std::string creator = sketch.note(Section::creators, "Baristas learn every name (nice to have)");
    const std::string nice_gain = sketch.note(Section::gains, "A nice view from the terrace");
    const std::string nice_creator = sketch.note(Section::creators, "Nice terrace seats (must-have)");

    const Report report = sketch.analyze();
    EXPECT_EQ(find_link(report, reliever, pain), nullptr);
    EXPECT_EQ(find_link(report, creator, gain), nullptr);
    const LinkReport* terrace = find_link(report, nice_creator, nice_gain);
    ASSERT_NE(terrace, nullptr) << "words outside the brackets still link";
    EXPECT_EQ(std::count(terrace->evidence.begin(), terrace->evidence.end(), "nice"), 1);
}

// One shared word and nothing else counts as a link only while no other note
// of the canvas holds the word: "invoices" on a third note is the canvas's
// subject, and the pair becomes a question. A product holding it is the
// offer said twice, not the subject: it does not count.
TEST(Linking, OneWordOtherNotesUseTooMakesASuggestionNotALink) {
    const auto source_with_third_note = [](std::optional<Section> third) {
        CanvasSketch sketch;
        sketch.add_filler();
        const std::string pain = sketch.note(Section::pains, "Invoices pile up unpaid");
        const std::string reliever = sketch.note(Section::relievers, "Invoices chased by reminder");
        if (third) sketch.note(*third, "Invoices template");
        const Report report = sketch.analyze();
        const LinkReport* link = find_link(report, reliever, pain);
        return link == nullptr ? std::string("none") : link->source;
    };
    EXPECT_EQ(source_with_third_note(std::nullopt), "text");
    EXPECT_EQ(source_with_third_note(Section::jobs), "suggested");
    EXPECT_EQ(source_with_third_note(Section::gains), "suggested");
    EXPECT_EQ(source_with_third_note(Section::products), "text");
}

TEST(Linking, CueAnnotationsAreTheBracketedPrioritiesAndEvidenceStatuses) {
    const std::string text = "Parking (Severity: 8/10) is hard [hypothesis] (in town) [p1]";
    std::vector<std::string> found;
    for (const auto& [begin, end] : cue_annotations(text)) found.push_back(text.substr(begin, end - begin));
    EXPECT_EQ(found, (std::vector<std::string>{"(Severity: 8/10)", "[hypothesis]", "[p1]"}));
    EXPECT_TRUE(cue_annotations("Parking is hard").empty());
}

TEST(Linking, EachValueMapSectionReachesOnlyItsOwnProfileSection) {
    CanvasSketch sketch;
    sketch.add_filler();
    const std::string pain = sketch.note(Section::pains, "Waiting for the espresso machine");
    const std::string gain = sketch.note(Section::gains, "Espresso machine always warm");
    const std::string job = sketch.note(Section::jobs, "Clean the espresso machine");
    const std::string reliever = sketch.note(Section::relievers, "Espresso machine always warm");
    const std::string creator = sketch.note(Section::creators, "Waiting for the espresso machine");
    const std::string product = sketch.note(Section::products, "Espresso machine always warm");

    const Report report = sketch.analyze();
    EXPECT_NE(find_link(report, reliever, pain), nullptr);
    EXPECT_EQ(find_link(report, reliever, gain), nullptr);
    EXPECT_EQ(find_link(report, reliever, job), nullptr);
    EXPECT_NE(find_link(report, creator, gain), nullptr);
    EXPECT_EQ(find_link(report, creator, pain), nullptr);
    EXPECT_NE(find_link(report, product, job), nullptr);
    EXPECT_EQ(find_link(report, product, pain), nullptr);
    for (const LinkReport& link : report.links) {
        EXPECT_NE(link.to, reliever);
        EXPECT_NE(link.from, pain);
    }
}

TEST(Linking, TextLinksStayWithinTheirCanvas) {
    CanvasSketch sketch(2);
    sketch.add_filler(0);
    sketch.add_filler(1);
    const std::string reliever = sketch.note(Section::relievers, kStraightToKitchen, 0);
    const std::string pain = sketch.note(Section::pains, "Orders get lost before the kitchen", 1);

    const Report report = sketch.analyze();
    ASSERT_EQ(report.canvases.size(), 2u);
    EXPECT_EQ(find_link(report, reliever, pain), nullptr);
}

// A connector is the team's own word: it gives the link at strength 1, and
// no text link is added for the same pair.
TEST(Linking, ConnectorWinsOverTextForTheSamePair) {
    CanvasSketch sketch;
    sketch.add_filler();
    const std::string pain = sketch.note(Section::pains, "Orders get lost");
    const std::string other = sketch.note(Section::pains, "Kitchen misreads handwritten orders");
    const std::string reliever = sketch.note(Section::relievers, kStraightToKitchen);
    sketch.connect(pain, reliever);  // drawn from pain to reliever: direction does not matter

    const Report report = sketch.analyze();
    int for_pair = 0;
    for (const LinkReport& link : report.links)
        if (link.from == reliever && link.to == pain) ++for_pair;
    EXPECT_EQ(for_pair, 1);
    const LinkReport* drawn = find_link(report, reliever, pain);
    ASSERT_NE(drawn, nullptr);
    EXPECT_EQ(drawn->via, "connector");
    EXPECT_EQ(drawn->strength, 1.0);
    EXPECT_TRUE(drawn->evidence.empty());
    const LinkReport* by_text = find_link(report, reliever, other);
    ASSERT_NE(by_text, nullptr);  // the connector does not silence the reliever's other links
    EXPECT_EQ(by_text->via, "text");
}

// The wording is read only along the canvas's rule, but a connector is the
// team's own statement: a reliever drawn to a gain addresses that gain, and a
// creator or product drawn to a pain that pain (published canvases pair across
// like this). Within the profile or within the value map, a connector is no link.
TEST(Linking, AConnectorFromTheValueMapToTheProfileIsTheTeamsLinkAcrossTheRule) {
    CanvasSketch sketch;
    sketch.add_filler();
    const std::string gain = sketch.note(Section::gains, "Feel welcome as a regular");
    const std::string pain = sketch.note(Section::pains, "Queue out of the door at eight");
    const std::string reliever = sketch.note(Section::relievers, "Baristas learn every name");
    const std::string creator = sketch.note(Section::creators, "Order ahead in the app");
    const std::string product = sketch.note(Section::products, "Drive-through hatch");
    sketch.connect(reliever, gain);
    sketch.connect(pain, creator);
    sketch.connect(product, pain);
    sketch.connect(pain, gain);
    sketch.connect(reliever, creator);

    const Report report = sketch.analyze();
    for (const auto& [from, to] : {std::pair{reliever, gain}, {creator, pain}, {product, pain}}) {
        const LinkReport* drawn = find_link(report, from, to);
        ASSERT_NE(drawn, nullptr) << from << " -> " << to;
        EXPECT_EQ(drawn->source, "connector");
    }
    EXPECT_EQ(find_link(report, pain, gain), nullptr);
    EXPECT_EQ(find_link(report, gain, pain), nullptr);
    EXPECT_EQ(find_link(report, reliever, creator), nullptr);
    EXPECT_EQ(find_link(report, creator, reliever), nullptr);
    const FitReport& fit = report.canvases.at(0).fit;
    const auto row = std::find_if(fit.gains_detail.begin(), fit.gains_detail.end(),
                                  [&](const CoverageReport& r) { return r.note == gain; });
    ASSERT_NE(row, fit.gains_detail.end());
    EXPECT_EQ(row->status, "covered");
    EXPECT_EQ(row->covered_by, std::vector<std::string>{reliever});
    for (const Warning& warning : report.warnings)
        for (const std::string& note : warning.notes)
            EXPECT_TRUE(note != gain && note != pain && note != reliever && note != creator)
                << warning.code << ": " << warning.message;
}

// A pair the facilitator confirms counts as a connector would, across the rule too.
TEST(Linking, AConfirmedPairAcrossTheRuleIsALink) {
    CanvasSketch sketch;
    sketch.add_filler();
    const std::string gain = sketch.note(Section::gains, "Feel welcome as a regular");
    const std::string reliever = sketch.note(Section::relievers, "Baristas learn every name");
    AnalyzeOptions options;
    options.links.confirmed = {{reliever, gain}};
    const Report report = sketch.analyze(options);
    const LinkReport* confirmed = find_link(report, reliever, gain);
    ASSERT_NE(confirmed, nullptr);
    EXPECT_EQ(confirmed->source, "confirmed");
    options.links.confirmed = {{gain, reliever}};
    const Report reversed = sketch.analyze(options);
    EXPECT_EQ(find_link(reversed, gain, reliever), nullptr) << "a pair goes value map to profile";
}

// Shared words as the pain writes them, in its order, then related pairs
// with the pain's word first.
TEST(Linking, EvidenceListsTheWordsAsWritten) {
    CanvasSketch sketch;
    sketch.add_filler();
    const std::string pain = sketch.note(Section::pains, kLostBeforeKitchen);
    const std::string reliever =
        sketch.note(Section::relievers, "Ordering goes straight to the kitchen");

    const Report report = sketch.analyze();  // the link points into it: keep it alive
    const LinkReport* link = find_link(report, reliever, pain);
    ASSERT_NE(link, nullptr);
    EXPECT_EQ(link->evidence,
              (std::vector<std::string>{"orders", "kitchen", "loss: lost ~ straight"}));
}

TEST(Linking, SharingMoreWordsGivesAStrongerLink) {
    CanvasSketch sketch;
    sketch.add_filler();
    const std::string pain = sketch.note(Section::pains, kLostBeforeKitchen);
    const std::string one = sketch.note(Section::relievers, "Kitchen screen");
    const std::string two =
        sketch.note(Section::relievers, "Orders sent from the till to the kitchen");

    AnalyzeOptions every_candidate;  // the weak pair is too unlikely to be suggested
    every_candidate.links.list_all_candidates = true;
    const Report report = sketch.analyze(every_candidate);
    const LinkReport* weak = find_link(report, one, pain);
    const LinkReport* strong = find_link(report, two, pain);
    ASSERT_NE(weak, nullptr);
    ASSERT_NE(strong, nullptr);
    EXPECT_LT(weak->strength, strong->strength);
    EXPECT_LT(strong->strength, 1.0);  // only a connector is certain
    // Without the option, a pair more likely wrong than right is not even a
    // suggestion: its row is asked "what addresses it?" instead.
    const Report suggested_only = sketch.analyze();
    EXPECT_EQ(find_link(suggested_only, one, pain), nullptr);
}

// A note may have several links; they come sorted by note, then strength.
TEST(Linking, SeveralLinksPerNoteInADeterministicOrder) {
    CanvasSketch sketch;
    sketch.add_filler();
    const std::string lost = sketch.note(Section::pains, "Orders get lost");
    const std::string misread = sketch.note(Section::pains, "Kitchen misreads handwritten orders");
    const std::string reliever = sketch.note(Section::relievers, kStraightToKitchen);

    const Report report = sketch.analyze();
    const auto from_reliever = links_from(report, reliever);
    ASSERT_EQ(from_reliever.size(), 2u);
    EXPECT_GE(from_reliever[0]->strength, from_reliever[1]->strength);
    EXPECT_NE(find_link(report, reliever, lost), nullptr);
    EXPECT_NE(find_link(report, reliever, misread), nullptr);
    EXPECT_EQ(report_to_json(report), report_to_json(sketch.analyze()));
}

TEST(Linking, LexiconIsSmallCuratedAndConsistent) {
    EXPECT_TRUE(link_lexicon::link_lexicon_issues().empty())
        << joined(link_lexicon::link_lexicon_issues());
    const auto& families = link_lexicon::families();
    EXPECT_GE(families.size(), 20u);
    EXPECT_LE(families.size(), 40u);
    for (const link_lexicon::Family& family : families) {
        EXPECT_FALSE(family.problem.empty()) << family.name;
        EXPECT_FALSE(family.remedy.empty()) << family.name;
    }
    const auto cost = link_lexicon::family_of("expens");  // content_terms("expensive")
    ASSERT_TRUE(cost.has_value());
    EXPECT_EQ(families[cost->family].name, "cost");
    EXPECT_EQ(cost->side, link_lexicon::Side::problem);
    EXPECT_FALSE(link_lexicon::family_of("kitchen").has_value());
}

TEST(Linking, PhrasesAreFoundOnFoldedWords) {
    const auto hits = link_lexicon::find_phrases(tokenize("Delivered ON TIME, nothing goes off"));
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].key, "on time");
    EXPECT_EQ(hits[0].first_token, 1u);
    EXPECT_EQ(hits[1].key, "goes off");
}

// One canvas of 10,000 notes whose every note shares a word with thousands of
// others. The inverted index keeps the work per value-map note bounded: a
// word on more than a few dozen targets nominates none, so the pairs scored
// stay a small multiple of the note count, far from all pairs.
TEST(Linking, TenThousandNoteCanvasScoresFarFewerThanAllPairs) {
    constexpr std::size_t kEach = 5000;
    Board board;
    CanvasNotes notes;
    std::vector<NoteReading> readings;
    for (std::size_t i = 0; i < 2 * kEach; ++i) {
        const bool is_pain = i < kEach;
        Note note;
        note.id = "n" + std::to_string(i);
        // "order", "lost" and "late" are on every pain; "sku<k>" on one pain and one reliever.
        note.text = std::string(is_pain ? "Order lost" : "Order tracked") + " sku" +
                    std::to_string(i % kEach) + (is_pain ? " late" : " on time");
        readings.push_back(read_text(note.text));
        board.notes.push_back(std::move(note));
        notes.of(is_pain ? Section::pains : Section::relievers).push_back(i);
    }
    const Adjacency connected(board.notes.size());

    LinkStats stats;
    const std::vector<Link> links = link_canvas(board, notes, readings, connected, &stats);

    // Each reliever reaches its pain through its sku's posting list; the lists
    // of "order", "lost" (loss) and "late" (punctuality) are too long to
    // nominate anyone, or this would be all 25 million pairs.
    EXPECT_EQ(stats.pairs_scored, kEach);
    EXPECT_LE(stats.postings_read, 2 * kEach);
    ASSERT_EQ(links.size(), kEach);
    for (const Link& link : links) EXPECT_EQ(link.from, link.to + kEach);  // the same sku
}

namespace {

// Four pains and, beside them, four relievers in the same order: the first
// three pairs share a word no other note uses; the fourth shares none.
struct SideBySide {
    CanvasSketch sketch;
    std::vector<std::string> pains, relievers;
};

SideBySide lists_side_by_side(const std::vector<int>& reliever_order) {
    const char* pains[] = {"Invoices arrive as blurry photos", "Suppliers chase overdue payments",
                           "Month-end closing takes a week", "Nobody trusts the numbers"};
    const char* relievers[] = {"Scanner app straightens invoices", "Reminders before payments fall due",
                               "Closing checklist with one owner per step",
                               "Every figure links to its receipt"};
    SideBySide lists;
    for (const char* pain : pains) lists.pains.push_back(lists.sketch.note(Section::pains, pain));
    for (int i : reliever_order)
        lists.relievers.push_back(lists.sketch.note(Section::relievers, relievers[i]));
    lists.sketch.add_filler();
    return lists;
}

}  // namespace

// A table of pains and relievers drawn as notes, or two numbered lists, pairs
// its items by position; once the pairs the words find line up, the fourth
// reliever is asked about the fourth pain although they share no word.
TEST(Linking, ListsWrittenSideBySidePairTheirItemsByPosition) {
    const SideBySide lists = lists_side_by_side({0, 1, 2, 3});
    const Report report = lists.sketch.analyze();

    const LinkReport* worded = find_link(report, lists.relievers[1], lists.pains[1]);
    ASSERT_NE(worded, nullptr);
    EXPECT_TRUE(has_evidence(*worded, "order: 2")) << joined(worded->evidence);
    const LinkReport* by_position = find_link(report, lists.relievers[3], lists.pains[3]);
    ASSERT_NE(by_position, nullptr);
    EXPECT_EQ(by_position->source, "suggested");
    EXPECT_EQ(by_position->evidence, std::vector<std::string>{"order: 4"});
}

// The same notes with the relievers in another order: the words' pairs do not
// line up, so position is no evidence and the fourth pair is not asked.
TEST(Linking, ListsInAnotherOrderSayNothingByPosition) {
    const SideBySide lists = lists_side_by_side({1, 2, 0, 3});
    const Report report = lists.sketch.analyze();

    EXPECT_NE(find_link(report, lists.relievers[2], lists.pains[0]), nullptr);
    for (const LinkReport& link : report.links)
        for (const std::string& item : link.evidence)
            EXPECT_NE(item.rfind("order: ", 0), 0u) << link.from << " -> " << link.to;
    EXPECT_EQ(find_link(report, lists.relievers[3], lists.pains[3]), nullptr);
}

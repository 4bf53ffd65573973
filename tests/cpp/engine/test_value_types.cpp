// Value-proposition types, segment types, value drivers, competitor sheets and
// the misaligned-type warning (docs/value.md).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"
#include "engine/engine.hpp"
#include "text/text.hpp"
#include "engine/value_types.hpp"
#include "engine/competitors.hpp"
#include "structure/titles.hpp"

using namespace canvasfit;
using namespace canvasfit::test_support;

namespace {

// --- Boards ---

// One canvas of seven section frames at (x, y); notes go in with add().
class CanvasBoard {
public:
    explicit CanvasBoard(double x = 0, double y = 0, std::string prefix = "")
        : x_(x), y_(y), prefix_(std::move(prefix)) {}

    void add_to(Board& board) const {
        const struct {
            const char* title;
            Section section;
            Rect rect;
        } sections[] = {
            {"Products & Services", Section::products, {0, 200, 300, 1200}},
            {"Gain Creators", Section::creators, {300, 200, 300, 600}},
            {"Pain Relievers", Section::relievers, {300, 800, 300, 600}},
            {"Gains", Section::gains, {700, 200, 400, 600}},
            {"Pains", Section::pains, {700, 800, 400, 600}},
            {"Customer Jobs", Section::jobs, {1100, 200, 300, 1200}},
            {"Customer Segment", Section::segment, {700, 0, 700, 180}},
        };
        for (const auto& s : sections) {
            Rect rect = s.rect;
            rect.x += x_;
            rect.y += y_;
            board.containers.push_back(frame(frame_id(s.section), s.title, rect));
        }
    }

    std::string frame_id(Section section) const {
        return prefix_ + "frame-" + section_name(section);
    }

private:
    double x_, y_;
    std::string prefix_;
};

// Adds a note to a section frame of `canvas`; notes of one section go one
// below the other, so reading order (and so rank) is the order of the calls.
void add(Board& board, const CanvasBoard& canvas, Section section, const std::string& id,
         const std::string& text) {
    int in_section = 0;
    for (const Note& note : board.notes)
        if (note.parent == canvas.frame_id(section)) ++in_section;
    Rect frame_rect;
    for (const Container& container : board.containers)
        if (container.id == canvas.frame_id(section)) frame_rect = container.bounds;
    board.notes.push_back(sticky(id, text, frame_rect.x + 20, frame_rect.y + 5 + 60.0 * in_section,
                                 canvas.frame_id(section)));
    board.notes.back().bounds.height = 50;
}

Connector connector(const std::string& from, const std::string& to) {
    Connector c;
    c.id = from + "->" + to;
    c.from = from;
    c.to = to;
    return c;
}

std::optional<Warning> find_warning(const Report& report, const std::string& code) {
    for (const Warning& warning : report.warnings)
        if (warning.code == code) return warning;
    return std::nullopt;
}

const NoteReport& note_report(const Report& report, const std::string& id) {
    for (const NoteReport& note : report.notes)
        if (note.id == id) return note;
    throw std::runtime_error("no note " + id);
}

Priority priority(int rank, double value) {
    Priority p;
    p.rank = rank;
    p.priority = value;
    return p;
}

ValueDriver driver(const std::string& id, double priority_value, const std::string& text) {
    return {id, priority_value, classify_value(text), content_terms(text)};
}

}  // namespace

// --- Value-proposition types ---

// On boards "status" is mostly a state to track, not standing: a checklist of
// each client's status is no brand value (the bundled Miro example read it so
// and warned that its value map led with brand for a price-driven segment).
TEST(ValueTypes, StatusAloneIsAStateNotStanding) {
    EXPECT_NE(classify_value("Close checklist tracks each client's status"), ValueType::brand);
    EXPECT_NE(classify_value("Order status updates by text"), ValueType::brand);
    EXPECT_EQ(classify_value("A status symbol for collectors"), ValueType::brand);
    EXPECT_EQ(classify_value("Social status among peers"), ValueType::brand);
}

TEST(ValueTypes, EachTypeHasCuesFromTheSeeds) {
    const std::pair<const char*, ValueType> cases[] = {
        {"An innovative, first-ever sleep tracker", ValueType::novelty},
        {"10-minute workouts", ValueType::performance},
        {"Personalised training plans", ValueType::customization},
        {"Beautiful, minimalist dashboard", ValueType::design},
        {"Exclusive members-only status", ValueType::brand},
        {"Cheaper than an agency", ValueType::price},
        {"Cuts energy bills and overhead", ValueType::cost_reduction},
        {"Bank-grade security and fraud checks", ValueType::risk_reduction},
        {"One-click checkout", ValueType::convenience},
        {"Available 24/7, even in rural areas", ValueType::access},
    };
    for (const auto& [text, type] : cases)
        EXPECT_EQ(value_type_name(classify_value(text)), std::string(value_type_name(type)))
            << text;
}

TEST(ValueTypes, TextWithoutCueHasNoType) {
    EXPECT_EQ(classify_value("Gamified rewards"), ValueType::none);
    EXPECT_EQ(classify_value(""), ValueType::none);
    EXPECT_EQ(classify_value("Product catalogue"), ValueType::none);
}

TEST(ValueTypes, PhrasesConsumeTheirWords) {
    // "save" alone leans to cost reduction, "free" to price, "anytime" to access.
    EXPECT_EQ(classify_value("Save time on invoices"), ValueType::performance);
    EXPECT_EQ(classify_value("Save money on invoices"), ValueType::cost_reduction);
    EXPECT_EQ(classify_value("Free trial"), ValueType::risk_reduction);
    EXPECT_EQ(classify_value("Free delivery"), ValueType::price);
    EXPECT_EQ(classify_value("Cancel anytime"), ValueType::risk_reduction);
    EXPECT_EQ(classify_value("Brand new kind of stroller"), ValueType::novelty);
}

TEST(ValueTypes, CollidingStemsAreMatchedByTheirForm) {
    // "productivity" and "product" share the stem "product".
    EXPECT_EQ(classify_value("Boosts team productivity"), ValueType::performance);
    EXPECT_EQ(classify_value("Too expensive for us"), ValueType::price);
    EXPECT_EQ(classify_value("Tracks expenses"), ValueType::cost_reduction);
}

TEST(ValueTypes, HeavierTypeWinsAndTiesGoToTheFirstCue) {
    EXPECT_EQ(classify_value("Cheaper and faster"), ValueType::price);
    EXPECT_EQ(classify_value("Faster and cheaper"), ValueType::performance);
    // A phrase (2) outweighs a word (1) whatever the order.
    EXPECT_EQ(classify_value("Secure and easy to use"), ValueType::convenience);
    EXPECT_EQ(classify_value("Intuitive design"), ValueType::convenience);
}

TEST(ValueTypes, PriceAndCostReductionAreOneFamily) {
    EXPECT_TRUE(same_value_family(ValueType::price, ValueType::cost_reduction));
    EXPECT_TRUE(same_value_family(ValueType::design, ValueType::design));
    EXPECT_FALSE(same_value_family(ValueType::performance, ValueType::convenience));
}

TEST(ValueTypes, EveryTypeHasItsOwnKeyMetric) {
    std::vector<std::string> metrics;
    for (std::size_t t = 0; t + 1 < kValueTypeCount; ++t) {
        const char* metric = key_metric_for(static_cast<ValueType>(t));
        ASSERT_NE(metric, nullptr);
        metrics.emplace_back(metric);
    }
    std::sort(metrics.begin(), metrics.end());
    EXPECT_EQ(std::unique(metrics.begin(), metrics.end()), metrics.end());
    EXPECT_EQ(key_metric_for(ValueType::none), nullptr);
    EXPECT_EQ(std::string(key_metric_for(ValueType::price)), "price vs. alternatives");
}

// --- Segment types ---

TEST(SegmentTypes, PlatformWordsAndPairsAreMultisided) {
    EXPECT_EQ(classify_segment({"Two-sided marketplace for tutoring"}), SegmentType::multisided);
    EXPECT_EQ(classify_segment({"Buyers & sellers of vintage bikes"}), SegmentType::multisided);
    EXPECT_EQ(classify_segment({"Hosts", "Guests"}), SegmentType::multisided);
}

TEST(SegmentTypes, EveryoneIsMassMarket) {
    EXPECT_EQ(classify_segment({"Everyone"}), SegmentType::mass_market);
    EXPECT_EQ(classify_segment({"All"}), SegmentType::mass_market);
    EXPECT_EQ(classify_segment({"All people who cook"}), SegmentType::mass_market);
    EXPECT_EQ(classify_segment({"The general public"}), SegmentType::mass_market);
    // "all" before a specific group does not make it the whole market.
    EXPECT_EQ(classify_segment({"All small accounting firms"}), SegmentType::niche);
}

TEST(SegmentTypes, SeveralNamedGroupsAreSegmented) {
    EXPECT_EQ(classify_segment({"Freelancers, agencies and in-house teams"}),
              SegmentType::segmented);
    EXPECT_EQ(classify_segment({"Developers", "Engineering managers"}), SegmentType::segmented);
}

TEST(SegmentTypes, OneGroupDescribedOnSeveralNotesIsNotSegmented) {
    EXPECT_EQ(classify_segment({"Busy parents", "Live in cities", "Age 30-45"}),
              SegmentType::niche);
    // Coordinated adjectives share one head noun; "and" inside a description joins.
    EXPECT_EQ(classify_segment({"Small and medium businesses"}), SegmentType::niche);
    EXPECT_EQ(classify_segment({"Parents with toddlers and pets"}), SegmentType::niche);
}

TEST(SegmentTypes, OneQualifiedGroupIsNiche) {
    EXPECT_EQ(classify_segment({"Independent café owners"}), SegmentType::niche);
    EXPECT_EQ(classify_segment({"Niche: vinyl collectors"}), SegmentType::niche);
}

TEST(SegmentTypes, BareOrMissingSegmentIsUnknown) {
    EXPECT_EQ(classify_segment({"Parents"}), SegmentType::unknown);
    EXPECT_EQ(classify_segment({}), SegmentType::unknown);
    EXPECT_EQ(std::string(segment_type_name(SegmentType::mass_market)), "mass-market");
}

TEST(SegmentTypes, ProfileDecidesOnlyWhenTheSegmentIsUnclear) {
    const std::vector<std::string> hosts = content_terms("Hosts fill empty nights");
    const std::vector<std::string> guests = content_terms("Guests find cheap rooms");
    EXPECT_EQ(classify_segment({"Travel"}, {&hosts, &guests}), SegmentType::multisided);
    EXPECT_EQ(classify_segment({"Independent hotel owners"}, {&hosts, &guests}),
              SegmentType::niche);
    EXPECT_EQ(classify_segment({"Travel"}, {&hosts}), SegmentType::unknown);
}

// --- Value drivers ---

TEST(ValueDrivers, TopHalfInterleavedByPriorityBetweenFourAndEight) {
    std::vector<Priority> priorities(6);
    // pains 0, 1, 2 and gains 3, 4, 5 ranked 1..3 in their sections.
    for (std::size_t i = 0; i < 3; ++i) {
        priorities[i] = priority(static_cast<int>(i + 1), (3.0 - i) / 3);
        priorities[i + 3] = priority(static_cast<int>(i + 1), (3.0 - i) / 3);
    }
    // Top half is 2 + 2; pains come first at equal priority.
    EXPECT_EQ(value_drivers({0, 1, 2}, {3, 4, 5}, priorities),
              (std::vector<std::size_t>{0, 3, 1, 4}));
}

TEST(ValueDrivers, AtMostEight) {
    std::vector<Priority> priorities(20);
    std::vector<std::size_t> pains, gains;
    for (std::size_t i = 0; i < 10; ++i) {
        priorities[i] = priority(static_cast<int>(i + 1), (10.0 - i) / 10);
        priorities[i + 10] = priority(static_cast<int>(i + 1), (10.0 - i) / 10);
        pains.push_back(i);
        gains.push_back(i + 10);
    }
    const auto drivers = value_drivers(pains, gains, priorities);
    EXPECT_EQ(drivers, (std::vector<std::size_t>{0, 10, 1, 11, 2, 12, 3, 13}));
}

TEST(ValueDrivers, AtLeastFourButNeverMoreThanThereAre) {
    std::vector<Priority> priorities(5);
    for (std::size_t i = 0; i < 5; ++i)
        priorities[i] = priority(static_cast<int>(i + 1), (5.0 - i) / 5);
    // Three of five pains have priority >= 0.5 (1, 0.8, 0.6); four are taken.
    EXPECT_EQ(value_drivers({0, 1, 2, 3, 4}, {}, priorities),
              (std::vector<std::size_t>{0, 1, 2, 3}));
    EXPECT_EQ(value_drivers({0, 1}, {2}, priorities).size(), 3u);
    EXPECT_TRUE(value_drivers({}, {}, priorities).empty());
}

TEST(ValueDrivers, HigherPriorityGainComesBeforeLowerPriorityPain) {
    std::vector<Priority> priorities = {priority(1, 1.0), priority(2, 0.5), priority(1, 1.0)};
    EXPECT_EQ(value_drivers({0, 1}, {2}, priorities), (std::vector<std::size_t>{0, 2, 1}));
}

// --- Competitor notes ---

TEST(CompetitorTitles, MatchLikeSectionTitles) {
    for (const char* title :
         {"Competitors", "ALTERNATIVES:", "Competition", "Competitor scoring (Q3)",
          "2. Competitors – 2024", "Existing alternatives", "- Current alternatives",
          "\xF0\x9F\x8F\x81 Competitors", "#3 existing alternatives"})
        EXPECT_TRUE(is_competitor_title(title)) << title;
    for (const char* title : {"Pains", "Competitive advantage", "Alternative facts here", "",
                              "& competitors", "Our competitors", "(Competitors)", "12 34"})
        EXPECT_FALSE(is_competitor_title(title)) << title;
}

TEST(CompetitorNotes, NameThenCriterionScores) {
    const ParsedCompetitor acme = parse_competitor_note("Acme: speed 4, price 2");
    EXPECT_EQ(acme.name, "Acme");
    EXPECT_EQ(acme.scores,
              (std::vector<std::pair<std::string, double>>{{"speed", 4}, {"price", 2}}));
    EXPECT_TRUE(acme.problems.empty());

    const ParsedCompetitor sheets = parse_competitor_note("Spreadsheets — accuracy 2/5, cost 5");
    EXPECT_EQ(sheets.name, "Spreadsheets");
    EXPECT_EQ(sheets.scores,
              (std::vector<std::pair<std::string, double>>{{"accuracy", 2}, {"cost", 5}}));

    const ParsedCompetitor us = parse_competitor_note("Us: speed 5; price 4");
    EXPECT_EQ(us.name, "Us");
    EXPECT_EQ(us.scores.size(), 2u);

    const ParsedCompetitor lines = parse_competitor_note("Acme Corp\nEase of use: 4\nprice = 3");
    EXPECT_EQ(lines.name, "Acme Corp");
    EXPECT_EQ(lines.scores,
              (std::vector<std::pair<std::string, double>>{{"ease of use", 4}, {"price", 3}}));
}

TEST(CompetitorNotes, ScalesAreReadOutOfFive) {
    const ParsedCompetitor x =
        parse_competitor_note("X - speed 8/10, price 80%, design ★★★☆☆, support 4,5, 3 quality");
    EXPECT_TRUE(x.problems.empty());
    EXPECT_EQ(x.scores,
              (std::vector<std::pair<std::string, double>>{
                  {"speed", 4}, {"price", 4}, {"design", 3}, {"support", 4.5}, {"quality", 3}}));
}

TEST(CompetitorNotes, MalformedNotesSayWhy) {
    const ParsedCompetitor no_name = parse_competitor_note("Acme speed 4 price 2");
    EXPECT_TRUE(no_name.scores.empty());
    ASSERT_EQ(no_name.problems.size(), 1u);
    EXPECT_EQ(no_name.problems[0], "no name before the scores");

    const ParsedCompetitor no_score = parse_competitor_note("Acme: speed fast");
    EXPECT_TRUE(no_score.scores.empty());
    EXPECT_EQ(no_score.problems, std::vector<std::string>{"'speed fast' has no score"});

    const ParsedCompetitor out_of_range = parse_competitor_note("Acme: speed 7");
    EXPECT_TRUE(out_of_range.scores.empty());
    ASSERT_EQ(out_of_range.problems.size(), 1u);
    EXPECT_NE(out_of_range.problems[0].find("not a score from 0 to 5"), std::string::npos);

    const ParsedCompetitor criterion_first = parse_competitor_note("Speed: 4, price: 2");
    EXPECT_TRUE(criterion_first.scores.empty());
    EXPECT_EQ(criterion_first.problems,
              std::vector<std::string>{"'Speed' reads as a criterion, not a name"});
}

TEST(CompetitorNotes, GoodItemsSurviveNextToBadOnes) {
    const ParsedCompetitor partial = parse_competitor_note("Acme: speed 4, price lots, speed 5");
    EXPECT_EQ(partial.scores, (std::vector<std::pair<std::string, double>>{{"speed", 4}}));
    EXPECT_EQ(partial.problems,
              (std::vector<std::string>{"'price lots' has no score", "'speed' is scored twice"}));
}

// --- Scoring ---

TEST(CompetitorScoring, CriteriaMatchDriversByStemThenByValueFamily) {
    const std::vector<ValueDriver> drivers = {
        driver("p1", 1.0, "Reconciling takes too much time and is slow"),
        driver("g1", 0.5, "Lower fees than my bank"),
    };
    const std::vector<CompetitorNote> notes = {
        {"c1", parse_competitor_note("Acme: speed 4, price 2, support 5")},
        {"c2", parse_competitor_note("Us: speed 5, price 4")},
    };
    const CompetitorsReport report = score_competitors(notes, drivers);
    ASSERT_EQ(report.criteria.size(), 3u);
    // "speed" shares no stem with p1 but is performance like "slow"; "price" is
    // in the money family of "fees"; "support" measures no driver.
    EXPECT_EQ(report.criteria[0].driver, std::optional<std::string>("p1"));
    EXPECT_EQ(report.criteria[1].driver, std::optional<std::string>("g1"));
    EXPECT_EQ(report.criteria[2].driver, std::nullopt);
    EXPECT_NEAR(report.criteria[0].weight, 0.667, 1e-9);
    EXPECT_NEAR(report.criteria[1].weight, 0.333, 1e-9);
    EXPECT_EQ(report.criteria[2].weight, 0);
    ASSERT_EQ(report.alternatives.size(), 2u);
    EXPECT_EQ(report.alternatives[0].name, "Acme");
    EXPECT_EQ(report.alternatives[0].note, "c1");
    EXPECT_NEAR(*report.alternatives[0].weighted, (4 * 2.0 + 2 * 1.0) / 3, 0.005);
    EXPECT_NEAR(*report.alternatives[1].weighted, (5 * 2.0 + 4 * 1.0) / 3, 0.005);
    // Price on its own axis; value over the rest (only speed has a driver).
    EXPECT_EQ(report.price_value_map[0].price, std::optional<double>(2));
    EXPECT_EQ(report.price_value_map[0].value, std::optional<double>(4));
}

TEST(CompetitorScoring, SharedStemBeatsFamily) {
    const std::vector<ValueDriver> drivers = {driver("p1", 1.0, "Slow checkout"),
                                              driver("p2", 0.5, "Reports take hours to build")};
    const CompetitorsReport report =
        score_competitors({{"c1", parse_competitor_note("Acme: report speed 3")}}, drivers);
    // By family alone "speed" would go to p1, the first performance driver.
    EXPECT_EQ(report.criteria[0].driver, std::optional<std::string>("p2"));
}

TEST(CompetitorScoring, EqualWeightsWhenNoCriterionMeasuresADriver) {
    const CompetitorsReport report =
        score_competitors({{"c1", parse_competitor_note("Acme: support 2, docs 4")}}, {});
    EXPECT_EQ(report.criteria[0].weight, 0.5);
    EXPECT_EQ(report.criteria[1].weight, 0.5);
    EXPECT_EQ(report.alternatives[0].weighted, std::optional<double>(3));
    EXPECT_EQ(report.price_value_map[0].price, std::nullopt);
}

TEST(CompetitorScoring, UnreadableNotesAreNotAlternatives) {
    const CompetitorsReport report =
        score_competitors({{"c1", parse_competitor_note("just a thought")}}, {});
    EXPECT_TRUE(report.criteria.empty());
    EXPECT_TRUE(report.alternatives.empty());
}

// --- Through the engine ---

TEST(ValueStage, NotesGetTypesAndTheCanvasADominantType) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    add(board, canvas, Section::segment, "s1", "Independent café owners");
    add(board, canvas, Section::pains, "p1", "Orders get lost");
    add(board, canvas, Section::relievers, "r1", "Bank-grade encryption");
    add(board, canvas, Section::relievers, "r2", "Works in one click");
    add(board, canvas, Section::creators, "c1", "Gamified rewards");
    board.connectors.push_back(connector("r1", "p1"));
    const Report report = analyze(board);
    EXPECT_EQ(note_report(report, "r1").value_type, std::optional<std::string>("risk-reduction"));
    EXPECT_EQ(note_report(report, "r2").value_type, std::optional<std::string>("convenience"));
    EXPECT_EQ(note_report(report, "c1").value_type, std::optional<std::string>("none"));
    EXPECT_EQ(note_report(report, "p1").value_type, std::nullopt);
    const ValueReport& value = report.canvases[0].value;
    EXPECT_EQ(value.segment_type, "niche");
    // One note each: the one linked to the top pain leads.
    EXPECT_EQ(value.dominant_type, std::optional<std::string>("risk-reduction"));
    EXPECT_EQ(value.key_metric,
              std::optional<std::string>(key_metric_for(ValueType::risk_reduction)));
    EXPECT_EQ(value.types, (std::vector<std::pair<std::string, int>>{
                               {"risk-reduction", 1}, {"convenience", 1}, {"none", 1}}));
    EXPECT_EQ(value.drivers, std::vector<std::string>{"p1"});
}

TEST(ValueStage, LinkedPriorityTipsAnEqualCount) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    add(board, canvas, Section::pains, "p1", "Orders get lost");
    add(board, canvas, Section::relievers, "r1", "Bank-grade encryption");
    add(board, canvas, Section::relievers, "r2", "Works in one click");
    board.connectors.push_back(connector("r2", "p1"));
    EXPECT_EQ(analyze(board).canvases[0].value.dominant_type,
              std::optional<std::string>("convenience"));
}

TEST(ValueStage, NoTypedNoteMeansNoDominantType) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    add(board, canvas, Section::creators, "c1", "Gamified rewards");
    const Report report = analyze(board);  // value refers into it: keep it alive
    const ValueReport& value = report.canvases[0].value;
    EXPECT_EQ(value.dominant_type, std::nullopt);
    EXPECT_EQ(value.key_metric, std::nullopt);
    EXPECT_EQ(value.segment_type, "unknown");
}

TEST(ValueStage, DriversAreTheTopPainsAndGains) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    for (int i = 1; i <= 3; ++i) {
        add(board, canvas, Section::pains, "p" + std::to_string(i),
            "Pain number " + std::to_string(i));
        add(board, canvas, Section::gains, "g" + std::to_string(i),
            "Gain number " + std::to_string(i));
    }
    EXPECT_EQ(analyze(board).canvases[0].value.drivers,
              (std::vector<std::string>{"p1", "g1", "p2", "g2"}));
}

// --- misaligned-type ---

TEST(MisalignedType, SecurityForAMassMarket) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    add(board, canvas, Section::segment, "s1", "Everyone");
    add(board, canvas, Section::relievers, "r1", "Bank-grade encryption");
    add(board, canvas, Section::relievers, "r2", "GDPR compliant storage");
    add(board, canvas, Section::creators, "c1", "Quick setup in one click");
    const Report report = analyze(board);
    const std::optional<Warning> warning = find_warning(report, "misaligned-type");
    ASSERT_TRUE(warning.has_value());
    EXPECT_EQ(warning->severity, Severity::medium);
    EXPECT_EQ(warning->canvas, std::optional<std::string>("canvas-1"));
    EXPECT_EQ(warning->notes, (std::vector<std::string>{"r1", "r2"}));
    EXPECT_NE(warning->message.find("mass market"), std::string::npos);
}

TEST(MisalignedType, SecurityForARegulatedNicheIsFine) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    add(board, canvas, Section::segment, "s1", "Compliance officers at regional banks");
    add(board, canvas, Section::relievers, "r1", "Bank-grade encryption");
    add(board, canvas, Section::relievers, "r2", "GDPR compliant storage");
    EXPECT_FALSE(find_warning(analyze(board), "misaligned-type").has_value());
}

TEST(MisalignedType, CustomizationForAMassMarket) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    add(board, canvas, Section::segment, "s1", "The general public");
    add(board, canvas, Section::creators, "c1", "Fully configurable dashboards");
    const std::optional<Warning> warning = find_warning(analyze(board), "misaligned-type");
    ASSERT_TRUE(warning.has_value());
    EXPECT_NE(warning->message.find("customization"), std::string::npos);
}

TEST(MisalignedType, StatusForAPriceDrivenSegment) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    add(board, canvas, Section::segment, "s1", "Students on a budget");
    add(board, canvas, Section::creators, "c1", "Premium luxury finish");
    const std::optional<Warning> warning = find_warning(analyze(board), "misaligned-type");
    ASSERT_TRUE(warning.has_value());
    EXPECT_EQ(warning->notes, std::vector<std::string>{"c1"});
    EXPECT_NE(warning->message.find("price-driven"), std::string::npos);
}

TEST(MisalignedType, TopPriceDriverMakesASegmentPriceDriven) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    add(board, canvas, Section::segment, "s1", "Young urban commuters");
    add(board, canvas, Section::pains, "p1", "Monthly passes are too expensive");
    add(board, canvas, Section::creators, "c1", "Premium luxury finish");
    EXPECT_TRUE(find_warning(analyze(board), "misaligned-type").has_value());
}

TEST(MisalignedType, StatusForASegmentThatIsNotPriceDrivenIsFine) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    add(board, canvas, Section::segment, "s1", "Young urban commuters");
    add(board, canvas, Section::pains, "p1", "Bikes look dull and boring");
    add(board, canvas, Section::creators, "c1", "Premium luxury finish");
    EXPECT_FALSE(find_warning(analyze(board), "misaligned-type").has_value());
}

// --- Competitor sheets on boards ---

TEST(CompetitorSheets, NotesInsideTheFrameAreScored) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    add(board, canvas, Section::pains, "p1", "Checkout is slow");
    board.containers.push_back(frame("comp", "Competitors", {1600, 0, 400, 600}));
    board.notes.push_back(sticky("k1", "Acme: speed 4, price 2", 1620, 40, "comp"));
    // No parent, but its centre lies in the frame.
    board.notes.push_back(sticky("k2", "Us: speed 5, price 3", 1620, 200));
    board.notes.push_back(sticky("k3", "ask Bea about pricing", 1620, 400, "comp"));
    const Report report = analyze(board);
    ASSERT_TRUE(report.canvases[0].competitors.has_value());
    const CompetitorsReport& competitors = *report.canvases[0].competitors;
    ASSERT_EQ(competitors.alternatives.size(), 2u);
    EXPECT_EQ(competitors.alternatives[0].name, "Acme");
    EXPECT_EQ(competitors.alternatives[1].name, "Us");
    EXPECT_EQ(competitors.criteria[0].driver, std::optional<std::string>("p1"));
    const std::optional<Warning> unparsed = find_warning(report, "unparsed-competitor");
    ASSERT_TRUE(unparsed.has_value());
    EXPECT_EQ(unparsed->severity, Severity::info);
    EXPECT_EQ(unparsed->notes, std::vector<std::string>{"k3"});
    EXPECT_NE(unparsed->message.find("ask Bea about pricing"), std::string::npos);
}

TEST(CompetitorSheets, CanvasWithoutSheetHasNoCompetitors) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    board.notes.push_back(sticky("k1", "Acme: speed 4, price 2", 1620, 40));
    const Report report = analyze(board);
    EXPECT_FALSE(report.canvases[0].competitors.has_value());
    EXPECT_FALSE(find_warning(report, "unparsed-competitor").has_value());
}

TEST(CompetitorSheets, SheetGoesToTheNearestCanvas) {
    Board board;
    const CanvasBoard left(0, 0, "a-"), right(4000, 0, "b-");
    left.add_to(board);
    right.add_to(board);
    board.containers.push_back(frame("comp", "Alternatives", {5500, 0, 400, 600}));
    board.notes.push_back(sticky("k1", "Acme: speed 4", 5520, 40, "comp"));
    const Report report = analyze(board);
    ASSERT_EQ(report.canvases.size(), 2u);
    EXPECT_FALSE(report.canvases[0].competitors.has_value());
    ASSERT_TRUE(report.canvases[1].competitors.has_value());
    EXPECT_EQ(report.canvases[1].competitors->alternatives.size(), 1u);
}

TEST(CompetitorSheets, ATitledShapeIsASheetToo) {
    Board board;
    const CanvasBoard canvas;
    canvas.add_to(board);
    board.notes.push_back(shape("box", "Competitors", {1600, 0, 400, 600}));
    board.notes.push_back(sticky("k1", "Acme: speed 4", 1620, 40));
    const Report report = analyze(board);
    ASSERT_TRUE(report.canvases[0].competitors.has_value());
    EXPECT_EQ(report.canvases[0].competitors->alternatives.size(), 1u);
    EXPECT_FALSE(
        find_warning(report, "unparsed-competitor").has_value());  // the title is not a score
}

// --- End to end ---

TEST(ValueEndToEnd, CanvasFitBoardWithACompetitorsFrame) {
    const char* board = R"({
      "schema":"canvasfit.board/1",
      "containers":[
        {"id":"seg", "title":"Customer Segment", "x":700, "y":0, "width":700, "height":180},
        {"id":"jobs", "title":"Customer Jobs", "x":1100, "y":200, "width":300, "height":600},
        {"id":"pains", "title":"Pains", "x":700, "y":500, "width":400, "height":300},
        {"id":"gains", "title":"Gains", "x":700, "y":200, "width":400, "height":300},
        {"id":"prod", "title":"Products & Services", "x":0, "y":200, "width":300, "height":600},
        {"id":"rel", "title":"Pain Relievers", "x":300, "y":500, "width":300, "height":300},
        {"id":"cre", "title":"Gain Creators", "x":300, "y":200, "width":300, "height":300},
        {"id":"comp", "title":"Competitor scoring", "x":1500, "y":0, "width":400, "height":800}
      ],
      "notes":[
        {"id":"s1", "text":"Everyone with a bank account", "x":720, "y":20, "parent":"seg"},
        {"id":"p1", "text":"Worried about fraud", "x":720, "y":520, "parent":"pains"},
        {"id":"p2", "text":"Apps are confusing", "x":720, "y":640, "parent":"pains"},
        {"id":"g1", "text":"Pay friends instantly", "x":720, "y":220, "parent":"gains"},
        {"id":"r1", "text":"Fraud protection on every payment", "x":320, "y":520, "parent":"rel"},
        {"id":"r2", "text":"Two-factor security", "x":320, "y":640, "parent":"rel"},
        {"id":"c1", "text":"Instant transfers", "x":320, "y":220, "parent":"cre"},
        {"id":"k1", "text":"BigBank: fraud 4, speed 2, fees 1", "x":1520, "y":40, "parent":"comp"},
        {"id":"k2", "text":"Us: fraud 5, speed 5, fees 4", "x":1520, "y":200, "parent":"comp"},
        {"id":"k3", "text":"Cash", "x":1520, "y":400, "parent":"comp"}
      ]
    })";
    const nlohmann::json report = nlohmann::json::parse(report_to_json(analyze_text(board)));
    const nlohmann::json& canvas = report.at("canvases").at(0);
    const nlohmann::json& value = canvas.at("value");
    EXPECT_EQ(value.at("segment_type"), "mass-market");
    EXPECT_EQ(value.at("dominant_type"), "risk-reduction");
    EXPECT_EQ(value.at("types"), (nlohmann::json{{"performance", 1}, {"risk-reduction", 2}}));
    EXPECT_EQ(value.at("key_metric"), key_metric_for(ValueType::risk_reduction));
    EXPECT_EQ(value.at("drivers"), (nlohmann::json{"p1", "g1", "p2"}));

    const nlohmann::json& competitors = canvas.at("competitors");
    ASSERT_EQ(competitors.at("criteria").size(), 3u);
    EXPECT_EQ(competitors.at("criteria").at(0).at("name"), "fraud");
    EXPECT_EQ(competitors.at("criteria").at(0).at("driver"), "p1");
    EXPECT_EQ(competitors.at("criteria").at(1).at("driver"), "g1");
    EXPECT_TRUE(competitors.at("criteria").at(2).at("driver").is_null());
    ASSERT_EQ(competitors.at("alternatives").size(), 2u);
    EXPECT_EQ(competitors.at("alternatives").at(1).at("name"), "Us");
    EXPECT_EQ(competitors.at("alternatives").at(1).at("scores").at("speed"), 5);
    EXPECT_EQ(competitors.at("alternatives").at(1).at("weighted"), 5);
    EXPECT_EQ(competitors.at("price_value_map").at(0),
              (nlohmann::json{{"name", "BigBank"}, {"price", 1}, {"value", 3}}));

    for (const nlohmann::json& note : report.at("notes")) {
        const bool value_map =
            note.at("section") == "relievers" || note.at("section") == "creators";
        EXPECT_EQ(note.at("value_type").is_string(), value_map) << note.at("id");
        EXPECT_EQ(note.at("value_type").is_null(), !value_map) << note.at("id");
    }
    std::vector<std::string> codes;
    for (const nlohmann::json& warning : report.at("warnings")) {
        codes.push_back(warning.at("code"));
        if (warning.at("code") == "misaligned-type") {
            EXPECT_EQ(warning.at("severity"), "medium");
            EXPECT_EQ(warning.at("notes"), (nlohmann::json{"r1", "r2"}));
        }
        if (warning.at("code") == "unparsed-competitor") {
            EXPECT_EQ(warning.at("notes"), nlohmann::json{"k3"});
        }
    }
    EXPECT_NE(std::find(codes.begin(), codes.end(), "misaligned-type"), codes.end());
    EXPECT_NE(std::find(codes.begin(), codes.end(), "unparsed-competitor"), codes.end());
}

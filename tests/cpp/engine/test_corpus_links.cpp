// Link quality on the labelled corpus (tests/corpus/boards/*.json): every board
// goes through the full analysis and its report links are compared with the
// board's gold links. The boards whose file names sort in the first half were
// used to tune the text linker (docs/linking.md); the second half was kept for
// checking, so both halves are reported and held to the bar on their own.
//
// Set CANVASFIT_CORPUS_LINKS_VERBOSE=1 to list every wrong and missed link.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"
#include "engine/link_confidence.hpp"

using namespace canvasfit;

namespace {

using Pair = std::pair<std::string, std::string>;  // from, to

// Counts of one kind of link: predicted, gold, and both.
struct Tally {
    int predicted = 0;
    int gold = 0;
    int correct = 0;

    void operator+=(const Tally& other) {
        predicted += other.predicted;
        gold += other.gold;
        correct += other.correct;
    }
    double precision() const { return predicted ? double(correct) / predicted : 1.0; }
    double recall() const { return gold ? double(correct) / gold : 1.0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

// Links split by how they are found: gold links with a connector drawn
// between their notes are the connector kind, the rest must be found by text.
struct Scores {
    Tally connector, text;
    Tally all() const {
        Tally sum = connector;
        sum += text;
        return sum;
    }
    void operator+=(const Scores& other) {
        connector += other.connector;
        text += other.text;
    }
};

std::vector<std::string> corpus_boards() {
    std::vector<std::string> names;
    const auto dir = std::filesystem::path(CANVASFIT_SOURCE_DIR) / "tests/corpus/boards";
    if (!std::filesystem::exists(dir)) return names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".json") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::set<Pair> connector_pairs(const nlohmann::json& board) {
    std::set<Pair> pairs;
    if (!board.contains("connectors")) return pairs;
    for (const auto& connector : board.at("connectors")) {
        const auto from = connector.at("from").get<std::string>();
        const auto to = connector.at("to").get<std::string>();
        pairs.insert({from, to});
        pairs.insert({to, from});
    }
    return pairs;
}

bool verbose() {
    const char* flag = std::getenv("CANVASFIT_CORPUS_LINKS_VERBOSE");
    return flag && std::string(flag) == "1";
}

std::string describe(const Report& report, const Pair& pair) {
    std::map<std::string, std::string> text;
    for (const NoteReport& note : report.notes) text[note.id] = note.text;
    return pair.first + " \"" + text[pair.first] + "\" -> " + pair.second + " \"" +
           text[pair.second] + "\"";
}

Scores score_board(const std::string& name) {
    const std::string input = test_support::read_source_file("tests/corpus/boards/" + name);
    const auto board = nlohmann::json::parse(input);
    const Report report = analyze_text(input, {InputFormat::automatic, name});
    const std::set<Pair> drawn = connector_pairs(board);
    std::map<Pair, const LinkReport*> predicted;
    // Suggestions are questions, not links a facilitator is told about.
    for (const LinkReport& link : report.links)
        if (link.source != "suggested") predicted[{link.from, link.to}] = &link;
    std::set<Pair> gold;
    for (const auto& link : board.at("gold").at("links"))
        gold.insert({link.at("from").get<std::string>(), link.at("to").get<std::string>()});

    Scores scores;
    for (const Pair& pair : gold) (drawn.count(pair) ? scores.connector : scores.text).gold++;
    for (const auto& [pair, link] : predicted) {
        Tally& tally = link->via == "connector" ? scores.connector : scores.text;
        ++tally.predicted;
        if (gold.count(pair)) ++tally.correct;
        else if (verbose())
            std::cout << "  wrong  " << name << ": " << describe(report, pair) << " ("
                      << link->strength << ")\n";
    }
    if (verbose())
        for (const Pair& pair : gold)
            if (!predicted.count(pair))
                std::cout << "  missed " << name << ": " << describe(report, pair) << "\n";
    return scores;
}

std::string figures(const Tally& tally) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(3) << "P " << tally.precision() << " R "
        << tally.recall() << " F1 " << tally.f1() << " (" << tally.correct << " of "
        << tally.predicted << " predicted, " << tally.gold << " gold)";
    return out.str();
}

void report_scores(const std::string& label, const Scores& scores) {
    std::cout << label << " all:       " << figures(scores.all()) << "\n"
              << label << " connector: " << figures(scores.connector) << "\n"
              << label << " text:      " << figures(scores.text) << "\n";
    ::testing::Test::RecordProperty(label + "_precision", std::to_string(scores.all().precision()));
    ::testing::Test::RecordProperty(label + "_recall", std::to_string(scores.all().recall()));
    ::testing::Test::RecordProperty(label + "_f1", std::to_string(scores.all().f1()));
}

// The bar. Figures when it was set (14 boards, 197 gold links; see
// docs/linking.md): tuning half P 0.946 R 0.495, held-out half P 0.831
// R 0.544, overall P 0.887 R 0.518. Issue 13 (2026-12-06): only links that
// count (connector, confirmed, text) are scored, suggestions being questions,
// and a product's text link to a job is at most a suggestion (no source
// states product/job pairs to calibrate on; they were 68 % right here):
// tuning P 0.932 R 0.383, checking P 0.891 R 0.456, overall P 0.911 R 0.416. Precision comes first: a wrong link tells
// a team a pain is handled when it is not, while a missed one only shows as an
// unaddressed-pain warning a facilitator can check.
//
// Recall cannot reach the 0.6 one might hope for by words alone: about a
// third of the gold links share no word and no lexicon family with their
// target (a "Bookkeeping web app" serves every job; "Mechanic comes to you" /
// "Repairs take a week"). Accepting every candidate that shares a word or a
// family gives only R 0.66 (tuning) and 0.62 (held-out), at P 0.70 and 0.62.
//
// Each half must clear the bar on its own, so a change that only fits the
// boards it was tuned on fails. The margins (about four links per half, two
// to three points overall) absorb a board or two being edited, not a
// regression in the linker.
constexpr double kMinPrecisionPerHalf = 0.85;
constexpr double kMinRecallPerHalf = 0.36;
constexpr double kMinPrecision = 0.88;
constexpr double kMinRecall = 0.40;
// Every connector drawn between sections the canvas rule allows is a link,
// and the corpus draws connectors only along gold links.
constexpr double kConnectorBar = 1.0;

}  // namespace

TEST(CorpusLinks, ReportLinksMatchGoldOnBothHalves) {
    const std::vector<std::string> boards = corpus_boards();
    if (boards.size() < 4) GTEST_SKIP() << "tests/corpus/boards holds fewer than 4 boards";
    const std::size_t tuned = (boards.size() + 1) / 2;
    Scores tuning, checking;
    for (std::size_t i = 0; i < boards.size(); ++i) {
        const Scores board = score_board(boards[i]);
        (i < tuned ? tuning : checking) += board;
    }
    Scores overall = tuning;
    overall += checking;
    std::cout << boards.size() << " boards; tuned on the first " << tuned << " (up to "
              << boards[tuned - 1] << ")\n";
    report_scores("tuning", tuning);
    report_scores("checking", checking);
    report_scores("overall", overall);

    for (const auto& [label, scores] : {std::pair{"tuning", tuning}, {"checking", checking}}) {
        EXPECT_GE(scores.all().precision(), kMinPrecisionPerHalf) << label;
        EXPECT_GE(scores.all().recall(), kMinRecallPerHalf) << label;
    }
    EXPECT_GE(overall.all().precision(), kMinPrecision);
    EXPECT_GE(overall.all().recall(), kMinRecall);
    EXPECT_GE(overall.connector.precision(), kConnectorBar);
    EXPECT_GE(overall.connector.recall(), kConnectorBar);
}

// A text link is a finding and a suggestion a question; the line between them
// is the trained bar, and each link still carries its own calibrated
// confidence (a 0.76 link says 0.76, not the bar's average). A pair the
// canvas's list order alone nominated is always a question.
TEST(CorpusLinks, TextAndSuggestedLinksSplitAtTheTrainedBar) {
    const double bar = link_confidence::counted_percent() / 100.0;
    ASSERT_GT(bar, 0.5) << "a bar under even odds would count guesses as findings";
    std::set<double> counted_confidences;
    int suggested = 0;
    for (const std::string& name : corpus_boards()) {
        const std::string input = test_support::read_source_file("tests/corpus/boards/" + name);
        const Report report = analyze_text(input, {InputFormat::automatic, name});
        for (const LinkReport& link : report.links) {
            if (link.via != "text") continue;
            const bool order_only =
                std::all_of(link.evidence.begin(), link.evidence.end(),
                            [](const std::string& e) { return e.rfind("order: ", 0) == 0; });
            if (link.source == "text") {
                EXPECT_GE(link.confidence + 1e-9, bar) << name << ": " << link.from << "->" << link.to;
                EXPECT_FALSE(order_only) << name << ": " << link.from << "->" << link.to;
                counted_confidences.insert(link.confidence);
            } else {
                ASSERT_EQ(link.source, "suggested");
                EXPECT_LT(link.confidence, bar) << name << ": " << link.from << "->" << link.to;
                ++suggested;
            }
        }
    }
    EXPECT_GT(suggested, 0);
    // Calibrated, not one pooled figure: the counted links span several levels.
    EXPECT_GE(counted_confidences.size(), 3u);
}

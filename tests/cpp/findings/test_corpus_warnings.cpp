// Gap detection on the labelled corpus (tests/corpus/boards/*.json): every
// board goes through the full analysis and its gap warnings are compared with
// the board's gold warnings. A gold warning is matched by at most one reported
// warning of the same code that names at least one of its notes or, for a
// gold warning without notes (empty-section, missing-segment), that is on the
// same canvas. Unmatched reported warnings are false positives.
//
// Set CANVASFIT_CORPUS_WARNINGS_VERBOSE=1 to list every wrong and missed warning.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"
#include "engine/engine.hpp"
#include "canvasfit/readers.hpp"
#include "findings/findings.hpp"

using namespace canvasfit;

namespace {

// The codes this suite scores, in the report's order (docs/report.md): every
// gap code but low-fit, which the corpus does not label (scripts/check_corpus.py
// lists the labelled codes); its count is printed for information only.
const char* const kGapCodes[] = {"missing-segment",   "broad-segment",   "empty-section",
                                 "too-many",          "duplicate-notes", "unaddressed-pain",
                                 "unaddressed-gain",  "hidden-costs",    "unvalidated",
                                 "orphan-product",    "orphan-reliever", "orphan-creator",
                                 "one-size-fits-all", "similar-segments"};

bool is_gap_code(const std::string& code) {
    return std::find(std::begin(kGapCodes), std::end(kGapCodes), code) != std::end(kGapCodes);
}

struct Tally {
    int reported = 0;
    int gold = 0;
    int matched = 0;

    void operator+=(const Tally& other) {
        reported += other.reported;
        gold += other.gold;
        matched += other.matched;
    }
    double precision() const { return reported ? double(matched) / reported : 1.0; }
    double recall() const { return gold ? double(matched) / gold : 1.0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

struct GoldWarning {
    std::string code;
    std::vector<std::string> notes;
    std::optional<std::string> canvas;  // "canvas-1"..., from the gold canvas index
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

bool verbose() {
    const char* flag = std::getenv("CANVASFIT_CORPUS_WARNINGS_VERBOSE");
    return flag && std::string(flag) == "1";
}

std::vector<GoldWarning> gold_warnings(const nlohmann::json& gold_answer) {
    std::vector<GoldWarning> gold;
    for (const auto& warning : gold_answer.at("warnings")) {
        GoldWarning entry{warning.at("code").get<std::string>(),
                          warning.at("notes").get<std::vector<std::string>>(), std::nullopt};
        if (warning.contains("canvas"))
            entry.canvas = "canvas-" + std::to_string(warning.at("canvas").get<int>() + 1);
        gold.push_back(std::move(entry));
    }
    return gold;
}

bool matches(const GoldWarning& gold, const Warning& reported) {
    if (gold.code != reported.code) return false;
    if (gold.notes.empty()) return !gold.canvas || gold.canvas == reported.canvas;
    for (const std::string& note : gold.notes)
        if (std::find(reported.notes.begin(), reported.notes.end(), note) != reported.notes.end())
            return true;
    return false;
}

std::string join(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
    return out;
}

// The warnings of the full analysis, as the report gives them.
std::vector<Warning> reported_warnings(const std::string& name, const std::string& input) {
    return analyze_text(input, {InputFormat::automatic, name}).warnings;
}

// The warnings the rules give when linking is perfect: the engine's links are
// replaced by the gold links (and the fit scored again), so that what is
// measured is the warning rules alone, whatever the text linker's quality.
std::vector<Warning> warnings_with_gold_links(const std::string& input,
                                              const nlohmann::json& gold) {
    const Board board = read_board(input);
    BoardAnalysis analysis = run_engine(board, classify_layout(board));
    std::map<std::string, NoteIndex> index_of;
    for (NoteIndex n = 0; n < board.notes.size(); ++n) index_of[board.notes[n].id] = n;
    for (CanvasAnalysis& canvas : analysis.canvases) canvas.links.clear();
    for (const auto& link : gold.at("links")) {
        const NoteIndex from = index_of.at(link.at("from").get<std::string>());
        const int canvas = analysis.layout.notes[from].canvas;
        if (canvas < 0) continue;
        analysis.canvases[static_cast<std::size_t>(canvas)].links.push_back(
            {from, index_of.at(link.at("to").get<std::string>()), 1.0, LinkVia::connector, {},
             LinkSource::connector, 1.0});
    }
    for (CanvasAnalysis& canvas : analysis.canvases)
        canvas.fit = score_fit(canvas.notes, analysis.priorities, canvas.links);
    return find_warnings(analysis);
}

std::map<std::string, Tally> score_board(const std::string& name,
                                         const std::vector<Warning>& warnings,
                                         const std::vector<GoldWarning>& gold) {
    std::vector<const Warning*> reported;
    for (const Warning& warning : warnings)
        if (is_gap_code(warning.code)) reported.push_back(&warning);

    std::map<std::string, Tally> tallies;
    std::vector<bool> used(reported.size(), false);
    for (const GoldWarning& expected : gold) {
        ++tallies[expected.code].gold;
        bool found = false;
        for (std::size_t r = 0; r < reported.size() && !found; ++r)
            if (!used[r] && matches(expected, *reported[r])) used[r] = found = true;
        if (found) ++tallies[expected.code].matched;
        else if (verbose())
            std::cout << "  missed " << name << ": " << expected.code << " ["
                      << join(expected.notes) << "] " << expected.canvas.value_or("") << "\n";
    }
    for (std::size_t r = 0; r < reported.size(); ++r) {
        ++tallies[reported[r]->code].reported;
        if (!used[r] && verbose())
            std::cout << "  wrong  " << name << ": " << reported[r]->code << " ["
                      << join(reported[r]->notes) << "] " << reported[r]->canvas.value_or("") << " "
                      << reported[r]->message << "\n";
    }
    return tallies;
}

std::string row(const std::string& label, const Tally& tally) {
    std::ostringstream out;
    out << std::left << std::setw(20) << label << std::right << std::fixed << std::setprecision(2)
        << " P " << tally.precision() << "  R " << tally.recall() << "  F1 " << tally.f1() << "  ("
        << tally.matched << " matched, " << tally.reported << " reported, " << tally.gold
        << " gold)";
    return out.str();
}

struct CorpusScores {
    std::map<std::string, Tally> by_code;
    Tally overall;
    int low_fit = 0;  // not labelled: counted, not scored
};

// Scores every corpus board with `warnings_of(name, input, gold)` and prints the table.
template <typename WarningsOf>
CorpusScores score_corpus(const std::string& title, WarningsOf warnings_of) {
    CorpusScores scores;
    const std::vector<std::string> boards = corpus_boards();
    if (verbose()) std::cout << title << "\n";
    for (const std::string& name : boards) {
        const std::string input = test_support::read_source_file("tests/corpus/boards/" + name);
        const nlohmann::json gold = nlohmann::json::parse(input).at("gold");
        std::vector<GoldWarning> expected = gold_warnings(gold);
        const std::vector<Warning> warnings = warnings_of(name, input, gold);
        for (const auto& [code, tally] : score_board(name, warnings, expected))
            scores.by_code[code] += tally;
        scores.low_fit +=
            static_cast<int>(std::count_if(warnings.begin(), warnings.end(),
                                           [](const Warning& w) { return w.code == "low-fit"; }));
    }
    std::cout << title << " (" << boards.size() << " corpus boards):\n";
    for (const char* code : kGapCodes) {
        const Tally& tally = scores.by_code[code];
        scores.overall += tally;
        if (tally.gold || tally.reported) std::cout << "  " << row(code, tally) << "\n";
    }
    std::cout << "  " << row("overall", scores.overall) << "\n";
    std::cout << "  low-fit (not labelled in the corpus): " << scores.low_fit << " reported\n";
    return scores;
}

}  // namespace

// The rules alone, links taken from the gold. Measured 2026-12-06 on the 14
// boards: P 1.00, R 0.99, F1 0.99 (unvalidated now follows issue 13's
// decision, one warning per canvas, and matches the gold). The one miss is a
// `duplicate-notes` pair that shares no word ("Cafes get noisy after 11" /
// "Coffee shops too loud to concentrate"), which the stem rule cannot see.
// The bar leaves room for a few more misses, no more: these rules are
// deterministic given the links, so a drop is a regression.
TEST(CorpusWarnings, GapDetectionWithGoldLinks) {
    if (corpus_boards().empty()) GTEST_SKIP() << "no corpus in tests/corpus/boards";
    const CorpusScores scores =
        score_corpus("Gap detection, gold links",
                     [](const std::string&, const std::string& input, const nlohmann::json& gold) {
                         return warnings_with_gold_links(input, gold);
                     });
    EXPECT_GE(scores.overall.f1(), 0.95);
    EXPECT_GE(scores.overall.precision(), 0.97);
    // Given the links and the layout, these follow mechanically: any miss is a bug.
    for (const char* code :
         {"unaddressed-pain", "unaddressed-gain", "orphan-reliever", "orphan-creator",
          "orphan-product", "empty-section", "missing-segment", "too-many"})
        EXPECT_DOUBLE_EQ(scores.by_code.at(code).f1(), 1.0) << code;
    // A curated lexicon: a miss or two is a word to add, not a broken rule.
    EXPECT_GE(scores.by_code.at("hidden-costs").f1(), 0.85);
}

// The full analysis, text links included. A gap CanvasFit cannot be sure of
// (the linker's recall is about half, so a missing link is often an unwritten
// one) is a question, not a warning: findings must be right (precision first,
// issue 13's bar is 0.90), and a gold gap should not vanish: each gold
// unaddressed-pain/-gain is a finding or a what-addresses / is-addressed
// question on the same note, unless a wrong text link hides it. Measured
// 2026-12-06: findings P 0.94 (16 of 17); 44 of 48 gold gaps found or asked,
// the other 4 hidden by a wrong text link.
TEST(CorpusWarnings, GapDetectionEndToEnd) {
    if (corpus_boards().empty()) GTEST_SKIP() << "no corpus in tests/corpus/boards";
    const CorpusScores scores =
        score_corpus("Gap detection, full analysis",
                     [](const std::string& name, const std::string& input, const nlohmann::json&) {
                         return reported_warnings(name, input);
                     });
    EXPECT_GE(scores.overall.precision(), 0.90);
    EXPECT_GT(scores.overall.matched, 10);
    int gaps = 0, found_or_asked = 0;
    for (const std::string& name : corpus_boards()) {
        const std::string input = test_support::read_source_file("tests/corpus/boards/" + name);
        const Report report = analyze_text(input, {InputFormat::automatic, name});
        for (const GoldWarning& gap : gold_warnings(nlohmann::json::parse(input).at("gold"))) {
            if (gap.code != "unaddressed-pain" && gap.code != "unaddressed-gain") continue;
            ++gaps;
            const std::string& note = gap.notes.front();
            bool seen = false;
            for (const Warning& w : report.warnings) seen |= w.code == gap.code && w.notes.front() == note;
            for (const Question& q : report.questions)
                seen |= (q.code == "what-addresses" || q.code == "is-addressed") && q.notes.front() == note;
            found_or_asked += seen;
            if (!seen && verbose()) std::cout << "  lost gap " << name << ": " << note << "\n";
        }
    }
    std::cout << "gold gaps found or asked: " << found_or_asked << " of " << gaps << "\n";
    EXPECT_GE(found_or_asked * 10, gaps * 9);
}

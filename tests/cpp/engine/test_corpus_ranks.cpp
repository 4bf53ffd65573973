// Rank agreement on the labelled corpus: the ranks the engine gives jobs,
// pains and gains, compared with the gold ranks written by the corpus author
// from the same cues (explicit marker > dot votes > reading order).
#include <gtest/gtest.h>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"

using namespace canvasfit;

namespace {

struct RankAgreement {
    int notes = 0, exact = 0;          // notes ranked exactly as gold
    int pairs = 0, concordant = 0;     // same-section pairs ordered as gold (Kendall-style)
    int sections = 0, same_top = 0;    // sections whose rank-1 note is gold's rank-1 note
};

struct RankedNote {
    int gold = 0;
    int predicted = 0;
};

void score_section(const std::vector<RankedNote>& notes, RankAgreement& agreement) {
    ++agreement.sections;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        agreement.notes += 1;
        agreement.exact += notes[i].gold == notes[i].predicted;
        if (notes[i].gold == 1 && notes[i].predicted == 1) ++agreement.same_top;
        for (std::size_t j = i + 1; j < notes.size(); ++j) {
            ++agreement.pairs;
            const bool gold_first = notes[i].gold < notes[j].gold;
            const bool predicted_first = notes[i].predicted < notes[j].predicted;
            agreement.concordant += gold_first == predicted_first;
        }
    }
}

void score_board(const std::string& path, RankAgreement& agreement) {
    const std::string text = test_support::read_source_file(path);
    const auto gold = nlohmann::json::parse(text).at("gold");
    const Report report = analyze_text(text);
    // Group by (canvas, section) as the engine ranks within each.
    std::map<std::pair<std::string, std::string>, std::vector<RankedNote>> sections;
    for (const NoteReport& note : report.notes) {
        const auto rank = gold.at("ranks").find(note.id);
        if (rank == gold.at("ranks").end()) continue;
        ASSERT_TRUE(note.rank.has_value()) << path << ": " << note.id << " has no rank";
        sections[{note.canvas.value_or(""), section_name(note.section)}].push_back(
            {rank->get<int>(), *note.rank});
    }
    for (const auto& [key, notes] : sections) score_section(notes, agreement);
}

}  // namespace

TEST(CorpusRanks, EngineRanksAgreeWithGold) {
    RankAgreement agreement;
    const auto dir = std::filesystem::path(CANVASFIT_SOURCE_DIR) / "tests/corpus/boards";
    std::vector<std::string> boards;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) boards.push_back(entry.path().filename().string());
    std::sort(boards.begin(), boards.end());
    for (const std::string& board : boards) score_board("tests/corpus/boards/" + board, agreement);

    const double exact = double(agreement.exact) / agreement.notes;
    const double concordance = double(agreement.concordant) / agreement.pairs;
    const double top = double(agreement.same_top) / agreement.sections;
    std::cout << std::fixed << std::setprecision(3) << "corpus ranks: " << agreement.notes << " notes in "
              << agreement.sections << " sections: exact " << exact << ", pairwise concordance "
              << concordance << ", same top note " << top << "\n";
    RecordProperty("rank_exact", std::to_string(exact));
    RecordProperty("rank_concordance", std::to_string(concordance));

    // The cues are deterministic and the gold was written from the same rule
    // (explicit marker > dot votes > reading order), so agreement should be near
    // total; the margin allows for a few notes where a marker reads differently
    // to a person ("expected" in a sentence) without hiding a broken cue.
    EXPECT_GE(agreement.notes, 200);
    EXPECT_GE(exact, 0.90);
    EXPECT_GE(concordance, 0.95);
    EXPECT_GE(top, 0.90);
}

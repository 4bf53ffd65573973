// Text classification on the labelled corpus (docs/text-classification.md).
//
// - tests/corpus/notes/heldout.tsv was used for nothing else: not to train,
//   not to choose features, thresholds or lexicons. Its notes are classified
//   with no layout cue, alone and as one board without sections, and the
//   accuracy and confusion matrix are printed and held to a floor.
// - The corpus boards (tests/corpus/boards) are correctly filled canvases:
//   misplaced-note must stay quiet on them, and must fire on their notes when
//   one is moved, deliberately, into a section of the other side of the canvas.
//
// Set CANVASFIT_CORPUS_CLASSIFIER_VERBOSE=1 to list every wrong note.
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"
#include "canvasfit/readers.hpp"
#include "text/text.hpp"
#include "text/text_classifier.hpp"
#include "structure/titles.hpp"

using namespace canvasfit;

namespace {

struct LabelledNote {
    Section section = Section::unknown;
    std::string text;
};

std::vector<LabelledNote> read_tsv(const std::string& relative_path) {
    std::istringstream lines(test_support::read_source_file(relative_path));
    std::vector<LabelledNote> notes;
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        const std::size_t tab = line.find('\t');
        const auto section = section_from_name(line.substr(0, tab));
        if (tab == std::string::npos || !section) {
            ADD_FAILURE() << relative_path << ": bad line '" << line << "'";
            continue;
        }
        notes.push_back({*section, line.substr(tab + 1)});
    }
    return notes;
}

bool verbose() { return std::getenv("CANVASFIT_CORPUS_CLASSIFIER_VERBOSE") != nullptr; }

// Rows: the truth; columns: the answer, the last one "unknown".
using Confusion = std::array<std::array<int, 8>, 7>;

struct Tally {
    Confusion confusion{};
    int right = 0, placed = 0, placed_right = 0, total = 0;

    void add(Section truth, Section answer, Section best, bool placed_note) {
        ++total;
        confusion[static_cast<std::size_t>(truth)][static_cast<std::size_t>(answer)] += 1;
        if (best == truth) ++right;
        if (placed_note) {
            ++placed;
            if (answer == truth) ++placed_right;
        }
    }
    double accuracy() const { return total ? double(right) / total : 0; }
    double placed_accuracy() const { return placed ? double(placed_right) / placed : 0; }
    double coverage() const { return total ? double(placed) / total : 0; }
};

void print(const std::string& title, const Tally& tally) {
    std::cout << "\n"
              << title << ": best guess right " << tally.right << "/" << tally.total << " ("
              << std::fixed << std::setprecision(1) << 100 * tally.accuracy() << " %); placed "
              << tally.placed << " (" << 100 * tally.coverage()
              << " %) at confidence >= " << text_min_confidence() << ", "
              << 100 * tally.placed_accuracy() << " % of them right\n";
    std::cout << "  truth \\ answer";
    for (Section s : kAllSections) std::cout << std::setw(10) << section_name(s);
    std::cout << std::setw(10) << "unknown"
              << "\n";
    for (Section truth : kAllSections) {
        std::cout << std::setw(15) << section_name(truth);
        for (int count : tally.confusion[static_cast<std::size_t>(truth)])
            std::cout << std::setw(10) << count;
        std::cout << "\n";
    }
    std::cout.unsetf(std::ios::fixed);
}

// The held-out notes as one board with no canvas template: a pasted list.
Board board_without_sections(const std::vector<LabelledNote>& notes) {
    Board board;
    board.format = "canvasfit";
    for (std::size_t i = 0; i < notes.size(); ++i)
        board.notes.push_back(test_support::sticky("n" + std::to_string(i + 1), notes[i].text,
                                                   double(i % 20) * 120, double(i / 20) * 120));
    return board;
}

const std::vector<LabelledNote>& heldout() {
    static const std::vector<LabelledNote> notes = read_tsv("tests/corpus/notes/heldout.tsv");
    return notes;
}

}  // namespace

// Floors (docs/text-classification.md, "Held-out results"): cross-validation
// on train.tsv (1,444 notes, 38 domains) promised 69.3 % for a note alone and
// 72.2 % on a board; the held-out domains came out lower (65 % alone, 66 % on
// a board), because their wording is
// further from the training domains than the training domains are from each
// other. Each floor is the held-out figure measured when the model was frozen,
// less one binomial standard error on 266 notes (3 points), rounded down: a
// change that makes the classifier measurably worse fails, a retraining that
// moves a few notes either way does not.
TEST(CorpusClassifier, HeldOutNotesAlone) {
    ASSERT_EQ(heldout().size(), 266u);
    Tally tally;
    for (const LabelledNote& note : heldout()) {
        const TextClassification result = classify_note(note.text);
        tally.add(note.section, result.section, result.best, result.section != Section::unknown);
        if (verbose() && result.best != note.section)
            std::cout << section_name(note.section) << " -> " << section_name(result.best) << " "
                      << result.confidence << "  " << note.text << "\n";
    }
    print("held-out notes, each alone (text model)", tally);
    EXPECT_GE(tally.accuracy(), 0.62);
    EXPECT_GE(tally.placed_accuracy(), 0.70);
}

TEST(CorpusClassifier, HeldOutNotesAsOneBoardWithoutSections) {
    const Board board = board_without_sections(heldout());
    const Report report = analyze(board);
    ASSERT_EQ(report.canvases.size(), 1u);
    EXPECT_EQ(report.canvases[0].id, "canvas-1");
    Tally tally;
    for (std::size_t i = 0; i < heldout().size(); ++i) {
        const NoteReport& note = report.notes[i];
        // The report says unknown below the threshold; the best guess is what
        // the board model says with the same context.
        const bool placed = note.section != Section::unknown;
        if (placed) {
            EXPECT_EQ(note.via, Placement::text);
        }
        // An unknown note counts as wrong here.
        tally.add(heldout()[i].section, note.section, note.section, placed);
        if (verbose() && note.section != heldout()[i].section)
            std::cout << section_name(heldout()[i].section) << " -> " << section_name(note.section)
                      << " " << note.confidence << "  " << note.text << "\n";
    }
    print("held-out notes, one board without sections (board model, via analyze)", tally);
    // The board model's best guess for every note, as place_by_text computes it.
    std::vector<std::vector<std::string>> terms;
    std::vector<Section> alone;
    for (const LabelledNote& note : heldout()) {
        terms.push_back(content_terms(note.text));
        alone.push_back(classify_note(note.text).best);
    }
    const std::vector<BoardContext> contexts = board_contexts(terms, alone);
    Tally guesses;
    for (std::size_t i = 0; i < heldout().size(); ++i) {
        const TextClassification result = classify_note(heldout()[i].text, contexts[i]);
        guesses.add(heldout()[i].section, result.section, result.best,
                    result.section != Section::unknown);
        // No colours on this board: place_by_text holds text alone to its own bar.
        const Section alone_bar =
            result.confidence >= text_alone_min_confidence() ? result.best : Section::unknown;
        EXPECT_EQ(alone_bar, report.notes[i].section) << "place_by_text decides the same";
    }
    print("held-out notes, one board without sections, best guess", guesses);
    // Without colours or a template, text alone places only what it is 99 %
    // sure of (a few notes, measured 11 of 266, 10 right); the rest are
    // which-section questions whose best guesses are what `guesses` counts.
    EXPECT_GT(tally.placed, 0);
    EXPECT_GE(tally.placed_accuracy(), 0.9);
    EXPECT_GE(guesses.accuracy(), 0.63);
}

namespace {

std::vector<std::string> corpus_boards() {
    std::vector<std::string> names;
    const auto dir = std::filesystem::path(CANVASFIT_SOURCE_DIR) / "tests/corpus/boards";
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".json") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

Board corpus_board(const std::string& name) {
    return read_board(test_support::read_source_file("tests/corpus/boards/" + name));
}

std::vector<const Warning*> misplaced(const Report& report) {
    std::vector<const Warning*> found;
    for (const Warning& warning : report.warnings)
        if (warning.code == "misplaced-note") found.push_back(&warning);
    return found;
}

// The frame of `section` in the canvas around `note`: the nearest one.
const Container* frame_of(const Board& board, Section section, const Note& note) {
    const Container* best = nullptr;
    double best_distance = 0;
    for (const Container& container : board.containers) {
        if (section_from_title(container.title) != section) continue;
        const double dx = container.bounds.center_x() - note.bounds.center_x();
        const double dy = container.bounds.center_y() - note.bounds.center_y();
        if (!best || dx * dx + dy * dy < best_distance) {
            best = &container;
            best_distance = dx * dx + dy * dy;
        }
    }
    return best;
}

// Each profile note moved to the value map and back: a pain into Gain
// Creators, a gain into Pain Relievers, a job into Products & Services.
Section misplaced_destination(Section section) {
    switch (section) {
        case Section::pains: return Section::creators;
        case Section::gains: return Section::relievers;
        case Section::jobs: return Section::products;
        default: return Section::unknown;
    }
}

}  // namespace

TEST(CorpusClassifier, MisplacedNoteStaysQuietOnCorrectlyFilledCanvases) {
    const auto boards = corpus_boards();
    ASSERT_EQ(boards.size(), 14u);
    std::size_t notes = 0, warnings = 0;
    for (const std::string& name : boards) {
        const Board board = corpus_board(name);
        const Report report = analyze(board);
        notes += board.notes.size();
        for (const Warning* warning : misplaced(report)) {
            ++warnings;
            std::cout << name << ": " << warning->message << "\n";
        }
    }
    // At 90 % confidence the cross-validated error rate is about 6 %, on the
    // few notes that reach it: a handful of false alarms in 456 notes at most.
    EXPECT_LE(warnings, notes / 50)
        << warnings << " misplaced-note warnings on " << notes << " notes";
}

TEST(CorpusClassifier, MisplacedNoteFiresOnDeliberatelyMisplacedNotes) {
    std::size_t moved = 0, flagged = 0, wrong_suggestion = 0;
    for (const std::string& name : corpus_boards()) {
        const Board original = corpus_board(name);
        for (std::size_t n = 0; n < original.notes.size(); ++n) {
            const Note& note = original.notes[n];
            const Container* from = nullptr;
            for (const Container& container : original.containers)
                if (container.id == note.parent) from = &container;
            if (!from) continue;
            const Section truth = section_from_title(from->title).value_or(Section::unknown);
            const Section destination = misplaced_destination(truth);
            if (destination == Section::unknown) continue;
            const Container* to = frame_of(original, destination, note);
            ASSERT_NE(to, nullptr) << name;
            Board board = original;
            Note& mover = board.notes[n];
            mover.parent = to->id;
            mover.bounds.x = to->bounds.center_x() - mover.bounds.width / 2;
            mover.bounds.y = to->bounds.center_y() - mover.bounds.height / 2;
            const Report report = analyze(board);
            ++moved;
            EXPECT_EQ(report.notes[n].section, destination)
                << "the layout still decides the section";
            for (const Warning* warning : misplaced(report)) {
                if (warning->notes != std::vector<std::string>{note.id}) continue;
                ++flagged;
                const std::string expected = truth == Section::pains   ? "reads as a pain"
                                             : truth == Section::gains ? "reads as a gain"
                                                                       : "reads as a customer job";
                if (warning->message.find(expected) == std::string::npos) {
                    ++wrong_suggestion;
                    if (verbose())
                        std::cout << "  names another section: " << warning->message << "\n";
                }
                EXPECT_TRUE(warning->severity == Severity::low ||
                            warning->severity == Severity::medium);
                EXPECT_TRUE(warning->canvas.has_value());
            }
        }
    }
    std::cout << "deliberately misplaced: " << flagged << " of " << moved << " flagged ("
              << wrong_suggestion << " naming another wrong section)\n";
    ASSERT_GT(moved, 200u);
    // A moved note keeps its colour, which this board uses for the section it
    // came from: the colour and the text together find most moved notes
    // (measured: 193 of 250). Issue 13's bar is one in two.
    EXPECT_GE(double(flagged) / moved, 0.5);
    // A flagged note is misplaced either way; the section it names should
    // still be the right one nearly always.
    EXPECT_LE(wrong_suggestion * 10, flagged);
}

// Section classification by text: which canvas section a note's wording reads
// as, for notes that no layout cue places (a "parking lot", a pasted list, a
// board without a canvas template), and a second opinion on notes that one
// does (docs/text-classification.md).
//
// The model is a pair of multinomial logistic regressions over the note's
// grammatical shape (leading verb, noun phrase, negation...), curated cue
// lexicons and stems, trained by scripts/train_text_classifier.py from
// tests/corpus/notes/train.tsv and compiled in (text_classifier_model.inc).
// Scores are integers and the softmax reads integer tables, so the same board
// gives the same classification natively and in wasm, with no network and no
// model download.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "canvasfit/board.hpp"
#include "layout/layout.hpp"
#include "canvasfit/sections.hpp"
#include "text/note_reading.hpp"

namespace canvasfit {

// What the rest of a board says about one note: for each section (indexed as
// Section), how much of the note's vocabulary the board's other notes of that
// section use. Fixed point, 1024 = one term shared only with notes of that
// section; capped at 3072.
struct BoardContext {
    std::array<int, 7> shares{};
};

struct TextClassification {
    Section section = Section::unknown;  // `best`, or unknown below text_min_confidence()
    Section best = Section::unknown;     // the most likely section, however unsure
    double confidence = 0;               // calibrated probability of `best`, two decimals
    std::string reason;                  // the strongest cue, e.g. "negative experience: 'late'"
};

// Calibrated confidence below which a note stays unknown (0.9: a note placed
// by its text is a finding, held to the 90 % bar on canvases others wrote),
// and at or above which a note placed by layout whose text reads as another
// section gets a misplaced-note warning (0.9), unless the note wears its
// section's colour. docs/judgment.md and docs/text-classification.md say why.
double text_min_confidence();
double text_misplaced_confidence();
// The bar for an unsorted note whose colour the board's placed notes do not
// explain (0.99): the text model alone is overconfident on others' writing.
double text_alone_min_confidence();

// The note alone (the text model).
TextClassification classify_note(std::string_view text);
// The note on a board (the board model): its text and what the others say.
TextClassification classify_note(std::string_view text, const BoardContext& context);

// The context of every note, given each note's content terms (content_terms()
// of its text) and its section as far as known (unknown: it tells the others
// nothing). Linear in the total number of terms.
std::vector<BoardContext> board_contexts(const std::vector<std::vector<std::string>>& terms,
                                         const std::vector<Section>& sections);

// The text step after classify_layout(), shared by analyze() and the
// incremental Analyzer so that both give the same report:
// - every note that no layout cue places (section unknown; not on a
//   competitor sheet; with some text) and whose text reads clearly as one
//   section goes there: via Placement::text, the calibrated confidence, in
//   its canvas, else the only canvas, else the nearest one;
// - a board with no section areas at all gets one canvas "canvas-1" with
//   title "" and no section areas (CanvasLayout::sections empty) when at least
//   one note is placed by text; every note is then in that canvas;
// - a note placed by frame or region whose text reads as another section at
//   text_misplaced_confidence() or more gets NotePlacement::text_suggestion,
//   which the report turns into a misplaced-note warning. Its section stays.
// Deterministic; linear in the board's text. `read`, when given, holds each
// note's reading (read_text() of its text, per note): the step then takes
// tokens and terms from there instead of tokenizing every text again.
void place_by_text(const Board& board, Layout& layout,
                   const std::vector<NoteReading>* read = nullptr);

// What the text step reads from a note's text (its tokens, model features and
// content terms), kept by text between calls. Reading the text is most of the
// step's cost, and the context step after it is cheap, so the incremental
// Analyzer keeps one of these and reads again only the texts an edit brought;
// texts no note uses any more are dropped at the next call. The result is
// the same as place_by_text(board, layout) without it.
class TextReadings {
public:
    TextReadings();
    TextReadings(TextReadings&&) noexcept;
    TextReadings& operator=(TextReadings&&) noexcept;
    ~TextReadings();

    std::size_t texts_read() const;  // texts read (not found kept) since construction

private:
    friend void place_by_text(const Board& board, Layout& layout, TextReadings& readings,
                              const std::vector<NoteReading>* read);
    friend void place_by_text(const Board& board, Layout& layout,
                              const std::vector<NoteReading>* read);
    friend bool place_by_text_after_edits(const Board&, const std::vector<NotePlacement>&,
                                          const Layout&, TextReadings&,
                                          const std::vector<NoteReading>*,
                                          const std::vector<std::size_t>&,
                                          std::vector<std::pair<std::size_t, NotePlacement>>&);
    struct Store;
    std::unique_ptr<Store> store_;
};
void place_by_text(const Board& board, Layout& layout, TextReadings& readings,
                   const std::vector<NoteReading>* read = nullptr);

// The text step after edits to the notes `edited` alone, on a store a whole
// step has filled: their texts, bounds or cue placements changed, but no note
// came or went, none of them is or was a shape, and no colour a layout cue
// placed changed its section (the Analyzer checks; analyzer.cpp). Decides
// again the edited notes and the notes that share a term with them, starting
// from `cue` (each note's layout-cue placement) over `layout` (the last
// step's result), and lists the notes whose placement this changes, with the
// new placement: the same as a whole step would change. False when a whole
// step is needed instead (the store has had none since the board changed
// size, or holds many texts no note reads any more, which a whole step drops).
bool place_by_text_after_edits(const Board& board, const std::vector<NotePlacement>& cue,
                               const Layout& layout, TextReadings& readings,
                               const std::vector<NoteReading>* read,
                               const std::vector<std::size_t>& edited,
                               std::vector<std::pair<std::size_t, NotePlacement>>& changed);

// Whether a layout cue (a frame or region) placed the note: such notes teach
// the text step the board's colours and contexts.
bool placed_by_layout(const NotePlacement& placement);

// The integer model, for tests that pin it to its training script.
namespace text_model {

using Scores = std::array<std::int64_t, 7>;  // indexed as Section
Scores text_scores(std::string_view text);
Scores board_scores(std::string_view text, const BoardContext& context);
// The calibrated confidence of the top section, in percent; `best` receives it
// (the first of equal scores).
int confidence_percent(const Scores& scores, Section& best);
// What scripts/train_text_classifier.py computed over train.tsv; see
// tests/cpp/text/test_text_classifier.cpp.
std::uint64_t training_fingerprint();
int training_notes();

}  // namespace text_model

}  // namespace canvasfit

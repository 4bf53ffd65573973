// The incremental Analyzer: after any sequence of note upserts and removals
// its report is byte for byte the report of a fresh analysis of the same
// notes (in the Analyzer's order), and it re-runs the per-canvas stages only
// for the canvases an edit touched. Its deltas (changes()), applied in turn,
// give the same report up to the order of lists.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"
#include "canvasfit/analyzer.hpp"
#include "canvasfit/errors.hpp"
#include "canvasfit/limits.hpp"
#include "canvasfit/readers.hpp"
#include "layout/layout.hpp"
#include "report/json_writer.hpp"

using namespace canvasfit;
using test_support::frame;
using test_support::sticky;

namespace {

// Deterministic on every standard library and under Emscripten: mt19937's
// output is fixed by the standard, std::uniform_int_distribution's is not.
class Dice {
public:
    explicit Dice(std::uint32_t seed) : engine_(seed) {}
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
    bool chance(unsigned percent) { return below(100) < percent; }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }

private:
    std::mt19937 engine_;
};

// ---- a generated board: canvases in a grid, each a canvas frame around seven section frames ----

struct SectionSpec {
    const char* title;
    Rect offset;  // inside the canvas
    std::vector<const char*> texts;
};

const std::vector<SectionSpec>& section_specs() {
    static const std::vector<SectionSpec> specs = {
        {"Customer Segment",
         {1700, 50, 600, 250},
         {"Busy parents who cook most nights", "Small café owners"}},
        {"Customer Jobs",
         {1700, 350, 600, 300},
         {"Cook a healthy dinner fast", "Plan meals for the week",
          "Take orders during the lunch rush"}},
        {"Pains",
         {1700, 700, 600, 300},
         {"Orders get lost between phone and kitchen (high)", "Waiting too long for delivery",
          "Hidden fees on every invoice !!!", "Groceries go to waste"}},
        {"Gains",
         {1700, 1050, 600, 300},
         {"Dinner ready in 20 minutes", "Kids eat vegetables [must-have]",
          "Fewer trips to the shop"}},
        {"Products & Services", {50, 50, 700, 400}, {"Weekly meal kit box", "Order tracking app"}},
        {"Pain Relievers",
         {50, 500, 700, 400},
         {"Kitchen screen shows every phone order", "Delivery within 30 minutes",
          "Flat monthly fee with no hidden costs", "Exact portions so nothing goes to waste"}},
        {"Gain Creators",
         {800, 500, 700, 400},
         {"Recipes ready in 20 minutes", "Vegetables kids love", "Box delivered to the door"}},
    };
    return specs;
}

constexpr double kCanvasWidth = 2400, kCanvasHeight = 1400;
constexpr double kCanvasPitchX = 3000, kCanvasPitchY = 2000;

Rect canvas_bounds(int canvas) {
    return {(canvas % 5) * kCanvasPitchX, (canvas / 5) * kCanvasPitchY, kCanvasWidth,
            kCanvasHeight};
}

std::string section_frame_id(int canvas, std::size_t section) {
    return "c" + std::to_string(canvas) + "-s" + std::to_string(section);
}

Marker dot(const std::string& id, double x, double y) { return {id, {x, y, 16, 16}, "#e03131"}; }

// Notes sit in a row inside their section; some name their frame, the others
// are placed by position. Dots sit on some notes and between others; each
// reliever has a connector to a pain, some to ids that do not exist yet.
Board generated_board(int canvases, std::uint32_t seed) {
    Dice dice(seed);
    Board board;
    board.format = "canvasfit";
    for (int c = 0; c < canvases; ++c) {
        const Rect outer = canvas_bounds(c);
        board.containers.push_back(frame(
            "c" + std::to_string(c), "Value Proposition Canvas " + std::to_string(c + 1), outer));
        std::vector<std::string> pains, relievers;
        for (std::size_t s = 0; s < section_specs().size(); ++s) {
            const SectionSpec& spec = section_specs()[s];
            const Rect area{outer.x + spec.offset.x, outer.y + spec.offset.y, spec.offset.width,
                            spec.offset.height};
            Container section = frame(section_frame_id(c, s), spec.title, area);
            section.parent = "c" + std::to_string(c);
            board.containers.push_back(section);
            for (std::size_t i = 0; i < spec.texts.size(); ++i) {
                const std::string id =
                    "c" + std::to_string(c) + "-n" + std::to_string(s) + "-" + std::to_string(i);
                Note note =
                    sticky(id, spec.texts[(i + static_cast<std::size_t>(c)) % spec.texts.size()],
                           area.x + 20 + 130 * static_cast<double>(i), area.y + 60 + (i % 2) * 30);
                if (dice.chance(50)) note.parent = section.id;
                board.notes.push_back(note);
                if (s == 2) pains.push_back(id);
                if (s == 5) relievers.push_back(id);
                if (dice.chance(30))
                    board.markers.push_back(
                        dot(id + "-dot", note.bounds.x + 40, note.bounds.y + 40));
                if (i > 0 && dice.chance(20))  // between this note and the one before it
                    board.markers.push_back(
                        dot(id + "-between", note.bounds.x - 38, note.bounds.y + 10));
            }
        }
        for (std::size_t r = 0; r < relievers.size(); ++r) {
            const std::string to = dice.chance(70)
                                       ? pains[r % pains.size()]
                                       : "later-" + std::to_string(c) + "-" + std::to_string(r);
            board.connectors.push_back({"link-" + relievers[r], relievers[r], to, ""});
        }
    }
    return board;
}

// ---- the model: the notes a fresh board would hold, in the Analyzer's order ----

Board with_notes(const Board& fixed, const std::vector<Note>& notes) {
    Board board = fixed;
    board.notes = notes;
    return board;
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

const std::vector<std::string>& priority_cues() {
    static const std::vector<std::string> cues = {
        "(high)", "!!!", "must-have", "[2/5]", "nice to have", "Critical:", "(5)", "low priority"};
    return cues;
}

// Random edits, mirrored in a plain vector of notes that a fresh analysis reads.
class EditScript {
public:
    EditScript(const Board& fixed, std::uint32_t seed)
        : fixed_(fixed), notes_(fixed.notes), dice_(seed) {
        for (const Note& note : fixed.notes)
            for (std::string& word : words_of(note.text)) vocabulary_.push_back(std::move(word));
        if (vocabulary_.empty()) vocabulary_ = {"orders", "delivery", "fees", "waste", "fast"};
        for (const Note& note : fixed.notes)
            extent_ = extent_.width > 0 ? grow(extent_, note.bounds) : note.bounds;
        for (const Container& container : fixed.containers)
            extent_ = extent_.width > 0 ? grow(extent_, container.bounds) : container.bounds;
    }

    const std::vector<Note>& notes() const { return notes_; }
    const std::string& last() const { return last_; }

    // Applies one random edit to both the Analyzer and the model.
    void step(Analyzer& analyzer) {
        const std::size_t roll = dice_.below(100);
        const bool dots = !fixed_.markers.empty();
        if (notes_.empty() || roll < 12) return add(analyzer, new_note());
        if (roll < 16 && dots) return add(analyzer, note_over_marker());
        if (roll < 26 && dots) return upsert(analyzer, covering_a_dot(), "onto a dot");
        if (roll < 29 && !removed_.empty()) return add(analyzer, comeback());
        if (roll < 42) return remove(analyzer);
        Note note = notes_[dice_.below(notes_.size())];
        if (roll < 46) return upsert(analyzer, note, "unchanged");
        if (roll < 66) {
            note.text = mixed_text();
            return upsert(analyzer, note, "text");
        }
        if (roll < 84) {
            move(note);
            return upsert(analyzer, note, "move");
        }
        if (roll < 92) {  // a tag or a colour alone changes: the note's priority cue may change
            note.tags = dice_.chance(60) ? std::vector<std::string>{dice_.pick(priority_cues())}
                                         : std::vector<std::string>{};
            note.color = dice_.chance(50) ? "#ffc9c9" : "";
            return upsert(analyzer, note, "tags");
        }
        note.bounds.width = static_cast<double>(20 + dice_.below(300));
        note.bounds.height = static_cast<double>(20 + dice_.below(300));
        upsert(analyzer, note, "resize");
    }

private:
    static Rect grow(const Rect& a, const Rect& b) {
        const double left = std::min(a.x, b.x), top = std::min(a.y, b.y);
        return {left, top, std::max(a.right(), b.right()) - left,
                std::max(a.bottom(), b.bottom()) - top};
    }

    void upsert(Analyzer& analyzer, const Note& note, const char* what) {
        const auto same_id = [&](const Note& n) { return n.id == note.id; };
        const auto found = std::find_if(notes_.begin(), notes_.end(), same_id);
        if (found != notes_.end())
            *found = note;
        else
            notes_.push_back(note);
        last_ = std::string(what) + " " + note.id + " '" + note.text + "' at " +
                std::to_string(note.bounds.x) + "," + std::to_string(note.bounds.y) + " parent '" +
                note.parent + "'";
        analyzer.upsert_note(note);
    }

    void add(Analyzer& analyzer, const Note& note) { upsert(analyzer, note, "add"); }

    void remove(Analyzer& analyzer) {
        const std::size_t index = dice_.below(notes_.size());
        const Note note = notes_[index];
        notes_.erase(notes_.begin() + static_cast<std::ptrdiff_t>(index));
        removed_.push_back(note);
        last_ = "remove " + note.id;
        analyzer.remove_note(note.id);
    }

    std::string mixed_text() {
        std::string text;
        const std::size_t words = 2 + dice_.below(6);
        for (std::size_t w = 0; w < words; ++w) text += (w ? " " : "") + dice_.pick(vocabulary_);
        if (dice_.chance(25)) text += " " + dice_.pick(priority_cues());
        return text;
    }

    // Into a section (by frame or by position), onto another canvas, or off every canvas.
    void move(Note& note) {
        const std::size_t where = dice_.below(10);
        if (where < 6 && !fixed_.containers.empty()) {
            const Container& target = dice_.pick(fixed_.containers);
            note.bounds.x = target.bounds.x +
                            static_cast<double>(dice_.below(
                                static_cast<std::size_t>(std::max(1.0, target.bounds.width))));
            note.bounds.y = target.bounds.y +
                            static_cast<double>(dice_.below(
                                static_cast<std::size_t>(std::max(1.0, target.bounds.height))));
            note.parent = dice_.chance(40) ? target.id : "";
        } else if (where < 9) {
            note.bounds.x = extent_.x + static_cast<double>(dice_.below(static_cast<std::size_t>(
                                            std::max(1.0, extent_.width))));
            note.bounds.y = extent_.y + static_cast<double>(dice_.below(static_cast<std::size_t>(
                                            std::max(1.0, extent_.height))));
            note.parent = "";
        } else {
            note.bounds.x = extent_.x - 5000;
            note.bounds.y = extent_.y - 5000;
            note.parent = "";
        }
    }

    Note new_note() {
        Note note = sticky("new-" + std::to_string(next_id_++), mixed_text(), 0, 0);
        move(note);
        return note;
    }

    // A note over a dot, so the dot may change the note it votes for; half of
    // them name the frame of some other section, which may be in another canvas.
    Note note_over_marker() {
        const Marker& marker = dice_.pick(fixed_.markers);
        Note note = sticky("new-" + std::to_string(next_id_++), mixed_text(),
                           marker.bounds.x - static_cast<double>(dice_.below(90)),
                           marker.bounds.y - static_cast<double>(dice_.below(90)));
        if (dice_.chance(50) && !fixed_.containers.empty())
            note.parent = dice_.pick(fixed_.containers).id;
        return note;
    }

    // A note, early in board order so that it takes the vote on a tie, moved
    // to cover a whole dot. Half of the moves name the frame of some section,
    // maybe in another canvas, so the vote may move from one canvas to another.
    Note covering_a_dot() {
        Note note = notes_[dice_.below((notes_.size() + 1) / 2)];
        const Marker& marker = dice_.pick(fixed_.markers);
        note.bounds = {marker.bounds.x - static_cast<double>(dice_.below(84)),
                       marker.bounds.y - static_cast<double>(dice_.below(84)), 100, 100};
        note.parent =
            dice_.chance(50) && !fixed_.containers.empty() ? dice_.pick(fixed_.containers).id : "";
        return note;
    }

    Note comeback() {
        const std::size_t index = dice_.below(removed_.size());
        Note note = removed_[index];
        removed_.erase(removed_.begin() + static_cast<std::ptrdiff_t>(index));
        return note;
    }

    const Board& fixed_;
    std::vector<Note> notes_;
    std::vector<Note> removed_;
    std::vector<std::string> vocabulary_;
    Rect extent_{0, 0, 0, 0};
    Dice dice_;
    std::size_t next_id_ = 1;
    std::string last_;
};

// Where two JSON texts first differ, with some context.
std::string first_difference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    const std::size_t from = i > 200 ? i - 200 : 0;
    return "incremental: ..." + a.substr(from, 400) + "\nfresh:       ..." + b.substr(from, 400);
}

// A host's copy of the report, kept up to date from deltas alone.
class DeltaMirror {
public:
    void apply(const ReportDelta& delta) {
        report_.source = delta.source;
        report_.format = delta.format;
        replace_by_id(report_.canvases, delta.canvases, delta.canvases_removed);
        replace_by_id(report_.notes, delta.notes, delta.notes_removed);
        replace_listed(report_.links, delta.links_added, delta.links_removed, write_link);
        replace_listed(report_.warnings, delta.warnings_added, delta.warnings_removed, write_warning);
        replace_listed(report_.questions, delta.questions_added, delta.questions_removed,
                       write_question);
    }

    // Equal to `report` up to the order of every list, which a delta does not carry.
    std::string differs_from(Report report) const {
        const std::string mirrored = canonical(report_), expected = canonical(std::move(report));
        return mirrored == expected ? "" : first_difference(mirrored, expected);
    }

private:
    template <typename Item>
    static void replace_by_id(std::vector<Item>& items, const std::vector<Item>& changed,
                              const std::vector<std::string>& removed) {
        for (const std::string& id : removed) {
            const auto gone = std::find_if(items.begin(), items.end(),
                                           [&](const Item& item) { return item.id == id; });
            ASSERT_NE(gone, items.end()) << "a delta removes " << id << ", which the mirror lacks";
            items.erase(gone);
        }
        for (const Item& item : changed) {
            const auto same = std::find_if(items.begin(), items.end(),
                                           [&](const Item& old) { return old.id == item.id; });
            if (same != items.end()) *same = item;
            else items.push_back(item);
        }
    }

    template <typename Item, typename Write>
    static void replace_listed(std::vector<Item>& items, const std::vector<Item>& added,
                               const std::vector<Item>& removed, Write write) {
        for (const Item& old : removed) {
            const std::string json = json_of(old, write);
            const auto gone = std::find_if(items.begin(), items.end(),
                                           [&](const Item& item) { return json_of(item, write) == json; });
            ASSERT_NE(gone, items.end()) << "a delta removes an item the mirror lacks: " << json;
            items.erase(gone);
        }
        items.insert(items.end(), added.begin(), added.end());
    }

    template <typename Item, typename Write>
    static void sort_by_json(std::vector<Item>& items, Write write) {
        std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
            return json_of(a, write) < json_of(b, write);
        });
    }

    static std::string canonical(Report report) {
        const auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
        std::sort(report.canvases.begin(), report.canvases.end(), by_id);
        std::sort(report.notes.begin(), report.notes.end(), by_id);
        sort_by_json(report.links, write_link);
        sort_by_json(report.warnings, write_warning);
        sort_by_json(report.questions, write_question);
        return report_to_json(report);
    }

    Report report_;
};

// A delta with every list in one order (a delta's lists carry no order).
std::string canonical_delta(ReportDelta delta) {
    const auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
    std::sort(delta.canvases.begin(), delta.canvases.end(), by_id);
    std::sort(delta.notes.begin(), delta.notes.end(), by_id);
    std::sort(delta.canvases_removed.begin(), delta.canvases_removed.end());
    std::sort(delta.notes_removed.begin(), delta.notes_removed.end());
    const auto by_json = [](auto& items, auto write) {
        std::sort(items.begin(), items.end(),
                  [&](const auto& a, const auto& b) { return json_of(a, write) < json_of(b, write); });
    };
    by_json(delta.links_added, write_link);
    by_json(delta.links_removed, write_link);
    by_json(delta.warnings_added, write_warning);
    by_json(delta.warnings_removed, write_warning);
    by_json(delta.questions_added, write_question);
    by_json(delta.questions_removed, write_question);
    return delta_to_json(delta);
}

// Runs `steps` random edits, comparing with a fresh analysis after every few.
// Returns how many comparisons were made.
std::size_t expect_equivalent_under_edits(const Board& start, const AnalyzeOptions& options,
                                          std::uint32_t seed, std::size_t steps,
                                          const std::string& name) {
    Board fixed = start;
    Analyzer analyzer(start, options);
    EditScript script(fixed, seed);
    Dice batch(seed + 1);
    DeltaMirror mirror;
    mirror.apply(analyzer.changes());  // the first delta: everything
    Report seen = analyze(start, options);  // what the deltas so far add up to
    std::size_t compared = 0;
    for (std::size_t step = 0; step < steps;) {
        const std::size_t batch_size = 1 + batch.below(3);  // a report may follow several edits
        for (std::size_t i = 0; i < batch_size && step < steps; ++i, ++step) script.step(analyzer);
        const std::string incremental = analyzer.report_json();
        const Report fresh_report = analyze(with_notes(fixed, script.notes()), options);
        const std::string fresh = report_to_json(fresh_report);
        ++compared;
        if (incremental != fresh) {
            ADD_FAILURE() << name << ": reports differ after step " << step << " (" << script.last()
                          << ")\n"
                          << first_difference(incremental, fresh);
            return compared;
        }
        const ReportDelta delta = analyzer.changes();
        // The Analyzer compares only the pieces an edit can have changed; the
        // delta must be the one two whole reports give.
        const std::string whole = canonical_delta(diff_reports(seen, fresh_report));
        const std::string pieces = canonical_delta(delta);
        if (pieces != whole) {
            ADD_FAILURE() << name << ": the delta differs from that of two whole reports after step "
                          << step << " (" << script.last() << ")\n"
                          << first_difference(pieces, whole);
            return compared;
        }
        seen = fresh_report;
        mirror.apply(delta);
        const std::string difference = mirror.differs_from(fresh_report);
        if (!difference.empty()) {
            ADD_FAILURE() << name << ": the report kept from deltas differs after step " << step
                          << " (" << script.last() << ")\n"
                          << difference;
            return compared;
        }
    }
    return compared;
}

std::vector<std::filesystem::path> board_files(const std::string& folder,
                                               const std::vector<std::string>& extensions) {
    std::vector<std::filesystem::path> files;
    const std::filesystem::path dir = std::filesystem::path(CANVASFIT_SOURCE_DIR) / folder;
    if (!std::filesystem::exists(dir)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (std::find(extensions.begin(), extensions.end(), entry.path().extension().string()) !=
            extensions.end())
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

Board read_file_board(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return read_board(text.str());
}

const Note& note_with_id(const Board& board, const std::string& id) {
    for (const Note& note : board.notes)
        if (note.id == id) return note;
    throw std::runtime_error("no note " + id);
}

}  // namespace

// ---- equivalence with a fresh analysis ----

TEST(Analyzer, StartsWithTheReportOfAFreshAnalysis) {
    const auto examples = board_files("examples", {".excalidraw", ".json"});
    ASSERT_GE(examples.size(), 4u);
    for (const auto& path : examples) {
        const Board board = read_file_board(path);
        const AnalyzeOptions options{InputFormat::automatic, path.filename().string()};
        EXPECT_EQ(Analyzer(board, options).report_json(), report_to_json(analyze(board, options)))
            << path.filename();
    }
}

TEST(Analyzer, MatchesAFreshAnalysisAfterRandomEditsOfEachExample) {
    const auto examples = board_files("examples", {".excalidraw", ".json"});
    ASSERT_GE(examples.size(), 4u);
    std::uint32_t seed = 20261123;
    for (const auto& path : examples) {
        const Board board = read_file_board(path);
        ASSERT_FALSE(board.notes.empty()) << path.filename();
        const std::size_t compared =
            expect_equivalent_under_edits(board, {InputFormat::automatic, path.filename().string()},
                                          seed++, 300, path.filename().string());
        EXPECT_GT(compared, 100u) << path.filename();
    }
}

TEST(Analyzer, MatchesAFreshAnalysisAfterRandomEditsOfEachCorpusBoard) {
    const auto boards = board_files("tests/corpus/boards", {".json"});
    if (boards.empty()) GTEST_SKIP() << "tests/corpus/boards is not there yet";
    std::uint32_t seed = 7;
    for (const auto& path : boards) {
        const Board board = read_file_board(path);
        expect_equivalent_under_edits(board, {}, seed++, 40, path.filename().string());
    }
}

TEST(Analyzer, MatchesAFreshAnalysisAfterRandomEditsOfAGeneratedMultiCanvasBoard) {
    const Board board = generated_board(8, 42);
    ASSERT_EQ(classify_layout(board).canvases.size(), 8u);
    ASSERT_GT(board.markers.size(), 10u);
    const std::size_t compared = expect_equivalent_under_edits(board, {}, 4242, 300, "generated");
    EXPECT_GT(compared, 100u);
}

// Without section areas, the text step sorts notes into one canvas, which
// comes and goes with the notes: the Analyzer then starts its canvases over.
TEST(Analyzer, MatchesAFreshAnalysisOnABoardWithoutSections) {
    Board board = generated_board(2, 8);
    board.containers.clear();
    expect_equivalent_under_edits(board, {}, 99, 150, "no sections");

    Board empty;
    empty.format = "canvasfit";
    empty.notes.push_back(sticky("blank", "", 0, 0));
    Analyzer analyzer(empty);
    EXPECT_TRUE(analyzer.report().canvases.empty());
    analyzer.upsert_note(
        sticky("pain", "Small landlords with 2-10 flats and a day job", 200, 0));
    const Report sorted = analyzer.report();
    EXPECT_EQ(sorted.canvases.size(), 1u);
    EXPECT_EQ(analyzer.report_json(), report_to_json(analyze(analyzer.board())));
    analyzer.remove_note("pain");
    EXPECT_TRUE(analyzer.report().canvases.empty());
    EXPECT_EQ(analyzer.report_json(), report_to_json(analyze(analyzer.board())));
}

// A note's colour, where a frame placed it, is what the board's colour
// convention is made of: recolouring it changes how every stray of that
// colour is read, not only the notes that share its words.
TEST(Analyzer, RecolouringAPlacedNoteRereadsTheStraysOfItsColour) {
    Board board = generated_board(1, 8);
    const std::string pink = "#ffc9c9";
    std::vector<std::string> pains;
    for (Note& note : board.notes)
        if (note.id.rfind("c0-n2-", 0) == 0 && pains.size() < 2) {
            note.color = pink;
            pains.push_back(note.id);
        }
    ASSERT_EQ(pains.size(), 2u);
    const Rect canvas = canvas_bounds(0);
    Note stray = sticky("stray", "Waiting ages on hold", canvas.right() + 60, canvas.y + 200);
    stray.color = pink;
    board.notes.push_back(stray);
    Analyzer analyzer(board);
    const auto section_of_stray = [&]() {
        for (const NoteReport& note : analyzer.report().notes)
            if (note.id == "stray") return note.section;
        return Section::unknown;
    };
    ASSERT_EQ(section_of_stray(), Section::pains) << "two pink pains make pink the pains' colour";
    Note recoloured = *std::find_if(analyzer.board().notes.begin(), analyzer.board().notes.end(),
                                    [&](const Note& note) { return note.id == pains[0]; });
    recoloured.color = "";
    analyzer.upsert_note(recoloured);
    EXPECT_NE(section_of_stray(), Section::pains) << "one pink note is no convention";
    EXPECT_EQ(analyzer.report_json(), report_to_json(analyze(analyzer.board())));
}

TEST(Analyzer, UpsertingAnUnchangedNoteChangesNothing) {
    const Board board = generated_board(3, 1);
    Analyzer analyzer(board);
    const std::string before = analyzer.report_json();
    const AnalyzerStats work = analyzer.stats();
    analyzer.changes();
    analyzer.upsert_note(board.notes[5]);
    EXPECT_TRUE(analyzer.changes().empty());
    EXPECT_EQ(analyzer.report_json(), before);
    EXPECT_EQ(analyzer.stats().canvases_analyzed, work.canvases_analyzed);
    EXPECT_EQ(analyzer.stats().notes_placed, work.notes_placed);
    EXPECT_EQ(analyzer.stats().notes_tokenized, work.notes_tokenized);
    EXPECT_EQ(analyzer.stats().text_steps, work.text_steps);
}

TEST(Analyzer, KeepsTheDocumentedNoteOrder) {
    Board board;
    board.format = "canvasfit";
    board.containers.push_back(frame("pains", "Pains", {0, 0, 1000, 1000}));
    for (const char* id : {"a", "b", "c"}) board.notes.push_back(sticky(id, id, 10, 10, "pains"));
    Analyzer analyzer(board);
    analyzer.upsert_note(sticky("d", "new", 10, 10, "pains"));     // new: at the end
    analyzer.upsert_note(sticky("a", "edited", 10, 10, "pains"));  // known: keeps its place
    analyzer.remove_note("b");
    analyzer.upsert_note(sticky("b", "back", 10, 10, "pains"));  // removed, then back: at the end
    std::vector<std::string> order;
    for (const NoteReport& note : analyzer.report().notes) order.push_back(note.id);
    EXPECT_EQ(order, (std::vector<std::string>{"a", "c", "d", "b"}));
    EXPECT_EQ(analyzer.board().notes[0].text, "edited");
    EXPECT_EQ(analyzer.report_json(), report_to_json(analyze(analyzer.board())));
}

TEST(Analyzer, AConnectorWaitingForANoteLinksItWhenTheNoteArrivesAndNotAfterItLeaves) {
    Board board;
    board.format = "canvasfit";
    board.containers.push_back(frame("pains", "Pains", {0, 0, 500, 500}));
    board.containers.push_back(frame("relievers", "Pain Relievers", {600, 0, 500, 500}));
    board.notes.push_back(sticky("r1", "Kitchen screen", 650, 50, "relievers"));
    board.connectors.push_back({"link", "r1", "p-later", ""});
    Analyzer analyzer(board);
    EXPECT_TRUE(analyzer.report().links.empty());
    analyzer.upsert_note(sticky("p-later", "Orders get lost", 50, 50, "pains"));
    const Report linked = analyzer.report();
    ASSERT_EQ(linked.links.size(), 1u);
    EXPECT_EQ(linked.links[0].from, "r1");
    EXPECT_EQ(linked.links[0].to, "p-later");
    EXPECT_EQ(linked.links[0].via, "connector");
    analyzer.remove_note("p-later");
    EXPECT_TRUE(analyzer.report().links.empty());
}

TEST(Analyzer, ADotVotesForTheNoteItNowOverlapsMost) {
    Board board;
    board.format = "canvasfit";
    board.containers.push_back(frame("pains", "Pains", {0, 0, 1000, 1000}));
    board.notes.push_back(sticky("p1", "Slow delivery", 100, 100, "pains"));
    board.markers.push_back(dot("dot", 190, 150));  // mostly over p1's right edge
    Analyzer analyzer(board);
    EXPECT_EQ(analyzer.report().notes[0].votes, 1);
    analyzer.upsert_note(sticky("p2", "Hidden fees", 192, 100, "pains"));  // covers more of the dot
    const Report report = analyzer.report();
    EXPECT_EQ(report.notes[0].votes, 0);
    EXPECT_EQ(report.notes[1].votes, 1);
    analyzer.remove_note("p2");
    EXPECT_EQ(analyzer.report().notes[0].votes, 1);
}

// ---- incrementality ----

TEST(Analyzer, AnEditReRunsTheStagesOfTheCanvasesItTouchedOnly) {
    const Board board = generated_board(20, 3);
    Analyzer analyzer(board);
    ASSERT_EQ(analyzer.report().canvases.size(), 20u);
    EXPECT_EQ(analyzer.stats().canvases_analyzed, 20u);
    EXPECT_EQ(analyzer.stats().text_steps, 1u);
    EXPECT_EQ(analyzer.stats().notes_tokenized, board.notes.size());

    auto work_of = [&](auto edit) {
        const AnalyzerStats before = analyzer.stats();
        edit();
        analyzer.report();
        const AnalyzerStats after = analyzer.stats();
        return AnalyzerStats{after.notes_placed - before.notes_placed,
                             after.notes_tokenized - before.notes_tokenized,
                             after.markers_assigned - before.markers_assigned,
                             after.canvases_analyzed - before.canvases_analyzed,
                             after.text_steps - before.text_steps,
                             after.texts_read - before.texts_read};
    };
    const std::size_t texts_at_start = analyzer.stats().texts_read;
    EXPECT_GT(texts_at_start, 0u);
    EXPECT_LE(texts_at_start, board.notes.size());  // notes with the same text are read once

    // Canvas 3's first pain, re-worded where it stands.
    Note pain = note_with_id(board, "c3-n2-0");
    pain.text = "Kitchen never sees the phone orders";
    AnalyzerStats work = work_of([&] { analyzer.upsert_note(pain); });
    EXPECT_EQ(work.canvases_analyzed, 1u);
    EXPECT_EQ(work.notes_tokenized, 1u);
    EXPECT_EQ(work.notes_placed, 1u);
    EXPECT_EQ(work.text_steps, 1u);  // board-wide: a note's text reads in its board's context
    EXPECT_EQ(work.texts_read, 1u);  // ... but only the edited text is read again

    // Moved into canvas 7's pains: the canvas it left and the one it joined.
    const Rect pains_of_7 = canvas_bounds(7);
    pain.bounds.x = pains_of_7.x + 1700 + 400;
    pain.bounds.y = pains_of_7.y + 700 + 150;
    pain.parent = "";
    work = work_of([&] { analyzer.upsert_note(pain); });
    EXPECT_EQ(work.canvases_analyzed, 2u);
    EXPECT_EQ(work.notes_tokenized, 0u);  // same text: same terms
    EXPECT_EQ(work.texts_read, 0u);

    // A new note in canvas 5, several edits in canvas 5, then one report.
    work = work_of([&] {
        analyzer.upsert_note(sticky("fresh", "Delivery is always late", canvas_bounds(5).x + 1750,
                                    canvas_bounds(5).y + 1100));
        Note gain = note_with_id(board, "c5-n3-1");
        gain.text += " every day";
        analyzer.upsert_note(gain);
        analyzer.remove_note("c5-n1-0");
    });
    EXPECT_EQ(work.canvases_analyzed, 1u);
    EXPECT_EQ(work.notes_tokenized, 2u);
    EXPECT_EQ(work.text_steps, 1u);  // once for the three edits
    EXPECT_EQ(work.texts_read, 2u);  // the new note's and the edited gain's

    // Unchanged, and removed from outside every canvas: nothing to re-run.
    work = work_of([&] { analyzer.upsert_note(note_with_id(board, "c9-n0-0")); });
    EXPECT_EQ(work.canvases_analyzed, 0u);
    EXPECT_EQ(work.notes_placed, 0u);
    EXPECT_EQ(work.text_steps, 0u);
    analyzer.upsert_note(
        sticky("stray", "", -90000, -90000));  // no text: the text step leaves it out
    work = work_of([&] { analyzer.remove_note("stray"); });
    EXPECT_EQ(work.canvases_analyzed, 0u);

    EXPECT_EQ(analyzer.report_json(), report_to_json(analyze(analyzer.board())));
}

TEST(Analyzer, RemovingANoteReRunsTheCanvasOfANoteAConnectorJoinedItTo) {
    Board board = generated_board(4, 9);
    // A connector from canvas 0's first reliever to canvas 2's first pain.
    board.connectors.push_back({"across", "c0-n5-0", "c2-n2-0", ""});
    Analyzer analyzer(board);
    const std::size_t before = analyzer.stats().canvases_analyzed;
    analyzer.remove_note("c2-n2-0");
    analyzer.report();
    EXPECT_EQ(analyzer.stats().canvases_analyzed - before, 2u);
    EXPECT_EQ(analyzer.report_json(), report_to_json(analyze(analyzer.board())));
}

TEST(Analyzer, ANoteTakingADotReRunsTheCanvasOfTheNoteThatLostIt) {
    Board board = generated_board(3, 5);
    board.markers.clear();
    const Note& voter = note_with_id(board, "c1-n2-0");
    board.markers.push_back(dot("dot", voter.bounds.x + 10, voter.bounds.y + 10));
    Analyzer analyzer(board);
    // A long note from canvas 0 now covers the whole dot too; earlier in board
    // order, it wins the tie. Its centre lies below every canvas, and with no
    // text the text step leaves it there.
    Note stray = note_with_id(board, "c0-n6-0");
    stray.bounds = {voter.bounds.x, voter.bounds.y, 60, 3000};
    stray.parent = "";
    stray.text = "";
    const std::size_t before = analyzer.stats().canvases_analyzed;
    analyzer.upsert_note(stray);
    const Report report = analyzer.report();
    EXPECT_EQ(analyzer.stats().canvases_analyzed - before, 2u);  // the canvas it left, the voter's
    EXPECT_EQ(analyzer.report_json(), report_to_json(analyze(analyzer.board())));
    for (const NoteReport& note : report.notes) {
        if (note.id == stray.id) {
            EXPECT_EQ(note.votes, 1);
            EXPECT_FALSE(note.canvas.has_value());
        }
        if (note.id == voter.id) {
            EXPECT_EQ(note.votes, 0);
        }
    }
}

// ---- errors ----

TEST(Analyzer, RejectsANoteThatBreaksTheBoardRulesAndStaysAsItWas) {
    Board board = generated_board(2, 11);
    board.markers.push_back(dot("a-dot", -500, -500));
    Analyzer analyzer(board);
    const std::string before = analyzer.report_json();
    const auto rejected = [&](Note note, const std::string& where, const std::string& message) {
        try {
            analyzer.upsert_note(std::move(note));
            ADD_FAILURE() << "accepted a note that should fail at " << where;
        } catch (const InputError& e) {
            EXPECT_EQ(e.where(), where);
            EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
        }
        EXPECT_EQ(analyzer.report_json(), before);
    };
    rejected(sticky("c0", "named like a canvas frame", 0, 0), "c0",
             "used by a container and a note");
    rejected(sticky("a-dot", "named like a dot", 0, 0), "a-dot", "used by a marker and a note");
    rejected(sticky(board.connectors[0].id, "x", 0, 0), board.connectors[0].id,
             "used by a connector and a note");
    rejected(sticky("", "no id", 0, 0), "note", "empty id");
    rejected(sticky("nan", "x", std::nan(""), 0), "nan", "coordinate out of range");
    rejected(sticky("inf", "x", 0, std::numeric_limits<double>::infinity()), "inf",
             "coordinate out of range");
    rejected(sticky("far", "x", 2e9, 0), "far", "coordinate out of range");
    Note negative = sticky("negative", "x", 0, 0);
    negative.bounds.width = -1;
    rejected(negative, "negative", "negative width");
    rejected(sticky("long", std::string(limits::kMaxTextBytes + 1, 'a'), 0, 0), "long",
             "bytes of text");
    Note edited = board.notes[0];
    edited.bounds.y = std::nan("");  // a known note too: the old one stays
    rejected(edited, edited.id, "coordinate out of range");
}

TEST(Analyzer, RemovingANoteThatIsNotThereIsAnError) {
    const Board board = generated_board(1, 2);
    Analyzer analyzer(board);
    const std::string before = analyzer.report_json();
    try {
        analyzer.remove_note("nobody");
        ADD_FAILURE() << "removed a note that does not exist";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), "nobody");
        EXPECT_NE(std::string(e.what()).find("no note 'nobody'"), std::string::npos);
    }
    try {
        analyzer.remove_note("c0-s2");
        ADD_FAILURE() << "removed a container";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("is a container, not a note"), std::string::npos);
    }
    analyzer.remove_note(board.notes[0].id);
    EXPECT_THROW(analyzer.remove_note(board.notes[0].id), InputError);  // only once
    EXPECT_NE(analyzer.report_json(), before);
}

TEST(Analyzer, RefusesABoardWithDuplicateIds) {
    Board board;
    board.notes.push_back(sticky("same", "one", 0, 0));
    board.notes.push_back(sticky("same", "two", 200, 0));
    EXPECT_THROW(Analyzer{board}, InputError);
}

TEST(Analyzer, ReadsItsBoardLikeAnalyzeTextAndNamesTheSourceInErrors) {
    const std::string input = test_support::read_source_file("examples/cafe-canvas.excalidraw");
    const AnalyzeOptions options{InputFormat::automatic, "cafe-canvas.excalidraw"};
    EXPECT_EQ(Analyzer::from_text(input, options).report_json(),
              report_to_json(analyze_text(input, options)));
    try {
        Analyzer::from_text(
            "{\"schema\":\"canvasfit.board/1\",\"notes\":[{\"id\":\"n\",\"text\":\"x\","
            "\"x\":\"left\",\"y\":0}]}",
            {InputFormat::automatic, "board.json"});
        ADD_FAILURE() << "read a bad board";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), "board.json: /notes/0/x");
    }
}

TEST(Analyzer, ReadsANoteInTheCanvasFitFormat) {
    const Note note = read_note_json(
        R"({"id": 7, "text": "Orders get lost", "x": 10, "y": 20, "width": 50, "kind": "card",
            "color": "#ffc9c9", "tags": ["high"], "parent": "frame-pains", "author": "Ana"})");
    EXPECT_EQ(note.id, "7");
    EXPECT_EQ(note.text, "Orders get lost");
    EXPECT_EQ(note.bounds.x, 10);
    EXPECT_EQ(note.bounds.y, 20);
    EXPECT_EQ(note.bounds.width, 50);
    EXPECT_EQ(note.bounds.height, 100);  // the format's default
    EXPECT_EQ(note.kind, NoteKind::card);
    EXPECT_EQ(note.tags, std::vector<std::string>{"high"});
    EXPECT_EQ(note.parent, "frame-pains");
    EXPECT_EQ(note.author, "Ana");
}

TEST(Analyzer, NamesThePlaceInsideTheNoteWhenANoteCannotBeRead) {
    const auto where_of = [](const std::string& json) {
        try {
            read_note_json(json);
        } catch (const InputError& e) {
            return e.where();
        }
        return std::string("no error");
    };
    EXPECT_EQ(where_of(R"({"id": "n1", "text": "x", "x": "left", "y": 0})"), "/x");
    EXPECT_EQ(where_of(R"({"id": "n1", "text": "x", "x": 0, "y": 0, "tags": [1]})"), "/tags/0");
    EXPECT_EQ(where_of(R"([1, 2])"), "/");
    EXPECT_NE(where_of(R"({"id": "n1", )"), "no error");
    // Malformed: placed and worded by the pull reader, as the wasm module has it (tests/js/analyzer.test.mjs).
    try {
        read_note_json(R"({"id": "n-new", "text": )");
        ADD_FAILURE() << "accepted";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), "line 1, column 25");
        EXPECT_STREQ(e.what(), "invalid JSON: expected a value, found the end of the input");
    }
    // A byte order mark, a NUL byte and what follows it, and repeated keys, as nlohmann took them.
    EXPECT_EQ(where_of(std::string("\xEF\xBB\xBF{\"id\": \"n1\", \"text\": \"x\", \"x\": 0, \"y\": 0}\0 junk", 50)),
              "no error");
    EXPECT_EQ(where_of(R"({"id": "n1", "text": "x", "x": "left", "y": 0, "x": 3})"), "no error");
    EXPECT_EQ(read_note_json(R"({"id": "n1", "text": "first", "x": 0, "y": 0, "text": "second"})").text,
              "second");
}

// ---- deltas ----

TEST(AnalyzerDelta, TheFirstDeltaHoldsTheWholeReport) {
    const Board board = read_file_board(std::filesystem::path(CANVASFIT_SOURCE_DIR) /
                                        "examples/two-canvases.excalidraw");
    Analyzer analyzer(board);
    const Report report = analyzer.report();
    const ReportDelta delta = analyzer.changes();
    EXPECT_EQ(delta.notes.size(), report.notes.size());
    EXPECT_EQ(delta.canvases.size(), report.canvases.size());
    EXPECT_EQ(delta.links_added.size(), report.links.size());
    EXPECT_EQ(delta.warnings_added.size(), report.warnings.size());
    EXPECT_EQ(delta.questions_added.size(), report.questions.size());
    EXPECT_TRUE(delta.notes_removed.empty() && delta.links_removed.empty());
    EXPECT_EQ(delta.touched.size(), report.notes.size());
    EXPECT_TRUE(analyzer.changes().empty()) << "nothing changed since";
}

TEST(AnalyzerDelta, AnEditNamesTheNotesWhoseMarksMayChangeAndFewOthers) {
    const Board board = read_file_board(std::filesystem::path(CANVASFIT_SOURCE_DIR) /
                                        "examples/cafe-canvas.excalidraw");
    Analyzer analyzer(board);
    const Report before = analyzer.report();
    analyzer.changes();
    // A pain some note covers, rewritten so that nothing on the board speaks of it.
    const CoverageReport* covered = nullptr;
    for (const CanvasReport& canvas : before.canvases)
        for (const CoverageReport& row : canvas.fit.pains_detail)
            if (!covered && row.status == "covered" && !row.covered_by.empty()) covered = &row;
    ASSERT_NE(covered, nullptr);
    Note pain = note_with_id(board, covered->note);
    pain.text = "Parrots nesting in the chimney";
    analyzer.upsert_note(pain);
    const ReportDelta delta = analyzer.changes();

    const auto touched = [&](const std::string& id) {
        return std::binary_search(delta.touched.begin(), delta.touched.end(), id);
    };
    EXPECT_TRUE(touched(pain.id));
    ASSERT_EQ(delta.notes.size(), 1u) << "only the pain's own report entry changed";
    EXPECT_EQ(delta.notes[0].text, pain.text);
    EXPECT_FALSE(delta.links_removed.empty()) << "the pain lost the link that covered it";
    for (const auto* links : {&delta.links_added, &delta.links_removed})
        for (const LinkReport& link : *links) EXPECT_TRUE(touched(link.from) && touched(link.to));
    for (const std::string& coverer : covered->covered_by) EXPECT_TRUE(touched(coverer)) << coverer;
    ASSERT_EQ(delta.canvases.size(), 1u) << "one canvas's fit changed";
    EXPECT_LT(delta.touched.size(), board.notes.size() / 2);
    EXPECT_TRUE(std::is_sorted(delta.touched.begin(), delta.touched.end()));
}

TEST(AnalyzerDelta, ARemovedNoteIsListedAsRemovedNotTouched) {
    const Board board = generated_board(2, 3);
    Analyzer analyzer(board);
    analyzer.changes();
    analyzer.remove_note(board.notes[0].id);
    const ReportDelta delta = analyzer.changes();
    EXPECT_EQ(delta.notes_removed, std::vector<std::string>{board.notes[0].id});
    EXPECT_FALSE(std::binary_search(delta.touched.begin(), delta.touched.end(), board.notes[0].id));
}

TEST(AnalyzerDelta, ItsJsonCarriesTheSchemaAndEveryList) {
    Analyzer analyzer(generated_board(1, 5));
    const std::string json = analyzer.changes_json();
    for (const char* field : {"\"schema\": \"canvasfit.delta/1\"", "\"source\"", "\"format\"", "\"canvases\"", "\"canvases_removed\"",
                              "\"notes\"", "\"notes_removed\"", "\"links_added\"", "\"links_removed\"",
                              "\"warnings_added\"", "\"warnings_removed\"", "\"questions_added\"",
                              "\"questions_removed\"", "\"touched\""})
        EXPECT_NE(json.find(field), std::string::npos) << field;
}

TEST(AnalyzerDelta, ReadsABatchOfEditsAndNamesThePlaceOfABadOne) {
    const NoteEdits edits = read_note_edits(
        R"({"upsert": [{"id": "a", "text": "x", "x": 0, "y": 0}, {"id": "b", "text": "y", "x": 1, "y": 1}],
            "remove": ["c", "d"]})");
    ASSERT_EQ(edits.upsert.size(), 2u);
    EXPECT_EQ(edits.upsert[1].id, "b");
    EXPECT_EQ(edits.remove, (std::vector<std::string>{"c", "d"}));
    EXPECT_TRUE(read_note_edits("{}").upsert.empty());
    const auto where_of = [](const std::string& json) {
        try {
            read_note_edits(json);
        } catch (const InputError& e) {
            return e.where();
        }
        return std::string("no error");
    };
    EXPECT_EQ(where_of(R"({"upsert": [{"id": "a", "text": "x", "x": 0, "y": 0},
                                      {"id": "b", "text": "y", "x": "left", "y": 0}]})"),
              "/upsert/1/x");
    EXPECT_EQ(where_of(R"({"remove": ["a", 7]})"), "/remove/1");
    EXPECT_EQ(where_of(R"({"remove": "a"})"), "/remove");
    EXPECT_EQ(where_of(R"({"delete": []})"), "/delete");
    EXPECT_EQ(where_of(R"([])"), "/");
    // Fields are taken in name order, the last of a repeated one winning.
    EXPECT_EQ(where_of(R"({"upsert": 1, "remove": [2]})"), "/remove/0");
    EXPECT_EQ(where_of(R"({"zap": [], "upsert": [{"id": "a"}]})"), "/upsert/0/text");
    EXPECT_EQ(where_of(R"({"remove": [1], "remove": ["a"]})"), "no error");
    EXPECT_EQ(where_of("\xEF\xBB\xBF{\"upsert\": [ {\"id\": \"a\", \"text\": \"x\", \"x\": 0, \"y\": 0} ]}"),
              "no error");
    EXPECT_EQ(where_of(R"({"upsert": [)"), "line 1, column 13");
}

TEST(AnalyzerDelta, UpdatingWithTheWholeBoardMatchesAFreshAnalysisAfterRandomEdits) {
    std::uint32_t seed = 99;
    for (const auto& path : board_files("examples", {".excalidraw", ".json"})) {
        const Board board = read_file_board(path);
        Analyzer updated(board), driver(board);  // the script edits `driver`; `updated` sees whole boards
        EditScript script(board, seed++);
        DeltaMirror mirror;
        mirror.apply(updated.changes());
        for (int step = 0; step < 60; ++step) {
            script.step(driver);
            const Board now = with_notes(board, script.notes());
            updated.update(now);
            mirror.apply(updated.changes());
            const std::string difference = mirror.differs_from(analyze(now));
            ASSERT_TRUE(difference.empty()) << path.filename() << " step " << step << " ("
                                            << script.last() << ")\n" << difference;
        }
        EXPECT_EQ(updated.stats().restarts, 0u) << "only notes changed";
    }
}

// A competitor sheet (a shape titled "Competitors") and its notes sit outside
// the canvas they score: editing them changes that canvas's report although
// none of its notes changed, and so does the sheet coming and going.
TEST(AnalyzerDelta, FollowsACompetitorSheetOutsideItsCanvas) {
    Board board = generated_board(2, 8);
    const double right = canvas_bounds(0).right();
    board.notes.push_back(test_support::shape("sheet", "Competitors", {right + 40, 0, 700, 500}));
    board.notes.push_back(sticky("acme", "Acme: speed 4, price 2", right + 80, 120));
    board.notes.push_back(sticky("sheets", "Spreadsheets: speed 1, price 5", right + 260, 120));
    Analyzer analyzer(board);
    analyzer.changes();
    Report seen = analyze(analyzer.board());
    const auto scored = [](const Report& report) {
        return std::count_if(report.canvases.begin(), report.canvases.end(),
                             [](const CanvasReport& canvas) { return canvas.competitors.has_value(); });
    };
    ASSERT_EQ(scored(seen), 1) << "the sheet scores one canvas";
    const auto expect_delta_of_whole_reports = [&](const std::string& step) {
        const ReportDelta delta = analyzer.changes();
        const Report now = analyze(analyzer.board());
        EXPECT_FALSE(delta.canvases.empty()) << step << ": the scored canvas changed";
        EXPECT_EQ(canonical_delta(delta), canonical_delta(diff_reports(seen, now))) << step;
        seen = now;
    };
    analyzer.upsert_note(sticky("acme", "Acme: speed 5, price 1", right + 80, 120));
    expect_delta_of_whole_reports("a competitor's scores edited");
    analyzer.remove_note("sheet");
    expect_delta_of_whole_reports("the sheet removed");
    EXPECT_EQ(scored(seen), 0);
    analyzer.upsert_note(test_support::shape("sheet", "Competitors", {right + 40, 0, 700, 500}));
    expect_delta_of_whole_reports("the sheet back");
    EXPECT_EQ(scored(seen), 1);
}

TEST(AnalyzerDelta, UpdatingWithAMovedFrameStartsOverAndStaysRelativeToTheLastDelta) {
    const Board board = read_file_board(std::filesystem::path(CANVASFIT_SOURCE_DIR) /
                                        "examples/cafe-canvas.excalidraw");
    ASSERT_FALSE(board.containers.empty());
    Analyzer analyzer(board);
    DeltaMirror mirror;
    mirror.apply(analyzer.changes());
    Board moved = board;
    moved.containers[0].bounds.x += 4000;  // a section frame dragged away from its notes
    analyzer.update(moved);
    EXPECT_EQ(analyzer.stats().restarts, 1u);
    const ReportDelta delta = analyzer.changes();
    EXPECT_FALSE(delta.empty());
    mirror.apply(delta);
    EXPECT_EQ(mirror.differs_from(analyze(moved)), "");
    analyzer.update(moved);
    EXPECT_TRUE(analyzer.changes().empty()) << "the same board again changes nothing";
    EXPECT_EQ(analyzer.stats().restarts, 1u);
}

TEST(AnalyzerDelta, UpdatingWithABoardReadBoardWouldRefuseChangesNothing) {
    const Board board = generated_board(2, 8);
    Analyzer analyzer(board);
    const std::string before = analyzer.report_json();
    Board twice = board;
    twice.notes.push_back(twice.notes.front());  // a duplicate id
    EXPECT_THROW(analyzer.update(twice), InputError);
    EXPECT_EQ(analyzer.report_json(), before);
    EXPECT_THROW(analyzer.update_from_text(R"({"schema": "canvasfit.board/1", "notes": [{"id": 1}]})"),
                 InputError);
    EXPECT_EQ(analyzer.report_json(), before);
}

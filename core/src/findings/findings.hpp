// What CanvasFit tells the facilitator about an analysed board: warnings it is
// sure enough of to write on the board, questions only the facilitator can
// answer, and the value results read from the whole board (docs/report.md,
// docs/value.md). Reads the engine's BoardAnalysis; knows nothing of report
// writers or hosts.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "canvasfit/report.hpp"
#include "engine/engine.hpp"
#include "findings/warning_kit.hpp"

namespace canvasfit {

// What each canvas's own rules found (the segment, profile, value-map and
// fit warnings, and the questions), kept by the incremental Analyzer between
// reports. Those rules read only their canvas (its notes, their texts, ranks
// and links, its fit, the board's fixed items), so a canvas that was not
// analysed again keeps what they found. The Analyzer forgets a canvas when it
// analyses it again, and every canvas when a note leaves the board (the
// warnings hold board positions). Each canvas's summary for the comparison of
// canvases is kept the same way.
class CanvasFindingCache {
public:
    void forget(std::size_t canvas) {
        if (canvas < warnings_.size()) warnings_[canvas].valid = false;
        if (canvas < questions_.size()) questions_[canvas].valid = false;
        cross_canvas_.forget(canvas);
    }
    void forget_all() {
        warnings_.clear();
        questions_.clear();
        cross_canvas_.forget_all();
    }

private:
    friend std::vector<Warning> find_warnings(const BoardAnalysis&, CanvasFindingCache*);
    friend std::vector<Question> find_questions(const BoardAnalysis&, CanvasFindingCache*);
    friend std::vector<const std::vector<Question>*> questions_by_canvas(const BoardAnalysis&,
                                                                         CanvasFindingCache&);
    template <typename Item>
    struct Entry {
        bool valid = false;
        std::vector<Item> items;
    };
    // Appends what `find(c, items)` finds on each canvas c to `out`: afresh
    // without a cache (`kept` null), else from the cache, finding it again
    // for the canvases the cache no longer holds.
    template <typename Item, typename Find>
    static void collect(std::vector<Entry<Item>>* kept, std::size_t canvases,
                        std::vector<Item>& out, Find find) {
        if (!kept) {
            for (std::size_t c = 0; c < canvases; ++c) find(c, out);
            return;
        }
        if (kept->size() != canvases) {
            kept->clear();
            kept->resize(canvases);
        }
        for (std::size_t c = 0; c < canvases; ++c) {
            Entry<Item>& entry = (*kept)[c];
            if (!entry.valid) {
                entry.items.clear();
                find(c, entry.items);
                entry.valid = true;
            }
            out.insert(out.end(), entry.items.begin(), entry.items.end());
        }
    }
    std::vector<Entry<warning_kit::Finding>> warnings_;
    std::vector<Entry<Question>> questions_;
    warning_kit::CrossCanvasCache cross_canvas_;  // what canvases have in common
};

// Warnings on every canvas and across canvases (warnings.cpp). With a cache,
// the canvases it holds valid findings for are not checked again.
std::vector<Warning> find_warnings(const BoardAnalysis& analysis,
                                   CanvasFindingCache* cache = nullptr);

// Questions about links and gaps (questions.cpp); which-section questions come
// from the text step (report/analyze.cpp).
// With a cache, as find_warnings.
std::vector<Question> find_questions(const BoardAnalysis& analysis,
                                     CanvasFindingCache* cache = nullptr);

// The same questions canvas by canvas, for a report written as it is made
// (write_report_json, report_of.hpp): `put(c, questions)` is handed canvas c's
// questions in report order, which are dropped after, so the board's
// questions are never all held (4 MB of messages at 50,000 notes).
void for_each_canvas_questions(
    const BoardAnalysis& analysis,
    const std::function<void(std::size_t canvas, const std::vector<Question>& questions)>& put);

// The same questions canvas by canvas, held in the cache (valid until it
// changes): the Analyzer's deltas compare only the canvases an edit changed.
std::vector<const std::vector<Question>*> questions_by_canvas(const BoardAnalysis& analysis,
                                                              CanvasFindingCache& cache);

// Fills canvases[].value, canvases[].competitors and notes[].value_type, and
// appends the misaligned-type and unparsed-competitor warnings (value_report.cpp).
// Called by report_of after the gap warnings.
void add_value_results(const BoardAnalysis& analysis, Report& report);

// The parts of add_value_results, for the Analyzer's deltas, which redo only
// the canvases an edit can have changed. Per note: the name of its value type
// (relievers and creators of a canvas), null for every other note.
std::vector<const char*> value_types_by_note(const BoardAnalysis& analysis);
// Canvas c's value and competitors (`sheet`: its notes on a competitor sheet,
// competitor_notes_by_canvas), and its value warnings, appended to `warnings`.
void add_canvas_value_results(const BoardAnalysis& analysis, std::size_t c,
                              const std::optional<std::vector<NoteIndex>>& sheet,
                              CanvasReport& canvas_report, std::vector<Warning>& warnings);

}  // namespace canvasfit

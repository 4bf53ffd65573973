#include "stages.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "canvasfit/analyze.hpp"
#include "canvasfit/readers.hpp"
#include "text/text.hpp"
#include "text/text_classifier.hpp"
#include "engine/value_types.hpp"
#include "findings/findings.hpp"
#include "report/report_of.hpp"

namespace canvasfit::bench {

double now_ms() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

void Pipeline::read(std::string_view input) { board = read_board(input); }

void Pipeline::layout() {
    analysis = BoardAnalysis{};
    analysis.board = &board;
    analysis.layout = classify_layout(board);
}

void Pipeline::classify() {
    place_by_text(board, analysis.layout, &analysis.readings);
    analysis.canvases.clear();
    for (CanvasNotes& notes : notes_by_canvas(analysis.layout, analysis.layout.canvases.size())) {
        analysis.canvases.emplace_back();
        analysis.canvases.back().notes = std::move(notes);
    }
}

void Pipeline::terms() {
    analysis.readings = read_notes(board);
}

void Pipeline::link() {
    analysis.connected = connector_adjacency(board);
    for (CanvasAnalysis& canvas : analysis.canvases)
        canvas.links = link_canvas(board, canvas.notes, analysis.readings, analysis.connected, nullptr,
                                   nullptr, &analysis.layout.notes);
}

void Pipeline::rank_score() {
    analysis.votes = count_votes(board);
    analysis.priorities.assign(board.notes.size(), Priority{});
    for (const CanvasAnalysis& canvas : analysis.canvases)
        rank_canvas(board, canvas.notes, analysis.votes, analysis.priorities);
    for (std::size_t c = 0; c < analysis.canvases.size(); ++c) {
        CanvasAnalysis& canvas = analysis.canvases[c];
        canvas.fit = score_fit(canvas.notes, analysis.priorities, canvas.links);
        canvas.value = profile_value(analysis, canvas.notes, canvas.links);
        canvas.comparable = comparable_sets_of(canvas.notes, analysis.readings);
        read_segment(analysis, c, canvas);
    }
}

std::vector<Warning> Pipeline::warnings() const { return find_warnings(analysis); }

void Pipeline::build_report() { report = report_of(analysis, {}); }

void Pipeline::serialise() { json = report_to_json(report); }

namespace {

template <typename Step>
double timed(Step step) {
    const double start = now_ms();
    step();
    return now_ms() - start;
}

}  // namespace

StageTimes run_stages(std::string_view input, BoardFacts* facts, std::string* json) {
    Pipeline p;
    StageTimes t;
    t.read = timed([&] { p.read(input); });
    t.layout = timed([&] { p.layout(); });
    t.terms = timed([&] { p.terms(); });  // before classify, which reads its readings
    t.classify = timed([&] { p.classify(); });
    t.link = timed([&] { p.link(); });
    t.rank_score = timed([&] { p.rank_score(); });
    t.warnings = timed([&] { p.warnings(); });
    // report_of runs find_warnings again; that share is counted under warnings.
    t.report = std::max(0.0, timed([&] { p.build_report(); }) - t.warnings);
    t.serialise = timed([&] { p.serialise(); });
    if (facts) {
        *facts = BoardFacts{p.board.notes.size(), p.board.containers.size(),
                            p.board.connectors.size(), p.board.markers.size(),
                            p.analysis.layout.canvases.size(), p.report.links.size(),
                            p.report.warnings.size()};
    }
    if (json) *json = std::move(p.json);
    return t;
}

double end_to_end_ms(std::string_view input, std::string* json) {
    std::string out;
    const double ms = timed([&] { out = report_to_json(analyze_text(input)); });
    if (json) *json = std::move(out);
    return ms;
}

void check_same_as_analyze(std::string_view input) {
    std::string staged, whole;
    run_stages(input, nullptr, &staged);
    end_to_end_ms(input, &whole);
    if (staged == whole) return;
    std::size_t at = 0;
    while (at < staged.size() && at < whole.size() && staged[at] == whole[at]) ++at;
    const std::size_t from = at > 60 ? at - 60 : 0;
    throw std::runtime_error("staged pipeline differs from analyze_text at byte " +
                             std::to_string(at) + ": staged '" + staged.substr(from, 120) +
                             "' vs analyze '" + whole.substr(from, 120) + "'");
}

}  // namespace canvasfit::bench

// The analysis cut into the stages the benchmark tables report, each callable
// and timed on its own. Shared by the native benchmark (native_bench.cpp) and
// the wasm benchmark entry (wasm_bench.cpp), so both time the same code.
//
// The stages together are exactly analyze() + report_to_json(): run_engine
// (engine.cpp) runs ranks, links, fit and value canvas by canvas; here each
// stage runs over all canvases before the next, which gives the same result
// because canvases share no notes. check_same_as_analyze() proves it on every
// board the harness runs, so a stage added to the engine and not here fails
// the benchmark instead of making its figures quietly wrong.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "canvasfit/board.hpp"
#include "engine/engine.hpp"
#include "layout/layout.hpp"
#include "canvasfit/report.hpp"

namespace canvasfit::bench {

// Milliseconds per stage for one analysis.
struct StageTimes {
    double read = 0;        // JSON text -> Board (parse, read, check, promote shapes)
    double layout = 0;      // classify_layout: canvases and sections from frames and positions
    double classify = 0;    // place_by_text: notes no layout cue places, misplaced notes
    double terms = 0;       // read_notes: tokens, content terms, compound stems (run before classify)
    double link = 0;        // connector adjacency + link_canvas for every canvas
    double rank_score = 0;  // dot votes, ranks, fit scores, value profiles, comparable term sets
    double warnings = 0;    // find_warnings
    double report = 0;      // report_of, less the warnings it runs again inside
    double serialise = 0;   // report_to_json
    double total() const {
        return read + layout + classify + terms + link + rank_score + warnings + report + serialise;
    }
};

// What one board holds, for the tables.
struct BoardFacts {
    std::size_t notes = 0, containers = 0, connectors = 0, markers = 0;
    std::size_t canvases = 0, links = 0, warnings = 0;
};

// Each step of the pipeline, so a benchmark can repeat one with the others
// done. Every step after classify() may be run again and leaves the same
// state; classify() changes the layout it places notes in.
// Holds a pointer to its own board: do not copy or move it once read.
struct Pipeline {
    Pipeline() = default;
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    Board board;
    BoardAnalysis analysis;
    Report report;
    std::string json;

    void read(std::string_view input);
    void layout();    // starts the analysis afresh
    void terms();     // the notes' readings, which classify() and the stages after it share
    void classify();  // text placement into analysis.layout, then each canvas's notes
    void link();
    void rank_score();
    std::vector<Warning> warnings() const;
    void build_report();
    void serialise();
};

// Runs every stage once, timing each. `json` receives the report.
StageTimes run_stages(std::string_view input, BoardFacts* facts = nullptr,
                      std::string* json = nullptr);

// analyze_text + report_to_json: what a host calls, timed as one.
double end_to_end_ms(std::string_view input, std::string* json = nullptr);

// Throws std::runtime_error naming the first difference if the staged
// pipeline's report is not byte for byte the report of analyze_text.
void check_same_as_analyze(std::string_view input);

double now_ms();

}  // namespace canvasfit::bench

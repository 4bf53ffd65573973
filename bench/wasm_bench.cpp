// The wasm benchmark entry: the same staged pipeline as the native benchmark
// (stages.hpp), timed inside the module so the figures leave out the copy of
// the input into wasm memory and of the report out of it (which end_to_end in
// bench/run.mjs measures through the product package instead). Bench-only:
// scripts/bench.sh links it into build/wasm/bench/, never into the package.
#include <emscripten/bind.h>

#include <memory>
#include <sstream>
#include <string>

#include "canvasfit/analyzer.hpp"
#include "stages.hpp"

using namespace canvasfit;

namespace {

std::string number(double value) {
    std::ostringstream out;
    out.precision(6);
    out << value;
    return out.str();
}

// {"read": ms, ..., "facts": {...}} for one staged run.
std::string stages_json(const std::string& input) {
    bench::BoardFacts facts;
    const bench::StageTimes t = bench::run_stages(input, &facts);
    return "{\"read\":" + number(t.read) + ",\"layout\":" + number(t.layout) +
           ",\"classify\":" + number(t.classify) +
           ",\"terms\":" + number(t.terms) + ",\"link\":" + number(t.link) +
           ",\"rank_score\":" + number(t.rank_score) + ",\"warnings\":" + number(t.warnings) +
           ",\"report\":" + number(t.report) + ",\"serialise\":" + number(t.serialise) +
           ",\"notes\":" + std::to_string(facts.notes) +
           ",\"canvases\":" + std::to_string(facts.canvases) +
           ",\"links\":" + std::to_string(facts.links) + "}";
}

double end_to_end(const std::string& input) { return bench::end_to_end_ms(input); }

// "" when the staged pipeline gives analyze_text's report, else the difference.
std::string check(const std::string& input) {
    try {
        bench::check_same_as_analyze(input);
        return "";
    } catch (const std::exception& e) {
        return e.what();
    }
}

// The incremental Analyzer on one board: made once, then one note edited back
// and forth, each edit followed by the report (object, or its JSON too) or
// the delta since the edit before.
std::unique_ptr<Analyzer> analyzer;
Note edited;
std::string edited_texts[2];
unsigned turn = 0;

double incremental_setup(const std::string& input) {
    const double start = bench::now_ms();
    analyzer = std::make_unique<Analyzer>(Analyzer::from_text(input));
    const double ms = bench::now_ms() - start;
    edited = analyzer->board().notes[analyzer->board().notes.size() / 2];
    edited_texts[0] = edited.text + " faster";
    edited_texts[1] = edited.text;
    analyzer->changes();  // the first delta holds the whole report; timed edits follow it
    return ms;
}

double incremental_edit(bool as_json) {
    const double start = bench::now_ms();
    edited.text = edited_texts[turn++ % 2];
    analyzer->upsert_note(edited);
    if (as_json) analyzer->report_json();
    else analyzer->report();
    return bench::now_ms() - start;
}

// The same edit followed by the delta, as a Live host asks for it.
double incremental_delta() {
    const double start = bench::now_ms();
    edited.text = edited_texts[turn++ % 2];
    analyzer->upsert_note(edited);
    analyzer->changes_json();
    return bench::now_ms() - start;
}

void incremental_release() { analyzer.reset(); }

}  // namespace

EMSCRIPTEN_BINDINGS(canvasfit_bench) {
    emscripten::function("stages", &stages_json);
    emscripten::function("endToEnd", &end_to_end);
    emscripten::function("check", &check);
    emscripten::function("incrementalSetup", &incremental_setup);
    emscripten::function("incrementalEdit", &incremental_edit);
    emscripten::function("incrementalDelta", &incremental_delta);
    emscripten::function("incrementalRelease", &incremental_release);
}

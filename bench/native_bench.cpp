// Native benchmarks (Google Benchmark) of every analysis stage on the boards
// bench/make_boards.py writes. bench/run.mjs runs it; by hand:
//
//   canvasfit_bench --board=build/bench/boards/notes-1000.canvasfit.json [--board=...]
//                   [--benchmark_repetitions=5 ...]      stage and end-to-end times
//   canvasfit_bench --memory=FILE                         peak RSS of one analysis (JSON)
//
// For a CanvasFit board (.canvasfit.json) every stage is timed, plus the
// incremental update; for other formats only reading and the whole analysis,
// since the stages after reading see the same Board. Each board's staged
// pipeline is first checked against analyze_text (stages.hpp).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "canvasfit/analyze.hpp"
#include "canvasfit/analyzer.hpp"
#include "layout/layout.hpp"
#include "read/json_pull.hpp"
#include "canvasfit/readers.hpp"
#include "stages.hpp"

using namespace canvasfit;
using canvasfit::bench::Pipeline;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string label_of(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool is_canvasfit_board(const std::string& path) {
    const std::string suffix = ".canvasfit.json";
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The board the benchmarks are on. Benchmarks run in registration order,
// board by board, so one board at a time is kept: the 50,000-note ones are big.
struct Loaded {
    std::string path;
    std::string input;
    std::unique_ptr<Pipeline> pipeline;  // every stage run once
    Layout laid_out;                     // the layout before the text step
    std::unique_ptr<Analyzer> analyzer;  // made on first use
};

Loaded& load(const std::string& path) {
    static Loaded loaded;
    if (loaded.path == path) return loaded;
    loaded = Loaded{};
    loaded.path = path;
    loaded.input = read_file(path);
    bench::check_same_as_analyze(loaded.input);
    loaded.pipeline = std::make_unique<Pipeline>();
    Pipeline& p = *loaded.pipeline;
    p.read(loaded.input);
    p.layout();
    loaded.laid_out = p.analysis.layout;
    p.terms();
    p.classify();
    p.link();
    p.rank_score();
    p.build_report();
    p.serialise();
    return loaded;
}

// One step of the pipeline, repeated with the steps before it already done.
template <typename Step>
void stage(benchmark::State& state, const std::string& path, Step step) {
    Loaded& loaded = load(path);
    for (auto _ : state) step(loaded);
    state.counters["notes"] = static_cast<double>(loaded.pipeline->board.notes.size());
}

void add_stage(const std::string& name, const std::string& path,
               void (*step)(Loaded&)) {
    benchmark::RegisterBenchmark(("stage/" + name + "/" + label_of(path)).c_str(),
                                 [path, step](benchmark::State& state) { stage(state, path, step); })
        ->Unit(benchmark::kMillisecond);
}

// The text step changes the layout it works on: each run starts from a copy
// of the layout before it, made with the clock stopped.
void classify(benchmark::State& state, const std::string& path) {
    Loaded& loaded = load(path);
    for (auto _ : state) {
        state.PauseTiming();
        loaded.pipeline->analysis.layout = loaded.laid_out;
        state.ResumeTiming();
        loaded.pipeline->classify();
    }
}

// Edits one note in the middle of the board, back and forth between two texts,
// and asks the Analyzer for what a host asks after an edit: the report, its
// JSON, or the delta a Live host asks for (changes_json()).
enum class Answer { report, report_json, delta };

void incremental(benchmark::State& state, const std::string& path, Answer answer) {
    Loaded& loaded = load(path);
    if (!loaded.analyzer) loaded.analyzer = std::make_unique<Analyzer>(loaded.pipeline->board);
    Analyzer& analyzer = *loaded.analyzer;
    analyzer.changes();
    Note note = analyzer.board().notes[analyzer.board().notes.size() / 2];
    const std::string texts[2] = {note.text + " faster", note.text};
    std::size_t turn = 0;
    for (auto _ : state) {
        note.text = texts[turn++ % 2];
        analyzer.upsert_note(note);
        if (answer == Answer::report) benchmark::DoNotOptimize(analyzer.report());
        else if (answer == Answer::report_json) benchmark::DoNotOptimize(analyzer.report_json());
        else benchmark::DoNotOptimize(analyzer.changes_json());
    }
}

std::string replaced_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// What a Live host does after an edit, in any format: hands the whole board
// as it now is to update() and asks for the delta. One note's text in the
// middle of the board changes back and forth, wherever the file holds it
// (Excalidraw keeps "text" and "originalText", Miro wraps it in HTML). A few
// notes are tried for one whose text the file holds as it is.
void live_update(benchmark::State& state, const std::string& path) {
    Loaded& loaded = load(path);
    const std::vector<Note>& notes = loaded.pipeline->board.notes;
    if (notes.size() > 10000) {  // seconds an update: it would triple the full run
        state.SkipWithError("Live is timed on boards of up to 10,000 notes");
        return;
    }
    std::string edited = loaded.input;
    for (std::size_t k = 0; k < std::min<std::size_t>(notes.size(), 20) && edited == loaded.input; ++k) {
        const std::string& text = notes[(notes.size() / 2 + k) % notes.size()].text;
        if (text.size() < 8 || text.find_first_of("\"\\\n<>&") != std::string::npos) continue;
        edited = replaced_all(loaded.input, text, text + " faster");
    }
    if (edited == loaded.input) {
        state.SkipWithError("no note text found to edit");
        return;
    }
    Analyzer analyzer = Analyzer::from_text(loaded.input);
    analyzer.changes();
    const std::string* inputs[2] = {&edited, &loaded.input};
    std::size_t turn = 0;
    for (auto _ : state) {
        analyzer.update_from_text(*inputs[turn++ % 2]);
        benchmark::DoNotOptimize(analyzer.changes_json());
    }
}

// The raw text of each element of an Excalidraw scene's "elements".
std::vector<std::string_view> element_texts(const std::string& scene) {
    const json_pull::Document document = json_pull::Document::scan(scene);
    std::vector<std::string_view> texts;
    if (!document.contains("elements")) return texts;
    json_pull::Reader elements = document.member("elements");
    elements.begin_array();
    while (elements.next_item()) {
        elements.peek();
        const std::size_t start = elements.offset();
        elements.skip_value();
        texts.push_back(std::string_view(scene).substr(start, elements.offset() - start));
    }
    return texts;
}

// Live on Excalidraw as the demo's shell does it: only the element an edit
// changed goes to the Analyzer (update_elements), here a note's bound text
// in the middle of the scene, reworded back and forth.
void live_elements(benchmark::State& state, const std::string& path) {
    Loaded& loaded = load(path);
    const std::vector<std::string_view> elements = element_texts(loaded.input);
    std::string original, edited;
    for (std::size_t k = 0; k < elements.size() && edited.empty(); ++k) {
        const std::string element(elements[(elements.size() / 2 + k) % elements.size()]);
        const std::size_t key = element.find("\"originalText\"");
        const bool bound = element.find("\"containerId\":\"") != std::string::npos ||
                           element.find("\"containerId\": \"") != std::string::npos;
        if (!bound || key == std::string::npos) continue;
        original = "{\"upsert\":[" + element + "]}";
        edited = original;
        const std::size_t value = edited.find('"', edited.find(':', edited.find("\"originalText\"")));
        edited.insert(value + 1, "Faster: ");
    }
    if (edited.empty()) {
        state.SkipWithError("no bound text found to edit");
        return;
    }
    Analyzer analyzer = Analyzer::from_text(loaded.input);
    analyzer.changes();
    const std::string* edits[2] = {&edited, &original};
    std::size_t turn = 0;
    for (auto _ : state) {
        analyzer.update_elements(*edits[turn++ % 2]);
        benchmark::DoNotOptimize(analyzer.changes_json());
    }
}

void register_board(const std::string& path) {
    if (is_canvasfit_board(path)) {
        add_stage("read", path, [](Loaded& l) { benchmark::DoNotOptimize(read_board(l.input)); });
        add_stage("layout", path,
                  [](Loaded& l) { benchmark::DoNotOptimize(classify_layout(l.pipeline->board)); });
        benchmark::RegisterBenchmark(("stage/classify/" + label_of(path)).c_str(),
                                     [path](benchmark::State& state) { classify(state, path); })
            ->Unit(benchmark::kMillisecond);
        add_stage("terms", path, [](Loaded& l) { l.pipeline->terms(); });
        add_stage("link", path, [](Loaded& l) { l.pipeline->link(); });
        add_stage("rank_score", path, [](Loaded& l) { l.pipeline->rank_score(); });
        add_stage("warnings", path,
                  [](Loaded& l) { benchmark::DoNotOptimize(l.pipeline->warnings()); });
        add_stage("report", path, [](Loaded& l) { l.pipeline->build_report(); });
        add_stage("serialise", path, [](Loaded& l) { l.pipeline->serialise(); });
        for (const auto& [name, answer] : {std::pair{"incremental/", Answer::report},
                                           std::pair{"incremental_json/", Answer::report_json},
                                           std::pair{"incremental_delta/", Answer::delta}})
            benchmark::RegisterBenchmark((name + label_of(path)).c_str(),
                                         [path, answer = answer](benchmark::State& state) {
                                             incremental(state, path, answer);
                                         })
                ->Unit(benchmark::kMillisecond);
    } else {
        add_stage("read", path, [](Loaded& l) { benchmark::DoNotOptimize(read_board(l.input)); });
    }
    benchmark::RegisterBenchmark(("live_update/" + label_of(path)).c_str(),
                                 [path](benchmark::State& state) { live_update(state, path); })
        ->Unit(benchmark::kMillisecond);
    if (!is_canvasfit_board(path) && path.find(".excalidraw") != std::string::npos)
        benchmark::RegisterBenchmark(("live_elements/" + label_of(path)).c_str(),
                                     [path](benchmark::State& state) { live_elements(state, path); })
            ->Unit(benchmark::kMillisecond);
    add_stage("end_to_end", path, [](Loaded& l) {
        benchmark::DoNotOptimize(report_to_json(analyze_text(l.input)));
    });
}

// kB from /proc/self/status ("VmRSS", "VmHWM").
long status_kb(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::size_t length = std::strlen(field);
    while (std::getline(status, line))
        if (line.compare(0, length, field) == 0 && line[length] == ':')
            return std::stol(line.substr(length + 1));
    return -1;
}

// One analysis in this fresh process: the input is read first, then the peak
// is what the analysis and its report added on top.
int measure_memory(const std::string& path) {
    const std::string input = read_file(path);
    const long before = status_kb("VmRSS");
    const std::string json = report_to_json(analyze_text(input));
    const long peak = status_kb("VmHWM");
    std::cout << "{\"board\": \"" << label_of(path) << "\", \"input_bytes\": " << input.size()
              << ", \"rss_before_kb\": " << before << ", \"peak_rss_kb\": " << peak
              << ", \"report_bytes\": " << json.size() << "}\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<char*> passed{argv[0]};
    std::vector<std::string> boards;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if (arg.rfind("--memory=", 0) == 0) return measure_memory(arg.substr(9));
            if (arg.rfind("--board=", 0) == 0) boards.push_back(arg.substr(8));
            else passed.push_back(argv[i]);
        }
        if (boards.empty()) {
            std::cerr << "usage: canvasfit_bench --board=FILE [--board=FILE...] [benchmark flags]\n"
                         "       canvasfit_bench --memory=FILE\n";
            return 2;
        }
        for (const std::string& path : boards) register_board(path);
        int count = static_cast<int>(passed.size());
        benchmark::Initialize(&count, passed.data());
        if (benchmark::ReportUnrecognizedArguments(count, passed.data())) return 2;
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
    } catch (const std::exception& e) {
        std::cerr << "canvasfit_bench: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

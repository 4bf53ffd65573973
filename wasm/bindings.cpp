// Embind bindings: the only file that knows about Emscripten. Nothing throws
// across the boundary (a C++ exception would reach JS as a bare number):
// every call returns text, and failures return {"schema":"canvasfit.error/1",...}.
#include <emscripten/bind.h>
#include <malloc.h>

#include <exception>
#include <string>

#include "canvasfit/analyze.hpp"
#include "canvasfit/errors.hpp"

namespace {

// Runs `produce` and turns any exception into the error JSON.
template <typename Produce>
std::string guarded(Produce produce) {
    try {
        return produce();
    } catch (const canvasfit::InputError& e) {
        return canvasfit::error_to_json(e.where(), e.what());
    } catch (const std::bad_alloc&) {
        return canvasfit::error_to_json("memory", "out of memory while analysing the board");
    } catch (const std::exception& e) {
        return canvasfit::error_to_json("internal", std::string("internal error: ") + e.what());
    }
}

std::string analyze_json(const std::string& board_json, const std::string& options_json) {
    return guarded([&] {
        const canvasfit::AnalyzeOptions options = canvasfit::parse_options(options_json);
        return canvasfit::report_to_json(canvasfit::analyze_text(board_json, options));
    });
}

// The report for people: format is "text" or "markdown".
std::string render(const std::string& board_json, const std::string& options_json,
                   const std::string& format) {
    return guarded([&] {
        const canvasfit::AnalyzeOptions options = canvasfit::parse_options(options_json);
        if (format != "text" && format != "markdown")
            throw canvasfit::InputError("format", "unknown format '" + format + "' (expected text or markdown)");
        const canvasfit::Report report = canvasfit::analyze_text(board_json, options);
        return format == "text" ? canvasfit::report_to_text(report) : canvasfit::report_to_markdown(report);
    });
}

std::string version_string() { return canvasfit::version(); }

// Bytes allocated on the wasm heap, so JS tests can check that calls do not leak.
double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(canvasfit) {
    emscripten::function("analyze", &analyze_json);
    emscripten::function("render", &render);
    emscripten::function("version", &version_string);
    emscripten::function("heapBytesInUse", &heap_bytes_in_use);
}

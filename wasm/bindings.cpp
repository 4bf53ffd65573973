// Embind bindings: the only file that knows about Emscripten. Nothing throws
// across the boundary (a C++ exception would reach JS as a bare number):
// every call returns JSON, either a report or {"schema":"canvasfit.error/1",...}.
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include "canvasfit/analyze.hpp"
#include "canvasfit/errors.hpp"

namespace {

std::string analyze_json(const std::string& board_json, const std::string& options_json) {
    try {
        const canvasfit::AnalyzeOptions options = canvasfit::parse_options(options_json);
        return canvasfit::report_to_json(canvasfit::analyze_text(board_json, options));
    } catch (const canvasfit::InputError& e) {
        return canvasfit::error_to_json(e.where(), e.what());
    } catch (const std::bad_alloc&) {
        return canvasfit::error_to_json("memory", "out of memory while analysing the board");
    } catch (const std::exception& e) {
        return canvasfit::error_to_json("internal", std::string("internal error: ") + e.what());
    }
}

std::string version_string() { return canvasfit::version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(canvasfit) {
    emscripten::function("analyze", &analyze_json);
    emscripten::function("version", &version_string);
}

// Gap warnings (docs/report.md lists the codes).
#include "canvasfit/engine.hpp"

namespace canvasfit {

std::vector<Warning> find_warnings(const BoardAnalysis& analysis) {
    (void)analysis;
    return {};
}

}  // namespace canvasfit

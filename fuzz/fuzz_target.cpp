// One libFuzzer target per fuzz::Target: CMake compiles this file once for
// each, with CANVASFIT_FUZZ_TARGET naming it (fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using canvasfit::fuzz::Target;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string problem = canvasfit::fuzz::run_one(Target::CANVASFIT_FUZZ_TARGET, input);
    if (!problem.empty()) {
        std::fprintf(stderr, "invariant broken: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}

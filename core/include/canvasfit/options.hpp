// What a caller may tell the analysis besides the board: the input format, the
// file name shown in errors, and the links the facilitator answered.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "canvasfit/readers.hpp"

namespace canvasfit {

// Pairs the facilitator answered: {from, to} note ids, from a reliever,
// creator or product to a pain, gain or job (docs/report.md, "Options").
struct LinkDecisions {
    std::vector<std::pair<std::string, std::string>> confirmed;  // links of source "confirmed"
    std::vector<std::pair<std::string, std::string>> rejected;   // never text or suggested links
    // Notes the facilitator says nothing else links: a pain, gain or job no
    // value-map note addresses, a reliever, creator or product that addresses
    // nothing. The wording links them no more; connectors and confirmed pairs
    // still count. A row that nothing then reaches is unaddressed, a value-map
    // note an orphan: the team's answer to a what-addresses or
    // what-does-it-address question.
    std::vector<std::string> unlinked;
    // A measurement aid (scripts/measure_judgment.py --dump-candidates): report
    // every text candidate above the strength floor, whatever its confidence.
    bool list_all_candidates = false;
};

struct AnalyzeOptions {
    InputFormat format = InputFormat::automatic;
    std::string source;  // file name shown in errors and the report, "" if none
    LinkDecisions links = {};
};

}  // namespace canvasfit

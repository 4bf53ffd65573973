// Fit: priority-weighted coverage (docs/fit.md).
//   weight(n)   = priority(n) / sum of the priorities in n's section
//   covered(n)  = 1 if at least one link reaches n, else 0
//   pains fit   = sum over pains of weight * covered      (gains and jobs alike)
//   overall     = mean of pains fit and gains fit (either alone if the other is empty)
//   verdict     = "weak" below 0.5, "good" from 0.5 to 0.7, "strong" above 0.7,
//                 the 50-70 % target band of the Value Proposition Canvas method.
// A link either addresses a note or not: strength decides whether a text link
// exists at all (linking.cpp), not how much of a pain it relieves, so that the
// score reads as "share of what matters that the offer addresses".
#include <cmath>
#include <unordered_map>

#include "canvasfit/engine.hpp"

namespace canvasfit {

namespace {

constexpr double kTargetLow = 0.5;
constexpr double kTargetHigh = 0.7;

double round3(double value) { return std::round(value * 1000) / 1000; }

using LinksByTarget = std::unordered_map<NoteIndex, std::vector<NoteIndex>>;

std::optional<double> coverage_of(const std::vector<NoteIndex>& section,
                                  const std::vector<Priority>& priorities,
                                  const LinksByTarget& links, std::vector<Coverage>& detail) {
    if (section.empty()) return std::nullopt;
    double total = 0;
    for (NoteIndex note : section) total += priorities[note].priority;
    double covered = 0;
    for (NoteIndex note : section) {
        Coverage coverage;
        coverage.note = note;
        coverage.weight = total > 0 ? priorities[note].priority / total : 1.0 / section.size();
        if (const auto found = links.find(note); found != links.end()) coverage.covered_by = found->second;
        if (!coverage.covered_by.empty()) covered += coverage.weight;
        coverage.weight = round3(coverage.weight);
        detail.push_back(std::move(coverage));
    }
    return round3(covered);
}

std::string verdict_for(double overall) {
    if (overall < kTargetLow) return "weak";
    if (overall <= kTargetHigh) return "good";
    return "strong";
}

}  // namespace

Fit score_fit(const CanvasNotes& notes, const std::vector<Priority>& priorities,
              const std::vector<Link>& links) {
    LinksByTarget by_target;
    for (const Link& link : links) by_target[link.to].push_back(link.from);
    Fit fit;
    fit.pains = coverage_of(notes.of(Section::pains), priorities, by_target, fit.pain_coverage);
    fit.gains = coverage_of(notes.of(Section::gains), priorities, by_target, fit.gain_coverage);
    fit.jobs = coverage_of(notes.of(Section::jobs), priorities, by_target, fit.job_coverage);
    if (fit.pains && fit.gains) fit.overall = round3((*fit.pains + *fit.gains) / 2);
    else if (fit.pains) fit.overall = fit.pains;
    else if (fit.gains) fit.overall = fit.gains;
    if (fit.overall) fit.verdict = verdict_for(*fit.overall);
    return fit;
}

}  // namespace canvasfit

// Fit: priority-weighted coverage of what CanvasFit decided (docs/report.md).
//   weight(n)   = priority(n) / sum of the priorities in n's section
//   status(n)   = covered      a counted link (connector, confirmed, text) reaches n
//                 unaddressed  nothing reaches n, and the canvas decides gaps (below)
//                 question     only a suggestion reaches n, or the canvas cannot tell
//   pains fit   = sum of covered weights / sum of decided weights (gains and jobs alike)
//   overall     = mean of pains fit and gains fit (either alone if the other is undecided)
//   verdict     = "weak" below 0.5, "good" from 0.5 to 0.7, "strong" above 0.7,
//                 the 50-70 % target band of the Value Proposition Canvas method.
// Rows under a question are left out of both sides of the ratio, so a
// question never moves the score; fit.undecided says how much was left out.
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
// A canvas whose wording links at least this share of its pains and gains
// writes its value map as answers to its profile: there, a pain that nothing
// reaches is unaddressed (a finding). Below it, a missing link may be world
// knowledge the text does not spell out, so it is a question (docs/judgment.md).
constexpr double kWrittenOutShare = 0.8;

double round3(double value) { return std::round(value * 1000) / 1000; }

struct TargetLinks {
    std::vector<NoteIndex> counted, suggested;
    bool by_text_only = true;  // no connector or confirmed pair among the counted links
};
using LinksByTarget = std::unordered_map<NoteIndex, TargetLinks>;

struct SectionScore {
    std::optional<double> fit;  // none when nothing in the section is decided
    double total = 0, covered = 0, undecided = 0, unconfirmed = 0;  // weights, unrounded
};

SectionScore coverage_of(const std::vector<NoteIndex>& section, const std::vector<Priority>& priorities,
                         const LinksByTarget& links, bool decides_gaps, std::vector<Coverage>& detail) {
    SectionScore score;
    if (section.empty()) return score;
    double sum = 0;
    for (NoteIndex note : section) sum += priorities[note].priority;
    double decided = 0;
    for (NoteIndex note : section) {
        Coverage coverage;
        coverage.note = note;
        const double weight = sum > 0 ? priorities[note].priority / sum : 1.0 / section.size();
        bool text_only = false;
        if (const auto found = links.find(note); found != links.end()) {
            coverage.covered_by = found->second.counted;
            coverage.suggested = found->second.suggested;
            text_only = found->second.by_text_only;
        }
        if (!coverage.covered_by.empty()) coverage.status = RowStatus::covered;
        else if (coverage.suggested.empty() && decides_gaps) coverage.status = RowStatus::unaddressed;
        else coverage.status = RowStatus::question;
        score.total += weight;
        if (coverage.status == RowStatus::question) {
            score.undecided += weight;
        } else {
            decided += weight;
            if (coverage.status == RowStatus::covered) {
                score.covered += weight;
                if (text_only) score.unconfirmed += weight;
            }
        }
        coverage.weight = round3(weight);
        detail.push_back(std::move(coverage));
    }
    if (decided > 0) score.fit = round3(score.covered / decided);
    return score;
}

std::string verdict_for(double overall) {
    if (overall < kTargetLow) return "weak";
    if (overall <= kTargetHigh) return "good";
    return "strong";
}

LinksByTarget links_by_target(const std::vector<Link>& links) {
    LinksByTarget by_target;
    for (const Link& link : links) {
        TargetLinks& target = by_target[link.to];
        if (!link.counts()) {
            target.suggested.push_back(link.from);
            continue;
        }
        target.counted.push_back(link.from);
        if (link.source != LinkSource::text) target.by_text_only = false;
    }
    return by_target;
}

// Whether a pain or gain that nothing reaches is unaddressed on this canvas:
// the team links by hand (a connector or a confirmed pair), or the wording
// links most of its profile.
bool decides_gaps(const CanvasNotes& notes, const std::vector<Link>& links,
                  const LinksByTarget& by_target) {
    for (const Link& link : links)
        if (link.source == LinkSource::connector || link.source == LinkSource::confirmed) return true;
    std::size_t rows = 0, covered = 0;
    for (Section section : {Section::pains, Section::gains})
        for (NoteIndex note : notes.of(section)) {
            ++rows;
            const auto found = by_target.find(note);
            if (found != by_target.end() && !found->second.counted.empty()) ++covered;
        }
    return rows > 0 && covered >= kWrittenOutShare * rows;
}

}  // namespace

Fit score_fit(const CanvasNotes& notes, const std::vector<Priority>& priorities,
              const std::vector<Link>& links) {
    const LinksByTarget by_target = links_by_target(links);
    Fit fit;
    fit.decides_gaps = decides_gaps(notes, links, by_target);
    const SectionScore pains =
        coverage_of(notes.of(Section::pains), priorities, by_target, fit.decides_gaps, fit.pain_coverage);
    const SectionScore gains =
        coverage_of(notes.of(Section::gains), priorities, by_target, fit.decides_gaps, fit.gain_coverage);
    const SectionScore jobs =
        coverage_of(notes.of(Section::jobs), priorities, by_target, fit.decides_gaps, fit.job_coverage);
    fit.pains = pains.fit;
    fit.gains = gains.fit;
    fit.jobs = jobs.fit;
    if (fit.pains && fit.gains) fit.overall = round3((*fit.pains + *fit.gains) / 2);
    else if (fit.pains) fit.overall = fit.pains;
    else if (fit.gains) fit.overall = fit.gains;
    if (fit.overall) fit.verdict = verdict_for(*fit.overall);
    // Shares over the profile's pains and gains, each section weighing as in the overall score.
    const int sections = (pains.total > 0) + (gains.total > 0);
    if (sections > 0) {
        fit.undecided = round3((pains.undecided + gains.undecided) / sections);
        const double covered = pains.covered + gains.covered;
        if (covered > 0) fit.unconfirmed = round3((pains.unconfirmed + gains.unconfirmed) / covered);
    }
    return fit;
}

}  // namespace canvasfit

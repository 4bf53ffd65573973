// How likely a text candidate is a real link: a logistic model over what the
// linker knows of the pair, trained by scripts/train_link_confidence.py on
// candidates with known answers and compiled in (link_confidence_model.inc).
// The answer is an integer percent read off a table of logit thresholds, so
// native and wasm builds agree to the bit (docs/judgment.md).
#pragma once

#include <array>
#include <cstddef>

namespace canvasfit::link_confidence {

// What the model reads of one candidate; every value is as reported (strength
// rounded to three decimals), so the training script can recompute them from
// a report.
struct Features {
    double strength = 0;        // the linker's strength, 0..1
    double share_of_query = 0;  // strength / the best strength of the value-map note's candidates
    double share_of_target = 0; // strength / the best strength reaching the target
    bool best_of_query = false; // the value-map note's strongest candidate (ties included)
    bool best_of_target = false;
    int shared_terms = 0;       // words both notes use
    bool related_only = false;  // no shared word, only a lexicon family
    bool explicit_ref = false;  // the value-map note names the target's id ("-> P2")
    bool shared_tag = false;    // both notes carry the same host tag
    bool gains_rule = false;    // creator -> gain
    bool jobs_rule = false;     // product -> job
    int query_candidates = 0;   // candidates the value-map note has
    // The same place in lists written side by side, on a canvas whose other
    // clearest pairs line up too (linking.cpp, list_positions). Position alone
    // is not a feature: on a canvas not written in parallel it is chance.
    bool parallel_lists = false;
};

constexpr std::size_t kFeatureCount = 14;
std::array<double, kFeatureCount> vector_of(const Features& features);

// Calibrated probability in percent, 1..99. A reference by id is the
// author's own pairing, like a connector: at least kReferencedPercent.
int percent(const Features& features);
constexpr int kReferencedPercent = 95;

// From this percent a candidate counts as a text link (a finding): the
// trained bar, chosen so that the candidates at or above it were real links
// at least 92 % of the time on held-back canvases. Each link keeps its own
// calibrated percent, so one at 0.76 says so.
int counted_percent();

}  // namespace canvasfit::link_confidence

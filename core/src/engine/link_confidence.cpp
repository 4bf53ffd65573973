#include "engine/link_confidence.hpp"

#include <algorithm>
#include <iterator>

namespace canvasfit::link_confidence {

namespace {
#include "engine/link_confidence_model.inc"
}  // namespace

std::array<double, kFeatureCount> vector_of(const Features& f) {
    return {f.strength,
            f.share_of_query,
            f.share_of_target,
            f.best_of_query ? 1.0 : 0.0,
            f.best_of_target ? 1.0 : 0.0,
            std::min(f.shared_terms, 3) / 3.0,
            f.related_only ? 1.0 : 0.0,
            f.explicit_ref ? 1.0 : 0.0,
            f.shared_tag ? 1.0 : 0.0,
            f.gains_rule ? 1.0 : 0.0,
            f.jobs_rule ? 1.0 : 0.0,
            std::min(f.query_candidates, 5) / 5.0,
            f.best_of_query && f.best_of_target ? 1.0 : 0.0,
            f.parallel_lists ? 1.0 : 0.0};
}

int percent(const Features& features) {
    const std::array<double, kFeatureCount> x = vector_of(features);
    double logit = kBias;
    for (std::size_t i = 0; i < kFeatureCount; ++i) logit += kWeights[i] * x[i];
    // kThresholds[p - 1] is the logit of p - 0.5 %: the model's percent is how
    // many thresholds the logit reaches, so no exp() decides anything; the
    // isotonic table then maps it to the share of real links observed there.
    const auto reached = std::upper_bound(std::begin(kThresholds), std::end(kThresholds), logit);
    const int raw = std::clamp(static_cast<int>(reached - std::begin(kThresholds)), 1, 99);
    const int percent = std::clamp(kCalibrated[raw], 1, 99);
    return features.explicit_ref ? std::max(percent, kReferencedPercent) : percent;
}

int counted_percent() { return kCountedPercent; }

}  // namespace canvasfit::link_confidence

// Field-by-field equality of the report's objects (same_report_items.hpp).
#include "report/same_report_items.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>

namespace canvasfit {

namespace {

// Mirrors of the report's structs. A field added to one of them changes its
// size and stops the build here, so that the comparisons below learn about it
// (a field they missed would hide a change from every Live host).
struct CoverageFields {
    std::string note;
    double weight;
    std::vector<std::string> covered_by;
    std::string status;
};
static_assert(sizeof(CoverageFields) == sizeof(CoverageReport), "CoverageReport changed");
struct FitFields {
    std::optional<double> pains, gains, jobs, overall;
    std::string verdict;
    double undecided, unconfirmed;
    std::optional<std::pair<double, double>> range;
    std::vector<CoverageReport> pains_detail, gains_detail, jobs_detail;
};
static_assert(sizeof(FitFields) == sizeof(FitReport), "FitReport changed");
struct ValueFields {
    std::string segment_type;
    std::optional<std::string> dominant_type;
    std::vector<std::pair<std::string, int>> types;
    std::optional<std::string> key_metric;
    std::vector<std::string> drivers;
};
static_assert(sizeof(ValueFields) == sizeof(ValueReport), "ValueReport changed");
struct CriterionFields {
    std::string name;
    std::optional<std::string> driver;
    double weight;
};
static_assert(sizeof(CriterionFields) == sizeof(CriterionReport), "CriterionReport changed");
struct AlternativeFields {
    std::string name;
    std::vector<std::pair<std::string, double>> scores;
    std::optional<double> weighted;
    std::string note;
};
static_assert(sizeof(AlternativeFields) == sizeof(AlternativeReport), "AlternativeReport changed");
struct PriceValueFields {
    std::string name;
    std::optional<double> price, value;
};
static_assert(sizeof(PriceValueFields) == sizeof(PriceValueReport), "PriceValueReport changed");
struct CompetitorsFields {
    std::vector<CriterionReport> criteria;
    std::vector<AlternativeReport> alternatives;
    std::vector<PriceValueReport> price_value_map;
};
static_assert(sizeof(CompetitorsFields) == sizeof(CompetitorsReport), "CompetitorsReport changed");
struct CanvasFields {
    std::string id, title;
    std::optional<std::string> segment;
    std::vector<std::vector<std::string>> sections;
    FitReport fit;
    ValueReport value;
    std::optional<CompetitorsReport> competitors;
};
static_assert(sizeof(CanvasFields) == sizeof(CanvasReport), "CanvasReport changed");
struct NoteFields {
    std::string id, text;
    std::optional<std::string> canvas;
    Section section;
    Placement via;
    double confidence;
    std::optional<int> rank;
    std::optional<double> priority;
    std::optional<std::string> cue;
    int votes;
    std::optional<std::string> value_type;
};
static_assert(sizeof(NoteFields) == sizeof(NoteReport), "NoteReport changed");
struct LinkFields {
    std::string from, to;
    double strength;
    std::string via;
    std::vector<std::string> evidence;
    std::string source;
    double confidence;
};
static_assert(sizeof(LinkFields) == sizeof(LinkReport), "LinkReport changed");
struct QuestionFields {
    std::string code;
    std::optional<std::string> canvas;
    std::vector<std::string> notes, candidates;
    double confidence;
    std::string message;
};
static_assert(sizeof(QuestionFields) == sizeof(Question), "Question changed");
struct WarningFields {
    std::string code;
    Severity severity;
    std::vector<std::string> notes;
    std::optional<std::string> canvas;
    std::string message;
};
static_assert(sizeof(WarningFields) == sizeof(Warning), "Warning changed");

// Declared first: the templates below call them for their elements.
bool same(double a, double b);
bool same(int a, int b);
bool same(const CoverageReport& a, const CoverageReport& b);
bool same(const CriterionReport& a, const CriterionReport& b);
bool same(const AlternativeReport& a, const AlternativeReport& b);
bool same(const PriceValueReport& a, const PriceValueReport& b);
bool same(const CompetitorsReport& a, const CompetitorsReport& b);

bool same(double a, double b) {
    if (!std::isfinite(a) || !std::isfinite(b)) return !std::isfinite(a) && !std::isfinite(b);
    std::uint64_t x = 0, y = 0;
    std::memcpy(&x, &a, sizeof x);
    std::memcpy(&y, &b, sizeof y);
    return x == y;
}

bool same(const std::optional<double>& a, const std::optional<double>& b) {
    return a.has_value() == b.has_value() && (!a || same(*a, *b));
}

bool same_range(const std::optional<std::pair<double, double>>& a,
                const std::optional<std::pair<double, double>>& b) {
    return a.has_value() == b.has_value() && (!a || (same(a->first, b->first) && same(a->second, b->second)));
}

template <typename Number>
bool same(const std::pair<std::string, Number>& a, const std::pair<std::string, Number>& b) {
    return a.first == b.first && same(a.second, b.second);
}

template <typename T>
bool same(const std::optional<T>& a, const std::optional<T>& b) {
    return a.has_value() == b.has_value() && (!a || same(*a, *b));
}

template <typename T>
bool same(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i])) return false;
    return true;
}

bool same(int a, int b) { return a == b; }

bool same(const CoverageReport& a, const CoverageReport& b) {
    return a.note == b.note && same(a.weight, b.weight) && a.covered_by == b.covered_by &&
           a.status == b.status;
}

bool same(const FitReport& a, const FitReport& b) {
    return same(a.pains, b.pains) && same(a.gains, b.gains) && same(a.jobs, b.jobs) &&
           same(a.overall, b.overall) && a.verdict == b.verdict && same(a.undecided, b.undecided) &&
           same(a.unconfirmed, b.unconfirmed) && same_range(a.range, b.range) &&
           same(a.pains_detail, b.pains_detail) &&
           same(a.gains_detail, b.gains_detail) && same(a.jobs_detail, b.jobs_detail);
}

bool same(const ValueReport& a, const ValueReport& b) {
    return a.segment_type == b.segment_type && a.dominant_type == b.dominant_type &&
           same(a.types, b.types) && a.key_metric == b.key_metric && a.drivers == b.drivers;
}

bool same(const CriterionReport& a, const CriterionReport& b) {
    return a.name == b.name && a.driver == b.driver && same(a.weight, b.weight);
}

bool same(const AlternativeReport& a, const AlternativeReport& b) {
    return a.name == b.name && same(a.scores, b.scores) && same(a.weighted, b.weighted) &&
           a.note == b.note;
}

bool same(const PriceValueReport& a, const PriceValueReport& b) {
    return a.name == b.name && same(a.price, b.price) && same(a.value, b.value);
}

bool same(const CompetitorsReport& a, const CompetitorsReport& b) {
    return same(a.criteria, b.criteria) && same(a.alternatives, b.alternatives) &&
           same(a.price_value_map, b.price_value_map);
}

// Hashing: boost's combine step; numbers by what the report writes.
void mix(std::size_t& seed, std::size_t value) {
    seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}
void mix(std::size_t& seed, const std::string& text) { mix(seed, std::hash<std::string>{}(text)); }
void mix(std::size_t& seed, double number) {
    if (!std::isfinite(number)) return mix(seed, std::size_t{1});
    std::uint64_t bits = 0;
    std::memcpy(&bits, &number, sizeof bits);
    mix(seed, static_cast<std::size_t>(bits));
}
void mix(std::size_t& seed, const std::vector<std::string>& texts) {
    mix(seed, texts.size());
    for (const std::string& text : texts) mix(seed, text);
}
void mix(std::size_t& seed, const std::optional<std::string>& text) {
    mix(seed, std::size_t{text.has_value()});
    if (text) mix(seed, *text);
}

template <typename... Fields>
std::size_t hash_of(const Fields&... fields) {
    std::size_t seed = 0;
    (mix(seed, fields), ...);
    return seed;
}

}  // namespace

bool same_item(const CanvasReport& a, const CanvasReport& b) {
    return a.id == b.id && a.title == b.title && a.segment == b.segment &&
           a.sections == b.sections && same(a.fit, b.fit) && same(a.value, b.value) &&
           same(a.competitors, b.competitors);
}

bool same_item(const NoteReport& a, const NoteReport& b) {
    return a.id == b.id && a.text == b.text && a.canvas == b.canvas && a.section == b.section &&
           a.via == b.via && same(a.confidence, b.confidence) && a.rank == b.rank &&
           same(a.priority, b.priority) && a.cue == b.cue && a.votes == b.votes &&
           a.value_type == b.value_type;
}

bool same_item(const LinkReport& a, const LinkReport& b) {
    return a.from == b.from && a.to == b.to && same(a.strength, b.strength) && a.via == b.via &&
           a.evidence == b.evidence && a.source == b.source && same(a.confidence, b.confidence);
}

bool same_item(const Warning& a, const Warning& b) {
    return a.code == b.code && a.severity == b.severity && a.notes == b.notes &&
           a.canvas == b.canvas && a.message == b.message;
}

bool same_item(const Question& a, const Question& b) {
    return a.code == b.code && a.canvas == b.canvas && a.notes == b.notes &&
           a.candidates == b.candidates && same(a.confidence, b.confidence) && a.message == b.message;
}

std::size_t hash_item(const LinkReport& link) {
    return hash_of(link.from, link.to, link.strength, link.via, link.evidence, link.source,
                   link.confidence);
}

std::size_t hash_item(const Warning& warning) {
    return hash_of(warning.code, static_cast<std::size_t>(warning.severity), warning.notes,
                   warning.canvas, warning.message);
}

std::size_t hash_item(const Question& question) {
    return hash_of(question.code, question.canvas, question.notes, question.candidates,
                   question.confidence, question.message);
}

}  // namespace canvasfit

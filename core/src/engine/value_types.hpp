// Beyond the canvas (docs/value.md): what kind of value a canvas offers, to
// what kind of segment, which pains and gains drive the purchase, and how the
// alternatives on the board score against those drivers.
//   value types   each reliever and creator read as one of the ten
//                 value-proposition types (novelty ... access), or none
//   segment type  mass market, niche, multisided or segmented
//   drivers       the 4-8 highest-priority pains and gains
//   competitors   notes in a "Competitors" frame scored per criterion
//
// The per-canvas part (ValueProfile) is computed by analyze_canvas with the
// other per-canvas stages; the parts that read the layout or notes outside
// every section (segment type, competitors, warnings) are computed when the
// report is made (add_value_results), so a fresh and an incremental analysis
// agree by construction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "canvasfit/report.hpp"
#include "canvasfit/sections.hpp"

namespace canvasfit {

struct BoardAnalysis;
struct CanvasNotes;
struct Link;
struct Priority;

// The value-proposition types of the Business Model Canvas, as the seeds list
// them. Report names: "novelty", "performance", "customization", "design",
// "brand" (brand/status), "price", "cost-reduction", "risk-reduction",
// "convenience" (convenience/usability), "access", and "none".
enum class ValueType {
    novelty,
    performance,
    customization,
    design,
    brand,
    price,
    cost_reduction,
    risk_reduction,
    convenience,
    access,
    none,
};
constexpr std::size_t kValueTypeCount = 11;  // none included

const char* value_type_name(ValueType type);

// The type whose cues weigh most in `text`, "none" when no cue occurs.
// Phrases ("save time", "free trial") weigh 2 and consume their words, single
// words weigh 1 (a few ambiguous ones 0.5); a tie goes to the type whose
// first cue comes first in the text.
ValueType classify_value(std::string_view text);

// Price and cost reduction are one family (both are about money); every
// other type is a family of its own.
bool same_value_family(ValueType a, ValueType b);

// What to measure to see whether value of this type fits (docs/value.md),
// nullptr for none.
const char* key_metric_for(ValueType type);

enum class SegmentType { mass_market, niche, multisided, segmented, unknown };

// "mass-market", "niche", "multisided", "segmented", "unknown".
const char* segment_type_name(SegmentType type);

// segment_texts: the text of each segment note (or the title qualifier that
// names the segment); profile_terms: the content terms of the canvas's jobs,
// pains and gains, read only when the segment text alone is unclear.
SegmentType classify_segment(
    const std::vector<std::string_view>& segment_texts,
    const std::vector<const std::vector<std::string>*>& profile_terms = {});

// A value driver as the later report-time stages need it. It holds the note's
// id rather than its index: the incremental Analyzer renumbers indices when a
// note is removed, ids stay put.
struct ValueDriver {
    std::string note_id;  // a pain or a gain
    double priority = 0;
    ValueType type = ValueType::none;  // its value type, read like a reliever's
    std::vector<std::string> terms;    // its content terms
};

// The per-canvas part of the value stage.
struct ValueProfile {
    // Value types parallel to CanvasNotes::of(relievers) and of(creators).
    std::vector<ValueType> relievers, creators;
    std::optional<ValueType> dominant;  // none when no reliever or creator has a type
    std::vector<ValueDriver> drivers;   // most important first
};

// Indices (into `pains` and `gains`' note space) of the value drivers: pains
// and gains ordered by priority (ties: rank, then pains before gains, then
// board order), as many as have priority >= 0.5, at least 4 and at most 8,
// and never more than there are.
std::vector<std::size_t> value_drivers(const std::vector<std::size_t>& pains,
                                       const std::vector<std::size_t>& gains,
                                       const std::vector<Priority>& priorities);

// The value stage of one canvas (called by analyze_canvas).
ValueProfile profile_value(const BoardAnalysis& analysis, const CanvasNotes& notes,
                           const std::vector<Link>& links);

// --- Competitors (competitors.cpp) ---

// One note that scores an alternative: "Acme: speed 4, price 2",
// "Spreadsheets — accuracy 2/5, cost 5", "Us\nspeed 5\nprice 4". Scores are on
// a 0-5 scale: "4", "4.5", "4/5", "8/10", "80%", "★★★★☆".
struct ParsedCompetitor {
    std::string name;                                    // "" when none was found
    std::vector<std::pair<std::string, double>> scores;  // criterion (folded) -> 0..5
    std::vector<std::string> problems;                   // what could not be read
};
ParsedCompetitor parse_competitor_note(std::string_view text);

}  // namespace canvasfit

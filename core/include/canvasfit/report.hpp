// The analysis report (docs/report.md, schema "canvasfit.report/1").
// Later issues add fields; they never rename these.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "canvasfit/sections.hpp"

namespace canvasfit {

struct CoverageReport {
    std::string note;
    double weight = 0;
    std::vector<std::string> covered_by;
    std::string status;  // "covered" | "unaddressed" | "question" (docs/report.md, certainty)
};

struct FitReport {
    std::optional<double> pains, gains, jobs, overall;
    std::string verdict;  // "weak" | "good" | "strong" | "" when there is nothing to score
    double undecided = 0;    // share of the profile's weight under questions, left out of the score
    double unconfirmed = 0;  // share of the score resting on text links alone
    // overall once every question is answered: every open row a gap, or every
    // one addressed (docs/report.md); none when overall is none
    std::optional<std::pair<double, double>> range;
    std::vector<CoverageReport> pains_detail, gains_detail, jobs_detail;
};

// Value-proposition types, segment type and value drivers (docs/value.md).
struct ValueReport {
    std::string segment_type = "unknown";  // "mass-market" | "niche" | "multisided" | "segmented"
    std::optional<std::string> dominant_type;  // none when no reliever or creator has a type
    std::vector<std::pair<std::string, int>> types;  // type -> relievers and creators, fixed order
    std::optional<std::string> key_metric;         // what the dominant type calls to measure
    std::vector<std::string> drivers;              // note ids, most important first
};

struct CriterionReport {
    std::string name;
    std::optional<std::string> driver;  // the value driver it measures, if one matched
    double weight = 0;                  // sums to 1 over the criteria
};

struct AlternativeReport {
    std::string name;
    std::vector<std::pair<std::string, double>> scores;  // criterion -> 0..5, as written
    std::optional<double> weighted;                      // 0..5
    std::string note;                                    // the note it was read from
};

struct PriceValueReport {
    std::string name;
    std::optional<double> price;  // score on price / cost criteria
    std::optional<double> value;  // weighted score on the other criteria
};

struct CompetitorsReport {
    std::vector<CriterionReport> criteria;
    std::vector<AlternativeReport> alternatives;
    std::vector<PriceValueReport> price_value_map;
};

struct CanvasReport {
    std::string id;
    std::string title;                   // canvas container title, "" if none
    std::optional<std::string> segment;  // the segment's text, if the canvas names one
    std::vector<std::vector<std::string>> sections;  // note ids, indexed by Section (7 entries)
    FitReport fit;
    ValueReport value;
    std::optional<CompetitorsReport> competitors;  // none without a Competitors frame
};

struct NoteReport {
    std::string id;
    std::string text;
    std::optional<std::string> canvas;  // canvas id, none if outside every canvas
    Section section = Section::unknown;
    Placement via = Placement::none;
    double confidence = 0;
    std::optional<int> rank;          // jobs, pains and gains of a canvas; 1 = most important
    std::optional<double> priority;   // (n - rank + 1) / n
    std::optional<std::string> cue;   // "marker" | "tag" | "votes" | "order": what decided the rank
    int votes = 0;                    // dot-vote stickers on the note
    std::optional<std::string> value_type;  // relievers and creators: "performance"... or "none"
};

struct LinkReport {
    std::string from;  // reliever, creator or product
    std::string to;    // pain, gain or job
    double strength = 0;
    std::string via;                    // "connector" | "text"
    std::vector<std::string> evidence;  // shared or related terms, explicit references
    std::string source;                 // "connector" | "confirmed" | "text" | "suggested"
    double confidence = 1;              // calibrated probability that the pair is a link
};

// Something CanvasFit suspects but cannot know from the board: the facilitator
// answers it (docs/report.md, "Findings and questions").
struct Question {
    std::string code;  // "which-section" | "is-addressed" | "what-addresses" | ...
    std::optional<std::string> canvas;
    std::vector<std::string> notes;
    std::vector<std::string> candidates;  // note ids, or a section name for which-section
    double confidence = 0;
    std::string message;
};

enum class Severity { info, low, medium, high };
const char* severity_name(Severity severity);

struct Warning {
    std::string code;
    Severity severity = Severity::info;
    std::vector<std::string> notes;
    std::optional<std::string> canvas;
    std::string message;
};

struct Report {
    std::string source;  // file name, "" if none
    std::string format;  // board format that was read
    std::vector<CanvasReport> canvases;
    std::vector<NoteReport> notes;
    std::vector<LinkReport> links;
    std::vector<Warning> warnings;
    std::vector<Question> questions;
};

// What changed from one report of a board to the next (docs/report.md,
// "Deltas"): what a host needs to update its marks after an edit without
// reading the whole report. Objects are whole, as in the report; a changed
// link, warning or question is listed as removed (old) and added (new).
struct ReportDelta {
    std::string source, format;                 // as in the report (the same for one board)
    std::vector<CanvasReport> canvases;         // new or changed (sections, fit, value...)
    std::vector<std::string> canvases_removed;  // ids
    std::vector<NoteReport> notes;              // new or changed (section, rank, value type...)
    std::vector<std::string> notes_removed;     // ids
    std::vector<LinkReport> links_added, links_removed;
    std::vector<Warning> warnings_added, warnings_removed;
    std::vector<Question> questions_added, questions_removed;
    // Ids of the notes (still on the board) whose marks may change: changed
    // notes, ends of added or removed links, notes of added or removed warnings
    // and questions, rows whose coverage status changed. Sorted, unique.
    std::vector<std::string> touched;

    bool empty() const;
};

ReportDelta diff_reports(const Report& before, const Report& after);

// Serialisations. JSON is the contract; text and Markdown are for people.
std::string report_to_json(const Report& report);
// Takes a report's JSON text a piece at a time (report_to_json below,
// analyze_text_to_json in analyze.hpp).
using PieceWriter = std::function<void(const std::string& piece)>;
// The same text handed to `write_piece` in pieces of about a megabyte, each
// ending after a whole item (so each is valid UTF-8), for a caller that passes
// the report on and should not hold all of it at once: the wasm module, whose
// memory grows to its largest use and never shrinks (35 MB at 50,000 notes).
void report_to_json(const Report& report, const PieceWriter& write_piece);
std::string report_to_text(const Report& report);
std::string report_to_markdown(const Report& report);
std::string delta_to_json(const ReportDelta& delta);  // schema "canvasfit.delta/1"
// The one-page summary: one self-contained HTML page (inline CSS and SVG, no
// script, nothing fetched) with the fit per canvas, the fit matrix, the
// price/value map, the top pains and gains, findings and questions
// (docs/summary.md). Every text from the board is escaped.
std::string report_to_html(const Report& report);

// The JSON a failed analysis returns through the wasm API and `--format json`.
std::string error_to_json(const std::string& where, const std::string& message);

}  // namespace canvasfit

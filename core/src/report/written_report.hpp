// A report together with the JSON of every object in its lists, each written
// once. The Analyzer keeps the last report a host received in this form, so a
// delta (report_delta.cpp) writes only the new report instead of both.
#pragma once

#include <string>
#include <vector>

#include "canvasfit/report.hpp"

namespace canvasfit {

struct WrittenReport {
    Report report;
    // Parallel to report.canvases, .notes, .links, .warnings and .questions.
    std::vector<std::string> canvases, notes, links, warnings, questions;
};

WrittenReport written_report(Report report);

// What diff_reports(before.report, after.report) returns.
ReportDelta diff_written(const WrittenReport& before, const WrittenReport& after);

}  // namespace canvasfit

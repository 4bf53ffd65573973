// Small text helpers shared by the report's writers for people: the text and
// Markdown renderer (report_writers.cpp) and the HTML summary
// (summary_writer.cpp).
#pragma once

#include <optional>
#include <string>

#include "canvasfit/report.hpp"

namespace canvasfit::writer_text {

// The text with newlines and tabs folded to spaces, so that a note stays one line.
std::string one_line(const std::string& text);

// "62 %", or "-" when there is no figure.
std::string percent(const std::optional<double>& share);

// " Answered, the fit lies between 53 % and 100 %." when the open questions
// leave the fit a span (FitReport::range); "" otherwise.
std::string range_sentence(const FitReport& fit);

// The verdict as sure as the fit is: "strong" when every answer to the open
// questions leaves the fit in that band; "good or strong" or "weak to strong"
// when the answers decide the band (FitReport::range); "" without a score.
std::string verdict_words(const FitReport& fit);

}  // namespace canvasfit::writer_text

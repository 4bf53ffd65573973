// Small text helpers shared by the report's writers for people: the text and
// Markdown renderer (report_writers.cpp) and the HTML summary
// (summary_writer.cpp).
#pragma once

#include <optional>
#include <string>

namespace canvasfit::writer_text {

// The text with newlines and tabs folded to spaces, so that a note stays one line.
std::string one_line(const std::string& text);

// "62 %", or "-" when there is no figure.
std::string percent(const std::optional<double>& share);

}  // namespace canvasfit::writer_text

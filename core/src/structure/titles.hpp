// The titles people give canvases, sections and competitor areas on boards.
// Read by structure promotion, the layout, the text classifier and the
// competitor scores; the report only names sections (canvasfit/sections.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "canvasfit/sections.hpp"

namespace canvasfit {

// Recognises a section title as people write it on boards, ignoring case and
// punctuation: "Customer Jobs", "Jobs to be done", "Pain Relievers",
// "Products & Services", "GAINS:", "Gain creators (how we help)"...
// A title may carry a trailing qualifier after a separator ("Pains – parents").
std::optional<Section> section_from_title(std::string_view title);

// True for a container title that names a whole canvas rather than a section:
// "Value Proposition Canvas", "Canvas: Busy parents", "VPC 2".
bool is_canvas_title(std::string_view title);

// True for a heading over one half of the canvas or over its offer:
// "Customer Profile", "Value Map", "Value Proposition" (and their forms in
// the languages section titles are read in). Not a note and not a section.
bool is_side_title(std::string_view title);

// The qualifier after a canvas or section title, e.g. "Busy parents" in
// "Canvas – Busy parents"; "" if none.
std::string title_qualifier(std::string_view title);

// True for a container title such as "Competitors", "Alternatives",
// "Competition" or "Competitor scoring", ignoring case, punctuation and a
// trailing qualifier ("Competitors - 2024").
bool is_competitor_title(std::string_view title);

}  // namespace canvasfit

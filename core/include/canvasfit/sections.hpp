// The seven sections of a Value Proposition Canvas, how a note was placed in
// one, and the titles people give them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace canvasfit {

enum class Section { segment, jobs, pains, gains, products, relievers, creators, unknown };

constexpr Section kAllSections[] = {Section::segment,  Section::jobs,      Section::pains,
                                    Section::gains,    Section::products,  Section::relievers,
                                    Section::creators};

// How a note's section was decided (report name: "frame", "region", "text", "none").
enum class Placement { frame, region, text, none };
const char* placement_name(Placement placement);

// Report names: "segment", "jobs", ..., "unknown".
const char* section_name(Section section);
std::optional<Section> section_from_name(std::string_view name);

// Recognises a section title as people write it on boards, ignoring case and
// punctuation: "Customer Jobs", "Jobs to be done", "Pain Relievers",
// "Products & Services", "GAINS:", "Gain creators (how we help)"...
// A title may carry a trailing qualifier after a separator ("Pains – parents").
std::optional<Section> section_from_title(std::string_view title);

// True for a container title that names a whole canvas rather than a section:
// "Value Proposition Canvas", "Canvas: Busy parents", "VPC 2".
bool is_canvas_title(std::string_view title);

// The qualifier after a canvas or section title, e.g. "Busy parents" in
// "Canvas – Busy parents"; "" if none.
std::string title_qualifier(std::string_view title);

}  // namespace canvasfit

// The seven sections of a Value Proposition Canvas and how a note was placed in
// one. The titles people give them are read in structure/titles.hpp.
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

}  // namespace canvasfit

// Field-by-field equality (and a hash for the lists without ids) of the
// report's objects, for deltas (report_delta.cpp): equal fields write equal
// JSON, so a delta need not write an object to know it is unchanged.
//
// Numbers are equal when the report writes them the same: finite numbers bit
// for bit (0.0 and -0.0 are written differently), and any two non-finite
// numbers, which are both written as null.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "canvasfit/report.hpp"

namespace canvasfit {

bool same_item(const CanvasReport& a, const CanvasReport& b);
bool same_item(const NoteReport& a, const NoteReport& b);
bool same_item(const LinkReport& a, const LinkReport& b);
bool same_item(const Warning& a, const Warning& b);
bool same_item(const Question& a, const Question& b);

// Equal items hash equally.
std::size_t hash_item(const LinkReport& link);
std::size_t hash_item(const Warning& warning);
std::size_t hash_item(const Question& question);

}  // namespace canvasfit

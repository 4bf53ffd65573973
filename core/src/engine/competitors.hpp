// Competitor sheets (docs/value.md, "Competitors"): the notes inside frames
// titled "Competitors", "Alternatives"..., the canvas each sheet belongs to,
// and the alternatives' scores weighed by the canvas's value drivers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "engine/value_types.hpp"

namespace canvasfit {

struct CompetitorNote {
    std::string note_id;
    ParsedCompetitor parsed;
};

// Matches each criterion to a value driver (shared stems, else the same value
// family), weights the criteria by their drivers' priorities and scores every
// alternative that has at least one score.
CompetitorsReport score_competitors(const std::vector<CompetitorNote>& notes,
                                    const std::vector<ValueDriver>& drivers);

// Per canvas, the notes of its competitor sheets in board order; none for a
// canvas that has no sheet. A sheet is a container with a competitor title, or
// a shape note whose text is one; it belongs to the only canvas, else to the
// canvas whose sections enclose its centre, else to the nearest one. Its notes
// are the notes outside every section whose parent is the sheet or whose
// centre lies in it.
std::vector<std::optional<std::vector<NoteIndex>>> competitor_notes_by_canvas(
    const BoardAnalysis& analysis);

}  // namespace canvasfit

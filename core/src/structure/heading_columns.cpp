#include "structure/heading_columns.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace canvasfit {

namespace {

// How far a stack of notes may open up and still be one column: a share of
// the typical note's height.
constexpr double kLargestGapInAColumn = 1.5;

// The smallest container holding the note's centre, or none.
const Container* smallest_holding(const Rect& note, const std::vector<Container>& containers) {
    const Container* best = nullptr;
    for (const Container& c : containers)
        if (c.bounds.contains_center_of(note) && (!best || c.bounds.area() < best->bounds.area())) best = &c;
    return best;
}

// The half-width of the column under a heading: a short title ("Pains")
// heads a column as wide as the notes in it.
double half_width(const Rect& heading, double note_width) {
    return std::max(heading.width, note_width) / 2 + note_width / 2;
}

// The heading a note stands under: the nearest one above it whose column
// holds it; of headings in about the same row (within half a note's height
// of the nearest), the nearest across. None: -1.
int heading_over(const Rect& note, const Board& board, const std::vector<std::size_t>& headings,
                 std::pair<double, double> typical) {
    struct Candidate {
        int heading;
        double above, across;
    };
    std::vector<Candidate> candidates;
    for (std::size_t h = 0; h < headings.size(); ++h) {
        const Rect& heading = board.notes[headings[h]].bounds;
        if (heading.center_y() >= note.center_y()) continue;
        const double across = std::abs(note.center_x() - heading.center_x());
        if (across > half_width(heading, typical.first)) continue;
        candidates.push_back({static_cast<int>(h), note.center_y() - heading.center_y(), across});
    }
    if (candidates.empty()) return -1;
    double nearest_above = std::numeric_limits<double>::max();
    for (const Candidate& c : candidates) nearest_above = std::min(nearest_above, c.above);
    const Candidate* best = nullptr;
    for (const Candidate& c : candidates)
        if (c.above <= nearest_above + typical.second / 2 && (!best || c.across < best->across)) best = &c;
    return best->heading;
}

Rect union_of(const Rect& a, const Rect& b) {
    const double left = std::min(a.x, b.x), top = std::min(a.y, b.y);
    return {left, top, std::max(a.right(), b.right()) - left, std::max(a.bottom(), b.bottom()) - top};
}

}  // namespace

std::vector<Container> columns_under_headings(const Board& board, const std::vector<std::size_t>& headings,
                                              const std::vector<bool>& titles,
                                              std::pair<double, double> typical, const Container* scope) {
    std::vector<std::vector<const Rect*>> under(headings.size());
    for (std::size_t i = 0; i < board.notes.size(); ++i) {
        const Note& note = board.notes[i];
        if (titles[i] || note.text.empty()) continue;
        const int h = heading_over(note.bounds, board, headings, typical);
        if (h < 0 || smallest_holding(note.bounds, board.containers) != scope) continue;
        under[static_cast<std::size_t>(h)].push_back(&note.bounds);
    }
    std::vector<Container> columns;
    for (std::size_t h = 0; h < headings.size(); ++h) {
        const Note& heading = board.notes[headings[h]];
        std::vector<const Rect*>& stack = under[h];
        std::sort(stack.begin(), stack.end(), [](const Rect* a, const Rect* b) { return a->y < b->y; });
        Rect box = heading.bounds;
        for (const Rect* note : stack) {
            if (note->y - box.bottom() > kLargestGapInAColumn * typical.second) break;
            box = union_of(box, *note);
        }
        Container column;
        column.id = heading.id;
        column.title = heading.text;
        column.bounds = box;
        column.kind = ContainerKind::shape;
        column.parent = scope ? scope->id : "";
        columns.push_back(std::move(column));
    }
    return columns;
}

}  // namespace canvasfit

#include "canvasfit/containers.hpp"

#include <algorithm>
#include <cmath>

#include "canvasfit/sections.hpp"

namespace canvasfit {

namespace {

constexpr double kContainerSizeFactor = 2.0;  // a titled area is at least 2x a sticky each way
constexpr double kEnclosingSizeFactor = 1.5;  // an untitled area must still dwarf a sticky
constexpr double kMaxDotSize = 48;            // dot-vote stickers are small
constexpr double kDotToNoteAreaRatio = 0.25;  // ...and much smaller than the note they sit on

bool is_title_text(const std::string& text) {
    return section_from_title(text).has_value() || is_canvas_title(text);
}

double median(std::vector<double> values, double fallback) {
    if (values.empty()) return fallback;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

// The typical size of a note with text: what "clearly larger than a sticky" is measured against.
std::pair<double, double> typical_note_size(const Board& board) {
    std::vector<double> widths, heights;
    for (const Note& note : board.notes) {
        if (note.kind == NoteKind::text || note.text.empty()) continue;
        if (is_title_text(note.text)) continue;
        widths.push_back(note.bounds.width);
        heights.push_back(note.bounds.height);
    }
    return {median(widths, 100), median(heights, 100)};
}

bool encloses_smaller_note(const Note& shape, const Board& board) {
    for (const Note& other : board.notes) {
        if (&other == &shape || other.text.empty()) continue;
        if (other.bounds.area() * 2 <= shape.bounds.area() &&
            shape.bounds.contains_center_of(other.bounds))
            return true;
    }
    return false;
}

bool is_container_shape(const Note& note, const Board& board, std::pair<double, double> typical) {
    if (note.kind != NoteKind::shape) return false;
    const bool large = note.bounds.width >= kContainerSizeFactor * typical.first &&
                       note.bounds.height >= kContainerSizeFactor * typical.second;
    if (is_title_text(note.text) && large) return true;
    // Only shapes well above sticky size are searched, which keeps this cheap
    // on boards where every note is a shape (Excalidraw).
    const bool bigger_than_sticky = note.bounds.width >= kEnclosingSizeFactor * typical.first &&
                                    note.bounds.height >= kEnclosingSizeFactor * typical.second;
    return bigger_than_sticky && encloses_smaller_note(note, board);
}

bool is_dot_vote(const Note& note, const Board& board) {
    if (note.kind != NoteKind::shape || !note.text.empty()) return false;
    if (std::max(note.bounds.width, note.bounds.height) > kMaxDotSize) return false;
    for (const Note& other : board.notes)
        if (!other.text.empty() && note.bounds.overlaps(other.bounds) &&
            note.bounds.area() <= kDotToNoteAreaRatio * other.bounds.area())
            return true;
    return false;
}

// A free title text labels the smallest container it sits in, or the one just
// below it (hand-drawn templates often write the title above the box).
Container* container_labelled_by(const Note& label, std::vector<Container>& containers) {
    Container* best = nullptr;
    const double cx = label.bounds.center_x();
    for (Container& container : containers) {
        const Rect& box = container.bounds;
        const double gap_above = box.y - label.bounds.bottom();
        const bool just_above = gap_above >= 0 && gap_above <= std::max(label.bounds.height, 40.0) &&
                                cx >= box.x && cx <= box.right();
        if (!box.contains_center_of(label.bounds) && !just_above) continue;
        if (!best || box.area() < best->bounds.area()) best = &container;
    }
    return best;
}

Container to_container(const Note& shape) {
    Container container;
    container.id = shape.id;
    container.title = shape.text;
    container.bounds = shape.bounds;
    container.kind = ContainerKind::shape;
    container.parent = shape.parent;
    return container;
}

void apply_free_titles(Board& board, std::vector<Note>& notes) {
    std::vector<Note> kept;
    kept.reserve(notes.size());
    for (Note& note : notes) {
        if (note.kind != NoteKind::text || !is_title_text(note.text)) {
            kept.push_back(std::move(note));
            continue;
        }
        Container* container = container_labelled_by(note, board.containers);
        if (!container && is_canvas_title(note.text)) {
            // a heading over the whole board: nothing to mark out
        } else if (!container) {
            board.skipped.push_back({note.id, "", "title text '" + note.text +
                                                      "' is not inside a frame or shape, so it "
                                                      "cannot mark out a section"});
        } else if (container->title.empty() || !is_title_text(container->title)) {
            container->title = note.text;
        }
    }
    notes = std::move(kept);
}

}  // namespace

void promote_structure(Board& board) {
    const auto typical = typical_note_size(board);
    std::vector<Note> notes;
    notes.reserve(board.notes.size());
    for (Note& note : board.notes) {
        if (is_container_shape(note, board, typical)) {
            board.containers.push_back(to_container(note));
        } else if (is_dot_vote(note, board)) {
            board.markers.push_back({note.id, note.bounds, note.color});
        } else if (note.kind == NoteKind::shape && note.text.empty()) {
            // decoration: template lines, empty boxes; carries no idea
        } else {
            notes.push_back(note);
        }
    }
    apply_free_titles(board, notes);
    board.notes = std::move(notes);
}

}  // namespace canvasfit

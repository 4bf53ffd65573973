#include "structure/structure.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <set>
#include <unordered_map>

#include "canvasfit/sections.hpp"
#include "structure/drawn_sections.hpp"
#include "structure/heading_columns.hpp"
#include "structure/spatial_grid.hpp"
#include "structure/titles.hpp"

namespace canvasfit {

namespace {

constexpr double kContainerSizeFactor = 2.0;  // a titled area is at least 2x a sticky each way
constexpr double kEnclosingSizeFactor = 1.5;  // an untitled area must still dwarf a sticky
constexpr double kMaxDotSize = 48;            // dot-vote stickers are small
constexpr double kDotToNoteAreaRatio = 0.25;  // ...and much smaller than the note they sit on

bool is_title_text(const std::string& text) {
    return section_from_title(text).has_value() || is_canvas_title(text);
}

// A title, or a heading over a half of the canvas: text that names, not a note.
bool is_heading_text(const std::string& text) { return is_title_text(text) || is_side_title(text); }

double median(std::vector<double> values, double fallback) {
    if (values.empty()) return fallback;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

// Whether each note of the board reads as a section or canvas title: asked
// three times per note below, and normalising a long text is not free.
std::vector<bool> title_notes(const Board& board) {
    std::vector<bool> titles;
    titles.reserve(board.notes.size());
    for (const Note& note : board.notes) titles.push_back(is_heading_text(note.text));
    return titles;
}

// The typical size of a note with text: what "clearly larger than a sticky" is measured against.
std::pair<double, double> typical_note_size(const Board& board, const std::vector<bool>& titles) {
    std::vector<double> widths, heights;
    for (std::size_t i = 0; i < board.notes.size(); ++i) {
        const Note& note = board.notes[i];
        if (note.kind == NoteKind::text || note.text.empty()) continue;
        if (titles[i]) continue;
        widths.push_back(note.bounds.width);
        heights.push_back(note.bounds.height);
    }
    return {median(widths, 100), median(heights, 100)};
}

// The notes with text, on grids: which ones a shape encloses or a dot
// overlaps is then read from a few cells, not from every note on the board.
class TextNotes {
public:
    TextNotes(const Board& board, std::pair<double, double> typical)
        : centres_(std::max(typical.first, typical.second)),
          boxes_(std::max(typical.first, typical.second)) {
        for (std::size_t i = 0; i < board.notes.size(); ++i) {
            if (board.notes[i].text.empty()) continue;
            const Rect& r = board.notes[i].bounds;
            centres_.insert(bounds_.size(), Rect{r.center_x(), r.center_y(), 0, 0});
            boxes_.insert(bounds_.size(), r);
            bounds_.push_back(r);
            note_of_.push_back(i);
        }
    }

    // Whether the shape board.notes[self] holds the centre of another note
    // with text at most half its size.
    bool enclosed_by(std::size_t self, const Rect& shape) const {
        for (std::size_t n : centres_.candidates(shape))
            if (note_of_[n] != self && bounds_[n].area() * 2 <= shape.area() &&
                shape.contains_center_of(bounds_[n]))
                return true;
        return false;
    }

    // Whether `dot` overlaps a note with text at least four times its size.
    bool under_dot(const Rect& dot) const {
        for (std::size_t n : boxes_.candidates(dot))
            if (dot.overlaps(bounds_[n]) && dot.area() <= kDotToNoteAreaRatio * bounds_[n].area())
                return true;
        return false;
    }

private:
    SpatialGrid centres_, boxes_;
    std::vector<Rect> bounds_;
    std::vector<std::size_t> note_of_;  // index into board.notes
};

// `index` is the note's place in board.notes; `titled`, whether its text is a title.
bool is_container_shape(const Note& note, std::size_t index, bool titled, const TextNotes& text_notes,
                        std::pair<double, double> typical) {
    if (note.kind != NoteKind::shape) return false;
    const bool large = note.bounds.width >= kContainerSizeFactor * typical.first &&
                       note.bounds.height >= kContainerSizeFactor * typical.second;
    if (titled && large) return true;
    // Only shapes well above sticky size are searched, which keeps this cheap
    // on boards where every note is a shape (Excalidraw).
    const bool bigger_than_sticky = note.bounds.width >= kEnclosingSizeFactor * typical.first &&
                                    note.bounds.height >= kEnclosingSizeFactor * typical.second;
    return bigger_than_sticky && text_notes.enclosed_by(index, note.bounds);
}

bool is_dot_vote(const Note& note, const TextNotes& text_notes) {
    if (note.kind != NoteKind::shape || !note.text.empty()) return false;
    if (std::max(note.bounds.width, note.bounds.height) > kMaxDotSize) return false;
    return text_notes.under_dot(note.bounds);
}

constexpr std::size_t kNoContainer = static_cast<std::size_t>(-1);

// A free title text labels the smallest container it sits in, or the one just
// below it (hand-drawn templates often write the title above the box).
// Returns its index in `containers`, or kNoContainer.
std::size_t container_labelled_by(const Note& label, const std::vector<Container>& containers) {
    std::size_t best = kNoContainer;
    const double cx = label.bounds.center_x();
    for (std::size_t c = 0; c < containers.size(); ++c) {
        const Rect& box = containers[c].bounds;
        const double gap_above = box.y - label.bounds.bottom();
        const bool just_above = gap_above >= 0 && gap_above <= std::max(label.bounds.height, 40.0) &&
                                cx >= box.x && cx <= box.right();
        if (!box.contains_center_of(label.bounds) && !just_above) continue;
        if (best == kNoContainer || box.area() < containers[best].bounds.area()) best = c;
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

// The most words a title may carry after its section's name ("Pains –
// parents") and still head a part of a drawing or a column: more is a note in
// "Label: description" style ("Pain: orders get lost between phone and
// kitchen"), which must stay a note.
constexpr std::size_t kMostQualifierWords = 3;

std::size_t word_count(const std::string& text) {
    std::size_t words = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        const bool space = std::isspace(c) != 0;
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

// Whether a note (already known to read as a title) names a part of a drawn
// template or a column: a typed title with at most a short qualifier, or a
// header sticky that says only the section's name.
bool names_a_part(const Note& note) {
    if (!section_from_title(note.text)) return false;
    const std::size_t qualifier = word_count(title_qualifier(note.text));
    return note.kind == NoteKind::text ? qualifier <= kMostQualifierWords : qualifier == 0;
}

// The drawn geometry of each container: what a divided shape's outline is.
using Outlines = std::unordered_map<std::string, std::string>;

// Shapes that hold free titles of two sections or more are divided by lines
// (drawn_sections.hpp): one drawn section per title. Returns the drawn
// sections and marks the titles they took in `taken` (parallel to notes).
std::vector<Container> divide_drawn_shapes(const Board& board, const std::vector<bool>& titles,
                                           const Outlines& outlines, std::pair<double, double> typical,
                                           std::vector<bool>& taken) {
    std::vector<std::size_t> order;  // shapes, in board order for a stable result
    std::unordered_map<std::size_t, std::vector<std::size_t>> titles_in;
    for (std::size_t i = 0; i < board.notes.size(); ++i) {
        const Note& note = board.notes[i];
        if (!titles[i] || !names_a_part(note)) continue;
        const std::size_t at = container_labelled_by(note, board.containers);
        // A title just above a box labels the box; only titles inside count.
        if (at == kNoContainer || !board.containers[at].bounds.contains_center_of(note.bounds) ||
            section_from_title(board.containers[at].title))
            continue;
        auto [entry, added] = titles_in.try_emplace(at);
        if (added) order.push_back(at);
        entry->second.push_back(i);
    }
    std::sort(order.begin(), order.end());
    std::vector<Container> drawn;
    for (std::size_t at : order) {
        const Container* shape = &board.containers[at];
        const std::vector<std::size_t>& held = titles_in[at];
        std::set<Section> sections;
        for (std::size_t i : held) sections.insert(*section_from_title(board.notes[i].text));
        if (sections.size() < 2) continue;  // one title names the whole shape, as before
        std::vector<const Note*> notes;
        for (std::size_t i : held) {
            notes.push_back(&board.notes[i]);
            taken[i] = true;
        }
        const auto outline = outlines.find(shape->id);
        std::vector<Container> parts = divide_by_lines(
            *shape, outline == outlines.end() ? "rectangle" : outline->second, notes, board.lines);
        // A frame or shape no line divides, its titles typed over columns of notes.
        if (parts.empty()) parts = columns_under_headings(board, held, titles, typical, shape);
        for (Container& part : parts) drawn.push_back(std::move(part));
    }
    return drawn;
}

// Moves each note the rule keeps to the next free place at the front of
// `notes` and cuts the list there: the notes stay in one vector instead of
// being moved into a second one (2 x 5.7 MB at 50,000 notes in the wasm
// build, at the peak of reading a board). `keep(note, i)` is asked about
// each note at its first place i, before any other note is moved onto it.
template <typename Keep>
void keep_in_place(std::vector<Note>& notes, Keep keep) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        if (!keep(notes[i], i)) continue;
        if (kept != i) notes[kept] = std::move(notes[i]);
        ++kept;
    }
    notes.erase(notes.begin() + static_cast<std::ptrdiff_t>(kept), notes.end());
}

// Section titles outside every container, when they name two sections or
// more: column headings (heading_columns.hpp), marked in `taken`.
std::vector<Container> heading_columns(const Board& board, const std::vector<bool>& titles,
                                       std::pair<double, double> typical, std::vector<bool>& taken) {
    std::vector<std::size_t> headings;
    std::set<Section> sections;
    for (std::size_t i = 0; i < board.notes.size(); ++i) {
        const Note& note = board.notes[i];
        if (!titles[i] || taken[i] || !names_a_part(note)) continue;
        const std::optional<Section> section = section_from_title(note.text);
        if (container_labelled_by(note, board.containers) != kNoContainer) continue;
        headings.push_back(i);
        sections.insert(*section);
    }
    if (sections.size() < 2) return {};  // a lone title marks out nothing, as before
    for (std::size_t i : headings) taken[i] = true;
    return columns_under_headings(board, headings, titles, typical, nullptr);
}

// `titles`: whether each of `board.notes` is a title text (parallel to it).
void apply_free_titles(Board& board, const std::vector<bool>& titles, const Outlines& outlines,
                       std::pair<double, double> typical) {
    std::vector<bool> taken(board.notes.size(), false);
    std::vector<Container> drawn = divide_drawn_shapes(board, titles, outlines, typical, taken);
    std::vector<Container> columns = heading_columns(board, titles, typical, taken);
    keep_in_place(board.notes, [&](const Note& note, std::size_t i) {
        if (taken[i]) return false;  // a drawn section's or a column's title
        if (note.kind != NoteKind::text || !titles[i]) return true;
        if (is_side_title(note.text)) return false;  // a heading over a half of the canvas
        const std::size_t at = container_labelled_by(note, board.containers);
        Container* container = at == kNoContainer ? nullptr : &board.containers[at];
        if (!container && is_canvas_title(note.text)) {
            // a heading over the whole board: nothing to mark out
        } else if (!container) {
            board.skipped.push_back({note.id, "", "title text '" + note.text +
                                                      "' is not inside a frame or shape, so it "
                                                      "cannot mark out a section"});
        } else if (container->title.empty() || !is_title_text(container->title)) {
            container->title = note.text;
        }
        return false;
    });
    for (Container& section : drawn) board.containers.push_back(std::move(section));
    for (Container& column : columns) board.containers.push_back(std::move(column));
}

}  // namespace

void promote_structure(Board& board) {
    const std::vector<bool> titles = title_notes(board);
    const auto typical = typical_note_size(board, titles);
    const TextNotes text_notes(board, typical);  // copies what the tests below read
    std::vector<bool> kept_titles;
    kept_titles.reserve(board.notes.size());
    Outlines outlines;
    keep_in_place(board.notes, [&](const Note& note, std::size_t i) {
        if (is_container_shape(note, i, titles[i], text_notes, typical)) {
            board.containers.push_back(to_container(note));
            outlines.emplace(note.id, note.shape);
        } else if (is_dot_vote(note, text_notes)) {
            board.markers.push_back({note.id, note.bounds, note.color});
        } else if (note.kind == NoteKind::shape && note.text.empty()) {
            // decoration: template lines, empty boxes; carries no idea
        } else {
            kept_titles.push_back(titles[i]);
            return true;
        }
        return false;
    });
    apply_free_titles(board, kept_titles, outlines, typical);
}

}  // namespace canvasfit

// Section classification by layout. Three steps:
//  1. leaf containers whose title names a section are section areas; titled or
//     untitled containers that enclose section areas only group them;
//  2. section areas are gathered into canvases: by the outermost enclosing
//     container that holds no section twice, else by cutting the board along
//     its empty gaps until no canvas holds a section twice (an XY-cut);
//  3. each note goes to the section area that its frame names or, failing that,
//     the smallest one that contains its centre.
#include "layout/layout.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "structure/spatial_grid.hpp"
#include "structure/titles.hpp"
#include "common/sort_stably.hpp"

namespace canvasfit {

namespace {

bool encloses(const Container& outer, const Container& inner) {
    // The box of a drawn section may hold a neighbouring section's centre.
    if (&outer == &inner || outer.kind == ContainerKind::drawn) return false;
    if (inner.parent == outer.id) return true;
    return outer.bounds.area() > inner.bounds.area() && outer.bounds.contains_center_of(inner.bounds);
}

// A group of section areas that must stay in one canvas.
struct Unit {
    std::vector<std::size_t> areas;  // indices into the section-area list
    Rect bounds;
    std::string title;
    bool closed = false;  // a container titled as a canvas: never merged or cut
};

Rect union_of(const Rect& a, const Rect& b) {
    const double left = std::min(a.x, b.x), top = std::min(a.y, b.y);
    const double right = std::max(a.right(), b.right()), bottom = std::max(a.bottom(), b.bottom());
    return {left, top, right - left, bottom - top};
}

// One bit per section, so "which sections does this group hold" is an OR.
using SectionMask = unsigned;
SectionMask section_bit(Section section) { return 1u << static_cast<unsigned>(section); }
int count_sections(SectionMask mask) {
    int count = 0;
    for (; mask != 0; mask &= mask - 1) ++count;
    return count;
}

// The median of the larger side of some rectangles: the cell size of a grid
// in which a typical one spans a few cells.
double typical_side(const std::vector<Rect>& rects) {
    std::vector<double> sides;
    sides.reserve(rects.size());
    for (const Rect& rect : rects) sides.push_back(std::max(rect.width, rect.height));
    if (sides.empty()) return 1;
    std::nth_element(sides.begin(), sides.begin() + sides.size() / 2, sides.end());
    return std::max(sides[sides.size() / 2], 1.0);
}

// The centres of some containers on a grid, so that the containers an outer
// one encloses (encloses() above) are found among the few whose centres fall
// in its cells instead of among all of them.
class CentreIndex {
public:
    CentreIndex(const std::vector<Container>& containers, std::vector<std::size_t> members)
        : containers_(containers), members_(std::move(members)) {
        std::vector<Rect> bounds;
        for (std::size_t m : members_) bounds.push_back(containers_[m].bounds);
        grid_ = SpatialGrid(typical_side(bounds));
        for (std::size_t k = 0; k < members_.size(); ++k) {
            const Rect& r = containers_[members_[k]].bounds;
            grid_.insert(k, Rect{r.center_x(), r.center_y(), 0, 0});
            children_of_[containers_[members_[k]].parent].push_back(k);
        }
    }

    // Positions (into `members`) of the members `outer` encloses, ascending.
    std::vector<std::size_t> enclosed_by(const Container& outer) const {
        std::vector<std::size_t> found;
        for (std::size_t k : grid_.candidates(outer.bounds))
            if (encloses(outer, containers_[members_[k]])) found.push_back(k);
        // Members that name `outer` as parent enclose by membership, wherever they are.
        if (auto children = children_of_.find(outer.id); children != children_of_.end())
            for (std::size_t k : children->second)
                if (&containers_[members_[k]] != &outer) found.push_back(k);
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        return found;
    }

private:
    const std::vector<Container>& containers_;
    std::vector<std::size_t> members_;
    SpatialGrid grid_{1};
    std::unordered_map<std::string, std::vector<std::size_t>> children_of_;
};

class LayoutBuilder {
public:
    explicit LayoutBuilder(const Board& board) : board_(board) {}

    // Finds the section areas and gathers them into canvases in reading order.
    void build() {
        find_section_areas();
        std::vector<Unit> units = group_into_units();
        std::vector<Unit> open;
        for (Unit& unit : units) (unit.closed ? canvases_ : open).push_back(std::move(unit));
        cut_into_canvases(std::move(open), canvases_);
        sort_in_reading_order(canvases_);
    }

    const std::vector<SectionArea>& areas() const { return areas_; }
    const std::vector<Unit>& canvases() const { return canvases_; }
    CanvasLayout canvas_layout(std::size_t c) const { return to_canvas_layout(canvases_[c], c + 1); }
    const std::unordered_map<std::string, std::size_t>& area_by_container() const {
        return area_by_container_;
    }

private:
    void find_section_areas() {
        std::vector<std::optional<Section>> titled;
        std::vector<std::size_t> titled_containers;
        for (std::size_t i = 0; i < board_.containers.size(); ++i) {
            titled.push_back(section_from_title(board_.containers[i].title));
            if (titled.back()) titled_containers.push_back(i);
        }
        const CentreIndex titled_index(board_.containers, titled_containers);
        for (std::size_t i = 0; i < board_.containers.size(); ++i) {
            if (!titled[i]) continue;
            // "Customer Segment" drawn round jobs, pains and gains is the profile side, not a section.
            if (!titled_index.enclosed_by(board_.containers[i]).empty()) continue;
            area_by_container_.emplace(board_.containers[i].id, areas_.size());
            area_container_.push_back(i);
            areas_.push_back({board_.containers[i].id, *titled[i], board_.containers[i].bounds,
                              board_.containers[i].drawn});
        }
        area_index_.emplace(board_.containers, area_container_);
        typical_area_size_ = median_larger_side(areas_);
    }

    static double median_larger_side(const std::vector<SectionArea>& areas) {
        std::vector<double> sizes;
        for (const SectionArea& area : areas)
            sizes.push_back(std::max(area.bounds.width, area.bounds.height));
        if (sizes.empty()) return 0;
        std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
        return sizes[sizes.size() / 2];
    }

    // Section areas (indices into areas_) that `outer` encloses, ascending.
    std::vector<std::size_t> areas_inside(const Container& outer) const {
        return area_index_->enclosed_by(outer);
    }

    bool holds_a_section_twice(const std::vector<std::size_t>& area_indices) const {
        std::set<Section> seen;
        for (std::size_t a : area_indices)
            if (!seen.insert(areas_[a].section).second) return true;
        return false;
    }

    std::vector<Unit> group_into_units() {
        // For each grouping container: the section areas it encloses.
        std::vector<std::pair<const Container*, std::vector<std::size_t>>> groupings;
        for (const Container& container : board_.containers) {
            if (area_by_container_.count(container.id)) continue;
            std::vector<std::size_t> inside = areas_inside(container);
            if (!inside.empty() && !holds_a_section_twice(inside))
                groupings.emplace_back(&container, std::move(inside));
        }
        // Each area joins the outermost such container (largest area) that encloses it.
        std::vector<int> owner(areas_.size(), -1);
        for (std::size_t g = 0; g < groupings.size(); ++g)
            for (std::size_t a : groupings[g].second)
                if (owner[a] < 0 ||
                    groupings[g].first->bounds.area() > groupings[owner[a]].first->bounds.area())
                    owner[a] = static_cast<int>(g);
        std::vector<Unit> units;
        std::map<int, std::size_t> unit_of_grouping;
        for (std::size_t a = 0; a < areas_.size(); ++a) {
            if (owner[a] < 0) {
                units.push_back({{a}, areas_[a].bounds, "", false});
                continue;
            }
            auto [it, inserted] = unit_of_grouping.emplace(owner[a], units.size());
            if (inserted) {
                const Container& container = *groupings[owner[a]].first;
                units.push_back({{}, container.bounds, container.title,
                                 is_canvas_title(container.title)});
            }
            units[it->second].areas.push_back(a);
        }
        return units;
    }

    bool has_duplicates(const std::vector<Unit>& units) const {
        SectionMask seen = 0;
        for (const Unit& unit : units)
            for (std::size_t a : unit.areas) {
                const SectionMask bit = section_bit(areas_[a].section);
                if (seen & bit) return true;
                seen |= bit;
            }
        return false;
    }

    SectionMask sections_of(const Unit& unit) const {
        SectionMask mask = 0;
        for (std::size_t a : unit.areas) mask |= section_bit(areas_[a].section);
        return mask;
    }

    // The best cut so far: the units in order along its axis, and how many of
    // them go to the first half.
    struct Cut {
        bool found = false;
        std::size_t score = 0;
        double gap = 0;
        std::vector<std::size_t> order;
        std::size_t at = 0;
    };

    // Tries every empty gap along one axis; keeps the cut that leaves the most
    // complete halves (distinct sections on each side), then the widest gap.
    // The sections on each side come from running ORs, so trying a gap costs
    // nothing; the kept cut keeps only its order of units. (Copying the units
    // into halves for every kept cut, at every level of the recursion, made
    // the layout of a board of 1,300 canvases grow ~9x for 5x the notes.)
    void try_cuts(const std::vector<Unit>& units, bool along_x, double min_gap, Cut& best) const {
        std::vector<std::size_t> order(units.size());
        std::iota(order.begin(), order.end(), 0);
        auto start = [&](std::size_t u) { return along_x ? units[u].bounds.x : units[u].bounds.y; };
        auto end = [&](std::size_t u) {
            return along_x ? units[u].bounds.right() : units[u].bounds.bottom();
        };
        sort_stably(order.begin(), order.end(),
                    [&](std::size_t a, std::size_t b) { return start(a) < start(b); });
        std::vector<SectionMask> before(order.size() + 1, 0), after(order.size() + 1, 0);
        for (std::size_t k = 0; k < order.size(); ++k)
            before[k + 1] = before[k] | sections_of(units[order[k]]);
        for (std::size_t k = order.size(); k-- > 0;)
            after[k] = after[k + 1] | sections_of(units[order[k]]);
        std::size_t best_at = 0;  // 0: no better cut on this axis
        double reach = end(order[0]);
        for (std::size_t i = 1; i < order.size(); ++i) {
            const double gap = start(order[i]) - reach;
            if (gap >= 0 && gap >= min_gap) {
                const std::size_t score = static_cast<std::size_t>(count_sections(before[i]) +
                                                                   count_sections(after[i]));
                if (!best.found || score > best.score || (score == best.score && gap > best.gap)) {
                    best.found = true;
                    best.score = score;
                    best.gap = gap;
                    best_at = i;
                }
            }
            reach = std::max(reach, end(order[i]));
        }
        if (best_at == 0) return;
        best.order = std::move(order);
        best.at = best_at;
    }

    void cut_into_canvases(std::vector<Unit> units, std::vector<Unit>& canvases) const {
        if (units.empty()) return;
        if (units.size() > 1) {
            // Without a duplicate section, only a gap wider than a section separates canvases.
            const double min_gap = has_duplicates(units) ? 0 : typical_area_size_;
            Cut best;
            try_cuts(units, true, min_gap, best);
            try_cuts(units, false, min_gap, best);
            if (best.found) {
                std::vector<Unit> first, second;
                first.reserve(best.at);
                second.reserve(units.size() - best.at);
                for (std::size_t k = 0; k < best.order.size(); ++k)
                    (k < best.at ? first : second).push_back(std::move(units[best.order[k]]));
                units = {};  // moved from: freed before the halves recurse
                cut_into_canvases(std::move(first), canvases);
                cut_into_canvases(std::move(second), canvases);
                return;
            }
        }
        Unit merged = units.front();
        for (std::size_t u = 1; u < units.size(); ++u) {
            merged.areas.insert(merged.areas.end(), units[u].areas.begin(), units[u].areas.end());
            merged.bounds = union_of(merged.bounds, units[u].bounds);
            if (merged.title.empty()) merged.title = units[u].title;
        }
        canvases.push_back(std::move(merged));
    }

    // Rows first (a canvas starting above the middle of the row's first canvas
    // joins that row), then left to right.
    static void sort_in_reading_order(std::vector<Unit>& canvases) {
        sort_stably(canvases.begin(), canvases.end(), [](const Unit& a, const Unit& b) {
            return a.bounds.y < b.bounds.y;
        });
        std::vector<Unit> ordered;
        std::size_t row_start = 0;
        while (row_start < canvases.size()) {
            std::size_t row_end = row_start + 1;
            const double row_middle = canvases[row_start].bounds.center_y();
            while (row_end < canvases.size() && canvases[row_end].bounds.y < row_middle) ++row_end;
            sort_stably(canvases.begin() + row_start, canvases.begin() + row_end,
                        [](const Unit& a, const Unit& b) { return a.bounds.x < b.bounds.x; });
            row_start = row_end;
        }
    }

    CanvasLayout to_canvas_layout(const Unit& unit, std::size_t number) const {
        CanvasLayout canvas;
        canvas.id = "canvas-" + std::to_string(number);
        canvas.title = unit.title;
        std::vector<std::size_t> areas = unit.areas;
        std::sort(areas.begin(), areas.end());
        for (std::size_t a : areas) canvas.sections.push_back(areas_[a]);
        return canvas;
    }

    const Board& board_;
    std::vector<SectionArea> areas_;
    std::unordered_map<std::string, std::size_t> area_by_container_;
    std::vector<std::size_t> area_container_;  // index into board_.containers, per area
    std::optional<CentreIndex> area_index_;     // the area containers' centres
    double typical_area_size_ = 0;              // median larger side of the areas (fixed)
    std::vector<Unit> canvases_;
};

// The share of a note's area inside its section, rounded to 0.01 so that
// reports stay short and identical across platforms.
double share_inside(const Rect& note, const Rect& area) {
    if (note.area() <= 0) return 1;
    const double w = std::min(note.right(), area.right()) - std::max(note.x, area.x);
    const double h = std::min(note.bottom(), area.bottom()) - std::max(note.y, area.y);
    const double share = std::max(0.0, w) * std::max(0.0, h) / note.area();
    return std::round(std::clamp(share, 0.5, 1.0) * 100) / 100;
}

// For a drawn section, the share of the note's centre and corners in its
// part of the shape: the same scale as share_inside.
double share_inside(const Rect& note, const DrawnSection& drawn) {
    const Point corners[] = {{note.x, note.y}, {note.right(), note.y}, {note.x, note.bottom()},
                             {note.right(), note.bottom()}};
    int in = 1;  // the centre, which decided
    for (const Point& corner : corners) in += drawn.contains(corner) ? 1 : 0;
    return std::round(std::clamp(in / 5.0, 0.5, 1.0) * 100) / 100;
}

bool in_area(const SectionArea& area, const Rect& note) {
    if (!area.bounds.contains_center_of(note)) return false;
    return !area.drawn || area.drawn->contains({note.center_x(), note.center_y()});
}

// Two drawn sections of one shape that both hold a point: no line separates
// their titles there, so the drawing does not say which the point is in.
bool same_shape_other_section(const SectionArea& a, const SectionArea& b) {
    if (!a.drawn || !b.drawn || a.section == b.section) return false;
    const Rect &x = a.drawn->outline_bounds, &y = b.drawn->outline_bounds;
    return x.x == y.x && x.y == y.y && x.width == y.width && x.height == y.height;
}

// A grid over some rectangles, sized so a typical one spans a few cells.
template <typename Item, typename BoundsOf>
std::shared_ptr<const SpatialGrid> grid_of(const std::vector<Item>& items, BoundsOf bounds_of) {
    std::vector<Rect> bounds;
    for (const Item& item : items) bounds.push_back(bounds_of(item));
    auto grid = std::make_shared<SpatialGrid>(typical_side(bounds));
    for (std::size_t i = 0; i < bounds.size(); ++i) grid->insert(i, bounds[i]);
    return grid;
}

}  // namespace

const char* placement_name(Placement placement) {
    switch (placement) {
        case Placement::frame: return "frame";
        case Placement::region: return "region";
        case Placement::text: return "text";
        case Placement::none: break;
    }
    return "none";
}

LayoutIndex::LayoutIndex(const Board& board) {
    LayoutBuilder builder(board);
    builder.build();
    areas_ = builder.areas();
    area_by_container_ = builder.area_by_container();
    canvas_of_area_.assign(areas_.size(), -1);
    for (std::size_t c = 0; c < builder.canvases().size(); ++c) {
        const Unit& canvas = builder.canvases()[c];
        canvases_.push_back(builder.canvas_layout(c));
        canvas_bounds_.push_back(canvas.bounds);
        for (std::size_t a : canvas.areas) canvas_of_area_[a] = static_cast<int>(c);
    }
    area_grid_ = grid_of(areas_, [](const SectionArea& area) { return area.bounds; });
    canvas_grid_ = grid_of(canvas_bounds_, [](const Rect& bounds) { return bounds; });
}

// The section area that the note's frame names, else the smallest one that
// contains its centre, else only the canvas around it.
NotePlacement LayoutIndex::place(const Note& note) const {
    NotePlacement placement;
    placement.note_id = note.id;
    if (auto by_frame = area_by_container_.find(note.parent); by_frame != area_by_container_.end()) {
        placement.section = areas_[by_frame->second].section;
        placement.canvas = canvas_of_area_[by_frame->second];
        placement.via = Placement::frame;
        placement.confidence = 1;
        return placement;
    }
    const Rect centre{note.bounds.center_x(), note.bounds.center_y(), 0, 0};
    const std::size_t none = areas_.size();
    std::size_t best = none;
    for (std::size_t a : area_grid_->candidates(centre)) {
        if (!in_area(areas_[a], note.bounds)) continue;
        const double area = areas_[a].bounds.area(), best_area = best == none ? 0 : areas_[best].bounds.area();
        // Of two equally small areas the first in container order wins.
        if (best == none || area < best_area || (area == best_area && a < best)) best = a;
    }
    if (best != none && areas_[best].drawn)
        for (std::size_t a : area_grid_->candidates(centre))
            if (same_shape_other_section(areas_[a], areas_[best]) && in_area(areas_[a], note.bounds)) {
                best = none;
                break;
            }
    if (best != none) {
        placement.section = areas_[best].section;
        placement.canvas = canvas_of_area_[best];
        placement.via = Placement::region;
        placement.confidence = areas_[best].drawn ? share_inside(note.bounds, *areas_[best].drawn)
                                                  : share_inside(note.bounds, areas_[best].bounds);
        return placement;
    }
    // Of overlapping canvases the last one wins.
    for (std::size_t c : canvas_grid_->candidates(centre))
        if (canvas_bounds_[c].contains_center_of(note.bounds))
            placement.canvas = std::max(placement.canvas, static_cast<int>(c));
    return placement;
}

Layout classify_layout(const Board& board) {
    const LayoutIndex index(board);
    Layout layout;
    layout.canvases = index.canvases();
    layout.notes.reserve(board.notes.size());
    for (const Note& note : board.notes) layout.notes.push_back(index.place(note));
    return layout;
}

}  // namespace canvasfit

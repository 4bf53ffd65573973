// Section classification by layout. Three steps:
//  1. leaf containers whose title names a section are section areas; titled or
//     untitled containers that enclose section areas only group them;
//  2. section areas are gathered into canvases: by the outermost enclosing
//     container that holds no section twice, else by cutting the board along
//     its empty gaps until no canvas holds a section twice (an XY-cut);
//  3. each note goes to the section area that its frame names or, failing that,
//     the smallest one that contains its centre.
#include "canvasfit/layout.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

namespace canvasfit {

namespace {

bool encloses(const Container& outer, const Container& inner) {
    if (&outer == &inner) return false;
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
        for (const Container& container : board_.containers)
            titled.push_back(section_from_title(container.title));
        for (std::size_t i = 0; i < board_.containers.size(); ++i) {
            if (!titled[i]) continue;
            bool encloses_section = false;
            for (std::size_t j = 0; j < board_.containers.size() && !encloses_section; ++j)
                encloses_section = titled[j] && encloses(board_.containers[i], board_.containers[j]);
            // "Customer Segment" drawn round jobs, pains and gains is the profile side, not a section.
            if (encloses_section) continue;
            area_by_container_.emplace(board_.containers[i].id, areas_.size());
            area_container_.push_back(i);
            areas_.push_back({board_.containers[i].id, *titled[i], board_.containers[i].bounds});
        }
    }

    std::vector<std::size_t> areas_inside(const Container& outer) const {
        std::vector<std::size_t> inside;
        for (std::size_t a = 0; a < areas_.size(); ++a)
            if (encloses(outer, board_.containers[area_container_[a]])) inside.push_back(a);
        return inside;
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
        std::vector<std::size_t> all;
        for (const Unit& unit : units) all.insert(all.end(), unit.areas.begin(), unit.areas.end());
        return holds_a_section_twice(all);
    }

    std::size_t distinct_sections(const std::vector<Unit>& units) const {
        std::set<Section> seen;
        for (const Unit& unit : units)
            for (std::size_t a : unit.areas) seen.insert(areas_[a].section);
        return seen.size();
    }

    double typical_area_size() const {
        std::vector<double> sizes;
        for (const SectionArea& area : areas_)
            sizes.push_back(std::max(area.bounds.width, area.bounds.height));
        if (sizes.empty()) return 0;
        std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
        return sizes[sizes.size() / 2];
    }

    struct Cut {
        bool found = false;
        std::size_t score = 0;
        double gap = 0;
        std::vector<Unit> first, second;
    };

    // Tries every empty gap along one axis; keeps the cut that leaves the most
    // complete halves (distinct sections on each side), then the widest gap.
    void try_cuts(const std::vector<Unit>& units, bool along_x, double min_gap, Cut& best) const {
        std::vector<std::size_t> order(units.size());
        std::iota(order.begin(), order.end(), 0);
        auto start = [&](std::size_t u) { return along_x ? units[u].bounds.x : units[u].bounds.y; };
        auto end = [&](std::size_t u) {
            return along_x ? units[u].bounds.right() : units[u].bounds.bottom();
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return start(a) < start(b); });
        double reach = end(order[0]);
        for (std::size_t i = 1; i < order.size(); ++i) {
            const double gap = start(order[i]) - reach;
            if (gap >= 0 && gap >= min_gap) {
                std::vector<Unit> first, second;
                for (std::size_t k = 0; k < order.size(); ++k)
                    (k < i ? first : second).push_back(units[order[k]]);
                const std::size_t score = distinct_sections(first) + distinct_sections(second);
                if (!best.found || score > best.score || (score == best.score && gap > best.gap))
                    best = {true, score, gap, std::move(first), std::move(second)};
            }
            reach = std::max(reach, end(order[i]));
        }
    }

    void cut_into_canvases(std::vector<Unit> units, std::vector<Unit>& canvases) const {
        if (units.empty()) return;
        if (units.size() > 1) {
            // Without a duplicate section, only a gap wider than a section separates canvases.
            const double min_gap = has_duplicates(units) ? 0 : typical_area_size();
            Cut best;
            try_cuts(units, true, min_gap, best);
            try_cuts(units, false, min_gap, best);
            if (best.found) {
                cut_into_canvases(std::move(best.first), canvases);
                cut_into_canvases(std::move(best.second), canvases);
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
        std::stable_sort(canvases.begin(), canvases.end(), [](const Unit& a, const Unit& b) {
            return a.bounds.y < b.bounds.y;
        });
        std::vector<Unit> ordered;
        std::size_t row_start = 0;
        while (row_start < canvases.size()) {
            std::size_t row_end = row_start + 1;
            const double row_middle = canvases[row_start].bounds.center_y();
            while (row_end < canvases.size() && canvases[row_end].bounds.y < row_middle) ++row_end;
            std::stable_sort(canvases.begin() + row_start, canvases.begin() + row_end,
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
    const std::size_t none = areas_.size();
    std::size_t best = none;
    for (std::size_t a = 0; a < areas_.size(); ++a)
        if (areas_[a].bounds.contains_center_of(note.bounds) &&
            (best == none || areas_[a].bounds.area() < areas_[best].bounds.area()))
            best = a;
    if (best != none) {
        placement.section = areas_[best].section;
        placement.canvas = canvas_of_area_[best];
        placement.via = Placement::region;
        placement.confidence = share_inside(note.bounds, areas_[best].bounds);
        return placement;
    }
    for (std::size_t c = 0; c < canvas_bounds_.size(); ++c)
        if (canvas_bounds_[c].contains_center_of(note.bounds)) placement.canvas = static_cast<int>(c);
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

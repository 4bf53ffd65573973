#include "structure/drawn_sections.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

#include "structure/titles.hpp"

namespace canvasfit {

namespace {

// Hand-drawn lines stop short of the shape's edge or of each other; a gap
// this small (a share of the shape's larger side) still closes a section.
constexpr double kGapClosed = 0.03;
// The part of the shape a section covers is found on a grid of this many
// points each way: its box is what marks and the layout's index use.
constexpr int kSamplesPerSide = 32;

double cross(Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

bool between(double v, double a, double b) { return v >= std::min(a, b) && v <= std::max(a, b); }

// Whether `p` lies on the segment a-b, given that the three are collinear.
bool on_segment(Point a, Point b, Point p) { return between(p.x, a.x, b.x) && between(p.y, a.y, b.y); }

// Whether two segments meet, touching included: a point on a line is not on
// either side of it.
bool segments_meet(Point a, Point b, Point c, Point d) {
    const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        return true;
    return (d1 == 0 && on_segment(c, d, a)) || (d2 == 0 && on_segment(c, d, b)) ||
           (d3 == 0 && on_segment(a, b, c)) || (d4 == 0 && on_segment(a, b, d));
}

bool inside_outline(const std::string& outline, const Rect& box, Point p) {
    if (!box.contains_point(p.x, p.y)) return false;
    const double rx = box.width / 2, ry = box.height / 2;
    if (rx <= 0 || ry <= 0) return false;
    const double dx = (p.x - box.center_x()) / rx, dy = (p.y - box.center_y()) / ry;
    if (outline == "ellipse" || outline == "circle") return dx * dx + dy * dy <= 1;
    if (outline == "diamond" || outline == "rhombus") return std::abs(dx) + std::abs(dy) <= 1;
    return true;  // a rectangle, or a frame
}

bool overlaps_box(const Segment& s, const Rect& box) {
    const Rect extent{std::min(s.from.x, s.to.x), std::min(s.from.y, s.to.y),
                      std::abs(s.to.x - s.from.x), std::abs(s.to.y - s.from.y)};
    return extent.x <= box.right() && box.x <= extent.right() && extent.y <= box.bottom() &&
           box.y <= extent.bottom();
}

// A point `reach` further along the segment from `from` through `to`.
Point beyond(Point from, Point to, double reach) {
    const double length = std::hypot(to.x - from.x, to.y - from.y);
    if (length <= 0) return to;
    return {to.x + (to.x - from.x) / length * reach, to.y + (to.y - from.y) / length * reach};
}

double distance_to(Point p, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
    const double t = length2 <= 0 ? 0 : std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// Whether an end of a line is held: at the shape's edge (or beyond it), or
// on another line, as the end of the profile's left radius is on the
// circle's vertical diameter.
bool end_is_held(Point end, Point inward, const Line& self, const std::string& outline, const Rect& box,
                 const std::vector<Line>& lines, double reach) {
    if (!inside_outline(outline, box, beyond(inward, end, reach))) return true;
    for (const Line& other : lines) {
        if (&other == &self) continue;
        for (std::size_t k = 1; k < other.points.size(); ++k)
            if (distance_to(end, other.points[k - 1], other.points[k]) <= reach) return true;
    }
    return false;
}

// The pieces of the board's lines that divide the shape drawn as `outline`
// in `box`, each made a little longer at both ends to close the gaps of a
// hand-drawn template. A line divides only if both its ends are held (at the
// edge or on another line): one that floats inside at an end (a title's
// underline, a doodle) divides nothing.
std::vector<Segment> dividers_in(const std::string& outline, const Rect& box, const std::vector<Line>& lines) {
    const double reach = kGapClosed * std::max(box.width, box.height);
    const Rect around{box.x - reach, box.y - reach, box.width + 2 * reach, box.height + 2 * reach};
    std::vector<Line> near;  // the lines that come near the shape: the rest cannot hold or divide
    for (const Line& line : lines)
        for (std::size_t k = 1; k < line.points.size(); ++k)
            if (overlaps_box({line.points[k - 1], line.points[k]}, around)) {
                near.push_back(line);
                break;
            }
    std::vector<Segment> dividers;
    for (const Line& line : near) {
        const std::vector<Point>& p = line.points;
        if (!end_is_held(p[0], p[1], line, outline, box, near, reach) ||
            !end_is_held(p.back(), p[p.size() - 2], line, outline, box, near, reach))
            continue;
        for (std::size_t k = 1; k < p.size(); ++k) {
            const Segment s{beyond(p[k], p[k - 1], reach), beyond(p[k - 1], p[k], reach)};
            if (overlaps_box(s, box)) dividers.push_back(s);
        }
    }
    return dividers;
}

Point centre_of(const Rect& r) { return {r.center_x(), r.center_y()}; }

// A title this close to the shape's vertical middle (a share of its width)
// is on neither side of it.
constexpr double kClearOfTheMiddle = 0.02;

// Strategyzer's own division of a side of the canvas, for a shape no line
// crosses (Miro's apps cannot read lines; freehand strokes are not lines):
// when one of three titles of different sections lies left of the shape's
// middle and the other two right of it, one above and one below (or the
// mirror image), the shape is cut down its middle and the pair's half across
// its middle. That is how the square and the circle of the canvas are cut.
// Any other arrangement gives no lines: the drawing does not say.
std::vector<Segment> strategyzer_division(const Rect& shape, const std::vector<const Note*>& titles) {
    if (titles.size() != 3) return {};
    std::set<Section> sections;
    for (const Note* title : titles) sections.insert(*section_from_title(title->text));
    if (sections.size() != 3) return {};
    const double cx = shape.center_x(), cy = shape.center_y();
    const double clear_x = kClearOfTheMiddle * shape.width;
    std::vector<Point> left, right;
    for (const Note* title : titles) {
        const Point at = centre_of(title->bounds);
        if (std::abs(at.x - cx) <= clear_x) return {};
        (at.x < cx ? left : right).push_back(at);
    }
    const std::vector<Point>& pair = left.size() == 2 ? left : right;
    // The pair's lower title is often written just under the middle line: no margin there.
    if (pair.size() != 2 || (pair[0].y < cy) == (pair[1].y < cy)) return {};
    const double edge = &pair == &right ? shape.right() : shape.x;
    return {{{cx, shape.y}, {cx, shape.bottom()}}, {{cx, cy}, {edge, cy}}};
}

// The box of the points of the shape a section holds, one grid step wider
// each way (a point between two samples may still be in it), kept inside the
// shape's box. The title's own box when no sample falls in the section.
Rect box_of(const DrawnSection& section, const Rect& title) {
    const Rect& shape = section.outline_bounds;
    const double step_x = shape.width / kSamplesPerSide, step_y = shape.height / kSamplesPerSide;
    double left = shape.right(), top = shape.bottom(), right = shape.x, bottom = shape.y;
    bool any = false;
    for (int i = 0; i <= kSamplesPerSide; ++i)
        for (int j = 0; j <= kSamplesPerSide; ++j) {
            const Point p{shape.x + i * step_x, shape.y + j * step_y};
            if (!section.contains(p)) continue;
            any = true;
            left = std::min(left, p.x), right = std::max(right, p.x);
            top = std::min(top, p.y), bottom = std::max(bottom, p.y);
        }
    if (!any) return title;
    left = std::max(shape.x, left - step_x), top = std::max(shape.y, top - step_y);
    right = std::min(shape.right(), right + step_x), bottom = std::min(shape.bottom(), bottom + step_y);
    return {left, top, right - left, bottom - top};
}

}  // namespace

bool DrawnSection::contains(Point point) const {
    if (!inside_outline(outline, outline_bounds, point)) return false;
    return std::none_of(dividers.begin(), dividers.end(), [&](const Segment& divider) {
        return segments_meet(point, anchor, divider.from, divider.to);
    });
}

std::vector<Container> divide_by_lines(const Container& shape, const std::string& outline,
                                       const std::vector<const Note*>& titles,
                                       const std::vector<Line>& lines) {
    std::vector<Segment> dividers = dividers_in(outline, shape.bounds, lines);
    if (dividers.empty()) dividers = strategyzer_division(shape.bounds, titles);
    if (dividers.empty()) return {};  // not drawn as the canvas: perhaps titles over columns
    std::vector<Container> sections;
    for (const Note* title : titles) {
        auto drawn = std::make_shared<DrawnSection>();
        drawn->outline = outline;
        drawn->outline_bounds = shape.bounds;
        drawn->anchor = centre_of(title->bounds);
        drawn->dividers = dividers;
        Container section;
        section.id = title->id;
        section.title = title->text;
        section.kind = ContainerKind::drawn;
        section.parent = shape.id;
        section.bounds = box_of(*drawn, title->bounds);
        section.drawn = std::move(drawn);
        sections.push_back(std::move(section));
    }
    return sections;
}

}  // namespace canvasfit

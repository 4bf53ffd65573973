// The neutral board model every reader produces and every analysis consumes.
// It knows nothing of any host: coordinates are absolute canvas coordinates
// (top-left origin, y grows downwards) whatever convention the host used.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace canvasfit {

struct Rect {
    double x = 0;  // left
    double y = 0;  // top
    double width = 0;
    double height = 0;

    double right() const { return x + width; }
    double bottom() const { return y + height; }
    double center_x() const { return x + width / 2; }
    double center_y() const { return y + height / 2; }
    double area() const { return width * height; }
    bool contains_point(double px, double py) const {
        return px >= x && px <= right() && py >= y && py <= bottom();
    }
    bool contains_center_of(const Rect& other) const {
        return contains_point(other.center_x(), other.center_y());
    }
    bool overlaps(const Rect& other) const {
        return x < other.right() && other.x < right() && y < other.bottom() &&
               other.y < bottom();
    }
};

// What kind of host item a note came from. Readers report shapes as notes;
// the shared layout step (containers.hpp) then promotes large labelled shapes
// to containers and small dots to vote markers, the same way for every host.
enum class NoteKind { sticky, card, text, shape };

struct Point {
    double x = 0;
    double y = 0;
};

// A sticky note, card, shape or free-standing text: anything a person wrote on.
struct Note {
    std::string id;    // the host's own id
    NoteKind kind = NoteKind::sticky;
    std::string shape;  // host geometry for shapes ("rectangle", "ellipse", "circle"...), else ""
    std::string text;  // plain text, no markup
    Rect bounds;
    std::string color;              // host colour name or #rrggbb, "" if none
    std::vector<std::string> tags;  // host tags, in host order
    std::string parent;             // id of the host container (frame) it belongs to, "" if none
    std::string author;             // "" if unknown
};

// `drawn`: one section of a shape that lines divide into several, each part
// named by a title written in it (the canvas as Strategyzer draws it: a
// square and a circle cut by lines). Made by the structure step, never read.
enum class ContainerKind { frame, shape, drawn };

// A straight piece of a drawn line.
struct Segment {
    Point from;
    Point to;
};

// Where a `drawn` section lies: the part of the divided shape that can be
// reached from its title without crossing a line. The sections a shape is cut
// into by straight lines are convex in the canvas as drawn, and then a point is
// in the title's part exactly when the straight way to the title crosses no
// line (docs/board-format.md).
struct DrawnSection {
    std::string outline;  // the divided shape's geometry: "rectangle", "ellipse", "diamond"
    Rect outline_bounds;  // and its box
    Point anchor;         // the centre of the section's title
    std::vector<Segment> dividers;  // the pieces of lines that cross the shape

    bool contains(Point point) const;
};

// A frame, or a large shape that carries a title label. Sections and
// whole canvases are containers; which is which is decided by the layout step.
struct Container {
    std::string id;
    std::string title;  // plain text, "" if untitled
    Rect bounds;        // for a drawn section: the box of its part of the shape
    ContainerKind kind = ContainerKind::frame;
    std::string parent;  // enclosing frame id, "" if none; for a drawn section, the divided shape
    std::shared_ptr<const DrawnSection> drawn;  // set for kind `drawn` only
};

// A line drawn on the board that is not a connector between two notes:
// template drawing. Lines inside a shape that holds several section titles
// divide it into those sections; any other line means nothing to CanvasFit.
struct Line {
    std::string id;
    std::vector<Point> points;  // absolute, in drawing order
};

struct Connector {
    std::string id;
    std::string from;  // item id at the start
    std::string to;    // item id at the end
    std::string label;
};

// A dot-vote sticker: a small filled dot placed over a note.
struct Marker {
    std::string id;
    Rect bounds;
    std::string color;
};

// Something a reader saw but could not turn into the model. Readers never drop
// an item silently: each skipped item is listed here and reported to the user.
struct ReadIssue {
    std::string item_id;   // host id, "" if the item had none
    std::string location;  // JSON pointer into the input, e.g. /elements/12
    std::string message;
};

struct Board {
    std::string format;  // "excalidraw", "miro", "canvasfit"
    std::vector<Note> notes;
    std::vector<Container> containers;
    std::vector<Connector> connectors;
    std::vector<Marker> markers;
    std::vector<Line> lines;
    std::vector<ReadIssue> skipped;
};

}  // namespace canvasfit

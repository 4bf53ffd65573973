#!/usr/bin/env python3
"""Writes the bundled Excalidraw example boards and their gold answers.

    python3 scripts/make_examples.py

Output is deterministic (fixed seeds and timestamps), so running it again only
changes files when this script changes. Every element carries the full field
set that Excalidraw 0.18 saves, so the examples exercise the reader the way a
real file does.

Writes:
    examples/cafe-canvas.excalidraw          one canvas laid out with frames
    examples/two-canvases.excalidraw         two hand-drawn template canvases
    examples/drawn-canvas.excalidraw         one canvas drawn as Strategyzer draws it
    tests/data/gold/<example>.gold.json      which section each note belongs to
"""

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLD = ROOT / "tests" / "data" / "gold"

# Excalidraw's own palette (background picker), as sticky colours.
YELLOW = "#ffec99"
RED = "#ffc9c9"
GREEN = "#b2f2bb"
BLUE = "#a5d8ff"
VIOLET = "#d0bfff"
ORANGE = "#ffd8a8"
PINK = "#eebefa"
INK = "#1e1e1e"
DOT_RED = "#e03131"

FONT_EXCALIFONT = 5  # the default hand-drawn font since 0.18
LINE_HEIGHT = 1.25
BOUND_TEXT_PADDING = 5
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def fractional_index(n):
    """Keys in the form Excalidraw gives elements ("a0", "a1", ..., "b00")."""
    if n < 62:
        return "a" + BASE62[n]
    n -= 62
    return "b" + BASE62[n // 62] + BASE62[n % 62]


def text_width(line, font_size):
    # Excalifont averages about half an em per character; close enough for
    # laying out text boxes the way Excalidraw would measure them.
    return round(len(line) * font_size * 0.5, 2)


def wrap(text, max_width, font_size):
    """Greedy word wrap, as Excalidraw inserts soft line breaks into `text`."""
    lines, line = [], ""
    for word in text.split():
        candidate = word if not line else line + " " + word
        if line and text_width(candidate, font_size) > max_width:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return lines


class Scene:
    def __init__(self, seed, updated):
        self.rng = random.Random(seed)
        self.updated = updated
        self.elements = []
        self.by_id = {}

    def _nonce(self):
        return self.rng.randrange(1, 2**31)

    def _add(self, element):
        element["index"] = fractional_index(len(self.elements))
        self.elements.append(element)
        self.by_id[element["id"]] = element
        return element

    def _base(self, id, type, x, y, width, height, **style):
        self.updated += 137
        element = {
            "id": id,
            "type": type,
            "x": x,
            "y": y,
            "width": width,
            "height": height,
            "angle": style.get("angle", 0),
            "strokeColor": style.get("strokeColor", INK),
            "backgroundColor": style.get("backgroundColor", "transparent"),
            "fillStyle": style.get("fillStyle", "solid"),
            "strokeWidth": style.get("strokeWidth", 2),
            "strokeStyle": "solid",
            "roughness": style.get("roughness", 1),
            "opacity": 100,
            "groupIds": [],
            "frameId": style.get("frameId"),
            "index": None,
            "roundness": style.get("roundness"),
            "seed": self._nonce(),
            "version": style.get("version", 3),
            "versionNonce": self._nonce(),
            "isDeleted": style.get("isDeleted", False),
            "boundElements": [],
            "updated": self.updated,
            "link": None,
            "locked": False,
        }
        return element

    def frame(self, id, name, x, y, width, height):
        element = self._base(id, "frame", x, y, width, height, strokeColor="#bbb",
                             roughness=0)
        element["name"] = name
        return self._add(element)

    def shape(self, id, type, x, y, width, height, **style):
        roundness = {"type": 3} if type == "rectangle" else {"type": 2}
        style.setdefault("roundness", roundness)
        return self._add(self._base(id, type, x, y, width, height, **style))

    def sticky(self, id, text, x, y, color, frame_id=None, width=220, height=120,
               font_size=20, deleted=False):
        """A rectangle with bound text, which is how Excalidraw users make stickies."""
        lines = wrap(text, width - 2 * BOUND_TEXT_PADDING, font_size)
        text_height = len(lines) * font_size * LINE_HEIGHT
        height = max(height, text_height + 2 * BOUND_TEXT_PADDING)  # Excalidraw grows it
        version = 9 if deleted else 4
        box = self.shape(id, "rectangle", x, y, width, height, backgroundColor=color,
                         strokeColor=INK, frameId=frame_id, isDeleted=deleted, version=version)
        label_width = max(text_width(line, font_size) for line in lines)
        label = self._text(id + "-text", "\n".join(lines), text,
                           x + (width - label_width) / 2, y + (height - text_height) / 2,
                           font_size, container_id=id, frame_id=frame_id, deleted=deleted,
                           align="center", valign="middle", version=version)
        box["boundElements"].append({"type": "text", "id": label["id"]})
        return box

    def free_text(self, id, text, x, y, font_size=20, frame_id=None, color=INK):
        return self._text(id, text, text, x, y, font_size, frame_id=frame_id, color=color)

    def _text(self, id, shown, typed, x, y, font_size, container_id=None, frame_id=None,
              deleted=False, align="left", valign="top", color=INK, version=3):
        lines = shown.split("\n")
        element = self._base(id, "text", round(x, 2), round(y, 2),
                             max(text_width(line, font_size) for line in lines),
                             len(lines) * font_size * LINE_HEIGHT, strokeColor=color,
                             frameId=frame_id, isDeleted=deleted, version=version)
        element.update({
            "text": shown,
            "fontSize": font_size,
            "fontFamily": FONT_EXCALIFONT,
            "textAlign": align,
            "verticalAlign": valign,
            "containerId": container_id,
            "originalText": typed,
            "autoResize": True,
            "lineHeight": LINE_HEIGHT,
        })
        return self._add(element)

    def arrow(self, id, start_id, end_id, label=None):
        """A straight arrow from the right edge of one shape to the left edge of another."""
        start, end = self.by_id[start_id], self.by_id[end_id]
        gap = 5
        x0 = start["x"] + start["width"] + gap
        y0 = start["y"] + start["height"] / 2
        x1 = end["x"] - gap
        y1 = end["y"] + end["height"] / 2
        element = self._base(id, "arrow", x0, y0, abs(x1 - x0), abs(y1 - y0),
                             roundness={"type": 2})
        element.update({
            "points": [[0, 0], [x1 - x0, y1 - y0]],
            "lastCommittedPoint": None,
            "startBinding": {"elementId": start_id, "focus": 0, "gap": gap},
            "endBinding": {"elementId": end_id, "focus": 0, "gap": gap},
            "startArrowhead": None,
            "endArrowhead": "arrow",
            "elbowed": False,
        })
        self._add(element)
        start["boundElements"].append({"id": id, "type": "arrow"})
        end["boundElements"].append({"id": id, "type": "arrow"})
        if label:
            font_size = 16
            text = self._text(id + "-label", label, label,
                              (x0 + x1) / 2 - text_width(label, font_size) / 2,
                              (y0 + y1) / 2 - font_size * LINE_HEIGHT / 2, font_size,
                              container_id=id, align="center", valign="middle")
            element["boundElements"].append({"type": "text", "id": text["id"]})
        return element

    def line(self, id, x0, y0, x1, y1):
        """A straight line bound to nothing, as a template's dividing lines are."""
        element = self._base(id, "line", x0, y0, abs(x1 - x0), abs(y1 - y0), roundness={"type": 2})
        element.update({
            "points": [[0, 0], [x1 - x0, y1 - y0]],
            "lastCommittedPoint": None,
            "startBinding": None,
            "endBinding": None,
            "startArrowhead": None,
            "endArrowhead": None,
            "polygon": False,
        })
        return self._add(element)

    def dot(self, id, x, y, frame_id=None):
        """A dot-vote sticker: a small filled circle."""
        return self.shape(id, "ellipse", x, y, 16, 16, strokeColor=DOT_RED,
                          backgroundColor=DOT_RED, frameId=frame_id, strokeWidth=1)

    def document(self):
        for element in self.elements:
            if not element["boundElements"]:
                element["boundElements"] = None
        return {
            "type": "excalidraw",
            "version": 2,
            "source": "https://excalidraw.com",
            "elements": self.elements,
            "appState": {"gridSize": 20, "gridStep": 5, "gridModeEnabled": False,
                         "viewBackgroundColor": "#ffffff"},
            "files": {},
        }


class Gold:
    def __init__(self):
        self.notes = {}
        self.canvases = 0

    def add(self, note_id, section, canvas):
        self.notes[note_id] = {"section": section, "canvas": canvas}
        self.canvases = max(self.canvases, canvas)

    def document(self):
        return {"canvases": self.canvases, "notes": self.notes}


def grid_slots(x, y, count, left=50, top=60, column=280, row=170):
    """Top-left corners for stickies in two columns inside a section."""
    return [(x + left + (i % 2) * column, y + top + (i // 2) * row) for i in range(count)]


# --- Example 1: one canvas in frames ------------------------------------------

CAFE_SECTIONS = [
    # frame id, frame name, section, x, y, width, height, sticky colour, notes
    ("frame-products", "Products & Services", "products", 0, 400, 600, 1220, YELLOW, [
        "Online order page with the café's own menu",
        "Kitchen display app for a tablet",
        "SMS 'order ready' notifications",
        "Setup by phone in one afternoon",
        "Flat monthly fee, no commission",
    ]),
    ("frame-creators", "Gain Creators", "creators", 620, 400, 600, 600, VIOLET, [
        "Saved favourites for one-tap reorder",
        "Daily sales by item, emailed at closing",
        "Suggests batch sizes from last week's orders",
        "Branded order page keeps customers with the café",
        "Staff mode a new hire learns in 10 minutes",
    ]),
    ("frame-relievers", "Pain Relievers", "relievers", 620, 1020, 600, 600, ORANGE, [
        "Card payment at ordering stops no-shows",
        "Orders go straight to the kitchen screen",
        "Pick-up time slots spread out the rush",
        "Customers order online instead of calling",
        "Flat fee instead of per-order commission",
    ]),
    ("frame-gains", "Gains", "gains", 1520, 400, 600, 600, GREEN, [
        "Order ready the minute the customer walks in",
        "More lunch orders without hiring",
        "Regulars reorder 'the usual' in one tap",
        "See tomorrow's bread needs at a glance",
        "Keep the margin that delivery apps take",
    ]),
    ("frame-pains", "Pains", "pains", 1520, 1020, 600, 600, RED, [
        "Phone orders get lost at rush hour",
        "Handwritten tickets misread by the kitchen",
        "Staff can't hear callers over the espresso machine",
        "Customers arrive before the order is started",
        "No-shows leave paid-for food in the bin",
        "Delivery apps take 30% commission",
    ]),
    ("frame-jobs", "Customer Jobs", "jobs", 2140, 400, 600, 1220, BLUE, [
        "Take phone orders without stopping the coffee queue",
        "Have pick-up orders ready on time",
        "Know what sells to plan tomorrow's stock",
        "Keep regulars coming back",
        "Balance the till at closing",
        "Train seasonal staff quickly",
    ]),
]

CAFE_SEGMENT = [
    "Independent café owners with 1–3 shops",
    "Take 30–80 phone orders a day for pick-up",
    "Owner works the counter at rush hour",
    "No IT staff; runs a tablet till",
]


def make_cafe():
    scene = Scene(seed=2024, updated=1736942400000)
    gold = Gold()
    scene.free_text("cafe-heading", "Value Proposition Canvas", 0, 300, font_size=36)

    segment = scene.frame("frame-segment", "Customer Segment", 1520, 40, 1220, 320)
    for i, text in enumerate(CAFE_SEGMENT):
        note_id = "segment-%d" % (i + 1)
        scene.sticky(note_id, text, segment["x"] + 40 + i * 290, segment["y"] + 90, PINK,
                     frame_id=segment["id"])
        gold.add(note_id, "segment", 1)

    for frame_id, name, section, x, y, width, height, color, notes in CAFE_SECTIONS:
        scene.frame(frame_id, name, x, y, width, height)
        for i, (text, (nx, ny)) in enumerate(zip(notes, grid_slots(x, y, len(notes)))):
            note_id = "%s-%d" % (section, i + 1)
            scene.sticky(note_id, text, nx, ny, color, frame_id=frame_id)
            gold.add(note_id, section, 1)

    # Ideas jotted as plain text rather than on a sticky.
    scene.free_text("creators-idea", "Idea: digital stamp card on the order page",
                    620 + 50, 400 + 540, frame_id="frame-creators")
    gold.add("creators-idea", "creators", 1)
    scene.free_text("jobs-idea", "Prep the lunch specials before 11:30",
                    2140 + 50, 400 + 560, frame_id="frame-jobs")
    gold.add("jobs-idea", "jobs", 1)

    # Two dot votes on the top pain.
    pain = scene.by_id["pains-1"]
    scene.dot("vote-1", pain["x"] + pain["width"] - 40, pain["y"] + 8, frame_id="frame-pains")
    scene.dot("vote-2", pain["x"] + pain["width"] - 22, pain["y"] + 8, frame_id="frame-pains")

    # Which reliever answers which pain.
    scene.arrow("link-1", "relievers-2", "pains-1", label="fixes")
    scene.arrow("link-2", "relievers-4", "pains-3")

    # A sticky someone deleted: Excalidraw keeps it, with its text, as a tombstone.
    slot = grid_slots(0, 400, 6)[5]
    scene.sticky("products-deleted", "Loyalty card app", slot[0], slot[1], YELLOW,
                 frame_id="frame-products", deleted=True)
    return scene, gold


# --- Example 2: two hand-drawn template canvases ------------------------------

# section, title, x, y, width, height (relative to the canvas origin)
TEMPLATE_SECTIONS = [
    ("products", "Products and Services", 0, 400, 560, 1160),
    ("creators", "Gain creators", 560, 400, 560, 580),
    ("relievers", "Pain relievers", 560, 980, 560, 580),
    ("gains", "Gains", 1320, 400, 560, 580),
    ("pains", "Pains", 1320, 980, 560, 580),
    ("jobs", "Customer Jobs", 1880, 400, 560, 1160),
    ("segment", "Customer segment", 1320, 40, 1120, 300),
]
TEMPLATE_WIDTH = 2440
CANVAS_GAP = 300

PARENTS = {
    "segment": [
        "Parents of kids under 8",
        "Both parents work full-time",
        "Cook dinner 5+ nights a week",
    ],
    "jobs": [
        "Get a healthy dinner on the table by 6:30",
        "Plan the week's meals",
        "Get the kids to eat vegetables",
        "Fit the grocery run around nap times",
        "Pack lunches for nursery",
    ],
    "pains": [
        "Deciding what to cook every night is exhausting",
        "Kids refuse anything new",
        "Half the fresh vegetables go off before we use them",
        "A supermarket trip with toddlers takes an hour",
    ],
    "gains": [
        "A dinner the whole family eats without a fight",
        "20 free minutes in the evening",
        "Feel good about what the kids eat",
        "Less food thrown away",
    ],
    "products": [
        "Weekly box with pre-portioned ingredients",
        "Family recipes in 20 minutes or less",
        "App to pick meals and skip weeks",
        "Kids' cooking cards",
    ],
    "relievers": [
        "We pick the week's menu; you swap what you don't like",
        "Exact portions so nothing goes off",
        "Delivered to the door on Sunday",
        "Kid-tested recipes with mild versions",
    ],
    "creators": [
        "Kids help with one simple step per recipe",
        "Nutrition badges parents can trust",
        "One-pot recipes, less washing up",
    ],
}

STUDENTS = {
    "segment": [
        "Students sharing a flat (3–5 people)",
        "Tight weekly food budget",
        "Cook together a few nights a week",
    ],
    "jobs": [
        "Cook a cheap dinner for the whole flat",
        "Split grocery costs fairly",
        "Learn to cook a few real meals",
        "Eat better than instant noodles during exams",
    ],
    "pains": [
        "Arguing about who paid for what",
        "Shared fridge full of mystery leftovers",
        "Recipes serve 2 or 4, never 5",
        "Meal kits cost more than the weekly budget",
        "No time to shop during exam weeks",
    ],
    "gains": [
        "Dinner under £3 a head",
        "Flat dinners as a social thing",
        "Actually learn to cook",
        "Less waste in the shared fridge",
    ],
    "products": [
        "Flat-share box for 3–6 people",
        "In-app cost splitting between flatmates",
        "Student pricing with a uni email",
        "Budget recipe plan",
    ],
    "relievers": [
        "Each flatmate pays their share in the app",
        "Portions scale to the number of flatmates",
        "Pause deliveries during the holidays",
        "Everything in the box gets used that week",
    ],
    "creators": [
        "Cook-together recipes with a job for everyone",
        "Skill badges: from pasta to curry",
        "Exam-week freezer meals",
    ],
}


def add_template_canvas(scene, gold, canvas, prefix, origin_x, notes_by_section, color):
    for section, title, x, y, width, height in TEMPLATE_SECTIONS:
        x += origin_x
        area_id = "%s-%s-area" % (prefix, section)
        scene.shape(area_id, "rectangle", x, y, width, height, roundness=None)
        scene.free_text("%s-%s-title" % (prefix, section), title, x + 20, y + 16, font_size=28)
        notes = notes_by_section[section]
        if section == "segment":
            slots = [(x + 40 + i * 260, y + 100) for i in range(len(notes))]
        else:
            slots = grid_slots(x, y, len(notes), left=40, top=80, column=260, row=140)
        for i, (text, (nx, ny)) in enumerate(zip(notes, slots)):
            note_id = "%s-%s-%d" % (prefix, section, i + 1)
            scene.sticky(note_id, text, nx, ny, color, width=200, height=110, font_size=16)
            gold.add(note_id, section, canvas)


def make_two_canvases():
    scene = Scene(seed=2025, updated=1737028800000)
    gold = Gold()
    add_template_canvas(scene, gold, 1, "parents", 0, PARENTS, YELLOW)
    add_template_canvas(scene, gold, 2, "students", TEMPLATE_WIDTH + CANVAS_GAP, STUDENTS, BLUE)
    return scene, gold


# --- Example 3: one canvas drawn as Strategyzer draws it ------------------------
# A square for the value map and a circle for the customer profile, each cut
# by lines into its three parts, a free title in each part, no frames, and
# every sticky from one yellow pad: the layout alone says where a note is.

BIKES = {
    "products": ["Repair van that parks at the office", "Booking app with photo check",
                 "Monthly care plan"],
    "relievers": ["Repairs done in the car park during working hours",
                  "Fixed price shown before you book", "Loan bike while yours is in the van"],
    "creators": ["Reminder before brake pads wear out", "Bike back at your desk by five"],
    "gains": ["A bike that never lets me down", "Repairs done while I am at work"],
    "pains": ["Repair shops only open during working hours", "No idea what a repair will cost",
              "A flat tyre on the way in makes me late"],
    "jobs": ["Ride to work every day", "Keep the bike safe to ride", "Carry a laptop on the bike"],
}
DRAWN_SQUARE = (0, 300, 1000)    # x, y, side
DRAWN_CIRCLE = (1300, 300, 1100)  # x, y, diameter
DRAWN_STICKY = (200, 100)


def drawn_slots(box, count, fits):
    """Top-left corners for `count` stickies on a grid in box (x, y, w, h) where fits(x, y)."""
    x0, y0, w, h = box
    sw, sh = DRAWN_STICKY
    slots = []
    for row in range(int((h - 80) // (sh + 30))):
        for column in range(int((w - 40) // (sw + 30))):
            x, y = x0 + 30 + column * (sw + 30), y0 + 80 + row * (sh + 30)
            if x + sw <= x0 + w - 20 and y + sh <= y0 + h - 20 and fits(x, y):
                slots.append((x, y))
    assert len(slots) >= count, "the drawing has no room for %d notes in %s" % (count, box)
    return slots[:count]


def make_drawn():
    scene = Scene(seed=2026, updated=1765152000000)
    gold = Gold()
    sx, sy, side = DRAWN_SQUARE
    cx0, cy0, diameter = DRAWN_CIRCLE
    radius = diameter / 2
    cx, cy = cx0 + radius, cy0 + radius
    scene.free_text("heading-map", "Value Map", sx + side / 2 - 60, sy - 60, font_size=28)
    scene.free_text("heading-profile", "Customer Profile", cx - 110, cy0 - 60, font_size=28)
    scene.shape("value-map", "rectangle", sx, sy, side, side, roundness=None)
    scene.line("map-split", sx + side / 2, sy, sx + side / 2, sy + side)
    scene.line("map-right", sx + side / 2, sy + side / 2, sx + side, sy + side / 2)
    scene.shape("profile", "ellipse", cx0, cy0, diameter, diameter)
    scene.line("profile-split", cx, cy0, cx, cy0 + diameter)
    scene.line("profile-left", cx0, cy, cx, cy)
    in_circle = lambda x, y: all((px - cx) ** 2 + (py - cy) ** 2 <= (radius - 15) ** 2
                                 for px in (x, x + DRAWN_STICKY[0]) for py in (y, y + DRAWN_STICKY[1]))
    anywhere = lambda x, y: True
    parts = [  # section, title, its part's box, the title's place, where a sticky fits
        ("products", "Products & Services", (sx, sy, side / 2, side), (sx + 20, sy + 16), anywhere),
        ("creators", "Gain Creators", (sx + side / 2, sy, side / 2, side / 2), (sx + side / 2 + 20, sy + 16), anywhere),
        ("relievers", "Pain Relievers", (sx + side / 2, sy + side / 2, side / 2, side / 2),
         (sx + side / 2 + 20, sy + side / 2 + 16), anywhere),
        ("gains", "Gains", (cx0, cy0 + 120, radius, radius - 120), (cx - 260, cy0 + 90), in_circle),
        ("pains", "Pains", (cx0, cy, radius, radius), (cx - 260, cy + diameter / 2 - 90), in_circle),
        ("jobs", "Customer Jobs", (cx, cy0 + 120, radius, diameter - 120), (cx + 60, cy0 + 90), in_circle),
    ]
    for section, title, box, (tx, ty), fits in parts:
        scene.free_text("title-" + section, title, tx, ty, font_size=28)
        for i, (text, (x, y)) in enumerate(zip(BIKES[section], drawn_slots(box, len(BIKES[section]), fits))):
            note_id = "%s-%d" % (section, i + 1)
            scene.sticky(note_id, text, x, y, YELLOW, width=DRAWN_STICKY[0], height=DRAWN_STICKY[1],
                         font_size=16)
            gold.add(note_id, section, 1)
    # The segment, in a labelled box above the circle, as many teams add it.
    scene.shape("segment-box", "rectangle", cx0 + 250, 20, 600, 200, roundness=None)
    title = scene.free_text("title-segment", "Customer Segment", cx0 + 270, 36, font_size=28)
    title["width"] = round(title["width"] * 1.15, 2)  # wide capitals: half an em per letter is too narrow
    scene.sticky("segment-1", "Commuters who ride to an office every day", cx0 + 300, 90, YELLOW,
                 width=DRAWN_STICKY[0] * 2, height=DRAWN_STICKY[1], font_size=16)
    gold.add("segment-1", "segment", 1)
    return scene, gold


def tidy_numbers(value):
    """Writes 432.0 as 432, as JavaScript's JSON.stringify does."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: tidy_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [tidy_numbers(item) for item in value]
    return value


def write_json(path, document):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(tidy_numbers(document), indent=2, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def main():
    for name, make in [("cafe-canvas.excalidraw", make_cafe),
                       ("two-canvases.excalidraw", make_two_canvases),
                       ("drawn-canvas.excalidraw", make_drawn)]:
        scene, gold = make()
        write_json(EXAMPLES / name, scene.document())
        write_json(GOLD / (name + ".gold.json"), gold.document())
        print("wrote examples/%s (%d elements, %d notes in gold)"
              % (name, len(scene.elements), len(gold.notes)))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the synthetic boards the benchmarks run on (bench/README.md).

    python3 bench/make_boards.py [--out build/bench/boards] [--sizes 100,1000,10000,50000]
                                 [--single 10000] [--formats canvasfit,excalidraw,miro]

Each size N is one board of N notes spread over many canvases, the way a
workshop board grows: one Value Proposition Canvas per customer segment, each
with its seven section frames laid out like the printed canvas, sections of
realistic sizes (1-2 segment notes, 4-10 jobs, pains and gains, 2-5 products,
4-8 relievers and creators), dot votes on some jobs, pains and gains, a few
priority markers and tags, and connectors from some relievers to the pains they
relieve. About one note in ten sits in its section without being a member of
the frame (dragged in loosely), so the layout places it by position. `--single`
adds the adversarial board: one canvas holding all of its notes.

Note texts come from the labelled corpus (tests/corpus/notes/*.tsv), one of
the right section at a time, with words swapped for others drawn from the whole
corpus vocabulary with Zipf-like odds, and relievers, creators and products
that reuse words of a pain, gain or job of their own canvas (what the linker
looks for). Everything is seeded: the same arguments give the same bytes.

Every board is written in three formats, the same board each time:
  <name>.canvasfit.json  CanvasFit board (docs/board-format.md)
  <name>.excalidraw      Excalidraw scene as excalidraw.com saves it (2-space indent)
  <name>.miro.json       Miro REST API v2 bundle: item pages of 50 and connector pages
(Excalidraw only up to 10,000 notes: larger exports pass the 64 MB input
limit) and <out>/manifest.json lists them with note counts and byte sizes. A board
whose file exists and was made by this version of the script is not rewritten.
"""
import argparse
import hashlib
import json
import math
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECTIONS = ["segment", "jobs", "pains", "gains", "products", "relievers", "creators"]
TITLES = {
    "segment": ["Customer Segment", "Segment", "Target customers"],
    "jobs": ["Customer Jobs", "Jobs to be done", "Jobs"],
    "pains": ["Pains", "Customer Pains", "Pain points"],
    "gains": ["Gains", "Customer Gains", "Desired gains"],
    "products": ["Products & Services", "Products + services", "Our offer"],
    "relievers": ["Pain Relievers", "Pain killers", "Relievers"],
    "creators": ["Gain Creators", "Gain creators", "Creators"],
}
COLORS = {
    "segment": "#eebefa", "jobs": "#a5d8ff", "pains": "#ffc9c9", "gains": "#b2f2bb",
    "products": "#ffec99", "relievers": "#ffd8a8", "creators": "#d0bfff",
}
MIRO_COLORS = {
    "segment": "violet", "jobs": "light_blue", "pains": "light_pink", "gains": "light_green",
    "products": "light_yellow", "relievers": "orange", "creators": "cyan",
}
# Notes per section on a normal canvas: (fewest, most).
SECTION_SIZES = {
    "segment": (1, 2), "jobs": (4, 10), "pains": (5, 10), "gains": (5, 10),
    "products": (2, 5), "relievers": (4, 8), "creators": (4, 8),
}
# What a value-map note answers: relievers reuse pain words, and so on.
ANSWERS = {"relievers": "pains", "creators": "gains", "products": "jobs"}
ANSWER_FRAMES = {
    "relievers": ["{} handled for you", "No more {}", "Automatic {}", "{} fixed in one tap",
                  "Free {} included", "Reminders before {}"],
    "creators": ["More {}", "{} at a glance", "Weekly {} report", "Guaranteed {}",
                 "{} shared with the team", "Better {} every month"],
    "products": ["{} app", "{} service", "Online {} portal", "{} subscription",
                 "{} kit", "{} helpline"],
}
PRIORITY_TAGS = ["must-have", "nice to have", "validated", "assumption", "p1", "high"]
STOP = set("""a an and are as at be but by for from has have i in is it its of on or our so
that the their them they this to was we were what when which who will with you your
not no can get more than too into out up over just every all one""".split())

NOTE_W, NOTE_H, STEP, PAD, TITLE_H = 160, 160, 180, 40, 60
DOT = 16
# A 50,000-note Excalidraw export is ~115 MB, over the documented 64 MB input
# limit (docs/limits.md), so larger boards are not written in that format.
MAX_EXCALIDRAW_NOTES = 10000


# ---------------------------------------------------------------- texts

def load_corpus():
    texts = {section: [] for section in SECTIONS}
    for name in ("train.tsv", "heldout.tsv"):
        with open(os.path.join(ROOT, "tests/corpus/notes", name), encoding="utf-8") as f:
            for line in f:
                section, _, text = line.rstrip("\n").partition("\t")
                if section in texts and text:
                    texts[section].append(text)
    return texts


def words_of(text):
    return re.findall(r"[A-Za-z][A-Za-z'-]*", text)


class TextMaker:
    """Varied, realistic note texts with a Zipf-like word distribution."""

    def __init__(self, rng):
        self.rng = rng
        self.corpus = load_corpus()
        counts = {}
        for texts in self.corpus.values():
            for text in texts:
                for word in words_of(text):
                    w = word.lower()
                    if len(w) > 3 and w not in STOP:
                        counts[w] = counts.get(w, 0) + 1
        # Most frequent first; weight 1/rank gives the long tail real boards have.
        self.vocabulary = sorted(counts, key=lambda w: (-counts[w], w))
        cumulative, total = [], 0.0
        for rank in range(len(self.vocabulary)):
            total += 1.0 / (rank + 1)
            cumulative.append(total)
        self.cumulative, self.total = cumulative, total

    def zipf_word(self):
        target = self.rng.random() * self.total
        lo, hi = 0, len(self.cumulative) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cumulative[mid] < target:
                lo = mid + 1
            else:
                hi = mid
        return self.vocabulary[lo]

    def varied(self, section):
        words = self.rng.choice(self.corpus[section]).split(" ")
        for _ in range(self.rng.choice((0, 1, 1, 2))):
            spots = [i for i, w in enumerate(words) if len(w) > 3 and w.lower() not in STOP]
            if spots:
                words[self.rng.choice(spots)] = self.zipf_word()
        return " ".join(words)

    def answer(self, section, target_text):
        content = [w.lower() for w in words_of(target_text) if len(w) > 3 and w.lower() not in STOP]
        if not content:
            return self.varied(section)
        picked = self.rng.sample(content, min(len(content), self.rng.choice((1, 2, 2, 3))))
        text = self.rng.choice(ANSWER_FRAMES[section]).format(" ".join(picked))
        return text[0].upper() + text[1:]


# ---------------------------------------------------------------- board model

def grid(count):
    """Columns and rows of a section holding `count` notes."""
    cols = max(2, math.ceil(math.sqrt(count))) if count > 9 else min(3, max(2, count))
    rows = max(1, math.ceil(count / cols))
    return cols, rows


def frame_size(count):
    cols, rows = grid(count)
    return 2 * PAD + cols * STEP - (STEP - NOTE_W), TITLE_H + PAD + rows * STEP


def section_counts(rng, total=None):
    if total is None:
        return {s: rng.randint(*SECTION_SIZES[s]) for s in SECTIONS}
    # The adversarial canvas: every section huge, in the usual proportions.
    weights = {s: sum(SECTION_SIZES[s]) for s in SECTIONS}
    counts = {s: max(1, total * weights[s] // sum(weights.values())) for s in SECTIONS}
    counts["pains"] += total - sum(counts.values())
    return counts


def place_frames(counts, x0, y0):
    """The printed canvas: value map on the left, profile on the right, segment on top."""
    size = {s: frame_size(counts[s]) for s in SECTIONS}
    gap = 40
    main_y = y0 + size["segment"][1] + gap
    value_map_h = max(size["products"][1], size["creators"][1] + gap + size["relievers"][1])
    right_w = max(size["creators"][0], size["relievers"][0])
    profile_x = x0 + size["products"][0] + gap + right_w + 160
    left_profile_w = max(size["gains"][0], size["pains"][0])
    profile_h = max(size["jobs"][1], size["gains"][1] + gap + size["pains"][1])
    profile_w = left_profile_w + gap + size["jobs"][0]
    frames = {
        "products": (x0, main_y, size["products"][0], value_map_h),
        "creators": (x0 + size["products"][0] + gap, main_y, right_w, size["creators"][1]),
        "relievers": (x0 + size["products"][0] + gap, main_y + size["creators"][1] + gap,
                      right_w, value_map_h - size["creators"][1] - gap),
        "gains": (profile_x, main_y, left_profile_w, size["gains"][1]),
        "pains": (profile_x, main_y + size["gains"][1] + gap, left_profile_w,
                  profile_h - size["gains"][1] - gap),
        "jobs": (profile_x + left_profile_w + gap, main_y, size["jobs"][0], profile_h),
        "segment": (profile_x, y0, profile_w, size["segment"][1]),
    }
    width = profile_x + profile_w - x0
    height = main_y + max(value_map_h, profile_h) - y0
    return frames, width, height


def make_board(notes_wanted, single, seed):
    rng = random.Random(seed)
    texts = TextMaker(rng)
    plans = []
    if single:
        plans.append(section_counts(rng, notes_wanted))
    else:
        remaining = notes_wanted
        while remaining > 0:
            counts = section_counts(rng)
            total = sum(counts.values())
            if total > remaining:  # the last canvas takes what is left, in order
                counts = {s: 0 for s in SECTIONS}
                for i in range(remaining):
                    counts[SECTIONS[(i + 1) % len(SECTIONS)] if i else "segment"] += 1
            plans.append(counts)
            remaining -= sum(counts.values())

    per_row = max(1, math.ceil(math.sqrt(len(plans))))
    board = {"frames": [], "notes": [], "dots": [], "connectors": []}
    x, y, row_h = 0, 0, 0
    for c, counts in enumerate(plans):
        if c and c % per_row == 0:
            x, y, row_h = 0, y + row_h + 900, 0
        width, height = add_canvas(board, rng, texts, c + 1, counts, x, y)
        x += width + 900
        row_h = max(row_h, height)
    return board


def add_canvas(board, rng, texts, number, counts, x0, y0):
    frames, width, height = place_frames(counts, x0, y0)
    by_section = {}
    for section in SECTIONS:
        fx, fy, fw, fh = frames[section]
        frame_id = f"c{number}-{section}"
        board["frames"].append({"id": frame_id, "title": rng.choice(TITLES[section]),
                                "x": fx, "y": fy, "w": fw, "h": fh})
        cols, _ = grid(counts[section])
        notes = []
        for i in range(counts[section]):
            row, col = divmod(i, cols)
            note = {
                "id": f"c{number}-{section[:3]}-{i + 1}", "section": section,
                "x": fx + PAD + col * STEP + rng.randint(-4, 4),
                "y": fy + TITLE_H + row * STEP + rng.randint(-4, 4),
                "w": NOTE_W, "h": NOTE_H, "color": COLORS[section],
                # One in ten was dragged in loosely: placed by position, not membership.
                "frame": frame_id if rng.random() >= 0.1 else "",
                "tags": [], "author": rng.choice(["Ana", "Ben", "Chloe", "Dev", "Eli"]),
            }
            target = by_section.get(ANSWERS.get(section, ""), [])
            if target and rng.random() < 0.5:
                note["text"] = texts.answer(section, rng.choice(target)["text"])
            else:
                note["text"] = texts.varied(section)
            if section in ("jobs", "pains", "gains"):
                cue = rng.random()
                if cue < 0.04:
                    note["text"] = "!!! " + note["text"]
                elif cue < 0.08:
                    note["tags"].append(rng.choice(PRIORITY_TAGS))
                for v in range(rng.choice((0, 0, 0, 1, 2, 3))):
                    board["dots"].append({"id": f"{note['id']}-dot{v + 1}",
                                          "x": note["x"] + NOTE_W - 24 - 18 * v, "y": note["y"] + 8})
            notes.append(note)
        by_section[section] = notes
        board["notes"].extend(notes)
    # A quarter of the relievers have an arrow drawn to the pain they relieve.
    for reliever in by_section["relievers"]:
        if by_section["pains"] and rng.random() < 0.25:
            pain = rng.choice(by_section["pains"])
            board["connectors"].append({"id": f"{reliever['id']}-link", "from": reliever["id"],
                                        "to": pain["id"], "label": rng.choice(["", "", "fixes"])})
    return width, height


# ---------------------------------------------------------------- writers

def canvasfit_json(board):
    return {
        "schema": "canvasfit.board/1",
        "notes": [{"id": n["id"], "text": n["text"], "x": n["x"], "y": n["y"], "width": n["w"],
                   "height": n["h"], "kind": "sticky", "color": n["color"], "tags": n["tags"],
                   "parent": n["frame"], "author": n["author"]} for n in board["notes"]],
        "containers": [{"id": f["id"], "title": f["title"], "x": f["x"], "y": f["y"],
                        "width": f["w"], "height": f["h"], "kind": "frame", "parent": ""}
                       for f in board["frames"]],
        "connectors": [{"id": c["id"], "from": c["from"], "to": c["to"], "label": c["label"]}
                       for c in board["connectors"]],
        "markers": [{"id": d["id"], "x": d["x"], "y": d["y"], "width": DOT, "height": DOT,
                     "color": "#e03131"} for d in board["dots"]],
    }


class ExcalidrawWriter:
    """Elements with every field excalidraw.com 0.18 saves, in its order."""

    def __init__(self, rng):
        self.rng = rng
        self.index = 0
        self.elements = []

    def base(self, id_, type_, x, y, w, h, frame, **extra):
        self.index += 1
        element = {
            "id": id_, "type": type_, "x": x, "y": y, "width": w, "height": h, "angle": 0,
            "strokeColor": "#1e1e1e", "backgroundColor": "transparent", "fillStyle": "solid",
            "strokeWidth": 2, "strokeStyle": "solid", "roughness": 1, "opacity": 100,
            "groupIds": [], "frameId": frame or None, "index": f"a{self.index:x}",
            "roundness": None, "seed": self.rng.randrange(1 << 31), "version": 4,
            "versionNonce": self.rng.randrange(1 << 31), "isDeleted": False,
            "boundElements": None, "updated": 1736942400000 + self.index, "link": None,
            "locked": False,
        }
        element.update(extra)
        self.elements.append(element)
        return element

    def text(self, id_, text, x, y, w, frame, container):
        lines = text.count("\n") + 1
        return self.base(id_, "text", x, y, w, 25 * lines, frame, text=text, fontSize=20,
                         fontFamily=5, textAlign="center", verticalAlign="middle",
                         containerId=container, originalText=text, autoResize=True,
                         lineHeight=1.25)

    def scene(self, board):
        for f in board["frames"]:
            self.base(f["id"], "frame", f["x"], f["y"], f["w"], f["h"], None,
                      strokeColor="#bbb", roughness=0, name=f["title"])
        arrows_at = {}
        for c in board["connectors"]:
            arrows_at.setdefault(c["from"], []).append(c["id"])
            arrows_at.setdefault(c["to"], []).append(c["id"])
        for n in board["notes"]:
            bound = [{"type": "text", "id": n["id"] + "-text"}]
            bound += [{"type": "arrow", "id": a} for a in arrows_at.get(n["id"], [])]
            self.base(n["id"], "rectangle", n["x"], n["y"], n["w"], n["h"], n["frame"],
                      backgroundColor=n["color"], roundness={"type": 3}, boundElements=bound,
                      **({"customData": {"tags": n["tags"]}} if n["tags"] else {}))
            self.text(n["id"] + "-text", n["text"], n["x"] + 5, n["y"] + 40, n["w"] - 10,
                      n["frame"], n["id"])
        notes = {n["id"]: n for n in board["notes"]}
        for d in board["dots"]:
            self.base(d["id"], "ellipse", d["x"], d["y"], DOT, DOT, None,
                      backgroundColor="#e03131", strokeColor="#e03131")
        for c in board["connectors"]:
            a, b = notes[c["from"]], notes[c["to"]]
            x, y = a["x"] + a["w"], a["y"] + a["h"] / 2
            dx, dy = b["x"] - x, b["y"] + b["h"] / 2 - y
            self.base(c["id"], "arrow", x, y, abs(dx), abs(dy), None, roundness={"type": 2},
                      points=[[0, 0], [dx, dy]], lastCommittedPoint=None,
                      startBinding={"elementId": c["from"], "focus": 0, "gap": 4},
                      endBinding={"elementId": c["to"], "focus": 0, "gap": 4},
                      startArrowhead=None, endArrowhead="arrow", elbowed=False)
        return {"type": "excalidraw", "version": 2, "source": "https://excalidraw.com",
                "elements": self.elements,
                "appState": {"gridSize": 20, "gridStep": 5, "gridModeEnabled": False,
                             "viewBackgroundColor": "#ffffff"},
                "files": {}}


def miro_bundle(board, rng):
    """Miro REST API v2 output: positions are centres, children relative to their frame."""
    board_url = "https://api.miro.com/v2/boards/uXjVBench%3D"
    ids = {}

    def miro_id(key):
        if key not in ids:
            ids[key] = str(3458764517518000000 + len(ids) * 7919)
        return ids[key]

    users = [str(3458764512847362531 + k) for k in range(5)]

    def stamp(item, kind):
        user = {"id": rng.choice(users), "type": "user"}
        item.update({"createdAt": "2025-01-15T09:15:33Z", "createdBy": user,
                     "modifiedAt": "2025-01-15T09:15:33Z", "modifiedBy": user,
                     "links": {"self": f"{board_url}/{kind}/{item['id']}"}})
        return item

    frames = {f["id"]: f for f in board["frames"]}
    items = []
    for f in board["frames"]:
        items.append(stamp({
            "id": miro_id(f["id"]), "type": "frame",
            "data": {"format": "custom", "title": f["title"], "type": "freeform",
                     "showContent": True},
            "style": {"fillColor": "#ffffff"},
            "geometry": {"width": float(f["w"]), "height": float(f["h"])},
            "position": {"x": f["x"] + f["w"] / 2, "y": f["y"] + f["h"] / 2,
                         "origin": "center", "relativeTo": "canvas_center"},
        }, "frames"))
    for n in board["notes"]:
        item = {"id": miro_id(n["id"]), "type": "sticky_note",
                "data": {"content": "<p>" + n["text"].replace("&", "&amp;").replace("<", "&lt;")
                         + "</p>", "shape": "square"},
                "style": {"fillColor": MIRO_COLORS[n["section"]], "textAlign": "center",
                          "textAlignVertical": "top"},
                "geometry": {"width": float(n["w"]), "height": float(n["h"])}}
        cx, cy = n["x"] + n["w"] / 2, n["y"] + n["h"] / 2
        if n["frame"]:
            f = frames[n["frame"]]
            item["position"] = {"x": cx - f["x"], "y": cy - f["y"], "origin": "center",
                                "relativeTo": "parent_top_left"}
            item["parent"] = {"id": miro_id(f["id"]),
                              "links": {"self": f"{board_url}/items/{miro_id(f['id'])}"}}
        else:
            item["position"] = {"x": cx, "y": cy, "origin": "center",
                                "relativeTo": "canvas_center"}
        if n["tags"]:
            item["tagIds"] = [miro_id("tag:" + t) for t in n["tags"]]
        items.append(stamp(item, "sticky_notes"))
    for d in board["dots"]:
        items.append(stamp({
            "id": miro_id(d["id"]), "type": "shape",
            "data": {"content": "", "shape": "circle"},
            "style": {"fillColor": "#e03131", "fillOpacity": "1.0", "borderColor": "#e03131"},
            "geometry": {"width": float(DOT), "height": float(DOT)},
            "position": {"x": d["x"] + DOT / 2, "y": d["y"] + DOT / 2, "origin": "center",
                         "relativeTo": "canvas_center"},
        }, "shapes"))
    connectors = [stamp({
        "id": miro_id(c["id"]), "type": "connector", "shape": "curved",
        "startItem": {"id": miro_id(c["from"]), "links": {}},
        "endItem": {"id": miro_id(c["to"]), "links": {}},
        "style": {"endStrokeCap": "stealth", "strokeColor": "#1a1a1a"},
        **({"captions": [{"content": c["label"]}]} if c["label"] else {}),
    }, "connectors") for c in board["connectors"]]
    tags = sorted({t for n in board["notes"] for t in n["tags"]})

    def pages(values, kind):
        size = 50
        return [{"data": values[i:i + size], "total": len(values), "size": len(values[i:i + size]),
                 "limit": size, "cursor": f"{kind}-{i + size}", "type": "cursor-list",
                 "links": {"self": f"{board_url}/{kind}?limit={size}"}}
                for i in range(0, max(1, len(values)), size)]

    return {"items": pages(items, "items"), "connectors": pages(connectors, "connectors"),
            "tags": [{"id": miro_id("tag:" + t), "title": t, "fillColor": "red", "type": "tag"}
                     for t in tags]}


# ---------------------------------------------------------------- main

def script_hash():
    with open(os.path.abspath(__file__), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def write_json(path, value, indent):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=indent, ensure_ascii=False,
                  separators=(",", ": ") if indent else (",", ":"))
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "build/bench/boards"))
    parser.add_argument("--sizes", default="100,1000,10000,50000")
    parser.add_argument("--single", default="10000", help="notes on the one-canvas board, 0 for none")
    parser.add_argument("--formats", default="canvasfit,excalidraw,miro")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    manifest_path = os.path.join(args.out, "manifest.json")
    manifest = {"generator": script_hash(), "boards": {}}
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            old = json.load(f)
        if old.get("generator") == manifest["generator"]:
            manifest["boards"] = old.get("boards", {})

    jobs = [(f"notes-{int(s)}", int(s), False) for s in args.sizes.split(",") if s]
    if int(args.single):
        jobs.append((f"single-{int(args.single)}", int(args.single), True))
    formats = args.formats.split(",")
    for name, size, single in jobs:
        entry = manifest["boards"].setdefault(name, {"notes": size, "single_canvas": single,
                                                      "files": {}})
        wanted = {fmt: os.path.join(args.out, name + ext) for fmt, ext in
                  (("canvasfit", ".canvasfit.json"), ("excalidraw", ".excalidraw"),
                   ("miro", ".miro.json")) if fmt in formats
                  and not (fmt == "excalidraw" and size > MAX_EXCALIDRAW_NOTES)}
        if all(fmt in entry["files"] and os.path.exists(path) for fmt, path in wanted.items()):
            continue
        board = make_board(size, single, seed=size * 31 + single)
        entry["canvases"] = len({n["id"].split("-")[0] for n in board["notes"]})
        entry["dots"], entry["connectors"] = len(board["dots"]), len(board["connectors"])
        for fmt, path in wanted.items():
            rng = random.Random(size + 7)
            if fmt == "canvasfit":
                write_json(path, canvasfit_json(board), None)
            elif fmt == "excalidraw":
                write_json(path, ExcalidrawWriter(rng).scene(board), 2)
            else:
                write_json(path, miro_bundle(board, rng), None)
            entry["files"][fmt] = {"path": os.path.relpath(path, args.out),
                                   "bytes": os.path.getsize(path)}
            print(f"  {os.path.relpath(path, ROOT)}: {os.path.getsize(path) / 1e6:.1f} MB",
                  file=sys.stderr)
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()

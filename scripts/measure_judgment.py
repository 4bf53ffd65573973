#!/usr/bin/env python3
"""How often CanvasFit's findings are right, on canvases the team wrote and on canvases it did not.

usage: python3 scripts/measure_judgment.py [--cli build/native/canvasfit] [--set NAME=DIR ...]
                                          [--short] [--json] [--verbose] [--dump-candidates FILE]

Each canvas (one JSON file in the schema of ../shared/realworld/README.md: sections in order,
links where the source pairs them) is drawn as a CanvasFit board three ways and analysed by the
built CLI:
  frames   one frame per section, notes in their section's colour: links, gap findings,
           misplaced-note warnings on notes that are where their author put them, fit
  plain    the same in one colour for every note (many boards): misplaced-note without colours
  parking  every note, all one colour, in a "Parking lot" frame: sections from text alone
  strays   about one note in five left outside the template in its section's colour (the
           typical board): sections from text, colour and the board's placed notes
  recoloured  the same, but each stray in another section's colour (a note from the wrong
           pad): how far a colour convention misleads; its precision is the one to watch
  drawn    the canvas as Strategyzer draws it, in one colour: a square cut by two lines into
           the value map's three parts and a circle cut into the profile's three, a free title
           text in each part, no frames: sections from the drawing alone; "unlined" is the same
           board with its lines unread, as a Miro app sees it
  columns  section titles typed in two rows with each section's notes stacked under its title,
           no frames, one colour, about one note in five dropped on a pile well below
The team's corpus boards (tests/corpus/boards, gold sections and links) are read into the same
form, canvas by canvas. Sets (default: the corpus halves, the styled corpus halves, and
../shared/realworld when it is there) are scored separately; third-party text is only read,
never written anywhere but the temporary folder.

--dump-candidates FILE writes every text candidate of the frames boards of the tuning sets (names
without "heldout", "fresh", "fourth" or "languages": corpus-tune, styled-tune, public-dev, and public-extra when given)
(features as link_confidence.hpp, gold answer) for scripts/train_link_confidence.py; the file
holds numbers only. Sets named "fresh", "fourth" or "languages" are held out from all tuning
(docs/judgment.md).
"""
import argparse, glob, json, os, random, subprocess, sys, tempfile
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORDER = ["jobs", "pains", "gains", "products", "relievers", "creators"]
TITLES = {"segment": "Customer Segment", "jobs": "Customer Jobs", "pains": "Pains", "gains": "Gains",
          "products": "Products & Services", "relievers": "Pain Relievers", "creators": "Gain Creators"}
# A facilitator's usual sticky colours: the profile in three, the value map in one.
COLOURS = {"segment": "#eebefa", "jobs": "#fff3bf", "pains": "#ffc9c9", "gains": "#b2f2bb",
           "products": "#a5d8ff", "relievers": "#a5d8ff", "creators": "#a5d8ff"}
# Strategyzer's arrangement, as column/row cells of a 4 x 2 grid (value map left, profile right).
CELLS = {"products": (0, 0, 1, 2), "creators": (1, 0, 1, 1), "relievers": (1, 1, 1, 1),
         "gains": (2, 0, 1, 1), "pains": (2, 1, 1, 1), "jobs": (3, 0, 1, 2)}
NOTE_W, NOTE_H, GAP = 180, 120, 20
# Sets never used to fit a model, a threshold or a rule: the team's held-out halves
# and the published sets collected to be measured once (docs/judgment.md).
HELD_OUT = ("heldout", "fresh", "fourth", "languages")


# --- Reading canvases ------------------------------------------------------------------------

def published_canvases(folder):
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        c = json.load(open(path, encoding="utf-8"))
        if "sections" not in c:
            continue
        notes = [("seg", "segment", c["segment"])] if c.get("segment") else []
        for s in ORDER:
            notes += [(f"{s[:2]}{i + 1}", s, t) for i, t in enumerate(c["sections"].get(s, []))]
        key_of = {}
        for k, s, t in notes:
            key_of.setdefault(t, k)
        links = {(key_of[a], key_of[b]) for a, b in c.get("links", []) if a in key_of and b in key_of}
        yield {"key": c["key"], "notes": notes, "links": links, "explicit": c.get("links_basis") == "explicit"}


def corpus_canvases(paths):
    for path in paths:
        board = json.load(open(path, encoding="utf-8"))
        gold, text = board["gold"], {n["id"]: n["text"] for n in board["notes"]}
        for i, canvas in enumerate(gold["canvases"]):
            members = set(canvas["notes"])
            notes = [(n, gold["sections"][n], text[n]) for n in canvas["notes"] if n in gold["sections"]]
            links = {(l["from"], l["to"]) for l in gold["links"] if l["from"] in members and l["to"] in members}
            yield {"key": f"{os.path.basename(path)[:-5]}#{i + 1}", "notes": notes, "links": links, "explicit": True}


def default_sets():
    boards = sorted(glob.glob(os.path.join(ROOT, "tests/corpus/boards/*.json")))
    half = (len(boards) + 1) // 2  # docs/linking.md: the first half by name was used for tuning
    sets = {"corpus-tune": list(corpus_canvases(boards[:half])),
            "corpus-heldout": list(corpus_canvases(boards[half:]))}
    for name in ("tune", "heldout"):
        folder = os.path.join(ROOT, "tests/corpus/styled", name)
        if os.path.isdir(folder):
            sets[f"styled-{name}"] = list(published_canvases(folder))
    # The team's canvases in German, French, Spanish and Dutch (tests/corpus/languages):
    # how CanvasFit does on boards not written in English.
    sets["languages"] = list(published_canvases(os.path.join(ROOT, "tests/corpus/languages")))
    public = os.path.join(ROOT, "..", "shared", "realworld")
    if os.path.isdir(public):
        sets["public-dev"] = list(published_canvases(public))
    return sets


# --- Drawing boards --------------------------------------------------------------------------

class Board:
    def __init__(self):
        self.notes, self.containers, self.lines = [], [], []

    def frame(self, fid, title, x, y, w, h):
        self.containers.append({"id": fid, "title": title, "x": x, "y": y, "width": w, "height": h,
                                "kind": "frame", "parent": ""})

    def note(self, nid, text, x, y, colour, parent):
        self.notes.append({"id": nid, "text": text, "x": x, "y": y, "width": NOTE_W, "height": NOTE_H,
                           "kind": "sticky", "color": colour, "parent": parent})

    def shape(self, sid, geometry, x, y, w, h):
        self.notes.append({"id": sid, "text": "", "x": x, "y": y, "width": w, "height": h,
                           "kind": "shape", "shape": geometry})

    def text(self, tid, text, x, y):
        self.notes.append({"id": tid, "text": text, "x": x, "y": y, "width": 200, "height": 30, "kind": "text"})

    def line(self, lid, *points):
        self.lines.append({"id": lid, "points": [list(p) for p in points]})

    def json(self):
        return {"schema": "canvasfit.board/1", "notes": self.notes, "containers": self.containers,
                "connectors": [], "markers": [], "lines": self.lines}


def grid(count, x, y, columns=2):
    return [(x + 20 + (i % columns) * (NOTE_W + GAP), y + 50 + (i // columns) * (NOTE_H + GAP)) for i in range(count)]


def draw(canvas, variant, rng):
    board, notes = Board(), canvas["notes"]
    colour_of = (lambda s: "#fff3bf") if variant == "plain" else COLOURS.get
    if variant == "parking":
        order = notes[:]
        rng.shuffle(order)
        board.frame("lot", "Parking lot", 0, 0, 6 * (NOTE_W + GAP) + 40, 80 + (len(order) // 6 + 1) * (NOTE_H + GAP))
        for (k, s, t), (x, y) in zip(order, grid(len(order), 0, 0, 6)):
            board.note(k, t, x, y, "#fff3bf", "lot")
        return board, set()
    strays = ({k for k, s, t in notes if s != "segment" and rng.random() < 0.2}
              if variant in ("strays", "recoloured") else set())
    per = Counter(s for k, s, t in notes if k not in strays)
    rows = max([(per[s] + 1) // 2 for s in ORDER] + [1])
    cell_w, cell_h = 2 * (NOTE_W + GAP) + 40, 60 + rows * (NOTE_H + GAP)
    for s, (cx, cy, cw, ch) in CELLS.items():
        board.frame(f"f-{s}", TITLES[s], cx * cell_w, 300 + cy * cell_h, cw * cell_w, ch * cell_h)
    board.frame("f-segment", TITLES["segment"], 2 * cell_w, 0, 2 * cell_w, 280)
    placed = defaultdict(int)
    for k, s, t in notes:
        if k in strays:
            continue
        if s == "segment":
            board.note(k, t, 2 * cell_w + 20, 60, colour_of(s), "f-segment")
            continue
        cx, cy, cw, ch = CELLS[s]
        x, y = grid(placed[s] + 1, cx * cell_w, 300 + cy * cell_h, 2 if ch == 1 else 2)[placed[s]]
        placed[s] += 1
        board.note(k, t, x, y, colour_of(s), f"f-{s}")
    lot_x = 4 * cell_w + 200
    if strays:
        board.frame("lot", "Parking lot", lot_x, 0, 3 * (NOTE_W + GAP) + 40, 80 + (len(strays) // 3 + 1) * (NOTE_H + GAP))
        stray_notes = [(k, s, t) for k, s, t in notes if k in strays]
        for (k, s, t), (x, y) in zip(stray_notes, grid(len(stray_notes), lot_x, 0, 3)):
            colour = COLOURS[s]
            if variant == "recoloured":
                colour = rng.choice(sorted(set(COLOURS.values()) - {COLOURS[s]}))
            board.note(k, t, x, y, colour, "lot")
    return board, strays


def places_in(box, count, fits=lambda x, y: True):
    """Top-left corners for `count` notes on a grid inside box (x, y, w, h), below its title,
    where fits(x, y) allows; None when they do not all fit."""
    x0, y0, w, h = box
    found = []
    y = y0 + 60
    while y + NOTE_H <= y0 + h - 20 and len(found) < count:
        x = x0 + 20
        while x + NOTE_W <= x0 + w - 20 and len(found) < count:
            if fits(x, y):
                found.append((x, y))
            x += NOTE_W + GAP
        y += NOTE_H + GAP
    return found if len(found) == count else None


def draw_strategyzer(canvas):
    """The drawn variant: a square and a circle cut by lines, free titles, no frames, one colour."""
    board, notes = Board(), canvas["notes"]
    per = defaultdict(list)
    for k, s, t in notes:
        per[s].append((k, t))
    side = 600
    while True:  # the value map: products on the left half, creators top right, relievers below
        boxes = {"products": (0, 300, side / 2, side), "creators": (side / 2, 300, side / 2, side / 2),
                 "relievers": (side / 2, 300 + side / 2, side / 2, side / 2)}
        spots = {s: places_in(boxes[s], len(per[s])) for s in boxes}
        if all(v is not None for v in spots.values()):
            break
        side += 100
    board.shape("value-map", "rectangle", 0, 300, side, side)
    board.line("vm-split", (side / 2, 300), (side / 2, 300 + side))
    board.line("vm-right", (side / 2, 300 + side / 2), (side, 300 + side / 2))
    radius = 400
    while True:  # the profile: jobs on the right half, gains top left, pains bottom left
        cx, cy = side + 200 + radius, 300 + radius
        inside = lambda x, y: all((px - cx) ** 2 + (py - cy) ** 2 <= (radius - 10) ** 2
                                  for px in (x, x + NOTE_W) for py in (y, y + NOTE_H))
        boxes = {"gains": (cx - radius, cy - radius, radius, radius), "pains": (cx - radius, cy, radius, radius),
                 "jobs": (cx, cy - radius, radius, 2 * radius)}
        circle_spots = {s: places_in(boxes[s], len(per[s]), inside) for s in boxes}
        if all(v is not None for v in circle_spots.values()):
            break
        radius += 100
    spots.update(circle_spots)
    board.shape("profile", "ellipse", cx - radius, cy - radius, 2 * radius, 2 * radius)
    board.line("cp-split", (cx, cy - radius), (cx, cy + radius))
    board.line("cp-left", (cx - radius, cy), (cx, cy))
    for s, (x, y, w, h) in {**boxes, "products": (0, 300, side / 2, side),
                            "creators": (side / 2, 300, side / 2, side / 2),
                            "relievers": (side / 2, 300 + side / 2, side / 2, side / 2)}.items():
        # the title where the notes leave room: the top of the part, or its middle in the circle
        tx, ty = (x + 20, y + 15) if s in ("products", "creators", "relievers") else (
            (cx + 30, cy - 15) if s == "jobs" else (cx - radius / 2 - 100, y + 15 if s == "pains" else cy - 45))
        board.text(f"title-{s}", TITLES[s], tx, ty)
    if per["segment"]:
        board.frame("f-segment", TITLES["segment"], side + 200, 0, 2 * radius, 280)
    for k, t in per["segment"]:
        board.note(k, t, side + 220, 60, "#fff3bf", "f-segment")
    for s in ORDER:
        for (k, t), (x, y) in zip(per[s], spots[s]):
            board.note(k, t, x, y, "#fff3bf", "")
    return board


def draw_columns(canvas, rng):
    """The columns variant: section titles typed in two rows (profile, value map), each
    section's notes stacked under its title, no frames, one colour; about one note in five
    dropped on a pile well below, which no column reaches. Returns the board and the pile."""
    board, notes = Board(), canvas["notes"]
    pile = {k for k, s, t in notes if s != "segment" and rng.random() < 0.2}
    per = defaultdict(list)
    for k, s, t in notes:
        per[s].append((k, t))
    rows = [["jobs", "pains", "gains"], ["products", "relievers", "creators"]]
    depth = lambda row: max(len([k for k, _ in per[s] if k not in pile]) for s in row)
    y = 300
    for row in rows:
        for c, s in enumerate(row):
            x = c * (NOTE_W + 120)
            board.text(f"title-{s}", TITLES[s], x, y)
            stacked = [(k, t) for k, t in per[s] if k not in pile]
            for i, (k, t) in enumerate(stacked):
                board.note(k, t, x, y + 50 + i * (NOTE_H + GAP), "#fff3bf", "")
        y += 50 + depth(row) * (NOTE_H + GAP) + 200
    for i, (k, s, t) in enumerate([n for n in notes if n[0] in pile]):
        board.note(k, t, (i % 6) * (NOTE_W + GAP), y + 600 + (i // 6) * (NOTE_H + GAP), "#fff3bf", "")
    if per["segment"]:
        board.frame("f-segment", TITLES["segment"], 0, 0, 3 * (NOTE_W + 120), 260)
    for k, t in per["segment"]:
        board.note(k, t, 20, 60, "#fff3bf", "f-segment")
    return board, pile


def score_columns(canvas, report, pile, t):
    got = {n["id"]: n for n in report["notes"]}
    for k, s, _ in canvas["notes"]:
        if s == "segment":
            continue
        n = got.get(k, {})
        by_layout = n.get("via") in ("frame", "region")
        if k in pile:
            t["columns_pile"] += 1
            t["columns_pile_placed"] += by_layout
            continue
        t["columns_notes"] += 1
        if by_layout:
            t["columns_placed"] += 1
            t["columns_placed_ok"] += n.get("section") == s


def score_drawn(canvas, report, plain, t, v="drawn"):
    """v: "drawn", or "unlined" for the same board with its lines not read (as on Miro)."""
    sec = {k: s for k, s, _ in canvas["notes"] if s != "segment"}
    got = {n["id"]: n for n in report["notes"]}
    for k, s in sec.items():
        n = got.get(k, {})
        t[v + "_notes"] += 1
        if n.get("via") in ("frame", "region"):
            t[v + "_placed"] += 1
            t[v + "_placed_ok"] += n.get("section") == s
    t[v + "_misplaced"] += sum(w["code"] == "misplaced-note" for w in report["warnings"])
    fits = [cv["fit"]["overall"] for cv in report["canvases"]]
    plain_fits = [cv["fit"]["overall"] for cv in plain["canvases"]]
    if len(fits) == 1 and len(plain_fits) == 1 and fits[0] is not None and plain_fits[0] is not None:
        t[v + "_fit_canvases"] += 1
        t[v + "_fit_diff_x1000"] += round(1000 * abs(fits[0] - plain_fits[0]))
    else:
        t[v + "_fit_unmatched"] += 1


def analyse(cli, board, path, options=None):
    json.dump(board.json(), open(path, "w", encoding="utf-8"))
    command = [cli, "analyze", path, "--format", "json"]
    if options:
        opath = path + ".options.json"
        json.dump(options, open(opath, "w"))
        command += ["--options", opath]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if run.returncode:
        raise RuntimeError(f"{os.path.basename(path)}: exit {run.returncode}: {run.stderr.strip()[:200]}")
    return json.loads(run.stdout)


# --- Scoring ---------------------------------------------------------------------------------

SAME_RULE = {("relievers", "pains"), ("creators", "gains")}


class Tally(Counter):
    def ratio(self, num, den):
        return round(self[num] / self[den], 3) if self[den] else None


def score_frames(canvas, report, t, verbose, dump):
    sec = {k: s for k, s, _ in canvas["notes"]}
    text = {k: x for k, _, x in canvas["notes"]}
    t["notes"] += len(sec)
    for w in report["warnings"]:
        t["warn:" + w["code"]] += 1
        if w["code"] == "misplaced-note":
            t["misplaced"] += 1
            if verbose:
                print(f"  misplaced? {canvas['key']}: {w['message']}", file=sys.stderr)
    # What the panel lists for the facilitator to answer: every question, less
    # the what-does-it-address questions whose candidate pairs all stand in an
    # is-addressed or what-addresses row (plugin/core-shell/panel.js, withoutRepeats).
    questions = report.get("questions", [])
    offered = {(c, q["notes"][0]) for q in questions if q["code"] in ("is-addressed", "what-addresses")
               for c in q["candidates"]}
    repeats = sum(q["code"] == "what-does-it-address" and bool(q["candidates"])
                  and all((q["notes"][0], c) in offered for c in q["candidates"]) for q in questions)
    t["questions_asked"] += len(questions)
    t["questions_listed"] += len(questions) - repeats
    if not canvas["explicit"]:
        return
    gold = {(a, b) for a, b in canvas["links"] if (sec[a], sec[b]) in SAME_RULE}
    linked_targets = {b for a, b in canvas["links"]}
    linked_sources = {a for a, b in canvas["links"]}
    counted, suggested = set(), set()
    for link in report["links"]:
        pair = (link["from"], link["to"])
        if (sec.get(pair[0]), sec.get(pair[1])) not in SAME_RULE:
            continue
        (suggested if link.get("source") == "suggested" else counted).add(pair)
        if link.get("source") in ("text", "suggested"):  # calibration of the text candidates shown
            bin_ = min(int(link["confidence"] * 10), 9)
            t[f"linkbin{bin_}"] += 1
            t[f"linkbin{bin_}_ok"] += pair in gold
    t["link_tp"] += len(gold & counted)
    t["link_fp"] += len(counted - gold)
    t["link_fn"] += len(gold - counted)
    t["sugg"] += len(suggested)
    t["sugg_ok"] += len(suggested & gold)
    t["gold_reached"] += len(gold & (counted | suggested))
    t["gold"] += len(gold)
    if verbose:
        for a, b in sorted(counted - gold):
            print(f"  wrong link {canvas['key']}: {text[a][:50]!r} -> {text[b][:50]!r}", file=sys.stderr)
        for a, b in sorted(gold - counted):
            kind = "asked" if (a, b) in suggested else "missed"
            print(f"  {kind} link {canvas['key']}: {text[a][:50]!r} -> {text[b][:50]!r}", file=sys.stderr)
    for w in report["warnings"]:
        code, notes = w["code"], w["notes"]
        if code in ("unaddressed-pain", "unaddressed-gain"):
            t["unaddressed"] += 1
            t["unaddressed_ok"] += notes[0] not in linked_targets
        elif code in ("orphan-reliever", "orphan-creator"):
            t["orphan"] += 1
            t["orphan_ok"] += notes[0] not in linked_sources
    # How often a question's row is in fact addressed (calibrates the fit's estimate),
    # and for an addressed open row, whether what addresses it is among the
    # candidates the question lists (relievers or creators nothing links yet).
    gold_sources = {}
    for a, b in canvas["links"]:
        gold_sources.setdefault(b, set()).add(a)
    for q in report.get("questions", []):
        if q["code"] in ("what-addresses", "is-addressed"):
            t["q_" + q["code"]] += 1
            t["q_" + q["code"] + "_linked"] += q["notes"][0] in linked_targets
        if q["code"] == "what-addresses" and q["notes"][0] in gold_sources:
            t["open_addressed"] += 1
            t["open_answer_listed"] += bool(gold_sources[q["notes"][0]] & set(q["candidates"]))
            t["open_candidates"] += len(q["candidates"])
    # Decided rows, and fit against the fit the same weights give with the gold links.
    for cv in report["canvases"]:
        fit = cv["fit"]
        gold_parts = []
        for side in ("pains", "gains"):
            rows = fit.get(side + "_detail", [])
            for row in rows:
                t["rows"] += 1
                t["rows_decided"] += row.get("status", "covered") != "question"
            total = sum(r["weight"] for r in rows)
            if rows and total:
                gold_parts.append(sum(r["weight"] for r in rows if r["note"] in linked_targets) / total)
        if gold_parts and fit.get("overall") is not None:
            gold_fit = sum(gold_parts) / len(gold_parts)
            t["fit_gap_sum_x1000"] += round(1000 * abs(fit["overall"] - gold_fit))
            # fit.range: where the answers will put the fit. The gold fit falls
            # outside it only where a counted link is wrong or a stated gap is not.
            low, high = fit.get("range") or (fit["overall"], fit["overall"])
            t["range_width_sum_x1000"] += round(1000 * (high - low))
            t["gold_fit_in_range"] += low - 0.0005 <= gold_fit <= high + 0.0005
            # The verdict: settled when both ends of the range share a band
            # (fit.verdict_range); right when that band is the gold fit's.
            # The estimate's own band is what the verdict said before.
            def band(share):
                return "weak" if share < 0.5 else "good" if share <= 0.7 else "strong"
            ends = fit.get("verdict_range") or [band(low), band(high)]
            settled = ends[0] == ends[1]
            t["verdict_settled"] += settled
            t["verdict_settled_right"] += settled and ends[0] == band(gold_fit)
            t["estimate_band_right"] += band(fit["overall"]) == band(gold_fit)
            if verbose:
                print(f"  fit {canvas['key']}/{cv.get('id', '')}: reported {fit['overall']:.2f},"
                      f" with the source's pairs {gold_fit:.2f}", file=sys.stderr)
            t["fit_canvases"] += 1
    if dump is not None:
        dump_candidates(canvas, report, sec, dump)


def dump_candidates(canvas, report, sec, out):
    """One line per text candidate of a frames board: the features link_confidence.cpp reads,
    recomputed from the report (and from the canvas's order, which is the boards' reading
    order), and whether the source pairs it."""
    if not canvas["explicit"]:
        return
    gold = canvas["links"]
    position = {}
    for s in ORDER:
        for i, k in enumerate(k for k, ks, _ in canvas["notes"] if ks == s):
            position[k] = i
    cands = [l for l in report["links"] if l.get("source") in ("text", "suggested")
             and (sec.get(l["from"]), sec.get(l["to"])) in SAME_RULE]
    worded = lambda l: any(not e.startswith("order: ") for e in l["evidence"])
    best_q, best_t, count_q = defaultdict(float), defaultdict(float), Counter()
    for l in filter(worded, cands):
        best_q[l["from"]] = max(best_q[l["from"]], l["strength"])
        best_t[l["to"]] = max(best_t[l["to"]], l["strength"])
        count_q[l["from"]] += 1
    same = lambda l: position[l["from"]] == position[l["to"]]
    mutual = lambda l: worded(l) and l["strength"] >= best_q[l["from"]] and l["strength"] >= best_t[l["to"]]
    for rule in SAME_RULE:
        in_rule = [l for l in cands if (sec[l["from"]], sec[l["to"]]) == rule]
        aligned = sum(1 for l in in_rule if mutual(l) and same(l))
        total = sum(1 for l in in_rule if mutual(l))
        for l in in_rule:
            ev = l["evidence"]
            others_aligned = aligned - (mutual(l) and same(l))
            others = total - mutual(l)
            if worded(l):
                parallel = same(l) and others_aligned >= 2 and 2 * others_aligned >= others
            else:
                parallel = same(l) and others_aligned >= 3 and 3 * others_aligned >= 2 * others
            if parallel != any(e.startswith("order: ") for e in ev):
                raise RuntimeError(f"{canvas['key']}: {l['from']}->{l['to']}: list order not as the core read it")
            s = l["strength"] if worded(l) else 0.0
            shared = sum(1 for e in ev if " ~ " not in e and not e.startswith(("ref: ", "tag: ", "order: ")))
            related = any(" ~ " in e for e in ev)
            row = [s, s / best_q[l["from"]] if worded(l) and best_q[l["from"]] else 0,
                   s / best_t[l["to"]] if worded(l) and best_t[l["to"]] else 0,
                   int(worded(l) and s >= best_q[l["from"]]), int(worded(l) and s >= best_t[l["to"]]), shared,
                   int(shared == 0 and related), int(any(e.startswith("ref: ") for e in ev)),
                   int(any(e.startswith("tag: ") for e in ev)), int(sec[l["to"]] == "gains"), 0,
                   count_q[l["from"]], int(parallel)]
            out.append("\t".join([canvas["key"].split("#")[0], str(int((l["from"], l["to"]) in gold))] +
                                 [("%.6g" % v) for v in row]))


def score_text(canvas, report, variant, strays, t):
    sec = {k: s for k, s, _ in canvas["notes"]}
    got = {n["id"]: n for n in report["notes"]}
    asked = {q["notes"][0]: q for q in report.get("questions", []) if q["code"] == "which-section"}
    for k, s in sec.items():
        if variant in ("strays", "recoloured") and k not in strays:
            continue
        n = got.get(k, {})
        t[variant + "_notes"] += 1
        if n.get("via") == "text" and n.get("section") not in (None, "unknown"):
            t[variant + "_placed"] += 1
            t[variant + "_placed_ok"] += n["section"] == s
            guess, confidence = n["section"], n["confidence"]
        elif k in asked:
            t[variant + "_asked"] += 1
            guess, confidence = asked[k]["candidates"][0], asked[k]["confidence"]
        else:
            continue
        bin_ = min(int(confidence * 10), 9)
        t[f"{variant}_bin{bin_}"] += 1
        t[f"{variant}_bin{bin_}_ok"] += guess == s


def summary(t):
    p = t.ratio("link_tp", "link_tp_fp") if False else (
        round(t["link_tp"] / (t["link_tp"] + t["link_fp"]), 3) if t["link_tp"] + t["link_fp"] else None)
    r = round(t["link_tp"] / t["gold"], 3) if t["gold"] else None
    f1 = round(2 * p * r / (p + r), 3) if p and r else None
    return {
        "canvases": t["canvases"], "notes": t["notes"],
        "placed_by_text": {v: {"precision": t.ratio(v + "_placed_ok", v + "_placed"),
                               "coverage": t.ratio(v + "_placed", v + "_notes"),
                               "asked": t.ratio(v + "_asked", v + "_notes"), "notes": t[v + "_notes"]}
                           for v in ("parking", "strays", "recoloured")},
        "section_reliability": {v: {f"{b / 10:.1f}": [t[f"{v}_bin{b}"], t.ratio(f"{v}_bin{b}_ok", f"{v}_bin{b}")]
                                    for b in range(3, 10) if t[f"{v}_bin{b}"]} for v in ("parking", "strays")},
        "link_reliability": {f"{b / 10:.1f}": [t[f"linkbin{b}"], t.ratio(f"linkbin{b}_ok", f"linkbin{b}")]
                             for b in range(10) if t[f"linkbin{b}"]},
        **{v: {"precision": t.ratio(v + "_placed_ok", v + "_placed"),
               "coverage": t.ratio(v + "_placed", v + "_notes"), "notes": t[v + "_notes"],
               "misplaced_per_100": round(100 * t[v + "_misplaced"] / t[v + "_notes"], 2) if t[v + "_notes"] else None,
               "fit_vs_plain": round(t[v + "_fit_diff_x1000"] / 1000 / t[v + "_fit_canvases"], 3)
               if t[v + "_fit_canvases"] else None,
               "fit_unmatched": t[v + "_fit_unmatched"]} for v in ("drawn", "unlined")},
        "columns": {"precision": t.ratio("columns_placed_ok", "columns_placed"),
                    "coverage": t.ratio("columns_placed", "columns_notes"), "notes": t["columns_notes"],
                    "pile_placed_by_layout": t["columns_pile_placed"], "pile": t["columns_pile"]},
        "misplaced_per_100": round(100 * t["misplaced"] / t["notes"], 2) if t["notes"] else None,
        "misplaced_per_100_one_colour": round(100 * t["plain_misplaced"] / t["plain_notes"], 2) if t["plain_notes"] else None,
        "text_links": {"P": p, "R": r, "F1": f1, "gold": t["gold"], "found": t["link_tp"] + t["link_fp"]},
        "suggested": {"count": t["sugg"], "precision": t.ratio("sugg_ok", "sugg"),
                      "recall_with_text": t.ratio("gold_reached", "gold")},
        "unaddressed": {"count": t["unaddressed"], "precision": t.ratio("unaddressed_ok", "unaddressed")},
        "orphan": {"count": t["orphan"], "precision": t.ratio("orphan_ok", "orphan")},
        "rows_decided": t.ratio("rows_decided", "rows"),
        "question_rows_addressed": {c: [t["q_" + c], t.ratio("q_" + c + "_linked", "q_" + c)]
                                    for c in ("what-addresses", "is-addressed")},
        "fit_gap": round(t["fit_gap_sum_x1000"] / 1000 / t["fit_canvases"], 3) if t["fit_canvases"] else None,
        "open_rows_answer_listed": {"rows": t["open_addressed"],
                                    "listed": t.ratio("open_answer_listed", "open_addressed"),
                                    "candidates_per_row": t.ratio("open_candidates", "open_addressed")},
        "questions_per_canvas": {"asked": round(t["questions_asked"] / t["canvases"], 1),
                                 "listed": round(t["questions_listed"] / t["canvases"], 1)} if t["canvases"] else None,
        "fit_range": {"width": round(t["range_width_sum_x1000"] / 1000 / t["fit_canvases"], 3),
                      "gold_fit_inside": t.ratio("gold_fit_in_range", "fit_canvases"),
                      "canvases": t["fit_canvases"]} if t["fit_canvases"] else None,
        "verdict": {"settled": t.ratio("verdict_settled", "fit_canvases"),
                    "settled_right": t.ratio("verdict_settled_right", "verdict_settled"),
                    "estimate_band_right": t.ratio("estimate_band_right", "fit_canvases")}
                   if t["fit_canvases"] else None,
        "warnings": {k[5:]: v for k, v in sorted(t.items()) if k.startswith("warn:")},
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=os.path.join(ROOT, "build/native/canvasfit"))
    ap.add_argument("--set", action="append", default=[], help="NAME=DIR of canvas JSON files (added to the defaults)")
    ap.add_argument("--only", action="append", default=[], help="score only these set names")
    ap.add_argument("--short", action="store_true", help="frames and strays only, first 6 canvases per set")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--dump-candidates")
    a = ap.parse_args()
    sets = default_sets()
    for spec in a.set:
        name, folder = spec.split("=", 1)
        sets[name] = list(published_canvases(folder))
    if a.only:
        sets = {k: v for k, v in sets.items() if k in a.only}
    out = tempfile.mkdtemp(prefix="canvasfit-judgment-")
    dump = [] if a.dump_candidates else None
    results = {}
    for name, canvases in sets.items():
        t = Tally()
        for i, canvas in enumerate(canvases[:6] if a.short else canvases):
            t["canvases"] += 1
            rng = random.Random(1000 + i)
            base = os.path.join(out, f"{name}-{i}")
            for variant in ("frames", "plain", "strays") if a.short else ("frames", "plain", "parking", "strays"):
                board, strays = draw(canvas, variant, rng)
                if variant == "strays" and not a.short:  # its own draw: the figures above stay put
                    recoloured, moved = draw(canvas, "recoloured", random.Random(5000 + i))
                    score_text(canvas, analyse(a.cli, recoloured, f"{base}.recoloured.json"), "recoloured", moved, t)
                report = analyse(a.cli, board, f"{base}.{variant}.json")
                if variant == "plain":
                    drawn_board = draw_strategyzer(canvas)
                    score_drawn(canvas, analyse(a.cli, drawn_board, f"{base}.drawn.json"), report, t)
                    drawn_board.lines = []  # as a Miro app sees it: lines are not readable there
                    score_drawn(canvas, analyse(a.cli, drawn_board, f"{base}.unlined.json"), report, t, "unlined")
                    columns_board, pile = draw_columns(canvas, random.Random(7000 + i))
                    score_columns(canvas, analyse(a.cli, columns_board, f"{base}.columns.json"), pile, t)
                    t["plain_notes"] += len(canvas["notes"])
                    t["plain_misplaced"] += sum(w["code"] == "misplaced-note" for w in report["warnings"])
                    if a.verbose:
                        for w in report["warnings"]:
                            if w["code"] == "misplaced-note":
                                print(f"  misplaced (plain)? {canvas['key']}: {w['message']}", file=sys.stderr)
                elif variant == "frames":
                    want_dump = dump is not None and not any(held in name for held in HELD_OUT)
                    if want_dump:
                        full = analyse(a.cli, board, f"{base}.all.json", {"all_candidates": True})
                        dump_candidates(canvas, full, {k: s for k, s, _ in canvas["notes"]}, dump)
                    score_frames(canvas, report, t, a.verbose, None)
                else:
                    score_text(canvas, report, variant, strays, t)
        results[name] = summary(t)
    if dump is not None:
        with open(a.dump_candidates, "w") as f:
            f.write("# canvas\tlabel\t" + "\t".join(["strength", "share_of_query", "share_of_target", "best_of_query",
                    "best_of_target", "shared_terms", "related_only", "explicit_ref", "shared_tag", "gains_rule",
                    "jobs_rule", "query_candidates", "parallel_lists"]) + "\n")
            f.write("\n".join(dump) + "\n")
    for name, figures in results.items():
        print(json.dumps({"set": name, **figures}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Validates the labelled test corpus in tests/corpus/.

    python3 scripts/check_corpus.py [corpus-dir]

Checks every board in tests/corpus/boards/*.json against the board format
(docs/board-format.md) and its "gold" answer, and the note-level TSV datasets
in tests/corpus/notes/. Prints counts. Exits 1 if anything is wrong.

Board checks:
  - schema, required fields, ids unique across notes/containers/connectors/markers;
  - every note sits inside (and has as parent) a frame whose title names a
    section, and its gold section is that frame's section;
  - every note belongs to exactly one gold canvas; a canvas's segment note is a
    segment note of that canvas (null only with a missing-segment warning);
  - links go reliever->pain, creator->gain, product->job within one canvas;
  - ranks cover every job, pain and gain, are 1..n per section per canvas, and
    follow the ranking rule (explicit marker > dot votes > reading order);
  - connectors are drawn from a reliever to a pain it relieves (a gold link);
  - every dot vote overlaps exactly one note;
  - warning codes are allowed, name notes of the board, and the warnings that
    follow mechanically from the gold (unaddressed-*, orphan-*, unvalidated,
    empty-section, missing-segment, too-many) are exactly the derived ones.
TSV checks: two fields, a valid section, no duplicate text (after
normalisation) within or across files, no text shared with the boards.
"""

import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

SCHEMA = "canvasfit.board/1"
SECTIONS = ["segment", "jobs", "pains", "gains", "products", "relievers", "creators"]
RANKED = ["jobs", "pains", "gains"]
LINK_KINDS = {"relievers": "pains", "creators": "gains", "products": "jobs"}
WARNING_CODES = [
    "unaddressed-pain", "unaddressed-gain", "orphan-reliever", "orphan-creator",
    "orphan-product", "empty-section", "missing-segment", "broad-segment",
    "one-size-fits-all", "similar-segments", "duplicate-notes", "too-many",
    "hidden-costs", "unvalidated",
]
# Warnings about one note each; their notes list holds exactly that note.
PER_NOTE_CODES = {
    "unaddressed-pain": "pains", "unaddressed-gain": "gains",
    "orphan-reliever": "relievers", "orphan-creator": "creators",
    "orphan-product": "products", "hidden-costs": "pains",
    "broad-segment": "segment",
}
TOO_MANY = 10  # more notes than this in one section of one canvas

# How many notes a canvas holds per section, unless a warning explains otherwise.
EXPECTED_COUNTS = {
    "segment": (1, 1), "jobs": (3, 6), "pains": (4, 7), "gains": (4, 7),
    "products": (2, 4), "relievers": (3, 6), "creators": (3, 6),
}

# Section titles, as core/src/structure/sections.cpp recognises them.
TITLES = {
    "customer segment": "segment", "customer segments": "segment", "segment": "segment",
    "segments": "segment", "target segment": "segment", "target customer": "segment",
    "target customers": "segment", "target group": "segment", "persona": "segment",
    "customer": "segment",
    "customer jobs": "jobs", "customer job": "jobs", "jobs": "jobs", "job": "jobs",
    "jobs to be done": "jobs", "jobs to get done": "jobs", "jtbd": "jobs",
    "customer tasks": "jobs", "tasks": "jobs",
    "pains": "pains", "pain": "pains", "customer pains": "pains", "pain points": "pains",
    "customer pain points": "pains",
    "gains": "gains", "gain": "gains", "customer gains": "gains", "desired gains": "gains",
    "products and services": "products", "product and services": "products",
    "products and service": "products", "products services": "products",
    "products": "products", "product": "products", "services": "products",
    "our offer": "products", "offer": "products", "offering": "products",
    "pain relievers": "relievers", "pain reliever": "relievers", "pain killers": "relievers",
    "painkillers": "relievers", "pain relief": "relievers", "relievers": "relievers",
    "gain creators": "creators", "gain creator": "creators", "gain makers": "creators",
    "creators": "creators",
}


def section_from_title(title):
    head = re.split(r"\s[-\u2013\u2014]\s|[:(\u2013\u2014|]", title, maxsplit=1)[0]
    head = head.lower().replace("&", " and ").replace("+", " and ").replace("'s", "s")
    head = re.sub(r"^\s*#?\d+[.)]?\s+", "", head)
    head = re.sub(r"[^a-z ]", " ", head)
    head = " ".join(head.split())
    return TITLES.get(head)


# --- Ranking rule ---------------------------------------------------------------
# Importance level from an explicit marker written on the note; 3 = no marker.

def explicit_level(text):
    t = text.lower()
    if "!!!" in t:
        return 5
    m = re.search(r"\(([1-5])\)", t)
    if m:
        return int(m.group(1))
    if re.search(r"\[(high|top)\]", t):
        return 5
    if re.search(r"\[(med|medium)\]", t):
        return 3
    if re.search(r"\[low\]", t):
        return 1
    if re.search(r"\bmust[- ]have\b", t):
        return 5
    if re.search(r"\bnice[- ]to[- ]have\b", t):
        return 2

    def tagged(word):
        # "(expected)", "[expected]", "expected:" at the start, "- expected" at the end;
        # never a plain use of the word ("higher than expected").
        return re.search(r"[(\[]\s*%s\s*[)\]]|^\s*%s\s*:|[-\u2013\u2014]\s*%s\s*$"
                         % (word, word, word), t)

    if tagged("unexpected"):
        return 2
    if tagged("expected"):
        return 4
    if "!!" in t:
        return 4
    return 3


def overlap(a, b):
    w = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    h = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    return max(w, 0) * max(h, 0)


def reading_order(notes):
    """Rows top to bottom (a note within half a note height of a row's first note
    joins that row), left to right within a row."""
    rows = []
    for note in sorted(notes, key=lambda n: (n["y"], n["x"])):
        if rows and note["y"] < rows[-1][0]["y"] + rows[-1][0]["height"] / 2:
            rows[-1].append(note)
        else:
            rows.append([note])
    return [n["id"] for row in rows for n in sorted(row, key=lambda n: n["x"])]


def expected_ranks(notes, dots):
    order = reading_order(notes)
    by_id = {n["id"]: n for n in notes}
    ranked = sorted(order, key=lambda i: (-explicit_level(by_id[i]["text"]), -dots.get(i, 0),
                                          order.index(i)))
    return {note_id: r + 1 for r, note_id in enumerate(ranked)}


def norm_text(text):
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


# --- Board checks ---------------------------------------------------------------

class Problems:
    def __init__(self):
        self.items = []

    def add(self, where, message):
        self.items.append("%s: %s" % (where, message))


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def dot_owner(marker, notes):
    hits = [(overlap(marker, n), n["id"]) for n in notes if overlap(marker, n) > 0]
    return hits


def check_board(path, problems, totals):
    where = os.path.relpath(path)
    try:
        with open(path, encoding="utf-8") as f:
            board = json.load(f)
    except (OSError, ValueError) as e:
        problems.add(where, "cannot read JSON: %s" % e)
        return None
    if board.get("schema") != SCHEMA:
        problems.add(where, "schema must be %r" % SCHEMA)
    notes = board.get("notes", [])
    containers = board.get("containers", [])
    connectors = board.get("connectors", [])
    markers = board.get("markers", [])
    gold = board.get("gold")
    if not isinstance(gold, dict):
        problems.add(where, "missing gold object")
        return None

    # ids
    seen = Counter()
    for kind, items in (("note", notes), ("container", containers),
                        ("connector", connectors), ("marker", markers)):
        for item in items:
            if not isinstance(item.get("id"), str) or not item["id"]:
                problems.add(where, "%s without a string id: %r" % (kind, item))
            else:
                seen[item["id"]] += 1
    for item_id, n in seen.items():
        if n > 1:
            problems.add(where, "id %r used %d times" % (item_id, n))

    frames = {}
    for c in containers:
        for field in ("x", "y", "width", "height"):
            if not is_number(c.get(field)):
                problems.add(where, "container %s: %s must be a number" % (c.get("id"), field))
        if c.get("kind") != "frame":
            problems.add(where, "container %s: kind must be 'frame'" % c.get("id"))
        section = section_from_title(c.get("title", ""))
        if section is None:
            problems.add(where, "container %s: title %r names no section" % (c.get("id"), c.get("title")))
        frames[c.get("id")] = (c, section)

    note_by_id = {}
    frame_section = {}
    for n in notes:
        nid = n.get("id")
        note_by_id[nid] = n
        if not isinstance(n.get("text"), str) or not n["text"].strip():
            problems.add(where, "note %s: empty text" % nid)
            continue
        words = len(n["text"].split())
        if words > 14:
            problems.add(where, "note %s: %d words (expected at most 14): %r" % (nid, words, n["text"]))
        for field in ("x", "y", "width", "height"):
            if not is_number(n.get(field)):
                problems.add(where, "note %s: %s must be a number" % (nid, field))
        if n.get("kind", "sticky") not in ("sticky", "card", "text", "shape"):
            problems.add(where, "note %s: bad kind %r" % (nid, n.get("kind")))
        if "tags" in n and not (isinstance(n["tags"], list) and all(isinstance(t, str) for t in n["tags"])):
            problems.add(where, "note %s: tags must be a list of strings" % nid)
        parent = n.get("parent")
        if parent not in frames:
            problems.add(where, "note %s: parent %r is not a frame" % (nid, parent))
            continue
        frame, section = frames[parent]
        cx, cy = n["x"] + n["width"] / 2, n["y"] + n["height"] / 2
        if not (frame["x"] <= n["x"] and n["x"] + n["width"] <= frame["x"] + frame["width"]
                and frame["y"] <= n["y"] and n["y"] + n["height"] <= frame["y"] + frame["height"]):
            problems.add(where, "note %s is not wholly inside its frame %s" % (nid, parent))
        for other_id, (other, _) in frames.items():
            if other_id != parent and other["x"] <= cx <= other["x"] + other["width"] \
                    and other["y"] <= cy <= other["y"] + other["height"]:
                problems.add(where, "note %s also lies in frame %s" % (nid, other_id))
        frame_section[nid] = section

    # gold sections
    sections = gold.get("sections", {})
    if set(sections) != set(note_by_id):
        missing = sorted(set(note_by_id) - set(sections))
        extra = sorted(set(sections) - set(note_by_id))
        problems.add(where, "gold.sections must name every note (missing %s, unknown %s)" % (missing, extra))
    for nid, section in sections.items():
        if section not in SECTIONS:
            problems.add(where, "gold section of %s is %r" % (nid, section))
        elif nid in frame_section and frame_section[nid] != section:
            problems.add(where, "note %s: gold section %s but sits in a %s frame"
                         % (nid, section, frame_section[nid]))

    # canvases
    canvases = gold.get("canvases", [])
    canvas_of = {}
    if not canvases:
        problems.add(where, "gold.canvases is empty")
    for ci, canvas in enumerate(canvases):
        for nid in canvas.get("notes", []):
            if nid in canvas_of:
                problems.add(where, "note %s is in two canvases" % nid)
            canvas_of[nid] = ci
    for nid in note_by_id:
        if nid not in canvas_of:
            problems.add(where, "note %s is in no canvas" % nid)
    for nid in canvas_of:
        if nid not in note_by_id:
            problems.add(where, "canvas lists unknown note %s" % nid)
    # a frame belongs to one canvas
    frame_canvas = {}
    for nid, ci in canvas_of.items():
        parent = note_by_id.get(nid, {}).get("parent")
        if parent in frame_canvas and frame_canvas[parent] != ci:
            problems.add(where, "frame %s holds notes of two canvases" % parent)
        frame_canvas[parent] = ci

    def members(ci, section):
        return [note_by_id[n] for n in canvases[ci].get("notes", [])
                if n in note_by_id and sections.get(n) == section]

    # warnings (parsed early: count checks depend on them)
    warnings = gold.get("warnings", [])
    by_code = defaultdict(list)
    for w in warnings:
        code = w.get("code")
        if code not in WARNING_CODES:
            problems.add(where, "unknown warning code %r" % code)
            continue
        if not isinstance(w.get("notes"), list):
            problems.add(where, "warning %s: notes must be a list" % code)
            continue
        for nid in w["notes"]:
            if nid not in note_by_id:
                problems.add(where, "warning %s names unknown note %s" % (code, nid))
        by_code[code].append(w)

    for ci, canvas in enumerate(canvases):
        seg = canvas.get("segment_note", "absent")
        if seg == "absent":
            problems.add(where, "canvas %d: segment_note missing (use null when there is none)" % ci)
        elif seg is None:
            if not any(w.get("canvas") == ci for w in by_code["missing-segment"]):
                problems.add(where, "canvas %d: segment_note null without a missing-segment warning" % ci)
        elif canvas_of.get(seg) != ci or sections.get(seg) != "segment":
            problems.add(where, "canvas %d: segment_note %s is not a segment note of this canvas" % (ci, seg))
        for section, (lo, hi) in EXPECTED_COUNTS.items():
            n = len(members(ci, section))
            excused = (section == "segment" and n == 0) or \
                      (n == 0 and any(w.get("canvas") == ci and w.get("section") == section
                                      for w in by_code["empty-section"])) or \
                      (n > TOO_MANY)
            if not (lo <= n <= hi) and not excused:
                problems.add(where, "canvas %d: %d %s notes (expected %d-%d)" % (ci, n, section, lo, hi))

    # dot votes
    dots = Counter()
    for m in markers:
        if not all(is_number(m.get(f)) for f in ("x", "y", "width", "height")):
            problems.add(where, "marker %s: needs x, y, width, height" % m.get("id"))
            continue
        if not (10 <= m["width"] <= 24 and 10 <= m["height"] <= 24):
            problems.add(where, "marker %s: a dot vote is about 16x16" % m["id"])
        hits = dot_owner(m, notes)
        if len(hits) != 1:
            problems.add(where, "marker %s overlaps %d notes (expected 1)" % (m["id"], len(hits)))
        else:
            dots[hits[0][1]] += 1

    # ranks
    ranks = gold.get("ranks", {})
    ranked_ids = {nid for nid, s in sections.items() if s in RANKED}
    if set(ranks) != ranked_ids:
        problems.add(where, "gold.ranks must cover exactly the jobs, pains and gains (missing %s, extra %s)"
                     % (sorted(ranked_ids - set(ranks)), sorted(set(ranks) - ranked_ids)))
    for ci in range(len(canvases)):
        for section in RANKED:
            group = members(ci, section)
            if not group:
                continue
            got = sorted(ranks.get(n["id"], 0) for n in group)
            if got != list(range(1, len(group) + 1)):
                problems.add(where, "canvas %d %s: ranks %s are not 1..%d" % (ci, section, got, len(group)))
                continue
            want = expected_ranks(group, dots)
            for n in group:
                if ranks.get(n["id"]) != want[n["id"]]:
                    problems.add(where, "rank of %s is %s but the cues give %d"
                                 % (n["id"], ranks.get(n["id"]), want[n["id"]]))

    # links
    links = gold.get("links", [])
    link_set = set()
    for link in links:
        a, b = link.get("from"), link.get("to")
        if (a, b) in link_set:
            problems.add(where, "duplicate link %s->%s" % (a, b))
        link_set.add((a, b))
        sa, sb = sections.get(a), sections.get(b)
        if sa not in LINK_KINDS or LINK_KINDS[sa] != sb:
            problems.add(where, "link %s(%s) -> %s(%s) is not reliever->pain, creator->gain or product->job"
                         % (a, sa, b, sb))
        elif canvas_of.get(a) != canvas_of.get(b):
            problems.add(where, "link %s->%s crosses canvases" % (a, b))

    for c in connectors:
        a, b = c.get("from"), c.get("to")
        if a not in note_by_id or b not in note_by_id:
            problems.add(where, "connector %s joins unknown notes" % c.get("id"))
        elif (a, b) not in link_set:
            problems.add(where, "connector %s (%s->%s) is not a gold link" % (c.get("id"), a, b))
        elif sections.get(a) != "relievers":
            problems.add(where, "connector %s should start at a pain reliever" % c.get("id"))

    # derived warnings must match exactly
    linked_from = {a for a, _ in link_set}
    linked_to = {b for _, b in link_set}
    derived = defaultdict(set)
    for nid, s in sections.items():
        if s == "pains" and nid not in linked_to:
            derived["unaddressed-pain"].add((nid,))
        if s == "gains" and nid not in linked_to:
            derived["unaddressed-gain"].add((nid,))
        if s == "relievers" and nid not in linked_from:
            derived["orphan-reliever"].add((nid,))
        if s == "creators" and nid not in linked_from:
            derived["orphan-creator"].add((nid,))
        if s == "products" and nid not in linked_from:
            derived["orphan-product"].add((nid,))
    # unvalidated (issue 13, section 6): per canvas, one warning listing every
    # assumption-tagged note the fit rests on: a ranked job, pain or gain, or a
    # value-map note with a gold link.
    for ci in range(len(canvases)):
        rests = [n["id"] for s_ in SECTIONS for n in members(ci, s_)
                 if "assumption" in n.get("tags", [])
                 and (s_ in ("jobs", "pains", "gains") or n["id"] in linked_from)]
        if rests:
            derived["unvalidated"].add(tuple(sorted(rests)))
    for ci in range(len(canvases)):
        for section in SECTIONS:
            group = members(ci, section)
            if len(group) > TOO_MANY:
                derived["too-many"].add(tuple(sorted(n["id"] for n in group)))
    for code in ("unaddressed-pain", "unaddressed-gain", "orphan-reliever", "orphan-creator",
                 "orphan-product", "unvalidated", "too-many"):
        given = [tuple(sorted(w["notes"])) for w in by_code[code]]
        if len(given) != len(set(given)):
            problems.add(where, "repeated %s warning" % code)
        if set(given) != derived[code]:
            problems.add(where, "%s warnings %s differ from the gold links/tags, which give %s"
                         % (code, sorted(set(given)), sorted(derived[code])))
    for code, section in PER_NOTE_CODES.items():
        for w in by_code[code]:
            if len(w["notes"]) != 1 or sections.get(w["notes"][0]) != section:
                problems.add(where, "%s warning must name one %s note: %s" % (code, section, w["notes"]))
    for w in by_code["hidden-costs"]:
        if tuple(w["notes"]) not in derived["unaddressed-pain"]:
            problems.add(where, "hidden-costs %s names a pain that has a reliever" % w["notes"])
    for code in ("empty-section", "missing-segment"):
        for w in by_code[code]:
            ci, section = w.get("canvas"), w.get("section", "segment")
            if not isinstance(ci, int) or not 0 <= ci < len(canvases):
                problems.add(where, "%s warning needs a canvas index" % code)
                continue
            if code == "missing-segment" and (canvases[ci].get("segment_note") is not None or members(ci, "segment")):
                problems.add(where, "missing-segment on canvas %d, which has a segment" % ci)
            if code == "empty-section" and (section == "segment" or members(ci, section)):
                problems.add(where, "empty-section %s on canvas %d is wrong" % (section, ci))
    for ci in range(len(canvases)):
        for section in SECTIONS[1:]:
            if not members(ci, section) and not any(
                    w.get("canvas") == ci and w.get("section") == section for w in by_code["empty-section"]):
                problems.add(where, "canvas %d: %s is empty but has no empty-section warning" % (ci, section))
    for code in ("similar-segments", "one-size-fits-all"):
        for w in by_code[code]:
            segs = w["notes"]
            if len(segs) != 2 or any(sections.get(s) != "segment" for s in segs) \
                    or canvas_of.get(segs[0]) == canvas_of.get(segs[1]):
                problems.add(where, "%s must name two segment notes of different canvases" % code)
            elif code == "one-size-fits-all":
                maps = []
                for s in segs:
                    ci = canvas_of[s]
                    maps.append(sorted(norm_text(n["text"]) for sec in ("products", "relievers", "creators")
                                       for n in members(ci, sec)))
                if maps[0] != maps[1]:
                    problems.add(where, "one-size-fits-all: the two value maps differ")
    for w in by_code["duplicate-notes"]:
        ids = w["notes"]
        if len(ids) < 2 or len({sections.get(i) for i in ids}) != 1 or len({canvas_of.get(i) for i in ids}) != 1:
            problems.add(where, "duplicate-notes must name 2+ notes of one section of one canvas: %s" % ids)

    # totals
    totals["boards"] += 1
    totals["canvases"] += len(canvases)
    for nid, s in sections.items():
        totals["notes"][s] += 1
    totals["links"] += len(links)
    for code, ws in by_code.items():
        totals["warnings"][code] += len(ws)
    totals["connectors"] += len(connectors)
    totals["markers"] += len(markers)
    return {norm_text(n["text"]): os.path.basename(path) for n in notes if isinstance(n.get("text"), str)}


# Words a note of each TSV file may have: the first two are sticky-note sized;
# train-styles.tsv holds the long notes others write too (docs/judgment.md).
MAX_WORDS = {"train": 14, "heldout": 14, "train-styles": 60}


def read_tsv(path, problems, max_words=14):
    rows = []
    where = os.path.relpath(path)
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                problems.add("%s:%d" % (where, i), "blank line")
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                problems.add("%s:%d" % (where, i), "expected section<TAB>text")
                continue
            section, text = parts
            if section not in SECTIONS:
                problems.add("%s:%d" % (where, i), "unknown section %r" % section)
            if not text.strip() or text != text.strip():
                problems.add("%s:%d" % (where, i), "empty text or stray spaces")
            words = len(text.split())
            # One-word notes ("Dashboards") are real, but the sticky-note
            # files keep two words or more outside the segment.
            min_words = 1 if section == "segment" or max_words > 14 else 2
            if not min_words <= words <= max_words:
                problems.add("%s:%d" % (where, i), "%d words (expected %d-%d)"
                             % (words, min_words, max_words))
            rows.append((i, section, text))
    return rows


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "corpus")
    problems = Problems()
    totals = {"boards": 0, "canvases": 0, "notes": Counter(), "links": 0,
              "warnings": Counter(), "connectors": 0, "markers": 0}
    board_texts = {}
    paths = sorted(glob.glob(os.path.join(root, "boards", "*.json")))
    if not paths:
        problems.add(root, "no boards found")
    for path in paths:
        texts = check_board(path, problems, totals)
        if texts:
            for t, name in texts.items():
                board_texts.setdefault(t, name)

    tsv_counts = {}
    seen = {}
    for name in ("train", "heldout", "train-styles"):
        path = os.path.join(root, "notes", name + ".tsv")
        if not os.path.exists(path):
            problems.add(path, "missing")
            continue
        rows = read_tsv(path, problems, MAX_WORDS[name])
        tsv_counts[name] = Counter(section for _, section, _ in rows)
        for line, section, text in rows:
            key = norm_text(text)
            at = "%s.tsv:%d" % (name, line)
            if key in seen:
                problems.add(at, "text %r duplicates %s" % (text, seen[key]))
            else:
                seen[key] = at
            if key in board_texts:
                problems.add(at, "text %r also on board %s" % (text, board_texts[key]))

    # minimum sizes the corpus promises
    if totals["canvases"] < 12:
        problems.add(root, "fewer than 12 canvases")
    if sum(totals["notes"].values()) < 300:
        problems.add(root, "fewer than 300 board notes")
    if sum(tsv_counts.get("train", Counter()).values()) < 700:
        problems.add(root, "fewer than 700 train lines")
    if sum(tsv_counts.get("heldout", Counter()).values()) < 250:
        problems.add(root, "fewer than 250 heldout lines")

    print("boards: %d, canvases: %d, notes: %d, links: %d, connectors: %d, dot votes: %d"
          % (totals["boards"], totals["canvases"], sum(totals["notes"].values()), totals["links"],
             totals["connectors"], totals["markers"]))
    print("notes per section: " + ", ".join("%s %d" % (s, totals["notes"][s]) for s in SECTIONS))
    print("warnings: " + ", ".join("%s %d" % (c, totals["warnings"][c]) for c in WARNING_CODES))
    for name, counts in tsv_counts.items():
        print("%s.tsv: %d lines (%s)" % (name, sum(counts.values()),
                                          ", ".join("%s %d" % (s, counts[s]) for s in SECTIONS)))
    if problems.items:
        print("\n%d problem(s):" % len(problems.items))
        for p in problems.items:
            print("  " + p)
        return 1
    print("corpus OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

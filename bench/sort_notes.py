#!/usr/bin/env python3
"""The baseline the native CLI is held to: a plain Python script that reads an
Excalidraw export and only sorts its notes by frame and reading order.

    python3 bench/sort_notes.py board.excalidraw

Prints one line per frame: its name and how many notes it holds, in reading
order (rows of 100 units, then left to right). No sections, links or scores.
"""
import json
import sys


def main(path):
    with open(path, encoding="utf-8") as f:
        scene = json.load(f)
    frames, notes, texts = {}, [], {}
    for element in scene["elements"]:
        if element.get("isDeleted"):
            continue
        kind = element["type"]
        if kind == "frame":
            frames[element["id"]] = element.get("name") or ""
        elif kind == "text" and element.get("containerId"):
            texts[element["containerId"]] = element.get("originalText") or element.get("text", "")
        elif kind in ("rectangle", "ellipse", "diamond"):
            notes.append(element)
    by_frame = {}
    for note in notes:
        if note["id"] in texts:
            by_frame.setdefault(note.get("frameId"), []).append(note)
    out = []
    for frame_id in sorted(by_frame, key=lambda f: (f is None, f or "")):
        in_order = sorted(by_frame[frame_id], key=lambda n: (n["y"] // 100, n["x"]))
        out.append(f"{frames.get(frame_id, '(no frame)')}: {len(in_order)} notes, "
                   f"first '{texts[in_order[0]['id']][:30]}'")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])

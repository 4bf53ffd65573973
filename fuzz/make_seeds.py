#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/corpus/<target>/ from the bundled examples,
the labelled corpus and a few hand-made boards. Small seeds keep the fuzzers
fast; each full example is kept once so every reader path starts covered.
Deterministic: re-running rewrites the same files.
    python3 fuzz/make_seeds.py
"""
import json
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def excalidraw_seeds():
    seeds = {}
    for path in sorted(ROOT.glob("examples/*.excalidraw")):
        scene = json.loads(path.read_text())
        seeds[path.stem + "-full"] = compact(scene)
        elements = scene["elements"]
        # Sections and their first notes, with bound texts: a small, whole canvas.
        keep = {e["id"] for e in elements[:30]}
        keep |= {e["containerId"] for e in elements[:30] if e.get("containerId")}
        small = [e for e in elements if e["id"] in keep or e.get("containerId") in keep]
        seeds[path.stem + "-small"] = compact({"type": "excalidraw", "version": 2, "elements": small})
    seeds["clipboard"] = compact({"type": "excalidraw/clipboard", "elements": [
        {"id": "a", "type": "rectangle", "x": 0, "y": 0, "width": -40, "height": 50},
        {"id": "t", "type": "text", "x": 0, "y": 0, "text": "Late orders", "containerId": "a"},
        {"id": "f", "type": "frame", "x": -100, "y": -100, "width": 500, "height": 500, "name": "Pains"},
        {"id": "r", "type": "arrow", "x": 0, "y": 0, "startBinding": {"elementId": "a"},
         "endBinding": {"elementId": "gone"}},
        {"id": "d", "type": "text", "x": 0, "y": 0, "text": "x", "isDeleted": True},
        {"id": "i", "type": "image", "x": 0, "y": 0}]})
    return seeds


def miro_seeds():
    seeds = {}
    for path in sorted(ROOT.glob("examples/miro-*.json")):
        export = json.loads(path.read_text())
        seeds[path.stem + "-full"] = compact(export)
        pages = export["items"] if "items" in export else [export]
        small = {"data": [item for page in pages for item in page["data"]][:24], "type": "cursor-list"}
        seeds[path.stem + "-page"] = compact(small)
        seeds[path.stem + "-list"] = compact(small["data"][:12])
    seeds["html-content"] = compact({"data": [
        {"id": "1", "type": "sticky_note", "data": {"content": "<p>Orders &amp; <b>pay</b></p><script>x</script>"},
         "position": {"x": 0, "y": 0, "origin": "center", "relativeTo": "parent_top_left"},
         "parent": {"id": "2"}, "geometry": {"width": 199}},
        {"id": "2", "type": "frame", "data": {"title": "Pains"}, "position": {"x": 0, "y": 0},
         "geometry": {"width": 800, "height": 800}, "parent": {"id": "1"}}], "type": "cursor-list"})
    seeds["bundle-pages-tags"] = compact({
        "items": [{"data": [
            {"id": "f", "type": "frame", "data": {"title": "Jobs"}, "position": {"x": 0, "y": 0},
             "geometry": {"width": 400, "height": 400}},
            {"id": 11, "type": "card", "data": {"title": "<b>Pay</b>", "description": "fast", "tagIds": [7, "t"]},
             "style": {"cardTheme": "#2d9bf0"}, "position": {"x": 50, "y": 50}, "parent": {"id": "f"}}]},
            {"data": [{"id": "s", "type": "sticky_note", "tagIds": ["t"], "data": {"content": "<p>a</p>"},
                       "position": {"x": 1, "y": 2}, "createdBy": {"id": 42}}]}],
        "connectors": {"data": [{"id": "c", "startItem": {"id": "s"}, "endItem": {"id": 11},
                                 "captions": [{"content": "<p>needs</p>"}, {"content": "x"}]}]},
        "tags": [{"data": [{"id": 7, "title": "must"}, {"id": "t", "title": "p1"}]}]})
    # Duplicate keys, which no tree can hold: the last of each counts, as in nlohmann.
    seeds["duplicate-keys"] = (
        '{"data":[{"id":"1","type":"sticky_note","position":{"x":1,"y":2},"position":{"x":5},'
        '"data":{"content":"a"},"data":{"content":"b"}}],"data":[{"id":"9","type":"text",'
        '"position":{"x":0,"y":0},"data":{"content":"<p>x</p><p>y</p>"}}]}')
    seeds["list-of-pages-broken"] = compact([
        {"data": [{"id": "1", "type": "shape", "data": {"shape": "circle"}, "position": {"x": 0, "y": 0}}]},
        {"id": "2", "type": "shape", "position": {"x": 0, "y": 0}}])
    return seeds


def canvasfit_seeds():
    seeds = {}
    for path in sorted(ROOT.glob("tests/corpus/boards/*.json"))[:4]:
        seeds[path.stem] = compact(json.loads(path.read_text()))
    seeds["every-field"] = compact({"schema": "canvasfit.board/1",
        "notes": [{"id": "n1", "text": "Late orders", "x": 10, "y": 10, "width": 100, "height": 80,
                   "kind": "card", "shape": "", "color": "#ffec99", "tags": ["!!", "top"],
                   "parent": "f1", "author": "ana"},
                  {"id": 7, "text": "", "x": 0, "y": 0, "kind": "text"}],
        "containers": [{"id": "f1", "title": "Pains", "x": 0, "y": 0, "width": 500, "height": 500,
                        "kind": "frame", "parent": "f0"},
                       {"id": "f0", "title": "Customer Profile", "x": -10, "y": -10, "width": 900,
                        "height": 900, "kind": "shape"}],
        "connectors": [{"id": "c1", "from": "n1", "to": 7, "label": "relieves"}],
        "markers": [{"id": "m1", "x": 20, "y": 20, "color": "#e03131"}]})
    return seeds


def html_seeds():
    return {
        "paragraphs": "<p>Orders &amp; <b>payments</b></p><p></p><p>get&nbsp;lost</p>",
        "script": "<div>a</div><script>if (a<b) {}</script><style>p{}</style>b",
        "entities": "&#x1F600; &#146; &#0; &#xD800; &hellip; &unknown; &#99999999999;",
        "comment": "x <!-- hidden --> y <a href=\"a>b\">link</a> 1 < 2 <br/>z",
        "broken": "<p class='x>unterminated &amp",
    }


def main():
    sets = {
        "read_excalidraw": excalidraw_seeds(),
        "read_miro": miro_seeds(),
        "read_canvasfit": canvasfit_seeds(),
        "html_text": html_seeds(),
    }
    sets["analyze"] = {name: text for key in ("read_excalidraw", "read_miro", "read_canvasfit")
                       for name, text in sets[key].items()}
    for target, seeds in sets.items():
        directory = CORPUS / target
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        for name, text in seeds.items():
            (directory / name).write_text(text)
        print(f"{target}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()

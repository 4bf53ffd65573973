#!/usr/bin/env python3
"""Writes the Miro example boards and their gold files, deterministically.

    python3 scripts/make_miro_examples.py

Produces, relative to the repository root:
  examples/miro-saas-canvas.json          frames, two item pages + a connectors page
  examples/miro-shapes-canvas.json        one page; sections drawn as titled rectangles
  tests/data/gold/miro-saas-canvas.json.gold.json
  tests/data/gold/miro-shapes-canvas.json.gold.json

Items carry the full field set of Miro REST API v2 responses (GET
/v2/boards/{board_id}/items and /connectors) so the reader is tested on what the
API really returns. Python 3 standard library only; the same output every run.
"""

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
API = "https://api.miro.com/v2/boards"

STICKY_WIDTH = 199.0  # Miro's square sticky note, as the API reports it
STICKY_HEIGHT = 228.0
COLUMN_STEP = 240.0
ROW_STEP = 270.0
FIRST_CENTER = (160.0, 220.0)  # first sticky centre from a section's top-left, below the title


class Board:
    """Hands out ids, timestamps and authors the way one real board would have them."""

    def __init__(self, board_id, seed, users, start):
        self.board_id = board_id
        self.url = f"{API}/{board_id.replace('=', '%3D')}"
        self.random = random.Random(seed)
        self.next_id = 3458764517517818201 + self.random.randrange(10**6)
        self.users = users
        self.clock = start

    def new_id(self):
        self.next_id += self.random.randrange(1000, 90000)
        return str(self.next_id)

    def stamp(self):
        self.clock += timedelta(seconds=self.random.randrange(20, 400))
        return self.clock.strftime("%Y-%m-%dT%H:%M:%SZ")

    def item(self, kind, collection, data, style, geometry, x, y, parent=None):
        item_id = self.new_id()
        author = self.random.choice(self.users)
        created = self.stamp()
        item = {
            "id": item_id,
            "type": kind,
            "data": data,
            "style": style,
            "geometry": geometry,
            "position": {
                "x": x,
                "y": y,
                "origin": "center",
                "relativeTo": "parent_top_left" if parent else "canvas_center",
            },
        }
        if parent:
            item["parent"] = {"id": parent, "links": {"self": f"{self.url}/items/{parent}"}}
        item.update({
            "createdAt": created,
            "createdBy": {"id": author, "type": "user"},
            "modifiedAt": created,
            "modifiedBy": {"id": author, "type": "user"},
            "links": {"self": f"{self.url}/{collection}/{item_id}"},
        })
        return item

    def frame(self, title, center, size):
        data = {"format": "custom", "title": title, "type": "freeform", "showContent": True}
        geometry = {"width": size[0], "height": size[1]}
        return self.item("frame", "frames", data, {"fillColor": "#ffffff"}, geometry, *center)

    def sticky(self, html, color, x, y, parent=None):
        data = {"content": f"<p>{html}</p>", "shape": "square"}
        style = {"fillColor": color, "textAlign": "center", "textAlignVertical": "top"}
        geometry = {"width": STICKY_WIDTH, "height": STICKY_HEIGHT}
        return self.item("sticky_note", "sticky_notes", data, style, geometry, x, y, parent)

    def card(self, title_html, description_html, x, y, parent=None):
        data = {"title": f"<p>{title_html}</p>", "description": f"<p>{description_html}</p>"}
        style = {"cardTheme": "#2d9bf0"}
        geometry = {"width": 320.0, "height": 94.0}
        return self.item("card", "cards", data, style, geometry, x, y, parent)

    def text(self, html, width, x, y, parent=None):
        style = {"color": "#1a1a1a", "fillColor": "transparent", "fillOpacity": "1.0",
                 "fontFamily": "open_sans", "fontSize": "14", "textAlign": "left"}
        geometry = {"width": width, "height": 66.0}
        return self.item("text", "texts", {"content": f"<p>{html}</p>"}, style, geometry, x, y,
                         parent)

    def shape(self, shape, html, fill, size, x, y, font_size="14", parent=None):
        style = {"borderColor": "#1a1a1a", "borderOpacity": "1.0", "borderStyle": "normal",
                 "borderWidth": "2.0", "color": "#1a1a1a", "fillColor": fill,
                 "fillOpacity": "1.0", "fontFamily": "open_sans", "fontSize": font_size,
                 "textAlign": "center", "textAlignVertical": "top"}
        geometry = {"width": size[0], "height": size[1]}
        return self.item("shape", "shapes", {"content": html, "shape": shape}, style, geometry,
                         x, y, parent)

    def connector(self, start, end, caption_html=None):
        connector_id = self.new_id()
        author = self.random.choice(self.users)
        created = self.stamp()
        connector = {
            "id": connector_id,
            "type": "connector",
            "shape": "curved",
            "startItem": {"id": start, "links": {"self": f"{self.url}/items/{start}"}},
            "endItem": {"id": end, "links": {"self": f"{self.url}/items/{end}"}},
            "style": {"endStrokeCap": "stealth", "startStrokeCap": "none",
                      "strokeColor": "#1a1a1a", "strokeStyle": "normal", "strokeWidth": "2.0",
                      "color": "#1a1a1a", "fontSize": "14", "textOrientation": "horizontal"},
            "isSupported": True,
            "createdAt": created,
            "createdBy": {"id": author, "type": "user"},
            "modifiedAt": created,
            "modifiedBy": {"id": author, "type": "user"},
            "links": {"self": f"{self.url}/connectors/{connector_id}"},
        }
        if caption_html:
            connector["captions"] = [{"content": caption_html, "position": "50%",
                                      "textAlignVertical": "middle"}]
        return connector

    def pages(self, items, limit, endpoint="items"):
        """Splits items the way cursor pagination does."""
        pages = []
        for start in range(0, len(items), limit):
            chunk = items[start:start + limit]
            page = {"data": chunk, "total": len(items), "size": len(chunk), "limit": limit,
                    "links": {"self": f"{self.url}/{endpoint}?limit={limit}"}}
            if start + limit < len(items):
                cursor = f"{self.random.getrandbits(64):016x}"
                page["cursor"] = cursor
                page["links"]["next"] = f"{self.url}/{endpoint}?limit={limit}&cursor={cursor}"
            page["type"] = "cursor-list"
            pages.append(page)
        return pages


def grid_position(index, columns, origin=(0.0, 0.0)):
    """Centre of the index-th sticky in a section, counted from the section's top-left."""
    column, row = index % columns, index // columns
    return origin[0] + FIRST_CENTER[0] + column * COLUMN_STEP, \
        origin[1] + FIRST_CENTER[1] + row * ROW_STEP


# ---------------------------------------------------------------------------
# Bookkeepers at small accounting firms: seven frames, relative positions.

SAAS_SECTIONS = [
    # (section, frame title, frame centre, frame size, columns, sticky colour, notes)
    ("segment", "Customer Segment", (800.0, -1650.0), (2400.0, 700.0), 4, "gray", [
        "Bookkeepers at accounting firms with 2&ndash;15 staff",
        "Each serves 30&ndash;80 small-business clients, mostly on Xero or QuickBooks Online",
        "The firm owner picks the tools; bookkeepers push for them",
        "Paid a fixed fee per client per month, so every hour saved is margin",
    ]),
    ("jobs", "Customer Jobs", (1500.0, 0.0), (1000.0, 2000.0), 3, "light_blue", [
        "Reconcile client bank feeds every week",
        "Collect receipts &amp; invoices from clients",
        "Close the books at month-end",
        "File VAT returns on time",
        "Answer clients&rsquo; &ldquo;where did my money go?&rdquo; questions",
        "Hand clean ledgers to the accountant at year-end",
    ]),
    ("pains", "Customer Pains", (300.0, 525.0), (1300.0, 950.0), 5, "light_pink", [
        "<strong>Chasing clients</strong> for missing receipts, again and again",
        "Bank feeds break &amp; duplicate transactions",
        "Re-keying data from PDFs and phone photos",
        "Month-end crunch eats evenings &amp; weekends",
        "Fear of a wrong VAT return and the penalty that follows",
        "Every client uses a different app &mdash; no single view",
    ]),
    ("gains", "Customer Gains", (300.0, -525.0), (1300.0, 950.0), 5, "light_green", [
        "Books closed by the 5th working day",
        "Take on more clients without hiring",
        "Clients send documents without being asked",
        "Confidence that every figure ties to a source document",
        "Look like a modern, tech-savvy firm to prospects",
    ]),
    ("products", "Products and Services", (-2700.0, 0.0), (1000.0, 2000.0), 3, "light_yellow", [
        "Receipt inbox: clients email or snap receipts",
        "Bank-feed monitor for Xero &amp; QuickBooks Online",
        "Client portal with a document checklist",
        "Month-end close dashboard across all clients",
    ]),
    ("relievers", "Pain Relievers", (-1500.0, 525.0), (1300.0, 950.0), 4, "orange", [
        "Automatic reminders chase clients for missing receipts",
        "Duplicate detection on bank feeds",
        "OCR reads receipts &amp; invoices &ndash; no re-keying",
        "VAT pre-check flags odd entries before filing",
    ]),
    ("creators", "Gain Creators", (-1500.0, -525.0), (1300.0, 950.0), 4, "yellow", [
        "Close checklist tracks each client&rsquo;s status",
        "Bulk actions across all clients at once",
        "Audit trail links each entry to its document",
        "Portal branded in the firm&rsquo;s colours",
    ]),
]


def make_saas_canvas():
    board = Board("uXjVNvX2k4A=", seed=20240311,
                  users=["3458764512847362531", "3458764512849920117", "3458764513006145288"],
                  start=datetime(2024, 3, 11, 9, 14, 22, tzinfo=timezone.utc))
    items, gold, by_section = [], {}, {}
    for section, title, center, size, columns, color, notes in SAAS_SECTIONS:
        frame = board.frame(title, center, size)
        section_items = []
        for index, html in enumerate(notes):
            x, y = grid_position(index, columns)
            section_items.append(board.sticky(html, color, x, y, parent=frame["id"]))
        by_section[section] = section_items
        if section == "products":
            x, y = grid_position(len(notes), columns)
            section_items.append(board.card(
                "Practice plan &ndash; <strong>&pound;4</strong> per client / month",
                "Unlimited users &amp; receipts; first 3 months free for firms &lt; 10 staff",
                x + 60.0, y, parent=frame["id"]))
        if section == "gains":
            section_items.append(board.text(
                "Interview quote: &ldquo;If month-end took two days instead of five, "
                "I&rsquo;d take on three more clients.&rdquo;", 520.0, 650.0, 640.0,
                parent=frame["id"]))
        for item in section_items:
            gold[item["id"]] = {"section": section, "canvas": 1}
        if section == "pains":
            # A dot vote on the top pain: a small red circle over its top-right corner.
            top = section_items[0]["position"]
            section_items.append(board.shape("circle", "", "#f24726", (20.0, 20.0),
                                             top["x"] + 80.0, top["y"] - 90.0,
                                             parent=frame["id"]))
        # Teams often draw the frame around notes they already wrote: for the
        # value map the frame comes after its notes, as Miro lists items by creation.
        if section in ("products", "relievers", "creators"):
            items.extend(section_items + [frame])
        else:
            items.extend([frame] + section_items)

    relievers, pains = by_section["relievers"], by_section["pains"]
    connectors = [
        board.connector(relievers[0]["id"], pains[0]["id"], "<p>relieves</p>"),
        board.connector(relievers[1]["id"], pains[1]["id"]),
    ]
    document = {"items": board.pages(items, limit=25),
                "connectors": board.pages(connectors, limit=10, endpoint="connectors")[0]}
    return document, gold


# ---------------------------------------------------------------------------
# Independent physiotherapy clinics: titled rectangles, absolute positions.

SHAPES_SECTIONS = [
    # (section, title html, top-left, size, columns, sticky colour, notes)
    ("segment", "<p><strong>Customer Segment</strong></p>", (1400.0, -1900.0), (1300.0, 700.0),
     3, "gray", [
         "Owners of independent physio clinics with 1&ndash;4 locations",
         "3&ndash;12 therapists and one front-desk person",
         "The owner still treats patients most days",
     ]),
    ("jobs", "<p>Customer Jobs</p>", (2800.0, -1000.0), (800.0, 2000.0), 3, "light_blue", [
        "Fill the appointment book every week",
        "Get patients to finish their treatment plan",
        "Bill insurers &amp; collect co-pays",
        "Keep clinical notes up to standard",
        "Schedule therapists around rooms and equipment",
    ]),
    ("gains", "<p>Gains</p>", (1400.0, -1000.0), (1300.0, 950.0), 5, "light_green", [
        "A full diary two weeks ahead",
        "Patients who complete their plan &amp; refer friends",
        "Claims paid on the first submission",
        "Therapists leave on time",
        "Revenue per therapist at a glance",
    ]),
    ("pains", "<p>Pains</p>", (1400.0, 50.0), (1300.0, 950.0), 5, "light_pink", [
        "No-shows and late cancellations &ndash; about 1 in 8 slots",
        "Insurer claims rejected for small form errors",
        "The phone rings all day &mdash; front desk overwhelmed",
        "Patients drop out after 2&ndash;3 sessions",
        "Writing notes after hours",
    ]),
    ("products", "<p>Products &amp; Services</p>", (-1900.0, -1000.0), (800.0, 2000.0), 3,
     "light_yellow", [
         "Online booking with deposits",
         "SMS reminders &amp; waitlist",
         "Claim builder for the main insurers",
         "Home-exercise app for patients",
     ]),
    ("creators", "<p>Gain Creators</p>", (-1000.0, -1000.0), (1300.0, 950.0), 4, "yellow", [
        "Automatic waitlist fills cancelled slots",
        "Exercise streaks keep patients engaged between visits",
        "Weekly clinic report for the owner",
        "Referral link patients can share",
    ]),
    ("relievers", "<p>Pain Relievers</p>", (-1000.0, 50.0), (1300.0, 950.0), 4, "orange", [
        "Deposits &amp; reminders cut no-shows",
        "Claim checker catches missing fields before sending",
        "Self-service booking takes calls off the front desk",
        "Voice-to-text note templates",
    ]),
]


def make_shapes_canvas():
    board = Board("uXjVKq7Rb2M=", seed=20240902,
                  users=["3458764521930018842", "3458764522110634907"],
                  start=datetime(2024, 9, 2, 13, 2, 5, tzinfo=timezone.utc))
    shapes, stickies, gold = [], [], {}
    # The template comes first: section rectangles with their titles.
    for section, title, top_left, size, *_ in SHAPES_SECTIONS:
        center = (top_left[0] + size[0] / 2, top_left[1] + size[1] / 2)
        shapes.append(board.shape("rectangle", title, "#ffffff", size, *center, font_size="36"))
    # Then the workshop: notes placed on top, positions from the canvas centre.
    for section, _, top_left, _, columns, color, notes in SHAPES_SECTIONS:
        for index, html in enumerate(notes):
            x, y = grid_position(index, columns, origin=top_left)
            note = board.sticky(html, color, x, y)
            stickies.append(note)
            gold[note["id"]] = {"section": section, "canvas": 1}
    return board.pages(shapes + stickies, limit=50)[0], gold


def write_json(relative_path, value):
    path = ROOT / relative_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2) + "\n", encoding="utf-8")


def gold_document(notes):
    return {"canvases": 1, "notes": notes}


def main():
    saas, saas_gold = make_saas_canvas()
    write_json("examples/miro-saas-canvas.json", saas)
    write_json("tests/data/gold/miro-saas-canvas.json.gold.json", gold_document(saas_gold))
    shapes, shapes_gold = make_shapes_canvas()
    write_json("examples/miro-shapes-canvas.json", shapes)
    write_json("tests/data/gold/miro-shapes-canvas.json.gold.json", gold_document(shapes_gold))


if __name__ == "__main__":
    main()

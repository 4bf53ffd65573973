// Gap warnings: every code fires on a board built to show its gap and stays
// quiet on a healthy canvas. Links are drawn as connectors (they always count)
// and the notes that must stay unlinked share no words with the other side,
// so the tests hold whatever text linking adds.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"
#include "engine/engine.hpp"
#include "findings/warning_kit.hpp"

using namespace canvasfit;
using namespace canvasfit::test_support;

namespace {

const char* const kGapCodes[] = {"missing-segment",  "broad-segment",     "empty-section",
                                 "too-many",         "duplicate-notes",   "unaddressed-pain",
                                 "unaddressed-gain", "hidden-costs",      "unvalidated",
                                 "orphan-product",   "orphan-reliever",   "orphan-creator",
                                 "low-fit",          "one-size-fits-all", "similar-segments"};

// Boards of canvases in the usual template: seven section frames per canvas,
// canvases side by side. Notes join a section frame and stack downwards in
// the order added, which is their rank when nothing else ranks them.
class Sketch {
public:
    // A canvas; `title` names an enclosing canvas frame ("" for none), and
    // `sections` lists the frames to draw (all seven by default).
    int canvas(const std::string& title = "", std::vector<Section> sections = {}) {
        const int c = static_cast<int>(canvases_++);
        const double x0 = c * 2000.0;
        if (sections.empty()) sections.assign(std::begin(kAllSections), std::end(kAllSections));
        if (!title.empty())
            board_.containers.push_back(
                frame(prefix(c) + "canvas", title, {x0 - 20, -20, 1440, 900}));
        for (Section section : sections) {
            const Rect area = area_of(section);
            board_.containers.push_back(frame(frame_id(c, section), title_of(section),
                                              {x0 + area.x, area.y, area.width, area.height}));
        }
        return c;
    }

    std::string note(int c, Section section, const std::string& text,
                     std::vector<std::string> tags = {}) {
        const std::string id =
            prefix(c) + section_name(section) + "-" + std::to_string(++count_[{c, section}]);
        const Rect area = area_of(section);
        Note made = sticky(id, text, c * 2000.0 + area.x + 10,
                           area.y + 40 + 110.0 * count_[{c, section}], frame_id(c, section));
        made.tags = std::move(tags);
        board_.notes.push_back(made);
        return id;
    }

    void connect(const std::string& from, const std::string& to) {
        board_.connectors.push_back({"c" + std::to_string(board_.connectors.size()), from, to, ""});
    }

    Board& board() { return board_; }
    Report report() const { return analyze(board_); }

private:
    static std::string prefix(int c) { return "c" + std::to_string(c + 1) + "-"; }
    static std::string frame_id(int c, Section section) {
        return prefix(c) + "frame-" + section_name(section);
    }

    static const char* title_of(Section section) {
        switch (section) {
            case Section::segment: return "Customer Segment";
            case Section::jobs: return "Customer Jobs";
            case Section::pains: return "Pains";
            case Section::gains: return "Gains";
            case Section::products: return "Products & Services";
            case Section::relievers: return "Pain Relievers";
            default: return "Gain Creators";
        }
    }
    static Rect area_of(Section section) {
        switch (section) {
            case Section::segment: return {700, 0, 700, 180};
            case Section::jobs: return {1100, 200, 300, 600};
            case Section::pains: return {700, 500, 400, 300};
            case Section::gains: return {700, 200, 400, 300};
            case Section::products: return {0, 200, 300, 600};
            case Section::relievers: return {300, 500, 300, 300};
            default: return {300, 200, 300, 300};
        }
    }

    Board board_;
    std::size_t canvases_ = 0;
    std::map<std::pair<int, Section>, int> count_;
};

struct Healthy {
    std::string segment, job, pain1, pain2, gain, product, reliever1, reliever2, creator;
};

// A canvas with nothing to warn about: a precise segment, every section
// filled, every pain and gain addressed, every value-map note linked.
Healthy add_healthy_canvas(Sketch& sketch, int c) {
    Healthy h;
    h.segment =
        sketch.note(c, Section::segment, "Independent café owners who take phone orders at lunch");
    h.job = sketch.note(c, Section::jobs, "Serve the lunch rush without mistakes");
    h.pain1 = sketch.note(c, Section::pains, "Orders get lost between phone and kitchen");
    h.pain2 = sketch.note(c, Section::pains, "Phone line busy at noon");
    h.gain = sketch.note(c, Section::gains, "Regulars reorder their usual in one tap");
    h.product = sketch.note(c, Section::products, "Online ordering page");
    h.reliever1 = sketch.note(c, Section::relievers, "Tickets print straight in the kitchen");
    h.reliever2 = sketch.note(c, Section::relievers, "Web orders bypass the phone");
    h.creator = sketch.note(c, Section::creators, "Saved favourites");
    sketch.connect(h.product, h.job);
    sketch.connect(h.reliever1, h.pain1);
    sketch.connect(h.reliever2, h.pain2);
    sketch.connect(h.creator, h.gain);
    return h;
}

std::vector<Warning> with_code(const Report& report, const std::string& code) {
    std::vector<Warning> found;
    for (const Warning& warning : report.warnings)
        if (warning.code == code) found.push_back(warning);
    return found;
}

std::vector<std::string> gap_codes(const Report& report) {
    std::vector<std::string> codes;
    for (const Warning& warning : report.warnings)
        if (std::find(std::begin(kGapCodes), std::end(kGapCodes), warning.code) !=
            std::end(kGapCodes))
            codes.push_back(warning.code + ": " + warning.message);
    return codes;
}

bool names(const Warning& warning, const std::string& note) {
    return std::find(warning.notes.begin(), warning.notes.end(), note) != warning.notes.end();
}

}  // namespace

// ---------------------------------------------------------------------------
// The healthy canvas, and the contract's shape

TEST(GapWarnings, HealthyCanvasRaisesNone) {
    Sketch sketch;
    add_healthy_canvas(sketch, sketch.canvas());
    const Report report = sketch.report();
    EXPECT_EQ(gap_codes(report), std::vector<std::string>{});
    ASSERT_TRUE(report.canvases[0].fit.overall);
    EXPECT_DOUBLE_EQ(*report.canvases[0].fit.overall, 1.0);
}

TEST(GapWarnings, TwoDifferentHealthyCanvasesRaiseNone) {
    Sketch sketch;
    add_healthy_canvas(sketch, sketch.canvas());
    const int c = sketch.canvas();
    const std::string segment =
        sketch.note(c, Section::segment, "Night-shift nurses who eat between rounds");
    const std::string job =
        sketch.note(c, Section::jobs, "Eat a warm meal during a 20 minute break");
    const std::string pain = sketch.note(c, Section::pains, "Hospital canteen closed after 8 pm");
    const std::string gain = sketch.note(c, Section::gains, "Healthy food delivered to the ward");
    const std::string product = sketch.note(c, Section::products, "Ward delivery subscription box");
    const std::string reliever =
        sketch.note(c, Section::relievers, "Drop-off at the ward desk until 3 am");
    const std::string creator = sketch.note(c, Section::creators, "Dietitian-planned menus");
    sketch.connect(product, job);
    sketch.connect(reliever, pain);
    sketch.connect(creator, gain);
    const Report report = sketch.report();
    EXPECT_EQ(gap_codes(report), std::vector<std::string>{});
}

TEST(GapWarnings, EachWarningNamesItsCanvasSeverityAndMessage) {
    Sketch sketch;
    sketch.canvas();
    const int c = sketch.canvas();
    sketch.note(c, Section::pains, "Orders get lost at rush hour");
    const Report report = sketch.report();
    const auto found = with_code(report, "unaddressed-pain");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].canvas, std::optional<std::string>("canvas-2"));
    EXPECT_EQ(found[0].severity, Severity::high);
    EXPECT_EQ(found[0].notes, std::vector<std::string>{"c2-pains-1"});
    EXPECT_EQ(found[0].message,
              "Pain 'Orders get lost at rush hour' (rank 1) has no pain reliever: add one or "
              "explain why it is out of scope.");
}

TEST(GapWarnings, OrderIsByCanvasThenCodeThenNote) {
    Sketch sketch;
    const int first = sketch.canvas();
    const int second = sketch.canvas();
    sketch.note(second, Section::gains, "Cheaper lunches for students");
    sketch.note(second, Section::pains, "Queue is twenty minutes long");
    sketch.note(first, Section::relievers, "Loyalty stamps printed on receipts");
    sketch.note(first, Section::pains, "Menu board unreadable from the door");
    sketch.note(first, Section::pains, "Card reader often offline");
    const Report report = sketch.report();
    std::vector<std::string> seen;
    for (const Warning& warning : report.warnings)
        if (warning.code != "outside-sections")
            seen.push_back(warning.canvas.value_or("") + " " + warning.code + " " +
                           (warning.notes.empty() ? "" : warning.notes.front()));
    // Canvas 1 has a reliever that shares no word with its pains: whether it
    // answers them is a question, not a gap. Canvas 2 has no value map at
    // all: its pain and gain are certainly unaddressed.
    const std::vector<std::string> expected = {
        "canvas-1 missing-segment ",
        "canvas-1 empty-section ",
        "canvas-1 empty-section ",
        "canvas-1 empty-section ",
        "canvas-1 empty-section ",
        "canvas-2 missing-segment ",
        "canvas-2 empty-section ",
        "canvas-2 empty-section ",
        "canvas-2 empty-section ",
        "canvas-2 empty-section ",
        "canvas-2 unaddressed-pain c2-pains-1",
        "canvas-2 unaddressed-gain c2-gains-1",
        "canvas-2 low-fit ",
    };
    EXPECT_EQ(seen, expected);
    std::vector<std::string> asked;
    for (const Question& question : report.questions)
        asked.push_back(question.canvas.value_or("") + " " + question.code + " " + question.notes.front());
    const std::vector<std::string> questions = {
        "canvas-1 what-addresses c1-pains-1",
        "canvas-1 what-addresses c1-pains-2",
        "canvas-1 what-does-it-address c1-relievers-1",
    };
    EXPECT_EQ(asked, questions);
}

TEST(GapWarnings, SameBoardGivesTheSameWarnings) {
    Sketch sketch;
    for (int i = 0; i < 3; ++i) {
        const int c = sketch.canvas();
        sketch.note(c, Section::segment, "Everyone");
        sketch.note(c, Section::pains, "Too expensive");
        sketch.note(c, Section::pains, "Much too expensive");
        sketch.note(c, Section::gains, "Fast checkout and free returns");
    }
    const std::string first = report_to_json(sketch.report());
    EXPECT_EQ(report_to_json(sketch.report()), first);
}

// ---------------------------------------------------------------------------
// unaddressed-pain, unaddressed-gain

TEST(GapWarnings, UnaddressedPainSeverityFollowsRank) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    // Ranks 3..6 of six pains once the healthy two are above them.
    const std::string third = sketch.note(c, Section::pains, "Card reader drops out");
    sketch.note(c, Section::pains, "Menu board hard to read");
    sketch.note(c, Section::pains, "Napkins run out");
    const std::string sixth = sketch.note(c, Section::pains, "Chairs wobble");
    const auto found = with_code(sketch.report(), "unaddressed-pain");
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0].notes, std::vector<std::string>{third});
    EXPECT_EQ(found[0].severity, Severity::medium);  // rank 3 of 6: priority 0.67
    EXPECT_EQ(found[3].notes, std::vector<std::string>{sixth});
    EXPECT_EQ(found[3].severity, Severity::low);  // rank 6 of 6: priority 0.17
}

TEST(GapWarnings, UnaddressedPainUsesTheRankFromMarkers) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    const std::string marked = sketch.note(c, Section::pains, "Card reader drops out (must-have)");
    const auto found = with_code(sketch.report(), "unaddressed-pain");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].notes, std::vector<std::string>{marked});
    EXPECT_EQ(found[0].severity, Severity::high);
    EXPECT_NE(found[0].message.find("(rank 1)"), std::string::npos);
}

TEST(GapWarnings, UnaddressedGainFires) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    const std::string gain = sketch.note(c, Section::gains, "Pay with a watch");
    const auto found = with_code(sketch.report(), "unaddressed-gain");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].notes, std::vector<std::string>{gain});
    EXPECT_EQ(found[0].severity, Severity::high);  // rank 2 of 2
    EXPECT_NE(found[0].message.find("has no gain creator"), std::string::npos);
}

TEST(GapWarnings, AConnectorFromARelieverAddressesAPainWhicheverWayItPoints) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    const std::string pain = sketch.note(c, Section::pains, "Card reader drops out");
    const std::string reliever =
        sketch.note(c, Section::relievers, "Backup terminal in the drawer");
    sketch.connect(pain, reliever);
    EXPECT_EQ(gap_codes(sketch.report()), std::vector<std::string>{});
}

// ---------------------------------------------------------------------------
// orphan-reliever, orphan-creator, orphan-product

TEST(GapWarnings, OrphanRelieverAndCreatorFire) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    const std::string reliever = sketch.note(c, Section::relievers, "Blockchain loyalty tokens");
    const std::string creator = sketch.note(c, Section::creators, "Augmented reality menu");
    const Report report = sketch.report();
    const auto relievers = with_code(report, "orphan-reliever");
    ASSERT_EQ(relievers.size(), 1u);
    EXPECT_EQ(relievers[0].notes, std::vector<std::string>{reliever});
    EXPECT_EQ(relievers[0].severity, Severity::medium);
    const auto creators = with_code(report, "orphan-creator");
    ASSERT_EQ(creators.size(), 1u);
    EXPECT_EQ(creators[0].notes, std::vector<std::string>{creator});
}

TEST(GapWarnings, ARelieverTheTeamDrawsToAGainAddressesSomething) {
    // The wording follows the canvas's rule (relievers answer pains), but the
    // team's own arrow to a gain says what the reliever is for: no orphan
    // beside it. Its twin without an arrow is still one.
    Sketch sketch;
    const int c = sketch.canvas();
    const Healthy h = add_healthy_canvas(sketch, c);
    const std::string drawn = sketch.note(c, Section::relievers, "Blockchain loyalty tokens");
    const std::string alone = sketch.note(c, Section::relievers, "Quantum espresso grinder");
    sketch.connect(drawn, h.gain);
    const auto found = with_code(sketch.report(), "orphan-reliever");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].notes, std::vector<std::string>{alone});
}

TEST(GapWarnings, OrphanProductFiresWhenNothingBuildsOnIt) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    const std::string product = sketch.note(c, Section::products, "Branded merchandise shop");
    const auto found = with_code(sketch.report(), "orphan-product");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].notes, std::vector<std::string>{product});
}

TEST(GapWarnings, AProductIsBuiltOnByAConnectorOrByARelieverNamingIt) {
    Sketch sketch;
    const int c = sketch.canvas();
    const Healthy h = add_healthy_canvas(sketch, c);
    const std::string joined = sketch.note(c, Section::products, "Branded merchandise shop");
    sketch.connect(h.creator, joined);
    // "Kitchen" is in the reliever "Tickets print straight in the kitchen".
    sketch.note(c, Section::products, "Kitchen ticket printer");
    EXPECT_EQ(with_code(sketch.report(), "orphan-product").size(), 0u);
}

TEST(GapWarnings, AnOrphanRelieverNamingAProductDoesNotBuildOnIt) {
    // The chain product -> reliever -> pain must reach the profile.
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    const std::string product = sketch.note(c, Section::products, "Branded merchandise shop");
    const std::string reliever =
        sketch.note(c, Section::relievers, "Merchandise discounts for members");
    const Report report = sketch.report();
    const auto orphans = with_code(report, "orphan-reliever");
    ASSERT_EQ(orphans.size(), 1u);
    EXPECT_EQ(orphans[0].notes, std::vector<std::string>{reliever});
    const auto found = with_code(report, "orphan-product");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].notes, std::vector<std::string>{product});
}

TEST(GapWarnings, GenericOfferWordsDoNotBuildOnAProduct) {
    // The reliever says "app" too, which says nothing about this product.
    Sketch sketch;
    const int c = sketch.canvas();
    const Healthy h = add_healthy_canvas(sketch, c);
    const std::string reliever =
        sketch.note(c, Section::relievers, "App reminds staff of allergies");
    sketch.connect(reliever, h.pain1);
    const std::string product = sketch.note(c, Section::products, "Merchandise app");
    const auto found = with_code(sketch.report(), "orphan-product");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].notes, std::vector<std::string>{product});
}

// ---------------------------------------------------------------------------
// empty-section, missing-segment, broad-segment

TEST(GapWarnings, EmptySectionFiresForADrawnSectionWithoutNotes) {
    Sketch sketch;
    const int c = sketch.canvas();
    const Healthy h = add_healthy_canvas(sketch, c);
    sketch.board().notes.erase(
        std::remove_if(sketch.board().notes.begin(), sketch.board().notes.end(),
                       [&](const Note& note) { return note.id == h.creator; }),
        sketch.board().notes.end());
    const auto found = with_code(sketch.report(), "empty-section");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].notes.empty());
    EXPECT_EQ(found[0].canvas, std::optional<std::string>("canvas-1"));
    EXPECT_EQ(found[0].message.rfind("Gain Creators is empty", 0), 0u);
}

TEST(GapWarnings, EmptySectionIsQuietOnAnUntouchedTemplateAndForUndrawnSections) {
    Sketch sketch;
    sketch.canvas();  // nothing written yet
    const int c =
        sketch.canvas("", {Section::segment, Section::jobs, Section::pains, Section::gains});
    sketch.note(c, Section::segment, "Night-shift nurses who eat between rounds");
    sketch.note(c, Section::jobs, "Eat a warm meal during a short break");
    sketch.note(c, Section::pains, "Canteen closed after 8 pm");
    sketch.note(c, Section::gains, "Healthy food on the ward");
    EXPECT_EQ(with_code(sketch.report(), "empty-section").size(), 0u);
}

TEST(GapWarnings, MissingSegmentFiresWithoutSegmentNoteOrTitle) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    sketch.board().notes.erase(sketch.board().notes.begin());  // the segment note
    const Report report = sketch.report();
    ASSERT_FALSE(report.canvases[0].segment);
    const auto found = with_code(report, "missing-segment");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].canvas, std::optional<std::string>("canvas-1"));
    EXPECT_TRUE(found[0].notes.empty());
    // And the empty segment frame is missing-segment's business, not empty-section's.
    EXPECT_EQ(with_code(report, "empty-section").size(), 0u);
}

TEST(GapWarnings, ACanvasTitleCanNameTheSegment) {
    Sketch sketch;
    const int c = sketch.canvas("Canvas: Independent café owners",
                                {Section::jobs, Section::pains, Section::gains, Section::products,
                                 Section::relievers, Section::creators});
    const Healthy h = add_healthy_canvas(sketch, c);
    sketch.board().notes.erase(
        std::remove_if(sketch.board().notes.begin(), sketch.board().notes.end(),
                       [&](const Note& note) { return note.id == h.segment; }),
        sketch.board().notes.end());
    const Report report = sketch.report();
    ASSERT_EQ(report.canvases.size(), 1u);
    EXPECT_EQ(report.canvases[0].segment, std::optional<std::string>("Independent café owners"));
    EXPECT_EQ(gap_codes(report), std::vector<std::string>{});
}

TEST(GapWarnings, BroadSegmentFiresOnVagueSegments) {
    const char* const vague[] = {"Everyone",
                                 "All users",
                                 "Anyone",
                                 "People",
                                 "Millennials",
                                 "Teenagers",
                                 "Adults",
                                 "18–35 year olds",
                                 "Young adults 18-25",
                                 "Women aged 25 to 40",
                                 "Consumers",
                                 "The general public",
                                 "Everyone who needs a car",
                                 "Anyone with a smartphone",
                                 "All users who travel"};
    for (const char* text : vague) {
        Sketch sketch;
        const int c = sketch.canvas();
        const Healthy h = add_healthy_canvas(sketch, c);
        for (Note& note : sketch.board().notes)
            if (note.id == h.segment) note.text = text;
        const auto found = with_code(sketch.report(), "broad-segment");
        ASSERT_EQ(found.size(), 1u) << text;
        EXPECT_EQ(found[0].notes, std::vector<std::string>{h.segment}) << text;
        EXPECT_EQ(found[0].severity, Severity::medium);
    }
}

TEST(GapWarnings, BroadSegmentIsQuietOnPreciseSegments) {
    const char* const precise[] = {"Parents of toddlers who cook on weeknights",
                                   "Millennials renting their first flat alone",
                                   "Teenagers learning to drive",
                                   "Independent café owners",
                                   "Night-shift nurses",
                                   "All-night bakers in small towns"};
    for (const char* text : precise) {
        Sketch sketch;
        const int c = sketch.canvas();
        const Healthy h = add_healthy_canvas(sketch, c);
        for (Note& note : sketch.board().notes)
            if (note.id == h.segment) note.text = text;
        EXPECT_EQ(with_code(sketch.report(), "broad-segment").size(), 0u) << text;
    }
}

TEST(GapWarnings, BroadSegmentReadsACanvasTitle) {
    Sketch sketch;
    const int c = sketch.canvas("Canvas – Everyone",
                                {Section::jobs, Section::pains, Section::gains, Section::products,
                                 Section::relievers, Section::creators});
    sketch.note(c, Section::pains, "Orders get lost");
    const auto found = with_code(sketch.report(), "broad-segment");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].notes.empty());
    EXPECT_EQ(found[0].canvas, std::optional<std::string>("canvas-1"));
    EXPECT_EQ(with_code(sketch.report(), "missing-segment").size(), 0u);
}

// ---------------------------------------------------------------------------
// too-many, duplicate-notes

TEST(GapWarnings, TooManyFiresAboveTenNotesInASection) {
    Sketch sketch;
    const int c = sketch.canvas();
    const Healthy h = add_healthy_canvas(sketch, c);
    const char* const extra[] = {
        "Card reader drops out", "Menu board hard to read", "Napkins run out",
        "Chairs wobble",         "Wifi password unknown",   "Music too loud",
        "Delivery driver late",  "Printer paper jams",      "Fridge is full"};
    for (const char* text : extra) sketch.note(c, Section::pains, text);  // 2 + 9 = 11 pains
    const auto found = with_code(sketch.report(), "too-many");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].notes.size(), 11u);
    EXPECT_TRUE(names(found[0], h.pain1));
    EXPECT_NE(found[0].message.find("Pains holds 11 notes"), std::string::npos);
}

TEST(GapWarnings, TooManyIsQuietAtTen) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    const char* const extra[] = {"Card reader drops out", "Menu board hard to read",
                                 "Napkins run out",       "Chairs wobble",
                                 "Wifi password unknown", "Music too loud",
                                 "Delivery driver late",  "Printer paper jams"};
    for (const char* text : extra) sketch.note(c, Section::pains, text);  // 10 pains
    EXPECT_EQ(with_code(sketch.report(), "too-many").size(), 0u);
}

TEST(GapWarnings, DuplicateNotesFireOnSameOrNearlySameStems) {
    Sketch sketch;
    const int c = sketch.canvas();
    const Healthy h = add_healthy_canvas(sketch, c);
    const std::string same =
        sketch.note(c, Section::pains, "Orders get LOST between the phone and the kitchen!");
    const std::string other = sketch.note(c, Section::gains, "Long wait times");
    const std::string near = sketch.note(c, Section::gains, "Long wait times at lunch");
    const auto found = with_code(sketch.report(), "duplicate-notes");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].notes, (std::vector<std::string>{h.pain1, same}));
    EXPECT_EQ(found[1].notes, (std::vector<std::string>{other, near}));
    EXPECT_NE(found[0].message.find("in Pains say nearly the same thing"), std::string::npos);
}

TEST(GapWarnings, DuplicateNotesIgnoreSharedWordsAcrossSectionsAndLooseOverlap) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    // Same words, different sections: a pain and its reliever may well repeat each other.
    sketch.note(c, Section::gains, "Orders get lost between phone and kitchen");
    // A general and a specific note: 2 of 4 stems shared.
    sketch.note(c, Section::pains, "Orders lost at rush hour");
    EXPECT_EQ(with_code(sketch.report(), "duplicate-notes").size(), 0u);
}

// ---------------------------------------------------------------------------
// low-fit

TEST(GapWarnings, LowFitFiresBelowHalf) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    // Top-ranked pains and gains nobody addresses push the fit under 50 %.
    for (const char* text : {"Card reader drops out (!!!)", "Staff quit after a month (!!!)",
                             "Rent doubled this year (!!!)"})
        sketch.note(c, Section::pains, text);
    for (const char* text : {"Named in the city's food guide (!!!)", "Weekends off (!!!)"})
        sketch.note(c, Section::gains, text);
    const Report report = sketch.report();
    ASSERT_TRUE(report.canvases[0].fit.overall);
    ASSERT_LT(*report.canvases[0].fit.overall, 0.5);
    const auto found = with_code(report, "low-fit");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].notes.empty());
    EXPECT_EQ(found[0].message.rfind("Fit is ", 0), 0u);
}

TEST(GapWarnings, LowFitIsQuietInTheTargetBand) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    sketch.note(c, Section::pains, "Card reader drops out");  // 2 of 3 pains covered, by rank
    const Report report = sketch.report();
    ASSERT_TRUE(report.canvases[0].fit.overall);
    ASSERT_GE(*report.canvases[0].fit.overall, 0.5);
    EXPECT_EQ(with_code(report, "low-fit").size(), 0u);
}

// ---------------------------------------------------------------------------
// hidden-costs

TEST(GapWarnings, HiddenCostsFireOnUnrelievedCostPains) {
    const char* const costs[] = {"Subscription too pricey",      "Setting up takes a week",
                                 "Set-up needs an IT person",    "Staff training eats weekends",
                                 "Upkeep of the tablets",        "Installation fees",
                                 "Photographers charge 2,500+",  "Tutors cost 30 euros an hour",
                                 "$49 a month on top of the POS"};
    for (const char* text : costs) {
        Sketch sketch;
        const int c = sketch.canvas();
        add_healthy_canvas(sketch, c);
        const std::string pain = sketch.note(c, Section::pains, text);
        const auto found = with_code(sketch.report(), "hidden-costs");
        ASSERT_EQ(found.size(), 1u) << text;
        EXPECT_EQ(found[0].notes, std::vector<std::string>{pain}) << text;
    }
}

TEST(GapWarnings, HiddenCostsAreQuietWhenRelievedOrNotACost) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    const std::string cost = sketch.note(c, Section::pains, "Staff training eats weekends");
    const std::string reliever =
        sketch.note(c, Section::relievers, "Five-minute video walkthrough");
    sketch.connect(reliever, cost);
    sketch.note(c, Section::pains, "A set of forms to fill");                  // "set" without "up"
    sketch.note(c, Section::pains, "Receipts missing when expenses are due");  // not "expensive"
    sketch.note(c, Section::pains, "Late train means a missed shift");         // not "training"
    EXPECT_EQ(with_code(sketch.report(), "hidden-costs").size(), 0u);
}

// ---------------------------------------------------------------------------
// unvalidated

// Issue 13, section 6: every assumption the fit rests on, one warning per
// canvas, as severe as the most important of them.
TEST(GapWarnings, UnvalidatedListsEveryAssumptionTheFitRestsOn) {
    Sketch sketch;
    const int c = sketch.canvas();
    const Healthy h = add_healthy_canvas(sketch, c);
    for (Note& note : sketch.board().notes) {
        if (note.id == h.pain2) note.tags = {"assumption"};
        if (note.id == h.gain) note.text += " (untested)";
        if (note.id == h.creator) note.text = "[hypothesis] " + note.text;
    }
    const auto found = with_code(sketch.report(), "unvalidated");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].notes, (std::vector<std::string>{h.pain2, h.gain, h.creator}));
    EXPECT_EQ(found[0].severity, Severity::high) << "the gain ranks 1 of 1";
    EXPECT_EQ(found[0].canvas, std::optional<std::string>("canvas-1"));
    EXPECT_EQ(found[0].message.rfind("3 note(s) the fit rests on are untested assumptions ('Phone line", 0), 0u)
        << found[0].message;
}

TEST(GapWarnings, UnvalidatedLeavesOutAssumptionsNothingRestsOn) {
    Sketch sketch;
    const int c = sketch.canvas();
    add_healthy_canvas(sketch, c);
    // A creator that addresses nothing is an orphan, not something the fit rests on.
    sketch.note(c, Section::creators, "Loyalty badges (assumption)");
    EXPECT_EQ(with_code(sketch.report(), "unvalidated").size(), 0u);
    // A low-ranked pain still counts: the fit weighs it, if little.
    Sketch low;
    const int d = low.canvas();
    const Healthy g = add_healthy_canvas(low, d);
    const std::string minor = low.note(d, Section::pains, "Chairs wobble", {"?"});
    const std::string reliever = low.note(d, Section::relievers, "New chair feet");
    low.connect(reliever, minor);
    const auto found = with_code(low.report(), "unvalidated");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].notes, std::vector<std::string>{minor});
    EXPECT_EQ(found[0].severity, Severity::low) << "rank 3 of 3";
    (void)g;
}

// ---------------------------------------------------------------------------
// similar-segments, one-size-fits-all

TEST(GapWarnings, SimilarSegmentsFireWhenTopPainsAndGainsMatch) {
    Sketch sketch;
    const Healthy a = add_healthy_canvas(sketch, sketch.canvas());
    const int c = sketch.canvas();
    const std::string segment = sketch.note(c, Section::segment, "Owners of small bakeries");
    const std::string pain1 =
        sketch.note(c, Section::pains, "Orders lost between phone and kitchen");
    const std::string pain2 = sketch.note(c, Section::pains, "Phone line busy at noon");
    const std::string gain =
        sketch.note(c, Section::gains, "Regulars reorder the usual in one tap");
    const std::string product = sketch.note(c, Section::products, "Bakery order form");
    const std::string job = sketch.note(c, Section::jobs, "Take orders for tomorrow's bread");
    const std::string reliever = sketch.note(c, Section::relievers, "Form feeds the kitchen list");
    const std::string reliever2 =
        sketch.note(c, Section::relievers, "Answering machine takes orders");
    const std::string creator = sketch.note(c, Section::creators, "Standing orders");
    sketch.connect(product, job);
    sketch.connect(reliever, pain1);
    sketch.connect(reliever2, pain2);
    sketch.connect(creator, gain);
    const auto found = with_code(sketch.report(), "similar-segments");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].canvas, std::optional<std::string>("canvas-2"));
    EXPECT_EQ(found[0].notes, (std::vector<std::string>{a.segment, segment}));
    EXPECT_NE(found[0].message.find("canvas-1"), std::string::npos);
}

TEST(GapWarnings, SimilarSegmentsIsQuietWhenTopPainsAndGainsDiffer) {
    Sketch sketch;
    add_healthy_canvas(sketch, sketch.canvas());
    const int c = sketch.canvas();
    sketch.note(c, Section::segment, "Owners of small bakeries");
    sketch.note(c, Section::pains, "Flour prices doubled");
    sketch.note(c, Section::pains, "Ovens need repairs every winter");
    sketch.note(c, Section::gains, "Sell out of sourdough by noon");
    EXPECT_EQ(with_code(sketch.report(), "similar-segments").size(), 0u);
}

TEST(GapWarnings, OneSizeFitsAllFiresOnACopiedValueMapOverDifferentProfiles) {
    Sketch sketch;
    const Healthy h = add_healthy_canvas(sketch, sketch.canvas());
    const int c = sketch.canvas();
    const std::string segment =
        sketch.note(c, Section::segment, "Night-shift nurses who eat between rounds");
    const std::string job = sketch.note(c, Section::jobs, "Eat a warm meal during a short break");
    const std::string pain1 = sketch.note(c, Section::pains, "Hospital canteen closed after 8 pm");
    const std::string pain2 = sketch.note(c, Section::pains, "Vending machine snacks only");
    const std::string gain = sketch.note(c, Section::gains, "Healthy food delivered to the ward");
    // The same value map as canvas-1, word for word.
    const std::string product = sketch.note(c, Section::products, "Online ordering page");
    const std::string reliever1 =
        sketch.note(c, Section::relievers, "Tickets print straight in the kitchen");
    const std::string reliever2 = sketch.note(c, Section::relievers, "Web orders bypass the phone");
    const std::string creator = sketch.note(c, Section::creators, "Saved favourites");
    sketch.connect(product, job);
    sketch.connect(reliever1, pain1);
    sketch.connect(reliever2, pain2);
    sketch.connect(creator, gain);
    const Report report = sketch.report();
    const auto found = with_code(report, "one-size-fits-all");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].canvas, std::optional<std::string>("canvas-2"));
    EXPECT_EQ(found[0].notes, (std::vector<std::string>{h.segment, segment}));
    EXPECT_EQ(with_code(report, "similar-segments").size(), 0u);
}

TEST(GapWarnings, OneSizeFitsAllIsQuietOnACopiedValueMapOverTheSameProfile) {
    // Then the segments are what is alike: similar-segments says so instead.
    Sketch sketch;
    add_healthy_canvas(sketch, sketch.canvas());
    add_healthy_canvas(sketch, sketch.canvas());
    const Report report = sketch.report();
    EXPECT_EQ(with_code(report, "one-size-fits-all").size(), 0u);
    EXPECT_EQ(with_code(report, "similar-segments").size(), 1u);
}

TEST(GapWarnings, OneSizeFitsAllFiresOnAProfileWithoutAValueMapBesideOneWithIt) {
    Sketch sketch;
    const Healthy h = add_healthy_canvas(sketch, sketch.canvas());
    const int c =
        sketch.canvas("", {Section::segment, Section::jobs, Section::pains, Section::gains});
    const std::string segment =
        sketch.note(c, Section::segment, "Night-shift nurses who eat between rounds");
    sketch.note(c, Section::jobs, "Eat a warm meal during a short break");
    sketch.note(c, Section::pains, "Hospital canteen closed after 8 pm");
    sketch.note(c, Section::gains, "Healthy food delivered to the ward");
    const auto found = with_code(sketch.report(), "one-size-fits-all");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].canvas, std::optional<std::string>("canvas-2"));
    EXPECT_EQ(found[0].notes, (std::vector<std::string>{h.segment, segment}));
}

TEST(GapWarnings, OneSizeFitsAllIsQuietOnASingleProfileOnlyCanvas) {
    Sketch sketch;
    const int c =
        sketch.canvas("", {Section::segment, Section::jobs, Section::pains, Section::gains});
    sketch.note(c, Section::segment, "Night-shift nurses who eat between rounds");
    sketch.note(c, Section::pains, "Hospital canteen closed after 8 pm");
    EXPECT_EQ(with_code(sketch.report(), "one-size-fits-all").size(), 0u);
}

// ---------------------------------------------------------------------------
// The kit

TEST(GapWarningKit, SimilarGroupsJoinsNearIdenticalSetsTransitively) {
    using canvasfit::similar_groups;
    const std::vector<std::vector<int>> sets = {{1, 2, 3, 4}, {5, 6}, {1, 2, 3, 4, 7},    {},
                                                {5, 6},       {8},    {1, 2, 3, 4, 7, 9}, {}};
    const auto groups = similar_groups(sets, 0.75);
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0], (std::vector<std::size_t>{0, 2, 6}));  // 0~2 (0.8), 2~6 (0.83)
    EXPECT_EQ(groups[1], (std::vector<std::size_t>{1, 4}));
}

TEST(GapWarningKit, SimilarGroupsMatchesAllPairsOnRandomSets) {
    using canvasfit::jaccard;
    using canvasfit::similar_groups;
    unsigned seed = 7;
    auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
    // 150 sets of up to 5 ids out of 30: no posting list reaches the cap of 64
    // (warning_kit.cpp), so the join must find exactly what all pairs find.
    std::vector<std::vector<int>> sets(150);
    for (auto& set : sets) {
        const unsigned size = next() % 6;
        for (unsigned k = 0; k < size; ++k) set.push_back(static_cast<int>(next() % 30));
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
    }
    for (double threshold : {0.5, 0.75, 1.0}) {
        // Brute force, for the test only: components of the "similar" graph.
        std::vector<std::size_t> root(sets.size());
        for (std::size_t i = 0; i < sets.size(); ++i) root[i] = i;
        std::function<std::size_t(std::size_t)> find = [&](std::size_t x) {
            return root[x] == x ? x : root[x] = find(root[x]);
        };
        for (std::size_t i = 0; i < sets.size(); ++i)
            for (std::size_t j = i + 1; j < sets.size(); ++j)
                if (!sets[i].empty() && jaccard(sets[i], sets[j]) >= threshold - 1e-9) {
                    const std::size_t a = find(i), b = find(j);
                    root[std::max(a, b)] = std::min(a, b);
                }
        std::map<std::size_t, std::vector<std::size_t>> expected_by_root;
        for (std::size_t i = 0; i < sets.size(); ++i)
            if (!sets[i].empty()) expected_by_root[find(i)].push_back(i);
        std::vector<std::vector<std::size_t>> expected;
        for (auto& [r, group] : expected_by_root)
            if (group.size() > 1) expected.push_back(group);
        EXPECT_EQ(similar_groups(sets, threshold), expected) << threshold;
    }
}

TEST(GapWarningKit, SimilarGroupsKeepsIdenticalSetsTogetherPastThePostingCap) {
    // 500 copies of one set and 500 of another: identical sets are merged
    // before the capped join, so no copy is left out of its group.
    std::vector<std::vector<int>> sets;
    for (int i = 0; i < 1000; ++i)
        sets.push_back(i % 2 ? std::vector<int>{1, 2, 3} : std::vector<int>{1, 4});
    const auto groups = similar_groups(sets, 0.75);
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].size(), 500u);
    EXPECT_EQ(groups[1].size(), 500u);
    EXPECT_EQ(groups[0].front(), 0u);
    EXPECT_EQ(groups[1].front(), 1u);
}

// Past the posting cap the join is approximate, and which pairs it misses
// depends on the order of tied terms. Ordered by what the ids stand for, two
// numberings of the same sets give the same groups: the incremental Analyzer
// numbers terms once for its life, a fresh analysis as it reads them.
TEST(GapWarningKit, SimilarGroupsDoNotDependOnTheNumberingWhenTiesGoByText) {
    using canvasfit::similar_groups;
    unsigned seed = 11;
    auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
    // 400 sets of 3-6 terms out of 12: posting lists pass the cap of 64.
    std::vector<std::vector<int>> sets(400);
    for (auto& set : sets) {
        const unsigned size = 3 + next() % 4;
        for (unsigned k = 0; k < size; ++k) set.push_back(static_cast<int>(next() % 12));
    }
    const auto numbered = [&sets](const std::vector<int>& id_of_term) {
        std::vector<std::vector<int>> out;
        for (const auto& terms : sets) {
            std::vector<int> ids;
            for (int term : terms) ids.push_back(id_of_term[static_cast<std::size_t>(term)]);
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            out.push_back(ids);
        }
        return out;
    };
    std::vector<int> first(12), second(12);
    for (int t = 0; t < 12; ++t) first[static_cast<std::size_t>(t)] = t, second[static_cast<std::size_t>(t)] = (t * 5 + 3) % 12;
    std::vector<int> term_of_second(12);
    for (int t = 0; t < 12; ++t) term_of_second[static_cast<std::size_t>(second[static_cast<std::size_t>(t)])] = t;
    const auto by_term_first = [](int a, int b) { return a < b; };
    const auto by_term_second = [&](int a, int b) {
        return term_of_second[static_cast<std::size_t>(a)] < term_of_second[static_cast<std::size_t>(b)];
    };
    for (double threshold : {0.5, 0.6, 0.75}) {
        std::size_t verified = 0;
        const auto groups = similar_groups(numbered(first), threshold, &verified, by_term_first);
        EXPECT_EQ(similar_groups(numbered(second), threshold, nullptr, by_term_second), groups) << threshold;
        EXPECT_GT(verified, 0u);
    }
}

TEST(GapWarningKit, SeverityForRank) {
    using warning_kit::severity_for_rank;
    EXPECT_EQ(severity_for_rank({1, 1.0, PriorityCue::order, ""}), Severity::high);
    EXPECT_EQ(severity_for_rank({2, 0.2, PriorityCue::order, ""}), Severity::high);
    EXPECT_EQ(severity_for_rank({3, 0.5, PriorityCue::order, ""}), Severity::medium);
    EXPECT_EQ(severity_for_rank({4, 0.4, PriorityCue::order, ""}), Severity::low);
}

TEST(GapWarningKit, QuoteKeepsOneShortLineAndWholeCharacters) {
    using warning_kit::quote;
    EXPECT_EQ(quote("Orders get\nlost  at rush hour"), "Orders get lost at rush hour");
    const std::string cut = quote("Ééééééééééééééééééééééééééééééééééééééééééééééééé");
    EXPECT_LE(cut.size(), 48u + 3u);
    EXPECT_EQ(cut.substr(cut.size() - 3), "\xE2\x80\xA6");
    EXPECT_EQ(cut.substr(0, 2), "É");
    EXPECT_EQ(cut.size() % 2, 1u);  // 2-byte letters plus the 3-byte ellipsis: none cut in half
}

// A 10,000-note canvas must stay near-linear. Cost is bounded by counting
// the work rather than timing it, which a loaded machine would make flaky.
TEST(GapWarningKit, SimilarGroupsWorkStaysNearLinearOnShortAlikeSets) {
    // 10,000 sets of 3-4 ids drawn from 20 common ids plus one rarer id: the
    // worst case for prefix filtering, as most prefixes hold a common id.
    unsigned seed = 11;
    auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
    std::vector<std::vector<int>> sets(10000);
    for (auto& set : sets) {
        for (int k = 0; k < 3; ++k) set.push_back(static_cast<int>(next() % 20));
        set.push_back(100 + static_cast<int>(next() % 3000));
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
    }
    std::size_t verified = 0;
    similar_groups(sets, 0.75, &verified);
    EXPECT_GT(verified, 0u);
    // All pairs would be 50 million; the posting cap allows at most 64 per
    // prefix term of each set.
    EXPECT_LT(verified, sets.size() * 4 * 64);
}

TEST(GapWarnings, LargeCanvasGivesItsWarnings) {
    Sketch sketch;
    const int c = sketch.canvas();
    const Section sections[] = {Section::jobs,     Section::pains,     Section::gains,
                                Section::products, Section::relievers, Section::creators};
    for (int i = 0; i < 10000; ++i) {
        // Words of each section's own ("pains7", "painsx12"), so nothing links.
        const std::string name = section_name(sections[i % 6]);
        sketch.note(c, sections[i % 6],
                    name + std::to_string(i % 97) + " " + name + "x" + std::to_string(i % 389) +
                        " t" + std::to_string(i));
    }
    const Report report = sketch.report();
    ASSERT_TRUE(report.links.empty());
    // Nothing links, and nothing in the wording says whether anything could:
    // every pain is a question, never a red mark; every section is crowded.
    EXPECT_EQ(with_code(report, "unaddressed-pain").size(), 0u);
    const auto asked = std::count_if(report.questions.begin(), report.questions.end(), [](const Question& q) {
        return q.code == "what-addresses" && q.notes.front().find("pains") != std::string::npos;
    });
    EXPECT_EQ(asked, 1667);
    EXPECT_EQ(with_code(report, "too-many").size(), 6u);
}

// The field-by-field comparison deltas rely on (report/same_report_items.hpp):
// every field a host sees counts, and two objects count as the same exactly
// when the report writes the same JSON for them.
#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "canvasfit/report.hpp"
#include "report/json_writer.hpp"
#include "report/same_report_items.hpp"

namespace canvasfit {
namespace {

NoteReport sample_note() {
    NoteReport note;
    note.id = "p1";
    note.text = "Queues at lunch";
    note.canvas = "c1";
    note.section = Section::pains;
    note.via = Placement::frame;
    note.confidence = 1;
    note.rank = 2;
    note.priority = 0.5;
    note.cue = "votes";
    note.votes = 3;
    return note;
}

LinkReport sample_link() {
    return {"r1", "p1", 0.6, "text", {"queue"}, "text", 0.92};
}

Warning sample_warning() { return {"unaddressed-pain", Severity::high, {"p1"}, "c1", "Nothing relieves it."}; }

Question sample_question() { return {"is-addressed", "c1", {"p1"}, {"r1"}, 0.4, "Is it addressed?"}; }

CanvasReport sample_canvas() {
    CanvasReport canvas;
    canvas.id = "c1";
    canvas.title = "Lunch";
    canvas.segment = "Office workers";
    canvas.sections.resize(7);
    canvas.sections[static_cast<std::size_t>(Section::pains)] = {"p1"};
    canvas.fit.pains = 0.5;
    canvas.fit.verdict = "good";
    canvas.fit.pains_detail = {{"p1", 1.0, {"r1"}, "covered"}};
    canvas.value.types = {{"performance", 1}};
    canvas.value.drivers = {"p1"};
    CompetitorsReport competitors;
    competitors.criteria = {{"Price", std::nullopt, 1.0}};
    competitors.alternatives = {{"Canteen", {{"Price", 3.0}}, 3.0, "n9"}};
    competitors.price_value_map = {{"Canteen", 3.0, std::nullopt}};
    canvas.competitors = competitors;
    return canvas;
}

// Each edit changes one field; every one must make the objects differ, in
// the comparison and (it is checked alongside) in the JSON the report writes.
template <typename Item, typename Write>
void expect_each_edit_differs(const Item& base, Write write,
                              const std::vector<std::function<void(Item&)>>& edits) {
    ASSERT_TRUE(same_item(base, base));
    for (std::size_t i = 0; i < edits.size(); ++i) {
        Item edited = base;
        edits[i](edited);
        EXPECT_NE(json_of(base, write), json_of(edited, write)) << "edit " << i << " is not visible";
        EXPECT_FALSE(same_item(base, edited)) << "edit " << i << " went unnoticed";
    }
}

TEST(SameReportItems, EveryFieldOfANoteCounts) {
    expect_each_edit_differs<NoteReport>(
        sample_note(), write_note,
        {[](NoteReport& n) { n.id = "p2"; }, [](NoteReport& n) { n.text += "!"; },
         [](NoteReport& n) { n.canvas.reset(); }, [](NoteReport& n) { n.section = Section::gains; },
         [](NoteReport& n) { n.via = Placement::text; }, [](NoteReport& n) { n.confidence = 0.9; },
         [](NoteReport& n) { n.rank = 1; }, [](NoteReport& n) { n.priority.reset(); },
         [](NoteReport& n) { n.cue = "tag"; }, [](NoteReport& n) { n.votes = 0; },
         [](NoteReport& n) { n.value_type = "performance"; }});
}

TEST(SameReportItems, EveryFieldOfALinkWarningAndQuestionCounts) {
    expect_each_edit_differs<LinkReport>(
        sample_link(), write_link,
        {[](LinkReport& l) { l.from = "r2"; }, [](LinkReport& l) { l.to = "p2"; },
         [](LinkReport& l) { l.strength = 0.7; }, [](LinkReport& l) { l.via = "connector"; },
         [](LinkReport& l) { l.evidence.clear(); }, [](LinkReport& l) { l.source = "suggested"; },
         [](LinkReport& l) { l.confidence = 0.5; }});
    expect_each_edit_differs<Warning>(
        sample_warning(), write_warning,
        {[](Warning& w) { w.code = "low-fit"; }, [](Warning& w) { w.severity = Severity::low; },
         [](Warning& w) { w.notes.push_back("p2"); }, [](Warning& w) { w.canvas.reset(); },
         [](Warning& w) { w.message += "."; }});
    expect_each_edit_differs<Question>(
        sample_question(), write_question,
        {[](Question& q) { q.code = "what-addresses"; }, [](Question& q) { q.canvas = "c2"; },
         [](Question& q) { q.notes.clear(); }, [](Question& q) { q.candidates.push_back("r2"); },
         [](Question& q) { q.confidence = 0.3; }, [](Question& q) { q.message.clear(); }});
}

TEST(SameReportItems, EveryPartOfACanvasCounts) {
    expect_each_edit_differs<CanvasReport>(
        sample_canvas(), write_canvas,
        {[](CanvasReport& c) { c.title.clear(); }, [](CanvasReport& c) { c.segment.reset(); },
         [](CanvasReport& c) { c.sections[0].push_back("s1"); },
         [](CanvasReport& c) { c.fit.pains = 0.6; }, [](CanvasReport& c) { c.fit.overall = 0.5; },
         [](CanvasReport& c) { c.fit.verdict = "weak"; }, [](CanvasReport& c) { c.fit.undecided = 0.1; },
         [](CanvasReport& c) { c.fit.unconfirmed = 0.2; },
         [](CanvasReport& c) { c.fit.pains_detail[0].status = "question"; },
         [](CanvasReport& c) { c.fit.pains_detail[0].weight = 0.5; },
         [](CanvasReport& c) { c.fit.gains_detail.push_back({"g1", 1.0, {}, "unaddressed"}); },
         [](CanvasReport& c) { c.value.segment_type = "niche"; },
         [](CanvasReport& c) { c.value.types[0].second = 2; },
         [](CanvasReport& c) { c.value.key_metric = "speed"; },
         [](CanvasReport& c) { c.value.drivers.clear(); },
         [](CanvasReport& c) { c.competitors->criteria[0].weight = 0.5; },
         [](CanvasReport& c) { c.competitors->alternatives[0].scores[0].second = 4.0; },
         [](CanvasReport& c) { c.competitors->price_value_map[0].value = 2.0; },
         [](CanvasReport& c) { c.competitors.reset(); }});
}

TEST(SameReportItems, NumbersAreTheSameExactlyWhenTheyAreWrittenTheSame) {
    LinkReport a = sample_link(), b = sample_link();
    a.strength = 0.0;
    b.strength = -0.0;  // written "0.0" and "-0.0"
    EXPECT_FALSE(same_item(a, b));
    a.strength = std::numeric_limits<double>::quiet_NaN();
    b.strength = std::numeric_limits<double>::infinity();  // both written null
    EXPECT_EQ(json_of(a, write_link), json_of(b, write_link));
    EXPECT_TRUE(same_item(a, b));
    EXPECT_EQ(hash_item(a), hash_item(b));
}

TEST(SameReportItems, EqualItemsHashEqually) {
    EXPECT_EQ(hash_item(sample_link()), hash_item(sample_link()));
    EXPECT_EQ(hash_item(sample_warning()), hash_item(sample_warning()));
    EXPECT_EQ(hash_item(sample_question()), hash_item(sample_question()));
}

}  // namespace
}  // namespace canvasfit

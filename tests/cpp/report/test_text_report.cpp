// The text and Markdown reports (report_to_text, report_to_markdown): each
// pain and gain says what the fit says of it, no surer than the report is. A
// row under a question is asked about, never called "not addressed"; only
// counted links address a row; the questions are listed after the warnings.
#include <gtest/gtest.h>

#include <string>

#include "canvasfit/report.hpp"
#include "report_builder.hpp"

using namespace canvasfit;
using test_support::one_canvas_report;
using test_support::placed_note;

namespace {

Question question(const std::string& code, const std::string& about, std::vector<std::string> candidates,
                  const std::string& message) {
    Question q;
    q.code = code;
    q.canvas = "canvas-1";
    q.notes = {about};
    q.candidates = std::move(candidates);
    q.message = message;
    return q;
}

// p1 covered by r1 (a connector); p2 a certain gap; p3 asked about with r2
// suggested for it; g1 asked about with nothing suggested.
Report sample() {
    Report report = one_canvas_report();
    CanvasReport& canvas = report.canvases.front();
    canvas.sections[static_cast<std::size_t>(Section::pains)] = {"p1", "p2", "p3"};
    canvas.sections[static_cast<std::size_t>(Section::gains)] = {"g1"};
    canvas.sections[static_cast<std::size_t>(Section::relievers)] = {"r1", "r2"};
    canvas.fit.overall = 0.7;
    canvas.fit.verdict = "strong";
    canvas.fit.undecided = 0.45;
    canvas.fit.pains_detail = {{"p1", 0.5, {"r1"}, "covered"}, {"p2", 0.3, {}, "unaddressed"}, {"p3", 0.2, {}, "question"}};
    canvas.fit.gains_detail = {{"g1", 1, {}, "question"}};
    report.notes = {placed_note("p1", "Orders get lost", Section::pains), placed_note("p2", "Card fees eat the margin", Section::pains),
                    placed_note("p3", "Queues at lunch", Section::pains), placed_note("g1", "Regulars feel known", Section::gains),
                    placed_note("r1", "Orders go straight to the kitchen", Section::relievers),
                    placed_note("r2", "Pick-up slots spread the rush", Section::relievers)};
    LinkReport counted;
    counted.from = "r1";
    counted.to = "p1";
    counted.source = "connector";
    LinkReport suggested;
    suggested.from = "r2";
    suggested.to = "p3";
    suggested.source = "suggested";
    report.links = {counted, suggested};
    report.questions = {question("is-addressed", "p3", {"r2"}, "Is 'Queues at lunch' addressed by 'Pick-up slots spread the rush'?"),
                        question("what-addresses", "g1", {}, "What addresses gain 'Regulars feel known'?")};
    return report;
}

std::string line_with(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    if (at == std::string::npos) return "";
    const std::size_t start = text.rfind('\n', at) + 1;
    return text.substr(start, text.find('\n', at) - start);
}

}  // namespace

TEST(TextReport, EachPainAndGainSaysWhatTheFitSays) {
    for (const std::string& text : {report_to_text(sample()), report_to_markdown(sample())}) {
        EXPECT_NE(line_with(text, "Orders get lost").find("(addressed by r1)"), std::string::npos) << text;
        EXPECT_NE(line_with(text, "Card fees eat the margin").find("(not addressed)"), std::string::npos) << text;
        const std::string asked = line_with(text, "Queues at lunch  [p3]");
        EXPECT_NE(asked.find("(question: addressed by r2?)"), std::string::npos) << text;
        EXPECT_EQ(asked.find("not addressed"), std::string::npos) << asked;
        const std::string open = line_with(text, "Regulars feel known  [g1]");
        EXPECT_NE(open.find("(question: what addresses it?)"), std::string::npos) << text;
        EXPECT_EQ(open.find("not addressed"), std::string::npos) << open;
    }
}

TEST(TextReport, ASuggestionDoesNotAddressARow) {
    Report report = sample();
    report.canvases[0].fit.pains_detail[2].status = "unaddressed";  // p3: certain, though r2 is suggested
    report.questions.erase(report.questions.begin());
    const std::string text = report_to_text(report);
    EXPECT_NE(line_with(text, "Queues at lunch  [p3]").find("(not addressed)"), std::string::npos) << text;
    EXPECT_EQ(text.find("addressed by r2"), std::string::npos) << text;
}

TEST(TextReport, QuestionsAreListedAfterTheWarnings) {
    const std::string text = report_to_text(sample());
    const std::size_t warnings = text.find("Warnings (0)");
    const std::size_t questions = text.find("Questions (2)");
    ASSERT_NE(warnings, std::string::npos) << text;
    ASSERT_NE(questions, std::string::npos) << text;
    EXPECT_LT(warnings, questions);
    EXPECT_NE(text.find("? is-addressed: Is 'Queues at lunch' addressed by 'Pick-up slots spread the rush'?", questions),
              std::string::npos) << text;
    EXPECT_NE(report_to_markdown(sample()).find("- ? what-addresses: What addresses gain 'Regulars feel known'?"),
              std::string::npos);
}

TEST(TextReport, TheFitSaysHowMuchOfItIsAnOpenQuestion) {
    const std::string text = report_to_text(sample());
    EXPECT_NE(text.find("Fit 70 % (strong"), std::string::npos) << text;
    EXPECT_NE(text.find("45 % of the profile's weight is an open question"), std::string::npos) << text;
    Report decided = sample();
    decided.canvases[0].fit.undecided = 0;
    EXPECT_EQ(report_to_markdown(decided).find("open question,"), std::string::npos);
}

// A verdict read off an estimate names a band only when every answer to the
// open questions leaves the fit in it; otherwise it names the bands the
// answers decide between (the 50-70 % target's edges).
TEST(TextReport, TheVerdictIsOnlyAsSureAsTheSpan) {
    Report report = sample();
    FitReport& fit = report.canvases[0].fit;
    fit.overall = 0.92;
    fit.verdict = "strong";
    fit.range = std::make_pair(0.53, 1.0);
    EXPECT_NE(report_to_text(report).find("Fit 92 % (good or strong: open questions decide, target 50-70 %)"),
              std::string::npos) << report_to_text(report);
    fit.range = std::make_pair(0.3, 0.95);
    EXPECT_NE(report_to_markdown(report).find("(weak to strong: open questions decide,"), std::string::npos);
    fit.range = std::make_pair(0.75, 0.98);
    EXPECT_NE(report_to_text(report).find("Fit 92 % (strong, target 50-70 %)"), std::string::npos)
        << "every answer leaves it strong";
    fit.range = std::make_pair(0.5, 0.7);
    fit.overall = 0.6;
    fit.verdict = "good";
    EXPECT_NE(report_to_text(report).find("Fit 60 % (good, target"), std::string::npos) << "both edges are good";
}

TEST(TextReport, ALessSureTextLinkSaysHowSureItIs) {
    Report report = sample();
    report.canvases[0].fit.pains_detail[0].covered_by = {"r1", "r2"};
    LinkReport unsure;
    unsure.from = "r2";
    unsure.to = "p1";
    unsure.source = "text";
    unsure.confidence = 0.76;
    report.links.push_back(unsure);
    for (const std::string& text : {report_to_text(report), report_to_markdown(report)}) {
        EXPECT_NE(line_with(text, "Orders get lost").find("(addressed by r1, r2 (76 % sure, worth a check))"),
                  std::string::npos) << text;
    }
    report.links.back().confidence = 0.95;  // a sure text link reads like any other
    EXPECT_NE(line_with(report_to_text(report), "Orders get lost").find("(addressed by r1, r2)"), std::string::npos);
}

// The one-page HTML summary (report_to_html, docs/summary.md): the fit
// matrix's rows, columns and marks follow the report; unaddressed rows and
// orphan columns are marked; note text with markup stays text; the
// price/value map is drawn when the board scores competitors and replaced
// by one line saying what to add otherwise.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"
#include "canvasfit/report.hpp"
#include "report_builder.hpp"

using namespace canvasfit;
using test_support::one_canvas_report;
using test_support::placed_note;

namespace {

LinkReport link(const std::string& from, const std::string& to, const std::string& source) {
    LinkReport l;
    l.from = from;
    l.to = to;
    l.source = source;
    l.via = source == "connector" || source == "confirmed" ? "connector" : "text";
    l.confidence = source == "text" ? 0.93 : source == "suggested" ? 0.62 : 1;
    if (l.via == "text") l.evidence = {"order"};
    return l;
}

// Pains p1..p3 (ranked 2, 1, 3 in board order), gain g1; relievers r1, r2,
// creators c1, c2; one link of each source; p3 unaddressed, g1 a question,
// r2 an orphan, c2 under a what-does-it-address question.
Report sample() {
    Report report = one_canvas_report();
    CanvasReport& canvas = report.canvases.front();
    canvas.segment = "Independent café owners";
    canvas.sections[static_cast<std::size_t>(Section::pains)] = {"p1", "p2", "p3"};
    canvas.sections[static_cast<std::size_t>(Section::gains)] = {"g1"};
    canvas.sections[static_cast<std::size_t>(Section::relievers)] = {"r1", "r2"};
    canvas.sections[static_cast<std::size_t>(Section::creators)] = {"c1", "c2"};
    canvas.fit.overall = 0.62;
    canvas.fit.pains = 0.6;
    canvas.fit.gains = 0.83;
    canvas.fit.verdict = "good";
    canvas.fit.pains_detail = {{"p1", 0.67, {"r1"}, "covered"}, {"p2", 1, {"r1"}, "covered"}, {"p3", 0.33, {}, "unaddressed"}};
    canvas.fit.gains_detail = {{"g1", 1, {}, "question"}};
    report.notes = {placed_note("p1", "Orders get lost", Section::pains, 2), placed_note("p2", "Queues at lunch", Section::pains, 1),
                    placed_note("p3", "Card fees eat the margin", Section::pains, 3), placed_note("g1", "Regulars feel known", Section::gains, 1),
                    placed_note("r1", "Orders go straight to the kitchen screen", Section::relievers),
                    placed_note("r2", "A loyalty stamp card", Section::relievers),
                    placed_note("c1", "Greets regulars by name", Section::creators), placed_note("c2", "Seasonal menu", Section::creators)};
    report.links = {link("r1", "p1", "connector"), link("r1", "p2", "confirmed"), link("c1", "p1", "text"),
                    link("c1", "g1", "suggested")};
    Question question;
    question.code = "what-does-it-address";
    question.canvas = "canvas-1";
    question.notes = {"c2"};
    question.message = "What does 'Seasonal menu' address?";
    report.questions.push_back(question);
    Question addressed;
    addressed.code = "is-addressed";
    addressed.canvas = "canvas-1";
    addressed.notes = {"g1"};
    addressed.candidates = {"c1"};
    addressed.message = "Is 'Regulars feel known' addressed by 'Greets regulars by name'?";
    report.questions.push_back(addressed);
    Warning warning;
    warning.code = "unaddressed-pain";
    warning.severity = Severity::high;
    warning.notes = {"p3"};
    warning.canvas = "canvas-1";
    warning.message = "No pain reliever addresses 'Card fees eat the margin'.";
    report.warnings.push_back(warning);
    return report;
}

// Every match of `pattern`'s first group, in document order.
std::vector<std::string> all(const std::string& html, const std::string& pattern) {
    std::vector<std::string> found;
    const std::regex expression(pattern);
    for (auto it = std::sregex_iterator(html.begin(), html.end(), expression); it != std::sregex_iterator(); ++it)
        found.push_back((*it)[1].str());
    return found;
}

std::size_t count(const std::string& html, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1)) ++n;
    return n;
}

std::string tag_with(const std::string& html, const std::string& attribute) {
    const std::size_t at = html.find(attribute);
    if (at == std::string::npos) return "";
    const std::size_t start = html.rfind('<', at);
    return html.substr(start, html.find('>', at) - start + 1);
}

}  // namespace

TEST(Summary, IsOneSelfContainedPageWithoutScript) {
    const std::string html = report_to_html(sample());
    EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
    EXPECT_EQ(count(html, "<script"), 0u);
    EXPECT_EQ(count(html, "<style>"), 1u);
    EXPECT_EQ(count(html, "http-equiv=\"Content-Security-Policy\""), 1u);
    // Nothing to fetch: no link, image, src or url() other than the SVG namespace.
    EXPECT_EQ(count(html, "<link"), 0u);
    EXPECT_EQ(count(html, "<img"), 0u);
    EXPECT_EQ(count(html, " src="), 0u);
    EXPECT_EQ(count(html, "url("), 0u);
    EXPECT_EQ(count(html, "http"), count(html, "http://www.w3.org/2000/svg") + count(html, "http-equiv"));
}

TEST(Summary, MatrixRowsAreThePainsThenTheGainsInRankOrder) {
    const std::string html = report_to_html(sample());
    EXPECT_EQ(all(html, "<g class=\"row\" data-note=\"([^\"]+)\""), (std::vector<std::string>{"p2", "p1", "p3", "g1"}));
    EXPECT_EQ(all(html, "<g class=\"row\"[^>]* data-rank=\"([0-9]+)\""), (std::vector<std::string>{"1", "2", "3", "1"}));
}

TEST(Summary, MatrixHasOneColumnPerRelieverAndCreator) {
    const std::string html = report_to_html(sample());
    EXPECT_EQ(all(html, "<g class=\"col\" data-note=\"([^\"]+)\""), (std::vector<std::string>{"r1", "r2", "c1", "c2"}));
    EXPECT_EQ(all(html, "<g class=\"col\"[^>]*>.*?>(R1|R2|C1|C2)</text>"), (std::vector<std::string>{"R1", "R2", "C1", "C2"}));
}

TEST(Summary, OneMarkPerLinkDrawnBySource) {
    const std::string html = report_to_html(sample());
    EXPECT_EQ(all(html, "<g class=\"mark\" data-source=\"([a-z]+)\""),
              (std::vector<std::string>{"connector", "confirmed", "text", "suggested"}));
    // Each source is drawn distinctly: filled, filled in a ring, hollow, dashed with "?".
    EXPECT_NE(html.find("data-from=\"r1\" data-to=\"p1\"><title>&#39;Orders go straight to the kitchen screen&#39; -&gt; "
                        "&#39;Orders get lost&#39;: drawn on the board</title><circle"),
              std::string::npos);
    EXPECT_NE(html.find("data-to=\"p2\"><title>&#39;Orders go straight to the kitchen screen&#39; -&gt; &#39;Queues at "
                        "lunch&#39;: confirmed by the facilitator</title>"),
              std::string::npos);
    EXPECT_NE(html.find("read from the wording, 93 % sure; evidence: order</title>"), std::string::npos);
    EXPECT_NE(html.find("suggested: a question, not counted, 62 % sure"), std::string::npos);
    // The drawing of each source, its position left out: four different shapes.
    std::vector<std::string> shapes = all(html, "<g class=\"mark\"[^>]*><title>[^<]*</title>(.*?)</g>");
    ASSERT_EQ(shapes.size(), 4u);
    for (std::string& shape : shapes) shape = std::regex_replace(shape, std::regex(" c[xy]=\"[0-9]+\"| [xy]=\"[0-9]+\""), "");
    EXPECT_EQ(shapes[0], "<circle r=\"6\" fill=\"#276749\"/>");  // connector: a filled dot
    EXPECT_NE(shapes[1].find("<circle r=\"7\" fill=\"none\""), std::string::npos);  // confirmed: in a ring
    EXPECT_NE(shapes[2].find("fill=\"#fff\" stroke=\"#2b6cb0\""), std::string::npos);  // text: hollow
    EXPECT_NE(shapes[3].find("stroke-dasharray"), std::string::npos);  // suggested: dashed, with "?"
    EXPECT_NE(shapes[3].find(">?</text>"), std::string::npos);
    for (std::size_t i = 0; i < shapes.size(); ++i)
        for (std::size_t j = i + 1; j < shapes.size(); ++j) EXPECT_NE(shapes[i], shapes[j]) << i << " " << j;
    // The legend shows all four marks, outside the matrix's marks.
    const std::string legend = html.substr(html.find("<svg class=\"legend\""));
    for (const char* word : {">drawn<", ">confirmed<", ">wording<", ">suggested<"})
        EXPECT_NE(legend.find(word), std::string::npos) << word;
}

TEST(Summary, MarksTheUnaddressedRowsAndTheOrphanColumns) {
    const std::string html = report_to_html(sample());
    EXPECT_EQ(all(html, "<g class=\"row\" data-note=\"([^\"]+)\"[^>]*data-status=\"unaddressed\""), std::vector<std::string>{"p3"});
    EXPECT_EQ(all(html, "<g class=\"row\" data-note=\"([^\"]+)\"[^>]*data-status=\"question\""), std::vector<std::string>{"g1"});
    EXPECT_EQ(all(html, "<g class=\"col\" data-note=\"([^\"]+)\"[^>]*data-status=\"orphan\""), std::vector<std::string>{"r2"});
    EXPECT_EQ(all(html, "<g class=\"col\" data-note=\"([^\"]+)\"[^>]*data-status=\"question\""), std::vector<std::string>{"c2"});
    const std::string row = html.substr(html.find("<g class=\"row\" data-note=\"p3\""));
    EXPECT_LT(row.find("not addressed: no pain reliever addresses it"), row.find("</g>"));
    EXPECT_LT(row.find("fill=\"#c53030\""), row.find("</g>"));  // drawn red
    const std::string column = html.substr(html.find("<g class=\"col\" data-note=\"r2\""));
    EXPECT_LT(column.find("addresses nothing on the profile"), column.find("</g>"));
    EXPECT_LT(column.find("stroke-dasharray"), column.find("</g>"));  // drawn dashed
}

// Where the open questions decide the band, the summary names the bands and
// draws the fit bar grey, not in a verdict's colour.
TEST(Summary, AnUnsettledVerdictIsNamedAsSuchAndDrawnGrey) {
    Report report = sample();
    report.canvases[0].fit.range = std::make_pair(0.4, 0.8);
    const std::string html = report_to_html(report);
    EXPECT_NE(html.find("Fit 62 % (weak to strong: open questions decide, target 50-70 %)"), std::string::npos);
    const std::string bar = tag_with(html, "data-overall=\"62.0\"");
    const std::string group = html.substr(html.find(bar), html.find("</g>", html.find(bar)) - html.find(bar));
    EXPECT_NE(group.find("height=\"8\" fill=\"#718096\""), std::string::npos) << group;
    report.canvases[0].fit.range = std::make_pair(0.55, 0.68);
    EXPECT_NE(report_to_html(report).find("Fit 62 % (good, target 50-70 %)"), std::string::npos);
}

TEST(Summary, ShowsFitTopRowsFindingsAndQuestions) {
    const std::string html = report_to_html(sample());
    EXPECT_NE(tag_with(html, "data-overall=\"62.0\"").find("data-canvas=\"canvas-1\""), std::string::npos);
    EXPECT_NE(html.find("Fit 62 % (good, target 50-70 %)"), std::string::npos);
    EXPECT_EQ(all(html, "<li class=\"[a-z]+\" data-note=\"([^\"]+)\">"), (std::vector<std::string>{"p2", "p1", "p3", "g1"}));
    EXPECT_NE(html.find("&#39;Orders go straight to the kitchen screen&#39; (confirmed)"), std::string::npos);
    EXPECT_NE(html.find("<li data-code=\"unaddressed-pain\"><span class=\"sev high\">high</span>"), std::string::npos);
    EXPECT_EQ(all(html, "<li data-code=\"([a-z-]+)\">[^<]*(?:What|Is) "),
              (std::vector<std::string>{"what-does-it-address", "is-addressed"}));
}

TEST(Summary, MarkupInNoteTextIsText) {
    Report report = sample();
    const std::string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> ]]> \"quoted\" 'single' & co";
    report.notes[0].text = hostile;   // p1: a matrix row, a top row, a mark's title
    report.notes[4].text = hostile;   // r1: a column, a key entry, covered-by text
    report.notes[0].id = "p1\"><script>x</script>";
    report.links[0].to = report.notes[0].id;
    report.canvases[0].sections[static_cast<std::size_t>(Section::pains)][0] = report.notes[0].id;
    report.warnings[0].message = hostile;
    report.questions[0].message = hostile;
    report.source = "<b>board</b>.json";
    const std::string html = report_to_html(report);
    EXPECT_EQ(count(html, "<script"), 0u);
    EXPECT_EQ(count(html, "<img"), 0u);
    EXPECT_EQ(count(html, "]]>"), 0u);
    EXPECT_EQ(count(html, "<b>"), 0u);
    const std::string escaped =
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; ]]&gt; &quot;quoted&quot; &#39;single&#39; &amp; co";
    EXPECT_GE(count(html, escaped), 5u);
    EXPECT_NE(html.find("data-note=\"p1&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""), std::string::npos);
    // Every attribute value is closed by its own quote: no raw quote leaks out.
    EXPECT_EQ(all(html, "=\"[^\"<>]*(<)[^\"]*\"").size(), 0u);
}

TEST(Summary, LongTextIsClippedWithTheFullTextInTheTitle) {
    Report report = sample();
    report.notes[1].text = "Queues at lunch stretch out of the door and regulars walk away to the chain next door";
    const std::string html = report_to_html(report);
    const std::string row = html.substr(html.find("<g class=\"row\" data-note=\"p2\""));
    EXPECT_LT(row.find("<title>Pain #1 Queues at lunch stretch out of the door and regulars walk away to the chain next door"),
              row.find("</g>"));
    EXPECT_LT(row.find("P#1 Queues at lunch stret\xE2\x80\xA6</text>"), row.find("</g>"));
}

TEST(Summary, InvalidUtf8AndControlCharactersAreReplaced) {
    Report report = sample();
    report.notes[1].text = std::string("bad \xC3 byte\x01 and \xE2\x82 cut");
    const std::string html = report_to_html(report);
    EXPECT_NE(html.find("bad \xEF\xBF\xBD byte  and \xEF\xBF\xBD cut"), std::string::npos);
}

TEST(Summary, PriceValueMapIsALineSayingWhatToAddWithoutCompetitors) {
    const std::string html = report_to_html(sample());
    EXPECT_EQ(count(html, "<svg class=\"price-value\""), 0u);
    EXPECT_NE(html.find("No competitor information on this canvas"), std::string::npos);
}

TEST(Summary, PriceValueMapPlacesTheOfferAndItsCompetitors) {
    Report report = sample();
    CompetitorsReport competitors;
    competitors.criteria = {{"speed", std::string("p2"), 1.0}, {"price", std::nullopt, 0.0}};
    competitors.alternatives = {{"Acme <Corp>", {{"speed", 4}, {"price", 2}}, 4.0, "k1"},
                                {"Us", {{"speed", 5}, {"price", 4}}, 5.0, "k2"},
                                {"Paper", {{"price", 5}}, std::nullopt, "k3"}};
    competitors.price_value_map = {{"Acme <Corp>", 2.0, 4.0}, {"Us", 4.0, 5.0}, {"Paper", 5.0, std::nullopt}};
    report.canvases[0].competitors = competitors;
    const std::string html = report_to_html(report);
    EXPECT_EQ(count(html, "<svg class=\"price-value\""), 1u);
    EXPECT_EQ(all(html, "<g class=\"alternative\" data-name=\"([^\"]+)\""), (std::vector<std::string>{"Acme &lt;Corp&gt;", "Us"}));
    EXPECT_EQ(all(html, "<g class=\"alternative\"[^>]*data-offer=\"(true|false)\""), (std::vector<std::string>{"false", "true"}));
    EXPECT_NE(html.find("data-price=\"4.0\" data-value=\"5.0\"><title>Us (your offer): price 4.0, value 5.0; speed 5.0; price 4.0"),
              std::string::npos);
    EXPECT_NE(html.find("Not placed: Paper (no value score)."), std::string::npos);
    EXPECT_NE(html.find("<li>speed &mdash; measures &#39;Queues at lunch&#39;, weight 100 %</li>"), std::string::npos);
    EXPECT_NE(html.find("<li>price &mdash; measures no value driver, weight 0 %</li>"), std::string::npos);
    EXPECT_EQ(html.find("No competitor information"), std::string::npos);
}

TEST(Summary, ThroughTheWholePipelineWithACompetitorSheet) {
    const std::string board = R"({"schema": "canvasfit.board/1",
      "containers": [
        {"id": "f-pains", "title": "Pains", "x": 0, "y": 0, "width": 400, "height": 300, "kind": "frame"},
        {"id": "f-rel", "title": "Pain relievers", "x": 500, "y": 0, "width": 400, "height": 300, "kind": "frame"},
        {"id": "f-comp", "title": "Competitors", "x": 0, "y": 400, "width": 900, "height": 300, "kind": "frame"}],
      "notes": [
        {"id": "p1", "text": "Checkout is <b>slow</b> & \"painful\"", "x": 20, "y": 20, "parent": "f-pains"},
        {"id": "r1", "text": "One-tap checkout <script>alert(1)</script>", "x": 520, "y": 20, "parent": "f-rel"},
        {"id": "k1", "text": "Acme: speed 2, price 3", "x": 20, "y": 420, "parent": "f-comp"},
        {"id": "k2", "text": "Us: speed 5, price 4", "x": 220, "y": 420, "parent": "f-comp"}],
      "connectors": [{"id": "c1", "from": "r1", "to": "p1"}]})";
    const Report report = analyze_text(board, {InputFormat::automatic, "board.json"});
    ASSERT_EQ(report.canvases.size(), 1u);
    ASSERT_TRUE(report.canvases[0].competitors);
    const std::string html = report_to_html(report);
    EXPECT_EQ(count(html, "<script"), 0u);
    EXPECT_EQ(count(html, "<b>"), 0u);
    EXPECT_NE(html.find("Checkout is &lt;b&gt;slow&lt;/b&gt; &amp; &quot;painful&quot;"), std::string::npos);
    EXPECT_EQ(all(html, "<g class=\"mark\" data-source=\"([a-z]+)\" data-from=\"r1\" data-to=\"p1\""),
              std::vector<std::string>{"connector"});
    EXPECT_EQ(all(html, "<g class=\"alternative\" data-name=\"([^\"]+)\""), (std::vector<std::string>{"Acme", "Us"}));
}

TEST(Summary, AnEmptyBoardStillGivesAPage) {
    Report report;
    const std::string html = report_to_html(report);
    EXPECT_NE(html.find("0 canvas(es)"), std::string::npos);
    EXPECT_NE(html.find("</html>"), std::string::npos);
}

// The CLI's `--format html` output of the bundled Excalidraw examples is
// checked in (examples/summaries/); `bash scripts/make_summaries.sh`
// regenerates it after an intended change.
class SummaryExample : public ::testing::TestWithParam<std::string> {};

TEST_P(SummaryExample, MatchesTheCheckedInPage) {
    const std::string example = GetParam();
    const Report report =
        analyze_text(test_support::read_source_file("examples/" + example), {InputFormat::automatic, example});
    const std::string expected = test_support::read_source_file("examples/summaries/" + example + ".html");
    ASSERT_FALSE(expected.empty()) << "examples/summaries/" << example << ".html is missing";
    EXPECT_TRUE(report_to_html(report) == expected)
        << "examples/summaries/" << example << ".html differs: run bash scripts/make_summaries.sh and review the diff";
}

INSTANTIATE_TEST_SUITE_P(Examples, SummaryExample,
                         ::testing::Values("cafe-canvas.excalidraw", "two-canvases.excalidraw",
                                           "drawn-canvas.excalidraw"),
                         [](const auto& info) {
                             std::string stem = info.param.substr(0, info.param.find('.'));
                             if (stem == "cafe-canvas") return std::string("cafe");
                             std::replace(stem.begin(), stem.end(), '-', '_');
                             return stem;
                         });

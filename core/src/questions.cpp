// Questions: what CanvasFit suspects but cannot know from the board, for the
// facilitator to answer on it (docs/report.md, "Findings and questions").
// Findings (warnings, counted links) are held to a precision bar; everything
// below it that is still worth a look is asked here instead, never shown as a
// red mark.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "canvasfit/engine.hpp"
#include "warning_kit.hpp"

namespace canvasfit {

namespace {

using warning_kit::quote;

// Observed on the public development set: of the pains and gains that no
// wording links on a canvas that does not link most of its profile, this
// share were addressed by nothing in the source (docs/judgment.md).
constexpr double kUnlinkedRowIsGap = 0.3;

std::string id_of(const BoardAnalysis& analysis, NoteIndex n) { return analysis.board->notes[n].id; }

std::string quoted(const BoardAnalysis& analysis, NoteIndex n) {
    return "'" + quote(analysis.board->notes[n].text) + "'";
}

struct Asker {
    const BoardAnalysis& analysis;
    std::vector<Question>& out;

    void ask(std::size_t canvas, const char* code, std::vector<NoteIndex> notes,
             std::vector<std::string> candidates, double confidence, std::string message) {
        Question question;
        question.code = code;
        question.canvas = analysis.layout.canvases[canvas].id;
        for (NoteIndex n : notes) question.notes.push_back(id_of(analysis, n));
        question.candidates = std::move(candidates);
        question.confidence = std::round(confidence * 100) / 100;
        question.message = std::move(message);
        out.push_back(std::move(question));
    }
};

// Suggested links of a canvas: confidence by (from, to).
std::map<std::pair<NoteIndex, NoteIndex>, double> suggestions_of(const CanvasAnalysis& canvas) {
    std::map<std::pair<NoteIndex, NoteIndex>, double> suggested;
    for (const Link& link : canvas.links)
        if (!link.counts()) suggested[{link.from, link.to}] = link.confidence;
    return suggested;
}

void ask_about_rows(Asker& asker, std::size_t c, const std::vector<Coverage>& rows,
                    const char* noun) {
    const CanvasAnalysis& canvas = asker.analysis.canvases[c];
    const auto suggested = suggestions_of(canvas);
    for (const Coverage& row : rows) {
        if (row.status != RowStatus::question) continue;
        if (row.suggested.empty()) {
            asker.ask(c, "what-addresses", {row.note}, {}, kUnlinkedRowIsGap,
                      "What addresses " + std::string(noun) + " " + quoted(asker.analysis, row.note) +
                          "? Nothing on the canvas says so in words: draw a connector from what "
                          "answers it, or mark it as out of scope.");
            continue;
        }
        std::vector<NoteIndex> candidates = row.suggested;
        std::stable_sort(candidates.begin(), candidates.end(), [&](NoteIndex a, NoteIndex b) {
            return suggested.at({a, row.note}) > suggested.at({b, row.note});
        });
        std::vector<std::string> ids;
        for (NoteIndex n : candidates) ids.push_back(id_of(asker.analysis, n));
        asker.ask(c, "is-addressed", {row.note}, ids, suggested.at({candidates.front(), row.note}),
                  "Is " + quoted(asker.analysis, row.note) + " addressed by " +
                      quoted(asker.analysis, candidates.front()) + "?");
    }
}

// Relievers, creators and products with no counted link, where the canvas
// cannot tell a gap from an unwritten link, or a suggestion leaves from them.
void ask_about_value_map(Asker& asker, std::size_t c) {
    const CanvasAnalysis& canvas = asker.analysis.canvases[c];
    std::map<NoteIndex, std::vector<std::pair<double, NoteIndex>>> suggested_from;
    std::vector<bool> counted(asker.analysis.board->notes.size(), false);
    for (const Link& link : canvas.links) {
        if (link.counts()) counted[link.from] = true;
        else suggested_from[link.from].emplace_back(link.confidence, link.to);
    }
    for (Section section : {Section::relievers, Section::creators}) {
        const char* target = section == Section::relievers ? "pain" : "gain";
        for (NoteIndex n : canvas.notes.of(section)) {
            if (counted[n]) continue;
            const auto found = suggested_from.find(n);
            if (found == suggested_from.end() && canvas.fit.decides_gaps) continue;  // orphan-*: a finding
            std::vector<std::string> ids;
            double best = kUnlinkedRowIsGap;
            if (found != suggested_from.end()) {
                auto targets = found->second;
                std::stable_sort(targets.begin(), targets.end(),
                                 [](const auto& a, const auto& b) { return a.first > b.first; });
                for (const auto& entry : targets) ids.push_back(id_of(asker.analysis, entry.second));
                best = targets.front().first;
            }
            asker.ask(c, "what-does-it-address", {n}, ids, best,
                      "Which " + std::string(target) + " does " + quoted(asker.analysis, n) +
                          " answer? " +
                          (ids.empty() ? "Its wording names none: draw a connector to it."
                                       : "Perhaps " +
                                             quoted(asker.analysis, found->second.front().second) +
                                             "; confirm or reject the suggestion."));
        }
    }
}

}  // namespace

std::vector<Question> find_questions(const BoardAnalysis& analysis) {
    std::vector<Question> out;
    Asker asker{analysis, out};
    for (std::size_t c = 0; c < analysis.canvases.size(); ++c) {
        const Fit& fit = analysis.canvases[c].fit;
        ask_about_rows(asker, c, fit.pain_coverage, "pain");
        ask_about_rows(asker, c, fit.gain_coverage, "gain");
        ask_about_value_map(asker, c);
    }
    return out;
}

}  // namespace canvasfit

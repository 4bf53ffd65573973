// Questions: what CanvasFit suspects but cannot know from the board, for the
// facilitator to answer on it (docs/report.md, "Findings and questions").
// Findings (warnings, counted links) are held to a precision bar; everything
// below it that is still worth a look is asked here instead, never shown as a
// red mark.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "canvasfit/options.hpp"
#include "engine/engine.hpp"
#include "findings/warning_kit.hpp"
#include "findings/findings.hpp"
#include "common/sort_stably.hpp"

namespace canvasfit {

namespace {

using warning_kit::quote;

// Of the pains and gains that nothing reaches on a canvas that does not decide
// its gaps, this share were addressed by nothing in the development sets (35
// of 102; fit.cpp counts the other 0.66 as addressed): the confidence of a
// what-addresses question (docs/judgment.md).
constexpr double kUnlinkedRowIsGap = 0.34;

std::string id_of(const BoardAnalysis& analysis, NoteIndex n) { return analysis.board->notes[n].id; }

std::string quoted(const BoardAnalysis& analysis, NoteIndex n) {
    return "'" + quote(analysis.board->notes[n].text) + "'";
}

// The order of docs/report.md within a canvas: by code (which-section, asked
// by the text step, comes first), then by the board order of the first note.
std::size_t code_rank(const char* code) {
    static const char* const kOrder[] = {"which-section", "is-addressed", "what-addresses",
                                         "what-does-it-address", "same-note"};
    return static_cast<std::size_t>(
        std::find_if(std::begin(kOrder), std::end(kOrder),
                     [&](const char* name) { return std::string_view(code) == name; }) -
        std::begin(kOrder));
}

struct Asker {
    const BoardAnalysis& analysis;
    std::vector<Question>& out;
    // Per question asked, (code rank, first note): the canvas's questions are
    // put in report order once, when asked, so a report only concatenates them.
    std::vector<std::pair<std::size_t, NoteIndex>> keys = {};

    void ask(std::size_t canvas, const char* code, std::vector<NoteIndex> notes,
             std::vector<std::string> candidates, double confidence, std::string message) {
        keys.emplace_back(code_rank(code), notes.empty() ? 0 : notes.front());
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

// A pain or gain nothing reaches: a reliever or creator of its canvas usually
// answers it. Of such rows that the sources do address, the answer was among
// the listed ones for 72-100 % of them per set (docs/judgment.md). They are
// listed as the question's candidates, at most this many, so the facilitator
// confirms one rather than drawing a connector; the other way round, a
// reliever or creator the wording links to nothing lists the pains or gains
// nothing reaches.
constexpr std::size_t kOpenCandidates = 5;

bool rejected_pair(const BoardAnalysis& analysis, NoteIndex from, NoteIndex to) {
    if (analysis.decisions == nullptr) return false;
    const auto& rejected = analysis.decisions->rejected;
    const auto pair = std::make_pair(id_of(analysis, from), id_of(analysis, to));
    return std::find(rejected.begin(), rejected.end(), pair) != rejected.end();
}

// The canvas's value-map notes that a counted link leaves, sorted: the
// canvas's few links, not a flag per board note (a board of a thousand
// canvases would clear a board-sized table for each).
std::vector<NoteIndex> counted_sources(const CanvasAnalysis& canvas) {
    std::vector<NoteIndex> counted;
    for (const Link& link : canvas.links)
        if (link.counts()) counted.push_back(link.from);
    std::sort(counted.begin(), counted.end());
    counted.erase(std::unique(counted.begin(), counted.end()), counted.end());
    return counted;
}

// Value-map notes of `section` that may answer the open row `row`, those that
// no counted link leaves first (a reliever usually answers one pain), then
// those already linked elsewhere (one reliever often answers two: "Portions
// scale to the number of flatmates" both clears the fridge and fixes recipes
// made for 2 or 4). Notes the team said address nothing, or rejected for this
// row, are left out.
std::vector<NoteIndex> answer_candidates(const BoardAnalysis& analysis, const CanvasAnalysis& canvas,
                                         const std::vector<NoteIndex>& counted, Section section,
                                         NoteIndex row) {
    std::vector<NoteIndex> free, linked;
    for (NoteIndex n : canvas.notes.of(section)) {
        if (said_unlinked(*analysis.board, analysis.decisions, n) || rejected_pair(analysis, n, row)) continue;
        (std::binary_search(counted.begin(), counted.end(), n) ? linked : free).push_back(n);
    }
    std::vector<NoteIndex> listed = std::move(free);
    listed.insert(listed.end(), linked.begin(), linked.end());
    if (listed.size() > kOpenCandidates) listed.resize(kOpenCandidates);
    return listed;
}

// Pains or gains under a question that nothing reaches: those a value-map note
// `from` that the wording links to nothing may answer.
std::vector<NoteIndex> open_rows(const BoardAnalysis& analysis, const std::vector<Coverage>& rows,
                                 NoteIndex from) {
    std::vector<NoteIndex> open;
    for (const Coverage& row : rows) {
        if (open.size() == kOpenCandidates) break;
        if (row.status == RowStatus::question && row.suggested.empty() && !rejected_pair(analysis, from, row.note))
            open.push_back(row.note);
    }
    return open;
}

std::vector<std::string> ids_of(const BoardAnalysis& analysis, const std::vector<NoteIndex>& notes) {
    std::vector<std::string> ids;
    for (NoteIndex n : notes) ids.push_back(id_of(analysis, n));
    return ids;
}

// "the one pain reliever", "one of the 3 gain creators".
std::string one_of(std::size_t count, const char* noun) {
    if (count == 1) return std::string("the one ") + noun;
    return "one of the " + std::to_string(count) + " " + noun + "s";
}

// The confidence of the suggested link from -> to (a canvas holds few links).
double suggestion_confidence(const CanvasAnalysis& canvas, NoteIndex from, NoteIndex to) {
    for (const Link& link : canvas.links)
        if (!link.counts() && link.from == from && link.to == to) return link.confidence;
    return 0;
}

void ask_about_rows(Asker& asker, std::size_t c, const std::vector<Coverage>& rows,
                    const char* noun) {
    const CanvasAnalysis& canvas = asker.analysis.canvases[c];
    const bool pains = std::string(noun) == "pain";
    const Section answered_by = pains ? Section::relievers : Section::creators;
    std::optional<std::vector<NoteIndex>> counted;  // made on first need
    for (const Coverage& row : rows) {
        if (row.status != RowStatus::question) continue;
        if (row.suggested.empty()) {
            if (!counted) counted = counted_sources(canvas);
            const std::vector<NoteIndex> listed =
                answer_candidates(asker.analysis, canvas, *counted, answered_by, row.note);
            const std::string confirm =
                listed.empty() ? ""
                               : "confirm " + one_of(listed.size(), pains ? "pain reliever" : "gain creator") +
                                     " listed, ";
            asker.ask(c, "what-addresses", {row.note}, ids_of(asker.analysis, listed), kUnlinkedRowIsGap,
                      "What addresses " + std::string(noun) + " " + quoted(asker.analysis, row.note) +
                          "? Nothing on the canvas says so in words: " + confirm +
                          "draw a connector from what answers it, or answer that nothing does.");
            continue;
        }
        std::vector<NoteIndex> candidates = row.suggested;
        const auto confidence = [&](NoteIndex from) { return suggestion_confidence(canvas, from, row.note); };
        sort_stably(candidates.begin(), candidates.end(),
                    [&](NoteIndex a, NoteIndex b) { return confidence(a) > confidence(b); });
        std::vector<std::string> ids;
        for (NoteIndex n : candidates) ids.push_back(id_of(asker.analysis, n));
        asker.ask(c, "is-addressed", {row.note}, ids, confidence(candidates.front()),
                  "Is " + quoted(asker.analysis, row.note) + " addressed by " +
                      quoted(asker.analysis, candidates.front()) + "?");
    }
}

// Relievers, creators and products with no counted link, where the canvas
// cannot tell a gap from an unwritten link, or a suggestion leaves from them.
void ask_about_value_map(Asker& asker, std::size_t c) {
    const CanvasAnalysis& canvas = asker.analysis.canvases[c];
    const std::vector<NoteIndex> counted = counted_sources(canvas);
    // (confidence, target) of the suggestions leaving a note, likeliest first.
    const auto suggestions_from = [&](NoteIndex from) {
        std::vector<std::pair<double, NoteIndex>> targets;
        for (const Link& link : canvas.links)
            if (!link.counts() && link.from == from) targets.emplace_back(link.confidence, link.to);
        sort_stably(targets.begin(), targets.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
        return targets;
    };
    for (Section section : {Section::relievers, Section::creators}) {
        const char* target = section == Section::relievers ? "pain" : "gain";
        for (NoteIndex n : canvas.notes.of(section)) {
            if (std::binary_search(counted.begin(), counted.end(), n)) continue;
            const auto targets = suggestions_from(n);
            const Section target_section = section == Section::relievers ? Section::pains : Section::gains;
            const bool certain = canvas.fit.decides_gaps(target_section) ||
                                 canvas.notes.of(target_section).empty() ||
                                 said_unlinked(*asker.analysis.board, asker.analysis.decisions, n);
            if (targets.empty() && certain) continue;  // orphan-*: a finding
            std::vector<std::string> ids;
            for (const auto& entry : targets) ids.push_back(id_of(asker.analysis, entry.second));
            std::string message = "Which " + std::string(target) + " does " + quoted(asker.analysis, n) + " answer? ";
            if (!ids.empty()) {
                message += "Perhaps " + quoted(asker.analysis, targets.front().second) +
                           "; confirm or reject the suggestion.";
            } else {
                const auto& rows = section == Section::relievers ? canvas.fit.pain_coverage : canvas.fit.gain_coverage;
                const std::vector<NoteIndex> open = open_rows(asker.analysis, rows, n);
                ids = ids_of(asker.analysis, open);
                message += open.empty() ? "Its wording names none: draw a connector to it."
                                        : "Its wording names none; it may answer " +
                                              one_of(open.size(), target) +
                                              " nothing addresses yet: draw a connector to it, or "
                                              "answer that it addresses nothing here.";
            }
            asker.ask(c, "what-does-it-address", {n}, ids,
                      targets.empty() ? kUnlinkedRowIsGap : targets.front().first, std::move(message));
        }
    }
}

// Notes of one section that share most of their words, below the bar of
// duplicate-notes (the groups and their bars: engine.hpp, ComparableSets).
void ask_about_duplicates(Asker& asker, const warning_kit::CanvasView& canvas) {
    for (Section section : {Section::jobs, Section::pains, Section::gains, Section::products,
                            Section::relievers, Section::creators}) {
        const std::vector<NoteIndex>& notes = canvas.notes(section);
        if (notes.size() < 2) continue;
        const std::vector<std::vector<int>>& sets = canvas.comparable(section);
        std::vector<bool> found(notes.size(), false);
        for (const auto& group : canvas.same_notes(section))
            for (std::size_t k : group) found[k] = true;
        for (const auto& group : canvas.maybe_same_notes(section)) {
            std::vector<NoteIndex> members;
            for (std::size_t k : group)
                if (!found[k] && sets[k].size() >= 2) members.push_back(notes[k]);
            if (members.size() < 2) continue;
            asker.ask(canvas.index(), "same-note", members, {}, kMaybeSameNoteSimilarity,
                      "Do " + quoted(asker.analysis, members[0]) + " and " +
                          quoted(asker.analysis, members[1]) +
                          " say the same thing? If so, merge them so their votes and rank are not split.");
        }
    }
}

// Sorts out[start...] (the questions of one canvas) by their keys, stably.
void put_in_report_order(std::vector<Question>& out, std::size_t start,
                         const std::vector<std::pair<std::size_t, NoteIndex>>& keys) {
    std::vector<std::size_t> order(keys.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    sort_stably(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    std::vector<Question> sorted;
    sorted.reserve(order.size());
    for (std::size_t i : order) sorted.push_back(std::move(out[start + i]));
    std::move(sorted.begin(), sorted.end(), out.begin() + static_cast<std::ptrdiff_t>(start));
}

void ask_about_canvas(const BoardAnalysis& analysis, std::size_t c,
                      const warning_kit::BoardIndex& index, std::vector<Question>& out) {
    const std::size_t start = out.size();
    Asker asker{analysis, out};
    const Fit& fit = analysis.canvases[c].fit;
    ask_about_rows(asker, c, fit.pain_coverage, "pain");
    ask_about_rows(asker, c, fit.gain_coverage, "gain");
    ask_about_value_map(asker, c);
    ask_about_duplicates(asker, warning_kit::CanvasView(analysis, c, index));
    put_in_report_order(out, start, asker.keys);
}

}  // namespace

std::vector<Question> find_questions(const BoardAnalysis& analysis, CanvasFindingCache* cache) {
    std::vector<Question> out;
    const warning_kit::BoardIndex index(analysis);
    CanvasFindingCache::collect(cache ? &cache->questions_ : nullptr, analysis.canvases.size(), out,
                                [&](std::size_t c, std::vector<Question>& asked) {
                                    ask_about_canvas(analysis, c, index, asked);
                                });
    return out;
}

void for_each_canvas_questions(
    const BoardAnalysis& analysis,
    const std::function<void(std::size_t canvas, const std::vector<Question>& questions)>& put) {
    const warning_kit::BoardIndex index(analysis);
    std::vector<Question> asked;
    for (std::size_t c = 0; c < analysis.canvases.size(); ++c) {
        asked.clear();
        ask_about_canvas(analysis, c, index, asked);
        put(c, asked);
    }
}

std::vector<const std::vector<Question>*> questions_by_canvas(const BoardAnalysis& analysis,
                                                              CanvasFindingCache& cache) {
    auto& kept = cache.questions_;
    if (kept.size() != analysis.canvases.size()) {
        kept.clear();
        kept.resize(analysis.canvases.size());
    }
    std::optional<warning_kit::BoardIndex> index;  // only when a canvas must be asked about again
    std::vector<const std::vector<Question>*> lists;
    lists.reserve(kept.size());
    for (std::size_t c = 0; c < kept.size(); ++c) {
        auto& entry = kept[c];
        if (!entry.valid) {
            if (!index) index.emplace(analysis);
            entry.items.clear();
            ask_about_canvas(analysis, c, *index, entry.items);
            entry.valid = true;
        }
        lists.push_back(&entry.items);
    }
    return lists;
}

}  // namespace canvasfit

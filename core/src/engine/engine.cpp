#include "engine/engine.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "canvasfit/options.hpp"
#include "structure/titles.hpp"
#include "text/similar_sets.hpp"
#include "text/text.hpp"
#include "text/word_forms.hpp"

namespace canvasfit {

const char* link_source_name(LinkSource source) {
    switch (source) {
        case LinkSource::connector: return "connector";
        case LinkSource::confirmed: return "confirmed";
        case LinkSource::text: return "text";
        case LinkSource::suggested: return "suggested";
    }
    return "text";
}

const char* row_status_name(RowStatus status) {
    switch (status) {
        case RowStatus::covered: return "covered";
        case RowStatus::unaddressed: return "unaddressed";
        case RowStatus::question: return "question";
    }
    return "question";
}

std::vector<CanvasNotes> notes_by_canvas(const Layout& layout, std::size_t canvas_count) {
    std::vector<CanvasNotes> canvases(canvas_count);
    for (NoteIndex n = 0; n < layout.notes.size(); ++n) {
        const NotePlacement& placement = layout.notes[n];
        if (placement.canvas < 0 || placement.section == Section::unknown) continue;
        canvases[static_cast<std::size_t>(placement.canvas)].of(placement.section).push_back(n);
    }
    return canvases;
}

Adjacency connector_adjacency(const Board& board) {
    std::unordered_map<std::string, NoteIndex> index_of;
    for (NoteIndex n = 0; n < board.notes.size(); ++n) index_of.emplace(board.notes[n].id, n);
    Adjacency connected(board.notes.size());
    for (const Connector& connector : board.connectors) {
        const auto from = index_of.find(connector.from);
        const auto to = index_of.find(connector.to);
        if (from == index_of.end() || to == index_of.end() || from->second == to->second) continue;
        connected[from->second].push_back(to->second);
        connected[to->second].push_back(from->second);
    }
    return connected;
}

ComparableSets comparable_sets_of(const CanvasNotes& notes,
                                  const std::vector<NoteReading>& readings) {
    std::vector<const Terms*> note_terms;
    for (const std::vector<NoteIndex>& section : notes.sections)
        for (NoteIndex n : section) note_terms.push_back(&readings[n].terms);
    const word_forms::Words words(note_terms);
    // Ids in first-seen order; the map is only looked up, never iterated, so
    // its order cannot reach the output. Views into `readings` and the form
    // table: no term is copied.
    std::unordered_map<std::string_view, int> ids;
    ComparableSets sets;
    for (std::size_t section = 0; section < notes.sections.size(); ++section)
        for (NoteIndex n : notes.sections[section]) {
            const std::vector<std::string_view> terms =
                word_forms::comparable_term_views(readings[n], &words);
            std::vector<int> set;
            set.reserve(terms.size());
            for (std::string_view term : terms)
                set.push_back(ids.try_emplace(term, static_cast<int>(ids.size())).first->second);
            std::sort(set.begin(), set.end());
            set.erase(std::unique(set.begin(), set.end()), set.end());
            sets.sections[section].push_back(std::move(set));
        }
    for (std::size_t section = 0; section < notes.sections.size(); ++section) {
        if (sets.sections[section].size() < 2) continue;
        sets.same[section] = similar_groups(sets.sections[section], kSameNoteSimilarity);
        sets.maybe_same[section] = similar_groups(sets.sections[section], kMaybeSameNoteSimilarity);
    }
    return sets;
}

namespace {

// The segment a canvas is about: its segment notes, in board order, else the
// qualifier of a segment or canvas title ("Customer Segment: Busy parents").
std::optional<std::string> segment_of(const BoardAnalysis& analysis, std::size_t c,
                                      const CanvasNotes& notes) {
    const Board& board = *analysis.board;
    std::string texts;
    for (NoteIndex n : notes.of(Section::segment))
        texts += (texts.empty() ? "" : "; ") + board.notes[n].text;
    if (!texts.empty()) return texts;
    const CanvasLayout& layout = analysis.layout.canvases[c];
    for (const SectionArea& area : layout.sections)
        if (area.section == Section::segment)
            for (const Container& container : board.containers)
                if (container.id == area.container_id && !title_qualifier(container.title).empty())
                    return title_qualifier(container.title);
    if (!title_qualifier(layout.title).empty()) return title_qualifier(layout.title);
    return std::nullopt;
}

}  // namespace

void read_segment(const BoardAnalysis& analysis, std::size_t c, CanvasAnalysis& canvas) {
    canvas.segment = segment_of(analysis, c, canvas.notes);
    if (!canvas.segment) {
        canvas.segment_type = classify_segment({}, {});
        canvas.segment_value = ValueType::none;
        return;
    }
    canvas.segment_value = classify_value(*canvas.segment);
    std::vector<const std::vector<std::string>*> profile;
    for (Section section : {Section::jobs, Section::pains, Section::gains})
        for (NoteIndex n : canvas.notes.of(section)) profile.push_back(&analysis.readings[n].terms);
    canvas.segment_type = classify_segment({*canvas.segment}, profile);
}

CanvasAnalysis analyze_canvas(BoardAnalysis& analysis, std::size_t c, CanvasNotes notes) {
    const Board& board = *analysis.board;
    CanvasAnalysis canvas;
    rank_canvas(board, notes, analysis.votes, analysis.priorities);
    canvas.links =
        link_canvas(board, notes, analysis.readings, analysis.connected, nullptr, analysis.decisions,
                    &analysis.layout.notes);
    canvas.fit = score_fit(notes, analysis.priorities, canvas.links,
                           unlinked_notes(board, notes, analysis.decisions));
    canvas.value = profile_value(analysis, notes, canvas.links);
    canvas.comparable = comparable_sets_of(notes, analysis.readings);
    canvas.notes = std::move(notes);
    read_segment(analysis, c, canvas);
    return canvas;
}

bool said_unlinked(const Board& board, const LinkDecisions* decisions, NoteIndex n) {
    if (decisions == nullptr) return false;
    const std::vector<std::string>& ids = decisions->unlinked;
    return std::find(ids.begin(), ids.end(), board.notes[n].id) != ids.end();
}

std::vector<NoteIndex> unlinked_notes(const Board& board, const CanvasNotes& notes,
                                      const LinkDecisions* decisions) {
    std::vector<NoteIndex> said;
    if (decisions == nullptr || decisions->unlinked.empty()) return said;
    for (const std::vector<NoteIndex>& section : notes.sections)
        for (NoteIndex n : section)
            if (said_unlinked(board, decisions, n)) said.push_back(n);
    std::sort(said.begin(), said.end());
    return said;
}

std::vector<NoteReading> read_notes(const Board& board) {
    std::vector<NoteReading> readings;
    readings.reserve(board.notes.size());
    for (const Note& note : board.notes) readings.push_back(read_text(note.text));
    return readings;
}

BoardAnalysis run_engine(const Board& board, Layout layout, const LinkDecisions* decisions) {
    return run_engine(board, std::move(layout), read_notes(board), decisions);
}

BoardAnalysis run_engine(const Board& board, Layout layout, std::vector<NoteReading> readings,
                         const LinkDecisions* decisions) {
    BoardAnalysis analysis;
    analysis.board = &board;
    analysis.decisions = decisions;
    analysis.layout = std::move(layout);
    analysis.readings = std::move(readings);
    analysis.connected = connector_adjacency(board);
    analysis.votes = count_votes(board);
    analysis.priorities.assign(board.notes.size(), Priority{});
    std::vector<CanvasNotes> by_canvas = notes_by_canvas(analysis.layout, analysis.layout.canvases.size());
    // Sized once: grown by doubling, the old copies were 0.8 MB of holes at
    // 1,283 canvases, where the next large block did not fit.
    analysis.canvases.reserve(by_canvas.size());
    for (std::size_t c = 0; c < by_canvas.size(); ++c)
        analysis.canvases.push_back(analyze_canvas(analysis, c, std::move(by_canvas[c])));
    return analysis;
}

}  // namespace canvasfit

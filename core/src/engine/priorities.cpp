// Ranks jobs, pains and gains within each section of a canvas. Cues, in the
// order of trust the canvas method gives them:
//   1. an explicit marker in the text or a tag: "!!!", "(5)", "4/5", "[high]",
//      "must-have", "nice to have", Kano's "required/expected/desired/unexpected";
//   2. dot-vote stickers overlapping the note;
//   3. reading order in the section (rows top to bottom, then left to right),
//      which is how the method asks teams to rank.
// Unmarked notes count as medium importance, so "nice to have" sinks below
// them and "must-have" rises above them.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <numeric>

#include "engine/engine.hpp"
#include "structure/spatial_grid.hpp"
#include "common/sort_stably.hpp"
#include "common/find_chars.hpp"

namespace canvasfit {

namespace {

constexpr double kUnmarkedImportance = 0.5;

struct PriorityMarker {
    double importance = kUnmarkedImportance;
    std::string detail;
};

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Keywords that read as a priority level. "word" must stand alone (brackets,
// a tag, "priority: word", or "word:" at the start); phrases count anywhere.
struct LevelWord {
    const char* word;
    double importance;
};
constexpr LevelWord kLevelWords[] = {
    {"critical", 1.0}, {"extreme", 1.0},    {"top", 1.0},         {"high", 1.0},
    {"essential", 1.0}, {"required", 1.0},  {"must", 1.0},        {"p1", 1.0},
    {"expected", 0.8}, {"important", 0.8},  {"severe", 0.8},      {"p2", 0.7},
    {"medium", 0.6},   {"moderate", 0.6},   {"desired", 0.6},     {"should", 0.6},
    {"p3", 0.4},       {"unexpected", 0.4}, {"low", 0.3},         {"minor", 0.3},
    {"could", 0.3},    {"nice", 0.3},       {"optional", 0.3},    {"insignificant", 0.2},
};
constexpr LevelWord kLevelPhrases[] = {
    {"must-have", 1.0},     {"must have", 1.0},   {"nice-to-have", 0.3}, {"nice to have", 0.3},
    {"should-have", 0.6},   {"should have", 0.6}, {"could-have", 0.3},   {"could have", 0.3},
    {"deal breaker", 1.0},  {"dealbreaker", 1.0}, {"deal-breaker", 1.0},
};

std::optional<double> level_of_word(const std::string& word) {
    for (const LevelWord& level : kLevelWords)
        if (word == level.word) return level.importance;
    return std::nullopt;
}

std::string trim_marks(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t\n-:#*_");
    if (first == std::string::npos) return "";
    const std::size_t last = text.find_last_not_of(" \t\n-:#*_");
    return text.substr(first, last - first + 1);
}

// "5", "4/5", "8/10": a score out of 5 (or out of 10 above 5).
std::optional<double> score_of(const std::string& text) {
    std::size_t i = 0;
    int value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && value < 100)
        value = value * 10 + (text[i++] - '0');
    if (i == 0) return std::nullopt;
    int scale = value <= 5 ? 5 : 10;
    if (i < text.size() && text[i] == '/') {
        std::size_t j = i + 1;
        int denominator = 0;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])) && denominator < 100)
            denominator = denominator * 10 + (text[j++] - '0');
        if (j == i + 1 || j != text.size() || denominator == 0) return std::nullopt;
        scale = denominator;
        i = j;
    }
    if (i != text.size() || value < 1 || value > scale) return std::nullopt;
    return static_cast<double>(value) / scale;
}

// A bracketed or tagged marker: "high", "5", "4/5", "priority: high", "p1".
std::optional<double> read_marker_token(const std::string& raw) {
    std::string token = trim_marks(lower_ascii(raw));
    for (const char* prefix : {"priority", "prio", "importance", "severity", "rank"})
        if (token.rfind(prefix, 0) == 0) token = trim_marks(token.substr(std::string(prefix).size()));
    if (auto score = score_of(token)) return score;
    if (auto level = level_of_word(token)) return level;
    for (const LevelWord& phrase : kLevelPhrases)
        if (token == phrase.word) return phrase.importance;
    return std::nullopt;
}

std::optional<PriorityMarker> bracketed_marker(const std::string& text) {
    for (std::size_t open = find_any_of(text, "(["); open != std::string::npos;
         open = find_any_of(text, "([", open + 1)) {
        const char closing = text[open] == '(' ? ')' : ']';
        const std::size_t close = text.find(closing, open + 1);
        if (close == std::string::npos || close - open > 24) continue;
        const std::string inside = text.substr(open + 1, close - open - 1);
        if (auto importance = read_marker_token(inside))
            return PriorityMarker{*importance, text.substr(open, close - open + 1)};
    }
    return std::nullopt;
}

std::optional<PriorityMarker> exclamation_marker(const std::string& text) {
    std::size_t longest = 0, run = 0;
    for (char c : text) {
        run = c == '!' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    if (longest < 2) return std::nullopt;  // a single "!" is punctuation
    return PriorityMarker{longest >= 3 ? 1.0 : 0.8, std::string(std::min<std::size_t>(longest, 5), '!')};
}

std::optional<PriorityMarker> phrase_marker(const std::string& text) {
    const std::string lower = lower_ascii(text);
    for (const LevelWord& phrase : kLevelPhrases)
        if (lower.find(phrase.word) != std::string::npos) return PriorityMarker{phrase.importance, phrase.word};
    // "Expected: fast delivery", "HIGH - orders get lost"; not "High-speed internet"
    std::size_t colon = lower.find(':');
    if (colon == std::string::npos) colon = lower.find(" - ");
    if (colon != std::string::npos && colon > 0 && colon <= 14) {
        const std::string head = trim_marks(lower.substr(0, colon));
        if (auto level = level_of_word(head)) return PriorityMarker{*level, text.substr(0, colon)};
    }
    return std::nullopt;
}

std::optional<PriorityMarker> text_marker(const std::string& text) {
    if (auto marker = bracketed_marker(text)) return marker;
    if (auto marker = exclamation_marker(text)) return marker;
    return phrase_marker(text);
}

std::optional<PriorityMarker> tag_marker(const std::vector<std::string>& tags) {
    for (const std::string& tag : tags)
        if (auto importance = read_marker_token(tag)) return PriorityMarker{*importance, tag};
    return std::nullopt;
}

void rank_section(const Board& board, const std::vector<NoteIndex>& section,
                  const std::vector<int>& votes, std::vector<Priority>& priorities) {
    struct Candidate {
        NoteIndex note;
        double importance;
        int votes;
        std::size_t order;
        PriorityCue cue;
        std::string detail;
    };
    std::vector<Candidate> candidates;
    const std::vector<NoteIndex> ordered = reading_order(board, section);
    for (std::size_t position = 0; position < ordered.size(); ++position) {
        const Note& note = board.notes[ordered[position]];
        Candidate candidate{ordered[position], kUnmarkedImportance, votes[ordered[position]],
                            position, PriorityCue::order, ""};
        if (auto marker = text_marker(note.text)) {
            candidate.importance = marker->importance;
            candidate.cue = PriorityCue::marker;
            candidate.detail = marker->detail;
        } else if (auto tag = tag_marker(note.tags)) {
            candidate.importance = tag->importance;
            candidate.cue = PriorityCue::tag;
            candidate.detail = tag->detail;
        } else if (candidate.votes > 0) {
            candidate.cue = PriorityCue::votes;
            candidate.detail = std::to_string(candidate.votes) + " vote(s)";
        }
        candidates.push_back(std::move(candidate));
    }
    sort_stably(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.importance != b.importance) return a.importance > b.importance;
        if (a.votes != b.votes) return a.votes > b.votes;
        return a.order < b.order;
    });
    const double n = static_cast<double>(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        Priority& priority = priorities[candidates[i].note];
        priority.rank = static_cast<int>(i + 1);
        priority.priority = std::round((n - static_cast<double>(i)) / n * 1000) / 1000;
        priority.cue = candidates[i].cue;
        priority.cue_detail = candidates[i].detail;
    }
}

}  // namespace

bool is_assumption_word(const std::string& word) {
    static const char* const kWords[] = {
        "assumption", "assumptions", "assumed", "untested", "not tested", "hypothesis",
        "hypotheses", "unvalidated", "not validated", "unverified", "not verified", "to validate",
        "to test", "to be tested", "to be validated", "guess", "?", "??", "???"};
    return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* w) { return word == w; });
}

std::vector<std::pair<std::size_t, std::size_t>> cue_annotations(const std::string& text) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (std::size_t open = find_any_of(text, "(["); open != std::string::npos;
         open = find_any_of(text, "([", open + 1)) {
        const std::size_t close = text.find(text[open] == '(' ? ')' : ']', open + 1);
        if (close == std::string::npos || close - open > 24) continue;
        const std::string inside = text.substr(open + 1, close - open - 1);
        if (read_marker_token(inside) || is_assumption_word(trim_marks(lower_ascii(inside))))
            spans.emplace_back(open, close + 1);
    }
    return spans;
}

// Rows top to bottom (a note starting above the middle of the row's first note
// joins its row), then left to right.
std::vector<NoteIndex> reading_order(const Board& board, std::vector<NoteIndex> notes) {
    auto rect = [&](NoteIndex n) -> const Rect& { return board.notes[n].bounds; };
    sort_stably(notes.begin(), notes.end(),
                [&](NoteIndex a, NoteIndex b) { return rect(a).y < rect(b).y; });
    for (std::size_t row_start = 0; row_start < notes.size();) {
        std::size_t row_end = row_start + 1;
        const double middle = rect(notes[row_start]).center_y();
        while (row_end < notes.size() && rect(notes[row_end]).y < middle) ++row_end;
        sort_stably(notes.begin() + row_start, notes.begin() + row_end,
                    [&](NoteIndex a, NoteIndex b) { return rect(a).x < rect(b).x; });
        row_start = row_end;
    }
    return notes;
}

const char* priority_cue_name(PriorityCue cue) {
    switch (cue) {
        case PriorityCue::marker: return "marker";
        case PriorityCue::tag: return "tag";
        case PriorityCue::votes: return "votes";
        case PriorityCue::order: break;
    }
    return "order";
}

// Each dot counts once, for the note it overlaps most.
std::vector<int> count_votes(const Board& board) {
    std::vector<int> votes(board.notes.size(), 0);
    SpatialGrid grid(256);
    for (NoteIndex n = 0; n < board.notes.size(); ++n) grid.insert(n, board.notes[n].bounds);
    for (const Marker& dot : board.markers) {
        double best_overlap = 0;
        std::optional<NoteIndex> best;
        for (NoteIndex n : grid.candidates(dot.bounds)) {
            const Rect& note = board.notes[n].bounds;
            const double w = std::min(note.right(), dot.bounds.right()) - std::max(note.x, dot.bounds.x);
            const double h = std::min(note.bottom(), dot.bounds.bottom()) - std::max(note.y, dot.bounds.y);
            const double overlap = std::max(0.0, w) * std::max(0.0, h);
            if (overlap > best_overlap || (overlap == best_overlap && overlap > 0 && best && n < *best)) {
                best_overlap = overlap;
                best = n;
            }
        }
        if (best) ++votes[*best];
    }
    return votes;
}

void rank_canvas(const Board& board, const CanvasNotes& notes, const std::vector<int>& votes,
                 std::vector<Priority>& priorities) {
    for (Section section : {Section::jobs, Section::pains, Section::gains})
        rank_section(board, notes.of(section), votes, priorities);
}

}  // namespace canvasfit

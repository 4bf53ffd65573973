// Segment warnings of one canvas: missing-segment and broad-segment.
#include <algorithm>

#include "text/text.hpp"
#include "findings/warning_kit.hpp"
#include "structure/titles.hpp"

namespace canvasfit::warning_kit {

namespace {

// Words that only say "people in general": mass-market words, generations,
// age groups and genders. A segment made of nothing else (stop words such as
// "all", "everyone" and "users" aside, and numbers such as "18-35") names no
// situation and no need, which is what "Everyone" and "teenagers" lack in the
// seeds ("too broad to design for; a useful segment names who they are, the
// situation they are in, and the need they share"). Roles such as "parents" or
// "café owners" are not listed: they are a start, and the team may know more.
const StemSet& broad_words() {
    static const StemSet words(
        "people person persons individual individuals human humans public general mass market "
        "markets consumer consumers audience audiences population demographic world worldwide "
        "global internet online smartphone "
        "millennial millennials gen generation genz zoomer zoomers boomer boomers "
        "teenager teenagers teen teens adult adults kid kids child children youth youths young "
        "old older olds elderly senior seniors aged age ages year years plus "
        "man men woman women male males female females gender guy guys girl girls boy boys "
        "family families household households "
        "business businesses company companies organisation organisations organization "
        "organizations enterprise enterprises firm firms");
    return words;
}

bool only_broad_words(const std::vector<Token>& tokens) {
    for (const Token& token : tokens)
        if (!token.is_number && !is_stop_word(token.text) && !broad_words().contains(token.stem))
            return false;
    return true;
}

// "Everyone who needs a car", "Anyone with a phone", "All users who travel":
// a segment that starts by claiming everybody stays everybody, whatever need
// follows; the need names the product's category, not a group to design for.
bool claims_everybody(const std::vector<Token>& tokens) {
    if (tokens.empty()) return false;
    const std::string& first = tokens[0].text;
    if (first == "everyone" || first == "everybody" || first == "anyone" || first == "anybody")
        return true;
    if ((first == "all" || first == "any") && tokens.size() > 1) {
        const Token& next = tokens[1];
        return is_stop_word(next.text) || broad_words().contains(next.stem);
    }
    return false;
}

bool is_broad(const std::string& text) {
    const std::vector<Token> tokens = tokenize(text);
    const bool any_word = std::any_of(tokens.begin(), tokens.end(),
                                      [](const Token& token) { return !token.is_number; });
    return any_word && (only_broad_words(tokens) || claims_everybody(tokens));
}

bool has_text(const Note& note) {
    return std::any_of(note.text.begin(), note.text.end(),
                       [](char c) { return c != ' ' && c != '\n' && c != '\t' && c != '\r'; });
}

// The qualifier naming the segment in a segment-section or canvas title, as
// the report's canvases[].segment reads it (analyze.cpp), or "".
std::string title_segment(const CanvasView& canvas) {
    const BoardAnalysis& analysis = canvas.analysis();
    const CanvasLayout& layout = analysis.layout.canvases[canvas.index()];
    for (const SectionArea& area : layout.sections) {
        if (area.section != Section::segment) continue;
        const Container* container = canvas.container(area.container_id);
        if (container && !title_qualifier(container->title).empty())
            return title_qualifier(container->title);
    }
    return title_qualifier(layout.title);
}

void add(std::vector<Finding>& out, const CanvasView& canvas, Code code,
         std::vector<NoteIndex> notes, Severity severity, std::string message) {
    out.push_back({canvas.index(), code, std::move(notes), severity, std::move(message)});
}

constexpr const char* kBroadAdvice =
    " is too broad to design for: name who they are, the situation they are in and the need "
    "they share (e.g. 'parents of toddlers who cook on weeknights').";

}  // namespace

void find_segment_warnings(const CanvasView& canvas, std::vector<Finding>& out) {
    std::vector<NoteIndex> segment_notes;
    for (NoteIndex n : canvas.notes(Section::segment))
        if (has_text(canvas.note(n))) segment_notes.push_back(n);
    if (!segment_notes.empty()) {
        for (NoteIndex n : segment_notes)
            if (is_broad(canvas.note(n).text))
                add(out, canvas, Code::broad_segment, {n}, Severity::medium,
                    "Segment '" + quote(canvas.note(n).text) + "'" + kBroadAdvice);
        return;
    }
    const std::string titled = title_segment(canvas);
    if (!titled.empty()) {
        if (is_broad(titled))
            add(out, canvas, Code::broad_segment, {}, Severity::medium,
                "Segment '" + quote(titled) + "' in the title" + kBroadAdvice);
        return;
    }
    if (canvas.note_count() == 0) return;  // an empty template: nothing to say yet
    add(out, canvas, Code::missing_segment, {}, Severity::medium,
        "The canvas names no customer segment: add a segment note (who, in what situation, "
        "needing what) so the profile describes one group.");
}

}  // namespace canvasfit::warning_kit

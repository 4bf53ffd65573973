// Warnings about the sections of one canvas and its customer profile:
// empty-section, too-many, duplicate-notes, unaddressed-pain, unaddressed-gain,
// hidden-costs and unvalidated.
#include <algorithm>
#include <string>
#include <vector>

#include "text/text.hpp"
#include "findings/warning_kit.hpp"
#include "common/find_chars.hpp"

namespace canvasfit::warning_kit {

namespace {

constexpr Section kCoreSections[] = {Section::jobs,     Section::pains,     Section::gains,
                                     Section::products, Section::relievers, Section::creators};

// More notes than this in one section is more than a team can rank and act
// on. The seeds: "it's almost impossible to cover all the existing customers'
// pains or gains, so focus on the most crucial ones", "rank these by
// importance", and a segment's value drivers are "generally 4-8". Ten leaves
// room above that range for notes still being sorted.
constexpr std::size_t kFocusLimit = 10;

void add(std::vector<Finding>& out, const CanvasView& canvas, Code code,
         std::vector<NoteIndex> notes, Severity severity, std::string message) {
    std::sort(notes.begin(), notes.end());
    out.push_back({canvas.index(), code, std::move(notes), severity, std::move(message)});
}

std::string rank_text(const Priority& priority) {
    return priority.rank > 0 ? " (rank " + std::to_string(priority.rank) + ")" : "";
}

void find_empty_sections(const CanvasView& canvas, std::vector<Finding>& out) {
    if (canvas.note_count() == 0) return;  // an untouched template is not a gap yet
    const CanvasLayout& layout = canvas.analysis().layout.canvases[canvas.index()];
    for (Section section : kCoreSections) {
        const bool drawn =
            std::any_of(layout.sections.begin(), layout.sections.end(),
                        [&](const SectionArea& area) { return area.section == section; });
        if (!drawn || !canvas.notes(section).empty()) continue;
        add(out, canvas, Code::empty_section, {}, Severity::medium,
            std::string(section_title(section)) +
                " is empty: fill it in, or remove it if this canvas deliberately leaves it out.");
    }
}

void find_crowded_sections(const CanvasView& canvas, std::vector<Finding>& out) {
    for (Section section : kCoreSections) {
        const std::vector<NoteIndex>& notes = canvas.notes(section);
        if (notes.size() <= kFocusLimit) continue;
        add(out, canvas, Code::too_many, notes, Severity::low,
            std::string(section_title(section)) + " holds " + std::to_string(notes.size()) +
                " notes, more than the " + std::to_string(kFocusLimit) +
                " a team can rank and act on: merge overlaps and keep the ones that matter most.");
    }
}

std::string duplicates_message(const CanvasView& canvas, Section section,
                               const std::vector<NoteIndex>& group) {
    std::string message = "Notes '" + quote(canvas.note(group[0]).text) + "' and '" +
                          quote(canvas.note(group[1]).text) + "'";
    if (group.size() > 2) message += " (and " + std::to_string(group.size() - 2) + " more)";
    return message + " in " + section_title(section) +
           " say nearly the same thing: merge them so their votes and rank are not split.";
}

void find_duplicates(const CanvasView& canvas, std::vector<Finding>& out) {
    for (Section section : kCoreSections) {
        const std::vector<NoteIndex>& notes = canvas.notes(section);
        if (notes.size() < 2) continue;
        for (const std::vector<std::size_t>& group : canvas.same_notes(section)) {
            std::vector<NoteIndex> members;
            for (std::size_t k : group) members.push_back(notes[k]);
            std::sort(members.begin(), members.end());
            add(out, canvas, Code::duplicate_notes, members, Severity::low,
                duplicates_message(canvas, section, members));
        }
    }
}

void find_unaddressed(const CanvasView& canvas, std::vector<Finding>& out) {
    struct Side {
        Section section;
        Code code;
        const char* noun;
        const char* missing;
    };
    const Side sides[] = {{Section::pains, Code::unaddressed_pain, "Pain", "pain reliever"},
                          {Section::gains, Code::unaddressed_gain, "Gain", "gain creator"}};
    for (const Side& side : sides)
        for (NoteIndex n : canvas.notes(side.section)) {
            const Coverage* row = canvas.coverage(n);
            if (!row || row->status != RowStatus::unaddressed) continue;  // covered, or a question
            add(out, canvas, side.code, {n}, severity_for_rank(canvas.priority(n)),
                std::string(side.noun) + " '" + quote(canvas.note(n).text) + "'" +
                    rank_text(canvas.priority(n)) + " has no " + side.missing +
                    ": add one or explain why it is out of scope.");
        }
}

// Costs beyond the price that customers weigh (seeds, "Ignoring the Hidden
// Costs": "the price of the product, but the cost of implementation, training,
// and maintenance"). Matched on word forms, not stems, to keep senses apart:
// "expensive" but not "expenses" (expense reports), "training" but not
// "train" (the vehicle). Words for money in general ("budget", "save") are
// left out: "Takeaway blows the budget" is what the offer should relieve, not
// a cost it brings; so are "licence" (a driving licence) and "onboarding"
// (of new staff), which boards use in other senses as often as not.
struct CostWords {
    const char* kind;
    const char* words;
};
constexpr CostWords kCostWords[] = {
    {"price",
     "price prices pricing pricey overpriced cost costs costly expensive fee fees charge charges "
     "charged afford affordable unaffordable subscription subscriptions commission commissions "
     "surcharge surcharges markup euro euros dollar dollars pence"},
    {"set-up",
     "setup setups install installs installed installing installation implementation "
     "implementing configure configuring configuration migration migrate migrating"},
    {"training",
     "training trainings retraining learn learning relearn relearning tutorial tutorials"},
    {"maintenance",
     "maintenance maintain maintains maintaining maintained upkeep repair repairs servicing"},
};

struct CostKind {
    const char* name;
    WordSet words;
};

const std::vector<CostKind>& cost_kinds() {
    static const std::vector<CostKind> kinds = [] {
        std::vector<CostKind> built;
        for (const CostWords& list : kCostWords) built.push_back({list.kind, WordSet(list.words)});
        return built;
    }();
    return kinds;
}

// The stems of every cost word, and of "set" and "setting": a pain whose terms
// hold none of them (and no amount) needs no second look at its words.
const StemSet& cost_stems() {
    static const StemSet stems([] {
        std::string all = "set setting";
        for (const CostWords& list : kCostWords) all += std::string(" ") + list.words;
        return all;
    }());
    return stems;
}

// A currency sign right before a digit: "$30", "€5 a month", "£2,500".
bool names_an_amount(const std::string& text) {
    for (const std::string sign : {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5"})
        for (std::size_t at = text.find(sign); at != std::string::npos;
             at = text.find(sign, at + 1)) {
            const std::size_t next = at + sign.size();
            if (next < text.size() && text[next] >= '0' && text[next] <= '9') return true;
        }
    return false;
}

// The folded text's runs of ASCII letters: enough for an English word list,
// and much cheaper than tokenize(), which also stems every word.
std::vector<std::string> ascii_words(const std::string& text) {
    std::vector<std::string> words(1);
    for (char c : fold_case(text)) {
        if (c >= 'a' && c <= 'z') words.back() += c;
        else if (!words.back().empty()) words.emplace_back();
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

// The kind of hidden cost a pain is about, or nullptr. "set up" / "set-up" /
// "setting up" count as set-up; "set" alone is too common a word to count.
const char* hidden_cost_of(const std::string& text, const Terms& terms) {
    if (names_an_amount(text)) return "price";
    if (!cost_stems().first_in(terms)) return nullptr;
    const std::vector<std::string> words = ascii_words(text);
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (const CostKind& kind : cost_kinds())
            if (kind.words.contains(words[i])) return kind.name;
        if ((words[i] == "set" || words[i] == "setting") && i + 1 < words.size() &&
            words[i + 1] == "up")
            return "set-up";
    }
    return nullptr;
}

void find_hidden_costs(const CanvasView& canvas, std::vector<Finding>& out) {
    for (NoteIndex n : canvas.notes(Section::pains)) {
        const Coverage* row = canvas.coverage(n);
        if (!row || row->status != RowStatus::unaddressed) continue;
        const char* kind = hidden_cost_of(canvas.note(n).text, canvas.terms(n));
        if (!kind) continue;
        add(out, canvas, Code::hidden_costs, {n}, severity_for_rank(canvas.priority(n)),
            "Pain '" + quote(canvas.note(n).text) + "' names a hidden cost (" + kind +
                ") that no pain reliever answers: customers weigh price, set-up, training and "
                "upkeep, not just the product, so say how the offer lowers it.");
    }
}

// ---------------------------------------------------------------------------
// unvalidated

std::string folded_trimmed(const std::string& text) {
    const std::string folded = fold_case(text);
    const std::size_t first = folded.find_first_not_of(" \t\n\r#:-*_");
    if (first == std::string::npos) return "";
    const std::size_t last = folded.find_last_not_of(" \t\n\r#:-*_.!");
    return folded.substr(first, last - first + 1);
}

// A tag, a bracketed "(assumption)" / "[hypothesis]" anywhere in the text, or
// a leading "Assumption:" reads as the note's evidence status.
template <typename IsWord>
bool marked(const Note& note, IsWord is_word) {
    for (const std::string& tag : note.tags)
        if (is_word(folded_trimmed(tag))) return true;
    const std::string& text = note.text;
    for (std::size_t open = find_any_of(text, "(["); open != std::string::npos;
         open = find_any_of(text, "([", open + 1)) {
        const std::size_t close = text.find(text[open] == '(' ? ')' : ']', open + 1);
        if (close != std::string::npos &&
            is_word(folded_trimmed(text.substr(open + 1, close - open - 1))))
            return true;
    }
    const std::size_t colon = text.find(':');
    return colon != std::string::npos && colon <= 16 &&
           is_word(folded_trimmed(text.substr(0, colon)));
}

// How much a note the fit rests on matters: a ranked note's own priority; a
// reliever, creator or product, the highest priority among what it addresses.
const Priority* weight_of(const CanvasView& canvas, NoteIndex n) {
    if (canvas.priority(n).rank > 0) return &canvas.priority(n);
    const Priority* best = nullptr;
    for (const Link& link : canvas.analysis().canvases[canvas.index()].links)
        if (link.from == n && link.counts() &&
            (!best || canvas.priority(link.to).priority > best->priority))
            best = &canvas.priority(link.to);
    return best;
}

// Seed 001: fit is confirmed "through customer research and testing, not by
// assuming it". Every note marked as an assumption that the fit rests on (a
// ranked job, pain or gain; a reliever, creator or product with a counted
// link) is listed in one warning per canvas, as severe as the most important
// of them.
void find_unvalidated(const CanvasView& canvas, std::vector<Finding>& out) {
    std::vector<NoteIndex> assumed;
    const Priority* top = nullptr;
    for (Section section : kAllSections)
        for (NoteIndex n : canvas.notes(section)) {
            if (!marked(canvas.note(n), is_assumption_word)) continue;
            const Priority* weight = weight_of(canvas, n);
            if (!weight) continue;  // nothing rests on it
            assumed.push_back(n);
            if (!top || weight->priority > top->priority) top = weight;
        }
    if (assumed.empty()) return;
    std::sort(assumed.begin(), assumed.end());
    std::string listed;
    for (std::size_t i = 0; i < assumed.size() && i < 3; ++i)
        listed += (i ? ", '" : "'") + quote(canvas.note(assumed[i]).text) + "'";
    if (assumed.size() > 3) listed += " and " + std::to_string(assumed.size() - 3) + " more";
    add(out, canvas, Code::unvalidated, assumed, severity_for_rank(*top),
        std::to_string(assumed.size()) + " note(s) the fit rests on are untested assumptions (" +
            listed + "): test them with customers before building on them.");
}

}  // namespace

void find_profile_warnings(const CanvasView& canvas, std::vector<Finding>& out) {
    find_empty_sections(canvas, out);
    find_crowded_sections(canvas, out);
    find_duplicates(canvas, out);
    find_unaddressed(canvas, out);
    find_hidden_costs(canvas, out);
    find_unvalidated(canvas, out);
}

}  // namespace canvasfit::warning_kit

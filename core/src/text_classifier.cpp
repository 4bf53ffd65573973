// Section classification by text (text_classifier.hpp). Three parts:
//  1. features of one note: stems, cue-lexicon classes by position, and the
//     note's grammatical shape as a string of coarse tags; this mirrors
//     text_features() in scripts/train_text_classifier.py, which trained the
//     weights, and a test pins the two together through a fingerprint;
//  2. integer scoring and an integer softmax, so the result does not depend
//     on the platform's exp();
//  3. place_by_text: the board step that uses both.
#include "canvasfit/text_classifier.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "canvasfit/text.hpp"
#include "canvasfit/value_types.hpp"

namespace canvasfit {

namespace text_model {
namespace {

struct LexiconEntry {
    const char* stem;
    std::uint32_t mask;  // bits over kLexiconNames
};

struct SyntaxEntry {
    const char* word;
    const char* tag;
};

struct FeatureWeights {
    const char* name;
    std::int32_t weights[7];  // indexed as Section
};

#include "text_classifier_model.inc"

}  // namespace
}  // namespace text_model

namespace {

using text_model::Scores;
constexpr std::size_t kSections = 7;

// ---------------------------------------------------------------------------
// Tables

std::uint32_t lexicon_mask(std::string_view stem) {
    using text_model::kLexicon;
    const auto* end = std::end(kLexicon);
    const auto* found = std::lower_bound(
        std::begin(kLexicon), end, stem,
        [](const text_model::LexiconEntry& entry, std::string_view key) { return entry.stem < key; });
    return found != end && std::string_view(found->stem) == stem ? found->mask : 0;
}

const char* syntax_word_tag(std::string_view word) {
    using text_model::kSyntaxWords;
    const auto* end = std::end(kSyntaxWords);
    const auto* found = std::lower_bound(
        std::begin(kSyntaxWords), end, word,
        [](const text_model::SyntaxEntry& entry, std::string_view key) { return entry.word < key; });
    return found != end && std::string_view(found->word) == word ? found->tag : nullptr;
}

template <std::size_t N>
const text_model::FeatureWeights* find_weights(const text_model::FeatureWeights (&table)[N],
                                               std::string_view name) {
    const auto* end = table + N;
    const auto* found = std::lower_bound(
        table, end, name,
        [](const text_model::FeatureWeights& entry, std::string_view key) { return entry.name < key; });
    return found != end && std::string_view(found->name) == name ? found : nullptr;
}

int lexicon_bit(std::string_view name) {
    for (std::size_t bit = 0; bit < std::size(text_model::kLexiconNames); ++bit)
        if (name == text_model::kLexiconNames[bit]) return static_cast<int>(bit);
    return -1;
}

std::uint32_t lexicon_flag(std::string_view name) {
    const int bit = lexicon_bit(name);
    return bit < 0 ? 0 : (1u << bit);
}

// ---------------------------------------------------------------------------
// Features

bool ends_with(std::string_view word, std::string_view suffix) {
    return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

std::string upper_ascii(std::string_view text) {
    std::string upper(text);
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return upper;
}

// A coarse grammatical tag: function words by role, the verb lexicon as VB,
// participles (ED), gerunds (ING), else a plural (S) or other (W) word with
// the first tagging lexicon it belongs to ("SNEG": "delays").
std::string syntax_tag(const Token& token) {
    if (token.is_number) return "NUM";
    const std::string& word = token.text;
    if (const char* tag = syntax_word_tag(word)) return tag;
    const std::uint32_t mask = lexicon_mask(token.stem);
    static const std::uint32_t participle = lexicon_flag("part");
    if ((mask & participle) || (word.size() > 4 && ends_with(word, "ed"))) return "ED";
    if (word.size() > 4 && ends_with(word, "ing")) return "ING";
    std::string meaning;
    for (const char* name : text_model::kTaggingLexicons)
        if (mask & lexicon_flag(name)) {
            meaning = upper_ascii(name);
            break;
        }
    const bool plural = word.size() > 3 && ends_with(word, "s") && !ends_with(word, "ss") &&
                        !ends_with(word, "us");
    return (plural ? "S" : "W") + meaning;
}

const char* length_bucket(std::size_t tokens) {
    if (tokens <= 2) return "1";
    if (tokens <= 4) return "2";
    if (tokens <= 6) return "3";
    if (tokens <= 9) return "4";
    return "5";
}

void add_classes(std::vector<std::string>& names, const char* prefix, std::string_view stem) {
    const std::uint32_t mask = lexicon_mask(stem);
    for (std::size_t bit = 0; bit < std::size(text_model::kLexiconNames); ++bit)
        if (mask & (1u << bit)) names.push_back(prefix + std::string(text_model::kLexiconNames[bit]));
}

// The feature names of one note, sorted and unique; mirrors text_features()
// in the training script.
std::vector<std::string> text_features(const std::vector<Token>& tokens) {
    std::vector<std::string> keys;
    keys.reserve(tokens.size());
    for (const Token& token : tokens) keys.push_back(token.is_number ? "#" : token.stem);
    std::vector<std::string> names{"bias"};
    for (const std::string& key : keys) {
        names.push_back("w:" + key);
        add_classes(names, "c:", key);
    }
    for (std::size_t i = 1; i < keys.size(); ++i) names.push_back("b:" + keys[i - 1] + "_" + keys[i]);
    if (!keys.empty()) {
        names.push_back("f:" + keys.front());
        names.push_back("l:" + keys.back());
        add_classes(names, "fc:", keys.front());
        add_classes(names, "lc:", keys.back());
    }
    if (keys.size() > 1) add_classes(names, "sc:", keys[1]);
    names.push_back(std::string("n:") + length_bucket(keys.size()));
    static const std::uint32_t negative = lexicon_flag("neg");
    const auto negatives = std::count_if(keys.begin(), keys.end(), [](const std::string& key) {
        return (lexicon_mask(key) & negative) != 0;
    });
    if (negatives >= 2) names.push_back("c2:neg");
    const auto numbers = std::count_if(tokens.begin(), tokens.end(),
                                       [](const Token& token) { return token.is_number; });
    if (numbers >= 1) names.push_back("num:1");
    if (numbers >= 2) names.push_back("num:2");
    std::vector<std::string> tags;
    tags.reserve(tokens.size());
    for (const Token& token : tokens) tags.push_back(syntax_tag(token));
    if (!tags.empty()) {
        names.push_back("g0:" + tags.front());
        names.push_back("gl:" + tags.back());
    }
    if (tags.size() > 1) names.push_back("g01:" + tags[0] + "_" + tags[1]);
    if (tags.size() > 2) names.push_back("g012:" + tags[0] + "_" + tags[1] + "_" + tags[2]);
    for (std::size_t i = 1; i < tags.size(); ++i) names.push_back("g:" + tags[i - 1] + "_" + tags[i]);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

// ---------------------------------------------------------------------------
// Scoring

std::string context_feature(std::size_t section) {
    return std::string("ctx:") + section_name(static_cast<Section>(section));
}

template <std::size_t N>
Scores score(const text_model::FeatureWeights (&table)[N], const std::vector<std::string>& names,
             const BoardContext* context) {
    Scores scores{};
    for (const std::string& name : names)
        if (const auto* entry = find_weights(table, name))
            for (std::size_t k = 0; k < kSections; ++k) scores[k] += entry->weights[k];
    if (context == nullptr) return scores;
    for (std::size_t s = 0; s < kSections; ++s) {
        const int share = context->shares[s];
        if (share <= 0) continue;
        if (const auto* entry = find_weights(table, context_feature(s)))
            for (std::size_t k = 0; k < kSections; ++k)
                scores[k] += static_cast<std::int64_t>(entry->weights[k]) * share / text_model::kContextOne;
    }
    return scores;
}

// ---------------------------------------------------------------------------
// Reasons: the one cue that pulls hardest from `versus` towards `best`.

const char* lexicon_phrase(std::string_view lexicon) {
    if (lexicon == "neg") return "negative experience";
    if (lexicon == "pos") return "desired outcome";
    if (lexicon == "verb") return "activity";
    if (lexicon == "person") return "people";
    if (lexicon == "remedy") return "remedy";
    if (lexicon == "create") return "added value";
    if (lexicon == "offer") return "offering";
    return nullptr;
}

const char* section_plural(Section section) {
    switch (section) {
        case Section::segment: return "segments";
        case Section::jobs: return "jobs";
        case Section::pains: return "pains";
        case Section::gains: return "gains";
        case Section::products: return "products";
        case Section::relievers: return "pain relievers";
        case Section::creators: return "gain creators";
        case Section::unknown: break;
    }
    return "notes";
}

const Token* first_token_in(const std::vector<Token>& tokens, std::uint32_t flag) {
    for (const Token& token : tokens)
        if (!token.is_number && (lexicon_mask(token.stem) & flag)) return &token;
    return nullptr;
}

const Token* first_token_with_stem(const std::vector<Token>& tokens, std::string_view stem) {
    for (const Token& token : tokens)
        if (!token.is_number && token.stem == stem) return &token;
    return nullptr;
}

// How a feature reads to a person, "" when it does not explain anything on its own.
std::string describe(std::string_view name, const std::vector<Token>& tokens) {
    const std::size_t colon = name.find(':');
    if (colon == std::string_view::npos) return "";
    const std::string_view kind = name.substr(0, colon), value = name.substr(colon + 1);
    if (kind == "c" || kind == "fc" || kind == "sc" || kind == "lc") {
        const char* phrase = lexicon_phrase(value);
        const Token* token = phrase ? first_token_in(tokens, lexicon_flag(value)) : nullptr;
        return token ? std::string(phrase) + ": '" + token->text + "'" : "";
    }
    if (kind == "w" || kind == "f" || kind == "l") {
        const Token* token = first_token_with_stem(tokens, value);
        return token ? "the word '" + token->text + "'" : "";
    }
    if (kind == "g0" && value == "VB" && !tokens.empty()) return "starts with a verb: '" + tokens[0].text + "'";
    if (kind == "ctx") {
        const auto section = section_from_name(value);
        return section ? std::string("shares terms with the board's ") + section_plural(*section) : "";
    }
    return "";
}

template <std::size_t N>
std::string reason_for(const text_model::FeatureWeights (&table)[N],
                       const std::vector<std::string>& names, const std::vector<Token>& tokens,
                       const BoardContext* context, Section best, Section versus) {
    const auto b = static_cast<std::size_t>(best), v = static_cast<std::size_t>(versus);
    std::int64_t strongest = 0;
    std::string reason;
    const auto consider = [&](std::string_view name, std::int64_t pull) {
        if (pull <= strongest) return;
        std::string described = describe(name, tokens);
        if (described.empty()) return;
        strongest = pull;
        reason = std::move(described);
    };
    for (const std::string& name : names)
        if (const auto* entry = find_weights(table, name))
            consider(name, static_cast<std::int64_t>(entry->weights[b]) - entry->weights[v]);
    if (context)
        for (std::size_t s = 0; s < kSections; ++s)
            if (context->shares[s] > 0)
                if (const auto* entry = find_weights(table, context_feature(s)))
                    consider(context_feature(s),
                             (static_cast<std::int64_t>(entry->weights[b]) - entry->weights[v]) *
                                 context->shares[s] / text_model::kContextOne);
    return reason;
}

Section runner_up(const Scores& scores, Section best) {
    std::size_t second = kSections;
    for (std::size_t k = 0; k < kSections; ++k)
        if (k != static_cast<std::size_t>(best) && (second == kSections || scores[k] > scores[second]))
            second = k;
    return static_cast<Section>(second);
}

// One note's text, analysed once for both models.
struct NoteText {
    std::vector<Token> tokens;
    std::vector<std::string> features;
};

NoteText read_note(std::string_view text) {
    NoteText note;
    note.tokens = tokenize(text);
    note.features = text_features(note.tokens);
    return note;
}

struct Decision {
    Scores scores{};
    Section best = Section::unknown;
    int percent = 0;
};

Decision decide(const NoteText& note, const BoardContext* context) {
    Decision decision;
    decision.scores = context ? score(text_model::kBoardWeights, note.features, context)
                              : score(text_model::kTextWeights, note.features, nullptr);
    decision.percent = text_model::confidence_percent(decision.scores, decision.best);
    return decision;
}

std::string explain(const NoteText& note, const BoardContext* context, const Decision& decision,
                    Section versus) {
    return context ? reason_for(text_model::kBoardWeights, note.features, note.tokens, context,
                                decision.best, versus)
                   : reason_for(text_model::kTextWeights, note.features, note.tokens, nullptr,
                                decision.best, versus);
}

TextClassification classification_of(const NoteText& note, const BoardContext* context) {
    const Decision decision = decide(note, context);
    TextClassification result;
    result.best = decision.best;
    result.confidence = decision.percent / 100.0;
    if (decision.percent >= text_model::kMinConfidencePercent) result.section = decision.best;
    result.reason = explain(note, context, decision, runner_up(decision.scores, decision.best));
    return result;
}

// ---------------------------------------------------------------------------
// The board step

// Competitor sheets hold alternatives, not canvas notes: a note on one is
// placed by that layout cue and is left to competitors.cpp.
class CompetitorSheets {
public:
    explicit CompetitorSheets(const Board& board) {
        for (const Container& container : board.containers)
            if (is_competitor_title(container.title)) {
                ids_.push_back(container.id);
                areas_.push_back(container.bounds);
            }
        for (const Note& note : board.notes)
            if (note.kind == NoteKind::shape && is_competitor_title(note.text)) areas_.push_back(note.bounds);
        std::sort(ids_.begin(), ids_.end());
    }

    bool holds(const Note& note) const {
        if (is_competitor_title(note.text)) return true;
        if (!note.parent.empty() && std::binary_search(ids_.begin(), ids_.end(), note.parent)) return true;
        return std::any_of(areas_.begin(), areas_.end(), [&](const Rect& area) {
            return area.area() > note.bounds.area() && area.contains_center_of(note.bounds);
        });
    }

private:
    std::vector<std::string> ids_;
    std::vector<Rect> areas_;
};

// Pairs of sections that the cross-validated confusion matrix shows the
// model mixing up routinely (docs/text-classification.md): a confident
// reading of one as the other is still wrong too often to warn about.
bool routinely_confused(Section a, Section b) {
    const auto pair = [&](Section x, Section y) { return (a == x && b == y) || (a == y && b == x); };
    return pair(Section::relievers, Section::creators) || pair(Section::jobs, Section::gains);
}

bool placed_by_layout(const NotePlacement& placement) {
    return placement.section != Section::unknown &&
           (placement.via == Placement::frame || placement.via == Placement::region);
}

Rect canvas_bounds(const CanvasLayout& canvas) {
    if (canvas.sections.empty()) return {};
    double left = canvas.sections.front().bounds.x, top = canvas.sections.front().bounds.y;
    double right = canvas.sections.front().bounds.right(), bottom = canvas.sections.front().bounds.bottom();
    for (const SectionArea& area : canvas.sections) {
        left = std::min(left, area.bounds.x);
        top = std::min(top, area.bounds.y);
        right = std::max(right, area.bounds.right());
        bottom = std::max(bottom, area.bounds.bottom());
    }
    return {left, top, right - left, bottom - top};
}

double distance_squared(const Rect& rect, double x, double y) {
    const double dx = std::max({rect.x - x, 0.0, x - rect.right()});
    const double dy = std::max({rect.y - y, 0.0, y - rect.bottom()});
    return dx * dx + dy * dy;
}

// The canvas a note placed by text joins: the one around it, else the only
// one, else the nearest (the first of equally near ones).
int canvas_for(const Note& note, int around, const std::vector<Rect>& canvases) {
    if (around >= 0 || canvases.empty()) return around;
    std::size_t best = 0;
    for (std::size_t c = 1; c < canvases.size(); ++c)
        if (distance_squared(canvases[c], note.bounds.center_x(), note.bounds.center_y()) <
            distance_squared(canvases[best], note.bounds.center_x(), note.bounds.center_y()))
            best = c;
    return static_cast<int>(best);
}

std::vector<std::string> distinct_terms(std::string_view text) {
    std::vector<std::string> terms = content_terms(text);
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API

double text_min_confidence() { return text_model::kMinConfidencePercent / 100.0; }
double text_misplaced_confidence() { return text_model::kMisplacedConfidencePercent / 100.0; }

TextClassification classify_note(std::string_view text) { return classification_of(read_note(text), nullptr); }

TextClassification classify_note(std::string_view text, const BoardContext& context) {
    return classification_of(read_note(text), &context);
}

std::vector<BoardContext> board_contexts(const std::vector<std::vector<std::string>>& terms,
                                         const std::vector<Section>& sections) {
    struct TermCount {
        int notes = 0;
        std::array<int, kSections> by_section{};
    };
    // Only looked up, never iterated: its order cannot reach the result.
    std::unordered_map<std::string_view, TermCount> counts;
    std::vector<std::vector<std::string>> distinct(terms.size());
    for (std::size_t n = 0; n < terms.size(); ++n) {
        distinct[n] = terms[n];
        std::sort(distinct[n].begin(), distinct[n].end());
        distinct[n].erase(std::unique(distinct[n].begin(), distinct[n].end()), distinct[n].end());
        if (sections[n] == Section::unknown) continue;
        for (const std::string& term : distinct[n]) {
            TermCount& count = counts[term];
            ++count.notes;
            ++count.by_section[static_cast<std::size_t>(sections[n])];
        }
    }
    std::vector<BoardContext> contexts(terms.size());
    for (std::size_t n = 0; n < terms.size(); ++n) {
        const bool labelled = sections[n] != Section::unknown;
        std::array<std::int64_t, kSections> sum{};
        for (const std::string& term : distinct[n]) {
            const auto found = counts.find(term);
            if (found == counts.end()) continue;
            const int others = found->second.notes - (labelled ? 1 : 0);
            if (others <= 0) continue;
            for (std::size_t k = 0; k < kSections; ++k) {
                const int same = found->second.by_section[k] -
                                 (labelled && static_cast<std::size_t>(sections[n]) == k ? 1 : 0);
                sum[k] += static_cast<std::int64_t>(same) * text_model::kContextOne / others;
            }
        }
        for (std::size_t k = 0; k < kSections; ++k)
            contexts[n].shares[k] = static_cast<int>(std::min<std::int64_t>(sum[k], text_model::kContextCap));
    }
    return contexts;
}

void place_by_text(const Board& board, Layout& layout) {
    const std::size_t count = board.notes.size();
    const CompetitorSheets sheets(board);
    std::vector<NoteText> notes(count);
    std::vector<bool> free(count, false);
    std::vector<Section> known(count, Section::unknown);
    std::vector<std::vector<std::string>> terms(count);
    // Pass 1: what each note says alone; notes placed by layout tell the board their own section.
    for (std::size_t n = 0; n < count; ++n) {
        const Note& note = board.notes[n];
        const NotePlacement& placement = layout.notes[n];
        terms[n] = distinct_terms(note.text);
        if (placed_by_layout(placement)) {
            known[n] = placement.section;
        } else if (placement.section != Section::unknown || sheets.holds(note)) {
            continue;
        } else {
            free[n] = true;
        }
        notes[n] = read_note(note.text);
        // The board model was trained on contexts labelled this way: every
        // free note by its best guess, however unsure.
        if (free[n] && !notes[n].tokens.empty()) known[n] = decide(notes[n], nullptr).best;
    }
    // Pass 2: what it says on this board.
    const std::vector<BoardContext> contexts = board_contexts(terms, known);
    std::vector<Rect> canvases;
    for (const CanvasLayout& canvas : layout.canvases) canvases.push_back(canvas_bounds(canvas));
    bool placed_any = false;
    for (std::size_t n = 0; n < count; ++n) {
        if (notes[n].tokens.empty()) continue;
        NotePlacement& placement = layout.notes[n];
        const Decision decision = decide(notes[n], &contexts[n]);
        if (free[n] && decision.percent >= text_model::kMinConfidencePercent) {
            placement.section = decision.best;
            placement.via = Placement::text;
            placement.confidence = decision.percent / 100.0;
            placement.canvas = canvas_for(board.notes[n], placement.canvas, canvases);
            placed_any = true;
        } else if (!free[n] && decision.best != placement.section &&
                   decision.percent >= text_model::kMisplacedConfidencePercent &&
                   !routinely_confused(decision.best, placement.section)) {
            placement.text_suggestion = decision.best;
            placement.text_confidence = decision.percent / 100.0;
            placement.text_reason = explain(notes[n], &contexts[n], decision, placement.section);
        }
    }
    // A board without a canvas template: its sorted notes still form one canvas.
    if (layout.canvases.empty() && placed_any) {
        CanvasLayout canvas;
        canvas.id = "canvas-1";
        layout.canvases.push_back(std::move(canvas));
        for (NotePlacement& placement : layout.notes) placement.canvas = 0;
    }
}

namespace text_model {

Scores text_scores(std::string_view text) { return score(kTextWeights, read_note(text).features, nullptr); }

Scores board_scores(std::string_view text, const BoardContext& context) {
    return score(kBoardWeights, read_note(text).features, &context);
}

int confidence_percent(const Scores& scores, Section& best) {
    std::size_t top = 0;
    for (std::size_t k = 1; k < kSections; ++k)
        if (scores[k] > scores[top]) top = k;
    best = static_cast<Section>(top);
    // exp(-d / kScale) for every section, 1 << 30 for the top one.
    std::int64_t total = 0;
    for (std::size_t k = 0; k < kSections; ++k) {
        const std::int64_t d = scores[top] - scores[k];
        const std::int64_t whole = d / kScale;
        if (whole < static_cast<std::int64_t>(std::size(kExpWhole)))
            total += (kExpWhole[whole] * kExpFraction[d % kScale]) >> 30;
    }
    return static_cast<int>((100 * (std::int64_t{1} << 30) + total / 2) / total);
}

std::uint64_t training_fingerprint() { return kTrainingFingerprint; }
int training_notes() { return kTrainingNotes; }

}  // namespace text_model

}  // namespace canvasfit

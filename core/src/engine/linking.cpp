// Links relievers to pains, creators to gains and products to jobs, within one
// canvas (docs/linking.md).
//
// A connector drawn between two such notes is a link of strength 1. Every
// other link is a text link: a weighted lexical similarity computed from the
// canvas's own notes. Each value-map note is a query against an inverted index
// of the section it may address; BM25 scores the terms both notes share, and
// the curated lexicon (link_lexicon.hpp) adds related evidence for notes that
// say opposite things ("slow" / "fast"). A score becomes a strength in [0, 1]
// measured in units of the canvas's rarest word, and only clear winners become
// links: a wrong link costs a facilitator's trust, a missed one only a warning
// they can check.
#include <algorithm>
#include <cctype>
#include <array>
#include <iterator>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "canvasfit/options.hpp"
#include "engine/engine.hpp"
#include "text/text.hpp"
#include "engine/link_confidence.hpp"
#include "engine/link_lexicon.hpp"
#include "text/word_forms.hpp"
#include "common/sort_stably.hpp"
#include "common/find_chars.hpp"

namespace canvasfit {

namespace {

using link_lexicon::Side;

// The canvas's own rule: what each value-map section may address.
struct LinkRule {
    Section from;
    Section to;
};
constexpr LinkRule kRules[] = {{Section::relievers, Section::pains},
                               {Section::creators, Section::gains},
                               {Section::products, Section::jobs}};

// What a facilitator may join by hand: any value-map note to any profile note.
// The wording is read only along the canvas's rule (kRules), but a connector or
// a confirmed pair is the team's own statement: a gain creator drawn to a pain
// addresses it (published canvases pair across like this, docs/linking.md),
// and calling that pain unaddressed beside the team's arrow would be wrong.
constexpr Section kValueMap[] = {Section::products, Section::relievers, Section::creators};
constexpr Section kProfile[] = {Section::jobs, Section::pains, Section::gains};

// ---------------------------------------------------------------------------
// Parameters, tuned on the first half of tests/corpus/boards (docs/linking.md).

// BM25's usual constants: term-frequency saturation and length normalisation.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// A related pair ("cost: expensive ~ flat") counts this much of a shared term
// when the value-map note's word is on the remedy side of its family...
constexpr double kRelatedWeight = 0.7;
// ...and half that when the value-map note names the problem itself ("crash
// reports" against "broken builds"): a reliever that repeats a problem word
// is naming the topic, not answering it.
constexpr double kProblemSideFactor = 0.5;
// A candidate below this strength is not even a suggestion: one shared word
// on a third of the canvas's notes.
constexpr double kCandidateFloor = 0.2;
// Calibrated confidence (percent) from which a weaker candidate is still shown
// as a question (source "suggested"); from link_confidence::counted_percent()
// it is a finding (source "text"). "Is 'pain' addressed by 'reliever'?" names
// a pair only when it is more likely real than not: below, the row's question
// is "what addresses it?" and lists the candidates (docs/judgment.md,
// "Suggestions").
constexpr int kSuggestPercent = 50;
// At most this many suggestions reach one target: the facilitator answers a
// question about the likeliest few, not a list.
constexpr std::size_t kSuggestionsPerTarget = 2;
// A posting list longer than this does not nominate candidates (its term is
// everywhere in the section and says little); it still counts in the score of
// candidates other terms nominated. Ordinary canvases never reach it; it is
// what keeps a 10,000-note canvas from turning into all pairs.
constexpr std::size_t kMaxPostings = 64;

// ---------------------------------------------------------------------------
// Canvas vocabulary: every key of the canvas (content terms and lexicon
// phrases) gets a small id, and document frequencies are counted over the
// canvas's own notes, so an edit re-weights only the canvas it touches
// (docs/linking.md, "Why per canvas").

using KeyId = std::uint32_t;

// Units of time: two notes that both say "week" or "minute" rarely speak of
// the same thing ("used that week" / "exam weeks", "learns in 10 minutes" /
// "ready the minute they walk in"), so a shared one is no evidence. The
// numbers beside them still are ("10 minutes" / "10 min").
bool is_time_unit(const std::string& key) {
    static const std::vector<std::string> stems = [] {
        std::vector<std::string> list;
        for (const Token& token : tokenize("second seconds minute minutes hour hours day days daily "
                                           "week weeks weekly month months monthly year years yearly "
                                           "night nights time times today tomorrow morning evening"))
            list.push_back(token.stem);
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        return list;
    }();
    return std::binary_search(stems.begin(), stems.end(), key);
}

class CanvasVocabulary {
public:
    // Irregular and British forms share their base form's id ("paid", "pay").
    KeyId intern(const std::string& raw_key) {
        const std::string& key = word_forms::canonical(raw_key);
        if (const auto found = ids_.find(key); found != ids_.end()) return found->second;
        const auto id = static_cast<KeyId>(keys_.size());
        ids_.emplace(key, id);
        keys_.push_back(key);
        families_.push_back(link_lexicon::family_of(key));
        time_units_.push_back(is_time_unit(key));
        frequency_.push_back(0);
        topic_frequency_.push_back(0);
        return id;
    }
    // Counts one note holding each of `keys` (distinct). `restates_offer`: a
    // product, whose words restate a reliever's or creator's.
    void count_note(const std::vector<KeyId>& keys, bool restates_offer) {
        ++note_count_;
        for (KeyId key : keys) ++frequency_[key];
        if (!restates_offer)
            for (KeyId key : keys) ++topic_frequency_[key];
    }
    // BM25's idf with Lucene's +1 inside the log: never negative, so a term
    // on most notes still counts a little instead of penalising a match.
    void compute_weights() {
        idf_.clear();
        for (const int df : frequency_)
            idf_.push_back(std::log(1 + (note_count_ - df + 0.5) / (df + 0.5)));
        rare_term_weight_ = std::log(1 + (note_count_ - 1 + 0.5) / 1.5);
    }
    double idf(KeyId key) const { return idf_[key]; }
    // How many notes of the canvas hold the key, products left out.
    int notes_holding(KeyId key) const { return topic_frequency_[key]; }
    // The idf of a key found on one note only: the unit strengths are measured in.
    double rare_term_weight() const { return rare_term_weight_; }
    const std::string& key(KeyId key) const { return keys_[key]; }
    bool is_time_unit_key(KeyId key) const { return time_units_[key]; }
    const std::optional<link_lexicon::Membership>& family(KeyId key) const {
        return families_[key];
    }
    std::size_t size() const { return keys_.size(); }

private:
    std::unordered_map<std::string, KeyId> ids_;
    std::vector<std::string> keys_;
    std::vector<std::optional<link_lexicon::Membership>> families_;
    std::vector<bool> time_units_;
    std::vector<int> frequency_;
    std::vector<int> topic_frequency_;  // notes holding the key, products left out
    std::vector<double> idf_;
    double note_count_ = 0;
    double rare_term_weight_ = 1;
};

// ---------------------------------------------------------------------------
// Note profiles: what the scorer needs of one note, computed once per canvas.

struct TermCount {
    KeyId term = 0;
    int count = 0;
};

struct FamilyKey {
    std::size_t family = 0;
    KeyId key = 0;
    Side side = Side::problem;  // as this note uses the key
};

// The first word of the note that gave a key, as written (folded), and where:
// link evidence shows these rather than stems.
struct Surface {
    KeyId key = 0;
    std::string word;
    std::size_t position = 0;  // token index
};

struct NoteProfile {
    std::vector<TermCount> terms;        // distinct content terms, by id
    std::vector<KeyId> phrases;          // distinct lexicon phrases, by id
    std::vector<FamilyKey> family_keys;  // by family, then key
    std::vector<Surface> surfaces;       // by key
    std::vector<KeyId> negated;          // terms used only under "no", "without"...: sorted
    std::string own_id;                  // "p:2" for a note that opens with "P2:" or "PAIN-2", else ""
    std::vector<std::string> refs;       // ids it names after its own ("-> P2", "#3"): "p:2", ":3"
    std::vector<std::string> tags;       // host tags, folded, sorted
    int length = 0;                      // content terms, repeats counted
};

// --- Explicit references: ids such as P2, PAIN-02, PR1 or #3 in a note's text.

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Each id in the text as "letters:number" (letters folded, number without
// leading zeros; "" letters for "#3"), with where it starts.
std::vector<std::pair<std::size_t, std::string>> ids_in(const std::string& text) {
    std::vector<std::pair<std::size_t, std::string>> ids;
    // Every id has a digit; most notes have none, and this runs on every note.
    if (find_any_of(text, "0123456789") == std::string::npos) return ids;
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && is_ascii_alnum(text[i - 1])) continue;
        std::size_t j = i;
        std::string letters;
        while (j < n && letters.size() <= 6 && std::isalpha(static_cast<unsigned char>(text[j])))
            letters += static_cast<char>(std::tolower(static_cast<unsigned char>(text[j++])));
        if (letters.size() > 6) continue;
        if (letters.empty() && !(i > 0 && text[i - 1] == '#')) continue;
        if (j < n && (text[j] == '-' || text[j] == '_') && !letters.empty()) ++j;
        const std::size_t digits = j;
        while (j < n && j - digits < 4 && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
        if (j == digits || j - digits > 3 || (j < n && is_ascii_alnum(text[j]))) continue;
        int number = 0;
        for (std::size_t d = digits; d < j; ++d) number = number * 10 + (text[d] - '0');
        ids.emplace_back(i, letters + ":" + std::to_string(number));
        i = j - 1;
    }
    return ids;
}

// A note "has" an id when it opens with one (bullets, brackets and spaces
// before it aside); the ids after it are references to other notes.
void read_ids(const std::string& text, NoteProfile& profile) {
    const auto ids = ids_in(text);
    std::size_t first = 0;
    if (!ids.empty()) {
        bool leading = true;
        for (std::size_t i = 0; i < ids.front().first; ++i)
            if (is_ascii_alnum(text[i])) leading = false;
        if (leading && ids.front().second.front() != ':') {
            profile.own_id = ids.front().second;
            first = 1;
        }
    }
    for (std::size_t i = first; i < ids.size(); ++i) profile.refs.push_back(ids[i].second);
}

// --- Negation: "More lunch orders without hiring" does not agree with "a new
// hire learns in 10 minutes". Words up to three after a negator, within one
// clause, are negated.

// A string_view: it compares sizes first, and this runs on every token.
bool negates_in_english(std::string_view folded) {
    return folded == "no" || folded == "not" || folded == "never" || folded == "without" ||
           folded == "instead" || folded == "nor" || folded == "neither" || folded == "non";
}

// The same in the other languages section titles are read in ("ohne
// Wartezeit", "sans attente", "sin comisión", "zonder sleutel"): on a German
// board "Mehr Aufträge ohne Personal" is no more a hire than its English twin.
bool negates_elsewhere(std::string_view folded) {
    static const std::string_view kNegators[] = {
        "ohne", "kein", "keine", "keinen", "nicht", "nie",             // German
        "sans", "jamais", "aucun", "aucune",                           // French
        "sin", "nunca", "ningun", "ninguna", "sem", "nao", "nenhum",   // Spanish, Portuguese
        "zonder", "geen", "niet", "nooit", "senza", "nessun", "nessuna"};  // Dutch, Italian
    return std::find(std::begin(kNegators), std::end(kNegators), folded) != std::end(kNegators);
}

bool negates(std::string_view folded) {
    return negates_in_english(folded) || (folded.size() >= 3 && negates_elsewhere(folded));
}

bool clause_break(const std::string& text, const Token& before, const Token& after) {
    for (std::size_t i = before.end; i < after.begin && i < text.size(); ++i)
        if (text[i] == ',' || text[i] == ';' || text[i] == '.' || text[i] == ':' || text[i] == '(')
            return true;
    return false;
}

std::vector<bool> negated_tokens(const std::string& text, const std::vector<Token>& tokens) {
    std::vector<bool> negated(tokens.size(), false);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!negates(tokens[i].text)) continue;
        for (std::size_t j = i + 1; j < tokens.size() && j <= i + 3; ++j) {
            if (clause_break(text, tokens[j - 1], tokens[j])) break;
            negated[j] = true;
        }
    }
    return negated;
}

std::vector<TermCount> count_terms(std::vector<KeyId> ids) {
    std::sort(ids.begin(), ids.end());
    std::vector<TermCount> counts;
    for (KeyId id : ids) {
        if (counts.empty() || counts.back().term != id) counts.push_back({id, 0});
        ++counts.back().count;
    }
    return counts;
}

// The key a token gives, as content_terms() does; "" for a stop word.
const std::string& key_of_token(const Token& token) {
    static const std::string none;
    if (token.is_number) return token.text;
    return is_stop_word(token.text) ? none : token.stem;
}

// "nothing goes off", "cuts paperwork", "stress-free": see link_lexicon.hpp.
bool turned_around(std::size_t begin, std::size_t end, const std::vector<Token>& tokens) {
    for (std::size_t back = 1; back <= 2 && back <= begin; ++back)
        if (link_lexicon::negates_next(tokens[begin - back].text)) return true;
    return end < tokens.size() && link_lexicon::negates_previous(tokens[end].text);
}

// Sorts by key and keeps each key's first entry (remedy first for family keys).
void keep_first_per_key(std::vector<FamilyKey>& keys) {
    sort_stably(keys.begin(), keys.end(), [](const FamilyKey& a, const FamilyKey& b) {
        const bool a_remedy = a.side == Side::remedy;
        const bool b_remedy = b.side == Side::remedy;
        return std::tie(a.family, a.key, b_remedy) < std::tie(b.family, b.key, a_remedy);
    });
    keys.erase(std::unique(keys.begin(), keys.end(),
                           [](const FamilyKey& a, const FamilyKey& b) { return a.key == b.key; }),
               keys.end());
}

void keep_first_per_key(std::vector<Surface>& surfaces) {
    sort_stably(surfaces.begin(), surfaces.end(),
                [](const Surface& a, const Surface& b) { return a.key < b.key; });
    surfaces.erase(std::unique(surfaces.begin(), surfaces.end(),
                               [](const Surface& a, const Surface& b) { return a.key == b.key; }),
                   surfaces.end());
}

// Marks a token that gives no key (a stop word) in a note's token ids.
constexpr KeyId kNoKey = static_cast<KeyId>(-1);

// The key id of each token, kNoKey for stop words. Tokens give the note's
// terms in order, so their ids (interned first) are reused, not looked up.
std::vector<KeyId> token_keys(const std::vector<Token>& tokens, const Terms& terms,
                              const std::vector<KeyId>& term_ids, CanvasVocabulary& vocabulary) {
    std::vector<KeyId> ids(tokens.size(), kNoKey);
    std::size_t next_term = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& key = key_of_token(tokens[i]);
        if (key.empty()) continue;
        const bool is_next_term = next_term < terms.size() && terms[next_term] == key;
        ids[i] = is_next_term ? term_ids[next_term++] : vocabulary.intern(key);
    }
    return ids;
}

// Lexicon keys and surface words of a note, from its tokens. Each lexicon key
// is on the side the note puts it: "nothing goes off" and "stress-free" are
// remedies, "can't pause" is a problem; a key used both ways is a remedy. The
// "free" of "stress-free" only turns "stress" around: it says nothing of cost.
void read_tokens(const std::vector<Token>& tokens, const std::vector<KeyId>& token_ids,
                 CanvasVocabulary& vocabulary, NoteProfile& profile) {
    const auto add_family_key = [&](KeyId key, std::size_t begin, std::size_t end) {
        const auto& membership = vocabulary.family(key);
        if (!membership) return false;
        const bool turned = turned_around(begin, end, tokens);
        profile.family_keys.push_back(
            {membership->family, key, turned ? link_lexicon::opposite(membership->side)
                                             : membership->side});
        return true;
    };
    profile.surfaces.reserve(tokens.size());
    bool previous_in_lexicon = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool turning_suffix =
            previous_in_lexicon && link_lexicon::negates_previous(tokens[i].text);
        previous_in_lexicon = false;
        const KeyId id = token_ids[i];
        if (id == kNoKey) continue;
        profile.surfaces.push_back({id, tokens[i].text, i});
        if (!turning_suffix) previous_in_lexicon = add_family_key(id, i, i + 1);
    }
    for (const link_lexicon::PhraseHit& hit : link_lexicon::find_phrases(tokens)) {
        const KeyId id = vocabulary.intern(hit.key);
        profile.phrases.push_back(id);
        profile.surfaces.push_back({id, hit.key, hit.first_token});
        add_family_key(id, hit.first_token, hit.end_token);
    }
    std::sort(profile.phrases.begin(), profile.phrases.end());
    profile.phrases.erase(std::unique(profile.phrases.begin(), profile.phrases.end()),
                          profile.phrases.end());
    keep_first_per_key(profile.family_keys);
    keep_first_per_key(profile.surfaces);
}

// Terms used only under a negator, as sorted ids.
std::vector<KeyId> negated_terms(const std::string& text, const std::vector<Token>& tokens,
                                 const std::vector<KeyId>& token_ids) {
    // Most notes hold no negator: nothing is negated, and nothing need be sorted.
    if (std::none_of(tokens.begin(), tokens.end(), [](const Token& t) { return negates(t.text); }))
        return {};
    const std::vector<bool> negated = negated_tokens(text, tokens);
    std::vector<KeyId> under, plain;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (token_ids[i] != kNoKey) (negated[i] ? under : plain).push_back(token_ids[i]);
    std::sort(under.begin(), under.end());
    std::sort(plain.begin(), plain.end());
    std::vector<KeyId> only;
    std::set_difference(under.begin(), under.end(), plain.begin(), plain.end(),
                        std::back_inserter(only));
    only.erase(std::unique(only.begin(), only.end()), only.end());
    return only;
}

// Neighbours written apart that another note of the canvas writes as one
// word ("text books" / "textbooks") count as that word too.
void add_compounds(const NoteReading& reading, const word_forms::Words& canvas_words,
                   std::vector<KeyId>& term_ids, CanvasVocabulary& vocabulary) {
    for (const std::string& compound : reading.joined)
        if (!compound.empty() && canvas_words.contains(compound))
            term_ids.push_back(vocabulary.intern(compound));
}

std::vector<std::string> folded_tags(const Note& note) {
    std::vector<std::string> tags;
    for (const std::string& tag : note.tags)
        if (!tag.empty()) tags.push_back(fold_case(tag));
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    return tags;
}

// Which tokens lie in a cue annotation ("[hypothesis]", "(Severity: 8/10)",
// "(nice to have)"): a priority or an evidence status, not the note's topic.
// Empty when the note has none.
std::vector<bool> annotation_tokens(const std::string& text, const std::vector<Token>& tokens) {
    const auto spans = cue_annotations(text);
    if (spans.empty()) return {};
    std::vector<bool> inside(tokens.size(), false);
    for (std::size_t i = 0; i < tokens.size(); ++i)
        for (const auto& [begin, end] : spans)
            if (tokens[i].begin >= begin && tokens[i].begin < end) inside[i] = true;
    return inside;
}

// The note's terms (reading.terms, one per content token in order) less those
// of annotation tokens.
Terms topic_terms(const NoteReading& reading, const std::vector<bool>& in_annotation) {
    if (in_annotation.empty()) return reading.terms;
    Terms kept;
    std::size_t term = 0;
    for (std::size_t i = 0; i < reading.tokens.size() && term < reading.terms.size(); ++i) {
        const Token& token = reading.tokens[i];
        if (!token.is_number && is_stop_word(token.text)) continue;  // no term (content_terms_of)
        if (!in_annotation[i]) kept.push_back(reading.terms[term]);
        ++term;
    }
    return kept;
}

NoteProfile profile_note(const Note& note, const NoteReading& reading,
                         const word_forms::Words& canvas_words, CanvasVocabulary& vocabulary) {
    const std::vector<bool> in_annotation = annotation_tokens(note.text, reading.tokens);
    const Terms terms = topic_terms(reading, in_annotation);
    std::vector<KeyId> term_ids;
    term_ids.reserve(terms.size());
    for (const std::string& term : terms) term_ids.push_back(vocabulary.intern(term));
    NoteProfile profile;
    std::vector<KeyId> token_ids = token_keys(reading.tokens, terms, term_ids, vocabulary);
    for (std::size_t i = 0; i < in_annotation.size(); ++i)
        if (in_annotation[i]) token_ids[i] = kNoKey;
    read_tokens(reading.tokens, token_ids, vocabulary, profile);
    profile.negated = negated_terms(note.text, reading.tokens, token_ids);
    add_compounds(reading, canvas_words, term_ids, vocabulary);
    read_ids(note.text, profile);
    profile.tags = folded_tags(note);
    profile.terms = count_terms(std::move(term_ids));
    profile.length = static_cast<int>(terms.size());
    return profile;
}

std::vector<KeyId> distinct_keys(const NoteProfile& profile) {
    std::vector<KeyId> keys = profile.phrases;
    for (const TermCount& term : profile.terms) keys.push_back(term.term);
    return keys;  // terms and phrases never share an id: a phrase holds a space
}

bool has_key(const NoteProfile& profile, KeyId key) {
    const auto term = std::lower_bound(profile.terms.begin(), profile.terms.end(), key,
                                       [](const TermCount& a, KeyId b) { return a.term < b; });
    if (term != profile.terms.end() && term->term == key) return true;
    return std::binary_search(profile.phrases.begin(), profile.phrases.end(), key);
}

// Profiles of a canvas's notes, parallel to CanvasNotes::sections.
struct CanvasProfiles {
    std::array<std::vector<NoteProfile>, std::size(kAllSections)> sections;
    CanvasVocabulary vocabulary;

    const std::vector<NoteProfile>& of(Section section) const {
        return sections[static_cast<std::size_t>(section)];
    }
};

// Every single word of the canvas, in canonical form: what a compound written
// apart may stand for.
word_forms::Words canvas_words(const CanvasNotes& notes, const std::vector<NoteReading>& readings) {
    std::vector<const Terms*> note_terms;
    for (const std::vector<NoteIndex>& section : notes.sections)
        for (NoteIndex note : section) note_terms.push_back(&readings[note].terms);
    return word_forms::Words(note_terms);
}

CanvasProfiles profile_canvas(const Board& board, const CanvasNotes& notes,
                              const std::vector<NoteReading>& readings) {
    CanvasProfiles profiles;
    const word_forms::Words words = canvas_words(notes, readings);
    for (std::size_t section = 0; section < profiles.sections.size(); ++section)
        for (NoteIndex note : notes.sections[section]) {
            NoteProfile profile =
                profile_note(board.notes[note], readings[note], words, profiles.vocabulary);
            const bool product = kAllSections[section] == Section::products;
            profiles.vocabulary.count_note(distinct_keys(profile), product);
            profiles.sections[section].push_back(std::move(profile));
        }
    profiles.vocabulary.compute_weights();
    return profiles;
}

// ---------------------------------------------------------------------------
// The inverted index over one target section (pains, gains or jobs): posting
// lists of target slots, stored flat (one offsets array, one slots array).

class PostingLists {
public:
    // `entries` pairs a list number with a slot; slots ascend within a list.
    PostingLists(std::size_t list_count, std::vector<std::pair<std::size_t, std::size_t>> entries)
        : offsets_(list_count + 1, 0) {
        sort_stably(entries.begin(), entries.end(),
                    [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& entry : entries) ++offsets_[entry.first + 1];
        for (std::size_t list = 0; list < list_count; ++list) offsets_[list + 1] += offsets_[list];
        slots_.reserve(entries.size());
        for (const auto& entry : entries) slots_.push_back(entry.second);
    }
    std::pair<const std::size_t*, const std::size_t*> list(std::size_t number) const {
        if (number + 1 >= offsets_.size()) return {nullptr, nullptr};
        return {slots_.data() + offsets_[number], slots_.data() + offsets_[number + 1]};
    }

private:
    std::vector<std::size_t> offsets_;
    std::vector<std::size_t> slots_;
};

struct TargetIndex {
    PostingLists by_term;
    PostingLists by_family;
    double average_length = 1;
};

TargetIndex index_targets(const std::vector<NoteProfile>& targets,
                          const CanvasVocabulary& vocabulary) {
    std::vector<std::pair<std::size_t, std::size_t>> terms, families;
    double total_length = 0;
    for (std::size_t slot = 0; slot < targets.size(); ++slot) {
        const NoteProfile& target = targets[slot];
        total_length += target.length;
        for (const TermCount& term : target.terms) terms.emplace_back(term.term, slot);
        for (std::size_t i = 0; i < target.family_keys.size(); ++i) {
            const std::size_t family = target.family_keys[i].family;
            if (i == 0 || target.family_keys[i - 1].family != family)
                families.emplace_back(family, slot);
        }
    }
    const double average = targets.empty() || total_length == 0 ? 1 : total_length / targets.size();
    return {PostingLists(vocabulary.size(), std::move(terms)),
            PostingLists(link_lexicon::families().size(), std::move(families)), average};
}

// Target slots that share a term or a lexicon family with the query.
std::vector<std::size_t> candidates_for(const NoteProfile& query, const TargetIndex& index,
                                        LinkStats& stats) {
    std::vector<std::size_t> candidates;
    const auto take = [&](std::pair<const std::size_t*, const std::size_t*> postings) {
        const auto size = static_cast<std::size_t>(postings.second - postings.first);
        if (size > kMaxPostings) return;
        stats.postings_read += size;
        candidates.insert(candidates.end(), postings.first, postings.second);
    };
    for (const TermCount& term : query.terms) take(index.by_term.list(term.term));
    for (std::size_t i = 0; i < query.family_keys.size(); ++i) {
        const std::size_t family = query.family_keys[i].family;
        if (i == 0 || query.family_keys[i - 1].family != family) take(index.by_family.list(family));
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    return candidates;
}

// ---------------------------------------------------------------------------
// Scoring one query against one target.

struct Related {
    std::size_t family = 0;
    KeyId target_key = 0;
    KeyId query_key = 0;
    double weight = 0;
};

// The words behind a score, kept only for the pairs that become links.
struct Evidence {
    std::vector<KeyId> shared;  // content terms both notes hold
    std::vector<Related> related;
};

bool negated_in(const NoteProfile& profile, KeyId key) {
    return std::binary_search(profile.negated.begin(), profile.negated.end(), key);
}

struct Scorer {
    const CanvasVocabulary& vocabulary;
    double average_length;
    // For creators and gains (and products and jobs) a word negated on one
    // side only is disagreement: "without hiring" is not "a new hire". For
    // relievers it is the remedy ("no more lost orders" / "orders get lost"),
    // which the lexicon's sides already weigh.
    bool negation_disagrees = false;

    double saturate(double count, double length) const {
        const double norm = kK1 * (1 - kB + kB * length / average_length);
        return count * (kK1 + 1) / (count + norm);
    }

    double shared_score(const NoteProfile& query, const NoteProfile& target,
                        Evidence* evidence) const {
        double score = 0;
        auto q = query.terms.begin();
        auto t = target.terms.begin();
        while (q != query.terms.end() && t != target.terms.end()) {
            if (q->term < t->term) {
                ++q;
            } else if (t->term < q->term) {
                ++t;
            } else {
                const bool disagree = negation_disagrees &&
                                      negated_in(query, t->term) != negated_in(target, t->term);
                if (!disagree && !vocabulary.is_time_unit_key(t->term)) {
                    score += vocabulary.idf(t->term) * saturate(t->count, target.length);
                    if (evidence) evidence->shared.push_back(t->term);
                }
                ++q;
                ++t;
            }
        }
        return score;
    }

    // Within one family, the pair of different keys that says most: the
    // rarest target key, the query's remedy words before its problem words,
    // and on a tie the first pair found. A key the other note also holds is
    // a shared term already, not a related one.
    std::optional<Related> best_pair(const FamilyKey* query_first, const FamilyKey* query_last,
                                     const FamilyKey* target_first, const FamilyKey* target_last,
                                     const NoteProfile& query, const NoteProfile& target) const {
        std::optional<Related> best;
        for (const FamilyKey* t = target_first; t != target_last; ++t) {
            if (has_key(query, t->key)) continue;
            for (const FamilyKey* q = query_first; q != query_last; ++q) {
                if (has_key(target, q->key)) continue;
                const double side = q->side == Side::remedy ? 1 : kProblemSideFactor;
                const double weight = kRelatedWeight * side * vocabulary.idf(t->key);
                if (!best || weight > best->weight)
                    best = Related{t->family, t->key, q->key, weight};
            }
        }
        return best;
    }

    // One related pair at most per family both notes use.
    double related_score(const NoteProfile& query, const NoteProfile& target,
                         Evidence* evidence) const {
        double score = 0;
        const FamilyKey* q = query.family_keys.data();
        const FamilyKey* const q_end = q + query.family_keys.size();
        const FamilyKey* t = target.family_keys.data();
        const FamilyKey* const t_end = t + target.family_keys.size();
        while (q != q_end && t != t_end) {
            if (q->family != t->family) {
                if (q->family < t->family) ++q;
                else ++t;
                continue;
            }
            const std::size_t family = q->family;
            const FamilyKey* q_next = q;
            while (q_next != q_end && q_next->family == family) ++q_next;
            const FamilyKey* t_next = t;
            while (t_next != t_end && t_next->family == family) ++t_next;
            if (auto pair = best_pair(q, q_next, t, t_next, query, target)) {
                pair->weight *= saturate(1, target.length);
                score += pair->weight;
                if (evidence) evidence->related.push_back(*pair);
            }
            q = q_next;
            t = t_next;
        }
        return score;
    }

    // A squash, not a ratio to the query's best score: one rare shared word is
    // the same evidence on a two-word note as on a ten-word one.
    double strength(const NoteProfile& query, const NoteProfile& target,
                    Evidence* evidence = nullptr) const {
        const double score =
            shared_score(query, target, evidence) + related_score(query, target, evidence);
        return 1 - std::exp(-score / vocabulary.rare_term_weight());
    }
};

// ---------------------------------------------------------------------------
// Evidence: the words behind a link, as the notes write them.

const Surface* find_surface(const NoteProfile& profile, KeyId key) {
    const auto found =
        std::lower_bound(profile.surfaces.begin(), profile.surfaces.end(), key,
                         [](const Surface& a, KeyId b) { return a.key < b; });
    return found != profile.surfaces.end() && found->key == key ? &*found : nullptr;
}

// Shared words as the target note writes them, in its order, then related
// pairs in the same order: "cost: expensive ~ flat" names the target's word
// first.
std::vector<std::string> describe(const Evidence& evidence, const NoteProfile& query,
                                  const NoteProfile& target, const CanvasVocabulary& vocabulary) {
    const auto word = [&](const NoteProfile& profile, KeyId key) {
        const Surface* surface = find_surface(profile, key);
        return surface ? surface->word : vocabulary.key(key);
    };
    const auto position = [&](KeyId key) {
        const Surface* surface = find_surface(target, key);
        return surface ? surface->position : SIZE_MAX;
    };
    std::vector<std::pair<std::size_t, std::string>> shared, related;
    for (KeyId term : evidence.shared) shared.emplace_back(position(term), word(target, term));
    for (const Related& pair : evidence.related)
        related.emplace_back(position(pair.target_key),
                             link_lexicon::families()[pair.family].name + ": " +
                                 word(target, pair.target_key) + " ~ " +
                                 word(query, pair.query_key));
    sort_stably(shared.begin(), shared.end());
    sort_stably(related.begin(), related.end());
    std::vector<std::string> items;
    for (auto& item : shared) items.push_back(std::move(item.second));
    for (auto& item : related) items.push_back(std::move(item.second));
    return items;
}

// ---------------------------------------------------------------------------
// Choosing links.

double round3(double value) { return std::round(value * 1000) / 1000; }

using NotePair = std::pair<NoteIndex, NoteIndex>;

std::vector<NoteIndex> sorted_copy(const std::vector<NoteIndex>& notes) {
    std::vector<NoteIndex> sorted = notes;
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

// A connector drawn between two notes is a link of full strength, whichever
// way the arrow points, when it joins a value-map note to a profile note.
void add_connector_links(const CanvasNotes& notes, const Adjacency& connected,
                         std::vector<Link>& links, std::vector<NotePair>& connected_pairs) {
    for (Section profile : kProfile) {
        const std::vector<NoteIndex> targets = sorted_copy(notes.of(profile));
        for (Section value_map : kValueMap)
            for (NoteIndex from : notes.of(value_map))
                for (NoteIndex to : connected[from])
                    if (std::binary_search(targets.begin(), targets.end(), to))
                        connected_pairs.emplace_back(from, to);
    }
    std::sort(connected_pairs.begin(), connected_pairs.end());
    connected_pairs.erase(std::unique(connected_pairs.begin(), connected_pairs.end()),
                          connected_pairs.end());
    for (const NotePair& pair : connected_pairs)
        links.push_back({pair.first, pair.second, 1.0, LinkVia::connector, {}, LinkSource::connector, 1.0});
}

struct Candidate {
    std::size_t query = 0;  // position in the rule's value-map section
    std::size_t slot = 0;   // position in the rule's target section
    double strength = 0;    // rounded to three decimals, as reported
    bool explicit_ref = false;
    bool shared_tag = false;
    bool worded = true;          // nominated by its words, a tag or a reference
    bool same_position = false;  // the same place in both lists (list_positions)
    bool parallel_lists = false; // ...and the canvas's clearest pairs line up too
    int percent = 0;             // calibrated confidence
};

// Lists written side by side pair their items by position: a table of pains
// and relievers drawn as notes, or two numbered lists, put the reliever of the
// third pain third. A note's position is its place in reading order among the
// notes of its section that a frame or region placed; a note placed by its
// text has none (where it lies says nothing of the list). -1 for none.
std::vector<int> list_positions(const Board& board, const std::vector<NoteIndex>& section,
                                const std::vector<NotePlacement>* placements) {
    std::vector<NoteIndex> in_template;
    for (NoteIndex note : section)
        if (!placements || (*placements)[note].via != Placement::text) in_template.push_back(note);
    const std::vector<NoteIndex> ordered = reading_order(board, in_template);
    std::vector<std::pair<NoteIndex, int>> position_of;
    for (std::size_t i = 0; i < ordered.size(); ++i)
        position_of.emplace_back(ordered[i], static_cast<int>(i));
    std::sort(position_of.begin(), position_of.end());
    std::vector<int> positions;
    for (NoteIndex note : section) {
        const auto found = std::lower_bound(position_of.begin(), position_of.end(),
                                            std::make_pair(note, -1));
        positions.push_back(found != position_of.end() && found->first == note ? found->second : -1);
    }
    return positions;
}

struct ListPositions {
    std::vector<int> queries;          // per value-map note of the rule
    std::vector<int> targets;          // per target note
    std::vector<std::size_t> slot_at;  // the target at each position
    bool same(std::size_t query, std::size_t slot) const {
        return queries[query] >= 0 && queries[query] == targets[slot];
    }
};

ListPositions positions_of(const Board& board, const CanvasNotes& notes, const LinkRule& rule,
                           const std::vector<NotePlacement>* placements) {
    ListPositions positions{list_positions(board, notes.of(rule.from), placements),
                            list_positions(board, notes.of(rule.to), placements), {}};
    for (std::size_t slot = 0; slot < positions.targets.size(); ++slot) {
        const int position = positions.targets[slot];
        if (position < 0) continue;
        if (positions.slot_at.size() <= static_cast<std::size_t>(position))
            positions.slot_at.resize(static_cast<std::size_t>(position) + 1);
        positions.slot_at[static_cast<std::size_t>(position)] = slot;
    }
    return positions;
}

bool shares_tag(const NoteProfile& a, const NoteProfile& b) {
    std::vector<std::string> both;
    std::set_intersection(a.tags.begin(), a.tags.end(), b.tags.begin(), b.tags.end(),
                          std::back_inserter(both));
    return !both.empty();
}

// The targets a query names by id: its references against the targets' own
// ids ("PR1 -> P2" names "P2: ..."); a bare "#3" names the one target whose
// own id has number 3.
std::vector<std::size_t> referenced_slots(const NoteProfile& query,
                                          const std::vector<NoteProfile>& targets) {
    std::vector<std::size_t> slots;
    for (const std::string& ref : query.refs) {
        std::vector<std::size_t> matches;
        for (std::size_t slot = 0; slot < targets.size(); ++slot) {
            const std::string& own = targets[slot].own_id;
            if (own.empty()) continue;
            const bool bare = ref.front() == ':';
            if (own == ref || (bare && own.substr(own.find(':')) == ref)) matches.push_back(slot);
        }
        if (matches.size() == 1) slots.push_back(matches.front());
    }
    return slots;
}

// The target at the query's own place in the lists, when its words did not
// nominate it: whether lists are parallel is decided later, from the pairs
// the words found (calibrate), and the pair dropped if they are not.
void add_unworded_pair(std::size_t query, const ListPositions& positions,
                       std::vector<Candidate>& candidates, std::size_t first_of_query) {
    const int position = positions.queries[query];
    if (position < 0 || static_cast<std::size_t>(position) >= positions.slot_at.size()) return;
    const std::size_t index = positions.slot_at[static_cast<std::size_t>(position)];
    for (std::size_t i = first_of_query; i < candidates.size(); ++i)
        if (candidates[i].slot == index) return;
    Candidate candidate{query, index, 0.0};
    candidate.worded = false;
    candidate.same_position = true;
    candidates.push_back(candidate);
}

// Every value-map note of the rule scored against the targets it shares a
// term, a family, a tag or an explicit reference with; candidates below the
// floor that no reference or tag supports are dropped.
std::vector<Candidate> score_candidates(const std::vector<NoteProfile>& queries,
                                        const std::vector<NoteProfile>& targets,
                                        const Scorer& scorer, const TargetIndex& index,
                                        const ListPositions& positions, LinkStats& stats) {
    std::vector<Candidate> candidates;
    for (std::size_t query = 0; query < queries.size(); ++query) {
        const std::size_t first_of_query = candidates.size();
        std::vector<std::size_t> slots = candidates_for(queries[query], index, stats);
        const std::vector<std::size_t> named = referenced_slots(queries[query], targets);
        if (!queries[query].tags.empty())
            for (std::size_t slot = 0; slot < targets.size(); ++slot)
                if (shares_tag(queries[query], targets[slot])) slots.push_back(slot);
        slots.insert(slots.end(), named.begin(), named.end());
        std::sort(slots.begin(), slots.end());
        slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
        for (std::size_t slot : slots) {
            ++stats.pairs_scored;
            Candidate candidate{query, slot, round3(scorer.strength(queries[query], targets[slot]))};
            candidate.explicit_ref = std::find(named.begin(), named.end(), slot) != named.end();
            candidate.shared_tag = shares_tag(queries[query], targets[slot]);
            candidate.same_position = positions.same(query, slot);
            if (candidate.strength >= kCandidateFloor || candidate.explicit_ref ||
                candidate.shared_tag)
                candidates.push_back(candidate);
        }
        add_unworded_pair(query, positions, candidates, first_of_query);
    }
    return candidates;
}

// Whether the canvas writes its lists side by side, judged without the pair
// itself: of the other pairs its words single out (each the strongest of both
// notes), at least two, and at least half, stand at the same position. A pair
// with no word in common needs more: three, and two thirds, since on lists
// that only look parallel its question would be about unrelated notes.
struct LinedUp {
    int aligned = 0;
    int total = 0;
    bool without(const Candidate& c, bool mutual) const {
        const int others_aligned = aligned - (mutual && c.same_position ? 1 : 0);
        const int others = total - (mutual ? 1 : 0);
        if (!c.worded) return others_aligned >= 3 && 3 * others_aligned >= 2 * others;
        return others_aligned >= 2 && 2 * others_aligned >= others;
    }
};

// Whether a pair's only evidence is one shared word that a third note of the
// canvas holds too ("delivery", "rows", "recipes" on a canvas about them):
// no related pair, reference, tag or place in parallel lists. Of the counted
// links this rule made suggestions on the six measured sets, 21 of 31 were
// real (docs/linking.md): under the 0.90 bar a finding is held to. Products
// are not counted as holders: "Kitchen display app" beside "Orders go
// straight to the kitchen screen" is the offer named twice, not the subject.
bool rests_on_one_common_word(const Evidence& evidence, const Candidate& c,
                              const CanvasVocabulary& vocabulary) {
    return evidence.shared.size() == 1 && evidence.related.empty() && !c.explicit_ref &&
           !c.shared_tag && !c.parallel_lists && vocabulary.notes_holding(evidence.shared.front()) > 2;
}

// What the confidence model reads of each candidate, given all of them. A pair
// only its position nominated is dropped unless the lists are parallel.
void calibrate(std::vector<Candidate>& candidates, const std::vector<NoteProfile>& queries,
               const std::vector<NoteProfile>& targets, std::size_t target_count,
               const Scorer& scorer, const LinkRule& rule) {
    std::vector<double> best_of_query(queries.size(), 0.0), best_of_target(target_count, 0.0);
    std::vector<int> count_of_query(queries.size(), 0);
    for (const Candidate& c : candidates) {
        if (!c.worded) continue;
        best_of_query[c.query] = std::max(best_of_query[c.query], c.strength);
        best_of_target[c.slot] = std::max(best_of_target[c.slot], c.strength);
        ++count_of_query[c.query];
    }
    const auto mutual = [&](const Candidate& c) {
        return c.worded && c.strength >= best_of_query[c.query] && c.strength >= best_of_target[c.slot];
    };
    LinedUp lined_up;
    for (const Candidate& c : candidates)
        if (mutual(c)) {
            ++lined_up.total;
            lined_up.aligned += c.same_position ? 1 : 0;
        }
    for (Candidate& c : candidates)
        c.parallel_lists = c.same_position && lined_up.without(c, mutual(c));
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [](const Candidate& c) { return !c.worded && !c.parallel_lists; }),
                     candidates.end());
    for (Candidate& c : candidates) {
        link_confidence::Features f;
        f.parallel_lists = c.parallel_lists;
        f.gains_rule = rule.to == Section::gains;
        f.jobs_rule = rule.to == Section::jobs;
        f.query_candidates = count_of_query[c.query];
        bool one_common_word = false;
        if (c.worded) {
            Evidence evidence;
            scorer.strength(queries[c.query], targets[c.slot], &evidence);
            f.strength = c.strength;
            f.share_of_query = best_of_query[c.query] > 0 ? c.strength / best_of_query[c.query] : 0;
            f.share_of_target = best_of_target[c.slot] > 0 ? c.strength / best_of_target[c.slot] : 0;
            f.best_of_query = c.strength >= best_of_query[c.query];
            f.best_of_target = c.strength >= best_of_target[c.slot];
            f.shared_terms = static_cast<int>(evidence.shared.size());
            f.related_only = evidence.shared.empty() && !evidence.related.empty();
            f.explicit_ref = c.explicit_ref;
            f.shared_tag = c.shared_tag;
            one_common_word = rests_on_one_common_word(evidence, c, scorer.vocabulary);
        }
        c.percent = link_confidence::percent(f);
        // Position alone is how a canvas is written, not what it says: such a
        // pair is a question, whatever the model makes of it. So is a pair
        // whose only evidence is one word other notes of the canvas use too.
        if (!c.worded || one_common_word) c.percent = std::min(c.percent, link_confidence::counted_percent() - 1);
    }
}

// Likely candidates become text links; the few likeliest of the rest, for
// each target, suggestions.
std::vector<Candidate> chosen(std::vector<Candidate> candidates, std::size_t target_count,
                              bool keep_all) {
    sort_stably(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.slot != b.slot) return a.slot < b.slot;
        return a.percent > b.percent;
    });
    std::vector<std::size_t> suggested(target_count, 0);
    std::vector<Candidate> kept;
    for (const Candidate& c : candidates) {
        if (keep_all || c.percent >= link_confidence::counted_percent()) {
            kept.push_back(c);
        } else if (c.percent >= kSuggestPercent && suggested[c.slot] < kSuggestionsPerTarget) {
            ++suggested[c.slot];
            kept.push_back(c);
        }
    }
    return kept;
}

using IdPairs = std::vector<std::pair<std::string, std::string>>;

bool listed(const IdPairs& pairs, const std::string& from, const std::string& to) {
    return std::find(pairs.begin(), pairs.end(), std::make_pair(from, to)) != pairs.end();
}

// The facilitator's confirmed pairs within this canvas, value map to profile as
// for connectors, become links of source "confirmed" (a connector already says
// it: nothing to add).
void add_confirmed_links(const Board& board, const CanvasNotes& notes, const LinkDecisions& decisions,
                         std::vector<Link>& links, std::vector<NotePair>& answered) {
    for (Section value_map : kValueMap)
        for (NoteIndex from : notes.of(value_map))
            for (Section profile : kProfile)
                for (NoteIndex to : notes.of(profile)) {
                    if (!listed(decisions.confirmed, board.notes[from].id, board.notes[to].id)) continue;
                    if (std::binary_search(answered.begin(), answered.end(), NotePair{from, to})) continue;
                    links.push_back({from, to, 1.0, LinkVia::connector, {}, LinkSource::confirmed, 1.0});
                    answered.emplace_back(from, to);
                }
    std::sort(answered.begin(), answered.end());
}

struct RuleContext {
    const Board& board;
    const CanvasNotes& notes;
    const CanvasProfiles& profiles;
    const std::vector<NotePair>& answered;  // connectors and confirmed pairs, sorted
    const LinkDecisions* decisions;
    const std::vector<NotePlacement>* placements;  // per board note; null: all in the template
};

std::vector<std::string> evidence_of(const Candidate& c, const NoteProfile& query,
                                     const NoteProfile& target, const Scorer& scorer,
                                     const CanvasVocabulary& vocabulary, int position) {
    Evidence evidence;
    if (c.worded) scorer.strength(query, target, &evidence);
    std::vector<std::string> items = describe(evidence, query, target, vocabulary);
    // The same place in lists written side by side: "order: 3" (1-based).
    if (c.parallel_lists) items.push_back("order: " + std::to_string(position + 1));
    if (c.explicit_ref) {
        const std::string& own = target.own_id;
        std::string shown = own.substr(0, own.find(':'));
        for (char& ch : shown) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        items.push_back("ref: " + shown + own.substr(own.find(':') + 1));
    }
    if (c.shared_tag) {
        std::vector<std::string> both;
        std::set_intersection(query.tags.begin(), query.tags.end(), target.tags.begin(),
                              target.tags.end(), std::back_inserter(both));
        for (const std::string& tag : both) items.push_back("tag: " + tag);
    }
    return items;
}

void add_text_links_for_rule(const LinkRule& rule, const RuleContext& context,
                             std::vector<Link>& links, LinkStats& stats) {
    const std::vector<NoteProfile>& queries = context.profiles.of(rule.from);
    const std::vector<NoteProfile>& targets = context.profiles.of(rule.to);
    const TargetIndex index = index_targets(targets, context.profiles.vocabulary);
    const Scorer scorer{context.profiles.vocabulary, index.average_length, rule.to != Section::pains};
    const ListPositions positions =
        positions_of(context.board, context.notes, rule, context.placements);
    std::vector<Candidate> candidates =
        score_candidates(queries, targets, scorer, index, positions, stats);
    const auto from_of = [&](const Candidate& c) { return context.notes.of(rule.from)[c.query]; };
    const auto to_of = [&](const Candidate& c) { return context.notes.of(rule.to)[c.slot]; };
    // Pairs the user answered are not the wording's to decide, nor are notes
    // the user said nothing else links.
    candidates.erase(
        std::remove_if(candidates.begin(), candidates.end(),
                       [&](const Candidate& c) {
                           const NotePair pair{from_of(c), to_of(c)};
                           if (std::binary_search(context.answered.begin(), context.answered.end(), pair))
                               return true;
                           if (said_unlinked(context.board, context.decisions, pair.first) ||
                               said_unlinked(context.board, context.decisions, pair.second))
                               return true;
                           return context.decisions &&
                                  listed(context.decisions->rejected, context.board.notes[pair.first].id,
                                         context.board.notes[pair.second].id);
                       }),
        candidates.end());
    // A note that names its targets by id ("PR1 -> P2") says what it addresses:
    // its other candidates are not the wording's to add.
    std::vector<bool> names_targets(queries.size(), false);
    for (const Candidate& c : candidates) names_targets[c.query] = names_targets[c.query] || c.explicit_ref;
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [&](const Candidate& c) { return names_targets[c.query] && !c.explicit_ref; }),
                     candidates.end());
    calibrate(candidates, queries, targets, targets.size(), scorer, rule);
    // The confidence model learned from reliever/pain and creator/gain pairs
    // only: no source states product/job pairs. A product's link to a job is
    // therefore never more than a suggestion, unless the note names the job.
    if (rule.to == Section::jobs)
        for (Candidate& c : candidates)
            if (!c.explicit_ref) c.percent = std::min(c.percent, link_confidence::counted_percent() - 1);
    const bool keep_all = context.decisions && context.decisions->list_all_candidates;
    for (const Candidate& c : chosen(std::move(candidates), targets.size(), keep_all)) {
        const bool likely = c.percent >= link_confidence::counted_percent();
        links.push_back({from_of(c), to_of(c), c.strength, LinkVia::text,
                         evidence_of(c, queries[c.query], targets[c.slot], scorer,
                                     context.profiles.vocabulary, positions.queries[c.query]),
                         likely ? LinkSource::text : LinkSource::suggested, c.percent / 100.0});
    }
}

void sort_links(std::vector<Link>& links) {
    sort_stably(links.begin(), links.end(), [](const Link& a, const Link& b) {
        if (a.from != b.from) return a.from < b.from;
        if (a.strength != b.strength) return a.strength > b.strength;
        return a.to < b.to;
    });
}

}  // namespace

std::vector<Link> link_canvas(const Board& board, const CanvasNotes& notes,
                              const std::vector<NoteReading>& readings, const Adjacency& connected,
                              LinkStats* stats, const LinkDecisions* decisions,
                              const std::vector<NotePlacement>* placements) {
    LinkStats local_stats;
    LinkStats& counters = stats ? *stats : local_stats;
    std::vector<Link> links;
    std::vector<NotePair> answered;
    add_connector_links(notes, connected, links, answered);
    if (decisions && !decisions->confirmed.empty())
        add_confirmed_links(board, notes, *decisions, links, answered);
    const CanvasProfiles profiles = profile_canvas(board, notes, readings);
    const RuleContext context{board, notes, profiles, answered, decisions, placements};
    for (const LinkRule& rule : kRules) add_text_links_for_rule(rule, context, links, counters);
    sort_links(links);
    return links;
}

}  // namespace canvasfit

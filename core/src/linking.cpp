// Links relievers to pains, creators to gains and products to jobs, within one
// canvas (docs/linking.md).
//
// A connector drawn between two such notes is a link of strength 1. Every
// other link is a text link: a weighted lexical similarity computed from the
// canvas's own notes. Each value-map note is a query against an inverted index
// of the section it may address; BM25 scores the terms both notes share, and
// the curated lexicon (link_lexicon.hpp) adds related evidence for notes that
// say opposite things ("slow" / "fast"). Scores are normalised by what the
// query could score at best, and only clear winners become links: a wrong link
// costs a facilitator's trust, a missed one only a warning they can check.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "canvasfit/engine.hpp"
#include "canvasfit/text.hpp"
#include "link_lexicon.hpp"

namespace canvasfit {

namespace {

// The canvas's own rule: what each value-map section may address.
struct LinkRule {
    Section from;
    Section to;
};
constexpr LinkRule kRules[] = {{Section::relievers, Section::pains},
                               {Section::creators, Section::gains},
                               {Section::products, Section::jobs}};

// ---------------------------------------------------------------------------
// Parameters (tuned on the first half of tests/corpus/boards, see docs/linking.md)

// BM25's usual constants: term-frequency saturation and length normalisation.
double tuning_param(const char* name, double fallback) {  // TUNING ONLY
    const char* value = std::getenv(name);
    return value ? std::atof(value) : fallback;
}
const double kK1 = tuning_param("K1", 1.2);
const double kB = tuning_param("B", 0.75);
// A related pair ("cost: expensive ~ flat") counts this much of a shared term
// when the value-map note's word is on the remedy side of its family...
const double kRelatedWeight = tuning_param("REL", 0.6);
// ...and this much less when the value-map note names the problem itself.
const double kProblemSideFactor = tuning_param("RELP", 0.5);
// A text link needs this strength...
const double kMinStrength = tuning_param("MINS", 0.4);
// ...and this share of the best strength its value-map note reached...
const double kQueryFraction = tuning_param("QF", 0.6);
// ...and this share of the best strength its pain, gain or job received.
const double kTargetFraction = tuning_param("TF", 0.5);
// A posting list longer than this does not nominate candidates (its term is
// everywhere in the section and says little); it still counts in the score of
// candidates other terms nominated. Ordinary canvases never reach it; it is
// what keeps a 10,000-note canvas from turning into all pairs.
constexpr std::size_t kMaxPostings = 64;

// ---------------------------------------------------------------------------
// Note profiles: what the scorer needs of one note, computed once per canvas.

struct TermCount {
    std::string term;
    int count = 0;
};

struct FamilyKey {
    std::size_t family = 0;
    std::string key;
    link_lexicon::Side side = link_lexicon::Side::problem;
    bool operator<(const FamilyKey& other) const {
        return std::tie(family, key) < std::tie(other.family, other.key);
    }
};

// The first word of the note that gave a key, as written (folded), and where.
struct Surface {
    std::string key;
    std::string word;
    std::size_t position = 0;  // token index
};

struct NoteProfile {
    std::vector<TermCount> terms;          // distinct content terms, sorted
    std::vector<std::string> phrases;      // distinct lexicon phrases, sorted
    std::vector<FamilyKey> family_keys;    // lexicon keys, sorted by family
    std::vector<Surface> surfaces;         // sorted by key
    int length = 0;                        // content terms, repeats counted
};

std::vector<TermCount> count_terms(const Terms& terms) {
    Terms sorted = terms;
    std::sort(sorted.begin(), sorted.end());
    std::vector<TermCount> counts;
    for (std::string& term : sorted) {
        if (counts.empty() || counts.back().term != term) counts.push_back({std::move(term), 0});
        ++counts.back().count;
    }
    return counts;
}

void add_surface(std::string key, std::string word, std::size_t position,
                 std::vector<Surface>& surfaces) {
    surfaces.push_back({std::move(key), std::move(word), position});
}

// Surface words of content terms and phrases, keeping each key's first one.
std::vector<Surface> surfaces_of(const std::vector<Token>& tokens,
                                 const std::vector<link_lexicon::PhraseHit>& phrases) {
    std::vector<Surface> surfaces;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (token.is_number) add_surface(token.text, token.text, i, surfaces);
        else if (!is_stop_word(token.text)) add_surface(token.stem, token.text, i, surfaces);
    }
    for (const link_lexicon::PhraseHit& hit : phrases)
        add_surface(hit.key, hit.key, hit.first_token, surfaces);
    std::stable_sort(surfaces.begin(), surfaces.end(),
                     [](const Surface& a, const Surface& b) { return a.key < b.key; });
    surfaces.erase(std::unique(surfaces.begin(), surfaces.end(),
                               [](const Surface& a, const Surface& b) { return a.key == b.key; }),
                   surfaces.end());
    return surfaces;
}

std::vector<FamilyKey> family_keys_of(const NoteProfile& profile) {
    std::vector<FamilyKey> keys;
    const auto add = [&keys](const std::string& key) {
        if (const auto membership = link_lexicon::family_of(key))
            keys.push_back({membership->family, key, membership->side});
    };
    for (const TermCount& term : profile.terms) add(term.term);
    for (const std::string& phrase : profile.phrases) add(phrase);
    std::sort(keys.begin(), keys.end());
    return keys;
}

NoteProfile profile_note(const std::string& text, const Terms& terms) {
    NoteProfile profile;
    const std::vector<Token> tokens = tokenize(text);
    const std::vector<link_lexicon::PhraseHit> phrases = link_lexicon::find_phrases(tokens);
    profile.terms = count_terms(terms);
    for (const link_lexicon::PhraseHit& hit : phrases) profile.phrases.push_back(hit.key);
    std::sort(profile.phrases.begin(), profile.phrases.end());
    profile.phrases.erase(std::unique(profile.phrases.begin(), profile.phrases.end()),
                          profile.phrases.end());
    profile.family_keys = family_keys_of(profile);
    profile.surfaces = surfaces_of(tokens, phrases);
    profile.length = static_cast<int>(terms.size());
    return profile;
}

bool has_key(const NoteProfile& profile, const std::string& key) {
    const auto term = std::lower_bound(
        profile.terms.begin(), profile.terms.end(), key,
        [](const TermCount& a, const std::string& b) { return a.term < b; });
    if (term != profile.terms.end() && term->term == key) return true;
    return std::binary_search(profile.phrases.begin(), profile.phrases.end(), key);
}

const Surface* surface_of(const NoteProfile& profile, const std::string& key) {
    const auto found = std::lower_bound(
        profile.surfaces.begin(), profile.surfaces.end(), key,
        [](const Surface& a, const std::string& b) { return a.key < b; });
    return found != profile.surfaces.end() && found->key == key ? &*found : nullptr;
}

// ---------------------------------------------------------------------------
// Canvas statistics: document frequencies over the canvas's own notes, so an
// edit re-weights only the canvas it touches (docs/linking.md, "Why per canvas").

class CanvasVocabulary {
public:
    void add(const NoteProfile& profile) {
        ++note_count_;
        for (const TermCount& term : profile.terms) ++frequency_[term.term];
        for (const std::string& phrase : profile.phrases) ++frequency_[phrase];
    }
    // BM25's idf with Lucene's +1 inside the log: never negative, so a term
    // on most notes still counts a little instead of penalising a match.
    double idf(const std::string& key) const {
        const auto found = frequency_.find(key);
        const double df = found == frequency_.end() ? 0 : found->second;
        return std::log(1 + (note_count_ - df + 0.5) / (df + 0.5));
    }

    // The idf of a term found on one note only: the unit strengths are measured in.
    double rare_term_weight() const { return std::log(1 + (note_count_ - 1 + 0.5) / 1.5); }

private:
    std::unordered_map<std::string, int> frequency_;
    double note_count_ = 0;
};

// ---------------------------------------------------------------------------
// The inverted index over one target section (pains, gains or jobs).

struct TargetIndex {
    std::unordered_map<std::string, std::vector<std::size_t>> by_term;  // -> target slots
    std::vector<std::vector<std::size_t>> by_family;                    // family -> slots
    double average_length = 1;
};

TargetIndex index_targets(const std::vector<const NoteProfile*>& targets) {
    TargetIndex index;
    index.by_family.resize(link_lexicon::families().size());
    double total_length = 0;
    for (std::size_t slot = 0; slot < targets.size(); ++slot) {
        const NoteProfile& target = *targets[slot];
        total_length += target.length;
        for (const TermCount& term : target.terms) index.by_term[term.term].push_back(slot);
        for (const FamilyKey& key : target.family_keys) {
            std::vector<std::size_t>& postings = index.by_family[key.family];
            if (postings.empty() || postings.back() != slot) postings.push_back(slot);
        }
    }
    if (!targets.empty() && total_length > 0) index.average_length = total_length / targets.size();
    return index;
}

// Target slots that share a term or a lexicon family with the query.
std::vector<std::size_t> candidates_for(const NoteProfile& query, const TargetIndex& index,
                                        LinkStats& stats) {
    std::vector<std::size_t> candidates;
    const auto take = [&](const std::vector<std::size_t>& postings) {
        if (postings.size() > kMaxPostings) return;
        stats.postings_read += postings.size();
        candidates.insert(candidates.end(), postings.begin(), postings.end());
    };
    for (const TermCount& term : query.terms)
        if (const auto found = index.by_term.find(term.term); found != index.by_term.end())
            take(found->second);
    for (const FamilyKey& key : query.family_keys) take(index.by_family[key.family]);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    return candidates;
}

// ---------------------------------------------------------------------------
// Scoring one query against one target.

struct Related {
    std::size_t family = 0;
    std::string target_key;
    std::string query_key;
    double weight = 0;
};

struct Shared {
    std::string term;
    double weight = 0;
};

struct Match {
    std::size_t slot = 0;
    double score = 0;
    double strength = 0;
    std::vector<Shared> shared;
    std::vector<Related> related;
};

double saturate(double count, double length, double average_length) {
    const double norm = kK1 * (1 - kB + kB * length / average_length);
    return count * (kK1 + 1) / (count + norm);
}

void score_shared(const NoteProfile& query, const NoteProfile& target,
                  const CanvasVocabulary& vocabulary, double average_length, Match& match) {
    auto q = query.terms.begin();
    auto t = target.terms.begin();
    while (q != query.terms.end() && t != target.terms.end()) {
        if (q->term < t->term) {
            ++q;
        } else if (t->term < q->term) {
            ++t;
        } else {
            const double weight = vocabulary.idf(t->term) *
                                  saturate(t->count, target.length, average_length);
            match.shared.push_back({t->term, weight});
            match.score += weight;
            ++q;
            ++t;
        }
    }
}

// Within one family, the pair of different keys that says most: the rarest
// target key, and on a tie the first keys in sort order. A key the other note
// also has is a shared term already, not a related one.
std::optional<Related> best_pair(std::size_t family, const std::vector<const FamilyKey*>& from_query,
                                 const std::vector<const FamilyKey*>& from_target,
                                 const NoteProfile& query, const NoteProfile& target,
                                 const CanvasVocabulary& vocabulary) {
    std::optional<Related> best;
    for (const FamilyKey* t : from_target) {
        if (has_key(query, t->key)) continue;
        for (const FamilyKey* q : from_query) {
            if (has_key(target, q->key)) continue;
            const double side = q->side == link_lexicon::Side::remedy ? 1 : kProblemSideFactor;
            const double weight = kRelatedWeight * side * vocabulary.idf(t->key);
            if (!best || weight > best->weight) best = Related{family, t->key, q->key, weight};
        }
    }
    return best;
}

std::vector<const FamilyKey*> keys_in_family(const std::vector<FamilyKey>& keys,
                                             std::size_t family) {
    std::vector<const FamilyKey*> found;
    for (const FamilyKey& key : keys)
        if (key.family == family) found.push_back(&key);
    return found;
}

void score_related(const NoteProfile& query, const NoteProfile& target,
                   const CanvasVocabulary& vocabulary, double average_length, Match& match) {
    std::size_t previous = SIZE_MAX;
    for (const FamilyKey& key : target.family_keys) {
        if (key.family == previous) continue;
        previous = key.family;
        const auto from_query = keys_in_family(query.family_keys, key.family);
        if (from_query.empty()) continue;
        const auto pair = best_pair(key.family, from_query, keys_in_family(target.family_keys, key.family),
                                    query, target, vocabulary);
        if (!pair) continue;
        Related related = *pair;
        related.weight *= saturate(1, target.length, average_length);
        match.score += related.weight;
        match.related.push_back(std::move(related));
    }
}

Match score_match(const NoteProfile& query, const NoteProfile& target, std::size_t slot,
                  const CanvasVocabulary& vocabulary, double average_length) {
    Match match;
    match.slot = slot;
    score_shared(query, target, vocabulary, average_length, match);
    score_related(query, target, vocabulary, average_length, match);
    match.strength = 1 - std::exp(-match.score / vocabulary.rare_term_weight());
    return match;
}

// ---------------------------------------------------------------------------
// Evidence: the words behind a link, as the notes write them.

std::string word_for(const NoteProfile& profile, const std::string& key) {
    const Surface* surface = surface_of(profile, key);
    return surface ? surface->word : key;
}

std::size_t position_of(const NoteProfile& profile, const std::string& key) {
    const Surface* surface = surface_of(profile, key);
    return surface ? surface->position : SIZE_MAX;
}

// Shared words in the target note's order, then related pairs in the same
// order: "cost: expensive ~ flat" names the target's word first.
std::vector<std::string> evidence_of(const Match& match, const NoteProfile& query,
                                     const NoteProfile& target) {
    std::vector<std::pair<std::size_t, std::string>> shared, related;
    for (const Shared& term : match.shared)
        shared.emplace_back(position_of(target, term.term), word_for(target, term.term));
    for (const Related& pair : match.related)
        related.emplace_back(position_of(target, pair.target_key),
                             link_lexicon::families()[pair.family].name + ": " +
                                 word_for(target, pair.target_key) + " ~ " +
                                 word_for(query, pair.query_key));
    std::stable_sort(shared.begin(), shared.end());
    std::stable_sort(related.begin(), related.end());
    std::vector<std::string> evidence;
    for (auto& item : shared) evidence.push_back(std::move(item.second));
    for (auto& item : related) evidence.push_back(std::move(item.second));
    return evidence;
}

// ---------------------------------------------------------------------------
// Choosing links.

std::vector<std::string> board_ids_debug;
double round3(double value) { return std::round(value * 1000) / 1000; }

using NotePair = std::pair<NoteIndex, NoteIndex>;

std::vector<NoteIndex> sorted_copy(const std::vector<NoteIndex>& notes) {
    std::vector<NoteIndex> sorted = notes;
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

// A connector drawn between two notes is a link of full strength, whichever
// way the arrow points, when it joins sections the rule allows.
void add_connector_links(const CanvasNotes& notes, const Adjacency& connected,
                         std::vector<Link>& links, std::vector<NotePair>& connected_pairs) {
    for (const LinkRule& rule : kRules) {
        const std::vector<NoteIndex> targets = sorted_copy(notes.of(rule.to));
        for (NoteIndex from : notes.of(rule.from))
            for (NoteIndex to : connected[from])
                if (std::binary_search(targets.begin(), targets.end(), to))
                    connected_pairs.emplace_back(from, to);
    }
    std::sort(connected_pairs.begin(), connected_pairs.end());
    connected_pairs.erase(std::unique(connected_pairs.begin(), connected_pairs.end()),
                          connected_pairs.end());
    for (const NotePair& pair : connected_pairs)
        links.push_back({pair.first, pair.second, 1.0, LinkVia::connector, {}});
}

struct CanvasProfiles {
    std::unordered_map<NoteIndex, NoteProfile> of_note;
    CanvasVocabulary vocabulary;
};

CanvasProfiles profile_canvas(const Board& board, const CanvasNotes& notes,
                              const std::vector<Terms>& terms) {
    CanvasProfiles profiles;
    for (const std::vector<NoteIndex>& section : notes.sections)
        for (NoteIndex note : section) {
            NoteProfile profile = profile_note(board.notes[note].text, terms[note]);
            profiles.vocabulary.add(profile);
            profiles.of_note.emplace(note, std::move(profile));
        }
    return profiles;
}

struct Candidate {
    NoteIndex from = 0;
    Match match;
};

// Every value-map note of the rule scored against the targets it shares a
// term or a family with, through the inverted index.
std::vector<Candidate> score_candidates(const LinkRule& rule, const CanvasNotes& notes,
                                        const CanvasProfiles& profiles,
                                        const std::vector<const NoteProfile*>& targets,
                                        LinkStats& stats) {
    const TargetIndex index = index_targets(targets);
    std::vector<Candidate> candidates;
    for (NoteIndex from : notes.of(rule.from)) {
        const NoteProfile& query = profiles.of_note.at(from);
        for (std::size_t slot : candidates_for(query, index, stats)) {
            ++stats.pairs_scored;
            candidates.push_back({from, score_match(query, *targets[slot], slot, profiles.vocabulary,
                                                    index.average_length)});
        }
    }
    return candidates;
}

// A candidate becomes a link when it is strong on its own and close to the
// best of both its notes: a reliever that matches one pain far better than
// another relieves the first, and a pain already well matched by one reliever
// is not also relieved by a reliever that only brushes against it. The
// second test never changes whether a pain counts as covered.
std::vector<Candidate> confident(std::vector<Candidate> candidates, std::size_t target_count) {
    std::unordered_map<NoteIndex, double> best_of_query;
    std::vector<double> best_of_target(target_count, 0.0);
    for (const Candidate& candidate : candidates) {
        double& query_best = best_of_query[candidate.from];
        query_best = std::max(query_best, candidate.match.strength);
        double& target_best = best_of_target[candidate.match.slot];
        target_best = std::max(target_best, candidate.match.strength);
    }
    std::vector<Candidate> kept;
    for (Candidate& candidate : candidates) {
        const double strength = candidate.match.strength;
        if (strength >= kMinStrength &&
            strength >= kQueryFraction * best_of_query[candidate.from] &&
            strength >= kTargetFraction * best_of_target[candidate.match.slot])
            kept.push_back(std::move(candidate));
    }
    return kept;
}

void add_text_links_for_rule(const LinkRule& rule, const CanvasNotes& notes,
                             const CanvasProfiles& profiles,
                             const std::vector<NotePair>& connected_pairs,
                             std::vector<Link>& links, LinkStats& stats) {
    const std::vector<NoteIndex>& target_notes = notes.of(rule.to);
    std::vector<const NoteProfile*> targets;
    for (NoteIndex note : target_notes) targets.push_back(&profiles.of_note.at(note));
    std::vector<Candidate> candidates = score_candidates(rule, notes, profiles, targets, stats);
    if (std::getenv("LINKDEBUG")) for (const Candidate& c : candidates) {  // TUNING ONLY
        const Match& m = c.match;
        std::string ev; for (auto& e : evidence_of(m, profiles.of_note.at(c.from), *targets[m.slot])) ev += e + "; ";
        std::fprintf(stderr, "DBG %s -> %s  s=%.3f score=%.2f  [%s]\n", board_ids_debug[c.from].c_str(), board_ids_debug[target_notes[m.slot]].c_str(), m.strength, m.score, ev.c_str());
    }
    for (const Candidate& candidate : confident(std::move(candidates), targets.size())) {
        const NoteIndex from = candidate.from;
        const NoteIndex to = target_notes[candidate.match.slot];
        if (std::binary_search(connected_pairs.begin(), connected_pairs.end(), NotePair{from, to}))
            continue;
        links.push_back({from, to, round3(candidate.match.strength), LinkVia::text,
                         evidence_of(candidate.match, profiles.of_note.at(from),
                                     *targets[candidate.match.slot])});
    }
}

void sort_links(std::vector<Link>& links) {
    std::stable_sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
        if (a.from != b.from) return a.from < b.from;
        if (a.strength != b.strength) return a.strength > b.strength;
        return a.to < b.to;
    });
}

}  // namespace

std::vector<Link> link_canvas(const Board& board, const CanvasNotes& notes,
                              const std::vector<Terms>& terms, const Adjacency& connected,
                              LinkStats* stats) {
    board_ids_debug.clear(); for (auto& n : board.notes) board_ids_debug.push_back(n.id);
    LinkStats local_stats;
    LinkStats& counters = stats ? *stats : local_stats;
    std::vector<Link> links;
    std::vector<NotePair> connected_pairs;
    add_connector_links(notes, connected, links, connected_pairs);
    const CanvasProfiles profiles = profile_canvas(board, notes, terms);
    for (const LinkRule& rule : kRules)
        add_text_links_for_rule(rule, notes, profiles, connected_pairs, links, counters);
    sort_links(links);
    return links;
}

}  // namespace canvasfit

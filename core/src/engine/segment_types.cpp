// Segment types (docs/value.md), the four kinds of customer segment of the
// seeds, read from the words of the segment notes:
//   multisided  two interdependent groups: "two-sided", "marketplace", or a
//               known pair such as buyers and sellers, hosts and guests
//   mass-market "everyone", "general public", "all people"...
//   segmented   several named groups: "Freelancers, agencies", or one group
//               per segment note
//   niche       one group with at least two qualifying terms
//               ("independent café owners")
//   unknown     anything else, e.g. a bare "Parents"
// The rules run in that order. Only when the segment text says nothing clear
// are the jobs, pains and gains searched, for multisided cues only.
#include <algorithm>
#include <initializer_list>

#include "text/text.hpp"
#include "engine/value_types.hpp"

namespace canvasfit {

namespace {

using Stems = std::vector<std::string>;  // sorted, unique

Stems stems_of(std::initializer_list<const char*> words) {
    Stems stems;
    for (const char* word : words)
        for (const Token& token : tokenize(word)) stems.push_back(token.stem);
    std::sort(stems.begin(), stems.end());
    stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
    return stems;
}

bool has(const Stems& stems, const std::string& stem) {
    return std::binary_search(stems.begin(), stems.end(), stem);
}

// Phrases as stem sequences, stop words included ("both sides").
std::vector<Stems> phrases_of(std::initializer_list<const char*> phrases) {
    std::vector<Stems> out;
    for (const char* phrase : phrases) {
        Stems stems;
        for (const Token& token : tokenize(phrase)) stems.push_back(token.stem);
        out.push_back(std::move(stems));
    }
    return out;
}

bool has_phrase(const std::vector<Token>& tokens, const std::vector<Stems>& phrases) {
    for (const Stems& phrase : phrases)
        for (std::size_t i = 0; i + phrase.size() <= tokens.size(); ++i) {
            std::size_t k = 0;
            while (k < phrase.size() && tokens[i + k].stem == phrase[k]) ++k;
            if (k == phrase.size()) return true;
        }
    return false;
}

const std::vector<Stems>& multisided_phrases() {
    static const std::vector<Stems> phrases =
        phrases_of({"two sided", "multi sided", "multisided", "three sided", "both sides",
                    "marketplace", "market place", "matchmaking", "peer to peer", "p2p"});
    return phrases;
}

// Groups that a platform serves together: one side needs the other.
const std::vector<std::pair<std::string, std::string>>& platform_pairs() {
    static const std::vector<std::pair<std::string, std::string>> pairs = [] {
        const std::pair<const char*, const char*> words[] = {
            {"buyers", "sellers"},       {"hosts", "guests"},          {"drivers", "riders"},
            {"drivers", "passengers"},   {"landlords", "tenants"},     {"employers", "candidates"},
            {"employers", "jobseekers"}, {"recruiters", "candidates"}, {"advertisers", "readers"},
            {"advertisers", "viewers"},  {"merchants", "shoppers"},    {"sellers", "shoppers"},
            {"vendors", "buyers"},       {"suppliers", "buyers"},      {"restaurants", "diners"},
            {"tutors", "students"},      {"freelancers", "clients"},   {"doctors", "patients"},
            {"creators", "fans"},        {"artists", "fans"},          {"brands", "influencers"},
            {"owners", "sitters"},       {"owners", "walkers"},        {"owners", "renters"},
            {"lenders", "borrowers"},    {"mentors", "mentees"},       {"farmers", "buyers"},
        };
        std::vector<std::pair<std::string, std::string>> stems;
        for (const auto& [a, b] : words)
            stems.emplace_back(stems_of({a}).front(), stems_of({b}).front());
        return stems;
    }();
    return pairs;
}

bool has_platform_pair(const Stems& stems) {
    for (const auto& [a, b] : platform_pairs())
        if (has(stems, a) && has(stems, b)) return true;
    return false;
}

// "people", "consumers": the whole population rather than a group in it.
const Stems& general_nouns() {
    static const Stems stems =
        stems_of({"people", "person", "persons", "consumers", "adults", "households", "individuals",
                  "humans", "customers", "users", "clients", "ages", "public", "population"});
    return stems;
}

bool is_mass_market(const std::vector<Token>& tokens) {
    static const Stems words =
        stems_of({"everyone", "everybody", "anyone", "anybody", "mainstream"});
    static const std::vector<Stems> phrases =
        phrases_of({"general public", "mass market", "broad audience", "wide audience",
                    "general audience", "whole population", "the public"});
    if (has_phrase(tokens, phrases)) return true;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (has(words, tokens[i].stem)) return true;
        const std::string& word = tokens[i].text;
        const bool quantifier = word == "all" || word == "any" || word == "every";
        if (quantifier && (tokens.size() == 1 ||
                           (i + 1 < tokens.size() && has(general_nouns(), tokens[i + 1].stem))))
            return true;
    }
    return false;
}

// Words after which a group's description starts ("parents *with* toddlers").
bool is_qualifier_word(const std::string& word) {
    static const char* const words[] = {
        "with",  "who", "of",      "in",    "at",      "from",   "for",     "that",    "whose",
        "which", "on",  "without", "using", "working", "living", "looking", "running", "seeking"};
    return std::any_of(std::begin(words), std::end(words),
                       [&](const char* w) { return word == w; });
}

bool ends_with(const std::string& word, std::string_view suffix) {
    return word.size() >= suffix.size() &&
           word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A word that names people: a plural ("parents", "cafés"), a collective
// noun, or an agent noun ("developer", "student", "tutor").
bool is_group_noun(const std::string& word) {
    static const char* const collective[] = {"people", "staff", "children", "men",    "women",
                                             "folk",   "crew",  "team",     "family", "youth"};
    for (const char* noun : collective)
        if (word == noun) return true;
    if (word.size() >= 4 && ends_with(word, "s") && !ends_with(word, "ss") &&
        !ends_with(word, "us") && !ends_with(word, "is"))
        return true;
    if (word.size() < 5) return false;
    for (const char* suffix : {"er", "or", "ist", "ian", "ant", "ent", "eer"})
        if (ends_with(word, suffix)) return true;
    return false;
}

// Stop words other than the nouns "customers", "users" and "clients".
bool is_function_word(const std::string& word) {
    const bool person = word == "customer" || word == "customers" || word == "user" ||
                        word == "users" || word == "client" || word == "clients";
    return !person && is_stop_word(word);
}

// "Small agencies", "Freelancers", "Parents with toddlers" name a group;
// "Live in cities", "Age 30-45", "Small" do not.
bool names_a_group(const std::vector<Token>& part) {
    if (part.empty() || part.size() > 6) return false;
    if (std::any_of(part.begin(), part.end(), [](const Token& t) { return t.is_number; }))
        return false;
    const bool plain = std::none_of(part.begin(), part.end(),
                                    [](const Token& t) { return is_function_word(t.text); });
    if (plain && is_group_noun(part.back().text)) return true;
    return part.size() >= 2 && is_group_noun(part[0].text) && is_qualifier_word(part[1].text);
}

bool separates_items(std::string_view gap) {
    if (gap.find_first_of(",;/&+|\n") != std::string_view::npos) return true;
    return gap.find("\xE2\x80\xA2") != std::string_view::npos;  // a bullet
}

// The items of a list such as "Freelancers, agencies and in-house teams".
// "and" / "or" separate items only before a group's description has started:
// "Parents with kids and pets" is one group.
std::vector<std::vector<Token>> list_items(std::string_view text,
                                           const std::vector<Token>& tokens) {
    std::vector<std::vector<Token>> items(1);
    bool described = false;
    auto next_item = [&] {
        if (!items.back().empty()) items.emplace_back();
        described = false;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0 &&
            separates_items(text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end)))
            next_item();
        const std::string& word = tokens[i].text;
        if ((word == "and" || word == "or" || word == "vs" || word == "versus") && !described) {
            next_item();
            continue;
        }
        if (!items.back().empty() && is_qualifier_word(word)) described = true;
        items.back().push_back(tokens[i]);
    }
    if (items.back().empty()) items.pop_back();
    return items;
}

std::size_t count_groups(std::string_view text, const std::vector<Token>& tokens) {
    std::size_t groups = 0;
    for (const std::vector<Token>& item : list_items(text, tokens)) groups += names_a_group(item);
    return groups;
}

// Distinct content terms that say which people: "independent", "café",
// "owner"; words for people in general do not count.
bool has_qualified_group(const std::vector<std::string_view>& texts) {
    static const Stems general =
        stems_of({"people", "person", "consumers", "individuals", "households", "adults", "public",
                  "market", "segment", "group", "audience", "general", "mass", "broad", "target",
                  "humans", "population"});
    static const Stems niche_words =
        stems_of({"niche", "specialist", "specialised", "specialized"});
    Stems qualifiers;
    for (std::string_view text : texts)
        for (const std::string& term : content_terms(text)) {
            if (has(niche_words, term)) return true;
            if (!has(general, term)) qualifiers.push_back(term);
        }
    std::sort(qualifiers.begin(), qualifiers.end());
    qualifiers.erase(std::unique(qualifiers.begin(), qualifiers.end()), qualifiers.end());
    return qualifiers.size() >= 2;
}

// Content terms have no stop words, so "both sides" and "peer to peer" are
// not looked for here; "two-sided" still reads as "two", "side".
bool profile_is_multisided(const std::vector<const std::vector<std::string>*>& profile_terms) {
    static const Stems words = stems_of({"marketplace", "multisided", "matchmaking", "p2p"});
    static const Stems sides = stems_of({"two", "three", "multi"});
    static const std::string side = stems_of({"sided"}).front();
    Stems stems;
    for (const std::vector<std::string>* terms : profile_terms) {
        for (std::size_t i = 0; i < terms->size(); ++i) {
            const std::string& term = (*terms)[i];
            if (has(words, term)) return true;
            if (term == side && i > 0 && has(sides, (*terms)[i - 1])) return true;
            stems.push_back(term);
        }
    }
    std::sort(stems.begin(), stems.end());
    stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
    return has_platform_pair(stems);
}

}  // namespace

const char* segment_type_name(SegmentType type) {
    switch (type) {
        case SegmentType::mass_market: return "mass-market";
        case SegmentType::niche: return "niche";
        case SegmentType::multisided: return "multisided";
        case SegmentType::segmented: return "segmented";
        case SegmentType::unknown: break;
    }
    return "unknown";
}

SegmentType classify_segment(const std::vector<std::string_view>& segment_texts,
                             const std::vector<const std::vector<std::string>*>& profile_terms) {
    std::vector<std::vector<Token>> tokens;
    Stems stems;
    for (std::string_view text : segment_texts) {
        tokens.push_back(tokenize(text));
        for (const Token& token : tokens.back()) stems.push_back(token.stem);
    }
    std::sort(stems.begin(), stems.end());
    stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
    const auto any_note = [&](auto test) {
        return std::any_of(tokens.begin(), tokens.end(), test);
    };
    if (has_platform_pair(stems) ||
        any_note([](const std::vector<Token>& t) { return has_phrase(t, multisided_phrases()); }))
        return SegmentType::multisided;
    if (any_note([](const std::vector<Token>& t) { return is_mass_market(t); }))
        return SegmentType::mass_market;
    std::size_t groups = 0;
    for (std::size_t i = 0; i < segment_texts.size(); ++i)
        groups += count_groups(segment_texts[i], tokens[i]);
    if (groups >= 2) return SegmentType::segmented;
    if (has_qualified_group(segment_texts)) return SegmentType::niche;
    if (profile_is_multisided(profile_terms)) return SegmentType::multisided;
    return SegmentType::unknown;
}

}  // namespace canvasfit

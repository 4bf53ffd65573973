// Value-proposition types, key metrics, value drivers and the per-canvas value
// stage (docs/value.md). Segment types are in segment_types.cpp, the
// competitor sheet in competitors.cpp, the report-time part in value_report.cpp.
#include "engine/value_types.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "engine/engine.hpp"
#include "text/text.hpp"
#include "common/sort_stably.hpp"

namespace canvasfit {

namespace {

constexpr ValueType kNovelty = ValueType::novelty;
constexpr ValueType kPerformance = ValueType::performance;
constexpr ValueType kCustomization = ValueType::customization;
constexpr ValueType kDesign = ValueType::design;
constexpr ValueType kBrand = ValueType::brand;
constexpr ValueType kPrice = ValueType::price;
constexpr ValueType kCostReduction = ValueType::cost_reduction;
constexpr ValueType kRiskReduction = ValueType::risk_reduction;
constexpr ValueType kConvenience = ValueType::convenience;
constexpr ValueType kAccess = ValueType::access;

// A cue: one word, matched by its Porter2 stem, or a phrase, matched as a run
// of content terms (stop words are not terms: "ease of use" is "eas use", and
// every phrase keeps at least two content words). A word written "=word" is
// matched by its folded form instead, because its stem collides with an
// unrelated word ("productivity" and "product" both stem to "product").
// Matching works on the content terms the engine computed for every note, so
// the stage does not tokenize the notes a second time.
struct Cue {
    const char* text;
    ValueType type;
    double weight;
};

// Curated from the seeds' definitions of each type ("Performance: improving
// the speed, efficiency, or quality of a task") and the words teams write on
// relievers, creators and the pains and gains they answer. Pain-side words
// ("slow", "complicated", "expensive") are listed too: drivers are read with
// the same lexicon.
// clang-format off
constexpr Cue kCues[] = {
    // Novelty: something the market has not seen before.
    {"novel", kNovelty, 1}, {"innovative", kNovelty, 1},
    {"unique", kNovelty, 1}, {"breakthrough", kNovelty, 1}, {"revolutionary", kNovelty, 1},
    {"pioneering", kNovelty, 1}, {"patented", kNovelty, 1}, {"disruptive", kNovelty, 1},
    {"futuristic", kNovelty, 1}, {"new", kNovelty, 0.5}, {"first", kNovelty, 0.5},
    {"latest", kNovelty, 0.5}, {"ai", kNovelty, 0.5}, {"cutting edge", kNovelty, 2},
    {"state of the art", kNovelty, 2}, {"world first", kNovelty, 2}, {"brand new", kNovelty, 2},
    {"one of a kind", kNovelty, 2}, {"next generation", kNovelty, 2},
    // Performance: speed, efficiency, quality, reliability.
    {"fast", kPerformance, 1}, {"faster", kPerformance, 1}, {"fastest", kPerformance, 1},
    {"speed", kPerformance, 1}, {"speedy", kPerformance, 1}, {"quick", kPerformance, 1},
    {"quicker", kPerformance, 1}, {"quickest", kPerformance, 1}, {"instant", kPerformance, 1},
    {"rapid", kPerformance, 1}, {"efficient", kPerformance, 1}, {"=productivity", kPerformance, 1},
    {"=productive", kPerformance, 1}, {"performance", kPerformance, 1},
    {"accurate", kPerformance, 1}, {"accuracy", kPerformance, 1}, {"precise", kPerformance, 1},
    {"quality", kPerformance, 1}, {"reliable", kPerformance, 1},
    {"uptime", kPerformance, 1}, {"automated", kPerformance, 1}, {"time", kPerformance, 1},
    {"hour", kPerformance, 1}, {"minute", kPerformance, 1}, {"=powerful", kPerformance, 1},
    {"=effective", kPerformance, 1}, {"=effectively", kPerformance, 1},
    {"optimised", kPerformance, 1}, {"optimized", kPerformance, 1}, {"scalable", kPerformance, 1},
    {"slow", kPerformance, 1}, {"slower", kPerformance, 1}, {"delay", kPerformance, 1},
    {"waiting", kPerformance, 1}, {"error", kPerformance, 1}, {"mistakes", kPerformance, 1},
    {"downtime", kPerformance, 1}, {"outage", kPerformance, 1}, {"lag", kPerformance, 1},
    {"latency", kPerformance, 1}, {"late", kPerformance, 0.5}, {"real time", kPerformance, 2},
    {"save time", kPerformance, 2}, {"time saving", kPerformance, 2},
    {"error free", kPerformance, 2},
    // Customization: tailored to the customer's preferences.
    {"=personalized", kCustomization, 1}, {"=personalised", kCustomization, 1},
    {"=personalize", kCustomization, 1}, {"=personalise", kCustomization, 1},
    {"=personalization", kCustomization, 1}, {"=personalisation", kCustomization, 1},
    {"custom", kCustomization, 1}, {"customizable", kCustomization, 1},
    {"customise", kCustomization, 1}, {"tailored", kCustomization, 1},
    {"bespoke", kCustomization, 1}, {"configurable", kCustomization, 1},
    {"flexible", kCustomization, 1}, {"adaptable", kCustomization, 1},
    {"modular", kCustomization, 1}, {"preferences", kCustomization, 1}, {"api", kCustomization, 1},
    {"individual", kCustomization, 0.5},
    {"tailor made", kCustomization, 2}, {"made to measure", kCustomization, 2},
    {"white label", kCustomization, 2}, {"mix and match", kCustomization, 2},
    {"one size fits all", kCustomization, 2},
    // Design: aesthetic or functional appeal.
    {"design", kDesign, 1}, {"aesthetic", kDesign, 1}, {"elegant", kDesign, 1},
    {"stylish", kDesign, 1}, {"style", kDesign, 1}, {"sleek", kDesign, 1},
    {"beautiful", kDesign, 1}, {"attractive", kDesign, 1}, {"gorgeous", kDesign, 1},
    {"ergonomic", kDesign, 1}, {"minimalist", kDesign, 1}, {"handcrafted", kDesign, 1},
    {"ugly", kDesign, 1}, {"compact", kDesign, 0.5}, {"lightweight", kDesign, 0.5},
    {"look and feel", kDesign, 2}, {"well designed", kDesign, 2},
    // Brand / status: a signal of prestige or identity.
    {"brand", kBrand, 1}, {"prestige", kBrand, 1}, {"prestigious", kBrand, 1},
    {"luxury", kBrand, 1}, {"exclusive", kBrand, 1},
    {"premium", kBrand, 1}, {"vip", kBrand, 1}, {"elite", kBrand, 1}, {"iconic", kBrand, 1},
    {"reputation", kBrand, 1}, {"famous", kBrand, 1}, {"renowned", kBrand, 1},
    {"celebrity", kBrand, 1}, {"heritage", kBrand, 1}, {"fashionable", kBrand, 1},
    {"trendy", kBrand, 1}, {"recognition", kBrand, 1}, {"award", kBrand, 0.5},
    // "Status" alone is a state on most boards ("order status", "each client's
    // status"): only these phrases mean standing.
    {"status symbol", kBrand, 2}, {"social status", kBrand, 2}, {"high status", kBrand, 2},
    {"look professional", kBrand, 2}, {"feel special", kBrand, 2},
    {"limited edition", kBrand, 2}, {"award winning", kBrand, 2}, {"well known", kBrand, 2},
    // Price: a cost advantage relative to the alternatives.
    {"price", kPrice, 1}, {"cheap", kPrice, 1}, {"cheaper", kPrice, 1}, {"cheapest", kPrice, 1},
    {"affordable", kPrice, 1}, {"inexpensive", kPrice, 1}, {"=expensive", kPrice, 1},
    {"overpriced", kPrice, 1}, {"pricey", kPrice, 1}, {"free", kPrice, 1},
    {"freemium", kPrice, 1}, {"discount", kPrice, 1}, {"budget", kPrice, 1},
    {"bargain", kPrice, 1}, {"frugal", kPrice, 1}, {"fees", kPrice, 1}, {"deal", kPrice, 0.5},
    {"low cost", kPrice, 2}, {"lower price", kPrice, 2}, {"fair price", kPrice, 2},
    {"pay as you go", kPrice, 2}, {"pay per use", kPrice, 2}, {"flat fee", kPrice, 2},
    {"flat rate", kPrice, 2}, {"half the price", kPrice, 2},
    {"fraction of the cost", kPrice, 2}, {"value for money", kPrice, 2},
    {"price sensitive", kPrice, 2}, {"low income", kPrice, 2}, {"cost conscious", kPrice, 2},
    // Cost reduction: the customer's overall expenses go down.
    {"cost", kCostReduction, 1}, {"=expenses", kCostReduction, 1},
    {"=expense", kCostReduction, 1}, {"overhead", kCostReduction, 1},
    {"waste", kCostReduction, 1}, {"wastage", kCostReduction, 1}, {"roi", kCostReduction, 1},
    {"overtime", kCostReduction, 1}, {"payroll", kCostReduction, 1}, {"tco", kCostReduction, 1},
    {"save", kCostReduction, 0.5}, {"spend", kCostReduction, 0.5},
    {"bills", kCostReduction, 0.5}, {"money", kCostReduction, 0.5},
    {"save money", kCostReduction, 2}, {"cut costs", kCostReduction, 2},
    {"reduce costs", kCostReduction, 2}, {"lower costs", kCostReduction, 2},
    {"lower bills", kCostReduction, 2}, {"return on investment", kCostReduction, 2},
    {"running costs", kCostReduction, 2}, {"total cost of ownership", kCostReduction, 2},
    {"fewer staff", kCostReduction, 2},
    // Risk reduction: less perceived risk in buying and using.
    {"secure", kRiskReduction, 1}, {"safe", kRiskReduction, 1}, {"safety", kRiskReduction, 1},
    {"guarantee", kRiskReduction, 1}, {"warranty", kRiskReduction, 1},
    {"insurance", kRiskReduction, 1}, {"compliance", kRiskReduction, 1},
    {"compliant", kRiskReduction, 1}, {"gdpr", kRiskReduction, 1}, {"hipaa", kRiskReduction, 1},
    {"backup", kRiskReduction, 1}, {"encrypted", kRiskReduction, 1},
    {"fraud", kRiskReduction, 1}, {"verified", kRiskReduction, 1}, {"trust", kRiskReduction, 1},
    {"trustworthy", kRiskReduction, 1}, {"refund", kRiskReduction, 1},
    {"risk", kRiskReduction, 1}, {"risky", kRiskReduction, 1}, {"protect", kRiskReduction, 1},
    {"certified", kRiskReduction, 1}, {"vetted", kRiskReduction, 1}, {"audit", kRiskReduction, 1},
    {"theft", kRiskReduction, 1}, {"breach", kRiskReduction, 1}, {"hack", kRiskReduction, 1},
    {"privacy", kRiskReduction, 1}, {"safeguard", kRiskReduction, 1},
    {"liability", kRiskReduction, 1}, {"regulation", kRiskReduction, 1},
    {"regulatory", kRiskReduction, 1}, {"uncertainty", kRiskReduction, 1},
    {"reassurance", kRiskReduction, 1}, {"worry", kRiskReduction, 0.5},
    {"money back", kRiskReduction, 2}, {"risk free", kRiskReduction, 2},
    {"free trial", kRiskReduction, 2}, {"cancel anytime", kRiskReduction, 2},
    {"peace of mind", kRiskReduction, 2},
    {"background check", kRiskReduction, 2}, {"worry free", kRiskReduction, 2},
    // Convenience / usability: the job gets easier.
    {"easy", kConvenience, 1}, {"easier", kConvenience, 1}, {"easiest", kConvenience, 1},
    {"easily", kConvenience, 1}, {"ease", kConvenience, 1}, {"simple", kConvenience, 1},
    {"simpler", kConvenience, 1}, {"simplest", kConvenience, 1}, {"simplify", kConvenience, 1},
    {"intuitive", kConvenience, 1}, {"convenient", kConvenience, 1},
    {"effortless", kConvenience, 1}, {"hassle", kConvenience, 1}, {"seamless", kConvenience, 1},
    {"frictionless", kConvenience, 1}, {"usability", kConvenience, 1},
    {"onboarding", kConvenience, 1}, {"reminders", kConvenience, 1},
    {"automatic", kConvenience, 1}, {"complicated", kConvenience, 1},
    {"complex", kConvenience, 1}, {"confusing", kConvenience, 1}, {"cumbersome", kConvenience, 1},
    {"tedious", kConvenience, 1}, {"clunky", kConvenience, 1}, {"paperwork", kConvenience, 1},
    {"doorstep", kConvenience, 1}, {"=friendly", kConvenience, 1}, {"steps", kConvenience, 0.5},
    {"setup", kConvenience, 0.5}, {"integration", kConvenience, 0.5},
    {"hassle free", kConvenience, 2}, {"one click", kConvenience, 2},
    {"one tap", kConvenience, 2}, {"one stop", kConvenience, 2}, {"in one place", kConvenience, 2},
    {"plug and play", kConvenience, 2}, {"self service", kConvenience, 2},
    {"hands free", kConvenience, 2}, {"ease of use", kConvenience, 2},
    {"easy to use", kConvenience, 2}, {"learning curve", kConvenience, 2},
    {"stress free", kConvenience, 2},
    // Access: available where it was restricted before.
    {"access", kAccess, 1}, {"available", kAccess, 1}, {"anywhere", kAccess, 1},
    {"anytime", kAccess, 1}, {"24/7", kAccess, 1}, {"remote", kAccess, 1},
    {"worldwide", kAccess, 1}, {"nationwide", kAccess, 1}, {"rural", kAccess, 1},
    {"offline", kAccess, 1}, {"unlock", kAccess, 1}, {"nearby", kAccess, 1},
    {"inclusive", kAccess, 1}, {"multilingual", kAccess, 1}, {"underserved", kAccess, 1},
    {"unbanked", kAccess, 1}, {"wheelchair", kAccess, 1}, {"online", kAccess, 0.5},
    {"global", kAccess, 0.5},
};
// clang-format on

struct WeightedType {
    ValueType type;
    double weight;
};

struct PhraseCue {
    std::vector<std::string> terms;
    WeightedType value;
};

// What a term can start: a one-word cue and phrases (longest first, so the
// longest match wins). One lookup per term.
struct TermCues {
    std::optional<WeightedType> word;
    std::vector<PhraseCue> phrases;
};

struct Lexicon {
    std::unordered_map<std::string, TermCues> by_stem;
    std::unordered_map<std::string, WeightedType> by_form;
    // Stems of the "=word" cues: only notes holding one of them need their
    // words' folded forms.
    std::vector<std::string> form_stems;
};

void add_cue(Lexicon& lexicon, const Cue& cue) {
    const std::string_view text(cue.text);
    const WeightedType value{cue.type, cue.weight};
    if (text.front() == '=') {
        const std::string form = fold_case(text.substr(1));
        lexicon.by_form.emplace(form, value);
        lexicon.form_stems.push_back(content_terms(form).front());
        return;
    }
    std::vector<std::string> terms = content_terms(text);
    if (terms.empty()) return;  // stop words only: nothing to match
    TermCues& cues = lexicon.by_stem[terms.front()];
    if (terms.size() > 1) cues.phrases.push_back({std::move(terms), value});
    else if (!cues.word) cues.word = value;
}

const Lexicon& lexicon() {
    static const Lexicon built = [] {
        Lexicon lexicon;
        for (const Cue& cue : kCues) add_cue(lexicon, cue);
        for (auto& entry : lexicon.by_stem)
            sort_stably(entry.second.phrases.begin(), entry.second.phrases.end(),
                        [](const PhraseCue& a, const PhraseCue& b) {
                            return a.terms.size() > b.terms.size();
                        });
        std::sort(lexicon.form_stems.begin(), lexicon.form_stems.end());
        return lexicon;
    }();
    return built;
}

// The phrase that starts at terms[at], if any.
const PhraseCue* phrase_at(const TermCues& cues, const Terms& terms, std::size_t at) {
    for (const PhraseCue& phrase : cues.phrases)
        if (at + phrase.terms.size() <= terms.size() &&
            std::equal(phrase.terms.begin(), phrase.terms.end(), terms.begin() + at))
            return &phrase;
    return nullptr;
}

// The folded word behind each content term of `text`, in the same order
// (content_terms keeps one term per number and per word that is not a stop
// word), or nothing when no term needs it.
std::vector<std::string> forms_if_needed(const Terms& terms, std::string_view text) {
    const std::vector<std::string>& stems = lexicon().form_stems;
    const bool needed = std::any_of(terms.begin(), terms.end(), [&](const std::string& term) {
        return std::binary_search(stems.begin(), stems.end(), term);
    });
    std::vector<std::string> forms;
    if (!needed) return forms;
    for (Token& token : tokenize(text))
        if (token.is_number || !is_stop_word(token.text)) forms.push_back(std::move(token.text));
    if (forms.size() != terms.size()) forms.clear();  // terms of another text: stems only
    return forms;
}

// A word's cue: by its folded form for the "=word" cues, else by its stem.
const WeightedType* word_cue(const TermCues* cues, const std::vector<std::string>& forms,
                             std::size_t at) {
    if (!forms.empty())
        if (const auto form = lexicon().by_form.find(forms[at]); form != lexicon().by_form.end())
            return &form->second;
    return cues && cues->word ? &*cues->word : nullptr;
}

struct TypeScores {
    std::array<double, kValueTypeCount> weight{};
    std::array<std::size_t, kValueTypeCount> first_at{};
    std::array<bool, kValueTypeCount> seen{};

    void add(const WeightedType& value, std::size_t at) {
        const auto t = static_cast<std::size_t>(value.type);
        weight[t] += value.weight;
        if (!seen[t]) first_at[t] = at;
        seen[t] = true;
    }

    ValueType best() const {
        std::optional<std::size_t> best;
        for (std::size_t t = 0; t < kValueTypeCount; ++t) {
            if (!seen[t]) continue;
            if (!best || weight[t] > weight[*best] ||
                (weight[t] == weight[*best] && first_at[t] < first_at[*best]))
                best = t;
        }
        return best ? static_cast<ValueType>(*best) : ValueType::none;
    }
};

// `terms` are content_terms(text), e.g. the engine's terms of a note.
ValueType classify_terms(const Terms& terms, std::string_view text) {
    const std::vector<std::string> forms = forms_if_needed(terms, text);
    TypeScores scores;
    for (std::size_t i = 0; i < terms.size();) {
        const auto found = lexicon().by_stem.find(terms[i]);
        const TermCues* cues = found == lexicon().by_stem.end() ? nullptr : &found->second;
        if (const PhraseCue* phrase = cues ? phrase_at(*cues, terms, i) : nullptr) {
            scores.add(phrase->value, i);
            i += phrase->terms.size();
            continue;
        }
        if (const WeightedType* word = word_cue(cues, forms, i)) scores.add(*word, i);
        ++i;
    }
    return scores.best();
}

// --- Dominant type ---

// A reliever or creator counts 1, plus the highest priority among the pains
// and gains it is linked to: of two equally common types, the one that answers
// what the segment ranks highest leads.
std::optional<ValueType> dominant_type(const CanvasNotes& notes, const ValueProfile& profile,
                                       const std::vector<Link>& links,
                                       const std::vector<Priority>& priorities) {
    std::unordered_map<NoteIndex, double> best_target;
    for (const Link& link : links) {
        if (!link.counts()) continue;
        double& best = best_target[link.from];
        best = std::max(best, priorities[link.to].priority);
    }
    std::array<double, kValueTypeCount> score{};
    std::array<int, kValueTypeCount> count{};
    auto add = [&](const std::vector<NoteIndex>& section, const std::vector<ValueType>& types) {
        for (std::size_t i = 0; i < section.size(); ++i) {
            if (types[i] == ValueType::none) continue;
            const auto t = static_cast<std::size_t>(types[i]);
            const auto linked = best_target.find(section[i]);
            score[t] += 1 + (linked == best_target.end() ? 0 : linked->second);
            ++count[t];
        }
    };
    add(notes.of(Section::relievers), profile.relievers);
    add(notes.of(Section::creators), profile.creators);
    std::optional<std::size_t> best;
    for (std::size_t t = 0; t < kValueTypeCount; ++t)
        if (count[t] > 0 && (!best || score[t] > score[*best] ||
                             (score[t] == score[*best] && count[t] > count[*best])))
            best = t;
    if (!best) return std::nullopt;
    return static_cast<ValueType>(*best);
}

std::vector<ValueType> classify_notes(const BoardAnalysis& analysis,
                                      const std::vector<NoteIndex>& notes) {
    std::vector<ValueType> types;
    types.reserve(notes.size());
    for (NoteIndex n : notes)
        types.push_back(classify_terms(analysis.readings[n].terms, analysis.board->notes[n].text));
    return types;
}

}  // namespace

const char* value_type_name(ValueType type) {
    switch (type) {
        case ValueType::novelty: return "novelty";
        case ValueType::performance: return "performance";
        case ValueType::customization: return "customization";
        case ValueType::design: return "design";
        case ValueType::brand: return "brand";
        case ValueType::price: return "price";
        case ValueType::cost_reduction: return "cost-reduction";
        case ValueType::risk_reduction: return "risk-reduction";
        case ValueType::convenience: return "convenience";
        case ValueType::access: return "access";
        case ValueType::none: break;
    }
    return "none";
}

ValueType classify_value(std::string_view text) {
    return classify_terms(content_terms(text), text);
}

bool same_value_family(ValueType a, ValueType b) {
    auto money = [](ValueType t) {
        return t == ValueType::price || t == ValueType::cost_reduction;
    };
    return a == b || (money(a) && money(b));
}

// The seeds' "Key Metric for Fit" column where it names one (customization,
// risk mitigation, convenience, performance), and the same logic for the
// other types: measure the thing the segment buys this type of value for.
const char* key_metric_for(ValueType type) {
    switch (type) {
        case ValueType::novelty:
            return "share of the segment that tries the new capability and keeps using it";
        case ValueType::performance:
            return "time or effort saved per job (speed, error rate, uptime)";
        case ValueType::customization: return "usage frequency of custom features";
        case ValueType::design: return "preference for the look and feel in side-by-side tests";
        case ValueType::brand: return "willingness to pay a premium and referral rate";
        case ValueType::price: return "price vs. alternatives";
        case ValueType::cost_reduction: return "money saved per customer vs. price paid";
        case ValueType::risk_reduction:
            return "incidents avoided (adoption of safety and security measures)";
        case ValueType::convenience:
            return "steps or time to complete the job (time to first value)";
        case ValueType::access: return "customers reached who had no access before";
        case ValueType::none: break;
    }
    return nullptr;
}

std::vector<std::size_t> value_drivers(const std::vector<std::size_t>& pains,
                                       const std::vector<std::size_t>& gains,
                                       const std::vector<Priority>& priorities) {
    struct Candidate {
        std::size_t note;
        int side;  // 0 pain, 1 gain
    };
    std::vector<Candidate> candidates;
    for (std::size_t n : pains) candidates.push_back({n, 0});
    for (std::size_t n : gains) candidates.push_back({n, 1});
    sort_stably(candidates.begin(), candidates.end(),
                [&](const Candidate& a, const Candidate& b) {
                    const Priority& pa = priorities[a.note];
                    const Priority& pb = priorities[b.note];
                    if (pa.priority != pb.priority) return pa.priority > pb.priority;
                    if (pa.rank != pb.rank) return pa.rank < pb.rank;
                    return a.side < b.side;
                });
    constexpr std::size_t kFewest = 4, kMost = 8;
    const std::size_t top_half = static_cast<std::size_t>(
        std::count_if(candidates.begin(), candidates.end(),
                      [&](const Candidate& c) { return priorities[c.note].priority >= 0.5; }));
    const std::size_t count = std::min(candidates.size(), std::clamp(top_half, kFewest, kMost));
    std::vector<std::size_t> drivers;
    for (std::size_t i = 0; i < count; ++i) drivers.push_back(candidates[i].note);
    return drivers;
}

ValueProfile profile_value(const BoardAnalysis& analysis, const CanvasNotes& notes,
                           const std::vector<Link>& links) {
    const Board& board = *analysis.board;
    ValueProfile profile;
    profile.relievers = classify_notes(analysis, notes.of(Section::relievers));
    profile.creators = classify_notes(analysis, notes.of(Section::creators));
    profile.dominant = dominant_type(notes, profile, links, analysis.priorities);
    for (std::size_t n :
         value_drivers(notes.of(Section::pains), notes.of(Section::gains), analysis.priorities)) {
        const Note& note = board.notes[n];
        profile.drivers.push_back({note.id, analysis.priorities[n].priority,
                                   classify_terms(analysis.readings[n].terms, note.text),
                                   analysis.readings[n].terms});
    }
    return profile;
}

}  // namespace canvasfit

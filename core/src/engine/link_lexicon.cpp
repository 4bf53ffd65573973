// The families of related words (see link_lexicon.hpp for how they are used).
//
// How to edit: words are written as people write them on notes and turned into
// keys with the engine's own text pipeline, so "expensive" is found as
// "expens" without anyone spelling stems. A phrase is two or more words, all
// of which must appear in that order (stop words included: "on time").
// Keep families tight. A word belongs here only if, on a pain and a reliever
// of the same canvas, it almost always means the same concern; words with a
// second everyday meaning stay out (see the notes under each family). A key
// may appear in one family only; link_lexicon_issues() reports any clash, and
// the unit tests fail on it.
#include "engine/link_lexicon.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

namespace canvasfit::link_lexicon {

namespace {

struct FamilySource {
    std::string_view name;
    std::string_view problem;  // comma-separated words and phrases
    std::string_view remedy;
};

// clang-format off
constexpr FamilySource kFamilies[] = {
    // Money. "save" alone is out (it saves time as often as money), and so is
    // "money" (a claim paid out is money too): the phrases carry the sense.
    // "fee" and "price" are neutral but pains name them far more than remedies.
    {"cost",
     "expensive, pricey, overpriced, price, fee, commission, cost, costly, markup, "
     "overcharge, surcharge, bill",
     "cheap, cheaper, free, flat, discount, affordable, budget, refund, bargain, "
     "spend less, pay less, costs less, save money"},
    // How long things take; being late is punctuality, not speed. "time" and
    // "hour" stay out: "three times as much", "the 11-hour rule", "focus hours";
    // "ages" and "second" have other senses too.
    {"speed",
     "slow, wait, queue, lag, laggy, sluggish, forever",
     "fast, faster, quick, quickly, instant, immediate, immediately, rapid, speed, speedy, "
     "express, minute, shortcut, real time"},
    {"punctuality",
     "late, lateness, delay, overdue, deadline, no show, no shows",
     "punctual, on time, in time, schedule, eta"},
    // Work done by hand.
    {"effort",
     "manual, manually, by hand, paperwork, paper, spreadsheet, excel, tedious, repetitive, "
     "retype, hassle, effort, chore, admin, copy paste",
     "automatic, automate, automation, auto, one click, one tap, sync, integration, integrate, "
     "template, self service, paperless, generate, generated"},
    // Hard to use or understand. "guide" is learning; "clutter" is organisation.
    {"ease",
     "confusing, confused, complicated, complex, complexity, difficult, difficulty, hard, "
     "overwhelming, clunky, jargon, unclear, fiddly, cumbersome, learning curve",
     "simple, simpler, simplify, easy, easier, easily, intuitive, clear, step by step, plain, "
     "wizard, effortless, straightforward, user friendly"},
    // Getting things wrong. "check" is left out (check-in, check availability).
    {"accuracy",
     "error, mistake, wrong, typo, inaccurate, incorrect, mix up, mixup, miscount, "
     "double booking, discrepancy",
     "accurate, accuracy, correct, correctly, precise, exact"},
    // Forgetting, and having to remind others by hand ("chasing late payers").
    // "miss" sits here ("missed appointments"), not under loss.
    {"memory",
     "forget, forgot, forgotten, forgetful, miss, overlook, chase, chasing",
     "remind, reminder, alert, notify, notification, nudge, calendar"},
    // Food and stock going to waste.
    {"waste",
     "waste, wasted, wasteful, spoil, spoilage, expire, expired, expiry, leftover, surplus, "
     "overstock, stale, rot, throw away, thrown away, goes off, go off, gone off, went off",
     "fresh, donate, reuse, recycle, compost, portion, just in time"},
    // Things that go missing or get stolen, and knowing where they are. "find" stays out
    // ("hard to find a plumber" is not about tracking).
    {"loss",
     "lost, lose, misplaced, disappear, untracked, fall through, slip through, stolen, theft, "
     "steal",
     "track, trace, traceable, straight, direct, directly, record, log, history, backup"},
    {"communication",
     "back and forth, unanswered, ignored, miscommunication, misunderstanding",
     "chat, message, messaging, update, inbox"},
    // Being cheated, exposed or unsure. "trust" is a remedy: pains say "no trust".
    {"risk",
     "risk, risky, fraud, scam, unsafe, insecure, breach, hack, "
     "uncertain, uncertainty, unsure, doubt, distrust, fake, dodgy, shady, privacy",
     "secure, security, safe, safely, safety, guarantee, insured, insurance, verified, "
     "certified, encrypted, encryption, trust, trusted, trustworthy, vetted, warranty, protect, "
     "protection, private, anonymous"},
    // Software and equipment that fails.
    {"reliability",
     "crash, bug, buggy, glitch, outage, downtime, unreliable, broken",
     "reliable, reliability, stable, stability, uptime, robust"},
    // "premium" is what an insurance policy costs; "leak" (under risk) is water.
    {"quality",
     "poor, mediocre, inconsistent, defect, defective, damaged, sloppy, low quality",
     "quality, consistent, consistency, durable, handmade, craft, artisan"},
    // Not there when wanted: closed, sold out, out of stock.
    {"availability",
     "unavailable, sold out, out of stock, run out, runs out, ran out, running out, "
     "shortage, stockout, scarce",
     "available, availability, 24/7, anytime, any time, round the clock, in stock, restock, "
     "reorder, refill, replenish"},
    // "personal" stems to "person" ("in person", "per person" too): accepted,
    // both spellings of personalised are needed.
    {"personalisation",
     "generic, one size fits all, irrelevant, impersonal",
     "personalised, personalized, personalise, personal, custom, customised, customized, "
     "tailor, tailored, bespoke, recommend, recommendation, made to measure"},
    {"choice",
     "boring, monotonous, bland, same old",
     "variety, choice, choose, option, seasonal, rotating"},
    // Being tied in. "monthly" stays out: a flat monthly fee is about cost.
    {"commitment",
     "contract, lock in, locked in, commitment, rigid, inflexible, penalty, binding",
     "flexible, flexibility, cancel anytime, pause, pay as you go, trial, no strings"},
    {"stress",
     "stress, stressed, anxious, anxiety, worry, worried, frustrating, frustrated, "
     "frustration, fear, afraid, embarrassed, embarrassing, guilt, guilty, annoying, "
     "nightmare, panic, headache",
     "calm, peace, peace of mind, relax, relaxed, relaxing, confident, confidence, reassurance, "
     "reassure, relief"},
    // Left alone with a problem. "help" stays out: relievers "help" with everything.
    {"support",
     "stuck, on hold, helpless, unsupported, abandoned",
     "support, helpdesk, help desk, helpline, coach, coaching, mentor, expert, advice, advisor, "
     "guidance, onboarding, concierge, assistant"},
    // Not knowing what is going on. "data" stays out: every board says it.
    {"insight",
     "blind, guess, guessing, guesswork, unknown, no idea, in the dark",
     "dashboard, report, reporting, insight, analytics, overview, visible, visibility, "
     "forecast, metrics, stats, statistics"},
    // "itemized" stems to "item"; only the British spelling is safe.
    {"transparency",
     "hidden, surprise, opaque, small print, fine print",
     "transparent, transparency, upfront, up front, itemised, honest, summary, plain english"},
    {"organisation",
     "messy, mess, chaos, chaotic, scattered, disorganised, disorganized, juggle, juggling, "
     "fragmented, clutter, cluttered, too many tools",
     "organise, organised, organize, organized, one place, central, centralised, centralized, "
     "unified, all in one, tidy, consolidated, hub"},
    // Too much to do at once. "busy" stays out: it stems to "busi", like "business".
    {"workload",
     "rush, peak, overload, overloaded, overworked, overbooked, understaffed, "
     "short staffed, bottleneck, burnout, exhausted",
     "capacity, scale, scalable, delegate, outsource, free up"},
    {"learning",
     "beginner, inexperienced, unskilled, clueless, intimidating, intimidated",
     "learn, learning, tutorial, course, lesson, training, teach, guide, guided, how to, "
     "workshop, class"},
    // "social" (social media) and "friendly" (stems to "friend") stay out.
    {"isolation",
     "lonely, loneliness, isolated, isolation, alone, on my own",
     "community, together, meetup, club, peers, buddy"},
    // Distance to the customer. "home" and "remote" stay out: both sides use them;
    // "delivery" alone is the topic of food and logistics canvases, not a remedy.
    {"distance",
     "far, commute, commuting, travel, drive, driving, distance, far away, parking",
     "nearby, local, locally, doorstep, near, home delivery, to your door"},
    // "wellness" stems to "well", "balanced" to "balanc" (work-life balance): out.
    {"health",
     "tired, fatigue, unhealthy, injury, injured, sore, overweight, sedentary, sick, junk",
     "healthy, health, energy, nutrition, nutritious, wholesome, exercise, workout, wellbeing"},
    // "accountability" stems to "account" and "challenge" opens many pains: out.
    {"motivation",
     "quit, give up, gave up, plateau, unmotivated, lazy, procrastinate, procrastination",
     "progress, streak, goal, reward, gamified, badge, motivate, motivating, motivation, "
     "milestone"},
    // "focus" stays out: "focus on" is how many notes start.
    {"distraction",
     "spam, noise, noisy, loud, distraction, distracted, interruption, interrupt, ads, adverts",
     "quiet, silent, silence, soundproof, ad free, filter, mute, digest, curated"},
};
// clang-format on

// Negations and reducers, as folded words (apostrophes already dropped).
constexpr std::string_view kNegatesNext[] = {
    "no", "not", "never", "nothing", "without", "zero", "cannot", "cant", "dont", "doesnt",
    "wont", "less", "fewer", "reduce", "reduces", "reduced", "cut", "cuts", "lower", "lowers",
    "avoid", "avoids", "prevent", "prevents", "stop", "stops", "skip", "skips", "eliminate",
    "eliminates", "remove", "removes"};
constexpr std::string_view kNegatesPrevious[] = {"free", "proof"};

template <std::size_t N>
bool listed(const std::string_view (&words)[N], std::string_view word) {
    return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

struct Lexicon {
    std::vector<Family> families;
    // Hash maps: both are asked for every token of every note (ordered maps
    // cost ~5 % of linking in string compares).
    std::unordered_map<std::string, Membership> membership;
    // Phrase keys by their first folded word, for find_phrases().
    std::unordered_map<std::string, std::vector<std::vector<std::string>>> phrases_by_first;
    std::vector<std::string> issues;
};

std::vector<std::string_view> split_entries(std::string_view list) {
    std::vector<std::string_view> entries;
    while (!list.empty()) {
        const std::size_t comma = std::min(list.find(','), list.size());
        std::string_view entry = list.substr(0, comma);
        while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
        while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
        if (!entry.empty()) entries.push_back(entry);
        list.remove_prefix(std::min(comma + 1, list.size()));
    }
    return entries;
}

std::vector<std::string> folded_words(std::string_view phrase) {
    std::vector<std::string> words;
    for (Token& token : tokenize(phrase)) words.push_back(std::move(token.text));
    return words;
}

std::string join_words(const std::vector<std::string>& words) {
    std::string joined;
    for (const std::string& word : words) joined += (joined.empty() ? "" : " ") + word;
    return joined;
}

// The key of one lexicon entry: its single content term, or for a phrase its
// folded words. Empty (and an issue recorded) when the entry can never match.
std::string key_of(std::string_view entry, Lexicon& lexicon) {
    const std::vector<std::string> words = folded_words(entry);
    if (words.size() > 1) {
        lexicon.phrases_by_first[words.front()].push_back(words);
        return join_words(words);
    }
    const std::vector<std::string> terms = content_terms(entry);
    if (terms.size() == 1) return terms.front();
    lexicon.issues.push_back("'" + std::string(entry) + "' gives no content term");
    return {};
}

void add_side(std::string_view list, std::size_t family, Side side, Lexicon& lexicon) {
    Family& target = lexicon.families[family];
    std::vector<std::string>& keys = side == Side::problem ? target.problem : target.remedy;
    for (std::string_view entry : split_entries(list)) {
        std::string key = key_of(entry, lexicon);
        if (key.empty()) continue;
        const auto [found, inserted] = lexicon.membership.emplace(key, Membership{family, side});
        if (!inserted) {
            const Membership& first = found->second;
            if (first.family != family || first.side != side)
                lexicon.issues.push_back("'" + std::string(entry) + "' (" + key + ") is in " +
                                         lexicon.families[first.family].name + " and " +
                                         target.name);
            continue;
        }
        keys.push_back(std::move(key));
    }
}

Lexicon build_lexicon() {
    Lexicon lexicon;
    for (const FamilySource& source : kFamilies) {
        const std::size_t family = lexicon.families.size();
        lexicon.families.push_back({std::string(source.name), {}, {}});
        add_side(source.problem, family, Side::problem, lexicon);
        add_side(source.remedy, family, Side::remedy, lexicon);
    }
    for (auto& [first, phrases] : lexicon.phrases_by_first) {
        std::sort(phrases.begin(), phrases.end());
        phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
    }
    return lexicon;
}

const Lexicon& lexicon() {
    static const Lexicon built = build_lexicon();
    return built;
}

bool phrase_matches(const std::vector<std::string>& words, const std::vector<Token>& tokens,
                    std::size_t first) {
    if (tokens.size() - first < words.size()) return false;
    for (std::size_t i = 0; i < words.size(); ++i)
        if (tokens[first + i].text != words[i]) return false;
    return true;
}

}  // namespace

const std::vector<Family>& families() { return lexicon().families; }

std::optional<Membership> family_of(std::string_view key) {
    const auto& membership = lexicon().membership;
    const auto found = membership.find(std::string(key));
    if (found == membership.end()) return std::nullopt;
    return found->second;
}

std::vector<PhraseHit> find_phrases(const std::vector<Token>& tokens) {
    const auto& by_first = lexicon().phrases_by_first;
    std::vector<PhraseHit> hits;
    for (std::size_t first = 0; first < tokens.size(); ++first) {
        const auto candidates = by_first.find(tokens[first].text);
        if (candidates == by_first.end()) continue;
        for (const std::vector<std::string>& words : candidates->second)
            if (phrase_matches(words, tokens, first))
                hits.push_back({join_words(words), first, first + words.size()});
    }
    return hits;
}

bool negates_next(std::string_view folded_word) { return listed(kNegatesNext, folded_word); }

bool negates_previous(std::string_view folded_word) {
    return listed(kNegatesPrevious, folded_word);
}

Side opposite(Side side) { return side == Side::problem ? Side::remedy : Side::problem; }

const std::vector<std::string>& link_lexicon_issues() { return lexicon().issues; }

}  // namespace canvasfit::link_lexicon

#include "text/word_forms.hpp"

#include <algorithm>
#include <bitset>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace canvasfit::word_forms {

namespace {

// "form base" pairs, written as people write them; turned into stems with the
// engine's own pipeline so that nobody spells stems. Irregular past forms and
// participles of verbs boards use, irregular plurals, and British spellings
// whose stems differ from the American ones (colour/color stem alike only
// where Porter2 says so; the pairs below are the ones it does not merge).
constexpr std::string_view kForms =
    "paid pay|bought buy|brought bring|sold sell|sent send|spent spend|lent lend|built build|"
    "went go|gone go|goes go|came come|ran run|run run|began begin|begun begin|"
    "took take|taken take|gave give|given give|got get|gotten get|made make|"
    "kept keep|left leave|lost lose|found find|held hold|told tell|thought think|"
    "caught catch|taught teach|sought seek|felt feel|met meet|led lead|read read|"
    "knew know|known know|grew grow|grown grow|drew draw|drawn draw|threw throw|thrown throw|"
    "wrote write|written write|drove drive|driven drive|rode ride|ridden ride|"
    "ate eat|eaten eat|fell fall|fallen fall|broke break|broken break|chose choose|chosen choose|"
    "forgot forget|forgotten forget|spoke speak|spoken speak|stole steal|stolen steal|"
    "woke wake|woken wake|wore wear|worn wear|tore tear|torn tear|hid hide|hidden hide|"
    "saw see|seen see|did do|done do|had have|has have|was be|were be|been be|"
    "understood understand|stood stand|sat sit|slept sleep|fed feed|bled bleed|"
    "children child|men man|women woman|people person|feet foot|teeth tooth|mice mouse|"
    "analyses analysis|criteria criterion|data datum|"
    "colour color|colours color|favour favor|favourite favorite|behaviour behavior|"
    "labour labor|honour honor|neighbour neighbor|centre center|centres center|"
    "theatre theater|metre meter|litre liter|fibre fiber|catalogue catalog|programme program|"
    "licence license|defence defense|offence offense|cheque check|cheques check|"
    "organise organize|organised organize|organising organize|organisation organization|"
    "organisations organization|prioritise prioritize|prioritised prioritize|"
    "prioritising prioritize|optimise optimize|optimised optimize|optimising optimize|"
    "optimisation optimization|analyse analyze|analysed analyze|analysing analyze|"
    "personalise personalize|personalised personalize|personalisation personalization|"
    "customise customize|customised customize|customisation customization|"
    "digitise digitize|digitised digitize|digitisation digitization|"
    "standardise standardize|standardised standardize|standardisation standardization|"
    "minimise minimize|minimised minimize|maximise maximize|maximised maximize|"
    "recognise recognize|recognised recognize|realise realize|realised realize|"
    "specialise specialize|specialised specialize|summarise summarize|summarised summarize|"
    "synchronise synchronize|synchronised synchronize|authorise authorize|authorised authorize|"
    "utilise utilize|utilisation utilization|apologise apologize|"
    "travelled travel|travelling travel|cancelled cancel|cancelling cancel|"
    "labelled label|labelling label|modelling model|modelled model|enrol enroll|enrolment enrollment|"
    "fulfil fulfill|fulfilment fulfillment|instalment installment|judgement judgment";

// Where a stem falls in Table::may_have: its length and its first and last
// letters, hashed.
std::size_t filter_slot(std::string_view stem) {
    if (stem.empty()) return 0;
    const auto first = static_cast<unsigned char>(stem.front());
    const auto last = static_cast<unsigned char>(stem.back());
    return (first * 131u + last * 31u + stem.size()) % 4096u;
}

struct Table {
    std::unordered_map<std::string, std::string> base_of;  // looked up, never iterated
    // Whether a stem may be a form, by filter_slot(): every term of every note
    // is looked up here several times an analysis, and most are no form, so a
    // bit answers them instead of hashing the string.
    std::bitset<4096> may_have;
    std::size_t size = 0;
};

const Table& table() {
    static const Table built = [] {
        Table t;
        std::size_t start = 0;
        while (start < kForms.size()) {
            std::size_t end = kForms.find('|', start);
            if (end == std::string_view::npos) end = kForms.size();
            const std::string_view pair = kForms.substr(start, end - start);
            const std::size_t space = pair.find(' ');
            const std::string form = word_stem(pair.substr(0, space));
            const std::string base = word_stem(pair.substr(space + 1));
            if (!form.empty() && !base.empty() && form != base) {
                t.base_of.emplace(form, base);
                t.may_have.set(filter_slot(form));
                ++t.size;
            }
            start = end + 1;
        }
        return t;
    }();
    return built;
}

bool is_word(const Token& token) { return !token.is_number && !token.text.empty(); }

}  // namespace

const std::string& canonical(const std::string& stem) {
    const Table& forms = table();
    if (!forms.may_have.test(filter_slot(stem))) return stem;
    const auto& base_of = forms.base_of;
    const auto found = base_of.find(stem);
    return found == base_of.end() ? stem : found->second;
}

std::string joined(std::string_view text, const Token& first, const Token& second) {
    if (!is_word(first) || !is_word(second) || second.begin < first.end) return {};
    const std::string_view between = text.substr(first.end, second.begin - first.end);
    if (!(between.empty() || between == " " || between == "-")) return {};
    // Two full words make a compound; a lone letter only before a hyphen ("e-mail").
    if (first.text.size() == 1 && between != "-") return {};
    if (first.text.size() + second.text.size() < 6) return {};
    return canonical(word_stem(first.text + second.text));
}

Words::Stem Words::keyed(std::string_view stem) {
    std::uint64_t head = 0;
    for (std::size_t i = 0; i < 8; ++i)
        head = head << 8 | (i < stem.size() ? static_cast<unsigned char>(stem[i]) : 0u);
    return {head, stem.size(), stem};
}

bool Words::before(const Stem& a, const Stem& b) {
    if (a.head != b.head) return a.head < b.head;
    if (a.size != b.size) return a.size < b.size;
    return a.size > 8 && a.text.substr(8) < b.text.substr(8);
}

Words::Words(const std::vector<const std::vector<std::string>*>& note_terms) {
    std::size_t count = 0;
    for (const std::vector<std::string>* terms : note_terms) count += terms->size();
    stems_.reserve(count);
    for (const std::vector<std::string>* terms : note_terms)
        for (const std::string& term : *terms) stems_.push_back(keyed(canonical(term)));
    std::sort(stems_.begin(), stems_.end(), before);
    const auto same = [](const Stem& a, const Stem& b) { return !before(a, b) && !before(b, a); };
    stems_.erase(std::unique(stems_.begin(), stems_.end(), same), stems_.end());
}

bool Words::contains(std::string_view stem) const {
    return std::binary_search(stems_.begin(), stems_.end(), keyed(stem), before);
}

std::vector<std::string> comparable_terms(const std::string& text, const Words* known_words) {
    return comparable_terms(read_text(text), known_words);
}

std::vector<std::string> comparable_terms(const NoteReading& reading, const Words* known_words) {
    std::vector<std::string> terms;
    for (std::string_view term : comparable_term_views(reading, known_words)) terms.emplace_back(term);
    return terms;
}

std::vector<std::string_view> comparable_term_views(const NoteReading& reading,
                                                    const Words* known_words) {
    std::vector<std::string_view> terms;
    const std::vector<Token>& tokens = reading.tokens;
    terms.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (known_words && i + 1 < tokens.size()) {
            const std::string& compound = reading.joined[i];
            if (!compound.empty() && known_words->contains(compound)) {
                terms.emplace_back(compound);
                ++i;
                continue;
            }
        }
        const Token& token = tokens[i];
        if (token.is_number) terms.push_back(token.text);
        else if (!is_stop_word(token.text)) terms.push_back(canonical(token.stem));
    }
    return terms;
}

std::size_t table_size() { return table().size; }

}  // namespace canvasfit::word_forms

#include "canvasfit/sections.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "structure/titles.hpp"

namespace canvasfit {

namespace {

struct TitleForm {
    std::string_view words;  // normalised: lower case, '&' as "and", single spaces
    Section section;
};

// Titles seen on real boards and templates. Matching is on the whole title
// head (before any ':' '-' '(' qualifier), so "Pain" never matches "Pain relievers".
constexpr TitleForm kTitleForms[] = {
    {"customer segment", Section::segment},  {"customer segments", Section::segment},
    {"segment", Section::segment},           {"segments", Section::segment},
    {"target segment", Section::segment},    {"target customer", Section::segment},
    {"target customers", Section::segment},  {"target group", Section::segment},
    {"persona", Section::segment},           {"customer", Section::segment},
    {"customer jobs", Section::jobs},        {"customer job", Section::jobs},
    {"jobs", Section::jobs},                 {"job", Section::jobs},
    {"jobs to be done", Section::jobs},      {"jobs to get done", Section::jobs},
    {"jtbd", Section::jobs},                 {"customer tasks", Section::jobs},
    {"tasks", Section::jobs},                {"pains", Section::pains},
    {"pain", Section::pains},                {"customer pains", Section::pains},
    {"pain points", Section::pains},         {"customer pain points", Section::pains},
    {"gains", Section::gains},               {"gain", Section::gains},
    {"customer gains", Section::gains},      {"desired gains", Section::gains},
    {"products and services", Section::products},
    {"product and services", Section::products},
    {"products and service", Section::products},
    {"products services", Section::products},
    {"products", Section::products},         {"product", Section::products},
    {"services", Section::products},         {"our offer", Section::products},
    {"offer", Section::products},            {"offering", Section::products},
    {"pain relievers", Section::relievers},  {"pain reliever", Section::relievers},
    {"pain killers", Section::relievers},    {"painkillers", Section::relievers},
    {"pain relief", Section::relievers},     {"relievers", Section::relievers},
    {"gain creators", Section::creators},    {"gain creator", Section::creators},
    {"gain makers", Section::creators},      {"creators", Section::creators},
    {"gain providers", Section::creators},   {"gain provider", Section::creators},
};

// The same six sections (and the segment) in the languages the canvas is most
// often published and taught in, as templates and teams write them. A board
// in another language is common where facilitators work in it; with its
// titles unread, none of its notes had a section, and every judgment
// depended on an English text model that cannot read them. Forms are folded
// like the heads they are compared with: accents stripped ("Tâches" ->
// "taches"), '&' as "and", hyphens as spaces ("Kunden-Jobs").
constexpr TitleForm kLocalisedTitleForms[] = {
    // German
    {"kundensegment", Section::segment},       {"kundensegmente", Section::segment},
    {"zielgruppe", Section::segment},          {"kundenaufgaben", Section::jobs},
    {"aufgaben", Section::jobs},               {"kunden jobs", Section::jobs},
    {"probleme", Section::pains},              {"kundenprobleme", Section::pains},
    {"schmerzpunkte", Section::pains},         {"gewinne", Section::gains},
    {"kundengewinne", Section::gains},         {"nutzen", Section::gains},
    {"vorteile", Section::gains},              {"produkte und dienstleistungen", Section::products},
    {"produkte and dienstleistungen", Section::products},
    {"produkte und services", Section::products}, {"produkte and services", Section::products},
    {"produkte und leistungen", Section::products}, {"produkte and leistungen", Section::products},
    {"produkte", Section::products},           {"problemloser", Section::relievers},
    {"schmerzlinderer", Section::relievers},   {"schmerzmittel", Section::relievers},
    {"gewinnerzeuger", Section::creators},     {"gewinn erzeuger", Section::creators},
    {"nutzenstifter", Section::creators},
    // French
    {"segment de clientele", Section::segment}, {"segment client", Section::segment},
    {"segment clients", Section::segment},     {"taches du client", Section::jobs},
    {"taches des clients", Section::jobs},     {"taches client", Section::jobs},
    {"taches clients", Section::jobs},         {"taches", Section::jobs},
    {"jobs du client", Section::jobs},         {"travaux du client", Section::jobs},
    {"problemes", Section::pains},             {"problemes du client", Section::pains},
    {"douleurs", Section::pains},              {"douleurs clients", Section::pains},
    {"douleurs du client", Section::pains},    {"irritants", Section::pains},
    {"points de douleur", Section::pains},     {"benefices", Section::gains},
    {"benefices attendus", Section::gains},    {"benefices desires", Section::gains},
    {"benefices clients", Section::gains},     {"avantages", Section::gains},
    {"produits et services", Section::products}, {"produits and services", Section::products},
    {"produits", Section::products},           {"reducteurs de problemes", Section::relievers},
    {"solutions aux problemes", Section::relievers}, {"analgesiques", Section::relievers},
    {"soulagement des douleurs", Section::relievers}, {"soulageurs de douleurs", Section::relievers},
    {"reducteurs de douleur", Section::relievers}, {"reducteurs de douleurs", Section::relievers},
    {"createurs de gains", Section::creators}, {"createurs de benefices", Section::creators},
    {"generateurs de gains", Section::creators},
    // Spanish and Portuguese
    {"segmento de clientes", Section::segment}, {"segmento de cliente", Section::segment},
    {"segmento", Section::segment},            {"publico objetivo", Section::segment},
    {"publico alvo", Section::segment},        {"trabajos del cliente", Section::jobs},
    {"trabajos", Section::jobs},               {"tareas del cliente", Section::jobs},
    {"tareas", Section::jobs},                 {"tarefas do cliente", Section::jobs},
    {"tarefas", Section::jobs},                {"trabalhos do cliente", Section::jobs},
    {"frustraciones", Section::pains},         {"dolores", Section::pains},
    {"dolores del cliente", Section::pains},   {"puntos de dolor", Section::pains},
    {"dores", Section::pains},                 {"dores do cliente", Section::pains},
    {"alegrias", Section::gains},              {"ganancias", Section::gains},
    {"beneficios", Section::gains},            {"ganhos", Section::gains},
    {"ganhos do cliente", Section::gains},     {"productos y servicios", Section::products},
    {"productos and servicios", Section::products}, {"productos", Section::products},
    {"produtos e servicos", Section::products}, {"produtos and servicos", Section::products},
    {"produtos", Section::products},           {"aliviadores de frustraciones", Section::relievers},
    {"aliviadores de frustracion", Section::relievers}, {"aliviadores de dolor", Section::relievers},
    {"aliviadores de dolores", Section::relievers}, {"aliviadores de dor", Section::relievers},
    {"aliviadores de dores", Section::relievers}, {"aliviadores das dores", Section::relievers},
    {"analgesicos", Section::relievers},       {"creadores de alegrias", Section::creators},
    {"creadores de ganancias", Section::creators}, {"creadores de ganancia", Section::creators},
    {"creadores de beneficios", Section::creators}, {"criadores de ganho", Section::creators},
    {"criadores de ganhos", Section::creators},
    // Dutch
    {"klantsegment", Section::segment},        {"klantsegmenten", Section::segment},
    {"doelgroep", Section::segment},           {"klanttaken", Section::jobs},
    {"taken", Section::jobs},                  {"pijnen", Section::pains},
    {"pijnpunten", Section::pains},            {"winsten", Section::gains},
    {"voordelen", Section::gains},             {"gewenste voordelen", Section::gains},
    {"producten en diensten", Section::products}, {"producten and diensten", Section::products},
    {"producten", Section::products},          {"pijnverzachters", Section::relievers},
    {"pijnverlichters", Section::relievers},   {"pijnstillers", Section::relievers},
    {"winstmakers", Section::creators},        {"voordeelverschaffers", Section::creators},
    {"voordeelmakers", Section::creators},
    // Italian
    {"segmento di clienti", Section::segment}, {"segmento clienti", Section::segment},
    {"compiti del cliente", Section::jobs},    {"lavori del cliente", Section::jobs},
    {"compiti", Section::jobs},                {"problemi", Section::pains},
    {"problemi del cliente", Section::pains},  {"dolori", Section::pains},
    {"vantaggi", Section::gains},              {"benefici", Section::gains},
    {"guadagni", Section::gains},              {"prodotti e servizi", Section::products},
    {"prodotti and servizi", Section::products}, {"prodotti", Section::products},
    {"riduttori di problemi", Section::relievers}, {"antidolorifici", Section::relievers},
    {"creatori di vantaggi", Section::creators}, {"generatori di vantaggi", Section::creators},
    {"creatori di benefici", Section::creators},
};

constexpr const char* kCanvasTitles[] = {"value proposition canvas", "canvas", "vpc",
                                         "value proposition canvases",
                                         // as above, in other languages
                                         "lienzo de propuesta de valor", "canvas de propuesta de valor",
                                         "canvas da proposta de valor", "canvas de proposta de valor",
                                         "canevas de proposition de valeur", "waardepropositiecanvas",
                                         "wertangebot canvas"};

// The two halves of the canvas and its value proposition, written over the
// square and the circle: headings, not notes, and not sections.
constexpr const char* kSideTitles[] = {"customer profile", "value map", "value proposition",
                                       "value propositions",
                                       // as above, in other languages
                                       "kundenprofil", "profil client", "profil du client",
                                       "carte de valeur", "carte de la valeur", "perfil del cliente",
                                       "perfil de cliente", "mapa de valor", "perfil do cliente",
                                       "klantprofiel", "waardekaart", "profilo del cliente",
                                       "profilo cliente", "mappa del valore"};

bool is_ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || is_ascii_alpha(c); }

// Lower-cases ASCII, spells '&' and '+' as "and", turns every other
// non-alphanumeric byte (punctuation, emoji, non-ASCII) into a word break.
std::string normalise(std::string_view text) {
    std::string out;
    auto append_word_break = [&out] {
        if (!out.empty() && out.back() != ' ') out += ' ';
    };
    for (unsigned char c : text) {
        if (is_ascii_alnum(c)) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (c == '&' || c == '+') {
            append_word_break();
            out += "and ";
        } else if (c == '\'' ) {
            // "customer's" reads as "customers"
        } else {
            append_word_break();
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    // Numbering such as "1. Pains" or "#2 Gains" is not part of the title.
    std::size_t start = 0;
    while (start < out.size() && ((out[start] >= '0' && out[start] <= '9') || out[start] == ' '))
        ++start;
    return out.substr(start);
}

bool is_separator_at(std::string_view text, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ':' || c == '(' || c == '[' || c == '|' || c == '\n' || c == '/') return true;
    if (c == '-' && i > 0 && text[i - 1] == ' ') return true;  // " - " but not "time-consuming"
    // U+2013 EN DASH and U+2014 EM DASH: E2 80 93 / E2 80 94
    return c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
           (static_cast<unsigned char>(text[i + 2]) == 0x93 ||
            static_cast<unsigned char>(text[i + 2]) == 0x94);
}

// Splits "Canvas – Busy parents" into {"Canvas ", " Busy parents"}.
std::pair<std::string_view, std::string_view> split_head(std::string_view title) {
    for (std::size_t i = 0; i < title.size(); ++i) {
        if (is_separator_at(title, i)) {
            const std::size_t skip = static_cast<unsigned char>(title[i]) == 0xE2 ? 3 : 1;
            return {title.substr(0, i), title.substr(i + skip)};
        }
    }
    return {title, {}};
}

std::string trim(std::string_view text) {
    const char* spaces = " \t\r\n:)-]|";
    const std::size_t first = text.find_first_not_of(spaces);
    if (first == std::string_view::npos) return {};
    const std::size_t last = text.find_last_not_of(spaces);
    return std::string(text.substr(first, last - first + 1));
}

// The words of a title before any qualifier, lower case, single spaces, without
// numbering: "2. Competitor scoring (Q3)" -> "competitor scoring".
std::string title_head(std::string_view title) {
    std::string head;
    for (std::size_t i = 0; i < title.size(); ++i) {
        const char c = title[i];
        if (is_separator_at(title, i)) break;
        if (is_ascii_alnum(static_cast<unsigned char>(c)))
            head += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        else if (c == '&') head += " and ";
        else if (!head.empty() && head.back() != ' ') head += ' ';
    }
    const std::size_t start = head.find_first_not_of("0123456789 ");
    if (start == std::string::npos) return "";
    head = head.substr(start);
    while (!head.empty() && head.back() == ' ') head.pop_back();
    return head;
}

}  // namespace

const char* section_name(Section section) {
    switch (section) {
        case Section::segment: return "segment";
        case Section::jobs: return "jobs";
        case Section::pains: return "pains";
        case Section::gains: return "gains";
        case Section::products: return "products";
        case Section::relievers: return "relievers";
        case Section::creators: return "creators";
        case Section::unknown: break;
    }
    return "unknown";
}

std::optional<Section> section_from_name(std::string_view name) {
    for (Section section : kAllSections)
        if (name == section_name(section)) return section;
    if (name == "unknown") return Section::unknown;
    return std::nullopt;
}

// The most letters the normalised head of any title above holds
// ("produkte und dienstleistungen": 27). Counting the raw head's letters ('&'
// and '+' become "and", a non-ASCII letter counts once) rules out almost every
// note without building its head: the board's structure asks this of every
// note at each Live edit.
constexpr std::size_t kMostTitleLetters = 28;

constexpr std::size_t letters_in(std::string_view words) {
    std::size_t letters = 0;
    for (const char c : words)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letters += 1;
    return letters;
}

constexpr bool every_title_fits() {
    for (const TitleForm& form : kTitleForms)
        if (letters_in(form.words) > kMostTitleLetters) return false;
    for (const TitleForm& form : kLocalisedTitleForms)
        if (letters_in(form.words) > kMostTitleLetters) return false;
    for (const char* title : kCanvasTitles)
        if (letters_in(title) > kMostTitleLetters) return false;
    return true;
}
static_assert(every_title_fits(), "a title form has more letters than kMostTitleLetters: raise it");

bool too_long_for_a_title(std::string_view head) {
    std::size_t letters = 0;
    for (unsigned char c : head) {
        if (is_ascii_alpha(c) || c >= 0xC0) letters += 1;  // 0xC0..: a UTF-8 lead byte
        else if (c == '&' || c == '+') letters += 3;
        if (letters > kMostTitleLetters) return true;
    }
    return false;
}

namespace {

// The ASCII letters of U+00C0..U+00FF, lower case ("" for × and ÷).
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// The ASCII letters of U+0100..U+017F (Latin Extended-A), lower case.
std::string_view latin_extended_a(unsigned code) {
    struct Range { unsigned last; const char* letters; };
    static constexpr Range kRanges[] = {
        {0x105, "a"}, {0x10D, "c"}, {0x111, "d"}, {0x11B, "e"}, {0x123, "g"}, {0x127, "h"},
        {0x131, "i"}, {0x133, "ij"}, {0x135, "j"}, {0x138, "k"}, {0x142, "l"}, {0x14B, "n"},
        {0x151, "o"}, {0x153, "oe"}, {0x159, "r"}, {0x161, "s"}, {0x167, "t"}, {0x173, "u"},
        {0x175, "w"}, {0x178, "y"}, {0x17E, "z"}, {0x17F, "s"}};
    for (const Range& range : kRanges)
        if (code <= range.last) return range.letters;
    return {};
}

// Accented Latin letters as their ASCII base ("Tâches" -> "Taches",
// "Problemlöser" -> "Problemloser", "ß" -> "ss"): titles in the languages
// above are matched with or without their accents. Every other byte is kept,
// and normalise() turns what is not ASCII into a word break. (The text
// pipeline's fold_case does more, but structure/ comes before text/.)
std::string fold_latin_accents(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0u;
        if (lead >= 0xC3 && lead <= 0xC5 && (next & 0xC0) == 0x80) {
            const unsigned code = ((lead & 0x1Fu) << 6) | (next & 0x3Fu);
            out += code < 0x100 ? std::string_view(kLatin1[code - 0xC0]) : latin_extended_a(code);
            ++i;
        } else {
            out += static_cast<char>(lead);
        }
    }
    return out;
}

// The normalised head, accents folded first when the text has any non-ASCII
// byte.
std::string folded_head(std::string_view raw_head) {
    const bool ascii = std::all_of(raw_head.begin(), raw_head.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return ascii ? normalise(raw_head) : normalise(fold_latin_accents(raw_head));
}

}  // namespace

std::optional<Section> section_from_title(std::string_view title) {
    const std::string_view raw_head = split_head(title).first;
    if (too_long_for_a_title(raw_head)) return std::nullopt;
    const std::string head = folded_head(raw_head);
    for (const TitleForm& form : kTitleForms)
        if (head == form.words) return form.section;
    for (const TitleForm& form : kLocalisedTitleForms)
        if (head == form.words) return form.section;
    return std::nullopt;
}

bool is_canvas_title(std::string_view title) {
    const std::string_view raw_head = split_head(title).first;
    if (too_long_for_a_title(raw_head)) return false;
    const std::string head = folded_head(raw_head);
    for (const char* form : kCanvasTitles) {
        const std::string_view words(form);
        if (head == words) return true;
        // "Canvas 2", "VPC 3"
        if (head.size() > words.size() && head.compare(0, words.size(), words) == 0 &&
            head[words.size()] == ' ' &&
            head.find_first_not_of("0123456789 ", words.size()) == std::string::npos)
            return true;
    }
    return false;
}

bool is_side_title(std::string_view title) {
    const auto [raw_head, qualifier] = split_head(title);
    // "Value proposition: delivered in ten minutes" is a note.
    if (too_long_for_a_title(raw_head) || !trim(qualifier).empty()) return false;
    const std::string head = folded_head(raw_head);
    return std::any_of(std::begin(kSideTitles), std::end(kSideTitles),
                       [&](const char* form) { return head == form; });
}

std::string title_qualifier(std::string_view title) { return trim(split_head(title).second); }

bool is_competitor_title(std::string_view title) {
    static const char* const kTitles[] = {
        "competitors",           "competitor",
        "competition",           "alternatives",
        "alternative",           "competitor scoring",
        "competitor scores",     "competitor analysis",
        "competitive analysis",  "competitive alternatives",
        "existing alternatives", "current alternatives",
        "competitive landscape", "alternative solutions",
        "competing solutions",
    };
    // Every title above starts with c, a or e, and the head of a title starts
    // with its first letter (digits and punctuation before it dropped): most
    // notes are ruled out here without building the head. An '&' reads as
    // "and", so it is left to the full check.
    // The same for the first three letters, when they stand together: every
    // title starts with "com", "alt", "exi" or "cur" ("Customer Jobs" and
    // "Customer Segment" stop here).
    for (std::size_t i = 0; i < title.size(); ++i) {
        const char c = title[i];
        if (c == '&') break;
        if (!is_ascii_alpha(static_cast<unsigned char>(c))) continue;
        const char lower = static_cast<char>(c | 0x20);
        if (lower != 'c' && lower != 'a' && lower != 'e') return false;
        if (i + 3 > title.size() || !is_ascii_alpha(static_cast<unsigned char>(title[i + 1])) ||
            !is_ascii_alpha(static_cast<unsigned char>(title[i + 2])))
            break;
        char first[3];
        for (std::size_t k = 0; k < 3; ++k) first[k] = static_cast<char>(title[i + k] | 0x20);
        const std::string_view letters(first, 3);
        if (letters != "com" && letters != "alt" && letters != "exi" && letters != "cur") return false;
        break;
    }
    const std::string head = title_head(title);
    return std::any_of(std::begin(kTitles), std::end(kTitles),
                       [&](const char* t) { return head == t; });
}

}  // namespace canvasfit

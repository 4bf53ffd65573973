// Competitor sheets: reading "Acme: speed 4, price 2" notes, finding the
// sheets on the board, and weighing the scores by the value drivers
// (docs/value.md, "Competitors").
#include "engine/competitors.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "text/text.hpp"
#include "structure/spatial_grid.hpp"
#include "structure/titles.hpp"

namespace canvasfit {

namespace {

// --- Titles ---

bool is_dash_at(std::string_view text, std::size_t i) {  // U+2013 or U+2014
    return i + 2 < text.size() && text[i] == '\xE2' && text[i + 1] == '\x80' &&
           (text[i + 2] == '\x93' || text[i + 2] == '\x94');
}

// --- Scores ---

std::string_view trim(std::string_view text, std::string_view marks = " \t\r\n") {
    const std::size_t first = text.find_first_not_of(marks);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(marks) - first + 1);
}

std::optional<double> read_decimal(std::string_view text) {
    if (text.empty() || text.size() > 8) return std::nullopt;
    double value = 0, scale = 0;
    bool digits = false;
    for (char c : text) {
        if (c == '.' && scale == 0) {
            scale = 1;
        } else if (c >= '0' && c <= '9') {
            digits = true;
            if (scale > 0) scale /= 10;
            value = scale > 0 ? value + (c - '0') * scale : value * 10 + (c - '0');
        } else {
            return std::nullopt;
        }
    }
    if (!digits) return std::nullopt;
    return value;
}

enum class ScoreKind { not_a_score, out_of_range, score };
struct Score {
    ScoreKind kind = ScoreKind::not_a_score;
    double value = 0;  // 0..5
};

Score out_of_range() { return {ScoreKind::out_of_range, 0}; }

Score in_range(double value, double scale) {
    if (value > scale) return out_of_range();
    return {ScoreKind::score, std::round(value / scale * 5 * 100) / 100};  // two decimals
}

// "★★★★☆" is 4 of 5; "★★★" is 3 (of 5).
Score read_stars(std::string_view text) {
    int filled = 0, total = 0;
    for (std::size_t i = 0; i < text.size(); i += 3) {
        const std::string_view star = text.substr(i, 3);
        if (star == "\xE2\x98\x85") ++filled;
        else if (star != "\xE2\x98\x86") return {};
        ++total;
    }
    if (total == 0) return {};
    return in_range(filled, filled == total ? 5 : total);
}

// "4", "4.5", "(4)", "4/5", "8/10", "80%", "★★★★☆".
Score read_score(std::string_view text) {
    text = trim(text, "()[] ");
    if (text.empty()) return {};
    if (text.front() == '\xE2') return read_stars(text);
    if (text.back() == '%') {
        const auto percent = read_decimal(text.substr(0, text.size() - 1));
        return percent ? in_range(*percent, 100) : Score{};
    }
    const std::size_t slash = text.find('/');
    if (slash != std::string_view::npos) {
        const auto value = read_decimal(text.substr(0, slash));
        const auto scale = read_decimal(text.substr(slash + 1));
        if (!value || !scale) return {};
        return *scale > 0 ? in_range(*value, *scale) : out_of_range();
    }
    const auto value = read_decimal(text);
    return value ? in_range(*value, 5) : Score{};
}

bool has_letter(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               static_cast<unsigned char>(c) >= 0x80;
    });
}

// The pieces of "ease of use: 4" or "speed=4": words, with ':' and '=' as spaces.
std::vector<std::string_view> pieces_of(std::string_view item) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= item.size(); ++i) {
        if (i < item.size() && std::string_view(" \t:=").find(item[i]) == std::string_view::npos)
            continue;
        if (i > start) pieces.push_back(item.substr(start, i - start));
        start = i + 1;
    }
    return pieces;
}

std::string joined(const std::vector<std::string_view>& pieces, std::size_t from, std::size_t to) {
    std::string text;
    for (std::size_t i = from; i < to; ++i)
        text += (text.empty() ? "" : " ") + std::string(pieces[i]);
    return text;
}

enum class ItemKind { scored, bare_score, problem };
struct Item {
    ItemKind kind = ItemKind::problem;
    std::string criterion;
    double score = 0;
    std::string problem;
};

Item read_item(std::string_view text) {
    const std::vector<std::string_view> pieces = pieces_of(text);
    const std::string quoted = "'" + std::string(trim(text)) + "'";
    if (pieces.empty()) return {ItemKind::problem, "", 0, quoted + " is empty"};
    Score score = read_score(pieces.back());
    std::string criterion = joined(pieces, 0, pieces.size() - 1);
    if (score.kind == ScoreKind::not_a_score) {
        score = read_score(pieces.front());
        criterion = joined(pieces, 1, pieces.size());
    }
    if (score.kind == ScoreKind::not_a_score)
        return {ItemKind::problem, "", 0, quoted + " has no score"};
    if (score.kind == ScoreKind::out_of_range)
        return {ItemKind::problem, "", 0,
                quoted + " is not a score from 0 to 5 (write 7/10 for a score out of 10)"};
    criterion = fold_case(trim(criterion, " \t-*.()[]"));
    if (!has_letter(criterion))
        return {ItemKind::bare_score, "", score.value, quoted + " names no criterion"};
    if (criterion.size() > 60)
        return {ItemKind::problem, "", 0, quoted + " is too long for a criterion"};
    return {ItemKind::scored, criterion, score.value, ""};
}

// The name ends at the first ':', line break, '|', spaced hyphen or dash.
std::optional<std::size_t> name_end(std::string_view text, std::size_t& separator_length) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        separator_length = 1;
        if (text[i] == ':' || text[i] == '\n' || text[i] == '|') return i;
        if (text[i] == '-' && i > 0 && text[i - 1] == ' ' && i + 1 < text.size() &&
            text[i + 1] == ' ')
            return i;
        if (is_dash_at(text, i)) {
            separator_length = 3;
            return i;
        }
    }
    return std::nullopt;
}

// Items are separated by ',', ';', '|', line breaks and bullets; a comma
// between two digits is a decimal comma ("4,5").
std::vector<std::string> items_of(std::string_view text) {
    std::vector<std::string> items(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool decimal_comma = c == ',' && i > 0 && i + 1 < text.size() && text[i - 1] >= '0' &&
                                   text[i - 1] <= '9' && text[i + 1] >= '0' && text[i + 1] <= '9';
        if (decimal_comma) items.back() += '.';
        else if (c == ',' || c == ';' || c == '|' || c == '\n') items.emplace_back();
        else if (text.substr(i, 3) == "\xE2\x80\xA2") {  // a bullet
            items.emplace_back();
            i += 2;
        } else {
            items.back() += c;
        }
    }
    return items;
}

// --- Sheets ---

struct Sheet {
    Rect bounds;
    std::string container_id;  // "" for a shape note
    std::size_t canvas = 0;
};

Rect canvas_bounds(const CanvasLayout& canvas) {
    Rect bounds = canvas.sections.empty() ? Rect{} : canvas.sections.front().bounds;
    for (const SectionArea& area : canvas.sections) {
        const double left = std::min(bounds.x, area.bounds.x),
                     top = std::min(bounds.y, area.bounds.y);
        const double right = std::max(bounds.right(), area.bounds.right());
        const double bottom = std::max(bounds.bottom(), area.bounds.bottom());
        bounds = {left, top, right - left, bottom - top};
    }
    return bounds;
}

double distance_squared(const Rect& rect, double x, double y) {
    const double dx = std::max({rect.x - x, 0.0, x - rect.right()});
    const double dy = std::max({rect.y - y, 0.0, y - rect.bottom()});
    return dx * dx + dy * dy;
}

std::size_t canvas_for(const std::vector<Rect>& canvases, const Rect& sheet) {
    std::size_t best = 0;
    for (std::size_t c = 0; c < canvases.size(); ++c) {
        const double distance = distance_squared(canvases[c], sheet.center_x(), sheet.center_y());
        if (distance < distance_squared(canvases[best], sheet.center_x(), sheet.center_y()))
            best = c;
    }
    return best;
}

std::vector<Sheet> find_sheets(const Board& board, const Layout& layout) {
    std::vector<Sheet> sheets;
    for (const Container& container : board.containers)
        if (is_competitor_title(container.title))
            sheets.push_back({container.bounds, container.id, 0});
    for (const Note& note : board.notes) {
        if (note.kind == NoteKind::shape && is_competitor_title(note.text))
            sheets.push_back({note.bounds, "", 0});
    }
    std::vector<Rect> canvases;
    for (const CanvasLayout& canvas : layout.canvases) canvases.push_back(canvas_bounds(canvas));
    for (Sheet& sheet : sheets) sheet.canvas = canvas_for(canvases, sheet.bounds);
    return sheets;
}

// The sheet a note outside every section belongs to: its parent, else the
// smallest sheet larger than the note that holds its centre.
std::optional<std::size_t> sheet_of(
    const Note& note, const std::vector<Sheet>& sheets,
    const std::unordered_map<std::string, std::size_t>& by_container, const SpatialGrid& grid) {
    if (const auto parent = by_container.find(note.parent); parent != by_container.end())
        return parent->second;
    std::optional<std::size_t> best;
    const Rect centre{note.bounds.center_x(), note.bounds.center_y(), 0, 0};
    for (std::size_t s : grid.candidates(centre)) {
        const Sheet& sheet = sheets[s];
        if (!sheet.bounds.contains_center_of(note.bounds) ||
            sheet.bounds.area() <= note.bounds.area())
            continue;
        if (!best || sheet.bounds.area() < sheets[*best].bounds.area() ||
            (sheet.bounds.area() == sheets[*best].bounds.area() && s < *best))
            best = s;
    }
    return best;
}

// --- Weights ---

// Rounded to 1 / steps (100: two decimals), as the nearest double to the decimal.
double round_to(double value, double steps) { return std::round(value * steps) / steps; }

struct CriterionInfo {
    std::string name;
    std::optional<std::size_t> driver;  // index into the drivers
    bool is_price = false;
};

std::optional<std::size_t> matching_driver(const std::string& criterion,
                                           const std::vector<ValueDriver>& drivers) {
    std::vector<std::string> terms = content_terms(criterion);
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    std::optional<std::size_t> best;
    std::size_t best_shared = 0;
    for (std::size_t d = 0; d < drivers.size(); ++d) {
        std::size_t shared = 0;
        for (const std::string& term : terms)
            shared += std::find(drivers[d].terms.begin(), drivers[d].terms.end(), term) !=
                      drivers[d].terms.end();
        if (shared > best_shared) {
            best = d;
            best_shared = shared;
        }
    }
    if (best) return best;
    const ValueType type = classify_value(criterion);
    if (type == ValueType::none) return std::nullopt;
    for (std::size_t d = 0; d < drivers.size(); ++d)
        if (same_value_family(type, drivers[d].type)) return d;
    return std::nullopt;
}

// Driver priorities normalised over the chosen criteria; equal weights when
// none of them measures a driver.
std::vector<double> weights_for(const std::vector<CriterionInfo>& criteria,
                                const std::vector<ValueDriver>& drivers,
                                const std::vector<bool>& chosen) {
    std::vector<double> weights(criteria.size(), 0);
    double total = 0;
    std::size_t count = 0;
    for (std::size_t c = 0; c < criteria.size(); ++c) {
        if (!chosen[c]) continue;
        ++count;
        if (criteria[c].driver) total += drivers[*criteria[c].driver].priority;
    }
    for (std::size_t c = 0; c < criteria.size(); ++c) {
        if (!chosen[c]) continue;
        if (total > 0)
            weights[c] = criteria[c].driver ? drivers[*criteria[c].driver].priority / total : 0;
        else weights[c] = 1.0 / static_cast<double>(count);
    }
    return weights;
}

using Scores = std::vector<std::pair<std::string, double>>;

std::optional<double> weighted_mean(const Scores& scores,
                                    const std::vector<CriterionInfo>& criteria,
                                    const std::vector<double>& weights) {
    double sum = 0, weight = 0;
    for (const auto& [name, score] : scores)
        for (std::size_t c = 0; c < criteria.size(); ++c)
            if (criteria[c].name == name && weights[c] > 0) {
                sum += weights[c] * score;
                weight += weights[c];
            }
    if (weight <= 0) return std::nullopt;
    return round_to(sum / weight, 100);
}

std::optional<double> price_score(const Scores& scores,
                                  const std::vector<CriterionInfo>& criteria) {
    double sum = 0;
    int count = 0;
    for (const auto& [name, score] : scores)
        for (const CriterionInfo& criterion : criteria)
            if (criterion.name == name && criterion.is_price) {
                sum += score;
                ++count;
            }
    if (count == 0) return std::nullopt;
    return round_to(sum / count, 100);
}

std::vector<CriterionInfo> criteria_of(const std::vector<CompetitorNote>& notes,
                                       const std::vector<ValueDriver>& drivers) {
    std::vector<CriterionInfo> criteria;
    std::unordered_map<std::string, std::size_t> seen;  // looked up only
    for (const CompetitorNote& note : notes)
        for (const auto& [name, score] : note.parsed.scores) {
            if (!seen.emplace(name, criteria.size()).second) continue;
            const ValueType type = classify_value(name);
            criteria.push_back({name, matching_driver(name, drivers),
                                type == ValueType::price || type == ValueType::cost_reduction});
        }
    return criteria;
}

}  // namespace

ParsedCompetitor parse_competitor_note(std::string_view text) {
    ParsedCompetitor parsed;
    text = trim(text);
    std::size_t separator = 0;
    const std::optional<std::size_t> end = name_end(text, separator);
    const std::string name(end ? trim(text.substr(0, *end), " \t\r\n-*\xE2\x80\xA2") : "");
    if (!end || name.empty() || !has_letter(name)) {
        parsed.problems.push_back("no name before the scores");
        return parsed;
    }
    bool first = true;
    for (const std::string& raw : items_of(text.substr(*end + separator))) {
        if (trim(raw).empty()) continue;
        const Item item = read_item(raw);
        if (first && item.kind == ItemKind::bare_score) {
            parsed.problems.push_back("'" + name + "' reads as a criterion, not a name");
            parsed.scores.clear();
            return parsed;
        }
        first = false;
        const bool repeated = std::any_of(parsed.scores.begin(), parsed.scores.end(),
                                          [&](const auto& s) { return s.first == item.criterion; });
        if (item.kind != ItemKind::scored) parsed.problems.push_back(item.problem);
        else if (repeated) parsed.problems.push_back("'" + item.criterion + "' is scored twice");
        else parsed.scores.emplace_back(item.criterion, item.score);
    }
    parsed.name = name.size() > 80 ? "" : name;
    if (parsed.name.empty()) parsed.problems.push_back("the name is too long");
    if (parsed.scores.empty() && parsed.problems.empty()) parsed.problems.push_back("no scores");
    if (parsed.name.empty()) parsed.scores.clear();
    return parsed;
}

CompetitorsReport score_competitors(const std::vector<CompetitorNote>& notes,
                                    const std::vector<ValueDriver>& drivers) {
    const std::vector<CriterionInfo> criteria = criteria_of(notes, drivers);
    const std::vector<double> weights =
        weights_for(criteria, drivers, std::vector<bool>(criteria.size(), true));
    std::vector<bool> not_price(criteria.size());
    for (std::size_t c = 0; c < criteria.size(); ++c) not_price[c] = !criteria[c].is_price;
    const std::vector<double> value_weights = weights_for(criteria, drivers, not_price);
    CompetitorsReport report;
    for (std::size_t c = 0; c < criteria.size(); ++c)
        report.criteria.push_back(
            {criteria[c].name,
             criteria[c].driver ? std::optional<std::string>(drivers[*criteria[c].driver].note_id)
                                : std::nullopt,
             round_to(weights[c], 1000)});
    for (const CompetitorNote& note : notes) {
        const ParsedCompetitor& parsed = note.parsed;
        if (parsed.scores.empty()) continue;
        report.alternatives.push_back({parsed.name, parsed.scores,
                                       weighted_mean(parsed.scores, criteria, weights),
                                       note.note_id});
        report.price_value_map.push_back({parsed.name, price_score(parsed.scores, criteria),
                                          weighted_mean(parsed.scores, criteria, value_weights)});
    }
    return report;
}

std::vector<std::optional<std::vector<NoteIndex>>> competitor_notes_by_canvas(
    const BoardAnalysis& analysis) {
    const Board& board = *analysis.board;
    std::vector<std::optional<std::vector<NoteIndex>>> by_canvas(analysis.layout.canvases.size());
    if (by_canvas.empty()) return by_canvas;
    const std::vector<Sheet> sheets = find_sheets(board, analysis.layout);
    if (sheets.empty()) return by_canvas;
    std::unordered_map<std::string, std::size_t> by_container;
    SpatialGrid grid(512);
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        by_canvas[sheets[s].canvas].emplace();
        if (!sheets[s].container_id.empty()) by_container.emplace(sheets[s].container_id, s);
        grid.insert(s, sheets[s].bounds);
    }
    for (NoteIndex n = 0; n < board.notes.size(); ++n) {
        // A heading such as a free text "Competitors" (or the sheet's own shape) scores nothing.
        if (analysis.layout.notes[n].section != Section::unknown ||
            is_competitor_title(board.notes[n].text))
            continue;
        const auto sheet = sheet_of(board.notes[n], sheets, by_container, grid);
        if (sheet) by_canvas[sheets[*sheet].canvas]->push_back(n);
    }
    return by_canvas;
}

}  // namespace canvasfit

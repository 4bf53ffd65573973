// The one-page summary (docs/summary.md): the report as ONE self-contained
// HTML page with inline CSS and inline SVG, no script and nothing to fetch.
// The CLI (`--format html`) and the wasm package (`render(..., 'html')`)
// both call report_to_html, so every host shows the same page.
//
// Note text is untrusted: everything that reaches the page from the report
// (note text, ids, names, messages, the file name) goes through escape(). The
// pictures carry their meaning in SVG presentation attributes, so they read
// the same when a host's Content-Security-Policy refuses the stylesheet.
#include "canvasfit/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "report/writer_text.hpp"
#include "common/sort_stably.hpp"

namespace canvasfit {

namespace {

using writer_text::one_line;
using writer_text::percent;
using writer_text::verdict_words;

// The page's stylesheet. Kept constant: a host whose CSP refuses inline
// styles can allow exactly this one by its hash (docs/summary.md).
constexpr const char* kStyle =
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a202c;"
    "margin:0 auto;padding:12px;max-width:760px}"
    "h1{font-size:18px;margin:0 0 2px}"
    "h2{font-size:16px;margin:22px 0 6px;padding-top:12px;border-top:1px solid #e2e8f0}"
    "h3{font-size:14px;margin:14px 0 4px}"
    "p{margin:4px 0}ol,ul{margin:4px 0;padding-left:22px}li{margin:2px 0}"
    "svg{max-width:100%;height:auto;display:block}figure{margin:6px 0}"
    ".meta,.hint,.key{color:#4a5568;font-size:12px}"
    ".absent{color:#4a5568;font-style:italic}"
    ".unaddressed{color:#c53030}.question{color:#4a5568}.orphan{color:#c05621}"
    ".sev{display:inline-block;min-width:48px;font-size:11px;text-align:center;border-radius:3px;"
    "margin-right:4px;background:#edf2f7}"
    ".sev.high{background:#fed7d7}.sev.medium{background:#feebc8}.sev.low{background:#fefcbf}"
    ".code{font-weight:600}";

constexpr const char* kGreen = "#276749";
constexpr const char* kRed = "#c53030";
constexpr const char* kGrey = "#718096";
constexpr const char* kBlue = "#2b6cb0";
constexpr const char* kOrange = "#dd6b20";

// Bytes in the valid UTF-8 sequence starting at `i`, or 0 when it is not one.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = at(i);
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3, low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4, low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
    if (length == 0 || i + length > text.size()) return 0;
    if (at(i + 1) < low || at(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
    return length;
}

// The one escaping function: appends text for HTML and SVG, in element
// content and in quoted attribute values alike. Markup characters become
// entities, control characters spaces, invalid UTF-8 U+FFFD.
void append_escaped(std::string& out, std::string_view raw) {
    for (std::size_t i = 0; i < raw.size();) {
        const auto byte = static_cast<unsigned char>(raw[i]);
        if (byte >= 0x80) {
            const std::size_t length = utf8_sequence(raw, i);
            if (length > 0) {
                out.append(raw.substr(i, length));
                i += length;
                continue;
            }
            out += "\xEF\xBF\xBD";  // one for the bad byte and the continuation bytes after it
            for (++i; i < raw.size() && (static_cast<unsigned char>(raw[i]) & 0xC0) == 0x80;) ++i;
            continue;
        }
        switch (raw[i]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += (byte < 0x20 || byte == 0x7F) ? ' ' : raw[i];
        }
        ++i;
    }
}

// The first `limit` characters of one line of text, with "…" when cut.
std::string clip(const std::string& text, std::size_t limit) {
    std::string line = one_line(text);
    std::size_t characters = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;  // continuation byte
        if (characters++ == limit) {
            line.resize(i);
            line += "\xE2\x80\xA6";
            break;
        }
    }
    return line;
}

// One piece of the page: markup as it is, a whole number, or text to
// escape. The writer appends pieces in place (put({...})) rather than adding
// strings, and a piece owns nothing: each temporary string or object with a
// destructor would cost the wasm module an exception landing pad.
class Piece {
public:
    Piece(const char* markup) : text_(markup) {}                   // NOLINT: implicit by design
    Piece(const std::string& markup) : text_(markup) {}            // NOLINT
    Piece(int number) : Piece(static_cast<long>(number)) {}       // NOLINT
    Piece(long number) : kind_(Kind::number) {                    // NOLINT
        unsigned long magnitude = number < 0 ? 0UL - static_cast<unsigned long>(number) : static_cast<unsigned long>(number);
        start_ = sizeof digits_;
        do {
            digits_[--start_] = static_cast<char>('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude > 0);
        if (number < 0) digits_[--start_] = '-';
    }
    static Piece text(std::string_view raw) {
        Piece piece("");
        piece.text_ = raw;
        piece.kind_ = Kind::escaped;
        return piece;
    }

    void append_to(std::string& out) const {
        if (kind_ == Kind::escaped) append_escaped(out, text_);
        else if (kind_ == Kind::number) out.append(digits_ + start_, sizeof digits_ - start_);
        else out.append(text_);
    }

private:
    enum class Kind : unsigned char { markup, escaped, number };
    std::string_view text_;
    char digits_[24] = {};
    unsigned char start_ = 0;
    Kind kind_ = Kind::markup;
};

// Text to escape.
Piece esc(std::string_view raw) { return Piece::text(raw); }

long px(double value) { return std::lround(value); }

// One decimal ("4.0"), without printf.
std::string number(double value) {
    const long tenths = std::lround(value * 10);
    std::string out = tenths < 0 ? "-" : "";
    out += std::to_string(std::labs(tenths) / 10);
    out += '.';
    out += std::to_string(std::labs(tenths) % 10);
    return out;
}

const char* source_words(const std::string& source) {
    if (source == "connector") return "drawn on the board";
    if (source == "confirmed") return "confirmed by the facilitator";
    if (source == "text") return "read from the wording";
    return "suggested: a question, not counted";
}

const char* source_short(const std::string& source) {
    if (source == "connector") return "drawn";
    if (source == "confirmed") return "confirmed";
    return "from the wording";
}

const char* status_symbol(const std::string& status) {
    if (status == "covered") return "\xE2\x9C\x93";      // ✓
    if (status == "unaddressed") return "\xE2\x9C\x97";  // ✗
    return "?";
}

const char* status_colour(const std::string& status) {
    if (status == "covered") return kGreen;
    if (status == "unaddressed") return kRed;
    return kGrey;
}

bool is_offer_name(const std::string& name) {
    std::string folded;
    for (char c : name) folded += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return folded == "us" || folded == "we" || folded == "ours" || folded == "you" || folded.rfind("our ", 0) == 0;
}

// One row (pain or gain) or column (reliever or creator) of a fit matrix.
struct Line {
    const NoteReport* note = nullptr;
    std::string status;  // rows: covered / unaddressed / question; columns: linked / orphan / question
    std::string code;    // columns: "R1", "C2"...
};

class SummaryWriter {
public:
    explicit SummaryWriter(const Report& report) : report_(report) {
        for (const NoteReport& note : report.notes) note_by_id_.emplace(note.id, &note);
        for (const Question& question : report.questions)
            for (const std::string& id : question.notes) question_by_note_.emplace(id, &question);
        for (const LinkReport& link : report.links)
            if (link.source != "suggested") linked_sources_.emplace(link.from, nullptr);
    }

    std::string write() {
        const std::string& source = report_.source.empty() ? std::string("board") : report_.source;
        put({"<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>CanvasFit summary: ",
             esc(source), "</title>\n<style>", kStyle, "</style>\n</head>\n<body>\n"});
        put({"<h1>CanvasFit summary</h1>\n<p class=\"meta\">", esc(source), " (", esc(report_.format), "): ",
             static_cast<long>(report_.canvases.size()), " canvas(es), ", static_cast<long>(report_.notes.size()), " notes, ",
             static_cast<long>(report_.warnings.size()), " findings, ", static_cast<long>(report_.questions.size()),
             " open questions. Hover a mark for its evidence.</p>\n"});
        if (!report_.canvases.empty()) fit_overview();
        for (const CanvasReport& canvas : report_.canvases) write_canvas(canvas);
        write_board_wide();
        out_ += "</body>\n</html>\n";
        return std::move(out_);
    }

private:
    void put(std::initializer_list<Piece> pieces) {
        for (const Piece& piece : pieces) piece.append_to(out_);
    }

    void svg_open(const char* type, int width, int height, const std::string& label) {
        put({"<svg class=\"", type, "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ", width, " ", height,
             "\" width=\"", width, "\" height=\"", height, "\" role=\"img\" aria-label=\"", esc(label),
             "\" font-family=\"system-ui,sans-serif\">\n"});
    }

    // An SVG <text>; `extra` carries further attributes.
    void svg_text(long x, long y, std::string_view text, int size, const char* extra = "") {
        put({"<text x=\"", x, "\" y=\"", y, "\" font-size=\"", size, "\"", extra, ">", esc(text), "</text>"});
    }

    void svg_title(const std::string& text) { put({"<title>", esc(text), "</title>"}); }

    // The mark a link of this source leaves in a fit matrix cell.
    void link_shape(const std::string& source, int x, int y) {
        if (source == "connector") return put({"<circle cx=\"", x, "\" cy=\"", y, "\" r=\"6\" fill=\"", kGreen, "\"/>"});
        if (source == "confirmed")
            return put({"<circle cx=\"", x, "\" cy=\"", y, "\" r=\"3.5\" fill=\"", kGreen, "\"/><circle cx=\"", x, "\" cy=\"",
                        y, "\" r=\"7\" fill=\"none\" stroke=\"", kGreen, "\" stroke-width=\"1.5\"/>"});
        if (source == "text")
            return put({"<circle cx=\"", x, "\" cy=\"", y, "\" r=\"5.5\" fill=\"#fff\" stroke=\"", kBlue, "\" stroke-width=\"2\"/>"});
        put({"<circle cx=\"", x, "\" cy=\"", y, "\" r=\"6.5\" fill=\"#fff\" stroke=\"", kGrey,
             "\" stroke-width=\"1.2\" stroke-dasharray=\"2 2\"/>"});
        svg_text(x, y + 3, "?", 8, " text-anchor=\"middle\" fill=\"#718096\"");
    }

    const NoteReport* note(const std::string& id) const {
        const auto found = note_by_id_.find(id);
        return found == note_by_id_.end() ? nullptr : found->second;
    }

    std::string text_of(const std::string& id) const {
        const NoteReport* found = note(id);
        return found ? one_line(found->text) : id;
    }

    std::string question_message(const std::string& id, const char* fallback) const {
        const auto asked = question_by_note_.find(id);
        return asked == question_by_note_.end() ? std::string(fallback) : one_line(asked->second->message);
    }

    // --- Fit per canvas against the 50–70 % band ---

    void fit_overview() {
        const int label = 112, bar = 200, row = 26;
        out_ += "<h2>Fit per canvas</h2>\n<figure>";
        svg_open("fit-bands", 360, 22 + row * static_cast<int>(report_.canvases.size()),
                 "Fit per canvas against the 50 to 70 % target band");
        int y = 4;
        for (const CanvasReport& canvas : report_.canvases) {
            const FitReport& fit = canvas.fit;
            const std::string name = one_line(canvas.segment ? *canvas.segment : canvas.title);
            put({"<g class=\"fit\" data-canvas=\"", esc(canvas.id), "\""});
            if (fit.overall) put({" data-overall=\"", number(*fit.overall * 100), "\""});
            put({"><title>", esc(canvas.id), name.empty() ? "" : ": ", esc(name), ": fit ", percent(fit.overall),
                 fit.verdict.empty() ? "" : " (", esc(verdict_words(fit)), fit.verdict.empty() ? "" : ")", ", target 50-70 %; pains ",
                 percent(fit.pains), ", gains ", percent(fit.gains), ", jobs ", percent(fit.jobs), "</title>"});
            svg_text(0, y + 10, canvas.id, 10, " font-weight=\"600\"");
            if (!name.empty()) svg_text(0, y + 21, clip(name, 19), 9, " fill=\"#718096\"");
            put({"<rect x=\"", label, "\" y=\"", y + 3, "\" width=\"", bar, "\" height=\"14\" fill=\"#edf2f7\"/>",
                 "<rect x=\"", label + bar / 2, "\" y=\"", y + 1, "\" width=\"", bar / 5, "\" height=\"18\" fill=\"#c6f6d5\"/>"});
            if (fit.overall) {
                // Grey while the open questions can still move the fit to another band.
                const bool settled = verdict_words(fit) == fit.verdict;
                const char* colour = !settled                ? kGrey
                                     : fit.verdict == "weak"   ? kOrange
                                     : fit.verdict == "strong" ? kBlue
                                                               : kGreen;
                put({"<rect x=\"", label, "\" y=\"", y + 6, "\" width=\"", px(std::clamp(*fit.overall, 0.0, 1.0) * bar),
                     "\" height=\"8\" fill=\"", colour, "\"/>"});
            }
            svg_text(label + bar + 6, y + 14, fit.overall ? percent(fit.overall) : "no score", 11);
            out_ += "</g>\n";
            y += row;
        }
        for (const int tick : {0, 50, 70, 100})
            svg_text(label + tick * bar / 100, y + 10, std::to_string(tick), 9, " text-anchor=\"middle\" fill=\"#718096\"");
        out_ += "\n</svg><figcaption class=\"hint\">Green band: the 50-70 % fit the canvas method aims for.</figcaption></figure>\n";
    }

    // --- One canvas ---

    void write_canvas(const CanvasReport& canvas) {
        const std::string name = one_line(canvas.segment ? *canvas.segment : canvas.title);
        put({"<section class=\"canvas\" id=\"", esc(canvas.id), "\">\n<h2>", esc(canvas.id), name.empty() ? "" : ": ",
             esc(name), "</h2>\n<p>"});
        const FitReport& fit = canvas.fit;
        if (fit.overall)
            put({"Fit ", percent(fit.overall), " (", esc(verdict_words(fit)), ", target 50-70 %): pains ", percent(fit.pains),
                 ", gains ", percent(fit.gains), ", jobs ", percent(fit.jobs), "."});
        else
            out_ += "No fit score yet: the canvas needs pains or gains.";
        if (fit.undecided > 0)
            put({" ", percent(fit.undecided), " of the profile&#39;s weight is an open question.",
                 esc(writer_text::range_sentence(fit))});
        out_ += "</p>\n";
        const std::vector<Line> rows = matrix_rows(canvas);
        const std::vector<Line> columns = matrix_columns(canvas);
        write_matrix(canvas, rows, columns);
        write_top(rows);
        write_price_value(canvas);
        write_findings(&canvas.id);
        out_ += "</section>\n";
    }

    std::vector<Line> matrix_rows(const CanvasReport& canvas) const {
        std::unordered_map<std::string, const NoteReport*> covered, asked;  // by status, from the fit detail
        for (const auto* detail : {&canvas.fit.pains_detail, &canvas.fit.gains_detail})
            for (const CoverageReport& row : *detail) {
                if (row.status == "covered") covered.emplace(row.note, nullptr);
                if (row.status == "question") asked.emplace(row.note, nullptr);
            }
        std::vector<Line> rows;
        for (Section section : {Section::pains, Section::gains}) {
            const std::size_t first = rows.size();
            for (const std::string& id : canvas.sections[static_cast<std::size_t>(section)]) {
                const NoteReport* found = note(id);
                if (!found) continue;
                rows.push_back({found, covered.count(id) ? "covered" : asked.count(id) ? "question" : "unaddressed", ""});
            }
            sort_stably(rows.begin() + static_cast<std::ptrdiff_t>(first), rows.end(), [](const Line& a, const Line& b) {
                return a.note->rank.value_or(1 << 30) < b.note->rank.value_or(1 << 30);
            });
        }
        return rows;
    }

    std::vector<Line> matrix_columns(const CanvasReport& canvas) const {
        std::vector<Line> columns;
        for (Section section : {Section::relievers, Section::creators}) {
            int index = 0;
            for (const std::string& id : canvas.sections[static_cast<std::size_t>(section)]) {
                const NoteReport* found = note(id);
                if (!found) continue;
                const auto asked = question_by_note_.find(id);
                const bool question = asked != question_by_note_.end() && asked->second->code == "what-does-it-address";
                const char* status = linked_sources_.count(id) ? "linked" : question ? "question" : "orphan";
                columns.push_back({found, status, (section == Section::relievers ? "R" : "C") + std::to_string(++index)});
            }
        }
        return columns;
    }

    // --- The fit matrix ---

    void write_matrix(const CanvasReport& canvas, const std::vector<Line>& rows, const std::vector<Line>& columns) {
        out_ += "<h3>Fit matrix</h3>\n";
        if (rows.empty() && columns.empty()) {
            out_ += "<p class=\"absent\">Nothing to draw yet: add pains, gains, pain relievers and gain creators.</p>\n";
            return;
        }
        const int label = 176, cell = 28, top = 26, row_height = 20;
        const int width = label + std::max(static_cast<int>(columns.size()) * cell, columns.empty() ? 180 : 0) + 4;
        const int height = top + row_height * static_cast<int>(rows.size()) + 4;
        const auto x_of = [&](std::size_t column) { return label + static_cast<int>(column) * cell + cell / 2; };
        const auto y_of = [&](std::size_t row) { return top + static_cast<int>(row) * row_height + row_height / 2; };

        out_ += "<figure>";
        svg_open("fit-matrix", width, height, "Fit matrix of " + canvas.id + ": pains and gains against relievers and creators");
        // The quadrants where links are not expected (relievers answer pains,
        // creators gains) are shaded.
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t c = 0; c < columns.size(); ++c)
                if ((rows[r].note->section == Section::pains) != (columns[c].note->section == Section::relievers))
                    put({"<rect x=\"", x_of(c) - cell / 2, "\" y=\"", y_of(r) - row_height / 2, "\" width=\"", cell,
                         "\" height=\"", row_height, "\" fill=\"#f7fafc\"/>"});
        for (std::size_t r = 0; r <= rows.size(); ++r) {
            const int y = top + static_cast<int>(r) * row_height;
            put({"<line x1=\"0\" x2=\"", width, "\" y1=\"", y, "\" y2=\"", y, "\" stroke=\"#e2e8f0\"/>"});
        }
        out_ += "\n";
        for (std::size_t c = 0; c < columns.size(); ++c) write_column(columns[c], x_of(c), rows.empty() ? top : height - 4);
        for (std::size_t r = 0; r < rows.size(); ++r) write_row(rows[r], y_of(r), label, width);
        if (columns.empty()) svg_text(label + 6, top + 14, "no pain reliever or gain creator yet", 10, " fill=\"#718096\"");
        for (const LinkReport& link : report_.links) {
            const auto row = std::find_if(rows.begin(), rows.end(), [&](const Line& line) { return line.note->id == link.to; });
            const auto column = std::find_if(columns.begin(), columns.end(), [&](const Line& line) { return line.note->id == link.from; });
            if (row == rows.end() || column == columns.end()) continue;
            put({"<g class=\"mark\" data-source=\"", esc(link.source), "\" data-from=\"", esc(link.from), "\" data-to=\"",
                 esc(link.to), "\"><title>&#39;", esc(text_of(link.from)), "&#39; -&gt; &#39;", esc(text_of(link.to)),
                 "&#39;: ", source_words(link.source)});
            if (link.source == "text" || link.source == "suggested") put({", ", percent(link.confidence), " sure"});
            for (std::size_t i = 0; i < link.evidence.size(); ++i) put({i == 0 ? "; evidence: " : ", ", esc(link.evidence[i])});
            out_ += "</title>";
            link_shape(link.source, x_of(static_cast<std::size_t>(column - columns.begin())),
                       y_of(static_cast<std::size_t>(row - rows.begin())));
            out_ += "</g>\n";
        }
        out_ += "</svg>\n";
        write_legend();
        out_ += "</figure>\n";
        write_column_key(columns);
    }

    void write_row(const Line& row, int y, int label, int width) {
        const bool pain = row.note->section == Section::pains;
        const std::string rank = row.note->rank ? "#" + std::to_string(*row.note->rank) + " " : "";
        put({"<g class=\"row\" data-note=\"", esc(row.note->id), "\" data-section=\"", pain ? "pains" : "gains",
             "\" data-status=\"", esc(row.status), "\""});
        if (row.note->rank) put({" data-rank=\"", *row.note->rank, "\""});
        put({"><title>", pain ? "Pain " : "Gain ", rank, esc(one_line(row.note->text)), ": "});
        if (row.status == "covered") out_ += "addressed";
        else if (row.status == "unaddressed") put({"not addressed: no ", pain ? "pain reliever" : "gain creator", " addresses it"});
        else put({esc(question_message(row.note->id, "open question: is it addressed?"))});
        out_ += "</title>";
        if (row.status == "unaddressed")
            put({"<rect x=\"0\" y=\"", y - 9, "\" width=\"", width, "\" height=\"18\" fill=\"#fff5f5\"/>"});
        const std::string colour = std::string(" fill=\"") + status_colour(row.status) + "\"";
        svg_text(3, y + 4, status_symbol(row.status), 11, (colour + " font-weight=\"700\"").c_str());
        svg_text(16, y + 4, (pain ? "P" : "G") + rank + clip(row.note->text, 21), 11,
                 row.status == "unaddressed" ? colour.c_str() : "");
        put({"<line x1=\"", label, "\" x2=\"", label, "\" y1=\"", y - 10, "\" y2=\"", y + 10, "\" stroke=\"#cbd5e0\"/></g>\n"});
    }

    void write_column(const Line& column, int x, int bottom) {
        put({"<g class=\"col\" data-note=\"", esc(column.note->id), "\" data-section=\"",
             column.note->section == Section::relievers ? "relievers" : "creators", "\" data-status=\"", esc(column.status),
             "\"><title>", esc(column.code), " ", esc(one_line(column.note->text)), ": "});
        if (column.status == "linked") out_ += "addresses the profile";
        else if (column.status == "orphan") out_ += "addresses nothing on the profile";
        else put({esc(question_message(column.note->id, "open question: what does it address?"))});
        put({"</title><line x1=\"", x, "\" x2=\"", x, "\" y1=\"22\" y2=\"", bottom, "\" stroke=\"#edf2f7\"/><rect x=\"", x - 12,
             "\" y=\"3\" width=\"24\" height=\"18\" rx=\"3\""});
        if (column.status == "orphan") put({" fill=\"#fffaf0\" stroke=\"", kOrange, "\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\""});
        else if (column.status == "question") put({" fill=\"#fff\" stroke=\"", kGrey, "\" stroke-dasharray=\"2 2\""});
        else out_ += " fill=\"#fff\" stroke=\"#cbd5e0\"";
        out_ += "/>";
        svg_text(x, 16, column.code, 10, " text-anchor=\"middle\" font-weight=\"600\"");
        out_ += "</g>\n";
    }

    void write_legend() {
        static const char* const kSources[] = {"connector", "confirmed", "text", "suggested"};
        static const char* const kWords[] = {"drawn", "confirmed", "wording", "suggested"};
        svg_open("legend", 360, 44, "Legend");
        for (int i = 0; i < 4; ++i) {
            link_shape(kSources[i], 10 + i * 88, 11);
            svg_text(22 + i * 88, 15, kWords[i], 10);
        }
        svg_text(3, 38, status_symbol("unaddressed"), 11, " fill=\"#c53030\" font-weight=\"700\"");
        svg_text(14, 38, "not addressed", 10);
        svg_text(98, 38, "?", 11, " fill=\"#718096\" font-weight=\"700\"");
        svg_text(108, 38, "question", 10);
        put({"<rect x=\"176\" y=\"28\" width=\"20\" height=\"14\" rx=\"3\" fill=\"#fffaf0\" stroke=\"", kOrange,
             "\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>"});
        svg_text(202, 38, "addresses nothing", 10);
        out_ += "\n</svg>\n";
    }

    void write_column_key(const std::vector<Line>& columns) {
        if (columns.empty()) return;
        out_ += "<ul class=\"key\">\n";
        for (const Line& column : columns) {
            put({"<li><span class=\"code\">", esc(column.code), "</span> ", esc(one_line(column.note->text))});
            if (column.status == "orphan") out_ += " <span class=\"orphan\">(addresses nothing)</span>";
            if (column.status == "question") out_ += " <span class=\"question\">(what does it address?)</span>";
            out_ += "</li>\n";
        }
        out_ += "</ul>\n<p class=\"hint\">R: pain relievers, C: gain creators; P and G: pains and gains by rank. "
                "Shaded cells pair a reliever with a gain or a creator with a pain.</p>\n";
    }

    // --- Top pains and gains with what covers them ---

    void write_top(const std::vector<Line>& rows) {
        bool any = false;
        for (const Line& row : rows) {
            if (!row.note->rank || *row.note->rank > 3) continue;
            if (!any) out_ += "<h3>Top pains and gains</h3>\n<ul class=\"top\">\n";
            any = true;
            put({"<li class=\"", esc(row.status), "\" data-note=\"", esc(row.note->id), "\">",
                 row.note->section == Section::pains ? "Pain" : "Gain", " #", *row.note->rank, ": ",
                 esc(one_line(row.note->text)), " &mdash; ", status_symbol(row.status)});
            if (row.status == "covered") write_covered_by(row.note->id);
            else if (row.status == "unaddressed") out_ += " not addressed";
            else put({" ", esc(question_message(row.note->id, "open question: is it addressed?"))});
            out_ += "</li>\n";
        }
        if (any) out_ += "</ul>\n";
    }

    void write_covered_by(const std::string& id) {
        bool first = true;
        for (const LinkReport& link : report_.links) {
            if (link.to != id || link.source == "suggested") continue;
            put({first ? " &#39;" : "; &#39;", esc(text_of(link.from)), "&#39; (", source_short(link.source), ")"});
            first = false;
        }
    }

    // --- The price/value map (seed 004) ---

    void write_price_value(const CanvasReport& canvas) {
        out_ += "<h3>Price/value map</h3>\n";
        if (!canvas.competitors) {
            out_ += "<p class=\"absent\">No competitor information on this canvas. To place your offer against its "
                    "alternatives, add a frame titled &quot;Competitors&quot; with one note per alternative scored "
                    "on your value drivers and on price (&quot;Acme: speed 4, price 2&quot;), and one for your offer "
                    "(&quot;Us: speed 5, price 4&quot;).</p>\n";
            return;
        }
        const CompetitorsReport& competitors = *canvas.competitors;
        const auto placed = [](const PriceValueReport& point) { return point.price && point.value; };
        if (std::none_of(competitors.price_value_map.begin(), competitors.price_value_map.end(), placed))
            out_ += "<p class=\"absent\">The competitor notes give no alternative both a price score and a value score: "
                    "score each on price and on at least one value driver.</p>\n";
        else
            write_price_value_svg(canvas);
        bool first = true;
        for (const PriceValueReport& point : competitors.price_value_map) {
            if (placed(point)) continue;
            put({first ? "<p class=\"hint\">Not placed: " : ", ", esc(one_line(point.name)),
                 point.price ? " (no value score)" : " (no price score)"});
            first = false;
        }
        if (!first) out_ += ".</p>\n";
        out_ += "<p class=\"hint\">What places them: each criterion scored, the value driver it measures and its weight. "
                "Price and cost criteria give the price score; the others, weighed by their drivers, the value score.</p>\n"
                "<ul class=\"drivers\">\n";
        for (const CriterionReport& criterion : competitors.criteria) {
            put({"<li>", esc(criterion.name), " &mdash; "});
            if (criterion.driver) put({"measures &#39;", esc(text_of(*criterion.driver)), "&#39;"});
            else out_ += "measures no value driver";
            put({", weight ", percent(criterion.weight), "</li>\n"});
        }
        out_ += "</ul>\n";
    }

    void write_price_value_svg(const CanvasReport& canvas) {
        const double left = 40, right = 330, top = 12, bottom = 200;
        const auto x_of = [&](double price) { return px(left + std::clamp(price, 0.0, 5.0) / 5 * (right - left)); };
        const auto y_of = [&](double value) { return px(bottom - std::clamp(value, 0.0, 5.0) / 5 * (bottom - top)); };
        out_ += "<figure>";
        svg_open("price-value", 360, 240, "Price/value map of " + canvas.id);
        for (int tick = 0; tick <= 5; ++tick) {
            put({"<line x1=\"", x_of(tick), "\" x2=\"", x_of(tick), "\" y1=\"", px(top), "\" y2=\"", px(bottom),
                 "\" stroke=\"#edf2f7\"/><line x1=\"", px(left), "\" x2=\"", px(right), "\" y1=\"", y_of(tick), "\" y2=\"",
                 y_of(tick), "\" stroke=\"#edf2f7\"/>"});
            svg_text(x_of(tick), px(bottom + 12), std::to_string(tick), 9, " text-anchor=\"middle\"");
            svg_text(px(left - 6), y_of(tick) + 3, std::to_string(tick), 9, " text-anchor=\"end\"");
        }
        put({"<line x1=\"", px(left), "\" x2=\"", px(right), "\" y1=\"", px(bottom), "\" y2=\"", px(bottom),
             "\" stroke=\"#4a5568\"/><line x1=\"", px(left), "\" x2=\"", px(left), "\" y1=\"", px(top), "\" y2=\"", px(bottom),
             "\" stroke=\"#4a5568\"/>\n"});
        svg_text(px((left + right) / 2), 234, "price score (as scored: 5 = best on price)", 10, " text-anchor=\"middle\"");
        svg_text(12, px((top + bottom) / 2), "value score (weighted by the drivers)", 10,
                 " text-anchor=\"middle\" transform=\"rotate(-90 12 106)\"");
        out_ += "\n";
        for (const PriceValueReport& point : canvas.competitors->price_value_map) {
            if (!point.price || !point.value) continue;
            const bool offer = is_offer_name(point.name);
            const std::string price = number(*point.price), value = number(*point.value);
            put({"<g class=\"alternative\" data-name=\"", esc(point.name), "\" data-offer=\"", offer ? "true" : "false",
                 "\" data-price=\"", price, "\" data-value=\"", value, "\"><title>", esc(one_line(point.name)),
                 offer ? " (your offer)" : "", ": price ", price, ", value ", value});
            for (const AlternativeReport& alternative : canvas.competitors->alternatives) {
                if (alternative.name != point.name) continue;
                for (const auto& [criterion, score] : alternative.scores) put({"; ", esc(criterion), " ", number(score)});
                break;
            }
            const long x = x_of(*point.price), y = y_of(*point.value);
            const bool flip = x > right - 80;  // the label goes left of a point near the right edge
            put({"</title><circle cx=\"", x, "\" cy=\"", y, "\" r=\"", offer ? "7" : "5", "\" fill=\"", offer ? kBlue : kOrange,
                 "\" stroke=\"#fff\" stroke-width=\"1.5\"/>"});
            svg_text(flip ? x - 10 : x + 10, y + 4, clip(point.name, 14), 10,
                     flip ? (offer ? " text-anchor=\"end\" font-weight=\"700\"" : " text-anchor=\"end\"")
                          : (offer ? " font-weight=\"700\"" : ""));
            out_ += "</g>\n";
        }
        out_ += "</svg></figure>\n";
    }

    // --- Findings and open questions ---

    // Those of one canvas, or of none (canvas null).
    void write_findings(const std::string* canvas) {
        const auto here = [canvas](const std::optional<std::string>& of) { return canvas ? of == *canvas : !of; };
        const auto warnings = std::count_if(report_.warnings.begin(), report_.warnings.end(),
                                            [&](const Warning& warning) { return here(warning.canvas); });
        const auto questions = std::count_if(report_.questions.begin(), report_.questions.end(),
                                             [&](const Question& question) { return here(question.canvas); });
        put({"<h3>Findings (", static_cast<long>(warnings), ")</h3>\n", warnings ? "<ul class=\"findings\">\n" : "<p class=\"hint\">None.</p>\n"});
        for (const Warning& warning : report_.warnings)
            if (here(warning.canvas))
                put({"<li data-code=\"", esc(warning.code), "\"><span class=\"sev ", severity_name(warning.severity), "\">",
                     severity_name(warning.severity), "</span>", esc(one_line(warning.message)), "</li>\n"});
        if (warnings) out_ += "</ul>\n";
        put({"<h3>Open questions (", static_cast<long>(questions), ")</h3>\n", questions ? "<ul class=\"questions\">\n" : "<p class=\"hint\">None.</p>\n"});
        for (const Question& question : report_.questions)
            if (here(question.canvas))
                put({"<li data-code=\"", esc(question.code), "\">", esc(one_line(question.message)), "</li>\n"});
        if (questions) out_ += "</ul>\n";
    }

    void write_board_wide() {
        const auto outside = [](const auto& item) { return !item.canvas; };
        if (std::none_of(report_.warnings.begin(), report_.warnings.end(), outside) &&
            std::none_of(report_.questions.begin(), report_.questions.end(), outside))
            return;
        out_ += "<section class=\"board\">\n<h2>The whole board</h2>\n";
        write_findings(nullptr);
        out_ += "</section>\n";
    }

    const Report& report_;
    std::unordered_map<std::string, const NoteReport*> note_by_id_;
    std::unordered_map<std::string, const Question*> question_by_note_;  // the first question naming each note
    std::unordered_map<std::string, const NoteReport*> linked_sources_;  // relievers and creators with a counted link
    std::string out_;
};

}  // namespace

std::string report_to_html(const Report& report) { return SummaryWriter(report).write(); }

}  // namespace canvasfit

#include "canvasfit/analyze.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "engine/competitors.hpp"
#include "engine/engine.hpp"
#include "canvasfit/errors.hpp"
#include "layout/layout.hpp"
#include "text/text_classifier.hpp"
#include "read/json_fields.hpp"
#include "read/json_pull.hpp"
#include "findings/warning_kit.hpp"
#include "structure/titles.hpp"
#include "findings/findings.hpp"
#include "report/json_writer.hpp"
#include "report/report_of.hpp"

namespace canvasfit {

namespace {

// --- Text classification (text_classifier.hpp, docs/text-classification.md) ---

bool has_section_areas(const Layout& layout) {
    return std::any_of(layout.canvases.begin(), layout.canvases.end(),
                       [](const CanvasLayout& canvas) { return !canvas.sections.empty(); });
}

// On a board without sections, place_by_text may have sorted notes into one canvas.
std::string no_sections_message(const Layout& layout, std::size_t notes, std::size_t unsorted) {
    const std::string titles =
        "frames or shapes titled 'Customer Jobs', 'Pains', 'Gains', 'Products & Services', "
        "'Pain Relievers' and 'Gain Creators'";
    if (layout.canvases.empty()) return "No canvas sections found: put the notes in " + titles + ".";
    return "No canvas sections found: " + std::to_string(notes - unsorted) + " of " +
           std::to_string(notes) + " note(s) were sorted into one canvas by their text" +
           (unsorted ? " (" + std::to_string(unsorted) + " too unclear to sort)" : std::string()) +
           "; put the notes in " + titles + " to decide their sections yourself.";
}

const char* reads_as(Section section) {
    switch (section) {
        case Section::segment: return "a customer segment";
        case Section::jobs: return "a customer job";
        case Section::pains: return "a pain";
        case Section::gains: return "a gain";
        case Section::products: return "a product or service";
        case Section::relievers: return "a pain reliever";
        case Section::creators: return "a gain creator";
        case Section::unknown: break;
    }
    return "another section";
}

// A note whose frame or region says one section and whose text strongly says another.
void add_misplaced_warnings(const Board& board, const Layout& layout, Report& report) {
    for (std::size_t n = 0; n < board.notes.size(); ++n) {
        const NotePlacement& placement = layout.notes[n];
        // On an unsorted note the text's guess is a which-section question.
        if (placement.text_suggestion == Section::unknown || placement.section == Section::unknown)
            continue;
        const int percent = static_cast<int>(placement.text_confidence * 100 + 0.5);
        Warning warning;
        warning.code = "misplaced-note";
        warning.severity = percent >= 95 ? Severity::medium : Severity::low;
        warning.notes.push_back(board.notes[n].id);
        if (placement.canvas >= 0)
            warning.canvas = layout.canvases[static_cast<std::size_t>(placement.canvas)].id;
        warning.message = "'" + warning_kit::quote(board.notes[n].text) + "' sits in " +
                          warning_kit::section_title(placement.section) + " but reads as " +
                          reads_as(placement.text_suggestion) +
                          (placement.text_reason.empty() ? "" : " (" + placement.text_reason + ")") +
                          ", " + std::to_string(percent) + " % sure: check which section it belongs to.";
        report.warnings.push_back(std::move(warning));
    }
}

// An unsorted note whose text leans towards a section, below the bar for
// placing it: the facilitator decides. Per canvas (the last entry: notes
// outside every canvas), in board order.
std::vector<std::vector<Question>> section_questions(const Board& board, const Layout& layout) {
    std::vector<std::vector<Question>> by_canvas(layout.canvases.size() + 1);
    for (std::size_t n = 0; n < board.notes.size(); ++n) {
        const NotePlacement& placement = layout.notes[n];
        if (placement.section != Section::unknown || placement.text_suggestion == Section::unknown)
            continue;
        Question question;
        question.code = "which-section";
        if (placement.canvas >= 0)
            question.canvas = layout.canvases[static_cast<std::size_t>(placement.canvas)].id;
        question.notes.push_back(board.notes[n].id);
        question.candidates.push_back(section_name(placement.text_suggestion));
        question.confidence = placement.text_confidence;
        question.message = "Which section does '" + warning_kit::quote(board.notes[n].text) +
                           "' belong to? It reads most like " + reads_as(placement.text_suggestion) +
                           " (" + std::to_string(static_cast<int>(placement.text_confidence * 100 + 0.5)) +
                           " %), too unsure to move it there.";
        by_canvas[placement.canvas >= 0 ? static_cast<std::size_t>(placement.canvas) : layout.canvases.size()]
            .push_back(std::move(question));
    }
    return by_canvas;
}

// The report's questions in the order of docs/report.md: canvas order
// (questions outside every canvas first), then the code order, then the board
// order of the first note. Each canvas's questions come from find_questions
// already in that order (questions.cpp), canvas by canvas; the which-section
// questions of a canvas go before them.
void add_questions(const Board& board, const Layout& layout, std::vector<Question> canvas_questions,
                   Report& report) {
    std::vector<std::vector<Question>> asked = section_questions(board, layout);
    std::size_t total = canvas_questions.size();
    for (const auto& list : asked) total += list.size();
    report.questions.reserve(total);
    const auto move_all = [&](std::vector<Question>& list) {
        for (Question& question : list) report.questions.push_back(std::move(question));
    };
    move_all(asked.back());
    std::size_t next = 0;
    for (std::size_t c = 0; c < layout.canvases.size(); ++c) {
        move_all(asked[c]);
        const std::string& id = layout.canvases[c].id;
        while (next < canvas_questions.size() && canvas_questions[next].canvas == id)
            report.questions.push_back(std::move(canvas_questions[next++]));
    }
    // Every canvas question names its canvas, in canvas order, so none should
    // be left here; were one, it is still reported, last, rather than lost.
    while (next < canvas_questions.size()) report.questions.push_back(std::move(canvas_questions[next++]));
}

// --- end of text classification ---

}  // namespace

std::vector<Warning> reading_warnings(const Board& board, const Layout& layout) {
    Report report;
    for (const ReadIssue& issue : board.skipped) {
        Warning warning;
        warning.code = "skipped-item";
        warning.severity = Severity::low;
        if (!issue.item_id.empty()) warning.notes.push_back(issue.item_id);
        warning.message = issue.message + (issue.location.empty() ? "" : " (at " + issue.location + ")");
        report.warnings.push_back(std::move(warning));
    }
    Warning outside{"outside-sections", Severity::info, {}, std::nullopt, ""};
    for (NoteIndex n = 0; n < board.notes.size(); ++n)
        if (layout.notes[n].section == Section::unknown) outside.notes.push_back(board.notes[n].id);
    if (!has_section_areas(layout) && !board.notes.empty()) {
        report.warnings.push_back({"no-sections", Severity::medium, {}, std::nullopt,
                                   no_sections_message(layout, board.notes.size(), outside.notes.size())});
    } else if (!outside.notes.empty()) {
        outside.message = std::to_string(outside.notes.size()) +
                          " note(s) sit outside every canvas section and their text does not say "
                          "clearly which one they belong to; move them into their section.";
        report.warnings.push_back(std::move(outside));
    }
    add_misplaced_warnings(board, layout, report);
    return std::move(report.warnings);
}

namespace {

std::vector<std::string> ids_of(const Board& board, const std::vector<NoteIndex>& notes) {
    std::vector<std::string> ids;
    ids.reserve(notes.size());
    for (NoteIndex note : notes) ids.push_back(board.notes[note].id);
    return ids;
}

std::vector<CoverageReport> coverage_report(const Board& board, const std::vector<Coverage>& detail) {
    std::vector<CoverageReport> report;
    for (const Coverage& coverage : detail)
        report.push_back({board.notes[coverage.note].id, coverage.weight,
                          ids_of(board, coverage.covered_by), row_status_name(coverage.status)});
    return report;
}

FitReport fit_report(const Board& board, const Fit& fit) {
    return {fit.pains,
            fit.gains,
            fit.jobs,
            fit.overall,
            fit.verdict,
            fit.undecided,
            fit.unconfirmed,
            fit.range,
            coverage_report(board, fit.pain_coverage),
            coverage_report(board, fit.gain_coverage),
            coverage_report(board, fit.job_coverage)};
}

}  // namespace

void fill_note_report(const BoardAnalysis& analysis, NoteIndex n, const char* value_type,
                      NoteReport& entry) {
    const Note& note = analysis.board->notes[n];
    const NotePlacement& placement = analysis.layout.notes[n];
    entry.id = note.id;
    entry.text = note.text;
    if (placement.canvas >= 0) entry.canvas = analysis.layout.canvases[static_cast<std::size_t>(placement.canvas)].id;
    else entry.canvas.reset();
    entry.section = placement.section;
    entry.via = placement.via;
    entry.confidence = placement.confidence;
    const Priority& priority = analysis.priorities[n];
    if (priority.rank == 0) {
        entry.rank.reset();
        entry.priority.reset();
        entry.cue.reset();
    } else {
        entry.rank = priority.rank;
        entry.priority = priority.priority;
        entry.cue = priority_cue_name(priority.cue);
    }
    entry.votes = analysis.votes[n];
    if (value_type) entry.value_type = value_type;
    else entry.value_type.reset();
}

CanvasReport canvas_report(const BoardAnalysis& analysis, std::size_t c) {
    const Board& board = *analysis.board;
    const CanvasLayout& layout = analysis.layout.canvases[c];
    const CanvasAnalysis& canvas = analysis.canvases[c];
    CanvasReport report;
    report.id = layout.id;
    report.title = layout.title;
    report.segment = canvas.segment;
    report.sections.resize(std::size(kAllSections));
    for (std::size_t s = 0; s < canvas.notes.sections.size(); ++s)
        report.sections[s] = ids_of(board, canvas.notes.sections[s]);
    report.fit = fit_report(board, canvas.fit);
    return report;
}

void append_canvas_links(const BoardAnalysis& analysis, std::size_t c, std::vector<LinkReport>& links) {
    const Board& board = *analysis.board;
    for (const Link& link : analysis.canvases[c].links)
        links.push_back({board.notes[link.from].id, board.notes[link.to].id, link.strength,
                         link.via == LinkVia::connector ? "connector" : "text", link.evidence,
                         link_source_name(link.source), link.confidence});
}

std::vector<std::vector<Question>> which_section_questions(const Board& board, const Layout& layout) {
    return section_questions(board, layout);
}

namespace {

// Every stage up to the report, for analyze() and the streamed report alike.
BoardAnalysis analysed(const Board& board, const AnalyzeOptions& options) {
    Layout layout = classify_layout(board);
    std::vector<NoteReading> readings = read_notes(board);  // one reading of each text, shared
    place_by_text(board, layout, &readings);  // notes no layout cue places, misplaced notes
    BoardAnalysis analysis = run_engine(board, std::move(layout), std::move(readings), &options.links);
    // Only the engine reads tokens and compound stems; the report reads terms.
    // Let them go before the report is built (36 MB at 50,000 notes).
    for (NoteReading& reading : analysis.readings) {
        std::vector<Token>().swap(reading.tokens);
        std::vector<std::string>().swap(reading.joined);
    }
    return analysis;
}

}  // namespace

Report analyze(const Board& board, const AnalyzeOptions& options) {
    return report_of(analysed(board, options), options);
}

Report report_of(const BoardAnalysis& analysis, const AnalyzeOptions& options,
                 CanvasFindingCache* kept) {
    const Board& board = *analysis.board;
    const Layout& layout = analysis.layout;
    Report report;
    report.source = options.source;
    report.format = board.format;
    for (std::size_t c = 0; c < layout.canvases.size(); ++c)
        report.canvases.push_back(canvas_report(analysis, c));
    const std::vector<const char*> value_types = value_types_by_note(analysis);
    report.notes.resize(board.notes.size());  // a 50,000-note report would otherwise pass through 2x its size
    for (NoteIndex n = 0; n < board.notes.size(); ++n)
        fill_note_report(analysis, n, value_types[n], report.notes[n]);
    report.warnings = reading_warnings(board, layout);
    for (std::size_t c = 0; c < layout.canvases.size(); ++c) append_canvas_links(analysis, c, report.links);
    for (Warning& warning : find_warnings(analysis, kept)) report.warnings.push_back(std::move(warning));
    add_questions(board, layout, find_questions(analysis, kept), report);
    // value types, drivers, competitors (docs/value.md)
    const auto sheets = competitor_notes_by_canvas(analysis);
    for (std::size_t c = 0; c < layout.canvases.size(); ++c)
        add_canvas_value_results(analysis, c, sheets[c], report.canvases[c], report.warnings);
    return report;
}

void write_report_json(const BoardAnalysis& analysis, const AnalyzeOptions& options,
                       const PieceWriter& write_piece) {
    const Board& board = *analysis.board;
    const Layout& layout = analysis.layout;
    const std::size_t canvases = layout.canvases.size();
    // A canvas's value warnings come with its value results, made with its
    // entry in the canvases list, which is written first; they follow the
    // other warnings, as report_of appends them.
    std::vector<Warning> value_warnings;
    ReportParts parts;
    parts.source = options.source;
    parts.format = board.format;
    parts.canvases = [&](const auto& put) {
        const auto sheets = competitor_notes_by_canvas(analysis);
        for (std::size_t c = 0; c < canvases; ++c) {
            CanvasReport canvas = canvas_report(analysis, c);
            add_canvas_value_results(analysis, c, sheets[c], canvas, value_warnings);
            put(canvas);
        }
    };
    parts.notes = [&](const auto& put) {
        const std::vector<const char*> value_types = value_types_by_note(analysis);
        NoteReport entry;  // one entry, filled again for each note
        for (NoteIndex n = 0; n < board.notes.size(); ++n) {
            fill_note_report(analysis, n, value_types[n], entry);
            put(entry);
        }
    };
    parts.links = [&](const auto& put) {
        std::vector<LinkReport> links;
        for (std::size_t c = 0; c < canvases; ++c) {
            links.clear();
            append_canvas_links(analysis, c, links);
            for (const LinkReport& link : links) put(link);
        }
    };
    parts.warnings = [&](const auto& put) {
        for (const Warning& warning : reading_warnings(board, layout)) put(warning);
        for (const Warning& warning : find_warnings(analysis)) put(warning);
        for (const Warning& warning : value_warnings) put(warning);
    };
    // In add_questions' order: the which-section questions outside every
    // canvas, then each canvas's which-section questions and its own.
    parts.questions = [&](const auto& put) {
        const std::vector<std::vector<Question>> asked = section_questions(board, layout);
        for (const Question& question : asked.back()) put(question);
        for_each_canvas_questions(analysis, [&](std::size_t c, const std::vector<Question>& questions) {
            for (const Question& question : asked[c]) put(question);
            for (const Question& question : questions) put(question);
        });
    };
    report_to_json(parts, write_piece);
}

namespace {

// Runs `analyze_input` with analyze_text's errors: where() prefixed with options.source.
template <typename AnalyzeInput>
decltype(auto) with_source_in_errors(const AnalyzeOptions& options, AnalyzeInput analyze_input) {
    try {
        return analyze_input();
    } catch (const InputError& e) {
        if (options.source.empty()) throw;
        throw InputError(options.source + ": " + e.where(), e.what());
    }
}

}  // namespace

Report analyze_text(std::string_view input, const AnalyzeOptions& options) {
    return with_source_in_errors(options, [&] { return analyze(read_board(input, options.format), options); });
}

Report analyze_owned_text(std::string input, const AnalyzeOptions& options) {
    return with_source_in_errors(options, [&] {
        const Board board = read_board(input, options.format);
        std::string().swap(input);
        return analyze(board, options);
    });
}

void analyze_text_to_json(std::string_view input, const AnalyzeOptions& options,
                          const PieceWriter& write_piece) {
    with_source_in_errors(options, [&] {
        const Board board = read_board(input, options.format);
        write_report_json(analysed(board, options), options, write_piece);
    });
}

void analyze_owned_text_to_json(std::string input, const AnalyzeOptions& options,
                                const PieceWriter& write_piece) {
    with_source_in_errors(options, [&] {
        const Board board = read_board(input, options.format);
        std::string().swap(input);
        write_report_json(analysed(board, options), options, write_piece);
    });
}

namespace {

using json_pull::Reader;
using json_pull::Type;

// [[from, to], ...]: each pair two note ids.
std::vector<std::pair<std::string, std::string>> parse_pairs(Reader list, const std::string& at) {
    if (list.peek() != Type::array) throw InputError(at, "must be a list of [from, to] note id pairs");
    std::vector<std::pair<std::string, std::string>> pairs;
    list.begin_array();
    for (std::size_t i = 0; list.next_item(); ++i) {
        std::vector<std::string> ids;
        bool only_strings = list.peek() == Type::array;
        if (only_strings) {
            list.begin_array();
            while (list.next_item()) {
                if (list.peek() == Type::string) {
                    ids.emplace_back(list.read_string());
                } else {
                    only_strings = false;
                    list.skip_value();
                }
            }
        } else {
            list.skip_value();
        }
        if (!only_strings || ids.size() != 2)
            throw InputError(json_fields::pointer(at, i), "must be a pair of note ids [from, to]");
        pairs.emplace_back(std::move(ids[0]), std::move(ids[1]));
    }
    return pairs;
}

std::vector<std::string> parse_ids(Reader list, const std::string& at) {
    if (list.peek() != Type::array) throw InputError(at, "must be a list of note ids");
    std::vector<std::string> ids;
    list.begin_array();
    for (std::size_t i = 0; list.next_item(); ++i) {
        if (list.peek() != Type::string) throw InputError(json_fields::pointer(at, i), "must be a note id (a string)");
        ids.emplace_back(list.read_string());
    }
    return ids;
}

LinkDecisions parse_link_decisions(Reader links, const std::string& at) {
    if (links.peek() != Type::object)
        throw InputError(at, "must be an object {confirmed, rejected, unlinked}");
    LinkDecisions decisions;
    links.begin_object();
    for (auto& [key, value] : links.object_members()) {
        const std::string where = json_fields::pointer(at, key);
        if (key == "confirmed") decisions.confirmed = parse_pairs(value, where);
        else if (key == "rejected") decisions.rejected = parse_pairs(value, where);
        else if (key == "unlinked") decisions.unlinked = parse_ids(value, where);
        else throw InputError(where, "unknown key: expected 'confirmed', 'rejected' or 'unlinked'");
    }
    return decisions;
}

json_fields::Field member_field(const json_pull::Document& document, const std::string& key) {
    json_fields::Field field;
    if (!document.contains(key)) return field;
    Reader reader = document.member(key);
    field.read(reader);
    return field;
}

}  // namespace

AnalyzeOptions parse_options(std::string_view options_json) {
    AnalyzeOptions options;
    if (options_json.empty()) return options;
    std::optional<json_pull::Document> document;
    try {
        document = json_pull::Document::scan(options_json);
    } catch (const InputError& e) {
        // "options: line 1, column 18", as a board's errors are placed in its file
        throw InputError("options: " + e.where(), e.what());
    }
    if (document->root_type() == Type::null) return options;
    if (!document->root_is_object()) throw InputError("options", "options must be a JSON object");
    const json_fields::Location at{"options"};
    options.format = parse_input_format(
        json_fields::optional_string(member_field(*document, "format"), "format", at));
    options.source = json_fields::optional_string(member_field(*document, "source"), "source", at);
    if (document->has("links"))
        options.links = parse_link_decisions(document->member("links"), "options: /links");
    options.links.list_all_candidates = json_fields::optional_bool(
        member_field(*document, "all_candidates"), "all_candidates", at, false);
    return options;
}

const char* version() { return CANVASFIT_VERSION; }

}  // namespace canvasfit

// What each fuzz target does with one input, and the invariants it checks.
// Shared by the libFuzzer targets (fuzz/fuzz_*.cpp) and by the GoogleTest
// replay of kept crash inputs (tests/cpp/report/test_hostile_catalogue.cpp), so a
// regression input fails the ordinary test suite, natively, under the
// sanitizers and as wasm.
//
// An input may be rejected with InputError: that is the clear error the
// limits promise. Any other exception escapes, which libFuzzer reports as a
// crash and GoogleTest as a failure. A broken invariant comes back as a
// message; the targets abort on it.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "canvasfit/analyze.hpp"
#include "canvasfit/errors.hpp"
#include "canvasfit/limits.hpp"
#include "canvasfit/readers.hpp"
#include "canvasfit/report.hpp"
#include "read/html_text.hpp"
#include "read/json_input.hpp"
#include "read/json_pull.hpp"

namespace canvasfit::fuzz {

enum class Target { read_canvasfit, read_excalidraw, read_miro, analyze, html_text, json_pull };

// Directory names under fuzz/corpus/ and tests/fuzz/regressions/.
inline const char* target_name(Target target) {
    switch (target) {
        case Target::read_canvasfit:
            return "read_canvasfit";
        case Target::read_excalidraw:
            return "read_excalidraw";
        case Target::read_miro:
            return "read_miro";
        case Target::analyze:
            return "analyze";
        case Target::html_text:
            return "html_text";
        case Target::json_pull:
            return "json_pull";
    }
    return "";
}

// Strict UTF-8: no overlongs, surrogates or values past U+10FFFF.
inline bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80           ? 1
                             : (lead >> 5) == 0x6  ? 2
                             : (lead >> 4) == 0xE  ? 3
                             : (lead >> 3) == 0x1E ? 4
                                                   : 0;
        if (length == 0 || i + length > text.size()) return false;
        char32_t code = length == 1 ? lead : lead & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3F);
        }
        static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

// A board that read_board accepted: every limit of docs/limits.md holds.
inline std::string check_board_invariants(const Board& board) {
    std::unordered_set<std::string> ids;
    const auto rect_ok = [](const Rect& r) {
        for (double v : {r.x, r.y, r.width, r.height})
            if (!(v >= -limits::kMaxCoordinate && v <= limits::kMaxCoordinate)) return false;
        return r.width >= 0 && r.height >= 0;
    };
    for (const Note& note : board.notes) {
        if (note.id.empty() || !ids.insert(note.id).second) return "note id empty or repeated";
        if (!rect_ok(note.bounds)) return "note '" + note.id + "' has bounds outside the limits";
        if (note.text.size() > limits::kMaxTextBytes) return "note '" + note.id + "' text too long";
        if (!is_valid_utf8(note.text)) return "note '" + note.id + "' text is not UTF-8";
    }
    for (const Container& container : board.containers) {
        if (container.id.empty() || !ids.insert(container.id).second)
            return "container id repeated";
        if (!rect_ok(container.bounds)) return "container '" + container.id + "' out of limits";
        if (!is_valid_utf8(container.title)) return "container title is not UTF-8";
    }
    for (const Marker& marker : board.markers)
        if (marker.id.empty() || !ids.insert(marker.id).second) return "marker id repeated";
    for (const Connector& connector : board.connectors)
        if (connector.id.empty() || !ids.insert(connector.id).second)
            return "connector id repeated";
    const std::size_t items = board.notes.size() + board.containers.size() + board.markers.size() +
                              board.connectors.size();
    if (items > limits::kMaxItems) return "more items than the limit";
    return "";
}

// The report of an accepted board: every note is reported once, links and
// coverage name reported notes, scores are fractions, and the JSON parses.
inline std::string check_report_invariants(const Board& board, const Report& report) {
    if (report.notes.size() != board.notes.size()) return "report lost or invented notes";
    std::unordered_set<std::string> notes;
    for (const NoteReport& note : report.notes) {
        notes.insert(note.id);
        if (note.rank && *note.rank < 1) return "rank below 1";
        if (note.priority && !(*note.priority > 0 && *note.priority <= 1))
            return "priority not in (0, 1]";
        if (!(note.confidence >= 0 && note.confidence <= 1)) return "confidence not in [0, 1]";
    }
    for (const LinkReport& link : report.links) {
        if (!notes.count(link.from) || !notes.count(link.to)) return "link to an unreported note";
        if (!(link.strength >= 0 && link.strength <= 1)) return "link strength not in [0, 1]";
    }
    for (const CanvasReport& canvas : report.canvases) {
        for (const auto& score :
             {canvas.fit.pains, canvas.fit.gains, canvas.fit.jobs, canvas.fit.overall})
            if (score && !(*score >= 0 && *score <= 1)) return "fit score not in [0, 1]";
        for (const auto* detail : {&canvas.fit.pains_detail, &canvas.fit.gains_detail})
            for (const CoverageReport& entry : *detail) {
                if (!notes.count(entry.note)) return "coverage of an unreported note";
                for (const std::string& by : entry.covered_by)
                    if (!notes.count(by)) return "covered by an unreported note";
            }
    }
    const std::string json = report_to_json(report);
    const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded()) return "report JSON does not parse";
    if (parsed.value("schema", "") != "canvasfit.report/1") return "report JSON has no schema";
    if (!is_valid_utf8(report_to_text(report))) return "text report is not UTF-8";
    if (!is_valid_utf8(report_to_markdown(report))) return "Markdown report is not UTF-8";
    // The HTML summary: UTF-8, and no element but the writer's own (note text is escaped).
    const std::string html = report_to_html(report);
    if (!is_valid_utf8(html)) return "HTML summary is not UTF-8";
    for (const char* element : {"<script", "<img", "<iframe", "<a ", "<b>", "<i>"})
        if (html.find(element) != std::string::npos) return std::string("HTML summary holds ") + element;
    return "";
}

// html_to_text promises valid UTF-8 without control characters, trimmed
// lines and at most one blank line in a row (html_text.hpp).
inline std::string check_plain_text(std::string_view text) {
    if (!is_valid_utf8(text)) return "not UTF-8";
    for (char c : text)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n') return "control character in text";
    if (!text.empty() &&
        (text.front() == ' ' || text.front() == '\n' || text.back() == ' ' || text.back() == '\n'))
        return "text not trimmed";
    if (text.find("\n\n\n") != std::string_view::npos) return "more than one blank line in a row";
    if (text.find(" \n") != std::string_view::npos || text.find("\n ") != std::string_view::npos)
        return "line not trimmed";
    if (text.find("  ") != std::string_view::npos) return "spaces not collapsed";
    return "";
}

// The tree of what the pull reader reads, built with the number types
// nlohmann would give, so the two trees dump alike only if they are alike.
// Recursion is bounded here: Document::scan has already limited the nesting.
inline nlohmann::json pull_value(json_pull::Reader& reader) {
    using json_pull::Type;
    switch (reader.peek()) {
        case Type::null: reader.read_null(); return nullptr;
        case Type::boolean: return reader.read_bool();
        case Type::number: {
            const json_pull::Number number = reader.read_number();
            if (!number.is_integer) return number.value;
            if (!number.negative) return number.magnitude;
            if (number.magnitude == 0) return std::int64_t{0};
            return -static_cast<std::int64_t>(number.magnitude - 1) - 1;
        }
        case Type::string: return std::string(reader.read_string());
        case Type::array: {
            nlohmann::json array = nlohmann::json::array();
            reader.begin_array();
            while (reader.next_item()) array.push_back(pull_value(reader));
            return array;
        }
        case Type::object: {
            nlohmann::json object = nlohmann::json::object();
            reader.begin_object();
            std::string_view key;
            while (reader.next_key(key)) {
                const std::string name(key);
                object[name] = pull_value(reader);  // a later duplicate wins, as in nlohmann
            }
            return object;
        }
    }
    return nullptr;
}

// What an error for text that is not JSON must look like: placed at a line
// and column inside the text (or "input" for the size limit), and saying
// what is wrong in valid UTF-8. "" if it does.
inline std::string check_syntax_error(std::string_view input, const InputError& error) {
    const std::string& where = error.where();
    const std::string what = error.what();
    if (!is_valid_utf8(what)) return "the error message is not valid UTF-8";
    if (where == "input") return what.find("more than the limit") != std::string::npos ? "" : "unplaced error";
    unsigned long line = 0, column = 0;
    char rest = 0;
    if (std::sscanf(where.c_str(), "line %lu, column %lu%c", &line, &column, &rest) != 2)
        return "the error is not placed at a line and column: " + where;
    std::size_t lines = 1;
    for (const char c : input) lines += c == '\n';
    if (line < 1 || line > lines || column < 1 || column > input.size() + 1)
        return "the error's line or column is outside the text: " + where;
    if (what.rfind("invalid JSON: ", 0) != 0 || what.size() < 30)
        return "the error does not say what is wrong: " + what;
    return "";
}

// Differential check of the pull reader against nlohmann (json_input::parse):
// the same texts are accepted, with the same values and the same top-level
// members. A rejected text gets the pull reader's own error, which must be
// placed and worded (check_syntax_error); nlohmann's wording is not ours.
inline std::string check_json_pull(std::string_view input) {
    std::optional<nlohmann::json> expected;
    std::string expected_error;
    try {
        expected = json_input::parse(input);
    } catch (const InputError& error) {
        expected_error = error.where() + ": " + error.what();
    }
    std::optional<json_pull::Document> document;
    try {
        document = json_pull::Document::scan(input);
    } catch (const InputError& error) {
        if (expected) return "the pull reader rejects what nlohmann accepts: " + error.where() + ": " + error.what();
        return check_syntax_error(input, error);
    }
    if (!expected) return "the pull reader accepts what nlohmann rejects: " + expected_error;
    json_pull::Reader reader(input);
    reader.skip_bom();
    const nlohmann::json actual = pull_value(reader);
    reader.finish_document();
    if (actual.dump() != expected->dump()) return "the values differ";
    if (!expected->is_object()) return document->root_is_object() ? "the root types differ" : "";
    for (const auto& member : expected->items()) {
        if (!document->contains(member.key())) return "a top-level member is missing";
        json_pull::Reader value = document->member(member.key());
        if (pull_value(value).dump() != member.value().dump()) return "a top-level member differs";
    }
    return "";
}

inline InputFormat format_of(Target target) {
    switch (target) {
        case Target::read_canvasfit:
            return InputFormat::canvasfit;
        case Target::read_excalidraw:
            return InputFormat::excalidraw;
        case Target::read_miro:
            return InputFormat::miro;
        default:
            return InputFormat::automatic;
    }
}

// Runs one input through `target`. Returns "" when the input was accepted
// with every invariant intact or rejected with an InputError, else what broke.
inline std::string run_one(Target target, std::string_view input) {
    if (target == Target::html_text) return check_plain_text(html_to_text(input));
    if (target == Target::json_pull) return check_json_pull(input);
    Board board;
    try {
        board = read_board(input, format_of(target));
    } catch (const InputError& error) {
        if (std::string_view(error.what()).size() < 10) return "error message too short to help";
        return "";
    }
    std::string problem = check_board_invariants(board);
    if (!problem.empty() || target != Target::analyze) return problem;
    // analyze_text reads the input again: the entry point hosts use end to end.
    return check_report_invariants(board, analyze_text(input));
}

}  // namespace canvasfit::fuzz

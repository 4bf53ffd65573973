// Embind bindings: the only file that knows about Emscripten. Nothing throws
// across the boundary (a C++ exception would reach JS as a bare number):
// every call returns text, and failures return {"schema":"canvasfit.error/1",...}.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>

#include "canvasfit/analyze.hpp"
#include "canvasfit/analyzer.hpp"
#include "canvasfit/errors.hpp"

namespace {

// Runs `produce` and turns any exception into the error JSON.
template <typename Produce>
std::string guarded(Produce produce) {
    try {
        return produce();
    } catch (const canvasfit::InputError& e) {
        return canvasfit::error_to_json(e.where(), e.what());
    } catch (const std::bad_alloc&) {
        return canvasfit::error_to_json("memory", "out of memory while analysing the board");
    } catch (const std::exception& e) {
        return canvasfit::error_to_json("internal", std::string("internal error: ") + e.what());
    }
}

// A JS string as UTF-8, held once: embind's std::string argument holds the
// text twice for the whole call (its transfer buffer and the string made from
// it), 26 MB of the module's memory at 50,000 notes, which never shrinks.
// Other values go through embind's own conversion (typed arrays, as before).
std::string utf8_of(const emscripten::val& text) {
    if (!text.isString()) return text.as<std::string>();
    static const emscripten::val byte_length = emscripten::val::module_property("lengthBytesUTF8");
    static const emscripten::val write_utf8 = emscripten::val::module_property("stringToUTF8");
    std::string utf8(byte_length(text).as<std::size_t>(), '\0');
    // + 1: stringToUTF8 ends with a NUL, which goes where the string keeps its own.
    write_utf8(text, reinterpret_cast<std::uintptr_t>(utf8.data()), utf8.size() + 1);
    return utf8;
}

// What writes a JSON text through the piece writer it is given.
using JsonWrite = std::function<void(const canvasfit::PieceWriter& write_piece)>;

// The JSON `write` writes, as one JS string, handed over in pieces: the whole
// text never sits in the module's memory (a std::string return would hold it
// twice, the string and embind's transfer copy: 70 MB at 50,000 notes).
emscripten::val json_for_js(const JsonWrite& write) {
    static const emscripten::val decoder = emscripten::val::global("TextDecoder").new_();
    emscripten::val pieces = emscripten::val::array();
    write([&](const std::string& piece) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(piece.data());
        const emscripten::val view(emscripten::typed_memory_view(piece.size(), bytes));
        pieces.call<void>("push", decoder.call<emscripten::val>("decode", view));
    });
    return pieces.call<emscripten::val>("join", std::string());
}

// The JSON `write` writes (json_for_js), or the error JSON.
emscripten::val guarded_json(const JsonWrite& write) {
    emscripten::val json = emscripten::val::undefined();
    const std::string error = guarded([&] {
        json = json_for_js(write);
        return std::string();
    });
    return error.empty() ? json : emscripten::val(error);
}

// The report `make_report` makes, as JSON, or the error JSON.
template <typename MakeReport>
emscripten::val guarded_report(MakeReport make_report) {
    return guarded_json([&](const canvasfit::PieceWriter& write_piece) {
        canvasfit::report_to_json(make_report(), write_piece);
    });
}

// The report is written as it is made, never held whole (analyze.hpp).
emscripten::val analyze_json(const emscripten::val& board_json, const std::string& options_json) {
    return guarded_json([&](const canvasfit::PieceWriter& write_piece) {
        const canvasfit::AnalyzeOptions options = canvasfit::parse_options(options_json);
        canvasfit::analyze_owned_text_to_json(utf8_of(board_json), options, write_piece);
    });
}

// The report for people: format is "text", "markdown" or "html" (the one-page summary).
std::string render(const emscripten::val& board_json, const std::string& options_json,
                   const std::string& format) {
    return guarded([&] {
        const canvasfit::AnalyzeOptions options = canvasfit::parse_options(options_json);
        if (format != "text" && format != "markdown" && format != "html")
            throw canvasfit::InputError("format", "unknown format '" + format + "' (expected text, markdown or html)");
        const canvasfit::Report report = canvasfit::analyze_owned_text(utf8_of(board_json), options);
        if (format == "html") return canvasfit::report_to_html(report);
        return format == "text" ? canvasfit::report_to_text(report) : canvasfit::report_to_markdown(report);
    });
}

// An incremental Analyzer held by JS (free it with .delete()). Every method
// returns the report JSON after the change, or the error JSON and no change.
class AnalyzerHandle {
public:
    explicit AnalyzerHandle(canvasfit::Analyzer analyzer) : analyzer_(std::move(analyzer)) {}

    emscripten::val report() const { return guarded_report([&] { return analyzer_.report(); }); }

    // `note_json` is one note in the CanvasFit board format.
    emscripten::val upsert_note(const std::string& note_json) {
        return guarded_report([&] {
            analyzer_.upsert_note(canvasfit::read_note_json(note_json));
            return analyzer_.report();
        });
    }

    emscripten::val remove_note(const std::string& id) {
        return guarded_report([&] {
            analyzer_.remove_note(id);
            return analyzer_.report();
        });
    }

    // What changed since the last changes() or edit() (docs/report.md, "Deltas").
    std::string changes() { return guarded([&] { return analyzer_.changes_json(); }); }

    // Applies {"upsert": [note, ...], "remove": [id, ...]} in that order and
    // returns the delta. Every note is read before any is applied, so a note
    // that cannot be read changes nothing; an edit the Analyzer refuses stops
    // there (those before it stay applied) and the next delta covers them.
    std::string edit(const std::string& edits_json) {
        return guarded([&] {
            const canvasfit::NoteEdits edits = canvasfit::read_note_edits(edits_json);
            for (const canvasfit::Note& note : edits.upsert) analyzer_.upsert_note(note);
            for (const std::string& id : edits.remove) analyzer_.remove_note(id);
            return analyzer_.changes_json();
        });
    }

    // Brings the analyzer to the whole board as it now is (any format it was
    // made from) and returns the delta: for hosts that read the board whole.
    std::string update(const emscripten::val& board_json) {
        return guarded([&] {
            analyzer_.update_from_text(utf8_of(board_json));
            return analyzer_.changes_json();
        });
    }

    // Live on Excalidraw: {"upsert": [element, ...], "remove": [id, ...]},
    // only the elements an edit changed, applied to the scene the analyzer
    // keeps (canvasfit::Analyzer::update_elements); returns the delta.
    std::string update_elements(const std::string& edits_json) {
        return guarded([&] {
            analyzer_.update_elements(edits_json);
            return analyzer_.changes_json();
        });
    }

    bool keeps_scene() const { return analyzer_.keeps_scene(); }

    // Work done so far: {"notes_placed": n, "notes_tokenized": n, ...}.
    std::string stats() const {
        const canvasfit::AnalyzerStats& stats = analyzer_.stats();
        return "{\"notes_placed\":" + std::to_string(stats.notes_placed) +
               ",\"notes_tokenized\":" + std::to_string(stats.notes_tokenized) +
               ",\"markers_assigned\":" + std::to_string(stats.markers_assigned) +
               ",\"canvases_analyzed\":" + std::to_string(stats.canvases_analyzed) +
               ",\"text_steps\":" + std::to_string(stats.text_steps) +
               ",\"restarts\":" + std::to_string(stats.restarts) + "}";
    }

private:
    canvasfit::Analyzer analyzer_;
};

// An Analyzer handle, or the error JSON (a string) when the board or the
// options cannot be read: JS tells them apart with typeof.
emscripten::val create_analyzer(const emscripten::val& board_json, const std::string& options_json) {
    std::optional<canvasfit::Analyzer> created;
    const std::string error = guarded([&] {
        const canvasfit::AnalyzeOptions options = canvasfit::parse_options(options_json);
        created.emplace(canvasfit::Analyzer::from_text(utf8_of(board_json), options));
        return std::string();
    });
    if (!created) return emscripten::val(error);
    return emscripten::val(AnalyzerHandle(std::move(*created)));
}

std::string version_string() { return canvasfit::version(); }

// Bytes allocated on the wasm heap, so JS tests can check that calls do not leak.
double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(canvasfit) {
    emscripten::function("analyze", &analyze_json);
    emscripten::function("render", &render);
    emscripten::function("version", &version_string);
    emscripten::function("heapBytesInUse", &heap_bytes_in_use);
    emscripten::class_<AnalyzerHandle>("Analyzer")
        .function("report", &AnalyzerHandle::report)
        .function("upsertNote", &AnalyzerHandle::upsert_note)
        .function("removeNote", &AnalyzerHandle::remove_note)
        .function("changes", &AnalyzerHandle::changes)
        .function("edit", &AnalyzerHandle::edit)
        .function("update", &AnalyzerHandle::update)
        .function("updateElements", &AnalyzerHandle::update_elements)
        .function("keepsScene", &AnalyzerHandle::keeps_scene)
        .function("stats", &AnalyzerHandle::stats);
    emscripten::function("createAnalyzer", &create_analyzer);
}

// The JSON writer behind the report and its deltas. Internal to report/.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "canvasfit/report.hpp"
#include "read/json_write.hpp"

namespace canvasfit {

// Writes JSON text directly, in the layout reports have always had (2-space
// indent, "key": value, an empty object or array as {} or []; numbers and
// strings: read/json_write.hpp): a report of 10,000 notes is ~5 MB of text,
// and building it as a tree first cost several times more than writing it
// (bench/README.md).
class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // The key of the next member of the object being written.
    void key(std::string_view name) {
        next_item();
        write_string(name);
        out_ += ": ";
        after_key_ = true;
    }

    void value(std::string_view text) {
        next_item();
        write_string(text);
    }
    void value(const std::string& text) { value(std::string_view(text)); }
    void value(const char* text) { value(std::string_view(text)); }
    void value(int number) {
        next_item();
        out_ += std::to_string(number);
    }
    void value(double number) {
        next_item();
        json_write::append_number(out_, number);
    }
    void null() {
        next_item();
        out_ += "null";
    }
    template <typename T>
    void value(const std::optional<T>& optional) {
        if (optional) value(*optional);
        else null();
    }
    void value(const std::vector<std::string>& texts) {
        begin_array();
        for (const std::string& text : texts) value(text);
        end_array();
    }

    // One object from its members in order, key then value:
    //   json.object("id", note.id, "rank", note.rank);
    // A value may be a function that writes the member's value itself (a
    // nested object or a list), called with this writer.
    template <typename... Members>
    void object(const Members&... members) {
        begin_object();
        write_members(members...);
        end_object();
    }

private:
    template <typename Value, typename... Rest>
    void write_members(const char* name, const Value& member, const Rest&... rest) {
        key(name);
        if constexpr (std::is_invocable_v<const Value&, JsonWriter&>) member(*this);
        else value(member);
        if constexpr (sizeof...(rest) > 0) write_members(rest...);
    }

    void open(char bracket) {
        next_item();
        out_ += bracket;
        items_.push_back(0);
    }

    void close(char bracket) {
        const std::size_t items = items_.back();
        items_.pop_back();
        if (items > 0) {
            out_ += '\n';
            indent();
        }
        out_ += bracket;
    }

    // A value right after its key goes on the key's line; any other item of
    // an object or array starts a new, indented line.
    void next_item() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (items_.empty()) return;
        out_ += items_.back()++ == 0 ? "\n" : ",\n";
        indent();
    }

    void indent() { out_.append(2 * items_.size(), ' '); }

    void write_string(std::string_view text) {
        if (is_plain(text)) {
            out_ += '"';
            out_ += text;
            out_ += '"';
            return;
        }
        // Escapes, non-ASCII and invalid UTF-8 (replaced with U+FFFD) are rare in a report.
        json_write::append_string(out_, text);
    }

    static bool is_plain(std::string_view text) {
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte < 0x20 || byte >= 0x80 || c == '"' || c == '\\') return false;
        }
        return true;
    }

    std::string& out_;
    std::vector<std::size_t> items_;  // per open object or array: items written so far
    bool after_key_ = false;
};

// Writes a list member: json.object("notes", list_of(report.notes, write_note)).
template <typename Item, typename Write>
auto list_of(const std::vector<Item>& items, Write write) {
    return [&items, write](JsonWriter& json) {
        json.begin_array();
        for (const Item& item : items) write(json, item);
        json.end_array();
    };
}

// Writes a member from one item: json.object("fit", written_by(write_fit, canvas.fit)).
template <typename Write, typename Item>
auto written_by(Write write, const Item& item) {
    return [write, &item](JsonWriter& json) { write(json, item); };
}

// One object's JSON on its own: json_of(note, write_note).
template <typename Item, typename Write>
std::string json_of(const Item& item, Write write) {
    std::string out;
    JsonWriter json(out);
    write(json, item);
    return out;
}

// A report's lists as the JSON writer takes them: each hands its items, in
// report order, to the function it is given. Made from a whole Report
// (report_to_json), or from an analysis, each canvas's items made when they
// are written and dropped after (write_report_json, report_of.hpp), so that
// the whole Report is never held.
template <typename Item>
using ItemList = std::function<void(const std::function<void(const Item&)>& put)>;

struct ReportParts {
    std::string_view source, format;
    ItemList<CanvasReport> canvases;
    ItemList<NoteReport> notes;
    ItemList<LinkReport> links;
    ItemList<Warning> warnings;
    ItemList<Question> questions;
};

// report_to_json(report, write_piece) of the report these parts make: the
// lists are asked for their items in the report's order, one list after the
// other (canvases, notes, links, warnings, questions).
void report_to_json(const ReportParts& report, const PieceWriter& write_piece);

// At least the size of report_to_json(report), and not much more: what
// report_to_json reserves, so that the report is written into one buffer.
std::size_t report_json_size_bound(const Report& report);

// The report's objects, as report_to_json writes them (report_writers.cpp).
void write_canvas(JsonWriter& json, const CanvasReport& canvas);
void write_note(JsonWriter& json, const NoteReport& note);
void write_link(JsonWriter& json, const LinkReport& link);
void write_question(JsonWriter& json, const Question& question);
void write_warning(JsonWriter& json, const Warning& warning);

}  // namespace canvasfit

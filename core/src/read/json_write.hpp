// Numbers and strings as JSON text, for the report writer
// (report/json_writer.hpp) and for the values the readers quote in their
// errors. The same code runs natively and in the wasm module, so both write
// the same bytes.
#pragma once

#include <string>
#include <string_view>

namespace canvasfit::json_write {

// The shortest decimal text that reads back (strtod) to the same double,
// laid out as the reports have always had it: "0.5", "1.0" (an integral
// value keeps ".0", so it reads as a double), "123456789012345.0",
// "1e+15", "1.5e-05", "-0.0". Plain notation for decimal exponents -4 to 14,
// else d.ddde±XX. JSON has no NaN or infinity: those are written as null.
void append_number(std::string& out, double number);

// A string, quoted: '"', '\\' and control characters escaped (\n, \t, \u001f),
// other bytes as they are; each ill-formed UTF-8 sequence is replaced with
// one U+FFFD per maximal subpart (utf8::sequence_length), so the output is
// always valid UTF-8.
void append_string(std::string& out, std::string_view text);

}  // namespace canvasfit::json_write

// JSON as an nlohmann tree, for the native and wasm test suites, the fuzz
// harness and parity checks only: library canvasfit_json_tree, which the
// module (wasm/) and the CLI do not link. The core reads every text with its
// own pull reader (json_pull, json_fields); these helpers parse with nlohmann,
// so the tests can check that both accept the same texts and read the same
// values (errors here keep nlohmann's own wording; the pull reader has its own).
// Every accessor names the JSON pointer in its error.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "canvasfit/board.hpp"
#include "canvasfit/errors.hpp"

namespace canvasfit::json_input {

using nlohmann::json;

// Parses untrusted text: rejects nesting deeper than kMaxDepth before the
// parser sees it, and turns every nlohmann error into an InputError.
json parse(std::string_view text);
// parse() for a whole board: the same checks and errors, but the styling and
// bookkeeping fields of host exports that no reader reads are left out.
json parse_board(std::string_view text);

// Field access. `at` is the JSON pointer of `object`, used in error messages.
bool has(const json& object, const char* key);
const json& require(const json& object, const char* key, const std::string& at);
std::string require_string(const json& object, const char* key, const std::string& at);
std::string optional_string(const json& object, const char* key, const std::string& at,
                            const std::string& fallback = "");
// Numbers must be finite; `fallback` is used only when the key is absent or null.
double require_number(const json& object, const char* key, const std::string& at);
double optional_number(const json& object, const char* key, const std::string& at,
                       double fallback);
bool optional_bool(const json& object, const char* key, const std::string& at, bool fallback);

// An id may be a string or an integer in some exports; both become a string.
std::string require_id(const json& object, const char* key, const std::string& at);

std::string pointer(const std::string& at, const std::string& key);
std::string pointer(const std::string& at, std::size_t index);

}  // namespace canvasfit::json_input

namespace canvasfit {

// The format readers on a tree built in code (tests): read from its dump.
bool is_excalidraw_scene(const nlohmann::json& root);
Board read_excalidraw(const nlohmann::json& root);
Board read_canvasfit(const nlohmann::json& root);
bool is_miro_export(const nlohmann::json& root);
Board read_miro(const nlohmann::json& root);

}  // namespace canvasfit

#include <gtest/gtest.h>

#include "read/json_input.hpp"

using canvasfit::InputError;
namespace json_input = canvasfit::json_input;

namespace {

// Runs `action`, expects an InputError, and returns it for inspection.
template <typename Action>
InputError expect_input_error(Action action) {
    try {
        action();
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "expected an InputError";
    return InputError("", "");
}

}  // namespace

TEST(JsonInput, ParsesValidJson) {
    const auto root = json_input::parse(R"({"a": [1, 2, {"b": "c"}]})");
    EXPECT_EQ(root.at("a").at(2).at("b"), "c");
}

TEST(JsonInput, TruncatedJsonNamesTheByte) {
    const InputError error = expect_input_error([] { json_input::parse(R"({"a": [1, 2)"); });
    EXPECT_EQ(std::string(error.where()), "line 1, column 12");
    EXPECT_NE(std::string(error.what()).find("invalid JSON"), std::string::npos);
}

TEST(JsonInput, ErrorPositionCountsLines) {
    const InputError error = expect_input_error([] { json_input::parse("{\n  \"a\": tru\n}"); });
    EXPECT_EQ(std::string(error.where()), "line 2, column 11");
}

TEST(JsonInput, HugeNumberIsAnErrorNotACrash) {
    const InputError error = expect_input_error([] { json_input::parse(R"({"x": 1e400})"); });
    EXPECT_NE(std::string(error.what()).find("invalid JSON"), std::string::npos);
}

TEST(JsonInput, DeepNestingIsRejectedBeforeParsing) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const InputError error = expect_input_error([&] { json_input::parse(deep); });
    EXPECT_NE(std::string(error.what()).find("nests deeper than 128"), std::string::npos);
}

TEST(JsonInput, BracketsInsideStringsDoNotCountAsNesting) {
    const std::string text = R"({"text": ")" + std::string(1000, '[') + R"(\" [[["})";
    EXPECT_NO_THROW(json_input::parse(text));
}

TEST(JsonInput, InvalidUtf8IsRejected) {
    const InputError error = expect_input_error([] { json_input::parse("{\"t\": \"\xff\xfe\"}"); });
    EXPECT_NE(std::string(error.what()).find("invalid JSON"), std::string::npos);
}

TEST(JsonInput, FieldErrorsCarryTheJsonPointer) {
    const auto root = json_input::parse(R"({"x": "12", "id": 3.5, "s": 4})");
    EXPECT_EQ(expect_input_error([&] { json_input::require_number(root, "x", "/notes/4"); }).where(),
              "/notes/4/x");
    EXPECT_EQ(expect_input_error([&] { json_input::require_number(root, "y", "/notes/4"); }).where(),
              "/notes/4/y");
    EXPECT_EQ(expect_input_error([&] { json_input::require_id(root, "id", ""); }).where(), "/id");
    EXPECT_EQ(expect_input_error([&] { json_input::optional_string(root, "s", ""); }).where(), "/s");
}

TEST(JsonInput, IdsMayBeStringsOrIntegers) {
    const auto root = json_input::parse(R"({"a": "n1", "b": 3458764517517818201, "c": ""})");
    EXPECT_EQ(json_input::require_id(root, "a", ""), "n1");
    EXPECT_EQ(json_input::require_id(root, "b", ""), "3458764517517818201");
    EXPECT_THROW(json_input::require_id(root, "c", ""), InputError);
}

TEST(JsonInput, CoordinatesBeyondTheLimitAreRejected) {
    const auto root = json_input::parse(R"({"x": 1e12, "y": -5})");
    EXPECT_THROW(json_input::require_number(root, "x", ""), InputError);
    EXPECT_DOUBLE_EQ(json_input::require_number(root, "y", ""), -5);
}

TEST(JsonInput, PointerEscapesSlashAndTilde) {
    EXPECT_EQ(json_input::pointer("/a", "b/c~d"), "/a/b~1c~0d");
}

// End to end on the bundled examples: every idea note lands in the section
// and canvas its gold file says, and nothing else is reported as a note.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "board_builder.hpp"
#include "canvasfit/analyze.hpp"

using namespace canvasfit;

namespace {

struct GoldNote {
    std::string section;
    std::string canvas;
};

std::vector<std::string> gold_files() {
    std::vector<std::string> names;
    const std::filesystem::path dir = std::filesystem::path(CANVASFIT_SOURCE_DIR) / "tests/data/gold";
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".json") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string example_of(const std::string& gold_name) {
    return gold_name.substr(0, gold_name.size() - std::string(".gold.json").size());
}

}  // namespace

TEST(Examples, EveryExampleHasAGoldFile) {
    const auto golds = gold_files();
    EXPECT_GE(golds.size(), 4u);
    const std::filesystem::path dir = std::filesystem::path(CANVASFIT_SOURCE_DIR) / "examples";
    std::size_t boards = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".json" && entry.path().extension() != ".excalidraw") continue;
        ++boards;
        EXPECT_NE(std::find(golds.begin(), golds.end(), name + ".gold.json"), golds.end()) << name;
    }
    EXPECT_EQ(boards, golds.size());
}

class ExampleBoard : public ::testing::TestWithParam<std::string> {};

TEST_P(ExampleBoard, EveryNoteLandsInItsGoldSectionAndCanvas) {
    const std::string example = example_of(GetParam());
    const auto gold = nlohmann::json::parse(test_support::read_source_file("tests/data/gold/" + GetParam()));
    const Report report =
        analyze_text(test_support::read_source_file("examples/" + example), {InputFormat::automatic, example});

    ASSERT_EQ(report.canvases.size(), gold.at("canvases").get<std::size_t>());
    std::map<std::string, GoldNote> expected;
    for (const auto& [id, note] : gold.at("notes").items())
        expected[id] = {note.at("section").get<std::string>(),
                        "canvas-" + std::to_string(note.at("canvas").get<int>())};
    std::size_t seen = 0;
    for (const NoteReport& note : report.notes) {
        const auto found = expected.find(note.id);
        if (found == expected.end()) {
            ADD_FAILURE() << example << ": note '" << note.id << "' (" << note.text
                          << ") is not an idea note in the gold file";
            continue;
        }
        ++seen;
        EXPECT_EQ(section_name(note.section), found->second.section) << example << " " << note.id;
        EXPECT_EQ(note.canvas.value_or("none"), found->second.canvas) << example << " " << note.id;
    }
    EXPECT_EQ(seen, expected.size()) << example << ": some gold notes are missing from the report";
    // The report's per-canvas lists agree with the per-note entries.
    for (const CanvasReport& canvas : report.canvases)
        for (Section section : kAllSections)
            for (const std::string& id : canvas.sections[static_cast<std::size_t>(section)]) {
                EXPECT_EQ(expected[id].section, section_name(section)) << id;
                EXPECT_EQ(expected[id].canvas, canvas.id) << id;
            }
}

TEST_P(ExampleBoard, ReportIsDeterministic) {
    const std::string example = example_of(GetParam());
    const std::string input = test_support::read_source_file("examples/" + example);
    EXPECT_EQ(report_to_json(analyze_text(input)), report_to_json(analyze_text(input)));
}

INSTANTIATE_TEST_SUITE_P(Bundled, ExampleBoard, ::testing::ValuesIn(gold_files()),
                         [](const auto& info) {
                             std::string name = info.param;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

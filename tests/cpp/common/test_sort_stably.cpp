// sort_stably must give exactly std::stable_sort's order (reports depend on
// it byte for byte): equal items keep their order, at every size around the
// merge sort's run length, on a part of a vector, with the default order.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "common/sort_stably.hpp"

namespace canvasfit {
namespace {

using Item = std::pair<int, std::string>;  // sorted by key; the string tells equal keys apart

std::vector<Item> random_items(std::size_t count, int keys, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<Item> items;
    for (std::size_t i = 0; i < count; ++i)
        items.emplace_back(static_cast<int>(random() % keys), "item " + std::to_string(i));
    return items;
}

TEST(SortStably, GivesStdStableSortsOrderAtEverySize) {
    const auto by_key = [](const Item& a, const Item& b) { return a.first < b.first; };
    for (std::size_t count : {0u, 1u, 2u, 15u, 16u, 17u, 31u, 32u, 33u, 100u, 1000u, 4099u}) {
        for (int keys : {1, 3, 50}) {
            std::vector<Item> ours = random_items(count, keys, static_cast<unsigned>(count * 7 + keys));
            std::vector<Item> expected = ours;
            sort_stably(ours.begin(), ours.end(), by_key);
            std::stable_sort(expected.begin(), expected.end(), by_key);
            EXPECT_EQ(ours, expected) << count << " items, " << keys << " keys";
        }
    }
}

TEST(SortStably, SortsOnlyTheRangeGiven) {
    std::vector<Item> ours = random_items(200, 5, 11);
    std::vector<Item> expected = ours;
    const auto descending = [](const Item& a, const Item& b) { return a.first > b.first; };
    sort_stably(ours.begin() + 40, ours.begin() + 150, descending);
    std::stable_sort(expected.begin() + 40, expected.begin() + 150, descending);
    EXPECT_EQ(ours, expected);
}

TEST(SortStably, DefaultsToAscending) {
    std::vector<std::string> words{"pear", "apple", "fig", "apple", "kiwi"};
    sort_stably(words.begin(), words.end());
    EXPECT_EQ(words, (std::vector<std::string>{"apple", "apple", "fig", "kiwi", "pear"}));
}

}  // namespace
}  // namespace canvasfit

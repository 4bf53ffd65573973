// One stable sort for every list the core orders by a rule of its own.
// std::stable_sort is a template instantiated anew for each comparator: the
// core had 20 of them, ~90 KB of the wasm module's code (bench/README.md,
// "Wasm size"). sort_stably keeps only a thin template here (a comparison
// thunk and the moves) and sorts positions in one compiled merge sort.
// A stable sort's result is fixed by its comparator, so the order is the one
// std::stable_sort gives: reports stay byte for byte the same.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <utility>
#include <vector>

namespace canvasfit {

namespace sorting {

// Whether the item at position a of the range goes before the one at b.
using PositionLess = bool (*)(const void* range, std::size_t a, std::size_t b);

// The positions 0 .. count-1 in stable order under `less`.
std::vector<std::uint32_t> stable_order(std::size_t count, PositionLess less, const void* range);

}  // namespace sorting

template <class RandomIt, class Less>
void sort_stably(RandomIt first, RandomIt last, Less less) {
    using Value = typename std::iterator_traits<RandomIt>::value_type;
    const std::size_t count = static_cast<std::size_t>(last - first);
    if (count < 2) return;
    struct Range {
        RandomIt first;
        Less* less;
    };
    const Range range{first, &less};
    const std::vector<std::uint32_t> order = sorting::stable_order(
        count,
        [](const void* r, std::size_t a, std::size_t b) {
            const Range& items = *static_cast<const Range*>(r);
            return static_cast<bool>((*items.less)(items.first[a], items.first[b]));
        },
        &range);
    std::vector<Value> sorted;
    sorted.reserve(count);
    for (std::uint32_t position : order) sorted.push_back(std::move(first[position]));
    std::move(sorted.begin(), sorted.end(), first);
}

template <class RandomIt>
void sort_stably(RandomIt first, RandomIt last) {
    sort_stably(first, last, std::less<>());
}

}  // namespace canvasfit

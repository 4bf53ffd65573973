#include "common/sort_stably.hpp"

#include <algorithm>

namespace canvasfit::sorting {

namespace {

// Runs this short are sorted by insertion before merging.
constexpr std::size_t kRun = 16;

void insertion_sort(std::uint32_t* first, std::uint32_t* last, PositionLess less, const void* range) {
    for (std::uint32_t* next = first + 1; next < last; ++next) {
        const std::uint32_t item = *next;
        std::uint32_t* hole = next;
        // Strictly less moves it left: equal items keep their order.
        while (hole > first && less(range, item, *(hole - 1))) {
            *hole = *(hole - 1);
            --hole;
        }
        *hole = item;
    }
}

// Merges [left, middle) and [middle, right) of `from` into `to`; on equal
// items the left run's goes first.
void merge(const std::uint32_t* from, std::uint32_t* to, std::size_t left, std::size_t middle,
           std::size_t right, PositionLess less, const void* range) {
    std::size_t a = left, b = middle, out = left;
    while (a < middle && b < right) to[out++] = less(range, from[b], from[a]) ? from[b++] : from[a++];
    while (a < middle) to[out++] = from[a++];
    while (b < right) to[out++] = from[b++];
}

}  // namespace

std::vector<std::uint32_t> stable_order(std::size_t count, PositionLess less, const void* range) {
    std::vector<std::uint32_t> order(count), other(count);
    for (std::size_t i = 0; i < count; ++i) order[i] = static_cast<std::uint32_t>(i);
    for (std::size_t start = 0; start < count; start += kRun)
        insertion_sort(order.data() + start, order.data() + std::min(count, start + kRun), less, range);
    for (std::size_t width = kRun; width < count; width *= 2) {
        for (std::size_t left = 0; left < count; left += 2 * width) {
            const std::size_t middle = std::min(count, left + width);
            const std::size_t right = std::min(count, left + 2 * width);
            merge(order.data(), other.data(), left, middle, right, less, range);
        }
        order.swap(other);
    }
    return order;
}

}  // namespace canvasfit::sorting

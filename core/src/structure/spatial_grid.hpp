// A uniform grid over rectangles, so "which notes does this dot overlap" costs
// a few cells instead of a scan of the whole board.
#pragma once

#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "canvasfit/board.hpp"

namespace canvasfit {

class SpatialGrid {
public:
    explicit SpatialGrid(double cell_size) : cell_(cell_size > 0 ? cell_size : 1) {}

    void insert(std::size_t item, const Rect& bounds) {
        if (cells_spanned(bounds) > kMaxCellsPerItem) {
            oversized_.push_back(item);  // huge items are checked on every query
            return;
        }
        for_each_cell(bounds, [&](std::int64_t key) {
            const auto [cell, added] = cells_.try_emplace(key, Chain{entries_.size(), entries_.size()});
            if (!added) entries_[cell->second.last].next = entries_.size();
            cell->second.last = entries_.size();
            entries_.push_back({item, kEnd});
        });
    }

    // Items whose cells meet `bounds`; the caller checks the exact geometry.
    // An item may be listed more than once.
    std::vector<std::size_t> candidates(const Rect& bounds) const {
        std::vector<std::size_t> found = oversized_;
        for_each_cell(bounds, [&](std::int64_t key) {
            const auto cell = cells_.find(key);
            if (cell == cells_.end()) return;
            for (std::size_t e = cell->second.first; e != kEnd; e = entries_[e].next)
                found.push_back(entries_[e].item);
        });
        return found;
    }

private:
    static constexpr double kMaxCellsPerItem = 256;

    double cells_spanned(const Rect& r) const {
        return (std::floor(r.right() / cell_) - std::floor(r.x / cell_) + 1) *
               (std::floor(r.bottom() / cell_) - std::floor(r.y / cell_) + 1);
    }

    template <typename Visit>
    void for_each_cell(const Rect& r, Visit visit) const {
        const auto x0 = static_cast<std::int64_t>(std::floor(r.x / cell_));
        const auto x1 = static_cast<std::int64_t>(std::floor(r.right() / cell_));
        const auto y0 = static_cast<std::int64_t>(std::floor(r.y / cell_));
        const auto y1 = static_cast<std::int64_t>(std::floor(r.bottom() / cell_));
        if ((x1 - x0 + 1) * (y1 - y0 + 1) > static_cast<std::int64_t>(kMaxCellsPerItem)) {
            for (const auto& cell : cells_) visit(cell.first);  // a huge query: every cell
            return;
        }
        for (std::int64_t y = y0; y <= y1; ++y)
            for (std::int64_t x = x0; x <= x1; ++x) visit(y * 4000037 + x);
    }

    // Each cell's items in insertion order, as a chain through one array of
    // entries: a vector per cell cost an allocation or more per note, about a
    // tenth of reading a board.
    static constexpr std::size_t kEnd = static_cast<std::size_t>(-1);
    struct Entry {
        std::size_t item, next;
    };
    struct Chain {
        std::size_t first, last;  // entries
    };

    double cell_;
    std::unordered_map<std::int64_t, Chain> cells_;
    std::vector<Entry> entries_;
    std::vector<std::size_t> oversized_;
};

}  // namespace canvasfit

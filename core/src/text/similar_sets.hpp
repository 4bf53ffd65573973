// Near-identical term sets: which notes (or canvases) say nearly the same
// thing. Used by the engine, which groups each canvas's notes once per
// analysis of the canvas, and by the findings, which compare canvases.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace canvasfit {

// Groups of sets that are near-identical: Jaccard similarity >= threshold,
// closed transitively. Empty sets never group. Each group lists its members in
// increasing index order, groups ordered by their first member; singletons are
// left out. Identical sets are merged first, then the remaining distinct sets
// are joined with prefix filtering (a pair above the threshold must share one
// of the rarest |s| - ceil(t|s|) + 1 terms of each set), so the cost follows
// the number of real candidates rather than the square of the number of sets.
// `verified`, when given, counts the pairs whose similarity was computed, so
// tests can bound the cost without timing it.
//
// `before`, when given, orders two ids of equally common terms for the prefix
// (otherwise the smaller id goes first). Ordering them by what the ids stand
// for makes the groups independent of how the terms were numbered: the bound
// on posting lists below makes the join approximate on huge boards, and which
// pairs it then misses would otherwise depend on the numbering.
std::vector<std::vector<std::size_t>> similar_groups(const std::vector<std::vector<int>>& sets,
                                                     double threshold,
                                                     std::size_t* verified = nullptr,
                                                     const std::function<bool(int, int)>& before = nullptr);

double jaccard(const std::vector<int>& a, const std::vector<int>& b);  // sorted ids

}  // namespace canvasfit

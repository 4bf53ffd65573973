#include "text/similar_sets.hpp"
#include "common/sort_stably.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace canvasfit {

double jaccard(const std::vector<int>& a, const std::vector<int>& b) {
    if (a.empty() && b.empty()) return 0;
    std::size_t shared = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) ++shared, ++i, ++j;
        else if (a[i] < b[j]) ++i;
        else ++j;
    }
    return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

namespace {

class UnionFind {
public:
    explicit UnionFind(std::size_t size) : parent_(size) {
        std::iota(parent_.begin(), parent_.end(), 0);
    }
    std::size_t find(std::size_t x) {
        while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);  // the smaller index is the root
    }

private:
    std::vector<std::size_t> parent_;
};

// Indices of the first set of each distinct non-empty value; `same` joins the rest to it.
std::vector<std::size_t> distinct_sets(const std::vector<std::vector<int>>& sets, UnionFind& same) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < sets.size(); ++i)
        if (!sets[i].empty()) order.push_back(i);
    sort_stably(order.begin(), order.end(),
                [&](std::size_t a, std::size_t b) { return sets[a] < sets[b]; });
    std::vector<std::size_t> distinct;
    for (std::size_t k = 0; k < order.size(); ++k) {
        if (k > 0 && sets[order[k]] == sets[order[k - 1]]) {
            same.join(order[k - 1], order[k]);
            continue;
        }
        distinct.push_back(order[k]);
    }
    std::sort(distinct.begin(), distinct.end());
    return distinct;
}

std::size_t prefix_length(std::size_t size, double threshold) {
    const auto needed = static_cast<std::size_t>(std::ceil(threshold * size - 1e-9));
    return size - std::min(size, needed) + 1;
}

// A posting list longer than this does not nominate candidates: its term is in
// so many sets that it says little, and scanning it for every set would turn a
// 10,000-note section of short, alike notes into all pairs. Ordinary canvases
// never reach it (the text linker uses the same bound). Pairs whose shared
// prefix terms are all that common are then missed, which only happens on
// canvases of thousands of notes drawn from a handful of words.
constexpr std::size_t kMaxPostings = 64;

// Members seen so far, per term: one chain per term through a flat array of
// entries (the newest first), so that a section of a few notes allocates
// nothing per term of its canvas. The order postings are visited in does not
// change the groups (they are closed transitively) nor the pairs verified
// (each candidate is verified once per member, whatever the order).
class Postings {
public:
    explicit Postings(std::size_t terms) : head_(terms, kEnd), size_(terms, 0) {}
    std::size_t size(int term) const { return size_[static_cast<std::size_t>(term)]; }
    void add(int term, std::size_t member) {
        const auto t = static_cast<std::size_t>(term);
        entries_.push_back({member, head_[t]});
        head_[t] = entries_.size() - 1;
        ++size_[t];
    }
    template <typename Visit>
    void for_each(int term, Visit visit) const {
        for (std::size_t e = head_[static_cast<std::size_t>(term)]; e != kEnd; e = entries_[e].next)
            visit(entries_[e].member);
    }

private:
    static constexpr std::size_t kEnd = static_cast<std::size_t>(-1);
    struct Entry {
        std::size_t member, next;
    };
    std::vector<std::size_t> head_, size_;
    std::vector<Entry> entries_;
};

// Prefix-filtered similarity join over the distinct sets (see the header).
void join_similar(const std::vector<std::vector<int>>& sets,
                  const std::vector<std::size_t>& members, double threshold, UnionFind& groups,
                  std::size_t& verified, const std::function<bool(int, int)>& before) {
    int max_id = -1;
    for (std::size_t m : members) max_id = std::max(max_id, sets[m].back());
    std::vector<std::size_t> frequency(static_cast<std::size_t>(max_id + 1), 0);
    for (std::size_t m : members)
        for (int id : sets[m]) ++frequency[static_cast<std::size_t>(id)];
    auto rarer = [&](int a, int b) {
        const auto fa = frequency[static_cast<std::size_t>(a)],
                   fb = frequency[static_cast<std::size_t>(b)];
        if (fa != fb) return fa < fb;
        return before ? before(a, b) : a < b;
    };
    Postings index(frequency.size());  // term -> members so far
    std::vector<std::size_t> seen_by(members.size(), members.size());
    std::vector<int> prefix;  // one buffer for every member's prefix
    for (std::size_t k = 0; k < members.size(); ++k) {
        const std::vector<int>& set = sets[members[k]];
        prefix.assign(set.begin(), set.end());
        std::sort(prefix.begin(), prefix.end(), rarer);
        prefix.resize(std::min(prefix.size(), prefix_length(prefix.size(), threshold)));
        for (int id : prefix) {
            if (index.size(id) > kMaxPostings) continue;
            index.for_each(id, [&](std::size_t other) {
                if (seen_by[other] == k) return;
                seen_by[other] = k;
                const std::vector<int>& candidate = sets[members[other]];
                // Sizes alone can rule a pair out: J <= min / max.
                const double small = static_cast<double>(std::min(set.size(), candidate.size()));
                const double large = static_cast<double>(std::max(set.size(), candidate.size()));
                if (small < threshold * large - 1e-9) return;
                ++verified;
                if (jaccard(set, candidate) >= threshold - 1e-9)
                    groups.join(members[k], members[other]);
            });
        }
        for (int id : prefix) index.add(id, k);
    }
}

// The groups of more than one set, by root (the smallest index) and members
// ascending. Sized first, so that only those groups are allocated: most sets
// of a section are alone.
std::vector<std::vector<std::size_t>> groups_of(const std::vector<std::vector<int>>& sets,
                                                UnionFind& groups) {
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> root(sets.size(), kNone), size(sets.size(), 0);
    for (std::size_t i = 0; i < sets.size(); ++i)
        if (!sets[i].empty()) ++size[root[i] = groups.find(i)];
    std::vector<std::size_t> slot(sets.size(), kNone);
    std::vector<std::vector<std::size_t>> result;
    for (std::size_t r = 0; r < sets.size(); ++r)
        if (size[r] > 1) {
            slot[r] = result.size();
            result.emplace_back().reserve(size[r]);
        }
    for (std::size_t i = 0; i < sets.size(); ++i)
        if (root[i] != kNone && slot[root[i]] != kNone) result[slot[root[i]]].push_back(i);
    return result;
}

}  // namespace

std::vector<std::vector<std::size_t>> similar_groups(const std::vector<std::vector<int>>& sets,
                                                     double threshold, std::size_t* verified,
                                                     const std::function<bool(int, int)>& before) {
    UnionFind groups(sets.size());
    const std::vector<std::size_t> distinct = distinct_sets(sets, groups);
    std::size_t pairs = 0;
    if (!distinct.empty()) join_similar(sets, distinct, threshold, groups, pairs, before);
    if (verified) *verified = pairs;
    return groups_of(sets, groups);
}

}  // namespace canvasfit

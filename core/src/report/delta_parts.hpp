// The parts of a delta (canvasfit/report.hpp, docs/report.md "Deltas"):
// diff_reports compares two whole reports with them, the Analyzer's kept
// report (kept_report.hpp) only the pieces an edit can have changed.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "canvasfit/report.hpp"
#include "report/json_writer.hpp"
#include "report/same_report_items.hpp"

namespace canvasfit {

// Whether a host would show the two the same: the fields, or else the JSON.
template <typename Item, typename Write>
bool same_shown(const Item& old, const Item& now, Write write) {
    return same_item(old, now) || json_of(old, write) == json_of(now, write);
}

// Objects with ids (canvases, notes): those new or different in `after`, and
// the ids gone from it. Between two reports of one board the lists mostly
// hold the same ids in the same order, so the item at the same position is
// tried first and a map of ids is made only when the order differs.
template <typename Item, typename Write>
void diff_by_id(const std::vector<Item>& before, const std::vector<Item>& after, Write write,
                std::vector<Item>& changed, std::vector<std::string>& removed) {
    const auto same = [&](const Item& old, const Item& now) { return same_shown(old, now, write); };
    std::size_t aligned = 0;
    while (aligned < before.size() && aligned < after.size() && before[aligned].id == after[aligned].id)
        ++aligned;
    for (std::size_t i = 0; i < aligned; ++i)
        if (!same(before[i], after[i])) changed.push_back(after[i]);
    if (aligned == before.size() && aligned == after.size()) return;
    std::unordered_map<std::string_view, const Item*> old_item;
    for (std::size_t i = aligned; i < before.size(); ++i) old_item.emplace(before[i].id, &before[i]);
    std::unordered_set<std::string_view> present;
    for (std::size_t i = aligned; i < after.size(); ++i) {
        const Item& item = after[i];
        present.insert(item.id);
        const auto old = old_item.find(item.id);
        if (old == old_item.end() || !same(*old->second, item)) changed.push_back(item);
    }
    for (std::size_t i = aligned; i < before.size(); ++i)
        if (!present.count(before[i].id)) removed.push_back(before[i].id);
}

// Lists without ids (links, warnings, questions), compared as multisets. Their
// fields write JSON one to one (every field is written, as it is held), so
// field equality is JSON equality here; the one exception, two strings of
// invalid UTF-8 that the writer replaces alike, cannot come from a board the
// readers accepted, and would only list an unchanged item as removed and added.
// After one edit the two lists are mostly the same items in the same places:
// the equal runs at both ends are matched where they stand (equal items
// cancel however they are paired), and only the middle is hashed.
template <typename Item>
void diff_as_multiset(const std::vector<Item>& before, const std::vector<Item>& after,
                      std::vector<Item>& added, std::vector<Item>& removed) {
    std::size_t head = 0;
    while (head < before.size() && head < after.size() && same_item(before[head], after[head])) ++head;
    std::size_t tail = 0;
    while (tail < before.size() - head && tail < after.size() - head &&
           same_item(before[before.size() - 1 - tail], after[after.size() - 1 - tail]))
        ++tail;
    const std::size_t before_end = before.size() - tail, after_end = after.size() - tail;
    std::unordered_multimap<std::size_t, std::size_t> unmatched;  // hash -> index in `before`
    unmatched.reserve(before_end - head);
    for (std::size_t i = head; i < before_end; ++i) unmatched.emplace(hash_item(before[i]), i);
    for (std::size_t j = head; j < after_end; ++j) {
        const Item& item = after[j];
        const auto [first, last] = unmatched.equal_range(hash_item(item));
        const auto match = std::find_if(first, last, [&](const auto& entry) {
            return same_item(before[entry.second], item);
        });
        if (match != last) unmatched.erase(match);
        else added.push_back(item);
    }
    std::vector<std::size_t> left;
    left.reserve(unmatched.size());
    for (const auto& entry : unmatched) left.push_back(entry.second);
    std::sort(left.begin(), left.end());  // in `before`'s order, whatever the hash order
    for (std::size_t i : left) removed.push_back(before[i]);
}

// Rows (pains, gains, jobs) whose coverage changed between two versions of a
// canvas (`before` null: a new canvas), appended to `rows`.
void changed_rows(const CanvasReport* before, const CanvasReport& after,
                  std::vector<std::string>& rows);

// The ids a delta names (changed notes, ends of links, notes of warnings and
// questions, and their candidates), appended to `touched`.
void add_named_ids(const ReportDelta& delta, std::vector<std::string>& touched);

// `touched` sorted, without repeats, and only the ids of `notes` (the report
// after the delta): a which-section candidate is a section name.
std::vector<std::string> touched_on_board(std::vector<std::string> touched,
                                          const std::vector<NoteReport>& notes);
// The same, asking `is_note` about each touched id (sorted, without repeats).
std::vector<std::string> touched_on_board(std::vector<std::string> touched,
                                          const std::function<bool(const std::string&)>& is_note);

}  // namespace canvasfit

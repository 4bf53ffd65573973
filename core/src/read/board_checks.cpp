#include <cmath>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "canvasfit/errors.hpp"
#include "canvasfit/limits.hpp"
#include "read/format_readers.hpp"

namespace canvasfit {

namespace {

// Ids must be unique across every kind of item: the report, connectors and the
// write-back all address items by id alone.
class IdRegistry {
public:
    explicit IdRegistry(std::size_t items) { kinds_.reserve(items); }

    // The ids live in the board for the whole check: kept as views, not copied.
    void add(const std::string& id, const char* kind) {
        if (id.empty()) throw InputError(kind, std::string("a ") + kind + " has an empty id");
        const auto [existing, inserted] = kinds_.emplace(id, kind);
        if (!inserted)
            throw InputError(id, std::string("duplicate id '") + id + "' (used by a " +
                                     existing->second + " and a " + kind + ")");
    }

private:
    std::unordered_map<std::string_view, const char*> kinds_;
};

void check_rect(const Rect& rect, const std::string& id) {
    const double values[] = {rect.x, rect.y, rect.width, rect.height};
    for (double value : values)
        if (!std::isfinite(value) || std::fabs(value) > limits::kMaxCoordinate)
            throw InputError(id, "item '" + id + "' has a coordinate out of range");
    if (rect.width < 0 || rect.height < 0)
        throw InputError(id, "item '" + id + "' has a negative width or height");
}

// Layout treats a container's parent as enclosing it; a cycle would make each
// container of it enclose the others, so none could be a section. Notes take
// part because the layout step may promote a shape note to a container. Each
// chain is walked once (states are kept), so this is linear in the items.
void check_parent_cycles(const Board& board) {
    std::vector<std::pair<const std::string*, const std::string*>> items;  // id, parent
    for (const Container& container : board.containers)
        items.push_back({&container.id, &container.parent});
    for (const Note& note : board.notes) items.push_back({&note.id, &note.parent});
    std::unordered_map<std::string_view, std::size_t> index;
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) index.emplace(*items[i].first, i);
    enum class State { unvisited, on_chain, done };
    std::vector<State> state(items.size(), State::unvisited);
    std::vector<std::size_t> chain;
    for (std::size_t start = 0; start < items.size(); ++start) {
        chain.clear();
        for (auto at = index.find(std::string_view(*items[start].first)); at != index.end();
             at = index.find(std::string_view(*items[at->second].second))) {
            const std::size_t k = at->second;
            if (state[k] == State::done) break;
            const std::string& id = *items[k].first;
            if (state[k] == State::on_chain)
                throw InputError(id, "item '" + id + "' is inside itself: its parent "
                                                     "frames or shapes form a cycle");
            state[k] = State::on_chain;
            chain.push_back(k);
        }
        for (std::size_t k : chain) state[k] = State::done;
    }
}

}  // namespace

void check_board(const Board& board) {
    const std::size_t items = board.notes.size() + board.containers.size() +
                              board.connectors.size() + board.markers.size();
    if (items > limits::kMaxItems)
        throw InputError("board", "board has " + std::to_string(items) +
                                      " items, more than the limit of " +
                                      std::to_string(limits::kMaxItems));
    IdRegistry ids(items);
    for (const Note& note : board.notes) {
        ids.add(note.id, "note");
        check_rect(note.bounds, note.id);
        if (note.text.size() > limits::kMaxTextBytes)
            throw InputError(note.id, "note '" + note.id + "' has " +
                                          std::to_string(note.text.size()) +
                                          " bytes of text, more than the limit of " +
                                          std::to_string(limits::kMaxTextBytes));
    }
    for (const Container& container : board.containers) {
        ids.add(container.id, "container");
        check_rect(container.bounds, container.id);
    }
    for (const Connector& connector : board.connectors) ids.add(connector.id, "connector");
    for (const Marker& marker : board.markers) {
        ids.add(marker.id, "marker");
        check_rect(marker.bounds, marker.id);
    }
    check_parent_cycles(board);
}

}  // namespace canvasfit

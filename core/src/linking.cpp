// Links relievers to pains, creators to gains and products to jobs.
#include <algorithm>

#include "canvasfit/engine.hpp"

namespace canvasfit {

namespace {

// The canvas's own rule: what each value-map section may address.
struct LinkRule {
    Section from;
    Section to;
};
constexpr LinkRule kRules[] = {{Section::relievers, Section::pains},
                               {Section::creators, Section::gains},
                               {Section::products, Section::jobs}};

bool contains(const std::vector<NoteIndex>& notes, NoteIndex note) {
    return std::find(notes.begin(), notes.end(), note) != notes.end();
}

// A connector drawn between two notes is a link of full strength, whichever
// way the arrow points, when it joins sections the rule allows.
void add_connector_links(const CanvasNotes& notes, const Adjacency& connected,
                         std::vector<Link>& links) {
    for (const LinkRule& rule : kRules)
        for (NoteIndex from : notes.of(rule.from))
            for (NoteIndex to : connected[from])
                if (contains(notes.of(rule.to), to))
                    links.push_back({from, to, 1.0, LinkVia::connector, {}});
}

}  // namespace

std::vector<Link> link_canvas(const CanvasNotes& notes, const std::vector<Terms>& terms,
                              const Adjacency& connected) {
    (void)terms;  // text links: see the linking issue work in progress
    std::vector<Link> links;
    add_connector_links(notes, connected, links);
    return links;
}

}  // namespace canvasfit

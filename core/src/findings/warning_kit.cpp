#include "findings/warning_kit.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "text/text.hpp"
#include "text/word_forms.hpp"

namespace canvasfit::warning_kit {

const char* code_name(Code code) {
    switch (code) {
        case Code::missing_segment: return "missing-segment";
        case Code::broad_segment: return "broad-segment";
        case Code::empty_section: return "empty-section";
        case Code::too_many: return "too-many";
        case Code::duplicate_notes: return "duplicate-notes";
        case Code::unaddressed_pain: return "unaddressed-pain";
        case Code::unaddressed_gain: return "unaddressed-gain";
        case Code::hidden_costs: return "hidden-costs";
        case Code::unvalidated: return "unvalidated";
        case Code::orphan_product: return "orphan-product";
        case Code::orphan_reliever: return "orphan-reliever";
        case Code::orphan_creator: return "orphan-creator";
        case Code::low_fit: return "low-fit";
        case Code::one_size_fits_all: return "one-size-fits-all";
        case Code::similar_segments: return "similar-segments";
    }
    return "";
}

BoardIndex::BoardIndex(const BoardAnalysis& analysis)
    : link_roles(analysis.board->notes.size(), 0),
      analysis_(analysis),
      included_(analysis.canvases.size(), false) {}

void BoardIndex::include(std::size_t canvas) const {
    if (included_[canvas]) return;
    included_[canvas] = true;
    for (const Link& link : analysis_.canvases[canvas].links) {
        const bool counts = link.counts();
        link_roles[link.from] |= counts ? kLinkSource : kSuggestedSource;
        link_roles[link.to] |= counts ? kLinkTarget : kSuggestedTarget;
    }
}

const Coverage* CanvasView::coverage(NoteIndex n) const {
    for (const std::vector<Coverage>* rows :
         {&canvas_.fit.pain_coverage, &canvas_.fit.gain_coverage, &canvas_.fit.job_coverage})
        for (const Coverage& row : *rows)
            if (row.note == n) return &row;
    return nullptr;
}

// A search, not a map of every container: asked once per canvas analysed
// (its segment area's title), as the engine reads the segment (engine.cpp).
const Container* CanvasView::container(const std::string& id) const {
    for (const Container& container : analysis_.board->containers)
        if (container.id == id) return &container;  // the first of a repeated id
    return nullptr;
}

std::size_t CanvasView::note_count() const {
    std::size_t count = 0;
    for (Section section : kAllSections) count += notes(section).size();
    return count;
}

Severity severity_for_rank(const Priority& priority) {
    if (priority.rank >= 1 && priority.rank <= 2) return Severity::high;
    if (priority.priority >= 0.5) return Severity::medium;
    return Severity::low;
}

std::string quote(const std::string& text) {
    constexpr std::size_t kMaxBytes = 48;
    std::string line;
    bool space = false;
    for (char c : text) {
        const bool blank = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (blank) {
            space = !line.empty();
            continue;
        }
        if (space) line += ' ';
        space = false;
        line += c;
    }
    if (line.size() <= kMaxBytes) return line;
    std::size_t cut = kMaxBytes;
    // Back up to the start of a UTF-8 sequence, then to a word boundary if one is near.
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    const std::size_t space_at = line.rfind(' ', cut);
    if (space_at != std::string::npos && space_at > kMaxBytes / 2) cut = space_at;
    return line.substr(0, cut) + "\xE2\x80\xA6";  // "…"
}

const char* section_title(Section section) {
    switch (section) {
        case Section::segment: return "Customer Segment";
        case Section::jobs: return "Customer Jobs";
        case Section::pains: return "Pains";
        case Section::gains: return "Gains";
        case Section::products: return "Products & Services";
        case Section::relievers: return "Pain Relievers";
        case Section::creators: return "Gain Creators";
        case Section::unknown: break;
    }
    return "Unknown";
}

StemSet::StemSet(std::string_view words) : stems_(content_terms(words)) {
    std::sort(stems_.begin(), stems_.end());
    stems_.erase(std::unique(stems_.begin(), stems_.end()), stems_.end());
}

bool StemSet::contains(const std::string& stem) const {
    return std::binary_search(stems_.begin(), stems_.end(), stem);
}

const std::string* StemSet::first_in(const Terms& terms) const {
    for (const std::string& term : terms)
        if (contains(term)) return &term;
    return nullptr;
}

const StemSet& generic_offer_words() {
    static const StemSet words(
        "app apps application applications product products service services platform platforms "
        "tool tools system systems software solution solutions website websites site web offer "
        "offers offering offerings feature features package packages plan plans version");
    return words;
}

WordSet::WordSet(std::string_view words) {
    for (const Token& token : tokenize(words)) words_.push_back(token.text);
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
}

bool WordSet::contains(const std::string& folded_word) const {
    return std::binary_search(words_.begin(), words_.end(), folded_word);
}

int TermIds::id_of(std::string_view term) {
    const auto found = ids_.find(term);  // emplace would build a node to find out
    if (found != ids_.end()) return found->second;
    const int id = static_cast<int>(terms_.size());
    terms_.emplace_back(term);
    ids_.emplace(terms_.back(), id);
    return id;
}

void TermIds::sort_set(std::vector<int>& ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace canvasfit::warning_kit

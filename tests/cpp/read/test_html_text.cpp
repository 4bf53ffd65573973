#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "read/html_text.hpp"

namespace canvasfit {
namespace {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or
// values past U+10FFFF).
bool is_valid_utf8(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80             ? 1
                             : (lead & 0xE0) == 0xC0 ? 2
                             : (lead & 0xF0) == 0xE0 ? 3
                             : (lead & 0xF8) == 0xF0 ? 4
                                                     : 0;
        if (length == 0 || i + length > text.size()) return false;
        char32_t code = length == 1 ? lead : lead & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3F);
        }
        const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

TEST(HtmlText, StripsTagsDecodesEntitiesAndDropsScripts) {
    EXPECT_EQ(html_to_text("<p>Orders &amp; <b>payments</b></p><script>alert(1)</script>"),
              "Orders & payments");
}

TEST(HtmlText, PlainTextPassesThrough) {
    EXPECT_EQ(html_to_text("Invoices pile up"), "Invoices pile up");
    EXPECT_EQ(html_to_text(""), "");
}

TEST(HtmlText, DropsStyleContentAndComments) {
    EXPECT_EQ(html_to_text("<style>p { color: red }</style><p>Late fees</p>"), "Late fees");
    EXPECT_EQ(html_to_text("a<!-- hidden <b>note</b> -->b"), "ab");
    EXPECT_EQ(html_to_text("<SCRIPT type=\"x\">if (a < b) {}</SCRIPT >after"), "after");
    EXPECT_EQ(html_to_text("<script>never closed <p>text</p>"), "");
}

TEST(HtmlText, BreaksLinesAtBlockEnds) {
    EXPECT_EQ(html_to_text("<p>First</p><p>Second</p>"), "First\nSecond");
    EXPECT_EQ(html_to_text("one<br>two<br/>three<BR />four"), "one\ntwo\nthree\nfour");
    EXPECT_EQ(html_to_text("<div>a</div><div>b</div>"), "a\nb");
    EXPECT_EQ(html_to_text("<ul><li>x</li><li>y</li></ul>"), "x\ny");
}

TEST(HtmlText, CollapsesSpacesAndBlankLines) {
    EXPECT_EQ(html_to_text("  <p>  too   many\n\tspaces  </p>  "), "too many spaces");
    EXPECT_EQ(html_to_text("<p>a</p><p></p><p></p><p></p><p>b</p>"), "a\n\nb");
    EXPECT_EQ(html_to_text("<br><br>a<br><br><br><br>b<br><br>"), "a\n\nb");
    EXPECT_EQ(html_to_text("a&nbsp;&nbsp; b"), "a b");
}

TEST(HtmlText, DecodesNamedEntities) {
    EXPECT_EQ(html_to_text("&lt;tag&gt; &quot;q&quot; &apos;s&apos;"), "<tag> \"q\" 's'");
    EXPECT_EQ(html_to_text("a&ndash;b&mdash;c&hellip;"), "a\u2013b\u2014c\u2026");
    EXPECT_EQ(html_to_text("&lsquo;x&rsquo; &ldquo;y&rdquo;"), "\u2018x\u2019 \u201Cy\u201D");
    EXPECT_EQ(html_to_text("&euro;5 &pound;4 &copy; &reg; &trade; &middot; &bull;"),
              "\u20AC5 \u00A34 \u00A9 \u00AE \u2122 \u00B7 \u2022");
}

TEST(HtmlText, DecodesNumericEntities) {
    EXPECT_EQ(html_to_text("&#65;&#x42;&#X43;"), "ABC");
    EXPECT_EQ(html_to_text("&#8364; &#x1F600;"), "\u20AC \U0001F600");
    EXPECT_EQ(html_to_text("don&#146;t"), "don\u2019t");  // Windows-1252, as browsers read it
}

TEST(HtmlText, InvalidCodePointsBecomeReplacementCharacter) {
    const std::string replacement = "\uFFFD";
    EXPECT_EQ(html_to_text("&#0;"), replacement);
    EXPECT_EQ(html_to_text("&#xD800;"), replacement);
    EXPECT_EQ(html_to_text("&#x110000;"), replacement);
    EXPECT_EQ(html_to_text("&#99999999999999999999;"), replacement);
    EXPECT_EQ(html_to_text("&#1;"), replacement);
}

TEST(HtmlText, KeepsUnknownOrUnterminatedEntitiesLiterally) {
    EXPECT_EQ(html_to_text("R&D"), "R&D");
    EXPECT_EQ(html_to_text("&bogus; &amp"), "&bogus; &amp");
    EXPECT_EQ(html_to_text("&#; &#x; &#12"), "&#; &#x; &#12");
    EXPECT_EQ(html_to_text("Q&A &"), "Q&A &");
}

TEST(HtmlText, LessThanThatIsNotATagStays) {
    EXPECT_EQ(html_to_text("costs < 5 and <3 clients"), "costs < 5 and <3 clients");
    EXPECT_EQ(html_to_text("a <b"), "a <b");
    EXPECT_EQ(html_to_text("<a href=\"x?a>b\">link</a>"), "link");
}

TEST(HtmlText, NeverProducesInvalidUtf8) {
    const std::string inputs[] = {
        std::string("bad \xFF byte"),     std::string("cut \xE2\x82"),
        std::string("\xC0\xAF overlong"), std::string("\xED\xA0\x80 surrogate"),
        std::string("nul \0 byte", 10),   std::string("ok \xE2\x82\xAC euro"),
    };
    for (const std::string& input : inputs) {
        const std::string text = html_to_text(input);
        EXPECT_TRUE(is_valid_utf8(text)) << input;
    }
    EXPECT_EQ(html_to_text("ok \xE2\x82\xAC euro"), "ok \u20AC euro");
    EXPECT_EQ(html_to_text("bad \xFF byte"), "bad \uFFFD byte");
}

std::string repeated(const std::string& prefix, const std::string& unit, std::size_t times) {
    std::string text = prefix;
    for (std::size_t i = 0; i < times; ++i) text += unit;
    return text;
}

// Inputs that make naive scanners quadratic must still finish quickly.
TEST(HtmlText, HostileInputRunsInLinearTime) {
    const std::size_t n = 200000;
    const std::string cases[] = {
        repeated("", "<", n),                // '<' with no '>' anywhere
        repeated("", "<a", n),               // tags that never close
        repeated("<a title=\"", "<b ", n),   // an open quote hides every '>'
        repeated("", "&#1234", n),           // entities that never end
        repeated("<script>", "</scrip", n),  // almost-closing script tags
    };
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& input : cases) EXPECT_TRUE(is_valid_utf8(html_to_text(input)));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 5);
}

}  // namespace
}  // namespace canvasfit

// Turns the small HTML fragments that hosts store as note text (Miro's
// "<p>Orders &amp; <strong>payments</strong></p>") into plain text.
#pragma once

#include <string>
#include <string_view>

namespace canvasfit {

// Plain text of an HTML fragment, in one linear pass and without regex:
// - tags are removed; the content of <script> and <style> and comments is dropped;
// - <br>, <hr> and the end of block elements (</p>, </div>, </li>, </h1>..</h6>,
//   </tr>, </blockquote>, </pre>) become line breaks; source whitespace collapses
//   to one space as in a browser;
// - entities are decoded: common named ones (&amp; &nbsp; &mdash; &euro; ...),
//   &#NNN; and &#xHH;. Code 0, surrogates and values past U+10FFFF become U+FFFD;
//   an unknown or unterminated entity is kept as written;
// - each line is trimmed, runs of spaces become one, at most one blank line is
//   kept between paragraphs, and leading/trailing blank lines go.
// The result is always valid UTF-8: invalid input bytes become U+FFFD.
std::string html_to_text(std::string_view html);

}  // namespace canvasfit

// Miro keeps sticky, shape, text and card content as HTML. The board JSON the
// core reads takes plain text, so the adapter converts here, following the
// core's own rules (core/src/read/html_text.cpp, docs/miro-format.md): tags removed,
// <script>/<style> content and comments dropped, <br> and the ends of blocks
// become line breaks, spaces collapse, the entities editors produce are decoded
// and an unknown entity stays as written. No DOMParser: the same code runs in
// Node (contract tests) and in the panel.

const NAMED_ENTITIES: Record<string, number> = {
  amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27, nbsp: 0x20, ensp: 0x20, emsp: 0x20,
  thinsp: 0x20, ndash: 0x2013, mdash: 0x2014, hellip: 0x2026, lsquo: 0x2018, rsquo: 0x2019,
  sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d, bdquo: 0x201e, laquo: 0xab, raquo: 0xbb,
  euro: 0x20ac, pound: 0xa3, cent: 0xa2, yen: 0xa5, copy: 0xa9, reg: 0xae, trade: 0x2122,
  middot: 0xb7, bull: 0x2022, deg: 0xb0, plusmn: 0xb1, times: 0xd7, divide: 0xf7, minus: 0x2212,
  sect: 0xa7, para: 0xb6, frac12: 0xbd, frac14: 0xbc, frac34: 0xbe, larr: 0x2190, rarr: 0x2192,
  uarr: 0x2191, darr: 0x2193, harr: 0x2194, check: 0x2713, dagger: 0x2020, prime: 0x2032,
};

/** Windows-1252 meanings of &#128;..&#159;, as browsers decode them (0: undefined). */
const WINDOWS_1252 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

const REPLACEMENT = 0xfffd;
const LINE_BREAKING_BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'blockquote', 'pre']);
const SPACE = /[ \t\n\r\f\v]/;
const ALPHA = /[A-Za-z]/;
const ALNUM = /[A-Za-z0-9]/;

function numericReference(value: number): string {
  if (value >= 0x80 && value <= 0x9f) return String.fromCodePoint(WINDOWS_1252[value - 0x80] || REPLACEMENT);
  const control = value < 0x20 && value !== 0x09 && value !== 0x0a && value !== 0x0d && value !== 0x0c;
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff) || control) {
    return String.fromCodePoint(REPLACEMENT);
  }
  return String.fromCodePoint(value);
}

/** Decodes the entity at html[i] ('&'); returns [text, next index] or null when it is not one. */
function entityAt(html: string, i: number): [string, number] | null {
  if (html[i + 1] === '#') {
    let j = i + 2;
    const hex = html[j] === 'x' || html[j] === 'X';
    if (hex) j += 1;
    const first = j;
    while (j < html.length && (hex ? /[0-9A-Fa-f]/ : /[0-9]/).test(html[j])) j += 1;
    if (j === first || html[j] !== ';') return null;
    const digits = html.slice(first, j);
    const value = digits.length > 8 ? 0x110000 : parseInt(digits, hex ? 16 : 10);
    return [numericReference(value), j + 1];
  }
  let j = i + 1;
  while (j < html.length && j - i - 1 < 9 && ALNUM.test(html[j])) j += 1;
  if (html[j] !== ';') return null;
  const code = NAMED_ENTITIES[html.slice(i + 1, j)];
  return code === undefined ? null : [String.fromCodePoint(code), j + 1];
}

/** '<' starts markup when followed by a letter, '!', '?' or '/letter' ("a < b" is text). */
function startsMarkup(html: string, i: number): boolean {
  const next = html[i + 1];
  if (next === undefined) return false;
  if (ALPHA.test(next) || next === '!' || next === '?') return true;
  return next === '/' && html[i + 2] !== undefined && ALPHA.test(html[i + 2]);
}

/** The '>' ending a tag, skipping any inside quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  let afterEquals = false;
  for (let k = from; k < html.length; k += 1) {
    const c = html[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '>') {
      return k;
    } else if ((c === '"' || c === "'") && afterEquals) {
      quote = c;
      afterEquals = false;
    } else if (c === '=') {
      afterEquals = true;
    } else if (!SPACE.test(c)) {
      afterEquals = false;
    }
  }
  return html.indexOf('>', from);
}

/** Index just past the end tag of a <script> or <style> element (or the end of input). */
function skipRawText(html: string, from: number, name: string): number {
  const lower = html.toLowerCase();
  for (let k = lower.indexOf('</' + name, from); k >= 0; k = lower.indexOf('</' + name, k + 2)) {
    const after = lower[k + 2 + name.length];
    if (after !== undefined && !SPACE.test(after) && after !== '>' && after !== '/') continue;
    const close = html.indexOf('>', k);
    return close < 0 ? html.length : close + 1;
  }
  return html.length;
}

function collect(html: string): string {
  let raw = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === '<' && startsMarkup(html, i)) {
      if (html.startsWith('<!--', i)) {
        const close = html.indexOf('-->', i + 4);
        i = close < 0 ? html.length : close + 3;
        continue;
      }
      let j = i + 1;
      const closing = html[j] === '/';
      if (closing) j += 1;
      let name = '';
      while (j < html.length && ALNUM.test(html[j])) name += html[j++].toLowerCase();
      const end = tagEnd(html, j);
      if (end < 0) {
        raw += '<';
        i += 1;
        continue;
      }
      const selfClosing = end > j && html[end - 1] === '/';
      i = end + 1;
      if (!closing && !selfClosing && (name === 'script' || name === 'style')) i = skipRawText(html, i, name);
      if (name === 'br' || name === 'hr' || (closing && LINE_BREAKING_BLOCKS.has(name))) raw += '\n';
    } else if (c === '&') {
      const entity = entityAt(html, i);
      raw += entity ? entity[0] : '&';
      i = entity ? entity[1] : i + 1;
    } else {
      raw += SPACE.test(c) ? ' ' : c;
      i += 1;
    }
  }
  return raw;
}

/** Trims each line, collapses spaces, keeps at most one blank line in a row, none at the ends. */
function normalise(raw: string): string {
  const lines: string[] = [];
  let blankPending = false;
  for (const line of raw.split('\n')) {
    const tidy = line.split(/[ \t\n\r\f\v]+/).filter(Boolean).join(' ');
    if (tidy === '') {
      blankPending = lines.length > 0;
      continue;
    }
    if (blankPending) lines.push('');
    lines.push(tidy);
    blankPending = false;
  }
  return lines.join('\n');
}

/** Miro HTML content → the plain text the core reads. */
export function htmlToText(html: string): string {
  return normalise(collect(html));
}

/** Plain text → HTML for a new sticky's content: never interpreted as markup. */
export function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return escaped.split('\n').map((line) => `<p>${line}</p>`).join('');
}

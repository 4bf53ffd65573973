// @ts-check
// The CanvasFit panel, shared by every host: buttons, fit gauges, ranked
// pains and gains with their coverage, the questions CanvasFit asks (with
// Confirm / Reject for suggested links) and, apart from them, the warnings.
// Note text is always set with textContent: never parsed as HTML. The Summary
// view shows the core's one-page summary (render 'html', docs/summary.md) in
// a sandboxed iframe that may run no script.
import { isCounted } from './patch.js';

/**
 * @typedef {{ analyse(): any, clear(): void, setLive(on: boolean): void,
 *   setShowLinks(on: boolean): void, focusNotes(ids: string[]): void,
 *   setShowSuggestions?: (on: boolean) => void,
 *   confirmLink?: (from: string, to: string) => any, rejectLink?: (from: string, to: string) => any,
 *   markUnlinked?: (note: string) => any, reopen?: (note: string) => any,
 *   links?: { unlinked?: string[] },
 *   exportReport(format: 'markdown' | 'json' | 'html'): string, exportBoard?: () => string,
 *   boardFileName?: string }} Session
 */

/**
 * @param {string} tag
 * @param {{ className?: string, text?: string, title?: string }} [props]
 * @param {Node[]} [children]
 */
function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title) node.title = props.title;
  for (const child of children) node.appendChild(child);
  return node;
}

/**
 * JSON.stringify(object), kept per object. A report's objects are never
 * changed, only replaced (live.js, applyDelta keeps the unchanged ones), so a
 * Live edit serialises only the objects it replaced to tell which views to
 * draw again.
 * @type {WeakMap<object, string>}
 */
const keptJson = new WeakMap();

/** @param {any} object */
function jsonOf(object) {
  if (object === null || typeof object !== 'object') return JSON.stringify(object);
  let json = keptJson.get(object);
  if (json === undefined) {
    json = JSON.stringify(object);
    keptJson.set(object, json);
  }
  return json;
}

/** JSON.stringify(items) from each item's kept JSON. @param {readonly any[]} items */
function jsonOfList(items) {
  return `[${items.map(jsonOf).join(',')}]`;
}

/**
 * Rows each list of the questions section shows until the facilitator asks
 * for all: the first, most telling ones (byImpact). A 2,000-note board asks
 * some 800 questions; nobody reads them all at once, and drawing every row
 * again on each Live edit cost as long as the analysis.
 */
export const ROWS_SHOWN = 40;

/**
 * A link CanvasFit read from the wording counts in the fit, but below this
 * confidence about one in five such links is wrong on others' canvases
 * (docs/judgment.md, "Reliability"): the panel lists those for a check.
 */
export const CHECK_TEXT_LINKS_BELOW = 0.9;

/** A counted link read from the wording that is worth a check. @param {any} link */
export function isWorthACheck(link) {
  return link.source === 'text' && typeof link.confidence === 'number' && link.confidence < CHECK_TEXT_LINKS_BELOW;
}

/**
 * The answer about a note itself that each question offers (`markUnlinked`):
 * nothing addresses the pain or gain, or the reliever or creator addresses
 * nothing here. Either makes the row a stated gap (or orphan), kept on the board.
 * @type {Record<string, string>}
 */
const NOTE_ANSWERS = {
  'what-addresses': 'Nothing addresses it',
  'is-addressed': 'Nothing addresses it',
  'what-does-it-address': 'Addresses nothing here',
};

/**
 * Questions about a pain or gain whose candidates are value-map notes that may
 * address it (suggested links, or the relievers and creators of its canvas):
 * each candidate pair gets Confirm / Reject in the question's row.
 */
const PAIR_QUESTIONS = new Set(['is-addressed', 'what-addresses']);

/** Warnings an `unlinked` answer can state, and so `reopen` can take back. */
const STATED_BY_ANSWER = new Set(['unaddressed-pain', 'unaddressed-gain', 'orphan-reliever', 'orphan-creator']);

/** @param {number | null} value */
function percent(value) {
  return value === null || value === undefined ? '–' : `${Math.round(value * 100)} %`;
}

export class Panel {
  /**
   * @param {HTMLElement} root
   * @param {Session} session
   * @param {{ download?: (name: string, text: string, type: string) => void }} [options]
   */
  constructor(root, session, options = {}) {
    this.root = root;
    this.session = session;
    this.download = options.download ?? browserDownload;
    this.root.replaceChildren();
    this.root.appendChild(el('h2', { text: 'CanvasFit' }));
    this.root.appendChild(this.toolbar());
    this.status = el('div', { className: 'cf-status', text: 'Press Analyse to score the fit of your canvas.' });
    this.root.appendChild(this.status);
    /** @type {'details' | 'summary'} */
    this.view = 'details';
    this.detailsTab = this.button('Details', () => this.showView('details'), 'cf-tab', 'cf-view-details');
    this.summaryTab = this.button('Summary', () => this.showView('summary'), 'cf-tab', 'cf-view-summary');
    this.root.appendChild(this.viewTabs());
    this.body = el('div', { className: 'cf-body' });
    this.root.appendChild(this.body);
    this.summary = el('div', { className: 'cf-summary-view' });
    this.summary.hidden = true;
    this.root.appendChild(this.summary);
    /** Whether a report is on show (the summary has something to draw). */
    this.analysed = false;
    /** The views showReport drew last, by what they show (see there). @type {Map<string, HTMLElement>} */
    this.views = new Map();
    /** The question and suggestion rows questionsView drew last, by what they show. @type {Map<string, HTMLElement>} */
    this.questionRows = new Map();
    /** The questions section questionsView drew last, and the rows it holds. @type {HTMLElement | null} */
    this.questionsBox = null;
    this.questionsKey = '';
    /** Whether the questions section lists every row (else ROWS_SHOWN of each list). */
    this.allRowsShown = false;
    /** The report on show, to draw again when the facilitator asks for every row. @type {any} */
    this.shownReport = null;
  }

  /** Details (the lists below) or Summary (the one-page summary with its pictures). */
  viewTabs() {
    const tabs = el('div', { className: 'cf-tabs' });
    tabs.setAttribute('role', 'tablist');
    for (const tab of [this.detailsTab, this.summaryTab]) {
      tab.setAttribute('role', 'tab');
      tabs.appendChild(tab);
    }
    this.detailsTab.setAttribute('aria-selected', 'true');
    this.summaryTab.setAttribute('aria-selected', 'false');
    return tabs;
  }

  /** @param {'details' | 'summary'} view */
  showView(view) {
    this.view = view;
    this.detailsTab.setAttribute('aria-selected', String(view === 'details'));
    this.summaryTab.setAttribute('aria-selected', String(view === 'summary'));
    this.body.hidden = view !== 'details';
    this.summary.hidden = view !== 'summary';
    if (view === 'summary') this.refreshSummary();
  }

  /**
   * Draws the summary of the board as it is now into a sandboxed iframe: no
   * allow-scripts, no allow-same-origin, the page given as srcdoc (nothing is
   * fetched). Done only while the Summary view is open.
   */
  refreshSummary() {
    if (this.view !== 'summary') return;
    if (!this.analysed) {
      this.summary.replaceChildren(el('div', { className: 'cf-empty', text: 'Press Analyse to draw the summary.' }));
      return;
    }
    let html;
    try {
      html = this.session.exportReport('html');
    } catch (error) {
      this.showError(/** @type {Error} */ (error));
      return;
    }
    const frame = /** @type {HTMLIFrameElement} */ (el('iframe', { className: 'cf-summary', title: 'CanvasFit summary' }));
    frame.setAttribute('sandbox', '');
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.srcdoc = html;
    frame.style.width = '100%';
    frame.style.height = '75vh';
    frame.style.border = '1px solid #e2e8f0';
    this.summary.replaceChildren(frame);
  }

  toolbar() {
    const bar = el('div', { className: 'cf-toolbar' });
    bar.appendChild(this.button('Analyse', () => this.session.analyse(), 'primary', 'cf-analyse'));
    bar.appendChild(this.checkbox('Live', (on) => this.session.setLive(on), 'cf-live'));
    bar.appendChild(this.button('Clear', () => this.session.clear(), '', 'cf-clear'));
    bar.appendChild(this.checkbox('Links', (on) => this.session.setShowLinks(on), 'cf-links'));
    const showSuggestions = this.session.setShowSuggestions;
    if (showSuggestions) {
      bar.appendChild(this.checkbox('Suggestions', (on) => showSuggestions.call(this.session, on), 'cf-suggestions'));
    }
    const exports = el('div', { className: 'cf-toolbar' });
    exports.appendChild(this.button('Report .md', () => this.download('canvasfit-report.md', this.session.exportReport('markdown'), 'text/markdown'), '', 'cf-export-md'));
    exports.appendChild(this.button('Report .json', () => this.download('canvasfit-report.json', this.session.exportReport('json'), 'application/json'), '', 'cf-export-json'));
    const exportBoard = this.session.exportBoard;
    if (exportBoard) {
      exports.appendChild(this.button('Board', () => this.download(this.session.boardFileName ?? 'board.json', exportBoard.call(this.session), 'application/json'), '', 'cf-export-board'));
    }
    exports.appendChild(this.button('Export summary', () => this.download('canvasfit-summary.html', this.session.exportReport('html'), 'text/html'), '', 'cf-export-summary'));
    const wrapper = el('div');
    wrapper.appendChild(bar);
    wrapper.appendChild(exports);
    return wrapper;
  }

  /**
   * @param {string} label
   * @param {() => void} onClick
   * @param {string} className
   * @param {string} id
   */
  button(label, onClick, className, id) {
    const button = /** @type {HTMLButtonElement} */ (el('button', { className, text: label }));
    button.type = 'button';
    button.id = id;
    button.addEventListener('click', onClick);
    return button;
  }

  /**
   * @param {string} label
   * @param {(on: boolean) => void} onChange
   * @param {string} id
   */
  checkbox(label, onChange, id) {
    const input = /** @type {HTMLInputElement} */ (el('input'));
    input.type = 'checkbox';
    input.id = id;
    input.addEventListener('change', () => onChange(input.checked));
    return el('label', {}, [input, document.createTextNode(label)]);
  }

  /** @param {Error} error */
  showError(error) {
    this.status.className = 'cf-status error';
    this.status.textContent = error.message;
  }

  /** @param {any} report */
  showReport(report) {
    this.shownReport = report;
    this.status.className = 'cf-status';
    this.analysed = Boolean(report);
    this.refreshSummary();
    if (!report) {
      this.allRowsShown = false;
      this.body.replaceChildren();
      this.status.textContent = 'Cleared: the board is as you left it.';
      return;
    }
    const noteById = new Map(report.notes.map((/** @type {any} */ note) => [note.id, note]));
    const questions = Array.isArray(report.questions) ? report.questions : [];
    const counted = report.links.filter(isCounted);
    const suggested = report.links.filter((/** @type {any} */ link) => !isCounted(link));
    this.status.textContent = `${report.canvases.length} canvas(es), ${report.notes.length} notes, ${counted.length} links, `
      + `${report.warnings.length} warnings, ${questions.length} questions.`;
    /** @type {Map<string, any>} */
    const questionByNote = new Map();
    for (const question of questions) for (const note of question.notes ?? []) if (!questionByNote.has(note)) questionByNote.set(note, question);
    // A Live edit changes one canvas: the views whose inputs are unchanged
    // are kept rather than drawn again (on a 2,000-note board, drawing every
    // list took as long as the analysis). Each key is everything its view shows.
    /** @type {Map<string, HTMLElement>} */
    const views = new Map();
    /** @type {HTMLElement[]} */
    const children = [];
    /** @param {string} key @param {() => HTMLElement} draw */
    const view = (key, draw) => {
      const made = this.views.get(key) ?? draw();
      views.set(key, made);
      return made;
    };
    /** @param {string} id */
    const shown = (id) => [id, noteById.get(id)?.text ?? null, noteById.get(id)?.rank ?? null];
    for (const canvas of report.canvases) {
      const rows = [...canvas.fit.pains_detail, ...canvas.fit.gains_detail];
      const shownRows = rows.map((row) => [shown(row.note), row.covered_by.map(shown),
        questionByNote.get(row.note)?.message ?? null]);
      const key = `["canvas",${jsonOf(canvas)},${JSON.stringify(shownRows)}]`;
      children.push(view(key, () => this.canvasView(canvas, noteById, questionByNote)));
    }
    children.push(this.questionsView(byImpact(questions, report.canvases), suggested, noteById, counted.filter(isWorthACheck)));
    const unlinked = this.session.links?.unlinked ?? [];
    children.push(view(`["warnings",${jsonOfList(report.warnings)},${JSON.stringify(unlinked)}]`,
      () => this.warningsView(report.warnings, unlinked)));
    this.views = views;
    setChildren(this.body, children);
  }

  /**
   * @param {any} canvas
   * @param {Map<string, any>} noteById
   * @param {Map<string, any>} [questionByNote]
   */
  canvasView(canvas, noteById, questionByNote = new Map()) {
    const section = el('section', { className: 'cf-canvas' });
    section.dataset.canvas = canvas.id;
    section.appendChild(el('h3', { text: `${canvas.id}: ${canvas.segment ?? canvas.title ?? 'no segment named'}` }));
    section.appendChild(this.gauge(canvas.fit));
    const verdict = verdictWords(canvas.fit);
    section.appendChild(el('div', {}, [
      el('span', { className: `cf-verdict ${verdict.band}`, text: `Fit ${percent(canvas.fit.overall)} — ${verdict.words}` }),
      document.createTextNode(`  (pains ${percent(canvas.fit.pains)}, gains ${percent(canvas.fit.gains)}, jobs ${percent(canvas.fit.jobs)})`),
    ]));
    const certainty = certaintyWords(canvas.fit);
    if (certainty) section.appendChild(el('div', { className: 'cf-certainty', text: certainty }));
    section.appendChild(this.rankedList('Pains', canvas.fit.pains_detail, noteById, questionByNote));
    section.appendChild(this.rankedList('Gains', canvas.fit.gains_detail, noteById, questionByNote));
    return section;
  }

  /** @param {any} fit */
  gauge(fit) {
    const gauge = el('div', { className: 'cf-gauge', title: 'Target band: 50–70 % (the canvas method\'s fit target)' });
    gauge.appendChild(el('div', { className: 'band' }));
    const fill = el('div', { className: 'fill' });
    fill.style.width = `${Math.round((fit.overall ?? 0) * 100)}%`;
    gauge.appendChild(fill);
    const legend = el('div', { className: 'cf-gauge-legend' }, [
      el('span', { text: '0 %' }), el('span', { text: 'target 50–70 %' }), el('span', { text: '100 %' }),
    ]);
    return el('div', {}, [gauge, legend]);
  }

  /**
   * @param {string} title
   * @param {any[]} detail
   * @param {Map<string, any>} noteById
   * @param {Map<string, any>} [questionByNote]
   */
  rankedList(title, detail, noteById, questionByNote = new Map()) {
    const ranked = [...detail].sort((a, b) => (noteById.get(a.note)?.rank ?? 99) - (noteById.get(b.note)?.rank ?? 99));
    const list = el('ol', { className: 'cf-list' });
    for (const entry of ranked) {
      const note = noteById.get(entry.note);
      const status = entry.status ?? (entry.covered_by.length > 0 ? 'covered' : 'unaddressed');
      const by = entry.covered_by.map((/** @type {string} */ id) => noteById.get(id)?.text ?? id).join('; ');
      const item = el('li', { className: status });
      item.appendChild(el('span', { text: `#${note?.rank ?? '?'} ${note?.text ?? entry.note}` }));
      const coverage = status === 'covered' ? `✓ ${by}`
        : status === 'question' ? `? ${questionByNote.get(entry.note)?.message ?? 'open question: is it addressed?'}`
          : '✗ not addressed';
      item.appendChild(el('div', { text: coverage, className: 'cf-coverage' }));
      item.addEventListener('click', () => this.session.focusNotes([entry.note, ...entry.covered_by]));
      list.appendChild(item);
    }
    return el('div', {}, [el('h4', { text: `${title} by rank` }), list]);
  }

  /**
   * The questions, apart from the warnings: each with its message; an
   * is-addressed question gets Confirm / Reject for each candidate pair, and
   * so does every suggested link not offered there (`withoutRepeats`). Each
   * list shows its first ROWS_SHOWN rows until the facilitator asks for all.
   * @param {any[]} allQuestions the report's
   * @param {any[]} allSuggested the report's suggested links
   * @param {Map<string, any>} noteById
   * @param {any[]} allToCheck counted text links under CHECK_TEXT_LINKS_BELOW
   */
  questionsView(allQuestions, allSuggested, noteById, allToCheck = []) {
    const every = withoutRepeats(allQuestions, allSuggested);
    /** @template T @param {T[]} rows */
    const shown = (rows) => (this.allRowsShown ? rows : rows.slice(0, ROWS_SHOWN));
    const questions = shown(every.questions);
    const suggested = shown(every.suggested);
    const toCheck = shown(allToCheck);
    const hidden = every.questions.length + every.suggested.length + allToCheck.length
      - questions.length - suggested.length - toCheck.length;
    /** @param {string} id */
    const textOf = (id) => noteById.get(id)?.text ?? id;
    // A Live edit changes a few questions: the rows of the others are kept,
    // each by everything it shows (the question, the texts of the notes it
    // names), and the whole list when no row changed.
    const questionKeys = questions.map((question) =>
      `q${jsonOf(question)}${JSON.stringify((question.candidates ?? []).map(textOf))}`);
    const suggestionKeys = suggested.map((link) =>
      `s${jsonOf(link)}${JSON.stringify([textOf(link.from), textOf(link.to)])}`);
    const checkKeys = toCheck.map((link) =>
      `c${jsonOf(link)}${JSON.stringify([textOf(link.from), textOf(link.to)])}`);
    const counts = [every.questions.length, every.suggested.length, allToCheck.length];
    const listKey = JSON.stringify([questionKeys, suggestionKeys, checkKeys, counts]);
    if (this.questionsBox && this.questionsKey === listKey) return this.questionsBox;
    const box = el('section', { className: 'cf-questions' });
    box.appendChild(el('h3', { text: `Questions (${every.questions.length})` }));
    if (counts.every((count) => count === 0)) {
      box.appendChild(el('div', { className: 'cf-empty', text: 'CanvasFit has nothing to ask about this board.' }));
    }
    /** @type {Map<string, HTMLElement>} */
    const rows = new Map();
    /** @param {string} key @param {() => HTMLElement} draw */
    const row = (key, draw) => {
      let unique = key;  // two rows that show the same are two rows
      for (let n = 1; rows.has(unique); n += 1) unique = `${key}#${n}`;
      const made = this.questionRows.get(unique) ?? draw();
      rows.set(unique, made);
      return made;
    };
    questions.forEach((question, i) => box.appendChild(row(questionKeys[i], () => this.questionRow(question, noteById))));
    if (suggested.length > 0) {
      const list = el('div', { className: 'cf-suggested' });
      list.appendChild(el('h4', { text: `Suggested links (${every.suggested.length})` }));
      suggested.forEach((link, i) => list.appendChild(row(suggestionKeys[i], () => this.linkRow(link, noteById))));
      box.appendChild(list);
    }
    if (toCheck.length > 0) {
      const list = el('div', { className: 'cf-to-check' });
      list.appendChild(el('h4', { text: `Links read from the wording, worth a check (${allToCheck.length})` }));
      toCheck.forEach((link, i) => list.appendChild(row(checkKeys[i], () => this.linkRow(link, noteById, true))));
      box.appendChild(list);
    }
    if (hidden > 0) box.appendChild(this.button(`Show all (${hidden} more)`, () => this.showAllRows(), 'cf-show-all', 'cf-show-all'));
    this.questionRows = rows;
    this.questionsBox = box;
    this.questionsKey = listKey;
    return box;
  }

  /** Lists every question and link row, not only the first of each list. */
  showAllRows() {
    this.allRowsShown = true;
    if (this.shownReport) this.showReport(this.shownReport);
  }

  /** @param {any} question @param {Map<string, any>} noteById */
  questionRow(question, noteById) {
    const row = el('div', { className: 'cf-question' }, [
      el('span', { className: 'cf-question-mark', text: '?' }),
      el('span', { text: question.message ?? question.code }),
    ]);
    row.dataset.code = question.code;
    row.addEventListener('click', () => this.session.focusNotes([...(question.notes ?? []), ...(question.candidates ?? []).filter((/** @type {string} */ id) => noteById.has(id))]));
    if (PAIR_QUESTIONS.has(question.code)) {
      for (const candidate of question.candidates ?? []) {
        row.appendChild(this.pairRow(candidate, question.notes[0], `'${noteById.get(candidate)?.text ?? candidate}'`));
      }
    }
    const answer = NOTE_ANSWERS[question.code];
    if (answer && this.session.markUnlinked) {
      row.appendChild(this.noteAnswerButton(question.notes[0], answer, 'cf-unlinked', this.session.markUnlinked));
    }
    return row;
  }

  /**
   * A button that answers about one note (`markUnlinked`, `reopen`).
   * @param {string} note @param {string} text @param {string} className
   * @param {(note: string) => any} act
   */
  noteAnswerButton(note, text, className, act) {
    const button = /** @type {HTMLButtonElement} */ (el('button', { className, text, title: `${text}: '${note}'` }));
    button.type = 'button';
    button.dataset.note = note;
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      act.call(this.session, note);
    });
    return button;
  }

  /**
   * A link to answer: a suggestion (a question), or a counted text link
   * CanvasFit is less sure of (`counted`). Confirm makes it the
   * facilitator's; Reject takes it out (of the fit too, for a counted one)
   * and the wording never links that pair again on this board.
   * @param {any} link @param {Map<string, any>} noteById @param {boolean} [counted]
   */
  linkRow(link, noteById, counted = false) {
    /** @param {string} id */
    const textOf = (id) => noteById.get(id)?.text ?? id;
    const row = el('div', { className: counted ? 'cf-check' : 'cf-suggestion' });
    row.dataset.from = link.from;
    row.dataset.to = link.to;
    row.appendChild(this.pairRow(link.from, link.to,
      `'${textOf(link.from)}' → '${textOf(link.to)}' (${percent(link.confidence ?? null)}${counted ? ', counted' : ''})`));
    row.addEventListener('click', () => this.session.focusNotes([link.from, link.to]));
    return row;
  }

  /**
   * One pair with its Confirm / Reject buttons (when the host can record answers).
   * @param {string} from
   * @param {string} to
   * @param {string} label
   */
  pairRow(from, to, label) {
    const row = el('div', { className: 'cf-pair' }, [el('span', { text: label })]);
    row.dataset.from = from;
    row.dataset.to = to;
    const { confirmLink, rejectLink } = this.session;
    /** @param {string} text @param {string} className @param {(from: string, to: string) => any} act */
    const add = (text, className, act) => {
      const button = /** @type {HTMLButtonElement} */ (el('button', { className, text, title: `${text}: '${from}' → '${to}'` }));
      button.type = 'button';
      button.dataset.from = from;
      button.dataset.to = to;
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        act.call(this.session, from, to);
      });
      row.appendChild(button);
    };
    if (confirmLink) add('Confirm', 'cf-confirm', confirmLink);
    if (rejectLink) add('Reject', 'cf-reject', rejectLink);
    return row;
  }

  /**
   * The warnings; a gap or orphan the facilitator stated (`unlinked`) can be
   * reopened, which makes it a question again.
   * @param {any[]} warnings @param {string[]} [unlinked]
   */
  warningsView(warnings, unlinked = []) {
    const box = el('section', { className: 'cf-warnings' });
    box.appendChild(el('h3', { text: `Warnings (${warnings.length})` }));
    for (const warning of warnings) {
      const row = el('div', { className: 'cf-warning' }, [
        el('span', { className: `sev ${warning.severity}`, text: warning.severity }),
        el('span', { text: `${warning.code}: ${warning.message}` }),
      ]);
      row.dataset.code = warning.code;
      row.addEventListener('click', () => this.session.focusNotes(warning.notes));
      const note = warning.notes?.[0];
      if (STATED_BY_ANSWER.has(warning.code) && unlinked.includes(note) && this.session.reopen) {
        row.appendChild(el('span', { className: 'cf-stated', text: ' (your answer)' }));
        row.appendChild(this.noteAnswerButton(note, 'Reopen', 'cf-reopen', this.session.reopen));
      }
      box.appendChild(row);
    }
    return box;
  }
}

/**
 * The questions in the order a facilitator with little time should answer
 * them: canvas by canvas, first where a note's section is open (everything
 * else about it depends on that), then by how much of the fit the answer can
 * move: the priority weight of the pain or gain asked about, or for a
 * reliever or creator the heaviest row it may answer. Ties keep the report's
 * order.
 * @param {any[]} questions @param {any[]} canvases the report's
 */
export function byImpact(questions, canvases) {
  /** @type {Map<string, number>} */
  const weight = new Map();
  /** @type {Map<string, number>} */
  const canvasOrder = new Map();
  (canvases ?? []).forEach((/** @type {any} */ canvas, /** @type {number} */ i) => {
    canvasOrder.set(canvas.id, i);
    for (const row of [...(canvas.fit?.pains_detail ?? []), ...(canvas.fit?.gains_detail ?? [])]) weight.set(row.note, row.weight ?? 0);
  });
  /** @param {any} question */
  const impact = (question) => {
    if (question.code === 'which-section') return 2;  // above any weight (at most 1)
    const own = weight.get(question.notes?.[0]);
    if (own !== undefined) return own;
    return Math.max(0, ...(question.candidates ?? []).map((/** @type {string} */ id) => weight.get(id) ?? 0));
  };
  return questions
    .map((question, index) => ({ question, index, canvas: canvasOrder.get(question.canvas) ?? canvasOrder.size, impact: impact(question) }))
    .sort((a, b) => a.canvas - b.canvas || b.impact - a.impact || a.index - b.index)
    .map((entry) => entry.question);
}

/**
 * The questions and suggestions the panel lists, each pair offered once. The
 * candidates of a question about a pain or gain (`is-addressed`: suggested
 * links; `what-addresses`: the canvas's relievers or creators) are
 * answered in that question's row (Confirm / Reject per candidate), so a
 * suggestion among them is not listed again among the suggested links, and a
 * `what-does-it-address` question whose every candidate pair is offered there
 * asks nothing new (once those rows are answered, a reliever still free is
 * asked about again, with nothing left to offer). The report keeps every
 * question: the board's "?" marks say, note by note, what is open.
 * @param {any[]} questions @param {any[]} suggested
 */
export function withoutRepeats(questions, suggested) {
  /** @param {string} from @param {string} to */
  const pair = (from, to) => `${from}\u0000${to}`;
  const offered = new Set();
  for (const question of questions) {
    if (!PAIR_QUESTIONS.has(question.code)) continue;
    for (const candidate of question.candidates ?? []) offered.add(pair(candidate, question.notes?.[0]));
  }
  const repeats = (/** @type {any} */ question) => question.code === 'what-does-it-address'
    && (question.candidates ?? []).length > 0
    && question.candidates.every((/** @type {string} */ to) => offered.has(pair(question.notes?.[0], to)));
  return {
    questions: questions.filter((question) => !repeats(question)),
    suggested: suggested.filter((link) => !offered.has(pair(link.from, link.to))),
  };
}

/**
 * Makes `parent`'s children `nodes`, touching only those that differ: taking
 * a large list out of the page and putting it back costs as much as drawing
 * it, so views kept from the last report stay where they are.
 * @param {HTMLElement} parent @param {HTMLElement[]} nodes
 */
function setChildren(parent, nodes) {
  const current = [...parent.children];
  const inPlace = current.length === nodes.length && nodes.every((node, i) => node === current[i] || !current.includes(node));
  if (!inPlace) {
    parent.replaceChildren(...nodes);
    return;
  }
  nodes.forEach((node, i) => {
    if (node !== current[i]) parent.replaceChild(node, current[i]);
  });
}

/**
 * The verdict as sure as the fit is (docs/report.md, `fit.verdict_range`):
 * the band when the answers cannot change it; the bands they decide between,
 * in a neutral colour ('open'), when they can.
 * @param {any} fit
 * @returns {{ words: string, band: string }}
 */
export function verdictWords(fit) {
  const verdict = fit.verdict ?? 'no score';
  const [low, high] = Array.isArray(fit.verdict_range) ? fit.verdict_range : [verdict, verdict];
  if (low === high) return { words: verdict, band: verdict };
  const joint = low === 'weak' && high === 'strong' ? ' to ' : ' or ';
  return { words: `${low}${joint}${high}: open questions decide`, band: 'open' };
}

/**
 * How much of the fit is decided and confirmed, in words; '' when the report
 * has no certainty figures (or nothing to say).
 * @param {any} fit
 */
export function certaintyWords(fit) {
  const parts = [];
  const undecided = typeof fit.undecided === 'number' ? fit.undecided : 0;
  const unconfirmed = typeof fit.unconfirmed === 'number' ? fit.unconfirmed : 0;
  if (undecided > 0) {
    parts.push(`${percent(undecided)} of the profile's weight is an open question, counted at the rate such questions turn out to be addressed: answer the questions below.`);
    const [low, high] = Array.isArray(fit.range) ? fit.range : [null, null];
    if (typeof low === 'number' && typeof high === 'number' && percent(low) !== percent(high)) {
      parts.push(`Answered, the fit lies between ${percent(low)} and ${percent(high)}.`);
    }
  }
  if (unconfirmed > 0) {
    parts.push(`${percent(unconfirmed)} of the score rests on links CanvasFit read from the wording or on open questions, not yet confirmed by the team.`);
  }
  if (parts.length === 0 && (typeof fit.undecided === 'number' || typeof fit.unconfirmed === 'number') && fit.overall !== null) {
    parts.push('Every row of the score is decided, and it rests on links the team drew or confirmed.');
  }
  return parts.join(' ');
}

/**
 * @param {string} name
 * @param {string} text
 * @param {string} type
 */
function browserDownload(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

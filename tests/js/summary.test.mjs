// The one-page summary through the wasm package (render 'html', the same
// bytes as the CLI's --format html) and the shared panel's Summary view: a
// sandboxed iframe without scripts showing the page as srcdoc, refreshed on
// each analysis while open, and "Export summary" downloading the same page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Panel } from '../../plugin/core-shell/panel.js';
import { ExcalidrawSession } from '../../plugin/excalidraw/session.js';
import { FakeExcalidrawHost, fakeExcalidrawLib } from './fault-kit.mjs';
import { installMiniDom } from './mini-dom.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createCanvasFit, CanvasFitError } = await import(path.join(root, 'build/wasm/package/canvasfit.js'));
const canvasfit = await createCanvasFit();

for (const example of ['cafe-canvas.excalidraw', 'two-canvases.excalidraw']) {
  test(`render(board, options, 'html') of ${example} is the checked-in page, as the CLI writes it`, () => {
    const board = readFileSync(path.join(root, 'examples', example), 'utf8');
    const html = canvasfit.render(board, { source: example }, 'html');
    assert.equal(html, readFileSync(path.join(root, 'examples/summaries', `${example}.html`), 'utf8'));
    const cli = execFileSync(path.join(root, 'build/native/canvasfit'), ['analyze', path.join('examples', example), '--format', 'html'],
      { cwd: root, encoding: 'utf8' });
    assert.equal(html, cli);
  });
}

test('an unknown render format is refused with the formats it takes', () => {
  assert.throws(() => canvasfit.render('{"schema":"canvasfit.board/1","notes":[]}', {}, 'svg'),
    (error) => error instanceof CanvasFitError && /text, markdown or html/.test(error.reason));
});

function panelOnCafe() {
  const elements = JSON.parse(readFileSync(path.join(root, 'examples/cafe-canvas.excalidraw'), 'utf8')).elements;
  const host = new FakeExcalidrawHost(structuredClone(elements));
  const session = new ExcalidrawSession(host, canvasfit, fakeExcalidrawLib());
  const rootNode = installMiniDom();
  const downloads = [];
  const panel = new Panel(rootNode, session, { download: (name, text, type) => downloads.push({ name, text, type }) });
  session.onReport = (report) => panel.showReport(report);
  return { session, panel, rootNode, downloads };
}

test('the Summary view shows the page in a sandboxed iframe, refreshed on each analysis while it is open', async () => {
  const { session, panel, rootNode } = panelOnCafe();
  const [summaryTab] = rootNode.query('#cf-view-summary');
  summaryTab.click();
  assert.equal(panel.body.hidden, true);
  assert.equal(panel.summary.hidden, false);
  assert.match(panel.summary.textContent, /Press Analyse/);
  assert.equal(rootNode.query('iframe').length, 0);

  await session.analyse();
  const [frame] = rootNode.query('iframe');
  assert.ok(frame, 'the summary is drawn after Analyse');
  assert.equal(frame.getAttribute('sandbox'), '', 'sandboxed, and no allow-scripts');
  assert.match(frame.srcdoc, /^<!doctype html>/);
  assert.match(frame.srcdoc, /<svg class="fit-matrix"/);
  assert.doesNotMatch(frame.srcdoc, /<script/);

  rootNode.query('#cf-view-details')[0].click();
  assert.equal(panel.body.hidden, false);
  assert.equal(panel.summary.hidden, true);
  assert.equal(rootNode.query('#cf-view-details')[0].getAttribute('aria-selected'), 'true');
});

test('the summary follows the board: an edit shows in the next analysis', async () => {
  const { session, rootNode } = panelOnCafe();
  await session.analyse();
  rootNode.query('#cf-view-summary')[0].click();
  const before = rootNode.query('iframe')[0].srcdoc;
  const text = session.api.scene.find((element) => element.type === 'text' && /Phone orders get lost/.test(element.text));
  text.text = '<img src=x onerror=alert(1)> Phone orders & "walk-ins"';
  text.originalText = text.text;
  text.version += 1;
  await session.analyse();
  const after = rootNode.query('iframe')[0].srcdoc;
  assert.notEqual(after, before);
  assert.match(after, /&lt;img src=x onerror=alert\(1\)&gt; Phone orders &amp; &quot;walk-ins&quot;/);
  assert.doesNotMatch(after, /<img/);
});

test('Export summary downloads the same page as an .html file', async () => {
  const { session, rootNode, downloads } = panelOnCafe();
  await session.analyse();
  rootNode.query('#cf-export-summary')[0].click();
  assert.equal(downloads.length, 1);
  assert.equal(downloads[0].name, 'canvasfit-summary.html');
  assert.equal(downloads[0].type, 'text/html');
  assert.equal(downloads[0].text, session.exportReport('html'));
  assert.match(downloads[0].text, /<svg class="fit-matrix"/);
});

test('the stylesheet hash the Miro policy and docs/summary.md give is the page\'s', async () => {
  const { createHash } = await import('node:crypto');
  const html = readFileSync(path.join(root, 'examples/summaries/cafe-canvas.excalidraw.html'), 'utf8');
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  assert.equal(styles.length, 1);
  const hash = `sha256-${createHash('sha256').update(styles[0][1], 'utf8').digest('base64')}`;
  for (const file of ['scripts/serve-miro.mjs', 'docs/summary.md']) {
    assert.ok(readFileSync(path.join(root, file), 'utf8').includes(`'${hash}'`), `${file} allows '${hash}'`);
  }
});

test('the CLI writes markup in a note as text: no element comes from it', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"> ]]> "quoted" \'single\' & co';
  const board = {
    schema: 'canvasfit.board/1',
    containers: [
      { id: 'f-pains', title: 'Pains', x: 0, y: 0, width: 400, height: 300, kind: 'frame' },
      { id: 'f-rel', title: 'Pain relievers', x: 500, y: 0, width: 400, height: 300, kind: 'frame' },
    ],
    notes: [
      { id: 'p1', text: hostile, x: 20, y: 20, parent: 'f-pains' },
      { id: 'r1', text: `Fix: ${hostile}`, x: 520, y: 20, parent: 'f-rel' },
    ],
    connectors: [{ id: 'c1', from: 'r1', to: 'p1' }],
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'canvasfit-')), '<i>board"&.json');
  writeFileSync(file, JSON.stringify(board));
  const html = execFileSync(path.join(root, 'build/native/canvasfit'), ['analyze', file, '--format', 'html'], { encoding: 'utf8' });
  assert.doesNotMatch(html, /<script|<img|<i>|]]>|onerror="/);
  const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt; ]]&gt; &quot;quoted&quot; &#39;single&#39; &amp; co';
  assert.ok(html.split(escaped).length - 1 >= 4, 'in the row, its title, the mark, the top list');
  assert.ok(html.includes('<title>CanvasFit summary: &lt;i&gt;board&quot;&amp;.json</title>'), 'the file name is text too');
  assert.equal(html, canvasfit.render(board, { source: '<i>board"&.json' }, 'html'), 'the wasm package writes the same page');
});

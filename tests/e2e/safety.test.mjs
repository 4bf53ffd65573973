// Browser safety of the demo whiteboard and the CanvasFit panel in Chromium,
// beyond tests/e2e/excalidraw.test.mjs: the Content-Security-Policy is sent
// with every response and enforced (no eval, no inline script, wasm allowed),
// nothing reaches another origin (a second local server records every
// request), hostile note text reaches the panel only as text (via warnings,
// the segment and coverage lists too), 100 Analyse runs leave one set of
// marks, and the adapter survives a failing host and a concurrent user edit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launchBrowser, openDemo } from './browser.mjs';
import { CONTENT_SECURITY_POLICY } from '../../scripts/serve-demo.mjs';

let browser;
let demo;
let outside;
const outsideRequests = [];

before(async () => {
  // Another origin (another port) that logs whatever reaches it.
  outside = http.createServer((request, response) => {
    outsideRequests.push(request.url);
    response.end('x');
  });
  await new Promise((resolve) => outside.listen(0, '127.0.0.1', resolve));
  browser = await launchBrowser();
  demo = await openDemo(browser);
});

after(async () => {
  await browser?.close();
  demo?.server.close();
  outside?.close();
});

const outsideUrl = () => `http://127.0.0.1:${outside.address().port}`;

/** The user's view of the scene: ids, text and the styles CanvasFit may touch. */
function snapshot(page) {
  return page.evaluate(() => window.canvasfitDemo.session.api.getSceneElements().map((e) => ({
    id: e.id, text: e.text ?? null, strokeColor: e.strokeColor, strokeWidth: e.strokeWidth,
    strokeStyle: e.strokeStyle, backgroundColor: e.backgroundColor, customData: e.customData ?? null,
  })).sort((a, b) => (a.id < b.id ? -1 : 1)));
}

const marks = (scene) => ({
  created: scene.filter((e) => e.customData?.canvasfit?.created).length,
  highlighted: scene.filter((e) => e.customData?.canvasfit && !e.customData.canvasfit.created).map((e) => e.id),
});

test('every response carries the strict policy: no unsafe-eval, scripts from self and wasm only', async () => {
  const policy = CONTENT_SECURITY_POLICY;
  assert.doesNotMatch(policy, /'unsafe-eval'/);
  const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'");
  assert.match(policy, /object-src 'none'/);
  assert.match(policy, /frame-ancestors 'none'/);
  const page = await browser.newPage();
  const headers = [];
  page.on('response', async (response) => {
    if (response.url().startsWith(demo.url)) headers.push([response.url(), await response.headerValue('content-security-policy')]);
  });
  await page.goto(demo.url);
  await page.waitForFunction(() => window.canvasfitDemo?.ready === true, null, { timeout: 30000 });
  await page.close();
  assert.ok(headers.some(([url]) => url.endsWith('.js')), 'scripts were loaded');
  for (const [url, value] of headers) assert.equal(value, CONTENT_SECURITY_POLICY, url);
});

test('the policy is enforced: eval, new Function and inline scripts are blocked, WebAssembly runs', async () => {
  const { page } = demo;
  // DevTools evaluation may eval despite the policy, so the probe runs later,
  // from a timer of the page's own, where the page's policy applies.
  await page.evaluate(() => setTimeout(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    const attempt = (run) => { try { run(); return 'ran'; } catch (error) { return error.name; } };
    const evalResult = attempt(() => eval('window.__evaluated = 1'));
    const functionResult = attempt(() => new Function('window.__functioned = 1')());
    const timerString = attempt(() => setTimeout('window.__timed = 1', 0));
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.appendChild(script);
    const handler = document.createElement('div');
    handler.setAttribute('onclick', 'window.__handler = 1');
    document.body.appendChild(handler);
    handler.click();
    // The smallest valid module: WebAssembly itself stays allowed ('wasm-unsafe-eval').
    const wasm = await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => 'compiled', (e) => e.name);
    await new Promise((resolve) => setTimeout(resolve, 100));
    window.__cspProbe = {
      evalResult, functionResult, timerString, wasm, violations,
      ran: [window.__evaluated, window.__functioned, window.__timed, window.__inline, window.__handler],
    };
  }, 0));
  await page.waitForFunction(() => window.__cspProbe !== undefined);
  const outcome = await page.evaluate(() => window.__cspProbe);
  assert.equal(outcome.evalResult, 'EvalError');
  assert.equal(outcome.functionResult, 'EvalError');
  assert.deepEqual(outcome.ran, [undefined, undefined, undefined, undefined, undefined]);
  assert.equal(outcome.wasm, 'compiled');
  assert.ok(outcome.violations.includes('script-src-elem') || outcome.violations.includes('script-src'),
    `violations: ${outcome.violations}`);
});

test('nothing the page tries reaches another origin', async () => {
  const { page } = demo;
  const target = outsideUrl();
  await page.evaluate(async (base) => {
    const tries = [
      () => fetch(`${base}/fetch`).catch(() => {}),
      () => { new Image().src = `${base}/image`; },
      () => navigator.sendBeacon(`${base}/beacon`, 'x'),
      () => { try { new WebSocket(`${base.replace('http', 'ws')}/socket`); } catch { /* blocked */ } },
      () => import(/* @vite-ignore */ `${base}/module.js`).catch(() => {}),
      () => { const link = document.createElement('link'); link.rel = 'stylesheet'; link.href = `${base}/style.css`; document.head.appendChild(link); },
      () => { const frame = document.createElement('iframe'); frame.src = `${base}/frame`; document.body.appendChild(frame); },
    ];
    for (const attempt of tries) { try { await attempt(); } catch { /* blocked */ } }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }, target);
  assert.deepEqual(outsideRequests, [], 'the other origin received nothing');
  const origin = new URL(demo.url).origin;
  assert.deepEqual(demo.responses.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')), []);
});

test('Analyse 100 times in the real page leaves exactly one set of marks, and Clear restores the board', async () => {
  const { page } = demo;
  await page.click('#cf-clear');
  const pristine = await snapshot(page);
  await page.evaluate(() => window.canvasfitDemo.session.analyse());
  const once = marks(await snapshot(page));
  assert.ok(once.created > 0 && once.highlighted.length > 0);
  const count = await page.evaluate(() => {
    const { session } = window.canvasfitDemo;
    const start = session.analyses;
    for (let i = 0; i < 99; i++) session.analyse();
    return session.analyses - start;
  });
  assert.equal(count, 99);
  const hundred = await snapshot(page);
  assert.deepEqual(marks(hundred), once);
  assert.equal(hundred.length, pristine.length + once.created);
  await page.click('#cf-clear');
  assert.deepEqual(await snapshot(page), pristine);
});

test('a failing host call during Analyse leaves the board unchanged and says so in the panel', async () => {
  const { page } = demo;
  const pristine = await snapshot(page);
  await page.evaluate(() => {
    const { api } = window.canvasfitDemo.session;
    const real = api.updateScene;
    api.updateScene = () => { api.updateScene = real; throw new Error('host unavailable'); };
  });
  await page.click('#cf-analyse');
  assert.match(await page.textContent('.cf-status.error'), /could not update the board \(host unavailable\)/);
  assert.deepEqual(await snapshot(page), pristine);
  await page.click('#cf-analyse');
  await page.waitForFunction(() => window.canvasfitDemo.session.report !== null && !document.querySelector('.cf-status.error'));
  assert.ok(marks(await snapshot(page)).created > 0);
  await page.click('#cf-clear');
});

test('a note the user recolours while a patch is prepared keeps the colour and gets no stale mark', async () => {
  const { page } = demo;
  const result = await page.evaluate(() => {
    const { session } = window.canvasfitDemo;
    const { api, lib } = session;
    const real = api.getSceneElementsIncludingDeleted.bind(api);
    let calls = 0;
    api.getSceneElementsIncludingDeleted = () => {
      calls += 1;
      if (calls === 2) {  // between the read for the analysis and the write
        api.updateScene({ elements: real().map((e) => (e.id === 'pains-1' ? lib.newElementWith(e, { strokeColor: '#0000ff' }) : e)) });
      }
      return real();
    };
    try {
      session.analyse();
    } finally {
      api.getSceneElementsIncludingDeleted = real;
    }
    const note = real().find((e) => e.id === 'pains-1');
    return { color: note.strokeColor, marked: Boolean(note.customData?.canvasfit), changed: session.changedDuringAnalysis };
  });
  assert.deepEqual(result, { color: '#0000ff', marked: false, changed: ['pains-1'] });
  await page.click('#cf-clear');
  const cleared = (await snapshot(page)).find((e) => e.id === 'pains-1');
  assert.equal(cleared.strokeColor, '#0000ff');
});

test('hostile text in segment, pain and frame title reaches the panel only as text', async () => {
  const { page } = demo;
  const payloads = [
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=2"></svg>',
    '<script>window.__pwned=3</script>',
    '"><iframe src="javascript:window.__pwned=4">',
  ];
  await page.evaluate((texts) => {
    const { api, lib } = window.canvasfitDemo.session;
    const scene = api.getSceneElementsIncludingDeleted();
    const frame = (id) => scene.find((e) => e.id === id);
    const inside = (id, k) => ({ x: frame(id).x + 20 + k * 10, y: frame(id).y + frame(id).height - 190 + k * 5 });
    const hostile = lib.convertToExcalidrawElements([
      { type: 'rectangle', id: 'hostile-segment', ...inside('frame-segment', 0), width: 150, height: 80, label: { text: `${texts[0]} café owners` } },
      { type: 'rectangle', id: 'hostile-pain', ...inside('frame-pains', 0), width: 150, height: 80, label: { text: `${texts[1]} ${texts[2]} orders lost` } },
    ], { regenerateIds: false });
    const renamed = scene.map((e) => (e.id === 'frame-gains' ? lib.newElementWith(e, { name: `Gains ${texts[3]}` }) : e));
    api.updateScene({ elements: [...renamed, ...hostile] });
  }, payloads);
  await page.click('#cf-analyse');
  await page.waitForFunction(() => window.canvasfitDemo.session.report?.notes.some((n) => n.id === 'hostile-pain'));
  const report = await page.evaluate(() => window.canvasfitDemo.session.report);
  const pain = report.notes.find((n) => n.id === 'hostile-pain');
  assert.equal(pain.section, 'pains', 'the hostile pain is analysed as a pain');
  assert.ok([...report.warnings, ...(report.questions ?? [])].some((w) => w.message.includes('<svg')), 'a warning or a question quotes the hostile text');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#panel img, #panel svg, #panel script, #panel iframe').count(), 0);
  const panelText = await page.textContent('#panel');
  assert.ok(panelText.includes('<svg onload='), 'the text is shown as written');
  // Clicking the warnings that quote it runs no handler either.
  const rows = page.locator('.cf-warning, .cf-question', { hasText: '<svg' });
  for (let i = 0; i < await rows.count(); i++) await rows.nth(i).click();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

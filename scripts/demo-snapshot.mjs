// Opens the demo whiteboard in headless Chromium, analyses the board as the
// panel's Analyse does, prints the fit per canvas and saves a screenshot.
//   node scripts/demo-snapshot.mjs OUTPUT.png
import { launchBrowser, openDemo } from '../tests/e2e/browser.mjs';
import { verdictWords } from '../plugin/core-shell/panel.js';

const output = process.argv[2] ?? 'build/demo-analysed.png';
const browser = await launchBrowser();
const { page, server } = await openDemo(browser);
try {
  // What the panel's Analyse does, through the page's automation hook (docs/demo.md).
  const report = await page.evaluate(() => window.canvasfitDemo.analyze());
  for (const canvas of report.canvases) {
    // As the panel says it: a band only when the open questions cannot change it.
    const fit = canvas.fit.overall === null ? 'no score' : `${Math.round(canvas.fit.overall * 100)} % (${verdictWords(canvas.fit).words})`;
    console.log(`demo page: ${canvas.id} fit ${fit}, ${report.warnings.length} warnings written onto the board`);
  }
  await page.screenshot({ path: output });
  console.log(`demo page: screenshot saved to ${output}`);
} finally {
  await browser.close();
  server.close();
}

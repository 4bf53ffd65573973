// Shared set-up for browser tests: the machine's Chromium driven by
// playwright-core (never a downloaded browser), and the demo server.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../../scripts/serve-demo.mjs';

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

/**
 * Opens the demo page and waits until CanvasFit is ready. Records every
 * request the page makes and every error it logs.
 */
export async function openDemo(browser) {
  const { server, url } = await startDemoServer(0);
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  const requests = [];
  const errors = [];
  const responses = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => responses.push(response.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.canvasfitDemo?.ready === true, null, { timeout: 30000 });
  return { page, server, url, requests, responses, errors };
}

/**
 * The demo page shared by the tests of one file: opened before them, closed
 * after. The returned object is filled in when the page is ready
 * ({page, server, url, requests, responses, errors}).
 */
export function demoPageForTheseTests() {
  const demo = {};
  let browser;
  before(async () => {
    browser = await launchBrowser();
    Object.assign(demo, await openDemo(browser));
  });
  after(async () => {
    await browser?.close();
    demo.server?.close();
  });
  return demo;
}

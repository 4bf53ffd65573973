// The browser benchmark: the demo page (build/demo) in the machine's Chromium,
// driven through its automation hook window.canvasfitDemo (demo/hook.js, docs/demo.md).
// Measures compiling and instantiating the product's .wasm, canvasfit.analyze
// on the benchmark boards, and one session.analyse() round trip on the demo
// board (scene -> board -> analysis -> patch -> scene).
import { launchBrowser, openDemo } from '../tests/e2e/browser.mjs';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

/**
 * @param {{ wasm: Uint8Array, boards: {name: string, text: string}[], reps: number }} job
 */
export async function runBrowserBench({ wasm, boards, reps }) {
  const browser = await launchBrowser();
  const { page, server } = await openDemo(browser);
  try {
    const result = { compile_instantiate_ms: [], analyze: {}, session_analyse_ms: [] };
    // V8 caches compiled modules by their bytes, so each run gets a module
    // made unique by a custom section: every figure is a cold compile.
    result.compile_instantiate_ms = await page.evaluate(async ({ base64, reps }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const stub = (module) => {
        const imports = {};
        for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
          imports[from] ??= {};
          imports[from][name] = kind === 'function' ? () => 0
            : kind === 'memory' ? new WebAssembly.Memory({ initial: 256, maximum: 32768 })
            : kind === 'table' ? new WebAssembly.Table({ initial: 4096, element: 'anyfunc' })
            : new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
        }
        return imports;
      };
      const times = [];
      for (let run = 0; run < reps; run += 1) {
        const name = new TextEncoder().encode(`bench-${run}-${Math.random()}`);
        const unique = new Uint8Array(bytes.length + 3 + name.length);
        unique.set(bytes);
        // A custom section: id 0, size, name length, name (all under 128 bytes).
        unique.set([0, name.length + 1, name.length, ...name], bytes.length);
        const start = performance.now();
        const module = await WebAssembly.compile(unique);
        await WebAssembly.instantiate(module, stub(module));
        times.push(performance.now() - start);
      }
      return times;
    }, { base64: Buffer.from(wasm).toString('base64'), reps });

    for (const board of boards) {
      result.analyze[board.name] = await page.evaluate(({ text, reps }) => {
        const { canvasfit } = window.canvasfitDemo;
        canvasfit.analyze(text);  // warm-up: tier-up of the hot functions
        const times = [];
        for (let run = 0; run < reps; run += 1) {
          const start = performance.now();
          canvasfit.analyze(text);
          times.push(performance.now() - start);
        }
        return times;
      }, { text: board.text, reps });
    }

    result.session_analyse_ms = await page.evaluate((reps) => {
      const { session } = window.canvasfitDemo;
      session.analyse();
      const times = [];
      for (let run = 0; run < reps; run += 1) {
        const start = performance.now();
        session.analyse();
        times.push(performance.now() - start);
      }
      return times;
    }, reps);
    result.user_agent = await page.evaluate(() => navigator.userAgent);
    return {
      user_agent: result.user_agent,
      compile_instantiate_ms: median(result.compile_instantiate_ms),
      compile_instantiate_first_ms: result.compile_instantiate_ms[0],
      analyze_ms: Object.fromEntries(Object.entries(result.analyze).map(([k, v]) => [k, median(v)])),
      session_analyse_ms: median(result.session_analyse_ms),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

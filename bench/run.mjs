// Runs every benchmark and prints the tables of bench/README.md.
//   node bench/run.mjs [--short] [--reps N] [--no-browser]
// scripts/bench.sh builds what this needs first; run that instead.
//
// Native: build/native/bench/canvasfit_bench (Google Benchmark) and the CLI.
// Wasm: build/wasm/bench/canvasfit_bench.js (stages, incremental) and the
// product package build/wasm/package (end to end, memory, size), both in this
// Node process, with the peer linking pipeline (bench/peer_linker.mjs).
// Browser: the demo page in Chromium (bench/browser_bench.mjs).
// Results: build/bench/results.json and build/bench/results.md.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { peerLinks, scoreLinks, f1Of, addTally, tunePeer } from './peer_linker.mjs';
import { boardEdits, sentBoard } from '../plugin/core-shell/live.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const SHORT = args.includes('--short');
const REPS = Number(args[args.indexOf('--reps') + 1]) || (SHORT ? 3 : 5);
const BROWSER = !args.includes('--no-browser');
const NATIVE = process.env.CANVASFIT_NATIVE_BUILD ?? path.join(ROOT, 'build/native');
const WASM = process.env.CANVASFIT_WASM_BUILD ?? path.join(ROOT, 'build/wasm');
const OUT = path.join(ROOT, 'build/bench');
const BOARDS = path.join(OUT, 'boards');
const SIZES = SHORT ? [100, 1000] : [100, 1000, 10000, 50000];
const SINGLE = SHORT ? 1000 : 10000;
// A 50,000-note Excalidraw export is ~115 MB, over the documented 64 MB input
// limit (docs/limits.md): that one is not written or run.
const FORMATS = { canvasfit: '.canvasfit.json', excalidraw: '.excalidraw', miro: '.miro.json' };
const skipFormat = (size, format) => format === 'excalidraw' && size > 10000;

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};
const started = performance.now();
const log = (...parts) => console.error(`bench [${((performance.now() - started) / 1000).toFixed(0)} s]:`, ...parts);

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return result.stdout;
}

function boardPath(name, format) { return path.join(BOARDS, name + FORMATS[format]); }
const isBig = (file) => /notes-50000/.test(file);

// ---------------------------------------------------------------- boards

function makeBoards() {
  log('writing boards into', path.relative(ROOT, BOARDS));
  run('python3', [path.join(ROOT, 'bench/make_boards.py'), '--out', BOARDS, '--sizes', SIZES.join(','),
    '--single', String(SINGLE)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const names = [...SIZES.map((n) => `notes-${n}`), `single-${SINGLE}`];
  const manifest = JSON.parse(readFileSync(path.join(BOARDS, 'manifest.json'), 'utf8'));
  return names.map((name) => ({ name, ...manifest.boards[name] }));
}

// Live on the demo page is timed on one 2,000-note Excalidraw board (issue 14).
const LIVE_NOTES = SHORT ? 200 : 2000;
function liveBoard() {
  const folder = path.join(BOARDS, 'live');
  run('python3', [path.join(ROOT, 'bench/make_boards.py'), '--out', folder, '--sizes', String(LIVE_NOTES),
    '--single', '0', '--formats', 'excalidraw'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const name = `notes-${LIVE_NOTES}.excalidraw`;
  return { name, text: readFileSync(path.join(folder, name), 'utf8') };
}

// ---------------------------------------------------------------- native

function nativeBench(boards) {
  const binary = path.join(NATIVE, 'bench/canvasfit_bench');
  const files = [];
  for (const board of boards) {
    for (const format of Object.keys(FORMATS)) {
      if (!skipFormat(board.notes, format)) files.push(boardPath(board.name, format));
    }
  }
  // The 50,000-note boards take seconds a run: three runs each keep the whole under ten minutes.
  const figures = {};  // "stage/read/notes-100.canvasfit.json" -> {real, cpu}
  const groups = [[files.filter((f) => !isBig(f)), REPS], [files.filter(isBig), Math.min(REPS, 3)]];
  for (const [group, reps] of groups) {
    if (group.length === 0) continue;
    const out = path.join(OUT, 'native.json');
    log(`native: ${group.length} board files, ${reps} repetitions`);
    run(binary, [...group.map((f) => `--board=${f}`), `--benchmark_repetitions=${reps}`,
      '--benchmark_min_time=0.05', '--benchmark_report_aggregates_only=true',
      `--benchmark_out=${out}`, '--benchmark_out_format=json'], { stdio: ['ignore', 'ignore', 'inherit'] });
    for (const entry of JSON.parse(readFileSync(out, 'utf8')).benchmarks) {
      if (entry.aggregate_name !== 'median') continue;
      figures[entry.run_name] = { real: entry.real_time, cpu: entry.cpu_time };
    }
  }
  const memory = {};
  for (const board of boards) {
    for (const format of ['canvasfit', 'excalidraw']) {
      if (skipFormat(board.notes, format)) continue;
      const file = boardPath(board.name, format);
      memory[path.basename(file)] = JSON.parse(run(binary, [`--memory=${file}`]));
    }
  }
  return { figures, memory };
}

// The CLI against the Python script that only sorts notes, on the same file.
function cliVersusPython(board) {
  const file = boardPath(board.name, 'excalidraw');
  const timeOf = (command, commandArgs) => {
    const times = [];
    for (let i = 0; i < REPS; i += 1) {
      const start = performance.now();
      run(command, commandArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
      times.push(performance.now() - start);
    }
    return median(times);
  };
  log('CLI and Python baseline on', path.basename(file));
  return {
    board: path.basename(file),
    bytes: readFileSync(file).length,
    cli_ms: timeOf(path.join(NATIVE, 'canvasfit'), ['analyze', file]),
    python_ms: timeOf('python3', [path.join(ROOT, 'bench/sort_notes.py'), file]),
  };
}

// ---------------------------------------------------------------- wasm

function wasmSize() {
  const moduleText = readFileSync(path.join(WASM, 'package/canvasfit_core.mjs'), 'utf8');
  const base64 = moduleText.match(/data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/)[1];
  const bytes = Buffer.from(base64, 'base64');
  return {
    bytes,
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    package_mjs_gzip: zlib.gzipSync(Buffer.from(moduleText), { level: 9 }).length,
  };
}

async function loadWasm() {
  const require = createRequire(import.meta.url);
  const benchDir = path.join(WASM, 'bench');
  const createBenchModule = require(path.join(benchDir, 'canvasfit_bench.js'));
  const bench = await createBenchModule({ wasmBinary: readFileSync(path.join(benchDir, 'canvasfit_bench.wasm')) });
  const pkg = await import(pathToFileURL(path.join(WASM, 'package/canvasfit.js')));
  const core = await import(pathToFileURL(path.join(WASM, 'package/canvasfit_core.mjs')));
  const { buildPatch } = await import(pathToFileURL(path.join(ROOT, 'plugin/core-shell/patch.js')));
  return { bench, canvasfit: await pkg.createCanvasFit(), createCore: core.default, buildPatch };
}

function timeRuns(reps, step) {
  const wall = [], cpu = [];
  for (let i = 0; i < reps; i += 1) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    step(i);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function wasmStages(wasm, text, reps) {
  const runs = [];
  for (let i = 0; i < reps; i += 1) runs.push(JSON.parse(wasm.bench.stages(text)));
  const stages = {};
  for (const key of Object.keys(runs[0])) stages[key] = median(runs.map((r) => r[key]));
  return stages;
}

// Live on an Excalidraw scene through the package, as the plugin asks: one
// bound text in the middle of the scene reworded back and forth, handed over
// alone (updateElements, what the plugin does) or with the whole scene's text
// (update, what it did before; its text made once, outside the clock).
function liveEditsInWasm(wasm, text, reps) {
  const scene = JSON.parse(text);
  const texts = scene.elements.filter((e) => e.type === 'text' && e.containerId);
  const target = texts[Math.floor(texts.length / 2)];
  const versions = [target, { ...target, text: `Faster: ${target.text}`, originalText: `Faster: ${target.originalText}` }];
  const edits = versions.map((element) => JSON.stringify({ upsert: [element] }));
  const scenes = versions.map((element) => JSON.stringify({ ...scene, elements: scene.elements.map((e) => (e === target ? element : e)) }));
  const analyzer = wasm.canvasfit.createAnalyzer(text);
  try {
    analyzer.changes();
    const rounds = 2 * reps;
    const byElement = timeRuns(rounds, (i) => analyzer.updateElements(edits[(i + 1) % 2]));
    const whole = timeRuns(rounds, (i) => analyzer.update(scenes[(i + 1) % 2]));
    return { live_elements: byElement, live_whole: whole };
  } finally {
    analyzer.dispose();
  }
}

// Live on Miro and FigJam through the package, as the shared session asks:
// one note in the middle of a canvasfit.board/1 board reworded back and
// forth, handed over alone (boardEdits + edit, what the session does; the
// compare of every note's JSON inside the clock) or as the whole board object
// (update, what it did before).
function liveNotesInWasm(wasm, text, reps) {
  const board = JSON.parse(text);
  const target = board.notes[Math.floor(board.notes.length / 2)];
  const versions = [target, { ...target, text: `Faster: ${target.text}` }];
  const boards = versions.map((note) => ({ ...board, notes: board.notes.map((n) => (n === target ? note : n)) }));
  const analyzer = wasm.canvasfit.createAnalyzer(board);
  try {
    analyzer.changes();
    const sent = sentBoard(board);
    const rounds = 2 * reps;
    const byNote = timeRuns(rounds, (i) => {
      const edits = boardEdits(sent, boards[(i + 1) % 2]);
      if (edits === null || edits === 'whole') throw new Error('the bench edit changed no note, or more than notes');
      analyzer.edit(edits);
    });
    const whole = timeRuns(rounds, (i) => analyzer.update(boards[(i + 1) % 2]));
    return { live_notes: byNote, live_board: whole };
  } finally {
    analyzer.dispose();
  }
}

async function wasmBench(wasm, boards) {
  const results = {};
  const warmUp = readFileSync(boardPath(boards[0].name, 'canvasfit'), 'utf8');
  for (let i = 0; i < 5; i += 1) wasm.bench.stages(warmUp);  // let V8 tier up the hot code
  for (const board of boards) {
    for (const format of Object.keys(FORMATS)) {
      if (skipFormat(board.notes, format)) continue;
      // Other formats differ only in reading; the 50,000-note boards take seconds a run.
      const reps = board.notes > 10000 || format !== 'canvasfit' ? Math.min(REPS, 3) : REPS;
      const file = boardPath(board.name, format);
      const text = readFileSync(file, 'utf8');
      log('wasm:', path.basename(file));
      const mismatch = wasm.bench.check(text);
      if (mismatch) throw new Error(`${path.basename(file)}: ${mismatch}`);
      const entry = { stages: wasmStages(wasm, text, reps) };
      // Wall time inside the module, and the process's CPU time around the call.
      const inWasm = [];
      entry.end_to_end_cpu = timeRuns(reps, () => inWasm.push(wasm.bench.endToEnd(text))).cpu;
      entry.end_to_end_in_wasm = median(inWasm);
      let report;
      entry.end_to_end_package = timeRuns(reps, () => { report = wasm.canvasfit.analyze(text); });
      if (format === 'excalidraw' && board.notes <= 10000) Object.assign(entry, liveEditsInWasm(wasm, text, reps));
      if (format === 'canvasfit') {
        if (board.notes <= 10000) Object.assign(entry, liveNotesInWasm(wasm, text, reps));
        entry.patch = timeRuns(reps, () => wasm.buildPatch(report)).wall;
        entry.incremental_setup = wasm.bench.incrementalSetup(text);
        const edits = [], editsJson = [], deltas = [];
        const rounds = board.notes > 10000 ? 3 : 2 * reps;
        for (let i = 0; i < rounds; i += 1) {
          edits.push(wasm.bench.incrementalEdit(false));
          editsJson.push(wasm.bench.incrementalEdit(true));
        }
        // Deltas as Live asks for them, one after the other; the first,
        // untimed, catches up with the edits above.
        wasm.bench.incrementalDelta();
        for (let i = 0; i < 2 * rounds; i += 1) deltas.push(wasm.bench.incrementalDelta());
        wasm.bench.incrementalRelease();
        entry.incremental = median(edits);
        entry.incremental_json = median(editsJson);
        entry.incremental_delta = median(deltas);
      }
      results[path.basename(file)] = entry;
    }
  }
  return results;
}

// Peak wasm memory: a fresh instance of the product module per board; wasm
// memory only grows, so its size after the analysis is the peak.
async function wasmMemory(wasm, boards) {
  const memory = {};
  for (const board of boards) {
    for (const format of ['canvasfit', 'miro']) {
      if (format === 'miro' && board.notes < 50000) continue;
      const file = boardPath(board.name, format);
      const core = await wasm.createCore();
      const reply = core.analyze(readFileSync(file, 'utf8'), '');
      memory[path.basename(file)] = {
        memory_bytes: core.HEAP8.length,
        ok: !reply.startsWith('{"schema":"canvasfit.error/1"'),
        error: reply.startsWith('{"schema":"canvasfit.error/1"') ? JSON.parse(reply).error : undefined,
      };
    }
  }
  return memory;
}

// ---------------------------------------------------------------- peer linking

function corpusBoards() {
  const dir = path.join(ROOT, 'tests/corpus/boards');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const board = JSON.parse(text);
    return { file, text, connectors: board.connectors ?? [], gold: board.gold.links };
  });
}

function notesOf(report) {
  return report.notes.map((n) => ({ id: n.id, text: n.text, canvas: n.canvas, section: n.section }));
}

function linkQuality(wasm) {
  const boards = corpusBoards().map((board) => {
    const report = wasm.canvasfit.analyze(board.text);
    return { ...board, notes: notesOf(report), ours: report.links.map((l) => ({ from: l.from, to: l.to })) };
  });
  if (boards.length === 0) return null;
  const half = Math.ceil(boards.length / 2);
  const tuning = tunePeer(boards.slice(0, half));
  const quality = {};
  for (const [label, subset] of [['tuning half', boards.slice(0, half)], ['held-out half', boards.slice(half)], ['all', boards]]) {
    let ours = { predicted: 0, gold: 0, correct: 0 }, peer = { ...ours };
    for (const board of subset) {
      ours = addTally(ours, scoreLinks(board.ours, board.gold));
      peer = addTally(peer, scoreLinks(peerLinks(board.notes, board.connectors, tuning), board.gold));
    }
    quality[label] = { ours: { ...ours, ...f1Of(ours) }, peer: { ...peer, ...f1Of(peer) } };
  }
  return { boards: boards.length, tuning, quality };
}

// Linking time on the same boards: CanvasFit's terms + link stages in wasm
// against the peer's index build + queries in JS, in this process.
function linkSpeed(wasm, boards, wasmResults, reps) {
  const tuning = { minScore: 0, topK: 3 };
  const speed = {};
  for (const board of boards) {
    const file = path.basename(boardPath(board.name, 'canvasfit'));
    const text = readFileSync(boardPath(board.name, 'canvasfit'), 'utf8');
    const report = wasm.canvasfit.analyze(text);
    const notes = notesOf(report);
    const connectors = JSON.parse(text).connectors ?? [];
    peerLinks(notes, connectors, tuning);  // warm-up
    const peer = timeRuns(board.notes > 10000 ? Math.min(reps, 3) : reps, () => peerLinks(notes, connectors, tuning));
    const stages = wasmResults[file].stages;
    speed[board.name] = { ours_ms: stages.terms + stages.link, peer_ms: peer.wall };
  }
  return speed;
}

// ---------------------------------------------------------------- report

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padStart(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`, ...rows.map(line)].join('\n');
}
const ms = (v) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)) : 'n/a');
const mb = (bytes) => (bytes / (1024 * 1024)).toFixed(1);

const STAGES = ['read', 'layout', 'classify', 'terms', 'link', 'rank_score', 'warnings', 'report', 'serialise'];

function render(results) {
  const { boards, native, wasm, memory, size, cli, peer, browser, machine } = results;
  const out = [];
  out.push(`Run ${machine.date} on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; `
    + `load average ${machine.load_before.join(' ')} before, ${machine.load_after.join(' ')} after; `
    + `medians of ${REPS} runs${SHORT ? ' (short form)' : ''}.`);

  const nativeOf = (stage, file) => native.figures[`stage/${stage}/${file}`] ?? {};
  const rows = [];
  for (const board of boards) {
    const file = path.basename(boardPath(board.name, 'canvasfit'));
    const w = wasm[file];
    const n = (stage) => nativeOf(stage, file).cpu;
    // Google Benchmark's report stage is report_of, which runs the warnings again.
    const nativeStages = STAGES.map((s) => (s === 'report' ? Math.max(0, n('report') - n('warnings')) : n(s)));
    rows.push([board.name, 'native', ...nativeStages.map(ms), 'n/a', ms(nativeOf('end_to_end', file).real),
      ms(n('end_to_end')), 'n/a', `${mb(native.memory[file].peak_rss_kb * 1024)} RSS`]);
    rows.push([board.name, 'wasm', ...STAGES.map((s) => ms(w.stages[s])), ms(w.patch), ms(w.end_to_end_in_wasm),
      ms(w.end_to_end_cpu), ms(w.end_to_end_package.wall), `${mb(memory[file].memory_bytes)} heap`]);
  }
  out.push('\n### Time per stage (ms), CanvasFit board format\n');
  out.push('Native stages are CPU time (Google Benchmark), wasm stages wall time inside the module. '
    + 'end-to-end: wall time of analyze_text + report_to_json; cpu: CPU time of the same; via package: '
    + 'canvasfit.analyze() from JS (text copied in, report copied out and JSON.parse-d), wall.\n');
  out.push(table(['board', 'build', ...STAGES, 'patch', 'end-to-end', 'cpu', 'via package', 'peak memory'], rows));

  const formatRows = [];
  for (const board of boards) {
    for (const format of Object.keys(FORMATS)) {
      const file = path.basename(boardPath(board.name, format));
      if (!wasm[file]) { formatRows.push([board.name, format, '—', '—', '—', '—', 'over the 64 MB input limit']); continue; }
      formatRows.push([board.name, format, `${mb(board.files[format].bytes)} MB`, ms(nativeOf('read', file).cpu),
        ms(nativeOf('end_to_end', file).cpu), ms(wasm[file].stages.read), ms(wasm[file].end_to_end_cpu)]);
    }
  }
  out.push('\n### Reading each host format (ms; native CPU time, wasm read wall time in the module, wasm end-to-end CPU time)\n');
  out.push(table(['board', 'format', 'file', 'native read', 'native end-to-end', 'wasm read', 'wasm end-to-end'], formatRows));

  const ten = boards.find((b) => b.name === 'notes-10000') ?? boards[boards.length - 2];
  const tenFile = path.basename(boardPath(ten.name, 'canvasfit'));
  out.push('\n### Incremental update (ms): one note edited, then the report or the delta\n');
  out.push(table(['board', 'Analyzer built', 'edit + report()', 'edit + report_json()', 'edit + changes_json()'],
    boards.map((b) => { const w = wasm[path.basename(boardPath(b.name, 'canvasfit'))];
      return [b.name, ms(w.incremental_setup), ms(w.incremental), ms(w.incremental_json),
        ms(w.incremental_delta)]; })));

  // Live on Excalidraw: the whole scene's text handed over again
  // (live_update; update() in wasm) against the changed element alone
  // (live_elements; updateElements() in wasm, what the plugin does).
  const liveRows = boards.flatMap((b) => {
    const file = path.basename(boardPath(b.name, 'excalidraw'));
    const whole = native.figures[`live_update/${file}`]?.cpu;
    const element = native.figures[`live_elements/${file}`]?.cpu;
    const w = wasm[file];
    if (whole === undefined || element === undefined || !w?.live_elements) return [];
    return [[file, ms(whole), ms(element), `${(whole / element).toFixed(1)}x`, ms(w.live_whole.cpu),
      ms(w.live_elements.cpu), `${(w.live_whole.cpu / w.live_elements.cpu).toFixed(1)}x`]];
  });
  if (liveRows.length > 0) {
    out.push('\n### Live edit on an Excalidraw scene (ms CPU, delta included): the whole text again, or the changed element\n');
    out.push(table(['board', 'native: whole text', 'native: element', 'ratio', 'wasm via package: whole text',
      'wasm via package: element', 'ratio'], liveRows));
  }

  // Live on Miro and FigJam: the whole board object handed over again
  // (live_board; update()) against the notes that changed (live_notes;
  // boardEdits() and edit(), what the shared session does).
  const noteRows = boards.flatMap((b) => {
    const file = path.basename(boardPath(b.name, 'canvasfit'));
    const w = wasm[file];
    if (!w?.live_notes) return [];
    return [[file, ms(w.live_board.cpu), ms(w.live_notes.cpu), `${(w.live_board.cpu / w.live_notes.cpu).toFixed(1)}x`]];
  });
  if (noteRows.length > 0) {
    out.push('\n### Live edit on a canvasfit.board/1 board, Miro and FigJam (ms CPU, wasm via package, delta included)\n');
    out.push(table(['board', 'the whole board', 'the changed notes', 'ratio'], noteRows));
  }

  out.push('\n### Scaling (end-to-end CPU time ratio; 10x the notes should cost at most 12x)\n');
  const e2e = (name, build) => {
    const file = path.basename(boardPath(name, 'canvasfit'));
    return build === 'native' ? nativeOf('end_to_end', file).cpu : wasm[file].end_to_end_cpu;
  };
  const scaleRows = [];
  for (let i = 1; i < boards.length; i += 1) {
    const [a, b] = boards[i].single_canvas ? [boards.find((x) => x.notes * 10 === boards[i].notes), boards[i]]
      : [boards[i - 1], boards[i]];
    if (!a) continue;
    const factor = b.notes / a.notes;
    scaleRows.push([`${a.name} -> ${b.name}`, `${factor}x`, ...['native', 'wasm'].map((build) =>
      `${(e2e(b.name, build) / e2e(a.name, build)).toFixed(1)}x`), `${(factor * 1.2).toFixed(1)}x`]);
  }
  out.push(table(['from -> to', 'notes', 'native', 'wasm', 'allowed'], scaleRows));

  out.push('\n### Linking: CanvasFit against the peer pipeline (MiniSearch), same Node process\n');
  if (peer.quality) {
    out.push(`Peer tuned on the corpus tuning half: top ${peer.quality.tuning.topK} hits with score >= ${peer.quality.tuning.minScore}.\n`);
    out.push(table(['corpus boards', 'CanvasFit P', 'R', 'F1', 'peer P', 'R', 'F1'],
      Object.entries(peer.quality.quality).map(([label, q]) => [label, q.ours.precision.toFixed(3), q.ours.recall.toFixed(3),
        q.ours.f1.toFixed(3), q.peer.precision.toFixed(3), q.peer.recall.toFixed(3), q.peer.f1.toFixed(3)])));
    out.push('');
  }
  out.push(table(['board', 'CanvasFit terms+link (wasm)', 'peer index+search (JS)', 'peer / CanvasFit'],
    Object.entries(peer.speed).map(([name, s]) => [name, ms(s.ours_ms), ms(s.peer_ms), `${(s.peer_ms / s.ours_ms).toFixed(1)}x`])));

  out.push('\n### Size, browser, CLI\n');
  const sizeRows = [['.wasm raw', `${(size.raw / 1024).toFixed(0)} KB`], ['.wasm gzip -9', `${(size.gzip / 1024).toFixed(0)} KB`],
    ['package .mjs (wasm inlined) gzip -9', `${(size.package_mjs_gzip / 1024).toFixed(0)} KB`]];
  if (browser) {
    sizeRows.push(['Chromium compile + instantiate (median / first)', `${ms(browser.compile_instantiate_ms)} / ${ms(browser.compile_instantiate_first_ms)} ms`]);
    for (const [name, value] of Object.entries(browser.analyze_ms)) sizeRows.push([`Chromium canvasfit.analyze ${name}`, `${ms(value)} ms`]);
    sizeRows.push(['Chromium session.analyse() on the demo board', `${ms(browser.session_analyse_ms)} ms`]);
    if (browser.live) {
      sizeRows.push([`Chromium Live edit, ${browser.live.board}: liveUpdate()`, `${ms(browser.live.update_ms)} ms`]);
      sizeRows.push([`Chromium Live edit, ${browser.live.board}: end of debounce to next frame`, `${ms(browser.live.reaction_ms)} ms`]);
      const { written, reaction_written_ms: wroteMs, reaction_unwritten_ms: keptMs } = browser.live;
      const shown = (v) => (Number.isFinite(v) ? `${ms(v)} ms` : 'n/a');
      sizeRows.push([`Chromium Live edit, ${browser.live.board}: the same, edits that moved a mark (${written} of ${REPS}) / moved none`,
        `${shown(wroteMs)} / ${shown(keptMs)}`]);
      sizeRows.push([`Chromium Live edit, ${browser.live.board}: edit to next frame, less the debounce`, `${ms(browser.live.edit_to_frame_ms)} ms`]);
    }
  }
  if (cli) {
    sizeRows.push([`CLI on ${cli.board} (${mb(cli.bytes)} MB)`, `${ms(cli.cli_ms)} ms`]);
    sizeRows.push(['Python sort_notes.py on the same file', `${ms(cli.python_ms)} ms`]);
  }
  out.push(table(['what', 'figure'], sizeRows));

  out.push('\n### Targets\n');
  out.push(table(['target', 'figure', 'met'], targets(results, ten, tenFile, e2e).map((t) => [t.what, t.figure, t.met ? 'yes' : 'NO'])));
  return out.join('\n');
}

function targets(results, ten, tenFile, e2e) {
  const { wasm, native, memory, size, cli, peer, browser, boards } = results;
  const list = [];
  const add = (what, value, limit, unit, met = value <= limit) =>
    list.push({ what, figure: `${ms(value)} ${unit} (limit ${limit} ${unit})`, met });
  const nativeTen = native.figures[`stage/end_to_end/${tenFile}`]?.cpu;
  add(`wasm end to end, ${ten.name} (via package, CPU)`, wasm[tenFile].end_to_end_package.cpu, 100, 'ms');
  add(`native end to end, ${ten.name} (CPU)`, nativeTen, 50, 'ms');
  add(`incremental edit + delta (changes_json) in wasm, ${ten.name}`, wasm[tenFile].incremental_delta, 2, 'ms');
  add(`wasm / native, ${ten.name} (same job, CPU)`, wasm[tenFile].end_to_end_cpu / nativeTen, 1.6, '');
  for (let i = 1; i < boards.length; i += 1) {
    const b = boards[i];
    const a = b.single_canvas ? boards.find((x) => x.notes * 10 === b.notes) : boards[i - 1];
    if (!a) continue;
    const factor = b.notes / a.notes;
    for (const build of ['native', 'wasm']) {
      add(`scaling ${a.name} -> ${b.name}, ${build}`, e2e(b.name, build) / e2e(a.name, build), +(factor * 1.2).toFixed(1), 'x');
    }
    // Reading alone, where a quadratic parser once hid (29 s for 200,000 connectors).
    const read = (name) => native.figures[`stage/read/${path.basename(boardPath(name, 'canvasfit'))}`]?.cpu;
    add(`reading scaling ${a.name} -> ${b.name}, native`, read(b.name) / read(a.name), +(factor * 1.2).toFixed(1), 'x');
  }
  const biggest = boards.filter((b) => !b.single_canvas).at(-1);
  const bigFile = path.basename(boardPath(biggest.name, 'canvasfit'));
  add(`wasm memory, ${biggest.name}`, memory[bigFile].memory_bytes / (1024 * 1024), 64, 'MB', memory[bigFile].ok && memory[bigFile].memory_bytes <= 64 * 1024 * 1024);
  add('.wasm gzipped', size.gzip / 1024, 250, 'KB');
  if (browser) add('Chromium compile + instantiate', browser.compile_instantiate_ms, 50, 'ms');
  // "Reacts within one frame of the debounce": at 60 frames a second.
  if (browser?.live) add(`Live edit on the demo page, ${browser.live.board}, debounce end to frame`, browser.live.reaction_ms, 16.7, 'ms');
  const speed = peer.speed[ten.name];
  const all = peer.quality?.quality.all;
  list.push({ what: 'linking speed vs peer (at least 3x faster)', figure: `${(speed.peer_ms / speed.ours_ms).toFixed(1)}x on ${ten.name}`,
    met: speed.peer_ms / speed.ours_ms >= 3 });
  if (all) list.push({ what: 'link F1 vs peer (equal or better)', figure: `${all.ours.f1.toFixed(3)} vs ${all.peer.f1.toFixed(3)}`, met: all.ours.f1 >= all.peer.f1 });
  if (cli) add(`CLI / Python sort script, ${cli.board}`, cli.cli_ms / cli.python_ms, 0.5, '');
  return list;
}

// ---------------------------------------------------------------- main

async function main() {
  mkdirSync(OUT, { recursive: true });
  const machine = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version,
    load_before: os.loadavg().map((l) => l.toFixed(1)),
  };
  const boards = makeBoards();
  const native = nativeBench(boards);
  const wasmModules = await loadWasm();
  const wasm = await wasmBench(wasmModules, boards);
  const memory = await wasmMemory(wasmModules, boards);
  const size = wasmSize();
  const peer = { quality: linkQuality(wasmModules), speed: linkSpeed(wasmModules, boards, wasm, REPS) };
  const cliBoard = boards.find((b) => b.name === (SHORT ? 'notes-1000' : 'notes-10000'));
  const cli = cliVersusPython(cliBoard);
  let browser = null;
  if (BROWSER) {
    log('browser: Chromium on the demo page');
    const names = SHORT ? ['notes-100'] : ['notes-100', 'notes-1000', 'notes-10000'];
    browser = await runBrowserBench({
      wasm: size.bytes, reps: REPS, liveScene: liveBoard(),
      boards: names.map((name) => ({ name: `${name}.canvasfit.json`, text: readFileSync(boardPath(name, 'canvasfit'), 'utf8') })),
    });
  }
  machine.load_after = os.loadavg().map((l) => l.toFixed(1));
  const results = { machine, boards, native, wasm, memory, size: { ...size, bytes: undefined }, cli, peer, browser };
  const text = render({ ...results, size });
  writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(path.join(OUT, 'results.md'), text + '\n');
  console.log(text);
}

const { runBrowserBench } = await import('./browser_bench.mjs');
main().catch((error) => {
  console.error('bench: failed:', error.stack ?? error);
  process.exit(1);
});

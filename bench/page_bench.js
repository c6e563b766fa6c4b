#!/usr/bin/env node
// The page's figures for docs/benchmarks.md, measured in Debian's headless Chromium (WebGL2
// through SwiftShader) driven by playwright-core, as the browser tests are (tests/browser/
// harness.js): the bytes of the page (as a browser with wasm SIMD and one without load it), the
// time to the first drawn frame, the app's CPU time per frame while a weight is dragged with the
// mouse, the time to load a link, and what a user feels (start-up, idle cost, edit latency) beside
// TensorFlow Playground when its build is given (bench/page_compare.js); and the page while it
// trains (epochs and frames a second, beside Playground) and while a network with targets is
// dragged in the gradient view, with a step of gradient descent timed (bench/page_training.js).
//
//   node bench/page_bench.js --links DIR --out FILE [--web DIR] [--loads 5] [--rounds 3]
//                            [--moves 60] [--only bytes,first-frame,networks,gl,compare,training,
//                                          drag-targets]
//                            [--networks exercise,8x128,16x256,1024x1024]
//                            [--playground DIR] [--compare-loads 7] [--train-rounds 3]
//
// DIR holds the links of bench/bench_networks.h (written by mlp_bench_links). The page is served
// by a small static server of its own (bench/page_lib.js) that adds the cross-origin isolation
// headers, for a fine clock. --playground: a TensorFlow Playground built from its source (npm ci &&
// npm run build; its folder or its dist/); without it the comparison is left out and the page is
// measured alone. Results go to FILE as JSON; a summary is printed as the bench goes.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const h = require('../tests/browser/harness');
const { median, percentile, summary, startServer, fileSizes, totals, dragTarget, drag, frameSummary } = require('./page_lib');
const { compare } = require('./page_compare');
const { training, dragTargetsIn } = require('./page_training');

// Every host but loopback resolved to loopback, where nothing answers: nothing a page asks of
// another host (Playground's fonts and analytics) leaves the machine or waits for a timeout.
const BROWSER_ARGS = ['--host-resolver-rules=MAP * 127.0.0.1'];

// ---- Options ------------------------------------------------------------------------------------

// The networks, in the order of bench/bench_networks.h.
const NETWORKS = ['exercise', '8x128', '16x256', '1024x1024'];

function parseArgs(argv) {
  const opts = { web: h.WEB_DIR, loads: 5, rounds: 3, moves: 60, only: null, links: null, out: null, networks: NETWORKS,
    playground: null, compareLoads: 7, trainRounds: 3 };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].split('=', 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (key) {
      case '--links': opts.links = value(); break;
      case '--out': opts.out = value(); break;
      case '--web': opts.web = value(); break;
      case '--loads': opts.loads = Number(value()); break;
      case '--rounds': opts.rounds = Number(value()); break;
      case '--moves': opts.moves = Number(value()); break;
      case '--only': opts.only = new Set(value().split(',')); break;
      case '--networks': opts.networks = value().split(','); break;
      case '--playground': opts.playground = value(); break;
      case '--compare-loads': opts.compareLoads = Number(value()); break;
      case '--train-rounds': opts.trainRounds = Number(value()); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!opts.links || !opts.out) throw new Error('usage: page_bench.js --links DIR --out FILE [options]');
  return opts;
}

// ---- In the page --------------------------------------------------------------------------------

// Before any script of the page: note when the first frame is drawn (web/page.js dispatches
// mlpexplorer:ready from mlpPage.ready(), which the app calls after its first frame).
function recordReady() {
  document.addEventListener('mlpexplorer:ready', () => { window.__mlpReadyAt = performance.now(); });
}

// Counts and times every WebGL2 call (getParameter by parameter), for the GL pass only: the
// wrappers cost time themselves, so the other figures are measured without them.
function instrumentWebGL() {
  const stats = {};
  window.__glCalls = stats;
  const proto = WebGL2RenderingContext.prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d || typeof d.value !== 'function' || name === 'constructor') continue;
    const original = d.value;
    proto[name] = function (...args) {
      const t0 = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const key = name === 'getParameter' ? `getParameter(0x${Number(args[0]).toString(16)})` : name;
        const s = stats[key] || (stats[key] = { calls: 0, ms: 0 });
        s.calls++;
        s.ms += performance.now() - t0;
      }
    };
  }
}

// Runs measure(page) on the app opened in a fresh browser context (its own empty cache), and
// closes the context however that ends. A page that reported an error fails the measurement.
async function withPage(browser, url, initScript, measure) {
  const page = await h.openPage(browser, url, { initScript });
  try {
    page.gl = await h.waitForApp(page, 60000);
    if (!(await page.evaluate(() => crossOriginIsolated))) {
      throw new Error('the page is not cross-origin isolated: its clock would be coarse');
    }
    const result = await measure(page);
    if (page.errors.length) throw new Error(`the page reported errors: ${page.errors.join('; ')}`);
    return result;
  } finally {
    await page.context().close();
  }
}

// ---- (a) Bytes of the page ----------------------------------------------------------------------

// The files a browser fetches when it opens the page at `url` (favicon included).
async function requestedOnOpen(browser, url) {
  const requested = new Set();
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin === new URL(url).origin) requested.add(u.pathname === '/' ? 'index.html' : u.pathname.slice(1));
  });
  await page.goto(url);
  await h.waitForApp(page, 60000);
  await h.frames(page, 10);
  await context.close();
  return requested;
}

// Every file of the page's folder but the compressed copies beside them, and which a browser with
// wasm SIMD (Chromium) and one without (?wasm=plain, as page.js chooses for it) fetch.
async function pageBytes(browser, url, webDir) {
  const simd = await requestedOnOpen(browser, url);
  const plain = await requestedOnOpen(browser, `${url}?wasm=plain`);
  const files = fs.readdirSync(webDir).filter((f) => fs.statSync(path.join(webDir, f)).isFile() && !/\.(gz|br)$/.test(f)).sort();
  const rows = files.map((name) => ({
    name, requested_simd: simd.has(name), requested_plain: plain.has(name), ...fileSizes(path.join(webDir, name)),
    precompressed: fs.existsSync(path.join(webDir, `${name}.gz`)) && fs.existsSync(path.join(webDir, `${name}.br`)),
  }));
  return { files: rows, total: totals(rows), simd: totals(rows.filter((r) => r.requested_simd)),
    plain: totals(rows.filter((r) => r.requested_plain)) };
}

// ---- (b) Navigation to the first drawn frame ----------------------------------------------------

// Opens `url` in a fresh browser context (its own empty cache; the server says no-store) and
// reads, in the page's clock (0 = navigation start), when the first frame was drawn.
function oneLoad(browser, url) {
  return withPage(browser, url, recordReady, (page) => page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    // The app's script and wasm, of whichever build page.js chose.
    const resource = (pattern) => performance.getEntriesByType('resource').find((e) => pattern.test(e.name));
    const wasm = resource(/\/mlp_explorer(_simd)?\.wasm$/);
    const js = resource(/\/mlp_explorer(_simd)?\.js$/);
    const startup = window.mlpExplorer.frameStats().startup; // the app's own milestones
    return {
      first_frame: window.__mlpReadyAt,
      dom_content_loaded: nav.domContentLoadedEventEnd,
      js_loaded: js ? js.responseEnd : null,
      wasm_loaded: wasm ? wasm.responseEnd : null,
      main: startup.main,
      gl_context: startup.gl_context,
      app: startup.app,
      first_frame_drawn: startup.first_frame,
    };
  }));
}

async function firstFrame(browser, url, loads) {
  await oneLoad(browser, url); // warm-up: the browser's own start-up, the server's first files
  const runs = [];
  for (let i = 0; i < loads; i++) runs.push(await oneLoad(browser, url));
  const of = (key) => summary(runs.map((r) => r[key]).filter((v) => v !== null && v !== undefined));
  const milestones = {};
  for (const key of ['dom_content_loaded', 'js_loaded', 'wasm_loaded', 'main', 'gl_context', 'app', 'first_frame_drawn']) {
    milestones[key] = of(key);
  }
  return { loads, runs, first_frame: of('first_frame'), milestones };
}

// ---- (c) Frames while a weight is dragged -------------------------------------------------------

// Opens the page, loads the network's link (timing load()), then drags a weight `rounds` times.
function measureNetwork(browser, url, name, link, opts) {
  return withPage(browser, url, recordReady, (page) => measureNetworkIn(page, name, link, opts));
}

async function measureNetworkIn(page, name, link, opts) {
  // The link crosses into the page once; each load() then reads it from there.
  await page.evaluate((text) => { window.__benchLink = text; }, link);

  // (d) load(): the whole call (decode, replace, forward pass, and the state() it returns), then
  // state() alone, then the first frame drawn after it (the diagram's buffers rebuilt).
  const loads = [];
  for (let i = 0; i < opts.loads; i++) {
    await h.frames(page, 3);
    await page.evaluate(() => window.mlpExplorer.frameStats());
    const r = await page.evaluate(() => {
      const t0 = performance.now();
      const s = window.mlpExplorer.load(window.__benchLink);
      const t1 = performance.now();
      window.mlpExplorer.state();
      const t2 = performance.now();
      return { load_ms: t1 - t0, state_ms: t2 - t1, end: t2, error: s.error, weights: s.weights.flat(2).length };
    });
    if (r.error) throw new Error(`${name}: load() refused the link: ${r.error}`);
    await h.frames(page, 3);
    const after = (await page.evaluate(() => window.mlpExplorer.frameStats())).frames.find((f) => f.start >= r.end);
    loads.push({ ...r, next_frame_ms: after ? after.total : null });
  }
  const weights = loads[0].weights;

  // A still page: frames with nothing to do.
  await h.frames(page, 5);
  await page.evaluate(() => window.mlpExplorer.frameStats());
  await h.frames(page, 60);
  const idleStats = await page.evaluate(() => window.mlpExplorer.frameStats());
  const idle = frameSummary(idleStats.frames, idleStats.phases);

  // (c) Drags.
  const target = await dragTarget(page);
  const rounds = [];
  let phases = idleStats.phases;
  if (target) {
    for (let r = 0; r < opts.rounds; r++) {
      await page.evaluate(() => window.mlpExplorer.frameStats());
      const { t0, t1 } = await drag(page, target, opts.moves);
      const stats = await page.evaluate(() => window.mlpExplorer.frameStats());
      phases = stats.phases;
      const during = stats.frames.filter((f) => f.start >= t0 && f.start <= t1);
      rounds.push({ frames: during.length, edited: during.filter((f) => f.edited) });
    }
  }
  const edited = rounds.flatMap((r) => r.edited);
  const result = {
    name, weights, link_bytes: Buffer.byteLength(link),
    load: { runs: loads, load_ms: summary(loads.map((l) => l.load_ms)), state_ms: summary(loads.map((l) => l.state_ms)),
      open_ms: summary(loads.map((l) => l.load_ms - l.state_ms)),
      next_frame_ms: summary(loads.map((l) => l.next_frame_ms).filter((v) => v !== null)) },
    idle,
    drag: target ? {
      target: target.name, kind: target.kind, rounds: opts.rounds, moves: opts.moves,
      frames_in_drag: rounds.map((r) => r.frames),
      edited_frames: rounds.map((r) => r.edited.length),
      // Each round's median and p95, to show the noise between rounds.
      round_median_ms: rounds.map((r) => (r.edited.length ? median(r.edited.map((f) => f.total)) : null)),
      round_p95_ms: rounds.map((r) => (r.edited.length ? percentile(r.edited.map((f) => f.total), 95) : null)),
      ...frameSummary(edited, phases),
    } : { target: null, note: 'nothing to drag: no weight slider or diagram line of W1 is on screen' },
  };
  return result;
}

// ---- GL calls per frame (instrumented) ----------------------------------------------------------

function glCalls(browser, url, name, link, opts) {
  return withPage(browser, url, instrumentWebGL, (page) => glCallsIn(page, name, link, opts));
}

async function glCallsIn(page, name, link, opts) {
  await page.evaluate((text) => window.mlpExplorer.load(text) && undefined, link);
  await h.frames(page, 10);
  const target = await dragTarget(page);
  await page.evaluate(() => { for (const k of Object.keys(window.__glCalls)) delete window.__glCalls[k]; window.mlpExplorer.frameStats(); });
  if (target) await drag(page, target, opts.moves);
  else await h.frames(page, opts.moves);
  const r = await page.evaluate(() => ({ calls: window.__glCalls, frames: window.mlpExplorer.frameStats().frames.length }));
  const perFrame = Object.entries(r.calls).map(([call, s]) => ({ call, calls: s.calls / r.frames, ms: s.ms / r.frames }))
    .sort((a, b) => b.ms - a.ms);
  return { name, frames: r.frames, dragged: target ? target.name : null, total_ms: perFrame.reduce((t, c) => t + c.ms, 0),
    top: perFrame.slice(0, 8) };
}

// ---- Main -----------------------------------------------------------------------------------

// A measurement that failed is recorded with its error (the report shows it) and the bench goes
// on with the others. The error is printed too: a failure here is a bug to look at.
async function attempt(measure, fields = {}) {
  try {
    return await measure();
  } catch (err) {
    process.stderr.write(`page_bench: FAILED ${fields.name || ''}: ${err.message}\n`);
    return { ...fields, error: String(err.message).split('\n')[0] };
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const want = (part) => !opts.only || opts.only.has(part);
  const web = path.resolve(opts.web);
  const server = await startServer(web);
  const browser = await h.launchBrowser(BROWSER_ARGS);
  const out = { date: new Date().toISOString(), chromium: browser.version(), options: { ...opts, only: opts.only && [...opts.only] } };
  const log = (text) => process.stderr.write(`page_bench: ${text}\n`);
  try {
    out.renderer = await withPage(browser, server.url, undefined, (page) => page.gl.renderer);
    out.viewport = h.DESKTOP;
    if (want('bytes')) {
      out.bytes = await pageBytes(browser, server.url, web);
      log(`page: ${out.bytes.simd.gzip9} bytes gzip -9 with SIMD, ${out.bytes.plain.gzip9} without`);
    }
    if (want('first-frame')) {
      out.first_frame = await firstFrame(browser, server.url, opts.loads);
      log(`first frame: median ${out.first_frame.first_frame.median.toFixed(0)} ms of ${opts.loads} loads`);
      const link = fs.readFileSync(path.join(opts.links, '8x128.link'), 'utf8');
      out.first_frame_8x128 = await attempt(() => firstFrame(browser, `${server.url}#${link}`, opts.loads));
      if (!out.first_frame_8x128.error) {
        log(`first frame with the 8x128 link in the address: median ${out.first_frame_8x128.first_frame.median.toFixed(0)} ms`);
      }
    }
    if (want('networks')) {
      out.networks = [];
      for (const name of opts.networks) {
        const link = fs.readFileSync(path.join(opts.links, `${name}.link`), 'utf8');
        const r = await attempt(() => measureNetwork(browser, server.url, name, link, opts), { name });
        out.networks.push(r);
        if (r.error) continue;
        const d = r.drag.cpu_ms;
        log(`${name}: load() ${r.load.load_ms.median.toFixed(1)} ms; drag ${r.drag.target || '-'}: ` +
          (d ? `median ${d.median.toFixed(2)} ms, p95 ${d.p95.toFixed(2)} ms over ${d.n} frames` : 'none'));
      }
      if (opts.networks.includes('8x128')) {
        const full = fs.readFileSync(path.join(opts.links, '8x128-full.link'), 'utf8');
        const r = await attempt(() => measureNetwork(browser, server.url, '8x128-full', full, { ...opts, rounds: 0 }),
          { name: '8x128-full' });
        out.networks.push(r);
        if (!r.error) log(`8x128-full: load() ${r.load.load_ms.median.toFixed(1)} ms`);
      }
    }
    if (want('gl')) {
      out.gl_calls = [];
      for (const name of ['exercise', '1024x1024']) {
        const link = fs.readFileSync(path.join(opts.links, `${name}.link`), 'utf8');
        const r = await attempt(() => glCalls(browser, server.url, name, link, opts), { name });
        out.gl_calls.push(r);
        if (!r.error) log(`${name}: WebGL calls ${r.total_ms.toFixed(2)} ms a frame`);
      }
    }
    if (want('training')) {
      out.training = await attempt(() => training(browser, server.url, opts.playground, opts.trainRounds, log), { name: 'training' });
    }
    if (want('drag-targets')) {
      // The drag of (c) with targets (one per output) and the Gradients view on; a step timed.
      out.drag_targets = [];
      for (const [name, outputs] of [['8x128', 128], ['1024x1024', 1024]]) {
        const link = fs.readFileSync(path.join(opts.links, `${name}.link`), 'utf8');
        const r = await attempt(() => withPage(browser, server.url, undefined, (page) => dragTargetsIn(page, name, link, outputs, opts)),
          { name });
        out.drag_targets.push(r);
        if (!r.error) {
          log(`${name} with targets, Gradients view: drag median ${r.cpu_ms.median.toFixed(2)} ms, p95 ` +
            `${r.cpu_ms.p95.toFixed(2)} ms over ${r.cpu_ms.n} frames; step(1) ${r.step_ms.median.toFixed(1)} ms, ` +
            `mlpExplorer.step(1) ${r.api_step_ms.median.toFixed(1)} ms`);
        }
      }
    }
    if (want('compare')) {
      out.compare = await attempt(() => compare(browser, web, opts.playground, opts.compareLoads, log), { name: 'compare' });
    }
  } finally {
    await browser.close();
    server.stop();
  }
  fs.writeFileSync(opts.out, JSON.stringify(out, null, 1));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

#!/usr/bin/env node
// The page's figures for docs/benchmarks.md, measured in Debian's headless Chromium (WebGL2
// through SwiftShader) driven by playwright-core, as the browser tests are (tests/browser/
// harness.js): the bytes of the page, the time to the first drawn frame, the app's CPU time per
// frame while a weight is dragged with the mouse, and the time to load a link.
//
//   node bench/page_bench.js --links DIR --out FILE [--web DIR] [--loads 5] [--rounds 3]
//                            [--moves 60] [--only bytes,first-frame,networks,gl]
//                            [--networks exercise,8x128,16x256,1024x1024]
//
// DIR holds the links of bench/bench_networks.h (written by mlp_bench_links). The page is served
// by a small static server of its own that adds the cross-origin isolation headers (COOP/COEP):
// without them Chromium rounds performance.now() (and so emscripten_get_now) to 100 us, too
// coarse for frames of a millisecond or less; with them the clock has 5 us steps. Nothing else
// about the page changes (it uses no shared memory). Results go to FILE as JSON; a summary is
// printed as the bench goes.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');
const h = require('../tests/browser/harness');

// ---- Options ------------------------------------------------------------------------------------

// The networks, in the order of bench/bench_networks.h.
const NETWORKS = ['exercise', '8x128', '16x256', '1024x1024'];

function parseArgs(argv) {
  const opts = { web: h.WEB_DIR, loads: 5, rounds: 3, moves: 60, only: null, links: null, out: null, networks: NETWORKS };
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
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!opts.links || !opts.out) throw new Error('usage: page_bench.js --links DIR --out FILE [options]');
  return opts;
}

// ---- Statistics ---------------------------------------------------------------------------------

function sorted(values) { return [...values].sort((a, b) => a - b); }
// Nearest-rank percentile (p in 0..100) of a non-empty list.
function percentile(values, p) {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
function median(values) {
  const s = sorted(values);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function summary(values) {
  if (!values.length) return null;
  return { n: values.length, min: Math.min(...values), median: median(values), p95: percentile(values, 95),
    max: Math.max(...values) };
}

// ---- The server: build/web with no caching and cross-origin isolation ---------------------------

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json' };

function startServer(root) {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(root, name === '/' ? 'index.html' : name);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() });
    });
  });
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

async function pageBytes(browser, url, webDir) {
  // What the page requests when it opens, and every file it can request (favicon...).
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
  const files = fs.readdirSync(webDir).filter((f) => fs.statSync(path.join(webDir, f)).isFile()).sort();
  const rows = files.map((name) => {
    const data = fs.readFileSync(path.join(webDir, name));
    return {
      name,
      requested_on_open: requested.has(name),
      raw: data.length,
      gzip9: zlib.gzipSync(data, { level: 9 }).length,
      gzip6: zlib.gzipSync(data, { level: 6 }).length,
      brotli11: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
  return { files: rows, total: { raw: total('raw'), gzip9: total('gzip9'), gzip6: total('gzip6'), brotli11: total('brotli11') } };
}

// ---- (b) Navigation to the first drawn frame ----------------------------------------------------

// Opens `url` in a fresh browser context (its own empty cache; the server says no-store) and
// reads, in the page's clock (0 = navigation start), when the first frame was drawn.
function oneLoad(browser, url) {
  return withPage(browser, url, recordReady, (page) => page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resource = (file) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(file));
    const wasm = resource('mlp_explorer.wasm');
    const js = resource('mlp_explorer.js');
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

// What to drag: a weight slider of the first weight layer (every layer downstream of it is
// recomputed: the worst case), in the sliders' fine mode (every pixel is a new value; the integer
// mode would change the weight only every few pixels). The section of W1 is opened with a click
// when it is closed (large networks start with it closed). Without sliders (a page before the
// panels), the line of that weight in the diagram.
async function dragTarget(page) {
  const find = async (test) => (await h.ui(page)).items.filter((it) => test(it.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))[0];
  const click = async (it) => {
    await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
    await h.frames(page, 4);
  };
  const fine = await find((n) => n === 'button:Fine');
  if (fine) await click(fine);
  const slider = (n) => n === 'slider:W1[1,1]' || n.startsWith('slider:W1[');
  let it = await find(slider);
  if (!it) {
    const section = await find((n) => n === 'section:W1');
    if (section) {
      await click(section);
      it = await find(slider);
    }
  }
  if (it) return { kind: 'slider', ...it, cx: it.x + it.w / 2, cy: it.y + it.h / 2 };
  it = await find((n) => n === 'edge:W1[1,1]' || n.startsWith('edge:W1['));
  if (it) return { kind: 'edge', ...it, cx: it.x + it.w / 2, cy: it.y + it.h / 2 };
  return null;
}

// Presses on the target and moves the mouse once per animation frame, back and forth (sliders
// sideways across their width, diagram lines up and down), then releases. Returns the page-clock
// interval from the press to the release.
async function drag(page, target, moves) {
  await page.mouse.move(target.cx, target.cy);
  await h.frames(page, 2);
  const t0 = await page.evaluate(() => performance.now());
  await page.mouse.down();
  await h.frames(page, 1);
  const span = target.kind === 'slider' ? Math.max(8, target.w / 2 - 4) : 120;
  const step = target.kind === 'slider' ? Math.max(2, span / 8) : 13; // 13 px: one integer step of a line
  let offset = 0;
  let direction = 1;
  for (let i = 0; i < moves; i++) {
    if (Math.abs(offset + direction * step) > span) direction = -direction;
    offset += direction * step;
    if (target.kind === 'slider') await page.mouse.move(target.cx + offset, target.cy);
    else await page.mouse.move(target.cx, target.cy - offset);
    await h.frames(page, 1);
  }
  await page.mouse.up();
  await h.frames(page, 2);
  const t1 = await page.evaluate(() => performance.now());
  return { t0, t1 };
}

function phaseSummary(frames, phases) {
  const out = {};
  for (const p of phases) out[p] = median(frames.map((f) => f[p]));
  return out;
}

function frameSummary(frames, phases) {
  if (!frames.length) return null;
  const starts = frames.map((f) => f.start);
  const intervals = starts.slice(1).map((s, i) => s - starts[i]);
  return { cpu_ms: summary(frames.map((f) => f.total)), phase_median_ms: phaseSummary(frames, phases),
    interval_ms: summary(intervals) };
}

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
  const browser = await h.launchBrowser();
  const out = { date: new Date().toISOString(), chromium: browser.version(), options: { ...opts, only: opts.only && [...opts.only] } };
  const log = (text) => process.stderr.write(`page_bench: ${text}\n`);
  try {
    out.renderer = await withPage(browser, server.url, undefined, (page) => page.gl.renderer);
    out.viewport = h.DESKTOP;
    if (want('bytes')) {
      out.bytes = await pageBytes(browser, server.url, web);
      log(`page: ${out.bytes.total.raw} bytes, ${out.bytes.total.gzip9} gzip -9`);
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

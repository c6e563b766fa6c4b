// What a user feels of the page, measured in one run for MLP Explorer and, when its build is given,
// for TensorFlow Playground beside it, the same way for both: the pages are opened in turn
// (interleaved, so the machine's load falls on both alike) in the same headless Chromium with
// SwiftShader at 1280x720, each load in a fresh browser context (empty cache), and per load:
//
// - start-up: navigation to the first frame that shows the page's content (its network drawn);
// - idle: then, after a 2 s pause, 10 s with no input: CPU seconds per second of every process of
//   the browser (user + system time from /proc), and the frames the page asked for meanwhile
//   (its requestAnimationFrame callbacks; for MLP Explorer also the frames its app drew);
// - edit latency: then a series of weight edits, each from its input event's time stamp to the
//   frame after the one that carries the changed value (MLP Explorer: one mouse move of a weight
//   slider's drag; Playground: one key typed into a weight's field, its own way to edit a weight).
//
// "The frame after the one that carries it": a change made during an animation frame's callbacks
// (MLP Explorer's app draws in its callback) is carried by that frame; a change made by an event
// handler between frames (Playground updates its SVG and canvases in its input handler) by the
// next one. The frame after it begins once the browser has produced that frame, so its start (the
// time stamp requestAnimationFrame hands its callbacks) is when the change reached the screen, as
// near as a page can tell. Start-up is timed to the same point: the frame after the one carrying
// the first complete picture (MLP Explorer: mlpexplorer:ready, sent from the app's first drawn
// frame; Playground: DOMContentLoaded, by when its script has built the network, heat maps
// included).
//
// Requests to other hosts (Playground's web fonts and analytics) go to loopback, where nothing
// answers (the browser is launched so, see page_bench.js): they fail at once, as they would after
// a timeout on the closed network; neither page needs them to show its content.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const h = require('../tests/browser/harness');
const { median, summary, startServer, fileSizes, totals, dragTarget } = require('./page_lib');

const SETTLE_MS = 2000;
const IDLE_MS = 10000;
const EDITS = 15;  // per load

// ---- The browser's CPU time, from /proc ---------------------------------------------------------

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

// Every process descended from this one (Playwright starts the browser as our child), with its
// CPU time so far (user + system, its threads included) and its Chromium process type.
function browserProcesses() {
  const parent = new Map();
  const ticks = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;  // ended meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');  // fields 3 onwards
    parent.set(Number(name), Number(fields[1]));
    ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));  // utime, stime
  }
  const isOurs = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p), hops++) {
      if (parent.get(p) === process.pid) return true;
    }
    return false;
  };
  const out = new Map();
  for (const pid of parent.keys()) {
    if (!isOurs(pid)) continue;
    let type = 'browser';
    try {
      const match = /--type=([\w-]+)/.exec(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      if (match) type = match[1];
    } catch {
      continue;
    }
    out.set(pid, { ticks: ticks.get(pid), type });
  }
  return out;
}

// CPU seconds used between two readings, in all and by process type. A process that started in
// between counts from zero; one that ended in between is lost (none does in an idle page).
function cpuBetween(before, after) {
  const byType = {};
  let all = 0;
  for (const [pid, p] of after) {
    const used = (p.ticks - (before.get(pid)?.ticks || 0)) / CLOCK_TICKS;
    byType[p.type] = (byType[p.type] || 0) + used;
    all += used;
  }
  return { all, byType };
}

// ---- In the page ----------------------------------------------------------------------------------

// Runs before the page's own scripts. `kind` says how the page's content is known to be complete
// (see the top of this file). Records the input events' time stamps and the changes they made,
// counts the animation-frame callbacks the page runs, and on request the start of every frame.
function recorder(kind) {
  const rec = {
    kind, readyAt: null, shownAt: null, callbacks: 0, frameTimes: [], recording: false,
    moves: [], keys: [], changes: [],
  };
  window.__bench = rec;
  const raf = window.requestAnimationFrame.bind(window);
  // The page's own callbacks, counted, and whether one is running; ours below use raf and are not.
  let inCallback = 0;
  window.requestAnimationFrame = (callback) => raf((t) => {
    rec.callbacks++;
    inCallback++;
    try {
      callback(t);
    } finally {
      inCallback--;
    }
  });
  // The start of the frame `n` frames after this call's.
  const after = (n, done) => raf((t) => (n > 1 ? after(n - 1, done) : done(t)));
  // The picture is complete: made in a frame's callback, that frame carries it and the next shows
  // it; made between frames (an event, a script), the next frame carries it.
  const complete = () => {
    rec.readyAt = performance.now();
    after(inCallback > 0 ? 1 : 2, (t) => { rec.shownAt = t; });
  };
  // MLP Explorer's app sends mlpexplorer:ready from the frame it drew first; Playground's script
  // has built its network and heat maps by DOMContentLoaded.
  document.addEventListener(kind === 'mlp' ? 'mlpexplorer:ready' : 'DOMContentLoaded', complete);
  window.addEventListener('mousemove', (e) => { if (rec.recording) rec.moves.push(e.timeStamp); }, true);
  window.addEventListener('keydown', (e) => { if (rec.recording) rec.keys.push(e.timeStamp); }, true);
  // After the target's own input handler (which changes the weight): bubbling, on the window.
  window.addEventListener('input', () => { if (rec.recording) rec.changes.push(performance.now()); });
  rec.start = () => {
    rec.recording = true;
    const loop = (t) => {
      rec.frameTimes.push(t);
      if (rec.recording) raf(loop);
    };
    raf(loop);
  };
  rec.stop = () => { rec.recording = false; };
  // Waits `n` frames (for the bench between inputs).
  rec.frames = (n) => new Promise((done) => after(n, done));
}

const pageFrames = (page, n) => page.evaluate((count) => window.__bench.frames(count), n);

// ---- The two pages --------------------------------------------------------------------------------

// MLP Explorer: one mouse move of a weight slider's drag (fine mode) per edit; the app's frame
// that applied it is the first edited frame (frameStats) that started after the move.
const MLP = {
  kind: 'mlp',
  name: 'MLP Explorer',
  async ready(page) {
    await h.waitForApp(page, 60000);
  },
  async edits(page, n) {
    const target = await dragTarget(page);
    if (!target || target.kind !== 'slider') throw new Error('no weight slider of W1 on screen');
    await page.mouse.move(target.cx, target.cy);
    await page.mouse.down();
    await pageFrames(page, 3);
    await page.evaluate(() => { window.mlpExplorer.frameStats(); window.__bench.start(); });
    const step = Math.max(2, target.w / 20);
    for (let i = 0; i < n; i++) {
      await page.mouse.move(target.cx + (i % 2 ? -step : step), target.cy);
      await pageFrames(page, 4);
    }
    const r = await page.evaluate(() => {
      window.__bench.stop();
      const b = window.__bench;
      return { moves: b.moves, frameTimes: b.frameTimes, appFrames: window.mlpExplorer.frameStats().frames };
    });
    await page.mouse.up();
    const latencies = [];
    r.moves.forEach((t, i) => {
      const next = i + 1 < r.moves.length ? r.moves[i + 1] : Infinity;
      const applied = r.appFrames.find((f) => f.edited && f.start >= t && f.start < next);
      if (!applied) return;
      const shown = r.frameTimes.find((ft) => ft > applied.start);
      if (shown !== undefined) latencies.push(shown - t);
    });
    return { edits: r.moves.length, applied: latencies.length, latencies };
  },
  async idleFrames(page, phase) {
    if (phase === 'start') {
      await page.evaluate(() => window.mlpExplorer.frameStats());
      return null;
    }
    return page.evaluate(() => window.mlpExplorer.frameStats().frames.length);
  },
};

// TensorFlow Playground: the pointer on a line of its network shows the weight's card, a click
// opens its field, and each key typed into it (a digit, after selecting the field's text) sets the
// weight and redraws the network and its heat maps in the input handler.
const PLAYGROUND = {
  kind: 'playground',
  name: 'TensorFlow Playground',
  async ready(page) {
    await page.waitForFunction(() => window.__bench && window.__bench.shownAt !== null, null, { timeout: 60000 });
  },
  async edits(page, n) {
    const point = await page.evaluate(() => {
      const line = document.querySelector('#network path.link-hover');
      if (!line) return null;
      const p = line.getPointAtLength(line.getTotalLength() / 2);
      const m = line.getScreenCTM();
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    });
    if (!point) throw new Error('no line of the network to edit');
    await page.mouse.move(point.x, point.y);
    await pageFrames(page, 2);
    await page.mouse.click(point.x, point.y);
    await pageFrames(page, 2);
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest('#hovercard') !== null);
    if (!focused) throw new Error("a click on the line did not open the weight's field");
    await page.evaluate(() => window.__bench.start());
    for (let i = 0; i < n; i++) {
      await page.keyboard.press('Control+A');
      await page.keyboard.press(String(1 + (i % 9)));
      await pageFrames(page, 4);
    }
    const r = await page.evaluate(() => {
      window.__bench.stop();
      const b = window.__bench;
      return { keys: b.keys, changes: b.changes, frameTimes: b.frameTimes, value: document.activeElement.value };
    });
    if (r.value !== String(1 + ((n - 1) % 9))) throw new Error(`the weight's field holds ${r.value}`);
    // Each digit's keydown (Control+A's and the digit's: the digit is the one followed by a change).
    const latencies = [];
    for (const change of r.changes) {
      const key = r.keys.filter((t) => t <= change).pop();
      const carried = r.frameTimes.findIndex((ft) => ft > change);
      if (key === undefined || carried < 0 || carried + 1 >= r.frameTimes.length) continue;
      latencies.push(r.frameTimes[carried + 1] - key);
    }
    return { edits: n, applied: r.changes.length, latencies };
  },
  async idleFrames() {
    return null;  // it has no frames of its own to count
  },
};

// ---- One load -------------------------------------------------------------------------------------

async function oneLoad(browser, spec, url, origin) {
  const context = await browser.newContext({ viewport: h.DESKTOP });
  const page = await context.newPage();
  const requested = new Set();
  page.on('request', (request) => {
    const u = new URL(request.url());
    if (u.origin === origin) requested.add(u.pathname === '/' ? 'index.html' : u.pathname.slice(1));
  });
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.addInitScript(recorder, spec.kind);
  try {
    await page.goto(url);
    await spec.ready(page);
    await page.waitForFunction(() => window.__bench.shownAt !== null, null, { timeout: 60000 });
    const start = await page.evaluate(() => ({ shown: window.__bench.shownAt, ready: window.__bench.readyAt }));

    await new Promise((r) => setTimeout(r, SETTLE_MS));
    await spec.idleFrames(page, 'start');
    const callbacks0 = await page.evaluate(() => window.__bench.callbacks);
    const cpu0 = browserProcesses();
    const t0 = process.hrtime.bigint();
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const cpu1 = browserProcesses();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const callbacks = (await page.evaluate(() => window.__bench.callbacks)) - callbacks0;
    const appFrames = await spec.idleFrames(page, 'end');
    const cpu = cpuBetween(cpu0, cpu1);
    const byType = Object.fromEntries(Object.entries(cpu.byType).map(([k, v]) => [k, v / seconds]));

    const edits = await spec.edits(page, EDITS);
    return {
      page: spec.kind, first_frame_shown_ms: start.shown, content_ready_ms: start.ready,
      idle: { seconds, cpu_per_s: cpu.all / seconds, cpu_per_s_by_type: byType, raf_callbacks: callbacks,
        app_frames_drawn: appFrames },
      edits: { ...edits, median_ms: edits.latencies.length ? median(edits.latencies) : null },
      requested: [...requested].sort(), errors,
    };
  } finally {
    await context.close();
  }
}

// The folder of a built Playground: `playground` itself or its dist/.
function playgroundDist(playground) {
  const dist = fs.existsSync(path.join(playground, 'dist', 'index.html')) ? path.join(playground, 'dist') : playground;
  if (!fs.existsSync(path.join(dist, 'bundle.js'))) throw new Error(`${playground} holds no built Playground (dist/bundle.js)`);
  return dist;
}

// ---- Both pages, interleaved --------------------------------------------------------------------

// `ours`: the page's folder (build/web); `playground`: a built TensorFlow Playground (its dist
// folder, or the folder holding dist/), or null. Returns per page its loads and their summaries.
async function compare(browser, ours, playground, loads, log) {
  const pages = [{ spec: MLP, dir: ours }];
  if (playground) {
    pages.push({ spec: PLAYGROUND, dir: playgroundDist(playground) });
  }
  for (const p of pages) {
    p.server = await startServer(path.resolve(p.dir));
    p.loads = [];
  }
  try {
    for (const p of pages) await oneLoad(browser, p.spec, p.server.url, new URL(p.server.url).origin);  // warm-up
    for (let i = 0; i < loads; i++) {
      for (const p of pages) {
        const r = await oneLoad(browser, p.spec, p.server.url, new URL(p.server.url).origin);
        p.loads.push(r);
        log(`${p.spec.name}, load ${i + 1}: shown at ${r.first_frame_shown_ms.toFixed(0)} ms, idle ` +
          `${r.idle.cpu_per_s.toFixed(3)} CPU s/s, edit latency ${r.edits.median_ms === null ? '-' : r.edits.median_ms.toFixed(0)} ms`);
      }
    }
  } finally {
    for (const p of pages) p.server.stop();
  }
  const out = {};
  for (const p of pages) {
    const of = (read) => summary(p.loads.map(read).filter((v) => v !== null && v !== undefined));
    const files = p.loads[0].requested.filter((f) => fs.existsSync(path.join(p.dir, f)))
      .map((name) => ({ name, ...fileSizes(path.join(p.dir, name)) }));
    const types = [...new Set(p.loads.flatMap((l) => Object.keys(l.idle.cpu_per_s_by_type)))];
    out[p.spec.kind] = {
      name: p.spec.name, loads: p.loads,
      first_frame_shown_ms: of((l) => l.first_frame_shown_ms),
      idle_cpu_per_s: of((l) => l.idle.cpu_per_s),
      idle_cpu_per_s_by_type: Object.fromEntries(types.map((t) => [t, median(p.loads.map((l) => l.idle.cpu_per_s_by_type[t] || 0))])),
      idle_raf_callbacks_per_s: of((l) => l.idle.raf_callbacks / l.idle.seconds),
      idle_app_frames_per_s: of((l) => (l.idle.app_frames_drawn === null ? null : l.idle.app_frames_drawn / l.idle.seconds)),
      edit_latency_ms: summary(p.loads.flatMap((l) => l.edits.latencies)),
      edits_applied: p.loads.map((l) => `${l.edits.applied}/${l.edits.edits}`),
      bytes: { files, total: totals(files) },
    };
  }
  return out;
}

module.exports = { compare, playgroundDist, browserProcesses, cpuBetween };

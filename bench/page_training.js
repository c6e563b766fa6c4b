// The page while it trains and while a network with targets is dragged, for bench/page_bench.js:
//
// - training (issue 14, "Speed"): the epochs a second and the frames a second while Run trains on
//   a data set, for 4-2 and 8x6 beside TensorFlow Playground when its build is given (the same
//   data set, network, batch size and learning rate, in the same headless Chromium, the two pages
//   taken in turn, so the machine's load falls on both alike), and for 8x128 and the largest
//   network a data set can train (2-1022-1022-1, 1,047,550 weights) on the page alone: Playground
//   has at most 6 hidden layers of 8. Each page is opened in a fresh browser context, its network
//   set up, Run (Playground: its play button) pressed with a real click, then after WARM_MS the
//   epoch counter read, MEASURE_MS let go by with no input (three times as long for the largest
//   network, whose frames take seconds), and the counter read again.
//   Both count an epoch as one pass over the train points (250 of 500: half are held out), taken
//   `batch` at a time: MLP Explorer's state().epoch, Playground's "Epoch" (#iter-number, one
//   oneStep() of its src/playground.ts: every train point forward and back, the weights updated
//   every batchSize points). MLP Explorer trains as many points a frame as fit 8 ms of it
//   (src/app/training_pace.h); Playground trains one epoch per d3.timer tick, an animation frame.
//   Frames: the animation-frame callbacks of the page (a requestAnimationFrame loop of ours beside
//   the page's), their count and the intervals between them; for MLP Explorer also the app's own
//   CPU time per frame (frameStats). CPU: every browser process's time from /proc, per second, and
//   the GPU process's per frame (its CPU a second over the frames a second).
// - the canvas floor: a page with nothing but a WebGL2 canvas as large as the window (opaque, no
//   antialiasing, as the app's), cleared to a new colour every animation frame, measured the same
//   way: what Chromium's GPU process spends on any frame of a canvas of that size in software GL
//   (the clear, handing the frame to the compositor, compositing it), before anything is drawn.
//   The training figures' GPU CPU a frame is this floor and the page's own drawing.
// - drag-targets (issue 13, "Performance"): the drag of (c) on 8x128 and 1024x1024 with targets
//   (zeros for every output, as the native backward benchmark has) and the Gradients view on, so
//   each frame of the drag also computes the backward pass and colours the lines by dL/dw; then
//   one step of gradient descent in the page, alone (the export page.js calls) and as the script
//   API's mlpExplorer.step(1) (which returns state(), the JSON of the whole network).
'use strict';

const fs = require('node:fs');
const h = require('../tests/browser/harness');
const { median, summary, startServer, dragTarget, drag, frameSummary } = require('./page_lib');
const { playgroundDist, browserProcesses, cpuBetween } = require('./page_compare');

const WARM_MS = 2000;      // after Run: the training pace settles
const MEASURE_MS = 10000;  // the window the figures are taken over (longer where a frame takes seconds)
const STEPS = 5;           // step(1) timings per network

// Playground's defaults, which both pages train with: the circle, no noise, 500 points of which
// half train, batches of 10, learning rate 0.03, tanh, the inputs x1 and x2, no regularization.
const SETTINGS = { batch: 10, lr: 0.03, points: 500, test: 0.5 };
const TRAIN_NETWORKS = [
  { name: '4-2', shape: [2, 4, 2, 1], playground: [4, 2] },
  { name: '8x6', shape: [2, 8, 8, 8, 8, 8, 8, 1], playground: [8, 8, 8, 8, 8, 8] },
  { name: '8x128', shape: [2, ...Array(8).fill(128), 1] },
  { name: '1M', shape: [2, 1022, 1022, 1], measureMs: 3 * MEASURE_MS },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').trim();
const weightCount = (shape) => shape.slice(1).reduce((n, k, i) => n + k * shape[i], 0);

// A training link: `shape` with small pseudo-random weights (uniform in ±1/sqrt(fan-in), three
// decimals, a fixed seed), tanh after every layer as in Playground (its output is tanh too), the
// circle data set and Playground's settings.
function trainingLink(shape, seed = 1) {
  let s = seed >>> 0;
  const rand = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const parts = [`v=1&shape=${shape.join(',')}`, `x=${Array(shape[0]).fill(0).join(',')}`];
  for (let l = 1; l < shape.length; l++) {
    const scale = 1 / Math.sqrt(shape[l - 1]);
    const rows = [];
    for (let i = 0; i < shape[l]; i++) {
      const row = new Array(shape[l - 1]);
      for (let j = 0; j < shape[l - 1]; j++) row[j] = +((rand() * 2 - 1) * scale).toFixed(3);
      rows.push(row.join(','));
    }
    parts.push(`w${l}=${rows.join(';')}`);
  }
  parts.push(`act=${Array(shape.length - 1).fill('tanh').join(',')}`);
  parts.push(`lr=${SETTINGS.lr}&data=circle&points=${SETTINGS.points}&test=${SETTINGS.test}&batch=${SETTINGS.batch}`);
  return parts.join('&');
}

// Playground's address for the same training (the keys of its src/state.ts).
function playgroundHash(hidden) {
  return `#activation=tanh&batchSize=${SETTINGS.batch}&dataset=circle&regDataset=reg-plane&learningRate=${SETTINGS.lr}` +
    `&regularizationRate=0&noise=0&networkShape=${hidden.join(',')}&seed=0.12345&showTestData=false&discretize=false` +
    `&percTrainData=${100 * (1 - SETTINGS.test)}&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false` +
    '&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false';
}

// Before the page's scripts: a requestAnimationFrame loop of ours that notes every frame's start
// while it records.
function frameClock() {
  const clock = { times: [], on: false };
  const raf = window.requestAnimationFrame.bind(window);
  const loop = (t) => {
    if (!clock.on) return;
    clock.times.push(t);
    raf(loop);
  };
  clock.start = () => { clock.times = []; clock.on = true; raf(loop); };
  clock.stop = () => { clock.on = false; return clock.times; };
  window.__clock = clock;
}

// The figures of one window: epochs and frames a second, frame intervals, CPU.
function windowFigures(a, b, times, cpu) {
  const seconds = (b.t - a.t) / 1000;
  const inside = times.filter((t) => t >= a.t && t <= b.t);
  const intervals = inside.slice(1).map((t, i) => t - inside[i]);
  const gpuSeconds = cpu.byType['gpu-process'] || 0;
  return {
    seconds, epochs: b.epoch - a.epoch, epochs_per_s: (b.epoch - a.epoch) / seconds,
    frames_per_s: inside.length / seconds, interval_ms: summary(intervals),
    gpu_ms_per_frame: inside.length ? (1000 * gpuSeconds) / inside.length : null,
    cpu_per_s: cpu.all / seconds,
    cpu_per_s_by_type: Object.fromEntries(Object.entries(cpu.byType).map(([k, v]) => [k, v / seconds])),
  };
}

// ---- The canvas floor -------------------------------------------------------------------------

const FLOOR_PAGE = `<!doctype html><html><body style="margin:0;overflow:hidden">
<canvas id="c" style="display:block;width:100vw;height:100vh"></canvas><script>
const c = document.getElementById('c');
c.width = innerWidth * devicePixelRatio;
c.height = innerHeight * devicePixelRatio;
const gl = c.getContext('webgl2', { alpha: false, antialias: false, depth: false, stencil: false });
let n = 0;
window.__frames = () => n;
(function frame() {
  n++;
  gl.clearColor((n % 64) / 64, 0.5, 0.5, 1);
  gl.clear(gl.COLOR_BUFFER_BIT);
  requestAnimationFrame(frame);
})();
</script></body></html>`;
const FLOOR_WINDOWS = 3;
const FLOOR_MS = 5000;

// The GPU process's CPU a frame for a canvas that is only cleared: median of FLOOR_WINDOWS windows.
async function canvasFloor(browser) {
  const context = await browser.newContext({ viewport: h.DESKTOP });
  const page = await context.newPage();
  const at = loadavg();
  try {
    await page.setContent(FLOOR_PAGE);
    await sleep(WARM_MS);
    const windows = [];
    for (let i = 0; i < FLOOR_WINDOWS; i++) {
      const a = await page.evaluate(() => ({ frames: window.__frames(), t: performance.now() }));
      const cpu0 = browserProcesses();
      await sleep(FLOOR_MS);
      const cpu1 = browserProcesses();
      const b = await page.evaluate(() => ({ frames: window.__frames(), t: performance.now() }));
      const seconds = (b.t - a.t) / 1000;
      const cpu = cpuBetween(cpu0, cpu1);
      const frames = b.frames - a.frames;
      const gpuSeconds = cpu.byType['gpu-process'] || 0;
      if (frames <= 0) throw new Error('the canvas drew no frames');
      windows.push({ frames_per_s: frames / seconds, gpu_cpu_per_s: gpuSeconds / seconds,
        gpu_ms_per_frame: (1000 * gpuSeconds) / frames, cpu_per_s: cpu.all / seconds });
    }
    const size = await page.evaluate(() => [document.getElementById('c').width, document.getElementById('c').height]);
    return { loadavg: at, canvas: size, windows, frames_per_s: median(windows.map((w) => w.frames_per_s)),
      gpu_ms_per_frame: median(windows.map((w) => w.gpu_ms_per_frame)), cpu_per_s: median(windows.map((w) => w.cpu_per_s)) };
  } finally {
    await context.close();
  }
}

// ---- MLP Explorer training --------------------------------------------------------------------

async function trainOurs(browser, url, net) {
  const page = await h.openPage(browser, url, { initScript: frameClock });
  const at = loadavg();
  try {
    await h.waitForApp(page, 60000);
    await page.evaluate((text) => { window.__benchLink = text; }, trainingLink(net.shape));
    const opened = await page.evaluate(() => {
      const s = window.mlpExplorer.load(window.__benchLink);
      window.__benchLink = null;
      return { error: s.error, epoch: s.epoch, data: s.data && s.data.kind, shape: s.shape, batch: s.batch,
        train: s.data && s.data.train_count };
    });
    if (opened.error) throw new Error(`${net.name}: load() refused the link: ${opened.error}`);
    if (opened.data !== 'circle' || opened.shape.join() !== net.shape.join()) {
      throw new Error(`${net.name}: the page shows ${JSON.stringify(opened)}`);
    }
    await h.frames(page, 3);
    // One epoch alone, before the run: the export train(1) calls, without the state() it returns
    // and without a frame (the plot, the drawing), to tell the training's share of a frame.
    const epochMs = await page.evaluate(() => {
      const t0 = performance.now();
      window.Module._mlp_train(1);
      return performance.now() - t0;
    });
    await h.frames(page, 3);
    const tab = h.find(await h.ui(page), 'tab:Data');
    if (!tab || !tab.highlighted) await h.click(page, 'tab:Data');
    await h.click(page, 'button:Run', { panel: 'panel:data' });
    if (!h.find(await h.ui(page), 'button:Pause')) throw new Error(`${net.name}: Run did not start training`);
    await sleep(WARM_MS);
    // The epoch cannot change while a script runs (training runs in the app's animation frames),
    // so the count read with state() holds at the time taken after it, and before it at the end.
    const a = await page.evaluate(() => {
      const epoch = window.mlpExplorer.state().epoch;
      window.mlpExplorer.frameStats();
      window.__clock.start();
      return { epoch, t: performance.now(), app_frames: window.mlpExplorer.framesRun() };
    });
    const cpu0 = browserProcesses();
    await sleep(net.measureMs || MEASURE_MS);
    const cpu1 = browserProcesses();
    const b = await page.evaluate(() => {
      const t = performance.now();
      const times = window.__clock.stop();
      const app_frames = window.mlpExplorer.framesRun();
      const stats = window.mlpExplorer.frameStats();
      return { t, times, app_frames, stats, epoch: window.mlpExplorer.state().epoch };
    });
    if (page.errors.length) throw new Error(`the page reported errors: ${page.errors.join('; ')}`);
    const frames = b.stats.frames.filter((f) => f.start >= a.t && f.start <= b.t);
    return {
      page: 'mlp', loadavg: at, train_points: opened.train, epoch_alone_ms: epochMs,
      ...windowFigures(a, b, b.times, cpuBetween(cpu0, cpu1)),
      app_frames_per_s: (b.app_frames - a.app_frames) / ((b.t - a.t) / 1000),
      app_frame_cpu_ms: summary(frames.map((f) => f.total)),
      app_phase_median_ms: frames.length ? frameSummary(frames, b.stats.phases).phase_median_ms : null,
    };
  } finally {
    await page.context().close();
  }
}

// ---- TensorFlow Playground training -----------------------------------------------------------

async function trainPlayground(browser, url, net) {
  const context = await browser.newContext({ viewport: h.DESKTOP });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.addInitScript(frameClock);
  const at = loadavg();
  try {
    await page.goto(url + playgroundHash(net.playground));
    await page.waitForSelector('#play-pause-button');
    // Its controls say it took the settings from the address.
    const shown = await page.evaluate(() => ({
      layers: document.querySelector('#num-layers').textContent.trim(),
      lr: document.querySelector('#learningRate').value,
      activation: document.querySelector('#activations').value,
      batch: document.querySelector('#batchSize').value,
      epoch: document.querySelector('#iter-number').textContent.trim(),
    }));
    const want = { layers: String(net.playground.length), lr: String(SETTINGS.lr), activation: 'tanh', batch: String(SETTINGS.batch) };
    for (const key of Object.keys(want)) {
      if (shown[key] !== want[key]) throw new Error(`Playground ${net.name}: its ${key} is ${shown[key]}, not ${want[key]}`);
    }
    await page.click('#play-pause-button');
    await sleep(WARM_MS);
    const read = () => {
      const epoch = Number(document.querySelector('#iter-number').textContent.replace(/,/g, ''));
      return { epoch, t: performance.now() };
    };
    const a = await page.evaluate(read);
    await page.evaluate(() => window.__clock.start());
    const cpu0 = browserProcesses();
    await sleep(net.measureMs || MEASURE_MS);
    const cpu1 = browserProcesses();
    const b = await page.evaluate(read);
    const times = await page.evaluate(() => window.__clock.stop());
    if (!(a.epoch > 0)) throw new Error(`Playground ${net.name}: the play button did not start training`);
    if (errors.length) throw new Error(`Playground reported errors: ${errors.join('; ')}`);
    return { page: 'playground', loadavg: at, train_points: SETTINGS.points * (1 - SETTINGS.test),
      ...windowFigures(a, b, times, cpuBetween(cpu0, cpu1)) };
  } finally {
    await context.close();
  }
}

// Each page's runs of network `r` in summaries (the medians of the runs' figures), beside them.
function summarise(r) {
  for (const side of ['mlp', 'playground']) {
    const ok = r[side].filter((x) => !x.error);
    if (!ok.length) continue;
    const of = (read) => summary(ok.map(read).filter((v) => v !== null && v !== undefined));
    r[`${side}_summary`] = {
      runs: ok.length, epochs_per_s: of((x) => x.epochs_per_s), frames_per_s: of((x) => x.frames_per_s),
      interval_p50_ms: of((x) => x.interval_ms && x.interval_ms.median), interval_p95_ms: of((x) => x.interval_ms && x.interval_ms.p95),
      cpu_per_s: of((x) => x.cpu_per_s), gpu_ms_per_frame: of((x) => x.gpu_ms_per_frame),
      app_frame_cpu_ms: side === 'mlp' ? of((x) => x.app_frame_cpu_ms && x.app_frame_cpu_ms.median) : null,
      app_frame_cpu_p95_ms: side === 'mlp' ? of((x) => x.app_frame_cpu_ms && x.app_frame_cpu_ms.p95) : null,
      epoch_alone_ms: side === 'mlp' ? of((x) => x.epoch_alone_ms) : null,
    };
    if (side === 'mlp') {
      const phases = ok[0].app_phase_median_ms ? Object.keys(ok[0].app_phase_median_ms) : [];
      r.mlp_summary.app_phase_median_ms = Object.fromEntries(phases.map((k) => [k,
        median(ok.filter((x) => x.app_phase_median_ms).map((x) => x.app_phase_median_ms[k]))]));
    }
  }
  return r;
}

// Each network's runs in turn (MLP Explorer, then Playground where it can), `rounds` times.
async function training(browser, ourUrl, playground, rounds, log) {
  const pg = playground ? await startServer(playgroundDist(playground)) : null;
  const out = { date: new Date().toISOString(), rounds, measure_s: MEASURE_MS / 1000, warm_s: WARM_MS / 1000, settings: SETTINGS, networks: [] };
  try {
    out.canvas_floor = await canvasFloor(browser).catch((err) => ({ error: String(err.message).split('\n')[0] }));
    log('canvas floor: ' + (out.canvas_floor.error ? `FAILED ${out.canvas_floor.error}` :
      `${out.canvas_floor.gpu_ms_per_frame.toFixed(1)} ms of the GPU process a frame at ${out.canvas_floor.frames_per_s.toFixed(1)} frames/s`));
    for (const net of TRAIN_NETWORKS) {
      const r = { name: net.name, shape: net.shape, weights: weightCount(net.shape), measure_s: (net.measureMs || MEASURE_MS) / 1000,
        mlp: [], playground: [] };
      for (let i = 0; i < rounds; i++) {
        const ours = await trainOurs(browser, ourUrl, net).catch((err) => ({ error: String(err.message).split('\n')[0] }));
        r.mlp.push(ours);
        log(`training ${net.name}, MLP Explorer: ` + (ours.error ? `FAILED ${ours.error}` :
          `${ours.epochs_per_s.toFixed(1)} epochs/s, ${ours.frames_per_s.toFixed(1)} frames/s, app frame ` +
          `${ours.app_frame_cpu_ms ? ours.app_frame_cpu_ms.median.toFixed(1) : '-'} ms, GPU process ` +
          `${ours.gpu_ms_per_frame === null ? '-' : ours.gpu_ms_per_frame.toFixed(1)} ms a frame (load ${ours.loadavg.split(' ')[0]})`));
        if (pg && net.playground) {
          const theirs = await trainPlayground(browser, pg.url, net).catch((err) => ({ error: String(err.message).split('\n')[0] }));
          r.playground.push(theirs);
          log(`training ${net.name}, Playground: ` + (theirs.error ? `FAILED ${theirs.error}` :
            `${theirs.epochs_per_s.toFixed(1)} epochs/s, ${theirs.frames_per_s.toFixed(1)} frames/s`));
        }
      }
      summarise(r);
      out.networks.push(r);
    }
  } finally {
    if (pg) pg.stop();
  }
  return out;
}

// ---- Dragging with targets and the Gradients view; a step -----------------------------------

// `link`: a bench network's link; targets of zeros for its one sample are added, and a small
// learning rate, so the timed steps keep the weights finite (these random ReLU networks diverge
// at the default 0.03 within a few steps, towards numbers no lesson has).
async function dragTargetsIn(page, name, link, outputs, opts) {
  const at = loadavg();
  await page.evaluate((text) => { window.__benchLink = text; }, `${link}&y=${Array(outputs).fill(0).join(',')}&lr=0.00001`);
  const error = await page.evaluate(() => {
    const s = window.mlpExplorer.load(window.__benchLink);
    window.__benchLink = null;
    return s.error || (s.loss_value === undefined || s.loss_value === null ? 'no loss: the targets were not taken' : null);
  });
  if (error) throw new Error(`${name}: ${error}`);
  await h.frames(page, 3);
  await h.click(page, 'button:Gradients');
  if (!h.find(await h.ui(page), 'button:Gradients').highlighted) throw new Error(`${name}: the Gradients view is not on`);
  // The targets' sliders (one per output) push W1's section below the panel's edge: closed first.
  if (h.find(await h.ui(page), 'slider:y1[1]')) await h.click(page, 'section:targets');
  if (!h.find(await h.ui(page), 'slider:W1[1,1]')) {
    await h.click(page, 'section:W1', { panel: 'panel:controls' });
    await h.reveal(page, 'slider:W1[1,1]', 'panel:controls');
  }
  const target = await dragTarget(page);
  if (!target || target.kind !== 'slider') throw new Error(`${name}: no weight slider of W1 on screen`);
  let phases = null;
  const rounds = [];
  for (let r = 0; r < opts.rounds; r++) {
    await page.evaluate(() => window.mlpExplorer.frameStats());
    const { t0, t1 } = await drag(page, target, opts.moves);
    const stats = await page.evaluate(() => window.mlpExplorer.frameStats());
    phases = stats.phases;
    rounds.push(stats.frames.filter((f) => f.start >= t0 && f.start <= t1 && f.edited));
  }
  const edited = rounds.flat();
  if (!(await page.evaluate(() => window.mlpExplorer.ui())).items.find((it) => it.name === 'button:Gradients').highlighted) {
    throw new Error(`${name}: the Gradients view went off during the drag`);
  }
  // A step: the export alone (what Step in the page does), then the script API's step(1), which
  // returns state(); each after a few frames, so the previous step's drawing is done.
  const steps = [];
  for (let i = 0; i < STEPS; i++) {
    await h.frames(page, 3);
    steps.push(await page.evaluate(() => {
      const loss0 = window.mlpExplorer.state().loss_value;
      const t0 = performance.now();
      window.Module._mlp_step(1);
      const t1 = performance.now();
      const s = window.mlpExplorer.step(1);
      const t2 = performance.now();
      return { step_ms: t1 - t0, api_ms: t2 - t1, error: s.error, loss0, loss2: s.loss_value };
    }));
  }
  if (steps[0].error) throw new Error(`${name}: step refused: ${steps[0].error}`);
  return {
    name, date: new Date().toISOString(), loadavg: at, target: target.name, rounds: opts.rounds, moves: opts.moves,
    edited_frames: rounds.map((r) => r.length), ...frameSummary(edited, phases),
    round_median_ms: rounds.map((r) => (r.length ? median(r.map((f) => f.total)) : null)),
    step_ms: summary(steps.map((s) => s.step_ms)), api_step_ms: summary(steps.map((s) => s.api_ms)),
    loss_first: steps[0].loss0, loss_last: steps[steps.length - 1].loss2,
  };
}

module.exports = { training, summarise, dragTargetsIn, trainingLink, TRAIN_NETWORKS };

// The soak (issue 7): one page opens well over a thousand hostile links and JSON texts
// (robustness_inputs.js: valid ones and mutations of every kind), each through load() and again
// through the address bar (location.hash, hashchange), with a frame drawn after each. Every one
// must give either a valid network or a clear message with the previous network kept; no
// exception may reach the console, nothing may be parsed as markup, and the wasm heap must not
// keep growing.
//
// Deterministic: MLP_SOAK_SEED picks another seed (default 1), MLP_SOAK_INPUTS another count
// (default 1050: over 1000 of them through the address bar too, where a few are skipped). A failure names the input (seed, index, how it was made), which
// hostileInputs.make(seed, index) makes again.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const SEED = Number(process.env.MLP_SOAK_SEED || 1);
const INPUTS = Number(process.env.MLP_SOAK_INPUTS || 1050);
const WARM_UP = 500;           // valid documents: as many as the undo history keeps (EditHistory::kMaxSteps)
const BATCH = 50;              // inputs per round trip to the page; the heap is sampled after each
const HASH_MAX = 1 << 20;      // longer texts go through load() only (Chromium refuses URLs over 2 MiB)
const HEAP_TOLERANCE = 64 << 10;  // bytes the heap may drift over the measured part: 64 B per input

const env = h.serverAndBrowser({ before, after });

// In the page before its own scripts: the input generator, and listeners for what must never
// happen (a CSP violation, a dialog opened by injected markup).
const INIT_SCRIPT = fs.readFileSync(path.join(__dirname, 'robustness_inputs.js'), 'utf8') + `
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

// Runs in the page: opens inputs [from, to) of `source` ("make", "makeValid" or "extremes")
// through load() and, unless `loadOnly`, through the address bar; checks every answer; returns
// counts and problems. A frame is drawn after every `frameEvery`-th load(): the app's own
// requestAnimationFrame callback was registered before ours, so when ours runs the app has
// drawn the network that load() opened.
async function runInputs({ seed, source, from, to, loadOnly, hashMax, frameEvery }) {
  const api = window.mlpExplorer;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const docOf = (s) => JSON.stringify([s.shape, s.activations, s.weights, s.biases, s.inputs]);
  const KNOWN = ['relu', 'linear', 'leaky_relu', 'sigmoid', 'tanh'];
  const counts = { accepted: 0, refused: 0, viaHash: 0, hashUnchanged: 0, hashRetried: 0, ops: 0 };
  const problems = [];
  const messages = {};

  // What is wrong with an accepted state, or "".
  function invalidNetwork(s) {
    const L = s.shape.length - 1;
    const finite = (v) => typeof v === 'number' && Number.isFinite(v);
    const allowed = (v) => finite(v) && Math.abs(v) <= 1e6;
    const isMatrix = (m, rows, cols, ok) => Array.isArray(m) && m.length === rows &&
      m.every((row) => Array.isArray(row) && row.length === cols && row.every(ok));
    if (!Array.isArray(s.shape) || L < 1 || L > 32) return 'shape ' + JSON.stringify(s.shape).slice(0, 80);
    if (!s.shape.every((n) => Number.isInteger(n) && n >= 1 && n <= 1024)) return 'node counts';
    if (s.shape.slice(1).reduce((sum, n, l) => sum + n * s.shape[l], 0) > 1048576) return 'weight count';
    if (!Array.isArray(s.activations) || s.activations.length !== L || !s.activations.every((a) => KNOWN.includes(a))) return 'activations';
    const samples = s.inputs.length;
    if (samples < 1 || samples > 64 || !isMatrix(s.inputs, samples, s.shape[0], allowed)) return 'inputs';
    for (let l = 0; l < L; l++) {
      const [cols, rows] = [s.shape[l], s.shape[l + 1]];
      if (!isMatrix(s.weights[l], rows, cols, allowed)) return `weights of layer ${l + 1}`;
      if (!Array.isArray(s.biases[l]) || s.biases[l].length !== rows || !s.biases[l].every(allowed)) return `biases of layer ${l + 1}`;
      if (!isMatrix(s.z[l], samples, rows, finite) || !isMatrix(s.a[l], samples, rows, finite)) return `z or a of layer ${l + 1}`;
    }
    if (typeof s.hash !== 'string' || !s.hash.startsWith('#v=1&')) return 'hash';
    return '';
  }

  function check(s, previous, input, index, via) {
    counts.ops++;
    const where = `${source} ${index} (${input.kind}) via ${via}`;
    const problem = (what) => problems.push(`${where}: ${what}; text ${JSON.stringify(input.text.slice(0, 120))}`);
    if (!Array.isArray(s.warnings) || !s.warnings.every((w) => typeof w === 'string')) problem('warnings are not a list of text');
    if (s.error === null) {
      counts.accepted++;
      const wrong = invalidNetwork(s);
      if (wrong) problem('accepted an invalid network: ' + wrong);
      const e = input.expect;
      if (e && JSON.stringify([s.shape, s.weights, s.biases, s.inputs, s.targets ?? null]) !==
        JSON.stringify([e.shape, e.weights, e.biases, e.inputs, e.targets])) {
        problem('a valid text opened as another network');
      }
    } else {
      counts.refused++;
      // JSON is not a link: through the address bar it is refused like any other bad fragment.
      if (input.valid && (via === 'load()' || !input.json)) problem('a valid text was refused: ' + s.error);
      if (typeof s.error !== 'string' || s.error.length < 8 || s.error.length > 400) problem('message ' + JSON.stringify(s.error));
      else if (/[\u0000-\u001f\u007f-\uffff]/.test(s.error)) problem('message with control or non-ASCII characters');
      else if (!/[a-z]{3,}/i.test(s.error)) problem('message names nothing: ' + s.error);
      if (docOf(s) !== previous) problem('the previous network was not kept');
      const head = s.error.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 48);
      messages[head] = (messages[head] || 0) + 1;
    }
  }

  // Sets the address bar's fragment and waits until the page has opened it. The app may replace
  // the fragment (history.replaceState, the link of an earlier edit) between the change and the
  // hashchange event; the page then opened that instead, and the change is made again.
  async function openViaHash(text) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = location.hash;
      location.hash = text;
      const expected = location.hash;  // as the browser wrote it (percent-encoded where needed)
      if (expected === before) return 'unchanged';  // no hashchange: nothing new to open
      const seen = await new Promise((resolve) => window.addEventListener('hashchange', () => resolve(location.hash), { once: true }));
      if (seen === expected) return 'opened';
      counts.hashRetried++;
    }
    return 'raced';
  }

  const inputs = source === 'extremes' ? hostileInputs.extremes() : null;
  for (let i = from; i < to; i++) {
    const input = inputs ? inputs[i] : hostileInputs[source](seed, i);
    let previous = docOf(api.state());
    check(api.load(input.text), previous, input, i, 'load()');
    if ((i + 1) % frameEvery === 0) await frame();
    if (loadOnly || input.text.length > hashMax) continue;
    previous = docOf(api.state());
    const opened = await openViaHash(input.text);
    if (opened === 'unchanged') counts.hashUnchanged++;
    else if (opened === 'raced') problems.push(`${source} ${i}: the app kept replacing the fragment`);
    else {
      counts.viaHash++;
      check(api.state(), previous, input, i, 'hashchange');
    }
  }
  // Nothing from the inputs became markup: no new scripts or images (the page's own note field is
  // its one textarea), banners and the title and note hold text only.
  const dom = {
    scripts: document.scripts.length,
    injected: document.querySelectorAll('img, svg, iframe, object, embed, b, textarea:not(#note-field)').length,
    bannerElements: document.getElementById('message-text').childElementCount +
      document.getElementById('notice-text').childElementCount +
      document.getElementById('doc-title').childElementCount + document.getElementById('doc-note').childElementCount,
  };
  return { counts, problems, messages, dom };
}

// The exercise again, a few frames, then the heap in use (malloc's count) and the wasm memory.
async function heapSample(page, exercise) {
  await page.evaluate((link) => window.mlpExplorer.load(link), exercise);
  await h.frames(page, 3);
  return page.evaluate(() => ({ inUse: Module._mlp_heap_in_use(), memory: Module.HEAP8.length }));
}

// Least-squares slope of ys over 0, 1, 2, ...
function slope(ys) {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => { num += (x - mx) * (y - my); den += (x - mx) * (x - mx); });
  return num / den;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

test(`soak: ${INPUTS} hostile links and JSON texts through load() and hashchange in one page (seed ${SEED})`, async () => {
  const started = Date.now();
  const page = await h.openApp(env.browser, env.server.url, { initScript: { content: INIT_SCRIPT } });
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  const scriptsAtStart = await page.evaluate(() => document.scripts.length);
  const exercise = await page.evaluate(() => hostileInputs.EXERCISE);
  const totals = { accepted: 0, refused: 0, viaHash: 0, hashUnchanged: 0, hashRetried: 0, ops: 0 };
  const messages = {};
  const heap = { start: await heapSample(page, exercise) };

  async function run(source, from, to, options = {}) {
    const out = await page.evaluate(runInputs, { seed: SEED, source, from, to, hashMax: HASH_MAX, loadOnly: false,
      frameEvery: 1, ...options });
    for (const k of Object.keys(totals)) totals[k] += out.counts[k];
    for (const [m, n] of Object.entries(out.messages)) messages[m] = (messages[m] || 0) + n;
    assert.deepEqual(out.problems, [], `${source} ${from}..${to - 1}`);
    assert.deepEqual(page.errors, [], `no exception or console error (${source} ${from}..${to - 1})`);
    assert.equal(out.dom.scripts, scriptsAtStart, 'no script element was added');
    assert.equal(out.dom.injected, 0, 'no markup from the inputs in the page');
    assert.equal(out.dom.bannerElements, 0, 'the banners hold text only');
    assert.deepEqual(dialogs, [], 'no dialog was opened');
    return out;
  }

  // The extremes first: the largest allowed networks and texts set how far the memory grows.
  const extremes = await page.evaluate(() => hostileInputs.extremes().length);
  const seconds = {};
  let mark = Date.now();
  const lap = (name) => { seconds[name] = Math.round((Date.now() - mark) / 1000); mark = Date.now(); };
  lap('start');
  await run('extremes', 0, extremes);
  lap('extremes');
  // Then fill the undo history with valid documents like those the soak opens.
  for (let i = 0; i < WARM_UP; i += 100) await run('makeValid', i, i + 100, { loadOnly: true, frameEvery: 10 });
  heap.warm = await heapSample(page, exercise);
  lap('warmUp');

  // The measured part: every input through load() and the address bar; the heap after each batch.
  const samples = [];
  for (let i = 0; i < INPUTS; i += BATCH) {
    await run('make', i, Math.min(INPUTS, i + BATCH));
    samples.push(await heapSample(page, exercise));
  }
  lap('measured');
  const inUse = samples.map((s) => s.inUse);
  const third = Math.max(1, Math.floor(inUse.length / 3));
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const drift = mean(inUse.slice(-third)) - mean(inUse.slice(0, third));
  const trend = slope(inUse) * (inUse.length - 1);
  const report = {
    seed: SEED,
    inputs: { extremes, warmUp: WARM_UP, measured: INPUTS },
    opened: totals,
    heapInUse: { start: heap.start.inUse, afterWarmUp: heap.warm.inUse, min: Math.min(...inUse), max: Math.max(...inUse),
      last: inUse[inUse.length - 1], drift, trend, samples: inUse.length },
    wasmMemory: { start: heap.start.memory, afterWarmUp: heap.warm.memory, last: samples[samples.length - 1].memory },
    seconds: { ...seconds, total: Math.round((Date.now() - started) / 1000) },
    commonestMessages: Object.entries(messages).sort((a, b) => b[1] - a[1]).slice(0, 12),
  };
  console.log('# soak ' + JSON.stringify(report));

  assert.ok(totals.ops >= 2000, `at least 1000 inputs through each path (${totals.ops} opened)`);
  assert.ok(totals.accepted > 100 && totals.refused > 500, `both outcomes are exercised (${totals.accepted} accepted, ${totals.refused} refused)`);
  assert.ok(totals.viaHash >= 1000, `at least 1000 through hashchange (${totals.viaHash})`);
  assert.ok(Math.abs(drift) < HEAP_TOLERANCE && trend < HEAP_TOLERANCE,
    `the heap in use does not keep growing: ${kib(drift)} between the first and last third, trend ${kib(trend)} over ` +
    `${inUse.length} samples (${inUse.map(kib).join(', ')})`);
  assert.equal(samples[samples.length - 1].memory, heap.warm.memory, 'the wasm memory did not grow after the warm-up');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'no Content-Security-Policy violation');
  assert.equal(await page.evaluate(() => window.mlpExplorer.failure), null, 'the app is still running');
  // Still drawing: a valid link opened at the end shows its network.
  await page.evaluate((link) => window.mlpExplorer.load(link), exercise);
  await h.frames(page, 3);
  assert.ok(h.distinctColours(await h.screenshotPixels(page)) > 20, 'the page still draws');
  await page.context().close();
});

// The browser test harness: serves build/web on loopback, starts Debian's Chromium headless with
// WebGL2 through SwiftShader, opens the page and waits until the app has drawn its first frame.
// A page that fails to start (no WebGL2, wasm missing) makes openApp throw: a test can never pass
// on a page that did not run.
'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { chromium } = require('playwright-core');
const { PNG } = require('pngjs');

const ROOT = path.resolve(__dirname, '..', '..');
const WEB_DIR = process.env.MLP_WEB_DIR || path.join(ROOT, 'build', 'web');
// Which build of the app the tests open: the browser's choice (Chromium has wasm SIMD, so the
// SIMD build), or with MLP_WASM_BUILD=plain the plain one, forced by the page's ?wasm=plain
// (./build.sh test runs a part of the suite so).
const PAGE_QUERY = process.env.MLP_WASM_BUILD === 'plain' ? '?wasm=plain' : '';

const CHROMIUM_ARGS = [
  '--enable-unsafe-swiftshader', // WebGL in headless Chromium without a GPU
  '--use-angle=swiftshader',
  '--no-sandbox',                // running as root in CI
  '--disable-background-networking', // the closed network refuses Chromium's own connections
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--hide-scrollbars',
];

const DESKTOP = { width: 1280, height: 720 };
// src/app/palette.h: the colours tests look for in screenshots.
const PALETTE = {
  positive: [0x00, 0x72, 0xb2], // positive weights (Okabe-Ito blue)
  negative: [0xe6, 0x9f, 0x00], // negative weights (Okabe-Ito orange)
  clipped: [0xd5, 0x5e, 0x00],  // the ring of a ReLU-clipped node (vermillion)
};
const PHONE = { width: 390, height: 844 };

// Starts tools/serve.py on a free port; resolves to { url, stop }: url is the page's address
// (with PAGE_QUERY), to which a test appends a fragment.
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [path.join(ROOT, 'tools', 'serve.py'), '--port', '0', '--dir', WEB_DIR],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`serve.py exited with ${code}`)));
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line);
      if (!match) return reject(new Error(`unexpected first line from serve.py: ${line}`));
      resolve({ url: match[1] + PAGE_QUERY, stop: () => child.kill() });
    });
  });
}

// extraArgs: more command-line switches (the benchmarks send other hosts to loopback).
function launchBrowser(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

// One server and one browser for all the tests of a file: pass node:test's before and after;
// the returned object holds `server` and `browser` once the tests run.
function serverAndBrowser({ before, after }) {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

// Opens the page in a new context and records every console error and uncaught exception, so a
// test can assert there were none.
async function openPage(browser, url, { viewport = DESKTOP, deviceScaleFactor = 1, hasTouch = false, initScript } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => page.errors.push(`exception: ${err.message}`));
  if (initScript) await page.addInitScript(initScript);
  await page.goto(url);
  return page;
}

// Waits until the app has drawn its first frame; throws with the page's own message when it
// failed to start instead.
async function waitForApp(page, timeout = 30000) {
  await page.waitForFunction(() => window.mlpExplorer && (window.mlpExplorer.ready || window.mlpExplorer.failure),
    null, { timeout });
  const failure = await page.evaluate(() => window.mlpExplorer.failure);
  if (failure) throw new Error(`the page failed to start: ${failure}`);
  // The app must really be drawing with WebGL2, not merely have loaded.
  const gl = await page.evaluate(() => {
    const ctx = Module.ctx; // the GL context Emscripten created on the canvas
    return ctx ? { webgl2: ctx instanceof WebGL2RenderingContext, renderer: ctx.getParameter(ctx.RENDERER) } : null;
  });
  if (!gl || !gl.webgl2) throw new Error('the app is not drawing through a WebGL2 context');
  return gl;
}

async function openApp(browser, url, options) {
  const page = await openPage(browser, url, options);
  page.gl = await waitForApp(page);
  return page;
}

function state(page) {
  return page.evaluate(() => window.mlpExplorer.state());
}

function ui(page) {
  return page.evaluate(() => window.mlpExplorer.ui());
}

// The on-screen rectangle of a named UI item (see src/app/ui_probe.h), waiting a few frames for
// it to appear and to stay where it is for a frame (ImGui's windows and tables fit their contents
// over the first frames after start-up: a press aimed at where an item was a frame before can
// miss it); throws when it never does.
async function item(page, name, { timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  let last = null;
  for (;;) {
    const found = (await ui(page)).items.find((it) => it.name === name);
    if (found && last && found.x === last.x && found.y === last.y && found.w === last.w && found.h === last.h) {
      return { ...found, cx: found.x + found.w / 2, cy: found.y + found.h / 2 };
    }
    if (Date.now() > deadline) throw new Error(`UI item ${name} is not on screen, or never stays in place`);
    last = found;
    await frames(page, found ? 1 : 2);
  }
}

// Whether rectangle `inner` lies wholly inside `outer` (half a pixel of slack for rounding).
function inside(inner, outer) {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 &&
    inner.x + inner.w <= outer.x + outer.w + 0.5 && inner.y + inner.h <= outer.y + outer.h + 0.5;
}

// Scrolls the panel `panel` with the mouse wheel until the UI item `name` is wholly inside it;
// returns its rectangle (with its centre cx, cy). The wheel turns towards the item when it is
// partly in view; otherwise down, and up once scrolling down moves nothing any more (the
// laptop's worksheet strip scrolls sideways with it).
async function reveal(page, name, panel = 'panel:controls') {
  let down = true;
  let last = '';
  let still = 0;  // wheel turns in a row that moved nothing (some are lost between frames)
  for (let i = 0; i < 80; i++) {
    const items = (await ui(page)).items;
    const it = items.find((x) => x.name === name);
    const box = items.find((x) => x.name === panel);
    if (!box) throw new Error(`${panel} is not on screen`);
    // Whole in view: inside the panel and not cut off by a scrolled child's edge (a tab bar or a
    // header above it would take the click).
    if (it && inside(it, box) && !it.clipped) return { ...it, cx: it.x + it.w / 2, cy: it.y + it.h / 2 };
    const where = JSON.stringify(items.filter((x) => inside(x, box) && x !== box).map((x) => [x.name, x.x, x.y]));
    still = where === last ? still + 1 : 0;
    last = where;
    if (!it && still >= 3) {  // the end of the panel: the other way
      down = !down;
      still = 0;
    }
    if (it) {
      down = it.clipped ? it.y + it.h / 2 > box.y + box.h / 2
                        : it.y + it.h > box.y + box.h || it.x + it.w > box.x + box.w;
    }
    await page.mouse.move(box.x + box.w / 2, box.y + box.h - 20);
    await page.mouse.wheel(0, down ? 60 : -60);
    await frames(page, 2);
  }
  throw new Error(`${name} never came into view in ${panel}`);
}

// Waits until the app has run n more frames, so an input has been processed and drawn. The app
// runs no frames while nothing changes (src/platform/frame_scheduler.h): they are asked for.
function frames(page, n = 2) {
  // Counted in the app's own frames once it runs: the browser's animation frames would do only if
  // the app's callback always ran before ours in each of them, and it need not.
  return page.evaluate((count) => new Promise((done) => {
    const app = window.mlpExplorer;
    const run = () => (app && app.ready ? app.framesRun() : null);
    const start = run();
    if (start !== null && app.requestFrames) app.requestFrames(count + 1);
    let ticks = 0;
    const step = () => {
      ticks++;
      const now = run();
      // One frame more than asked: a click pressed and released between two frames takes ImGui
      // two frames to see, and the events may land just after a frame began. The browser's frames
      // stand in before the app runs; a page whose app stopped running
      // frames gives up after many, and the test's own checks then say what is wrong.
      const enough = start === null || now === null ? ticks >= count : now - start > count || ticks > 20 * count + 60;
      if (enough) done(); else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }), n);
}

// Reads `read(page)` once per frame of the app until `check` holds of it, at most `maxFrames`
// frames; returns the last reading, for the test to assert on (so a wait that runs out fails
// there, with the values). For what the app shows a frame or two after an input.
async function until(page, read, check, maxFrames = 30) {
  let value = await read(page);
  for (let i = 0; i < maxFrames && !check(value); i++) {
    await frames(page, 1);
    value = await read(page);
  }
  return value;
}

// Drags with the left button from (x, y) by (dx, dy) as a hand does: the press, then `steps`
// moves a frame apart, then the release, with frames in between. `onStep(i)` runs after move i
// (to read what the drag did so far).
async function drag(page, x, y, dx, dy, { steps = 6, onStep } = {}) {
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x + dx * i / steps, y + dy * i / steps);
    await frames(page, 1);
    if (onStep) await onStep(i);
  }
  await page.mouse.up();
  await frames(page, 2);
}

// Types `text` and Enter into the app's text field that an input just opened (Ctrl+click or a
// double-click on a slider, a click on a field), once ImGui has opened it: keys typed before
// would not reach it.
async function typeValue(page, text) {
  const opened = await until(page, ui, (u) => u.typing);
  if (!opened.typing) throw new Error(`no text field took the keyboard to type ${text}`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  // The app takes a key per frame (see src/platform/event_pump.h); Enter, the last, closes the field.
  const closed = await until(page, ui, (u) => !u.typing, 30 + 2 * text.length);
  if (closed.typing) throw new Error(`the text field typed ${text} into never closed on Enter`);
  await frames(page, 1);
}

// Screenshot as decoded pixels: { width, height, data (RGBA) }.
async function screenshotPixels(page, options = {}) {
  const png = PNG.sync.read(await page.screenshot(options));
  return { width: png.width, height: png.height, data: png.data };
}

// Number of distinct colours in a screenshot (quantized to 4 bits per channel).
function distinctColours(pixels) {
  const seen = new Set();
  for (let i = 0; i < pixels.data.length; i += 4) {
    seen.add(((pixels.data[i] >> 4) << 8) | ((pixels.data[i + 1] >> 4) << 4) | (pixels.data[i + 2] >> 4));
  }
  return seen.size;
}

// Pixels of `pixels` within `tolerance` (per channel) of `rgb`, inside `rect` (CSS px) if given.
function countNear(pixels, rgb, { tolerance = 24, rect, scale = 1 } = {}) {
  const x0 = rect ? Math.floor(rect.x * scale) : 0;
  const y0 = rect ? Math.floor(rect.y * scale) : 0;
  const x1 = rect ? Math.min(pixels.width, Math.ceil((rect.x + rect.w) * scale)) : pixels.width;
  const y1 = rect ? Math.min(pixels.height, Math.ceil((rect.y + rect.h) * scale)) : pixels.height;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * pixels.width + x) * 4;
      if (Math.abs(pixels.data[i] - rgb[0]) <= tolerance && Math.abs(pixels.data[i + 1] - rgb[1]) <= tolerance &&
          Math.abs(pixels.data[i + 2] - rgb[2]) <= tolerance) n++;
    }
  }
  return n;
}

// Clicks the centre of the UI item `name` with the mouse once it is on screen; with `panel`, it is
// scrolled into view in that panel first (reveal). ImGui sees the press in one frame and acts on
// the release in the next: a few frames go by so the click has done its work on return.
async function click(page, name, { panel } = {}) {
  const it = panel ? await reveal(page, name, panel) : await item(page, name);
  await page.mouse.click(it.cx, it.cy);
  await frames(page, 4);
  return it;
}

// Taps the centre of the page's element `selector` (a toolbar button, a menu item) with a finger.
async function tapElement(page, selector) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

// Opens the toolbar's Presets menu and clicks the entry with id `id` ("preset-xor").
async function choosePreset(page, id) {
  await page.click('#presets');
  await page.locator('#presets-menu').waitFor({ state: 'visible' });
  await page.click('#' + id);
  await frames(page, 2);
}

// The file chooser that `open()` makes the page show (a click, a key), for the test to pick files
// in. Playwright has the browser hand it choosers only while the page has a 'filechooser'
// listener, and turns that on (and off when the last listener goes) with a message it does not
// wait for: a chooser the page opens before the browser got it is cancelled unseen, and the wait
// times out (the race of puppeteer#6040). So the first call adds a listener kept for the page's
// life and waits two animation frames for the message to land; the rest find it on.
const choosersSeen = new WeakSet();
async function fileChooser(page, open, timeout = 10000) {
  if (!choosersSeen.has(page)) {
    choosersSeen.add(page);
    page.on('filechooser', () => {});
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout }), open()]);
  return chooser;
}

// Clicks the item `id` of the toolbar's File menu (title and note, JSON export and import, the
// picture), opening the menu first, as a user does.
async function fileMenu(page, id) {
  if (await page.locator('#file-menu').isHidden()) await page.click('#file');
  await page.locator('#file-menu').waitFor({ state: 'visible' });
  await page.click('#' + id);
}

// The Data tab, beside Sliders (laptop) or in the panel under the diagram (phone), opened with
// the mouse unless it is open.
async function openDataTab(page) {
  const tab = find(await ui(page), 'tab:Data');
  if (!tab || !tab.highlighted) await click(page, 'tab:Data');
}

// Chooses the data set `name` ("circle") from the Data panel's list with the mouse; resolves to
// the state that has it (throws when it never comes).
async function chooseDataSet(page, name) {
  await openDataTab(page);
  await click(page, 'combo:Data set');
  await click(page, `option:${name}`);
  const s = await until(page, state, (st) => st.data && st.data.kind === name);
  if (!s.data || s.data.kind !== name) throw new Error(`the Data panel did not choose ${name}`);
  return s;
}

// The UI item called `name` in a ui() result, or undefined.
function find(uiResult, name) {
  return uiResult.items.find((it) => it.name === name);
}

// state() and ui() of one and the same frame.
function snapshot(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done({
    state: window.mlpExplorer.state(),
    ui: window.mlpExplorer.ui(),
  }))));
}

// The worksheet of docs/design.md, the default network's every value: for each weight layer, z of sample
// x1 (= a: nothing is clipped there), z and a of sample x2 (the -5 of layer 3 clipped to 0).
const WORKSHEET = [
  { z1: [5, 4, 3, 7, 9], z2: [3, 4, 5, 9, 7], a2: [3, 4, 5, 9, 7] },
  { z1: [6, 1], z2: [2, 7], a2: [2, 7] },
  { z1: [7, 5, 8], z2: [9, -5, 16], a2: [9, 0, 16] },
  { z1: [2, 3], z2: [9, 16], a2: [9, 16] },
  { z1: [3, 2], z2: [16, 9], a2: [16, 9] },
  { z1: [1, 5], z2: [7, 25], a2: [7, 25] },
  { z1: [-4], z2: [-18], a2: [-18] },
];

// Pixels whose colour differs between two screenshots of the same size, in the rows from `top`
// (screenshot pixels) down.
function differingPixels(a, b, top = 0) {
  if (a.data.length !== b.data.length || a.width !== b.width) throw new Error('screenshots of different sizes');
  let n = 0;
  for (let i = Math.round(top) * a.width * 4; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) n++;
  }
  return n;
}

module.exports = {
  WORKSHEET, ROOT, WEB_DIR, DESKTOP, PHONE, PALETTE,
  startServer, launchBrowser, serverAndBrowser, openPage, waitForApp, openApp, state, ui, item, click, drag, until, typeValue, find, snapshot, inside,
  tapElement, choosePreset, fileMenu, fileChooser, openDataTab, chooseDataSet,
  reveal, frames, screenshotPixels, distinctColours, countNear, differingPixels,
};

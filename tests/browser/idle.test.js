// An idle page costs nothing (issue 11): when no input arrives and nothing changes, the app runs
// no frames, asks for no animation frame and issues no WebGL call; the first input after a rest
// is drawn in the very next animation frame; and what a resting page waits for (a tooltip's
// hover delay, the address bar's deferred link) comes without any input.
//
// These tests never call h.frames() while they watch the page rest: it asks the app for frames.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const REST_MS = 1500;   // a rest long enough to see a page that keeps drawing (~90 frames at 60 Hz)
const QUIET_MS = 500;   // no frame for this long: the app has settled (its frames are slow on a busy machine)

// Before the page's scripts: counts every WebGL draw and clear, and every requestAnimationFrame
// the page asks for (Emscripten's main loop asks through window.requestAnimationFrame).
const COUNTERS = `
window.__idle = { draws: 0, animationFrames: 0 };
{
  const proto = WebGL2RenderingContext.prototype;
  for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced',
                      'drawRangeElements', 'clear', 'blitFramebuffer']) {
    const original = proto[name];
    proto[name] = function (...args) { window.__idle.draws++; return original.apply(this, args); };
  }
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => { window.__idle.animationFrames++; return raf(callback); };
}
`;

async function openCounted(options = {}) {
  return h.openApp(env.browser, env.server.url, { ...options, initScript: COUNTERS });
}

// The app's frames, its draws and its animation frame requests so far.
function counters(page) {
  return page.evaluate(() => ({ frames: window.mlpExplorer.framesRun(), ...window.__idle }));
}

// Whether the address bar shows the current link: the app's deferred write of it is done. That
// write waits 50 times the cost of the one before (src/core/formats/link_throttle.h), which on a busy
// machine can be longer than QUIET_MS after the last edit.
function linkWritten(page) {
  return page.evaluate(() => location.hash === window.mlpExplorer.state().hash);
}

// Waits until the app has run no frame for QUIET_MS and has written its link (at most 15 s): what
// it drew after its last input, and what it woke for without input (a tooltip's delay, the link's
// deferred write), is done.
async function settle(page) {
  const deadline = Date.now() + 15000;
  let last = (await counters(page)).frames;
  let quietSince = Date.now();
  while ((Date.now() - quietSince < QUIET_MS || !(await linkWritten(page))) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    const now = (await counters(page)).frames;
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    }
  }
}

// Lets the page settle, then watches it rest for REST_MS: returns what it did meanwhile.
async function rest(page) {
  await settle(page);
  const start = await counters(page);
  await page.waitForTimeout(REST_MS);
  const end = await counters(page);
  return { frames: end.frames - start.frames, draws: end.draws - start.draws,
    animationFrames: end.animationFrames - start.animationFrames };
}

function assertIdle(done, when) {
  assert.deepEqual(done, { frames: 0, draws: 0, animationFrames: 0 },
    `${when}: over ${REST_MS} ms without input the page ran ${done.frames} frames, issued ${done.draws} WebGL ` +
    `draws and asked for ${done.animationFrames} animation frames`);
}

// Moves the pointer to (x, y) in one mousemove and resolves, in the page, at the first animation
// frame after it: the app's frames run by then, its draws, and ui() as that frame left it. The
// listener sits on the canvas after SDL's own (registered at start-up), so SDL has seen the event
// and woken the app before this asks for its animation frame.
async function moveAndReadNextFrame(page, x, y) {
  const next = page.evaluate(() => new Promise((resolve) => {
    const before = { frames: window.mlpExplorer.framesRun(), draws: window.__idle.draws };
    document.getElementById('canvas').addEventListener('mousemove', () => {
      requestAnimationFrame(() => resolve({
        frames: window.mlpExplorer.framesRun() - before.frames,
        draws: window.__idle.draws - before.draws,
        ui: window.mlpExplorer.ui(),
      }));
    }, { once: true });
  }));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));  // the listener is in place
  await page.mouse.move(x, y);
  return next;
}

test('an idle page runs no frames, asks for no animation frame and draws nothing', async () => {
  const page = await openCounted();
  assertIdle(await rest(page), 'after start-up');
  // A hovered node with its tooltip, then a drag that edits a weight: both come to rest too.
  const node = await h.item(page, 'node:3.2');
  await page.mouse.move(node.cx, node.cy);
  await h.frames(page, 3);
  assert.equal((await h.ui(page)).hovered, 'node:3.2');
  assertIdle(await rest(page), 'hovering a node');
  const edge = await h.item(page, 'edge:W3[2,1]');
  await h.drag(page, edge.cx, edge.cy, 0, -26, { steps: 4 });
  assert.notEqual((await h.state(page)).weights[2][1][0], 1, 'the drag edited the weight');
  assertIdle(await rest(page), 'after a drag');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the first input after a rest is drawn in the next animation frame', async () => {
  const page = await openCounted();
  const node = await h.item(page, 'node:3.2');
  const edge = await h.item(page, 'edge:W3[2,1]');
  assertIdle(await rest(page), 'before the input');
  const first = await moveAndReadNextFrame(page, node.cx, node.cy);
  assert.equal(first.frames, 1, 'one frame of the app ran in the animation frame after the input');
  assert.ok(first.draws > 0, 'and it drew');
  assert.equal(first.ui.hovered, 'node:3.2', 'it shows the node hovered');
  assert.match(first.ui.tooltip, /layer 3, node 2/);
  assertIdle(await rest(page), 'after the hover');
  const second = await moveAndReadNextFrame(page, edge.cx, edge.cy);
  assert.equal(second.frames, 1);
  assert.ok(second.draws > 0);
  assert.equal(second.ui.hovered, 'edge:W3[2,1]');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('what a resting page waits for comes without input: a slider\'s tooltip, the address bar\'s link', async () => {
  const page = await openCounted();
  // A slider's tooltip appears after the pointer rests on it for a while (app::kTooltipDelaySeconds):
  // the page at rest must show what a page made to run frames shows.
  const slider = await h.reveal(page, 'slider:W3[2,1]');
  await page.mouse.move(slider.cx, slider.cy);
  await settle(page);
  const rested = await h.screenshotPixels(page);
  await h.frames(page, 4);
  const running = await h.screenshotPixels(page);
  assert.equal(h.differingPixels(rested, running), 0, 'the tooltip was drawn while the page rested');
  const before = await counters(page);
  await page.mouse.move(slider.cx, slider.cy + 1);  // the tooltip needs no frame after it is shown
  await page.waitForTimeout(200);
  assert.ok((await counters(page)).frames > before.frames, 'a move over the slider is a frame');
  assertIdle(await rest(page), 'a slider hovered, its tooltip shown');

  // Two edits within the link's 250 ms interval: the first link is written by the next frame, the
  // second once the interval has passed, by a page that gets no input meanwhile.
  await page.mouse.move(5, 5);
  await h.frames(page, 3);
  const hashes = await page.evaluate(async () => {
    const api = window.mlpExplorer;
    const first = api.load('#v=1&shape=2,1&x=1,2&w1=1,2').hash;
    await new Promise((resolve) => requestAnimationFrame(resolve));  // after the app's frame
    const written = location.hash;
    const second = api.load('#v=1&shape=2,1&x=1,2&w1=3,4').hash;
    return { first, written, second };
  });
  assert.notEqual(hashes.first, hashes.second);
  assert.equal(hashes.written, hashes.first, 'the first edit is written at once');
  await settle(page);
  assert.equal(await page.evaluate(() => location.hash), hashes.second, 'the address bar shows the last edit');
  assertIdle(await rest(page), 'after the link was written');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

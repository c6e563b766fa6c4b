// Say what can be done (issue 10, item 10): the diagram says that dragging a line changes its
// weight (in its legend, and in the line's tooltip); while a line is dragged, with a mouse or a
// finger, its tooltip keeps clear of the node whose value changes and of the node feeding it;
// "Identity after" inserts a layer that keeps the function (identity weights, ReLU after a ReLU
// layer, linear after the inputs).
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// While the line of W3[2,1] is dragged up and then down, at every step: the tooltip is up, says
// the weight, and covers neither node 3.2 (its value is what changes) nor node 2.1.
async function checkDragTooltips(page, { moveTo, release, screenshot }) {
  const seen = [];
  for (const dy of [-6, -12, -18, -24, -30, -36, -24, -12, 0, 12, 24]) {
    await moveTo(dy);
    await h.frames(page, 2);
    const ui = await h.ui(page);
    const tip = h.find(ui, 'tooltip');
    assert.ok(tip, `a tooltip at dy=${dy}`);
    assert.match(ui.tooltip, /^W3\[2,1\] = /);
    for (const node of ['node:3.2', 'node:2.1']) {
      const n = h.find(ui, node);
      assert.ok(!overlaps(tip, n), `dy=${dy}: the tooltip ${JSON.stringify(tip)} covers ${node} ${JSON.stringify(n)}`);
    }
    seen.push((await h.state(page)).weights[2][1][0]);
    if (dy === -36 && screenshot) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, screenshot) });
    }
  }
  await release();
  await h.frames(page, 2);
  return seen;
}

test('the diagram says a line can be dragged, and the tooltip keeps clear of the node the drag changes', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.frames(page, 3);
  let ui = await h.ui(page);
  const hint = h.find(ui, 'text:drag hint');
  assert.ok(hint, 'the legend says what a drag on a line does');
  assert.equal(hint.text, 'drag a line to change its weight');
  assert.ok(h.inside(hint, h.find(ui, 'panel:diagram')));
  // Hovering the line: its tooltip says so too.
  const edge = await h.item(page, 'edge:W3[2,1]');
  await page.mouse.move(edge.cx, edge.cy);
  ui = await h.until(page, h.ui, (u) => u.tooltip.startsWith('W3[2,1]'));
  assert.ok(ui.tooltip.endsWith('drag the line up or down to change W3[2,1]'), ui.tooltip);

  // A drag up and down with the mouse.
  await page.mouse.down();
  await h.frames(page, 2);
  const seen = await checkDragTooltips(page, {
    moveTo: (dy) => page.mouse.move(edge.cx, edge.cy + dy),
    release: () => page.mouse.up(),
    screenshot: 'drag-tooltip-1280x720.png',
  });
  assert.ok(Math.max(...seen) >= 3, `the drag changed the weight: ${seen}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone, a finger drags a line; the legend says so and the tooltip keeps clear of the node', async () => {
  const page = await h.openApp(env.browser, env.server.url, { viewport: h.PHONE, hasTouch: true });
  await h.frames(page, 3);
  const ui = await h.ui(page);
  assert.ok(h.find(ui, 'text:drag hint'), 'the phone\'s legend keeps the hint');
  const edge = await h.item(page, 'edge:W3[2,1]');
  const cdp = await page.context().newCDPSession(page);
  const point = (dy) => [{ x: edge.cx, y: edge.cy + dy, radiusX: 6, radiusY: 6, force: 1, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(0) });
  await h.frames(page, 2);
  const seen = await checkDragTooltips(page, {
    moveTo: (dy) => cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(dy) }),
    release: () => cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] }),
    screenshot: 'drag-tooltip-390x844.png',
  });
  await cdp.detach();
  assert.ok(Math.max(...seen) >= 3, `the finger changed the weight: ${seen}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Identity after inserts a layer that keeps the function: the outputs stay, its weights are I', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.frames(page, 3);
  const start = await h.state(page);
  // After layer 3 (ReLU: its values are never negative): a ReLU layer of identity weights.
  await h.click(page, 'chip:3', { panel: 'panel:controls' });
  await h.click(page, 'button:Insert identity', { panel: 'panel:controls' });
  let s = await h.state(page);
  assert.deepEqual(s.shape, [3, 5, 2, 3, 3, 2, 2, 2, 1]);
  assert.deepEqual(s.weights[3], [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
  assert.deepEqual(s.biases[3], [0, 0, 0]);
  assert.equal(s.activations[3], 'relu');
  assert.deepEqual(s.weights[4], start.weights[3], 'the next layer keeps its weights');
  assert.deepEqual(s.a[s.a.length - 1], [[-4], [-18]], 'the outputs are the same');
  assert.deepEqual(s.a[3], s.a[2], 'the new layer repeats layer 3, the -5 of x2 already clipped to 0');
  assert.equal(h.find(await h.ui(page), 'chip:4').highlighted, true, 'the new layer is picked');
  // After the inputs (which may be negative): linear; the outputs still the same.
  await h.click(page, 'chip:0', { panel: 'panel:controls' });
  await h.click(page, 'button:Insert identity', { panel: 'panel:controls' });
  s = await h.state(page);
  assert.deepEqual(s.shape, [3, 3, 5, 2, 3, 3, 2, 2, 2, 1]);
  assert.equal(s.activations[0], 'linear');
  assert.deepEqual(s.a[s.a.length - 1], [[-4], [-18]]);
  // Undone with the keyboard, one step each.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  assert.equal((await h.state(page)).hash, start.hash);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

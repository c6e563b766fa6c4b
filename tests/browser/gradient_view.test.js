// The diagram's gradient view, used as a learner would with real mouse and keyboard: a document
// with targets (Tom Yeh's backpropagation sheet, from the Presets menu) gets a Values | Gradients
// switch; in the gradient view the lines are coloured by the sign of ∂L/∂w (not of w), a line's
// tooltip writes ∂L/∂w = Σ δ·a with the numbers, a node's number is its δ, and dragging a weight
// changes them in the same frame. A network without targets shows no switch.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');
const a11y = require('./accessibility_checks');

const env = h.serverAndBrowser({ before, after });
const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');
const { positive: BLUE, negative: ORANGE } = h.PALETTE;

// A number as the page writes it (U+2212 minus, ×10⁻ⁿ never occurs at these sizes) → a JS number.
function num(text) {
  return Number(text.trim().replace(/^\((.*)\)$/, '$1').replace('\u2212', '-'));
}
// The page shows 4 significant digits (core/text/number_format.h).
function close(a, b) {
  return Math.abs(a - b) <= 6e-4 * Math.max(1, Math.abs(b));
}

async function openYeh(viewport = h.DESKTOP) {
  const page = await h.openApp(env.browser, env.server.url, { viewport });
  await h.choosePreset(page, 'preset-yeh');
  await h.item(page, 'button:Gradients');
  return page;
}

// The diagram's pixels with the mouse parked off it (a hovered line is drawn with a halo).
async function diagramPixels(page) {
  await page.mouse.move(2, 2);
  await h.frames(page, 3);
  return h.screenshotPixels(page);
}

// Blue and orange pixels in a small square around a line's safe point (ui()'s "edge:W…").
function signColours(pixels, rect) {
  const box = { x: rect.cx - 5, y: rect.cy - 5, w: 10, h: 10 };
  return { blue: h.countNear(pixels, BLUE, { rect: box, tolerance: 40 }), orange: h.countNear(pixels, ORANGE, { rect: box, tolerance: 40 }) };
}

test('without targets there is no view switch: the exercise looks as before', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.frames(page, 3);
  const u = await h.ui(page);
  assert.equal(h.find(u, 'button:Values'), undefined);
  assert.equal(h.find(u, 'button:Gradients'), undefined);
  assert.equal(await page.locator('#view-text').isHidden(), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a click on Gradients colours the lines by the sign of dL/dw, and Values brings the weights back', async () => {
  const page = await openYeh();
  const s = await h.state(page);
  assert.ok(s.dw, 'the Yeh preset has targets, so gradients');
  // The line whose weight and gradient have opposite signs, both large for their layer.
  let best = null;
  s.weights.forEach((w, l) => {
    const wMax = Math.max(...w.flat().map(Math.abs));
    const gMax = Math.max(...s.dw[l].flat().map(Math.abs));
    w.forEach((row, i) => row.forEach((v, j) => {
      const g = s.dw[l][i][j];
      if (v * g >= 0) return;
      const score = Math.min(Math.abs(v) / wMax, Math.abs(g) / gMax);
      if (!best || score > best.score) best = { l, i, j, v, g, score };
    }));
  });
  assert.ok(best, 'some weight and its gradient differ in sign');
  const name = `edge:W${best.l + 1}[${best.i + 1},${best.j + 1}]`;
  const edge = await h.item(page, name);
  const sign = (v) => (v > 0 ? 'blue' : 'orange');

  const values = await diagramPixels(page);
  assert.match(await page.locator('#view-text').textContent(), /shows the values/);
  const before = signColours(values, edge);
  assert.ok(before[sign(best.v)] > before[sign(-best.v)], `${name} (w = ${best.v}) is drawn ${sign(best.v)}: ${JSON.stringify(before)}`);

  await h.click(page, 'button:Gradients');
  assert.equal(h.find(await h.ui(page), 'button:Gradients').highlighted, true, 'the Gradients button is on');
  const gradients = await diagramPixels(page);
  const panel = await h.item(page, 'panel:diagram');
  assert.ok(h.differingPixels(values, gradients, panel.y) > 500, 'the diagram changed');
  const after = signColours(gradients, edge);
  assert.ok(after[sign(best.g)] > after[sign(-best.g)],
    `${name} (dL/dw = ${best.g}) is drawn ${sign(best.g)} in the gradient view: ${JSON.stringify(after)}`);
  assert.match(await page.locator('#view-text').textContent(), /shows the gradients/);

  // A node's number is its δ = dL/dz of the sample shown.
  const u = await h.ui(page);
  const sample = u.sample;
  for (const [l, i] of [[1, 0], [2, 1], [3, 2]]) {
    const label = h.find(u, `node:${l}.${i + 1}`);
    assert.ok(close(num(label.text), s.dz[l - 1][sample][i]), `node ${l}.${i + 1} shows ${label.text}, dz = ${s.dz[l - 1][sample][i]}`);
  }

  await h.click(page, 'button:Values');
  const back = await diagramPixels(page);
  assert.ok(h.differingPixels(back, gradients, panel.y) > 500, 'Values brings the weights back');
  const again = signColours(back, edge);
  assert.ok(again[sign(best.v)] > again[sign(-best.v)], `${name} is ${sign(best.v)} again: ${JSON.stringify(again)}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the view switch by keyboard: Tab reaches it, named for screen readers, and Enter switches', async () => {
  const page = await openYeh();
  const walk = await a11y.tabUntil(page, (f) => f.app === 'button:Gradients', { max: 40 });
  const f = walk.at(-1);
  assert.equal(f.app, 'button:Gradients', `Tab reaches the switch; it went ${walk.map((w) => w.app).join(' > ')}`);
  assert.match(f.label, /View Gradients/, 'its name says what it is');
  await page.keyboard.press('Enter');
  const u = await h.until(page, h.ui, (x) => h.find(x, 'button:Gradients')?.highlighted);
  assert.equal(h.find(u, 'button:Gradients').highlighted, true, 'Enter switched to the gradient view');
  assert.match(await page.locator('#view-text').textContent(), /shows the gradients/);
  await page.keyboard.press('Shift+Tab');
  await a11y.focusInfo(page, { settle: true });
  await page.keyboard.press('Space');
  const v = await h.until(page, h.ui, (x) => h.find(x, 'button:Values')?.highlighted);
  assert.equal(h.find(v, 'button:Values').highlighted, true, 'Space on Values switches back');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// "∂L/∂W2[1,3] = ∑ δ·a = 0.25·2 + (−0.5)·1 = 0" → the products and the sum, as numbers.
function parseGradientLine(line, weight) {
  const head = `\u2202L/\u2202${weight} = \u2211 \u03B4\u00B7a = `;
  assert.ok(line.startsWith(head), `the tooltip starts with ${head}: ${line}`);
  const body = line.slice(head.length);
  const cut = body.lastIndexOf(' = ');
  const terms = body.slice(0, cut).split(' + ').map((t) => t.split('\u00B7').map(num));
  return { terms, sum: num(body.slice(cut + 3)) };
}

test('hovering a line writes dL/dw = Σ δ·a with the numbers, and a drag changes it in the same frame', async () => {
  const page = await openYeh();
  await h.click(page, 'button:Gradients');
  const s = await h.state(page);
  const edge = await h.item(page, 'edge:W2[1,3]');
  await page.mouse.move(edge.cx, edge.cy);
  let u = await h.until(page, h.ui, (x) => x.tooltip.startsWith('\u2202L/\u2202W2[1,3]'));
  const { terms, sum } = parseGradientLine(u.tooltip.split('\n')[0], 'W2[1,3]');
  assert.equal(terms.length, 2, 'a term per sample');
  terms.forEach(([delta, a], sIdx) => {
    assert.ok(close(delta, s.dz[1][sIdx][0]), `δ of sample ${sIdx + 1}: ${delta} vs ${s.dz[1][sIdx][0]}`);
    assert.ok(close(a, s.a[0][sIdx][2]), `a of sample ${sIdx + 1}: ${a} vs ${s.a[0][sIdx][2]}`);
  });
  assert.ok(close(sum, s.dw[1][0][2]), `the sum ${sum} is dL/dW2[1,3] = ${s.dw[1][0][2]}`);
  assert.ok(close(terms.reduce((t, [d, a]) => t + d * a, 0), sum), 'and it adds up');

  // A node's tooltip: its δ from the layer above.
  const node = await h.item(page, 'node:1.2');
  await page.mouse.move(node.cx, node.cy);
  u = await h.until(page, h.ui, (x) => x.tooltip.startsWith('layer 1, node 2'));
  assert.match(u.tooltip, /from the layer above: \(W2\u1D40\u03B4\)\[2\] = /);
  const last = u.tooltip.split('\n').at(-1);
  assert.ok(close(num(last.slice(last.lastIndexOf('=') + 1)), s.dz[0][u.sample][1]), `${last} ends in dz = ${s.dz[0][u.sample][1]}`);

  // Drag a line of W3 up whose source node is not clipped in either sample (then its gradient
  // moves with it): at every step, the tooltip's dL/dw and its node's δ are the state's of the
  // same frame, and the lines' pixels move.
  const j = s.a[1][0].findIndex((v, k) => v !== 0 && s.a[1][1][k] !== 0);
  assert.ok(j >= 0, 'a node of layer 2 that is not clipped');
  const weight = `W3[1,${j + 1}]`;
  const line = await h.item(page, `edge:${weight}`);
  const before = await diagramPixels(page);
  const seen = new Set();
  await h.drag(page, line.cx, line.cy, 0, -60, {
    steps: 5,
    onStep: async () => {
      const snap = await h.snapshot(page);
      const first = snap.ui.tooltip.split('\n')[0];
      const { sum: shown } = parseGradientLine(first, weight);
      assert.ok(close(shown, snap.state.dw[2][0][j]), `the tooltip's ${shown} is dL/d${weight} = ${snap.state.dw[2][0][j]} of that frame`);
      const label = h.find(snap.ui, 'node:3.1');
      assert.ok(close(num(label.text), snap.state.dz[2][snap.ui.sample][0]), `node 3.1 shows δ ${label.text} = ${snap.state.dz[2][snap.ui.sample][0]}`);
      seen.add(snap.state.dw[2][0][j]);
    },
  });
  const s2 = await h.state(page);
  assert.notEqual(s2.weights[2][0][j], s.weights[2][0][j], `the drag changed ${weight}`);
  assert.ok(seen.size > 1, `dL/d${weight} changed during the drag`);
  const dragged = await diagramPixels(page);
  const panel = await h.item(page, 'panel:diagram');
  assert.ok(h.differingPixels(before, dragged, panel.y) > 100, 'the gradient view changed');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('screenshots: the gradient view with a tooltip, at 1280x720 and 390x844', async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const viewport of [h.DESKTOP, h.PHONE]) {
    const page = await openYeh(viewport);
    await h.click(page, 'button:Gradients');
    const edge = await h.item(page, 'edge:W2[1,3]');
    await page.mouse.move(edge.cx, edge.cy);
    const u = await h.until(page, h.ui, (x) => x.tooltip.startsWith('\u2202L/\u2202W2[1,3]'));
    assert.ok(u.tooltip.startsWith('\u2202L/\u2202W2[1,3]') && h.find(u, 'tooltip'), `the gradient tooltip is up: ${u.tooltip}`);
    // Nothing of the page covers the switch (a phone's top bar grows a row for it).
    const button = h.find(u, 'button:Gradients');
    const toolbar = await page.locator('#toolbar').boundingBox();
    const apart = button.x + button.w <= toolbar.x + 0.5 || toolbar.x + toolbar.width <= button.x + 0.5 ||
      button.y + button.h <= toolbar.y + 0.5 || toolbar.y + toolbar.height <= button.y + 0.5;
    assert.ok(apart, `the toolbar ${JSON.stringify(toolbar)} is clear of the switch ${JSON.stringify(button)}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `gradient-view-${viewport.width}x${viewport.height}.png`) });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

// The network diagram, used as a learner would: hover a node and read its dot product, hover a
// line and read its weight and contribution, click to select, drag a line (with a mouse and with
// a finger) to change its weight, and look at it on a laptop and a phone.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const { positive: BLUE, negative: ORANGE, clipped: CLIPPED } = h.PALETTE;

const { countNear } = h;

// An independent forward pass (ReLU / linear as in the exercise) from what state() reports.
function forward(s, sample) {
  let a = s.inputs[sample];
  const zs = [];
  const as = [];
  s.weights.forEach((w, l) => {
    const z = w.map((row, i) => row.reduce((sum, wij, j) => sum + wij * a[j], 0) + s.biases[l][i]);
    a = s.activations[l] === 'relu' ? z.map((v) => Math.max(0, v)) : z.slice();
    zs.push(z);
    as.push(a);
  });
  return { z: zs, a: as };
}

function assertForwardPassMatches(s) {
  for (let sample = 0; sample < s.inputs.length; sample++) {
    const ref = forward(s, sample);
    ref.z.forEach((z, l) => {
      assert.deepEqual(s.z[l][sample], z, `z of layer ${l + 1}, sample ${sample + 1}`);
      assert.deepEqual(s.a[l][sample], ref.a[l], `a of layer ${l + 1}, sample ${sample + 1}`);
    });
  }
}

// Points at the named item (its centre) and returns ui() once the app has seen it.
async function hover(page, name) {
  const it = await h.item(page, name);
  await page.mouse.move(it.cx, it.cy);
  await h.frames(page, 3);
  return h.ui(page);
}

test('every node and line of the exercise is on screen, inside the diagram', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const ui = await h.ui(page);
  const diagram = ui.items.find((it) => it.name === 'panel:diagram');
  const nodes = ui.items.filter((it) => it.name.startsWith('node:'));
  const edges = ui.items.filter((it) => it.name.startsWith('edge:'));
  assert.equal(nodes.length, 3 + 5 + 2 + 3 + 2 + 2 + 2 + 1);
  assert.equal(edges.length, 47);
  for (const it of [...nodes, ...edges]) {
    assert.ok(it.x >= diagram.x && it.y >= diagram.y && it.x + it.w <= diagram.x + diagram.w &&
      it.y + it.h <= diagram.y + diagram.h, `${it.name} lies inside the diagram`);
  }
  // Layers are columns, left to right; the nodes of a layer share a column.
  const column = (layer) => nodes.filter((it) => it.name.startsWith(`node:${layer}.`)).map((it) => it.x + it.w / 2);
  for (let l = 0; l < 7; l++) assert.ok(Math.min(...column(l + 1)) > Math.max(...column(l)), `layer ${l + 1} right of ${l}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('hovering a node shows its dot product with the numbers plugged in, also for screen readers', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const ui = await hover(page, 'node:3.2');
  assert.equal(ui.hovered, 'node:3.2');
  // Sample x1: layer 2 is [6, 1] and W3's row 2 is [1, -1].
  assert.match(ui.tooltip, /layer 3, node 2/);
  assert.ok(ui.tooltip.includes('z = 6\u00b71 + 1\u00b7(\u22121) = 5 \u2192 ReLU \u2192 5'), ui.tooltip);
  assert.equal(await page.locator('#announcer').textContent(), ui.tooltip, 'mirrored into the live region');
  assert.equal(await page.locator('#announcer').getAttribute('aria-live'), 'polite');

  const out = (await hover(page, 'node:7.1')).tooltip;
  assert.ok(out.includes('z = 1\u00b71 + 5\u00b7(\u22121) = \u22124 (linear output)'), out);

  assert.ok((await hover(page, 'node:0.3')).tooltip.startsWith('x[3] = 5'));

  // Off every node and line the tooltip goes away, in the page too.
  const diagram = await h.item(page, 'panel:diagram');
  await page.mouse.move(diagram.x + diagram.w - 5, diagram.y + diagram.h - 5);
  await h.frames(page, 3);
  assert.equal((await h.ui(page)).tooltip, '');
  assert.equal((await h.ui(page)).hovered, '');
  assert.equal(await page.locator('#announcer').textContent(), '');
  await page.context().close();
});

test('hovering a line shows its weight and its contribution w\u00b7a', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const ui = await hover(page, 'edge:W3[2,1]');
  assert.equal(ui.hovered, 'edge:W3[2,1]');
  assert.ok(ui.tooltip.startsWith('W3[2,1] = 1'), ui.tooltip);
  assert.ok(ui.tooltip.includes('node 2.1 \u2192 node 3.2'), ui.tooltip);
  // Node 2.1 of sample x1 is 6: the weight 1 contributes 6.
  assert.ok(ui.tooltip.includes('contribution a\u00b7w = 6\u00b71 = 6'), ui.tooltip);

  const negative = await hover(page, 'edge:W7[1,2]');
  assert.ok(negative.tooltip.includes('contribution a\u00b7w = 5\u00b7(\u22121) = \u22125'), negative.tooltip);
  await page.context().close();
});

test('clicking a line or a node selects it; clicking empty space clears the selection', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const before = await h.state(page);
  const edge = await h.item(page, 'edge:W3[2,1]');
  await page.mouse.click(edge.cx, edge.cy);
  await h.frames(page, 3);
  assert.equal((await h.ui(page)).selected, 'edge:W3[2,1]');
  assert.deepEqual((await h.state(page)).weights, before.weights, 'a click is not a drag: no weight changed');

  const node = await h.item(page, 'node:4.2');
  await page.mouse.click(node.cx, node.cy);
  await h.frames(page, 3);
  assert.equal((await h.ui(page)).selected, 'node:4.2');

  const diagram = await h.item(page, 'panel:diagram');
  await page.mouse.click(diagram.x + diagram.w - 5, diagram.y + diagram.h - 5);
  await h.frames(page, 3);
  assert.equal((await h.ui(page)).selected, '');
  await page.context().close();
});

test('dragging a line up raises its weight; every layer downstream is recomputed', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const edge = await h.item(page, 'edge:W3[2,1]');
  await h.drag(page, edge.cx, edge.cy, 0, -60);  // 12 px per step in integer mode: +5
  const s = await h.state(page);
  assert.equal(s.weights[2][1][0], 6, 'W3[2,1] went from 1 to 6');
  assert.equal(s.z[2][0][1], 6 * 6 + 1 * -1, 'z of node 3.2, sample x1');
  assertForwardPassMatches(s);
  assert.notEqual(s.a[6][0][0], -4, 'the output moved');
  assert.equal((await h.ui(page)).selected, 'edge:W3[2,1]', 'the dragged line is selected');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a quick flick on a line (press, moves and release between two frames) is a drag too', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const edge = await h.item(page, 'edge:W3[2,1]');
  await page.mouse.move(edge.cx, edge.cy);
  await h.frames(page, 2);
  // No frame waited for in between: on a busy machine a hand is this quick. ImGui must see the
  // press on the line, the moves with the button down, then the release.
  await page.mouse.down();
  await page.mouse.move(edge.cx, edge.cy - 36, { steps: 4 });
  await page.mouse.up();
  const s = await h.until(page, h.state, (st) => st.weights[2][1][0] !== 1);
  assert.equal(s.weights[2][1][0], 4, 'W3[2,1] went from 1 to 4: three steps of 12 px');
  assert.equal((await h.ui(page)).selected, 'edge:W3[2,1]');
  await page.context().close();
});

test('dragging a line down until ReLU clips a node marks the node, as the worksheet crosses out', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const diagram = await h.item(page, 'panel:diagram');
  const clippedPixels = async () => countNear(await h.screenshotPixels(page), CLIPPED, { tolerance: 20, rect: diagram });
  await h.frames(page, 2);
  const before = await clippedPixels();
  // W3[2,1] from 1 to -1: node 3.2 of x1 becomes 6*(-1) + 1*(-1) = -7, clipped to 0.
  const edge = await h.item(page, 'edge:W3[2,1]');
  await h.drag(page, edge.cx, edge.cy, 0, 24);
  const s = await h.state(page);
  assert.equal(s.weights[2][1][0], -1);
  assert.equal(s.z[2][0][1], -7);
  assert.equal(s.a[2][0][1], 0);
  assertForwardPassMatches(s);

  const tooltip = (await hover(page, 'node:3.2')).tooltip;
  assert.ok(tooltip.includes('z = 6\u00b7(\u22121) + 1\u00b7(\u22121) = \u22127 \u2192 ReLU \u2192 0'), tooltip);

  await page.mouse.move(diagram.x + diagram.w - 5, diagram.y + diagram.h - 5);
  await h.frames(page, 3);
  const after = await clippedPixels();
  assert.ok(after > before + 150, `the clip marker's colour appears (${before} -> ${after} pixels)`);
  await page.context().close();
});

test('a finger dragging a line changes its weight (touch events)', async () => {
  const page = await h.openApp(env.browser, env.server.url, { viewport: h.PHONE, deviceScaleFactor: 2, hasTouch: true });
  const edge = await h.item(page, 'edge:W3[2,1]');
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }],
  });
  await touch('touchStart', edge.cx, edge.cy);
  await h.frames(page, 3);
  for (let k = 1; k <= 6; k++) await touch('touchMove', edge.cx, edge.cy + 6 * k);
  await h.frames(page, 3);
  await touch('touchEnd');
  await h.frames(page, 3);
  const s = await h.state(page);
  assert.equal(s.weights[2][1][0], 1 - 3, 'dragged down 36 px: three steps down');
  assertForwardPassMatches(s);
  assert.equal((await h.ui(page)).selected, 'edge:W3[2,1]');
  await page.context().close();
});

test('the pointer over a panel does not reach the diagram', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const panel = await h.item(page, 'panel:controls');
  await page.mouse.move(panel.x + panel.w / 2, panel.y + panel.h / 2);
  await h.frames(page, 3);
  assert.equal((await h.ui(page)).hovered, '');
  await page.context().close();
});

test('a weight dragged in a large network redraws one line a frame, then its gap, into the picture a full redraw makes', async () => {
  // 3-40-40-40-1: 3,360 lines, enough for the lines' cache; a weight of W2 changes gap 2's lines.
  const shape = [3, 40, 40, 40, 1];
  const nodes = shape.reduce((a, b) => a + b, 0);
  let seed = 7;
  const next = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const rows = (n, m) => Array.from({ length: n }, () =>
    Array.from({ length: m }, () => Math.round((next() * 4 - 2) * 10) / 10).join(',')).join(';');
  let link = `#v=1&shape=${shape.join(',')}&x=1,2,3`;
  for (let l = 1; l < shape.length; l++) link += `&w${l}=${rows(shape[l], shape[l - 1])}`;
  // Every plain draw's count of items, six vertices each: lines (into the cache or over it) and
  // the nodes (ImGui draws with drawElements).
  const page = await h.openApp(env.browser, env.server.url + link, { initScript: () => {
    window.itemDraws = [];
    const draw = WebGL2RenderingContext.prototype.drawArrays;
    WebGL2RenderingContext.prototype.drawArrays = function (...args) {
      window.itemDraws.push(args[2] / 6);
      return draw.apply(this, args);
    };
  } });
  const diagram = await h.item(page, 'panel:diagram');
  const picture = async () => {
    await h.frames(page, 3);
    return h.screenshotPixels(page, { clip: { x: diagram.x, y: diagram.y, width: diagram.w, height: diagram.h } });
  };
  const before = await picture();
  const section = await h.reveal(page, 'section:W2');  // a large layer's section starts folded
  await page.mouse.click(section.x + 40, section.cy);
  await h.frames(page, 3);
  const slider = await h.reveal(page, 'slider:W2[1,1]');
  const w0 = (await h.state(page)).weights[1][0][0];
  // While the button is down, after the first move (which redraws gap 2's strip once without the
  // dragged line), each frame draws that one line over the cached ones: no draw of many lines.
  let during = null;
  const drawsDuring = [];
  await h.drag(page, slider.cx, slider.cy, -slider.w * 0.45, 0, { onStep: async (i) => {
    if (i === 1) await page.evaluate(() => { window.itemDraws = []; });
    if (i === 6) {
      drawsDuring.push(...await page.evaluate(() => window.itemDraws));
      during = await picture();
    }
  } });
  assert.ok(drawsDuring.length > 0 && drawsDuring.every((n) => n <= nodes),
    `no strip of lines redrawn while dragging (items a draw: ${drawsDuring.join(', ')})`);
  assert.ok(h.differingPixels(before, during) > 20, 'the changed line is drawn while dragging');
  const dragged = await h.state(page);
  assert.notEqual(dragged.weights[1][0][0], w0, 'the drag changed W2[1,1]');
  const partial = await picture();
  assert.ok(h.differingPixels(before, partial) > 20, 'the changed line is drawn');
  // The same network opened again: every line drawn anew into the cache.
  assert.equal((await page.evaluate((hash) => window.mlpExplorer.load(hash), dragged.hash)).error, null);
  const full = await picture();
  assert.equal(h.differingPixels(partial, full), 0, 'the gap redrawn alone looks as the whole redrawn');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Pixels much darker than any fill or line (text) inside a rectangle (CSS px) of a screenshot.
function countDark(pixels, rect, scale) {
  let n = 0;
  for (let y = Math.round(rect.y * scale); y < Math.round((rect.y + rect.h) * scale); y++) {
    for (let x = Math.round(rect.x * scale); x < Math.round((rect.x + rect.w) * scale); x++) {
      const i = (y * pixels.width + x) * 4;
      if (pixels.data[i] + pixels.data[i + 1] + pixels.data[i + 2] < 250) n++;
    }
  }
  return n;
}

for (const [name, options] of [
  ['laptop 1280x720', { viewport: h.DESKTOP, deviceScaleFactor: 1 }],
  ['laptop 1280x720 at device pixel ratio 2', { viewport: h.DESKTOP, deviceScaleFactor: 2 }],
  ['phone 390x844', { viewport: h.PHONE, deviceScaleFactor: 3, hasTouch: true }],
]) {
  test(`the diagram on a ${name} shows both edge colours`, async () => {
    const page = await h.openApp(env.browser, env.server.url, options);
    await h.frames(page, 3);
    // Count inside the nodes' bounding box only: the lines, not the legend's swatches.
    const nodes = (await h.ui(page)).items.filter((it) => it.name.startsWith('node:'));
    const left = Math.min(...nodes.map((it) => it.x));
    const top = Math.min(...nodes.map((it) => it.y));
    const network = { x: left, y: top, w: Math.max(...nodes.map((it) => it.x + it.w)) - left,
      h: Math.max(...nodes.map((it) => it.y + it.h)) - top };
    const pixels = await h.screenshotPixels(page);
    const scale = options.deviceScaleFactor;
    assert.equal(pixels.width, options.viewport.width * scale);
    assert.ok(h.distinctColours(pixels) > 20, 'not one flat colour');
    const blue = countNear(pixels, BLUE, { rect: network, scale });
    const orange = countNear(pixels, ORANGE, { rect: network, scale });
    // The exercise has 24 positive and 7 negative weights.
    assert.ok(blue > 400 * scale * scale, `positive (blue) lines: ${blue} pixels`);
    assert.ok(orange > 100 * scale * scale, `negative (orange) lines: ${orange} pixels`);
    assert.ok(blue > orange, 'more positive than negative weights');
    // Every node writes its number, also the output's three characters on a phone: y of x2 is -18.
    await h.click(page, 'button:x2');
    const y = await h.item(page, 'node:7.1');
    const inner = { x: y.x + y.w * 0.2, y: y.y + y.h * 0.3, w: y.w * 0.6, h: y.h * 0.4 };
    const ink = countDark(await h.screenshotPixels(page), inner, scale);
    assert.ok(ink > 15 * scale * scale, `the output node of x2 writes its -18 (${ink} dark pixels)`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

// The Data panel (issue 14) with a real mouse and keyboard: a data set chosen from its list, Run
// clicked (the epochs grow, the loss falls, the plot's pixels change), Pause (the epochs stop),
// Step epoch (exactly one), the whole run undone as one step, a point clicked into the plot (at
// the clicked coordinates, Shift for the other class), and the panel by keyboard alone. The
// state read from window.mlpExplorer.state() and points(); where things are from ui().
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });
const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');

// A link of a network of `shape` with small pseudo-random weights, tanh hidden layers, linear out.
function netLink(shape, { seed = 1, extra = '' } = {}) {
  let s = seed >>> 0;
  const rand = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const parts = [`v=1&shape=${shape.join(',')}`, `x=${Array(shape[0]).fill(0).join(',')}`];
  for (let l = 1; l < shape.length; l++) {
    const rows = [];
    for (let i = 0; i < shape[l]; i++) {
      const row = [];
      for (let j = 0; j < shape[l - 1]; j++) row.push(((rand() * 2 - 1) / Math.sqrt(shape[l - 1])).toFixed(3));
      rows.push(row.join(','));
    }
    parts.push(`w${l}=${rows.join(';')}`);
  }
  const acts = Array(shape.length - 2).fill('tanh').concat(['linear']);
  parts.push(`act=${acts.join(',')}`);
  return '#' + parts.join('&') + extra;
}
// A 2-8-1 tanh network to train (the page's opening network is the exercise's, of whole numbers).
const NET = netLink([2, 8, 1], { extra: '&lr=0.03' });

const openDataTab = h.openDataTab;
const chooseDataSet = h.chooseDataSet;
const pointsOf = (page) => page.evaluate(() => window.mlpExplorer.points());
const epochOf = async (page) => (await h.state(page)).epoch;

// The plot's pixels, as a screenshot of its rectangle.
async function plotPixels(page) {
  const plot = await h.reveal(page, 'plot:plane', 'panel:data');
  return h.screenshotPixels(page, { clip: { x: plot.x, y: plot.y, width: plot.w, height: plot.h } });
}

// The points' colours (the palette's sign colours): class 1 blue, class 0 orange; a test point's
// middle is white.
const BLUE = [0x00, 0x72, 0xb2], ORANGE = [0xe6, 0x9f, 0x00], WHITE = [255, 255, 255];
const pixelAt = (pixels, x, y) => {
  const i = (Math.floor(y) * pixels.width + Math.floor(x)) * 4;
  return [pixels.data[i], pixels.data[i + 1], pixels.data[i + 2]];
};
const near = (rgb, want, tolerance = 40) => rgb.every((v, k) => Math.abs(v - want[k]) <= tolerance);
// Pixels of the colour `rgb` within 5 px of (x, y): a point there, train (a disc) or test (a ring).
const around = (pixels, x, y, rgb) => h.countNear(pixels, rgb, { rect: { x: x - 5, y: y - 5, w: 10, h: 10 }, tolerance: 40 });

// Checks, in a screenshot at 1 px per CSS px, the middle of every point of points() that lies
// apart from the others (and from the sample's marker in the middle): a train point's colour is
// its class's, a test point's middle white. Returns how many were checked.
function pointsDrawn(points, plot, pixels) {
  const at = points.map((p) => [plot.x + (p.x[0] + 6) / 12 * plot.w, plot.y + (6 - p.x[1]) / 12 * plot.h]);
  let checked = 0;
  points.forEach((p, k) => {
    const [x, y] = at[k];
    const alone = at.every(([ox, oy], j) => j === k || Math.hypot(ox - x, oy - y) > 10);
    const inside = x > plot.x + 4 && x < plot.x + plot.w - 4 && y > plot.y + 4 && y < plot.y + plot.h - 4;
    const centre = Math.hypot(x - (plot.x + plot.w / 2), y - (plot.y + plot.h / 2));
    if (!alone || !inside || centre < 16) return;
    const want = p.test ? WHITE : p.y[0] === 1 ? BLUE : ORANGE;
    const got = pixelAt(pixels, x, y);
    assert.ok(near(got, want), `point ${k} (${p.x}, class ${p.y}, ${p.test ? 'test' : 'train'}) at (${x.toFixed(1)}, ${y.toFixed(1)}): ${got}, not near ${want}`);
    checked++;
  });
  return checked;
}

// Paints a rectangle of a screenshot black.
function blank(pixels, { x, y, w, h }) {
  for (let row = Math.max(0, Math.floor(y)); row < Math.min(pixels.height, Math.ceil(y + h)); row++) {
    for (let col = Math.max(0, Math.floor(x)); col < Math.min(pixels.width, Math.ceil(x + w)); col++) {
      pixels.data.fill(0, (row * pixels.width + col) * 4, (row * pixels.width + col) * 4 + 3);
    }
  }
}

function differing(a, b) {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > 12) n++;
  }
  return n;
}

test('a data set chosen in the panel; Run trains (epochs grow, loss falls, the plot changes), Pause stops, Step epoch is one epoch, undo takes the run back', async () => {
  const page = await h.openApp(env.browser, env.server.url + NET);
  const atOpen = await h.state(page);
  assert.ok(!(await h.state(page)).data, 'the page opens without a data set');
  const start = await chooseDataSet(page, 'circle');
  assert.equal(start.epoch, 0);
  assert.equal((await pointsOf(page)).length, 500);
  assert.equal(start.shape[0], 2, 'the input layer fits the two features');
  // Faster learning for the test: Adam, chosen in the panel.
  await h.click(page, 'combo:Optimizer', { panel: 'panel:data' });
  await h.click(page, 'option:Adam');
  assert.equal((await h.state(page)).optimizer, 'adam');
  const before = await plotPixels(page);
  const loss0 = (await h.state(page)).train_loss;

  await h.click(page, 'button:Run', { panel: 'panel:data' });
  // Running, the page runs frames by itself (nothing asks for them here).
  const framesAtRun = await page.evaluate(() => window.mlpExplorer.framesRun());
  await page.waitForTimeout(1000);
  assert.ok(await page.evaluate(() => window.mlpExplorer.framesRun()) > framesAtRun + 3, 'Run keeps frames coming');
  const running = await h.until(page, h.state, (st) => st.epoch >= 60, 600);
  assert.ok(running.epoch >= 60, `the epochs grow while running: ${running.epoch}`);
  assert.ok(running.train_loss < loss0, `the train loss falls: ${loss0} -> ${running.train_loss}`);
  const after1 = await plotPixels(page);
  assert.ok(differing(before, after1) > 500, `the plot changes as the network learns (${differing(before, after1)} pixels)`);

  await h.click(page, 'button:Pause', { panel: 'panel:data' });
  const paused = await epochOf(page);
  await h.frames(page, 10);
  assert.equal(await epochOf(page), paused, 'Pause stops the epochs');
  assert.ok(paused > 0);
  // ...and the page rests again: no frames at all while nothing happens.
  await page.mouse.move(2, 700);
  await page.waitForTimeout(400);
  const framesBefore = await page.evaluate(() => window.mlpExplorer.framesRun());
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => window.mlpExplorer.framesRun()), framesBefore, 'a paused page runs no frames');

  await h.click(page, 'button:Step epoch', { panel: 'panel:data' });
  assert.equal(await epochOf(page), paused + 1, 'Step epoch runs exactly one epoch');
  // The page's text form says it too (at most every 2 s while a run goes on; the last state always).
  const said = `Training on circle, epoch ${paused + 1}: loss `;
  await page.waitForFunction((text) => {
    const p = document.getElementById('training-text');
    return !p.hidden && p.textContent.startsWith(text);
  }, said, { timeout: 5000 });
  const spoken = await page.locator('#training-text').textContent();
  const st = await h.state(page);
  assert.ok(spoken.includes(`(train)`) && spoken.includes('accuracy'), spoken);
  assert.ok(spoken.includes(st.train_loss.toFixed(4)), `${spoken} has the train loss ${st.train_loss}`);

  // Undo: the step, then the whole run at once.
  await page.keyboard.press('Control+z');
  await h.frames(page, 4);
  assert.equal(await epochOf(page), paused);
  await page.keyboard.press('Control+z');
  await h.frames(page, 4);
  const undone = await h.state(page);
  assert.equal(undone.epoch, 0, 'the run is one undo step');
  assert.equal(undone.train_loss, loss0);
  // The optimizer, then the data set chosen: one step each, back to the network as it opened.
  await page.keyboard.press('Control+z');
  await h.frames(page, 4);
  assert.equal((await h.state(page)).optimizer, 'sgd');
  await page.keyboard.press('Control+z');
  const opened = await h.until(page, h.state, (st) => !st.data);
  assert.ok(!opened.data, 'choosing the data set is one undo step');
  await page.waitForFunction(() => document.getElementById('training-text').hidden, null, { timeout: 5000 });
  assert.deepEqual([opened.shape, opened.weights, opened.biases], [atOpen.shape, atOpen.weights, atOpen.biases]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Opens `link` in a new tab and trains it paused.epoch epochs with train(n): the weights and
// biases must be those the run paused with. Returns what train(n) returned.
async function trainInNewTab(link, paused) {
  const again = await h.openApp(env.browser, env.server.url + link);
  const trained = await again.evaluate((n) => window.mlpExplorer.train(n), paused.epoch);
  assert.equal(trained.error, null);
  assert.deepEqual(trained.weights, paused.weights, `the run's ${paused.epoch} epochs are train(${paused.epoch})'s`);
  assert.deepEqual(trained.biases, paused.biases);
  await again.context().close();
  return trained;
}

test('Run trains batch by batch, an epoch across frames; Pause finishes the epoch, so the weights are train(n)\'s in a new tab', async () => {
  // Batches of one point and Adam: 250 steps an epoch, and the moments carried from frame to frame.
  const link = netLink([2, 16, 16, 1], { seed: 3, extra: '&lr=0.01&data=circle&points=500&batch=1&opt=adam' });
  const page = await h.openApp(env.browser, env.server.url + link);
  await openDataTab(page);
  await h.click(page, 'button:Run', { panel: 'panel:data' });
  await h.until(page, h.state, (st) => st.epoch >= 2, 600);
  await h.click(page, 'button:Pause', { panel: 'panel:data' });
  const paused = await h.state(page);
  assert.ok(paused.epoch >= 2);
  await h.frames(page, 5);
  assert.equal((await h.state(page)).epoch, paused.epoch, 'Pause stops the epochs');

  const trained = await trainInNewTab(link, paused);
  assert.equal(trained.epoch, paused.epoch);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a batch longer than a frame\'s training time spans frames; Pause still gives train(n)\'s weights', async () => {
  // One batch of all 500 train points through three layers of 128: about 50 million
  // multiply-adds a step, several times the 8 ms a frame trains, so every step spans frames.
  const link = netLink([2, 128, 128, 128, 1], { seed: 5, extra: '&lr=0.03&data=circle&points=1000&batch=500' });
  const page = await h.openApp(env.browser, env.server.url + link);
  await openDataTab(page);
  const framesRun = () => page.evaluate(() => window.mlpExplorer.framesRun());
  const start = await framesRun();
  await h.click(page, 'button:Run', { panel: 'panel:data' });
  const running = await h.until(page, () => page.evaluate(() => ({ epoch: window.mlpExplorer.state().epoch,
    frames: window.mlpExplorer.framesRun() })), (r) => r.epoch >= 3, 1200);
  // A whole batch a frame would make an epoch (one step) a frame; in parts it takes several.
  assert.ok(running.frames - start > 2 * running.epoch,
    `${running.epoch} epochs in ${running.frames - start} frames: a step should span frames`);
  await h.click(page, 'button:Pause', { panel: 'panel:data' });
  const paused = await h.state(page);
  assert.ok(paused.epoch >= 3);

  await trainInNewTab(link, paused);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('during a run the diagram\'s lines are redrawn in parts over frames, and the lines so drawn are the lines drawn at once', async () => {
  // 8,384 lines (over the 1,024 the lines' cache takes), several parts a redraw. A learning rate
  // so small that no weight moves as a float (w - 1e-300·g == w): the run redraws every line, and
  // the redraw in parts must give the pixels of the lines drawn at once before Run.
  // (A sample of x = 0 would show z = b at the output, ±1e-299 after a step: inputs away from 0.)
  const link = netLink([2, 64, 64, 64, 1], { seed: 7, extra: '&lr=1e-300&data=circle&points=200&batch=10' })
    .replace('x=0,0', 'x=0.5,-0.7');
  const page = await h.openApp(env.browser, env.server.url + link);
  await openDataTab(page);
  const area = h.find(await h.ui(page), 'panel:diagram');
  const clip = { x: area.x, y: area.y, width: area.w, height: area.h };
  await h.frames(page, 3);
  const before = await h.screenshotPixels(page, { clip });
  const weights = (await h.state(page)).weights;
  // Every gap's lines are there (a cache drawn with the lines' texture unbound held one line).
  const shown = await h.ui(page);
  const background = pixelAt(before, 2, 2);
  for (let gap = 0; gap < 4; gap++) {
    const ends = shown.items.filter((it) => it.name.startsWith(`node:${gap}.`) || it.name.startsWith(`node:${gap + 1}.`));
    const left = h.find(shown, `node:${gap}.1`), right = h.find(shown, `node:${gap + 1}.1`);
    const x = (left.x + left.w / 2 + right.x + right.w / 2) / 2 - area.x;
    const top = Math.min(...ends.map((it) => it.y)) - area.y, bottom = Math.max(...ends.map((it) => it.y + it.h)) - area.y;
    let inked = 0;
    for (let y = Math.ceil(top); y < bottom; y++) if (!near(pixelAt(before, x, y), background, 30)) inked++;
    assert.ok(inked > 0.2 * (bottom - top), `W${gap + 1}: lines on ${inked} of ${Math.round(bottom - top)} px down its middle`);
  }
  // The nodes' pictures over the plane are computed on their own schedule (a run's grid may be
  // coarser): left out of the comparison.
  const thumbs = shown.items.filter((i) => i.name.startsWith('thumb:'));
  const withoutThumbs = (pixels) => {
    for (const it of thumbs) blank(pixels, { x: it.x - area.x, y: it.y - area.y, w: it.w, h: it.h });
    return pixels;
  };
  withoutThumbs(before);
  const lines = () => h.ui(page).then((u) => u.lines);
  const start = await lines();
  await h.click(page, 'button:Run', { panel: 'panel:data' });
  for (let shot = 0; shot < 3; shot++) {
    const built = await h.until(page, lines, (l) => l.builds >= start.builds + shot + 1, 600);
    assert.ok(built.builds > start.builds + shot, `redraws in parts completed: ${built.builds - start.builds}`);
    if (shot === 0) {
      assert.ok(built.parts - start.parts >= 2 * (built.builds - start.builds),
        `${built.parts - start.parts} parts for ${built.builds - start.builds} redraws: a redraw should span frames`);
    }
    const during = withoutThumbs(await h.screenshotPixels(page, { clip }));
    assert.equal(h.differingPixels(before, during), 0, `the diagram during the run (redraw ${shot + 1}) is the diagram before it`);
  }
  await h.click(page, 'button:Pause', { panel: 'panel:data' });
  const paused = await h.state(page);
  assert.ok(paused.epoch > 0, 'the run trained');
  // (A weight of 0 moves to about ±1e-301, which a float, as the lines are drawn, holds as 0.)
  const moved = paused.weights.flat(2).filter((w, k) => Math.abs(w - weights.flat(2)[k]) > 1e-290);
  assert.deepEqual(moved, [], 'a learning rate of 1e-300 moves no weight');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a run leaves the address bar alone until it ends (a write not known to be cheap would stall a frame); after Pause it holds the trained network', async () => {
  const link = netLink([2, 16, 16, 1], { seed: 9, extra: '&lr=0.1&data=circle&points=200&batch=10' });
  const page = await h.openApp(env.browser, env.server.url + link);
  await openDataTab(page);
  const opened = await page.evaluate(() => location.hash);
  await h.click(page, 'button:Run', { panel: 'panel:data' });
  // Steps come every frame: on the page before, the link was written every 250 ms of them.
  const running = await h.until(page, h.state, (st) => st.epoch >= 20, 600);
  assert.ok(running.epoch >= 20);
  await h.frames(page, 30);
  assert.equal(await page.evaluate(() => location.hash), opened, 'the address bar during the run');
  await h.click(page, 'button:Pause', { panel: 'panel:data' });
  const paused = await h.state(page);
  assert.notEqual(paused.hash, opened, 'the run changed the network');
  const written = await h.until(page, () => page.evaluate(() => location.hash), (hash) => hash === paused.hash, 120);
  assert.equal(written, paused.hash, 'after Pause the address bar holds the trained network');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a click in the plot adds a point where it was clicked (Shift: the other class); Remove takes it away; each point is drawn where points() puts it', async () => {
  const page = await h.openApp(env.browser, env.server.url + NET);
  await chooseDataSet(page, 'xor');
  const plot = await h.item(page, 'plot:plane');
  const n0 = (await pointsOf(page)).length;
  await h.frames(page, 2);
  const checked = pointsDrawn(await pointsOf(page), plot, await h.screenshotPixels(page));
  assert.ok(checked >= 20, `${checked} points apart from the others checked`);
  // A quarter of the way in from the left, a third down from the top.
  const px = plot.x + plot.w * 0.25, py = plot.y + plot.h / 3;
  const before = await h.screenshotPixels(page);
  await page.mouse.click(px, py);
  await h.frames(page, 4);
  const blueBefore = around(before, px, py, BLUE), blueAfter = around(await h.screenshotPixels(page), px, py, BLUE);
  assert.ok(blueAfter >= blueBefore + 8, `the added point shows in class 1's blue (${blueBefore} -> ${blueAfter} pixels)`);
  let points = await pointsOf(page);
  assert.equal(points.length, n0 + 1);
  const added = points.at(-1);
  const perPixel = 12 / plot.w;
  assert.ok(Math.abs(added.x[0] - (-6 + 12 * 0.25)) <= 1.5 * perPixel, `x1 of the point: ${added.x[0]}`);
  assert.ok(Math.abs(added.x[1] - (6 - 12 / 3)) <= 1.5 * perPixel, `x2 of the point: ${added.x[1]}`);
  assert.deepEqual(added.y, [1], 'a click adds class 1');
  assert.equal((await h.state(page)).data.kind, 'custom', 'the generated set became custom');

  await page.keyboard.down('Shift');
  await page.mouse.click(plot.x + plot.w * 0.75, plot.y + plot.h * 0.75);
  await page.keyboard.up('Shift');
  await h.frames(page, 4);
  points = await pointsOf(page);
  assert.equal(points.length, n0 + 2);
  assert.deepEqual(points.at(-1).y, [0], 'Shift+click adds class 0');
  assert.ok(Math.abs(points.at(-1).x[0] - 3) <= 1.5 * perPixel && Math.abs(points.at(-1).x[1] + 3) <= 1.5 * perPixel);
  const orange = around(await h.screenshotPixels(page), plot.x + plot.w * 0.75, plot.y + plot.h * 0.75, ORANGE);
  assert.ok(orange >= 8, `the point added with Shift shows in class 0's orange (${orange} pixels)`);

  await h.click(page, 'button:Remove');
  await page.mouse.click(px, py);
  await h.frames(page, 4);
  points = await pointsOf(page);
  assert.equal(points.length, n0 + 1, 'Remove takes the clicked point away');
  assert.equal(around(await h.screenshotPixels(page), px, py, BLUE), blueBefore, 'the plot there is as it was before the point');
  assert.ok(!points.some((p) => Math.abs(p.x[0] + 3) < 1e-9 && Math.abs(p.x[1] - 2) < 3 * perPixel && p.y[0] === 1 &&
    Math.abs(p.x[0] - added.x[0]) < 1e-12 && Math.abs(p.x[1] - added.x[1]) < 1e-12));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the panel by keyboard: a data set from the list, Step epoch with Enter, Run and Pause with Space, a feature with Space', async () => {
  const page = await h.openApp(env.browser, env.server.url + NET);
  // The mouse only to put the focus on the list; then keys alone.
  await openDataTab(page);
  await h.click(page, 'combo:Data set');
  await page.keyboard.press('Escape');
  await h.frames(page, 3);
  assert.equal((await h.ui(page)).focused, 'combo:Data set');
  await page.keyboard.press('Enter');  // opens the list
  await h.frames(page, 3);
  await page.keyboard.press('ArrowDown');  // none -> circle
  await h.frames(page, 2);
  await page.keyboard.press('Enter');
  const s = await h.until(page, h.state, (st) => st.data && st.data.kind === 'circle');
  assert.equal(s.data && s.data.kind, 'circle', 'the list chose circle by keys');

  // Tab on to Step epoch, pressed with Enter.
  const focusOn = async (name) => {
    for (let i = 0; i < 16 && (await h.ui(page)).focused !== name; i++) {
      await page.keyboard.press('Tab');
      await h.frames(page, 2);
    }
    assert.equal((await h.ui(page)).focused, name);
  };
  await focusOn('button:Step epoch');
  await page.keyboard.press('Enter');
  await h.frames(page, 3);
  assert.equal(await epochOf(page), 1, 'Enter on Step epoch');
  await page.keyboard.press('Shift+Tab');
  await h.frames(page, 2);
  assert.equal((await h.ui(page)).focused, 'button:Run');
  await page.keyboard.press('Space');
  const running = await h.until(page, h.state, (st) => st.epoch > 5, 300);
  assert.ok(running.epoch > 5, 'Space on Run runs');
  await page.keyboard.press('Space');  // the button is Pause now, in the same place
  await h.frames(page, 3);
  const paused = await epochOf(page);
  await h.frames(page, 6);
  assert.equal(await epochOf(page), paused, 'Space again pauses');

  await focusOn('checkbox:x1sq');
  await page.keyboard.press('Space');
  const withSquare = await h.until(page, h.state, (st) => st.data.features.includes('x1sq'));
  assert.deepEqual(withSquare.data.features, ['x1', 'x2', 'x1sq']);
  assert.equal(withSquare.shape[0], 3, 'a feature more: an input node more');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('screenshots: the circle set after a few hundred epochs, at 1280x720 and 390x844', async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [name, viewport] of [['desktop', { width: 1280, height: 720 }], ['phone', { width: 390, height: 844 }]]) {
    const link = netLink([2, 8, 8, 1], { extra: '&loss=bce&lr=0.03' });
    const page = await h.openApp(env.browser, env.server.url + link, { viewport, hasTouch: name === 'phone' });
    await chooseDataSet(page, 'circle');
    await page.evaluate(() => window.mlpExplorer.train(300));
    await h.frames(page, 4);
    const s = await h.state(page);
    assert.equal(s.epoch, 300);
    await page.screenshot({ path: path.join(SCREENSHOTS, `training_panel_${name}.png`) });
    await page.context().close();
  }
});

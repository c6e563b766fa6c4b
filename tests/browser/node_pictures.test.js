// The diagram's node pictures (issue 14; src/app/node_pictures.h): with a data set, every hidden
// and output node has its picture over the input plane beside it, listed by ui() as "thumb:1.2";
// its corners show the node's own value there (computed here from the weights); the real mouse on
// a node, or on its picture, shows the picture enlarged in the tooltip ("picture:1.2"); training
// changes the pictures; the page's text form says they are there; a network whose layers are
// strips of cells has none.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

// 2 -> 4 -> 2 -> 1, tanh; circle points.
const W1 = [[0.9, -0.5], [0.7, 0.8], [-0.6, 0.25], [0.3, -1]];
const NET = 'v=1&shape=2,4,2,1&x=0.5,-1&w1=' + W1.map((r) => r.join(',')).join(';') +
  '&w2=0.4,-0.3,0.6,0.2;-0.5,0.7,0.1,0.9&w3=0.8,-0.6&act=tanh,tanh,tanh&lr=0.05';
const DATA = '&data=circle&noise=0.1&points=100&seed=7';
const ORANGE = [0xe6, 0x9f, 0x00];  // palette.h kNegative: a = -1
const BLUE = [0x00, 0x72, 0xb2];    // kPositive: a = +1

const thumbs = (u) => u.items.filter((it) => it.name.startsWith('thumb:')).map((it) => it.name).sort();

// A corner of a picture: from 5 % to 20 % of its side in (x1 and x2 from ±5.4 to ±3.6 there).
const corner = (box, right, bottom) => ({
  x: box.x + (right ? box.w * 0.8 : box.w * 0.05), y: box.y + (bottom ? box.h * 0.8 : box.h * 0.05),
  w: box.w * 0.15, h: box.h * 0.15,
});

test('with a data set every hidden and output node has its picture beside it, each corner its own value; none without', async () => {
  const page = await h.openApp(env.browser, env.server.url + '#' + NET);
  await h.frames(page, 4);
  assert.deepEqual(thumbs(await h.ui(page)), [], 'no pictures without a data set');
  assert.doesNotMatch(await page.locator('#view-text').textContent(), /picture/);
  await page.close();

  const withData = await h.openApp(env.browser, env.server.url + '#' + NET + DATA);
  await h.frames(withData, 4);
  assert.deepEqual(thumbs(await h.ui(withData)), ['thumb:1.1', 'thumb:1.2', 'thumb:1.3', 'thumb:1.4', 'thumb:2.1', 'thumb:2.2', 'thumb:3.1']);
  const text = await withData.locator('#view-text').textContent();
  assert.match(text, /a small picture shows its\s+value over the input plane/);
  // Node 1.k is tanh(w1 x1 + w2 x2): in a corner where that is near ±1 all over (x1, x2 = ±3.6 or
  // more), the picture has the sign's colour; x1 grows to the right, x2 upwards.
  const pixels = await h.screenshotPixels(withData);
  let checked = 0;
  for (let k = 0; k < 4; k++) {
    const box = await h.item(withData, `thumb:1.${k + 1}`);
    const [w1, w2] = W1[k];
    for (const [right, bottom] of [[false, false], [true, false], [false, true], [true, true]]) {
      const x1 = right ? 1 : -1, x2 = bottom ? -1 : 1;
      const value = Math.tanh(3.6 * (w1 * x1 + w2 * x2));
      if (Math.abs(value) < 0.95 || Math.sign(w1 * x1) !== Math.sign(w2 * x2)) continue;  // saturated all over
      checked++;
      const rect = corner(box, right, bottom);
      const want = value < 0 ? ORANGE : BLUE;
      const near = h.countNear(pixels, want, { rect, tolerance: 60 });
      assert.ok(near >= 0.5 * rect.w * rect.h, `thumb:1.${k + 1}: a = ${value.toFixed(2)} in ${JSON.stringify(rect)}: ${near} pixels near ${want}`);
    }
  }
  assert.ok(checked >= 8, `two corners of each of layer 1's pictures checked (${checked})`);
  // Training changes what the nodes compute: the pictures follow.
  const box = await h.item(withData, 'thumb:2.1');
  const clip = { x: box.x, y: box.y, width: box.w, height: box.h };
  const before = await h.screenshotPixels(withData, { clip });
  await withData.evaluate(() => window.mlpExplorer.train(200));
  await h.frames(withData, 3);
  const afterTraining = await h.screenshotPixels(withData, { clip });
  let changed = 0;
  for (let i = 0; i < before.data.length; i += 4) if (Math.abs(before.data[i] - afterTraining.data[i]) > 12) changed++;
  assert.ok(changed > 50, `the picture of node 2.1 changes with training (${changed} pixels)`);
  await withData.close();
});

test('the real mouse on a node, or on its picture, shows the picture enlarged with the node\'s name', async () => {
  for (const viewport of [h.DESKTOP, h.PHONE]) {
    const page = await h.openApp(env.browser, env.server.url + '#' + NET + DATA, { viewport });
    await h.frames(page, 4);
    const node = await h.item(page, 'node:1.2');
    await page.mouse.move(node.cx, node.cy);
    const picture = await h.item(page, 'picture:1.2');
    assert.equal(picture.text, 'node 1.2 over the input plane: a');
    assert.equal(picture.w, 100, 'as large as the plot\'s grid: 100 cells');
    const tooltip = await h.item(page, 'tooltip');
    assert.ok(h.inside(picture, tooltip), 'in the tooltip');
    const thumb = await h.item(page, 'thumb:3.1');
    await page.mouse.move(thumb.cx, thumb.cy);
    assert.equal((await h.item(page, 'picture:3.1')).text, 'y[1] over the input plane: P(class 1)');
    await page.mouse.move(2, viewport.height - 2);
    await h.frames(page, 3);
    assert.ok(!(await h.ui(page)).items.some((it) => it.name.startsWith('picture:')), 'gone with the pointer');
    await page.close();
  }
});

test('a layer drawn as a strip of cells has no pictures; the output\'s circle keeps its own', async () => {
  const rows = Array.from({ length: 128 }, (_, i) => `${((i % 7) - 3) / 4},${((i % 5) - 2) / 3}`).join(';');
  const w2 = Array.from({ length: 128 }, (_, i) => ((i % 3) - 1) / 8).join(',');
  const big = `v=1&shape=2,128,1&x=0.5,-1&w1=${rows}&w2=${w2}&act=tanh,tanh` + DATA;
  const page = await h.openApp(env.browser, env.server.url + '#' + big);
  await h.frames(page, 4);
  assert.deepEqual(thumbs(await h.ui(page)), ['thumb:2.1'], 'the output keeps its picture; the strip has none');
  await page.close();
});

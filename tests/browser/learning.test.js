// Learning (issue 13) on the real page: a link with targets and the loss settings opens exactly
// and round-trips; step(n) of the script API moves every weight and bias by -lr times the
// gradient that state() showed before it, and Ctrl+Z (a real key) brings every one back exactly;
// a bad n is refused with nothing changed; Tom Yeh's preset, chosen with real clicks, shows the
// sheet's numbers in state().
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });
const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');

// 3 -> 4 -> 2 with real weights and biases, three samples, targets, bce summed, lr 0.25.
const LEARNING = 'v=1&shape=3,4,2&x=0.5,-1,2;1.25,0.3,-0.7;-2,0.1,0.9' +
  '&w1=0.2,-0.5,0.1;0.7,0.3,-0.4;-0.6,0.25,0.8;0.05,-0.9,0.35&w2=0.4,-0.3,0.6,-0.2;-0.5,0.45,0.15,0.3' +
  '&b1=0.1,-0.2,0.05,0&b2=0.3,-0.1&act=tanh,linear&y=1,0;0,1;0.25,0.75&loss=bce&reduce=sum&lr=0.25';

const stateOf = (page) => h.state(page);
const step = (page, n) => page.evaluate((k) => (k === 'absent' ? window.mlpExplorer.step() : window.mlpExplorer.step(k)), n);

// Every weight and bias after a step is w - lr * dw of the state before it, bit for bit: the
// same IEEE operations in JavaScript as in the core.
function assertStepped(before, after) {
  const lr = before.learning_rate;
  let count = 0;
  before.weights.forEach((w, l) => w.forEach((row, i) => row.forEach((v, j) => {
    assert.equal(after.weights[l][i][j], v - lr * before.dw[l][i][j], `W${l + 1}[${i + 1},${j + 1}]`);
    count++;
  })));
  before.biases.forEach((b, l) => b.forEach((v, i) => {
    assert.equal(after.biases[l][i], v - lr * before.db[l][i], `b${l + 1}[${i + 1}]`);
    count++;
  }));
  return count;
}

test('a link with y, loss, reduce and lr opens exactly and round-trips through the address bar and a new tab', async () => {
  const page = await h.openApp(env.browser, env.server.url + '#' + LEARNING);
  const s = await stateOf(page);
  assert.equal(s.error, null);
  assert.deepEqual(s.warnings, []);
  assert.equal(s.hash, '#' + LEARNING, 'the page writes the link it opened, key for key');
  assert.deepEqual(s.targets, [[1, 0], [0, 1], [0.25, 0.75]]);
  assert.equal(s.loss, 'bce');
  assert.equal(s.reduce, 'sum');
  assert.equal(s.learning_rate, 0.25);
  assert.equal(s.sample_losses.length, 3);
  assert.ok(s.loss_value > 0);
  assert.equal(s.loss_value, s.sample_losses.reduce((a, b) => a + b), 'sum: L is the samples\' losses added');
  assert.equal(s.dz.length, 2);
  assert.equal(s.dw[0].length, 4);
  assert.equal(s.dw[0][0].length, 3);
  assert.equal(s.db[1].length, 2);
  // A new tab opened on the link shows the same state, gradients and all.
  const again = await h.openApp(env.browser, env.server.url + s.hash);
  assert.deepEqual(await stateOf(again), s);
  await again.context().close();
  // The link also arrives by hashchange, and a page without targets has no loss.
  await page.evaluate((hash) => { location.hash = hash; }, '#v=1&shape=2,1&x=3,4&w1=0.5,-1');
  await h.until(page, stateOf, (t) => t.shape.length === 2);
  const plain = await stateOf(page);
  assert.equal(plain.loss_value, undefined);
  assert.equal(plain.dw, undefined);
  assert.equal(plain.loss, 'mse');
  await page.evaluate((hash) => { location.hash = hash; }, '#' + LEARNING);
  await h.until(page, stateOf, (t) => t.loss === 'bce');
  assert.deepEqual(await stateOf(page), s);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('step(n) moves every weight by -lr times its gradient; Ctrl+Z restores every one exactly', async () => {
  const page = await h.openApp(env.browser, env.server.url + '#' + LEARNING);
  const start = await stateOf(page);
  assert.equal(await page.locator('#undo').isDisabled(), true);
  const one = await step(page, 'absent');  // step() is step(1)
  assert.equal(one.error, null);
  const moved = assertStepped(start, one);
  assert.equal(moved, 12 + 8 + 4 + 2);
  assert.notEqual(one.loss_value, start.loss_value);
  assert.ok(one.loss_value < start.loss_value, `the loss falls: ${start.loss_value} -> ${one.loss_value}`);
  assert.notEqual(one.hash, start.hash, 'the link carries the new weights');
  assertStepped(one, await step(page, 1));  // from the state before it, again
  // Five more steps are one undo step.
  const five = await step(page, 5);
  assert.ok(five.loss_value < one.loss_value);
  assert.equal(await page.locator('#undo').isDisabled(), false);
  await page.keyboard.press('Control+z');
  await h.frames(page, 2);
  const back = await stateOf(page);
  assert.notDeepEqual(back.weights, five.weights);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await h.frames(page, 2);
  const restored = await stateOf(page);
  assert.deepEqual(restored.weights, start.weights, 'Ctrl+Z brings back every weight exactly');
  assert.deepEqual(restored.biases, start.biases);
  assert.equal(restored.loss_value, start.loss_value);
  assert.deepEqual(restored.dw, start.dw);
  assert.equal(restored.hash, start.hash);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('step(n) with a bad n, or without targets, is refused with error set and nothing changed', async () => {
  const page = await h.openApp(env.browser, env.server.url + '#' + LEARNING);
  const start = await stateOf(page);
  for (const n of [0, -1, 1.5, 10001, 'NaN', '3', 'null', 'Infinity', '{}']) {
    const value = { NaN: NaN, null: null, Infinity: Infinity, '{}': {}, '3': '3' }[n] ?? n;
    const s = await page.evaluate((v) => window.mlpExplorer.step(v), value);
    assert.match(s.error, /^step: n is .*; expected a whole number from 1 to 10000$/, `step(${n})`);
    assert.deepEqual(s.weights, start.weights, `step(${n}) changed nothing`);
    assert.equal(s.hash, start.hash);
  }
  assert.equal((await page.evaluate(() => window.mlpExplorer.step(2.5))).error,
    'step: n is 2.5; expected a whole number from 1 to 10000');
  assert.equal(await page.locator('#message').isVisible(), true, 'the refusal is shown in the error banner');
  assert.equal(await page.locator('#undo').isDisabled(), true, 'no undo step');
  // A good step clears the message, as a good load() does.
  assert.equal((await step(page, 10000)).error, null);
  // A network without targets: nothing to learn from.
  const plain = await page.evaluate(() => window.mlpExplorer.load('#v=1&shape=2,1&x=3,4&w1=0.5,-1'));
  assert.equal(plain.error, null);
  const refused = await step(page, 1);
  assert.equal(refused.error, 'step: the network has no targets (y) to learn from');
  assert.deepEqual(refused.weights, plain.weights);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the Presets menu opens Tom Yeh\'s backpropagation sheet with its numbers', async () => {
  for (const viewport of [h.DESKTOP, h.PHONE]) {
    const page = await h.openApp(env.browser, env.server.url, { viewport, hasTouch: viewport === h.PHONE });
    await page.click('#presets');
    await page.locator('#presets-menu').waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(SCREENSHOTS, `learning-presets-${viewport.width}x${viewport.height}.png`) });
    await page.click('#preset-yeh');
    await h.frames(page, 2);
    assert.equal(await page.locator('#presets-menu').isHidden(), true);
    const s = await stateOf(page);
    assert.deepEqual(s.shape, [4, 3, 4, 3]);
    assert.deepEqual(s.z[2], [[-3, 2, 2], [1, 2, 0]]);
    const near = (value, printed, what) => assert.ok(Math.abs(value - printed) <= 5e-5, `${what}: ${value}, the sheet ${printed}`);
    near(s.loss_value, 1.1041, 'L');
    // The ReLU mask: neuron 1 of layer 2 has z = -1 and -2, so nothing flows back through it.
    assert.deepEqual([s.z[1][0][0], s.z[1][1][0]], [-1, -2]);
    assert.deepEqual([s.dz[1][0][0], s.dz[1][1][0]], [0, 0]);
    [0, -0.2481, -0.6597, 0.4962].forEach((v, i) => near(s.db[1][i], v, `dL/db2[${i + 1}]`));
    [-0.2481, -0.9078, -0.5050].forEach((v, i) => near(s.db[0][i], v, `dL/db1[${i + 1}]`));
    assert.equal(s.loss, 'ce');
    assert.equal(s.reduce, 'sum');
    assert.equal(await page.locator('#reset').textContent(), 'Reset to Tom Yeh\'s backpropagation sheet');
    await page.screenshot({ path: path.join(SCREENSHOTS, `learning-yeh-${viewport.width}x${viewport.height}.png`) });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

// Training on data (issue 14, the core and the script API) on the real page: a link with a data
// set and training settings gives the same points() in a new tab and, after train(n), the same
// weights; train(1) with one batch of every train point and plain sgd is one full-batch gradient
// step on points(), computed here independently; a bad n is refused with nothing changed, and
// Ctrl+Z (a real key) brings the weights and the epoch count back.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

// 2 -> 3 -> 1, tanh then linear; 60 circle points with noise, a third held out; adam in batches of 8.
const NET = 'v=1&shape=2,3,1&x=0.5,-1&w1=0.2,-0.5;0.7,0.3;-0.6,0.25&w2=0.4,-0.3,0.6&b1=0.1,-0.2,0.05&b2=0.3' +
  '&act=tanh,linear&lr=0.05';
const TRAINING = NET + '&data=circle&noise=0.2&points=60&seed=7&test=0.3&batch=8&opt=adam&reg=l2&regrate=0.001';

const stateOf = (page) => h.state(page);
const pointsOf = (page) => page.evaluate(() => window.mlpExplorer.points());
const train = (page, n) => page.evaluate((k) => (k === 'absent' ? window.mlpExplorer.train() : window.mlpExplorer.train(k)), n);

// One full-batch gradient step of mse (mean) on the train points, for a network with one tanh
// hidden layer and a linear output, written here from the definitions: L = (1/N) sum 1/2 (a - y)^2.
function fullBatchStep(s, points) {
  const [W1, W2] = s.weights;
  const [b1, b2] = s.biases;
  const train = points.filter((p) => !p.test);
  const dW1 = W1.map((row) => row.map(() => 0));
  const db1 = b1.map(() => 0);
  const dW2 = W2.map((row) => row.map(() => 0));
  const db2 = b2.map(() => 0);
  const N = train.length;
  for (const p of train) {
    const h1 = W1.map((row, i) => Math.tanh(row[0] * p.x[0] + row[1] * p.x[1] + b1[i]));
    const out = W2[0].reduce((sum, w, j) => sum + w * h1[j], 0) + b2[0];
    const dOut = (out - p.y[0]) / N;
    db2[0] += dOut;
    h1.forEach((a, j) => {
      dW2[0][j] += dOut * a;
      const dz = dOut * W2[0][j] * (1 - a * a);
      db1[j] += dz;
      dW1[j][0] += dz * p.x[0];
      dW1[j][1] += dz * p.x[1];
    });
  }
  const lr = s.learning_rate;
  return {
    weights: [W1.map((row, i) => row.map((w, j) => w - lr * dW1[i][j])), [W2[0].map((w, j) => w - lr * dW2[0][j])]],
    biases: [b1.map((b, i) => b - lr * db1[i]), [b2[0] - lr * db2[0]]],
  };
}

function assertClose(ours, reference, what) {
  const flat = (v) => (Array.isArray(v) ? v.flatMap(flat) : [v]);
  const a = flat(ours), b = flat(reference);
  assert.equal(a.length, b.length);
  a.forEach((v, k) => {
    assert.ok(Math.abs(v - b[k]) <= 1e-9 * (1 + Math.abs(b[k])), `${what} value ${k}: ${v} vs ${b[k]}`);
  });
}

test('a link with a data set gives the same points and, after train(n), the same weights in a new tab', async () => {
  const page = await h.openApp(env.browser, env.server.url + '#' + TRAINING);
  const s = await stateOf(page);
  assert.equal(s.error, null);
  assert.deepEqual(s.warnings, []);
  assert.equal(s.hash, '#' + TRAINING, 'the page writes the link it opened, key for key');
  assert.deepEqual(s.data, { kind: 'circle', noise: 0.2, points: 60, seed: 7, test: 0.3, features: ['x1', 'x2'],
    train_count: 42, test_count: 18 });
  assert.equal(s.batch, 8);
  assert.equal(s.optimizer, 'adam');
  assert.equal(s.regularization, 'l2');
  assert.equal(s.epoch, 0);
  assert.ok(s.train_loss > 0 && s.test_loss > 0);
  assert.ok(s.accuracy.train >= 0 && s.accuracy.train <= 1);
  const points = await pointsOf(page);
  assert.equal(points.length, 60);
  assert.equal(points.filter((p) => p.test).length, 18);
  for (const p of points) {
    assert.equal(p.x.length, 2);
    assert.ok(p.y[0] === 0 || p.y[0] === 1);
  }

  const trained = await train(page, 25);
  assert.equal(trained.error, null);
  assert.equal(trained.epoch, 25);
  assert.notDeepEqual(trained.weights, s.weights);
  assert.ok(trained.train_loss < s.train_loss, `the train loss falls: ${s.train_loss} -> ${trained.train_loss}`);
  await h.until(page, stateOf, (t) => t.hash.includes('&epoch=25'));

  // A new tab on the same first link: the same points, and 25 epochs (in two calls) the same weights.
  const again = await h.openApp(env.browser, env.server.url + '#' + TRAINING);
  assert.deepEqual(await pointsOf(again), points);
  await train(again, 10);
  const other = await train(again, 15);
  assert.deepEqual(other.weights, trained.weights);
  assert.deepEqual(other.biases, trained.biases);
  assert.equal(other.epoch, 25);
  await again.context().close();

  // Ctrl+Z, a real key, takes back the 25 epochs: weights, biases and the epoch count.
  assert.equal(await page.locator('#undo').isDisabled(), false);
  await page.keyboard.press('Control+z');
  const undone = await h.until(page, stateOf, (t) => t.epoch === 0);
  assert.deepEqual(undone.weights, s.weights);
  assert.deepEqual(undone.biases, s.biases);
  assert.equal(undone.hash, s.hash);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('train(1) with one batch of every train point and sgd is one full-batch gradient step on points()', async () => {
  const link = NET + '&data=xor&noise=0.1&points=40&seed=3&test=0.25&batch=30';
  const page = await h.openApp(env.browser, env.server.url + '#' + link);
  const s = await stateOf(page);
  assert.equal(s.error, null);
  assert.equal(s.data.train_count, 30);
  const reference = fullBatchStep(s, await pointsOf(page));
  const stepped = await train(page, 'absent');  // train() is train(1)
  assert.equal(stepped.error, null);
  assert.equal(stepped.epoch, 1);
  assertClose(stepped.weights, reference.weights, 'weights');
  assertClose(stepped.biases, reference.biases, 'biases');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('train(n) with a bad n, or without a data set, is refused with error set and nothing changed', async () => {
  const page = await h.openApp(env.browser, env.server.url + '#' + TRAINING);
  const start = await stateOf(page);
  for (const n of [0, -1, 1.5, 10001, 'NaN', '3', 'null', 'Infinity', '{}']) {
    const value = { NaN: NaN, null: null, Infinity: Infinity, '{}': {}, '3': '3' }[n] ?? n;
    const s = await page.evaluate((v) => window.mlpExplorer.train(v), value);
    assert.match(s.error, /^train: n is .*; expected a whole number from 1 to 10000$/, `train(${n})`);
    assert.deepEqual(s.weights, start.weights, `train(${n}) changed nothing`);
    assert.equal(s.epoch, 0);
    assert.equal(s.hash, start.hash);
  }
  assert.equal(await page.locator('#message').isVisible(), true, 'the refusal is shown in the error banner');
  assert.equal(await page.locator('#undo').isDisabled(), true, 'no undo step');
  assert.equal((await train(page, 2)).error, null, 'a good call clears the message');
  const plain = await page.evaluate(() => window.mlpExplorer.load('#v=1&shape=2,1&x=3,4&w1=0.5,-1'));
  assert.equal(plain.error, null);
  assert.deepEqual(await pointsOf(page), []);
  const refused = await train(page, 1);
  assert.equal(refused.error, 'train: there is no data set (data) to train on');
  assert.deepEqual(refused.weights, plain.weights);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

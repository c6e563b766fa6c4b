// The app's two builds (cmake/web_app.cmake): the page loads mlp_explorer_simd (wasm SIMD in the
// core's inner loops) where the browser validates SIMD, and mlp_explorer everywhere else; both
// compute and draw the same thing, and the plain one has no SIMD instruction that would keep a
// browser without SIMD (Safari before 16.4) from compiling it.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });
// The server's address without the harness's ?wasm=plain: this file chooses the build itself.
const base = () => env.server.url.split('?')[0];

// The wasm files the page fetched.
const wasmFetched = (page) => page.evaluate(() =>
  performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()).filter((n) => n.endsWith('.wasm')));

// A network whose forward pass, backward pass, link and diagram go through every inner loop: two
// dense layers of 160 nodes (their lines drawn as bins), weights with three decimals, biases, three
// samples with targets (so state() carries the loss and every gradient).
function denseLink() {
  const shape = [7, 160, 160, 3];
  let seed = 12345;
  const next = () => {  // a small LCG: the same numbers in every run
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return ((seed / 2147483648) * 2 - 1).toFixed(3);
  };
  const parts = ['v=1', `shape=${shape.join(',')}`];
  parts.push('x=' + [0, 1, 2].map(() => shape.slice(0, 1).flatMap((n) => Array.from({ length: n }, next)).join(',')).join(';'));
  for (let l = 1; l < shape.length; l++) {
    const rows = Array.from({ length: shape[l] }, () => Array.from({ length: shape[l - 1] }, next).join(','));
    parts.push(`w${l}=${rows.join(';')}`, `b${l}=${Array.from({ length: shape[l] }, next).join(',')}`);
  }
  const outputs = shape[shape.length - 1];
  parts.push('y=' + [0, 1, 2].map(() => Array.from({ length: outputs }, next).join(',')).join(';'), 'lr=0.01');
  return parts.join('&');
}

async function openWith(url, options) {
  const page = await h.openApp(env.browser, url, options);
  const link = denseLink();
  const s = await page.evaluate((text) => window.mlpExplorer.load(text), link);
  assert.equal(s.error, null, 'the dense network loads');
  await h.frames(page, 4);
  const state = await h.state(page);
  // Five steps of gradient descent: the backward pass and the updates, five times over.
  const stepped = await page.evaluate(() => window.mlpExplorer.step(5));
  assert.equal(stepped.error, null, 'the steps are taken');
  await h.frames(page, 4);
  return { page, state, stepped };
}

test('Chromium gets the SIMD build, ?wasm=plain the plain one; both compute and draw the same', async () => {
  const simd = await openWith(base());
  const plain = await openWith(base() + '?wasm=plain');
  try {
    assert.deepEqual(await wasmFetched(simd.page), ['mlp_explorer_simd.wasm']);
    assert.deepEqual(await wasmFetched(plain.page), ['mlp_explorer.wasm']);
    // Every z and a, the loss, every gradient, the link, to the last bit, and again after five
    // steps: the SIMD loops keep the plain ones' order of sums.
    assert.equal(simd.state.z.flat(2).length, 3 * (160 + 160 + 3));
    assert.equal(simd.state.dw.flat(2).length, 7 * 160 + 160 * 160 + 160 * 3);
    assert.deepEqual(simd.state, plain.state);
    assert.notDeepEqual(simd.stepped.weights, simd.state.weights, 'the steps moved the weights');
    assert.deepEqual(simd.stepped, plain.stepped);
    const [a, b] = [await h.screenshotPixels(simd.page), await h.screenshotPixels(plain.page)];
    assert.equal(h.differingPixels(a, b), 0, 'the two builds draw the same picture');
    assert.deepEqual(simd.page.errors, []);
    assert.deepEqual(plain.page.errors, []);
  } finally {
    await simd.page.context().close();
    await plain.page.context().close();
  }
});

test('a browser without wasm SIMD gets the plain build, which runs', async () => {
  // As Safari before 16.4 answers page.js's question (the only caller of validate).
  const initScript = () => { WebAssembly.validate = () => false; };
  const page = await h.openApp(env.browser, base(), { initScript });
  assert.deepEqual(await wasmFetched(page), ['mlp_explorer.wasm']);
  const s = await h.state(page);
  assert.deepEqual(s.a[s.a.length - 1].map((sample) => sample[0]), [-4, -18], 'the exercise computes');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the plain build holds no SIMD instruction; the SIMD build does', () => {
  // binaryen's validator (Emscripten's wasm-opt) with every feature but SIMD.
  const validWithoutSimd = (name) => {
    try {
      execFileSync('wasm-opt', ['--all-features', '--disable-simd', path.join(h.WEB_DIR, name), '-o', '/dev/null'],
        { stdio: 'pipe' });
      return true;
    } catch (err) {
      return false;
    }
  };
  assert.equal(validWithoutSimd('mlp_explorer.wasm'), true, 'mlp_explorer.wasm validates without SIMD');
  assert.equal(validWithoutSimd('mlp_explorer_simd.wasm'), false, 'mlp_explorer_simd.wasm uses SIMD');
});

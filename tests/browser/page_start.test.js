// The page starts, computes the exercise and draws it; and it says so clearly when it cannot.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const { WORKSHEET } = h;

test('the page opens on the exercise with WebGL2 and no errors', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  assert.match(page.gl.renderer, /./, 'WebGL reports a renderer');
  assert.equal(await page.locator('#status').isHidden(), true, 'the loading indicator is gone');
  assert.equal(await page.locator('#failure').isHidden(), true);
  await h.frames(page, 5);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the WebGL context is made with only what the page draws with', async () => {
  // Read back from the context the app made. An alpha canvas would be blended over the page
  // every frame, a multisampled one resolved, and depth and stencil buffers cleared; the page
  // needs none of them (its drawing is 2D, antialiased in its shaders and by ImGui's fringes).
  // The drawing buffer is kept: a frame draws again only the panels that changed
  // (src/app/frame_damage.h), and keeping it costs SwiftShader nothing measurable (docs/benchmarks.md, (g)).
  const page = await h.openApp(env.browser, env.server.url);
  const attributes = await page.evaluate(() => Module.ctx.getContextAttributes());
  assert.deepEqual(
    { alpha: attributes.alpha, antialias: attributes.antialias, depth: attributes.depth, stencil: attributes.stencil,
      preserveDrawingBuffer: attributes.preserveDrawingBuffer },
    { alpha: false, antialias: false, depth: false, stencil: false, preserveDrawingBuffer: true });
  await page.context().close();
});

test("start-up asks the GPU process no needless questions, and the diagram's shaders compile while the UI is laid out", async () => {
  // Every question a page asks WebGL about its objects (isShader, a program's link status,
  // getParameter of a value the browser does not keep) waits for the GPU process to execute all
  // the commands before it: in software GL each such wait was 10-50 ms of start-up. The WebGL
  // calls up to the first frame, in order:
  const page = await h.openApp(env.browser, env.server.url, { initScript: () => {
    window.glCalls = [];
    const P = WebGL2RenderingContext.prototype;
    for (const name of ['isShader', 'isProgram', 'getParameter', 'linkProgram', 'getProgramParameter', 'shaderSource']) {
      const f = P[name];
      P[name] = function (...args) {
        if (!window.mlpExplorer || !window.mlpExplorer.ready) {
          const diagram = name === 'shaderSource' && !String(args[1]).includes('Frag_UV');  // not ImGui's
          window.glCalls.push({ name, arg: name === 'getParameter' ? args[0] : args[1], diagram });
        }
        return f.apply(this, args);
      };
    }
  } });
  const calls = await page.evaluate(() => window.glCalls);
  const names = calls.map((c) => c.name);
  assert.equal(names.filter((n) => n === 'isShader' || n === 'isProgram').length, 0,
    'whether an object was made is told by the context-lost flag, not by asking');
  assert.equal(calls.filter((c) => c.name === 'getParameter' && c.arg === 0x80A9 /* SAMPLES */).length, 0,
    'multisampling is told by the context attributes');
  // The diagram's two programs (the shaders that are not ImGui's): both handed over and linked
  // before either is asked about, and asked after ImGui's program, which its backend asks at once.
  const diagramSources = calls.map((c, i) => (c.diagram ? i : -1)).filter((i) => i >= 0);
  assert.equal(diagramSources.length, 4, 'two stages of two programs');
  const links = names.map((n, i) => (n === 'linkProgram' ? i : -1)).filter((i) => i >= 0);
  const asks = calls.map((c, i) => (c.name === 'getProgramParameter' && c.arg === 0x8B82 /* LINK_STATUS */ ? i : -1))
    .filter((i) => i >= 0);
  assert.equal(links.length, 3, `ImGui's program and the diagram's two: ${names.join(' ')}`);
  assert.equal(asks.length, 3, 'each asked once whether it linked');
  const diagramLinks = links.filter((i) => i > diagramSources[0]);
  assert.equal(diagramLinks.length, 2);
  assert.ok(asks.filter((i) => i > diagramSources[0]).every((i) => i > diagramLinks[1]),
    `both diagram programs linked before either is asked about: ${names.join(' ')}`);
  await page.context().close();
});

test('state() holds the whole worksheet: every z and a of both samples', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const s = await h.state(page);
  assert.equal(s.format, 'mlp-explorer/1');
  assert.deepEqual(s.shape, [3, 5, 2, 3, 2, 2, 2, 1]);
  assert.deepEqual(s.activations, ['relu', 'relu', 'relu', 'relu', 'relu', 'relu', 'linear']);
  assert.deepEqual(s.weights[0], [[0, 0, 1], [0, 1, 0], [1, 0, 0], [1, 1, 0], [0, 1, 1]]);
  assert.deepEqual(s.weights[6], [[1, -1]]);
  assert.deepEqual(s.biases.map((b) => b.every((v) => v === 0)), Array(7).fill(true));
  assert.deepEqual(s.inputs, [[3, 4, 5], [5, 4, 3]]);
  assert.equal(s.z.length, 7);
  WORKSHEET.forEach((row, l) => {
    assert.deepEqual(s.z[l][0], row.z1, `layer ${l + 1}, x1: z`);
    assert.deepEqual(s.a[l][0], row.z1, `layer ${l + 1}, x1: a = z (nothing clipped)`);
    assert.deepEqual(s.z[l][1], row.z2, `layer ${l + 1}, x2: z`);
    assert.deepEqual(s.a[l][1], row.a2, `layer ${l + 1}, x2: a`);
  });
  assert.equal(s.z[2][1][1], -5, 'the one negative pre-activation');
  assert.equal(s.a[2][1][1], 0, 'clipped to 0 by ReLU');
  assert.deepEqual([s.a[6][0][0], s.a[6][1][0]], [-4, -18], 'the outputs');
  assert.equal(s.hash, '#v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1' +
    '&w2=1,1,-1,0,0;0,0,1,1,-1&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1');
  assert.equal(s.error, null);
  assert.deepEqual(s.warnings, []);
  await page.context().close();
});

test('the canvas really drew: the screenshot is not one flat colour', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.frames(page, 3);
  const pixels = await h.screenshotPixels(page);
  assert.equal(pixels.width, h.DESKTOP.width);
  const colours = h.distinctColours(pixels);
  assert.ok(colours > 20, `expected a drawn UI, got ${colours} distinct colours`);
  await page.context().close();
});

test('without WebGL2 the page says so instead of showing a blank canvas', async () => {
  const page = await h.openPage(env.browser, env.server.url, {
    initScript: () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
      };
    },
  });
  await page.waitForFunction(() => window.mlpExplorer && window.mlpExplorer.failure);
  await assert.rejects(h.waitForApp(page, 2000), /WebGL2/);
  assert.equal(await page.locator('#failure').isVisible(), true);
  assert.match(await page.locator('#failure-text').textContent(), /WebGL2/);
  await page.context().close();
});

test('when the wasm cannot be fetched the page shows a readable message', async () => {
  const context = await env.browser.newContext();
  await context.route(/mlp_explorer(_simd)?\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.mlpExplorer && window.mlpExplorer.failure, null, { timeout: 30000 });
  assert.equal(await page.locator('#failure').isVisible(), true);
  assert.match(await page.locator('#failure-text').textContent(), /stopped|could not/);
  await context.close();
});

test('ui() reports where the panels are', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const diagram = await h.item(page, 'panel:diagram');
  const controls = await h.item(page, 'panel:controls');
  assert.ok(diagram.w > 400 && diagram.h > 400, 'the diagram takes the main area on a laptop screen');
  assert.ok(controls.w > 200, 'the controls panel is beside it');
  await page.context().close();
});

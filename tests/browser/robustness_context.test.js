// A lost WebGL context (issue 7): the GPU can be reset, the driver updated, or the browser can
// take the context back; WEBGL_lose_context does the same on demand. While the context is lost the
// page keeps its network and answers state() and load() without an exception; once the browser
// restores the context the diagram, the panels and their text are drawn again, exactly as before,
// and edits keep working. No reload.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const EXERCISE = '#v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1' +
  '&w2=1,1,-1,0,0;0,0,1,1,-1&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1';
// The exercise with W7 = [2, -1]: the same shape, so the selection stays valid (a network without
// the selected node drops the selection, src/app/view_sync.h).
const EDITED = EXERCISE.replace('w7=1,-1', 'w7=2,-1');

// The box around the diagram's nodes (CSS px): where the lines are, without the legend.
async function networkBox(page) {
  const nodes = (await h.ui(page)).items.filter((it) => it.name.startsWith('node:'));
  const left = Math.min(...nodes.map((it) => it.x));
  const top = Math.min(...nodes.map((it) => it.y));
  return { x: left, y: top, w: Math.max(...nodes.map((it) => it.x + it.w)) - left,
    h: Math.max(...nodes.map((it) => it.y + it.h)) - top };
}

// The page draws the network: many colours, and lines of both signs between the nodes.
async function assertDrawsNetwork(page, what) {
  await h.frames(page, 3);
  const box = await networkBox(page);
  const pixels = await h.screenshotPixels(page);
  const colours = h.distinctColours(pixels);
  const blue = h.countNear(pixels, h.PALETTE.positive, { rect: box });
  const orange = h.countNear(pixels, h.PALETTE.negative, { rect: box });
  assert.ok(colours > 20, `${what}: a drawn page, not one flat colour (${colours} colours)`);
  assert.ok(blue > 400, `${what}: positive (blue) lines, ${blue} pixels`);
  assert.ok(orange > 100, `${what}: negative (orange) lines, ${orange} pixels`);
  return pixels;
}

// Share of pixels that differ between two screenshots of the same size, in the rows from `top`
// (CSS px at device pixel ratio 1) down.
function differingShare(a, b, top = 0) {
  return h.differingPixels(a, b, top) / (a.width * (a.height - Math.round(top)));
}

// Loses the canvas's context through WEBGL_lose_context; resolves with whether the page cancelled
// the webglcontextlost event (what allows the browser to restore it). This listener is added
// after the app's, so it sees the app's decision.
function loseContext(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const canvas = document.getElementById('canvas');
    window.loseContextExtension = window.loseContextExtension || Module.ctx.getExtension('WEBGL_lose_context');
    canvas.addEventListener('webglcontextlost', (e) => resolve(e.defaultPrevented), { once: true });
    window.loseContextExtension.loseContext();
  }));
}

function restoreContext(page) {
  return page.evaluate(() => new Promise((resolve) => {
    document.getElementById('canvas').addEventListener('webglcontextrestored', () => resolve(), { once: true });
    window.loseContextExtension.restoreContext();
  }));
}

const isContextLost = (page) => page.evaluate(() => Module.ctx.isContextLost());

// Drags the line of W3[2,1] by dy CSS px.
async function dragEdge(page, dy) {
  const edge = await h.item(page, 'edge:W3[2,1]');
  await h.drag(page, edge.cx, edge.cy, 0, dy);
}

// Moves the pointer to an empty corner of the diagram: nothing hovered, no tooltip.
async function pointerAway(page) {
  const diagram = await h.item(page, 'panel:diagram');
  await page.mouse.move(diagram.x + diagram.w - 5, diagram.y + diagram.h - 5);
}

test('a lost context keeps the network and the view; the restored one draws them again, and edits still work', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const node = await h.item(page, 'node:4.2');
  await page.mouse.click(node.cx, node.cy);  // a selection: part of the view to keep
  await pointerAway(page);
  const drawn = await assertDrawsNetwork(page, 'before the loss');
  const s0 = await h.state(page);

  assert.equal(await loseContext(page), true, 'the page cancels webglcontextlost so the browser may restore it');
  await h.frames(page, 10);  // frames keep coming while the context is lost
  assert.equal(await isContextLost(page), true);
  assert.deepEqual(await h.state(page), s0, 'the state is kept while the context is lost');

  // The page still answers while it cannot draw: the pointer, a new network, and back.
  const diagram = await h.item(page, 'panel:diagram');
  await page.mouse.move(diagram.cx, diagram.cy, { steps: 5 });
  await page.mouse.move(diagram.cx + 40, diagram.cy + 40, { steps: 5 });
  const other = await page.evaluate((link) => window.mlpExplorer.load(link), EDITED);
  assert.equal(other.error, null);
  assert.deepEqual(other.a[6], [[-3], [-11]], 'y = 2*a6[1] - a6[2], computed while the context is lost');
  const back = await page.evaluate((link) => window.mlpExplorer.load(link), EXERCISE);
  assert.deepEqual({ ...back, warnings: [] }, { ...s0, warnings: [] });
  await h.frames(page, 5);
  assert.deepEqual(page.errors, [], 'no exception while the context is lost');

  await pointerAway(page);
  await restoreContext(page);
  assert.equal(await isContextLost(page), false);
  assert.deepEqual({ ...(await h.state(page)), warnings: [] }, { ...s0, warnings: [] }, 'the same state after the restore');
  assert.equal((await h.ui(page)).selected, 'node:4.2', 'the same selection after the restore');
  const redrawn = await assertDrawsNetwork(page, 'after the restore');
  // Shaders, buffers, the lines' cache and ImGui's font texture all came back: the same picture
  // under the toolbar (whose Undo the two loads above enabled).
  const share = differingShare(drawn, redrawn, (await h.item(page, 'panel:diagram')).y);
  assert.ok(share < 0.002, `the restored page looks as before (${(share * 100).toFixed(3)}% of pixels differ)`);

  // An edit after the restore is computed and drawn.
  await dragEdge(page, -60);  // 12 px per step in integer mode: W3[2,1] from 1 to 6
  const edited = await h.state(page);
  assert.equal(edited.weights[2][1][0], 6);
  assert.equal(edited.z[2][0][1], 6 * 6 + 1 * -1);
  await h.frames(page, 3);
  assert.ok(differingShare(redrawn, await h.screenshotPixels(page)) > 0.0005, 'the edit is drawn');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the context is lost and restored again and again, also between two frames', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await pointerAway(page);
  await h.frames(page, 3);
  const drawn = await h.screenshotPixels(page);
  for (let round = 1; round <= 3; round++) {
    assert.equal(await loseContext(page), true);
    await h.frames(page, 2);
    await restoreContext(page);
    await h.frames(page, 3);
    const share = differingShare(drawn, await assertDrawsNetwork(page, `round ${round}`));
    assert.ok(share < 0.002, `round ${round}: as before (${(share * 100).toFixed(3)}% of pixels differ)`);
  }
  // Restored as soon as the browser allows it (a task after the loss event): usually before the
  // next frame, so the app learns of the loss from the event alone.
  const framesWhileLost = await page.evaluate(() => new Promise((resolve) => {
    const canvas = document.getElementById('canvas');
    let frames = 0;
    const count = () => { frames++; };
    canvas.addEventListener('webglcontextlost', () => {
      requestAnimationFrame(count);
      setTimeout(() => window.loseContextExtension.restoreContext(), 0);
    }, { once: true });
    canvas.addEventListener('webglcontextrestored', () => resolve(frames), { once: true });
    window.loseContextExtension.loseContext();
  }));
  console.log(`# restored after ${framesWhileLost} frame(s) with the context lost`);
  const share = differingShare(drawn, await assertDrawsNetwork(page, 'restored between two frames'));
  assert.ok(share < 0.002, `restored between two frames: as before (${(share * 100).toFixed(3)}% of pixels differ)`);
  await dragEdge(page, 24);  // down two steps: from 1 to -1
  assert.equal((await h.state(page)).weights[2][1][0], -1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a diagram shader that does not compile is named, and the rest of the page keeps working', async () => {
  // The diagram's line fragment shader (the one stage that reads v_dotted and writes no
  // gl_Position) is handed to WebGL with a line no compiler accepts; the app's messages to the
  // console (console.warn) are kept from the start.
  const page = await h.openApp(env.browser, env.server.url + EXERCISE, { initScript: () => {
    window.warnings = [];
    const warn = console.warn;
    console.warn = (...args) => { window.warnings.push(args.join(' ')); warn.apply(console, args); };
    const source = WebGL2RenderingContext.prototype.shaderSource;
    WebGL2RenderingContext.prototype.shaderSource = function (shader, text) {
      const broken = text.includes('in float v_dotted') && !text.includes('gl_Position');
      return source.call(this, shader, broken ? text + '\nthis is not GLSL;\n' : text);
    };
  } });
  await h.frames(page, 3);
  const warnings = await page.evaluate(() => window.warnings);
  assert.ok(warnings.some((w) => w.includes('the diagram cannot be drawn: shaders/diagram_edge.frag did not compile:')),
    `the console names the shader: ${JSON.stringify(warnings)}`);
  assert.ok(!warnings.some((w) => w.includes('diagram_edge.vert did not compile') || w.includes('did not link')),
    'and only it');
  // The panels still edit the network.
  const s = await page.evaluate((link) => window.mlpExplorer.load(link), EDITED.slice(1));
  assert.equal(s.error, null, 'a network still loads');
  assert.equal(s.weights[6][0][0], 2, 'and is the one loaded');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Frames that draw again only the panels that changed (src/app/frame_damage.h): the canvas keeps
// its drawing buffer, a frame leaves a panel whose picture did not change as it was, and the
// result is, pixel for pixel, what a frame drawing everything makes (the app's switch
// Module._mlp_set_partial_redraw(0) turns keeping off, for the comparison). During a run the
// worksheet is drawn again at most every 100 ms (app.h, kRunSheetIntervalMs), the diagram every
// frame. Real mouse events; the pixels read back from the canvas and from screenshots.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });
const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');

const keptRegions = (page) => page.evaluate(() => window.Module._mlp_kept_regions());

// The page as it is, then as a frame drawing everything draws it: the two must be the same.
async function assertSameAsFullRedraw(page, what) {
  await h.frames(page, 3);
  const kept = await h.screenshotPixels(page);
  await page.evaluate(() => window.Module._mlp_set_partial_redraw(0));
  await h.frames(page, 3);
  const full = await h.screenshotPixels(page);
  await page.evaluate(() => window.Module._mlp_set_partial_redraw(1));
  const differing = h.differingPixels(kept, full);
  if (differing) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, pixels] of [['kept', kept], ['full', full]]) {
      const png = new PNG({ width: pixels.width, height: pixels.height });
      pixels.data.copy(png.data);
      fs.writeFileSync(path.join(SCREENSHOTS, `partial-redraw-${what.replace(/\W+/g, '-')}-${name}.png`), PNG.sync.write(png));
    }
  }
  assert.equal(differing, 0, `${what}: the kept panels' pixels are those a full redraw draws (both in build/screenshots)`);
}

// For `ms`, at every animation frame: whether each rectangle of the canvas changed since the
// frame before (read back from the kept drawing buffer). Resolves to the changes counted for each.
function countChanges(page, rects, ms) {
  return page.evaluate(({ rects, ms }) => new Promise((resolve) => {
    const canvas = document.getElementById('canvas');
    const readers = rects.map((r) => {
      const c = document.createElement('canvas');
      c.width = r.w;
      c.height = r.h;
      return { r, ctx: c.getContext('2d', { willReadFrequently: true }), last: null, changes: 0 };
    });
    const t0 = performance.now();
    const f0 = window.mlpExplorer.framesRun();
    function tick() {
      for (const k of readers) {
        k.ctx.drawImage(canvas, k.r.x, k.r.y, k.r.w, k.r.h, 0, 0, k.r.w, k.r.h);
        const d = k.ctx.getImageData(0, 0, k.r.w, k.r.h).data;
        let hash = 0;
        for (let i = 0; i < d.length; i += 4) hash = (Math.imul(hash, 31) + d[i] + (d[i + 1] << 8) + (d[i + 2] << 16)) | 0;
        if (k.last !== null && hash !== k.last) k.changes++;
        k.last = hash;
      }
      if (performance.now() - t0 < ms) requestAnimationFrame(tick);
      else resolve({ changes: readers.map((k) => k.changes), ms: performance.now() - t0, frames: window.mlpExplorer.framesRun() - f0 });
    }
    requestAnimationFrame(tick);
  }), { rects, ms });
}

test('hovering a slider draws its panel again and keeps the others, with the pixels of a full redraw', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const attributes = await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').getContextAttributes());
  assert.equal(attributes.preserveDrawingBuffer, true, 'the canvas keeps its drawing buffer');
  await h.frames(page, 4);
  const before = await keptRegions(page);
  const slider = await h.reveal(page, 'slider:W1[1,1]', 'panel:controls');
  await page.mouse.move(slider.x + slider.w / 2, slider.y + slider.h / 2);
  await h.frames(page, 2);
  assert.ok(await keptRegions(page) > before, 'a hover in the sliders panel keeps the worksheet as it was');
  // Its tooltip (after 0.45 s), a window over the panels: drawn with the panels under it.
  await page.waitForTimeout(1000);
  await assertSameAsFullRedraw(page, 'a slider\'s tooltip over the sliders panel');
  // A line's tooltip, over the diagram.
  const edge = await h.item(page, 'edge:W2[1,1]');
  await page.mouse.move(edge.cx, edge.cy);
  const tip = await h.until(page, h.ui, (u) => Boolean(u.tooltip && h.find(u, 'tooltip')), 60);
  assert.ok(tip.tooltip && h.find(tip, 'tooltip'), 'the line\'s tooltip is up');
  await assertSameAsFullRedraw(page, 'a line\'s tooltip over the diagram');
  await page.mouse.move(5, 700);
  await assertSameAsFullRedraw(page, 'the tooltips gone');
  await page.context().close();
});

test('during a run the worksheet is drawn again at most every 100 ms, the diagram every frame; after Pause all is as a full redraw draws it', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.chooseDataSet(page, 'circle');
  const ui = await h.ui(page);
  const sheet = h.find(ui, 'panel:breakdown');
  const diagram = h.find(ui, 'panel:diagram');
  assert.ok(sheet && diagram, 'the worksheet and the diagram are on screen');
  const inner = (r) => ({ x: Math.round(r.x) + 8, y: Math.round(r.y) + 30, w: Math.round(r.w) - 16, h: Math.round(r.h) - 38 });
  await h.click(page, 'button:Run', { panel: 'panel:data' });
  await h.frames(page, 6);
  const seen = await countChanges(page, [inner(sheet), inner(diagram)], 1500);
  const [sheetChanges, diagramChanges] = seen.changes;
  assert.ok(diagramChanges >= 1 && sheetChanges >= 1, `the run changes both: ${JSON.stringify(seen)}`);
  assert.ok(sheetChanges <= seen.ms / 100 + 2, `the worksheet drawn at most every 100 ms: ${JSON.stringify(seen)}`);
  assert.ok(sheetChanges <= diagramChanges, `the diagram at least as often: ${JSON.stringify(seen)}`);
  await h.click(page, 'button:Pause', { panel: 'panel:data' });
  await assertSameAsFullRedraw(page, 'after a run');
  await page.context().close();
});

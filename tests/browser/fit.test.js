// Every width works and everything is readable at any size (issue 10, items 7 and 8): from 320 to
// 2560 CSS px and at zoom 100 to 200 %, nothing of the toolbar or the app is cut off or overlaps;
// the diagram uses its panel; XOR's worksheet fits a laptop without scrolling sideways; one number
// format everywhere (never 1e+05, the same digits in the diagram as in the worksheet); text wraps
// between numbers, never inside one; the diagram's labels make way for each other.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });
const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');

const XOR = '#v=1&shape=2,2,1&x=0,0;0,1;1,0;1,1&w1=1,1;1,1&w2=1,-2&b1=0,-1';
// XOR with a title and a long note: the strip under the toolbar.
const XOR_NOTE = XOR + '&' + new URLSearchParams({
  title: 'XOR by hand: a title long enough to be cut with an ellipsis on the narrowest phones',
  note: 'Compute z and a of every node for the four samples. Which sample does ReLU clip, and why does the ' +
    'output come out as 0, 1, 1, 0?\nThen change one weight and predict what changes before you look.',
}).toString();
const MINUS = '\u2212';
const TOOLBAR = ['undo', 'redo', 'presets', 'file', 'copy-link'];

// 8 nodes a layer, biases, fractions, and ReLU clips in both hidden layers (seeded, fixed).
function denseLink() {
  let seed = 3;
  const r = () => { seed = (seed * 16807) % 2147483647; return Math.round((seed / 2147483647 * 4 - 2) * 1e4) / 1e4; };
  const shape = [3, 8, 8, 2];
  const parts = ['v=1', 'shape=' + shape.join(','), 'x=0.5,-1.25,2;1,0.3333,-0.7'];
  for (let l = 1; l < shape.length; l++) {
    parts.push(`w${l}=` + Array.from({ length: shape[l] }, () => Array.from({ length: shape[l - 1] }, r).join(',')).join(';'));
    parts.push(`b${l}=` + Array.from({ length: shape[l] }, r).join(','));
  }
  return '#' + parts.join('&');
}

const overlap = (p, q) => p.x < q.x + q.w - 0.5 && q.x < p.x + p.w - 0.5 && p.y < q.y + q.h - 0.5 && q.y < p.y + p.h - 0.5;

// The toolbar's buttons as the page lays them out, in CSS px: every button of its row (not those
// of its menus), whichever they are.
async function toolbarBoxes(page) {
  const boxes = await page.evaluate(() => Array.from(document.querySelectorAll('#toolbar button.tool'))
    .filter((b) => !b.closest('.popover, .share-fallback'))
    .map((b) => {
      const r = b.getBoundingClientRect();
      return { name: '#' + b.id, x: r.x, y: r.y, w: r.width, h: r.height };
    }));
  return boxes;
}

// Lays out again after a resize: the app on its next frame, the page's controls on the frame after.
async function settle(page) {
  await h.frames(page, 4);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await h.frames(page, 2);
}

// What must hold at any size: returns a list of what does not.
async function problemsAt(page, viewport) {
  const problems = [];
  const ui = await h.ui(page);
  const panels = ui.items.filter((it) => it.name.startsWith('panel:'));
  const screen = { x: 0, y: 0, w: viewport.width, h: viewport.height };
  const get = (name) => ui.items.find((it) => it.name === name);
  for (const p of panels) if (!h.inside(p, screen)) problems.push(`${p.name} runs off the screen`);
  for (let i = 0; i < panels.length; i++) {
    for (let j = i + 1; j < panels.length; j++) {
      const [p, q] = [panels[i], panels[j]];
      const same = p.x === q.x && p.y === q.y && p.w === q.w && p.h === q.h;  // a phone's tabs share one panel
      if (!same && overlap(p, q)) problems.push(`${p.name} and ${q.name} overlap`);
    }
  }
  // The toolbar: every button whole, inside its strip, side by side.
  const strip = get('panel:toolbar');
  const boxes = await toolbarBoxes(page);
  for (const id of TOOLBAR) if (!boxes.some((b) => b.name === '#' + id)) problems.push(`the toolbar has no #${id}`);
  for (const b of boxes) {
    if (!h.inside(b, strip)) problems.push(`${b.name} is cut off (x ${b.x.toFixed(1)} to ${(b.x + b.w).toFixed(1)}, strip to ${strip.x + strip.w})`);
  }
  for (let i = 1; i < boxes.length; i++) if (overlap(boxes[i - 1], boxes[i])) problems.push(`${boxes[i - 1].name} and ${boxes[i].name} overlap`);
  // The app's header controls: whole, inside their panel.
  const header = get('panel:topbar') || get('panel:controls');
  for (const it of ui.items.filter((x) => /^(button:(Integer|Fine|x\d+)|combo:sample)$/.test(x.name))) {
    if (!h.inside(it, header)) problems.push(`${it.name} is cut off by ${header.name}`);
  }
  for (const it of ui.items.filter((x) => /^button:(Worksheet|Exercise)$/.test(x.name))) {
    if (!h.inside(it, get('panel:breakdown'))) problems.push(`${it.name} is cut off`);
  }
  // The title and note: inside the strip left for them, which the panel checks above keep clear.
  const caption = await page.evaluate(() => {
    const c = document.getElementById('caption');
    const r = c.getBoundingClientRect();
    return c.hidden ? null : { x: r.x, y: r.y, w: r.width, h: r.height };
  });
  if (caption && !h.inside(caption, get('panel:caption') || screen)) problems.push('the title and note overflow their strip');
  if (caption && !get('panel:caption')) problems.push('no strip for the title and note');
  // The diagram's nodes and labels: inside the diagram, labels clear of each other.
  const diagram = get('panel:diagram');
  const labels = ui.items.filter((x) => /^(label|clip|bias):/.test(x.name));
  for (const it of ui.items.filter((x) => x.name.startsWith('node:')).concat(labels)) {
    if (!h.inside(it, diagram)) problems.push(`${it.name} is outside the diagram`);
  }
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i], labels[j])) problems.push(`${labels[i].name} and ${labels[j].name} overlap`);
  }
  return problems;
}

// Widths from 320 to 2560 CSS px at 1x, 2x and 3x, and a 1280x720 or 1440x900 laptop zoomed from
// 100 to 200 % (the page then sees a window 1/zoom as wide, at zoom device pixels per CSS px).
const SIZES = [
  { dpr: 1, sizes: [[320, 640], [360, 740], [640, 360], [719, 900], [720, 900], [740, 800], [768, 1024], [795, 900],
    [800, 600], [820, 1180], [1024, 768], [1280, 720], [1440, 900], [1920, 1080], [2560, 1440]] },
  { dpr: 2, sizes: [[390, 844], [412, 915], [640, 360], [720, 450], [853, 480], [1024, 576]] },  // 1280x720 at 200, 160, 125 %
  { dpr: 3, sizes: [[360, 740], [390, 844]] },
  { dpr: 1.5, sizes: [[853, 480], [960, 600]] },  // 1280x720 and 1440x900 at 150 %
];
const SHOTS = new Set(['320x640', '360x740', '390x844', '768x1024', '820x1180', '1280x720', '1440x900', '2560x1440']);

test('every width from 320 to 2560 and every zoom from 100 to 200 %: nothing cut off, nothing overlapping', async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const all = [];
  for (const { dpr, sizes } of SIZES) {
    for (const link of ['', XOR_NOTE, denseLink()]) {
      const [w0, h0] = sizes[0];
      const page = await h.openApp(env.browser, env.server.url + link, { viewport: { width: w0, height: h0 }, deviceScaleFactor: dpr });
      for (const [width, height] of sizes) {
        const viewport = { width, height };
        await page.setViewportSize(viewport);
        await settle(page);
        const problems = await problemsAt(page, viewport);
        all.push(...problems.map((p) => `${width}x${height}@${dpr}x ${link ? link.slice(0, 24) : 'exercise'}: ${p}`));
        const name = `${width}x${height}`;
        if (link === '' && (dpr === 1 || dpr === 2) && (SHOTS.has(name) || (dpr === 2 && name === '640x360'))) {
          await page.screenshot({ path: path.join(SCREENSHOTS, `fit-${name}${dpr === 2 && name === '640x360' ? '-zoom200' : ''}.png`) });
        }
      }
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  }
  assert.deepEqual(all, []);
});

test('at 820x1180 the diagram fills its panel; on 1280x720 XOR\'s worksheet is whole, without scrolling sideways', async () => {
  const tablet = await h.openApp(env.browser, env.server.url, { viewport: { width: 820, height: 1180 } });
  await settle(tablet);
  const ui = await h.ui(tablet);
  const diagram = h.find(ui, 'panel:diagram');
  const nodes = ui.items.filter((it) => it.name.startsWith('node:'));
  const top = Math.min(...nodes.map((n) => n.y)), bottom = Math.max(...nodes.map((n) => n.y + n.h));
  // The headings and the legend take 80 px; the nodes use most of the rest (a third before).
  assert.ok((bottom - top) / (diagram.h - 80) > 0.75, `the nodes span ${bottom - top} of ${diagram.h - 80} px`);
  // What the diagram could not use went to the worksheet.
  assert.ok(h.find(ui, 'panel:breakdown').h > 500, `the worksheet has ${h.find(ui, 'panel:breakdown').h} px`);
  await tablet.context().close();

  const laptop = await h.openApp(env.browser, env.server.url + XOR, { viewport: h.DESKTOP });
  await settle(laptop);
  const u = await h.ui(laptop);
  const sheet = h.find(u, 'panel:breakdown');
  const cells = u.items.filter((it) => it.name.startsWith('cell:'));
  // Layer 1: W 4, x 8, b 2, z 8, a 8; layer 2: W 2, a1 8, b 1, z 4, a 4.
  assert.equal(cells.length, 49, cells.map((c) => c.name).join(' '));
  for (const c of cells) assert.ok(h.inside(c, sheet), `${c.name} is in view (${c.x}..${c.x + c.w}, sheet to ${sheet.x + sheet.w})`);
  await laptop.context().close();
});

test('one number format everywhere: 100000, not 1e+05, and the same four digits in sliders, worksheet, diagram and tooltips', async () => {
  // z1 = (100000·1 + 0.71954321·0.5, −0.076154·1 + 1234.56·0.5) = (100000.35977, 617.203846)
  const link = '#v=1&shape=2,2,1&x=1,0.5&w1=100000,0.71954321;-0.076154,1234.56&w2=0.0000123,-0.5';
  const page = await h.openApp(env.browser, env.server.url + link);
  await settle(page);
  const text = async (name) => (await h.item(page, name)).text;
  assert.equal(await text('cell:W1[1,1]'), '100000');
  assert.equal(await text('cell:W1[2,2]'), '1235');
  assert.equal(await text('cell:z1[1].x1'), '100000');
  assert.equal(await text('cell:z1[2].x1'), '617.2');
  assert.equal(await text('slider:W1[1,1]'), '100000');
  assert.equal(await text('slider:W1[1,2]'), '0.7195');
  assert.equal(await text('slider:W1[2,1]'), MINUS + '0.07615');
  assert.equal(await text('slider:W1[2,2]'), '1235');
  // The diagram shows the worksheet's digits: its output a2 = 1.23·10⁻⁵·100000.36 − 0.5·617.2 = −307.4
  assert.equal(await text('label:1.2'), await text('cell:a1[2].x1'));
  assert.equal(await text('label:2.1'), await text('cell:a2[1].x1'));
  assert.equal(await text('label:2.1'), MINUS + '307.4');
  // A tooltip writes its numbers the same way.
  const node = await h.item(page, 'node:1.1');
  await page.mouse.move(node.cx, node.cy);
  const tip = await h.until(page, h.ui, (u) => u.tooltip.includes('='));
  assert.match(tip.tooltip, /100000/);
  const all = (await h.ui(page)).items.map((it) => it.text || '').concat(tip.tooltip);
  assert.deepEqual(all.filter((t) => /\de[+-]?\d/.test(t)), [], 'no exponent in letters anywhere');
  await page.context().close();
});

test('long lines break between numbers, never inside one', async () => {
  // Layer 1's summary under its sliders: five values with four decimals, on a 360 px phone.
  const link = '#v=1&shape=3,5,1&x=0.7195,0.3333,0.1234&w1=1,0,0;0,1,0;0,0,1;1,1,0;0,1,1&w2=1,1,1,1,1';
  const page = await h.openApp(env.browser, env.server.url + link, { viewport: { width: 360, height: 740 }, hasTouch: true });
  await settle(page);
  const summary = await h.reveal(page, 'text:summary W1');
  const lines = summary.text.split('\n');
  assert.ok(lines.length >= 2, `the summary wraps on a phone: ${JSON.stringify(summary.text)}`);
  // The item is as tall as the lines it reports (so they are the lines drawn): 16 px a line at 13 px.
  const lineHeight = summary.h / lines.length;
  assert.ok(lineHeight > 12 && lineHeight < 22, `${lines.length} lines in ${summary.h} px`);
  const unwrapped = 'x1:  z1 = 0.7195, 0.3333, 0.1234, 1.053, 0.4567  \u2192  a1 = 0.7195, 0.3333, 0.1234, 1.053, 0.4567';
  assert.deepEqual(lines.join(' ').split(/\s+/), unwrapped.split(/\s+/), 'every number whole on one line');
  for (const line of lines) assert.doesNotMatch(line, /\d\.$/);
  await page.context().close();
});

test('the diagram\'s labels make way for each other: numbers, clip marks and bias tags of 8 nodes a layer', async () => {
  for (const viewport of [h.DESKTOP, { width: 1440, height: 900 }, { width: 820, height: 1180 }, h.PHONE]) {
    const page = await h.openApp(env.browser, env.server.url + denseLink(), { viewport });
    await settle(page);
    const ui = await h.ui(page);
    const where = `${viewport.width}x${viewport.height}`;
    const labels = ui.items.filter((it) => /^(label|clip|bias):/.test(it.name));
    const nodes = ui.items.filter((it) => it.name.startsWith('node:'));
    const count = (kind) => labels.filter((it) => it.name.startsWith(kind)).length;
    // Most nodes keep their number, and there are clip marks and bias tags to lay out.
    assert.ok(count('label:') >= 0.8 * nodes.length, `${where}: ${count('label:')} numbers for ${nodes.length} nodes`);
    assert.ok(count('clip:') >= 4 && count('bias:') >= 8, `${where}: ${count('clip:')} clip marks, ${count('bias:')} bias tags`);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        assert.ok(!overlap(labels[i], labels[j]), `${where}: ${labels[i].name} and ${labels[j].name} overlap`);
      }
      // Clear of every node's circle but its own (a number sits in its own circle).
      const own = 'node:' + labels[i].name.split(':')[1];
      for (const n of nodes) {
        if (n.name === own) continue;
        const r = n.w / 2, cx = n.x + r, cy = n.y + n.h / 2;
        const dx = cx - Math.max(labels[i].x, Math.min(cx, labels[i].x + labels[i].w));
        const dy = cy - Math.max(labels[i].y, Math.min(cy, labels[i].y + labels[i].h));
        assert.ok(dx * dx + dy * dy >= r * r - 1, `${where}: ${labels[i].name} covers ${n.name}`);
      }
    }
    // The number a label shows is the node's.
    for (const n of nodes) {
      const label = labels.find((it) => it.name === 'label:' + n.name.slice(5));
      if (label) assert.equal(label.text, n.text);
    }
    if (viewport === h.DESKTOP || viewport === h.PHONE) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `fit-labels-${where}.png`) });
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

// Exercise mode over the backward pass (issue 13): a link that hides ∂L/∂z, ∂L/∂W and the new
// weights of Tom Yeh's sheet opens with answer fields in the backward cards and the values shown
// nowhere (nor the cells that would give them away); answers typed with the real keyboard, Check
// marks them ✓ and ✗; Reveal step goes on in backward order after the forward values; old
// exercise links open as before, and backward items without targets are refused. Checked through
// state(), ui() (src/app/ui_probe.h) and the page's text form of the worksheet.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });
const { find, snapshot } = h;

const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');
const MINUS = '\u2212';
const RIGHT = '\u2713';
const WRONG = '\u2717';
const D = '\u2202L/\u2202';
// The exercise with its ReLU clip hidden (exercise.test.js): an old link, forward values only.
const CLIP_SHEET = '#v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1' +
  '&w2=1,1,-1,0,0;0,0,1,1,-1&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1&hide=z3.2.2,a3.2.2';

// "−0.2481" as the page writes it, read as a number.
const num = (text) => Number(String(text).replace(/\u2212/g, '-'));

// Tom Yeh's sheet as the page writes its link (the preset, opened once).
let yehLink = null;
async function yeh() {
  if (yehLink) return yehLink;
  const page = await h.openApp(env.browser, env.server.url);
  await h.choosePreset(page, 'preset-yeh');
  const s = await h.until(page, h.state, (x) => x.targets !== undefined);
  yehLink = s.hash;
  await page.context().close();
  return yehLink;
}

async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

// Clicks the answer field `name` (scrolled into the worksheet's view) and waits until it has the
// keyboard.
async function focusField(page, name) {
  const it = await h.reveal(page, name, 'panel:breakdown');
  await page.mouse.click(it.cx, it.cy);
  const ui = await h.until(page, h.ui, (u) => u.focused === name && u.typing, 60);
  assert.equal(ui.focused, name, `the keyboard focus reached ${name}`);
}

// The page's text form of the worksheet: the table captioned `caption`, as rows of cell texts.
async function sheetTable(page, caption) {
  const tables = await page.evaluate(() => Array.from(document.querySelectorAll('#sheet-tables table')).map((t) => ({
    caption: t.caption.textContent,
    rows: Array.from(t.rows).map((r) => Array.from(r.cells).map((c) => c.textContent)),
  })));
  const t = tables.find((x) => x.caption.startsWith(caption));
  assert.ok(t, `a table "${caption}" in ${tables.map((x) => x.caption).join(' | ')}`);
  return t;
}

test('a link hiding backward values: answer fields, nothing given away; a right and a wrong answer typed, Check marks them', async () => {
  const link = (await yeh()) + '&hide=dz3.1.1,dw3.2.1';
  const page = await h.openApp(env.browser, env.server.url + link);
  await h.item(page, 'answer:dz3[1].x1');  // the worksheet brings the first answer field into view
  let { state: s, ui } = await snapshot(page);
  assert.deepEqual(s.hidden, ['dz3.1.1', 'dw3.2.1']);
  assert.ok(s.hash.endsWith('&hide=dz3.1.1,dw3.2.1'), s.hash);
  // state() is the script API: it keeps the values (as it does for the forward exercise).
  const dz = s.dz[2][0][0];
  const dw = s.dw[2][1][0];
  assert.equal(typeof dz, 'number');
  assert.equal(find(ui, 'button:Exercise').highlighted, true, 'the page opened in exercise mode');
  assert.equal(find(ui, 'cell:dz3[1].x1').text, '?');
  assert.equal(find(ui, 'cell:dw3[2,1]').text, '?');
  // Their neighbours show their numbers.
  assert.ok(Math.abs(num(find(ui, 'cell:dz3[1].x2').text) - s.dz[2][1][0]) < 1e-3, find(ui, 'cell:dz3[1].x2').text);
  assert.ok(Math.abs(num(find(ui, 'cell:dw3[2,2]').text) - s.dw[2][1][1]) < 1e-3, find(ui, 'cell:dw3[2,2]').text);
  // The cells that would give the hidden ones away: ∂L/∂b3[1] (the sum of ∂L/∂z3[1] over the
  // samples), lr·∂L/∂W3[2,1] and the new W3[2,1]; not the new W3[2,2].
  for (const name of ['cell:db3[1]', 'cell:lrdw3[2,1]', 'cell:newW3[2,1]']) {
    const cell = await h.reveal(page, name, 'panel:breakdown');
    assert.equal(cell.text, '?', name);
  }
  assert.notEqual((await h.reveal(page, 'cell:newW3[2,2]', 'panel:breakdown')).text, '?');
  // The page's text form says "?" where the worksheet does.
  const back3 = await sheetTable(page, 'Layer 3 backward');
  const head = back3.rows[0];
  assert.equal(back3.rows[1][head.indexOf(`${D}z3 of x1`)], '?');
  assert.equal(back3.rows[2][head.indexOf(`${D}W3 from 1`)], '?');
  assert.notEqual(back3.rows[1][head.indexOf(`${D}z3 of x2`)], '?');

  // A right answer and a wrong one, with the keyboard.
  await focusField(page, 'answer:dz3[1].x1');
  await page.keyboard.type(dz.toFixed(4));
  await page.keyboard.press('Tab');
  await h.frames(page, 3);
  await focusField(page, 'answer:dw3[2,1]');
  await page.keyboard.type(String(Math.round(dw) + 3));
  await page.keyboard.press('Tab');
  await h.frames(page, 3);
  ui = await h.ui(page);
  assert.equal(find(ui, 'mark:dz3[1].x1'), undefined, 'no marks before Check');
  assert.equal(find(ui, 'text:score').text, '2 values to find');
  await h.click(page, 'button:Check');
  ({ state: s, ui } = await snapshot(page));
  assert.equal(find(ui, 'answer:dz3[1].x1').text, dz.toFixed(4));
  assert.equal(find(ui, 'mark:dz3[1].x1').text, RIGHT);
  assert.equal(find(ui, 'mark:dw3[2,1]').text, WRONG);
  assert.equal(find(ui, 'text:score').text, '1 of 2 right \u00b7 1 wrong');
  assert.ok(s.hash.endsWith('&hide=dz3.1.1,dw3.2.1'), 'answers are not in the link');
  await screenshot(page, 'backward-exercise-checked-1280x720.png');
  // A click on a cell of ∂L/∂W selects its line in the diagram, as a forward W cell does; one of
  // ∂L/∂z its node.
  const cell = await h.reveal(page, 'cell:dw3[2,2]', 'panel:breakdown');
  // The selection is read once a frame until it comes (a loaded machine can take more frames
  // between the press and the release's effect than a fixed wait allows).
  await page.mouse.click(cell.cx, cell.cy);
  assert.equal((await h.until(page, h.ui, (u) => u.selected === 'edge:W3[2,2]')).selected, 'edge:W3[2,2]');
  const dzCell = await h.reveal(page, 'cell:dz3[2].x2', 'panel:breakdown');
  await page.mouse.click(dzCell.cx, dzCell.cy);
  assert.equal((await h.until(page, h.ui, (u) => u.selected === 'node:3.2')).selected, 'node:3.2');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Reveal step goes on in backward order after the forward values: z, then ∂L/∂z, ∂L/∂W, then the step', async () => {
  const link = (await yeh()) + '&hide=nb1.1,dw3.2.1,z3.1.1,dz3.1.1';
  const page = await h.openApp(env.browser, env.server.url + link);
  await h.frames(page, 4);
  const s = await h.state(page);
  assert.deepEqual(s.hidden, ['z3.1.1', 'dz3.1.1', 'dw3.2.1', 'nb1.1'], 'written in the order a learner computes');
  // Each step brings the value it fills in into view: read it then.
  const cells = ['cell:z3[1].x1', 'cell:dz3[1].x1', 'cell:dw3[2,1]', 'cell:newb1[1]'];
  const steps = [];
  const shown = [];
  for (let k = 0; k < 4; k++) {
    await h.click(page, 'button:Reveal step');
    await h.frames(page, 3);
    const ui = await h.ui(page);
    steps.push(find(ui, 'text:reveal').text);
    const cell = find(ui, cells[k]);
    assert.ok(cell, `${cells[k]} is in view after step ${k + 1}`);
    shown.push(cell.text);
  }
  assert.match(steps[0], new RegExp(`^Step 1 of 4:  z3\\[1\\] of x1 = .* = ${MINUS}3$`));
  assert.match(steps[1], new RegExp(`^Step 2 of 4:  ${D}z3\\[1\\] of x1 = `));
  assert.match(steps[2], new RegExp(`^Step 3 of 4:  ${D}W3\\[2,1\\] = `));
  assert.match(steps[3], /^Step 4 of 4:  new b1\[1\] = 1 \u2212 0\.03\u00b7/);
  // Each revealed value is the one state() has.
  const close = (text, v) => Math.abs(num(text) - v) <= 5e-4 * Math.max(1, Math.abs(v));
  assert.equal(shown[0], `${MINUS}3`);
  assert.ok(close(shown[1], s.dz[2][0][0]), shown[1]);
  assert.ok(close(shown[2], s.dw[2][1][0]), shown[2]);
  assert.ok(steps[2].endsWith(` = ${shown[2]}`), steps[2]);
  assert.ok(close(shown[3], 1 - s.learning_rate * s.db[0][0]), shown[3]);
  assert.match(find(await h.ui(page), 'text:score').text, /4 revealed/);
  await screenshot(page, 'backward-exercise-revealed-1280x720.png');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the keyboard goes on from the forward answer fields to the backward ones: Tab, then Enter checks', async () => {
  const link = (await yeh()) + '&hide=z3.1.1,dz3.1.1';
  const page = await h.openApp(env.browser, env.server.url + link);
  await h.frames(page, 4);
  const s = await h.state(page);
  await focusField(page, 'answer:z3[1].x1');
  await page.keyboard.type('-3');
  await page.keyboard.press('Tab');  // on to the backward card's field, the next in Tab order
  const ui = await h.until(page, h.ui, (u) => u.focused === 'answer:dz3[1].x1' && u.typing, 60);
  assert.equal(ui.focused, 'answer:dz3[1].x1');
  await page.keyboard.type(s.dz[2][0][0].toFixed(4));
  await page.keyboard.press('Enter');  // the last field: checks the sheet
  const after = await h.until(page, h.ui, (u) => find(u, 'text:score').text !== '2 values to find');
  assert.equal(find(after, 'text:score').text, '2 of 2 right: well done!');
  assert.equal(find(after, 'mark:dz3[1].x1').text, RIGHT);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('old exercise links open exactly as before; backward items without targets are refused by name', async () => {
  const page = await h.openApp(env.browser, env.server.url + CLIP_SHEET);
  await h.item(page, 'answer:z3[2].x2');
  let s = await h.state(page);
  assert.deepEqual(s.hidden, ['z3.2.2', 'a3.2.2']);
  assert.ok(s.hash.endsWith('&hide=z3.2.2,a3.2.2'), s.hash);
  s = await page.evaluate((link) => window.mlpExplorer.load(link), CLIP_SHEET.replace('hide=z3.2.2,a3.2.2', 'hide=dz3'));
  assert.equal(s.error, 'hide: "dz3" is a value of the backward pass, which needs targets (y)');
  assert.deepEqual(s.hidden, ['z3.2.2', 'a3.2.2'], 'the sheet shown is kept');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone: the backward answer field takes a finger and the keyboard', async () => {
  const link = (await yeh()) + '&hide=db2.2';
  const page = await h.openApp(env.browser, env.server.url + link, { viewport: h.PHONE, hasTouch: true });
  await h.frames(page, 4);
  const s = await h.state(page);
  const it = await h.item(page, 'answer:db2[2]');
  await page.touchscreen.tap(it.cx, it.cy);
  await h.until(page, h.ui, (u) => u.focused === 'answer:db2[2]' && u.typing, 60);
  await page.keyboard.type(s.db[1][1].toFixed(3));
  await page.keyboard.press('Enter');  // the last field: checks
  // The app takes a key per frame (src/platform/event_pump.h): seven keys, then the check.
  const ui = await h.until(page, h.ui, (u) => !!find(u, 'mark:db2[2]'), 60);
  assert.equal(find(ui, 'mark:db2[2]').text, RIGHT);
  assert.equal(find(ui, 'text:score').text, '1 of 1 right: well done!');
  await screenshot(page, 'backward-exercise-390x844.png');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Learning by hand in the page (issue 13): the Targets section of the sliders panel (targets,
// the loss, the reduction, the learning rate, Step) and the backward worksheet under the forward
// one, on screen and in the page's text form. Real mouse and keyboard; the values read from
// window.mlpExplorer.state(), the expected ones computed here from the state before.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');
const a11y = require('./accessibility_checks');

const env = h.serverAndBrowser({ before, after });
const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');

// "−0.2481" as the page writes it, read as a number.
const num = (text) => Number(String(text).replace(/\u2212/g, '-').replace(/ \(.*\)$/, ''));

// The page's text form of the worksheet (#sheet-tables): captions, header cells, rows.
function sheetTables(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#sheet-tables table')).map((t) => ({
    caption: t.caption.textContent,
    rows: Array.from(t.rows).map((r) => Array.from(r.cells).map((c) => c.textContent)),
  })));
}

// The column of table `t` headed `head`, below its header row.
function column(t, head) {
  const j = t.rows[0].indexOf(head);
  assert.ok(j >= 0, `${t.caption} has a column ${head}: ${t.rows[0].join(' | ')}`);
  return t.rows.slice(1).map((r) => r[j]);
}

const flat = (layers) => layers.flat(2);

test('Add targets, then a target dragged by its slider changes the loss and every layer\'s dW', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  let s = await h.state(page);
  assert.equal(s.targets, undefined, 'the exercise opens without targets');
  assert.equal(s.loss_value, undefined);
  await h.click(page, 'button:Add targets', { panel: 'panel:controls' });
  s = await h.until(page, h.state, (x) => x.targets !== undefined);
  assert.deepEqual(s.targets, [[0], [0]], 'a target of 0 for each sample and output node');
  assert.equal(typeof s.loss_value, 'number');
  // One undo step: Ctrl+Z takes them away again, Ctrl+Y brings them back.
  await page.keyboard.press('Control+z');
  assert.equal((await h.until(page, h.state, (x) => x.targets === undefined)).targets, undefined);
  await page.keyboard.press('Control+y');
  s = await h.until(page, h.state, (x) => x.targets !== undefined);
  assert.deepEqual(s.targets, [[0], [0]]);

  // A real drag of the slider y1[1] to the right.
  const slider = await h.reveal(page, 'slider:y1[1]');
  await h.drag(page, slider.cx, slider.cy, slider.w / 4, 0);
  const after = await h.until(page, h.state, (x) => x.targets[0][0] !== 0);
  assert.ok(after.targets[0][0] > 0, `the drag to the right raised y1[1] (${after.targets[0][0]})`);
  assert.equal(after.targets[1][0], 0, 'the other sample\'s target stays');
  assert.notEqual(after.loss_value, s.loss_value, 'the loss moved');
  for (let l = 0; l < s.dw.length; l++) {
    assert.notDeepEqual(after.dw[l], s.dw[l], `dW${l + 1} moved with the target`);
  }
  // The loss as the worksheet's text form says it (live text).
  const loss = await h.until(page, () => page.locator('#loss-text').textContent(), (t) => t.includes('L = '));
  assert.match(loss, /^Loss \(mse, mean\): L = /);
  assert.ok(Math.abs(num(loss.split('L = ')[1]) - after.loss_value) < 1e-3 * Math.max(1, after.loss_value));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Step moves every weight and bias by −lr·dW (and −lr·db); Ctrl+Z restores them exactly', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.choosePreset(page, 'preset-yeh');
  const s0 = await h.until(page, h.state, (x) => x.targets !== undefined);
  assert.deepEqual(s0.shape, [4, 3, 4, 3]);
  await h.click(page, 'button:Step', { panel: 'panel:controls' });
  const s1 = await h.until(page, h.state, (x) => x.weights[0][0][0] !== s0.weights[0][0][0] || x.revision !== s0.revision);
  const lr = s0.learning_rate;
  let moved = 0;
  for (let l = 0; l < s0.weights.length; l++) {
    for (let i = 0; i < s0.weights[l].length; i++) {
      for (let j = 0; j < s0.weights[l][i].length; j++) {
        const want = s0.weights[l][i][j] - lr * s0.dw[l][i][j];
        assert.ok(Math.abs(s1.weights[l][i][j] - want) < 1e-12, `W${l + 1}[${i + 1},${j + 1}] = ${s1.weights[l][i][j]}, want ${want}`);
        if (s0.dw[l][i][j] !== 0) moved++;
      }
      const wantB = s0.biases[l][i] - lr * s0.db[l][i];
      assert.ok(Math.abs(s1.biases[l][i] - wantB) < 1e-12, `b${l + 1}[${i + 1}] = ${s1.biases[l][i]}, want ${wantB}`);
    }
  }
  assert.ok(moved > 10, `weights with a gradient moved (${moved})`);
  assert.ok(s1.loss_value < s0.loss_value, `the loss went down: ${s0.loss_value} → ${s1.loss_value}`);
  // Beside Step: the loss before and after it.
  const line = (await h.ui(page)).items.find((it) => it.name === 'text:loss');
  assert.ok(line, 'the loss line is beside Step');
  const [was, now] = line.text.slice(2).split(' \u2192 ').map(num);
  assert.ok(Math.abs(was - s0.loss_value) < 1e-3 && Math.abs(now - s1.loss_value) < 1e-3, `"${line.text}"`);

  // Undo: exactly the weights and biases before.
  await page.keyboard.press('Control+z');
  const s2 = await h.until(page, h.state, (x) => x.weights[0][0][0] === s0.weights[0][0][0]);
  assert.deepEqual(s2.weights, s0.weights);
  assert.deepEqual(s2.biases, s0.biases);
  assert.equal(s2.loss_value, s0.loss_value);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Tom Yeh\'s sheet from the preset menu: L = 1.1041 (sum) and ∂L/∂b1 in the worksheet and its text form', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.choosePreset(page, 'preset-yeh');
  const tables = await h.until(page, sheetTables, (t) => t.some((x) => x.caption.startsWith('Loss')), 60);
  const loss = tables.find((t) => t.caption.startsWith('Loss'));
  assert.equal(loss.caption, 'Loss: ce \u00b7 sum \u00b7 L = 1.104');
  // The sheet's softmax of z3 = (−3, 2, 2), to its four decimals.
  column(loss, 'p of x1').map(num).forEach((v, i) => assert.ok(Math.abs(v - [0.0034, 0.4983, 0.4983][i]) < 5e-5, `p${i + 1} of x1 = ${v}`));
  const layer1 = tables.find((t) => t.caption.startsWith('Layer 1 backward'));
  const db1 = column(layer1, '\u2202L/\u2202b1').map(num);
  const sheet = [-0.2481, -0.9078, -0.5050];
  db1.forEach((v, i) => assert.ok(Math.abs(v - sheet[i]) < 5e-4, `∂L/∂b1[${i + 1}] = ${v}, the sheet's ${sheet[i]}`));
  // Layer 2's first node is clipped by ReLU for both samples: its ∂L/∂z says so.
  const layer2 = tables.find((t) => t.caption.startsWith('Layer 2 backward'));
  assert.match(column(layer2, '\u2202L/\u2202z2 of x1')[0], /\(f\u2032\(z\) = 0\)$/);
  assert.equal(await page.locator('#loss-text').textContent(), 'Loss (ce, sum): L = 1.104');
  assert.equal(await page.locator('#loss-text').getAttribute('aria-live'), 'polite');
  const s = await h.state(page);
  assert.ok(Math.abs(s.loss_value - 1.1041) < 5e-5);

  // On screen, in the worksheet panel: the same cells, under the forward cards.
  const cell = await h.reveal(page, 'cell:db1[1]', 'panel:breakdown');
  assert.ok(Math.abs(num(cell.text) - sheet[0]) < 5e-4, `the worksheet's ∂L/∂b1[1] reads ${cell.text}`);
  const dz = await h.reveal(page, 'cell:dz2[1].x1', 'panel:breakdown');
  assert.match(dz.text, /\u2192 0$/, `the clipped node's ∂L/∂z is crossed out: "${dz.text}"`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'backward-sheet-1280x720.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the learning rate typed: refused out of range with why, kept; a good one applies', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.choosePreset(page, 'preset-yeh');
  const typeLr = async (text) => {
    await h.click(page, 'input:lr', { panel: 'panel:controls' });
    await h.until(page, h.ui, (u) => u.typing);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await h.until(page, h.ui, (u) => !u.typing);
    await h.frames(page, 2);
  };
  for (const [typed, why] of [
    ['0', 'learning rate: 0 is not a learning rate; expected a number above 0 and at most 1e6'],
    ['-0.5', 'learning rate: -0.5 is not a learning rate; expected a number above 0 and at most 1e6'],
    ['2e6', 'learning rate: "2e6" is beyond the limits; expected a number from -1e6 to 1e6'],
    ['0,5', 'learning rate: "0,5" has a comma; write decimals with a point (3.5) and thousands without a separator (1000)'],
  ]) {
    await typeLr(typed);
    const s = await h.state(page);
    assert.equal(s.learning_rate, 0.03, `"${typed}" changed nothing`);
    assert.equal(s.error, why);
    assert.equal(await page.locator('#message-note').textContent(), 'The learning rate stays 0.03.');
  }
  await typeLr('0.5');
  const s = await h.state(page);
  assert.equal(s.learning_rate, 0.5);
  assert.equal(s.error, null, 'the refusal is taken back once a value is accepted');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the keyboard reaches the targets, the loss, the learning rate and Step; Space on Step takes a step', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.choosePreset(page, 'preset-yeh');
  await page.locator('#copy-link').focus();
  const walk = await a11y.tabUntil(page, (f) => f.app === 'button:Step', { max: 150 });
  const seen = walk.map((f) => f.app);
  for (const name of ['section:targets', 'slider:y1[1]', 'slider:y2[3]', 'button:ce', 'button:sum', 'input:lr', 'button:Step']) {
    assert.ok(seen.includes(name), `Tab reaches ${name}; it went ${seen.join(' > ')}`);
  }
  const step = walk.at(-1);
  assert.equal(step.label, 'Step', 'Step is named for screen readers');
  const target = walk.find((f) => f.app === 'slider:y1[1]');
  assert.match(target.label + ' ' + target.value, /y1\[1\]/);
  const s0 = await h.state(page);
  await page.keyboard.press('Space');
  const s1 = await h.until(page, h.state, (x) => x.loss_value !== s0.loss_value);
  assert.ok(s1.loss_value < s0.loss_value, 'Space on the focused Step took a step');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the phone at 390x844: a finger takes a step, and the backward cards follow the forward ones', async () => {
  const page = await h.openApp(env.browser, env.server.url, { viewport: { width: 390, height: 844 }, hasTouch: true });
  await h.choosePreset(page, 'preset-yeh');
  const s0 = await h.until(page, h.state, (x) => x.targets !== undefined);
  const step = await h.reveal(page, 'button:Step');
  await page.touchscreen.tap(step.cx, step.cy);
  const s1 = await h.until(page, h.state, (x) => x.loss_value !== s0.loss_value);
  assert.ok(s1.loss_value < s0.loss_value, 'a tap on Step took a step');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'backward-sheet-390x844.png') });
  // The Worksheet tab: the loss card, each sample's loss as state() has it.
  await h.click(page, 'tab:Worksheet');
  const cell = await h.reveal(page, 'cell:L[1].x1', 'panel:breakdown');
  assert.ok(Math.abs(num(cell.text) - s1.sample_losses[0]) < 1e-3 * Math.max(1, s1.sample_losses[0]), `L_s of x1 reads ${cell.text}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'backward-sheet-390x844-worksheet.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

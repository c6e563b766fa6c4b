// The canvas for screen readers: the control focused in the app is mirrored in the page's DOM
// with its role, name and value, and that is what Chromium's accessibility tree (what a screen
// reader reads) says has the focus, value changes included; the outputs, exercise mode's score
// and the worksheet are text and tables there, kept current as values change; axe-core finds no
// WCAG 2.1 A or AA violation at laptop and phone sizes, in the states a user goes through.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');
const a11y = require('./accessibility_checks');

const env = h.serverAndBrowser({ before, after });
const MINUS = '\u2212';

// The page's tables (#sheet-tables) as arrays of rows of cell texts, with their captions.
function sheetTables(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#sheet-tables table')).map((t) => ({
    caption: t.caption.textContent,
    rows: Array.from(t.rows).map((r) => Array.from(r.cells).map((c) => c.textContent)),
  })));
}

// The table of weight layer `l` (1-based), cell of node `node` under the column headed `column`.
function cell(tables, l, node, column) {
  const t = tables[l];  // tables[0] holds the inputs
  const j = t.rows[0].indexOf(column);
  if (j < 0) throw new Error(`no column ${column} in ${t.caption}: ${t.rows[0].join(' | ')}`);
  return t.rows[node][j];
}

test('the focused slider in the accessibility tree: role, name, value, and its new value after an arrow key', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const walk = await a11y.tabUntil(page, (f) => f.app === 'slider:W1[1,1]', { max: 60 });
  assert.equal(walk.at(-1).app, 'slider:W1[1,1]');
  let node = await a11y.focusedAxNode(page);
  assert.equal(node.role, 'slider', `the focused node: ${JSON.stringify(node)}`);
  assert.equal(node.name, 'W1[1,1]');
  assert.equal(String(node.value), '0');
  assert.equal(node.properties.valuemin, -10);
  assert.equal(node.properties.valuemax, 10);
  assert.match(node.description, /weight into node 1 of layer 1, from node 1 of layer 0\. Left and Right arrows/);

  await page.keyboard.press('ArrowRight');
  const s = await h.until(page, h.state, (st) => st.weights[0][0][0] === 1);
  assert.equal(s.weights[0][0][0], 1);
  node = await h.until(page, a11y.focusedAxNode, (n) => n !== null && String(n.value) === '1');
  assert.equal(node.name, 'W1[1,1]', 'still the same slider');
  assert.equal(String(node.value), '1', 'its new value');

  // Typing a value: the focus is a text field of the same name, holding what is typed.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('-3');
  node = await h.until(page, a11y.focusedAxNode, (n) => n !== null && n.role === 'textbox' && n.value === '-3');
  assert.equal(node.role, 'textbox');
  assert.equal(node.name, 'W1[1,1]');
  assert.equal(node.value, '-3');
  await page.keyboard.press('Enter');
  node = await h.until(page, a11y.focusedAxNode, (n) => n !== null && n.role === 'slider');
  assert.equal(String(node.value), '-3', `typed: ${JSON.stringify(node)}`);
  // What it says (aria-valuetext): the number as the slider shows it. (Chromium's DevTools
  // protocol leaves its valuetext property empty; the attribute is read from the element.)
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-valuetext')), `${MINUS}3`);

  // Other kinds of control: a toggle (pressed or not), a folding section (expanded), a list.
  await a11y.tabUntil(page, (f) => f.app === 'combo:act.W1', { max: 30, shift: true });
  node = await a11y.focusedAxNode(page);
  assert.equal(node.role, 'combobox');
  assert.equal(node.name, 'Activation of layer 1');
  assert.equal(node.value, 'ReLU');
  await a11y.tabUntil(page, (f) => f.app === 'section:W1', { max: 2, shift: true });
  node = await a11y.focusedAxNode(page);
  assert.equal(node.role, 'button');
  assert.match(node.name, /^W1: weights of layer 0 to 1, ReLU, 5 by 3/);
  assert.equal(node.properties.expanded, true);
  await a11y.tabUntil(page, (f) => f.app === 'button:Integer', { max: 40, shift: true });
  node = await a11y.focusedAxNode(page);
  assert.equal(node.name, 'Steps Integer');
  assert.equal(node.properties.pressed, 'true');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the outputs and the worksheet as text and tables, kept current as values change', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const outputs = () => page.locator('#outputs-text').textContent();
  assert.equal(await h.until(page, outputs, (t) => t.includes('x1')),
    `Outputs: x1: y = ${MINUS}4; x2: y = ${MINUS}18`);
  let tables = await h.until(page, sheetTables, (t) => t.length === 8);
  assert.equal(tables.length, 8, 'the inputs and one table per layer');
  assert.deepEqual(tables[0].rows, [['sample', 'x[1]', 'x[2]', 'x[3]'], ['x1', '3', '4', '5'], ['x2', '5', '4', '3']]);
  assert.equal(tables[3].caption, 'Layer 3: z3 = W3 \u00b7 a2, a3 = ReLU(z3)');
  // The worksheet's own numbers (harness WORKSHEET): layer 3 of x2 is 9, -5, 16 before ReLU.
  h.WORKSHEET.forEach((layer, l) => layer.z2.forEach((z, i) => {
    assert.equal(cell(tables, l + 1, i + 1, `z${l + 1} of x2`), (z < 0 ? MINUS : '') + Math.abs(z));
  }));
  assert.equal(cell(tables, 3, 2, 'a3 of x2'), '0 (clipped)', 'the ReLU clip says so');
  assert.equal(cell(tables, 3, 2, 'W3 from a2[2]'), `${MINUS}1`);

  // In the accessibility tree: tables named by their captions, with their cells.
  const nodes = await a11y.axNodes(page);
  assert.ok(nodes.some((n) => n.role === 'table' && n.name === tables[3].caption), 'the layer 3 table');
  assert.ok(nodes.some((n) => n.role === 'columnheader' && n.name === 'z3 of x2'));
  assert.ok(nodes.some((n) => n.role === 'rowheader' && n.name === 'node 2'));

  // A change by keyboard: x1[1] from 3 to 4. z1 of x1 becomes W1 * [4, 4, 5] = 5, 4, 4, 8, 9.
  await a11y.tabUntil(page, (f) => f.app === 'slider:x1[1]', { max: 40 });
  await page.keyboard.press('ArrowRight');
  tables = await h.until(page, sheetTables, (t) => t[0].rows[1][1] === '4', 60);
  assert.equal(tables[0].rows[1][1], '4');
  assert.deepEqual([1, 2, 3, 4, 5].map((i) => cell(tables, 1, i, 'z1 of x1')), ['5', '4', '4', '8', '9']);
  const s = await h.state(page);
  const y = s.a.at(-1).map((sample) => sample[0]);
  assert.equal(await h.until(page, outputs, (t) => !t.startsWith(`Outputs: x1: y = ${MINUS}4;`), 90),
    `Outputs: x1: y = ${y[0] < 0 ? MINUS : ''}${Math.abs(y[0])}; x2: y = ${MINUS}18`, 'the outputs follow, once the edits pause');

  // Exercise mode: a hidden value reads "?" in the tables too, and the bar's score is text.
  const toggle = await h.item(page, 'button:Exercise');
  await page.mouse.click(toggle.cx, toggle.cy);
  const exercise = await h.until(page, () => page.locator('#exercise-text').textContent(), (t) => /to find/.test(t), 60);
  assert.match(exercise, /^\d+ values to find/);
  tables = await h.until(page, sheetTables, (t) => t.some((tab) => tab.rows.some((r) => r.includes('?'))), 60);
  const hiddenCells = tables.slice(1).flatMap((t) => t.rows.flat()).filter((c) => c === '?').length;
  assert.equal(hiddenCells, Number(/^(\d+)/.exec(exercise)[1]), 'each value to find is "?" in the tables');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// axe-core's WCAG 2.1 A and AA rules (tags wcag2a, wcag2aa, wcag21a, wcag21aa).
async function assertNoViolations(page, when) {
  const violations = await a11y.axeViolations(page);
  assert.deepEqual(violations, [], `${when}: ${JSON.stringify(violations, null, 1)}`);
}

test('axe-core: no WCAG 2.1 A or AA violation at 1280x720 and 390x844', async () => {
  for (const viewport of [h.DESKTOP, h.PHONE]) {
    const size = `${viewport.width}x${viewport.height}`;
    const page = await h.openApp(env.browser, env.server.url, { viewport, hasTouch: viewport === h.PHONE });
    await h.until(page, () => page.locator('#sheet-tables table').count(), (n) => n > 0);
    await assertNoViolations(page, `${size}, as opened`);
    // With the app's focus on a slider, a toggle, a list and a text field.
    await a11y.tabUntil(page, (f) => f.app === 'slider:x1[1]', { max: 40 });
    await assertNoViolations(page, `${size}, a slider focused`);
    await a11y.tabUntil(page, (f) => f.app === 'button:x1', { max: 40, shift: true });
    await assertNoViolations(page, `${size}, a toggle focused`);
    const ui = await h.ui(page);
    if (h.find(ui, 'input:nodes')) {
      await a11y.tabUntil(page, (f) => f.app === 'input:nodes', { max: 30 });
      await assertNoViolations(page, `${size}, a text field focused`);
    }
    // The Presets menu open, and exercise mode on with its score.
    await page.locator('#presets').click();
    await assertNoViolations(page, `${size}, the Presets menu open`);
    await page.keyboard.press('Escape');
    await page.locator('#presets').focus();
    await a11y.tabUntil(page, (f) => f.app === 'button:Exercise', { max: 8, shift: true });
    await page.keyboard.press('Enter');
    await h.until(page, () => page.locator('#exercise-text').textContent(), (t) => t.length > 0, 60);
    await assertNoViolations(page, `${size}, exercise mode`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

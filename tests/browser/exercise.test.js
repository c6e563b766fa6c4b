// Exercise mode (issue 5, item 7), as a teacher and a learner use it: an exercise link opens ready
// to solve with the hidden values shown nowhere; answers typed in place with the keyboard; Check
// marks them ✓ and ✗ and counts; Reveal writes out the computation step by step; a teacher turns
// the mode on, hides nodes per layer and whole layers, and sends the link; the student who opens
// it gets the same sheet. Checked through state() and ui() (src/app/ui_probe.h), with screenshots
// of both layouts in build/screenshots/.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');
const MINUS = '\u2212';
const RIGHT = '\u2713';
const WRONG = '\u2717';
// PRODUCT.md's exercise link.
const EXERCISE = '#v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1' +
  '&w2=1,1,-1,0,0;0,0,1,1,-1&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1';
// The worksheet's one ReLU clip hidden: node 2 of layer 3 for sample x2, z = −5 and a = 0.
const CLIP_SHEET = EXERCISE + '&hide=z3.2.2,a3.2.2';

const { find, snapshot } = h;

// The values a list of `hide` items stands for, as "z3.2.2" strings (1-based), given the shape
// and the number of samples: an independent reading of docs/link-format.md's wildcards.
function expand(items, shape, samples) {
  const out = new Set();
  for (const item of items) {
    const [q, rest] = [item[0], item.slice(1)];
    const [layer, sample, node] = rest.split('.').map(Number);
    for (let s = 1; s <= samples; s++) {
      if (sample && s !== sample) continue;
      for (let i = 1; i <= shape[layer]; i++) {
        if (node && i !== node) continue;
        out.add(`${q}${layer}.${s}.${i}`);
      }
    }
  }
  return out;
}

const click = h.click;  // the centre of a named UI item, once it is on screen

async function hover(page, name) {
  const it = await h.item(page, name);
  await page.mouse.move(it.cx, it.cy);
  await h.frames(page, 3);
}

// No item of the UI shows one of `numbers`, and neither does the tooltip.
function assertShownNowhere(ui, numbers, what) {
  for (const it of ui.items) {
    for (const n of numbers) {
      assert.ok(!(it.text || '').split(/[^0-9.\u2212-]+/).includes(n), `${what}: ${it.name} shows ${n} ("${it.text}")`);
    }
  }
}

// Waits until the focused item of the UI is `name` (the keyboard focus moved there).
// Waits until the answer field `name` has the keyboard and takes what is typed.
async function focusedIs(page, name) {
  const ui = await h.until(page, h.ui, (u) => u.focused === name && u.typing, 60);
  if (ui.focused !== name || !ui.typing) {
    assert.fail(`the keyboard focus never reached ${name} (it is on "${ui.focused}", typing: ${ui.typing})`);
  }
}

async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

test('an exercise link opens ready to solve: answer fields where the values were, the numbers shown nowhere', async () => {
  const page = await h.openApp(env.browser, env.server.url + CLIP_SHEET);
  await h.item(page, 'answer:z3[2].x2');  // the worksheet scrolls to the first answer field
  const { state: s, ui } = await snapshot(page);
  assert.deepEqual(s.hidden, ['z3.2.2', 'a3.2.2']);
  assert.ok(s.hash.endsWith('&hide=z3.2.2,a3.2.2'), s.hash);
  // state() is the script API: it still has the values.
  assert.equal(s.z[2][1][1], -5);
  assert.equal(s.a[2][1][1], 0);

  assert.equal(find(ui, 'button:Exercise').highlighted, true, 'the page opened in exercise mode');
  assert.equal(ui.sample, 1, 'the diagram shows x2, the sample of the value to find');
  for (const name of ['z3[2].x2', 'a3[2].x2']) {
    assert.ok(find(ui, `answer:${name}`), `an answer field for ${name}`);
    assert.equal(find(ui, `cell:${name}`).text, '?');
  }
  // Layer 4's incoming vector is a3: its x2 element is hidden too, the others are not.
  assert.equal(find(ui, 'cell:in4[2].x2').text, '?');
  assert.equal(find(ui, 'cell:in4[1].x2').text, '9');
  // The diagram: node 3.2 reads "?", its neighbours their values.
  assert.equal(find(ui, 'node:3.2').text, '?');
  assert.equal(find(ui, 'node:3.3').text, '16');
  // The sliders' summary of W3 for x2.
  assertShownNowhere(ui, [`${MINUS}5`], 'on opening');
  const summary = await h.reveal(page, 'text:summary W3');
  assert.equal(summary.text, `x2:  z3 = 9, ?, 16  \u2192  a3 = 9, ?, 16`);

  // Hovering the node: its dot product with the numbers plugged in, the results hidden; the
  // screen readers' mirror says the same.
  await hover(page, 'node:3.2');
  let tip = (await h.ui(page)).tooltip;
  assert.ok(tip.includes(`z = 2\u00b71 + 7\u00b7(${MINUS}1) = ? \u2192 ReLU \u2192 ?`), tip);
  assert.equal(await page.locator('#announcer').textContent(), tip);
  // A line out of it: its contribution is hidden with it.
  await hover(page, 'edge:W4[1,2]');
  tip = (await h.ui(page)).tooltip;
  assert.ok(tip.includes('contribution a\u00b7w = ?\u00b7(\u22121) = ?'), tip);
  // The node after it (4.1 of x2 = 9·1 + 0·(−1) + 16·0): the hidden 0 reads "?".
  await hover(page, 'node:4.1');
  tip = (await h.ui(page)).tooltip;
  assert.ok(tip.includes(`z = 9\u00b71 + ?\u00b7(${MINUS}1) + 16\u00b70 = 9`), tip);
  assert.ok(!(await page.locator('#announcer').textContent()).includes(`${MINUS}5`));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('typing answers: z = −5 is right, a = −5 is the classic mistake; Check marks ✓ and ✗ and counts', async () => {
  const page = await h.openApp(env.browser, env.server.url + CLIP_SHEET);
  await click(page, 'answer:z3[2].x2');
  await focusedIs(page, 'answer:z3[2].x2');
  await page.keyboard.type('-5');
  await page.keyboard.press('Tab');  // Tab goes on to the next answer field
  await focusedIs(page, 'answer:a3[2].x2');
  await page.keyboard.type('-5');  // forgot the ReLU
  await h.frames(page, 2);
  let { ui } = await snapshot(page);
  assert.equal(find(ui, 'answer:z3[2].x2').text, '-5');
  assert.equal(find(ui, 'answer:a3[2].x2').text, '-5');
  assert.equal(find(ui, 'mark:z3[2].x2'), undefined, 'no marks before Check');
  assert.equal(find(ui, 'text:score').text, '2 values to find');

  await click(page, 'button:Check');
  ({ ui } = await snapshot(page));
  assert.equal(find(ui, 'mark:z3[2].x2').text, RIGHT);
  assert.equal(find(ui, 'mark:z3[2].x2').highlighted, true);
  assert.equal(find(ui, 'mark:a3[2].x2').text, WRONG);
  assert.equal(find(ui, 'mark:a3[2].x2').highlighted, false);
  assert.equal(find(ui, 'text:score').text, '1 of 2 right \u00b7 1 wrong');
  await screenshot(page, 'exercise-checked-1280x720.png');

  // Correcting it: click the field, type 0, Enter. Enter in the last field checks the sheet.
  await click(page, 'answer:a3[2].x2');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0');
  await h.frames(page, 2);
  ({ ui } = await snapshot(page));
  assert.equal(find(ui, 'mark:a3[2].x2'), undefined, 'a corrected answer loses its mark until the next check');
  await page.keyboard.press('Enter');
  await h.frames(page, 3);
  ({ ui } = await snapshot(page));
  assert.equal(find(ui, 'mark:a3[2].x2').text, RIGHT);
  assert.equal(find(ui, 'text:score').text, '2 of 2 right: well done!');
  // Answers are the learner's own: not in the link.
  const s = await h.state(page);
  assert.ok(s.hash.endsWith('&hide=z3.2.2,a3.2.2'), s.hash);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('editing a weight after Check: answers are checked against the network as it is now', async () => {
  const page = await h.openApp(env.browser, env.server.url + CLIP_SHEET);
  await click(page, 'answer:z3[2].x2');
  await page.keyboard.type('-5');
  await page.keyboard.press('Enter');  // on to a3[2]
  await focusedIs(page, 'answer:a3[2].x2');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');  // the last field: checks
  await h.frames(page, 3);
  assert.equal(find(await h.ui(page), 'text:score').text, '2 of 2 right: well done!');

  // W3[2,1] from 1 to 5: z3[2] of x2 becomes 5·2 + 7·(−1) = 3.
  const loaded = await page.evaluate(() => {
    const s = window.mlpExplorer.state();
    return s.hash.replace('w3=1,1;1,-1', 'w3=1,1;5,-1');
  });
  // A script edit through load() replaces the document: a new exercise, blank answers.
  let s = await page.evaluate((link) => window.mlpExplorer.load(link), loaded);
  assert.equal(s.z[2][1][1], 3);
  await h.frames(page, 3);
  let ui = await h.ui(page);
  assert.equal(find(ui, 'answer:z3[2].x2').text ?? '', '', 'another document starts blank');

  // Now as a learner would: answer, check, then type a new weight into its slider.
  await click(page, 'answer:z3[2].x2');
  await focusedIs(page, 'answer:z3[2].x2');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');  // Enter moves on to the next answer field
  await focusedIs(page, 'answer:a3[2].x2');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await h.frames(page, 3);
  assert.equal(find(await h.ui(page), 'text:score').text, '2 of 2 right: well done!');
  const slider = await h.reveal(page, 'slider:W3[2,1]');
  await page.keyboard.down('Control');
  await page.mouse.click(slider.cx, slider.cy);
  await page.keyboard.up('Control');
  await h.until(page, h.ui, (u) => u.typing);
  await page.keyboard.press('Control+A');
  await h.typeValue(page, '1');
  s = await h.state(page);
  assert.equal(s.z[2][1][1], -5);
  ui = await h.ui(page);
  assert.equal(find(ui, 'text:score').text, 'The network changed after Check: check again.');
  assert.equal(find(ui, 'mark:z3[2].x2'), undefined, 'outdated marks are not shown');
  await click(page, 'button:Check');
  ui = await h.ui(page);
  assert.equal(find(ui, 'mark:z3[2].x2').text, WRONG, '3 is no longer z3[2]');
  assert.equal(find(ui, 'mark:a3[2].x2').text, WRONG);
  assert.equal(find(ui, 'text:score').text, '0 of 2 right \u00b7 2 wrong');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Reveal writes out the computation, one hidden value per click, in the order a learner computes', async () => {
  const page = await h.openApp(env.browser, env.server.url + CLIP_SHEET);
  await h.frames(page, 3);
  await click(page, 'button:Reveal step');
  let { ui } = await snapshot(page);
  assert.equal(find(ui, 'text:reveal').text, `Step 1 of 2:  z3[2] of x2 = 2\u00b71 + 7\u00b7(${MINUS}1) = ${MINUS}5`);
  assert.equal(find(ui, 'cell:z3[2].x2').text, `${MINUS}5`, 'the revealed value is filled in');
  assert.equal(find(ui, 'answer:z3[2].x2'), undefined);
  assert.equal(find(ui, 'node:3.2').text, '?', 'a is still to find');
  await screenshot(page, 'exercise-reveal-1280x720.png');

  await click(page, 'button:Reveal step');
  ({ ui } = await snapshot(page));
  assert.equal(find(ui, 'text:reveal').text,
    `Step 2 of 2:  a3[2] of x2 = ReLU(${MINUS}5) = 0: ReLU turns a negative z into 0`);
  assert.equal(find(ui, 'cell:a3[2].x2').text, '0');
  assert.equal(find(ui, 'node:3.2').text, '0');
  assert.equal(find(ui, 'cell:in4[2].x2').text, '0');
  assert.match(find(ui, 'text:score').text, /2 revealed/);
  // Nothing left to reveal: a third click does nothing.
  await click(page, 'button:Reveal step');
  assert.match(find(await h.ui(page), 'text:reveal').text, /^Step 2 of 2/);

  // Reveal all on a fresh sheet of the outputs.
  await page.evaluate((link) => window.mlpExplorer.load(link), EXERCISE + '&hide=a7');
  await h.frames(page, 3);
  ui = await h.ui(page);
  assert.equal(find(ui, 'text:reveal'), undefined, 'a new document starts unrevealed');
  await click(page, 'button:Reveal all');
  ui = await h.ui(page);
  assert.equal(find(ui, 'cell:a7[1].x1').text, `${MINUS}4`);
  assert.equal(find(ui, 'cell:a7[1].x2').text, `${MINUS}18`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Types `text` into the answer field `name` after a click on it; Enter ends the typing.
async function answer(page, name, text) {
  await click(page, name);
  await focusedIs(page, name);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await h.frames(page, 3);
}

test('Reveal keeps the learner\'s work: right answers are skipped and marked, a wrong one stays by the value, each value counts once', async () => {
  // Layer 3 hidden whole: z and a of its 3 nodes for x1 and x2, 12 values.
  const page = await h.openApp(env.browser, env.server.url + EXERCISE + '&hide=z3,a3');
  await h.frames(page, 3);
  await answer(page, 'answer:z3[1].x1', '7');    // right
  await answer(page, 'answer:z3[2].x2', '-5');   // right
  await answer(page, 'answer:a3[2].x2', '-5');   // wrong: the ReLU forgotten
  let ui = await h.ui(page);
  assert.equal(find(ui, 'text:score').text, '12 values to find');

  // Reveal step: z3[1] of x1, the first value in forward order, is the learner's own and right:
  // it is passed by (marked ✓), and the next one, a3[1] of x1, is revealed.
  await click(page, 'button:Reveal step');
  ui = await h.ui(page);
  assert.equal(find(ui, 'text:reveal').text, 'Step 2 of 12:  a3[1] of x1 = ReLU(7) = 7');
  assert.equal(find(ui, 'answer:z3[1].x1').text, '7', 'the right answer stays the learner\'s, in its field');
  assert.equal(find(ui, 'mark:z3[1].x1').text, RIGHT);
  assert.equal(find(ui, 'cell:a3[1].x1').text, '7');
  assert.equal(find(ui, 'answer:a3[1].x1'), undefined, 'a3[1] of x1 is revealed');

  // Reveal all: everything but the two right answers; the wrong answer stays beside its value.
  await click(page, 'button:Reveal all');
  const { state: s, ui: after } = await snapshot(page);
  assert.equal(find(after, 'answer:z3[2].x2').text, '-5');
  assert.equal(find(after, 'mark:z3[2].x2').text, RIGHT);
  assert.equal(find(after, 'answer:a3[2].x2'), undefined);
  assert.equal(find(after, 'cell:a3[2].x2').text, '0', 'the value, revealed');
  assert.equal(find(after, 'yours:a3[2].x2').text, '-5', 'what the learner typed, kept beside it');
  assert.equal(find(after, 'mark:a3[2].x2').text, WRONG);
  // The learner's answer is drawn before the value (as "−5 → 0" is written), not over it.
  const cell = find(after, 'cell:a3[2].x2');
  const yours = find(after, 'yours:a3[2].x2');
  assert.ok(yours.x + yours.w <= cell.x, `${JSON.stringify(yours)} before ${JSON.stringify(cell)}`);
  // Every value once: 2 right, 10 revealed (it was "2 of 12 right · 1 wrong · 12 revealed").
  assert.equal(find(after, 'text:score').text, '2 of 12 right \u00b7 10 revealed');
  assert.equal(find(after, 'button:Reveal step').highlighted, false);
  assert.ok(s.hash.endsWith('&hide=z3,a3'), 'the sheet itself is unchanged');
  await screenshot(page, 'exercise-reveal-kept-1280x720.png');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone, a finger reveals step by step past a right answer, and the wrong answer stays in view', async () => {
  const page = await h.openApp(env.browser, env.server.url + CLIP_SHEET, { viewport: h.PHONE, hasTouch: true });
  await h.frames(page, 4);
  const tap = async (name) => {
    const it = await h.item(page, name);
    await page.touchscreen.tap(it.cx, it.cy);
    await h.frames(page, 4);
  };
  await tap('answer:z3[2].x2');
  await focusedIs(page, 'answer:z3[2].x2');
  await page.keyboard.type('-5');
  await page.keyboard.press('Enter');  // on to a3[2]
  await focusedIs(page, 'answer:a3[2].x2');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await h.frames(page, 3);
  await tap('button:Reveal step');
  await screenshot(page, 'exercise-reveal-kept-390x844.png');
  const ui = await h.ui(page);
  assert.match(find(ui, 'text:reveal').text, /^Step 2 of 2:  a3\[2\] of x2 = ReLU/);
  assert.equal(find(ui, 'answer:z3[2].x2').text, '-5');
  assert.equal(find(ui, 'mark:z3[2].x2').text, RIGHT);
  const yours = find(ui, 'yours:a3[2].x2');
  assert.equal(yours.text, '5');
  assert.ok(yours.x >= 0 && yours.x + yours.w <= h.PHONE.width, 'on screen');
  assert.equal(find(ui, 'text:score').text, '1 of 2 right \u00b7 1 revealed');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('clicking a hidden node in the diagram puts the keyboard in its answer field', async () => {
  const page = await h.openApp(env.browser, env.server.url + EXERCISE + '&hide=a7');
  await h.frames(page, 3);
  await page.mouse.click(10, 10);  // away from the field that has the focus on opening
  await click(page, 'node:7.1');
  await focusedIs(page, 'answer:a7[1].x1');
  await page.keyboard.type('-4');
  await page.keyboard.press('Enter');
  await focusedIs(page, 'answer:a7[1].x2');
  await page.keyboard.type('-18');
  await page.keyboard.press('Enter');
  const ui = await h.until(page, h.ui, (u) => find(u, 'text:score').text.includes('well done'));
  assert.equal(find(ui, 'text:score').text, '2 of 2 right: well done!');
  // The diagram shows the learner's own answer in the blank node (x1 is shown).
  assert.equal(find(ui, 'node:7.1').text, `${MINUS}4`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a teacher turns exercise mode on, hides nodes per layer and a whole layer, and sends the link; the student gets the same sheet', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.frames(page, 3);
  let s = await h.state(page);
  assert.deepEqual(s.hidden, []);
  assert.equal(find(await h.ui(page), 'button:Exercise').highlighted, false);

  await click(page, 'button:Exercise');
  s = await h.state(page);
  const shape = s.shape;
  // One node of every layer: its z and a for both samples.
  let values = expand(s.hidden, shape, 2);
  assert.equal(values.size, 7 * 2 * 2);
  for (let l = 1; l <= 7; l++) {
    const nodes = new Set([...values].filter((v) => v.slice(1).startsWith(`${l}.`)).map((v) => v.split('.')[2]));
    assert.equal(nodes.size, 1, `layer ${l}: one node hidden`);
  }
  assert.ok(s.hash.includes('&hide='), s.hash);

  // Two nodes per layer (layer 7 has one), then a new choice.
  await click(page, 'button:Edit sheet');
  await click(page, 'button:more');
  s = await h.state(page);
  values = expand(s.hidden, shape, 2);
  assert.equal(values.size, (6 * 2 + 1) * 4);
  assert.equal(find(await h.ui(page), 'text:per layer').text, '2');
  const before = s.hidden.join(',');
  await click(page, 'button:New sheet');
  s = await h.state(page);
  assert.equal(expand(s.hidden, shape, 2).size, (6 * 2 + 1) * 4);
  assert.notEqual(s.hidden.join(','), before, 'New sheet draws another choice');

  // Layer 3 whole, and one more value by a click on its cell.
  await click(page, 'button:layer 3');
  s = await h.state(page);
  assert.ok(s.hidden.includes('z3') && s.hidden.includes('a3'), s.hidden.join(','));
  assert.equal(find(await h.ui(page), 'button:layer 3').highlighted, true);
  const hiddenBefore = expand(s.hidden, shape, 2);
  let ui = await h.ui(page);
  const shownHidden = [...hiddenBefore].find((v) => v.startsWith('z1.1.')).split('.')[2];
  const teacherCell = find(ui, `cell:z1[${shownHidden}].x1`);
  assert.equal(teacherCell.text, String(s.z[0][0][shownHidden - 1]), 'while editing, the teacher sees hidden values');
  assert.equal(teacherCell.highlighted, true, 'marked as hidden');
  const target = [...['z1.1.1', 'z1.1.2', 'z1.1.3']].find((v) => !hiddenBefore.has(v));
  const node = target.split('.')[2];
  await click(page, `cell:z1[${node}].x1`);
  s = await h.state(page);
  assert.ok(expand(s.hidden, shape, 2).has(target), `clicking cell z1[${node}].x1 hid it`);
  await screenshot(page, 'exercise-edit-1280x720.png');
  await click(page, 'button:Edit sheet');  // done editing
  ui = await h.ui(page);
  assert.ok(find(ui, `answer:z1[${node}].x1`), 'the learner\'s view: an answer field');

  // Copy link: the clipboard gets the link with the hidden set.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await page.locator('#copy-link').click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('&hide='));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  s = await h.state(page);
  assert.ok(copied.endsWith(s.hash), `${copied} ends with ${s.hash}`);

  // The student opens it in another page: the same hidden set, ready to solve.
  const student = await h.openApp(env.browser, copied);
  await h.frames(student, 4);
  const t = await h.state(student);
  assert.deepEqual(t.hidden, s.hidden);
  assert.equal(t.hash, s.hash);
  const sui = await h.ui(student);
  assert.equal(find(sui, 'button:Exercise').highlighted, true);
  assert.ok(find(sui, `answer:z1[${node}].x1`), 'the value the teacher clicked is an answer field');
  assert.equal(find(sui, 'text:score').text, `${expand(t.hidden, shape, 2).size} values to find`);

  // Exercise off: nothing hidden, the link as before.
  await click(page, 'button:Exercise');
  s = await h.state(page);
  assert.deepEqual(s.hidden, []);
  assert.ok(!s.hash.includes('hide'), s.hash);
  assert.equal(find(await h.ui(page), `cell:z1[${node}].x1`).text, String(s.z[0][0][node - 1]));
  assert.deepEqual(page.errors, []);
  assert.deepEqual(student.errors, []);
  await student.context().close();
  await page.context().close();
});

test('on a phone: the exercise opens on the worksheet tab, an answer is typed with a tap and the keyboard', async () => {
  const page = await h.openApp(env.browser, env.server.url + CLIP_SHEET, { viewport: h.PHONE, hasTouch: true });
  await h.frames(page, 4);
  let ui = await h.ui(page);
  assert.equal(find(ui, 'tab:Worksheet').highlighted, true, 'the worksheet tab is open');
  await screenshot(page, 'exercise-390x844.png');
  // The field may lie below the fold of the panel: scroll the panel until it is in view.
  const field = await h.item(page, 'answer:z3[2].x2');
  await page.touchscreen.tap(field.cx, field.cy);
  await h.frames(page, 3);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('-5');
  await h.frames(page, 2);
  await click(page, 'button:Check');
  ui = await h.ui(page);
  assert.equal(find(ui, 'mark:z3[2].x2').text, RIGHT);
  assert.equal(find(ui, 'text:score').text, '1 of 2 right');
  await screenshot(page, 'exercise-checked-390x844.png');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Making your own network, as a user does it: the Network section (layers, nodes, samples, new
// weights, limits), activations, biases, presets and Reset, undo and redo (buttons, Ctrl+Z,
// Ctrl+Shift+Z, Ctrl+Y, Cmd), JSON export through a real download and import through the file
// chooser and a drop, on a 1280x720 laptop and a 390x844 phone. Every check reads the app's state
// (mlpExplorer.state()) and what it drew where (mlpExplorer.ui()).
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');
const EXERCISE_HASH = '#v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1' +
  '&w2=1,1,-1,0,0;0,0,1,1,-1&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1';
const XOR_OUTPUTS = [[0], [1], [1], [0]]; // a of the output for the truth table (0,0) (0,1) (1,0) (1,1)
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

async function openDesktop(hash = '') {
  const page = await h.openApp(env.browser, env.server.url + hash);
  await h.frames(page, 3);
  return page;
}

// Clicks the app's UI item `name`, scrolled into view in the sliders panel first.
const clickItem = (page, name) => h.click(page, name, { panel: 'panel:controls' });

// Types `text` into the app's field `name` (a click, select all, the text, Enter).
async function typeInto(page, name, text) {
  await clickItem(page, name);
  await h.until(page, h.ui, (u) => u.typing);
  await page.keyboard.press('Control+A');
  await h.typeValue(page, text);
}

// Opens the text field of slider `name` (Ctrl+click) and types `text` into it; the field stays
// open (what is typed applies when typing ends).
async function typeInSlider(page, name, text) {
  const slider = await h.reveal(page, name);
  await page.keyboard.down('Control');
  await page.mouse.click(slider.cx, slider.cy);
  await page.keyboard.up('Control');
  await h.until(page, h.ui, (u) => u.typing);
  await page.keyboard.type(text);
  await h.frames(page, 2);
}

// Drags from (x, y) by (dx, dy) in `steps` moves a frame apart, like a hand; returns the distinct
// values `read(state)` took on the way.
async function drag(page, x, y, dx, dy, read, steps = 8) {
  const seen = new Set();
  await h.drag(page, x, y, dx, dy, { steps, onStep: async () => seen.add(read(await h.state(page))) });
  return seen;
}

const isDisabled = (page, id) => page.locator('#' + id).isDisabled();

// The address bar catches up with the state (written at most every 250 ms while edits go on).
function hashFollows(page) {
  return page.waitForFunction(() => location.hash === window.mlpExplorer.state().hash);
}

// The document part of state(): what export writes.
function documentOf(s) {
  return { format: s.format, shape: s.shape, activations: s.activations, weights: s.weights, biases: s.biases, inputs: s.inputs };
}

const choosePreset = h.choosePreset;

test('a slider drag is one undo step; Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y, Cmd and the buttons undo and redo it', async () => {
  const page = await openDesktop();
  assert.equal(await isDisabled(page, 'undo'), true, 'nothing to undo yet');
  assert.equal(await isDisabled(page, 'redo'), true);
  const read = (s) => s.weights[2][1][0];
  const slider = await h.reveal(page, 'slider:W3[2,1]');
  const seen = await drag(page, slider.cx, slider.cy, slider.w * 0.4, 0, read);
  const dragged = read(await h.state(page));
  assert.ok(seen.size >= 3, `the drag went through several values: ${[...seen]}`);
  assert.ok(dragged > 1);
  await page.locator('#undo:not([disabled])').waitFor();

  // The app has the keyboard (the drag's click gave it to its mirror, web/page.js).
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains('app-focus')));
  const keys = [
    ['Control+z', 1], ['Control+Shift+z', dragged], ['Control+z', 1], ['Control+y', dragged],
    ['Meta+z', 1], ['Meta+Shift+z', dragged], ['Control+z', 1],
  ];
  for (const [key, want] of keys) {
    await page.keyboard.press(key);
    const s = await h.state(page);
    assert.equal(read(s), want, `${key} gives W3[2,1] = ${want}`);
    if (want === 1) assert.equal(s.z[2][1][1], -5, 'the worksheet again: z3[2] of x2 is -5');
  }
  await h.frames(page, 2);
  assert.equal(await isDisabled(page, 'undo'), true, 'the whole drag was one step: nothing left to undo');
  assert.equal(await isDisabled(page, 'redo'), false);
  await hashFollows(page);
  assert.equal(await page.evaluate(() => location.hash), EXERCISE_HASH, 'the address bar follows the undo');

  // The buttons, and the keys while a toolbar button has the focus.
  await page.click('#redo');
  assert.equal(read(await h.state(page)), dragged);
  await page.click('#undo');
  assert.equal(read(await h.state(page)), 1);
  await page.focus('#presets');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(read(await h.state(page)), dragged, 'Ctrl+Shift+Z with the focus on a toolbar button');
  await hashFollows(page);
  assert.notEqual(await page.evaluate(() => location.hash), EXERCISE_HASH);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a drag along a line of the diagram and a typed value are one step each', async () => {
  const page = await openDesktop();
  const edge = await h.item(page, 'edge:W3[2,1]');
  const read = (s) => s.weights[2][1][0];
  const seen = await drag(page, edge.cx, edge.cy, 0, -60, read, 6);
  assert.ok(seen.size >= 3, `the line's weight went through several values: ${[...seen]}`);
  assert.equal(read(await h.state(page)), 6, 'up 60 px: 5 steps of 12 px');
  await page.keyboard.press('Control+z');
  assert.equal(read(await h.state(page)), 1);
  await h.frames(page, 2);
  assert.equal(await isDisabled(page, 'undo'), true, 'the whole line drag was one step');

  // A typed value: Ctrl+click opens the text field, every keystroke applies, Enter closes it.
  // (A double-click opens it too; that its first click's jump joins the same step is checked
  // natively in test_editor.cpp: ImGui tells a double-click by time, which a loaded machine
  // stretches.)
  await typeInSlider(page, 'slider:W3[1,2]', '25');
  await page.keyboard.press('Enter');
  await h.frames(page, 3);
  assert.equal((await h.state(page)).weights[2][0][1], 25);
  await page.click('#undo');
  assert.equal((await h.state(page)).weights[2][0][1], 1, 'back to 1, not to the 2 typed first');
  await h.frames(page, 2);
  assert.equal(await isDisabled(page, 'undo'), true, 'one step');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Ctrl+Z in a text field is the field\'s own: the app\'s typed value, the page\'s random-network form', async () => {
  const page = await openDesktop();
  const x11 = await h.reveal(page, 'slider:x1[1]');
  await page.mouse.click(x11.x + x11.w - 3, x11.cy); // a step: x1[1] jumps to the end of its range
  await h.frames(page, 4);
  const stepped = (await h.state(page)).inputs[0][0];
  assert.ok(stepped > 5);
  // The app's text field: Ctrl+click opens it; Ctrl+Z while typing must not undo the step above.
  await typeInSlider(page, 'slider:x2[1]', '7');
  assert.equal((await h.state(page)).inputs[1][0], 5, 'typing applies when typing ends, not at every key');
  await page.keyboard.press('Control+z');
  await h.frames(page, 2);
  await page.keyboard.press('Escape');
  await h.frames(page, 2);
  let s = await h.state(page);
  assert.equal(s.inputs[0][0], stepped, 'the step before is still there');
  assert.equal(s.inputs[1][0], 5, 'Escape restored the value the field opened with');

  // A field of the page: the browser's undo, not the app's.
  await page.click('#presets');
  await page.click('#random-shape');
  await page.keyboard.type(',3');
  await page.keyboard.press('Control+z');
  s = await h.state(page);
  assert.equal(s.inputs[0][0], stepped, 'Ctrl+Z in the page\'s field left the network alone');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('layers and nodes: add, insert, delete, type a count; weights that fit are kept; new ones zero or seeded random', async () => {
  const page = await openDesktop();
  const start = await h.state(page);
  await clickItem(page, 'chip:3');
  assert.equal((await h.item(page, 'chip:3')).highlighted, true, 'the chip of layer 3 is picked');

  await clickItem(page, 'button:Add node');
  let s = await h.state(page);
  assert.deepEqual(s.shape, [3, 5, 2, 4, 2, 2, 2, 1]);
  assert.deepEqual(s.weights[2], [...start.weights[2], [0, 0]], 'W3 keeps its rows and gains a row of zeros');
  assert.deepEqual(s.weights[3], start.weights[3].map((row) => [...row, 0]), 'W4 gains a column of zeros');
  assert.deepEqual(s.a[6], [[-4], [-18]], 'zero weights change nothing downstream');

  await clickItem(page, 'button:Insert after');
  s = await h.state(page);
  assert.deepEqual(s.shape, [3, 5, 2, 4, 4, 2, 2, 2, 1], 'a hidden layer of 4 nodes after layer 3');
  assert.equal((await h.item(page, 'chip:4')).highlighted, true, 'the new layer is picked');
  assert.deepEqual(s.weights[3], [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
  assert.deepEqual(s.weights[4], [[1, -1, 0, 0], [0, -1, 1, 0]], 'the old W4 now leaves the new layer');
  assert.equal(s.activations[3], 'relu');

  await clickItem(page, 'button:Delete layer');
  s = await h.state(page);
  assert.deepEqual(s.shape, [3, 5, 2, 4, 2, 2, 2, 1]);
  assert.deepEqual(s.weights[3], start.weights[3].map((row) => [...row, 0]), 'the joined matrix keeps the outgoing weights');

  await clickItem(page, 'chip:3');
  await typeInto(page, 'input:nodes', '6');
  s = await h.state(page);
  assert.deepEqual(s.shape, [3, 5, 2, 6, 2, 2, 2, 1], 'a typed node count');
  assert.deepEqual(s.weights[2].slice(0, 3), start.weights[2]);

  // New weights: seeded random whole numbers.
  await clickItem(page, 'button:Random');
  await clickItem(page, 'check:Whole numbers');
  await typeInto(page, 'input:seed', '42');
  await clickItem(page, 'button:Add node');
  s = await h.state(page);
  assert.deepEqual(s.shape, [3, 5, 2, 7, 2, 2, 2, 1]);
  const fresh = [...s.weights[2][6], ...s.weights[3].map((row) => row[6])];
  assert.ok(fresh.every((w) => Number.isInteger(w) && w >= -2 && w <= 2), `whole numbers in -2..2: ${fresh}`);
  assert.ok(fresh.some((w) => w !== 0), `not zeros: ${fresh}`);
  const seeded = JSON.stringify(fresh);
  await page.click('#undo');
  await clickItem(page, 'button:Add node');
  s = await h.state(page);
  assert.equal(JSON.stringify([...s.weights[2][6], ...s.weights[3].map((row) => row[6])]), seeded, 'the same seed, the same weights');

  // A new input layer before x, then everything undone, step by step.
  await clickItem(page, 'chip:0');
  await clickItem(page, 'button:Zeros');
  await clickItem(page, 'button:Insert before');
  s = await h.state(page);
  assert.deepEqual(s.shape, [3, 3, 5, 2, 7, 2, 2, 2, 1]);
  assert.deepEqual(s.inputs, [[0, 0, 0], [0, 0, 0]], 'the new input layer starts at zero');
  for (let i = 0; i < 6; i++) await page.click('#undo');
  s = await h.state(page);
  assert.equal(s.hash, EXERCISE_HASH, 'six undos: the exercise again');
  assert.equal(await isDisabled(page, 'undo'), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a limit reached says which, next to the buttons and in the banner, and changes nothing', async () => {
  const page = await openDesktop();
  await clickItem(page, 'chip:3');
  await typeInto(page, 'input:nodes', '1025');
  let s = await h.until(page, h.state, (st) => st.error !== null);
  const tooMany = 'nodes of layer 3: "1025" is not a node count; expected a whole number from 1 to 1024';
  assert.equal(s.error, tooMany);
  assert.equal(s.hash, EXERCISE_HASH);
  assert.equal(await page.locator('#message-text').textContent(), tooMany);
  assert.equal(await page.locator('#message').isVisible(), true);
  await h.item(page, 'text:network message');

  // XOR has three layers: delete one, then the next is refused.
  await choosePreset(page, 'preset-xor');
  assert.equal((await h.state(page)).error, null, 'a change that went through clears the message');
  await clickItem(page, 'chip:1');
  await clickItem(page, 'button:Delete layer');
  assert.deepEqual((await h.state(page)).shape, [2, 1]);
  await clickItem(page, 'button:Delete layer');
  s = await h.state(page);
  assert.equal(s.error, 'cannot remove a layer: a network needs at least 2 layers (input and output)');
  assert.deepEqual(s.shape, [2, 1]);
  await clickItem(page, 'chip:1');
  await clickItem(page, 'button:Remove node');
  assert.equal((await h.state(page)).error, 'cannot change the network: layer 1 has 0 nodes; expected 1 to 1024');
  // Dismissing the banner takes the message away here too.
  await page.click('#message-close');
  await h.frames(page, 2);
  assert.equal((await h.ui(page)).items.some((it) => it.name === 'text:network message'), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('samples: a copy of the one shown, zeros, remove; the sample shown follows', async () => {
  const page = await openDesktop();
  await clickItem(page, 'button:Copy sample');
  let s = await h.state(page);
  assert.deepEqual(s.inputs, [[3, 4, 5], [5, 4, 3], [3, 4, 5]]);
  assert.deepEqual(s.z[2][2], s.z[2][0], 'the copy computes as x1 does');
  assert.equal((await h.ui(page)).sample, 2, 'the new sample is shown');
  assert.equal((await h.item(page, 'button:x3')).highlighted, true);
  await clickItem(page, 'button:Zero sample');
  s = await h.state(page);
  assert.deepEqual(s.inputs[3], [0, 0, 0]);
  assert.equal((await h.ui(page)).sample, 3);
  await clickItem(page, 'button:Remove sample');
  assert.equal((await h.state(page)).inputs.length, 3);
  assert.equal((await h.ui(page)).sample, 2, 'the one before is shown');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  assert.equal((await h.state(page)).hash, EXERCISE_HASH);
  await h.frames(page, 2);
  assert.equal((await h.ui(page)).sample, 1, 'the sample shown stays within the samples');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('activations: sigmoid and leaky ReLU per layer, in the worksheet, the link and the JSON', async () => {
  const page = await openDesktop();
  await clickItem(page, 'combo:act.W3');
  await clickItem(page, 'option:sigmoid');
  let s = await h.state(page);
  assert.deepEqual(s.activations, ['relu', 'relu', 'sigmoid', 'relu', 'relu', 'relu', 'linear']);
  assert.deepEqual(s.z[2][1], [9, -5, 16], 'z3 of x2 as before');
  s.a[2][1].forEach((a, i) => assert.ok(Math.abs(a - sigmoid(s.z[2][1][i])) < 1e-12, `a3[${i + 1}] = sigmoid(z)`));
  assert.ok(s.hash.includes('&act=relu,relu,sigmoid,relu,relu,relu,linear'), s.hash);
  // The worksheet: the card is headed sigmoid and nothing is crossed out as clipped.
  const a32 = await h.reveal(page, 'cell:a3[2].x2', 'panel:breakdown');
  assert.equal(a32.text, '0.006693');
  assert.equal(a32.highlighted, false, 'not marked as clipped');

  // The Network section's picker acts on the picked layer.
  await clickItem(page, 'chip:2');
  await clickItem(page, 'combo:activation');
  await clickItem(page, 'option:leaky ReLU');
  s = await h.state(page);
  assert.equal(s.activations[1], 'leaky_relu');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  s = await h.state(page);
  assert.equal(s.hash, EXERCISE_HASH);
  assert.deepEqual(s.a[2][1], [9, 0, 16], 'ReLU clips again');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('biases: hidden in the exercise, shown by the switch or by a network that has them; slider, diagram, worksheet, tooltip', async () => {
  const page = await openDesktop();
  let ui = await h.ui(page);
  assert.equal(ui.items.some((it) => it.name.startsWith('slider:b')), false, 'no bias sliders in the exercise');
  assert.equal(ui.items.some((it) => it.name.startsWith('bias:')), false);
  await clickItem(page, 'check:Show biases');
  const bias = await h.reveal(page, 'slider:b3[2]');
  await page.mouse.click(bias.x + bias.w - 3, bias.cy); // the end of its range
  await h.frames(page, 4);
  let s = await h.state(page);
  assert.equal(s.biases[2][1], 10);
  assert.deepEqual(s.z[2][1], [9, 5, 16], 'z3[2] of x2 = -5 + 10');
  assert.deepEqual(s.a[2][1], [9, 5, 16], 'no longer clipped');
  assert.ok(s.hash.includes('&b3=0,10,0'), s.hash);
  assert.equal((await h.item(page, 'bias:3.2')).text, 'b 10', 'the diagram tags the node');
  assert.equal((await h.reveal(page, 'cell:b3[2]', 'panel:breakdown')).text, '10', 'the worksheet has a b column');
  const node = await h.item(page, 'node:3.2');
  await page.mouse.move(node.cx, node.cy);
  await h.frames(page, 3);
  assert.match((await h.ui(page)).tooltip, /\+ 10 = 15/, 'the tooltip counts the bias (x1: 5 + 10)');
  await page.keyboard.press('Control+z');
  assert.equal((await h.state(page)).biases[2][1], 0);

  // A network with biases shows them by itself.
  const fresh = await openDesktop('#v=1&shape=2,2,1&x=0,1&w1=1,1;1,1&b1=0,-1&w2=1,-2');
  ui = await h.ui(fresh);
  assert.equal(ui.items.find((it) => it.name === 'check:Show biases').highlighted, true);
  assert.equal((await h.item(fresh, 'bias:1.2')).text, 'b \u22121');
  await h.reveal(fresh, 'slider:b1[2]');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(fresh.errors, []);
  await fresh.context().close();
  await page.context().close();
});

test('presets: XOR computes XOR, a seed makes the same random network, Reset returns to the preset', async () => {
  const page = await openDesktop();
  assert.equal(await page.locator('#reset').textContent(), 'Reset to the exercise');
  await choosePreset(page, 'preset-xor');
  assert.equal(await page.locator('#presets-menu').isHidden(), true, 'a choice closes the menu');
  let s = await h.state(page);
  assert.deepEqual(s.shape, [2, 2, 1]);
  assert.deepEqual(s.a[1], XOR_OUTPUTS);
  const xorHash = s.hash;
  assert.equal(await page.locator('#reset').textContent(), 'Reset to XOR');
  const w = await h.reveal(page, 'slider:W2[1,2]');
  await page.mouse.click(w.x + 3, w.cy);
  await h.frames(page, 4);
  assert.notEqual((await h.state(page)).hash, xorHash);
  await choosePreset(page, 'reset');
  assert.equal((await h.state(page)).hash, xorHash, 'Reset: XOR again');

  // Random: the same seed twice gives the same network; another seed another one.
  async function random(shape, seed, whole = false) {
    await page.click('#presets');
    await page.fill('#random-shape', shape);
    await page.fill('#random-seed', seed);
    await page.setChecked('#random-integers', whole);
    await page.click('#preset-random');
    await h.frames(page, 2);
    return h.state(page);
  }
  const a = await random('4,8,8,2', '7');
  assert.deepEqual(a.shape, [4, 8, 8, 2]);
  assert.ok(a.weights.flat(2).some((v) => !Number.isInteger(v)), 'real weights');
  assert.equal(await page.locator('#reset').textContent(), 'Reset to random 4-8-8-2 (seed 7)');
  const again = await random('4, 8, 8, 2', '7');
  assert.deepEqual(again.weights, a.weights, 'seed 7 again: the same weights');
  const other = await random('4,8,8,2', '8');
  assert.notDeepEqual(other.weights, a.weights);
  const whole = await random('3,4,1', '7', true);
  assert.ok(whole.weights.flat(2).every((v) => Number.isInteger(v) && v >= -2 && v <= 2));

  // A shape that cannot be used: the banner says why, the menu stays open to fix it.
  const refused = await random('4,x', '7');
  assert.equal(refused.error, 'the random network cannot be made: shape: "x" is not a node count; expected node counts like 4,8,8,2');
  assert.equal(await page.locator('#message-text').textContent(), refused.error);
  assert.deepEqual(refused.shape, [3, 4, 1]);
  assert.equal(await page.locator('#presets-menu').isVisible(), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#presets-menu').isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'presets', 'Escape gives the focus back');

  await choosePreset(page, 'preset-exercise');
  s = await h.state(page);
  assert.equal(s.hash, EXERCISE_HASH);
  assert.equal(await page.locator('#reset').textContent(), 'Reset to the exercise');
  await page.click('#undo');
  assert.deepEqual((await h.state(page)).shape, [3, 4, 1], 'a preset is undone like any edit');
  assert.equal(await page.locator('#reset').textContent(), 'Reset to random 3-4-1 (seed 7, whole numbers)');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('JSON export downloads the network; import by the file chooser and by a drop opens it; bad files are refused', async () => {
  // A link with everything a document has: biases, activations, several samples, fractions.
  const link = '#v=1&shape=3,4,2&x=0.5,-1,2;1,1,1&w1=0.1,-0.2,0.3;1,2,3;-1,0,1;0.25,0.5,0.75' +
    '&w2=1,-1,0.5,2;0,1,0,-1&b1=0.1,0,-0.5,1&b2=2,-2&act=tanh,sigmoid';
  const page = await openDesktop(link);
  const opened = await h.state(page);
  assert.equal(opened.error, null);
  assert.equal(opened.hash, link);

  const [download] = await Promise.all([page.waitForEvent('download'), h.fileMenu(page, 'export-json')]);
  assert.equal(download.suggestedFilename(), 'mlp-network.json');
  const file = path.join(SCREENSHOTS, '..', 'editor-export.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  const exported = JSON.parse(text);
  assert.deepEqual(exported, documentOf(opened), 'the JSON of the document the link opened');
  assert.deepEqual(Object.keys(exported), ['format', 'shape', 'activations', 'weights', 'biases', 'inputs']);
  assert.equal(exported.format, 'mlp-explorer/1');

  // Something else, then the file through the chooser: the same state, link included.
  await choosePreset(page, 'preset-xor');
  const chooser = await h.fileChooser(page, () => h.fileMenu(page, 'import-json'));
  assert.equal(chooser.isMultiple(), false);
  await chooser.setFiles(file);
  await page.waitForFunction((hash) => window.mlpExplorer.state().hash === hash, link);
  assert.deepEqual(documentOf(await h.state(page)), exported);
  assert.equal(await page.locator('#reset').textContent(), 'Reset to "editor-export.json"');
  await page.click('#undo');
  assert.deepEqual((await h.state(page)).a[1], XOR_OUTPUTS, 'an import is undone like any edit');

  // A file dropped anywhere on the page.
  const dropped = await page.evaluate(async (json) => {
    const data = new DataTransfer();
    data.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    const target = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
    target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }));
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data });
    target.dispatchEvent(over);
    const hint = !document.getElementById('drop-hint').hidden;
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    return { accepted: over.defaultPrevented, hint, hintAfter: !document.getElementById('drop-hint').hidden };
  }, text);
  assert.deepEqual(dropped, { accepted: true, hint: true, hintAfter: false });
  await page.waitForFunction((hash) => window.mlpExplorer.state().hash === hash, link);
  assert.equal(await page.locator('#reset').textContent(), 'Reset to "dropped.json"');

  // Bad files: the banner says what is wrong, and the network stays.
  const bad = [
    [{ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "mlp-explorer/1", "shape": [2, 1], "weights": [[[1, 2, 3]]]}') },
      'the file "bad.json" cannot be opened: weights[0][0]: 3 numbers; expected 2 (layer 0 has 2 nodes)'],
    [{ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]) },
      'the file "photo.png" cannot be opened: it is not MLP Explorer\'s JSON (that starts with \'{\', as export writes it)'],
    [{ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(17 * 1024 * 1024, 32) },
      'the file "big.json" is 17825792 bytes long; at most 16777216 (16 MiB) are allowed'],
  ];
  for (const [payload, message] of bad) {
    const badChooser = await h.fileChooser(page, () => h.fileMenu(page, 'import-json'));
    await badChooser.setFiles(payload);
    await page.locator('#message-text').filter({ hasText: message }).waitFor();
    const s = await h.state(page);
    assert.equal(s.error, message);
    assert.equal(s.hash, link, 'the network stays');
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the editor fits a 1280x720 laptop and a 390x844 phone (screenshots)', async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const toolbarIds = ['undo', 'redo', 'presets', 'file', 'copy-link'];
  for (const [name, viewport] of [['laptop', h.DESKTOP], ['phone', h.PHONE]]) {
    const page = await h.openApp(env.browser, env.server.url + '#v=1&shape=2,2,1&x=0,0;0,1;1,0;1,1&w1=1,1;1,1&b1=0,-1&w2=1,-2',
      { viewport, hasTouch: name === 'phone' });
    await h.frames(page, 3);
    // The toolbar: one row inside its strip, above the diagram.
    const strip = await h.item(page, 'panel:toolbar');
    const diagram = await h.item(page, 'panel:diagram');
    const boxes = [];
    for (const id of toolbarIds) {
      const b = await page.locator('#' + id).boundingBox();
      const box = { x: b.x, y: b.y, w: b.width, h: b.height };
      assert.ok(h.inside(box, strip), `${name}: #${id} inside the toolbar strip`);
      assert.ok(box.y + box.h <= diagram.y, `${name}: #${id} above the diagram`);
      if (name === 'phone') assert.ok(box.h >= 32, `${name}: #${id} is finger-sized (${box.h} px)`);
      boxes.push(box);
    }
    for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i].x >= boxes[i - 1].x + boxes[i - 1].w, `${name}: buttons side by side`);

    // The Network section: open it (a phone starts with it folded), every control inside the panel.
    const section = await h.reveal(page, 'section:network');
    if (!(await h.ui(page)).items.some((it) => it.name === 'chip:0')) {
      await page.mouse.click(section.cx, section.cy);
      await h.frames(page, 4);
    }
    const panel = await h.item(page, 'panel:controls');
    const ui = await h.ui(page);
    const controls = ui.items.filter((it) => /^(chip|button|input|check|combo):/.test(it.name) &&
      it.y >= panel.y && it.y < panel.y + panel.h && !/^button:(x\d|Integer|Fine|Worksheet|Fold|Exercise)/.test(it.name));
    assert.ok(controls.length >= 12, `${name}: the Network section's controls are on screen (${controls.map((c) => c.name)})`);
    for (const c of controls) assert.ok(c.x >= panel.x && c.x + c.w <= panel.x + panel.w + 0.5, `${name}: ${c.name} fits sideways`);
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const [p, q] = [controls[i], controls[j]];
        const overlap = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
        assert.ok(!overlap, `${name}: ${p.name} and ${q.name} do not overlap`);
      }
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, `editor-${name}.png`) });
    await page.click('#presets');
    await h.frames(page, 2);
    const menu = await page.locator('#presets-menu').boundingBox();
    assert.ok(menu.x >= 0 && menu.x + menu.width <= viewport.width && menu.y + menu.height <= viewport.height,
      `${name}: the Presets menu fits the screen`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `editor-presets-${name}.png`) });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

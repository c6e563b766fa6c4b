// The Data panel's own data (issue 14) with a real mouse and keyboard: a CSV file of points
// imported through the browser's file picker opened by the panel's Import points button, a JSON
// file of points dropped on the page, bad and oversized files answered in the page's banner with
// the old points kept, a point clicked into the worksheet as its sample, and points added and
// removed by the keyboard's cross-hair in the plot; the marker of the worksheet's sample in the
// plot, and a phone's Use as sample landing on the Worksheet tab. The state read from
// window.mlpExplorer.state() and points(); where things are from ui().
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

// A 2-3-1 tanh network with two points of its own (a custom data set) and one sample at (0, 0).
const NET = '#v=1&shape=2,3,1&x=0,0&w1=0.5,-0.3;0.2,0.4;-0.6,0.1&w2=0.3,-0.2,0.5&act=tanh,linear' +
  '&data=custom&pts=1.5,-2,1;-3,0.25,0';

const pointsOf = (page) => page.evaluate(() => window.mlpExplorer.points());
const xy = (points) => points.map((p) => [p.x[0], p.x[1], p.y[0]]);

// The banner's text once it says `text` (the message of a refused input).
async function bannerSays(page, text) {
  await page.locator('#message-text').filter({ hasText: text }).waitFor({ timeout: 10000 });
  return page.locator('#message-text').textContent();
}

// Picks `file` ({ name, mimeType, buffer }) in the file picker that the panel's Import points
// button opens: a real click on the button, the browser's real chooser.
async function importByPicker(page, file) {
  const button = await h.reveal(page, 'button:Import points', 'panel:data');
  const chooser = await h.fileChooser(page, () => page.mouse.click(button.cx, button.cy));
  assert.equal(chooser.isMultiple(), false);
  await chooser.setFiles(file);
}

// Drops a file of `text` called `name` on the middle of the page, as a file manager does.
function drop(page, name, text, type) {
  return page.evaluate(([name, text, type]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type }));
    const target = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
    target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }));
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data });
    target.dispatchEvent(over);
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    return over.defaultPrevented;
  }, [name, text, type]);
}

test('Import points opens the file picker: a CSV replaces the points as one undo step; a bad or big file is refused whole', async () => {
  const page = await h.openApp(env.browser, env.server.url + NET);
  await h.chooseDataSet(page, 'xor');
  const xor = xy(await pointsOf(page));
  assert.equal(xor.length, 500);

  await importByPicker(page, { name: 'points.csv', mimeType: 'text/csv',
    buffer: Buffer.from('x1,x2,label\r\n1.5,-2,1\r\n-3, 0.25 ,0\r\n\r\n2,2,1\r\n') });
  const imported = await h.until(page, h.state, (st) => st.data.kind === 'custom', 60);
  assert.equal(imported.data.kind, 'custom');
  assert.deepEqual(xy(await pointsOf(page)), [[1.5, -2, 1], [-3, 0.25, 0], [2, 2, 1]]);
  assert.equal(imported.error, null);

  // One undo step: Ctrl+Z brings back the 500 points of xor, Ctrl+Shift+Z the file's again.
  await page.keyboard.press('Control+z');
  await h.until(page, h.state, (st) => st.data.kind === 'xor');
  assert.deepEqual(xy(await pointsOf(page)), xor);
  await page.keyboard.press('Control+Shift+z');
  await h.until(page, h.state, (st) => st.data.kind === 'custom');
  const good = xy(await pointsOf(page));
  assert.equal(good.length, 3);

  // A bad value: its row and column in the banner, the points as they were.
  await importByPicker(page, { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('1,2,1\n3,abc,0\n4,4,1\n') });
  assert.equal(await bannerSays(page, 'bad.csv'),
    'the file "bad.csv" cannot be read as points: row 2, column 2: "abc" is not a number; expected a number from -1e6 to 1e6');
  assert.equal(await page.locator('#message-note').textContent(), 'The data set shown is the one from before.');
  assert.deepEqual(xy(await pointsOf(page)), good);
  // Over 1 MiB: refused from its size, before it is read.
  await importByPicker(page, { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(1100000, 0x31) });
  assert.equal(await bannerSays(page, 'big.csv'),
    'the file "big.csv" is 1100000 bytes long; at most 1048576 (1 MiB) are allowed for points');
  assert.deepEqual(xy(await pointsOf(page)), good);
  // A JSON file of points through the same picker, whatever its name says.
  await importByPicker(page, { name: 'more.json', mimeType: 'application/json', buffer: Buffer.from('[[0, 1, 0], [1, 0, 1]]') });
  await h.until(page, pointsOf, (p) => p.length === 2);
  assert.deepEqual(xy(await pointsOf(page)), [[0, 1, 0], [1, 0, 1]]);
  assert.equal((await h.state(page)).error, null, 'a good file clears the message of the bad one');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a file of points dropped on the page goes to the data set, a bad one is refused with its row and column', async () => {
  const page = await h.openApp(env.browser, env.server.url + NET);
  const network = (await h.state(page)).weights;
  assert.equal(await drop(page, 'dropped.json', '[[1, 1, 1], [-1, -1, 0], [2.5, -0.5, 1]]', 'application/json'), true);
  await h.until(page, pointsOf, (p) => p.length === 3, 60);
  assert.deepEqual(xy(await pointsOf(page)), [[1, 1, 1], [-1, -1, 0], [2.5, -0.5, 1]]);
  assert.deepEqual((await h.state(page)).weights, network, 'the network is the same one');
  assert.equal(await drop(page, 'dropped.csv', '1,1,1\n2,2\n', 'text/csv'), true);
  assert.equal(await bannerSays(page, 'dropped.csv'),
    'the file "dropped.csv" cannot be read as points: row 2: 2 numbers; expected 3 (x1, x2, target)');
  assert.equal((await pointsOf(page)).length, 3, 'nothing half-loaded');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Use as sample: a point clicked in the plot becomes the worksheet\'s sample, one undo step', async () => {
  const page = await h.openApp(env.browser, env.server.url + NET);
  await h.openDataTab(page);
  assert.deepEqual((await h.state(page)).inputs, [[0, 0]]);
  await h.click(page, 'button:Use as sample', { panel: 'panel:data' });
  const plot = await h.reveal(page, 'plot:plane', 'panel:data');
  // The point (1.5, -2): the plot spans -6..6 both ways, x2 upwards.
  const at = (x1, x2) => [plot.x + (x1 + 6) / 12 * plot.w, plot.y + (6 - x2) / 12 * plot.h];
  await page.mouse.click(...at(1.5 + 0.1, -2 + 0.1));  // near it is enough
  const taken = await h.until(page, h.state, (st) => st.inputs[0][0] !== 0);
  assert.deepEqual(taken.inputs, [[1.5, -2]], 'the point\'s features as the sample');
  assert.equal((await pointsOf(page)).length, 2, 'no point added');
  await page.mouse.click(...at(-3, 0.25));
  await h.until(page, h.state, (st) => st.inputs[0][0] === -3);
  assert.deepEqual((await h.state(page)).inputs, [[-3, 0.25]]);
  // Far from every point: nothing changes, and the panel says why.
  await page.mouse.click(...at(4, 4));
  await h.item(page, 'text:data message');
  assert.deepEqual((await h.state(page)).inputs, [[-3, 0.25]]);
  await page.keyboard.press('Control+z');
  await h.until(page, h.state, (st) => st.inputs[0][0] === 1.5);
  assert.deepEqual((await h.state(page)).inputs, [[1.5, -2]], 'one undo step each');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the plot by keyboard: Tab reaches it, arrows move the cross-hair (said in the text form), Enter adds, Shift+Enter the other class, Delete removes; Enter on Import points opens the picker', async () => {
  const page = await h.openApp(env.browser, env.server.url + NET);
  await h.openDataTab(page);
  // The mouse only to put the focus in the panel; then keys alone.
  await h.click(page, 'combo:Data set', { panel: 'panel:data' });
  await page.keyboard.press('Escape');
  await h.frames(page, 3);
  for (let i = 0; i < 8 && (await h.ui(page)).focused !== 'plot:plane'; i++) {
    await page.keyboard.press('Tab');
    await h.frames(page, 2);
  }
  assert.equal((await h.ui(page)).focused, 'plot:plane', 'Tab reaches the plot');
  const said = () => page.locator('#plot-text').textContent();
  assert.equal(await said(), 'Cross-hair at x1 = 0, x2 = 0. No point within reach.');
  const press = async (key, n = 1) => {
    for (let i = 0; i < n; i++) {
      await page.keyboard.press(key);
      await h.frames(page, 2);
    }
  };
  await press('ArrowRight', 3);
  await press('ArrowDown', 4);
  assert.equal((await h.ui(page)).focused, 'plot:plane', 'the arrows keep the focus in the plot');
  const split = async (i) => ((await pointsOf(page))[i].test ? 'test' : 'train');
  assert.equal(await said(), `Cross-hair at x1 = 1.5, x2 = \u22122. Nearest point: class 1, ${await split(0)}, at x1 = 1.5, x2 = \u22122.`);
  await press('ArrowUp', 4);
  await press('Shift+ArrowLeft', 2);
  assert.equal(await said(), 'Cross-hair at x1 = 1.3, x2 = 0. No point within reach.');

  await press('Enter');
  await h.until(page, pointsOf, (p) => p.length === 3);
  assert.deepEqual(xy(await pointsOf(page)).at(-1), [1.3, 0, 1], 'Enter adds class 1 at the cross-hair');
  await press('ArrowUp', 2);
  await press('Shift+Enter');
  await h.until(page, pointsOf, (p) => p.length === 4);
  assert.deepEqual(xy(await pointsOf(page)).at(-1), [1.3, 1, 0], 'Shift+Enter adds class 0');
  assert.equal(await said(), `Cross-hair at x1 = 1.3, x2 = 1. Nearest point: class 0, ${await split(3)}, at x1 = 1.3, x2 = 1.`);
  await press('Delete');
  await h.until(page, pointsOf, (p) => p.length === 3);
  assert.deepEqual(xy(await pointsOf(page)).at(-1), [1.3, 0, 1], 'Delete removes the point at the cross-hair');
  // Tab goes on to the next control.
  await press('Tab');
  assert.equal((await h.ui(page)).focused, 'button:Add class 1');
  assert.equal(await said(), 'The plot marks the worksheet\'s sample 1 at (0, 0).',
    'the cross-hair is said only while the plot has the focus; then where the sample is');
  // Import points by keyboard: Enter on the button opens the picker too.
  for (let i = 0; i < 8 && (await h.ui(page)).focused !== 'button:Import points'; i++) await press('Shift+Tab');
  assert.equal((await h.ui(page)).focused, 'button:Import points');
  const chooser = await h.fileChooser(page, () => page.keyboard.press('Enter'));
  await chooser.setFiles({ name: 'keys.csv', mimeType: 'text/csv', buffer: Buffer.from('0.5,0.5,1\n') });
  await h.until(page, pointsOf, (p) => p.length === 1);
  assert.deepEqual(xy(await pointsOf(page)), [[0.5, 0.5, 1]]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The marker of the worksheet's sample in the plot (src/app/sample_marker.h): where ui() says it
// is, against the plot's own rectangle (the plot spans -6..6 both ways, x2 upwards).
async function markerAt(page) {
  const u = await h.ui(page);
  const plot = h.find(u, 'plot:plane');
  const marker = h.find(u, 'marker:sample');
  if (!plot || !marker) return null;
  const cx = marker.x + marker.w / 2, cy = marker.y + marker.h / 2;
  return { x1: (cx - plot.x) / plot.w * 12 - 6, x2: 6 - (cy - plot.y) / plot.h * 12, text: marker.text };
}
const near = (m, x1, x2) => !!m && Math.abs(m.x1 - x1) < 0.05 && Math.abs(m.x2 - x2) < 0.05;
// The page's text form of the plot once it says `text` (a change of the sample is said after a pause).
async function plotSays(page, text) {
  await page.locator('#plot-text').filter({ hasText: text }).waitFor({ state: 'attached', timeout: 10000 });
  return page.locator('#plot-text').textContent();
}

test('the plot marks the worksheet\'s sample: where its x1 and x2 are, moved by typing x and by the sample buttons, said in the text form', async () => {
  const page = await h.openApp(env.browser, env.server.url + NET.replace('x=0,0', 'x=0,0;2,3'));
  await h.openDataTab(page);
  await h.reveal(page, 'plot:plane', 'panel:data');
  let m = await h.until(page, markerAt, (x) => near(x, 0, 0));
  assert.ok(near(m, 0, 0), `the marker of sample 1 at (0, 0): ${JSON.stringify(m)}`);
  assert.equal(m.text, 'sample 1 at (0, 0)');
  assert.equal(await plotSays(page, 'sample 1'), 'The plot marks the worksheet\'s sample 1 at (0, 0).');
  // The other sample, by its button in the panel's head.
  await h.click(page, 'button:x2');
  m = await h.until(page, markerAt, (x) => near(x, 2, 3));
  assert.ok(near(m, 2, 3), `the marker follows sample 2 to (2, 3): ${JSON.stringify(m)}`);
  assert.equal(await plotSays(page, 'sample 2'), 'The plot marks the worksheet\'s sample 2 at (2, 3).');
  // x1 of sample 2 typed into its slider (a double-click opens the field), then back to the plot.
  await h.click(page, 'tab:Sliders');
  const slider = await h.reveal(page, 'slider:x2[1]');
  await page.mouse.dblclick(slider.cx, slider.cy);
  await h.frames(page, 3);
  await h.typeValue(page, '-4.5');
  assert.deepEqual((await h.state(page)).inputs, [[0, 0], [-4.5, 3]]);
  await h.click(page, 'tab:Data');
  await h.reveal(page, 'plot:plane', 'panel:data');
  m = await h.until(page, markerAt, (x) => near(x, -4.5, 3));
  assert.ok(near(m, -4.5, 3), `the marker moves with the typed x1: ${JSON.stringify(m)}`);
  assert.equal(await plotSays(page, '4.5'), 'The plot marks the worksheet\'s sample 2 at (\u22124.5, 3).');
  // Beyond the plot's square: no marker on its edge, and the text says where the sample is.
  await h.click(page, 'tab:Sliders');
  const again = await h.reveal(page, 'slider:x2[1]');
  await page.waitForTimeout(600);  // not a third click of the double-click before
  await page.mouse.dblclick(again.cx, again.cy);
  await h.frames(page, 3);
  await h.typeValue(page, '9');
  await h.click(page, 'tab:Data');
  await h.reveal(page, 'plot:plane', 'panel:data');
  assert.equal(h.find(await h.ui(page), 'marker:sample'), undefined, 'no marker for a sample outside the plot');
  assert.equal(await plotSays(page, 'outside'), 'The worksheet\'s sample 2 at (9, 3) is outside the plot (x1 and x2 from \u22126 to 6).');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone, a tap with Use as sample shows the Worksheet tab with the point as the sample, and the marker on it', async () => {
  const page = await h.openApp(env.browser, env.server.url + NET, { viewport: h.PHONE, hasTouch: true });
  await h.frames(page, 4);
  const tab = await h.item(page, 'tab:Data');
  await page.touchscreen.tap(tab.cx, tab.cy);
  await h.until(page, h.ui, (u) => !!h.find(u, 'panel:data'), 60);
  const mode = await h.reveal(page, 'button:Use as sample', 'panel:data');
  await page.touchscreen.tap(mode.cx, mode.cy);
  await h.until(page, h.ui, (u) => (h.find(u, 'button:Use as sample') || {}).highlighted);
  const plot = await h.reveal(page, 'plot:plane', 'panel:data');
  assert.ok(near(await markerAt(page), 0, 0), 'the marker at the sample, (0, 0)');
  // A finger on the point (1.5, -2), a little off it.
  await page.touchscreen.tap(plot.x + (1.5 + 0.1 + 6) / 12 * plot.w, plot.y + (6 - (-2 - 0.1)) / 12 * plot.h);
  const u = await h.until(page, h.ui, (x) => (h.find(x, 'tab:Worksheet') || {}).highlighted, 60);
  assert.ok(h.find(u, 'tab:Worksheet').highlighted, 'the Worksheet tab is shown');
  assert.ok(!h.find(u, 'tab:Data').highlighted);
  assert.deepEqual((await h.state(page)).inputs, [[1.5, -2]], 'the point\'s inputs as the sample');
  const cell1 = await h.item(page, 'cell:in1[1].x1');
  const cell2 = await h.item(page, 'cell:in1[2].x1');
  assert.equal(cell1.text, '1.5');
  assert.equal(cell2.text, '\u22122');
  assert.equal((await h.ui(page)).focused, 'tab:Worksheet', 'the focus on the tab that is shown, not in the hidden plot');
  // Back on the Data tab, the marker is on the point.
  const data = await h.item(page, 'tab:Data');
  await page.touchscreen.tap(data.cx, data.cy);
  await h.until(page, h.ui, (x) => !!h.find(x, 'panel:data'), 60);
  await h.reveal(page, 'plot:plane', 'panel:data');
  const m = await h.until(page, markerAt, (x) => near(x, 1.5, -2));
  assert.ok(near(m, 1.5, -2), `the marker on the point used: ${JSON.stringify(m)}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a laptop, Use as sample keeps the Data tab (the worksheet is in view beside it)', async () => {
  const page = await h.openApp(env.browser, env.server.url + NET);
  await h.openDataTab(page);
  await h.click(page, 'button:Use as sample', { panel: 'panel:data' });
  const plot = await h.reveal(page, 'plot:plane', 'panel:data');
  await page.mouse.click(plot.x + (1.5 + 6) / 12 * plot.w, plot.y + (6 + 2) / 12 * plot.h);
  await h.until(page, h.state, (st) => st.inputs[0][0] === 1.5);
  await h.frames(page, 4);
  const u = await h.ui(page);
  assert.ok(h.find(u, 'tab:Data').highlighted, 'still on the Data tab');
  assert.ok(near(await markerAt(page), 1.5, -2), 'the marker on the point used');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('in a narrow window by keyboard, Enter with Use as sample shows the Worksheet tab and puts the focus on it, from where Tab goes on', async () => {
  const page = await h.openApp(env.browser, env.server.url + NET, { viewport: { width: 600, height: 800 } });
  await h.openDataTab(page);
  await h.click(page, 'button:Use as sample', { panel: 'panel:data' });
  const press = async (key, n = 1) => {
    for (let i = 0; i < n; i++) {
      await page.keyboard.press(key);
      await h.frames(page, 2);
    }
  };
  for (let i = 0; i < 8 && (await h.ui(page)).focused !== 'plot:plane'; i++) await press('Shift+Tab');
  assert.equal((await h.ui(page)).focused, 'plot:plane', 'Shift+Tab from the mode buttons reaches the plot');
  await press('ArrowRight', 3);
  await press('ArrowDown', 4);
  await press('Enter');
  const u = await h.until(page, h.ui, (x) => (h.find(x, 'tab:Worksheet') || {}).highlighted && x.focused === 'tab:Worksheet', 60);
  assert.ok(h.find(u, 'tab:Worksheet').highlighted, 'the Worksheet tab is shown');
  assert.equal(u.focused, 'tab:Worksheet', 'the focus on the tab shown');
  assert.deepEqual((await h.state(page)).inputs, [[1.5, -2]]);
  await press('Tab');
  const next = (await h.ui(page)).focused;
  assert.ok(next && next !== 'tab:Worksheet' && next !== 'plot:plane', `Tab goes on from the tab: ${next}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// For teachers (issue 10, item 11): a title and a note in the link and the JSON, shown above the
// diagram as text (never markup) and edited in the page; a PNG picture of the diagram and the
// whole worksheet for slides and handouts, drawn for the purpose (the canvas shows only the part
// of the worksheet its panel has room for, at the screen's scale).
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });
const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');

const XOR = 'v=1&shape=2,2,1&x=0,0;0,1;1,0;1,1&w1=1,1;1,1&w2=1,-2&b1=0,-1';
const EXERCISE = 'v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1&w2=1,1,-1,0,0;0,0,1,1,-1' +
  '&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1';
const TITLE = 'XOR <b>by hand</b> & more';
const NOTE = 'Line 1: compute z.\nLine 2: \u00e9t\u00e9, \u4e2d, \ud83d\ude42 <script>alert(1)</script>';

async function caption(page) {
  return page.evaluate(() => {
    const t = document.getElementById('doc-title'), n = document.getElementById('doc-note');
    const box = document.getElementById('caption').getBoundingClientRect();
    return {
      title: t.textContent, note: n.textContent, elements: t.children.length + n.children.length,
      hidden: document.getElementById('caption').hidden, tab: document.title,
      box: { x: box.x, y: box.y, w: box.width, h: box.height },
    };
  });
}

test('a title and a note from a link: shown as text above the diagram and in the tab\'s title; links without them open as before', async () => {
  const text = new URLSearchParams({ title: TITLE, note: NOTE }).toString();
  const page = await h.openApp(env.browser, env.server.url + '#' + XOR + '&' + text);
  await h.frames(page, 4);
  const s = await h.state(page);
  assert.equal(s.error, null);
  assert.equal(s.title, TITLE);
  assert.equal(s.note, NOTE);
  assert.equal(s.hash, '#' + XOR.replace('&w2=1,-2&b1=0,-1', '&w2=1,-2&b1=0,-1') + '&' + text, 'written back as URLSearchParams writes it');
  const c = await caption(page);
  assert.equal(c.title, TITLE);
  assert.equal(c.note, NOTE);
  assert.equal(c.elements, 0, 'markup stays text');
  assert.equal(c.tab, TITLE + ' \u00b7 MLP Explorer');
  const ui = await h.ui(page);
  const strip = h.find(ui, 'panel:caption');
  const diagram = h.find(ui, 'panel:diagram');
  assert.ok(strip && h.inside(c.box, strip), 'the caption fills the strip the app left for it');
  assert.ok(diagram.y >= strip.y + strip.h, 'above the diagram, not over it');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'teacher-caption-1280x720.png') });

  // Every link written before opens exactly as before: no title, no strip, the same link back.
  for (const link of [XOR, EXERCISE]) {
    const t = await page.evaluate((l) => window.mlpExplorer.load(l), link);
    assert.equal(t.hash, '#' + link);
    assert.equal(t.title, '');
    assert.equal(t.note, '');
    await h.frames(page, 3);
    assert.equal((await caption(page)).hidden, true);
    assert.equal(h.find(await h.ui(page), 'panel:caption'), undefined);
  }
  // A link whose title cannot be used is refused like any other, naming the key.
  const bad = await page.evaluate((l) => window.mlpExplorer.load(l), XOR + '&title=a%0Ab');
  assert.equal(bad.error, 'title: character 2 is a control character (U+000A); a title is one line of text');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('File ▸ Title and note: typed with the keyboard, one undo step, in the link and the JSON; what cannot be used is refused', async () => {
  const page = await h.openApp(env.browser, env.server.url + '#' + XOR);
  await h.fileMenu(page, 'edit-text');
  await page.locator('#text-editor').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'title-field');
  await page.keyboard.type('Exercise 1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Find z1.');
  await page.keyboard.press('Enter');  // a line break in the note
  await page.keyboard.type('Then a1 & a2.');
  await page.keyboard.press('Control+Enter');
  await page.locator('#text-editor').waitFor({ state: 'hidden' });
  let s = await h.state(page);
  assert.equal(s.title, 'Exercise 1');
  assert.equal(s.note, 'Find z1.\nThen a1 & a2.');
  assert.ok(s.hash.endsWith('&title=Exercise+1&note=Find+z1.%0AThen+a1+%26+a2.'), s.hash);
  assert.equal((await caption(page)).title, 'Exercise 1');

  // One step of Undo, and Redo.
  await page.click('#undo');
  await h.frames(page, 2);
  s = await h.state(page);
  assert.equal(s.title, '');
  assert.equal((await caption(page)).hidden, true);
  await page.click('#redo');
  await h.frames(page, 2);
  assert.equal((await h.state(page)).note, 'Find z1.\nThen a1 & a2.');

  // Too long a title: refused, said in the editor, which keeps what was typed.
  await page.click('#caption-edit');
  await page.locator('#text-editor').waitFor({ state: 'visible' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('x'.repeat(121));
  await page.keyboard.press('Enter');
  await page.locator('#text-editor-error').filter({ hasText: 'title: 121 characters; at most 120 are allowed' }).waitFor();
  assert.equal(await page.locator('#text-editor').isVisible(), true);
  assert.equal(await page.inputValue('#title-field'), 'x'.repeat(121));
  assert.equal((await h.state(page)).title, 'Exercise 1');
  await page.keyboard.press('Escape');
  await page.locator('#text-editor').waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'caption-edit', 'the focus goes back');

  // The JSON file carries them, and importing it brings them back.
  const [download] = await Promise.all([page.waitForEvent('download'), h.fileMenu(page, 'export-json')]);
  const file = path.join(h.ROOT, 'build', 'teacher-export.json');
  await download.saveAs(file);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(json.title, 'Exercise 1');
  assert.equal(json.note, 'Find z1.\nThen a1 & a2.');
  await page.evaluate((l) => window.mlpExplorer.load(l), EXERCISE);
  const chooser = await h.fileChooser(page, () => h.fileMenu(page, 'import-json'));
  await chooser.setFiles(file);
  await page.waitForFunction(() => window.mlpExplorer.state().title === 'Exercise 1');
  fs.unlinkSync(file);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The picture as downloaded: { png, pixels at (x, y) }.
async function savePicture(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), h.fileMenu(page, 'export-png')]);
  assert.equal(download.suggestedFilename(), 'mlp-network.png');
  const file = path.join(SCREENSHOTS, `teacher-picture-${Date.now()}.png`);
  await download.saveAs(file);
  return { file, png: PNG.sync.read(fs.readFileSync(file)) };
}

test('File ▸ Save a picture: the title and note, the diagram and the whole worksheet as a PNG, the screen untouched', async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const text = new URLSearchParams({ title: 'The exercise, by hand', note: 'Compute every z and a, layer by layer.' }).toString();
  for (const dpr of [1, 2]) {
    const page = await h.openApp(env.browser, env.server.url + '#' + EXERCISE + '&' + text, { deviceScaleFactor: dpr });
    await h.frames(page, 4);
    const before = await h.screenshotPixels(page);
    const { file, png } = await savePicture(page);
    assert.equal(png.width, 1280 * dpr);
    const count = (rgb, y0, y1, tolerance = 24) => h.countNear({ width: png.width, height: png.height, data: png.data }, rgb,
      { tolerance, rect: { x: 0, y: y0, w: png.width, h: y1 - y0 } });
    // The title's ink at the top; the diagram's lines in both sign colours; the worksheet below
    // with the orange ground of its negatives (the −5 of layer 3, the −4 and −18 of the output).
    assert.ok(count([0x1f, 0x23, 0x28], 0, 60 * dpr, 40) > 100 * dpr, 'the title is written at the top');
    const diagramTop = 90 * dpr, sheetTop = png.height - 300 * dpr;
    assert.ok(count(h.PALETTE.positive, diagramTop, sheetTop) > 2000 * dpr, 'blue lines');
    assert.ok(count(h.PALETTE.negative, diagramTop, sheetTop) > 500 * dpr, 'orange lines');
    assert.ok(count([0xf6, 0xe2, 0xb8], sheetTop, png.height, 12) > 300 * dpr, 'the worksheet\'s orange ground');
    // Every card of the worksheet: seven "Layer n" titles in ink; at least two rows of cards below
    // the diagram (1280 px holds four or five cards a row).
    assert.ok(png.height > 320 * dpr + 2 * 200 * dpr, `${png.width}x${png.height}`);
    // The screen has not changed for it (the picture is not drawn on the canvas).
    await h.frames(page, 2);
    const after = await h.screenshotPixels(page);
    const toolbarBottom = 50 * dpr;  // the toolbar says "Saved mlp-network.png"
    assert.ok(h.differingPixels(before, after, toolbarBottom) < 50, 'the page looks as it did');
    if (dpr === 1) fs.renameSync(file, path.join(SCREENSHOTS, 'teacher-picture.png'));
    else fs.unlinkSync(file);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

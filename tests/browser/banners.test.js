// Banners belong to their link (issue 10, item 9): the notice about a link's unknown keys goes
// when another link, a file or a preset is opened, or the opening is undone; a refused link, file
// or preset says what is shown instead ("The network shown is the one from before."), inside the
// alert, so a screen reader reads both. Driven with real clicks, keys and taps.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const XOR = 'v=1&shape=2,2,1&x=0,0;0,1;1,0;1,1&w1=1,1;1,1&w2=1,-2&b1=0,-1';
const SMALL = 'v=1&shape=2,1&x=1,1&w1=3,-1';
const KEPT = 'The network shown is the one from before.';

async function banners(page) {
  return {
    error: await page.locator('#message').isVisible() ? await page.locator('#message-text').textContent() : null,
    note: await page.locator('#message').isVisible() ? await page.locator('#message-note').textContent() : null,
    notice: await page.locator('#notice').isVisible() ? await page.locator('#notice-text').textContent() : null,
  };
}

// Opens a link as pasting it into the address bar does (hashchange), and waits for the app.
async function openLink(page, link) {
  const before = (await h.state(page)).hash;
  await page.evaluate((l) => { location.hash = l; }, link);
  await page.waitForFunction((b) => {
    const s = window.mlpExplorer.state();
    return s.hash !== b || s.error !== null;
  }, before);
  await h.frames(page, 2);
}

test('a warning about a link goes when another link, a preset or a file is opened, or the opening is undone', async () => {
  const page = await h.openApp(env.browser, env.server.url + '#' + XOR + '&zoom=2');
  assert.deepEqual(await banners(page), { error: null, note: null, notice: 'unknown key "zoom" ignored' });

  // Another link with its own warning: only its own.
  await openLink(page, SMALL + '&theme=dark');
  assert.deepEqual(await banners(page), { error: null, note: null, notice: 'unknown key "theme" ignored' });
  // A preset: the link's warning was about the link, not the preset.
  await h.choosePreset(page, 'preset-xor');
  assert.deepEqual(await banners(page), { error: null, note: null, notice: null });
  assert.deepEqual((await h.state(page)).warnings, []);

  // A link with a warning, then a file.
  await openLink(page, SMALL + '&zoom=3');
  assert.equal((await banners(page)).notice, 'unknown key "zoom" ignored');
  const file = { name: 'xor.json', mimeType: 'application/json',
    buffer: Buffer.from('{"format": "mlp-explorer/1", "shape": [2, 1], "weights": [[[2, 1]]]}') };
  const chooser = await h.fileChooser(page, () => h.fileMenu(page, 'import-json'));
  await chooser.setFiles(file);
  await page.waitForFunction(() => window.mlpExplorer.state().weights[0][0][0] === 2);
  await h.frames(page, 2);
  assert.deepEqual(await banners(page), { error: null, note: null, notice: null });

  // Undoing back past the link does not bring back a notice about it (Ctrl+Z, the keyboard's).
  await openLink(page, SMALL + '&zoom=4');
  assert.equal((await banners(page)).notice, 'unknown key "zoom" ignored');
  await page.locator('canvas').click({ position: { x: 5, y: 300 } });  // the keyboard to the page
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => window.mlpExplorer.state().weights[0][0][0] === 2);
  await h.frames(page, 2);
  assert.deepEqual(await banners(page), { error: null, note: null, notice: null });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a refused link, file or preset says that the network shown is the one from before', async () => {
  const page = await h.openApp(env.browser, env.server.url + '#' + XOR + '&zoom=2');
  const xorHash = (await h.state(page)).hash;
  // A bad link: the alert says why, and what is shown; the earlier link's warning is gone.
  await openLink(page, 'v=1&shape=2,1&w1=1,1,1');
  assert.deepEqual(await banners(page), {
    error: 'w1: row 1 has 3 numbers; expected 2 (layer 0 has 2 nodes)', note: KEPT, notice: null });
  assert.equal((await h.state(page)).hash, xorHash, 'XOR is still shown');
  // Both in the alert: a screen reader reads the reason and what is shown together.
  assert.equal(await page.locator('#message').getAttribute('role'), 'alert');
  const alert = await page.locator('#message').textContent();
  assert.ok(alert.includes('w1: row 1 has 3 numbers') && alert.includes(KEPT), alert);

  // A refused random preset (typed into the menu's form with the keyboard).
  await page.click('#presets');
  await page.click('#random-shape');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('4,0,2');
  await page.click('#preset-random');
  await h.frames(page, 2);
  let b = await banners(page);
  assert.equal(b.error, 'the random network cannot be made: shape: layer 1 has 0 nodes; expected 1 to 1024');
  assert.equal(b.note, KEPT);
  await page.keyboard.press('Escape');  // closes the menu

  // A refused file.
  const bad = { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "mlp-explorer/1"}') };
  const chooser = await h.fileChooser(page, () => h.fileMenu(page, 'import-json'));
  await chooser.setFiles(bad);
  await page.locator('#message-text').filter({ hasText: 'bad.json' }).waitFor();
  b = await banners(page);
  assert.equal(b.note, KEPT);
  assert.equal((await h.state(page)).hash, xorHash);

  // Dismissed with the keyboard: the note goes with the message.
  await page.locator('#message-close').focus();
  await page.keyboard.press('Enter');
  await page.locator('#message').waitFor({ state: 'hidden' });
  assert.equal(await page.locator('#message-note').textContent(), '');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a bad link opened in a new tab says the exercise is shown instead; on a phone, a tapped preset clears a warning', async () => {
  let page = await h.openApp(env.browser, env.server.url + '#v=1&shape=2,1&x=1,2,3&w1=1,1');
  assert.deepEqual(await banners(page), {
    error: 'x: sample 1 has 3 numbers; expected 2', note: 'The page shows the exercise instead.', notice: null });
  await page.context().close();

  page = await h.openApp(env.browser, env.server.url + '#' + XOR + '&zoom=2', { viewport: h.PHONE, hasTouch: true });
  assert.equal((await banners(page)).notice, 'unknown key "zoom" ignored');
  await h.tapElement(page, '#presets');
  await page.locator('#presets-menu').waitFor({ state: 'visible' });
  await h.tapElement(page, '#preset-exercise');
  await page.waitForFunction(() => window.mlpExplorer.state().shape.length === 8);
  await h.frames(page, 2);
  assert.deepEqual(await banners(page), { error: null, note: null, notice: null });
  // A refused link on a phone: the alert and its note fit the screen.
  await openLink(page, 'v=9');
  const box = await page.locator('#message').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= h.PHONE.width && box.y >= 0, JSON.stringify(box));
  assert.equal((await banners(page)).note, KEPT);
  await page.screenshot({ path: require('node:path').join(h.ROOT, 'build', 'screenshots', 'banner-refused-390x844.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

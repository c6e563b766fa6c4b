// The sliders' step mode follows the network (issue 10, item 6). The exercise's whole numbers
// open in integer steps; a network with fractions (a random preset of real weights, a link, a
// file) opens in fine steps, so a small drag no longer turns −0.27 into 0; the user's own
// choice stands until another network is opened. Driven with a real mouse, keys and finger.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');
const w1_11 = (s) => s.weights[0][0][0];  // -0.27 in the random preset of shape 4,8,8,2, seed 7

function mode(ui) {
  return { integerSteps: ui.integerSteps, fine: h.find(ui, 'button:Fine').highlighted,
    integer: h.find(ui, 'button:Integer').highlighted };
}
const FINE = { integerSteps: false, fine: true, integer: false };
const INTEGER = { integerSteps: true, fine: false, integer: true };

async function modeIs(page, want) {
  const ui = await h.until(page, h.ui, (u) => u.integerSteps === want.integerSteps);
  return mode(ui);
}

// The x of a value on a laptop slider: where value_slider.cpp draws its knob (2 px of padding,
// a 10 px grab) on the slider's -10..10 scale.
function knobX(rect, v, bound = 10) {
  const grab = 10;
  const usable = rect.w - 4 - grab;
  return rect.x + 2 + grab / 2 + ((v + bound) / (2 * bound)) * usable;
}

async function openRandomPreset(page) {
  await page.click('#presets');
  await page.locator('#presets-menu').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#random-integers').isChecked(), false, 'real weights');
  await page.click('#random-seed');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7');
  await page.click('#preset-random');
  await page.waitForFunction(() => window.mlpExplorer.state().shape.join(',') === '4,8,8,2');
}

test('a network with fractions opens in fine steps: a 2-pixel drag of -0.27 is no longer 0', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.frames(page, 3);
  assert.deepEqual(mode(await h.ui(page)), INTEGER, 'the exercise: whole numbers, integer steps');

  await openRandomPreset(page);
  assert.equal(w1_11(await h.state(page)), -0.27);
  assert.deepEqual(await modeIs(page, FINE), FINE, 'the random preset of real weights: fine steps');
  // The issue's drag: press on W1[1,1]'s knob, two pixels to the right, release.
  const slider = await h.reveal(page, 'slider:W1[1,1]');
  const x = knobX(slider, -0.27);
  await page.mouse.move(x, slider.cy);
  await page.mouse.down();
  await h.frames(page, 2);
  const pressed = w1_11(await h.state(page));
  await page.mouse.move(x + 2, slider.cy);
  await h.frames(page, 2);
  await page.mouse.up();
  await h.frames(page, 2);
  const dragged = w1_11(await h.state(page));
  for (const v of [pressed, dragged]) {
    assert.ok(!Number.isInteger(v) && Math.abs(v + 0.27) < 1, `a small move near -0.27 gives ${v}, not a whole number`);
    assert.ok(Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, `in hundredths: ${v}`);
  }
  await page.keyboard.press('Control+z');
  await h.frames(page, 2);
  assert.equal(w1_11(await h.state(page)), -0.27, 'Ctrl+Z: the drag undone');

  // The user's choice stands while they edit...
  await h.click(page, 'button:Integer');
  assert.deepEqual(mode(await h.ui(page)), INTEGER);
  await h.click(page, 'button:Add node', { panel: 'panel:controls' });
  assert.deepEqual(mode(await h.ui(page)), INTEGER, 'a shape edit of zeros keeps the choice');
  // ...until another network is opened: XOR's whole numbers, then a link with fractions.
  await h.choosePreset(page, 'preset-xor');
  assert.deepEqual(await modeIs(page, INTEGER), INTEGER);
  await h.click(page, 'button:Fine');
  await page.evaluate(() => { location.hash = 'v=1&shape=2,1&x=1,1&w1=0.5,-0.25'; });
  await page.waitForFunction(() => window.mlpExplorer.state().weights[0][0][0] === 0.5);
  await h.click(page, 'button:Integer');  // chosen again by hand...
  await page.evaluate(() => { location.hash = 'v=1&shape=2,1&x=1,1&w1=0.75,-0.25'; });
  await page.waitForFunction(() => window.mlpExplorer.state().weights[0][0][0] === 0.75);
  assert.deepEqual(await modeIs(page, FINE), FINE, '...and the next link with fractions chooses fine steps');
  // Undoing the opening goes back to XOR, and to its whole numbers' steps.
  await page.click('#undo');
  await page.click('#undo');
  await page.waitForFunction(() => window.mlpExplorer.state().shape.join(',') === '2,2,1');
  assert.deepEqual(await modeIs(page, INTEGER), INTEGER);
  // A file with fractions, through the file chooser.
  const file = { name: 'net.json', mimeType: 'application/json',
    buffer: Buffer.from('{"format": "mlp-explorer/1", "shape": [2, 1], "weights": [[[0.5, 1]]], "inputs": [[2, 1]]}') };
  const chooser = await h.fileChooser(page, () => h.fileMenu(page, 'import-json'));
  await chooser.setFiles(file);
  await page.waitForFunction(() => window.mlpExplorer.state().weights[0][0][0] === 0.5);
  assert.deepEqual(await modeIs(page, FINE), FINE, 'an imported file with fractions');
  // A layer of random real weights added to a network of whole numbers in integer steps.
  await h.choosePreset(page, 'preset-exercise');
  assert.deepEqual(await modeIs(page, INTEGER), INTEGER);
  await h.click(page, 'button:Random', { panel: 'panel:controls' });
  assert.equal(h.find(await h.ui(page), 'check:Whole numbers').highlighted, false);
  await h.click(page, 'button:Insert after', { panel: 'panel:controls' });
  assert.deepEqual(await modeIs(page, FINE), FINE, 'new weights with fractions: fine steps');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone: the random preset tapped open shows Fine in the top bar, and a finger drags in hundredths', async () => {
  const page = await h.openApp(env.browser, env.server.url, { viewport: h.PHONE, hasTouch: true });
  await h.frames(page, 3);
  assert.deepEqual(mode(await h.ui(page)), INTEGER);
  const tap = (selector) => h.tapElement(page, selector);
  await tap('#presets');
  await page.locator('#presets-menu').waitFor({ state: 'visible' });
  await tap('#random-seed');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7');
  await tap('#preset-random');
  await page.waitForFunction(() => window.mlpExplorer.state().shape.join(',') === '4,8,8,2');
  assert.deepEqual(await modeIs(page, FINE), FINE);
  // A finger on W1[1,1], moved sideways: the slider follows in hundredths.
  const slider = await h.reveal(page, 'slider:W1[1,1]');
  const cdp = await page.context().newCDPSession(page);
  const point = (x) => [{ x, y: slider.cy, radiusX: 8, radiusY: 8, force: 1, id: 1 }];
  const x0 = slider.cx;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(x0) });
  await h.frames(page, 2);
  const seen = [];
  for (let dx = 4; dx <= 24; dx += 4) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x0 + dx) });
    await h.frames(page, 1);
    seen.push(w1_11(await h.state(page)));
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await h.frames(page, 2);
  await cdp.detach();
  const moved = seen.filter((v) => v !== -0.27);
  assert.ok(moved.length > 0, `the finger moved the slider: ${seen}`);
  assert.ok(moved.some((v) => !Number.isInteger(v)), `fine steps: ${seen}`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'step-mode-fine-390x844.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Typed values (issue 10, item 3): whatever is typed into a field of the app (a slider's text
// field, an exercise answer, the Network section's node count and seed, the node picker of a
// large layer) is read as the link reads numbers or refused with a message that says why, and
// the value stays as it was: "1e7" is not 1, "3,5" not 35, "1000001" not 100000, "1/3" not 1.
// The message is the page's alert banner (role=alert), so the keyboard and screen reader user
// gets it too. Typed with real keys, into fields opened with a real mouse and a real finger.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');
const EXERCISE = '#v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1' +
  '&w2=1,1,-1,0,0;0,0,1,1,-1&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1';
const COMMA = ' has a comma; write decimals with a point (3.5) and thousands without a separator (1000)';
const BEYOND = ' is beyond the limits; expected a number from -1e6 to 1e6';

const w3_32 = (s) => s.weights[2][2][1];  // W3[3,2] = 2 in the exercise

// The page's alert: its text, its note, whether it shows.
async function banner(page) {
  const box = page.locator('#message');
  return {
    shown: await box.isVisible(),
    role: await box.getAttribute('role'),
    text: await page.locator('#message-text').textContent(),
    note: await page.locator('#message-note').textContent(),
  };
}

// Opens the slider's text field with Ctrl+click (a real key held, a real click), types `text`
// key by key, checks that nothing applied while typing, and ends with `end` ('Enter', 'Tab').
async function typeIntoSlider(page, name, text, read, end = 'Enter') {
  const slider = await h.reveal(page, name);
  const before = read(await h.state(page));
  await page.keyboard.down('Control');
  await page.mouse.click(slider.cx, slider.cy);
  await page.keyboard.up('Control');
  const opened = await h.until(page, h.ui, (u) => u.typing);
  assert.ok(opened.typing, `${name}'s text field opened`);
  await page.keyboard.type(text);
  await h.frames(page, 2 + text.length);
  assert.equal(read(await h.state(page)), before, `nothing applies while "${text}" is typed`);
  await page.keyboard.press(end);
  await h.until(page, h.ui, (u) => !u.typing);
  await h.frames(page, 2);
}

test('a slider\'s typed value is read as the link reads it, or refused with why, and the value stays', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.frames(page, 3);
  assert.equal(w3_32(await h.state(page)), 2);
  // What the issue saw: each gave another number. Each is refused now, whole, and says why.
  const refused = [
    ['1e7', `W3[3,2]: "1e7"${BEYOND}`],
    ['3,5', `W3[3,2]: "3,5"${COMMA}`],
    ['1000001', `W3[3,2]: "1000001"${BEYOND}`],
    ['1/3', 'W3[3,2]: "1/3" is a fraction; type it as a decimal number (0.25 for 1/4)'],
    ['two', 'W3[3,2]: "two" is not a number; expected a number such as 2, -0.5 or 1e-3'],
  ];
  for (const [typed, message] of refused) {
    await typeIntoSlider(page, 'slider:W3[3,2]', typed, w3_32);
    const s = await h.state(page);
    assert.equal(w3_32(s), 2, `"${typed}" left W3[3,2] as it was`);
    assert.equal(s.error, message);
    const b = await banner(page);
    assert.deepEqual(b, { shown: true, role: 'alert', text: message, note: 'W3[3,2] stays 2.' }, typed);
  }
  await fs.promises.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'typed-refused-1280x720.png') });

  // Read exactly as a link reads numbers: an exponent, a fraction, spaces around; the banner goes.
  await typeIntoSlider(page, 'slider:W3[3,2]', ' -0.125 ', w3_32);
  let s = await h.state(page);
  assert.equal(w3_32(s), -0.125);
  assert.equal(s.error, null, 'an accepted value takes the refusal away');
  assert.equal((await banner(page)).shown, false);
  await typeIntoSlider(page, 'slider:W3[3,2]', '1e5', w3_32);
  s = await h.state(page);
  assert.equal(w3_32(s), 100000);
  assert.equal(s.z[2][0][2], 100006, 'x1: z3[3] = 1·6 + 1e5·1: the forward pass follows');
  // Tab ends typing too: refused the same way.
  await typeIntoSlider(page, 'slider:W3[3,2]', '3,5', w3_32, 'Tab');
  s = await h.state(page);
  assert.equal(w3_32(s), 100000);
  assert.equal(s.error, `W3[3,2]: "3,5"${COMMA}`);
  // Escape puts the value back, whatever was typed.
  await typeIntoSlider(page, 'slider:W3[3,2]', '7', w3_32, 'Escape');
  assert.equal(w3_32(await h.state(page)), 100000);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone: a double tap opens the field; a decimal comma is refused, not read as 35', async () => {
  const page = await h.openApp(env.browser, env.server.url, { viewport: h.PHONE, hasTouch: true });
  await h.frames(page, 3);
  const slider = await h.item(page, 'slider:x1[2]');
  await page.touchscreen.tap(slider.cx, slider.cy);
  await page.touchscreen.tap(slider.cx, slider.cy);
  const opened = await h.until(page, h.ui, (u) => u.typing);
  assert.ok(opened.typing, 'the double tap opened the text field');
  const before = (await h.state(page)).inputs[0][1];
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3,5');
  await page.keyboard.press('Enter');
  await h.until(page, h.ui, (u) => !u.typing);
  await h.frames(page, 2);
  const s = await h.state(page);
  assert.equal(s.inputs[0][1], before, 'x1[2] stays');
  assert.equal(s.error, `x1[2]: "3,5"${COMMA}`);
  const b = await banner(page);
  assert.equal(b.shown, true);
  assert.equal(b.note, `x1[2] stays ${before}.`);
  // The banner is on screen, not under the panels.
  const box = await page.locator('#message').boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= h.PHONE.height && box.x >= 0 && box.x + box.width <= h.PHONE.width, JSON.stringify(box));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'typed-refused-390x844.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an exercise answer is read the same way: "3,5" is refused and the answer stays; " -5 " is read', async () => {
  const page = await h.openApp(env.browser, env.server.url + EXERCISE + '&hide=z3.2.2,a3.2.2');
  await h.frames(page, 3);
  const field = await h.item(page, 'answer:z3[2].x2');
  await page.mouse.click(field.cx, field.cy);
  await h.until(page, h.ui, (u) => u.typing && u.focused === 'answer:z3[2].x2');
  await page.keyboard.type('3,5');
  await page.keyboard.press('Tab');
  await h.until(page, h.ui, (u) => u.focused === 'answer:a3[2].x2');
  await h.frames(page, 2);
  let ui = await h.ui(page);
  assert.equal(h.find(ui, 'answer:z3[2].x2').text ?? '', '', 'the answer stays empty, not "35"');
  let s = await h.state(page);
  assert.equal(s.error, `z3[2] of x2: "3,5"${COMMA}`);
  assert.equal((await banner(page)).note, 'The answer to z3[2] of x2 stays empty.');
  // Spaces around a number are read as a link reads them: " -5 " is -5, and right.
  await page.keyboard.type('0');  // a3[2]: right
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');  // back to z3[2]
  await page.keyboard.up('Shift');
  await h.until(page, h.ui, (u) => u.focused === 'answer:z3[2].x2');
  await page.keyboard.type(' -5 ');
  await page.keyboard.press('Enter');
  await h.frames(page, 4);
  const check = await h.item(page, 'button:Check');
  await page.mouse.click(check.cx, check.cy);
  await h.frames(page, 4);
  ui = await h.ui(page);
  assert.equal(h.find(ui, 'mark:z3[2].x2').text, '\u2713');
  assert.equal(h.find(ui, 'mark:a3[2].x2').text, '\u2713');
  s = await h.state(page);
  assert.equal(s.error, null, 'an accepted answer takes the refusal away');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the Network section\'s node count and seed, and a large layer\'s node picker, refuse what they cannot read', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await h.frames(page, 3);
  const typeInto = async (name, text) => {
    await h.click(page, name, { panel: 'panel:controls' });
    await h.until(page, h.ui, (u) => u.typing);
    await page.keyboard.press('Control+A');
    await h.typeValue(page, text);
  };
  await h.click(page, 'chip:3', { panel: 'panel:controls' });
  // "3,5" nodes was 35 nodes (the field dropped the comma); "2.5" was 2.
  for (const [typed, why] of [['3,5', `"3,5"${COMMA}`],
    ['2.5', '"2.5" is not a node count; expected a whole number from 1 to 1024'],
    ['1025', '"1025" is not a node count; expected a whole number from 1 to 1024']]) {
    await typeInto('input:nodes', typed);
    const s = await h.state(page);
    assert.deepEqual(s.shape, [3, 5, 2, 3, 2, 2, 2, 1], `"${typed}" changed nothing`);
    assert.equal(s.error, `nodes of layer 3: ${why}`);
    assert.equal((await banner(page)).note, 'The network is unchanged.');
    await h.item(page, 'text:network message');  // said beside the field too
  }
  await typeInto('input:nodes', ' 1e1 ');  // read as the link reads numbers: 10
  assert.deepEqual((await h.state(page)).shape, [3, 5, 2, 10, 2, 2, 2, 1]);
  assert.equal((await h.state(page)).error, null);
  // The seed of new random weights: "1e3" was 13 (the field dropped the e).
  await h.click(page, 'button:Random', { panel: 'panel:controls' });
  await typeInto('input:seed', '1e3');
  let s = await h.state(page);
  assert.equal(s.error, 'seed: "1e3" is not a seed; expected a whole number from 0 to 18446744073709551615');
  assert.equal((await banner(page)).note, 'New weights keep seed 1.');

  // A layer of 128 x 128: its node picker, typed 200, was clamped to 128 without a word.
  const N = 128;
  const row = Array.from({ length: N }, (_, j) => (j % 5) - 2);
  const doc = { format: 'mlp-explorer/1', shape: [N, N, 1], weights: [Array(N).fill(row), [row]] };
  await page.evaluate((text) => window.mlpExplorer.load(text), JSON.stringify(doc));
  await h.frames(page, 3);
  const section = await h.reveal(page, 'section:W1');  // folded: a layer this large opens on demand
  await page.mouse.click(section.x + 40, section.cy);
  await h.frames(page, 3);
  await typeInto('input:node.W1', '200');
  s = await h.state(page);
  assert.equal(s.error, 'W1, weights into node: "200" is not a node of layer 1; expected a whole number from 1 to 128');
  assert.equal((await banner(page)).note, 'W1 still shows node 1.');
  assert.ok(h.find(await h.ui(page), 'slider:W1[1,1]'), 'node 1 is still shown');
  await typeInto('input:node.W1', '77');
  assert.ok(await h.reveal(page, 'slider:W1[77,1]'), 'a node that exists is shown');
  assert.equal((await h.state(page)).error, null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The keyboard alone, as a user without a mouse has it: from a freshly opened page, Tab goes
// through the page's toolbar into the app, through every panel (the Network section, the inputs,
// each W, the worksheet, the exercise bar) and out again to the page; Shift+Tab goes back; the
// focused control always shows its focus ring and is scrolled into view; arrows change a slider,
// Enter types a value (also right after a click) or presses a button, Escape leaves a field.
// Real key presses (page.keyboard); the app's focus read from ui().focused
// (src/app/ui_probe.h), the browser's from document.activeElement.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');
const a11y = require('./accessibility_checks');

const env = h.serverAndBrowser({ before, after });
const SCREENSHOTS = path.join(h.ROOT, 'build', 'screenshots');

// The default network's sliders in the order Tab meets them: the inputs sample by sample, then
// each W row by row (as on the worksheet).
function sliderOrder(shape, samples) {
  const names = [];
  for (let s = 1; s <= samples; s++) for (let j = 1; j <= shape[0]; j++) names.push(`slider:x${s}[${j}]`);
  for (let l = 1; l < shape.length; l++) {
    for (let i = 1; i <= shape[l]; i++) for (let j = 1; j <= shape[l - 1]; j++) names.push(`slider:W${l}[${i},${j}]`);
  }
  return names;
}

// Whether `wanted` appears in `seen` in this order (other entries may come between).
function inOrder(seen, wanted) {
  let k = 0;
  for (const name of seen) if (name === wanted[k]) k++;
  return k === wanted.length ? null : wanted[k];
}

test('Tab alone, from a fresh page: the toolbar, every panel of the app in order, and on to the page again', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const s = await h.state(page);
  // Into the app: the toolbar first (the page's own buttons), then the app's first control.
  let walk = await a11y.tabUntil(page, (f) => f.inApp, { max: 12 });
  const before = walk.slice(0, -1).map((f) => f.id);
  assert.deepEqual(before.slice(-1), ['copy-link'], `the toolbar comes first: ${before.join(' > ')}`);
  assert.equal(walk.at(-1).app, 'button:x1', 'Tab from the toolbar lands on the app\'s first control');

  // Through the app until the browser's focus leaves it.
  walk = walk.slice(-1).concat(await a11y.tabUntil(page, (f) => !f.inApp, { max: 200 }));
  const out = walk.at(-1);
  assert.equal(out.inApp, false, `Tab never left the app; it went ${walk.slice(-5).map((f) => f.app).join(' > ')}`);
  assert.equal(out.id, 'presets', 'after the app\'s last control, the page\'s next one (back at its start)');
  const inside = walk.slice(0, -1);
  const seen = inside.map((f) => f.app);
  const missing = inOrder(seen, [
    'button:x1', 'button:x2', 'button:Integer', 'button:Fine', 'section:network', 'chip:0', 'chip:7',
    'button:Remove node', 'input:nodes', 'button:Add node', 'button:Delete layer', 'button:Insert before',
    'button:Insert after', 'combo:activation', 'button:Zeros', 'button:Random', 'button:Copy sample',
    'button:Zero sample', 'button:Remove sample', 'check:Show biases', 'section:inputs', 'slider:x1[1]',
    'section:W1', 'combo:act.W1', 'slider:W1[1,1]', 'section:W7', 'combo:act.W7', 'slider:W7[1,2]',
    'button:Worksheet', 'button:Exercise',
  ]);
  assert.equal(missing, null, `Tab missed ${missing}; it went ${seen.join(' > ')}`);
  const sliders = seen.filter((name) => name.startsWith('slider:'));
  assert.deepEqual(sliders, sliderOrder(s.shape, s.inputs.length), 'every slider, in the worksheet\'s order');
  assert.equal(seen.at(-1), 'button:Exercise', 'the worksheet\'s header ends the app');
  // Every control reached had the keyboard (nothing lost between panels), was on screen inside
  // its panel (scrolled into view), and the page's mirror named it.
  for (const f of inside) {
    assert.ok(f.app, `a Tab left the app with nothing focused (mirror: ${f.label})`);
    assert.ok(f.label && f.label !== 'MLP Explorer controls', `${f.app} has no name for screen readers`);
    if (!f.rect) continue;  // the activation lists are recorded without a rectangle while focused
    const panel = f.ui.items.find((it) => ['panel:controls', 'panel:breakdown'].includes(it.name) && h.inside(f.rect, it));
    assert.ok(panel, `${f.app} at ${JSON.stringify(f.rect)} was not scrolled into its panel`);
  }

  // And back: Shift+Tab from the page's first control is the browser's; from the app's first
  // control it goes back to the toolbar's last.
  await a11y.tabUntil(page, (f) => f.app === 'button:x1' && f.inApp, { max: 12 });
  walk = await a11y.tabUntil(page, (f) => !f.inApp, { max: 2, shift: true });
  assert.equal(walk.at(-1).id, 'copy-link', 'Shift+Tab from the app\'s first control goes back to Copy link');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Shift+Tab goes back through the panels: from the worksheet into the last W, into the app from the end', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  // Into the app from the page's end: Shift+Tab from Presets (the page's first control) goes
  // round to the page's last control, the app, which starts from its last control.
  await page.locator('#presets').focus();
  let walk = await a11y.tabUntil(page, (f) => f.inApp, { max: 4, shift: true });
  assert.equal(walk.at(-1).app, 'button:Exercise', `Shift+Tab into the app lands on its last control (${walk.map((f) => f.id)})`);
  walk = await a11y.tabUntil(page, (f) => f.app === 'slider:W7[1,1]', { max: 7, shift: true });
  assert.deepEqual(walk.map((f) => f.app), ['button:Worksheet', 'tab:Data', 'slider:W7[1,2]', 'slider:W7[1,1]'],
    'from the worksheet back into the sliders panel: its Data tab (after the sliders), then its last slider');
  walk = await a11y.tabUntil(page, (f) => f.app === 'slider:W6[2,2]', { max: 4, shift: true });
  assert.deepEqual(walk.map((f) => f.app), ['combo:act.W7', 'section:W7', 'slider:W6[2,2]']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the focused control shows a clear focus ring, at 1280x720 and 390x844', async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [viewport, target] of [[h.DESKTOP, 'slider:W1[1,1]'], [h.PHONE, 'slider:x1[2]']]) {
    const page = await h.openApp(env.browser, env.server.url, { viewport });
    const size = `${viewport.width}x${viewport.height}`;
    const walk = await a11y.tabUntil(page, (f) => f.app === target, { max: 80 });
    const f = walk.at(-1);
    assert.equal(f.app, target, `Tab reaches ${target} at ${size}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `focus-ring-${size}.png`) });
    const ring = a11y.ringPixels(await h.screenshotPixels(page), f.rect);
    const perimeter = 2 * (f.rect.w + f.rect.h);
    // Two lines all round: ImGui's blue ring, and a 2 px dark line outside it.
    assert.ok(ring.blue > 0.9 * perimeter, `the blue ring around ${target}: ${ring.blue} px for a perimeter of ${perimeter}`);
    assert.ok(ring.dark > 1.6 * perimeter, `the dark line around ${target}'s ring: ${ring.dark} px`);
    // Once the focus has moved back to the section's header, no ring there.
    await a11y.tabUntil(page, (x) => x.app.startsWith('section:'), { max: 8, shift: true });
    const none = a11y.ringPixels(await h.screenshotPixels(page), f.rect);
    assert.ok(none.dark < 0.2 * perimeter && none.blue < ring.blue / 3, `no ring once the focus has gone: ${JSON.stringify(none)}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('keys on a slider and a button: arrows step, Enter types (also right after a click) and presses, Escape leaves', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const it = await h.item(page, 'slider:x1[2]');
  await page.mouse.click(it.cx, it.cy);
  await h.frames(page, 3);
  const clicked = (await h.state(page)).inputs[0][1];
  // Enter right after the click opens the text field (ImGui 1.86 ignored Enter after mouse use).
  await page.keyboard.press('Enter');
  let f = await h.until(page, a11y.focusInfo, (x) => x.typing);
  assert.equal(f.typing, true, 'Enter right after a click opens the slider\'s text field');
  assert.equal(f.role, 'textbox', 'the mirror is a text field while typing');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  f = await h.until(page, a11y.focusInfo, (x) => !x.typing);
  assert.equal((await h.state(page)).inputs[0][1], 7, `typed 7 (the click had set ${clicked})`);
  assert.equal(f.app, 'slider:x1[2]', 'Enter leaves the field on its slider');

  // Escape leaves a field without applying it, and then stays on the slider.
  await page.keyboard.press('Enter');
  await h.until(page, a11y.focusInfo, (x) => x.typing);
  await page.keyboard.type('9');
  await page.keyboard.press('Escape');
  f = await h.until(page, a11y.focusInfo, (x) => !x.typing);
  assert.equal(f.typing, false, 'Escape leaves the field');
  assert.equal((await h.state(page)).inputs[0][1], 7, 'Escape cancels what was typed');
  await page.keyboard.press('Escape');
  await h.frames(page, 3);
  f = await a11y.focusInfo(page);
  assert.equal(f.app, 'slider:x1[2]', 'a second Escape keeps the focus where it is');

  // Arrows step it (Shift: by 10); Tab goes on to the next slider.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowLeft');
  const stepped = await h.until(page, h.state, (st) => st.inputs[0][1] === 0);
  assert.equal(stepped.inputs[0][1], 0, 'Right: 8, Shift+Left: 0 (steps of 10 land on tens)');
  f = (await a11y.tabUntil(page, () => true, { max: 1 })).at(-1);
  assert.equal(f.app, 'slider:x1[3]');

  // Enter presses a button, as on the web (ImGui 1.86: Space only), also right after a click.
  const integer = await h.item(page, 'button:Integer');
  await page.mouse.click(integer.cx, integer.cy);
  await h.frames(page, 3);
  f = (await a11y.tabUntil(page, () => true, { max: 1 })).at(-1);
  assert.equal(f.app, 'button:Fine');
  await page.keyboard.press('Enter');
  let ui = await h.until(page, h.ui, (u) => !u.integerSteps);
  assert.equal(ui.integerSteps, false, 'Enter on Fine switched to fine steps');
  await page.keyboard.press('Shift+Tab');
  await h.frames(page, 3);
  await page.keyboard.press('Space');
  ui = await h.until(page, h.ui, (u) => u.integerSteps);
  assert.equal(ui.integerSteps, true, 'Space on Integer switched back');
  // Enter folds and opens a section.
  const header = await h.item(page, 'section:inputs');
  await page.mouse.click(header.cx, header.cy);  // folds it
  await h.until(page, h.ui, (u) => !h.find(u, 'slider:x1[1]'));
  await page.keyboard.press('Enter');
  ui = await h.until(page, h.ui, (u) => !!h.find(u, 'slider:x1[1]'));
  assert.ok(h.find(ui, 'slider:x1[1]'), 'Enter on the Inputs header opened it again');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('exercise mode by keyboard: the bar and every answer field in Tab order, an answer typed, then out', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await page.locator('#presets').focus();
  let walk = await a11y.tabUntil(page, (f) => f.app === 'button:Exercise', { max: 4, shift: true });
  assert.equal(walk.at(-1).app, 'button:Exercise');
  await page.keyboard.press('Enter');
  const on = await h.until(page, h.state, (st) => st.hidden.length > 0);
  assert.ok(on.hidden.length > 0, 'Enter on Exercise turned exercise mode on');
  const score = h.find(await h.ui(page), 'text:score').text;
  const toFind = Number(/^(\d+) values to find/.exec(score)[1]);
  walk = await a11y.tabUntil(page, (f) => !f.inApp, { max: 60 });
  const seen = walk.slice(0, -1).map((f) => f.app);
  const fields = seen.filter((name) => name.startsWith('answer:'));
  assert.equal(inOrder(seen, ['button:Check', 'button:Reveal step', 'button:Reveal all', 'button:Edit sheet']), null,
    `the exercise bar: ${seen.join(' > ')}`);
  assert.equal(new Set(fields).size, fields.length, 'each answer field once');
  assert.equal(fields.length, toFind, `every answer field (${score}): ${fields.join(', ')}`);
  assert.ok(seen.indexOf('button:Edit sheet') < seen.indexOf(fields[0]), 'the bar, then the answer fields');
  assert.equal(walk.at(-1).id, 'undo', 'after the last answer field, the page (Undo: exercise mode is a step)');

  // Back into the last answer field with Shift+Tab, and an answer typed there.
  walk = await a11y.tabUntil(page, (f) => f.inApp, { max: 4, shift: true });
  const last = walk.at(-1);
  assert.equal(last.app, fields.at(-1), 'Shift+Tab into the app: its last answer field');
  assert.equal(last.role, 'textbox');
  assert.equal(last.typing, true, 'a text field reached by Tab takes what is typed');
  await page.keyboard.type('12');
  const typed = await h.until(page, h.ui, (u) => h.find(u, last.app) && h.find(u, last.app).text === '12');
  assert.equal(h.find(typed, last.app).text, '12');

  // Edit sheet: every z and a of the worksheet is a control that hides or shows its value.
  await page.keyboard.press('Escape');
  walk = await a11y.tabUntil(page, (f) => f.app === 'button:Edit sheet', { max: 40, shift: true });
  await page.keyboard.press('Enter');
  await h.until(page, h.ui, (u) => !!h.find(u, 'button:New sheet'));
  walk = await a11y.tabUntil(page, (f) => f.label.startsWith('Hide z1[1]'), { max: 30 });
  const cell = walk.at(-1);
  assert.equal(cell.label, 'Hide z1[1] of x1', `Tab reaches the values: ${walk.map((f) => f.label).join(' > ')}`);
  assert.equal(cell.role, 'button');
  const hiddenBefore = (await h.state(page)).hidden;
  await page.keyboard.press('Enter');
  const toggled = await h.until(page, h.state, (st) => st.hidden.join() !== hiddenBefore.join());
  assert.notDeepEqual(toggled.hidden, hiddenBefore, 'Enter hid z1[1] of x1');
  const marked = await h.until(page, h.ui, (u) => h.find(u, 'cell:z1[1].x1') && h.find(u, 'cell:z1[1].x1').highlighted);
  assert.ok(h.find(marked, 'cell:z1[1].x1').highlighted, 'its cell is marked hidden');
  assert.equal((await a11y.focusInfo(page)).label, 'Hide z1[1] of x1', 'the focus stays on it');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone: the top bar, the panel\'s tabs and sliders, the worksheet tab, in Tab order', async () => {
  const page = await h.openApp(env.browser, env.server.url, { viewport: h.PHONE, hasTouch: true });
  const walk = await a11y.tabUntil(page, (f) => f.inApp && !f.app.startsWith('button:') && !f.app.startsWith('tab:'), { max: 14 });
  const seen = walk.filter((f) => f.inApp).map((f) => f.app);
  assert.deepEqual(seen, ['button:x1', 'button:x2', 'button:Integer', 'button:Fine', 'tab:Sliders', 'section:network'],
    'the top bar, then the panel');
  const rest = await a11y.tabUntil(page, (f) => f.app === 'tab:Worksheet', { max: 120 });
  assert.equal(rest.at(-1).app, 'tab:Worksheet', 'after the sliders, the worksheet\'s tab');
  for (const f of rest) {
    if (!f.app.startsWith('slider:')) continue;
    const panel = h.find(f.ui, 'panel:controls');
    assert.ok(h.inside(f.rect, panel), `${f.app} scrolled into the panel`);
  }
  await page.keyboard.press('Enter');
  await h.until(page, h.ui, (u) => h.find(u, 'tab:Worksheet') && h.find(u, 'tab:Worksheet').highlighted);
  const next = await a11y.tabUntil(page, (f) => f.app === 'button:Exercise' || !f.inApp, { max: 4 });
  assert.equal(next.at(-1).app, 'button:Exercise', `the worksheet's controls follow its tab: ${next.map((f) => f.app)}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

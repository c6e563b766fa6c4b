// What the keyboard and accessibility tests read: where the keyboard focus is (the browser's, and
// the app's through ui()), the focused node of Chromium's accessibility tree, axe-core's WCAG
// checks, and the focus ring's pixels.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

// Where the keyboard is: the page element with the browser's focus (its id, ARIA role, name and
// value, as page.js gave them to the app's mirror) and the app's focused item (ui().focused,
// src/app/ui_probe.h) with its rectangle. With `settle`, read once the app has run at least two
// more frames and the focus has stayed put for one (a Tab into another panel takes two frames),
// in one round trip.
async function focusInfo(page, { settle = false } = {}) {
  const info = await page.evaluate((settleFrames) => new Promise((done) => {
    const read = () => {
      const el = document.activeElement;
      const ui = window.mlpExplorer.ui();
      return {
        id: el ? el.id || el.tagName.toLowerCase() : '',
        role: el ? el.getAttribute('role') || '' : '',
        label: el ? el.getAttribute('aria-label') || '' : '',
        value: el ? el.getAttribute('aria-valuetext') || el.textContent || '' : '',
        inApp: !!el && (el.id === 'canvas' || el.classList.contains('app-focus')),
        app: ui.focused,
        typing: ui.typing,
        ui,
      };
    };
    if (!settleFrames) return done(read());
    // An idle page runs frames only when asked (mlpExplorer.requestFrames, where it exists).
    if (window.mlpExplorer.requestFrames) window.mlpExplorer.requestFrames(4);
    const start = window.mlpExplorer.framesRun();
    let last = null;
    let ticks = 0;
    const step = () => {
      const now = read();
      const same = last && now.id === last.id && now.app === last.app && now.label === last.label && now.value === last.value;
      const frames = window.mlpExplorer.framesRun() - start;
      if ((frames >= 3 && same) || ++ticks > 40) return done(now);
      last = now;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }), settle);
  info.rect = info.ui.items.find((it) => it.name === info.app);
  return info;
}

// Presses Tab (Shift+Tab with `shift`) up to `max` times, waiting for the app after each, until
// `done(info)` holds; returns every focusInfo on the way (the last one satisfies `done`, or the
// walk ran out).
async function tabUntil(page, done, { max = 200, shift = false } = {}) {
  const path = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const info = await focusInfo(page, { settle: true });
    path.push(info);
    if (done(info)) break;
  }
  return path;
}

// The node of Chromium's accessibility tree of the element that has the browser's focus, as a
// screen reader gets it: { role, name, value, description, properties } (CDP
// Accessibility.getPartialAXTree), or null when the element is not in the tree or not focused
// there: also for a moment while the app's focus moves from one mirror element to the other
// (between the two calls below), so a test that waits for a node checks for null first.
async function focusedAxNode(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
    const node = nodes.find((n) => !n.ignored);
    if (!node) return null;
    const props = Object.fromEntries((node.properties || []).map((p) => [p.name, p.value.value]));
    if (props.focused !== true) return null;
    return {
      role: node.role && node.role.value,
      name: node.name && node.name.value,
      value: node.value && node.value.value,
      description: node.description && node.description.value,
      properties: props,
    };
  } finally {
    await cdp.detach();
  }
}

// Every node of the accessibility tree with its role and name (ignored nodes left out).
async function axNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role && n.role.value, name: n.name && n.name.value }));
  } finally {
    await cdp.detach();
  }
}

// axe-core's WCAG 2.1 A and AA rules over the whole page; returns its violations. axe is put
// into the page through the DevTools protocol (page.evaluate), which the page's CSP does not
// govern: the page itself still runs under it (robustness_csp.test.js).
const AXE_SOURCE = fs.readFileSync(path.join(__dirname, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  if (result.passes.length === 0) throw new Error('axe checked nothing');
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
  }));
}

// Pixels of the focus ring around `rect` (CSS px) in a screenshot: those of ImGui's blue ring
// (palette positive) and of the dark line around it, in the band 2 to 9 px outside the rectangle.
function ringPixels(pixels, rect, scale = 1) {
  const ink = [0x1f, 0x23, 0x28];
  let blue = 0, dark = 0;
  const x0 = Math.floor((rect.x - 9) * scale), x1 = Math.ceil((rect.x + rect.w + 9) * scale);
  const y0 = Math.floor((rect.y - 9) * scale), y1 = Math.ceil((rect.y + rect.h + 9) * scale);
  const near = (i, rgb, tol) => Math.abs(pixels.data[i] - rgb[0]) <= tol && Math.abs(pixels.data[i + 1] - rgb[1]) <= tol &&
    Math.abs(pixels.data[i + 2] - rgb[2]) <= tol;
  for (let y = Math.max(0, y0); y < Math.min(pixels.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(pixels.width, x1); x++) {
      const inside = x >= (rect.x - 2) * scale && x < (rect.x + rect.w + 2) * scale &&
        y >= (rect.y - 2) * scale && y < (rect.y + rect.h + 2) * scale;
      if (inside) continue;
      const i = (y * pixels.width + x) * 4;
      if (near(i, h.PALETTE.positive, 40)) blue++;
      else if (near(i, ink, 40)) dark++;
    }
  }
  return { blue, dark };
}

module.exports = { focusInfo, tabUntil, focusedAxNode, axNodes, axeViolations, ringPixels };

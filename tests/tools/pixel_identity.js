#!/usr/bin/env node
// Pixel identity of a build against a reference: screenshots of the exercise (the default page,
// and the exercise's worksheet with values hidden, an answer typed and checked) at 1440x900 and
// 390x844, compared pixel for pixel with PNGs taken the same way from an earlier build. For
// restructurings that must not change what the page looks like (issue 12).
//
//   node tests/tools/pixel_identity.js save    DIR [WEB_DIR]   take the reference into DIR
//   node tests/tools/pixel_identity.js compare DIR [WEB_DIR]   compare with it; exit 1 on a difference
//
// WEB_DIR is the built page (default build/web). Keep the reference outside the repository (it
// belongs to one machine's Chromium and fonts): for example build the commit before the change,
// `save` into /tmp/ref, then build the change and `compare` with /tmp/ref. Each scene is shot
// twice in a row first; a scene that differs from itself is reported as unstable, not compared.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const [mode, refDir, webDir] = process.argv.slice(2);
if (!['save', 'compare'].includes(mode) || !refDir) {
  console.error('usage: pixel_identity.js save|compare REFERENCE_DIR [WEB_DIR]');
  process.exit(2);
}
if (webDir) process.env.MLP_WEB_DIR = path.resolve(webDir); // read by the harness on require
const h = require('../browser/harness');
const { PNG } = require(require.resolve('pngjs', { paths: [path.join(h.ROOT, 'tests', 'browser')] }));

const EXERCISE = '#v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1' +
  '&w2=1,1,-1,0,0;0,0,1,1,-1&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1';
const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

// Each scene opens a link and may act on the page before the shot.
const SCENES = {
  exercise: { link: '' },
  worksheet: { link: EXERCISE + '&hide=z3,a3.2' },
  checked: {
    link: EXERCISE + '&hide=z3.2.2,a3.2.2',
    // A right and a wrong answer typed in place, then Check: the marks and the count.
    async act(page) {
      await h.click(page, 'answer:z3[2].x2');
      await page.keyboard.type('-5');
      await page.keyboard.press('Tab');
      await page.keyboard.type('-5');
      await h.frames(page, 2);
      await h.click(page, 'button:Check');
    },
  },
};

async function shoot(browser, url, scene, viewport) {
  const page = await h.openApp(browser, url + scene.link, { viewport });
  try {
    await h.frames(page, 4);
    if (scene.act) await scene.act(page);
    await page.mouse.move(0, 0); // no hover highlight left where the last click was
    await h.frames(page, 6);
    return [await page.screenshot(), await (async () => { await h.frames(page, 2); return page.screenshot(); })()];
  } finally {
    await page.context().close();
  }
}

function differing(a, b) {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return { size: true, count: Infinity };
  return { count: h.differingPixels(pa, pb) };
}

async function main() {
  fs.mkdirSync(refDir, { recursive: true });
  const server = await h.startServer();
  const browser = await h.launchBrowser();
  let failed = 0;
  try {
    for (const [sceneName, scene] of Object.entries(SCENES)) {
      for (const [viewName, viewport] of Object.entries(VIEWPORTS)) {
        const name = `${sceneName}-${viewport.width}x${viewport.height}`;
        const [first, second] = await shoot(browser, server.url, scene, viewport);
        const stable = differing(first, second).count === 0;
        const file = path.join(refDir, `${name}.png`);
        if (mode === 'save') {
          fs.writeFileSync(file, first);
          console.log(`${name}: saved${stable ? '' : ' (UNSTABLE: two shots differ)'}`);
          if (!stable) failed++;
          continue;
        }
        fs.writeFileSync(path.join(refDir, `${name}.new.png`), first);
        if (!stable) { console.log(`${name}: UNSTABLE (two shots of this build differ)`); failed++; continue; }
        const d = differing(fs.readFileSync(file), first);
        console.log(`${name} (${viewName}): ${d.count === 0 ? 'identical' : `${d.size ? 'size differs' : d.count + ' pixels differ'}`}`);
        if (d.count) failed++;
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => { console.error(err); process.exit(1); });

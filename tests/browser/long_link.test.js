// A network is never silently lost (issue 10, item 4): a link longer than a browser opens as an
// address (2 MiB in Chromium, measured here) is neither copied nor put into the address bar,
// where a reload would drop it and bring back the exercise. The page says so, offers JSON export,
// and keeps the link in the tab so that a reload brings the network back.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const XOR = 'v=1&shape=2,2,1&x=0,0;0,1;1,0;1,1&w1=1,1;1,1&w2=1,-2&b1=0,-1';
const KEPT = 'mlp-explorer:link';  // web/page.js

// Opens, through load(), a network of `rows` x `cols` random weights (every digit kept: about 19
// characters a weight in the link); returns the length of its link.
function loadBig(page, rows, cols) {
  return page.evaluate(([r, c]) => {
    let seed = 7;
    const random = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647 * 2 - 1; };
    const weights = [Array.from({ length: r }, () => Array.from({ length: c }, random))];
    const doc = { format: 'mlp-explorer/1', shape: [c, r], weights, inputs: [Array.from({ length: c }, random)] };
    const s = window.mlpExplorer.load(JSON.stringify(doc));
    if (s.error) throw new Error(s.error);
    return s.hash.length;
  }, [rows, cols]);
}

const keptLink = (page) => page.evaluate((key) => sessionStorage.getItem(key), KEPT);

test('Chromium opens an address of 2,097,152 characters and not one more: the limit the page holds links to', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const max = await page.evaluate(() => Module._mlp_max_address_chars());
  assert.equal(max, 2 * 1024 * 1024);
  const base = env.server.url + 'favicon.svg';
  await page.goto(base + '#' + 'a'.repeat(max - base.length - 1), { timeout: 60000 });
  assert.equal(await page.evaluate(() => location.href.length), max, 'an address of exactly the limit opens');
  const over = base + '#' + 'b'.repeat(max - base.length);
  let opened = true;
  try {
    await page.goto(over, { timeout: 60000 });
    opened = await page.evaluate(() => location.hash.startsWith('#b'));
  } catch (e) {
    opened = false;  // net::ERR_ABORTED
  }
  assert.equal(opened, false, 'one character more is not opened');
  await page.context().close();
});

test('a link too long for an address: not copied, not in the address bar, kept in the tab, said, and a reload brings it back', async () => {
  const page = await h.openApp(env.browser, env.server.url + '#' + XOR);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await page.evaluate(() => navigator.clipboard.writeText('what was there before'));
  const length = await loadBig(page, 360, 360);  // 129,600 weights: about 2.4 million characters
  assert.ok(length > 2 * 1024 * 1024 && length < 5e6, `a link of ${length} characters`);
  const big = (await h.state(page)).hash;

  // The address bar: the page without a fragment, not XOR's link and not a link that would not
  // survive a reload; the tab keeps the link; a notice says so and offers the export.
  await page.waitForFunction((key) => sessionStorage.getItem(key) !== null, KEPT, { timeout: 30000 });
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.equal(await keptLink(page), big.slice(1));
  const notice = page.locator('#address-notice');
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.textContent(), /link is 2\.\d MB, longer than a browser opens as an address \(2\.1 MB\)/);
  assert.match(await notice.textContent(), /a reload brings it back/);

  // Copy link: a real click. Nothing copied, no "Link copied"; what happens and what works.
  await page.click('#copy-link');
  const tooLong = page.locator('#link-too-long');
  await tooLong.waitFor({ state: 'visible' });
  assert.match(await tooLong.textContent(), /browsers open addresses of at most 2\.1 MB, so a link cannot carry it/);
  assert.notEqual(await page.locator('#share-status').textContent(), 'Link copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'what was there before');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'link-too-long-export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = path.join(h.ROOT, 'build', 'long-link-export.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  const s = await h.state(page);
  assert.deepEqual(exported.weights, s.weights, 'the export carries the network');
  fs.unlinkSync(file);
  await page.keyboard.press('Escape');
  await tooLong.waitFor({ state: 'hidden' });

  // A reload brings the network back (before, the exercise), and says where it came from.
  await page.reload();
  await h.waitForApp(page);
  assert.equal((await h.state(page)).hash, big, 'the same network after a reload');
  await page.locator('#address-notice').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => location.hash), '');

  // A network whose link fits again goes back into the address bar, and the tab forgets the kept one.
  await page.evaluate((link) => window.mlpExplorer.load(link), XOR);
  await h.click(page, 'slider:W1[1,1]', { panel: 'panel:controls' });  // an edit: the link is written
  await page.waitForFunction(() => location.hash.startsWith('#v=1&shape=2,2,1'), null, { timeout: 30000 });
  assert.equal(await keptLink(page), null);
  await page.locator('#address-notice').waitFor({ state: 'hidden' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a new visit in the same tab opens the exercise, not a link the tab kept before', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  await loadBig(page, 360, 360);
  await page.waitForFunction((key) => sessionStorage.getItem(key) !== null, KEPT, { timeout: 30000 });
  await page.goto(env.server.url);  // typed into the address bar: a navigation, not a reload
  await h.waitForApp(page);
  const s = await h.state(page);
  assert.deepEqual(s.shape, [3, 5, 2, 3, 2, 2, 2, 1]);
  assert.equal(await keptLink(page), null);
  assert.equal(await page.locator('#address-notice').isHidden(), true);
  await page.context().close();
});

test('a link too long even to keep in the tab: the notice says a reload would lose it', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const length = await loadBig(page, 320, 1000);  // 320,000 weights: about 6 million characters
  assert.ok(length > 5.3e6, `a link of ${length} characters`);
  const notice = page.locator('#address-notice');
  await notice.waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await notice.textContent(), /too long to keep in this tab, so a reload would lose it/);
  assert.equal(await keptLink(page), null);
  assert.equal(await page.evaluate(() => location.hash), '');
  await page.context().close();
});

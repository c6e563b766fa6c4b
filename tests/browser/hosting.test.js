// build/web on any static host (README, "Putting the page on a school's site"): the page starts
// from a server that sends none of the headers the README recommends, and the compressed copies
// beside every file are those files.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

// The plainest host: every file as application/octet-stream (no wasm type), no security headers,
// no compression.
let bare;
before(async () => {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(h.WEB_DIR, name === '/' ? 'index.html' : name);
    if (!file.startsWith(h.WEB_DIR + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': name === '/' || name.endsWith('.html') ? 'text/html' : 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  bare = { url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() };
});
after(() => bare?.stop());

for (const query of ['', '?wasm=plain']) {
  test(`a host that sends no wasm type and no headers still runs the page${query ? ' (plain build)' : ''}`, async () => {
    const page = await h.openApp(env.browser, bare.url + query);
    const s = await h.state(page);
    assert.deepEqual(s.a[s.a.length - 1].map((sample) => sample[0]), [-4, -18], 'the exercise computes');
    // Emscripten falls back from streaming compilation and says so in the console (a warning);
    // nothing fails.
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('every file of build/web has a .gz and a .br copy that decompress to it', () => {
  const files = fs.readdirSync(h.WEB_DIR).filter((f) => !/\.(gz|br)$/.test(f));
  assert.ok(files.includes('mlp_explorer_simd.wasm') && files.includes('mlp_explorer.wasm'), 'both builds are there');
  for (const name of files) {
    const original = fs.readFileSync(path.join(h.WEB_DIR, name));
    const gz = fs.readFileSync(path.join(h.WEB_DIR, `${name}.gz`));
    const br = fs.readFileSync(path.join(h.WEB_DIR, `${name}.br`));
    assert.ok(zlib.gunzipSync(gz).equals(original), `${name}.gz is ${name}`);
    assert.ok(zlib.brotliDecompressSync(br).equals(original), `${name}.br is ${name}`);
    assert.ok(gz.length < original.length || original.length < 512, `${name}.gz is smaller`);
  }
});

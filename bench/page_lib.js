// What bench/page_bench.js, page_compare.js and page_training.js share: statistics, the static
// server, the compressed sizes of files, where to drag a weight slider and the drag itself.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');
const h = require('../tests/browser/harness');

// ---- Statistics ---------------------------------------------------------------------------------

function sorted(values) { return [...values].sort((a, b) => a - b); }
// Nearest-rank percentile (p in 0..100) of a non-empty list.
function percentile(values, p) {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
function median(values) {
  const s = sorted(values);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function summary(values) {
  if (!values.length) return null;
  return { n: values.length, min: Math.min(...values), median: median(values), p95: percentile(values, 95),
    max: Math.max(...values) };
}

// ---- The server: a folder with no caching and cross-origin isolation -----------------------------

// Cross-origin isolation (COOP/COEP): without it Chromium rounds performance.now() (and so
// emscripten_get_now) to 100 us, too coarse for frames of a millisecond or less; with it the clock
// has 5 us steps. Nothing else about a page changes. Every file is sent as it is (no compression:
// the bytes are counted separately), never cached.
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png' };

function startServer(root) {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(root, name === '/' ? 'index.html' : name);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() });
    });
  });
}

// ---- Bytes ----------------------------------------------------------------------------------------

// A file's size as it is and compressed: gzip -9 (the target's measure), gzip -6 (what most servers
// use when they compress on the fly) and brotli quality 11 (what hosts that pre-compress serve).
function fileSizes(file) {
  const data = fs.readFileSync(file);
  return {
    raw: data.length,
    gzip9: zlib.gzipSync(data, { level: 9 }).length,
    gzip6: zlib.gzipSync(data, { level: 6 }).length,
    brotli11: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function totals(rows) {
  const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
  return { raw: total('raw'), gzip9: total('gzip9'), gzip6: total('gzip6'), brotli11: total('brotli11') };
}

// ---- MLP Explorer: the weight slider to drag ----------------------------------------------------

// What to drag: a weight slider of the first weight layer (every layer downstream of it is
// recomputed: the worst case), in the sliders' fine mode (every pixel is a new value; the integer
// mode would change the weight only every few pixels). The section of W1 is opened with a click
// when it is closed (large networks start with it closed). Without sliders (a page before the
// panels), the line of that weight in the diagram.
async function dragTarget(page) {
  const find = async (test) => (await h.ui(page)).items.filter((it) => test(it.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))[0];
  const click = async (it) => {
    await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
    await h.frames(page, 4);
  };
  const fine = await find((n) => n === 'button:Fine');
  if (fine) await click(fine);
  const slider = (n) => n === 'slider:W1[1,1]' || n.startsWith('slider:W1[');
  let it = await find(slider);
  if (!it) {
    const section = await find((n) => n === 'section:W1');
    if (section) {
      await click(section);
      it = await find(slider);
    }
  }
  if (it) return { kind: 'slider', ...it, cx: it.x + it.w / 2, cy: it.y + it.h / 2 };
  it = await find((n) => n === 'edge:W1[1,1]' || n.startsWith('edge:W1['));
  if (it) return { kind: 'edge', ...it, cx: it.x + it.w / 2, cy: it.y + it.h / 2 };
  return null;
}

// ---- MLP Explorer: a drag and the frames it made ----------------------------------------------

// Presses on the target and moves the mouse back and forth (sliders sideways across their width,
// diagram lines up and down) every 16.7 ms, as a hand on a 60 Hz mouse does, then releases.
// Returns the page-clock interval from the press to the release. The moves are paced by a timer
// and not awaited one by one: waiting for each move's round trip through the DevTools protocol and
// then for a frame put that round trip (tens of ms on a loaded machine) between every two frames,
// and the interval measured the driver rather than the page. Chromium coalesces moves that arrive
// while a frame is being made, as it does for a real mouse.
async function drag(page, target, moves) {
  await page.mouse.move(target.cx, target.cy);
  await h.frames(page, 2);
  const t0 = await page.evaluate(() => performance.now());
  await page.mouse.down();
  await h.frames(page, 1);
  const span = target.kind === 'slider' ? Math.max(8, target.w / 2 - 4) : 120;
  const step = target.kind === 'slider' ? Math.max(2, span / 8) : 13; // 13 px: one integer step of a line
  let offset = 0;
  let direction = 1;
  const sent = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < moves; i++) {
    if (Math.abs(offset + direction * step) > span) direction = -direction;
    offset += direction * step;
    if (target.kind === 'slider') sent.push(page.mouse.move(target.cx + offset, target.cy));
    else sent.push(page.mouse.move(target.cx, target.cy - offset));
    const due = start + BigInt(Math.round((i + 1) * 1e6 * 1000 / 60));
    const wait = Number(due - process.hrtime.bigint()) / 1e6;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await Promise.all(sent);
  await h.frames(page, 1);
  await page.mouse.up();
  await h.frames(page, 2);
  const t1 = await page.evaluate(() => performance.now());
  return { t0, t1 };
}

function phaseSummary(frames, phases) {
  const out = {};
  for (const p of phases) out[p] = median(frames.map((f) => f[p]));
  return out;
}

function frameSummary(frames, phases) {
  if (!frames.length) return null;
  const starts = frames.map((f) => f.start);
  const intervals = starts.slice(1).map((s, i) => s - starts[i]);
  return { cpu_ms: summary(frames.map((f) => f.total)), phase_median_ms: phaseSummary(frames, phases),
    interval_ms: summary(intervals) };
}

module.exports = { median, percentile, summary, startServer, fileSizes, totals, dragTarget, drag, frameSummary };

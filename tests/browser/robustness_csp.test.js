// The Content-Security-Policy (issue 7): scripts only from the page's own files, wasm compiled by
// the browser, no eval, no inline code. The built JavaScript and the sources hold nothing that
// turns text into code or markup; a session of use raises no policy violation; and the page
// really refuses eval, string timers and injected inline scripts.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

const read = (...parts) => fs.readFileSync(path.join(...parts), 'utf8');

// Every file under `dir` whose name matches `pattern`.
function filesUnder(dir, pattern) {
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => pattern.test(f)).map((f) => path.join(dir, f));
}

// JavaScript that turns text into code, or text into markup.
const CODE_FROM_TEXT = [
  ['eval', /(^|[^\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function(text)', /(^|[^\w$.])Function\s*\(\s*['"`]/],
  ['a string timer', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
  ['innerHTML', /\.innerHTML\b/],
  ['outerHTML', /\.outerHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\.write(ln)?\s*\(/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
];

function assertNoCodeFromText(file, text) {
  for (const [what, pattern] of CODE_FROM_TEXT) {
    const m = pattern.exec(text);
    assert.equal(m, null, `${path.relative(h.ROOT, file)} uses ${what}: ${m && text.slice(Math.max(0, m.index - 40), m.index + 40)}`);
  }
}

// The directives of a policy: { 'script-src': ["'self'", ...], ... }.
function directives(policy) {
  return Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
}

function assertStrictPolicy(policy, where) {
  const d = directives(policy);
  assert.deepEqual(d['script-src'], ["'self'", "'wasm-unsafe-eval'"], `${where}: scripts only from the page's files, and wasm`);
  assert.deepEqual(d['default-src'], ["'self'"], where);
  assert.deepEqual(d['style-src'], ["'self'"], `${where}: no inline styles`);
  assert.deepEqual(d['object-src'], ["'none'"], where);
  assert.deepEqual(d['base-uri'], ["'none'"], where);
  for (const [name, values] of Object.entries(d)) {
    for (const bad of ["'unsafe-eval'", "'unsafe-inline'", '*', 'http:', 'https:']) {
      assert.ok(!values.includes(bad), `${where}: ${name} allows ${bad}`);
    }
  }
}

test('the built JavaScript and the sources turn no text into code or markup', () => {
  // Emscripten's output, both builds: -sDYNAMIC_EXECUTION=0 must have left no eval or new
  // Function in it; and page.js as Closure minified it.
  for (const name of ['mlp_explorer.js', 'mlp_explorer_simd.js', 'page.js']) {
    const built = path.join(h.WEB_DIR, name);
    assertNoCodeFromText(built, read(built));
  }
  for (const file of filesUnder(path.join(h.ROOT, 'web'), /\.(js|html)$/)) assertNoCodeFromText(file, read(file));
  // C++: no script run from a string, no EM_ASM (EM_JS bodies are fixed code taking arguments),
  // and the JavaScript inside EM_JS follows the same rules.
  for (const file of filesUnder(path.join(h.ROOT, 'src'), /\.(cpp|h)$/)) {
    const text = read(file);
    assert.doesNotMatch(text, /\bemscripten_run_script\w*\s*\(/, `${file} runs a script from a string`);
    assert.doesNotMatch(text, /\bEM_ASM\w*\s*\(/, `${file} uses EM_ASM`);
    assertNoCodeFromText(file, text);
  }
  // The page: every script from a file, no inline handlers or styles.
  const html = read(h.ROOT, 'web', 'index.html');
  for (const tag of html.match(/<script\b[^>]*>/g)) assert.match(tag, /\ssrc="[^"]+"/, `inline script: ${tag}`);
  assert.doesNotMatch(html, /<script\b[^>]*>[^<\s]/, 'no code inside a script tag');
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
  assert.doesNotMatch(html, /\sstyle\s*=|<style\b/i, 'no inline styles');
});

test('the served page carries a strict policy, in its header and its meta tag', async () => {
  const response = await fetch(env.server.url);
  const header = response.headers.get('content-security-policy');
  assert.ok(header, 'tools/serve.py sends a Content-Security-Policy header');
  assertStrictPolicy(header, 'header');
  assert.deepEqual(directives(header)['frame-ancestors'], ["'none'"], 'not framed');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(await response.text());
  assert.ok(meta, 'index.html has a CSP meta tag (for static hosts that send no header)');
  assertStrictPolicy(meta[1], 'meta tag');
  // The header is the meta tag plus what only a header can say.
  assert.deepEqual({ ...directives(header), 'frame-ancestors': undefined }, { ...directives(meta[1]), 'frame-ancestors': undefined });
});

test('a session of use raises no policy violation, and the page refuses eval and inline code', async () => {
  const page = await h.openApp(env.browser, env.server.url, {
    initScript: () => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
      });
    },
  });
  // A session: links and JSON through load() and the address bar, a refused link and its banner,
  // hover and drag on the diagram, Copy link, a resize, keys on the canvas.
  const xor = 'v=1&shape=2,2,1&x=0,0;0,1;1,0;1,1&w1=1,1;1,1&w2=1,-2&b1=0,-1';
  assert.equal((await page.evaluate((link) => window.mlpExplorer.load(link), xor)).error, null);
  assert.equal((await page.evaluate(() => window.mlpExplorer.load(
    '{"format":"mlp-explorer/1","shape":[1,1],"weights":[[[-2.5]]],"inputs":[[4]]}'))).error, null);
  await page.evaluate(() => { location.hash = '#v=1&shape=2,1&w1=1,<script>alert(1)</script>'; });
  await page.waitForFunction(() => window.mlpExplorer.state().error !== null);
  await page.locator('#message-close').click();
  await page.evaluate(() => { location.hash = '#v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1' +
    '&w2=1,1,-1,0,0;0,0,1,1,-1&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1'; });
  await page.waitForFunction(() => window.mlpExplorer.state().shape.length === 8);
  const edge = await h.item(page, 'edge:W3[2,1]');
  await h.drag(page, edge.cx, edge.cy, 0, -36);
  const dragged = await h.until(page, h.state, (st) => st.weights[2][1][0] === 4);
  assert.equal(dragged.weights[2][1][0], 4, 'the drag edited W3[2,1]');
  await page.locator('#copy-link').click();
  await page.setViewportSize(h.PHONE);
  await h.frames(page, 5);
  await page.locator('#canvas').focus();
  await page.keyboard.press('Tab');
  await h.frames(page, 3);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'no violation during the session');
  assert.deepEqual(page.errors, []);

  // Code from text is refused. Run from a timer: code evaluated by the test harness itself is
  // exempt from the page's policy, code the page runs later is not.
  const refused = await page.evaluate(() => new Promise((resolve) => setTimeout(() => {
    const outcome = {};
    try { outcome.eval = String(eval('1 + 1')); } catch (e) { outcome.eval = e.name; }
    try { outcome.newFunction = String(new Function('return 2')()); } catch (e) { outcome.newFunction = e.name; }
    window.stringTimerRan = false;
    setTimeout('window.stringTimerRan = true', 0);
    const inline = document.createElement('script');
    inline.textContent = 'window.inlineScriptRan = true';
    document.body.appendChild(inline);
    outcome.inlineScriptRan = window.inlineScriptRan === true;
    setTimeout(() => resolve({ ...outcome, stringTimerRan: window.stringTimerRan }), 50);
  }, 0)));
  assert.deepEqual(refused, { eval: 'EvalError', newFunction: 'EvalError', inlineScriptRan: false, stringTimerRan: false });
  const violations = await page.evaluate(() => window.cspViolations);
  assert.ok(violations.some((v) => v.blocked === 'eval'), `eval reported: ${JSON.stringify(violations)}`);
  assert.ok(violations.some((v) => v.blocked === 'inline'), `the inline script reported: ${JSON.stringify(violations)}`);
  assert.ok(violations.every((v) => v.directive.startsWith('script-src')), JSON.stringify(violations));
  await page.context().close();
});

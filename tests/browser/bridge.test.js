// The bridge between page.js and the wasm: page.js calls the app's exported C functions by name
// (Module._mlp_undo, callForText('mlp_share_link'), ...), so a name misspelt on either side, or a
// function no longer exported, would fail only when a user pressed that button. This lists every
// name page.js calls and checks the running page exports each as a function.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

// Every wasm function page.js names: as a string ('mlp_undo', passed to callForText, act, ...) or
// as Module._mlp_... directly.
function namesCalledByPage() {
  const source = fs.readFileSync(path.join(h.ROOT, 'web', 'page.js'), 'utf8');
  const names = new Set();
  for (const m of source.matchAll(/'(mlp_[a-z0-9_]+)'/g)) names.add(m[1]);
  for (const m of source.matchAll(/Module\._(mlp_[a-z0-9_]+)/g)) names.add(m[1]);
  return [...names].sort();
}

test('every wasm function page.js calls is exported by the app', async () => {
  const names = namesCalledByPage();
  assert.ok(names.length >= 30, `page.js names ${names.length} functions: the pattern still finds them`);
  const page = await h.openApp(env.browser, env.server.url);
  const missing = await page.evaluate((list) => list.filter((name) => typeof Module['_' + name] !== 'function'), names);
  assert.deepEqual(missing, [], `page.js calls functions the wasm does not export: ${missing.join(', ')}`);
  // And the check can tell: a name no one exports is reported.
  const made_up = await page.evaluate(() => typeof Module._mlp_no_such_function);
  assert.equal(made_up, 'undefined');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

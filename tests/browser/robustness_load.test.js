// load(text) reads the whole text (found by the soak's inputs, issue 7): the page used to hand the
// wasm a C string, so a NUL character ended the text there and the rest was silently ignored;
// 'w1=1\0&x=zzz' opened as if it were 'w1=1'. Now the text goes with its length, and a NUL is
// one more character that is not allowed where it stands.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const env = h.serverAndBrowser({ before, after });

test('a NUL inside a text does not end it: what follows is read, and refused when wrong', async () => {
  const page = await h.openApp(env.browser, env.server.url);
  const exercise = await h.state(page);
  const load = (text) => page.evaluate((t) => window.mlpExplorer.load(t), text);

  // The same link without the NUL part loads; with it, the whole text is judged.
  assert.equal((await load('v=1&shape=1,1&w1=1')).error, null);
  const link = await load('v=1&shape=1,1&w1=1\u0000&x=zzz');
  assert.match(link.error ?? '', /^w1: /, `the message names the value holding the NUL: ${link.error}`);
  assert.deepEqual(link.weights, [[[1]]], 'the network before it is kept');

  await load(exercise.hash);
  const json = await load('{"format":"mlp-explorer/1","shape":[1,1],"weights":[[[3]]]}\u0000{"not": "read"}');
  assert.match(json.error ?? '', /JSON/, `trailing text after the JSON is refused: ${json.error}`);
  assert.deepEqual(json.shape, exercise.shape, 'the exercise is kept');

  // Where the NUL is allowed (inside a JSON string it must be escaped; as \\u0000 it is text),
  // the document opens.
  const escaped = await load('{"format":"mlp-explorer/1","shape":[1,1],"weights":[[[3]]],"remark":"a\\u0000b"}');
  assert.equal(escaped.error, null);
  assert.deepEqual(escaped.weights, [[[3]]]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Hostile inputs for the soak test (soak.test.js): valid links and JSON texts, and mutations of
// them of every kind a crafted link or file can hold (truncation, byte flips, huge numbers, NaN
// and Infinity, deep nesting, duplicated keys, percent garbage, enormous shape claims, unicode,
// markup). Deterministic: input i of seed s is always the same text, so a failure names an input
// that can be made again (hostileInputs.make(s, i)).
//
// Loaded both by node (require) and into the page (page.addInitScript), where the big ones are
// made without crossing the test's connection to the browser.
'use strict';

(function (root) {
  // mulberry32: small, fast, and the same in every JavaScript engine.
  function random(seed) {
    let t = seed >>> 0;
    const next = () => {
      t = (t + 0x6d2b79f5) >>> 0;
      let r = Math.imul(t ^ (t >>> 15), 1 | t);
      r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
      return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
    };
    const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));  // lo..hi inclusive
    const pick = (list) => list[Math.floor(next() * list.length)];
    return { next, int, pick, chance: (p) => next() < p };
  }

  // Input i of a seed gets its own generator, so any one input can be made alone.
  function inputRandom(seed, i) {
    return random(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35));
  }

  const EXERCISE = 'v=1&shape=3,5,2,3,2,2,2,1&x=3,4,5;5,4,3&w1=0,0,1;0,1,0;1,0,0;1,1,0;0,1,1' +
    '&w2=1,1,-1,0,0;0,0,1,1,-1&w3=1,1;1,-1;1,2&w4=1,-1,0;0,-1,1&w5=0,1;1,0&w6=1,-1;1,1&w7=1,-1';
  const ACTIVATIONS = ['relu', 'linear', 'leaky_relu', 'sigmoid', 'tanh'];
  const MAX_NODES = 1024;

  // ---- Valid documents -----------------------------------------------------------------------

  function number(r) {
    return r.pick([
      () => r.int(-9, 9),
      () => r.int(-1000, 1000) / 100,
      () => Number((r.next() * 2 - 1).toPrecision(r.int(1, 17))),
      () => r.pick([0, 1, -1, 1e6, -1e6, 1e-7, 0.1, 2.5e-5]),
    ])();
  }

  // A small random network: 1 to 5 weight layers of 1 to 6 nodes, 1 to 3 samples; a third of
  // them with targets, a loss, a reduction and a learning rate.
  function randomDocument(r) {
    const layers = r.int(1, 5);
    const shape = Array.from({ length: layers + 1 }, () => r.int(1, 6));
    const matrix = (rows, cols) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => number(r)));
    const inputs = matrix(r.int(1, 3), shape[0]);
    const learns = r.chance(0.33);
    return {
      shape,
      activations: shape.slice(1).map(() => r.pick(ACTIVATIONS)),
      weights: shape.slice(1).map((n, l) => matrix(n, shape[l])),
      biases: shape.slice(1).map((n) => Array.from({ length: n }, () => (r.chance(0.5) ? 0 : number(r)))),
      inputs,
      targets: learns ? matrix(inputs.length, shape[layers]) : null,
      loss: learns ? r.pick(['mse', 'ce', 'bce']) : 'mse',
      reduce: learns ? r.pick(['mean', 'sum']) : 'mean',
      learningRate: learns ? r.pick([0.03, 0.5, 1e-4]) : 0.03,
    };
  }

  const rows = (m) => m.map((row) => row.join(',')).join(';');

  function linkOf(doc, r) {
    const parts = ['v=1', 'shape=' + doc.shape.join(','), 'x=' + rows(doc.inputs)];
    doc.weights.forEach((w, l) => parts.push(`w${l + 1}=` + rows(w)));
    doc.biases.forEach((b, l) => { if (b.some((v) => v !== 0)) parts.push(`b${l + 1}=` + b.join(',')); });
    if (r.chance(0.7)) parts.push('act=' + doc.activations.join(','));
    if (doc.targets) parts.push('y=' + rows(doc.targets), 'loss=' + doc.loss, 'reduce=' + doc.reduce, 'lr=' + doc.learningRate);
    // Key order does not matter to the decoder; a shuffled link must mean the same network.
    if (r.chance(0.3)) parts.sort(() => r.next() - 0.5);
    return (r.chance(0.5) ? '#' : '') + parts.join('&');
  }

  function jsonOf(doc, r) {
    const out = { format: 'mlp-explorer/1', shape: doc.shape, weights: doc.weights };
    if (r.chance(0.7)) out.activations = doc.activations;
    if (r.chance(0.7)) out.biases = doc.biases;
    if (r.chance(0.8) || doc.targets) out.inputs = doc.inputs;
    if (doc.targets) Object.assign(out, { targets: doc.targets, loss: doc.loss, reduce: doc.reduce, learning_rate: doc.learningRate });
    return JSON.stringify(out, null, r.chance(0.3) ? 2 : 0);
  }

  // What a valid text must open as: its numbers, with the defaults of PRODUCT.md for what it
  // leaves out (zero biases, one sample of zeros). Activations are not compared.
  function expected(doc, text) {
    const parsed = text.trimStart().startsWith('{') ? JSON.parse(text) : null;
    return {
      shape: doc.shape,
      weights: doc.weights,
      biases: parsed && !parsed.biases ? doc.shape.slice(1).map((n) => Array(n).fill(0)) : doc.biases,
      inputs: parsed && !parsed.inputs ? [Array(doc.shape[0]).fill(0)] : doc.inputs,
      targets: doc.targets,
    };
  }

  // ---- Mutations -------------------------------------------------------------------------------

  const HOSTILE_CHARS = ['&', '=', ';', ',', '#', '%', '?', '+', '-', '.', 'e', 'E', ' ', '\t', '\n', '\0', '"',
    '\\', '{', '}', '[', ']', ':', '<', '>', '/', '\u00e9', '\u202e', '\ud83d\ude00', '\ud800', '\uffff', '\u0661',
    '\uff11', '\u200b', '\x7f', '\x1b'];
  const HUGE_NUMBERS = ['1e309', '-1e309', '1e6', '-1e6', '1000000.0000001', '1e-400', '9'.repeat(400),
    '0.' + '0'.repeat(300) + '1', '1' + '0'.repeat(70), '0x1F', '1_000', '+5', '.5', '5.', '--1', '1e', '1e+',
    '00012', '-0', '1e999999999999', '4.9e-324', '1.7976931348623157e308', '2e6'];
  const NOT_NUMBERS = ['NaN', 'nan', 'Infinity', '-Infinity', 'inf', '-inf', 'INF', 'undefined', 'null', 'true', '',
    '1/0', '0/0', '\u221e'];
  const MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)',
    "{{constructor.constructor('alert(1)')()}}", '${alert(1)}', '<svg onload=alert(1)>', '</textarea><b>',
    '\u202e<script>', '&lt;b&gt;', '%3Cscript%3Ealert(1)%3C/script%3E'];
  const PERCENT_GARBAGE = ['%', '%G1', '%0', '%00', '%ff%fe', '%25%32%35', '%E2%80%AE', '%C0%AF', '%ED%A0%80',
    '%%', '%2', '%3D', '%26', '%23', '%0A'];

  const numberSpans = (text) => [...text.matchAll(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi)];

  function replaceNumber(r, text, replacement) {
    const spans = numberSpans(text);
    if (spans.length === 0) return text + replacement;
    const m = r.pick(spans);
    return text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length);
  }

  function insertAt(r, text, piece) {
    const at = r.int(0, text.length);
    return text.slice(0, at) + piece + text.slice(at);
  }

  const LINK_MUTATIONS = {
    truncate: (r, t) => t.slice(0, r.int(0, t.length)),
    flip: (r, t) => {
      let s = t;
      for (let k = r.int(1, 6); k > 0; k--) {
        const at = r.int(0, Math.max(0, s.length - 1));
        s = s.slice(0, at) + r.pick(HOSTILE_CHARS) + s.slice(at + 1);
      }
      return s;
    },
    hugeNumber: (r, t) => replaceNumber(r, t, r.pick(HUGE_NUMBERS)),
    notNumber: (r, t) => replaceNumber(r, t, r.pick(NOT_NUMBERS)),
    deepNesting: (r, t) => insertAt(r, t, r.pick(['[', '{', '(', ';', ',']).repeat(r.pick([64, 1000, 100000]))),
    duplicateKey: (r, t) => {
      const pairs = t.replace(/^#/, '').split('&');
      const pair = r.pick(pairs);
      const key = pair.split('=')[0];
      return t + '&' + (r.chance(0.5) ? pair : key + '=' + number(r));
    },
    percentGarbage: (r, t) => insertAt(r, t, r.pick(PERCENT_GARBAGE)),
    // Percent-encoding the whole text, or parts of it, is valid: it must mean the same network.
    percentEncoded: (r, t) => (r.chance(0.5) ? encodeURIComponent(t)
      : t.replace(/[,;=]/g, (c) => (r.chance(0.3) ? '%' + c.charCodeAt(0).toString(16).toUpperCase() : c))),
    enormousShape: (r, t) => {
      const claim = r.pick(['1000000000,1', '1024,1024,1024', Array(40).fill(2).join(','), '99999999999999999999,1',
        '0,0', '-3,2', '1e3,2', '1025,1', '1024,1024,2', '3,' + '1,'.repeat(100000) + '1', '', ',', '3,,2', '2.5,1']);
      return t.replace(/shape=[^&]*/, 'shape=' + claim);
    },
    manySamples: (r, t) => t.replace(/x=[^&]*/, 'x=' + Array(r.pick([65, 1000, 100000])).fill('1').join(';')),
    unicode: (r, t) => insertAt(r, t, r.pick(['\u00e9', '\ud83d\ude00', '\u202e', '\u0000', '\ud800', '\udfff', '\uffff',
      '\u200b', '\uff11', '\u0661', '\ufeff'])),
    markup: (r, t) => (r.chance(0.5) ? insertAt(r, t, r.pick(MARKUP))
      : r.chance(0.5) ? t + '&' + r.pick(MARKUP) + '=' + r.pick(MARKUP)
      // A title or note that opens, shown in the page: it must stay text.
      : t + '&' + r.pick(['title', 'note']) + '=' + encodeURIComponent(r.pick(MARKUP))),
    unknownKeys: (r, t) => {
      let s = t;
      for (let k = r.pick([3, 50, 5000]); k > 0; k--) s += `&k${k}=${k}`;
      return s;
    },
    wrongVersion: (r, t) => t.replace(/v=1/, 'v=' + r.pick(['2', '0', '', '1.0', '01', '-1', '1e0', 'one'])),
    dropKey: (r, t) => {
      const pairs = t.replace(/^#/, '').split('&');
      pairs.splice(r.int(0, pairs.length - 1), 1);
      return pairs.join('&');
    },
    wholeAddress: (r, t) => r.pick(['http://127.0.0.1:8080/', 'https://example.org/page?q=1', 'javascript://x/',
      'data:text/html,<b>x</b>']) + '#' + t.replace(/^#/, ''),
    whitespace: (r, t) => r.pick([' ', '\n', '\t', '\r\n', '\u00a0', '\u3000']) + t + r.pick([' ', '\n', '\u00a0']),
  };

  const JSON_MUTATIONS = {
    truncate: LINK_MUTATIONS.truncate,
    flip: LINK_MUTATIONS.flip,
    hugeNumber: LINK_MUTATIONS.hugeNumber,
    notNumber: (r, t) => replaceNumber(r, t, r.pick([...NOT_NUMBERS, '"1"', '[]', '{}', '"NaN"'])),
    deepNesting: (r, t) => {
      const depth = r.pick([64, 1000, 100000]);
      const nested = '['.repeat(depth) + '1' + ']'.repeat(r.chance(0.8) ? depth : 0);
      return r.chance(0.5) ? t.replace(/"weights":/, '"weights":' + nested + ',"x":') : nested;
    },
    duplicateKey: (r, t) => t.replace(/^\s*\{/, '{' + r.pick(['"shape":[1,1],', '"format":"mlp-explorer/2",',
      '"weights":[],', '"shape":[1024,1024,1024],', '"inputs":null,'])),
    enormousShape: (r, t) => t.replace(/"shape":\s*\[[^\]]*\]/, '"shape":' + r.pick(['[1000000000,1]',
      '[1024,1024,1024]', '[' + Array(40).fill(2).join(',') + ']', '[1e3,2]', '[2.5,1]', '[-1,2]', '[]', '[0]',
      '"3,2"', '{"length":1e9}', '[' + '1,'.repeat(100000) + '1]'])),
    wrongType: (r, t) => t.replace(r.pick([/"weights"/, /"inputs"/, /"biases"/, /"activations"/, /"format"/]),
      (k) => k + ':' + r.pick(['null', 'true', '"x"', '{}', '1e999', '[[[[[]]]]]']) + ',"_' + k.slice(1)),
    unicode: (r, t) => insertAt(r, t, r.pick(['\\ud800', '\\u0000', '\\u202e', '\u00e9', '\ud83d\ude00', '\ufeff',
      '\\uZZZZ', '\\', '\u0000'])),
    markup: (r, t) => t.replace(/^\s*\{/, '{"' + r.pick(['title', 'note', ...MARKUP]).replace(/"/g, '\\"') + '":"' +
      r.pick(MARKUP).replace(/"/g, '\\"') + '",'),
    unknownFields: (r, t) => {
      let extra = '';
      for (let k = r.pick([3, 50, 5000]); k > 0; k--) extra += `"f${k}":${k},`;
      return t.replace(/^\s*\{/, '{' + extra);
    },
    trailing: (r, t) => t + r.pick(['}', ',', ' x', '\u0000', '{}', '\n\n', '//', '/* */']),
    bom: (r, t) => '\ufeff' + t,
    comments: (r, t) => t.replace(/,/, ', /* hi */ '),
  };

  // Pure noise: random bytes and random key=value soup.
  function noise(r) {
    if (r.chance(0.5)) {
      let s = '';
      for (let k = r.int(0, 200); k > 0; k--) s += r.chance(0.7) ? String.fromCharCode(r.int(0, 127)) : r.pick(HOSTILE_CHARS);
      return s;
    }
    const keys = ['v', 'shape', 'x', 'w1', 'w2', 'w33', 'b1', 'act', 'hide', 'y', 'loss', 'reduce', 'lr', '', '#v'];
    const parts = [];
    for (let k = r.int(1, 12); k > 0; k--) {
      parts.push(r.pick(keys) + (r.chance(0.9) ? '=' : '') + Array.from({ length: r.int(0, 6) }, () => number(r)).join(r.pick([',', ';'])));
    }
    return parts.join('&');
  }

  // ---- The inputs --------------------------------------------------------------------------------

  // Input i of `seed`: { text, kind, base } where kind names how it was made ("link:flip").
  function make(seed, i) {
    const r = inputRandom(seed, i);
    const roll = r.next();
    if (roll < 0.05) return { text: noise(r), kind: 'noise' };
    const json = roll < 0.45;
    const doc = r.chance(0.15) ? null : randomDocument(r);
    const base = json ? (doc ? jsonOf(doc, r) : null) : (doc ? linkOf(doc, r) : EXERCISE);
    const valid = base ?? exerciseJson();
    if (r.chance(0.12)) {
      return { text: valid, kind: json ? 'json:valid' : 'link:valid', valid: true, json, expect: doc && expected(doc, valid) };
    }
    const mutations = json ? JSON_MUTATIONS : LINK_MUTATIONS;
    const names = Object.keys(mutations);
    let text = valid;
    const applied = [];
    for (let k = r.chance(0.8) ? 1 : r.int(2, 3); k > 0; k--) {
      const name = r.pick(names);
      text = mutations[name](r, text);
      applied.push(name);
    }
    return { text, kind: (json ? 'json:' : 'link:') + applied.join('+'), json };
  }

  // A valid document of the same distribution as the valid inputs of make(): the warm-up fills
  // the undo history (at most 500 documents) with these, so the heap the soak measures afterwards
  // holds a history of the same make-up all along.
  function makeValid(seed, i) {
    const r = inputRandom(seed ^ 0x5a5a5a5a, i);
    const doc = randomDocument(r);
    const json = r.chance(0.5);
    const text = json ? jsonOf(doc, r) : linkOf(doc, r);
    return { text, kind: 'warm-up:valid', valid: true, json, expect: expected(doc, text) };
  }

  function exerciseJson() {
    return '{"format":"mlp-explorer/1","shape":[3,5,2,3,2,2,2,1],"weights":[[[0,0,1],[0,1,0],[1,0,0],[1,1,0],[0,1,1]],' +
      '[[1,1,-1,0,0],[0,0,1,1,-1]],[[1,1],[1,-1],[1,2]],[[1,-1,0],[0,-1,1]],[[0,1],[1,0]],[[1,-1],[1,1]],[[1,-1]]],' +
      '"inputs":[[3,4,5],[5,4,3]]}';
  }

  // The extremes, opened first (they set how far the heap grows): the largest network allowed as
  // a link and as JSON, the most layers, the most samples, and texts just within and just beyond
  // the 16 MiB limit.
  function extremes() {
    // 1024 x 1023 + 1023 x 1 = 1,048,575 weights: one short of the limit.
    const n = MAX_NODES;
    const row = (l, i, cols) => Array.from({ length: cols }, (_, j) => ((i * 31 + j * 17 + l) % 7) - 3);
    const big = { shape: [n, n - 1, 1], weights: [Array.from({ length: n - 1 }, (_, i) => row(0, i, n)), [row(1, 0, n - 1)]] };
    const deep = Array(33).fill(4);
    const deepWeights = deep.slice(1).map(() => '1,-1,0.5,2;0,1,0,-1;3,0,0,1;1,1,1,1');
    const limit = 16 << 20;
    return [
      { text: 'v=1&shape=' + big.shape.join(',') + '&w1=' + rows(big.weights[0]) + '&w2=' + rows(big.weights[1]),
        kind: 'extreme:largest link', valid: true },
      { text: JSON.stringify({ format: 'mlp-explorer/1', shape: big.shape, weights: big.weights }),
        kind: 'extreme:largest JSON', valid: true, json: true },
      { text: 'v=1&shape=' + deep.join(',') + deepWeights.map((w, l) => `&w${l + 1}=${w}`).join(''),
        kind: 'extreme:most layers', valid: true },
      { text: 'v=1&shape=2,1&w1=1,-1&x=' + Array.from({ length: 64 }, (_, s) => `${s},${-s}`).join(';'),
        kind: 'extreme:most samples', valid: true },
      { text: 'v=1&shape=1,1&w1=1&' + 'k'.repeat(limit - 20), kind: 'extreme:just within 16 MiB' },
      { text: '#v=1&' + 'a'.repeat(limit), kind: 'extreme:beyond 16 MiB' },
      { text: '{"format":"mlp-explorer/1","shape":[1,1],"weights":[[[1]]],"pad":"' + ' '.repeat(limit) + '"}',
        kind: 'extreme:JSON beyond 16 MiB', json: true },
    ];
  }

  const api = { make, makeValid, extremes, random, EXERCISE, ACTIVATIONS, MAX_NODES };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.hostileInputs = api;
})(typeof window === 'object' ? window : globalThis);

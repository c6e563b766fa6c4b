// The page around the wasm app: start-up checks, the loading indicator, failure messages, and
// window.mlpExplorer, the script API of PRODUCT.md. Loaded before mlp_explorer.js, which picks up
// the Module object defined here.
'use strict';

(function () {
  const statusBox = document.getElementById('status');
  const failureBox = document.getElementById('failure');
  const failureText = document.getElementById('failure-text');
  let failed = false;

  // Shown as text (textContent), never parsed as HTML: messages may quote user input.
  function fail(message) {
    if (failed) return;
    failed = true;
    failureText.textContent = String(message);
    statusBox.hidden = true;
    failureBox.hidden = false;
    document.getElementById('canvas').hidden = true;
    window.mlpExplorer.failure = String(message);
  }

  function ready() {
    statusBox.hidden = true;
    window.mlpExplorer.ready = true;
    document.dispatchEvent(new Event('mlpexplorer:ready'));
  }

  // The diagram's tooltip, mirrored for screen readers into a polite live region (as text).
  const announcer = document.getElementById('announcer');
  function announce(text) {
    announcer.textContent = String(text);
  }

  window.mlpPage = { ready, fail, announce };

  function requireReady() {
    if (!window.mlpExplorer.ready) throw new Error('MLP Explorer is not running yet (wait for mlpExplorer.ready)');
  }

  // Text returned by the wasm: a UTF-8 C string owned by it, valid until its next call.
  function callForJson(name, ...args) {
    requireReady();
    const ptr = Module['_' + name](...args);
    return JSON.parse(Module.UTF8ToString(ptr));
  }

  window.mlpExplorer = {
    ready: false,
    failure: null,
    // The whole state: the network (PRODUCT.md's JSON), z and a of every layer and sample, the
    // link fragment, the current error message (or null) and warnings.
    state() { return callForJson('mlp_state_json'); },
    // Where things are on screen this frame, in CSS pixels: panels, sliders ("slider:W3[2,1]"),
    // nodes ("node:3.2"), edges, buttons; and what is hovered and selected, and the tooltip.
    ui() { return callForJson('mlp_ui_json'); },
  };

  function hasWebGL2() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      return false;
    }
  }
  window.Module = {
    canvas: document.getElementById('canvas'),
    // A failed fetch or compile of the wasm ends here.
    onAbort(what) { fail('The app stopped: ' + what); },
    print(text) { console.log(text); },
    printErr(text) { console.warn(text); },
  };

  // The app is loaded only when the browser can run it, so a missing feature gets a message
  // instead of a blank canvas.
  if (typeof WebAssembly !== 'object') {
    fail('This browser does not run WebAssembly.');
  } else if (!hasWebGL2()) {
    fail('This browser (or its settings) does not provide WebGL2, which draws the network.');
  } else {
    const script = document.createElement('script');
    script.src = 'mlp_explorer.js';
    script.async = true;
    script.addEventListener('error', function () {
      fail('mlp_explorer.js could not be loaded. Is the page served from build/web?');
    });
    document.body.appendChild(script);
  }
})();

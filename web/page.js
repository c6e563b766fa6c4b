// The page around the wasm app: start-up checks, the loading indicator, failure messages, the
// link (hashchange, Copy link, the address bar written by the app), the message banners, the
// toolbar (undo and redo with their keys, presets and Reset, JSON export and import by file
// picker or drop), and window.mlpExplorer, the script API of PRODUCT.md. Loaded before the app's
// script (mlp_explorer.js or mlp_explorer_simd.js, see appScript), which picks up the Module
// object defined here.
//
// Everything shown from input (messages quote links and files) is set with textContent, never
// parsed as HTML, and nothing here evaluates text.
'use strict';

(function () {
  const byId = (id) => document.getElementById(id);
  const statusBox = byId('status');
  const failureBox = byId('failure');
  const failureText = byId('failure-text');
  let failed = false;

  function fail(message) {
    if (failed) return;
    failed = true;
    failureText.textContent = String(message);
    statusBox.hidden = true;
    failureBox.hidden = false;
    byId('canvas').hidden = true;
    toolbar.hidden = true;
    window.mlpExplorer.failure = String(message);
  }

  function ready() {
    statusBox.hidden = true;
    toolbar.hidden = false;
    window.mlpExplorer.ready = true;
    followDiagram();
    document.dispatchEvent(new Event('mlpexplorer:ready'));
  }

  // The diagram's tooltip, mirrored for screen readers into a polite live region (as text).
  const announcer = document.getElementById('announcer');
  function announce(text) {
    announcer.textContent = String(text);
  }

  // ---- Calling the wasm ----------------------------------------------------------------------

  function requireReady() {
    if (!window.mlpExplorer.ready) throw new Error('MLP Explorer is not running yet (wait for mlpExplorer.ready)');
  }

  // Text returned by the wasm: a UTF-8 C string owned by it, valid until its next call.
  function callForText(name, ...args) {
    return Module.UTF8ToString(Module['_' + name](...args));
  }
  function callForJson(name, ...args) {
    requireReady();
    return JSON.parse(callForText(name, ...args));
  }

  // Calls the wasm function `name` with each of `texts` as UTF-8 on the wasm heap (a link may be
  // megabytes: too big for the stack) followed by its length in bytes, so a NUL inside a text does
  // not end it; then `numbers`. Returns what the function returns.
  function callWithTexts(name, texts, ...numbers) {
    const pointers = [];
    const args = [];
    try {
      for (const text of texts) {
        const bytes = Module.lengthBytesUTF8(text);
        const ptr = Module._malloc(bytes + 1);
        if (!ptr) throw new Error('MLP Explorer: out of memory for a text of ' + bytes + ' bytes');
        pointers.push(ptr);
        Module.stringToUTF8(text, ptr, bytes + 1);
        args.push(ptr, bytes);
      }
      return Module['_' + name](...args, ...numbers);
    } finally {
      pointers.forEach((ptr) => Module._free(ptr));
    }
  }

  // Passes `text` to the wasm function `name`. A text over the limit is refused without being
  // copied.
  function sendText(name, text, isLink) {
    const bytes = Module.lengthBytesUTF8(text);
    if (bytes > Module._mlp_max_text_bytes()) {
      Module._mlp_refuse_text(bytes, isLink ? 1 : 0);
      return;
    }
    callWithTexts(name, [text]);
  }

  // ---- The link in the address bar --------------------------------------------------------------

  // Called by the app (src/platform/link_sync.cpp) with the current link, at most every 250 ms
  // while the user edits. replaceState: no history entry per edit, and no hashchange.
  function setFragment(fragment) {
    const url = location.pathname + location.search + (fragment ? '#' + fragment : '');
    try {
      history.replaceState(history.state, '', url);
    } catch (e) {
      console.warn('MLP Explorer: the address bar could not take the link (' + e.message + ')');
    }
  }

  // A link pasted into the address bar, or back and forward. Before the app runs, its main()
  // reads the fragment itself.
  // The fragment is read from the event, not from location: the app may have written its own link
  // into the address bar (replaceState) between the change and this handler, and the link the
  // user opened must win.
  window.addEventListener('hashchange', function (event) {
    if (failed || !Module.calledRun) return;
    sendText('mlp_open_fragment', new URL(event.newURL).hash, true);
  });

  // ---- Messages: a refused link or file, and warnings about an accepted one ---------------------

  const messageBox = byId('message');
  const messageText = byId('message-text');
  const noticeBox = byId('notice');
  const noticeText = byId('notice-text');

  // Called by the app whenever its error or warnings change. warnings: one per line.
  function showMessages(error, warnings) {
    messageText.textContent = error;
    messageBox.hidden = !error;
    noticeText.textContent = warnings;
    noticeBox.hidden = !warnings;
  }

  // A close button hides its banner and tells the app, so state() no longer reports it. Focus goes
  // back to the canvas instead of being lost with the hidden button.
  function dismissWith(button, box, wasmFunction) {
    button.addEventListener('click', function () {
      const hadFocus = box.contains(document.activeElement);
      box.hidden = true;
      if (Module.calledRun) Module['_' + wasmFunction]();
      if (hadFocus) byId('canvas').focus();
    });
    box.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') button.click();
    });
  }
  dismissWith(byId('message-close'), messageBox, 'mlp_dismiss_error');
  dismissWith(byId('notice-close'), noticeBox, 'mlp_dismiss_warnings');

  // ---- Copy link -------------------------------------------------------------------------------

  const toolbar = byId('toolbar');
  const copyButton = byId('copy-link');
  const copyFallback = byId('copy-fallback');
  const copyField = byId('copy-field');
  const shareStatus = byId('share-status');
  let statusTimer = 0;

  function say(text) {
    shareStatus.textContent = text;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { shareStatus.textContent = ''; }, 2500);
  }

  // The clipboard was refused or is missing: the link in a selected field, ready for Ctrl+C.
  function showFallback(url) {
    copyField.value = url;
    copyFallback.hidden = false;
    copyField.focus();
    copyField.select();
  }
  function hideFallback() {
    const hadFocus = copyFallback.contains(document.activeElement);
    copyFallback.hidden = true;
    if (hadFocus) copyButton.focus();
  }

  // The clipboard call stays inside the click handler: browsers allow it only in a user gesture.
  copyButton.addEventListener('click', function () {
    if (!window.mlpExplorer.ready) return;
    const url = location.href.split('#')[0] + callForText('mlp_share_link');
    const clipboard = navigator.clipboard;
    if (!clipboard || typeof clipboard.writeText !== 'function') {
      showFallback(url);
      return;
    }
    clipboard.writeText(url).then(function () {
      hideFallback();
      say('Link copied');
    }, function () {
      showFallback(url);
    });
  });
  copyField.addEventListener('copy', function () {
    say('Link copied');
    setTimeout(hideFallback, 600);
  });
  byId('copy-fallback-close').addEventListener('click', hideFallback);
  copyFallback.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') hideFallback();
  });

  // A click on the canvas gives it the keyboard: SDL cancels the mousedown's default action, so
  // without this the keys would keep going to the button or field that had focus before.
  byId('canvas').addEventListener('pointerdown', function (event) {
    event.currentTarget.focus({ preventScroll: true });
  });

  // Tab moves the focus through the page's own controls (Copy link, the banners' close buttons,
  // then the canvas) as usual. SDL listens on the window and cancels Tab for the app; only a Tab
  // typed while the canvas has the focus is the app's (ImGui moves between its widgets with it).
  window.addEventListener('keydown', function (event) {
    if (event.key === 'Tab' && event.target !== byId('canvas')) event.stopPropagation();
  }, true);

  // Keys typed in these controls are theirs (Tab, Ctrl+C, Enter, Escape): SDL listens on the
  // window and would take them for the app and cancel their default action.
  for (const box of [toolbar, messageBox, noticeBox]) {
    for (const type of ['keydown', 'keyup', 'keypress']) {
      box.addEventListener(type, function (event) { event.stopPropagation(); });
    }
  }

  // ---- The toolbar: undo and redo, presets and Reset, JSON export and import ------------------

  const undoButton = byId('undo');
  const redoButton = byId('redo');
  const resetButton = byId('reset');

  // Called by the app (src/platform/editor_api.cpp) when what the toolbar shows has changed.
  function toolbarState(canUndo, canRedo, startName) {
    undoButton.disabled = !canUndo;
    redoButton.disabled = !canRedo;
    resetButton.textContent = 'Reset to ' + startName;
  }

  // Runs a wasm function for a toolbar button once the app runs.
  function act(name, ...args) {
    if (!window.mlpExplorer.ready) return undefined;
    return Module['_' + name](...args);
  }

  undoButton.addEventListener('click', () => act('mlp_undo'));
  redoButton.addEventListener('click', () => act('mlp_redo'));

  // Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on a Mac), wherever the focus is (the canvas,
  // a toolbar button, nothing), except in a text field: the page's own fields keep the browser's
  // undo, and while one of the app's fields is being typed in, ImGui undoes its typing. Caught
  // before SDL sees the key, so the app does not take it as typing too.
  function isTextField(element) {
    return element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement &&
      !['button', 'checkbox', 'radio', 'file', 'submit', 'reset'].includes(element.type));
  }
  window.addEventListener('keydown', function (event) {
    if (!window.mlpExplorer.ready || event.altKey || !(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    const redo = key === 'y' || (key === 'z' && event.shiftKey);
    if (key !== 'z' && !redo) return;
    if (isTextField(event.target) || Module._mlp_wants_text_input()) return;
    event.preventDefault();
    event.stopPropagation();
    act(redo ? 'mlp_redo' : 'mlp_undo');
  }, true);

  // The Presets menu: a panel under its button, closed by Escape, a click elsewhere or a choice.
  const presetsButton = byId('presets');
  const presetsMenu = byId('presets-menu');
  function setMenu(open, { focusButton = false } = {}) {
    presetsMenu.hidden = !open;
    presetsButton.setAttribute('aria-expanded', String(open));
    if (open) resetButton.focus();
    else if (focusButton) presetsButton.focus();
  }
  presetsButton.addEventListener('click', () => setMenu(presetsMenu.hidden));
  presetsMenu.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') setMenu(false, { focusButton: true });
  });
  document.addEventListener('pointerdown', function (event) {
    if (!presetsMenu.hidden && !presetsMenu.contains(event.target) && !presetsButton.contains(event.target)) setMenu(false);
  }, true);
  resetButton.addEventListener('click', () => { act('mlp_reset'); setMenu(false); });
  byId('preset-exercise').addEventListener('click', () => { act('mlp_preset', 0); setMenu(false); });
  byId('preset-xor').addEventListener('click', () => { act('mlp_preset', 1); setMenu(false); });
  // The random network: what cannot be used (a shape over the limits, a seed that is not a
  // number) is said in the error banner, and the menu stays open to fix it.
  function makeRandom() {
    if (!window.mlpExplorer.ready) return;
    const made = callWithTexts('mlp_preset_random', [byId('random-shape').value, byId('random-seed').value],
      byId('random-integers').checked ? 1 : 0);
    if (made) setMenu(false);
  }
  byId('preset-random').addEventListener('click', makeRandom);
  for (const id of ['random-shape', 'random-seed']) {
    byId(id).addEventListener('keydown', function (event) {
      if (event.key === 'Enter') makeRandom();
    });
  }

  // Export: the network as PRODUCT.md's JSON, downloaded as a file (a Blob behind a link with
  // `download`, clicked within the user's click).
  const EXPORT_NAME = 'mlp-network.json';
  byId('export-json').addEventListener('click', function () {
    if (!window.mlpExplorer.ready) return;
    const blob = new Blob([callForText('mlp_export_json')], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = EXPORT_NAME;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say('Saved ' + EXPORT_NAME);
  });

  // Import: a file from the picker or dropped on the page, checked like a link. A file over the
  // limit is refused from its size, before it is read.
  function openFile(file) {
    if (!file || !window.mlpExplorer.ready) return;
    const limit = Module._mlp_max_text_bytes();
    if (file.size > limit) {
      callWithTexts('mlp_refuse_file', [file.name], file.size);
      return;
    }
    file.text().then(function (text) {
      const bytes = Module.lengthBytesUTF8(text);  // bytes that were not UTF-8 grow when decoded
      if (bytes > limit) callWithTexts('mlp_refuse_file', [file.name], bytes);
      else callWithTexts('mlp_import_file', [file.name, text]);
    }, function (error) {
      showMessages('the file could not be read: ' + error.message, '');
    });
  }
  const fileInput = byId('import-file');
  byId('import-json').addEventListener('click', function () {
    fileInput.value = '';  // the same file again is a change too
    fileInput.click();
  });
  fileInput.addEventListener('change', () => openFile(fileInput.files[0]));

  const dropHint = byId('drop-hint');
  const carriesFiles = (event) => !!event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files');
  window.addEventListener('dragover', function (event) {
    if (!carriesFiles(event) || !window.mlpExplorer.ready) return;
    event.preventDefault();  // the page takes the drop (else the browser opens the file)
    event.dataTransfer.dropEffect = 'copy';
    dropHint.hidden = false;
  });
  window.addEventListener('dragleave', function (event) {
    if (!event.relatedTarget) dropHint.hidden = true;  // left the window
  });
  window.addEventListener('drop', function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    dropHint.hidden = true;
    openFile(event.dataTransfer.files[0]);
  });

  // ---- Where the page's controls go: wherever the layout puts the toolbar and the diagram ------

  // The toolbar fills the strip the app leaves for it ("panel:toolbar") and the banners sit at the
  // diagram's top centre, clear of the app's panels. The rectangles come from ui() (CSS pixels)
  // and are handed to style.css as custom properties (CSSOM, which the CSP allows). The app lays
  // out on the frame after a resize, hence the wait.
  function followDiagram() {
    if (!window.mlpExplorer.ready) return;
    const items = window.mlpExplorer.ui().items;
    const style = document.documentElement.style;
    const place = (panel, prefix) => {
      const box = items.find((it) => it.name === panel);
      if (!box) return;
      style.setProperty(prefix + '-left', box.x + 'px');
      style.setProperty(prefix + '-top', box.y + 'px');
      style.setProperty(prefix + '-width', box.w + 'px');
      style.setProperty(prefix + '-height', box.h + 'px');
    };
    place('panel:diagram', '--diagram');
    place('panel:toolbar', '--toolbar');
  }
  window.addEventListener('resize', function () {
    requestAnimationFrame(() => requestAnimationFrame(followDiagram));
  });

  // ---- window.mlpExplorer ----------------------------------------------------------------------

  window.mlpPage = { ready, fail, announce, setFragment, showMessages, toolbarState };

  window.mlpExplorer = {
    ready: false,
    failure: null,
    // The whole state: the network (PRODUCT.md's JSON), z and a of every layer and sample, the
    // link fragment, the current error message (or null) and warnings.
    state() { return callForJson('mlp_state_json'); },
    // Where things are on screen this frame, in CSS pixels: panels, sliders ("slider:W3[2,1]"),
    // nodes ("node:3.2"), edges, buttons; and what is hovered and selected, and the tooltip.
    ui() { return callForJson('mlp_ui_json'); },
    // Opens a link fragment ("#v=1&...", the '#' optional, or a whole address) or the JSON text,
    // as opening a link does, and returns state(): with `error` set and the previous network
    // kept when the text cannot be used.
    load(text) {
      requireReady();
      sendText('mlp_load', String(text), false);
      return this.state();
    },
    // The app's own CPU time of the frames drawn since the previous call (at most the last 600),
    // oldest first, in milliseconds: { phases: [names], frames: [{ start, total, edited, events,
    // ui, diagram_gl, imgui_gl, page }], startup: { main, gl_context, app, first_frame } }.
    // edited: the frame changed the network or inputs; start and startup are performance.now()
    // times. src/platform/frame_timer.h says what each phase holds; ./build.sh bench reads this.
    // How many frames the app has run (drawn or not): a test waits for the app's own frames.
    framesRun() { return Module.calledRun ? Module._mlp_frames_run() : 0; },
    frameStats() {
      const raw = callForJson('mlp_frame_stats_json');
      const frames = raw.frames.map(function (f) {
        const frame = { start: f[0], total: f[1], edited: f[f.length - 1] === 1 };
        raw.phases.forEach(function (name, k) { frame[name] = f[2 + k]; });
        return frame;
      });
      return { phases: raw.phases, frames, startup: Object.fromEntries(raw.startup) };
    },
  };

  // ---- Start-up --------------------------------------------------------------------------------

  // Only whether the browser knows WebGL2 at all. Making a throwaway context to be sure would cost
  // about 100-200 ms before the app could even start loading (docs/benchmarks.md); when the app's
  // own context cannot be made (WebGL disabled, a blocked GPU), main() says so through fail().
  function hasWebGL2() {
    return typeof WebGL2RenderingContext === 'function';
  }
  window.Module = {
    canvas: byId('canvas'),
    // A failed fetch or compile of the wasm ends here.
    onAbort(what) { fail('The app stopped: ' + what); },
    print(text) { console.log(text); },
    printErr(text) { console.warn(text); },
  };

  // The app comes in two builds (cmake/web_app.cmake): mlp_explorer_simd's inner loops use wasm
  // SIMD (about twice as fast a forward pass) and mlp_explorer runs everywhere. A browser without
  // SIMD (Safari before 16.4) could not even compile the SIMD build, so it is asked first whether
  // it validates a tiny SIMD module (i8x16.splat, i8x16.popcnt). ?wasm=plain in the address
  // forces the plain build (the browser tests run both).
  function appScript() {
    const simdModule = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
      10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
    const plain = new URLSearchParams(location.search).get('wasm') === 'plain';
    return !plain && WebAssembly.validate(simdModule) ? 'mlp_explorer_simd.js' : 'mlp_explorer.js';
  }

  // The app is loaded only when the browser can run it, so a missing feature gets a message
  // instead of a blank canvas.
  if (typeof WebAssembly !== 'object') {
    fail('This browser does not run WebAssembly.');
  } else if (!hasWebGL2()) {
    fail('This browser (or its settings) does not provide WebGL2, which draws the network.');
  } else {
    const script = document.createElement('script');
    script.src = appScript();
    script.async = true;
    script.addEventListener('error', function () {
      fail(script.src.split('/').pop() + ' could not be loaded. Is the page served from build/web?');
    });
    document.body.appendChild(script);
  }
})();

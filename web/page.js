// The page around the wasm app: start-up checks, the loading indicator, failure messages, the
// link (hashchange, Copy link, the address bar written by the app), the message banners, and
// window.mlpExplorer, the script API of PRODUCT.md. Loaded before mlp_explorer.js, which picks up
// the Module object defined here.
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
    share.hidden = true;
    window.mlpExplorer.failure = String(message);
  }

  function ready() {
    statusBox.hidden = true;
    share.hidden = false;
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

  // Passes `text` to the wasm function `name` as UTF-8 on the wasm heap (a link may be megabytes:
  // too big for the stack), with its length in bytes: a NUL inside the text does not end it. A
  // text over the limit is refused without being copied.
  function sendText(name, text, isLink) {
    const bytes = Module.lengthBytesUTF8(text);
    if (bytes > Module._mlp_max_text_bytes()) {
      Module._mlp_refuse_text(bytes, isLink ? 1 : 0);
      return;
    }
    const ptr = Module._malloc(bytes + 1);
    try {
      Module.stringToUTF8(text, ptr, bytes + 1);
      Module['_' + name](ptr, bytes);
    } finally {
      Module._free(ptr);
    }
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
  window.addEventListener('hashchange', function () {
    if (failed || !Module.calledRun) return;
    sendText('mlp_open_fragment', location.hash, true);
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

  const share = byId('share');
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
  for (const box of [share, messageBox, noticeBox]) {
    for (const type of ['keydown', 'keyup', 'keypress']) {
      box.addEventListener(type, function (event) { event.stopPropagation(); });
    }
  }

  // ---- Where the page's controls go: over the diagram, wherever the layout puts it ------------

  // Copy link sits at the diagram's top-right corner and the banners at its top centre, clear of
  // the app's panels and top bar. The diagram's rectangle comes from ui() ("panel:diagram", CSS
  // pixels) and is handed to style.css as custom properties (CSSOM, which the CSP allows). The
  // app lays out on the frame after a resize, hence the wait.
  function followDiagram() {
    if (!window.mlpExplorer.ready) return;
    const diagram = window.mlpExplorer.ui().items.find((it) => it.name === 'panel:diagram');
    if (!diagram) return;
    const style = document.documentElement.style;
    style.setProperty('--diagram-left', diagram.x + 'px');
    style.setProperty('--diagram-top', diagram.y + 'px');
    style.setProperty('--diagram-width', diagram.w + 'px');
    style.setProperty('--diagram-right', Math.max(0, window.innerWidth - diagram.x - diagram.w) + 'px');
  }
  window.addEventListener('resize', function () {
    requestAnimationFrame(() => requestAnimationFrame(followDiagram));
  });

  // ---- window.mlpExplorer ----------------------------------------------------------------------

  window.mlpPage = { ready, fail, announce, setFragment, showMessages };

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

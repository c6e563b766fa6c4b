// The page around the wasm app: start-up checks, the loading indicator, failure messages, the
// link (hashchange, Copy link, the address bar written by the app), the message banners, the
// toolbar (undo and redo with their keys, presets and Reset, JSON export and import by file
// picker or drop), and window.mlpExplorer, the script API of docs/design.md. Loaded before the app's
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
    fitCaption();
    if (restoredLink) showAddressNotice(restoredLink, Module._mlp_max_address_chars(), true);
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

  // A link too long for an address (src/platform/web_page.h) is kept in the tab instead, under
  // this key of sessionStorage: only this tab reads it, it is never sent anywhere, and the browser
  // forgets it with the tab. A reload (or back and forward) brings the network back from it.
  const KEPT_LINK = 'mlp-explorer:link';

  // "3.1 MB" (decimal megabytes, as browsers and file managers say sizes).
  function megabytes(chars) {
    return (chars / 1e6).toFixed(chars < 1e7 ? 1 : 0) + ' MB';
  }

  // Called by the app (src/platform/page_sync.cpp) with the current link, at most every 250 ms
  // while the user edits. replaceState: no history entry per edit, and no hashchange. A link that
  // would make the address longer than a browser opens is not put there: the address bar would
  // take it, and a reload would silently drop it. The page says so, and keeps it in the tab.
  function setLink(fragment, maxAddressChars) {
    const base = location.pathname + location.search;
    const fits = location.origin.length + base.length + 1 + fragment.length <= maxAddressChars;
    try {
      history.replaceState(history.state, '', base + (fragment && fits ? '#' + fragment : ''));
    } catch (e) {
      console.warn('MLP Explorer: the address bar could not take the link (' + e.message + ')');
    }
    if (fits) {
      forgetKeptLink();
      return;
    }
    let kept = true;
    try {
      sessionStorage.setItem(KEPT_LINK, fragment);
    } catch (e) {  // over the storage's quota (about 5 million characters), or storage is off
      kept = false;
      try { sessionStorage.removeItem(KEPT_LINK); } catch (ignored) { /* storage is off */ }
    }
    showAddressNotice(fragment.length, maxAddressChars, kept);
  }

  // The link this tab kept, when this page load is a reload or a step back or forward to it;
  // otherwise the tab's kept link is stale (the page was opened anew) and forgotten.
  function keptLink() {
    let link = '';
    try {
      const navigation = performance.getEntriesByType('navigation')[0];
      const returning = navigation && (navigation.type === 'reload' || navigation.type === 'back_forward');
      link = (returning && !location.hash && sessionStorage.getItem(KEPT_LINK)) || '';
      if (!link) sessionStorage.removeItem(KEPT_LINK);
    } catch (e) { /* storage is off: nothing was kept */ }
    if (link) restoredLink = link.length;
    return link;
  }
  let restoredLink = 0;  // the length of a kept link the page opened with, to say so once ready

  function forgetKeptLink() {
    try { sessionStorage.removeItem(KEPT_LINK); } catch (e) { /* storage is off */ }
    addressNotice.hidden = true;
  }

  const addressNotice = byId('address-notice');
  function showAddressNotice(chars, maxAddressChars, kept) {
    byId('address-notice-text').textContent = 'This network\'s link is ' + megabytes(chars) +
      ', longer than a browser opens as an address (' + megabytes(maxAddressChars) + '), so the address bar ' +
      'does not show it. ' + (kept
      ? 'This tab keeps it: a reload brings it back. To keep it for later or send it, export it as a file.'
      : 'It is also too long to keep in this tab, so a reload would lose it: export it as a file to keep it.');
    addressNotice.hidden = false;
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
  const messageNote = byId('message-note');
  const noticeBox = byId('notice');
  const noticeText = byId('notice-text');
  let repeatTimer = 0;

  // Called by the app whenever its error, the error's note (what is shown instead) or its
  // warnings change, also to the same error again. warnings: one per line.
  function showMessages(error, note, warnings) {
    clearTimeout(repeatTimer);
    const repeated = Boolean(error) && !messageBox.hidden && messageText.textContent === error;
    if (repeated) {
      // The same refusal again (the same text typed twice): an alert is announced when its text
      // changes, so it is emptied for a moment and filled again.
      messageText.textContent = '';
      repeatTimer = setTimeout(function () { messageText.textContent = error; }, 100);
    } else {
      messageText.textContent = error;
    }
    messageNote.textContent = error ? note : '';
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
      if (hadFocus) focusApp();
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

  // A link longer than a browser opens as an address: not copied (it would not open), but said,
  // with what works instead.
  const tooLong = byId('link-too-long');
  function showTooLong(chars, maxAddressChars) {
    copyFallback.hidden = true;
    byId('link-too-long-text').textContent = 'This network\'s link is ' + megabytes(chars) +
      ': browsers open addresses of at most ' + megabytes(maxAddressChars) + ', so a link cannot carry it. ' +
      'Export it as a JSON file instead; Import (or dropping the file on the page) opens it again.';
    tooLong.hidden = false;
    byId('link-too-long-export').focus();
  }
  function hideTooLong() {
    const hadFocus = tooLong.contains(document.activeElement);
    tooLong.hidden = true;
    if (hadFocus) copyButton.focus();
  }
  byId('link-too-long-close').addEventListener('click', hideTooLong);
  tooLong.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') hideTooLong();
  });

  // The clipboard call stays inside the click handler: browsers allow it only in a user gesture.
  copyButton.addEventListener('click', function () {
    if (!window.mlpExplorer.ready) return;
    const url = location.href.split('#')[0] + callForText('mlp_share_link');
    const maxAddressChars = Module._mlp_max_address_chars();
    if (url.length > maxAddressChars) {
      showTooLong(url.length, maxAddressChars);
      return;
    }
    hideTooLong();
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

  // A click on the canvas gives the keyboard to the app: SDL cancels the mousedown's default
  // action, so without this the keys would keep going to the button or field that had focus
  // before.
  byId('canvas').addEventListener('pointerdown', function () {
    focusApp();
  });

  // Tab moves the focus through the page's own controls (the toolbar, the banners' close buttons,
  // then the app) as usual. SDL listens on the window and cancels Tab for the app; only a Tab
  // typed while the app has the focus (its mirror, or the canvas) is the app's, which moves
  // through its panels with it and hands the focus back to the page after its last control.
  window.addEventListener('keydown', function (event) {
    if (event.key === 'Tab' && !isInApp(event.target)) event.stopPropagation();
  }, true);

  // Keys typed in these controls are theirs (Tab, Ctrl+C, Enter, Escape): SDL listens on the
  // window and would take them for the app and cancel their default action.
  for (const box of [toolbar, messageBox, noticeBox, byId('address-notice'), byId('caption'), byId('text-editor')]) {
    for (const type of ['keydown', 'keyup', 'keypress']) {
      box.addEventListener(type, function (event) { event.stopPropagation(); });
    }
  }

  // ---- The toolbar: undo and redo, presets and Reset, JSON export and import ------------------

  const undoButton = byId('undo');
  const redoButton = byId('redo');
  const resetButton = byId('reset');

  // Called by the app (src/platform/page_sync.cpp) when what the toolbar shows has changed.
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

  // The Presets and File menus: a panel under its button, closed by Escape, a click elsewhere or
  // a choice. Opening one closes the other.
  const menus = [];
  function makeMenu(button, panel, firstItem) {
    const menu = {
      set(open, { focusButton = false } = {}) {
        if (open) menus.forEach((other) => { if (other !== menu) other.set(false); });
        panel.hidden = !open;
        button.setAttribute('aria-expanded', String(open));
        if (open) firstItem.focus();
        else if (focusButton) button.focus();
      },
      get open() { return !panel.hidden; },
    };
    button.addEventListener('click', () => menu.set(panel.hidden));
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') menu.set(false, { focusButton: true });
    });
    document.addEventListener('pointerdown', function (event) {
      if (!panel.hidden && !panel.contains(event.target) && !button.contains(event.target)) menu.set(false);
    }, true);
    menus.push(menu);
    return menu;
  }
  const presetsMenu = makeMenu(byId('presets'), byId('presets-menu'), resetButton);
  const setMenu = (open) => presetsMenu.set(open);
  const fileMenu = makeMenu(byId('file'), byId('file-menu'), byId('edit-text'));
  resetButton.addEventListener('click', () => { act('mlp_reset'); setMenu(false); });
  // The numbers of src/core/document/preset_choice.h's Preset.
  const PRESETS = ['preset-exercise', 'preset-xor', 'preset-yeh', 'preset-london', 'preset-exercise-targets'];
  PRESETS.forEach(function (id, which) {
    byId(id).addEventListener('click', () => { act('mlp_preset', which); setMenu(false); });
  });
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

  // Export: the network as the JSON of docs/design.md, downloaded as a file (a Blob behind a link with
  // `download`, clicked within the user's click). Also offered where a link is too long to carry it.
  const EXPORT_NAME = 'mlp-network.json';
  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say('Saved ' + name);
  }
  function exportJson() {
    if (!window.mlpExplorer.ready) return;
    fileMenu.set(false);
    download(new Blob([callForText('mlp_export_json')], { type: 'application/json' }), EXPORT_NAME);
  }
  byId('export-json').addEventListener('click', exportJson);

  // Save a picture: the app draws the diagram and the worksheet into a framebuffer of its own and
  // hands over the pixels (src/app/picture.h: the canvas shows only part of the worksheet); here the title
  // and the note go above them, as text, and the whole becomes a PNG download.
  const PICTURE_NAME = 'mlp-network.png';
  function savePicture() {
    if (!window.mlpExplorer.ready) return;
    fileMenu.set(false);
    const error = Module.UTF8ToString(Module._mlp_picture(window.devicePixelRatio || 1));
    if (error) {
      say('No picture: ' + error);
      return;
    }
    const width = Module._mlp_picture_width();
    const height = Module._mlp_picture_height();
    const scale = Module._mlp_picture_scale();
    const pixels = Module.HEAPU8.subarray(Module._mlp_picture_pixels(), Module._mlp_picture_pixels() + width * height * 4);
    const image = new ImageData(width, height);
    for (let y = 0; y < height; y++) {  // GL's rows come bottom first
      image.data.set(pixels.subarray((height - 1 - y) * width * 4, (height - y) * width * 4), y * width * 4);
    }
    Module._mlp_picture_free();
    for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;

    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    const lines = pictureCaption(ctx, width, scale);
    const header = lines.length ? lines[lines.length - 1].y + lines[lines.length - 1].size * 0.6 : 0;
    canvas.width = width;
    canvas.height = Math.ceil(header) + height;
    ctx.fillStyle = '#f7f7f5';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.textBaseline = 'alphabetic';
    for (const line of lines) {
      ctx.font = line.font;
      ctx.fillStyle = line.colour;
      ctx.fillText(line.text, line.x, line.y);
    }
    ctx.putImageData(image, 0, Math.ceil(header));
    canvas.toBlob(function (blob) {
      if (blob) download(blob, PICTURE_NAME);
      else say('No picture: the browser could not make a PNG');
    }, 'image/png');
  }
  byId('export-png').addEventListener('click', savePicture);

  // The title and the note as lines of text for the picture, wrapped to its width at spaces:
  // [{ text, font, colour, x, y, size }].
  function pictureCaption(ctx, width, scale) {
    const pad = 16 * scale;
    const out = [];
    let y = pad;
    const add = (text, size, weight, colour) => {
      const font = weight + ' ' + size + 'px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
      ctx.font = font;
      for (const paragraph of text.split('\n')) {
        let line = '';
        for (const word of paragraph.split(' ')) {
          const next = line ? line + ' ' + word : word;
          if (line && ctx.measureText(next).width > width - 2 * pad) {
            y += size * 1.35;
            out.push({ text: line, font, colour, x: pad, y, size });
            line = word;
          } else {
            line = next;
          }
        }
        y += size * 1.35;
        out.push({ text: line, font, colour, x: pad, y, size });
      }
    };
    if (shownText.title) add(shownText.title, 24 * scale, '600', '#1f2328');
    if (shownText.note) add(shownText.note, 16 * scale, '400', '#3d444d');
    return out;
  }
  byId('link-too-long-export').addEventListener('click', exportJson);
  byId('address-notice-export').addEventListener('click', exportJson);
  byId('address-notice-close').addEventListener('click', function () {
    const hadFocus = addressNotice.contains(document.activeElement);
    addressNotice.hidden = true;
    if (hadFocus) byId('canvas').focus();
  });

  // Import: a file from the picker or dropped on the page, checked like a link. A file over the
  // limit is refused from its size, before it is read. `asPoints`: the Data panel's Import
  // points (a CSV or JSON file of points, at most 1 MiB); otherwise the app tells a points file
  // (named .csv or .txt, or JSON that starts with '[') from a network's JSON by itself.
  const pointsName = (name) => /\.(csv|txt)$/i.test(name);
  function openFile(file, asPoints) {
    if (!file || !window.mlpExplorer.ready) return;
    const points = asPoints || pointsName(file.name);
    const limit = points ? Module._mlp_max_points_file_bytes() : Module._mlp_max_text_bytes();
    const refuse = points ? 'mlp_refuse_points_file' : 'mlp_refuse_file';
    if (file.size > limit) {
      callWithTexts(refuse, [file.name], file.size);
      return;
    }
    file.text().then(function (text) {
      const bytes = Module.lengthBytesUTF8(text);  // bytes that were not UTF-8 grow when decoded
      if (bytes > limit) callWithTexts(refuse, [file.name], bytes);
      else callWithTexts(asPoints ? 'mlp_import_points' : 'mlp_import_file', [file.name, text]);
    }, function (error) {
      showMessages('the file could not be read: ' + error.message,
        points ? 'The data set shown is the one from before.' : 'The network shown is the one from before.', '');
    });
  }
  const fileInput = byId('import-file');
  byId('import-json').addEventListener('click', function () {
    fileMenu.set(false);
    fileInput.value = '';  // the same file again is a change too
    fileInput.click();
  });
  fileInput.addEventListener('change', () => openFile(fileInput.files[0], false));
  // The Data panel's "Import points..." button (the app calls this in the frame of its click,
  // while the click's user activation lets the page open the picker).
  const pointsInput = byId('import-points-file');
  function pickPointsFile() {
    pointsInput.value = '';
    pointsInput.click();
  }
  pointsInput.addEventListener('change', () => openFile(pointsInput.files[0], true));

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
    openFile(event.dataTransfer.files[0], false);
  });

  // ---- The document's title and note ----------------------------------------------------------

  // Shown above the diagram as text (textContent: a link's text is never markup), and in the tab's
  // title. Called by the app (src/platform/page_sync.cpp) when they change.
  const caption = byId('caption');
  const docTitle = byId('doc-title');
  const docNote = byId('doc-note');
  let shownText = { title: '', note: '' };
  function documentText(title, note) {
    shownText = { title, note };
    docTitle.textContent = title;
    docTitle.hidden = !title;
    docNote.textContent = note;
    docNote.hidden = !note;
    caption.hidden = !title && !note;
    document.title = title ? title + ' \u00b7 MLP Explorer' : 'MLP Explorer';
    fitCaption();
  }

  // The strip the app leaves for the caption is as tall as the caption is at the strip's width
  // (a long note is cut to a few lines by style.css; the editor shows all of it).
  let captionHeight = 0;
  function fitCaption() {
    if (!window.mlpExplorer.ready) return;
    // scrollHeight: its whole height, also where the strip (max-height) cuts it.
    const height = caption.hidden ? 0 : Math.ceil(caption.scrollHeight);
    if (height === captionHeight) return;
    captionHeight = height;
    Module._mlp_set_caption_height(height);
    requestAnimationFrame(() => requestAnimationFrame(followDiagram));
  }

  // The editor: a panel under the toolbar. Save asks the app, which checks the text as it checks
  // a link's (document_text.h) and makes it one undo step; a refusal is shown and the text kept.
  const textEditor = byId('text-editor');
  const titleField = byId('title-field');
  const noteField = byId('note-field');
  const textError = byId('text-editor-error');
  let editorOpener = null;
  function openTextEditor(opener) {
    if (!window.mlpExplorer.ready) return;
    fileMenu.set(false);
    editorOpener = opener;
    byId('title-limit').textContent = String(Module._mlp_max_title_chars());
    byId('note-limit').textContent = String(Module._mlp_max_note_chars());
    titleField.value = shownText.title;
    noteField.value = shownText.note;
    textError.textContent = '';
    textEditor.hidden = false;
    titleField.focus();
    titleField.select();
  }
  function closeTextEditor() {
    textEditor.hidden = true;
    if (editorOpener) editorOpener.focus();
  }
  function saveText() {
    const error = Module.UTF8ToString(callWithTexts('mlp_set_text', [titleField.value, noteField.value]));
    if (error) {
      textError.textContent = error;
      return;
    }
    closeTextEditor();
  }
  byId('edit-text').addEventListener('click', () => openTextEditor(byId('file')));
  byId('caption-edit').addEventListener('click', () => openTextEditor(byId('caption-edit')));
  byId('text-editor-save').addEventListener('click', saveText);
  byId('text-editor-cancel').addEventListener('click', closeTextEditor);
  textEditor.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') closeTextEditor();
    // Enter saves from the title; in the note it is a line break (Ctrl+Enter saves there too).
    if (event.key === 'Enter' && (event.target === titleField || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      saveText();
    }
  });
  // ---- The app's accessible mirror: its focused control, its text, its worksheet ---------------

  // The app draws its controls on the canvas, which assistive technology cannot see into. While
  // the app has the keyboard, the browser's focus is on one of two mirror elements instead of
  // the canvas; each time the app's focus moves to another control (src/app/keyboard_nav.h), the
  // other mirror takes that control's role, name, value and state (control_json of
  // src/app/control_description.h) and the browser's focus, so a screen reader announces it; a
  // new value of the same control (an arrow key on a slider) changes the focused mirror's
  // aria-valuenow, which screen readers announce too. Tab and Shift+Tab typed there go to the
  // app, which moves through its panels; off its last or first control it calls keyboardLeft and
  // the focus goes on to the page's next or previous control. A Tab from the page onto the mirror
  // asks the app for its first (Shift+Tab: last) control.
  const canvas = byId('canvas');
  const mirrors = [byId('app-focus-a'), byId('app-focus-b')];
  const mirrorHint = byId('app-focus-hint');
  const NOTHING = { id: 0, role: 'none', name: '', value: '', hint: '' };
  let activeMirror = 0;      // the mirror that stands for the app's focus
  let mirrored = NOTHING;    // the app's focused control, as it last described it
  let shown = NOTHING;       // what the active mirror shows: that, while the app has the keyboard
  let movingFocus = false;   // the page itself is moving the focus between the mirrors
  let pointerFocus = false;  // a click on the canvas is giving the app the focus
  let tabbedAt = { time: -1e9, direction: 1 };  // the last Tab typed, and which way

  function isInApp(element) {
    return element === canvas || mirrors.includes(element);
  }

  function focusApp() {
    pointerFocus = true;
    mirrors[activeMirror].focus({ preventScroll: true });
    pointerFocus = false;
  }

  // ARIA for each role the app names (control_description.h's role_name).
  const ARIA_ROLES = {
    none: 'group', button: 'button', toggle: 'button', checkbox: 'checkbox', disclosure: 'button',
    slider: 'slider', textbox: 'textbox', combobox: 'combobox', tab: 'tab', option: 'option',
  };
  const STATE_ATTRIBUTE = {
    toggle: 'aria-pressed', checkbox: 'aria-checked', disclosure: 'aria-expanded', combobox: 'aria-expanded',
    tab: 'aria-selected', option: 'aria-selected',
  };
  // A tab and an option are parts of a set: their box gets the set's role.
  const BOX_ROLES = { tab: 'tablist', option: 'listbox' };
  const MANAGED = ['aria-pressed', 'aria-checked', 'aria-expanded', 'aria-selected', 'aria-valuenow', 'aria-valuemin',
    'aria-valuemax', 'aria-valuetext', 'aria-disabled', 'aria-haspopup', 'aria-readonly', 'aria-multiline'];

  function describe(mirror, d) {
    if (mirror === mirrors[activeMirror]) shown = d;
    for (const name of MANAGED) mirror.removeAttribute(name);
    const box = mirror.parentElement;
    const boxRole = BOX_ROLES[d.role];
    if (boxRole) {
      box.setAttribute('role', boxRole);
      box.setAttribute('aria-label', d.role === 'tab' ? 'Panels' : 'Choices');
    } else {
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
    mirror.setAttribute('role', ARIA_ROLES[d.role] || 'group');
    mirror.setAttribute('aria-label', d.role === 'none' ? 'MLP Explorer controls' : d.name);
    if (STATE_ATTRIBUTE[d.role]) mirror.setAttribute(STATE_ATTRIBUTE[d.role], String(d.state));
    if (d.role === 'combobox') mirror.setAttribute('aria-haspopup', 'listbox');
    if (d.role === 'slider') {
      mirror.setAttribute('aria-valuenow', String(d.number));
      mirror.setAttribute('aria-valuemin', String(d.min));
      mirror.setAttribute('aria-valuemax', String(d.max));
      mirror.setAttribute('aria-valuetext', d.value);
    }
    if (d.role === 'textbox') mirror.setAttribute('aria-multiline', 'false');
    if (d.disabled) mirror.setAttribute('aria-disabled', 'true');
    // The value of a text field or a list's box is its text.
    mirror.textContent = d.role === 'textbox' || d.role === 'combobox' ? d.value : '';
    mirrorHint.textContent = d.role === 'none' ? 'Tab moves through the controls of the diagram and its panels.' : d.hint;
  }

  // Called by the app (src/platform/web_page.cpp's connect_page_mirror) when its focused control, or what
  // it says of itself, changed.
  function focusChanged(json) {
    const d = JSON.parse(json);
    mirrored = d;
    if (!isInApp(document.activeElement)) return;  // said when the keyboard comes back
    const mirror = mirrors[activeMirror];
    if (d.id === shown.id && d.role === shown.role) {
      describe(mirror, d);  // the same control: a new value or state, said by the screen reader
      return;
    }
    const next = mirrors[1 - activeMirror];
    activeMirror = 1 - activeMirror;
    describe(next, d);
    next.hidden = false;
    next.tabIndex = 0;
    movingFocus = true;
    next.focus({ preventScroll: true });
    movingFocus = false;
    mirror.hidden = true;
    mirror.tabIndex = -1;
  }

  // The page's controls in Tab order (tabindex > 0 is not used on this page), the app's aside.
  function pageControls() {
    return Array.from(document.querySelectorAll('button, input, select, textarea, a[href], [tabindex]')).filter(
      (el) => el.tabIndex >= 0 && !el.disabled && !isInApp(el) && !el.closest('[hidden]') && el.getClientRects().length > 0);
  }

  // Called by the app when Tab (+1) or Shift+Tab (-1) ran off its last or first control: the
  // page's next (or previous) control gets the focus; after the last, the page's first, as the
  // browser would come back to it.
  function keyboardLeft(direction) {
    const here = mirrors[activeMirror];
    if (!isInApp(document.activeElement)) return;
    const controls = pageControls();
    const after = controls.filter((el) => here.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    const before = controls.filter((el) => here.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
    const target = direction > 0 ? (after[0] || controls[0]) : (before[before.length - 1] || controls[controls.length - 1]);
    if (target) target.focus();
  }

  window.addEventListener('keydown', function (event) {
    if (event.key === 'Tab') tabbedAt = { time: performance.now(), direction: event.shiftKey ? -1 : 1 };
  }, true);

  document.addEventListener('focusin', function (event) {
    if (!isInApp(event.target) || movingFocus || isInApp(event.relatedTarget)) return;
    if (!window.mlpExplorer.ready) return;
    if (!pointerFocus && performance.now() - tabbedAt.time < 1000) {
      // From the page's controls by Tab or Shift+Tab: the app's first or last control, which the
      // app then says (focusChanged).
      Module._mlp_keyboard_enter(tabbedAt.direction);
    } else {
      // A click, or a script: the control the app has (the canvas itself says nothing).
      if (event.target !== canvas) describe(mirrors[activeMirror], mirrored);
    }
  });
  document.addEventListener('focusout', function (event) {
    if (!isInApp(event.target) || movingFocus || isInApp(event.relatedTarget)) return;
    describe(mirrors[activeMirror], NOTHING);  // the app's controls are not where the keys go
    if (window.mlpExplorer.ready) Module._mlp_keyboard_blur();
  });

  // The network, its outputs (and loss), exercise mode's score: called by the app when any of it
  // changed. The outputs are spoken once the changes pause, not at every step of a drag.
  const networkText = byId('network-text');
  const outputsText = byId('outputs-text');
  const lossText = byId('loss-text');
  const exerciseText = byId('exercise-text');
  const viewText = byId('view-text');
  const trainingText = byId('training-text');
  const plotText = byId('plot-text');
  let outputsTimer = 0;
  let plotTimer = 0;
  let plotSays = '';  // what the plot's line said last: '', 'cross-hair' or 'marker'
  // Training: the epoch and loss change every frame of a run; a screen reader hears them at most
  // every 2 s while it runs, and the last state always.
  let trainingTimer = 0;
  let trainingShownAt = 0;
  let trainingPending = '';
  function showTraining() {
    trainingTimer = 0;
    trainingShownAt = performance.now();
    trainingText.textContent = trainingPending;
    trainingText.hidden = !trainingPending;
  }
  function statusChanged(json) {
    const status = JSON.parse(json);
    networkText.textContent = 'Network of ' + status.network + '.';
    clearTimeout(outputsTimer);
    if (!outputsText.textContent) outputsText.textContent = status.outputs;
    else outputsTimer = setTimeout(function () { outputsText.textContent = status.outputs; }, 700);
    lossText.textContent = status.loss;
    lossText.hidden = !status.loss;
    exerciseText.textContent = status.exercise;
    exerciseText.hidden = !status.exercise;
    // Which view the diagram shows, with targets only; a phone's top bar then has a second row
    // (the view switch, src/app/layout.h), which moves the toolbar's strip down.
    if (viewText.hidden !== !status.view) requestAnimationFrame(() => requestAnimationFrame(followDiagram));
    viewText.textContent = status.view;
    viewText.hidden = !status.view;
    // The Data panel's plot: its cross-hair while the keyboard moves it, said at once; else where
    // the worksheet's sample lies on it, said once a drag of the sample's inputs pauses.
    clearTimeout(plotTimer);
    const plot = status.plot || status.marker;
    const showPlot = function () {
      plotText.textContent = plot;
      plotText.hidden = !plot;
    };
    if (plotSays === 'marker' && !status.plot && plot) plotTimer = setTimeout(showPlot, 700);
    else showPlot();
    plotSays = status.plot ? 'cross-hair' : plot ? 'marker' : '';
    trainingPending = status.training;
    if (!trainingTimer) {
      const wait = Math.max(0, trainingShownAt + 2000 - performance.now());
      if (wait === 0 || !status.training) showTraining();
      else trainingTimer = setTimeout(showTraining, wait);
    }
  }

  // The worksheet as tables: read from the app (mlp_sheet_json) when it says its values changed,
  // at most four times a second while they keep changing (a drag), and the last change always. A
  // large network's tables (up to 64 rows a layer) take longer to build: the wait is then ten
  // times what the last update took, so a drag stays smooth.
  const sheetBox = byId('sheet-tables');
  let sheetTimer = 0;
  let sheetWait = 250;
  function sheetChanged() {
    if (sheetTimer) return;
    sheetTimer = setTimeout(function () {
      sheetTimer = 0;
      if (!Module.calledRun) return;
      const start = performance.now();
      renderSheet(JSON.parse(callForText('mlp_sheet_json')));
      sheetWait = Math.max(250, 10 * (performance.now() - start));
    }, sheetWait);
  }

  function cellText(cell, text) {
    if (cell.textContent !== text) cell.textContent = text;
  }

  // A table of the same shape is updated cell by cell; another one is built anew.
  function renderSheet(sheet) {
    sheet.tables.forEach(function (t, k) {
      let figure = sheetBox.children[k];
      const shape = t.head.length + 'x' + t.rows.length;
      if (!figure || figure.dataset.shape !== shape) {
        const made = buildTable(t.head.length, t.rows.length);
        made.dataset.shape = shape;
        if (figure) figure.replaceWith(made); else sheetBox.appendChild(made);
        figure = made;
      }
      const table = figure.querySelector('table');
      cellText(table.caption, t.caption);
      t.head.forEach((text, j) => cellText(table.tHead.rows[0].cells[j], text));
      t.rows.forEach((row, i) => row.forEach((text, j) => cellText(table.tBodies[0].rows[i].cells[j], text)));
      const note = figure.querySelector('p');
      cellText(note, t.note);
      note.hidden = !t.note;
    });
    while (sheetBox.children.length > sheet.tables.length) sheetBox.lastChild.remove();
  }

  function buildTable(columns, rows) {
    const figure = document.createElement('div');
    const table = document.createElement('table');
    table.createCaption();
    const head = table.createTHead().insertRow();
    for (let j = 0; j < columns; j++) {
      const th = document.createElement('th');
      th.scope = 'col';
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (let i = 0; i < rows; i++) {
      const tr = body.insertRow();
      for (let j = 0; j < columns; j++) {
        const cell = document.createElement(j === 0 ? 'th' : 'td');
        if (j === 0) cell.scope = 'row';
        tr.appendChild(cell);
      }
    }
    figure.appendChild(table);
    figure.appendChild(document.createElement('p'));
    return figure;
  }

  // ---- Where the page's controls go: wherever the layout puts the toolbar and the diagram ------

  // The toolbar fills the strip the app leaves for it ("panel:toolbar"), the title and note the
  // strip under it ("panel:caption"), and the banners sit at the diagram's top centre, clear of the
  // app's panels. The rectangles come from ui() (CSS pixels) and are handed to style.css as custom
  // properties (CSSOM, which the CSP allows). The app lays out on the frame after a resize, hence
  // the wait.
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
    place('panel:caption', '--caption');
    fitCaption();  // its width follows the toolbar's, and its height its width
  }
  window.addEventListener('resize', function () {
    requestAnimationFrame(() => requestAnimationFrame(followDiagram));
  });

  // ---- window.mlpExplorer ----------------------------------------------------------------------

  window.mlpPage = {
    ready, fail, announce, setLink, keptLink, forgetKeptLink, showMessages, toolbarState, documentText, focusChanged,
    keyboardLeft, statusChanged, sheetChanged, pickPointsFile,
  };

  window.mlpExplorer = {
    ready: false,
    failure: null,
    // The whole state: the network (the JSON of docs/design.md), z and a of every layer and sample, with
    // targets the loss and gradients (loss_value, sample_losses, dz, dw, db), the link fragment,
    // the current error message (or null) and warnings.
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
    // n steps of gradient descent (every weight and bias moves by -lr times its gradient, from
    // the state before each step), one undo step in all, and returns state(). n is a whole
    // number from 1 to 10,000 (default 1); anything else is refused with `error` set and nothing
    // changed, as is a network without targets.
    step(n = 1) {
      requireReady();
      Module._mlp_step(typeof n === 'number' ? n : NaN);
      return this.state();
    },
    // Every point of the data set, in the order made: [{ x: [inputs after the features],
    // y: [targets], test: bool }], [] without a data set.
    points() { return callForJson('mlp_points_json'); },
    // n epochs of training on the data set (each visits every train point once, in batches, in
    // an order fixed by the seed and the epoch), one undo step in all, and returns state(). n is
    // a whole number from 1 to 10,000 (default 1); anything else is refused as for step(n), as
    // is a document without a data set.
    train(n = 1) {
      requireReady();
      Module._mlp_train(typeof n === 'number' ? n : NaN);
      return this.state();
    },
    // The app's own CPU time of the frames drawn since the previous call (at most the last 600),
    // oldest first, in milliseconds: { phases: [names], frames: [{ start, total, edited, events,
    // ui, diagram_gl, imgui_gl, page }], startup: { main, gl_context, app, first_frame } }.
    // edited: the frame changed the network or inputs; start and startup are performance.now()
    // times. src/platform/frame_timer.h says what each phase holds; ./build.sh bench reads this.
    // How many frames the app has run (drawn or not): a test waits for the app's own frames.
    framesRun() { return Module.calledRun ? Module._mlp_frames_run() : 0; },
    // Runs at least n more frames (default 3), from the next animation frame. The app draws only
    // while something changes (an input, a command, a resize) and is otherwise idle; a script
    // that waits for frames to go by (a test, a benchmark) asks for them.
    requestFrames(n = 3) {
      if (Module.calledRun) Module._mlp_request_frames(Math.min(1e6, Math.max(1, Math.floor(Number(n)) || 3)));
    },
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
  // The fields Emscripten reads from here are listed in cmake/web_app.cmake
  // (INCOMING_MODULE_JS_API): a new one must be added there too.
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

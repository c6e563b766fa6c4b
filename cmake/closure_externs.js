// Names Closure (emcc --closure 1, see cmake/web_app.cmake) must not shorten, beyond those
// Emscripten already declares: what scripts outside the generated JavaScript read from Module.
// web/page.js uses only exported names (Module._mlp_*, Module.UTF8ToString...), which Closure
// keeps anyway.
/** @externs */

/**
 * The WebGL context Emscripten made on the canvas: the browser tests check that the app draws
 * through WebGL2 (tests/browser/harness.js) and lose and restore it (robustness_context.test.js).
 * @type {WebGL2RenderingContext}
 */
Module.ctx;

/**
 * The page's functions the app calls (web/page.js defines window.mlpPage; the EM_JS functions of
 * src/platform/web_page.cpp, the one place the app calls the page from, call them as
 * globalThis.mlpPage).
 * @const
 */
var mlpPage = {};
/** @type {function()} */
mlpPage.ready;
/** @type {function(string)} */
mlpPage.fail;
/** @type {function(string)} */
mlpPage.announce;
/** @type {function(string, number)} */
mlpPage.setLink;
/** @type {function(): string} */
mlpPage.keptLink;
/** @type {function()} */
mlpPage.forgetKeptLink;
/** @type {function(string, string, string)} */
mlpPage.showMessages;
/** @type {function(boolean, boolean, string)} */
mlpPage.toolbarState;
/** @type {function(string, string)} */
mlpPage.documentText;
/** @type {function(string)} */
mlpPage.focusChanged;
/** @type {function(number)} */
mlpPage.keyboardLeft;
/** @type {function(string)} */
mlpPage.statusChanged;
/** @type {function()} */
mlpPage.sheetChanged;
/** @type {function()} */
mlpPage.pickPointsFile;

/**
 * A browser global Closure's own externs declare only on Window.prototype; the EM_JS code of
 * src/platform/frame_scheduler.cpp calls it bare.
 * @param {string} query
 * @return {MediaQueryList}
 */
function matchMedia(query) {}

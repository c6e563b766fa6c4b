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
 * src/platform/web_page.cpp and editor_api.cpp call them as globalThis.mlpPage).
 * @const
 */
var mlpPage = {};
/** @type {function()} */
mlpPage.ready;
/** @type {function(string)} */
mlpPage.fail;
/** @type {function(string)} */
mlpPage.announce;
/** @type {function(string)} */
mlpPage.setFragment;
/** @type {function(string, string)} */
mlpPage.showMessages;
/** @type {function(boolean, boolean, string)} */
mlpPage.toolbarState;

// glGetIntegerv without a round trip to the GPU process for the state Dear ImGui's OpenGL3 backend
// saves and restores every frame (ImGui_ImplOpenGL3_RenderDrawData: the scissor box, the blend
// functions and equations). Linked with --js-library (cmake/web_app.cmake).
//
// Why: Chromium answers WebGL's getParameter for these from the GPU process, synchronously, so
// each query waits until every GL command queued before it has been executed. With SwiftShader
// (headless Chromium, machines without a usable GPU) that is the diagram's whole drawing: 15 to
// 25 ms of a 17 ms frame spent blocked in getParameter(SCISSOR_BOX) and friends (docs/benchmarks.md,
// "The GL state backup"). The backend is third-party code we do not patch; instead the
// functions that set this state (all of them: scissor, blendFunc, blendFuncSeparate,
// blendEquation, blendEquationSeparate) also keep a copy here, and glGetIntegerv answers from
// the copy once it holds a value set through them. Anything else, and anything not yet set, is
// asked of WebGL as before. Values the app passes are ones WebGL accepts (it would otherwise
// raise INVALID_ENUM and keep the old state, which this copy would not know).
//
// A lost context forgets its state: the copy is dropped then, and filled again by the next calls.

mergeInto(LibraryManager.library, {
  $mlpGlState: {
    ctx: null,     // the WebGL context the copy belongs to
    scissor: null, // [x, y, width, height]
    blend: null,   // [src rgb, dst rgb, src alpha, dst alpha]
    equation: null, // [rgb, alpha]
    // The copy for the current context, created (and tied to its context loss) on first use.
    current: function() {
      if (mlpGlState.ctx !== GLctx) {
        mlpGlState.ctx = GLctx;
        mlpGlState.scissor = mlpGlState.blend = mlpGlState.equation = null;
        if (GLctx && GLctx.canvas && GLctx.canvas.addEventListener) {
          var ctx = GLctx;
          GLctx.canvas.addEventListener('webglcontextlost', function() {
            if (mlpGlState.ctx === ctx) mlpGlState.scissor = mlpGlState.blend = mlpGlState.equation = null;
          });
        }
      }
      return mlpGlState;
    },
  },

  glScissor__deps: ['$mlpGlState'],
  glScissor__sig: 'viiii',
  glScissor: function(x, y, width, height) {
    GLctx.scissor(x, y, width, height);
    mlpGlState.current().scissor = [x, y, width, height];
  },

  glBlendFunc__deps: ['$mlpGlState'],
  glBlendFunc__sig: 'vii',
  glBlendFunc: function(src, dst) {
    GLctx.blendFunc(src, dst);
    mlpGlState.current().blend = [src, dst, src, dst];
  },

  glBlendFuncSeparate__deps: ['$mlpGlState'],
  glBlendFuncSeparate__sig: 'viiii',
  glBlendFuncSeparate: function(srcRGB, dstRGB, srcAlpha, dstAlpha) {
    GLctx.blendFuncSeparate(srcRGB, dstRGB, srcAlpha, dstAlpha);
    mlpGlState.current().blend = [srcRGB, dstRGB, srcAlpha, dstAlpha];
  },

  glBlendEquation__deps: ['$mlpGlState'],
  glBlendEquation__sig: 'vi',
  glBlendEquation: function(mode) {
    GLctx.blendEquation(mode);
    mlpGlState.current().equation = [mode, mode];
  },

  glBlendEquationSeparate__deps: ['$mlpGlState'],
  glBlendEquationSeparate__sig: 'vii',
  glBlendEquationSeparate: function(modeRGB, modeAlpha) {
    GLctx.blendEquationSeparate(modeRGB, modeAlpha);
    mlpGlState.current().equation = [modeRGB, modeAlpha];
  },

  glGetIntegerv__deps: ['$mlpGlState', '$emscriptenWebGLGet'],
  glGetIntegerv__sig: 'vii',
  glGetIntegerv: function(name_, p) {
    var state = mlpGlState.current();
    var values = null;
    switch (name_) {
      case 0x0C10: values = state.scissor; break;                          // GL_SCISSOR_BOX
      case 0x80C9: values = state.blend && [state.blend[0]]; break;        // GL_BLEND_SRC_RGB
      case 0x80C8: values = state.blend && [state.blend[1]]; break;        // GL_BLEND_DST_RGB
      case 0x80CB: values = state.blend && [state.blend[2]]; break;        // GL_BLEND_SRC_ALPHA
      case 0x80CA: values = state.blend && [state.blend[3]]; break;        // GL_BLEND_DST_ALPHA
      case 0x8009: values = state.equation && [state.equation[0]]; break;  // GL_BLEND_EQUATION_RGB
      case 0x883D: values = state.equation && [state.equation[1]]; break;  // GL_BLEND_EQUATION_ALPHA
    }
    if (values && p) {
      for (var i = 0; i < values.length; i++) HEAP32[(p >> 2) + i] = values[i];
      return;
    }
    emscriptenWebGLGet(name_, p, {{{ cDefine('EM_FUNC_SIG_PARAM_I') }}});
  },
});

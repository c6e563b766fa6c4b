# The page: core + ImGui UI + SDL2/WebGL2 platform code, compiled to build/web by Emscripten,
# twice: mlp_explorer.js/.wasm for every browser and mlp_explorer_simd.js/.wasm, whose core loops
# use wasm SIMD, for the browsers that have it (web/page.js picks one).
set(MLP_IMGUI_DIR "" CACHE PATH "Dear ImGui sources (build.sh: from Debian's imgui source package)")
set(MLP_SDL2_DIR "" CACHE PATH "SDL2 built for wasm: include/SDL2 and lib/libSDL2.a (build.sh)")
set(MLP_WEB_OUTPUT_DIR "${CMAKE_SOURCE_DIR}/build/web" CACHE PATH "Where the page is written")
set(MLP_FONT_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" CACHE FILEPATH "UI font (fonts-dejavu-core)")
set(MLP_CLOSURE_COMPILER "" CACHE FILEPATH
  "google-closure-compiler from npm (build.sh installs it); empty: the JavaScript is not minified by Closure")
foreach(dir MLP_IMGUI_DIR MLP_SDL2_DIR)
  if(NOT EXISTS "${${dir}}")
    message(FATAL_ERROR "${dir} is not set or missing: run ./build.sh deps")
  endif()
endforeach()

# --- Optimisation, per target ----------------------------------------------------------------
# Each target gets its own flags; the build type adds only -DNDEBUG, so these decide alone. They
# can be overridden with -D (./build.sh bench builds its variants so). docs/benchmarks.md
# ("Levers") measures the alternatives: the core's inner loops are where the time goes, so they
# are built for speed; the rest of the core (nlohmann-json's templates, fmt, the documents),
# ImGui and the app are most of the bytes and take a fraction of a millisecond a frame, so they
# are built for size, as is the link (wasm-opt -Oz leaves the inner loops as fast).
set(CMAKE_CXX_FLAGS_RELEASE "-DNDEBUG")
set(CMAKE_C_FLAGS_RELEASE "-DNDEBUG")
macro(mlp_default var value)
  if(NOT DEFINED ${var})
    set(${var} "${value}")
  endif()
endmacro()
mlp_default(MLP_WASM_CORE_FLAGS "-Oz")   # src/core but its inner loops: the documents, JSON, undo
mlp_default(MLP_WASM_HOT_FLAGS "-O3")    # the core's inner loops (MLP_CORE_HOT_SOURCES)
mlp_default(MLP_WASM_IMGUI_FLAGS "-Oz")  # Dear ImGui and its backends
mlp_default(MLP_WASM_APP_FLAGS "-Oz")    # src/app, src/platform
mlp_default(MLP_WASM_LINK_FLAGS "-Oz -sMALLOC=emmalloc")  # wasm-opt's passes, the JS, the allocator
mlp_default(MLP_WASM_SIMD_FLAGS "-msimd128")  # added to the inner loops' flags in the SIMD build
separate_arguments(MLP_WASM_CORE_FLAGS_LIST UNIX_COMMAND "${MLP_WASM_CORE_FLAGS}")
separate_arguments(MLP_WASM_IMGUI_FLAGS_LIST UNIX_COMMAND "${MLP_WASM_IMGUI_FLAGS}")
separate_arguments(MLP_WASM_APP_FLAGS_LIST UNIX_COMMAND "${MLP_WASM_APP_FLAGS}")
separate_arguments(MLP_WASM_LINK_FLAGS_LIST UNIX_COMMAND "${MLP_WASM_LINK_FLAGS}")
separate_arguments(MLP_WASM_HOT_FLAGS_LIST UNIX_COMMAND "${MLP_WASM_HOT_FLAGS}")
separate_arguments(MLP_WASM_SIMD_FLAGS_LIST UNIX_COMMAND "${MLP_WASM_SIMD_FLAGS}")
# The page uses neither C++ exceptions (Emscripten would abort on a throw anyway: catching is off
# by default) nor RTTI; without them every target is a little smaller. Nor does it ever exit
# (-sEXIT_RUNTIME=0): the destructors of static objects would never run, so they are not compiled.
set(MLP_WASM_LEAN_CXX -fno-exceptions -fno-rtti -fno-c++-static-destructors)
target_compile_options(mlp_core PRIVATE ${MLP_WASM_CORE_FLAGS_LIST} ${MLP_WASM_LEAN_CXX})
# Where the time goes with a large network: the forward pass, the edges' bins and geometry of a
# frame, and a link's numbers read and written (load, and the address bar after each edit).
# A source file's options come after its target's, so these flags win for these files. They
# speed up the forward pass (~20 % in wasm) but not the link's numbers as much as a whole core at
# -O3 does (decode 4x slower, see docs/benchmarks.md "Levers"): the standard library's inline
# templates (std::string, string_view) are emitted by every file, and the linker keeps one copy,
# often one built for size. The whole core at -O3 or -O2 is 20-24 kB more (gzip).
set(MLP_CORE_HOT_SOURCES model/forward_pass model/backward_pass diagram/edge_bins diagram/diagram_geometry
    formats/number_text formats/link_decoder formats/link_codec)
list(TRANSFORM MLP_CORE_HOT_SOURCES PREPEND "${CMAKE_SOURCE_DIR}/src/core/")
list(TRANSFORM MLP_CORE_HOT_SOURCES APPEND ".cpp")
set_property(SOURCE ${MLP_CORE_HOT_SOURCES} APPEND PROPERTY COMPILE_OPTIONS ${MLP_WASM_HOT_FLAGS_LIST})

# The same inner loops with wasm SIMD (-msimd128: the compiler vectorizes them, about twice the
# forward pass's speed, docs/benchmarks.md). Only they are compiled twice: the SIMD build links
# these objects before mlp_core, so the library's plain copies of them are never pulled in, and
# everything else (which gains nothing from SIMD) is shared by both builds. A module with any SIMD
# instruction fails to compile in a browser without SIMD, so the plain build has none.
add_library(mlp_core_hot_simd OBJECT ${MLP_CORE_HOT_SOURCES})
target_link_libraries(mlp_core_hot_simd PRIVATE mlp_core)  # its include directories
target_compile_options(mlp_core_hot_simd PRIVATE -Wall -Wextra -Wpedantic -Wshadow ${MLP_WASM_CORE_FLAGS_LIST}
  ${MLP_WASM_LEAN_CXX} ${MLP_WASM_SIMD_FLAGS_LIST})

set(GEN "${CMAKE_BINARY_DIR}/generated")
file(MAKE_DIRECTORY "${GEN}")

# --- The font: DejaVu Sans cut down to the characters the UI writes -------------------------
# The same ranges feed the subsetter and ImGui's glyph table, so what is drawn is what is shipped.
# Hinting and the tables stb_truetype never reads (layout, math) are left out.
set(MLP_FONT_RANGES
  0x0020 0x007E   # ASCII
  0x00A0 0x00FF   # Latin-1: middle dot, multiplication sign, accented letters in names
  0x03B4 0x03B4   # delta: the backward pass's δ = ∂L/∂z
  0x1D40 0x1D40   # modifier capital T: Wᵀ
  0x2010 0x2027   # dashes, bullet, ellipsis
  0x2032 0x2032   # prime: f′(z)
  0x2070 0x207B   # superscript digits and minus: 1.2×10⁻⁷ (core/text/number_format.h)
  0x2190 0x2193   # arrows: z -> ReLU -> a
  0x2202 0x2202   # partial derivative: ∂L/∂w
  0x2211 0x2212   # sum, minus sign
  0x2248 0x2248   # almost equal
  0x2260 0x2265   # not equal, less/greater or equal
  0x25B2 0x25BC   # triangles for collapse/expand
  0x2713 0x2717   # check mark and ballot x for exercise answers
)
set(unicodes "")
set(table "")
list(LENGTH MLP_FONT_RANGES n)
math(EXPR last "${n} - 1")
foreach(i RANGE 0 ${last} 2)
  math(EXPR j "${i} + 1")
  list(GET MLP_FONT_RANGES ${i} lo)
  list(GET MLP_FONT_RANGES ${j} hi)
  math(EXPR lo_dec "${lo}")
  math(EXPR hi_dec "${hi}")
  math(EXPR lo_hex "${lo}" OUTPUT_FORMAT HEXADECIMAL)
  math(EXPR hi_hex "${hi}" OUTPUT_FORMAT HEXADECIMAL)
  string(REPLACE "0x" "" lo_u "${lo_hex}")
  string(REPLACE "0x" "" hi_u "${hi_hex}")
  list(APPEND unicodes "U+${lo_u}-${hi_u}")
  string(APPEND table "${lo_dec}, ${hi_dec}, ")
endforeach()
string(REPLACE ";" "," unicodes "${unicodes}")
file(WRITE "${GEN}/font_glyph_ranges.h.tmp"
  "// Generated by cmake/web_app.cmake from MLP_FONT_RANGES. Do not edit.\n#pragma once\n"
  "static const unsigned short kFontGlyphRanges[] = {${table}0};\n")
configure_file("${GEN}/font_glyph_ranges.h.tmp" "${GEN}/font_glyph_ranges.h" COPYONLY)

find_program(PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
add_custom_command(
  OUTPUT "${GEN}/ui_font.ttf"
  COMMAND "${PYTHON3}" -m fontTools.subset "${MLP_FONT_SOURCE}" "--unicodes=${unicodes}"
          --no-hinting --desubroutinize --layout-features= "--drop-tables+=MATH,GDEF,GSUB,GPOS,gasp"
          "--output-file=${GEN}/ui_font.ttf"
  DEPENDS "${MLP_FONT_SOURCE}" "${CMAKE_CURRENT_LIST_FILE}"
  COMMENT "Subsetting the UI font")

# --- Embedded files: the font and every shader in shaders/ ------------------------------------
set(EMBEDDED_SOURCES "")
function(mlp_embed input symbol)  # ARGN: GLSL (a shader: its comments are left out)
  set(output "${GEN}/embedded_${symbol}.cpp")
  set(glsl OFF)
  if("GLSL" IN_LIST ARGN)
    set(glsl ON)
  endif()
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" "-DINPUT=${input}" "-DOUTPUT=${output}" "-DSYMBOL=${symbol}" "-DGLSL=${glsl}"
            -P "${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake"
    DEPENDS "${input}" "${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake"
    COMMENT "Embedding ${symbol}")
  set(EMBEDDED_SOURCES ${EMBEDDED_SOURCES} "${output}" PARENT_SCOPE)
endfunction()
mlp_embed("${GEN}/ui_font.ttf" ui_font_ttf)
# shaders/diagram_edge.vert -> symbol shader_diagram_edge_vert
file(GLOB MLP_SHADERS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shaders/*.vert" "${CMAKE_SOURCE_DIR}/shaders/*.frag")
foreach(shader ${MLP_SHADERS})
  get_filename_component(name "${shader}" NAME)
  string(REPLACE "." "_" symbol "shader_${name}")
  mlp_embed("${shader}" "${symbol}" GLSL)
endforeach()

# --- Dear ImGui ------------------------------------------------------------------------------
add_library(imgui STATIC
  "${MLP_IMGUI_DIR}/imgui.cpp"
  "${MLP_IMGUI_DIR}/imgui_draw.cpp"
  "${MLP_IMGUI_DIR}/imgui_tables.cpp"
  "${MLP_IMGUI_DIR}/imgui_widgets.cpp"
  "${MLP_IMGUI_DIR}/backends/imgui_impl_sdl.cpp"
  "${MLP_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${MLP_IMGUI_DIR}" "${MLP_IMGUI_DIR}/backends" "${MLP_SDL2_DIR}/include/SDL2")
target_compile_definitions(imgui PUBLIC
  IMGUI_IMPL_OPENGL_ES3              # WebGL2 is OpenGL ES 3.0
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_DEMO_WINDOWS         # the demo is 400 KB of code no user sees
  IMGUI_DISABLE_DEBUG_TOOLS
  IMGUI_DISABLE_FILE_FUNCTIONS)      # its ini and log files: the page reads and writes no files (1.6 kB gzip)
target_compile_options(imgui PRIVATE -w ${MLP_WASM_IMGUI_FLAGS_LIST} ${MLP_WASM_LEAN_CXX})
# ImGui's built-in font is never shown: src/app/fonts_no_default.cpp stands in for the function
# that adds it, so its 12 kB are not linked (see that file). Nor are the tables' .ini settings,
# which the page never reads or writes (src/app/imgui_no_table_settings.cpp).
set(MLP_IMGUI_LINK_OPTIONS "-Wl,--wrap=_ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig"
    "-Wl,--wrap=_ZN5ImGui27TableSettingsInstallHandlerEP12ImGuiContext")

# --- The app, linked twice: mlp_explorer (plain) and mlp_explorer_simd -------------------------
file(GLOB MLP_APP_SOURCES CONFIGURE_DEPENDS
  "${CMAKE_SOURCE_DIR}/src/app/*.cpp"
  "${CMAKE_SOURCE_DIR}/src/platform/*.cpp")
add_library(mlp_app OBJECT ${MLP_APP_SOURCES} ${EMBEDDED_SOURCES})
target_include_directories(mlp_app PRIVATE "${CMAKE_SOURCE_DIR}/src" "${GEN}")
target_compile_options(mlp_app PRIVATE -Wall -Wextra ${MLP_WASM_APP_FLAGS_LIST} ${MLP_WASM_LEAN_CXX})
target_link_libraries(mlp_app PRIVATE mlp_core imgui)  # for their include directories and definitions

# What SDL's recipe (cmake/sdl2_wasm) asks of whoever links it: its stand-ins for the SDL
# functions the page does not need.
set(MLP_SDL2_LINK_OPTIONS "")
if(EXISTS "${MLP_SDL2_DIR}/lib/link_options.txt")
  file(STRINGS "${MLP_SDL2_DIR}/lib/link_options.txt" MLP_SDL2_LINK_OPTIONS)
endif()

# One build of the page: <name>.js and <name>.wasm in MLP_WEB_OUTPUT_DIR, from the app's objects
# and the objects given after the name (the SIMD build's inner loops), then the libraries.
function(mlp_page name)
  add_executable(${name} $<TARGET_OBJECTS:mlp_app> ${ARGN})
  target_link_libraries(${name} PRIVATE mlp_core imgui "${MLP_SDL2_DIR}/lib/libSDL2.a")
  set_target_properties(${name} PROPERTIES
    SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY "${MLP_WEB_OUTPUT_DIR}")
  target_link_options(${name} PRIVATE
    ${MLP_WASM_LINK_FLAGS_LIST}
    -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2   # WebGL2 only: the diagram's shaders are GLSL ES 3.00
    -sALLOW_MEMORY_GROWTH=1                      # networks up to a million weights
    -sMAXIMUM_MEMORY=2GB
    -sDYNAMIC_EXECUTION=0                        # no eval or new Function: the page runs under a strict CSP
    -sENVIRONMENT=web
    -sFILESYSTEM=0                               # nothing is read from files; saves JS
    -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free
    -sEXIT_RUNTIME=0
    # Less JavaScript: only the Module fields web/page.js sets are read; Emscripten's own record of
    # GL errors, errno, setjmp, the deferred fullscreen and pointer-lock requests, and TextDecoder's
    # fallback are left out (the page uses none of them; every WebGL2 browser has TextDecoder).
    -sINCOMING_MODULE_JS_API=[canvas,print,printErr,onAbort]
    -sGL_TRACK_ERRORS=0 -sSUPPORT_ERRNO=0 -sSUPPORT_LONGJMP=0
    # WebGL extensions are enabled only when asked for, not all at context creation: the page uses
    # none (WebGL2 has instancing and vertex arrays), and enabling the ~30 a browser offers is one
    # synchronous round trip to the GPU process each, 50-100 ms of start-up in software GL.
    -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
    -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0 -sTEXTDECODER=2
    # wasm-opt repeats its passes while they still shrink the module (1.3 kB of gzip, ~15 s a link).
    -sBINARYEN_EXTRA_PASSES=--converge
    ${MLP_IMGUI_LINK_OPTIONS}
    ${MLP_SDL2_LINK_OPTIONS})
  # glGetIntegerv answers ImGui's per-frame GL state backup without a GPU round trip (see the
  # file). Off only to measure what it saves (./build.sh bench).
  if(MLP_WASM_GL_STATE_CACHE)
    target_link_options(${name} PRIVATE "--js-library=${CMAKE_SOURCE_DIR}/src/platform/gl_state_cache.js")
    set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/src/platform/gl_state_cache.js")
  endif()
  # The JavaScript glue minified by Closure (ADVANCED), a third of its size. Emscripten finds the
  # compiler through EM_CLOSURE_COMPILER, set for the link command alone.
  if(MLP_CLOSURE_COMPILER)
    target_link_options(${name} PRIVATE --closure=1
      "--closure-args=--externs=${CMAKE_SOURCE_DIR}/cmake/closure_externs.js")
    set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/cmake/closure_externs.js")
    set_property(TARGET ${name} PROPERTY RULE_LAUNCH_LINK
      "${CMAKE_COMMAND} -E env EM_CLOSURE_COMPILER=${MLP_CLOSURE_COMPILER}")
    add_dependencies(${name} closure_externs_check)
  endif()
endfunction()

# Every page.js function the app's EM_JS code calls (mlpPage.<name>) must be in the externs, or
# Closure renames the call: checked before linking (cmake/check_closure_externs.cmake).
if(MLP_CLOSURE_COMPILER)
  set(stamp "${CMAKE_BINARY_DIR}/closure_externs_checked")
  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND "${CMAKE_COMMAND}" "-DEXTERNS=${CMAKE_SOURCE_DIR}/cmake/closure_externs.js" "-DSTAMP=${stamp}"
            -P "${CMAKE_SOURCE_DIR}/cmake/check_closure_externs.cmake" ${MLP_APP_SOURCES}
    DEPENDS ${MLP_APP_SOURCES} "${CMAKE_SOURCE_DIR}/cmake/closure_externs.js"
            "${CMAKE_SOURCE_DIR}/cmake/check_closure_externs.cmake"
    COMMENT "Checking that Closure's externs name every page.js function the app calls"
    VERBATIM)
  add_custom_target(closure_externs_check DEPENDS "${stamp}")
endif()

option(MLP_WASM_GL_STATE_CACHE "Link src/platform/gl_state_cache.js" ON)
mlp_page(mlp_explorer)
mlp_page(mlp_explorer_simd $<TARGET_OBJECTS:mlp_core_hot_simd>)
target_link_options(mlp_explorer_simd PRIVATE ${MLP_WASM_SIMD_FLAGS_LIST})

# The page shell (web/) is written beside the .js and .wasm without what only a reader of the
# source needs: page.js minified by Closure (SIMPLE: local names shortened, comments and spaces left
# out; its window.mlpExplorer and mlpPage names kept), the HTML and CSS without comments and
# indentation (cmake/minify_web.py), about 10 kB of gzip in all. Anything else is copied.
file(GLOB MLP_WEB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*")
set(MLP_WEB_COPIES "")
foreach(f ${MLP_WEB_FILES})
  get_filename_component(name "${f}" NAME)
  set(out "${MLP_WEB_OUTPUT_DIR}/${name}")
  if(name STREQUAL "page.js" AND MLP_CLOSURE_COMPILER)
    set(make_it "${MLP_CLOSURE_COMPILER}" --compilation_level SIMPLE --language_in ECMASCRIPT_NEXT
                --language_out NO_TRANSPILE --emit_use_strict --js "${f}" --js_output_file "${out}")
  elseif(name MATCHES "\\.(css|html)$")
    set(make_it "${PYTHON3}" "${CMAKE_SOURCE_DIR}/cmake/minify_web.py" "${f}" "${out}")
  else()
    set(make_it "${CMAKE_COMMAND}" -E copy_if_different "${f}" "${out}")
  endif()
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${make_it}
    DEPENDS "${f}" "${CMAKE_SOURCE_DIR}/cmake/minify_web.py"
    VERBATIM)
  list(APPEND MLP_WEB_COPIES "${out}")
endforeach()
add_custom_target(web_shell ALL DEPENDS ${MLP_WEB_COPIES})

# --- Compressed copies beside every file, for hosts that serve them ----------------------------
# A static host that can send a file's .gz (or .br) to a browser that accepts it (nginx's
# gzip_static, Apache's MultiViews, Caddy's precompressed) then sends the best compression without
# compressing on the fly; hosts that cannot simply ignore them. gzip -n: no name or time stamp,
# so a rebuild of the same file gives the same bytes.
find_program(MLP_GZIP gzip REQUIRED)
find_program(MLP_BROTLI brotli REQUIRED)
set(MLP_WEB_COMPRESSED "")
function(mlp_compress file)  # ARGN: what makes the file (a target, or the file itself)
  add_custom_command(
    OUTPUT "${file}.gz" "${file}.br"
    COMMAND "${MLP_GZIP}" -9 -n -k -f "${file}"
    COMMAND "${MLP_BROTLI}" -q 11 -f -o "${file}.br" "${file}"
    DEPENDS ${ARGN}
    VERBATIM)
  set(MLP_WEB_COMPRESSED ${MLP_WEB_COMPRESSED} "${file}.gz" "${file}.br" PARENT_SCOPE)
endfunction()
foreach(copy ${MLP_WEB_COPIES})
  mlp_compress("${copy}" "${copy}")
endforeach()
foreach(page mlp_explorer mlp_explorer_simd)
  mlp_compress("${MLP_WEB_OUTPUT_DIR}/${page}.js" ${page})
  mlp_compress("${MLP_WEB_OUTPUT_DIR}/${page}.wasm" ${page})
endforeach()
add_custom_target(web_compressed ALL DEPENDS ${MLP_WEB_COMPRESSED})

# The core's wasm benchmark (./build.sh bench), when asked for.
include("${CMAKE_SOURCE_DIR}/cmake/benchmarks.cmake")

# The diagram's shaders checked at build time, in every build (native and wasm), so a broken
# shader fails `./build.sh build` and `./build.sh test` instead of the page at run time:
#   - glslangValidator (Debian's glslang-tools) compiles each shaders/*.vert|frag, its stage
#     from the extension and its profile from its `#version 300 es` line (WebGL2's GLSL ES 3.00);
#   - cmake/check_shader_uniforms.cmake checks that every shader says `#version 300 es` and that
#     every uniform the C++ looks up (src/app/diagram_renderer.cpp) is declared in its program's
#     shaders.
# Kept apart from cmake/web_app.cmake, which embeds the same files into the wasm.
find_program(MLP_GLSLANG_VALIDATOR glslangValidator)
if(NOT MLP_GLSLANG_VALIDATOR)
  message(FATAL_ERROR "glslangValidator (Debian's glslang-tools) is missing: run ./build.sh deps")
endif()

file(GLOB MLP_CHECKED_SHADERS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shaders/*.vert" "${CMAKE_SOURCE_DIR}/shaders/*.frag")
set(MLP_UNIFORM_USERS "${CMAKE_SOURCE_DIR}/src/app/diagram_renderer.cpp")
set(checks_dir "${CMAKE_BINARY_DIR}/shader_checks")
file(MAKE_DIRECTORY "${checks_dir}")
set(stamps "")
foreach(shader ${MLP_CHECKED_SHADERS})
  get_filename_component(name "${shader}" NAME)
  set(stamp "${checks_dir}/${name}.ok")
  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND "${MLP_GLSLANG_VALIDATOR}" "${shader}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS "${shader}"
    COMMENT "Validating shaders/${name} (GLSL ES 3.00, glslangValidator)"
    VERBATIM)
  list(APPEND stamps "${stamp}")
endforeach()
set(stamp "${checks_dir}/uniforms.ok")
add_custom_command(
  OUTPUT "${stamp}"
  COMMAND "${CMAKE_COMMAND}" "-DSHADER_DIR=${CMAKE_SOURCE_DIR}/shaders" "-DSOURCES=${MLP_UNIFORM_USERS}"
          -P "${CMAKE_SOURCE_DIR}/cmake/check_shader_uniforms.cmake"
  COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
  DEPENDS ${MLP_CHECKED_SHADERS} ${MLP_UNIFORM_USERS} "${CMAKE_SOURCE_DIR}/cmake/check_shader_uniforms.cmake"
  COMMENT "Checking the uniforms the C++ sets against the shaders"
  VERBATIM)
list(APPEND stamps "${stamp}")
add_custom_target(shader_checks ALL DEPENDS ${stamps})

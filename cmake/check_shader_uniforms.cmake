# cmake -DSHADER_DIR=shaders -DSOURCES="a.cpp;b.cpp" -P check_shader_uniforms.cmake
# Fails (naming the file and the uniform) when
#   - a shader in SHADER_DIR does not start with `#version 300 es` (GLSL ES 3.00, WebGL2's), or
#   - a source looks up a uniform its program's shaders do not declare. The C++ names a program
#     `<kind>_program_` and looks uniforms up by literal name as its next argument
#     (glGetUniformLocation(edge_program_, "u_view"), set_colour(node_program_, "u_ink", ...));
#     that program is built from shaders/diagram_<kind>.vert and .frag. A "u_..." literal not in
#     that form fails too, as a lookup this check cannot follow.
# Run at build time by cmake/shader_checks.cmake.
cmake_minimum_required(VERSION 3.16)

file(GLOB shaders "${SHADER_DIR}/*.vert" "${SHADER_DIR}/*.frag")
set(failures "")
foreach(shader ${shaders})
  get_filename_component(name "${shader}" NAME)
  file(STRINGS "${shader}" first_line LIMIT_COUNT 1)
  if(NOT first_line STREQUAL "#version 300 es")
    string(APPEND failures "\n  shaders/${name}: the first line must be `#version 300 es` (WebGL2), not `${first_line}`")
  endif()
endforeach()

# The uniforms a shader declares: `uniform <type> <name>` or `uniform <type> <name>[N]`.
function(declared_uniforms shader out)
  set(names "")
  if(EXISTS "${shader}")
    file(STRINGS "${shader}" lines REGEX "^[ \t]*uniform[ \t]")
    foreach(line ${lines})
      string(REGEX REPLACE "^[ \t]*uniform[ \t]+([a-z]+[ \t]+)?[A-Za-z0-9_]+[ \t]+([A-Za-z0-9_]+).*" "\\2" name "${line}")
      list(APPEND names "${name}")
    endforeach()
  endif()
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

set(checked 0)
foreach(source ${SOURCES})
  get_filename_component(source_name "${source}" NAME)
  file(READ "${source}" text)
  string(REGEX MATCHALL "\"u_[A-Za-z0-9_]*\"" literals "${text}")
  string(REGEX MATCHALL "[a-z]+_program_[ \t\r\n]*,[ \t\r\n]*\"u_[A-Za-z0-9_]*\"" lookups "${text}")
  list(LENGTH literals n_literals)
  list(LENGTH lookups n_lookups)
  if(NOT n_literals EQUAL n_lookups)
    string(APPEND failures "\n  ${source_name}: ${n_literals} uniform names but only ${n_lookups} in the form <kind>_program_, \"u_name\"")
  endif()
  foreach(lookup ${lookups})
    string(REGEX REPLACE "^([a-z]+)_program_.*\"(u_[A-Za-z0-9_]*)\"$" "\\1;\\2" parts "${lookup}")
    list(GET parts 0 kind)
    list(GET parts 1 uniform)
    declared_uniforms("${SHADER_DIR}/diagram_${kind}.vert" vert)
    declared_uniforms("${SHADER_DIR}/diagram_${kind}.frag" frag)
    if(NOT uniform IN_LIST vert AND NOT uniform IN_LIST frag)
      string(APPEND failures "\n  ${source_name}: ${kind}_program_ sets ${uniform}, which neither shaders/diagram_${kind}.vert nor .frag declares")
    endif()
    math(EXPR checked "${checked} + 1")
  endforeach()
endforeach()

if(failures)
  message(FATAL_ERROR "Shader check failed:${failures}")
endif()
message(STATUS "${checked} uniform lookups match their shaders")

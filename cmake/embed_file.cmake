# Turns a file into a C++ source holding its bytes, so shaders and the font are compiled into the
# wasm instead of fetched at run time. Run in script mode:
#   cmake -DINPUT=<file> -DOUTPUT=<file.cpp> -DSYMBOL=<name> [-DGLSL=ON] -P embed_file.cmake
# The bytes are followed by a NUL (so a shader can be used as a C string); <SYMBOL>_size does
# not count it.
#
# GLSL=ON: a shader's // comments and indentation are left out (they are most of its bytes and the
# GPU driver has no use for them); its lines stay where they are, so the line numbers of a compile
# error still point into the file in shaders/.
if(GLSL)
  file(READ "${INPUT}" text)
  string(REGEX REPLACE "//[^\n]*" "" text "${text}")
  string(REGEX REPLACE "[ \t]+\n" "\n" text "${text}")
  string(REGEX REPLACE "\n[ \t]+" "\n" text "${text}")
  string(HEX "${text}" hex)
else()
  file(READ "${INPUT}" hex HEX)
endif()
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
get_filename_component(input_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}" "// Generated from ${input_name} by cmake/embed_file.cmake. Do not edit.\n"
  "#include <cstddef>\n"
  "extern const unsigned char ${SYMBOL}[] = {\n${bytes}0x00};\n"
  "extern const size_t ${SYMBOL}_size = ${size};\n")

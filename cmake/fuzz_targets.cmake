# libFuzzer targets for the decoders of untrusted text (tests/fuzz/*_fuzz.cpp), built only in a
# clang build configured with -DMLP_FUZZ=ON (build.sh: build/fuzz, CC=clang CXX=clang++). The
# core is compiled with coverage and AddressSanitizer + UndefinedBehaviorSanitizer for them.
option(MLP_FUZZ "Build the libFuzzer targets (clang only)" OFF)
file(GLOB MLP_FUZZ_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/fuzz/*_fuzz.cpp")
if(MLP_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MLP_FUZZ needs clang (libFuzzer): configure with CC=clang CXX=clang++")
  endif()
  set(MLP_FUZZ_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(mlp_core PRIVATE -fsanitize=fuzzer-no-link ${MLP_FUZZ_FLAGS})
  foreach(source ${MLP_FUZZ_SOURCES})
    get_filename_component(name "${source}" NAME_WE)
    add_executable(${name} "${source}")
    target_link_libraries(${name} PRIVATE mlp_core)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer ${MLP_FUZZ_FLAGS})
    target_link_options(${name} PRIVATE -fsanitize=fuzzer ${MLP_FUZZ_FLAGS})
  endforeach()
else()
  # The same targets without libFuzzer, as <name>_replay (tests/fuzz/replay_main.cpp): they run
  # the committed regression inputs and the seeds in the native builds (plain, ASan+UBSan and
  # under valgrind), with any compiler.
  foreach(source ${MLP_FUZZ_SOURCES})
    get_filename_component(name "${source}" NAME_WE)
    add_executable(${name}_replay "${source}" "${CMAKE_SOURCE_DIR}/tests/fuzz/replay_main.cpp")
    target_link_libraries(${name}_replay PRIVATE mlp_core)
    target_compile_options(${name}_replay PRIVATE -Wall -Wextra)
  endforeach()
endif()

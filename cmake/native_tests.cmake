# Native tests of the core: doctest unit tests, golden values and the numpy reference.
enable_testing()
file(GLOB MLP_CORE_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/core/*.cpp")
add_executable(mlp_core_tests ${MLP_CORE_TEST_SOURCES})
# The app's logic that needs no ImGui (what the page's screen reader mirror says), tested too.
add_library(mlp_app_text STATIC
  "${CMAKE_SOURCE_DIR}/src/app/activation_label.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/control_description.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/number_format.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/text_alternative.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/value_mask.cpp")
target_link_libraries(mlp_app_text PUBLIC mlp_core)
target_compile_options(mlp_app_text PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
target_link_libraries(mlp_core_tests PRIVATE mlp_core mlp_app_text)
target_compile_options(mlp_core_tests PRIVATE -Wall -Wextra)
add_test(NAME mlp_core_tests COMMAND mlp_core_tests)

# Further native targets (fuzzers, benchmarks) live in their own files when present.
foreach(extra fuzz_targets benchmarks)
  if(EXISTS "${CMAKE_SOURCE_DIR}/cmake/${extra}.cmake")
    include("${CMAKE_SOURCE_DIR}/cmake/${extra}.cmake")
  endif()
endforeach()

# The numpy reference cases, generated at build time by an independent implementation.
set(MLP_REFERENCE_CASES "${CMAKE_BINARY_DIR}/reference_cases.txt")
add_custom_command(
  OUTPUT "${MLP_REFERENCE_CASES}"
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/tests/reference/forward_reference.py" "${MLP_REFERENCE_CASES}"
  DEPENDS "${CMAKE_SOURCE_DIR}/tests/reference/forward_reference.py"
  COMMENT "Computing reference forward passes with numpy")
add_custom_target(reference_cases DEPENDS "${MLP_REFERENCE_CASES}")
add_dependencies(mlp_core_tests reference_cases)
target_compile_definitions(mlp_core_tests PRIVATE MLP_REFERENCE_CASES="${MLP_REFERENCE_CASES}")

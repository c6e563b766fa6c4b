# Native tests of the core: doctest unit tests, golden values and the numpy reference.
enable_testing()
file(GLOB MLP_CORE_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/core/*.cpp")
add_executable(mlp_core_tests ${MLP_CORE_TEST_SOURCES})
# The app's logic that needs no ImGui, tested too: exercise mode's state, view sync, the tooltips,
# what the page's screen reader mirror says.
add_library(mlp_app_text STATIC
  "${CMAKE_SOURCE_DIR}/src/app/activation_label.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/backward_sheet.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/control_description.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/diagram_text.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/exercise_state.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/frame_damage.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/loss_history.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/node_pictures.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/picture_schedule.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/plane_image.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/point_coverage.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/point_layer.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/sample_marker.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/text_alternative.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/training_pace.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/training_text.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/value_mask.cpp"
  "${CMAKE_SOURCE_DIR}/src/app/view_sync.cpp")
target_link_libraries(mlp_app_text PUBLIC mlp_core)
target_compile_options(mlp_app_text PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
target_link_libraries(mlp_core_tests PRIVATE mlp_core mlp_app_text)
# The page's sscanf (the platform's one file without Emscripten), checked against the C library's.
target_sources(mlp_core_tests PRIVATE "${CMAKE_SOURCE_DIR}/src/platform/scan_format.cpp")
target_compile_options(mlp_core_tests PRIVATE -Wall -Wextra)
add_test(NAME mlp_core_tests COMMAND mlp_core_tests)

# Further native targets (fuzzers, benchmarks) live in their own files when present.
foreach(extra fuzz_targets benchmarks)
  if(EXISTS "${CMAKE_SOURCE_DIR}/cmake/${extra}.cmake")
    include("${CMAKE_SOURCE_DIR}/cmake/${extra}.cmake")
  endif()
endforeach()

# The numpy reference cases, generated at build time by independent implementations: the forward
# pass, the loss and backward pass, and full-batch training with each optimizer.
foreach(kind forward backward training)
  set(script "${CMAKE_SOURCE_DIR}/tests/reference/${kind}_reference.py")
  set(cases "${CMAKE_BINARY_DIR}/${kind}_reference_cases.txt")
  add_custom_command(
    OUTPUT "${cases}"
    COMMAND /usr/bin/python3 "${script}" "${cases}"
    DEPENDS "${script}" "${CMAKE_SOURCE_DIR}/tests/reference/forward_reference.py"
            "${CMAKE_SOURCE_DIR}/tests/reference/backward_reference.py"
    COMMENT "Computing reference cases with numpy: ${kind}")
  add_custom_target(${kind}_reference_cases DEPENDS "${cases}")
  add_dependencies(mlp_core_tests ${kind}_reference_cases)
  string(TOUPPER "${kind}" KIND)
  target_compile_definitions(mlp_core_tests PRIVATE MLP_${KIND}_REFERENCE_CASES="${cases}")
endforeach()

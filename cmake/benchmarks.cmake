# Benchmarks of the core, built only when ./build.sh bench asks (-DMLP_BENCHMARKS=ON): the test
# builds neither compile nor run them.
#   native (build/bench-native, Release): Google Benchmark (Debian's libbenchmark-dev), and
#     mlp_bench_links, which writes the benchmark networks' links for numpy and the page;
#   Emscripten (build/bench-page, build/bench-levers/*): the same core compiled to wasm and timed
#     under Node, once per set of compiler flags (see MLP_WASM_CORE_FLAGS in cmake/web_app.cmake),
#     plain and with the SIMD build's inner loops.
option(MLP_BENCHMARKS "Build the benchmarks in bench/" OFF)
if(MLP_BENCHMARKS)
  add_library(mlp_bench_networks STATIC "${CMAKE_SOURCE_DIR}/bench/bench_networks.cpp")
  target_link_libraries(mlp_bench_networks PUBLIC mlp_core)
  target_compile_options(mlp_bench_networks PRIVATE -Wall -Wextra)

  if(NOT EMSCRIPTEN)
    find_package(benchmark REQUIRED)
    add_executable(mlp_benchmarks "${CMAKE_SOURCE_DIR}/bench/core_benchmarks.cpp")
    target_link_libraries(mlp_benchmarks PRIVATE mlp_bench_networks benchmark::benchmark)
    target_compile_options(mlp_benchmarks PRIVATE -Wall -Wextra)

    add_executable(mlp_bench_links "${CMAKE_SOURCE_DIR}/bench/write_links.cpp")
    target_link_libraries(mlp_bench_links PRIVATE mlp_bench_networks)
    target_compile_options(mlp_bench_links PRIVATE -Wall -Wextra)
  else()
    add_executable(mlp_wasm_core_bench "${CMAKE_SOURCE_DIR}/bench/wasm_core_bench.cpp")
    target_link_libraries(mlp_wasm_core_bench PRIVATE mlp_bench_networks)
    target_compile_options(mlp_wasm_core_bench PRIVATE -Wall -Wextra)
    set_target_properties(mlp_wasm_core_bench PROPERTIES SUFFIX ".js")
    target_compile_options(mlp_wasm_core_bench PRIVATE ${MLP_WASM_CORE_FLAGS_LIST})
    target_compile_options(mlp_bench_networks PRIVATE ${MLP_WASM_CORE_FLAGS_LIST})
    target_link_options(mlp_wasm_core_bench PRIVATE ${MLP_WASM_LINK_FLAGS_LIST} -sENVIRONMENT=node
      -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=2GB)
    # The same with the SIMD build's inner loops (cmake/web_app.cmake), as the SIMD page runs them.
    add_executable(mlp_wasm_core_bench_simd "${CMAKE_SOURCE_DIR}/bench/wasm_core_bench.cpp"
      $<TARGET_OBJECTS:mlp_core_hot_simd>)
    target_link_libraries(mlp_wasm_core_bench_simd PRIVATE mlp_bench_networks)
    target_compile_options(mlp_wasm_core_bench_simd PRIVATE -Wall -Wextra ${MLP_WASM_CORE_FLAGS_LIST})
    set_target_properties(mlp_wasm_core_bench_simd PROPERTIES SUFFIX ".js")
    target_link_options(mlp_wasm_core_bench_simd PRIVATE ${MLP_WASM_LINK_FLAGS_LIST} ${MLP_WASM_SIMD_FLAGS_LIST}
      -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=2GB)
  endif()
endif()

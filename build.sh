#!/usr/bin/env bash
# MLP Explorer: install what is missing, build, serve and test.
#
#   ./build.sh deps            install packages and prepare third-party sources (idempotent)
#   ./build.sh build           the page into build/web (and the native core and tests)
#   ./build.sh serve [--port N]  build, then serve build/web on http://127.0.0.1:8080/
#   ./build.sh test            every test: native (plain, ASan+UBSan, valgrind), a bounded fuzz
#                              run, wasm build, browser
#   ./build.sh fuzz [seconds]  the libFuzzer targets (link decoder, JSON import, document loader,
#                              exercise `hide`, points file), each for `seconds` (default 300), on a corpus
#                              kept in build/fuzz/corpus
#   ./build.sh bench [--no-levers] [--playground DIR]  every figure of docs/benchmarks.md
#                              (rewritten, and printed): native, numpy, wasm and page benchmarks;
#                              --no-levers keeps the build variants' figures of the last full run
#                              (they take ~30 min); --playground: a TensorFlow Playground built
#                              from its source, measured beside the page (left out without it)
#
# Works on a fresh Debian 12 machine as root, with only Debian's archive and the npm registry
# reachable. What is slow to make (SDL2 for wasm, unpacked sources) is cached outside the source
# tree in $MLP_CACHE_DIR (default ~/.cache/mlp-explorer), keyed by the versions it was made from.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD="$ROOT/build"
CACHE="${MLP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mlp-explorer}"
JOBS=$(nproc 2>/dev/null || echo 2)
# Emscripten's JS optimizer needs Debian's acorn module, which a non-Debian node cannot find.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
# Playwright-core drives Debian's Chromium; nothing may download a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# deps
# ---------------------------------------------------------------------------------------------

# Debian packages, each with why it is here.
APT_PACKAGES=(
  cmake ninja-build g++          # native build
  clang libclang-rt-14-dev       # libFuzzer and sanitizer runtimes
  emscripten                     # the wasm toolchain (3.1.6 in Debian 12)
  dpkg-dev                       # dpkg-source, to unpack SDL2 and Dear ImGui source packages
  doctest-dev                    # native unit tests
  libfmt-dev                     # shortest round-trip number formatting (header-only use)
  nlohmann-json3-dev             # JSON parsing (header-only)
  libbenchmark-dev               # ./build.sh bench
  fonts-dejavu-core              # the UI font, subset at build time
  python3-fonttools              # the subsetter
  python3-numpy                  # the independent reference of the forward and backward passes (tests, bench)
  valgrind                       # memcheck of the native suite (test); callgrind counts (bench)
  chromium                       # headless browser for the browser tests
  glslang-tools                  # glslangValidator: the shaders checked at build time (GLSL ES 3.00)
  brotli                         # the .br copies beside the files of build/web
)

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" = 0 ]; then
    say "apt-get update"
    apt-get update -qq
    APT_UPDATED=1
  fi
}

deps_apt() {
  local missing
  missing=$(missing_packages "${APT_PACKAGES[@]}")
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    missing="$missing nodejs npm"
  fi
  if [ -n "${missing// /}" ]; then
    [ "$(id -u)" = 0 ] || die "missing Debian packages: $missing (run as root or install them)"
    apt_update_once
    say "Installing Debian packages:" $missing
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null
  fi
}

# apt-get source needs deb-src entries. They are derived from the machine's own deb822 sources
# (same archive, same release), so no host name is written here.
ensure_deb_src() {
  if apt-get indextargets 2>/dev/null | grep -q '^Identifier: Sources'; then return; fi
  local list=/etc/apt/sources.list.d/debian.sources
  [ -f "$list" ] || die "no deb-src entries and no $list to derive them from"
  say "Adding deb-src entries derived from $list"
  sed 's/^Types:.*/Types: deb-src/' "$list" >/etc/apt/sources.list.d/mlp-explorer-src.sources
  APT_UPDATED=0
  apt_update_once
}

source_version() {  # the version of Debian source package $1 that apt would fetch
  apt-cache showsrc --only-source "$1" 2>/dev/null | awk '/^Version:/ { print $2; exit }'
}

# Unpacks Debian source package $1 into $CACHE/src/$1-<version> once; prints that directory.
unpacked_source() {
  local pkg=$1 version dir tmp
  version=$(source_version "$pkg")
  if [ -z "$version" ]; then
    ensure_deb_src >&2
    version=$(source_version "$pkg")
  fi
  [ -n "$version" ] || die "apt knows no source package $pkg"
  dir="$CACHE/src/$pkg-$version"
  if [ ! -f "$dir/.complete" ]; then
    say "Fetching the Debian source of $pkg $version" >&2
    tmp=$(mktemp -d "$CACHE/src/.fetch-XXXXXX")
    (cd "$tmp" && apt-get source -q --download-only "$pkg=$version" >/dev/null 2>&1 &&
      dpkg-source -q -x ./*.dsc unpacked >/dev/null 2>&1) || { rm -rf "$tmp"; die "could not fetch the source of $pkg"; }
    rm -rf "$dir"
    mv "$tmp/unpacked" "$dir"
    rm -rf "$tmp"
    touch "$dir/.complete"
  fi
  echo "$dir"
}

emscripten_version() { emcc --version | awk 'NR == 1 { print $NF == "()" ? $(NF-1) : $NF }'; }

# SDL2 for wasm, built by cmake/sdl2_wasm once per SDL version, Emscripten version and recipe.
deps_sdl2() {
  local src=$1 version recipe key out tmp
  version=$(basename "$src")
  recipe=$(cat "$ROOT"/cmake/sdl2_wasm/* | sha256sum | cut -c1-12)
  key="$version-emcc$(emscripten_version)-$recipe"
  out="$CACHE/sdl2-wasm/$key"
  if [ ! -f "$out/lib/libSDL2.a" ]; then
    say "Building SDL2 for wasm ($key), once per version"
    tmp="$CACHE/sdl2-wasm/.build-$key"
    rm -rf "$tmp" "$out"
    emcmake cmake -G Ninja -S "$ROOT/cmake/sdl2_wasm" -B "$tmp" -DSDL_SOURCE_DIR="$src" \
      -DCMAKE_INSTALL_PREFIX="$out" >/dev/null
    cmake --build "$tmp" -j "$JOBS" >/dev/null
    cmake --install "$tmp" >/dev/null
    rm -rf "$tmp"
  fi
  SDL2_DIR=$out
}

# Header-only libraries for the wasm build: the Emscripten sysroot does not see /usr/include.
deps_headers() {
  mkdir -p "$CACHE/include"
  local h
  for h in fmt nlohmann; do
    [ -d "/usr/include/$h" ] || die "/usr/include/$h is missing"
    if ! diff -rq "/usr/include/$h" "$CACHE/include/$h" >/dev/null 2>&1; then
      rm -rf "$CACHE/include/$h"
      cp -r "/usr/include/$h" "$CACHE/include/$h"
    fi
  done
}

deps_npm() {
  local dir="$ROOT/tests/browser"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "Installing the browser tests' npm packages (playwright-core, pngjs, axe-core)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

# Google's Closure Compiler (npm, with its native binary), which minifies the page's JavaScript
# (emcc --closure 1): the version cmake/closure/package-lock.json pins, installed once per lock
# file outside the source tree. Debian's closure-compiler is too old for Emscripten 3.1.6.
deps_closure() {
  local lock="$ROOT/cmake/closure/package-lock.json" key dir
  key=$(cat "$ROOT/cmake/closure/package.json" "$lock" | sha256sum | cut -c1-12)
  dir="$CACHE/closure-compiler/$key"
  if [ ! -x "$dir/node_modules/.bin/google-closure-compiler" ]; then
    say "Installing Google's Closure Compiler from npm (once per version)"
    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$ROOT/cmake/closure/package.json" "$lock" "$dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || { rm -rf "$dir"; die "could not install the Closure Compiler"; }
  fi
  CLOSURE_COMPILER="$dir/node_modules/.bin/google-closure-compiler"
}

deps() {
  mkdir -p "$CACHE/src" "$CACHE/sdl2-wasm"
  deps_apt
  IMGUI_DIR=$(unpacked_source imgui)
  local sdl_src
  sdl_src=$(unpacked_source libsdl2)
  deps_sdl2 "$sdl_src"
  deps_headers
  deps_closure
  deps_npm
}

# ---------------------------------------------------------------------------------------------
# build
# ---------------------------------------------------------------------------------------------

build_native() {  # $1: build directory name, then extra CMake options
  local dir="$BUILD/$1"
  shift
  cmake -G Ninja -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j "$JOBS"
}

build_web() {
  emcmake cmake -G Ninja -S "$ROOT" -B "$BUILD/wasm" -DCMAKE_BUILD_TYPE=Release \
    -DMLP_DEPS_DIR="$CACHE" -DMLP_IMGUI_DIR="$IMGUI_DIR" -DMLP_SDL2_DIR="$SDL2_DIR" \
    -DMLP_CLOSURE_COMPILER="$CLOSURE_COMPILER" -DMLP_WEB_OUTPUT_DIR="$BUILD/web" >/dev/null
  cmake --build "$BUILD/wasm" -j "$JOBS"
}

build() {
  say "Building the page into build/web"
  build_web
}

# ---------------------------------------------------------------------------------------------
# fuzz
# ---------------------------------------------------------------------------------------------

FUZZ="$BUILD/fuzz"
FUZZ_TEST_SECONDS=20  # per target, in ./build.sh test
# Inputs that once failed (or guard a case worth keeping), replayed by every run: one directory
# per target, tests/fuzz/regressions/<target>/.
FUZZ_REGRESSIONS="$ROOT/tests/fuzz/regressions"

fuzz_targets() {
  local f
  for f in "$ROOT"/tests/fuzz/*_fuzz.cpp; do basename "$f" .cpp; done
}

# A target's kind is the word before its first '_' (link_decoder_fuzz: link). It names the
# target's corpus (build/fuzz/corpus/<kind>), dictionary (tests/fuzz/<kind>.dict, or one made by
# fuzz_seeds in build/fuzz) and seeds (build/fuzz/seeds/<kind>).
fuzz_kind() { echo "${1%%_*}"; }

# The targets, built by clang with libFuzzer, ASan and UBSan (cmake/fuzz_targets.cmake).
build_fuzz() {
  CC=clang CXX=clang++ cmake -G Ninja -S "$ROOT" -B "$FUZZ" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMLP_FUZZ=ON >/dev/null
  # shellcheck disable=SC2046
  cmake --build "$FUZZ" -j "$JOBS" --target $(fuzz_targets)
}

# Seeds from docs/link-format.md, extracted on every run so they follow the doc: its example
# links and the links of its error table for the link decoder, its JSON blocks for the import;
# both for the document loader (load(text) takes either). The exercise's `hide` values are
# written here: a byte that picks the network (see tests/fuzz/exercise_hide_fuzz.cpp), then text.
fuzz_seeds() {
  local out="$FUZZ/seeds"
  rm -rf "$out"
  mkdir -p "$out/link" "$out/json" "$out/document" "$out/exercise" "$out/points"
  awk -v dir="$out" '
    function put(kind, text,   f) { f = dir "/" kind "/doc-line-" NR; printf "%s", text > f; close(f) }
    /^```/ {
      if (!inside) { inside = 1; block = substr($0, 4); body = "" }
      else { if (block == "json") put("json", body); inside = 0 }
      next
    }
    inside && block == "text" && /^(#v=|http:\/\/127\.0\.0\.1:8080\/#)/ { sub(/^http:\/\/127\.0\.0\.1:8080\//, ""); put("link", $0) }
    inside { body = body $0 "\n"; next }
    /^\| `#/ { split($0, cell, "`"); put("link", cell[2]) }
  ' "$ROOT/docs/link-format.md"
  cp "$out"/link/* "$out"/json/* "$out/document/"
  cat "$ROOT/tests/fuzz/link.dict" "$ROOT/tests/fuzz/json.dict" >"$FUZZ/document.dict"
  # 2 weight layers of 4 and 5 nodes and 2 samples (byte 0x05), 4 layers and 64 samples (0x43),
  # 3 layers of 1024 nodes and 64 samples (0xC2); with targets, backward items (bit 0x10).
  local i=0 seed
  for seed in '\x05a1' '\x05z2.1.3,a2.1.3' '\x05a1.2,z2' '\x43z1,a1,z2,a2,z3,a3,z4,a4' '\x43a4.64.1' \
    '\xc2a1,a2' '\xc2z3.1.1024' '\x15dz2,dw2.1,db1.2,nw1.2.1,nb2' '\x15z1,dz1.2.3,dw2.3.4' '\x05dz1'; do
    i=$((i + 1))
    printf "$seed" >"$out/exercise/seed-$i"
  done
  # Points files (src/core/formats/points_file.h): CSV with a header and CRLF, JSON, and a refused
  # row; then files as the page opens them, a name and a NUL before the text (points_file_fuzz.cpp):
  # points by their name or by their '[', and a network's JSON from the doc.
  i=0
  for seed in 'x1,x2,label\r\n1,2,1\r\n-0.5,3e2,0\r\n' '1,2,0.25\n\n3,4,-1\n' '[[1, 2, 1],\n [3, -4.5, 0]]' \
    '1,2,1\n3,abc,0\n' '[[1,2,1],[3,4]]' 'p.CSV\x001,2,1\n-3,0.5,0\n' 'drop.json\x00 [[0.5,0.5,1]]' \
    'notes.txt\x00{"shape": [2, 1]}' 'net.json\x00{"format": "mlp-explorer/1"' 'image.png\x00\x89PNG\r\n'; do
    i=$((i + 1))
    printf "$seed" >"$out/points/seed-$i"
  done
  for f in "$out"/json/*; do
    i=$((i + 1))
    { printf 'net.json\x00'; cat "$f"; } >"$out/points/seed-$i"
  done
}

# Runs fuzz target $1 for $2 seconds on its corpus; records passed or failed with its run count.
FUZZ_RUNS=0
run_fuzzer() {
  local target=$1 seconds=$2 kind
  kind=$(fuzz_kind "$target")
  local corpus="$FUZZ/corpus/$kind" log="$BUILD/$target.log" dict="$ROOT/tests/fuzz/$kind.dict"
  [ -f "$dict" ] || dict="$FUZZ/$kind.dict"
  # New inputs are written into the first directory, the corpus; the others are only read.
  local inputs=("$corpus" "$FUZZ/seeds/$kind")
  [ -d "$FUZZ_REGRESSIONS/$target" ] && inputs+=("$FUZZ_REGRESSIONS/$target")
  mkdir -p "$corpus" "$FUZZ/artifacts"
  say "Fuzzing $target for $seconds s"
  local status=0
  # -timeout: an input that takes 10 s is a hang (the decoders are linear in their input and
  # take microseconds). It is wall-clock time, and a shared machine can stall a process for a
  # second: a 1 s limit once fired on a 54-byte input. The slowest input is in the summary.
  "$FUZZ/$target" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -dict="$dict" -artifact_prefix="$FUZZ/artifacts/$target-" "${inputs[@]}" >"$log" 2>&1 || status=$?
  local runs rate slowest coverage
  runs=$(awk '/^stat::number_of_executed_units:/ { print $2 }' "$log" | tail -n 1)
  rate=$(awk '/^stat::average_exec_per_sec:/ { print $2 }' "$log" | tail -n 1)
  slowest=$(awk '/^stat::slowest_unit_time_sec:/ { print $2 }' "$log" | tail -n 1)
  coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 || true)
  FUZZ_RUNS=$((FUZZ_RUNS + ${runs:-0}))
  say "$target: ${runs:-0} runs in $seconds s (${rate:-0}/s, slowest ${slowest:-?} s), ${coverage:-no coverage figure}, corpus of $(find "$corpus" -type f | wc -l) inputs (log: $log)"
  if [ "$status" = 0 ]; then
    record "fuzz $kind: ${runs:-0} runs" 1 0
  else
    tail -n 30 "$log"
    record "fuzz $kind: ${runs:-0} runs" 0 1
  fi
}

run_fuzzers() {  # $1: seconds per target
  local target
  fuzz_seeds
  for target in $(fuzz_targets); do run_fuzzer "$target" "$1"; done
  say "Fuzzing: $FUZZ_RUNS runs in all"
}

# Runs every target once on each seed and committed regression input, without libFuzzer
# (<target>_replay of the native builds): $1 names the run, $2 is the build directory, the rest
# a command to run them under (valgrind), if any.
run_replays() {
  local name=$1 dir=$2 target kind passed=0 failed=0
  shift 2
  say "Replaying the fuzz targets' seeds and regression inputs ($name)"
  for target in $(fuzz_targets); do
    kind=$(fuzz_kind "$target")
    local inputs=("$FUZZ/seeds/$kind")
    [ -d "$FUZZ_REGRESSIONS/$target" ] && inputs+=("$FUZZ_REGRESSIONS/$target")
    if "$@" "$dir/${target}_replay" "${inputs[@]}"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
    fi
  done
  record "$name" "$passed" "$failed"
}

# Memcheck: any error (invalid read or write, an uninitialised value deciding a branch, a definite
# leak) fails the run. The test binary replaces operator new to count allocations
# (tests/core/allocation_counter.cpp); nouserintercepts keeps that replacement, whose malloc and
# free memcheck still watches.
VALGRIND=(valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
  --show-leak-kinds=definite,indirect --soname-synonyms=somalloc=nouserintercepts)
fuzz() {
  local seconds=${1:-300}
  case "$seconds" in ''|*[!0-9]*) die "fuzz: seconds must be a whole number, got $seconds" ;; esac
  deps_apt
  build_fuzz
  run_fuzzers "$seconds"
  printf '  %s\n' "${SUMMARY[@]}"
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" = 0 ]
}

# ---------------------------------------------------------------------------------------------
# bench
# ---------------------------------------------------------------------------------------------

BENCH_OUT="$BUILD/bench"  # every result as JSON; bench/report.py turns them into docs/benchmarks.md

# Records the machine's load before a measurement: other work on a shared machine shows in it.
bench_load() {
  printf '{"step": "%s", "loadavg": "%s", "at": "%s"}\n' "$1" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$(date -u +%FT%TZ)" >>"$BENCH_OUT/load.jsonl"
}

# The core natively (Release, Google Benchmark) and the links of the benchmark networks, which the
# numpy reference and the page read.
bench_native() {
  local dir="$BUILD/bench-native"
  say "Native benchmarks (Release build, Google Benchmark, 5 repetitions)"
  cmake -G Ninja -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DMLP_BENCHMARKS=ON >/dev/null
  nice cmake --build "$dir" -j "$JOBS" --target mlp_benchmarks mlp_bench_links >/dev/null
  rm -rf "$BENCH_OUT/links"
  mkdir -p "$BENCH_OUT/links"
  "$dir/mlp_bench_links" "$BENCH_OUT/links"
  bench_load native
  "$dir/mlp_benchmarks" --benchmark_repetitions=5 --benchmark_min_time=0.2 \
    --benchmark_out="$BENCH_OUT/native.json" --benchmark_out_format=json >/dev/null
  # Instructions of one forward pass: callgrind counts of 12 and 2 passes, subtracted (everything
  # else in the run, such as making the networks, is the same in both). Stable on a busy machine.
  say "Instruction counts of the forward pass (valgrind --tool=callgrind)"
  local name n ir
  : >"$BENCH_OUT/callgrind.txt"
  for name in 8x128 16x256 1024x1024; do
    for n in 2 12; do
      MLP_BENCH_ITERATIONS=$n valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$dir/mlp_benchmarks" --benchmark_filter="^forward_pass/$name/iterations:" >"$BENCH_OUT/callgrind.log" 2>&1
      ir=$(awk '/Collected :/ { print $NF }' "$BENCH_OUT/callgrind.log")
      echo "$name $n $ir" >>"$BENCH_OUT/callgrind.txt"
    done
  done
}

bench_numpy() {
  say "numpy reference (/usr/bin/python3)"
  bench_load numpy
  /usr/bin/python3 "$ROOT/bench/numpy_forward.py" "$BENCH_OUT/links" >"$BENCH_OUT/numpy.json"
  /usr/bin/python3 "$ROOT/bench/numpy_backward.py" "$BENCH_OUT/links" >"$BENCH_OUT/numpy_backward.json"
}

# A wasm build of the page in $1 (build/<name>) with the flags of one line of bench/levers.txt
# (empty: the page's own flags), and the core's wasm benchmark beside it.
bench_wasm_build() {
  local dir=$1 core=${2:-} hot=${3:-} imgui=${4:-} app=${5:-} link=${6:-} other=${7:-}
  local args=(-DMLP_BENCHMARKS=ON)
  [ -z "$core" ] || args+=("-DMLP_WASM_CORE_FLAGS=$core" "-DMLP_WASM_HOT_FLAGS=$hot" "-DMLP_WASM_IMGUI_FLAGS=$imgui"
                           "-DMLP_WASM_APP_FLAGS=$app" "-DMLP_WASM_LINK_FLAGS=$link")
  # shellcheck disable=SC2206
  [ -z "$other" ] || args+=($other)
  emcmake cmake -G Ninja -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release \
    -DMLP_DEPS_DIR="$CACHE" -DMLP_IMGUI_DIR="$IMGUI_DIR" -DMLP_SDL2_DIR="$SDL2_DIR" \
    -DMLP_CLOSURE_COMPILER="$CLOSURE_COMPILER" -DMLP_WEB_OUTPUT_DIR="$dir/web" "${args[@]}" >/dev/null
  nice cmake --build "$dir" -j "$JOBS" --target mlp_explorer mlp_explorer_simd web_shell \
    mlp_wasm_core_bench mlp_wasm_core_bench_simd >/dev/null
}

# The core compiled to wasm, timed under Node, as the plain build and as the SIMD build run it.
# --no-experimental-fetch: Emscripten 3.1.6 would otherwise fetch() its .wasm by file path, which
# Node's fetch refuses.
bench_wasm_core() {  # $1: build directory, $2: output JSON (plain), $3: output JSON (SIMD)
  bench_load "wasm core $(basename "$1")"
  node --no-experimental-fetch "$1/mlp_wasm_core_bench.js" 7 >"$2"
  node --no-experimental-fetch "$1/mlp_wasm_core_bench_simd.js" 7 >"$3"
}

# The page in headless Chromium (bench/page_bench.js). $1: the page, $2: output, then options.
bench_page() {
  local web=$1 out=$2
  shift 2
  bench_load "page $(basename "$(dirname "$web")")"
  node "$ROOT/bench/page_bench.js" --web "$web" --links "$BENCH_OUT/links" --out "$out" "$@"
}

# Where the wasm's bytes go: the page relinked with function names (--profiling-funcs changes
# nothing else), broken down by bench/wasm_sizes.py; then linked again as it ships.
bench_wasm_sizes() {  # $1: the page's build directory
  say "Where the bytes of the wasm go (bench/wasm_sizes.py)"
  cmake "$1" -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs >/dev/null
  nice cmake --build "$1" --target mlp_explorer >/dev/null
  /usr/bin/python3 "$ROOT/bench/wasm_sizes.py" "$1/web/mlp_explorer.wasm" >"$BENCH_OUT/wasm_sizes.json"
  cmake "$1" -DCMAKE_EXE_LINKER_FLAGS= >/dev/null
  nice cmake --build "$1" --target mlp_explorer >/dev/null
}

# Every line of bench/levers.txt: built, then its bytes, first frame, frames and core measured.
bench_levers() {
  local name core hot imgui app link other what dir
  rm -rf "$BENCH_OUT/levers"
  mkdir -p "$BENCH_OUT/levers"
  while IFS='|' read -r name core hot imgui app link other what; do
    name=$(echo "$name" | xargs)
    case "$name" in ''|'#'*) continue ;; esac
    core=$(echo "$core" | xargs); hot=$(echo "$hot" | xargs); imgui=$(echo "$imgui" | xargs); app=$(echo "$app" | xargs)
    link=$(echo "$link" | xargs); other=$(echo "$other" | xargs)
    dir="$BUILD/bench-levers/$name"
    say "Lever $name: core [$core] hot [$hot] ImGui [$imgui] app [$app] link [$link] $other"
    if ! bench_wasm_build "$dir" "$core" "$hot" "$imgui" "$app" "$link" "$other"; then
      echo "{\"name\": \"$name\", \"error\": \"the build failed\"}" >"$BENCH_OUT/levers/$name.json"
      continue
    fi
    bench_wasm_core "$dir" "$BENCH_OUT/levers/$name.core.json" "$BENCH_OUT/levers/$name.core_simd.json"
    bench_page "$dir/web" "$BENCH_OUT/levers/$name.page.json" --only bytes,first-frame,networks \
      --networks exercise,1024x1024 --loads 5 --rounds 2 || true
  done <"$ROOT/bench/levers.txt"
}

bench() {
  local levers=1 playground=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --no-levers) levers=0; shift ;;
      --playground) [ $# -ge 2 ] || die "bench: --playground needs a folder"; playground=(--playground "$(realpath "$2")"); shift 2 ;;
      --playground=*) playground=(--playground "$(realpath "${1#--playground=}")"); shift ;;
      *) die "bench: unknown option $1 (use --no-levers, --playground DIR)" ;;
    esac
  done
  if [ ${#playground[@]} -gt 0 ] && [ ! -f "${playground[1]}/dist/bundle.js" ] && [ ! -f "${playground[1]}/bundle.js" ]; then
    die "bench: ${playground[1]} holds no built TensorFlow Playground (dist/bundle.js)"
  fi
  local started=$SECONDS
  deps
  mkdir -p "$BENCH_OUT"
  : >"$BENCH_OUT/load.jsonl"
  bench_native
  bench_numpy
  say "The page (wasm build with the page's own flags, in build/bench-page)"
  bench_wasm_build "$BUILD/bench-page"
  bench_wasm_core "$BUILD/bench-page" "$BENCH_OUT/wasm_core.json" "$BENCH_OUT/wasm_core_simd.json"
  say "The page in headless Chromium (bench/page_bench.js)${playground[*]:+, beside TensorFlow Playground}"
  bench_page "$BUILD/bench-page/web" "$BENCH_OUT/page.json" "${playground[@]}"
  bench_wasm_sizes "$BUILD/bench-page"
  if [ "$levers" = 1 ]; then
    bench_levers
  elif [ ! -d "$BENCH_OUT/levers" ]; then
    say "No lever figures from an earlier full run: docs/benchmarks.md will say so"
  fi
  say "Writing docs/benchmarks.md ($((SECONDS - started)) s)"
  /usr/bin/python3 "$ROOT/bench/report.py" --results "$BENCH_OUT" --out "$ROOT/docs/benchmarks.md" \
    --seconds $((SECONDS - started))
}

serve() {
  local port=8080
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) port=$2; shift 2 ;;
      --port=*) port=${1#--port=}; shift ;;
      *) die "serve: unknown option $1 (use --port N)" ;;
    esac
  done
  deps
  build
  say "Open http://127.0.0.1:$port/ (the exercise); Ctrl+C stops the server"
  exec /usr/bin/python3 "$ROOT/tools/serve.py" --port "$port" --dir "$BUILD/web"
}

# ---------------------------------------------------------------------------------------------
# test
# ---------------------------------------------------------------------------------------------

PASSED=0
FAILED=0
SUMMARY=()

# Records a suite's counts: name, passed, failed.
record() {
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
  SUMMARY+=("$(printf '%-28s %5d passed %5d failed' "$1" "$2" "$3")")
}

# Runs a doctest binary ($2, or a command that runs it: valgrind ... binary); counts its test
# cases. A crash or missing binary counts as a failure.
run_doctest() {
  local name=$1 log="$BUILD/$1.log"
  shift
  say "Running $name"
  local status=0
  "$@" --no-intro 2>&1 | tee "$log" | tail -n 40 || status=$?
  local line
  line=$(grep -E '^\[doctest\] test cases:' "$log" | tail -n 1 || true)
  if [ -z "$line" ]; then
    record "$name" 0 1
    return
  fi
  local passed failed
  passed=$(sed -E 's/.*\| *([0-9]+) passed.*/\1/' <<<"$line")
  failed=$(sed -E 's/.*\| *([0-9]+) failed.*/\1/' <<<"$line")
  [ "$status" = 0 ] || [ "$failed" -gt 0 ] || failed=1
  record "$name" "$passed" "$failed"
}

# The browser tests run on the SIMD build, which Chromium gets as most browsers do. The two builds
# differ only in the core's inner loops (the forward and backward passes, the diagram's lines and
# geometry, the link's numbers: MLP_CORE_HOT_SOURCES in cmake/web_app.cmake), so only the files
# whose numbers go through those loops run again on the plain build: the page starting, links and
# load(), the exercise's worksheet and answers, learning (gradients, step(n)) and hostile links.
# Running every file twice would add about 12 minutes on 2 cores and push the suite past 30; the
# rest (layout, keyboard, screen readers, menus, banners) runs the same code in both builds.
# wasm_builds.test.js (in the full run) checks that both builds compute every value, gradient and
# step and draw the same picture to the bit, and that the page picks the right build.
PLAIN_BUILD_TESTS=(page_start.test.js link.test.js exercise.test.js learning.test.js robustness_load.test.js)

# Runs browser test files ($4...) on build $1 (simd: the browser's choice, or plain) as suite $2,
# writing TAP to build/$3.tap.
run_browser_suite() {
  local build=$1 name=$2 tap="$BUILD/$3.tap"
  shift 3
  local status=0
  (cd "$ROOT/tests/browser" && MLP_WASM_BUILD=$build node --test --test-concurrency=1 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "$@") || status=$?
  local passed failed
  passed=$(awk '/^# pass / { print $3 }' "$tap" 2>/dev/null | tail -n 1)
  failed=$(awk '/^# fail / { print $3 }' "$tap" 2>/dev/null | tail -n 1)
  passed=${passed:-0}
  failed=${failed:-0}
  [ "$status" = 0 ] || [ "$failed" -gt 0 ] || failed=1
  record "$name" "$passed" "$failed"
}

run_browser_tests() {
  local all=() f
  for f in "$ROOT"/tests/browser/*.test.js; do all+=("$(basename "$f")"); done
  say "Running the browser tests (headless Chromium, WebGL2 through SwiftShader; the SIMD build)"
  run_browser_suite simd "browser tests (SIMD build)" browser-tests "${all[@]}"
  say "Running the browser tests of the core's inner loops again on the plain build (?wasm=plain)"
  run_browser_suite plain "browser tests (plain build)" browser-tests-plain "${PLAIN_BUILD_TESTS[@]}"
}

# Runs a build step; a failed build counts as one failed test and skips what depends on it.
try_build() {
  local name=$1
  shift
  if "$@"; then return 0; fi
  record "$name" 0 1
  return 1
}

run_tests() {
  local started=$SECONDS
  deps
  say "Native build and tests"
  fuzz_seeds  # what the fuzz targets' replays read
  if try_build "native build" build_native native; then
    run_doctest "core tests" "$BUILD/native/mlp_core_tests"
    run_replays "fuzz inputs replayed" "$BUILD/native"
    say "The native suite under valgrind (memcheck)"
    run_doctest "core tests (valgrind)" "${VALGRIND[@]}" "$BUILD/native/mlp_core_tests"
    run_replays "fuzz inputs (valgrind)" "$BUILD/native" "${VALGRIND[@]}"
  fi
  say "Native build under ASan+UBSan"
  if try_build "native ASan+UBSan build" build_native native-asan -DMLP_SANITIZE=ON; then
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
    run_doctest "core tests (ASan+UBSan)" "$BUILD/native-asan/mlp_core_tests"
    run_replays "fuzz inputs (ASan+UBSan)" "$BUILD/native-asan"
    unset ASAN_OPTIONS UBSAN_OPTIONS
  fi
  say "Fuzz targets (clang, libFuzzer, ASan+UBSan), $FUZZ_TEST_SECONDS s each"
  if try_build "fuzz build" build_fuzz; then
    run_fuzzers "$FUZZ_TEST_SECONDS"
  fi
  say "Wasm build"
  if try_build "wasm build" build_web; then
    record "wasm build" 1 0
    run_browser_tests
  fi
  echo
  say "Summary ($((SECONDS - started)) s)"
  printf '  %s\n' "${SUMMARY[@]}"
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" = 0 ]
}

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  deps) deps ;;
  build) deps; build_native native; build ;;
  serve) serve "$@" ;;
  test) run_tests ;;
  fuzz) fuzz "$@" ;;
  bench) bench "$@" ;;
  ""|-h|--help|help) usage ;;
  *) usage; die "unknown command: $cmd" ;;
esac

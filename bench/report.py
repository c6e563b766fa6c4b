#!/usr/bin/python3
"""Writes docs/benchmarks.md from the results of ./build.sh bench, and prints its summary table.

    /usr/bin/python3 bench/report.py --results build/bench --out docs/benchmarks.md \
        [--seconds N]

Every number in the document comes from the JSON files in --results (written by the native
benchmarks, numpy_forward.py, numpy_backward.py, the wasm core benchmark and page_bench.js in the
same run); the
text around them says how each was made. Nothing here measures anything.
"""
import argparse
import datetime
import glob
import json
import os
import re
import statistics
import subprocess

NETWORKS = ["exercise", "8x128", "16x256", "1024x1024"]
SHAPES = {"exercise": "3-5-2-3-2-2-2-1 (47 weights, 2 samples)", "8x128": "8 layers of 128 (114,688 weights)",
          "16x256": "16 layers of 256 (983,040 weights)", "1024x1024": "1024-1024 (1,048,576 weights)",
          "8x128-full": "8x128, weights of 17 digits"}
TARGETS = {"page_gzip_kb": 400, "first_frame_ms": 1000, "frame_ms": {"exercise": 2, "8x128": 8, "1024x1024": 16},
           "link_8x128_ms": 1000, "numpy_ratio": 2}
KB = 1000  # sizes in kB of 1000 bytes, as the 400 KB target


# ---- Reading ------------------------------------------------------------------------------------

def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def native_results(path):
    """Google Benchmark's JSON: per benchmark, the repetitions' real times and counters."""
    data = load_json(path)
    if not data:
        return None, {}
    runs = {}
    for b in data["benchmarks"]:
        if b.get("run_type") != "iteration":
            continue
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
        r = runs.setdefault(b["run_name"], {"ms": [], "gflops": []})
        r["ms"].append(b["real_time"] * scale)
        if "GFLOP/s" in b:
            r["gflops"].append(b["GFLOP/s"])
    return data.get("context", {}), runs


def callgrind_counts(path):
    """Instructions of one forward pass: (Ir with 12 passes - Ir with 2) / 10."""
    counts = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                name, n, ir = line.split()
                counts.setdefault(name, {})[int(n)] = int(ir.replace(",", ""))
    except (OSError, ValueError):
        return {}
    return {name: (c[12] - c[2]) / 10 for name, c in counts.items() if 2 in c and 12 in c}


def page_flags(root):
    """The page's own flags: the mlp_default(MLP_WASM_<TARGET>_FLAGS "...") lines of web_app.cmake."""
    flags = {}
    with open(os.path.join(root, "cmake", "web_app.cmake"), encoding="utf-8") as f:
        for m in re.finditer(r'mlp_default\(MLP_WASM_(\w+)_FLAGS "([^"]*)"\)', f.read()):
            flags[m.group(1).lower()] = m.group(2)
    return flags


def levers_table(root):
    """bench/levers.txt: name -> (core, hot, imgui, app, link, other, what), in file order."""
    rows = []
    with open(os.path.join(root, "bench", "levers.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.rstrip("\n").split("|")]
            rows.append(dict(zip(["name", "core", "hot", "imgui", "app", "link", "other", "what"], cells)))
    return rows


def command_output(args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False, timeout=30).stdout.strip()
    except OSError:
        return ""


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem = int(f.readline().split()[1]) / 1024 / 1024
    family = model = ""
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("cpu family") and not family:
            family = line.split(":")[1].strip()
        if line.startswith("model\t") and not model:
            model = line.split(":")[1].strip()
    flags = open("/proc/cpuinfo", encoding="utf-8").read()
    hypervisor = " (a virtual machine)" if " hypervisor" in flags else ""
    return {
        "cpu": f"{cpu} (family {family}, model {model}){hypervisor}",
        "cores": os.cpu_count(),
        "memory_gb": mem,
        "os": command_output(["sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"]),
        "kernel": os.uname().release,
        "gcc": command_output(["g++", "-dumpfullversion"]),
        "emcc": (command_output(["emcc", "--version"]).splitlines() or [""])[0],
        "node": command_output(["node", "--version"]),
    }


# ---- Formatting ---------------------------------------------------------------------------------

def ms(v, digits=None):
    if v is None:
        return "–"
    if digits is None:
        digits = 2 if v < 10 else 1 if v < 100 else 0
    return f"{v:,.{digits}f} ms"


def kb(n):
    return f"{n / KB:,.1f} kB"


def spread(s, digits=None):
    """'median (min–max)' of a page_bench summary."""
    if not s:
        return "–"
    return f"{ms(s['median'], digits)} ({ms(s['min'], digits)} – {ms(s['max'], digits)})"


def verdict(ok):
    return "met" if ok else "**not met**"


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def network(page, name):
    for n in (page or {}).get("networks", []):
        if n.get("name") == name:
            return n
    return None


def short_name(name):
    """A function's name without its parameters, namespaces of the standard library trimmed."""
    name = name.replace("(anonymous namespace)::", "").replace("std::__2::", "std::")
    return name.split("(")[0][:48]


def median_of(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


# ---- The document -------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seconds", type=int, default=0)
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    res = args.results

    context, native = native_results(os.path.join(res, "native.json"))
    instructions = callgrind_counts(os.path.join(res, "callgrind.txt"))
    numpy = load_json(os.path.join(res, "numpy.json"))
    numpy_backward = load_json(os.path.join(res, "numpy_backward.json"))
    wasm = load_json(os.path.join(res, "wasm_core.json"))
    page = load_json(os.path.join(res, "page.json"))
    loads = [json.loads(line) for line in open(os.path.join(res, "load.jsonl"), encoding="utf-8") if line.strip()]
    m = machine()
    flags = page_flags(root)
    date = (page or {}).get("date", datetime.datetime.utcnow().isoformat())[:16].replace("T", " ")

    doc = []
    w = doc.append
    summary_rows = []

    # ---- Figures against the targets (computed first; shown first) ----
    total_gzip = page["bytes"]["total"]["gzip9"] if page and page.get("bytes") else None
    if total_gzip is not None:
        summary_rows.append(["(a) page, every file, gzip -9", f"≤ {TARGETS['page_gzip_kb']} kB", kb(total_gzip),
                             verdict(total_gzip <= TARGETS["page_gzip_kb"] * KB)])
    ff = (page or {}).get("first_frame")
    if ff and ff.get("first_frame"):
        med = ff["first_frame"]["median"]
        summary_rows.append(["(b) navigation to first frame, median of 5", "≤ 1 s", ms(med, 0),
                             verdict(med <= TARGETS["first_frame_ms"])])
    for name, label in (("exercise", "exercise"), ("8x128", "8x128"), ("1024x1024", "1,048,576 weights")):
        n = network(page, name)
        target = TARGETS["frame_ms"][name]
        if not n or n.get("error"):
            summary_rows.append([f"(c) frame CPU while dragging, {label}", f"≤ {target} ms",
                                 f"not measured: {n.get('error') if n else 'missing'}", "**not met**"])
            continue
        d = n["drag"]
        if d.get("cpu_ms"):
            c = d["cpu_ms"]
            note = verdict(c["median"] <= target)
            if c["median"] <= target < c["p95"]:
                note += " (median; the p95 is not: see (c))"
            summary_rows.append([f"(c) frame CPU while dragging `{d['target']}`, {label}: median (p95)", f"≤ {target} ms",
                                 f"{ms(c['median'])} ({ms(c['p95'])})", note])
        else:
            summary_rows.append([f"(c) frame CPU while dragging, {label}", f"≤ {target} ms",
                                 f"no drag: {d.get('note', '')}; a still frame: {ms(n['idle']['cpu_ms']['median'])}",
                                 "**not measured**"])
    n = network(page, "8x128")
    if n and not n.get("error"):
        med = n["load"]["load_ms"]["median"]
        summary_rows.append(["(d) load() of the 8x128 link, median", "< 1 s", ms(med, 0), verdict(med < TARGETS["link_8x128_ms"])])
    else:
        summary_rows.append(["(d) load() of the 8x128 link", "< 1 s", f"not measured: {n.get('error') if n else 'missing'}",
                             "**not met**"])
    big = native.get("forward_pass/1024x1024")
    np_big = next((x for x in (numpy or {}).get("networks", []) if x["name"] == "1024x1024"), None)
    if big and np_big:
        ours = statistics.median(big["gflops"])
        ref = np_big["forward"]["gflops_median"]
        summary_rows.append(["(e) forward pass 1024x1024, native vs numpy (GFLOP/s, medians)", "within 2x of numpy",
                             f"{ours:.2f} vs {ref:.2f} ({ours / ref:.1f}x numpy)", verdict(ours * TARGETS["numpy_ratio"] >= ref)])
    big = native.get("backward_pass/1024x1024")
    np_big = next((x for x in (numpy_backward or {}).get("networks", []) if x["name"] == "1024x1024"), None)
    if big and np_big:
        ours = statistics.median(big["gflops"])
        ref = np_big["backward"]["gflops_median"]
        summary_rows.append(["(f) backward pass 1024x1024, native vs numpy (GFLOP/s, medians)", "within 2x of numpy",
                             f"{ours:.2f} vs {ref:.2f} ({ours / ref:.1f}x numpy)", verdict(ours * TARGETS["numpy_ratio"] >= ref)])

    # ---- Header ----
    w("# Benchmarks")
    w("")
    w(f"Made by `./build.sh bench` on {date} UTC" + (f" in {args.seconds // 60} min" if args.seconds else "") +
      "; every figure below comes from that run and is remade by running it again (the build variants of "
      "\"Levers\" are skipped by `./build.sh bench --no-levers`, which keeps the last full run's). The raw "
      "results are in `build/bench/*.json`. Scripts: `bench/` (what each measures is said at its top).")
    w("")
    w("## Machine")
    w("")
    loadavg = [float(x["loadavg"].split()[0]) for x in loads] if loads else []
    w(f"- CPU: {m['cpu']}, {m['cores']} cores, {m['memory_gb']:.0f} GB of memory; {m['os']}, Linux {m['kernel']}.")
    w(f"- Shared with other engineers' builds and tests: the 1-minute load average at the start of each step "
      f"ranged {min(loadavg):.1f} – {max(loadavg):.1f} on {m['cores']} cores. Figures are medians of repeated "
      "runs with their spread; treat differences under ~20 % as noise." if loadavg else "- Load average: not recorded.")
    w(f"- Compilers: g++ {m['gcc']} (native, Release: -O3), {m['emcc']}, Node {m['node']}; "
      f"Chromium {(page or {}).get('chromium', '?')} headless, WebGL2 through SwiftShader "
      f"(`{(page or {}).get('renderer', '?')}`): software rendering, no GPU.")
    if numpy:
        w(f"- numpy {numpy['numpy']} on Python {numpy['python']} (`/usr/bin/python3`), linked with "
          f"`{numpy['blas_library']}` (Debian's reference BLAS, single-threaded).")
    w(f"- The page's flags (cmake/web_app.cmake): core `{flags.get('core')}`, the core's inner loops "
      f"`{flags.get('hot')}`, ImGui `{flags.get('imgui')}`, app "
      f"`{flags.get('app')}`, link `{flags.get('link')}`.")
    w("")
    w("## Figures against the targets")
    w("")
    w(table(["figure", "target", "measured", ""], summary_rows))
    w("")

    # ---- (a) bytes ----
    if page and page.get("bytes"):
        b = page["bytes"]
        w("## (a) Bytes of the page")
        w("")
        w("Every file of `build/web` (the page serves nothing else), as built; compressed here with zlib at "
          "gzip level 9 (the target's measure), level 6 (the default of most servers that compress on the fly) "
          "and brotli quality 11 (what hosts that pre-compress, such as Netlify or Cloudflare, may serve). "
          "\"Requested\": fetched by Chromium when the page opens. "
          "Command: `node bench/page_bench.js --only bytes` (part of `./build.sh bench`).")
        w("")
        rows = [[f"`{f['name']}`", "yes" if f["requested_on_open"] else "no", f"{f['raw']:,}", f"{f['gzip9']:,}",
                 f"{f['gzip6']:,}", f"{f['brotli11']:,}"] for f in b["files"]]
        t = b["total"]
        rows.append(["**total**", "", f"**{t['raw']:,}**", f"**{t['gzip9']:,}**", f"{t['gzip6']:,}", f"{t['brotli11']:,}"])
        w(table(["file", "requested", "bytes", "gzip -9", "gzip -6", "brotli 11"], rows))
        w("")

    sizes = load_json(os.path.join(res, "wasm_sizes.json"))
    if sizes:
        w("Where the bytes of `mlp_explorer.wasm` go (`bench/wasm_sizes.py` on the page relinked with function "
          "names): its code by origin, each group compressed alone (an estimate: the parts add up to a little "
          "more than the whole). A function inlined into another counts where it ended up.")
        w("")
        rows = [[g["group"], g["what"], f"{g['functions']:,}", f"{g['raw']:,}", f"{g['gzip']:,}",
                 ", ".join(f"`{short_name(x['name'])}` {x['bytes']:,}" for x in g["largest"][:2])]
                for g in sorted(sizes["groups"], key=lambda g: -g["gzip"])]
        sec = sizes["sections"]
        rows.append(["data", "constant data: the font, shaders, tables", "", f"{sec.get('data', 0):,}",
                     f"{sizes['data_gzip']:,}", ""])
        w(table(["part", "what", "functions", "bytes", "gzip -9", "largest functions (bytes)"], rows))
        w("")
        sdl = next((g for g in sizes["groups"] if g["group"] == "SDL2"), None)
        if sdl:
            w("SDL's share is mostly its software blitters and surface conversion, which the page never uses (it "
              "draws with WebGL) but SDL's video code references. Building SDL with `SDL_LEAN_AND_MEAN=1` "
              "(in `cmake/sdl2_wasm/SDL_config.h.in`) leaves them out; not done here, as the page is within "
              "its budget and SDL's recipe is shared, but it is the next lever on size.")
            w("")

    # ---- (b) first frame ----
    if ff:
        w("## (b) Navigation to the first drawn frame")
        w("")
        w("Headless Chromium at 1280x720, a fresh browser context per load (empty cache; the server also sends "
          "`Cache-Control: no-store`), one warm-up load then 5 measured. The time is `performance.now()` "
          "(0 = navigation start) when the app calls `mlpPage.ready()` after submitting its first frame "
          "(`mlpexplorer:ready`); the milestones come from the navigation and resource timing entries and "
          "from the app's own marks (`mlpExplorer.frameStats().startup`). Command: `node bench/page_bench.js "
          "--only first-frame`.")
        w("")
        labels = [("dom_content_loaded", "HTML, CSS and page.js parsed"), ("js_loaded", "mlp_explorer.js loaded"),
                  ("wasm_loaded", "mlp_explorer.wasm loaded"), ("main", "main() starts (wasm compiled, runtime up)"),
                  ("gl_context", "WebGL2 context made (SDL window)"), ("app", "ImGui, fonts, the app ready"),
                  ("first_frame_drawn", "first frame submitted")]
        rows = [[label, spread(ff["milestones"].get(key), 0)] for key, label in labels]
        rows.append(["**first frame (`mlpexplorer:ready`)**", f"**{spread(ff['first_frame'], 0)}**"])
        w(table(["milestone", "median (min – max) of 5 loads"], rows))
        w("")
        f8 = page.get("first_frame_8x128")
        if f8 and not f8.get("error"):
            w(f"With the 8x128 link in the address (a 612 kB fragment decoded before the first frame): "
              f"{spread(f8['first_frame'], 0)}.")
        elif f8:
            w(f"With the 8x128 link in the address: not measured ({f8['error']}).")
        w("")

    # ---- (c) frames ----
    if page and page.get("networks"):
        w("## (c) The app's CPU time per frame while a weight is dragged")
        w("")
        w("The page is opened, the network loaded with `load()`, the sliders put in their fine mode (every "
          "pixel a new value) and the first weight slider of W1 dragged with real mouse events (`page.mouse`: "
          "press, one move per animation frame back and forth across the slider, release), 3 rounds of 60 "
          "moves; on a large network the W1 section is opened first with a click. A weight of W1 is the worst "
          "case: every layer after it is recomputed. The app times its own work in every frame "
          "(src/platform/frame_timer.h, `emscripten_get_now`; the bench serves the page cross-origin "
          "isolated, which gives that clock 5 µs steps instead of Chromium's 100 µs) and the figures are over "
          "the frames of the drag that changed the weight. A frame's time is wall-clock time on the main "
          "thread: when the machine's other work takes the CPU in the middle of a frame, that frame gets "
          "longer, which is what the p95 and the maximum mostly show here (a phase that takes 0.2 ms in most "
          "frames takes 10 ms in a few, at random). Command: `node bench/page_bench.js --only networks`.")
        w("")
        rows = []
        for name in NETWORKS:
            n = network(page, name)
            if not n:
                continue
            if n.get("error"):
                rows.append([name, "–", "failed: " + n["error"], "", "", "", "", "", "", ""])
                continue
            d, idle = n["drag"], n["idle"]
            if not d.get("cpu_ms"):
                rows.append([name, "–", d.get("note", "no drag"), "", "", "", "", "", "", ms(idle["cpu_ms"]["median"])])
                continue
            c, p = d["cpu_ms"], d["phase_median_ms"]
            rows.append([name, f"`{d['target']}`", f"{c['n']}", ms(c["median"]), ms(c["p95"]), ms(c["max"]),
                         " / ".join(f"{p[k]:.2f}" for k in ("events", "ui", "diagram_gl", "imgui_gl", "page")),
                         " / ".join(ms(v) for v in d["round_median_ms"]), ms(d["interval_ms"]["median"], 0),
                         ms(idle["cpu_ms"]["median"])])
        w(table(["network", "dragged", "frames", "median", "p95", "max",
                 "phases, ms: events / UI / diagram GL / ImGui GL / page", "median of each round", "frame interval",
                 "still frame"], rows))
        w("")
        w("Phases: *events* SDL's queue into ImGui; *UI* ImGui's frame and the app's panels, the edit and the "
          "forward pass; *diagram GL* the diagram's buffer updates and draw calls; *ImGui GL* ImGui's OpenGL3 "
          "backend (state backup, uploads, draws); *page* the address bar's link and the page's messages. "
          "*Still frame*: the median of 60 frames with no input.")
        w("")
        w("*Frame interval*, the time from one frame to the next (16.7 ms at 60 frames a second), is not the "
          "app's: with SwiftShader, Chromium's GPU process rasterizes on the CPU, and a trace of a drag "
          "(Chromium's tracing, `devtools.timeline` and `gpu`) shows its main thread busy in "
          "`SkiaOutputSurfaceImplOnGpu::SwapBuffers`, where SwiftShader executes the frame's drawing, while "
          "the page's main thread idles. A still diagram is cheap to draw (its lines are copied from a "
          "cached texture); while a weight changes, the lines of its gap (and of the two gaps beside it, "
          "within its strip) are drawn again into the cache every frame, up to 65,536 thin quads when the "
          "network has one gap. On a GPU that is a fraction of a millisecond; in software, on a shared "
          "2-core machine, it takes the frame rate down.")
        w("")
        w("The address bar: the page writes the current link there while the user edits (at most every "
          "250 ms). Chromium's `history.replaceState` with a 600 kB fragment (the 8x128 link) takes 50–800 ms "
          "of the page's main thread, so a drag on 8x128 stalled for that long four times a second (the "
          "*page* phase was 124 ms in the median frame). Now (`core/link_throttle.h`) a write that takes more "
          "than half a frame is not repeated while edits go on, only after they pause for 250 ms, and any "
          "write waits 50 times its cost before the next; cheap links are written as before.")
        w("")
        gl = page.get("gl_calls") or []
        if gl:
            w("### The GL state backup")
            w("")
            w("ImGui's OpenGL3 backend (third-party, from Debian's source package, not patched) saves and "
              "restores the GL state around its drawing every frame with `glGetIntegerv`, which Emscripten turns "
              "into WebGL `getParameter` calls. Chromium keeps most of that state on the page's side, but not the "
              "scissor box or the blend functions and equations: for those `getParameter` is a synchronous "
              "round trip to the GPU process, which first executes every command queued before it (with "
              "SwiftShader, the drawing itself). The app's frame then showed the GPU's work as its own: "
              "15–25 ms of a frame blocked in `getParameter(SCISSOR_BOX)` and `getParameter(BLEND_SRC_RGB)`. "
              "`src/platform/gl_state_cache.js` (linked with `--js-library`) makes the functions that set that "
              "state keep a copy, and `glGetIntegerv` answer from it; everything else still asks WebGL. The lever "
              "table below measures the page with and without it (`no-gl-copy`). With it, the WebGL calls "
              "a frame makes, timed one by one in the page (a separate run with every `WebGL2RenderingContext` "
              "method wrapped), are:")
            w("")
            rows = []
            for g in gl:
                if g.get("error"):
                    rows.append([g["name"], "failed: " + g["error"], "", ""])
                    continue
                top = ", ".join(f"`{c['call']}` {c['calls']:.1f}× {c['ms']:.3f} ms" for c in g["top"][:4])
                rows.append([g["name"], f"{g['frames']}", ms(g["total_ms"], 2), top])
            w(table(["network", "frames", "all WebGL calls, per frame", "costliest (calls and ms per frame)"], rows))
            w("")

    # ---- (d) links ----
    if page and page.get("networks"):
        w("## (d) Loading a link")
        w("")
        w("`window.mlpExplorer.load(fragment)` in the running page, 5 times per network (the text is put in "
          "the page first, so the time is the call alone). `load()` decodes, replaces the document (forward "
          "pass, undo step) and returns `state()`, whose JSON of the whole network is a large part of the time "
          "for big networks; `state()` alone is timed right after, and *open* is the difference (what opening "
          "a link costs the app: decoding, the forward pass and encoding the new link). *Next frame*: the "
          "first frame after it (the diagram's buffers rebuilt). The random weights are rounded to two "
          "decimals (`mlp::random_document`, the app's own random networks): with all 17 digits a "
          "1,048,576-weight link is about 20 MB, over the 16 MiB a link may be; `8x128-full` shows the cost "
          "of full-precision numbers. Native decode: `decode_link` in the Release build (Google Benchmark); "
          "wasm decode: the same compiled to wasm, under Node (`bench/wasm_core_bench.cpp`). "
          "Command: `node bench/page_bench.js --only networks`.")
        w("")
        rows = []
        for name in NETWORKS + ["8x128-full"]:
            n = network(page, name)
            nat = native.get(f"decode_link/{name}")
            wc = next((x for x in (wasm or {}).get("networks", []) if x["name"] == name), None)
            if not n:
                continue
            if n.get("error"):
                rows.append([name, "–", "failed: " + n["error"], "", "", "", "", ms(median_of(nat["ms"]) if nat else None), ""])
                continue
            l = n["load"]
            rows.append([name, f"{n['link_bytes']:,}", spread(l["load_ms"]), ms(l["state_ms"]["median"]),
                         ms(l["open_ms"]["median"]), ms(l["next_frame_ms"]["median"]) if l["next_frame_ms"] else "–",
                         ms(median_of(nat["ms"])) if nat else "–",
                         ms(wc["decode_link"]["median_ms"]) if wc else "–"])
        w(table(["network", "link bytes", "load(): median (min – max)", "state() alone", "open", "next frame",
                 "native decode", "wasm decode"], rows))
        w("")

    # ---- (e) forward pass ----
    if native:
        w("## (e) The forward pass")
        w("")
        w("Native: `mlp::forward_pass` (every layer, every sample) in the Release build (g++ -O3, no "
          "-march: plain x86-64 with SSE2), Google Benchmark, 5 repetitions of at least 0.2 s; GFLOP/s counts "
          "2 × weights × samples per pass; the median and the range of the repetitions. Instructions per "
          "weight: `valgrind --tool=callgrind`, (12 passes − 2 passes) / 10, divided by the weights: a figure "
          "that the machine's load cannot move. Wasm: the same code compiled with the page's core flags, under "
          "Node (V8, Chromium's engine), median of 7. numpy: `bench/numpy_forward.py`, the same weights "
          "(read from the same links) as float64 C-contiguous arrays, `z = W @ a + b` then ReLU per layer "
          "(the same work), and the bare `W @ a` products alone; timeit, 7 repeats of enough calls to last "
          "0.2 s, median (and best). Commands: `build/bench-native/mlp_benchmarks`, `node --no-experimental-fetch "
          "build/bench-page/mlp_wasm_core_bench.js`, `/usr/bin/python3 bench/numpy_forward.py build/bench/links`.")
        w("")
        rows = []
        for name in NETWORKS:
            r = native.get(f"forward_pass/{name}")
            if not r:
                continue
            npn = next((x for x in (numpy or {}).get("networks", []) if x["name"] == name), None)
            wc = next((x for x in (wasm or {}).get("networks", []) if x["name"] == name), None)
            weights = npn["weights"] if npn else None
            instr = instructions.get(name)
            g = r["gflops"]
            rows.append([name, f"{weights:,}" if weights else "–", ms(median_of(r["ms"]), 4),
                         f"{statistics.median(g):.2f} ({min(g):.2f} – {max(g):.2f})",
                         f"{instr / weights:.2f}" if instr and weights else "–",
                         f"{wc['forward_gflops']:.2f}" if wc else "–",
                         f"{npn['forward']['gflops_median']:.2f} ({npn['forward']['gflops_best']:.2f})" if npn else "–",
                         f"{npn['matvec']['gflops_median']:.2f}" if npn else "–",
                         f"{statistics.median(g) / npn['forward']['gflops_median']:.1f}x" if npn else "–"])
        w(table(["network", "weights", "native time", "native GFLOP/s: median (range)", "instructions / weight",
                 "wasm GFLOP/s", "numpy forward GFLOP/s: median (best)", "numpy W @ a only", "native / numpy"], rows))
        w("")
        w("numpy here calls Debian's reference BLAS (`libblas3`, plain Fortran loops), which is what "
          "`python3-numpy` pulls in; a tuned BLAS (OpenBLAS) would be faster on the large sizes. The core's "
          "loop keeps four partial sums, so the compiler overlaps multiply-adds without reassociating "
          "floating point; at 1024x1024 the 8 MB of weights stream from the L3 cache.")
        w("")
        w("Recomputing only downstream layers (`Session::set_weight`, as a slider drag does):")
        w("")
        rows = []
        for name in NETWORKS:
            first, last = native.get(f"edit_weight_first_layer/{name}"), native.get(f"edit_weight_last_layer/{name}")
            if not first or not last:
                continue
            wc = next((x for x in (wasm or {}).get("networks", []) if x["name"] == name), None)
            rows.append([name, ms(median_of(first["ms"]), 4), ms(median_of(last["ms"]), 4),
                         ms(wc["edit_weight_first_layer"]["median_ms"], 4) if wc else "–",
                         ms(wc["edit_weight_last_layer"]["median_ms"], 4) if wc else "–"])
        w(table(["network", "native: edit in W1", "native: edit in the last W", "wasm: W1", "wasm: last W"], rows))
        w("")

    # ---- (f) backward pass ----
    if native and any(k.startswith("backward_pass/") for k in native):
        w("## (f) The backward pass and a step of gradient descent")
        w("")
        w("Native: `mlp::backward_pass` (the loss, then dz, dW and db of every layer, from a forward pass), "
          "same build and repetitions as (e); the benchmark networks get targets of zeros for every output, "
          "scored by `mse` with the mean over samples. GFLOP/s counts 2 × weights × samples for dW of every "
          "layer and again for dL/da of every layer but the first (the inputs need none). numpy: "
          "`bench/numpy_backward.py`, the same networks and targets, the same work written as numpy is "
          "(`dz.T @ a_prev`, `dz @ W`, whole batches), timed as in (e). A step: `Session::step(1)` (the "
          "backward pass, every weight and bias updated, the forward pass again, and the undo step's copy "
          "of the weights). Commands: `build/bench-native/mlp_benchmarks --benchmark_filter='backward|step'`, "
          "`/usr/bin/python3 bench/numpy_backward.py build/bench/links`.")
        w("")
        rows = []
        for name in NETWORKS:
            r = native.get(f"backward_pass/{name}")
            if not r:
                continue
            npn = next((x for x in (numpy_backward or {}).get("networks", []) if x["name"] == name), None)
            step = native.get(f"gradient_step/{name}")
            g = r["gflops"]
            rows.append([name, ms(median_of(r["ms"]), 4), f"{statistics.median(g):.2f} ({min(g):.2f} – {max(g):.2f})",
                         f"{ms(npn['backward']['median_s'] * 1e3, 4)} ({npn['backward']['gflops_median']:.2f})" if npn else "–",
                         f"{statistics.median(g) / npn['backward']['gflops_median']:.1f}x" if npn else "–",
                         ms(median_of(step["ms"]), 3) if step else "–"])
        w(table(["network", "native backward pass", "native GFLOP/s: median (range)", "numpy: time (GFLOP/s)",
                 "native / numpy", "native step(1)"], rows))
        w("")
        w("Each row of W and of dW is read once per pass and used for every sample while it is in cache; "
          "a sample whose dz is 0 (a clipped ReLU) adds nothing and is skipped, so a hidden layer of ReLUs "
          "costs about half (1024x1024 has no hidden layer: its figure is the full work).")
        w("")

    # ---- Other costs ----
    if native and wasm:
        w("## Other costs of the core, native and wasm")
        w("")
        rows = []
        for name in NETWORKS:
            wc = next((x for x in wasm["networks"] if x["name"] == name), None)
            if not wc:
                continue
            def nat(key):
                r = native.get(f"{key}/{name}")
                return ms(median_of(r["ms"]), 3) if r else "–"
            rows.append([name, f"{nat('encode_link')} / {ms(wc['encode_link']['median_ms'], 3)}",
                         f"{nat('encode_link_after_edit')} / {ms(wc['encode_link_after_edit']['median_ms'], 3)}",
                         f"{nat('state_json')} / {ms(wc['state_json']['median_ms'], 3)}",
                         f"{nat('diagram_lines_rebuild')} / {ms(wc['diagram_lines_rebuild']['median_ms'], 3)}",
                         f"{nat('diagram_line_update')} / {ms(wc['diagram_line_update']['median_ms'], 3)}"])
        w(table(["network (native / wasm)", "encode the link", "encode after one edit (row cache)", "state() JSON",
                 "diagram: all lines", "diagram: one line"], rows))
        w("")
        w("*Encode after one edit*: `LinkEncoder` formats only the edited row again; the page does it at most "
          "every 250 ms during a drag (the address bar). *Diagram*: the CPU side of the instance buffers "
          "(`edge_bins.h`); the renderer rebuilds all lines only for a new document and otherwise rewrites the "
          "one line of the edited weight (`glBufferSubData` of 20 bytes instead of up to 65,536 × 20).")
        pn = native.get("parse_number")
        st = native.get("strtod")
        if pn and st:
            w("")
            w(f"Reading one number: `parse_number` (fast_float's `from_chars`, in place, nothing allocated) "
              f"{median_of(pn['ms']) * 1e6 / 8:.0f} ns natively and {wasm['parse_number_ns']:.0f} ns in wasm; the "
              f"C library's `strtod` it replaced: {median_of(st['ms']) * 1e6 / 8:.0f} ns natively, "
              f"{wasm['strtod_ns']:.0f} ns in wasm (musl's `strtod` works in `long double`, which is software "
              f"128-bit arithmetic in wasm). For the million numbers of a 1024x1024 link that is "
              f"{wasm['strtod_ns'] * 1048576 / 1e6:,.0f} ms against {wasm['parse_number_ns'] * 1048576 / 1e6:,.0f} ms.")
        w("")

    # ---- Levers ----
    w("## Levers")
    w("")
    lever_rows = levers_table(root)
    lever_files = {os.path.basename(p)[:-len(".page.json")]: p for p in glob.glob(os.path.join(res, "levers", "*.page.json"))}
    if not lever_files:
        w("No lever figures: run `./build.sh bench` without `--no-levers`.")
    else:
        w("Each line of `bench/levers.txt` is the page built with those flags (`build/bench-levers/<name>`), "
          "measured as above but lighter: bytes, first frame (5 loads), the exercise dragged and the "
          "1024x1024 network (2 rounds), and its core under Node. One at a time against `chosen`, the flags "
          "chosen for the page. The machine is shared: differences within ~20 % in times are noise; sizes "
          "are exact.")
        w("")
        rows = []
        for lever in lever_rows:
            p = load_json(lever_files.get(lever["name"], "")) if lever["name"] in lever_files else None
            c = load_json(os.path.join(res, "levers", lever["name"] + ".core.json"))
            if not p:
                rows.append([f"`{lever['name']}`", lever["what"], "build or run failed", "", "", "", "", "", "", ""])
                continue
            files = {f["name"]: f for f in p["bytes"]["files"]} if p.get("bytes") else {}
            ex, bg = network(p, "exercise"), network(p, "1024x1024")

            def drag(n):
                if not n or n.get("error"):
                    return "failed" if n else "–"
                d = n["drag"].get("cpu_ms")
                return f"{d['median']:.2f} / {d['p95']:.2f}" if d else f"still {n['idle']['cpu_ms']['median']:.2f}"
            cb = next((x for x in (c or {}).get("networks", []) if x["name"] == "1024x1024"), None)
            chosen = all(lever[k] == flags.get(k, "") for k in ("core", "hot", "imgui", "app", "link")) and not lever["other"]
            rows.append([f"`{lever['name']}`" + (" (chosen)" if chosen else ""), lever["what"],
                         kb(files["mlp_explorer.wasm"]["gzip9"]) if files else "–",
                         kb(files["mlp_explorer.js"]["gzip9"]) if files else "–",
                         kb(p["bytes"]["total"]["gzip9"]) if files else "–",
                         ms(p["first_frame"]["first_frame"]["median"], 0) if p.get("first_frame") else "–",
                         drag(ex), drag(bg),
                         f"{cb['forward_gflops']:.2f}" if cb else "–",
                         ms(cb["decode_link"]["median_ms"], 0) if cb else "–"])
        w(table(["variant", "what it tries", "wasm gzip", "js gzip", "page gzip", "first frame",
                 "exercise drag, ms: median / p95", "1024x1024 drag (or still), ms", "wasm forward GFLOP/s, 1024x1024",
                 "wasm decode, 1024x1024"], rows))
        w("")
    w("Levers checked without a build variant:")
    w("")
    w("- `IMGUI_DISABLE_DEMO_WINDOWS` (and `IMGUI_DISABLE_DEBUG_TOOLS`): already set; `imgui_demo.cpp` is not "
      "even compiled, so the demo costs nothing.")
    w("- Recomputing only downstream layers, and GPU buffers updated only on change: already in the code; "
      "their effect is in (e) and \"Other costs\" above.")
    w("- Number parsing without allocation: it was already in place (a stack copy for `strtod`); what it cost "
      "was `strtod` itself, now replaced by fast_float (Debian's `libfast-float-dev`), see \"Other costs\".")
    w("- gzip against what a static host serves: see (a). Most servers compress on the fly at level 6, a few "
      "bytes more than -9; brotli (where the host offers it) saves more. Nothing is pre-compressed in "
      "`build/web`; a host that serves `.gz` files next to the originals can be given them.")
    w("")

    text = "\n".join(doc).rstrip() + "\n"
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    # The summary on the terminal.
    width = [max(len(str(r[i])) for r in summary_rows + [["figure", "target", "measured", ""]]) for i in range(4)]
    print()
    for r in [["figure", "target", "measured", ""]] + summary_rows:
        print("  " + "  ".join(str(c).replace("**", "").ljust(width[i]) for i, c in enumerate(r)))
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()

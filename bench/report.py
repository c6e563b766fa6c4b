#!/usr/bin/python3
"""Writes docs/benchmarks.md from the results of ./build.sh bench, and prints its summary table.

    /usr/bin/python3 bench/report.py --results build/bench --out docs/benchmarks.md \
        [--seconds N]

Every number in the document comes from the JSON files in --results (written by the native
benchmarks, numpy_forward.py, numpy_backward.py, the wasm core benchmarks and page_bench.js in the
same run); the text around them says how each was made. Nothing here measures anything. One function
per section of the document (header, targets, ... levers); write_document puts them in order.
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
TARGETS = {"page_gzip_kb": 300, "page_moonshot_kb": 250, "startup_ms": 600, "idle_cpu": 0.02,
           "frame_ms": {"exercise": 2, "8x128": 8, "1024x1024": 16}, "interval_ms": {"exercise": 33, "8x128": 66},
           "link_8x128_ms": 1000, "numpy_ratio": 2,
           "train_vs_playground": 10, "train_fps": 30, "train_interval_ms": 33}
# The networks of bench/page_training.js: the name in the JSON, as the document says it.
TRAIN_LABELS = {"4-2": "4-2", "8x6": "8x6", "8x128": "8x128", "1M": "2-1022-1022-1"}
KB = 1000  # sizes in kB of 1000 bytes, as the 300 kB target
IDLE_SECONDS = 10  # bench/page_compare.js's IDLE_MS


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


# ---- The results of one run ---------------------------------------------------------------------

class Results:
    """Every input of the document, read once: the JSON files of --results and the repo's flags."""

    def __init__(self, res, root, seconds):
        self.dir = res
        self.root = root
        self.seconds = seconds
        self.context, self.native = native_results(os.path.join(res, "native.json"))
        self.instructions = callgrind_counts(os.path.join(res, "callgrind.txt"))
        self.numpy = load_json(os.path.join(res, "numpy.json"))
        self.numpy_backward = load_json(os.path.join(res, "numpy_backward.json"))
        self.wasm = load_json(os.path.join(res, "wasm_core.json"))
        self.wasm_simd = load_json(os.path.join(res, "wasm_core_simd.json"))
        self.page = load_json(os.path.join(res, "page.json")) or {}
        self.sizes = load_json(os.path.join(res, "wasm_sizes.json"))
        path = os.path.join(res, "load.jsonl")
        self.loads = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()] if os.path.exists(path) else []
        self.machine = machine()
        self.flags = page_flags(root)
        self.date = self.page.get("date", datetime.datetime.utcnow().isoformat())[:16].replace("T", " ")
        compare = self.page.get("compare") or {}
        self.compare_error = compare.get("error")
        self.ours = compare.get("mlp")
        self.playground = compare.get("playground")
        training = self.page.get("training") or {}
        self.training_error = training.get("error")
        self.training = training if training.get("networks") else None
        self.drag_targets = self.page.get("drag_targets") or []

    def network(self, name):
        return network(self.page, name)

    def wasm_network(self, name, simd=False):
        return next((x for x in ((self.wasm_simd if simd else self.wasm) or {}).get("networks", []) if x["name"] == name),
                    None)

    def numpy_network(self, name, backward=False):
        results = self.numpy_backward if backward else self.numpy
        return next((x for x in (results or {}).get("networks", []) if x["name"] == name), None)


def not_measured(r, what):
    n = r.network(what)
    return f"not measured: {n.get('error') if n else 'missing'}"


# ---- Figures against the targets ----------------------------------------------------------------

def target_rows(r):
    """The summary table: [figure, target, measured, verdict] per target, in the order of the doc."""
    rows = []
    b = r.page.get("bytes")
    if b and b.get("simd"):
        worst = max(b["simd"]["gzip9"], b["plain"]["gzip9"])
        rows.append(["(a) page as a browser loads it, gzip -9 (brotli 11): with wasm SIMD / without",
                     f"≤ {TARGETS['page_gzip_kb']} kB (moonshot {TARGETS['page_moonshot_kb']} kB)",
                     f"{kb(b['simd']['gzip9'])} ({kb(b['simd']['brotli11'])}) / {kb(b['plain']['gzip9'])} "
                     f"({kb(b['plain']['brotli11'])})", verdict(worst <= TARGETS["page_gzip_kb"] * KB)])
    rows += experience_rows(r)
    for name, label in (("exercise", "exercise"), ("8x128", "8x128"), ("1024x1024", "1,048,576 weights")):
        n = r.network(name)
        target = TARGETS["frame_ms"][name]
        if not n or n.get("error"):
            rows.append([f"(c) frame CPU while dragging, {label}", f"≤ {target} ms", not_measured(r, name), "**not met**"])
            continue
        d = n["drag"]
        if d.get("cpu_ms"):
            c = d["cpu_ms"]
            note = verdict(c["median"] <= target)
            if c["median"] <= target < c["p95"]:
                note += " (median; the p95 is not: see (c))"
            rows.append([f"(c) frame CPU while dragging `{d['target']}`, {label}: median (p95)", f"≤ {target} ms",
                         f"{ms(c['median'])} ({ms(c['p95'])})", note])
        else:
            rows.append([f"(c) frame CPU while dragging, {label}", f"≤ {target} ms",
                         f"no drag: {d.get('note', '')}; a still frame: {ms(n['idle']['cpu_ms']['median'])}",
                         "**not measured**"])
    for name, label in (("exercise", "exercise"), ("8x128", "8x128")):
        n = r.network(name)
        target = TARGETS["interval_ms"][name]
        interval = (n or {}).get("drag", {}).get("interval_ms") if n and not n.get("error") else None
        if interval:
            rows.append([f"(c) frame interval while dragging, {label}, software GL: median", f"≤ {target} ms",
                         ms(interval["median"], 0), verdict(interval["median"] <= target)])
        else:
            rows.append([f"(c) frame interval while dragging, {label}", f"≤ {target} ms", not_measured(r, name),
                         "**not met**"])
    rows += drag_targets_rows(r)
    n = r.network("8x128")
    if n and not n.get("error"):
        med = n["load"]["load_ms"]["median"]
        rows.append(["(d) load() of the 8x128 link, median", "< 1 s", ms(med, 0), verdict(med < TARGETS["link_8x128_ms"])])
    else:
        rows.append(["(d) load() of the 8x128 link", "< 1 s", not_measured(r, "8x128"), "**not met**"])
    big = r.native.get("forward_pass/1024x1024")
    np_big = r.numpy_network("1024x1024")
    if big and np_big:
        ours = statistics.median(big["gflops"])
        ref = np_big["forward"]["gflops_median"]
        rows.append(["(e) forward pass 1024x1024, native vs numpy (GFLOP/s, medians)", "within 2x of numpy",
                     f"{ours:.2f} vs {ref:.2f} ({ours / ref:.1f}x numpy)", verdict(ours * TARGETS["numpy_ratio"] >= ref)])
    big = r.native.get("backward_pass/1024x1024")
    np_big = r.numpy_network("1024x1024", backward=True)
    if big and np_big:
        ours = statistics.median(big["gflops"])
        ref = np_big["backward"]["gflops_median"]
        rows.append(["(f) backward pass 1024x1024, native vs numpy (GFLOP/s, medians)", "within 2x of numpy",
                     f"{ours:.2f} vs {ref:.2f} ({ours / ref:.1f}x numpy)", verdict(ours * TARGETS["numpy_ratio"] >= ref)])
    rows += training_rows(r)
    plain, simd = r.wasm_network("1024x1024"), r.wasm_network("1024x1024", simd=True)
    if plain and simd:
        rows.append(["(e) forward pass 1024x1024 in wasm, SIMD build vs plain build (GFLOP/s)", "SIMD where the browser has it",
                     f"{simd['forward_gflops']:.2f} vs {plain['forward_gflops']:.2f} "
                     f"({simd['forward_gflops'] / plain['forward_gflops']:.1f}x)", "reported"])
    return rows


def drag_targets_rows(r):
    """The drag of (c) with targets and the Gradients view on; a step of the 1M network in the page."""
    rows = []
    for name, label in (("8x128", "8x128"), ("1024x1024", "1,048,576 weights")):
        d = next((x for x in r.drag_targets if x.get("name") == name), None)
        target = TARGETS["frame_ms"][name]
        figure = f"(c) frame CPU while dragging with targets and the Gradients view, {label}: median (p95)"
        if not d or d.get("error"):
            rows.append([figure, f"≤ {target} ms", f"not measured: {d.get('error') if d else 'missing'}", "**not met**"])
            continue
        c = d["cpu_ms"]
        note = verdict(c["median"] <= target)
        if c["median"] <= target < c["p95"]:
            note += " (median; the p95 is not)"
        rows.append([figure, f"≤ {target} ms", f"{ms(c['median'])} ({ms(c['p95'])})", note])
    d = next((x for x in r.drag_targets if x.get("name") == "1024x1024" and not x.get("error")), None)
    if d:
        native = r.native.get("gradient_step/1024x1024")
        rows.append(["one step of gradient descent, 1,048,576 weights, in the page: median (native)", "reported",
                     f"{ms(d['step_ms']['median'])} ({ms(median_of(native['ms'])) if native else '–'})", "reported"])
    return rows


def training_rows(r):
    """Epochs and frames a second while Run trains (page_training.js), beside Playground's."""
    t = r.training
    if not t:
        return [["epochs and frames a second while training", "", f"not measured: {r.training_error or 'missing'}",
                 "**not met**"]]
    rows = []
    by = {n["name"]: n for n in t["networks"]}
    for name in ("4-2", "8x6"):
        n = by.get(name) or {}
        o, p = n.get("mlp_summary"), n.get("playground_summary")
        if o and p:
            ours, theirs = o["epochs_per_s"]["median"], p["epochs_per_s"]["median"]
            rows.append([f"epochs a second while training {name}, beside Playground (median of {o['runs']} runs of "
                         f"{t['measure_s']:.0f} s)", f"≥ {TARGETS['train_vs_playground']}x Playground",
                         f"{ours:,.1f} vs {theirs:,.1f} ({ours / theirs:,.0f}x)",
                         verdict(ours >= TARGETS["train_vs_playground"] * theirs)])
        elif o:
            rows.append([f"epochs a second while training {name}", f"≥ {TARGETS['train_vs_playground']}x Playground",
                         f"{o['epochs_per_s']['median']:,.1f} (Playground not measured)", "**not measured**"])
    for name in ("4-2", "8x6", "8x128"):
        o = (by.get(name) or {}).get("mlp_summary")
        if not o:
            continue
        fps = o["frames_per_s"]["median"]
        rows.append([f"frames a second while training {TRAIN_LABELS[name]}, software GL: median",
                     f"≥ {TARGETS['train_fps']}", f"{rate(fps)} (app's frame {ms(o['app_frame_cpu_ms']['median']) if o.get('app_frame_cpu_ms') else '–'})",
                     verdict(fps >= TARGETS["train_fps"])])
    o = (by.get("1M") or {}).get("mlp_summary")
    if o:
        figure = f"frame interval while training {TRAIN_LABELS['1M']} ({by['1M']['weights']:,} weights): p50 / p95"
        if o["interval_p95_ms"]:
            p95 = o["interval_p95_ms"]["median"]
            rows.append([figure, f"≤ {TARGETS['train_interval_ms']} ms", f"{intervals(o)}",
                         verdict(p95 <= TARGETS["train_interval_ms"])])
        else:
            rows.append([figure, f"≤ {TARGETS['train_interval_ms']} ms", intervals(o), "**not met**"])
    return rows


def experience_rows(r):
    """Start-up, edit latency and idle cost (page_compare.js), beside Playground's when measured."""
    if not r.ours:
        return [["start-up, edit latency, idle", "", f"not measured: {r.compare_error or 'missing'}", "**not met**"]]
    o, p = r.ours, r.playground
    loads = len(o["loads"])
    rows = []
    shown = o["first_frame_shown_ms"]["median"]
    ok = shown <= TARGETS["startup_ms"]
    text = ms(shown, 0)
    if p:
        theirs = p["first_frame_shown_ms"]["median"]
        ok = ok and shown < theirs
        text += f" (Playground {ms(theirs, 0)})"
    rows.append([f"navigation → first frame shown, median of {loads}",
                 f"≤ {TARGETS['startup_ms']} ms" + (", ahead of Playground" if p else ""), text, verdict(ok)])
    lat = o["edit_latency_ms"]
    if lat:
        text = f"{ms(lat['median'], 0)} ({lat['n']} edits)"
        ok = True
        if p and p["edit_latency_ms"]:
            ok = lat["median"] < p["edit_latency_ms"]["median"]
            text += f" (Playground {ms(p['edit_latency_ms']['median'], 0)})"
        rows.append(["weight edit → the frame that shows it, median", "ahead of Playground" if p else "–", text,
                     verdict(ok) if p else "reported"])
    idle = o["idle_cpu_per_s"]["median"]
    frames = o["idle_raf_callbacks_per_s"]["median"]
    rows.append([f"idle page, CPU s per s over {IDLE_SECONDS} s, every browser process (animation frames a second)",
                 f"≤ {TARGETS['idle_cpu']}", f"{idle:.3f} ({frames:.1f} frames/s)" +
                 (f" (Playground {p['idle_cpu_per_s']['median']:.3f})" if p else ""), verdict(idle <= TARGETS["idle_cpu"])])
    return rows


# ---- Sections -----------------------------------------------------------------------------------

def later_steps(r):
    """The page_bench steps whose results are dated in another hour than the run's (run alone later)."""
    steps = []
    if r.training and r.training.get("date", r.page.get("date", ""))[:13] != r.page.get("date", "")[:13]:
        steps.append("(g)")
    done = [d for d in r.drag_targets if d.get("date")]
    if done and done[0]["date"][:13] != r.page.get("date", "")[:13]:
        steps.append("the drag with targets in (c)")
    return steps


def header(r):
    m = r.machine
    later = later_steps(r)
    out = ["# Benchmarks", "",
           f"Made by `./build.sh bench` on {r.date} UTC" + (f" in {r.seconds // 60} min" if r.seconds else "") +
           "; every figure below comes from that run" +
           (f" ({' and '.join(later)} from a later run of those steps alone, dated there)" if later else "") +
           " and is remade by running it again (the build variants of "
           "\"Levers\" are skipped by `./build.sh bench --no-levers`, which keeps the last full run's; TensorFlow "
           "Playground is measured beside the page when `--playground DIR` names its build). The raw results are "
           "in `build/bench/*.json`. Scripts: `bench/` (what each measures is said at its top).", "",
           "## Machine", ""]
    loadavg = [float(x["loadavg"].split()[0]) for x in r.loads]
    out.append(f"- CPU: {m['cpu']}, {m['cores']} cores, {m['memory_gb']:.0f} GB of memory; {m['os']}, Linux {m['kernel']}.")
    out.append(f"- Shared with other engineers' builds and tests: the 1-minute load average at the start of each step "
               f"ranged {min(loadavg):.1f} – {max(loadavg):.1f} on {m['cores']} cores. Figures are medians of repeated "
               "runs with their spread; treat differences under ~20 % as noise." if loadavg else "- Load average: not recorded.")
    out.append(f"- Compilers: g++ {m['gcc']} (native, Release: -O3), {m['emcc']}, Node {m['node']}; "
               f"Chromium {r.page.get('chromium', '?')} headless, WebGL2 through SwiftShader "
               f"(`{r.page.get('renderer', '?')}`): software rendering, no GPU.")
    if r.numpy:
        out.append(f"- numpy {r.numpy['numpy']} on Python {r.numpy['python']} (`/usr/bin/python3`), linked with "
                   f"`{r.numpy['blas_library']}` (Debian's reference BLAS, single-threaded).")
    f = r.flags
    out.append(f"- The page's flags (cmake/web_app.cmake): core `{f.get('core')}`, the core's inner loops `{f.get('hot')}` "
               f"(`{f.get('hot')} {f.get('simd')}` in the SIMD build), ImGui `{f.get('imgui')}`, app `{f.get('app')}`, "
               f"link `{f.get('link')}`; no C++ exceptions or RTTI; the JavaScript minified by Closure.")
    out.append("")
    return out


def targets_section(rows):
    return ["## Figures against the targets", "", table(["figure", "target", "measured", ""], rows), ""]


def experience_section(r):
    if not r.ours:
        return []
    o, p = r.ours, r.playground
    out = ["## Start-up, edit latency and idle cost" + (", beside TensorFlow Playground" if p else ""), ""]
    out.append(
        "What a user feels, measured the same way for " + ("both pages in one run, interleaved (one load of each in "
        "turn" if p else "the page (") + f", {len(o['loads'])} loads" + (" each" if p else "") + " after a warm-up), "
        "in the same headless Chromium with SwiftShader at 1280x720, each load in a fresh browser context (empty "
        "cache, files never cached). Requests to other hosts (Playground's web fonts and analytics) are sent to "
        "loopback, where they fail at once. Command: `node bench/page_bench.js --only compare [--playground DIR]`; "
        "the method in detail is at the top of `bench/page_compare.js`.")
    out.append("")
    out.append(
        "- *First frame shown*: from navigation start to the start of the animation frame after the one that "
        "carries the first complete picture: MLP Explorer's when its app has drawn it (`mlpexplorer:ready`)" +
        (", Playground's when its script has built its network, heat maps included (`DOMContentLoaded`)" if p else "") +
        ". A picture made in an animation frame's callbacks is carried by that frame, one made between frames "
        "by the next. A frame begins once the browser has produced the one before, so its start is when that "
        "picture reached the screen, as near as a page can tell.")
    out.append(
        "- *Edit latency*: from the input event's time stamp to the start of the frame after the one that carries "
        "the changed value. MLP Explorer: one mouse move in the drag of a weight slider (fine mode), applied by "
        "the app in the frame where it reads the event" + ("; Playground: a digit typed into a weight's field "
        "(its own way to edit a weight: the pointer on a line, a click, then keys), applied by its input "
        "handler, which redraws the network and its heat maps at once" if p else "") +
        f"; {o['loads'][0]['edits']['edits']} edits per load, a few frames apart.")
    out.append(
        f"- *Idle*: after a 2 s pause, {IDLE_SECONDS} s with no input: the CPU time (user + system, every thread) of "
        "every process of the browser (browser, GPU, renderer, utility; read from `/proc`), per second; and the "
        "animation-frame callbacks the page ran meanwhile (MLP Explorer: also the frames its app drew).")
    out.append("")
    cols = ["", "MLP Explorer"] + (["TensorFlow Playground"] if p else [])

    def both(fn):
        return [fn(o)] + ([fn(p)] if p else [])

    def kbs(x):
        t = x["bytes"]["total"]
        return f"{kb(t['gzip9'])} gzip -9, {kb(t['brotli11'])} brotli ({len(x['bytes']['files'])} files)"

    def gpu(x):
        by = x["idle_cpu_per_s_by_type"]
        return ", ".join(f"{k} {v:.3f}" for k, v in sorted(by.items(), key=lambda kv: -kv[1]) if v > 0) or "–"

    def lat(x):
        s = x["edit_latency_ms"]
        return f"{ms(s['median'], 0)} (p95 {ms(s['p95'], 0)}, {s['n']} edits)" if s else "–"

    rows = [["navigation → first frame shown: median (min – max)"] + both(lambda x: spread(x["first_frame_shown_ms"], 0)),
            ["edit → the frame that shows it: median"] + both(lat),
            ["idle: CPU s per s, all browser processes: median (min – max)"] +
            both(lambda x: f"{x['idle_cpu_per_s']['median']:.3f} ({x['idle_cpu_per_s']['min']:.3f} – "
                           f"{x['idle_cpu_per_s']['max']:.3f})"),
            ["idle: by process (medians)"] + both(gpu),
            ["idle: animation-frame callbacks a second"] + both(lambda x: f"{x['idle_raf_callbacks_per_s']['median']:.1f}"),
            ["idle: frames the app drew a second"] +
            both(lambda x: f"{x['idle_app_frames_per_s']['median']:.1f}" if x.get("idle_app_frames_per_s") else "–"),
            ["bytes of what the page loads"] + both(kbs)]
    out += [table(cols, rows), ""]
    if p:
        out.append("Playground's figures are for its build from source (`npm ci && npm run build` of the "
                   "tensorflow/playground repository, served as built, without its web fonts); its heavy first "
                   "frame is its SVG network and heat maps laid out and painted in software.")
        out.append("")
    return out


def bytes_section(r):
    b = r.page.get("bytes")
    if not b:
        return []
    out = ["## (a) Bytes of the page", ""]
    out.append(
        "Every file of `build/web` (the compressed copies beside them aside), as built; compressed here with zlib "
        "at gzip level 9 (the target's measure), level 6 (the default of most servers that compress on the fly) "
        "and brotli quality 11 (what hosts that pre-compress serve). The app comes in two builds: a browser with "
        "wasm SIMD (Chromium, Firefox, Safari 16.4 and later) loads `mlp_explorer_simd.*`, one without "
        "`mlp_explorer.*` (`web/page.js` asks `WebAssembly.validate` about a tiny SIMD module); the columns "
        "*SIMD* and *plain* say which files each fetched when the page opened. `build/web` also holds a `.gz` "
        "(gzip -9) and a `.br` (brotli 11) of every file, for hosts that serve them. Command: "
        "`node bench/page_bench.js --only bytes`.")
    out.append("")
    rows = [[f"`{f['name']}`", "yes" if f["requested_simd"] else "", "yes" if f["requested_plain"] else "",
             f"{f['raw']:,}", f"{f['gzip9']:,}", f"{f['gzip6']:,}", f"{f['brotli11']:,}"] for f in b["files"]]
    for key, label in (("simd", "**the page with SIMD**"), ("plain", "**the page without SIMD**")):
        t = b[key]
        rows.append([label, "", "", f"{t['raw']:,}", f"**{t['gzip9']:,}**", f"{t['gzip6']:,}", f"**{t['brotli11']:,}**"])
    out += [table(["file", "SIMD", "plain", "bytes", "gzip -9", "gzip -6", "brotli 11"], rows), ""]
    missing = [f["name"] for f in b["files"] if not f.get("precompressed")]
    if missing:
        out += [f"Without their `.gz` and `.br` copies: {', '.join(missing)}.", ""]
    out += wasm_sizes_section(r)
    return out


def wasm_sizes_section(r):
    sizes = r.sizes
    if not sizes:
        return []
    out = ["Where the bytes of `mlp_explorer.wasm` go (`bench/wasm_sizes.py` on the page relinked with function "
           "names): its code by origin, each group compressed alone (an estimate: the parts add up to a little "
           "more than the whole). A function inlined into another counts where it ended up.", ""]
    rows = [[g["group"], g["what"], f"{g['functions']:,}", f"{g['raw']:,}", f"{g['gzip']:,}",
             ", ".join(f"`{short_name(x['name'])}` {x['bytes']:,}" for x in g["largest"][:2])]
            for g in sorted(sizes["groups"], key=lambda g: -g["gzip"])]
    sec = sizes["sections"]
    rows.append(["data", "constant data: the font, shaders, tables", "", f"{sec.get('data', 0):,}",
                 f"{sizes['data_gzip']:,}", ""])
    out += [table(["part", "what", "functions", "bytes", "gzip -9", "largest functions (bytes)"], rows), ""]
    out.append(
        "What was cut first (381 kB before): SDL without its software blitters, RLE and YUV code "
        "(`SDL_LEAN_AND_MEAN`) and at -Oz, with three functions the page never needs replaced by stand-ins "
        "(`cmake/sdl2_wasm/sdl_lean.c`: surface conversion and game controllers, reached only from colour cursors, "
        "window icons and gamepad navigation; and `eglGetProcAddress`, whose Emscripten version is a table of "
        "every GL function, which kept all of them in the wasm and the JavaScript); ImGui's built-in font "
        "(ProggyClean, 12 kB, never shown: `src/app/fonts_no_default.cpp`); the shaders' comments "
        "(`cmake/embed_file.cmake`); C++ exceptions and RTTI; Emscripten's small allocator (emmalloc) for "
        "dlmalloc; and the JavaScript glue minified by Closure (ADVANCED, the npm `google-closure-compiler` of "
        "Emscripten 3.1.6's time). Then (December 2026, 381.8 kB before, as measured here; each figure "
        "below is what the cut took off the gzip -9 of the wasm and its JavaScript when it was made): musl's `strtod` and `sscanf`, which read "
        "numbers in long double, software 128-bit arithmetic in wasm (`__floatscan`, `__multf3`, `__divtf3`, "
        "`__addtf3`, `fmodl`, `scalbnl`, the scanf engine), replaced by the page's own "
        "(`src/platform/libc_scanning.cpp`: `strtod` hands the number's characters to JavaScript's `Number()`, "
        "correctly rounded as `strtod` is; a small `sscanf` for the formats Dear ImGui uses, "
        "`src/platform/scan_format.cpp`): 8.3 kB; SDL's gesture recognizer and its software window framebuffer, "
        "which the page never reads or draws to (stand-ins in `sdl_lean.c`): 2.2 and 1.8 kB; one function "
        "working out the backward sheet's cells in place of a `std::function` per block: 1.6 kB; `mlp::FunctionRef` "
        "in place of `std::function` for callbacks called only during the call (`src/core/function_ref.h`): "
        "1.4 kB; static destructors, which never run in a page that never exits "
        "(`-fno-c++-static-destructors`): 0.6 kB; ImGui's reader and writer of tables' .ini settings, which the "
        "page never reads or writes (`src/app/imgui_no_table_settings.cpp`): 0.9 kB. The lever table below measures some of them one by one.")
    out.append("")
    return out


def first_frame_section(r):
    ff = r.page.get("first_frame")
    if not ff:
        return []
    out = ["## (b) Navigation to the first drawn frame", ""]
    out.append(
        "Headless Chromium at 1280x720, a fresh browser context per load (empty cache; the server also sends "
        "`Cache-Control: no-store`), one warm-up load then 5 measured. The time is `performance.now()` "
        "(0 = navigation start) when the app calls `mlpPage.ready()` after submitting its first frame "
        "(`mlpexplorer:ready`; the frame after it, when the picture is on screen, is the start-up figure above); "
        "the milestones come from the navigation and resource timing entries and from the app's own marks "
        "(`mlpExplorer.frameStats().startup`). Command: `node bench/page_bench.js --only first-frame`.")
    out.append("")
    labels = [("dom_content_loaded", "HTML, CSS and page.js parsed"), ("js_loaded", "the app's script loaded"),
              ("wasm_loaded", "the app's wasm loaded"), ("main", "main() starts (wasm compiled, runtime up)"),
              ("gl_context", "WebGL2 context made (SDL window)"), ("app", "ImGui, fonts, the app ready"),
              ("first_frame_drawn", "first frame submitted")]
    rows = [[label, spread(ff["milestones"].get(key), 0)] for key, label in labels]
    rows.append(["**first frame (`mlpexplorer:ready`)**", f"**{spread(ff['first_frame'], 0)}**"])
    out += [table(["milestone", "median (min – max) of 5 loads"], rows), ""]
    f8 = r.page.get("first_frame_8x128")
    if f8 and not f8.get("error"):
        out.append(f"With the 8x128 link in the address (a 612 kB fragment decoded before the first frame): "
                   f"{spread(f8['first_frame'], 0)}.")
    elif f8:
        out.append(f"With the 8x128 link in the address: not measured ({f8['error']}).")
    out.append("")
    return out


def frames_section(r):
    if not r.page.get("networks"):
        return []
    out = ["## (c) The app's CPU time per frame while a weight is dragged", ""]
    out.append(
        "The page is opened, the network loaded with `load()`, the sliders put in their fine mode (every "
        "pixel a new value) and the first weight slider of W1 dragged with real mouse events (`page.mouse`: "
        "press, then a move back and forth across the slider every 16.7 ms, as a 60 Hz mouse sends them, "
        "paced by a timer and not waiting for frames; release), 3 rounds of 60 moves; on a large network the W1 section is opened first with a click. A weight of W1 is the worst "
        "case: every layer after it is recomputed. The app times its own work in every frame "
        "(src/platform/frame_timer.h, `emscripten_get_now`; the bench serves the page cross-origin "
        "isolated, which gives that clock 5 µs steps instead of Chromium's 100 µs) and the figures are over "
        "the frames of the drag that changed the weight. A frame's time is wall-clock time on the main "
        "thread: when the machine's other work takes the CPU in the middle of a frame, that frame gets "
        "longer, which is what the p95 and the maximum mostly show here (a phase that takes 0.2 ms in most "
        "frames takes 10 ms in a few, at random). Command: `node bench/page_bench.js --only networks`.")
    out.append("")
    rows = []
    for name in NETWORKS:
        n = r.network(name)
        if not n:
            continue
        if n.get("error"):
            rows.append([name, "–", "failed: " + n["error"], "", "", "", "", "", "", ""])
            continue
        d, idle = n["drag"], n["idle"]
        still = ms(idle["cpu_ms"]["median"]) if idle else "no frames"
        if not d.get("cpu_ms"):
            rows.append([name, "–", d.get("note", "no drag"), "", "", "", "", "", "", still])
            continue
        c, p = d["cpu_ms"], d["phase_median_ms"]
        rows.append([name, f"`{d['target']}`", f"{c['n']}", ms(c["median"]), ms(c["p95"]), ms(c["max"]),
                     " / ".join(f"{p[k]:.2f}" for k in ("events", "ui", "diagram_gl", "imgui_gl", "page")),
                     " / ".join(ms(v) for v in d["round_median_ms"]), ms(d["interval_ms"]["median"], 0), still])
    out += [table(["network", "dragged", "frames", "median", "p95", "max",
                   "phases, ms: events / UI / diagram GL / ImGui GL / page", "median of each round", "frame interval",
                   "still frame"], rows), ""]
    out.append(
        "Phases: *events* SDL's queue into ImGui; *UI* ImGui's frame and the app's panels, the edit and the "
        "forward pass; *diagram GL* the diagram's buffer updates and draw calls; *ImGui GL* ImGui's OpenGL3 "
        "backend (state backup, uploads, draws); *page* the address bar's link and the page's messages. "
        "*Still frame*: the median of the frames drawn in 60 frames' time with no input.")
    out.append("")
    out.append(
        "*Frame interval*, the time from one frame to the next (16.7 ms at 60 frames a second), is not the "
        "app's: with SwiftShader, Chromium's GPU process rasterizes on the CPU, and a trace of a drag "
        "(Chromium's tracing, `devtools.timeline` and `gpu`) shows its main thread busy in "
        "`SkiaOutputSurfaceImplOnGpu::SwapBuffers`, where SwiftShader executes the frame's drawing, while "
        "the page's main thread idles. On a GPU that is a fraction of a millisecond; in software, on a shared "
        "2-core machine, it takes the frame rate down.")
    out.append("")
    out.append(
        "The address bar: the page writes the current link there while the user edits (at most every "
        "250 ms). Chromium's `history.replaceState` with a 600 kB fragment (the 8x128 link) takes 50–800 ms "
        "of the page's main thread, so a drag on 8x128 stalled for that long four times a second (the "
        "*page* phase was 124 ms in the median frame). Now (`core/formats/link_throttle.h`) a write that takes more "
        "than half a frame is not repeated while edits go on, only after they pause for 250 ms, and any "
        "write waits 50 times its cost before the next; cheap links are written as before.")
    out.append("")
    return out + gl_section(r)


def gl_section(r):
    gl = r.page.get("gl_calls") or []
    if not gl:
        return []
    out = ["### The GL state backup", ""]
    out.append(
        "ImGui's OpenGL3 backend (third-party, from Debian's source package, not patched) saves and "
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
    out.append("")
    rows = []
    for g in gl:
        if g.get("error"):
            rows.append([g["name"], "failed: " + g["error"], "", ""])
            continue
        top = ", ".join(f"`{c['call']}` {c['calls']:.1f}× {c['ms']:.3f} ms" for c in g["top"][:4])
        rows.append([g["name"], f"{g['frames']}", ms(g["total_ms"], 2), top])
    out += [table(["network", "frames", "all WebGL calls, per frame", "costliest (calls and ms per frame)"], rows), ""]
    return out


def rate(v):
    """A count a second: two decimals under 1 (the largest networks train an epoch in seconds)."""
    return f"{v:,.2f}" if v < 1 else f"{v:,.1f}"


def intervals(summary):
    """'p50 / p95' of the frame intervals of page_training.js's runs (medians of the runs)."""
    if not summary.get("interval_p95_ms"):
        return "under two frames in a run"
    return f"{ms(summary['interval_p50_ms']['median'], 0)} / {ms(summary['interval_p95_ms']['median'], 0)}"


def loads_text(runs):
    """'the 1-minute load average at the start of the runs: a – b' of page_training.js's runs."""
    loads = [float(x["loadavg"].split()[0]) for x in runs if x.get("loadavg")]
    return f"{min(loads):.1f} – {max(loads):.1f}" if loads else "not recorded"


def drag_targets_section(r):
    done = [d for d in r.drag_targets if not d.get("error")]
    if not r.drag_targets:
        return []
    out = ["### With targets and the Gradients view", ""]
    date = done[0].get("date", "?")[:16].replace("T", " ") if done else "?"
    out.append(
        "The same drag of the first weight of W1, 8x128 and 1024x1024, with targets for the sample (zeros, one "
        "per output: `y` in the link) and the diagram's **Gradients** switch on (clicked): each frame of the drag "
        "then also runs the backward pass, and the lines show dL/dw. Then a step of gradient descent in the page, "
        f"{done[0]['step_ms']['n'] if done else 5} times, each a few frames after the "
        "last: *step(1)* is the export the page's Step calls (`Module._mlp_step(1)`: the backward pass, every "
        "weight and bias updated, the forward pass again, the undo step's copy), *mlpExplorer.step(1)* the "
        "script API, which also returns `state()`, the JSON of the whole network; *native step(1)* is (f)'s. "
        "The links carry a learning rate of 0.00001 so the steps keep these random ReLU networks' numbers "
        f"finite. Measured {date} UTC, the 1-minute load average {loads_text(done)}. Command: "
        "`node bench/page_bench.js --only drag-targets`.")
    out.append("")
    rows = []
    for d in r.drag_targets:
        if d.get("error"):
            rows.append([d.get("name", "?"), "failed: " + d["error"], "", "", "", "", "", "", "", ""])
            continue
        c, p = d["cpu_ms"], d["phase_median_ms"]
        native = r.native.get(f"gradient_step/{d['name']}")
        plain = r.network(d["name"])
        without = plain["drag"]["cpu_ms"]["median"] if plain and not plain.get("error") and plain["drag"].get("cpu_ms") else None
        rows.append([d["name"], f"{c['n']}", ms(c["median"]), ms(c["p95"]), ms(without),
                     " / ".join(f"{p[k]:.2f}" for k in ("events", "ui", "diagram_gl", "imgui_gl", "page")),
                     ms(d["interval_ms"]["median"], 0), ms(d["step_ms"]["median"]), ms(d["api_step_ms"]["median"]),
                     ms(median_of(native["ms"])) if native else "–"])
    out += [table(["network", "frames", "median", "p95", "without targets (above)",
                   "phases, ms: events / UI / diagram GL / ImGui GL / page", "frame interval", "step(1) in the page",
                   "mlpExplorer.step(1)", "native step(1)"], rows), ""]
    return out


def training_section(r):
    t = r.training
    if not t:
        return [f"## (g) Training in the page", "", f"Not measured: {r.training_error}.", ""] if r.training_error else []
    by = {n["name"]: n for n in t["networks"]}
    with_pg = any(n.get("playground_summary") for n in t["networks"])
    runs = [x for n in t["networks"] for x in n["mlp"] + n["playground"] if not x.get("error")]
    s = t["settings"]
    out = ["## (g) Training in the page" + (", beside TensorFlow Playground" if with_pg else ""), ""]
    out.append(
        f"Run on the circle data set with TensorFlow Playground's defaults: {s['points']} points without noise, "
        f"{100 * (1 - s['test']):.0f} % of them to train on ({s['points'] * (1 - s['test']):.0f}), batches of "
        f"{s['batch']}, learning rate {s['lr']}, tanh after every layer, the inputs x1 and x2, plain SGD. Networks: "
        "4-2 (2-4-2-1, Playground's opening network), 8x6 (six hidden layers of 8, the most Playground allows), "
        "8x128 (eight hidden layers of 128) and 2-1022-1022-1 (the largest network a data set with two inputs "
        "can train within the limit of 1,048,576 weights), with random weights. Each run opens the page in a "
        "fresh browser context, loads the link, clicks Run in the Data panel (Playground: its play button, "
        f"the same settings in its address), waits {t['warm_s']:.0f} s, then reads the epoch count, lets "
        f"{t['measure_s']:.0f} s go by with no input ({by.get('1M', {}).get('measure_s', 0):.0f} s "
        f"for 2-1022-1022-1, whose epochs take seconds), and reads it again; {t.get('rounds', '?')} runs per network, the "
        "two pages in turn, median of the runs. Both count an epoch as one pass over the train points, in "
        "batches: MLP Explorer's `state().epoch`, Playground's *Epoch* (`#iter-number`, one `oneStep()` of its "
        "`src/playground.ts`, which goes forward and back through every train point and updates the weights "
        "every batch). MLP Explorer trains as many batches a frame as fit 8 ms of it "
        "(`src/app/training_pace.h`; an epoch of a big network spans frames), and computes the plot of the "
        "plane, the loss and accuracy, and the diagram's lines again as often as their cost allows (the plot "
        "and the loss at most a quarter of the time, the lines a tenth; the plot's grid coarser than 100x100 where that would take over 8 ms; the plot "
        "and the loss in parts of 4 ms a frame for a big network; `src/app/picture_schedule.h`); Playground "
        "trains one epoch per animation frame (its `d3.timer`) and redraws its heat maps with it. *Frames*: the page's animation frames, counted by a `requestAnimationFrame` loop of the "
        "bench beside the page's own, and the intervals between them; *app's frame*: MLP Explorer's own time "
        "per frame (`frameStats`, wall-clock on its main thread as in (c)); *the first epoch alone*: `train(1)` "
        "once before Run, without a frame (cold: on the small networks far above an epoch within a run); "
        "*CPU*: every browser process's time from `/proc`, per second. "
        f"Measured {' and '.join(d[:16].replace('T', ' ') for d in t.get('dates', [t.get('date', '?')]))} UTC, "
        f"the 1-minute load average at the start of the runs {loads_text(runs)} on 2 cores. "
        "Command: `node bench/page_bench.js --only training [--playground DIR]`; "
        "the method in detail is at the top of `bench/page_training.js`.")
    out.append("")
    rows = []
    for name in ("4-2", "8x6", "8x128", "1M"):
        n = by.get(name)
        if not n:
            continue
        for side, label in (("mlp", "MLP Explorer"), ("playground", "Playground")):
            x = n.get(f"{side}_summary")
            failed = [y["error"] for y in n[side] if y.get("error")]
            if not x:
                if failed:
                    rows.append([f"{TRAIN_LABELS[name]} ({n['weights']:,} weights)", label, "failed: " + failed[0],
                                 "", "", "", "", "", ""])
                continue
            app = (f"{ms(x['app_frame_cpu_ms']['median'])} (p95 {ms(x['app_frame_cpu_p95_ms']['median'])})"
                   if x.get("app_frame_cpu_ms") else "–")
            e = x["epochs_per_s"]
            rows.append([f"{TRAIN_LABELS[name]} ({n['weights']:,} weights)", label,
                         f"{rate(e['median'])} ({rate(e['min'])} – {rate(e['max'])})",
                         rate(x["frames_per_s"]["median"]),
                         intervals(x),
                         app, ms(x["epoch_alone_ms"]["median"]) if x.get("epoch_alone_ms") else "–",
                         f"{x['cpu_per_s']['median']:.2f}",
                         ms(x["gpu_ms_per_frame"]["median"]) if x.get("gpu_ms_per_frame") else "–",
                         f"{e['median'] / x['frames_per_s']['median']:,.1f}"
                         if x["frames_per_s"]["median"] else "–"])
    out += [table(["network", "page", "epochs a second: median (min – max)", "frames a second",
                   "frame interval p50 / p95", "app's frame CPU: median (p95)", "the first epoch alone",
                   "CPU s per s, all processes", "GPU process CPU a frame", "epochs a frame"], rows), ""]
    out += canvas_floor_text(t.get("canvas_floor"))
    out += frame_share_text(by)
    return out


def canvas_floor_text(floor):
    """What the GPU process spends on a frame of a canvas that is only cleared (page_training.js)."""
    if not floor:
        return []
    if floor.get("error"):
        return [f"The canvas floor was not measured: {floor['error']}.", ""]
    w, h = floor["canvas"]
    return [f"*GPU process CPU a frame*: its CPU time a second over the frames a second. Under it is a floor no "
            f"drawing of the page can cut: a page with nothing but a WebGL2 canvas of {w}x{h} (opaque, no "
            f"antialiasing, as the app's), cleared every animation frame, costs the GPU process "
            f"{ms(floor['gpu_ms_per_frame'])} of CPU a frame at {rate(floor['frames_per_s'])} frames a second "
            f"(median of {len(floor['windows'])} windows; load average {floor['loadavg'].split(' ')[0]}): the "
            "frame handed to the compositor and composited, in software GL. The rest of each figure is the "
            "page's own drawing.", ""]


def frame_share_text(by):
    """What a training frame of the large networks holds: the epoch (measured alone) and the rest."""
    out = []
    for name in ("8x128", "1M"):
        o = (by.get(name) or {}).get("mlp_summary")
        if not o or not o.get("epoch_alone_ms") or not o.get("app_phase_median_ms"):
            continue
        if not o.get("app_frame_cpu_ms") or not o["frames_per_s"]["median"]:
            continue
        p, frame, epoch = o["app_phase_median_ms"], o["app_frame_cpu_ms"]["median"], o["epoch_alone_ms"]["median"]
        out.append(
            f"{TRAIN_LABELS[name]}: the app's median frame of {ms(frame)} while training is UI {ms(p.get('ui'))} "
            f"(the training, the plot, the loss and the panels), diagram GL {ms(p.get('diagram_gl'))}, ImGui GL "
            f"{ms(p.get('imgui_gl'))}; one epoch alone (`train(1)` before the run, no frame) takes {ms(epoch)}, "
            f"{o['epochs_per_s']['median'] / o['frames_per_s']['median']:.2f} epochs a frame.")
    if out:
        out = [" ".join(out) + " The app's frame stays near its budget (8 ms of training, at least one batch, "
               "and up to 4 ms each of the plot and of the loss); the frame interval beyond it is the drawing, "
               "which Chromium's GPU process does on the CPU in software GL (its CPU time is in the CPU column).",
               ""]
    return out


def links_section(r):
    if not r.page.get("networks"):
        return []
    out = ["## (d) Loading a link", ""]
    out.append(
        "`window.mlpExplorer.load(fragment)` in the running page, 5 times per network (the text is put in "
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
    out.append("")
    rows = []
    for name in NETWORKS + ["8x128-full"]:
        n = r.network(name)
        nat = r.native.get(f"decode_link/{name}")
        wc = r.wasm_network(name)
        if not n:
            continue
        if n.get("error"):
            rows.append([name, "–", "failed: " + n["error"], "", "", "", ms(median_of(nat["ms"]) if nat else None), ""])
            continue
        l = n["load"]
        rows.append([name, f"{n['link_bytes']:,}", spread(l["load_ms"]), ms(l["state_ms"]["median"]),
                     ms(l["open_ms"]["median"]), ms(l["next_frame_ms"]["median"]) if l["next_frame_ms"] else "–",
                     ms(median_of(nat["ms"])) if nat else "–", ms(wc["decode_link"]["median_ms"]) if wc else "–"])
    out += [table(["network", "link bytes", "load(): median (min – max)", "state() alone", "open", "next frame",
                   "native decode", "wasm decode"], rows), ""]
    return out


def forward_pass_section(r):
    if not r.native:
        return []
    out = ["## (e) The forward pass", ""]
    out.append(
        "Native: `mlp::forward_pass` (every layer, every sample) in the Release build (g++ -O3, no "
        "-march: plain x86-64 with SSE2), Google Benchmark, 5 repetitions of at least 0.2 s; GFLOP/s counts "
        "2 × weights × samples per pass; the median and the range of the repetitions. Instructions per "
        "weight: `valgrind --tool=callgrind`, (12 passes − 2 passes) / 10, divided by the weights: a figure "
        "that the machine's load cannot move. Wasm: the same code compiled with the page's flags, under "
        "Node (V8, Chromium's engine), median of 7, as the plain build and as the SIMD build (its inner loops "
        "with `-msimd128`) run it. numpy: `bench/numpy_forward.py`, the same weights "
        "(read from the same links) as float64 C-contiguous arrays, `z = W @ a + b` then ReLU per layer "
        "(the same work), and the bare `W @ a` products alone; timeit, 7 repeats of enough calls to last "
        "0.2 s, median (and best). Commands: `build/bench-native/mlp_benchmarks`, `node --no-experimental-fetch "
        "build/bench-page/mlp_wasm_core_bench.js` (and `mlp_wasm_core_bench_simd.js`), "
        "`/usr/bin/python3 bench/numpy_forward.py build/bench/links`.")
    out.append("")
    rows = []
    for name in NETWORKS:
        nr = r.native.get(f"forward_pass/{name}")
        if not nr:
            continue
        npn = r.numpy_network(name)
        wc, ws = r.wasm_network(name), r.wasm_network(name, simd=True)
        weights = npn["weights"] if npn else None
        instr = r.instructions.get(name)
        g = nr["gflops"]
        rows.append([name, f"{weights:,}" if weights else "–", ms(median_of(nr["ms"]), 4),
                     f"{statistics.median(g):.2f} ({min(g):.2f} – {max(g):.2f})",
                     f"{instr / weights:.2f}" if instr and weights else "–",
                     f"{wc['forward_gflops']:.2f}" if wc else "–",
                     f"{ws['forward_gflops']:.2f}" if ws else "–",
                     f"{npn['forward']['gflops_median']:.2f} ({npn['forward']['gflops_best']:.2f})" if npn else "–",
                     f"{npn['matvec']['gflops_median']:.2f}" if npn else "–",
                     f"{statistics.median(g) / npn['forward']['gflops_median']:.1f}x" if npn else "–"])
    out += [table(["network", "weights", "native time", "native GFLOP/s: median (range)", "instructions / weight",
                   "wasm GFLOP/s, plain", "wasm GFLOP/s, SIMD", "numpy forward GFLOP/s: median (best)",
                   "numpy W @ a only", "native / numpy"], rows), ""]
    out.append(
        "numpy here calls Debian's reference BLAS (`libblas3`, plain Fortran loops), which is what "
        "`python3-numpy` pulls in; a tuned BLAS (OpenBLAS) would be faster on the large sizes. The core's "
        "loop keeps four partial sums, so the compiler overlaps multiply-adds without reassociating "
        "floating point (and the SIMD build computes the same sums two at a time: both builds give the same "
        "bits, which `tests/browser/wasm_builds.test.js` checks); at 1024x1024 the 8 MB of weights stream "
        "from the L3 cache.")
    out.append("")
    out.append("Recomputing only downstream layers (`Session::set_weight`, as a slider drag does):")
    out.append("")
    rows = []
    for name in NETWORKS:
        first, last = r.native.get(f"edit_weight_first_layer/{name}"), r.native.get(f"edit_weight_last_layer/{name}")
        if not first or not last:
            continue
        wc = r.wasm_network(name)
        rows.append([name, ms(median_of(first["ms"]), 4), ms(median_of(last["ms"]), 4),
                     ms(wc["edit_weight_first_layer"]["median_ms"], 4) if wc else "–",
                     ms(wc["edit_weight_last_layer"]["median_ms"], 4) if wc else "–"])
    out += [table(["network", "native: edit in W1", "native: edit in the last W", "wasm: W1", "wasm: last W"], rows), ""]
    return out


def backward_pass_section(r):
    if not r.native or not any(k.startswith("backward_pass/") for k in r.native):
        return []
    out = ["## (f) The backward pass and a step of gradient descent", ""]
    out.append(
        "Native: `mlp::backward_pass` (the loss, then dz, dW and db of every layer, from a forward pass), "
        "same build and repetitions as (e); the benchmark networks get targets of zeros for every output, "
        "scored by `mse` with the mean over samples. GFLOP/s counts 2 × weights × samples for dW of every "
        "layer and again for dL/da of every layer but the first (the inputs need none). numpy: "
        "`bench/numpy_backward.py`, the same networks and targets, the same work written as numpy is "
        "(`dz.T @ a_prev`, `dz @ W`, whole batches), timed as in (e). A step: `Session::step(1)` (the "
        "backward pass, every weight and bias updated, the forward pass again, and the undo step's copy "
        "of the weights). Commands: `build/bench-native/mlp_benchmarks --benchmark_filter='backward|step'`, "
        "`/usr/bin/python3 bench/numpy_backward.py build/bench/links`.")
    out.append("")
    rows = []
    for name in NETWORKS:
        res = r.native.get(f"backward_pass/{name}")
        if not res:
            continue
        npn = r.numpy_network(name, backward=True)
        step = r.native.get(f"gradient_step/{name}")
        g = res["gflops"]
        rows.append([name, ms(median_of(res["ms"]), 4), f"{statistics.median(g):.2f} ({min(g):.2f} – {max(g):.2f})",
                     f"{ms(npn['backward']['median_s'] * 1e3, 4)} ({npn['backward']['gflops_median']:.2f})" if npn else "–",
                     f"{statistics.median(g) / npn['backward']['gflops_median']:.1f}x" if npn else "–",
                     ms(median_of(step["ms"]), 3) if step else "–"])
    out += [table(["network", "native backward pass", "native GFLOP/s: median (range)", "numpy: time (GFLOP/s)",
                   "native / numpy", "native step(1)"], rows), ""]
    out.append("Each row of W and of dW is read once per pass and used for every sample while it is in cache; "
               "a sample whose dz is 0 (a clipped ReLU) adds nothing and is skipped, so a hidden layer of ReLUs "
               "costs about half (1024x1024 has no hidden layer: its figure is the full work).")
    out.append("")
    return out


def other_costs_section(r):
    if not r.native or not r.wasm:
        return []
    out = ["## Other costs of the core, native and wasm", ""]
    rows = []
    for name in NETWORKS:
        wc = r.wasm_network(name)
        if not wc:
            continue

        def nat(key):
            x = r.native.get(f"{key}/{name}")
            return ms(median_of(x["ms"]), 3) if x else "–"
        rows.append([name, f"{nat('encode_link')} / {ms(wc['encode_link']['median_ms'], 3)}",
                     f"{nat('encode_link_after_edit')} / {ms(wc['encode_link_after_edit']['median_ms'], 3)}",
                     f"{nat('state_json')} / {ms(wc['state_json']['median_ms'], 3)}",
                     f"{nat('diagram_lines_rebuild')} / {ms(wc['diagram_lines_rebuild']['median_ms'], 3)}",
                     f"{nat('diagram_line_update')} / {ms(wc['diagram_line_update']['median_ms'], 3)}"])
    out += [table(["network (native / wasm)", "encode the link", "encode after one edit (row cache)", "state() JSON",
                   "diagram: all lines", "diagram: one line"], rows), ""]
    out.append(
        "*Encode after one edit*: `LinkEncoder` formats only the edited row again; the page does it at most "
        "every 250 ms during a drag (the address bar). *Diagram*: the CPU side of the instance buffers "
        "(`edge_bins.h`); the renderer rebuilds all lines only for a new document and otherwise rewrites the "
        "one line of the edited weight (`glBufferSubData` of 20 bytes instead of up to 65,536 × 20).")
    pn, st = r.native.get("parse_number"), r.native.get("strtod")
    if pn and st:
        w = r.wasm
        out.append("")
        out.append(
            f"Reading one number: `parse_number` (in place, nothing allocated; its fast path, for numbers of at "
            f"most 15 significant digits as these are) "
            f"{median_of(pn['ms']) * 1e6 / 8:.0f} ns natively and {w['parse_number_ns']:.0f} ns in wasm; the "
            f"C library's `strtod` it replaced: {median_of(st['ms']) * 1e6 / 8:.0f} ns natively, "
            f"{w['strtod_ns']:.0f} ns in wasm (musl's `strtod` works in `long double`, which is software "
            f"128-bit arithmetic in wasm). For the million numbers of a 1024x1024 link that is "
            f"{w['strtod_ns'] * 1048576 / 1e6:,.0f} ms against {w['parse_number_ns'] * 1048576 / 1e6:,.0f} ms.")
    out.append("")
    return out


def levers_section(r):
    out = ["## Levers", ""]
    lever_rows = levers_table(r.root)
    files = {os.path.basename(p)[:-len(".page.json")]: p for p in glob.glob(os.path.join(r.dir, "levers", "*.page.json"))}
    if not files:
        out.append("No lever figures: run `./build.sh bench` without `--no-levers`.")
    else:
        out.append(
            "Each line of `bench/levers.txt` is the page built with those flags (`build/bench-levers/<name>`), "
            "measured as above but lighter: bytes, first frame (5 loads), the exercise dragged and the "
            "1024x1024 network (2 rounds), and its core under Node (plain and SIMD). One at a time against "
            "`chosen`, the flags chosen for the page. The machine is shared: differences within ~20 % in times "
            "are noise; sizes are exact. The bytes are those a browser with SIMD loads.")
        out.append("")
        rows = []
        for lever in lever_rows:
            p = load_json(files[lever["name"]]) if lever["name"] in files else None
            c = load_json(os.path.join(r.dir, "levers", lever["name"] + ".core.json"))
            cs = load_json(os.path.join(r.dir, "levers", lever["name"] + ".core_simd.json"))
            if not p:
                rows.append([f"`{lever['name']}`", lever["what"], "build or run failed", "", "", "", "", "", "", "", ""])
                continue
            by_name = {f["name"]: f for f in p["bytes"]["files"]} if p.get("bytes") else {}
            wasm_file = by_name.get("mlp_explorer_simd.wasm") or by_name.get("mlp_explorer.wasm")
            js_file = by_name.get("mlp_explorer_simd.js") or by_name.get("mlp_explorer.js")
            page_total = (p["bytes"].get("simd") or p["bytes"]["total"]) if p.get("bytes") else None
            ex, bg = network(p, "exercise"), network(p, "1024x1024")

            def drag(n):
                if not n or n.get("error"):
                    return "failed" if n else "–"
                d = n["drag"].get("cpu_ms")
                if d:
                    return f"{d['median']:.2f} / {d['p95']:.2f}"
                return f"still {n['idle']['cpu_ms']['median']:.2f}" if n.get("idle") else "–"

            def gflops(core):
                x = next((y for y in (core or {}).get("networks", []) if y["name"] == "1024x1024"), None)
                return x
            cb, cbs = gflops(c), gflops(cs)
            chosen = all(lever[k] == r.flags.get(k, "") for k in ("core", "hot", "imgui", "app", "link")) and not lever["other"]
            rows.append([f"`{lever['name']}`" + (" (chosen)" if chosen else ""), lever["what"],
                         kb(wasm_file["gzip9"]) if wasm_file else "–", kb(js_file["gzip9"]) if js_file else "–",
                         kb(page_total["gzip9"]) if page_total else "–",
                         ms(p["first_frame"]["first_frame"]["median"], 0) if p.get("first_frame") else "–",
                         drag(ex), drag(bg),
                         f"{cb['forward_gflops']:.2f}" if cb else "–", f"{cbs['forward_gflops']:.2f}" if cbs else "–",
                         ms(cb["decode_link"]["median_ms"], 0) if cb else "–"])
        out.append(table(["variant", "what it tries", "wasm gzip", "js gzip", "page gzip", "first frame",
                          "exercise drag, ms: median / p95", "1024x1024 drag (or still), ms",
                          "wasm forward GFLOP/s, 1024x1024, plain", "SIMD", "wasm decode, 1024x1024"], rows))
    out.append("")
    out.append("Levers checked without a build variant:")
    out.append("")
    out.append("- `IMGUI_DISABLE_DEMO_WINDOWS` (and `IMGUI_DISABLE_DEBUG_TOOLS`): already set; `imgui_demo.cpp` is "
               "not even compiled, so the demo costs nothing.")
    out.append("- Recomputing only downstream layers, and GPU buffers updated only on change: already in the code; "
               "their effect is in (e) and \"Other costs\" above.")
    out.append("- Number parsing without allocation: it was already in place (a stack copy for `strtod`); what it "
               "cost was musl's `strtod` itself (long double in software), now a call to JavaScript's `Number()` "
               "for the numbers the fast path of `src/core/formats/number_text.cpp` does not take (see (a)).")
    out.append("- Link-time optimisation (`-flto` on the core, ImGui and the app): 0.1 kB smaller, tried by hand and "
               "left out.")
    out.append("- Measured by hand on the page's link (gzip -9 of the wasm and its JavaScript, December 2026), "
               "left out: printing through stb_sprintf (Debian's `libstb-dev`) in place of musl's `printf` "
               "family, +1.3 kB (stb's formatter is larger than musl's once long double is gone); "
               "`-sWASM_BIGINT`, +1.6 kB; `-sEVAL_CTORS`, +0.6 kB; wasm-opt's -Oz pipeline run twice, "
               "`--merge-similar-functions`, `--dae-optimizing`, `--duplicate-function-elimination`: nothing "
               "(-Oz and `--converge` already do it); `--ignore-implicit-traps`, -0.8 kB, but it lets the optimizer "
               "hoist a load out of the test that guards it, which Emscripten calls unsafe in general. Already "
               "set: `--converge` (1.6 kB), `-sSUPPORT_LONGJMP=0`, `-sFILESYSTEM=0`, `-sDYNAMIC_EXECUTION=0`, "
               "`-sTEXTDECODER=2`; assertions are off at -Oz; `-sMINIFY_HTML` applies to an HTML file Emscripten "
               "writes, and the page's own is minified by `cmake/minify_web.py`.")
    out.append("- The page's `strtod` (JavaScript's `Number()`, see (a)) against musl's, on the 8x128-full link "
               "(weights of 17 digits, which the fast path leaves to `strtod`): load() medians 294 and 144 ms "
               "against 307 and 276 ms, two rounds each on a busy machine: no slower.")
    out.append("- gzip against what a static host serves: see (a). Most servers compress on the fly at level 6, a few "
               "bytes more than -9; brotli (where the host offers it) saves more, and `build/web` carries `.gz` and "
               "`.br` copies of every file for hosts that serve them (README, \"Putting the page on a school's site\").")
    out.append("")
    return out


# ---- The document -------------------------------------------------------------------------------

def write_document(r, path):
    rows = target_rows(r)
    doc = (header(r) + targets_section(rows) + experience_section(r) + bytes_section(r) + first_frame_section(r) +
           frames_section(r) + drag_targets_section(r) + links_section(r) + forward_pass_section(r) +
           backward_pass_section(r) + training_section(r) + other_costs_section(r) + levers_section(r))
    text = "\n".join(doc).rstrip() + "\n"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return rows


def print_summary(rows, path):
    head = ["figure", "target", "measured", ""]
    width = [max(len(str(row[i])) for row in rows + [head]) for i in range(4)]
    print()
    for row in [head] + rows:
        print("  " + "  ".join(str(c).replace("**", "").ljust(width[i]) for i, c in enumerate(row)))
    print(f"\nwrote {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seconds", type=int, default=0)
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    rows = write_document(Results(args.results, root, args.seconds), args.out)
    print_summary(rows, args.out)


if __name__ == "__main__":
    main()

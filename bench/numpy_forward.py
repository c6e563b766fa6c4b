#!/usr/bin/python3
"""The reference for the native forward pass: numpy's matrix-vector product on the same networks.

    /usr/bin/python3 bench/numpy_forward.py LINK_DIR [--repeat N] > numpy.json

Reads the links written by mlp_bench_links (bench/bench_networks.h), so the weights are the
very numbers the C++ benchmark uses, as float64 (the core's type), C-contiguous (W row-major,
(out, in), as in the core). Times one forward pass per network, every layer:
z = W @ a + b, then ReLU (linear on the last layer), exactly the core's work, and separately the
bare matrix-vector products (W @ a per layer, nothing else). Each figure is timeit's per-call
time over `number` calls (chosen so one repeat takes about 0.2 s), repeated N times: the best
and the median of the repeats are reported. GFLOP/s counts 2 * weights * samples.

numpy calls the BLAS it was linked with for W @ a (cblas_dgemv); which one that is on this
machine is printed in the output ("blas").
"""
import argparse
import json
import os
import statistics
import sys
import timeit

import numpy as np

ORDER = ["exercise", "8x128", "16x256", "1024x1024"]


def parse_link(text):
    """The link format of docs/link-format.md, as far as these generated links use it."""
    fields = dict(pair.split("=", 1) for pair in text.strip().lstrip("#").split("&"))
    shape = [int(n) for n in fields["shape"].split(",")]
    layers = len(shape) - 1

    def matrix(value):
        return np.array([[float(v) for v in row.split(",")] for row in value.split(";")], dtype=np.float64)

    weights = [np.ascontiguousarray(matrix(fields[f"w{l + 1}"])) for l in range(layers)]
    biases = [np.array([float(v) for v in fields[f"b{l + 1}"].split(",")]) if f"b{l + 1}" in fields
              else np.zeros(shape[l + 1]) for l in range(layers)]
    acts = fields["act"].split(",") if "act" in fields else ["relu"] * (layers - 1) + ["linear"]
    inputs = matrix(fields["x"]) if "x" in fields else np.zeros((1, shape[0]))
    for l, w in enumerate(weights):
        assert w.shape == (shape[l + 1], shape[l]), (l, w.shape)
    assert set(acts) <= {"relu", "linear"}, acts
    return shape, weights, biases, acts, inputs


def forward(weights, biases, acts, inputs):
    """Every layer for every sample: the core's forward_pass, one matrix-vector product each."""
    out = None
    for x in inputs:
        a = x
        for w, b, act in zip(weights, biases, acts):
            z = w @ a + b
            a = np.maximum(z, 0.0) if act == "relu" else z
        out = a
    return out


def matvecs(weights, inputs):
    for x in inputs:
        a = x
        for w in weights:
            a = w @ a
    return a


def time_call(fn, repeat):
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()  # calls per repeat so one repeat takes >= 0.2 s
    times = [t / number for t in timer.repeat(repeat=repeat, number=number)]
    return {"best_s": min(times), "median_s": statistics.median(times), "repeats": repeat, "number": number}


def blas_name():
    try:
        info = np.__config__.get_info("blas_opt_info")  # numpy < 1.26
        return ",".join(info.get("libraries", [])) or "unknown"
    except Exception:  # pylint: disable=broad-except
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("link_dir")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    blas_path = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    results = {"numpy": np.__version__, "python": sys.version.split()[0], "blas": blas_name(),
               "blas_library": blas_path, "threads_env": {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")},
               "networks": []}
    for name in ORDER:
        with open(os.path.join(args.link_dir, name + ".link"), encoding="ascii") as f:
            shape, weights, biases, acts, inputs = parse_link(f.read())
        n_weights = sum(w.size for w in weights)
        flops = 2.0 * n_weights * inputs.shape[0]
        entry = {"name": name, "shape": shape, "weights": int(n_weights), "samples": int(inputs.shape[0])}
        for key, fn in (("forward", lambda: forward(weights, biases, acts, inputs)),
                        ("matvec", lambda: matvecs(weights, inputs))):
            t = time_call(fn, args.repeat)
            t["gflops_best"] = flops / t["best_s"] * 1e-9
            t["gflops_median"] = flops / t["median_s"] * 1e-9
            entry[key] = t
        results["networks"].append(entry)
        print(f"numpy {name}: forward median {entry['forward']['median_s'] * 1e6:.1f} us "
              f"({entry['forward']['gflops_median']:.2f} GFLOP/s)", file=sys.stderr)
    json.dump(results, sys.stdout, indent=1)


if __name__ == "__main__":
    main()

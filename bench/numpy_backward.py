#!/usr/bin/python3
"""The reference for the native backward pass: numpy on the same networks.

    /usr/bin/python3 bench/numpy_backward.py LINK_DIR [--repeat N] > numpy_backward.json

Reads the links written by mlp_bench_links (bench/bench_networks.h), as bench/numpy_forward.py
does (the same parse_link), and gives each network what bench/core_benchmarks.cpp gives it:
targets of zeros for every output, mse, the mean over samples. The forward pass is computed once,
outside the timing; what is timed is the backward pass written as numpy is written, whole
batches at a time (samples as rows):
    dz = da * f'(z); dW = dz.T @ a_prev; db = dz.sum(0); da = dz @ W   (no da below layer 1)
exactly the core's work (core/model/backward_pass.h). Timing as numpy_forward.py: timeit's per-call
time, `number` calls chosen so one repeat takes about 0.2 s, N repeats, best and median. GFLOP/s
counts 2 * weights * samples for dW of every layer and again for da of every layer but the first.
"""
import argparse
import json
import os
import statistics
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_forward import ORDER, blas_name, parse_link, time_call  # noqa: E402  pylint: disable=wrong-import-position


def forward(weights, biases, acts, inputs):
    zs, as_ = [], []
    a = inputs
    for w, b, act in zip(weights, biases, acts):
        z = a @ w.T + b                      # (S, in) @ (in, out) -> (S, out)
        a = np.maximum(z, 0.0) if act == "relu" else z
        zs.append(z)
        as_.append(a)
    return zs, as_


def backward(weights, acts, inputs, zs, as_, targets):
    """dW and db of every layer, for mse with the mean over samples."""
    da = (as_[-1] - targets) / inputs.shape[0]  # (S, n_L)
    grads = []
    for l in reversed(range(len(weights))):
        dz = da * (zs[l] > 0.0) if acts[l] == "relu" else da
        a_prev = inputs if l == 0 else as_[l - 1]
        grads.append((dz.T @ a_prev, dz.sum(axis=0)))  # (out, S) @ (S, in) -> (out, in)
        if l > 0:
            da = dz @ weights[l]                       # (S, out) @ (out, in) -> (S, in)
    return grads


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("link_dir")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    results = {"numpy": np.__version__, "python": sys.version.split()[0], "blas": blas_name(), "networks": []}
    for name in ORDER:
        with open(os.path.join(args.link_dir, name + ".link"), encoding="ascii") as f:
            shape, weights, biases, acts, inputs = parse_link(f.read())
        targets = np.zeros((inputs.shape[0], shape[-1]))
        zs, as_ = forward(weights, biases, acts, inputs)
        n_weights = sum(w.size for w in weights)
        flops = 2.0 * (2 * n_weights - weights[0].size) * inputs.shape[0]
        t = time_call(lambda: backward(weights, acts, inputs, zs, as_, targets), args.repeat)
        t["gflops_best"] = flops / t["best_s"] * 1e-9
        t["gflops_median"] = flops / t["median_s"] * 1e-9
        results["networks"].append({"name": name, "shape": shape, "weights": int(n_weights),
                                    "samples": int(inputs.shape[0]), "backward": t})
        print(f"numpy {name}: backward median {t['median_s'] * 1e6:.1f} us ({t['gflops_median']:.2f} GFLOP/s)",
              file=sys.stderr)
    json.dump(results, sys.stdout, indent=1)


if __name__ == "__main__":
    main()

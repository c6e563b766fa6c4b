#!/usr/bin/python3
"""Independent reference for the forward pass: random networks computed with numpy.

Writes cases that tests/core/test_reference.cpp reads and compares with the C++ core. The
computation here is numpy's (W @ a + b, then the activation), written from PRODUCT.md, not from
the C++ code. Run by the native build (cmake/native_tests.cmake) at build time:

    /usr/bin/python3 tests/reference/forward_reference.py OUT_FILE [--seed N] [--count N]

File format, one record per case, numbers in Python's repr (shortest round-trip):
    case <index>
    shape <n0> <n1> ...
    act <name per weight layer>
    W <l> <row-major values>      for every weight layer l (1-based)
    b <l> <values>
    x <samples> <row-major values>
    z <l> <samples x nodes values>
    a <l> <samples x nodes values>
    end
"""
import argparse

import numpy as np

LEAKY_RELU_SLOPE = 0.01  # PyTorch's default, as in PRODUCT.md's activations
ACTIVATIONS = {
    "relu": lambda z: np.maximum(z, 0.0),
    "linear": lambda z: z,
    "leaky_relu": lambda z: np.where(z >= 0.0, z, LEAKY_RELU_SLOPE * z),
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "tanh": np.tanh,
}


def random_values(rng, size, scale):
    """Half the cases use integers, as the worksheet does; the rest use real values."""
    if rng.random() < 0.5:
        return rng.integers(-3, 4, size=size).astype(np.float64)
    return rng.uniform(-scale, scale, size=size)


def make_case(rng, big):
    layers = int(rng.integers(1, 8)) if not big else int(rng.integers(2, 4))
    max_nodes = 40 if not big else 300
    shape = [int(rng.integers(1, max_nodes + 1)) for _ in range(layers + 1)]
    samples = int(rng.integers(1, 6))
    names = list(ACTIVATIONS)
    act = [names[int(rng.integers(0, len(names)))] for _ in range(layers)]
    weights = [random_values(rng, (shape[l + 1], shape[l]), 2.0) for l in range(layers)]
    biases = [random_values(rng, (shape[l + 1],), 1.0) if rng.random() < 0.7 else np.zeros(shape[l + 1])
              for l in range(layers)]
    x = random_values(rng, (samples, shape[0]), 5.0)
    zs, as_ = [], []
    a = x
    for l in range(layers):
        z = a @ weights[l].T + biases[l]          # (samples, in) @ (in, out) -> (samples, out)
        a = ACTIVATIONS[act[l]](z)
        zs.append(z)
        as_.append(a)
    return shape, act, weights, biases, x, zs, as_


def fmt(values):
    return " ".join(repr(float(v)) for v in np.asarray(values).ravel())


def write_network(f, index, shape, act, weights, biases, x):
    """The records of a case that describe the network and its inputs (backward_reference.py
    writes them too)."""
    f.write(f"case {index}\n")
    f.write("shape " + " ".join(map(str, shape)) + "\n")
    f.write("act " + " ".join(act) + "\n")
    for l, w in enumerate(weights):
        f.write(f"W {l + 1} {fmt(w)}\n")
    for l, b in enumerate(biases):
        f.write(f"b {l + 1} {fmt(b)}\n")
    f.write(f"x {x.shape[0]} {fmt(x)}\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    with open(args.out, "w") as f:
        for index in range(args.count):
            shape, act, weights, biases, x, zs, as_ = make_case(rng, big=index % 50 == 49)
            write_network(f, index, shape, act, weights, biases, x)
            for l, z in enumerate(zs):
                f.write(f"z {l + 1} {fmt(z)}\n")
            for l, a in enumerate(as_):
                f.write(f"a {l + 1} {fmt(a)}\n")
            f.write("end\n")


if __name__ == "__main__":
    main()

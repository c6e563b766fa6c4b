#!/usr/bin/python3
"""Independent reference for the loss and the backward pass: random networks with targets,
computed with numpy.

Writes cases that tests/core/test_backward_reference.cpp reads and compares with the C++ core.
Everything here is written from the definitions of docs/learning.md (PRODUCT.md's "Learning"),
with numpy's own functions where they exist (logaddexp for the log-sum-exp and the softplus of
the cross-entropies), no automatic differentiation, and nothing taken from the C++ code. Run by
the native build (cmake/native_tests.cmake) at build time:

    /usr/bin/python3 tests/reference/backward_reference.py OUT_FILE [--seed N] [--count N]

File format, one record per case, numbers in Python's repr (shortest round-trip); the network's
records as forward_reference.py writes them (its activations too are used here), then the
learning ones:
    case <index>
    shape <n0> <n1> ...
    act <name per weight layer>
    W <l> <row-major values>       b <l> <values>        for every weight layer l (1-based)
    x <samples> <row-major values>
    y <samples> <row-major values>   the targets
    loss <mse|ce|bce>
    reduce <mean|sum>
    L <value>                        the reduced loss
    Ls <value per sample>
    p <row-major values>             the prediction (softmax, sigmoid, or a_L for mse)
    dz <l> <samples x nodes values>  dW <l> <row-major values>   db <l> <values>
    end
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from forward_reference import ACTIVATIONS, LEAKY_RELU_SLOPE, fmt, write_network  # noqa: E402  pylint: disable=wrong-import-position

# f'(z) from z and a = f(z). At the kink: relu'(0) = 0, leaky_relu'(0) = the slope.
DERIVATIVES = {
    "relu": lambda z, a: (z > 0.0).astype(np.float64),
    "linear": lambda z, a: np.ones_like(z),
    "leaky_relu": lambda z, a: np.where(z > 0.0, 1.0, LEAKY_RELU_SLOPE),
    "sigmoid": lambda z, a: a * (1.0 - a),
    "tanh": lambda z, a: 1.0 - a * a,
}


def loss_and_gradient(name, a, y):
    """Per sample (rows of a, y): the prediction p, the loss L_s and dL_s/da."""
    if name == "mse":
        return a, 0.5 * ((a - y) ** 2).sum(axis=1), a - y
    if name == "ce":
        log_p = a - np.logaddexp.reduce(a, axis=1, keepdims=True)  # ln softmax(a)
        p = np.exp(log_p)
        return p, -(y * log_p).sum(axis=1), p * y.sum(axis=1, keepdims=True) - y
    # bce: ln s(a) = -softplus(-a), ln(1 - s(a)) = ln s(-a) = -softplus(a)
    p = np.exp(-np.logaddexp(0.0, -a))
    losses = (y * np.logaddexp(0.0, -a) + (1.0 - y) * np.logaddexp(0.0, a)).sum(axis=1)
    return p, losses, p - y


def random_values(rng, size, scale):
    """Half the cases use small integers, as the by-hand sheets do (and hit the ReLU kink at
    z = 0 exactly); the rest use real values."""
    if rng.random() < 0.5:
        return rng.integers(-2, 3, size=size).astype(np.float64)
    return rng.uniform(-scale, scale, size=size)


def random_targets(rng, loss, samples, width):
    kind = rng.integers(0, 3)
    if loss == "ce" and kind == 0:  # one-hot
        return np.eye(width)[rng.integers(0, width, size=samples)]
    if loss == "ce" and kind == 1:  # probabilities
        y = rng.uniform(0.0, 1.0, size=(samples, width))
        return y / y.sum(axis=1, keepdims=True)
    if loss == "bce" and kind < 2:  # labels, or probabilities
        return rng.integers(0, 2, size=(samples, width)).astype(np.float64) if kind == 0 else \
            rng.uniform(0.0, 1.0, size=(samples, width))
    return random_values(rng, (samples, width), 3.0)  # any numbers: the formulas still hold


def make_case(rng, loss, reduce):
    layers = int(rng.integers(1, 6))
    shape = [int(rng.integers(1, 13)) for _ in range(layers + 1)]
    samples = int(rng.integers(1, 6))
    names = list(ACTIVATIONS)
    act = [names[int(rng.integers(0, len(names)))] for _ in range(layers)]
    weights = [random_values(rng, (shape[l + 1], shape[l]), 1.0) for l in range(layers)]
    biases = [random_values(rng, (shape[l + 1],), 1.0) if rng.random() < 0.7 else np.zeros(shape[l + 1])
              for l in range(layers)]
    x = random_values(rng, (samples, shape[0]), 2.0)
    y = random_targets(rng, loss, samples, shape[-1])

    zs, as_ = [], []
    a = x
    for l in range(layers):
        z = a @ weights[l].T + biases[l]   # (S, in) @ (in, out) -> (S, out)
        a = ACTIVATIONS[act[l]](z)
        zs.append(z)
        as_.append(a)
    p, losses, grad = loss_and_gradient(loss, as_[-1], y)
    c = 1.0 / samples if reduce == "mean" else 1.0
    dzs, dws, dbs = [None] * layers, [None] * layers, [None] * layers
    da = c * grad                                         # (S, n_L): dL/da_L, the reduction in it
    for l in reversed(range(layers)):
        dz = da * DERIVATIVES[act[l]](zs[l], as_[l])      # (S, out)
        a_prev = x if l == 0 else as_[l - 1]              # (S, in)
        dzs[l], dws[l], dbs[l] = dz, dz.T @ a_prev, dz.sum(axis=0)
        da = dz @ weights[l]                              # (S, out) @ (out, in) -> (S, in)
    return dict(shape=shape, act=act, weights=weights, biases=biases, x=x, y=y, loss=loss, reduce=reduce,
                L=c * losses.sum(), Ls=losses, p=p, dz=dzs, dw=dws, db=dbs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=20261213)
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    with open(args.out, "w") as f:
        for index in range(args.count):
            # Every loss with every reduction, in turn.
            loss = ("mse", "ce", "bce")[index % 3]
            reduce = ("mean", "sum")[(index // 3) % 2]
            c = make_case(rng, loss, reduce)
            write_network(f, index, c["shape"], c["act"], c["weights"], c["biases"], c["x"])
            f.write(f"y {c['y'].shape[0]} {fmt(c['y'])}\n")
            f.write(f"loss {loss}\nreduce {reduce}\n")
            f.write(f"L {fmt([c['L']])}\nLs {fmt(c['Ls'])}\np {fmt(c['p'])}\n")
            for key, tag in (("dz", "dz"), ("dw", "dW"), ("db", "db")):
                for l, v in enumerate(c[key]):
                    f.write(f"{tag} {l + 1} {fmt(v)}\n")
            f.write("end\n")


if __name__ == "__main__":
    main()

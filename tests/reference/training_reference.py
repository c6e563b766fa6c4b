#!/usr/bin/python3
"""Independent reference for training on data: full-batch gradient descent with sgd, momentum and
adam, with and without L1/L2 regularization, on random custom points, computed with numpy.

Writes cases that tests/core/test_training_reference.cpp reads: it loads each as a document with a
custom data set (every point a train point, the batch as large as the set, so an epoch is one
gradient step on all of them) and runs Session::train(epochs). Everything here is written from the
definitions of docs/training.md and docs/learning.md (the features, the targets, the loss, the
optimizers' textbook updates), nothing taken from the C++ code. Run by the native build
(cmake/native_tests.cmake) at build time:

    /usr/bin/python3 tests/reference/training_reference.py OUT_FILE [--seed N] [--count N]

File format, one record per case, numbers in Python's repr (shortest round-trip):
    case <index>
    shape <n0> <n1> ...
    act <name per weight layer>
    W <l> <row-major values>       b <l> <values>        for every weight layer l (1-based)
    features <names joined by ','>
    points <n> <x1 x2 target per point>
    settings <loss> <reduce> <lr> <opt> <reg> <regrate> <epochs>
    W_after <l> <values>           b_after <l> <values>  the parameters after the epochs
    end
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from forward_reference import ACTIVATIONS, fmt  # noqa: E402  pylint: disable=wrong-import-position
from backward_reference import DERIVATIVES, loss_and_gradient  # noqa: E402  pylint: disable=wrong-import-position

FEATURES = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1sq": lambda x1, x2: x1 * x1,
    "x2sq": lambda x1, x2: x2 * x2,
    "x1x2": lambda x1, x2: x1 * x2,
    "sin1": lambda x1, x2: np.sin(x1),
    "sin2": lambda x1, x2: np.sin(x2),
}


def gradients(weights, biases, act, x, y, loss, reduce):
    """dL/dW and dL/db of the reduced loss over every row of x."""
    layers = len(weights)
    zs, as_ = [], []
    a = x
    for l in range(layers):
        z = a @ weights[l].T + biases[l]
        a = ACTIVATIONS[act[l]](z)
        zs.append(z)
        as_.append(a)
    _, _, grad = loss_and_gradient(loss, as_[-1], y)
    da = grad / x.shape[0] if reduce == "mean" else grad
    dws, dbs = [None] * layers, [None] * layers
    for l in reversed(range(layers)):
        dz = da * DERIVATIVES[act[l]](zs[l], as_[l])
        a_prev = x if l == 0 else as_[l - 1]
        dws[l], dbs[l] = dz.T @ a_prev, dz.sum(axis=0)
        da = dz @ weights[l]
    return dws, dbs


def train(weights, biases, act, x, y, s):
    """s: the settings. The textbook updates, every weight and bias one array each."""
    params = [w.copy() for w in weights] + [b.copy() for b in biases]
    layers = len(weights)
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    for t in range(1, s["epochs"] + 1):
        dws, dbs = gradients(params[:layers], params[layers:], act, x, y, s["loss"], s["reduce"])
        grads = dws + dbs
        for k in range(layers):  # the penalty is on the weights, never the biases
            if s["reg"] == "l1":
                grads[k] = grads[k] + s["regrate"] * np.sign(params[k])
            elif s["reg"] == "l2":
                grads[k] = grads[k] + s["regrate"] * params[k]
        for k, g in enumerate(grads):
            if s["opt"] == "sgd":
                params[k] = params[k] - s["lr"] * g
            elif s["opt"] == "momentum":
                m[k] = 0.9 * m[k] + g
                params[k] = params[k] - s["lr"] * m[k]
            else:  # adam (Kingma and Ba, 2015)
                m[k] = 0.9 * m[k] + 0.1 * g
                v[k] = 0.999 * v[k] + 0.001 * g * g
                m_hat = m[k] / (1.0 - 0.9 ** t)
                v_hat = v[k] / (1.0 - 0.999 ** t)
                params[k] = params[k] - s["lr"] * m_hat / (np.sqrt(v_hat) + 1e-8)
    return params[:layers], params[layers:]


def make_case(rng, index):
    opt = ("sgd", "momentum", "adam")[index % 3]
    reg = ("none", "l1", "l2")[(index // 3) % 3]
    loss = ("mse", "bce", "ce")[(index // 9) % 3]
    names = list(FEATURES)
    chosen = [n for n in names if rng.random() < 0.5] or ["x1"]
    n = int(rng.integers(1, 40))
    x1 = np.round(rng.uniform(-5, 5, size=n), 3)
    x2 = np.round(rng.uniform(-5, 5, size=n), 3)
    classification = loss != "mse" or rng.random() < 0.5
    target = rng.integers(0, 2, size=n).astype(np.float64) if classification else np.round(rng.uniform(-1, 1, n), 3)
    x = np.stack([FEATURES[f](x1, x2) for f in chosen], axis=1)
    # ce scores a classification set with one output per class, its target one-hot (class k: node k).
    y = np.eye(2)[target.astype(int)] if loss == "ce" else target.reshape(-1, 1)
    hidden = [int(rng.integers(1, 7)) for _ in range(int(rng.integers(0, 3)))]
    shape = [len(chosen)] + hidden + [y.shape[1]]
    layers = len(shape) - 1
    act_names = list(ACTIVATIONS)
    act = [act_names[int(rng.integers(0, len(act_names)))] for _ in range(layers - 1)]
    act.append(("linear", "tanh", "sigmoid")[int(rng.integers(0, 3))])
    weights = [np.round(rng.uniform(-1, 1, (shape[l + 1], shape[l])), 2) for l in range(layers)]
    biases = [np.round(rng.uniform(-0.5, 0.5, shape[l + 1]), 2) for l in range(layers)]
    settings = dict(loss=loss, reduce=("mean", "sum")[int(rng.integers(0, 2))],
                    lr=float(("0.01", "0.03", "0.001")[int(rng.integers(0, 3))]), opt=opt, reg=reg,
                    regrate=0.0 if reg == "none" else float(("0.001", "0.01")[int(rng.integers(0, 2))]),
                    epochs=10)
    w_after, b_after = train(weights, biases, act, x, y, settings)
    return dict(shape=shape, act=act, weights=weights, biases=biases, features=chosen,
                points=np.stack([x1, x2, target], axis=1), s=settings, w_after=w_after, b_after=b_after)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--count", type=int, default=270)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    with open(args.out, "w") as f:
        for index in range(args.count):
            # A case that diverges (a large learning rate on x1sq, say) would meet the core's clamp
            # to -1e6..1e6 (limits.h), which this reference leaves out: another is drawn instead.
            c = make_case(rng, index)
            while not all(np.all(np.abs(p) <= 1e3) for p in c["w_after"] + c["b_after"]):  # NaN too
                c = make_case(rng, index)
            s = c["s"]
            f.write(f"case {index}\nshape {' '.join(map(str, c['shape']))}\nact {' '.join(c['act'])}\n")
            for l, (w, b) in enumerate(zip(c["weights"], c["biases"])):
                f.write(f"W {l + 1} {fmt(w)}\nb {l + 1} {fmt(b)}\n")
            f.write(f"features {','.join(c['features'])}\n")
            f.write(f"points {c['points'].shape[0]} {fmt(c['points'])}\n")
            f.write(f"settings {s['loss']} {s['reduce']} {s['lr']!r} {s['opt']} {s['reg']} {s['regrate']!r} "
                    f"{s['epochs']}\n")
            for l, (w, b) in enumerate(zip(c["w_after"], c["b_after"])):
                f.write(f"W_after {l + 1} {fmt(w)}\nb_after {l + 1} {fmt(b)}\n")
            f.write("end\n")


if __name__ == "__main__":
    main()

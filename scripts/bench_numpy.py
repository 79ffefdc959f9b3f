"""The tutorial's training loop in numpy, timed, for `npm run bench` (scripts/bench.ts).

Same workload as the TypeScript engine: N=128, 1000 -> 100 -> 100 -> 10, ReLU, sum of squares with the
gradient 2 (y_pred - y), full-batch gradient descent, float64, He initialization so nothing overflows.
Prints one JSON line: {"seconds": ..., "cpu_seconds": ..., "steps": ..., "final_loss": ..., "numpy": ..., "blas": ...}.
Usage: /usr/bin/python3 scripts/bench_numpy.py [steps] [learning_rate]
"""
import json
import os
import sys
import time

import numpy as np


def blas_name():
    # Which BLAS numpy runs on, for the table's footnote; best effort, never fatal.
    try:
        from threadpoolctl import threadpool_info

        infos = [f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')} threads={i.get('num_threads')}"
                 for i in threadpool_info() if i.get("user_api") == "blas"]
        if infos:
            return "; ".join(infos)
    except Exception:
        pass
    try:  # without threadpoolctl: the BLAS shared library this process actually loaded (Linux)
        with open("/proc/self/maps") as maps:
            libs = sorted({line.split()[-1] for line in maps if "libblas" in line or "libopenblas" in line})
        if libs:
            return ", ".join(libs)
    except OSError:
        pass
    return "unknown"


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    lr = float(sys.argv[2]) if len(sys.argv) > 2 else 1e-4
    n, d_in, h1, h2, d_out = 128, 1000, 100, 100, 10
    rng = np.random.default_rng(0)
    x = rng.standard_normal((n, d_in))
    y = rng.standard_normal((n, d_out))
    w1 = rng.standard_normal((d_in, h1)) * np.sqrt(2.0 / d_in)
    w2 = rng.standard_normal((h1, h2)) * np.sqrt(2.0 / h1)
    w3 = rng.standard_normal((h2, d_out)) * np.sqrt(2.0 / h2)

    def step():
        nonlocal w1, w2, w3
        h1_ = x.dot(w1)
        a1 = np.maximum(h1_, 0)
        h2_ = a1.dot(w2)
        a2 = np.maximum(h2_, 0)
        y_pred = a2.dot(w3)
        loss = np.square(y_pred - y).sum()
        dy = 2.0 * (y_pred - y)
        dw3 = a2.T.dot(dy)
        da2 = dy.dot(w3.T)
        dh2 = np.where(h2_ > 0, da2, 0.0)
        dw2 = a1.T.dot(dh2)
        da1 = dh2.dot(w2.T)
        dh1 = np.where(h1_ > 0, da1, 0.0)
        dw1 = x.T.dot(dh1)
        w1 -= lr * dw1
        w2 -= lr * dw2
        w3 -= lr * dw3
        return loss

    for _ in range(5):  # warm-up, so thread pools are up before timing, like the JS side's JIT warm-up
        step()
    start, cpu_start = time.perf_counter(), time.process_time()
    loss = 0.0
    for _ in range(steps):
        loss = step()
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start  # all of BLAS's threads together
    blas = blas_name()
    if os.environ.get("OPENBLAS_CORETYPE"):
        blas += f" (OPENBLAS_CORETYPE={os.environ['OPENBLAS_CORETYPE']})"
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "steps": steps, "final_loss": float(loss),
                      "numpy": np.__version__, "blas": blas}))


if __name__ == "__main__":
    main()

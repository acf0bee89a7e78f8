#!/usr/bin/python3
"""PyTorch's own figure for the benchmark MLP (MlpBenchmark, docs/performance.md).

The same network as dev.gradsheet.sheet.Generators.mlp: n -> n -> n -> 1, tanh hidden units, MSE
against one target, float64, weights uniform in +-1.7/sqrt(n), one input sample in [-1, 1]; the input
requires a gradient, as every gradient of a sheet is computed. Times, on ONE thread (as the engine),
the median of REPS runs after WARMUP of:

  forward+backward  the loss and every gradient (what MlpBenchmark.denseFloor computes)
  SGD step          w -= lr * w.grad for the three weight matrices, then forward+backward
                    (what MlpBenchmark.denseFloorStep and the sheet's SGD step compute)

Not part of the build: Debian's python3-torch (1.13) is enough.
Usage: /usr/bin/python3 src/test/perf/torch-mlp.py [n ...]   (default 256 512)
"""
import statistics
import sys
import time

import torch

WARMUP = 50
REPS = 300


def network(n):
    g = torch.Generator().manual_seed(1)
    scale = 1.7 / n ** 0.5

    def weights(rows):
        return ((torch.rand(rows, n, generator=g, dtype=torch.float64) * 2 - 1) * scale).requires_grad_()

    x = (torch.rand(n, generator=g, dtype=torch.float64) * 2 - 1).requires_grad_()
    return x, [weights(n), weights(n), weights(1)], torch.tensor(0.5, dtype=torch.float64)


def forward_backward(x, ws, t):
    for p in [x] + ws:
        p.grad = None
    h1 = torch.tanh(ws[0] @ x)
    h2 = torch.tanh(ws[1] @ h1)
    y = (ws[2] @ h2)[0]
    loss = (y - t) ** 2
    loss.backward()
    return loss.item()


def step(x, ws, t, lr=1e-4):
    with torch.no_grad():
        for w in ws:
            w -= lr * w.grad
    return forward_backward(x, ws, t)


def median_ms(f):
    for _ in range(WARMUP):
        f()
    times = []
    for _ in range(REPS):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main():
    torch.set_num_threads(1)
    sizes = [int(a) for a in sys.argv[1:]] or [256, 512]
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread, float64, median of {REPS}")
    print("| n | forward+backward | SGD step |")
    print("| --- | --- | --- |")
    for n in sizes:
        x, ws, t = network(n)
        forward_backward(x, ws, t)
        fb = median_ms(lambda: forward_backward(x, ws, t))
        st = median_ms(lambda: step(x, ws, t))
        print(f"| {n} | {fb:.3f} ms | {st:.3f} ms |")


if __name__ == "__main__":
    main()

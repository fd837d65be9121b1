"""The ERF of a model in PyTorch, the same computation as `convscope erf MODEL` (uniform mode, one pass):
weights 1/fan_in, no nonlinearity, max pooling averaged, BatchNorm in its default eval state, the
centre unit of the last conv layer, float32, one thread (the engine runs on one). Prints JSON: wall
and CPU seconds per run (median of RUNS after a warm-up) and the map.

Run: /usr/bin/python3 bench/erf_torch.py model.json [RUNS]
"""
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "erf"))
from make_reference import run, stats  # noqa: E402


def timed(m, runs):
    """Median wall and CPU seconds of `runs` runs after a warm-up."""
    wall, cpu = [], []
    for i in range(runs + 1):
        t0, c0 = time.perf_counter(), time.process_time()
        mp, _ = run(m, "uniform", dtype=torch.float32)
        if i:
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    return sorted(wall)[len(wall) // 2], sorted(cpu)[len(cpu) // 2], mp


def main():
    m = json.load(open(sys.argv[1]))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    torch.set_num_threads(1)
    wall, cpu, mp = timed(m, runs)
    print(json.dumps({"torch": torch.__version__, "threads": 1, "seconds": wall, "cpuSeconds": cpu,
                      "map": [float(v) for v in mp.reshape(-1).tolist()]}))


if __name__ == "__main__":
    main()

"""The ERF of a model in PyTorch, the same computation as `convscope erf MODEL` (uniform mode, one pass):
weights 1/fan_in, no nonlinearity, max pooling averaged, BatchNorm in its default eval state, the
centre unit of the last conv layer, float32. Prints JSON: seconds per run (median of RUNS after a
warm-up) with 1 thread and with torch's default thread count, and the statistics of the map.

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
    times = []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        mp, _ = run(m, "uniform", dtype=torch.float32)
        if i:
            times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2], mp


def main():
    m = json.load(open(sys.argv[1]))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    default_threads = torch.get_num_threads()
    multi, mp = timed(m, runs)
    torch.set_num_threads(1)
    single, _ = timed(m, runs)
    print(json.dumps({"torch": torch.__version__, "threads": default_threads, "seconds": multi,
                      "secondsOneThread": single, "map": [float(v) for v in mp.reshape(-1).tolist()]}))


if __name__ == "__main__":
    main()

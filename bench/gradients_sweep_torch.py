"""The reference gradient sweep in PyTorch, the peer of the engine's sweep in bench/gradients.ts.

The same work as the engine's: width-64 MLPs (batch 128, float64) over depth × activation (sigmoid,
tanh, relu, leaky_relu 0.01, elu) × init (N(0, 1), xavier_normal, kaiming_normal) × BatchNorm ×
residual, 20 seeds each, every seed a forward pass, mean(y²), a backward pass and the per-layer
weight-gradient norms: `mlp_config` of test/fixtures/reference/generate.py, the script that made the
engine's PyTorch reference data (gradients.json), unchanged. Runs the configurations of the depths
given, in the same order as the engine, on THREADS intra-op threads (torch.set_num_threads), and
prints JSON: wall and CPU seconds of the whole run, and how PyTorch ran.

Run: /usr/bin/python3 bench/gradients_sweep_torch.py THREADS SEEDS DEPTH [DEPTH ...]
"""
import json
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "test" / "fixtures" / "reference"))
from generate import ACT_FNS, INITS, mlp_config  # noqa: E402


def main():
    if len(sys.argv) < 4:
        raise SystemExit("usage: gradients_sweep_torch.py THREADS SEEDS DEPTH [DEPTH ...]")
    threads, seeds = int(sys.argv[1]), int(sys.argv[2])
    depths = [int(v) for v in sys.argv[3:]]
    torch.set_num_threads(threads)
    configs = [(d, a, i, bn, res) for d in depths for a in ACT_FNS for i in INITS
               for bn in (False, True) for res in (False, True)]
    mlp_config(depths[0], "relu", "kaiming_normal", False, False, seeds=1)  # warm-up, not timed
    t0, c0 = time.perf_counter(), time.process_time()
    for d, a, i, bn, res in configs:
        mlp_config(d, a, i, bn, res, seeds=seeds)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "configs": len(configs),
        "seeds": seeds,
        "seconds": wall,
        "cpuSeconds": cpu,
    }))


if __name__ == "__main__":
    main()

"""Training steps per second of the gradient bench's MLP in PyTorch, the peer of bench/gradients.ts:
DEPTH Linear layers WIDTH → WIDTH, relu between them, Kaiming-normal weights, zero biases, loss mean(y²),
plain SGD (lr 1e-6), batch BATCH, float32, one thread (the engine runs on one). Prints JSON: steps per
wall second and per CPU second over about SECONDS after 3 warm-up steps, and which CPU GEMM backends
this PyTorch build has.

GEMM selects the matrix products: `default` is nn.Linear as this build runs it (its float32 CPU GEMM
goes to the BLAS it was built with: Debian's python3-torch uses the generic reference BLAS, far from
the hardware), `onednn` routes the three GEMMs of every layer (forward, input and weight gradient)
through oneDNN (`torch._C._nn.mkldnn_linear`, the library PyTorch ships for CPU kernels) in an autograd
Function: the fast CPU path of a PyTorch install.

Run: /usr/bin/python3 bench/gradients_torch.py DEPTH WIDTH BATCH [SECONDS] [default|onednn]
"""
import json
import sys
import time

import torch

mkldnn_linear = torch._C._nn.mkldnn_linear


def dnnl_mm_t(a, b):
    """a · bᵀ in oneDNN (a: n×k, b: m×k, both contiguous) as a dense tensor."""
    return mkldnn_linear(a.to_mkldnn(), b.to_mkldnn()).to_dense()


class DnnlLinear(torch.autograd.Function):
    """y = x Wᵀ + b with its gradients, every GEMM in oneDNN."""

    @staticmethod
    def forward(ctx, x, weight, bias):
        ctx.save_for_backward(x, weight)
        return dnnl_mm_t(x, weight) + bias

    @staticmethod
    def backward(ctx, dy):
        x, weight = ctx.saved_tensors
        dy = dy.contiguous()
        dx = dnnl_mm_t(dy, weight.t().contiguous())
        dw = dnnl_mm_t(dy.t().contiguous(), x.t().contiguous())
        return dx, dw, dy.sum(0)


def main():
    depth, width, batch = (int(v) for v in sys.argv[1:4])
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 2.0
    gemm = sys.argv[5] if len(sys.argv) > 5 else "onednn"
    if gemm not in ("default", "onednn"):
        raise SystemExit(f"GEMM must be default or onednn, got {gemm}")
    torch.set_num_threads(1)
    torch.manual_seed(1)
    layers = [torch.nn.Linear(width, width) for _ in range(depth)]
    for lin in layers:
        torch.nn.init.kaiming_normal_(lin.weight)
        torch.nn.init.zeros_(lin.bias)
    params = [p for lin in layers for p in lin.parameters()]
    opt = torch.optim.SGD(params, lr=1e-6)
    x = torch.randn(batch, width)

    def step():
        opt.zero_grad(set_to_none=True)
        h = x
        for i, lin in enumerate(layers):
            h = DnnlLinear.apply(h, lin.weight, lin.bias) if gemm == "onednn" else lin(h)
            if i < depth - 1:
                h = torch.relu(h)
        loss = h.pow(2).mean()
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(3):
        step()
    n = 0
    t0, c0 = time.perf_counter(), time.process_time()
    while time.perf_counter() - t0 < seconds:
        step()
        n += 1
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "gemm": gemm,
        "mkl": torch.backends.mkl.is_available(),
        "mkldnn": torch.backends.mkldnn.is_available(),
        "stepsPerSecond": n / wall,
        "stepsPerCpuSecond": n / cpu,
    }))


if __name__ == "__main__":
    main()

/**
 * Classes an exported PyTorch file defines when one of its layers needs them (each written once, only
 * when used). torch.nn has no module for these two ConvScope layers.
 */
import type { PytorchHelper } from '../analysis/ops';

export const PYTORCH_HELPERS: Record<PytorchHelper, string> = {
  LayerNorm2d: `class LayerNorm2d(nn.LayerNorm):
    """LayerNorm over the channels of each pixel of an [N, C, H, W] map (as torchvision's)."""

    def forward(self, x):
        return super().forward(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)`,
  WithConstant: `class WithConstant(nn.Module):
    """Combines its inputs left to right with a fixed operand (a buffer of ones: not a parameter)."""

    OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}

    def __init__(self, op, shape):
        super().__init__()
        self.op = self.OPERATORS[op]
        self.register_buffer("constant", torch.ones(1, *shape))

    def forward(self, *xs):
        y = xs[0]
        for z in (*xs[1:], self.constant):
            y = self.op(y, z)
        return y`,
};

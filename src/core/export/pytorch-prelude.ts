/**
 * Classes an exported PyTorch file defines when one of its layers needs them (each written once, only
 * when used). torch.nn has no module for these ConvScope layers (or returns more than the layer).
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
  ClassToken: `class ClassToken(nn.Module):
    """Prepends a learned token of D features to an [N, T, D] sequence (ViT's class token)."""

    def __init__(self, features):
        super().__init__()
        self.token = nn.Parameter(torch.zeros(1, 1, features))

    def forward(self, x):
        return torch.cat([self.token.expand(x.shape[0], -1, -1), x], dim=1)`,
  PosEmbedding: `class PosEmbedding(nn.Module):
    """Adds a learned [T, D] position embedding to an [N, T, D] sequence."""

    def __init__(self, tokens, features):
        super().__init__()
        self.embedding = nn.Parameter(torch.empty(1, tokens, features).normal_(std=0.02))

    def forward(self, x):
        return x + self.embedding`,
  SelfAttention: `class SelfAttention(nn.MultiheadAttention):
    """Multi-head self-attention on an [N, T, D] sequence: queries, keys and values are the input."""

    def __init__(self, features, heads, bias=True):
        super().__init__(features, heads, bias=bias, batch_first=True)

    def forward(self, x):
        return super().forward(x, x, x, need_weights=False)[0]`,
  RecurrentOutput: `class RecurrentOutput(nn.Module):
    """Runs an nn.LSTM or nn.GRU (batch first) and keeps its output sequence, not its final states."""

    def __init__(self, rnn):
        super().__init__()
        self.rnn = rnn

    def forward(self, x):
        return self.rnn(x)[0]`,
};

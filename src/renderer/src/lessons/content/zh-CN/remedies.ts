import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '梯度消失与爆炸的解决方法',
  summary: '预训练、梯度裁剪、权重惩罚、更好的激活函数、批归一化、残差连接与门控。',
  sections: [
    {
      id: 'pretraining',
      title: '预训练与微调',
      blocks: [
        'Hinton、Osindero 与 Teh（2006）逐层训练深度网络。每一层都是一个受限玻尔兹曼机（RBM），在没有标签的情况下学习为前一层的输出建模；下一层再在它的输出上训练，最后用反向传播微调整个网络。Bengio 等人（2007）证明，用自编码器（每层学习重建自己的输入）代替 RBM 同样可行。无论哪种做法，每层都从有用的权重出发，而不必依赖穿过许多层才能到达的梯度。如今良好的初始化和下面的各种方法已基本取代了它，但这一思想延续在预训练模型之中。',
      ],
    },
    {
      id: 'clipping',
      title: '梯度裁剪',
      blocks: [
        '当梯度范数超过阈值时对其缩放（或把每个分量截到某个范围内）。梯度裁剪限制的是更新幅度，并不能消除根本原因——大于 1 的因子之积。它能让本来正常的训练保持稳定，是循环神经网络的标准做法，但救不了初始权重大得离谱的网络。',
      ],
    },
    {
      id: 'penalties',
      title: 'L1 与 L2 权重惩罚',
      blocks: [
        '在损失中加上 $\\lambda \\sum w^2$（L2）或 $\\lambda \\sum |w|$（L1），会把权重拉向零，防止逐层因子在训练中变大。使用 L2 时，每步 SGD 变为 $w \\leftarrow w - \\eta (g + 2 \\lambda w)$：$w = {{l2.w0}}$、$\\lambda = {{l2.lambda}}$、$\\eta = {{l2.lr}}$ 且数据梯度为零时，$w$ 缩小到 {{l2.w1}}。使用 L1 时，每步为 $w \\leftarrow w - \\eta (g + \\lambda\\, \\mathrm{sign}(w))$：每个权重都朝零移动同样的距离，较小的权重会变成恰好为零。',
        '惩罚项要经过很多步才起作用。它能防止正常训练中的权重慢慢变大，却救不了在头几步就爆炸的初始化。',
      ],
    },
    {
      id: 'activations',
      title: 'ReLU、LeakyReLU、ELU',
      blocks: [
        'ReLU $\\max(0, u)$ 对所有正输入的斜率都是 {{relu.max}}，因此在这一侧既不会缩小梯度，也不会饱和。它的单元可能“死亡”：一个单元若对所有样本的输入都为负，斜率就是零，得不到任何梯度，也就无法恢复。LeakyReLU 即 $\\max(\\alpha u, u)$，$\\alpha$ 是一个小常数（常取 {{leaky.alpha}}）：正输入的斜率为 {{leaky.max}}，负输入的斜率为 $\\alpha$，所以每个单元都能传回一些梯度。ELU 把负半部分换成 $\\alpha (e^u - 1)$，这是一条平滑的曲线，输入越负，斜率越趋近于零。',
      ],
    },
    {
      id: 'batchnorm',
      title: '批归一化',
      blocks: [
        '批归一化（BatchNorm）在小批量上把每个通道的预激活值归一化为零均值、单位方差，再用可学习的参数 $\\gamma$ 和 $\\beta$ 缩放和平移。无论权重的尺度如何，下一个激活函数的输入总是先被归一化，尺度就不会逐层累积。但它不能保证单元不饱和：$\\gamma$ 和 $\\beta$ 是学出来的，可以把预激活值移到任何地方。',
      ],
    },
    {
      id: 'residual',
      title: '残差连接',
      blocks: [
        '残差块计算 $y = x + F(x)$，其导数为 $I + \\partial F / \\partial x$。在预激活残差块中（He 等人，2016：批归一化和 ReLU 放在 $F$ 内部、每个权重层之前，相加之后不再接任何运算），恒等项把梯度从一串残差块的末端直接送到前面的每一个块，途中不乘任何权重，也不乘任何激活函数的斜率。原始的 ResNet 在每次相加之后还接一个 ReLU，所以捷径上的梯度要乘以这个 ReLU 的斜率（0 或 1）；改变形状的块则用一个 $1 \\times 1$ 卷积作为捷径。无论哪种，正是残差连接让上百层的网络得以训练。',
      ],
    },
    {
      id: 'lstm',
      title: '循环网络：正交权重与 LSTM 的门',
      blocks: [
        '普通循环网络每往回一个时间步，梯度都要乘以 $W_{hh}^\\top$ 和 tanh 的斜率。把 $W_{hh}$ 初始化为正交矩阵（奇异值全为 1），就去掉了权重造成的那部分缩小；但 tanh 的斜率小于 1，梯度仍会变小，只是慢一些。',
        'LSTM 则改变了单元本身：它的细胞状态通过加法更新，$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$；当遗忘门 $f_t$ 接近 1 时，梯度几乎原样沿时间反向流动。把遗忘门的偏置初始化为 {{lstm.bias}}（Jozefowicz 等人，2015），门的初值就是 $\\sigma({{lstm.bias}}) = {{lstm.f0}}$ 而不是 {{lstm.fHalf}}，细胞从第一步起就能保住记忆。',
      ],
    },
    {
      id: 'compare',
      title: '比较各种方法',
      blocks: [
        '选一种方法：每个演示都以相同的随机种子，分别运行原来有问题的网络和用了这种方法的网络。下方的说明写出这些数字说明了什么，以及这种方法做不到什么。',
        { widget: 'grad-remedies' },
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        {
          tex: '\\text{L2：} w \\leftarrow w - \\eta\\,(g + 2 \\lambda w) \\qquad \\text{L1：} w \\leftarrow w - \\eta\\,(g + \\lambda\\, \\mathrm{sign}(w))',
        },
        {
          tex: 'y = x + F(x) \\;\\Rightarrow\\; \\frac{\\partial y}{\\partial x} = I + \\frac{\\partial F}{\\partial x} \\qquad c_t = f_t \\odot c_{t-1} + i_t \\odot g_t',
        },
        {
          list: [
            '梯度裁剪和权重惩罚让正常的训练保持稳定，但治不好糟糕的初始化。',
            'ReLU 类激活函数的斜率、批归一化、残差连接和门控，让逐层（或逐时间步）的因子保持在 1 附近。',
          ],
        },
      ],
    },
  ],
};

export default lesson;

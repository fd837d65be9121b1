import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '对策',
  summary: '预训练、梯度裁剪、权重惩罚、更好的激活函数、BatchNorm、残差连接与门控。',
  sections: [
    {
      id: 'pretraining',
      title: '预训练与微调',
      blocks: [
        'Hinton 等人（2006）逐层训练深度网络：每个隐藏层先学习重建自己的输入（无监督），下一层在它的输出上训练，最后再用反向传播微调整个网络。这样每层都从有用的权重出发，而不必依赖穿过许多层才能到达的梯度。如今良好的初始化和下面的各种方法已基本取代了它，但这一思想延续在预训练模型之中。',
      ],
    },
    {
      id: 'clipping',
      title: '梯度裁剪',
      blocks: [
        '当梯度范数超过阈值时对其缩放（或把每个分量截断到某个范围）。它不能消除病因，但能防止一次爆炸的更新毁掉权重；在循环神经网络中是标准做法。',
      ],
    },
    {
      id: 'penalties',
      title: 'L1 与 L2 权重惩罚',
      blocks: [
        '在损失中加上 $\\lambda \\sum w^2$（L2）或 $\\lambda \\sum |w|$（L1），会把权重拉向零，防止逐层因子变大。使用 L2 时，每步 SGD 变为 $w \\leftarrow w - \\eta (g + 2 \\lambda w)$：$w = {{l2.w0}}$、$\\lambda = {{l2.lambda}}$、$\\eta = {{l2.lr}}$ 且数据梯度为零时，$w$ 缩小到 {{l2.w1}}。',
      ],
    },
    {
      id: 'activations',
      title: 'ReLU、LeakyReLU、ELU',
      blocks: [
        'ReLU $\\max(0, u)$ 对所有正输入的斜率都是 {{relu.max}}，因此在这一侧既不会缩小梯度，也不会饱和。它的单元可能“死亡”（始终为负，斜率为零）；LeakyReLU 保留一个小斜率（正输入为 {{leaky.max}}，负输入为一个小比例），ELU 则有平滑的负半部分。',
      ],
    },
    {
      id: 'batchnorm',
      title: '批归一化',
      blocks: [
        'BatchNorm 在小批量上把每个通道归一化为零均值、单位方差，再用可学习的参数缩放和平移。激活值因此停留在导数较大的区间，权重的尺度也不再逐层累积。',
      ],
    },
    {
      id: 'residual',
      title: '残差连接',
      blocks: [
        '残差块计算 $y = x + F(x)$，其导数为 $I + \\partial F / \\partial x$：恒等项为梯度提供了一条通往每个前面层、且不乘任何权重的通路。正是它让上百层的网络得以训练（ResNet）。',
      ],
    },
    {
      id: 'lstm',
      title: 'LSTM 的门',
      blocks: [
        '普通循环网络在每个时间步都乘以同一个矩阵。LSTM 的细胞状态通过加法更新，$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$；当遗忘门 $f_t$ 接近一时，梯度几乎原样沿时间反向流动。',
      ],
    },
    {
      id: 'compare',
      title: '比较各种对策',
      blocks: [
        '选择一种对策：每个演示都用梯度引擎分别运行原问题和应用该对策后的情况。',
        { widget: 'grad-remedies' },
      ],
    },
  ],
};

export default lesson;

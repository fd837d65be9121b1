import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '权重初始化',
  summary: '初始权重的尺度决定信号和梯度能否穿过很多层：方差分析、Xavier 初始化与 He 初始化。',
  sections: [
    {
      id: 'variance',
      title: '单层的方差',
      blocks: [
        '训练开始前，权重是随机数。它们该取多大？看看信号方差经过一层后如何变化。一个单元把 $n$ 个输入分别乘以各自的权重再相加：',
        { tex: 'y = \\sum_{i=1}^{n} w_i\\, x_i' },
        '如果权重与输入相互独立、均值都为零，这 $n$ 个乘积的方差直接相加：',
        { tex: '\\mathrm{Var}(y) = n \\cdot \\mathrm{Var}(w) \\cdot \\mathrm{Var}(x)' },
        '因子 $n \\cdot \\mathrm{Var}(w)$ 就是这一层的**增益**。$n = {{ex.n}}$ 个输入、权重取自 $N(0, 1)$ 时，增益为 {{ex.gainStd}}，经过 {{ex.depth}} 层这样的层，方差被放大 {{ex.gainStdDepth|sci}} 倍。取 $N(0, {{ex.small}}^2)$ 时增益为 {{ex.gainSmall}}，信号的方差衰减到原来的 {{ex.gainSmallDepth|sci}}。只有 $\\mathrm{Var}(w) = 1/n$ 能让增益保持为 1。',
      ],
    },
    {
      id: 'backward',
      title: '反向也是同样的道理',
      blocks: [
        '反向传播把同样的求和反过来做。传到输入 $x_i$ 的梯度，来自 $x_i$ 所连接的 $n_{out}$ 个单元，每个单元贡献一项：',
        {
          tex: '\\frac{\\partial L}{\\partial x_i} = \\sum_{j=1}^{n_{out}} w_{ji}\\, \\frac{\\partial L}{\\partial y_j} \\quad\\Rightarrow\\quad \\mathrm{Var}\\Big(\\frac{\\partial L}{\\partial x}\\Big) = n_{out} \\cdot \\mathrm{Var}(w) \\cdot \\mathrm{Var}\\Big(\\frac{\\partial L}{\\partial y}\\Big)',
        },
        '所以前向传播要求 $\\mathrm{Var}(w) = 1/n_{in}$，反向传播要求 $\\mathrm{Var}(w) = 1/n_{out}$。增益大于 1，激活值和梯度随深度指数式增长，这就是**爆炸**；小于 1，两者都逐层衰减，这就是**消失**。接下来的两课分别讨论这两个问题。',
        "如果每层只有一个单元（$n = 1$），上面的关系对每个样本都成立，而不只是平均意义上成立：反向经过第 $l$ 层时，梯度乘以 $w_l\\, f'(u_l)$，其中 $u_l$ 是该单元的输入，$f'$ 是激活函数的斜率。经过 $D$ 层后，梯度至多为 $\\prod_l |w_l| \\cdot \\max |f'|$。",
      ],
    },
    {
      id: 'activations',
      title: '经过激活函数：Xavier 与 He',
      blocks: [
        '激活函数会改变这笔账。tanh 在零附近就是恒等函数（斜率为 {{tanh.slope0}}），所以 tanh 层传递方差的方式和线性层差不多。**Xavier 初始化**（又称 Glorot 初始化；Glorot 与 Bengio，2010）取前向与反向两个要求的折中：',
        { tex: '\\mathrm{Var}(w) = \\frac{2}{n_{in} + n_{out}}' },
        'ReLU 把一半的输入置零，只有一半方差能通过：$E[\\mathrm{relu}(z)^2] = {{relu.c}} \\cdot \\mathrm{Var}(z)$；反向时也有一半的斜率为零。用 Xavier 初始化时，每个 ReLU 层的增益为 {{xr.gain}}：经过 {{ex.hidden}} 个 ReLU 层，方差缩小到原来的 {{xr.depthGain|sci}}。**He（Kaiming）初始化**（He 等人，2015）把方差加倍来弥补：',
        { tex: '\\mathrm{Var}(w) = \\frac{2}{n_{in}}' },
        'sigmoid 更麻烦：它的斜率最大只有 {{sig.max}}（在零处），输出的均值是 ½ 而不是零。用 Xavier 初始化时，每个 sigmoid 层至多把梯度的方差乘以 $n \\cdot \\mathrm{Var}(w) \\cdot {{sig.max}}^2$ = {{sig.bwdGain}}，这正是下一课要讲的梯度消失。',
        '两种方法都有均匀分布的版本 $U(-a, a)$，方差同为 $a^2/3$：Xavier 取 $a = \\sqrt{6/(n_{in} + n_{out})}$，He 取 $a = \\sqrt{6/n_{in}}$。',
      ],
    },
    {
      id: 'measure',
      title: '实际测一测',
      blocks: [
        '下面的组件搭建一个 {{ex.depth}} 层、宽度为 {{ex.n}} 的网络，按你选的方法初始化权重，再让 {{ex.samples}} 个随机样本做前向传播、让一个随机梯度做反向传播。图中画出每一层激活值的方差、反向传播到该层激活函数输入处的梯度 $\\partial L / \\partial z_l$ 的方差，以及权重梯度的方差。',
        { widget: 'init-variance' },
        'ReLU 配 He 初始化时，两个信号都保持平稳：实测每层增益前向为 {{he.measuredFwd|fixed2}}，反向为 {{he.measuredBwd|fixed2}}。ReLU 配 Xavier 初始化时，方差每层减半（实测 {{xr.measuredFwd|fixed2}}）。tanh 配 Xavier 初始化时每层略有损失，因为 tanh 离开零点后比恒等函数平缓。',
        '再看看权重梯度。它是前向信号与反向信号的乘积：$\\partial L/\\partial W_l = \\partial L/\\partial z_l \\cdot a_{l-1}^{\\top}$。ReLU 配 $N(0, 1)$ 权重时，激活值从第一个隐藏层到最后一个增长了 {{big.actDecades|fixed1}} 个数量级，梯度反方向增长了 {{big.gradDecades|fixed1}} 个数量级，而各层权重梯度之间相差却不超过 {{big.wgradSpread|fixed1}} 个数量级。权重梯度各层持平，并不能说明网络是健康的：要看信号本身。',
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        {
          tex: '\\mathrm{Var}(y) = n \\cdot \\mathrm{Var}(w) \\cdot \\mathrm{Var}(x) \\qquad \\text{增益} = n \\cdot \\mathrm{Var}(w) \\cdot c',
        },
        {
          tex: '\\text{Xavier：} \\mathrm{Var}(w) = \\frac{2}{n_{in} + n_{out}} \\qquad \\text{He：} \\mathrm{Var}(w) = \\frac{2}{n_{in}}',
        },
        {
          list: [
            '前向的增益用 $n_{in}$，反向用 $n_{out}$；大于 1 两者都爆炸，小于 1 两者都消失。',
            'tanh 在零附近 $c = 1$（用 Xavier），ReLU 的 $c = \\tfrac{1}{2}$（用 He）。',
            "每层一个单元时：每层把梯度乘以 $w_l f'(u_l)$，至多为 $|w_l| \\max |f'|$。",
          ],
        },
      ],
    },
  ],
};

export default lesson;

import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '梯度爆炸',
  summary: '因子大于一：梯度指数式增长，一次更新就能把权重打乱。',
  sections: [
    {
      id: 'growth',
      title: '大于一的因子',
      blocks: [
        "同样的逐层因子之积也可能增长。权重过大会让每个因子 $w_k f'(u_k)$ 都大于一。取 $|w| = 1.5$ 和 tanh 的最大斜率，五层后的上界是 {{w.chain5|fixed1}}，二十层后是 {{w.chain20|sci}}。",
        { tex: "\\prod_{k} |w_k| \\max |f'| = 1.5^{D}" },
        '真实的层中因子是一个矩阵：关键在于它把向量拉伸多少，这随权重的尺度和层的宽度增长。从 $N(0, 1.5^2)$ 中采样的权重，远大于能让信号保持稳定的 $1/\\sqrt{n}$ 量级。',
      ],
    },
    {
      id: 'demo',
      title: '亲眼看看',
      blocks: [
        '一个 20 层的 tanh 网络（宽度 64），权重从 $N(0, 1.5^2)$ 初始化：梯度范数从最后一层到第一层增长了许多个数量级。',
        { widget: 'grad-exploding' },
      ],
    },
    {
      id: 'symptoms',
      title: '症状',
      blocks: [
        '梯度爆炸表现为损失剧烈跳动或变成 NaN，权重溢出。一步过大的更新就可能把权重甩到再也回不来的区域。循环神经网络尤其容易出现这种情况：每个时间步都乘以同一个权重矩阵。',
        '**梯度裁剪**是最直接的办法：若梯度范数超过阈值 $c$，就把它缩放为 $g \\leftarrow g \\cdot c / \\lVert g \\rVert$。范数为 {{clip.norm}} 的梯度裁剪到 {{clip.max}}，要乘以 {{clip.factor}}：分量变为 {{clip.g1}} 和 {{clip.g2}}。方向不变，只是步子变短了。',
      ],
    },
  ],
};

export default lesson;

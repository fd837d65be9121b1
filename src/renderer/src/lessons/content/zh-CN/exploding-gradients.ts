import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '梯度爆炸',
  summary: '因子大于 1：梯度指数式增长，一次更新就能把权重打乱。',
  sections: [
    {
      id: 'growth',
      title: '大于 1 的因子',
      blocks: [
        "同样的逐层因子之积也可能增长。权重过大会让每个因子 $w_k f'(u_k)$ 都大于 1。取 $|w| = {{w.w}}$ 和 tanh 的最大斜率（{{tanh.max}}），五层后的上界是 {{w.chain5|fixed1}}，二十层后是 {{w.chain20|sci}}。",
        { tex: "\\prod_{k=1}^{D} |w_k| \\max |f'| = {{w.w}}^{D}" },
        '实际每层的因子是矩阵，关键看它把向量放大多少倍；这个倍数随权重的尺度和层的宽度增长，也就是“权重初始化”一课中的增益 $n \\cdot \\mathrm{Var}(w)$。从 $N(0, {{w.w}}^2)$ 中采样的权重，远大于能让信号保持稳定的 $1/\\sqrt{n}$ 量级。',
      ],
    },
    {
      id: 'demo',
      title: '亲眼看看',
      blocks: [
        '下面实际训练一个初始权重远大于 $1/\\sqrt{n}$ 量级的深层 ReLU 网络：图中以对数坐标画出第一步时到达每个隐藏层的梯度，从最后一层到第一层增长了好几个数量级。可以与 He（Kaiming）初始化对比，并看看梯度裁剪能做到什么、做不到什么。',
        { widget: 'grad-exploding' },
      ],
    },
    {
      id: 'symptoms',
      title: '症状',
      blocks: [
        '梯度爆炸表现为损失剧烈跳动或变成 NaN，权重溢出。一步过大的更新就可能把权重甩到再也回不来的区域。循环神经网络尤其容易出现这种情况：每个时间步都乘以同一个权重矩阵。',
        '**梯度裁剪**限制的是更新幅度：若梯度范数超过阈值 $c$，就把它缩放为 $g \\leftarrow g \\cdot c / \\lVert g \\rVert$。例如梯度 $({{clip.in1}}, {{clip.in2}})$ 的范数为 {{clip.norm}}，裁剪到 {{clip.max}} 时要乘以 {{clip.factor}}：分量变为 {{clip.g1}} 和 {{clip.g2}}。方向不变，只是更新幅度变小了。',
        '梯度裁剪并不能消除根本原因。大于 1 的因子之积依然存在，下一个梯度照样很大；裁剪只是防止一次巨大的更新毁掉权重。所以它能让本来正常的训练保持稳定，却救不了初始权重大得离谱的网络。根本原因要在它产生的地方解决：初始化（“权重初始化”一课），或网络结构（“梯度消失与爆炸的解决方法”一课）。',
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        { tex: "\\prod_{k=1}^{D} |w_k| \\max |f'| \\quad \\text{因子大于 1 时指数式增长}" },
        { tex: 'g \\leftarrow g \\cdot \\min\\Big(1, \\frac{c}{\\lVert g \\rVert}\\Big)' },
        {
          list: [
            '症状：损失跳动、出现 NaN、权重溢出；循环神经网络最容易出现。',
            '梯度裁剪限制更新幅度、保持方向，但不能消除根本原因。',
          ],
        },
      ],
    },
  ],
};

export default lesson;

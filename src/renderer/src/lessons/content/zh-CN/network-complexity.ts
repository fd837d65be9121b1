import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '整个网络的时间复杂度',
  summary: '逐层求和、找出占主导的层，以及现代网络结构如何降低开销。',
  sections: [
    {
      id: 'sum',
      title: '逐层求和',
      blocks: [
        '网络依次执行各层，所以总开销就是各层开销之和：',
        { tex: '\\text{MACs} = \\sum_{l=1}^{D} M_l^2 \\cdot K_l^2 \\cdot C_{l-1} \\cdot C_l' },
        '课程中的小网络（在一张小尺寸 RGB 图像上做四次卷积再接一个分类器）总共需要 {{net.macs}} 次乘加。其中最昂贵的一层就占了 {{net.topShare|pct}}，而分类器只需 {{net.fcMacs}} 次。',
        { widget: 'net-chart-small' },
      ],
    },
    {
      id: 'dominant',
      title: '哪些层占主导',
      blocks: [
        '浅层处理的特征图大，深层的通道多。若某个阶段把 $M$ 减半、同时把通道数加倍，其后各层的 $M^2 \\cdot C_{in} \\cdot C_{out}$ 大致不变：位置数变为四分之一，通道对数变为四倍。经典网络正是这样设计的。全连接层参数多，计算量却很小。下面比较几个完整的模型：',
        { widget: 'net-chart-zoo' },
        'VGG-16 需要 {{vgg16.macs|approx}}次乘加，ResNet-50 需要 {{r50.macs|approx}}次，而 MobileNet v2 只需 {{mnv2.macs|approx}}次。',
      ],
    },
    {
      id: 'cheaper',
      title: '更省的结构',
      blocks: [
        '**深度可分离卷积**把一个 $K \\times K$ 卷积拆成两部分：先做逐通道卷积（depthwise），每个通道一个 $K \\times K$ 卷积核；再用逐点卷积（pointwise，$1 \\times 1$）混合各通道：',
        { tex: 'M^2 K^2 C_{in} C_{out} \\;\\to\\; M^2 K^2 C_{in} + M^2 C_{in} C_{out}' },
        '在 ${{std.M}} \\times {{std.M}}$ 的特征图上、${{std.C}}$ 个通道、$K = {{std.K}}$ 时：{{std.macs}} 次乘加变成 {{dw.macs}} + {{pw.macs}} = {{sep.macs}} 次，只有原来的约 $1/{{sep.ratio|fixed1}}$。',
        '**瓶颈结构**（ResNet-50 及更深的 ResNet）先用 $1 \\times 1$ 卷积减少通道，在变薄的张量上做卷积，再扩展回去。在 ${{bn.M}} \\times {{bn.M}}$、{{bn.C}} 个通道的特征图上，一个瓶颈块由三个卷积组成：',
        {
          list: [
            '$1 \\times 1$，{{bn.C}} → {{bn.c}} 个通道：{{reduce.macs}} 次乘加',
            '$3 \\times 3$，{{bn.c}} → {{bn.c}} 个通道：{{mid.macs}} 次乘加',
            '$1 \\times 1$，{{bn.c}} → {{bn.C}} 个通道：{{expand.macs}} 次乘加',
          ],
        },
        '合计 {{bn.macs}} 次。它所取代的普通块是在同一特征图上、保持 {{bn.C}} 个通道的两个 $3 \\times 3$ 卷积（每个 {{wide.macs}} 次），共需 {{bn.wide}} 次，是瓶颈块的 {{bn.ratio|fixed1}} 倍。',
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        { tex: '\\text{MACs} = \\sum_{l=1}^{D} M_l^2 \\cdot K_l^2 \\cdot C_{l-1} \\cdot C_l' },
        { tex: '\\text{深度可分离：}\\quad M^2 K^2 C_{in} + M^2 C_{in} C_{out}' },
        {
          list: [
            '$M$ 减半、通道数加倍，层的乘加次数大致不变。',
            '瓶颈结构在两个 $1 \\times 1$ 卷积之间，用较少的通道做 $3 \\times 3$ 卷积。',
          ],
        },
      ],
    },
  ],
};

export default lesson;

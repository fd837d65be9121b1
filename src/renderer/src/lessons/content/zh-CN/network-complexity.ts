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
        'VGG-16 需要 {{vgg16.macs|giga}} G 次乘加，ResNet-50 需要 {{r50.macs|giga}} G，而 MobileNet v2 只需 {{mnv2.macs|giga}} G。',
      ],
    },
    {
      id: 'cheaper',
      title: '更省的结构',
      blocks: [
        '**深度可分离卷积**把一个 $K \\times K$ 卷积拆成两部分：逐通道（depthwise）卷积，每个通道一个 $K \\times K$ 卷积核；再用逐点（pointwise）$1 \\times 1$ 卷积混合各通道：',
        { tex: 'M^2 K^2 C_{in} C_{out} \\;\\to\\; M^2 K^2 C_{in} + M^2 C_{in} C_{out}' },
        '在 ${{std.M}} \\times {{std.M}}$ 的特征图上、${{std.C}}$ 个通道、$K = {{std.K}}$ 时：{{std.macs}} 次乘加变成 {{dw.macs}} + {{pw.macs}} = {{sep.macs}}，约减少到原来的 {{sep.ratio|fixed1}} 分之一。',
        '**瓶颈结构**先用 $1 \\times 1$ 卷积减少通道，在变薄的张量上做卷积，再扩展回去。把 {{bn.C}} 个通道压缩到 {{bn.c}} 个只需 {{bn.macs}} 次乘加，而两个全宽度的卷积需要 {{bn.wide}} 次，是前者的 {{bn.ratio|fixed1}} 倍。',
      ],
    },
  ],
};

export default lesson;

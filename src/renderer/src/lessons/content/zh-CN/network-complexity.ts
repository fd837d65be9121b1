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
        '浅层处理的特征图大，深层的通道多。若某个阶段把 $M$ 减半、同时把通道数加倍，其后各层的 $M^2 \\cdot C_{in} \\cdot C_{out}$ 大致不变：位置数变为四分之一，输入、输出通道数之积变为四倍。经典网络正是这样设计的。全连接层参数多，计算量却很小。下面比较几个完整的模型：',
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
        '在 ${{std.M}} \\times {{std.M}}$ 的特征图上、${{std.C}}$ 个通道、$K = {{std.K}}$ 时：{{std.macs}} 次乘加变成 {{dw.macs}} + {{pw.macs}} = {{sep.macs}} 次，约为原来的 $1/{{sep.ratio|fixed1}}$。',
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
      id: 'sequences',
      title: '词元序列：注意力与循环',
      blocks: [
        'Transformer 和循环网络读入的是一个由 $T$ 个词元组成的**序列**，每个词元有 $D$ 个特征。对每个词元各做一次线性变换，开销是 $T \\cdot D_{in} \\cdot D_{out}$ 次乘加。**自注意力**还要在词元之间做乘积：每个词元的查询都要和所有词元的键相乘（$QK^\\top$），得到的权重再把所有词元的值加权混合：',
        {
          tex: '\\text{MACs} = \\underbrace{4\\,T D^2}_{Q,\\,K,\\,V,\\,O} + \\underbrace{2\\,T^2 D}_{QK^\\top,\\;AV}',
        },
        '在 ViT-B/16 中（$T = {{vit.T}}$ 个词元，$D = {{vit.D}}$，{{vit.h}} 个头），一层注意力的四个投影需要 {{vit.proj}} 次乘加，词元之间的乘积需要 {{vit.mm}} 次，占这一层 {{vit.attn}} 次的 {{vit.mmShare|pct}}。词元数翻倍时，投影的开销变为原来的 {{vit.projGrowth}} 倍，词元间乘积却变为 {{vit.mmGrowth}} 倍：第二项随 $T$ 的平方增长，当 $T > 2D = {{vit.cross}}$ 时就超过第一项。在整个模型里，词元间乘积占全部 {{vit.macs|approx}}次乘加的 {{vit.modelMmShare|pct}}；若统计工具漏算这一项，结果会偏小，序列越长、图像越大，偏差越大。',
        { widget: 'attention-cost' },
        '注意力一步就能看到全部输入：每个输出词元的感受野都是整个输入。**循环**层（LSTM、GRU）则要一步一步地走到那里：在 $T$ 个时间步中的每一步，它都用全部权重去乘当前输入和上一步的状态，所以乘加次数是权重数的 $T$ 倍，只随 $T$ 线性增长，但各步必须依次执行。模型库中的 LSTM 语言模型（{{lstm.L}} 层，隐状态维度 {{lstm.H}}，$T = {{lstm.T}}$ 个词元）每步需要 {{lstm.step}} 次乘加，总共 {{lstm.macs}} 次，分 {{lstm.steps}} 步完成，这些步骤无法并行。',
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        { tex: '\\text{MACs} = \\sum_{l=1}^{D} M_l^2 \\cdot K_l^2 \\cdot C_{l-1} \\cdot C_l' },
        { tex: '\\text{深度可分离：}\\quad M^2 K^2 C_{in} + M^2 C_{in} C_{out}' },
        { tex: '\\text{自注意力：}\\quad 4\\,T D^2 + 2\\,T^2 D' },
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

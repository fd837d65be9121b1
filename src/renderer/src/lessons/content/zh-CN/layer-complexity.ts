import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '单层的时间复杂度',
  summary: '统计一个卷积层的乘加次数，以及为何不同工具给出的数字正好差 2 倍。',
  sections: [
    {
      id: 'count',
      title: '计算量怎么数',
      blocks: [
        '对 $C_{out}$ 个卷积核中的每一个，$M \\times M$ 个输出位置上的每一个值，都是卷积核与输入中一块 $K \\times K \\times C_{in}$ 区域的点积：每个权重对应一次乘法和一次加法。这种乘加（MAC）的次数为：',
        { tex: '\\text{MACs} = M^2 \\cdot K^2 \\cdot C_{in} \\cdot C_{out}' },
        '其中 $M$ 就是上一课的输出尺寸。偏置对每个输出元素再加一次加法，共 $M^2 \\cdot C_{out}$ 次，数量很小，通常忽略不计。可见单层的耗时与输出尺寸和卷积核尺寸的平方成正比，也与输入、输出通道数成正比。',
      ],
    },
    {
      id: 'example',
      title: '一个例子',
      blocks: [
        'ResNet 中一个典型的层：${{c.Cin}} \\to {{c.Cout}}$ 个通道，${{c.K}} \\times {{c.K}}$ 卷积核，输出 ${{c.M}} \\times {{c.M}}$，没有偏置（ResNet 的每个卷积后面都接一个批归一化，偏置的作用由 BN 的 β 承担）。',
        { tex: '{{c.M}}^2 \\cdot {{c.K}}^2 \\cdot {{c.Cin}} \\cdot {{c.Cout}} = {{c.macs}}\\ \\text{MACs}' },
        '仅这一层就约有 {{c.macs|approx}}次乘加，而权重只有 {{c.weights}} 个：每个权重在全部 {{c.positions}} 个输出位置上被反复使用。',
      ],
    },
    {
      id: 'macs-flops',
      title: 'MAC、FLOPs 与 FLOPS',
      blocks: [
        '一次 MAC 包含一次乘法和一次加法。把这两种运算分开计数，得到的是浮点运算次数 **FLOPs**（小写 s，是一个次数）：',
        { tex: '\\text{FLOPs} = 2 \\cdot \\text{MACs} \\quad ({{c.macs}} \\to {{c.flops}})' },
        '这几个术语要分清。很多文章和论文（包括本课程所依据的复杂度分析）把 $M^2 K^2 C_{in} C_{out}$ 写成“FLOPs”，其实数的是乘加次数；另一些则指它的两倍。这就是为什么 ResNet-50 的计算量有时写作 {{r50.macs|giga}}，有时写作 {{r50.flops|giga}}“GFLOPs”：前者数的是乘加，后者数的是乘法和加法。两者都没有错；看到一个数字时，先弄清它用的是哪种约定。ConvScope 始终注明自己用的是哪一种。可在下面的组件中切换约定。',
        { widget: 'layer-cost' },
        '**FLOPS**（大写 S，每秒浮点运算次数）则是另一回事：它是速率，衡量处理器有多快。一层的 FLOPs 除以处理器的 FLOPS，就是这一层最少需要的时间——前提是内存跟得上（“空间复杂度”一课会讲到跟不上的情况）。',
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        {
          tex: '\\text{MACs} = M^2 \\cdot K^2 \\cdot C_{in} \\cdot C_{out} \\qquad \\text{FLOPs} = 2 \\cdot \\text{MACs}',
        },
        {
          list: [
            '偏置加法：$M^2 \\cdot C_{out}$ 次，通常忽略。',
            'FLOPs 是次数，FLOPS 是速率（每秒）。文章里的“FLOPs”可能数的是乘加：先看清约定。',
          ],
        },
      ],
    },
  ],
};

export default lesson;

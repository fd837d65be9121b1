import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '单层的时间复杂度',
  summary: '统计一个卷积层的乘加次数，以及各种工具的数字为何相差两倍。',
  sections: [
    {
      id: 'count',
      title: '计算量怎么数',
      blocks: [
        '对 $C_{out}$ 个卷积核中的每一个，$M \\times M$ 个输出位置上的每一个值，都是卷积核与输入中一块 $K \\times K \\times C_{in}$ 区域的点积：每个权重对应一次乘法和一次加法。这种乘加（MAC）的次数为',
        { tex: '\\text{MACs} = M^2 \\cdot K^2 \\cdot C_{in} \\cdot C_{out}' },
        '偏置对每个输出元素再加一次加法，数量很小，通常忽略不计。可见单层的耗时与输出尺寸和卷积核尺寸的平方成正比，也与输入、输出通道数成正比。',
      ],
    },
    {
      id: 'example',
      title: '一个例子',
      blocks: [
        'ResNet 中一个典型的层：${{c.Cin}} \\to {{c.Cout}}$ 个通道，${{c.K}} \\times {{c.K}}$ 卷积核，输出 ${{c.M}} \\times {{c.M}}$。',
        { tex: '{{c.M}}^2 \\cdot {{c.K}}^2 \\cdot {{c.Cin}} \\cdot {{c.Cout}} = {{c.macs}}\\ \\text{MACs}' },
        '仅这一层就约 {{c.macs|mega}} 百万次乘加，而参数只有 {{c.params}} 个：每个权重在全部 {{c.M}}×{{c.M}} 个位置上被重复使用。',
      ],
    },
    {
      id: 'macs-flops',
      title: 'MAC 还是 FLOP？',
      blocks: [
        '一次 MAC 包含一次乘法和一次加法。有的工具报告的是 MAC，却称之为 FLOPs；另一些工具把乘法和加法分开计数，于是 FLOPs 是 MAC 的两倍：',
        { tex: '\\text{FLOPs} = 2 \\cdot \\text{MACs} \\quad ({{c.macs}} \\to {{c.flops}})' },
        '这就是为什么 ResNet-50 的计算量有时写作 {{r50.macs|giga}}，有时写作 {{r50.flops|giga}} "GFLOPs"：前者数的是乘加，后者数的是乘法和加法。两者都没有错；看到一个数字时，先弄清它用的是哪种约定。可在下面的组件中切换约定。',
        { widget: 'layer-cost' },
      ],
    },
  ],
};

export default lesson;

import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '感受野',
  summary: '一个输出单元能看到哪些输入像素，以及感受野如何逐层增长。',
  sections: [
    {
      id: 'definition',
      title: '定义',
      blocks: [
        '一个单元的**感受野**（receptive field，RF）是它的值所依赖的输入图像区域。区域外的像素怎么变，这个单元都不受影响。',
        '用一维来想：每个卷积核大小为 $K$ 的卷积都看下一层中相邻的 $K$ 个单元。三个步长为 1 的 3×1 卷积叠在一起：第一层看到 {{t.r1}} 个像素，第二层 {{t.r2}} 个，第三层 {{t.r3}} 个。点击一个输出单元，查看它的感受野。',
        { widget: 'rf-classic' },
      ],
    },
    {
      id: 'recursion',
      title: '递推公式',
      blocks: [
        '每一层把感受野扩大 $K_l - 1$ 个“下一层的步”；而第 $l-1$ 层的一步，相当于之前所有步长之积那么多个输入像素：',
        { tex: 'RF_l = RF_{l-1} + (K_l - 1) \\cdot \\prod_{i<l} S_i, \\qquad RF_0 = 1' },
        '乘积 $j_l = \\prod_{i \\le l} S_i$ 称为**跳距**（jump）：第 $l$ 层相邻两个单元在输入上相距的像素数。',
      ],
    },
    {
      id: 'stride',
      title: '步长让感受野长得更快',
      blocks: [
        '把第一层的步长设为二：感受野变成 {{s.r1}}、{{s.r2}}、{{s.r3}}，因为之后每一层每走一步都跨过 {{s.j1}} 个输入像素（jump 为 {{s.j3}}）。',
        { widget: 'rf-strided' },
        '真实网络由许多层和步长组合而成：AlexNet 最后一个池化层的感受野为 {{alexnet.rf}} 像素，jump 为 {{alexnet.jump}}；VGG-16 则为 {{vgg16.rf}} 像素，jump 为 {{vgg16.jump}}。这些是理论感受野；实际上感受野中心部分的影响最大。',
      ],
    },
  ],
};

export default lesson;

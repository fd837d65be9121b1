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
        '用一维来想：卷积核大小为 $K$ 的卷积，看的是前一层（靠近输入的那一层）中相邻的 $K$ 个单元。把 {{t.layers}} 个 $K = {{t.K}}$、步长为 {{t.S1}} 的卷积叠在一起：第一层的单元看到 {{t.r1}} 个像素，第二层 {{t.r2}} 个，第三层 {{t.r3}} 个。点击一个输出单元，查看它的感受野。',
        { widget: 'rf-classic' },
      ],
    },
    {
      id: 'recursion',
      title: '递推公式',
      blocks: [
        '每一层把感受野扩大 $K_l - 1$ 个“前一层的步”；而第 $l-1$ 层的一步，相当于之前所有步长之积那么多个输入像素：',
        { tex: 'RF_l = RF_{l-1} + (K_l - 1) \\cdot \\prod_{i<l} S_i, \\qquad RF_0 = 1' },
        '乘积 $j_l = \\prod_{i \\le l} S_i$ 称为**跳距**（jump）：第 $l$ 层相邻两个单元在输入上相距的像素数。',
        '池化层在递推中和卷积完全一样：窗口大小就是 $K_l$，步长就是 $S_l$。',
      ],
    },
    {
      id: 'stride',
      title: '步长让感受野长得更快',
      blocks: [
        '把第一层的步长设为 {{s.S1}}：感受野变成 {{s.r1}}、{{s.r2}}、{{s.r3}}，因为之后每一层每走一步都跨过 {{s.j1}} 个输入像素（最后一层的跳距为 {{s.j3}}）。',
        { widget: 'rf-strided' },
        '真实网络由许多层和步长组合而成：AlexNet 最后一个池化层的感受野为 {{alexnet.rf}} 像素，跳距为 {{alexnet.jump}}；VGG-16 则为 {{vgg16.rf}} 像素，跳距为 {{vgg16.jump}}。这些是理论感受野；实际上感受野中心部分的影响最大。',
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        {
          tex: 'RF_l = RF_{l-1} + (K_l - 1) \\cdot j_{l-1} \\qquad j_l = \\prod_{i \\le l} S_i \\qquad RF_0 = j_0 = 1',
        },
        {
          list: [
            '池化层和卷积一样计算，窗口大小就是 $K$。',
            '一层的步长放大的是它之后各层的增长，而不是它自己的。',
          ],
        },
      ],
    },
  ],
};

export default lesson;

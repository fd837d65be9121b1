import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Time complexity of one layer',
  summary: 'Counting the multiply-accumulates of a convolution, and why tools disagree by a factor of two.',
  sections: [
    {
      id: 'count',
      title: 'Counting the work',
      blocks: [
        'Each of the $M \\times M$ output positions of each of the $C_{out}$ filters is a dot product of the kernel with a $K \\times K \\times C_{in}$ patch of the input: one multiplication and one addition per weight. The number of these multiply-accumulates (MACs) is',
        { tex: '\\text{MACs} = M^2 \\cdot K^2 \\cdot C_{in} \\cdot C_{out}' },
        '$M$ is the output size of the previous lesson. A bias adds one more addition per output element, $M^2 \\cdot C_{out}$ in all; it is small and usually left out. The time of a layer grows with the square of the output size and of the kernel size, and with both channel counts.',
      ],
    },
    {
      id: 'example',
      title: 'An example',
      blocks: [
        'A typical ResNet layer: ${{c.Cin}} \\to {{c.Cout}}$ channels, a ${{c.K}} \\times {{c.K}}$ kernel, output ${{c.M}} \\times {{c.M}}$, and no bias (in ResNet every convolution is followed by a BatchNorm, which has its own shift).',
        { tex: '{{c.M}}^2 \\cdot {{c.K}}^2 \\cdot {{c.Cin}} \\cdot {{c.Cout}} = {{c.macs}}\\ \\text{MACs}' },
        'That is about {{c.macs|approx}} MACs for one layer, with only {{c.weights}} weights: every weight is used again at all {{c.positions}} output positions.',
      ],
    },
    {
      id: 'macs-flops',
      title: 'MACs, FLOPs and FLOPS',
      blocks: [
        'A MAC is a multiplication and an addition. Counting the two operations separately gives the number of floating-point operations, **FLOPs** (a count, with a small s):',
        { tex: '\\text{FLOPs} = 2 \\cdot \\text{MACs} \\quad ({{c.macs}} \\to {{c.flops}})' },
        'Careful with the names. Many articles and papers, including the complexity analyses these lessons follow, write "FLOPs" for $M^2 K^2 C_{in} C_{out}$, which counts MACs; others mean twice that. This is why ResNet-50 is quoted at both {{r50.macs|giga}} and {{r50.flops|giga}} "GFLOPs": the first number counts MACs, the second multiplications and additions. Neither is wrong; always check which convention a number uses. ConvScope always says which one it shows. Switch the convention in the widget.',
        { widget: 'layer-cost' },
        '**FLOPS** (capital S, floating-point operations per second) is something else: a rate, the speed of a processor. A layer\u2019s FLOPs divided by a processor\u2019s FLOPS is the shortest time the layer can take, if memory keeps up (the space-complexity lesson shows when it does not).',
      ],
    },
    {
      id: 'recap',
      title: 'Recap',
      blocks: [
        {
          tex: '\\text{MACs} = M^2 \\cdot K^2 \\cdot C_{in} \\cdot C_{out} \\qquad \\text{FLOPs} = 2 \\cdot \\text{MACs}',
        },
        {
          list: [
            'Bias adds: $M^2 \\cdot C_{out}$, usually left out.',
            'FLOPs is a count, FLOPS a rate (per second). A "FLOPs" figure in an article may count MACs: check the convention.',
          ],
        },
      ],
    },
  ],
};

export default lesson;

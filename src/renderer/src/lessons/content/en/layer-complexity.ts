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
        'The bias adds one more addition per output element; it is small and usually left out. The time of a layer grows with the square of the output size and of the kernel size, and with both channel counts.',
      ],
    },
    {
      id: 'example',
      title: 'An example',
      blocks: [
        'A typical ResNet layer: ${{c.Cin}} \\to {{c.Cout}}$ channels, a ${{c.K}} \\times {{c.K}}$ kernel, output ${{c.M}} \\times {{c.M}}$.',
        { tex: '{{c.M}}^2 \\cdot {{c.K}}^2 \\cdot {{c.Cin}} \\cdot {{c.Cout}} = {{c.macs}}\\ \\text{MACs}' },
        'That is about {{c.macs|mega}} million MACs for one layer, against {{c.params}} parameters: every weight is reused at all {{c.M}}×{{c.M}} positions.',
      ],
    },
    {
      id: 'macs-flops',
      title: 'MACs or FLOPs?',
      blocks: [
        'A MAC is a multiplication and an addition. Some tools report MACs and call them FLOPs; others count the two operations separately, so their FLOPs are twice the MACs:',
        { tex: '\\text{FLOPs} = 2 \\cdot \\text{MACs} \\quad ({{c.macs}} \\to {{c.flops}})' },
        'This is why ResNet-50 is quoted at both {{r50.macs|giga}} and {{r50.flops|giga}} "GFLOPs": the first number counts MACs, the second multiplications and additions. Neither is wrong; always check which convention a number uses. Switch the convention in the widget.',
        { widget: 'layer-cost' },
      ],
    },
  ],
};

export default lesson;

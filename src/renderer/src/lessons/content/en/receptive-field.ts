import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Receptive field',
  summary: 'Which input pixels one output unit can see, and how it grows through the layers.',
  sections: [
    {
      id: 'definition',
      title: 'Definition',
      blocks: [
        'The **receptive field** (RF) of a unit is the region of the input image that its value depends on. A pixel outside it can change without changing the unit at all.',
        'Picture it in 1-D: a convolution with kernel size $K$ looks at $K$ neighbouring units of the layer below it (the layer on the input side). Stack {{t.layers}} convolutions with $K = {{t.K}}$ and stride {{t.S1}}: a unit of the first layer sees {{t.r1}} pixels, of the second {{t.r2}}, of the third {{t.r3}}. Click an output unit to see its region.',
        { widget: 'rf-classic' },
      ],
    },
    {
      id: 'recursion',
      title: 'The recursion',
      blocks: [
        'Each layer widens the field by $K_l - 1$ steps of the layer below; one step of layer $l-1$ spans the product of all earlier strides in input pixels:',
        { tex: 'RF_l = RF_{l-1} + (K_l - 1) \\cdot \\prod_{i<l} S_i, \\qquad RF_0 = 1' },
        'The product $j_l = \\prod_{i \\le l} S_i$ is the **jump**: the distance in input pixels between two neighbouring units of layer $l$.',
        'A pooling layer enters the recursion exactly like a convolution: its window is $K_l$ and its stride $S_l$.',
      ],
    },
    {
      id: 'stride',
      title: 'Strides make it grow faster',
      blocks: [
        'Give the first layer a stride of {{s.S1}}: the RF becomes {{s.r1}}, {{s.r2}}, {{s.r3}}, because every later layer steps over {{s.j1}} input pixels at a time (the jump after the last layer is {{s.j3}}).',
        { widget: 'rf-strided' },
        'Real networks combine many layers and strides: the last pooling layer of AlexNet sees {{alexnet.rf}} pixels with a jump of {{alexnet.jump}}, that of VGG-16 {{vgg16.rf}} pixels with a jump of {{vgg16.jump}}. These are theoretical fields; in practice the centre of the field matters most.',
      ],
    },
    {
      id: 'recap',
      title: 'Recap',
      blocks: [
        {
          tex: 'RF_l = RF_{l-1} + (K_l - 1) \\cdot j_{l-1} \\qquad j_l = \\prod_{i \\le l} S_i \\qquad RF_0 = j_0 = 1',
        },
        {
          list: [
            'Pooling layers count like convolutions, with their window as $K$.',
            'A stride multiplies the growth of every layer after it, not its own.',
          ],
        },
      ],
    },
  ],
};

export default lesson;

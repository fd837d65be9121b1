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
        'Picture it in 1-D: each convolution with kernel size $K$ looks at $K$ neighbouring units of the layer below. Three 3×1 convolutions with stride 1 stack up: the first layer sees {{t.r1}} pixels, the second {{t.r2}}, the third {{t.r3}}. Click an output unit to see its region.',
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
      ],
    },
    {
      id: 'stride',
      title: 'Strides make it grow faster',
      blocks: [
        'Put a stride of two in the first layer: the RF becomes {{s.r1}}, {{s.r2}}, {{s.r3}}, because every later layer steps over {{s.j1}} input pixels at a time (jump {{s.j3}}).',
        { widget: 'rf-strided' },
        'Real networks combine many layers and strides: the last pooling layer of AlexNet sees {{alexnet.rf}} pixels with a jump of {{alexnet.jump}}, that of VGG-16 {{vgg16.rf}} pixels with a jump of {{vgg16.jump}}. These are theoretical fields; in practice the centre of the field matters most.',
      ],
    },
  ],
};

export default lesson;

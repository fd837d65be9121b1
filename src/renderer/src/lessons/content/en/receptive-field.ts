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
      id: 'effective',
      title: 'The effective receptive field',
      blocks: [
        'The theoretical field says which pixels **can** change a unit. How much each one does is measured by the gradient: take the unit, sum it over its channels to a number $y$, and look at $|\\partial y / \\partial x|$ at every input pixel, summed over the input channels and normalised to sum 1. Luo et al. (2016) called this map the **effective receptive field** (ERF). With equal weights it is the number of paths from a pixel to the unit: the centre is reached by many paths, the border of the field by one.',
        {
          tex: '\\mathrm{ERF}(p) = \\frac{\\sum_c |\\partial y / \\partial x_c(p)|}{\\sum_{p\\prime} \\sum_c |\\partial y / \\partial x_c(p\\prime)|}',
        },
        'The gradient piles up in a Gaussian-like centre whose width grows only like $\\sqrt{L}$ with the depth $L$, while the theoretical field grows like $L$. A stack of {{erf.maxDepth}} 3×3 convolutions has an RF of {{erf.deep.rf}} pixels, yet 68% of its gradient lies in a {{erf.deep.side68}}-pixel square and 95% in a {{erf.deep.side95}}-pixel square. Fitted from depth {{erf.fitFrom}} on, the 68% side grows like $L^{ {{erf.alpha68 | fixed2}} }$ against $L^{ {{erf.alphaRf | fixed2}} }$ for the RF.',
        { widget: 'erf-depth' },
        'How the wiring changes the ERF, all with equal weights: **dilation** spreads the taps, so the 1, 2, 4, 8 stack (RF {{erf.dilated.rf}}) puts 68% of its gradient in a {{erf.dilated.side68}}-pixel square, most of its field. **Downsampling** multiplies the steps of every later layer: stride 2, 2, 1, 1 reaches RF {{erf.strided.rf}} with a {{erf.strided.side68}}-pixel 68% square. **Residual connections** add short paths: with the same RF of {{erf.residual.rf}} as {{erf.plain.rf}} for eight plain convolutions, the 68% square shrinks from {{erf.plain.side68}} to {{erf.residual.side68}} pixels, because the shortcuts carry most of the gradient. **Gridding** shows up as holes: dilation 2 three times reads no pixel of odd offset, {{erf.gridding.holes}} of the {{erf.gridding.hullPixels}} pixels of its field get exactly zero gradient.',
        { widget: 'erf-variants' },
        {
          note: 'The Designs workspace computes the ERF of any design (the Effective RF tab), and `convscope erf` does it from the command line: the same engine, the same numbers.',
        },
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
            'The effective receptive field is much smaller than the theoretical one: its side grows like √depth, not like depth.',
          ],
        },
      ],
    },
  ],
};

export default lesson;

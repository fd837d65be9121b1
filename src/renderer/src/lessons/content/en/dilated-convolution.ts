import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Dilated convolution',
  summary:
    'Spreading the kernel out: a larger receptive field for the same weights, and the holes it can leave.',
  sections: [
    {
      id: 'effective-kernel',
      title: 'The effective kernel',
      blocks: [
        'A dilated (atrous) convolution with dilation $d$ places its $K$ taps $d$ pixels apart. It has the weights of a $K$-tap kernel but spans',
        { tex: 'K_{eff} = d\\,(K - 1) + 1' },
        'pixels: with $K = {{d2.K}}$, dilation {{d2.d}} spans {{d2.Keff}} and dilation {{d4.d}} spans {{d4.Keff}}. The output-size formula uses $K_{eff}$ in place of $K$: $X = {{d2.X}}$ with padding {{d2.P}} gives $M = {{d2.M}}$, the size is kept.',
        { widget: 'conv-sliders-dilated' },
      ],
    },
    {
      id: 'growth',
      title: 'Exponential growth',
      blocks: [
        'In the recursion of the receptive field, $K_{eff}$ replaces $K$. Doubling the dilation at every layer makes the field grow exponentially: {{dil.layers}} convolutions with $K = {{dil.K}}$ and dilations {{dil.d1}}, {{dil.d2}}, {{dil.d3}} and {{dil.d4}} reach an RF of {{dil.r4}}, where {{plain.layers}} plain ones reach {{plain.r4}}, with the same number of weights and no loss of resolution.',
        { widget: 'rf-dilated' },
      ],
    },
    {
      id: 'gridding',
      title: 'Gridding',
      blocks: [
        'Stacking the same dilation has a catch: {{grid.layers}} layers with dilation {{grid.d1}} span {{grid.r3}} pixels, but only {{grid.read}} of them are read: every tap lands on the same parity, and the pixels in between are never read. The field has **holes**, a checkerboard pattern called gridding. Select an output unit and look at the input row.',
        { widget: 'rf-gridding' },
        'Mixing dilations whose steps cover each other fills the holes: with dilations {{mix.d1}}, {{mix.d2}} and {{mix.d3}}, all {{mix.read}} pixels of the {{mix.r3}}-pixel field are read. Following dilated layers with an ordinary convolution also helps.',
      ],
    },
    {
      id: 'recap',
      title: 'Recap',
      blocks: [
        {
          tex: 'K_{eff} = d\\,(K - 1) + 1 \\qquad M = \\left\\lfloor \\frac{X + 2P - K_{eff}}{S} \\right\\rfloor + 1',
        },
        { tex: 'RF_l = RF_{l-1} + (K_{eff,l} - 1) \\cdot j_{l-1}' },
        {
          list: [
            'The same weights cover a wider span; the RF can grow exponentially without pooling.',
            'Repeating one dilation leaves holes (gridding): the span is the hull, not every pixel in it is read.',
          ],
        },
      ],
    },
  ],
};

export default lesson;

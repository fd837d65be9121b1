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
        'In the recursion of the receptive field, $K_{eff}$ replaces $K$. Doubling the dilation at every layer makes the field grow exponentially: four 3×3 convolutions with dilations one, two, four and eight reach an RF of {{dil.r4}}, where four plain ones reach {{plain.r4}} — with the same number of weights and no loss of resolution.',
        { widget: 'rf-dilated' },
      ],
    },
    {
      id: 'gridding',
      title: 'Gridding',
      blocks: [
        'Stacking the same dilation has a catch. Three layers with dilation two span {{grid.r3}} pixels, but every tap lands on the same parity: the odd pixels in between are never read. The field has **holes**, a checkerboard pattern called gridding. Select an output unit and look at the input row.',
        { widget: 'rf-gridding' },
        'Mixing dilations whose steps cover each other (such as one, two, four) fills the holes; so does following dilated layers with an ordinary convolution.',
      ],
    },
  ],
};

export default lesson;

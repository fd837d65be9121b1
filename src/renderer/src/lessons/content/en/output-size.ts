import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Output size of a convolution',
  summary: 'How input size, kernel, padding and stride decide the size of the feature map.',
  sections: [
    {
      id: 'formula',
      title: 'The formula',
      blocks: [
        'A convolution slides a $K \\times K$ kernel over an $X \\times X$ input. Padding adds $P$ rows and columns of zeros on each side, and the stride $S$ is how far the window moves between two outputs. The number of positions the window can take along one side is the output size $M$:',
        { tex: 'M = \\left\\lfloor \\frac{X + 2P - K}{S} \\right\\rfloor + 1' },
        'The numerator is the room the window has to move in the padded input; dividing by the stride counts the steps, and the $+1$ counts the starting position.',
        'Example: $X = {{a.X}}$, $K = {{a.K}}$, $P = {{a.P}}$, $S = {{a.S}}$ gives $M = \\left\\lfloor \\frac{ {{a.X}} + 2 \\cdot {{a.P}} - {{a.K}} }{ {{a.S}} } \\right\\rfloor + 1 = {{a.M}}$.',
      ],
    },
    {
      id: 'try-it',
      title: 'Try it',
      blocks: [
        'Move the sliders or type the numbers (the input goes up to {{widget.maxX}} pixels, so the examples of this lesson all fit). The formula is filled in with your numbers, and the sketch shows which input cells one output position reads. All numbers come from the analysis core.',
        { widget: 'conv-sliders' },
      ],
    },
    {
      id: 'inexact',
      title: 'When the division is not exact',
      blocks: [
        'The first layer of a ResNet uses $X = {{b.X}}$, $K = {{b.K}}$, $P = {{b.P}}$, $S = {{b.S}}$. The numerator is {{b.num}}, and {{b.num}} / {{b.S}} = {{b.quot}} is not a whole number.',
        'The window only stops at whole steps, so the fraction is dropped (the floor): $M = {{b.M}}$. The remainder of the division, {{b.rem}} here, is the number of columns at the end of the padded input that no window reaches. In this example they lie in the {{b.P}} columns of padding, so no input pixel is lost ({{b.lostInput}} input columns skipped); with less padding, real input would be left unread.',
      ],
    },
    {
      id: 'rectangles',
      title: 'Rectangles',
      blocks: [
        'Nothing ties the two sides together: height and width each get their own formula, with their own kernel size, padding and stride if the layer has them.',
        'An input of ${{r.H}} \\times {{r.W}}$ with $K = {{r.K}}$, $P = {{r.P}}$, $S = {{r.S}}$ gives ${{r.Mh}} \\times {{r.Mw}}$. With $C_{out}$ filters the output tensor is $C_{out} \\times M_h \\times M_w$.',
      ],
    },
    {
      id: 'padding-modes',
      title: 'Padding modes',
      blocks: [
        {
          list: [
            '**valid**: no padding, $P = 0$; every window lies inside the input and the map shrinks.',
            '**same**: pad so that $M = \\lceil X / S \\rceil$. The total padding is $\\max\\big((M - 1) S + K - X,\\ 0\\big)$; when it is odd, the extra pixel goes after (TensorFlow does this; PyTorch allows "same" only with stride 1 and also puts the extra pixel after).',
          ],
        },
        'For $X = {{s.X}}$, $K = {{s.K}}$, $S = {{s.S}}$, "same" gives $M = {{s.M}}$ with {{s.Pb}} pixel of padding before and {{s.Pa}} after. When the two sides differ, the formula writes them $P_b$ (before) and $P_a$ (after): $2P$ becomes $P_b + P_a$, as in the Designs page\u2019s formulas.',
        'The $\\max$ matters when the stride is larger than the kernel: for $X = {{s2.X}}$, $K = {{s2.K}}$, $S = {{s2.S}}$ the windows of $M = {{s2.M}}$ positions already cover more than the input, $(M - 1) S + K - X = {{s2.raw}}$, and "same" adds no padding at all ({{s2.P}} pixels).',
      ],
    },
    {
      id: 'recap',
      title: 'Recap',
      blocks: [
        { tex: 'M = \\left\\lfloor \\frac{X + 2P - K}{S} \\right\\rfloor + 1' },
        {
          list: [
            'The floor drops an incomplete last step; the remainder counts the padded columns no window reaches.',
            'Height and width each have their own formula: the output tensor is $C_{out} \\times M_h \\times M_w$.',
            '"same": $M = \\lceil X / S \\rceil$, total padding $\\max\\big((M - 1) S + K - X,\\ 0\\big)$, the odd pixel after; "valid": $P = 0$.',
          ],
        },
      ],
    },
  ],
};

export default lesson;

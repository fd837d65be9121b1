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
        { tex: 'M = \\left\\lfloor \\frac{X - K + 2P}{S} \\right\\rfloor + 1' },
        'The numerator is the room the window has to move in the padded input; dividing by the stride counts the steps, and the $+1$ counts the starting position.',
        'Example: $X = {{a.X}}$, $K = {{a.K}}$, $P = {{a.P}}$, $S = {{a.S}}$ gives $M = \\frac{ {{a.X}} - {{a.K}} + 2 \\cdot {{a.P}} }{ {{a.S}} } + 1 = {{a.M}}$.',
      ],
    },
    {
      id: 'try-it',
      title: 'Try it',
      blocks: [
        'Move the sliders. The sketch shows the window at its first and last position along one row; the numbers are computed by the analysis core.',
        { widget: 'conv-sliders' },
      ],
    },
    {
      id: 'inexact',
      title: 'When the division is not exact',
      blocks: [
        'The first layer of a ResNet uses $X = {{b.X}}$, $K = {{b.K}}$, $P = {{b.P}}$, $S = {{b.S}}$. The numerator is {{b.num}}, and {{b.num}} / {{b.S}} = {{b.quot}} is not a whole number.',
        'The window only stops at whole steps, so the fraction is dropped (the floor): $M = {{b.M}}$. The last input columns that do not fill a whole step are never the start of a window. Pooling layers with `ceil_mode` round up instead, adding one more window that hangs over the edge.',
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
            '**same**: pad so that $M = \\lceil X / S \\rceil$. The total padding is $(M - 1) S + K - X$; when it is odd, the extra pixel goes after (TensorFlow, and PyTorch for stride 1).',
          ],
        },
        'For $X = {{s.X}}$, $K = {{s.K}}$, $S = {{s.S}}$, "same" gives $M = {{s.M}}$ with {{s.Pb}} pixel(s) of padding before and {{s.Pa}} after.',
      ],
    },
  ],
};

export default lesson;

import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Vanishing gradients',
  summary: 'Why the early layers of a deep sigmoid network stop learning.',
  sections: [
    {
      id: 'chain',
      title: 'A product of factors',
      blocks: [
        'Back-propagation applies the chain rule layer by layer. For a chain of units $a_l = f(w_l a_{l-1} + b_l)$ the gradient reaching layer $l$ is a product over all the layers above it:',
        {
          tex: "\\frac{\\partial L}{\\partial a_{l}} = \\frac{\\partial L}{\\partial a_{D}} \\prod_{k=l+1}^{D} w_k \\, f'(u_k)",
        },
        "Each factor $w_k f'(u_k)$ scales the gradient. If the factors are mostly below one, the product shrinks exponentially with depth. Good initialisation keeps the weights' part of the factor near one (previous lesson); the activation's slope is the other part.",
      ],
    },
    {
      id: 'sigmoid',
      title: 'The sigmoid',
      blocks: [
        "The derivative of the sigmoid is $\\sigma'(u) = \\sigma(u)(1 - \\sigma(u))$, at most {{sig.max}} (at $u = 0$), and much smaller when the unit saturates. With weights of size one, five sigmoid layers already scale the gradient by at most {{sig.chain5|sci}}, twenty by {{sig.chain20|sci}}.",
        'The early layers then receive almost no gradient and stop learning while the last layers still train. The network behaves like a shallow one on top of random features.',
      ],
    },
    {
      id: 'demo',
      title: 'See it happen',
      blocks: [
        'Below, a deep sigmoid network with Xavier initialisation is trained by the gradient engine. The chart shows, on a log scale, the gradient reaching each hidden layer at the first step; the second demo puts ReLU with Kaiming initialisation next to it.',
        { widget: 'grad-vanishing' },
        'The tanh function has a larger slope (up to {{tanh.max}}) but saturates just the same; the ReLU family keeps a slope of {{relu.max}} for positive inputs. The last lesson collects the remedies.',
      ],
    },
    {
      id: 'recap',
      title: 'Recap',
      blocks: [
        {
          tex: "\\frac{\\partial L}{\\partial a_{l}} = \\frac{\\partial L}{\\partial a_{D}} \\prod_{k=l+1}^{D} w_k \\, f'(u_k) \\qquad \\Big|\\frac{\\partial a_D}{\\partial a_l}\\Big| \\le \\prod_{k} |w_k| \\max |f'|",
        },
        { tex: "\\sigma'(u) = \\sigma(u)\\,(1 - \\sigma(u)) \\le \\tfrac{1}{4}" },
        {
          list: [
            'Factors below one make the gradient of early layers shrink exponentially with depth.',
            'Saturated sigmoid and tanh units have slopes near zero.',
          ],
        },
      ],
    },
  ],
};

export default lesson;

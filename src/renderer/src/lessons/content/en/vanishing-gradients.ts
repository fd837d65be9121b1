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
        "Each factor $w_k f'(u_k)$ scales the gradient. If the factors are mostly below one, the product shrinks exponentially with depth.",
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
        'Below, a network of 20 sigmoid layers (width 64, Xavier initialisation) is run forward and backward by the gradient engine. The chart shows the size of each layer\u2019s weight gradient on a log scale, averaged over a few random seeds.',
        { widget: 'grad-vanishing' },
        'The tanh has a larger slope (up to {{tanh.max}}) but saturates just the same; the ReLU family keeps a slope of {{relu.max}} for positive inputs. The last lesson collects the remedies.',
      ],
    },
  ],
};

export default lesson;

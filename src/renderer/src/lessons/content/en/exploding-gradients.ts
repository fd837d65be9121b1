import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Exploding gradients',
  summary: 'Factors above one: gradients that grow exponentially and updates that blow the weights apart.',
  sections: [
    {
      id: 'growth',
      title: 'Factors above one',
      blocks: [
        "The same product of per-layer factors can also grow. Large weights make each factor $w_k f'(u_k)$ bigger than one. With $|w| = 1.5$ and the steepest tanh slope, the bound is {{w.chain5|fixed1}} after five layers and {{w.chain20|sci}} after twenty.",
        { tex: "\\prod_{k} |w_k| \\max |f'| = 1.5^{D}" },
        'In a real layer the factor is a matrix: what matters is how much it stretches vectors, which grows with the weights\u2019 scale and the layer width. Weights drawn from $N(0, 1.5^2)$ are far larger than the $1/\\sqrt{n}$ scale that keeps signals stable.',
      ],
    },
    {
      id: 'demo',
      title: 'See it happen',
      blocks: [
        'A network of 20 tanh layers (width 64) initialised from $N(0, 1.5^2)$: the gradient norm grows from the last layer to the first by many orders of magnitude.',
        { widget: 'grad-exploding' },
      ],
    },
    {
      id: 'symptoms',
      title: 'Symptoms',
      blocks: [
        'Exploding gradients show as a loss that jumps or turns into NaN, and weights that overflow. One huge step can throw the weights into a region they never recover from. Recurrent networks are especially prone: the same weight matrix is applied at every time step.',
        '**Gradient clipping** is the direct cure: if the gradient norm is above a threshold $c$, rescale it: $g \\leftarrow g \\cdot c / \\lVert g \\rVert$. A gradient with norm {{clip.norm}} clipped to {{clip.max}} is multiplied by {{clip.factor}}: its components become {{clip.g1}} and {{clip.g2}}. The direction is kept; only the step is shortened.',
      ],
    },
  ],
};

export default lesson;

import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Exploding gradients',
  summary: 'Factors above one: gradients that grow exponentially and updates that blow the weights apart.',
  sections: [
    {
      id: 'growth',
      title: 'Factors above one',
      blocks: [
        "The same product of per-layer factors can also grow. Large weights make each factor $w_k f'(u_k)$ bigger than one. With $|w| = {{w.w}}$ and the steepest tanh slope ({{tanh.max}}), the bound is {{w.chain5|fixed1}} after five layers and {{w.chain20|sci}} after twenty.",
        { tex: "\\prod_{k=1}^{D} |w_k| \\max |f'| = {{w.w}}^{D}" },
        'In a real layer the factor is a matrix: what matters is how much it stretches vectors, which grows with the weights\u2019 scale and the layer width, the gain $n \\cdot \\mathrm{Var}(w)$ of the initialisation lesson. Weights drawn from $N(0, {{w.w}}^2)$ are far larger than the $1/\\sqrt{n}$ scale that keeps signals stable.',
      ],
    },
    {
      id: 'demo',
      title: 'See it happen',
      blocks: [
        'A deep ReLU network initialised with weights far above the $1/\\sqrt{n}$ scale, trained by the gradient engine: the chart shows, on a log scale, the gradient reaching each hidden layer at the first step, which grows from the last layer to the first by orders of magnitude. Compare it with Kaiming initialisation, and see what clipping does and does not do.',
        { widget: 'grad-exploding' },
      ],
    },
    {
      id: 'symptoms',
      title: 'Symptoms',
      blocks: [
        'Exploding gradients show as a loss that jumps or turns into NaN, and weights that overflow. One huge step can throw the weights into a region they never recover from. Recurrent networks are especially prone: the same weight matrix is applied at every time step.',
        '**Gradient clipping** bounds the step: if the gradient norm is above a threshold $c$, rescale it: $g \\leftarrow g \\cdot c / \\lVert g \\rVert$. The gradient $({{clip.in1}}, {{clip.in2}})$ has norm {{clip.norm}}; clipped to {{clip.max}}, it is multiplied by {{clip.factor}}: its components become {{clip.g1}} and {{clip.g2}}. The direction is kept; only the step is shortened.',
        'Clipping does not fix the cause. The product of factors above one is still there, and the next gradient is just as large; clipping only keeps one huge step from wrecking the weights, which is why it keeps a working run stable but cannot rescue a network initialised far too large. The cause is fixed where it arises: in the initialisation (the initialisation lesson) or in the architecture (the remedies lesson).',
      ],
    },
    {
      id: 'recap',
      title: 'Recap',
      blocks: [
        {
          tex: "\\prod_{k=1}^{D} |w_k| \\max |f'| \\quad \\text{grows exponentially when the factors exceed one}",
        },
        { tex: 'g \\leftarrow g \\cdot \\min\\Big(1, \\frac{c}{\\lVert g \\rVert}\\Big)' },
        {
          list: [
            'Symptoms: a jumping loss, NaN, overflowing weights; recurrent networks are most prone.',
            'Clipping bounds the step and keeps the direction; it does not remove the cause.',
          ],
        },
      ],
    },
  ],
};

export default lesson;

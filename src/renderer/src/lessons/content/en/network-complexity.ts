import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Time complexity of a network',
  summary: 'Summing over layers, finding the layers that dominate, and how modern designs cut the cost.',
  sections: [
    {
      id: 'sum',
      title: 'The sum over layers',
      blocks: [
        'A network runs its layers one after another, so its cost is the sum of the layers\u2019 costs:',
        { tex: '\\text{MACs} = \\sum_{l=1}^{D} M_l^2 \\cdot K_l^2 \\cdot C_{l-1} \\cdot C_l' },
        'The lessons\u2019 small network (four convolutions and a classifier on a small RGB image) needs {{net.macs}} MACs in total. Its most expensive layer alone accounts for {{net.topShare|pct}} of them, while the classifier needs only {{net.fcMacs}}.',
        { widget: 'net-chart-small' },
      ],
    },
    {
      id: 'dominant',
      title: 'Which layers dominate',
      blocks: [
        'Early layers work on large maps, late layers on many channels. When a stage halves $M$ and doubles the channels, the layers after it keep $M^2 \\cdot C_{in} \\cdot C_{out}$ about level: a quarter of the positions, four times the channel pairs. Classic designs do exactly that. Fully connected layers hold many parameters but little computation. Compare whole models below:',
        { widget: 'net-chart-zoo' },
        'VGG-16 needs {{vgg16.macs|approx}} MACs, ResNet-50 {{r50.macs|approx}} and MobileNet v2 only {{mnv2.macs|approx}}.',
      ],
    },
    {
      id: 'cheaper',
      title: 'Cheaper designs',
      blocks: [
        '**Depthwise-separable convolution** splits a $K \\times K$ convolution into a depthwise part (one $K \\times K$ filter per channel) and a pointwise $1 \\times 1$ convolution that mixes the channels:',
        { tex: 'M^2 K^2 C_{in} C_{out} \\;\\to\\; M^2 K^2 C_{in} + M^2 C_{in} C_{out}' },
        'With ${{std.C}}$ channels on a ${{std.M}} \\times {{std.M}}$ map and $K = {{std.K}}$: {{std.macs}} MACs become {{dw.macs}} + {{pw.macs}} = {{sep.macs}}, about {{sep.ratio|fixed1}} times fewer.',
        '**Bottlenecks** (ResNet-50 and deeper) first reduce the channels with a $1 \\times 1$ convolution, convolve the thin tensor, then expand again. On a ${{bn.M}} \\times {{bn.M}}$ map with {{bn.C}} channels, the bottleneck block is three convolutions:',
        {
          list: [
            '$1 \\times 1$, {{bn.C}} → {{bn.c}} channels: {{reduce.macs}} MACs',
            '$3 \\times 3$, {{bn.c}} → {{bn.c}} channels: {{mid.macs}} MACs',
            '$1 \\times 1$, {{bn.c}} → {{bn.C}} channels: {{expand.macs}} MACs',
          ],
        },
        'together {{bn.macs}} MACs. The plain block it replaces, two $3 \\times 3$ convolutions at the full {{bn.C}} channels on the same map ({{wide.macs}} MACs each), costs {{bn.wide}}: {{bn.ratio|fixed1}} times as much.',
      ],
    },
    {
      id: 'sequences',
      title: 'Tokens: attention and recurrence',
      blocks: [
        'Transformers and recurrent networks read a **sequence** of $T$ tokens of $D$ features each. A linear layer applied to every token costs $T \\cdot D_{in} \\cdot D_{out}$ MACs. **Self-attention** adds products between tokens: every token\u2019s query meets every token\u2019s key ($QK^\\top$), and the weights it gets mix every token\u2019s value:',
        {
          tex: '\\text{MACs} = \\underbrace{4\\,T D^2}_{Q,\\,K,\\,V,\\,O} + \\underbrace{2\\,T^2 D}_{QK^\\top,\\;AV}',
        },
        'In ViT-B/16 ($T = {{vit.T}}$ tokens, $D = {{vit.D}}$, {{vit.h}} heads) one attention layer needs {{vit.proj}} MACs for its four projections and {{vit.mm}} for the products between tokens, {{vit.mmShare|pct}} of its {{vit.attn}}. Double the tokens and the projections cost {{vit.projGrowth|fixed1}} times as much, the token products {{vit.mmGrowth|fixed1}} times: the second term grows with the square of $T$ and overtakes the first once $T > 2D = {{vit.cross}}$. Over the whole model the token products are {{vit.modelMmShare|pct}} of its {{vit.macs|approx}} MACs; a counter that skips them reports too little, and more so for long sequences or large images.',
        { widget: 'attention-cost' },
        'Attention also sees everything at once: the receptive field of every output token is the whole input. A **recurrent** layer (LSTM, GRU) gets there step by step: at each of the $T$ steps it multiplies the input and its previous state by all its weights, so its MACs are $T$ times its weights and grow only linearly with $T$, but the steps run one after another. The LSTM language model of the zoo ({{lstm.L}} layers of {{lstm.H}} features, $T = {{lstm.T}}$ words) needs {{lstm.step}} MACs per step, {{lstm.macs}} in all, in {{lstm.steps}} steps that cannot run in parallel.',
      ],
    },
    {
      id: 'recap',
      title: 'Recap',
      blocks: [
        { tex: '\\text{MACs} = \\sum_{l=1}^{D} M_l^2 \\cdot K_l^2 \\cdot C_{l-1} \\cdot C_l' },
        { tex: '\\text{depthwise-separable:}\\quad M^2 K^2 C_{in} + M^2 C_{in} C_{out}' },
        { tex: '\\text{self-attention:}\\quad 4\\,T D^2 + 2\\,T^2 D' },
        {
          list: [
            'Halving $M$ while doubling the channels keeps a layer\u2019s MACs about level.',
            'A bottleneck does its $3 \\times 3$ convolution on fewer channels, between two $1 \\times 1$ convolutions.',
          ],
        },
      ],
    },
  ],
};

export default lesson;

import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Space complexity',
  summary: 'Parameters, feature maps, memory access, in-place operations and arithmetic intensity.',
  sections: [
    {
      id: 'two-parts',
      title: 'Model size and runtime memory',
      blocks: [
        'Memory has two parts. The **parameters** are stored once and make up the model size:',
        { tex: '\\text{params} = \\sum_{l} K_l^2 \\cdot C_{l-1} \\cdot C_l \\;(+\\, C_l \\text{ biases})' },
        'The **feature maps** are produced while the network runs; during training they are kept for the backward pass:',
        { tex: '\\text{activations} = \\sum_{l} M_l^2 \\cdot C_l' },
        'The small network has {{net.params}} parameters ({{net.paramBytes|bytes}} in fp32, 4 bytes each) but writes {{net.actElems}} activation values per image ({{net.actBytes|bytes}}). VGG-16 has {{vgg16.params|approx}} parameters ({{vgg16.paramBytes|bytes}}); its feature maps take {{vgg16.actBytes|bytes}} per image, multiplied by the batch size.',
        { widget: 'net-chart-small' },
      ],
    },
    {
      id: 'in-place',
      title: 'In-place operations',
      blocks: [
        'A ReLU can overwrite its input: $x \\leftarrow \\max(0, x)$ needs no new feature map. Counting activations as in-place lowers the small network\u2019s feature-map memory from {{net.actBytes|bytes}} to {{net.actBytesInplace|bytes}}. Frameworks do this when the input is not needed again (for ReLU the backward pass only needs the sign of the output).',
      ],
    },
    {
      id: 'intensity',
      title: 'Memory access and arithmetic intensity',
      blocks: [
        'Every layer reads its input and its weights and writes its output. The sum of those bytes is its **memory access**. (ShuffleNet v2 abbreviates this quantity as "MAC"; in ConvScope MAC always means a multiply-accumulate, and this one is called memory access.) The **arithmetic intensity** is the work done per byte moved:',
        { tex: 'I = \\frac{\\text{FLOPs}}{\\text{bytes read} + \\text{bytes written}}' },
        'A standard ${{conv.K}} \\times {{conv.K}}$ convolution with {{conv.C}} channels on a {{conv.M}}×{{conv.M}} map does {{std.ai|fixed1}} FLOPs per byte. Its depthwise version still moves more than half as many bytes ({{dw.access|bytes}} against {{std.access|bytes}}) but does far less work: {{dw.ai|fixed1}} FLOPs per byte.',
        'A processor can only compute as fast as memory delivers data. If it sustains a rate of $F$ FLOPS and its memory $B$ bytes per second, a layer whose intensity is below $F / B$ waits for memory. Layers with low intensity (depthwise convolutions, activations, normalisation, element-wise additions) are memory-bound: they take longer than their FLOPs suggest. This is why a network with fewer FLOPs is not always faster.',
      ],
    },
    {
      id: 'recap',
      title: 'Recap',
      blocks: [
        {
          tex: '\\text{params} = \\sum_{l} K_l^2 \\cdot C_{l-1} \\cdot C_l \\;(+\\, C_l) \\qquad \\text{activations} = \\sum_{l} M_l^2 \\cdot C_l',
        },
        {
          tex: 'I = \\frac{\\text{FLOPs}}{\\text{memory access}} \\qquad \\text{memory-bound when } I < F / B',
        },
        {
          list: [
            'Bytes = values × bytes per value (fp32: 4, fp16: 2).',
            'Memory access = input read + weights read + output written. An in-place activation writes no new feature map.',
          ],
        },
      ],
    },
  ],
};

export default lesson;

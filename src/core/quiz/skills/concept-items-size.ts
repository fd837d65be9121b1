import type { ConceptItem } from './concept-items';

/** Multiple-choice items on output size and the cost of one layer (MACs, FLOPs, parameters, counting conventions). */
export const SIZE_CONCEPT_ITEMS: readonly ConceptItem[] = [
  {
    id: 'same-padding-odd',
    lesson: 'output-size',
    question:
      'A stride-1 convolution has an odd kernel size K. Which padding P keeps the output size equal to the input size?',
    correct: {
      text: 'P = (K − 1)/2: the K − 1 pixels the kernel loses, put back half on each side',
      why: 'M = X + 2P − K + 1 = X exactly when 2P = K − 1; for K = 3 that is P = 1.',
    },
    wrong: [
      {
        text: 'P = K: pad by a whole kernel on each side so that every window fits',
        why: 'Then M = X + 2K − K + 1 = X + K + 1: the output grows by K + 1.',
      },
      {
        text: 'P = K − 1: the kernel loses K − 1 positions, so pad that much on each side',
        why: 'The K − 1 lost positions are shared by both sides; K − 1 on each side makes the output K − 1 larger.',
      },
      {
        text: 'P = 0: a convolution with stride 1 never changes the size of a feature map',
        why: 'Without padding M = X − K + 1: a 3×3 kernel takes 2 pixels off each side length.',
      },
    ],
  },
  {
    id: 'stride-two-odd',
    lesson: 'output-size',
    question: 'A 3×3 convolution with stride 2 and padding 1 reads a 57×57 input. What is its output size?',
    correct: {
      text: '29×29: ⌊(57 + 2 − 3)/2⌋ + 1 = 28 + 1, which equals ⌈57/2⌉',
      why: 'With K = 3 and P = 1 the formula reduces to ⌊(X − 1)/2⌋ + 1 = ⌈X/2⌉.',
    },
    wrong: [
      {
        text: '28×28: a stride of 2 halves the size, and 28.5 is rounded down',
        why: 'Halving forgets the +1 of the formula: ⌊56/2⌋ + 1 = 29.',
      },
      {
        text: '30×30: padding adds 2 pixels, so (57 + 2)/2 rounded up is 30',
        why: 'The kernel takes K − 1 = 2 pixels back: ⌊(57 + 2 − 3)/2⌋ + 1 = 29.',
      },
      {
        text: '57×57: a padding of 1 keeps the output as large as the input',
        why: 'That holds for a 3×3 kernel at stride 1 only; stride 2 about halves it.',
      },
    ],
  },
  {
    id: 'inverse-input-sizes',
    lesson: 'output-size',
    question: 'Which input sizes X give a 14×14 output for a 3×3 convolution with stride 2 and padding 1?',
    correct: {
      text: '27 and 28: with stride 2 the floor maps two input sizes to each output size',
      why: '⌊(X − 1)/2⌋ + 1 = 14 for X − 1 = 26 or 27; S input sizes share each output size.',
    },
    wrong: [
      {
        text: 'Only 28: an output of 14 at stride 2 needs exactly twice as many input pixels',
        why: '27 works as well: ⌊(27 + 2 − 3)/2⌋ + 1 = 14.',
      },
      {
        text: 'Only 27: X = S(M − 1) + K − 2P inverts the formula with one answer',
        why: 'That gives the smallest X; the floor lets X + 1 = 28 give 14 too.',
      },
      {
        text: '26, 27 and 28: any size within one stride of 28 gives an output of 14',
        why: '26 gives ⌊25/2⌋ + 1 = 13, not 14.',
      },
    ],
  },
  {
    id: 'pool-ceil-mode',
    lesson: 'output-size',
    question:
      'A 3×3 max pooling with stride 2 and no padding reads a 112×112 map. What does ceil_mode=True change?',
    correct: {
      text: 'It keeps the last window, which overhangs the edge: 56×56 instead of 55×55',
      why: '(112 − 3)/2 = 54.5: floor gives 55 outputs, ceiling 56, and the 56th window starts inside the map.',
    },
    wrong: [
      {
        text: 'Nothing: the ceiling and the floor agree whenever the input size is even',
        why: '(112 − 3)/2 = 54.5 is not an integer, so they differ: 55 against 56.',
      },
      {
        text: 'It pads the map with one more row and column of zeros before pooling',
        why: 'ceil_mode adds no padding; it keeps a last window that starts inside the map and overhangs it.',
      },
      {
        text: 'It rounds the pooled values up to whole numbers, as a quantised layer does',
        why: 'ceil_mode is about the output size; the values are the maxima, unchanged.',
      },
    ],
  },
  {
    id: 'output-channels',
    lesson: 'output-size',
    question: 'A convolution maps a 3×224×224 input to a 64×112×112 output. What sets the 64?',
    correct: {
      text: 'The number of filters (out_channels): one output channel per filter',
      why: 'Kernel, stride and padding set 112×112; the channel count is a choice, out_channels.',
    },
    wrong: [
      {
        text: 'The kernel size and the stride, which together set every output dimension',
        why: 'They set the spatial size, 112; the channels come from the number of filters.',
      },
      {
        text: 'The batch size, since each image of the batch gets a channel of its own',
        why: 'The batch is a separate dimension N; a 64-channel output has 64 channels for any batch size.',
      },
      {
        text: 'The input channels times the kernel area, the length of each filter',
        why: '3 · 7 · 7 = 147 is how many weights one filter has, not how many channels come out.',
      },
    ],
  },
  {
    id: 'conv-macs-formula',
    lesson: 'layer-complexity',
    question:
      'How many MACs does a K×K convolution with Cᵢₙ input and Cₒᵤₜ output channels need for an M×M output?',
    correct: {
      text: 'M²·K²·Cᵢₙ·Cₒᵤₜ: each output value is a dot product of length K²·Cᵢₙ',
      why: 'M² positions × Cₒᵤₜ channels, each a sum of K²·Cᵢₙ products.',
    },
    wrong: [
      {
        text: 'K²·Cᵢₙ·Cₒᵤₜ: the MACs equal the number of weights, used once per layer',
        why: 'Each weight is used at all M² output positions, so the count is M² times that.',
      },
      {
        text: 'M²·K²·Cₒᵤₜ: each output value needs one K×K window of the input',
        why: 'The window spans all Cᵢₙ input channels: K²·Cᵢₙ products per output value.',
      },
      {
        text: 'M²·(K² + Cᵢₙ + Cₒᵤₜ): the three costs of a layer are added together',
        why: 'The factors multiply: positions × window × input channels × output channels.',
      },
    ],
  },
  {
    id: 'conv-params-bias',
    lesson: 'layer-complexity',
    question: 'How many parameters does a 3×3 convolution from 64 to 128 channels with bias have?',
    correct: {
      text: '73,856: 128 filters of 3·3·64 weights, plus one bias per filter',
      why: '3·3·64·128 = 73,728 weights and 128 biases.',
    },
    wrong: [
      {
        text: '73,728: biases are no parameters, so only the weights are counted',
        why: 'Biases are learned too: 73,728 + 128 = 73,856.',
      },
      {
        text: '1,280: 3·3 weights and a bias in each of 128 filters, 10 · 128',
        why: 'Each filter spans all 64 input channels: 3·3·64 weights, not 3·3.',
      },
      {
        text: 'It depends on the image size: each position has weights of its own',
        why: 'Weights are shared by all positions; the count does not depend on the image.',
      },
    ],
  },
  {
    id: 'macs-flops-factor',
    lesson: 'layer-complexity',
    question:
      'ResNet-18 needs 1.82 G MACs. Why do some papers report 1.8 GFLOPs for it and others 3.6 GFLOPs?',
    correct: {
      text: 'Some count one MAC as one FLOP, others as two (a multiply and an add)',
      why: 'Both are common; ConvScope writes MACs, and FLOPs = 2 × MACs by default.',
    },
    wrong: [
      {
        text: 'The smaller number is for inference, the larger one for a training step',
        why: 'A training step costs about three forward passes, not two; the factor 2 is the MAC convention.',
      },
      {
        text: 'One of them counts in float16, which halves the number of operations',
        why: 'The precision changes bytes and speed, not the number of operations.',
      },
      {
        text: 'The larger one adds BatchNorm and ReLU, which double the total cost',
        why: 'Element-wise layers add well under 1 % here; the factor 2 is 1 MAC = 2 FLOPs.',
      },
    ],
  },
  {
    id: 'fvcore-flops',
    lesson: 'layer-complexity',
    question: 'fvcore reports 1.82 G "flops" for ResNet-18. What does its count actually measure?',
    correct: {
      text: 'Mostly conv and linear MACs, one per multiply-add, without biases',
      why: 'fvcore\'s "flops" are MACs: 1.82 G matches ConvScope\'s MAC count, not 2 × MACs.',
    },
    wrong: [
      {
        text: 'Every multiplication and every addition separately, two per MAC',
        why: 'Then ResNet-18 would show about 3.6 G; fvcore counts one per MAC.',
      },
      {
        text: 'The number of parameters multiplied by the batch size of the input',
        why: 'ResNet-18 has 11.7 M parameters; 1.82 G is its multiply-add count.',
      },
      {
        text: 'The bytes the layers read and write, which it calls flops by tradition',
        why: 'Memory access is a different quantity; fvcore counts arithmetic.',
      },
    ],
  },
  {
    id: 'linear-macs',
    lesson: 'layer-complexity',
    question: 'A fully connected layer maps 4,096 features to 1,000. How many MACs does it need per sample?',
    correct: {
      text: '4,096,000: one MAC per weight, since each weight is used exactly once',
      why: 'Each of the 1,000 outputs is a dot product of length 4,096.',
    },
    wrong: [
      {
        text: '8,192,000: a MAC is a multiply and an add, so each weight counts twice',
        why: 'That is the FLOP count (2 per MAC); in MACs it is 4,096,000.',
      },
      {
        text: '5,096: each input and each output is touched exactly one time',
        why: 'Every output needs all 4,096 inputs: 4,096 · 1,000 products.',
      },
      {
        text: '4,096: the layer computes one dot product of the input features',
        why: 'It computes 1,000 dot products, one per output.',
      },
    ],
  },
  {
    id: 'pooling-no-macs',
    lesson: 'layer-complexity',
    question: 'Why does ConvScope count no MACs for a 2×2 max pooling layer?',
    correct: {
      text: 'It only compares values and has no weights, so nothing is multiplied',
      why: 'Its work is K² − 1 comparisons per output, listed as pooling operations, not MACs.',
    },
    wrong: [
      {
        text: 'Its cost is already included in the MACs of the convolution before it',
        why: 'Each layer is counted on its own; pooling adds comparisons of its own.',
      },
      {
        text: 'It has K² MACs per output, but they are too few to be worth listing',
        why: 'A MAC is a multiply and an add; max pooling has neither, only comparisons.',
      },
      {
        text: 'Pooling runs on separate hardware units whose work is never counted',
        why: 'Where it runs does not matter; a comparison is simply not a multiply-add.',
      },
    ],
  },
];

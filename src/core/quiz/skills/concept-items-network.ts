import type { ConceptItem } from './concept-items';

/** Multiple-choice items on the cost of a whole network and its memory (feature maps, training memory, memory access). */
export const NETWORK_CONCEPT_ITEMS: readonly ConceptItem[] = [
  {
    id: 'network-sum',
    lesson: 'network-complexity',
    question: 'How do you get the MACs of a whole network from its layers?',
    correct: {
      text: 'Add up the MACs of every layer; in a branching net each branch counts once',
      why: 'The layers run one after another (or side by side); their work adds up.',
    },
    wrong: [
      {
        text: "Multiply the MACs of the layers, since each one works on the last one's output",
        why: 'Costs of layers in sequence add; they do not multiply.',
      },
      {
        text: 'Take the costliest layer only: the other layers run in its shadow',
        why: "On one processor every layer's work has to be done; it all adds up.",
      },
      {
        text: 'Count the convolutions of the main path only; the shortcut paths are free',
        why: 'A 1×1 downsampling shortcut has MACs like any convolution and is counted.',
      },
    ],
  },
  {
    id: 'bottleneck-saving',
    lesson: 'network-complexity',
    question:
      'Why does a ResNet-50 bottleneck (1×1 to 64, 3×3, 1×1 back to 256) cost far less than two 3×3 convolutions on 256 channels?',
    correct: {
      text: 'Its 3×3 runs on 64 channels: about 70 k MACs per pixel, not 1.18 M',
      why: '256·64 + 9·64·64 + 64·256 = 69,632 against 2 · 9·256·256 = 1,179,648.',
    },
    wrong: [
      {
        text: '1×1 convolutions have no MACs, since they only rescale each pixel',
        why: 'A 1×1 convolution mixes channels: Cᵢₙ·Cₒᵤₜ MACs per pixel, 16,384 here.',
      },
      {
        text: 'The block halves the height and width first, so it has fewer pixels',
        why: 'Most bottlenecks keep the spatial size; the saving comes from fewer channels.',
      },
      {
        text: 'Its three layers share their weights, so only one set is applied',
        why: 'Each of the three layers has weights of its own.',
      },
    ],
  },
  {
    id: 'width-scaling',
    lesson: 'network-complexity',
    question: "What happens to the MACs of a plain CNN when every layer's channel count is doubled?",
    correct: {
      text: 'About ×4: a convolution costs Cᵢₙ·Cₒᵤₜ, and both of them double',
      why: 'Only the first layer, whose 3 input channels stay, merely doubles.',
    },
    wrong: [
      {
        text: 'They double, because the cost grows in proportion to the channel count',
        why: 'Input and output channels both double, so each inner layer costs ×4.',
      },
      {
        text: 'They stay the same, because the size of the image has not changed',
        why: 'The image size fixes the positions; the cost per position is Cᵢₙ·Cₒᵤₜ·K².',
      },
      {
        text: 'They grow eightfold: channels, height and width all double together',
        why: 'Height and width come from the input image, not from the channel count.',
      },
    ],
  },
  {
    id: 'resolution-scaling',
    lesson: 'network-complexity',
    question:
      'What happens to the MACs of a convolutional network when its input goes from 224×224 to 448×448?',
    correct: {
      text: 'About ×4: every feature map has four times as many positions, same weights',
      why: 'Convolution MACs grow with H·W; only layers after global pooling stay the same.',
    },
    wrong: [
      {
        text: 'About ×2: the cost grows with the side length of the image',
        why: 'Both height and width double: the area, and with it the cost, grows ×4.',
      },
      {
        text: 'No change: the cost is set by the weights, which do not depend on the image',
        why: 'The weights are reused at every position; more positions mean more MACs.',
      },
      {
        text: 'About ×16: the kernels grow with the image, so the cost grows twice as fast',
        why: 'A kernel stays K×K whatever the image size.',
      },
    ],
  },
  {
    id: 'vgg-fc-params',
    lesson: 'network-complexity',
    question:
      'In VGG-16 most parameters sit in the fully connected layers but most MACs in the convolutions. Why?',
    correct: {
      text: 'An FC weight is used once per image, a conv weight at every position',
      why: 'FC: about 124 M weights and as many MACs; convs: 14.7 M weights but about 15.4 G MACs.',
    },
    wrong: [
      {
        text: 'FC layers have no MACs at all; they only add up the features they receive',
        why: 'An FC layer needs one MAC per weight: about 124 M here, under 1 % of the total.',
      },
      {
        text: 'The convolutions have more weights but use each one less often',
        why: 'The reverse: the convolutions have fewer weights (14.7 M) and use each at many positions.',
      },
      {
        text: 'The FC weights are stored in float16, which halves their share of MACs',
        why: 'The data type changes bytes, not counts of parameters or MACs.',
      },
    ],
  },
  {
    id: 'feature-map-bytes',
    lesson: 'space-complexity',
    question: 'How much memory does one 64×112×112 float32 feature map take for one image?',
    correct: {
      text: 'About 3.2 MB: 802,816 values, each a float32 of 4 bytes',
      why: '64 · 112 · 112 = 802,816 values × 4 B = 3,211,264 B.',
    },
    wrong: [
      {
        text: 'About 25.7 MB: 802,816 values × 32, since a float32 has 32 bits',
        why: 'The 32 is bits; a float32 takes 4 bytes.',
      },
      {
        text: 'About 0.8 MB: a float32 value takes one byte of memory',
        why: 'float32 takes 4 bytes per value; one byte is int8.',
      },
      {
        text: 'None: the map is computed on the fly and never stored at all',
        why: 'A map is held until the layers that read it have run (and kept for backward in training).',
      },
    ],
  },
  {
    id: 'training-memory',
    lesson: 'space-complexity',
    question: 'Why does a training step take much more memory than inference on the same batch?',
    correct: {
      text: 'Backward needs the activations of forward, so they are kept for it',
      why: 'Saved activations, plus gradients and optimiser state, come on top of the weights.',
    },
    wrong: [
      {
        text: 'Training keeps every weight twice, once in float32 and once in float16',
        why: 'Mixed precision is an option, not the reason; the saved activations are.',
      },
      {
        text: 'The gradients of all activations are kept for the whole epoch',
        why: 'Gradients live for one step and are freed; nothing is kept across an epoch.',
      },
      {
        text: 'Training uses larger kernels in each layer so that it learns faster',
        why: 'The network is the same in training and inference.',
      },
    ],
  },
  {
    id: 'adam-state',
    lesson: 'space-complexity',
    question:
      "A model has 25.6 M float32 parameters. How much memory do its weights, gradients and Adam's state take?",
    correct: {
      text: 'About 410 MB: 4 B weight, 4 B gradient and 8 B of Adam moments each',
      why: 'Adam keeps two running moments (m and v) per parameter: 16 B in all.',
    },
    wrong: [
      {
        text: 'About 102 MB: 4 B per parameter, since gradients overwrite the weights',
        why: 'Gradients need buffers of their own until the optimiser step has used them.',
      },
      {
        text: 'About 205 MB: weights and gradients; Adam keeps no state of its own',
        why: 'Adam keeps two moments per parameter: another 8 B each.',
      },
      {
        text: 'About 307 MB: weights, gradients and one momentum buffer per parameter',
        why: 'That is SGD with momentum; Adam keeps two buffers.',
      },
    ],
  },
  {
    id: 'inplace-saves',
    lesson: 'space-complexity',
    question: 'What does an in-place ReLU (inplace=True) save?',
    correct: {
      text: 'The output buffer: it overwrites its input instead of a new map',
      why: 'Same arithmetic, one feature map less in memory.',
    },
    wrong: [
      {
        text: 'Its MACs: an in-place ReLU is computed without any arithmetic',
        why: 'ReLU has no MACs in any case; in-place saves memory, not work.',
      },
      {
        text: 'Its parameters: the layer keeps its weights inside the input tensor',
        why: 'ReLU has no parameters.',
      },
      {
        text: 'The backward pass: a layer that works in place needs no gradient',
        why: 'The gradient still flows through it; ReLU can compute it from its output.',
      },
    ],
  },
  {
    id: 'intensity-conv-relu',
    lesson: 'space-complexity',
    question:
      'Why is a 3×3 convolution with many channels usually compute-bound while a ReLU is memory-bound?',
    correct: {
      text: 'The conv reuses each value it reads many times; ReLU uses it once',
      why: 'Arithmetic intensity: hundreds of FLOPs per byte for the conv, about 0.1 for ReLU.',
    },
    wrong: [
      {
        text: 'ReLU runs on the CPU while the convolutions are sent to the GPU',
        why: 'Both run on the same device; the ratio of work to bytes differs.',
      },
      {
        text: 'The conv keeps its data in half precision, so it moves half the bytes',
        why: 'Both use the same data type; the conv does far more work per byte.',
      },
      {
        text: 'ReLU has more FLOPs than the conv, which keeps the processor busy',
        why: "ReLU has one comparison per value, far fewer than the conv's MACs.",
      },
    ],
  },
];

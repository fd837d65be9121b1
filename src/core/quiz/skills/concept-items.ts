/**
 * The multiple-choice bank: at least three items per lesson, on what the lesson teaches (split by topic
 * over this file and concept-items-<topic>.ts). Each wrong
 * option states a real misconception and is about as long as the right one (a test measures it: the
 * right option must not give itself away by its length). Options are shuffled per seed.
 */
import { GRADIENT_CONCEPT_ITEMS } from './concept-items-gradients';
import { NETWORK_CONCEPT_ITEMS } from './concept-items-network';
import { RF_CONCEPT_ITEMS } from './concept-items-rf';
import { SIZE_CONCEPT_ITEMS } from './concept-items-size';
import { TRAINING_CONCEPT_ITEMS } from './concept-items-training';

export interface ConceptOption {
  text: string;
  why: string;
}

export interface ConceptItem {
  id: string;
  /** The lesson whose content the item asks about (a lesson id of the lesson path). */
  lesson: string;
  question: string;
  correct: ConceptOption;
  wrong: ConceptOption[];
}

export const CONCEPT_ITEMS: readonly ConceptItem[] = [
  {
    id: 'output-size-floor',
    lesson: 'output-size',
    question: 'Why does the output-size formula ⌊(X + 2P − K)/S⌋ + 1 round down?',
    correct: {
      text: 'A window counts only if the whole kernel fits; a partial window at the end is dropped',
      why: 'The floor counts the strides that still leave room for a full kernel; ceil_mode keeps the partial window instead.',
    },
    wrong: [
      {
        text: 'PyTorch rounds every division to the nearest integer, and .5 happens to round down',
        why: 'It is a floor, not rounding: 13.9 gives 13 as well.',
      },
      {
        text: 'The last output position is always padding, so one position is removed from the count',
        why: 'Padding positions produce outputs like any other; the floor drops only windows that do not fit.',
      },
      {
        text: 'Rounding down keeps the output even, which the next stride-2 layer requires',
        why: 'Outputs are often odd (e.g. 7×7); nothing requires an even size.',
      },
    ],
  },
  {
    id: 'flops-vs-flops',
    lesson: 'layer-complexity',
    question:
      'A paper reports that a network needs "4.1 GFLOPs" and that a GPU delivers "14 TFLOPS". What do the two words mean?',
    correct: {
      text: 'FLOPs counts the operations of one pass; FLOPS is a rate, operations per second',
      why: 'The count (FLOPs) divided by the rate (FLOPS) bounds the time of one pass from below.',
    },
    wrong: [
      {
        text: 'They are one unit written twice: both count the operations of one forward pass',
        why: 'The capital S makes it a rate: floating-point operations per second.',
      },
      {
        text: 'FLOPs counts the parameters of a network; FLOPS counts its multiply-accumulates',
        why: 'Neither counts parameters; FLOPs counts operations, FLOPS operations per second.',
      },
      {
        text: 'FLOPs is for training and FLOPS for inference, which needs half of the operations',
        why: 'Both words apply to any computation; one is a count, the other a speed.',
      },
    ],
  },
  {
    id: 'depthwise-cost',
    lesson: 'network-complexity',
    question: 'Why is a depthwise-separable convolution much cheaper than a standard K×K convolution?',
    correct: {
      text: 'Each K×K filter sees one channel, a 1×1 conv mixes them: K²·C + C·C′, not K²·C·C′',
      why: 'Per output pixel the depthwise part costs K²·C and the pointwise part C·C′ MACs.',
    },
    wrong: [
      {
        text: 'It uses a smaller kernel, so the number of output pixels is reduced as well',
        why: 'The kernel stays K×K and the output size is unchanged; the channel mixing is what is split off.',
      },
      {
        text: 'It skips every other input channel, so only half of the inputs are ever read',
        why: 'Every channel is read; each depthwise filter reads exactly one of them.',
      },
      {
        text: 'It shares one filter across all of its layers, so the weights need to be stored only once',
        why: 'Each layer has its own weights; the saving is in how channels are combined.',
      },
    ],
  },
  {
    id: 'memory-access',
    lesson: 'space-complexity',
    question: 'Why can a ReLU or BatchNorm layer take noticeable time although it has almost no FLOPs?',
    correct: {
      text: 'It reads and writes the whole feature map: memory access sets its time, not arithmetic',
      why: 'With about one operation per value read, such layers are memory-bound; in-place operations save the extra output buffer.',
    },
    wrong: [
      {
        text: 'Its FLOPs are counted as MACs, which take twice as long on every processor',
        why: 'The naming of the count does not change the time; the bytes moved do.',
      },
      {
        text: 'It has to be compiled again for every batch, which takes longer than the arithmetic',
        why: 'Nothing is recompiled per batch; the time goes into reading and writing memory.',
      },
      {
        text: 'It stores a copy of its weights for every pixel, so its parameters dominate the whole cost',
        why: 'ReLU has no weights and BatchNorm has 2 per channel; the feature map is what is large.',
      },
    ],
  },
  {
    id: 'rf-jump',
    lesson: 'receptive-field',
    question:
      'Why does a 3×3 layer that follows two stride-2 layers grow the receptive field by 8 pixels, not by 2?',
    correct: {
      text: 'Its neighbouring units are 4 input pixels apart (jump 4): each extra tap adds 4, (3 − 1)·4 = 8',
      why: 'The jump is the product of the earlier strides; each layer grows the RF by (K − 1) · jump.',
    },
    wrong: [
      {
        text: 'Strides multiply the kernel itself: a 3×3 kernel acts as a 12×12 kernel after two stride-2 layers',
        why: 'The kernel keeps 3 taps; they are spaced by the jump, which gives (3 − 1) · 4 + 1 input pixels.',
      },
      {
        text: 'Each stride-2 layer doubles the receptive field of every layer that comes after it',
        why: 'A stride doubles the jump, not the RF: the RF grows by adding (K − 1) · jump.',
      },
      {
        text: 'The padding of the earlier layers is added to the receptive field at every layer',
        why: 'Padding shifts where the RF starts; it does not change its size.',
      },
    ],
  },
  {
    id: 'gridding',
    lesson: 'dilated-convolution',
    question:
      'A stack of 3×3 convolutions, all with dilation 2, has a large receptive field. What is its weakness?',
    correct: {
      text: 'Its RF has holes: some input pixels inside it are never read (gridding)',
      why: 'With the same dilation everywhere the taps land on a grid; mixing dilations (1, 2, 3…) fills it.',
    },
    wrong: [
      {
        text: 'Its output is smaller, since the dilation shrinks the feature map by the factor d',
        why: 'With matching padding a dilated convolution keeps the output size; it only spreads the taps.',
      },
      {
        text: 'Its parameter count grows with d², since the dilated kernel holds more weights',
        why: 'A dilated 3×3 kernel still has 9 weights; only their spacing changes.',
      },
      {
        text: 'Its receptive field stops growing after the first layer whose dilation is above 1',
        why: 'Each layer still adds d·(K − 1) · jump pixels; the RF keeps growing.',
      },
    ],
  },
  {
    id: 'rf-objects',
    lesson: 'multi-scale',
    question: 'A detector must find both small and large objects. What does the receptive field tell you?',
    correct: {
      text: 'A unit sees only what fits in its RF: large objects need deep layers, small ones finer layers',
      why: 'This is why detectors fuse features of several layers (multi-scale features) or use image pyramids.',
    },
    wrong: [
      {
        text: 'The receptive field is the number of channels a layer has, so wider layers see larger objects',
        why: 'The RF is a region of the input, not a channel count.',
      },
      {
        text: 'Every layer sees the whole image, so the size of an object does not matter at any depth',
        why: 'Only units whose RF covers the image see all of it.',
      },
      {
        text: 'A large receptive field makes small objects invisible, so each size needs its own network',
        why: 'A large RF still contains small objects; it mixes in much context and locates them coarsely.',
      },
    ],
  },
  ...SIZE_CONCEPT_ITEMS,
  ...NETWORK_CONCEPT_ITEMS,
  ...RF_CONCEPT_ITEMS,
  ...GRADIENT_CONCEPT_ITEMS,
  ...TRAINING_CONCEPT_ITEMS,
];

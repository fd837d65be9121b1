import type { ConceptItem } from './concept-items';

/** Multiple-choice items on receptive fields: the recursion, the effective receptive field, dilation and multi-scale designs. */
export const RF_CONCEPT_ITEMS: readonly ConceptItem[] = [
  {
    id: 'rf-three-3x3',
    lesson: 'receptive-field',
    question: 'What is the receptive field of three stacked 3×3 convolutions with stride 1?',
    correct: {
      text: '7×7: the first layer sees 3 pixels, each later one adds 2',
      why: 'r = 1 + 3 · (3 − 1) = 7.',
    },
    wrong: [
      {
        text: '9×9: three layers of 3 pixels each add up to 9 pixels',
        why: 'Neighbouring windows overlap; each later layer adds only K − 1 = 2 pixels.',
      },
      {
        text: '27×27: the kernel sizes multiply, 3 × 3 × 3',
        why: 'Sizes add (minus the overlap); they do not multiply.',
      },
      {
        text: '3×3: each layer only ever sees a 3×3 window of the one before it',
        why: 'Each unit of the layer before already sees more than one input pixel.',
      },
    ],
  },
  {
    id: 'vgg-two-3x3',
    lesson: 'receptive-field',
    question: 'Why did VGG use two stacked 3×3 convolutions where earlier networks used one 5×5?',
    correct: {
      text: 'The same 5×5 field with 18 weights instead of 25, and one more ReLU',
      why: 'r = 3 + 2 = 5; 2 · 9 = 18 < 25, and the extra non-linearity helps.',
    },
    wrong: [
      {
        text: 'Two 3×3 layers see a larger region of the input, 6×6 instead of 5×5',
        why: '3 + (3 − 1) = 5: the receptive field is the same.',
      },
      {
        text: '3×3 kernels need no padding, so the feature maps keep their size',
        why: 'They need padding 1 to keep the size, just as a 5×5 needs 2.',
      },
      {
        text: 'The two layers share weights, so they are trained as a single layer',
        why: 'Each layer has weights of its own.',
      },
    ],
  },
  {
    id: 'rf-after-pooling',
    lesson: 'receptive-field',
    question:
      'How does a 2×2 max pooling with stride 2 change the receptive field growth of the layers after it?',
    correct: {
      text: 'It doubles the jump: each later 3×3 conv adds twice the pixels',
      why: 'Growth per layer is (K − 1)·jump; after the pooling the jump is twice as large.',
    },
    wrong: [
      {
        text: 'It halves the receptive field, since it discards three of four values',
        why: 'Pooling grows the field (by (2 − 1)·jump) and doubles the jump.',
      },
      {
        text: 'Nothing: pooling has no weights, so it does not count for the field',
        why: 'The field depends on windows and strides, not on weights.',
      },
      {
        text: 'It resets the receptive field to 2×2 for the layers that follow it',
        why: 'Fields only grow along a stack; a later unit sees everything the pooled units saw.',
      },
    ],
  },
  {
    id: 'rf-recursion',
    lesson: 'receptive-field',
    question: 'Which recursion gives the receptive field rₗ of layer l from the layer before it (jump jₗ₋₁)?',
    correct: {
      text: 'rₗ = rₗ₋₁ + (Kₗ − 1)·jₗ₋₁, and jₗ = jₗ₋₁·Sₗ',
      why: 'Each extra tap adds one jump of input pixels; strides multiply the jump.',
    },
    wrong: [
      {
        text: 'rₗ = rₗ₋₁·Kₗ, and jₗ = jₗ₋₁ + Sₗ',
        why: 'The field grows by adding (K − 1)·jump; strides multiply the jump, they do not add.',
      },
      {
        text: 'rₗ = rₗ₋₁ + Kₗ·Sₗ, with no jump involved at all',
        why: "A layer's taps are spaced by the jump of the layer before, not by its own stride.",
      },
      {
        text: 'rₗ = ⌊(rₗ₋₁ − Kₗ)/Sₗ⌋ + 1, just as for the output size',
        why: 'That is the output-size formula; the field grows with depth, it does not shrink.',
      },
    ],
  },
  {
    id: 'erf-centre',
    lesson: 'receptive-field',
    question:
      'Twenty stacked 3×3 convolutions give a unit a 41-pixel receptive field. How is its gradient spread over that field?',
    correct: {
      text: 'Piled up at the centre: the ERF grows like √depth, the RF like depth',
      why: 'Centre pixels reach the unit by many more paths; the map is Gaussian-like.',
    },
    wrong: [
      {
        text: 'Evenly: every pixel of the 41×41 field has the same influence on the unit',
        why: 'The number of paths from a pixel to the unit falls towards the border.',
      },
      {
        text: 'Mostly at the border, since border pixels are read by the most kernels',
        why: 'A border pixel is reached by one path only; the centre by the most.',
      },
      {
        text: 'Over more than 41 pixels, since the gradient leaks out through padding',
        why: 'No pixel outside the theoretical field can change the unit: its gradient is exactly 0.',
      },
    ],
  },
  {
    id: 'erf-residual',
    lesson: 'receptive-field',
    question:
      "A residual stack and a plain stack have the same theoretical receptive field. Why is the residual one's effective RF smaller?",
    correct: {
      text: 'Short paths through the shortcuts carry most of the gradient',
      why: "Short paths spread the gradient over fewer layers' windows: a narrower map.",
    },
    wrong: [
      {
        text: 'Residual blocks use smaller kernels, so each layer adds less to the field',
        why: 'With the same theoretical field the kernels are the same; the paths differ.',
      },
      {
        text: 'The addition halves the gradient of each input, so the border fades out',
        why: 'An addition passes the gradient unchanged to both inputs.',
      },
      {
        text: 'The shortcuts bypass the padding, so the border pixels are never read',
        why: 'An identity shortcut changes no pixel positions; every pixel of the field is still read.',
      },
    ],
  },
  {
    id: 'effective-kernel',
    lesson: 'dilated-convolution',
    question: 'What is the effective kernel of a 3×3 convolution with dilation 4?',
    correct: {
      text: '9×9: d(K − 1) + 1 = 4 · 2 + 1, with 9 weights spread over it',
      why: 'The 3 taps per side are 4 pixels apart: 2 gaps of 4, plus the first tap.',
    },
    wrong: [
      {
        text: '12×12: the kernel size is multiplied by the dilation, 3 × 4',
        why: 'The gaps lie between the taps: 2 gaps of 4 pixels plus 1 gives 9.',
      },
      {
        text: '3×3: dilation changes the values of the weights, not their places',
        why: 'Dilation spaces the taps d pixels apart; the weights are as learned.',
      },
      {
        text: '9×9 with 81 weights: the gaps are filled with learned weights too',
        why: 'The side is 9, but only the 9 taps carry weights; the gaps are skipped.',
      },
    ],
  },
  {
    id: 'dilation-cost',
    lesson: 'dilated-convolution',
    question: "How does dilation change a convolution's parameters and MACs for the same output size?",
    correct: {
      text: 'Neither changes: still K²·Cᵢₙ·Cₒᵤₜ weights, used once per output',
      why: 'The taps are only farther apart; their number is the same.',
    },
    wrong: [
      {
        text: 'Both grow with d², as the effective kernel covers d² times the area',
        why: 'Only the K² taps carry weights and are multiplied; the skipped pixels cost nothing.',
      },
      {
        text: 'The parameters stay, but the MACs grow with the effective kernel',
        why: 'Per output value only the K² taps are multiplied, whatever their spacing.',
      },
      {
        text: 'Both fall by a factor d, since the kernel reads only every d-th pixel',
        why: 'It still reads K² pixels per output value, only spread farther apart.',
      },
    ],
  },
  {
    id: 'dilation-doubling',
    lesson: 'dilated-convolution',
    question: 'Why do four 3×3 convolutions with dilations 1, 2, 4, 8 reach a 31-pixel receptive field?',
    correct: {
      text: 'Each layer adds (K − 1)·d = 2d pixels: 3 + 4 + 8 + 16 = 31',
      why: "With stride 1 the jump stays 1 and the dilation alone sets each layer's growth.",
    },
    wrong: [
      {
        text: 'The dilations multiply the field: 3 · 2 · 4 · 8, capped at the map size',
        why: 'Fields grow by addition; 192 is no receptive field of this stack.',
      },
      {
        text: 'The effective kernels add up: 3 + 5 + 9 + 17 = 34, 3 of them padding',
        why: 'Consecutive fields share one pixel per layer: 1 + Σ(K_eff − 1) = 31.',
      },
      {
        text: 'The stride doubles at every layer, and with it the jump of the next',
        why: 'All strides are 1 here; the jump stays 1 and the dilations spread the taps.',
      },
    ],
  },
  {
    id: 'gridding-fix',
    lesson: 'dilated-convolution',
    question: 'How do hybrid dilation schemes such as 1, 2, 3 avoid gridding?',
    correct: {
      text: 'Rates without a common factor let later taps fill the earlier gaps',
      why: 'With 2, 2, 2 every tap lands on even offsets; 1, 2, 3 reaches every pixel of the field.',
    },
    wrong: [
      {
        text: 'They pad more, so that the holes of the field fall into the padding',
        why: 'Padding moves where windows start; the holes inside the field stay.',
      },
      {
        text: 'They use larger kernels, which have no holes at any dilation rate',
        why: 'A dilated 5×5 kernel has holes too; the fix is the choice of the rates.',
      },
      {
        text: 'They put a pooling layer after each dilated one to blur the holes away',
        why: 'Hybrid dilation only chooses the rates; pooling would give up the resolution dilation keeps.',
      },
    ],
  },
  {
    id: 'pyramid-cost',
    lesson: 'multi-scale',
    question: 'What does an image pyramid (one network run on the image at several scales) cost?',
    correct: {
      text: 'One full pass per scale, each in proportion to its number of pixels',
      why: 'Scales 1, ½, ¼ cost 1 + ¼ + 1/16 ≈ 1.31 times one pass.',
    },
    wrong: [
      {
        text: 'Nothing extra: the weights are shared, so further scales are free',
        why: 'Shared weights save parameters, not arithmetic: each scale is a full pass.',
      },
      {
        text: 'A separately trained network for each scale, so the weights multiply',
        why: 'One network serves all scales; it is the passes that multiply.',
      },
      {
        text: 'Each smaller scale costs as much as the full image, as the layers are the same',
        why: 'MACs follow the pixels: a half-size image costs about a quarter.',
      },
    ],
  },
  {
    id: 'fpn-top-down',
    lesson: 'multi-scale',
    question: 'Why does a feature pyramid network pass deep features back down to the fine layers?',
    correct: {
      text: 'Fine maps locate well but know little; deep ones say what it is',
      why: "Small objects are found on fine maps, which gain the deep layers' semantic features.",
    },
    wrong: [
      {
        text: "To make the fine layers' output as large as the input image",
        why: 'The fine maps keep their own size; the deep features are upsampled to it.',
      },
      {
        text: "To send the fine layers' gradients to the deep layers in training",
        why: 'The top-down path carries features at prediction time; it is no gradient trick.',
      },
      {
        text: 'To shrink the receptive field of the deep layers for small objects',
        why: 'Upsampling does not shrink a field; the fine layers gain context from the deep ones.',
      },
    ],
  },
  {
    id: 'jump-coarse',
    lesson: 'multi-scale',
    question:
      'A deep layer has a 404-pixel receptive field and a jump of 32. What does the jump mean for detection?',
    correct: {
      text: 'Neighbouring units are 32 pixels apart, so positions are only coarse',
      why: 'Each unit still sees its whole field; the jump is the grid its answers sit on.',
    },
    wrong: [
      {
        text: 'Objects smaller than 32 pixels are invisible to every unit of the layer',
        why: "They lie inside many units' fields; they are located coarsely among much context.",
      },
      {
        text: 'Each unit sees only 32 pixels of the input, much less than its field',
        why: 'Each unit sees its 404-pixel field; 32 is the spacing between units.',
      },
      {
        text: 'The layer has 32 channels, one for each object size it can detect',
        why: 'The jump is a distance in input pixels, not a channel count.',
      },
    ],
  },
  {
    id: 'spp',
    lesson: 'multi-scale',
    question: 'What does spatial pyramid pooling (SPP) do within one layer?',
    correct: {
      text: 'Pools one feature map over grids of several sizes and joins the results',
      why: 'Bins of 1×1, 2×2, 4×4… give fields of several sizes (and a fixed-length output).',
    },
    wrong: [
      {
        text: 'Runs the image through the network once for each pooling size',
        why: 'That is an image pyramid; SPP pools one map from a single pass.',
      },
      {
        text: 'Replaces every pooling layer of the network by a dilated convolution',
        why: 'SPP is pooling; dilated convolutions are another way to mix field sizes.',
      },
      {
        text: 'Averages the outputs of several networks, each trained at one size',
        why: 'That would be an ensemble; SPP is one layer of one network.',
      },
    ],
  },
];

import { RULE_NOTES } from '../../../../core/analysis/ops/rule-notes';

/** The Designs page's counting conventions and training panel. */
export default {
  counting: {
    title: 'Counting convention',
    convention: 'Convention',
    names: {
      paper: 'Paper style',
      all: 'All operators',
      fvcore: 'fvcore',
      ptflops: 'ptflops',
    },
    labels: {
      paper:
        'MACs of convolutions, transposed convolutions, linear, matmul and recurrent layers: the number in a paper’s table. No bias, normalisation, activation or pooling.',
      all: 'FLOPs: 2 × MACs, plus every bias add, normalisation, activation, pooling, element-wise and softmax operation, each operator by its own rule.',
      fvcore:
        'What fvcore’s FlopCountAnalysis prints as “flops”: MACs of conv and linear layers, BatchNorm, adaptive average pooling and upsampling; no bias; ReLU ignored; other operators counted 0 with a warning.',
      ptflops:
        'What ptflops prints (pytorch backend, count_functional=True): MACs with the bias, BatchNorm, activations and pooling, some of them counted twice; + and * operators are not counted.',
    },
    total: 'Total',
    figure: '{name}, {unit}',
    /** A unit as a label, and a count in it (`counting.amount.<unit>`). */
    units: { MACs: 'MACs', FLOPs: 'FLOPs' },
    amount: { MACs: '{count} MACs', FLOPs: '{count} FLOPs' },
    rule: 'Rule',
    /** A layer's products counted by a convention, by kind: "conv MACs". */
    productMacs: '{kinds} MACs',
    products: {
      conv: 'conv',
      convTranspose: 'transposed conv',
      linear: 'linear',
      matmul: 'matmul',
      recurrent: 'recurrent',
    },
    /** The rules' notes (`counting.notes.<code>`): the core's own English table. */
    notes: { ...RULE_NOTES } as Record<keyof typeof RULE_NOTES, string>,
    why: '{a}: {ruleA}; {b}: {ruleB}',
    ruleWithNote: '{formula}: {note}',
    counterWarns: 'Counted 0 by {name}, which warns: {ops}',
    incomplete:
      'Incomplete: operators not understood ({ops}). Their cost is unknown, so every total is a lower bound.',
    compare: 'Compare with',
    compareNone: 'nothing',
    compareTitle: 'Why do {a} and {b} differ?',
    compareSummary:
      '{b} − {a} = {difference}, from 1 layer: | {b} − {a} = {difference}, from {layers} layers:',
    compareSame: 'The two conventions give the same figure for every layer.',
    byOp: '{op} × {layers}: {difference}',
    columns: {
      id: 'Layer',
      op: 'Operator',
      difference: 'Difference',
      why: 'Rules',
    },
  },
  training: {
    title: 'Training step',
    optimizer: 'Optimizer',
    optimizers: { sgd: 'SGD', momentum: 'SGD with momentum', adam: 'Adam', adamw: 'AdamW' },
    batch: 'Batch size',
    inplace: 'In-place activations',
    forwardMacs: 'Forward MACs',
    backwardMacs: 'Backward MACs',
    stepMacs: 'MACs per step',
    paramBytes: 'Parameters',
    gradBytes: 'Gradients',
    optimizerStateBytes: 'Optimizer state',
    savedActivationBytes: 'Saved activations',
    otherPeak: 'Other live tensors at the peak',
    peakBytes: 'Peak memory',
    peakAt: 'at the {phase} pass of {layer}',
    phases: { forward: 'forward', backward: 'backward' },
    memoryChart: 'Memory per training step',
    computeChart: 'MACs per training step',
    forward: 'Forward',
    backward: 'Backward',
    note: 'Weight and input gradients; the first layer needs no input gradient. Per step at batch {batch}, {dtype}. Saved activations are what autograd keeps for the backward pass, each storage once; the peak is parameters, gradients and optimizer state plus the largest set of live activations and activation gradients.',
    incomplete: 'Incomplete: operators not understood ({ops}); the figures are lower bounds.',
  },
};

/**
 * The largest spec each skill's schema allows (every count, size and length at its bound), for the unit
 * test that every one is accepted and builds, and for the benchmark that times each one through the API
 * (`bench/practice-specs.ts`, budget 100 ms).
 */
import { SPEC_BOUNDS } from '../../src/shared/contracts/practice';
import type { GeneratedSkill } from '../../src/core/quiz';

const B = SPEC_BOUNDS;
const maxLayer = { op: 'conv' as const, k: B.kernel, s: B.stride, d: B.dilation };
/** The largest stack: every layer at the largest kernel and dilation, strides up to the largest jump. */
const maxStack = Array.from({ length: B.rfLayers }, (_, i) => ({
  ...maxLayer,
  s: B.stride ** (i + 1) <= B.rfJump ? B.stride : 1,
}));
const maxConv = {
  input: [B.channels, B.spatial, B.spatial] as [number, number, number],
  outChannels: B.channels,
  kernel: [B.kernel, B.kernel] as [number, number],
  stride: 1,
  padding: B.padding,
  groups: 1,
  bias: true,
};

export const MAX_SPECS: Record<GeneratedSkill, unknown[]> = {
  'output-size': [
    {
      op: 'conv',
      input: maxConv.input,
      outChannels: B.channels,
      kernel: maxConv.kernel,
      stride: 1,
      padding: B.padding,
      dilation: B.dilation,
      ceilMode: false,
      ask: 'shape',
    },
  ],
  'inverse-padding-stride': (['padding', 'stride', 'dilation'] as const).map((unknown) => ({
    unknown,
    size: B.spatial,
    kernel: B.kernel,
    stride: 1,
    padding: B.padding,
    dilation: B.dilation,
    target: 1,
  })),
  'conv-params': [
    {
      inChannels: B.channels,
      outChannels: B.channels,
      kernel: maxConv.kernel,
      groups: B.channels,
      bias: true,
      separable: { pointwiseBias: true },
    },
  ],
  'linear-params': [
    { input: [B.linearFeatures], outs: Array(B.linearLayers).fill(B.linearFeatures), bias: true },
    { input: [B.channels, 16, 16], outs: [B.linearFeatures], bias: true },
  ],
  'conv-macs-flops': [{ conv: maxConv, convention: 'flops+bias' }],
  'feature-map-memory': [{ conv: maxConv, dtype: 'fp32', ask: 'access', unit: 'MiB' }],
  'network-totals': [
    {
      ask: 'max-macs',
      model: {
        format: 'convscope-model',
        version: 1,
        name: 'max',
        input: [64, 64, 64],
        layers: Array.from({ length: B.networkLayers }, (_, i) => ({
          id: `conv${i + 1}`,
          op: 'conv2d',
          out_channels: 64,
          kernel: 7,
          stride: 1,
          padding: 3,
          bias: true,
        })),
      },
    },
  ],
  'receptive-field': [
    { variant: 'stack', layers: maxStack, ask: 'size-jump' },
    { variant: 'dilation', layers: maxStack, target: B.target },
    {
      variant: 'branches',
      a: Array(B.branchLayers).fill({ ...maxLayer, s: 1 }),
      b: Array(B.branchLayers).fill({ ...maxLayer, s: 1 }),
      after: Array(B.branchLayers).fill({ ...maxLayer, k: 3, d: 1 }),
    },
  ],
  'gradient-arithmetic': [
    {
      variant: 'chain',
      acts: Array(B.chainLength).fill('tanh'),
      weights: Array(B.chainLength).fill(B.magnitude),
    },
    { variant: 'clip', g: Array(B.gradientComponents).fill(B.magnitude), maxNorm: 1e-9, ask: 'component' },
    { variant: 'l2', w: B.magnitude, g: B.magnitude, lr: 1, lambda: 1, steps: B.l2Steps },
  ],
  concepts: [
    {
      variant: 'rf-fit',
      kernels: Array(B.rfLayers).fill(B.kernel),
      strides: Array(B.rfLayers).fill(B.stride),
      objects: [1, 2, 3, B.objectSize],
      order: [3, 2, 1, 0],
    },
  ],
  'training-memory': [
    { variant: 'inplace', shape: maxConv.input, batch: 256, dtype: 'fp32', unit: 'MiB' },
    { variant: 'access', op: 'batchnorm', shape: maxConv.input, dtype: 'fp32', unit: 'MiB' },
  ],
  'training-dynamics': [
    { variant: 'l1', w: B.magnitude, g: B.magnitude, lr: 1, lambda: 1 },
    { variant: 'rnn', rho: 4, steps: B.rnnSteps, ask: 'factor' },
    { variant: 'rnn', rho: 0.999, steps: 1, ask: 'steps', threshold: 1e-300 },
    { variant: 'update-ratio', lr: 1, gradNorm: 1e6, weightNorm: 1e-300 },
  ],
};

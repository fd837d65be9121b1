/**
 * The numbers a practice question may be built from, per skill. A question is either generated from a
 * seed or built from an explicit spec (a lesson's own numbers, a worksheet, a stored review card); the
 * spec is the only part of a request the generators compute with, so its bounds are the bounds of the
 * work a request can cause. Each bound is the generator's own range (plus the lessons' check questions),
 * so every question the app asks passes, and nothing larger reaches the core: the inverse search is
 * O(size + kernel·dilation), the RF searches and stacks are O(layers), the L2 run is O(steps).
 *
 * Used on every path in: the IPC/HTTP contract (`questionRef`), data import (review cards and attempts),
 * stored rows on read, and the core's own `questionFromSpec`.
 */
import { z } from 'zod';

/** Skill ids are stable: stored attempts and review cards refer to them. */
export const SKILLS = [
  'output-size',
  'inverse-padding-stride',
  'conv-params',
  'linear-params',
  'conv-macs-flops',
  'feature-map-memory',
  'network-totals',
  'receptive-field',
  'gradient-arithmetic',
  'concepts',
  'training-memory',
  'training-dynamics',
] as const;

/** The largest numbers a spec may hold (the generators draw below these; lessons stay inside too). */
export const SPEC_BOUNDS = {
  channels: 1024,
  spatial: 256,
  kernel: 11,
  stride: 4,
  padding: 8,
  dilation: 9,
  linearFeatures: 4096,
  linearLayers: 4,
  rfLayers: 8,
  branchLayers: 3,
  networkLayers: 8,
  chainLength: 20,
  gradientComponents: 4,
  /** |w|, |g|, |weights| and |g_i| in gradient questions. */
  magnitude: 100,
  l2Steps: 50,
  rnnSteps: 100,
  objectSize: 1000,
  target: 1024,
  /**
   * The product of a stack's strides (its jump). The generators reach 32; with kernel 11 and dilation 9
   * the RF of 8 layers then stays below 50,000 pixels, so the hole map of the RF is cheap to trace.
   */
  rfJump: 64,
} as const;

const B = SPEC_BOUNDS;

/** A whole number in [min, max], with a message naming the field and its bounds. */
const int = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);

/** A finite real number in [min, max]. */
const real = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);

const positive = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .gt(0, `${what} must be positive`)
    .max(max, `${what} must be at most ${max}`);

const channels = (what: string) => int(what, 1, B.channels);
const spatial = (what: string) => int(what, 1, B.spatial);
const kernel = int('kernel', 1, B.kernel);
const pair = z.tuple([kernel, kernel]);
const chw = z.tuple([channels('input channels'), spatial('input height'), spatial('input width')]);
const bool = z.boolean();

export const outputSizeSpec = z.strictObject({
  op: z.enum(['conv', 'maxpool', 'avgpool']),
  input: chw,
  outChannels: channels('outChannels'),
  kernel: pair,
  stride: int('stride', 1, B.stride),
  padding: z.union([int('padding', 0, B.padding), z.literal('same')]),
  dilation: int('dilation', 1, B.dilation),
  ceilMode: bool,
  ask: z.enum(['size', 'shape']),
});

export const inverseSpec = z.strictObject({
  unknown: z.enum(['padding', 'stride', 'dilation']),
  size: spatial('size'),
  kernel,
  stride: int('stride', 1, B.stride),
  padding: int('padding', 0, B.padding),
  dilation: int('dilation', 1, B.dilation),
  target: int('target', 1, B.target),
});

export const convParamsSpec = z.strictObject({
  inChannels: channels('inChannels'),
  outChannels: channels('outChannels'),
  kernel: pair,
  groups: channels('groups'),
  bias: bool,
  separable: z.strictObject({ pointwiseBias: bool }).optional(),
});

const features = int('features', 1, B.linearFeatures);
export const linearParamsSpec = z.strictObject({
  input: z.union([
    z.tuple([features]),
    z.tuple([channels('input channels'), int('input height', 1, 16), int('input width', 1, 16)]),
  ]),
  outs: z
    .array(features)
    .min(1, 'outs is empty')
    .max(B.linearLayers, `outs has more than ${B.linearLayers} layers`),
  bias: bool,
});

const convLayer = z.strictObject({
  input: chw,
  outChannels: channels('outChannels'),
  kernel: pair,
  stride: int('stride', 1, B.stride),
  padding: int('padding', 0, B.padding),
  groups: channels('groups'),
  bias: bool,
});

export const macsSpec = z.strictObject({
  conv: convLayer,
  convention: z.enum(['macs', 'flops', 'flops+bias']),
});

const byteUnit = z.enum(['B', 'KB', 'MB', 'GB', 'KiB', 'MiB', 'GiB']);
export const memorySpec = z.strictObject({
  conv: convLayer,
  dtype: z.enum(['fp32', 'fp16']),
  ask: z.enum(['elements', 'bytes', 'access']),
  unit: byteUnit.optional(),
});

const layerId = z.string().min(1, 'layer id is empty').max(32, 'layer id is longer than 32 characters');
const networkLayer = z.discriminatedUnion('op', [
  z.strictObject({
    id: layerId,
    op: z.literal('conv2d'),
    out_channels: int('out_channels', 1, 512),
    kernel: int('kernel', 1, 7),
    stride: int('stride', 1, 2),
    padding: int('padding', 0, 3),
    groups: int('groups', 1, 512).optional(),
    bias: bool,
  }),
  z.strictObject({
    id: layerId,
    op: z.literal('maxpool2d'),
    kernel: int('kernel', 1, 3),
    stride: int('stride', 1, 3),
  }),
  z.strictObject({ id: layerId, op: z.literal('flatten') }),
  z.strictObject({
    id: layerId,
    op: z.literal('linear'),
    out_features: int('out_features', 1, 1000),
    bias: bool,
  }),
]);
export const networkSpec = z.strictObject({
  model: z.strictObject({
    format: z.literal('convscope-model'),
    version: z.literal(1),
    name: z.string().max(64, 'model name is longer than 64 characters'),
    input: z.tuple([int('input channels', 1, 64), int('input height', 1, 64), int('input width', 1, 64)]),
    layers: z
      .array(networkLayer)
      .min(1, 'the network has no layers')
      .max(B.networkLayers, `the network has more than ${B.networkLayers} layers`),
  }),
  ask: z.enum(['params', 'macs', 'max-macs', 'max-params']),
});

const rfLayer = z.strictObject({
  op: z.enum(['conv', 'maxpool']),
  k: kernel,
  s: int('stride', 1, B.stride),
  d: int('dilation', 1, B.dilation),
});
const rfLayers = (what: string, min: number, max: number) =>
  z
    .array(rfLayer)
    .min(min, `${what} needs at least ${min} layer${min === 1 ? '' : 's'}`)
    .max(max, `${what} has more than ${max} layers`)
    .refine(
      (layers) => layers.reduce((jump, l) => jump * l.s, 1) <= B.rfJump,
      `the strides of ${what} multiply to more than ${B.rfJump}`,
    );
export const rfSpec = z.discriminatedUnion('variant', [
  z.strictObject({
    variant: z.literal('stack'),
    layers: rfLayers('the stack', 1, B.rfLayers),
    ask: z.enum(['size', 'size-jump']),
  }),
  z.strictObject({
    variant: z.literal('dilation'),
    layers: rfLayers('the stack', 1, B.rfLayers),
    target: int('target', 1, B.target),
  }),
  z.strictObject({
    variant: z.literal('branches'),
    a: rfLayers('branch A', 1, B.branchLayers),
    b: rfLayers('branch B', 1, B.branchLayers),
    after: rfLayers('the layers after the merge', 0, B.branchLayers),
  }),
]);

const magnitude = (what: string) => real(what, -B.magnitude, B.magnitude);
const sameLength = (s: { acts: unknown[]; weights: unknown[] }) => s.acts.length === s.weights.length;
export const gradientSpec = z.discriminatedUnion('variant', [
  z
    .strictObject({
      variant: z.literal('chain'),
      acts: z
        .array(z.enum(['sigmoid', 'tanh']))
        .min(1, 'acts is empty')
        .max(B.chainLength, `the chain has more than ${B.chainLength} layers`),
      weights: z.array(magnitude('weight')).max(B.chainLength),
    })
    .refine(sameLength, { message: 'acts and weights differ in length', path: ['weights'] }),
  z.strictObject({
    variant: z.literal('clip'),
    g: z
      .array(magnitude('gradient component'))
      .min(1, 'g is empty')
      .max(B.gradientComponents, `g has more than ${B.gradientComponents} components`),
    maxNorm: positive('maxNorm', B.magnitude),
    ask: z.enum(['factor', 'component']),
  }),
  z.strictObject({
    variant: z.literal('l2'),
    w: magnitude('w'),
    g: magnitude('g'),
    lr: positive('lr', 1),
    lambda: real('lambda', 0, 1),
    steps: int('steps', 1, B.l2Steps),
  }),
]);

const permutation = (min: number) =>
  z
    .array(int('order entry', 0, 3))
    .min(min, `order needs at least ${min} entries`)
    .max(4, 'order has more than 4 entries')
    .refine(
      (o) => new Set(o).size === o.length && o.includes(0),
      'order must list distinct options, the right one (0) among them',
    );
export const conceptSpec = z.discriminatedUnion('variant', [
  z.strictObject({
    variant: z.literal('item'),
    item: z.string().min(1).max(64, 'item id is longer than 64 characters'),
    order: permutation(3),
  }),
  z
    .strictObject({
      variant: z.literal('rf-fit'),
      kernels: z.array(kernel).min(1, 'kernels is empty').max(B.rfLayers),
      strides: z.array(int('stride', 1, B.stride)).max(B.rfLayers),
      objects: z.array(int('object size', 1, B.objectSize)).length(4, 'objects needs exactly 4 sizes'),
      order: permutation(4),
    })
    .refine((s) => s.kernels.length === s.strides.length, {
      message: 'kernels and strides differ in length',
      path: ['strides'],
    }),
]);

/** In-place operations and memory access (lesson: space complexity). */
export const trainingMemorySpec = z.discriminatedUnion('variant', [
  z.strictObject({
    variant: z.literal('inplace'),
    /** Activation map [C, H, W] of one sample. */
    shape: chw,
    batch: int('batch', 1, 256),
    dtype: z.enum(['fp32', 'fp16']),
    unit: z.enum(['KB', 'MB', 'KiB', 'MiB']),
  }),
  z.strictObject({
    variant: z.literal('access'),
    /** An element-wise layer (BatchNorm, ReLU, add) on a [C, H, W] map: its memory access in bytes. */
    op: z.enum(['relu', 'add', 'batchnorm']),
    shape: chw,
    dtype: z.enum(['fp32', 'fp16']),
    unit: z.enum(['KB', 'MB', 'KiB', 'MiB']),
  }),
]);

/** L1 update, RNN gradient through W_hh, update/weight ratio (lessons: gradients and remedies). */
export const trainingDynamicsSpec = z.discriminatedUnion('variant', [
  z.strictObject({
    variant: z.literal('l1'),
    w: magnitude('w'),
    g: magnitude('g'),
    lr: positive('lr', 1),
    lambda: real('lambda', 0, 1),
  }),
  z.strictObject({
    variant: z.literal('rnn'),
    /** Spectral radius of W_hh (the largest |eigenvalue|), tanh' ≤ 1 bounding the rest. */
    rho: positive('rho', 4),
    steps: int('steps', 1, B.rnnSteps),
    ask: z.enum(['factor', 'steps']),
    /** For 'steps': the factor the gradient must fall below (e.g. 1e-3). */
    threshold: positive('threshold', 1).optional(),
  }),
  z.strictObject({
    variant: z.literal('update-ratio'),
    lr: positive('lr', 1),
    gradNorm: positive('gradNorm', 1e6),
    weightNorm: positive('weightNorm', 1e6),
  }),
]);

/** The spec schema of each generated skill. */
export const SPEC_SCHEMAS = {
  'output-size': outputSizeSpec,
  'inverse-padding-stride': inverseSpec,
  'conv-params': convParamsSpec,
  'linear-params': linearParamsSpec,
  'conv-macs-flops': macsSpec,
  'feature-map-memory': memorySpec,
  'network-totals': networkSpec,
  'receptive-field': rfSpec,
  'gradient-arithmetic': gradientSpec,
  concepts: conceptSpec,
  'training-memory': trainingMemorySpec,
  'training-dynamics': trainingDynamicsSpec,
} as const satisfies Record<(typeof SKILLS)[number], z.ZodType>;

export type SkillSpec<S extends (typeof SKILLS)[number]> = z.infer<(typeof SPEC_SCHEMAS)[S]>;

/** A short, bounded description of the first problem zod found: "spec.layers.0.k: kernel must be at most 11". */
export function specIssue(error: z.ZodError, prefix = 'spec'): string {
  const issue = error.issues[0];
  if (!issue) return `${prefix} is not valid`;
  const path = [prefix, ...issue.path.map(String)].join('.');
  return `${path}: ${issue.message}`.slice(0, 300);
}

/** Checks a spec against its skill's schema: the parsed spec, or a message naming what was wrong. */
export function checkSpec(
  skill: (typeof SKILLS)[number],
  spec: unknown,
): { ok: true; spec: unknown } | { ok: false; message: string } {
  const r = SPEC_SCHEMAS[skill].safeParse(spec);
  return r.success ? { ok: true, spec: r.data } : { ok: false, message: specIssue(r.error) };
}

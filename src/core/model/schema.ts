import { z } from 'zod';
import { ACTIVATION_OPS, type LayerOp, MODEL_FORMAT, MODEL_VERSION } from './types';

const posInt = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const nonNegInt = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const pair = (item: z.ZodNumber) => z.tuple([item, item]);
const intOrPair = z.union([posInt, pair(posInt)]);
const nonNegOrPair = z.union([nonNegInt, pair(nonNegInt)]);
const padding = z.union([nonNegInt, pair(nonNegInt), z.literal('same'), z.literal('valid')]);

const base = {
  id: z.string().min(1),
  inputs: z.array(z.string().min(1)).min(1).optional(),
  trainable: z.boolean().optional(),
};

const activation = (op: (typeof ACTIVATION_OPS)[number]) =>
  z.strictObject({
    ...base,
    op: z.literal(op),
    ...(op === 'leaky_relu' ? { negative_slope: z.number().finite().optional() } : {}),
    ...(op === 'elu' ? { alpha: z.number().finite().optional() } : {}),
    ...(op === 'clamp' ? { min: z.number().finite().optional(), max: z.number().finite().optional() } : {}),
  });

const shape = z.union([z.tuple([posInt]), z.tuple([posInt, posInt, posInt])]);

const elementwise = (op: 'add' | 'mul' | 'sub' | 'div') =>
  z.strictObject({ ...base, op: z.literal(op), constant_shape: shape.optional() });

const pool = (op: 'maxpool2d' | 'avgpool2d') =>
  z.strictObject({
    ...base,
    op: z.literal(op),
    kernel: intOrPair,
    stride: intOrPair.optional(),
    padding: padding.optional(),
    ...(op === 'maxpool2d' ? { dilation: intOrPair.optional() } : {}),
    ceil_mode: z.boolean().optional(),
  });

/** One zod schema per op, so that a bad layer gets messages about its own fields only. */
export const layerSchemas: Record<LayerOp, z.ZodType> = {
  conv2d: z.strictObject({
    ...base,
    op: z.literal('conv2d'),
    out_channels: posInt,
    kernel: intOrPair,
    stride: intOrPair.optional(),
    padding: padding.optional(),
    dilation: intOrPair.optional(),
    groups: posInt.optional(),
    bias: z.boolean().optional(),
  }),
  conv_transpose2d: z.strictObject({
    ...base,
    op: z.literal('conv_transpose2d'),
    out_channels: posInt,
    kernel: intOrPair,
    stride: intOrPair.optional(),
    padding: nonNegOrPair.optional(),
    output_padding: nonNegOrPair.optional(),
    dilation: intOrPair.optional(),
    groups: posInt.optional(),
    bias: z.boolean().optional(),
  }),
  maxpool2d: pool('maxpool2d'),
  avgpool2d: pool('avgpool2d'),
  adaptive_avgpool2d: z.strictObject({
    ...base,
    op: z.literal('adaptive_avgpool2d'),
    output_size: intOrPair,
  }),
  global_avgpool: z.strictObject({ ...base, op: z.literal('global_avgpool') }),
  linear: z.strictObject({
    ...base,
    op: z.literal('linear'),
    out_features: posInt,
    bias: z.boolean().optional(),
  }),
  flatten: z.strictObject({ ...base, op: z.literal('flatten') }),
  batchnorm: z.strictObject({
    ...base,
    op: z.literal('batchnorm'),
    affine: z.boolean().optional(),
    track_running_stats: z.boolean().optional(),
  }),
  layernorm: z.strictObject({
    ...base,
    op: z.literal('layernorm'),
    elementwise_affine: z.boolean().optional(),
  }),
  dropout: z.strictObject({ ...base, op: z.literal('dropout'), p: z.number().min(0).max(1).optional() }),
  relu: activation('relu'),
  relu6: activation('relu6'),
  leaky_relu: activation('leaky_relu'),
  elu: activation('elu'),
  gelu: activation('gelu'),
  silu: activation('silu'),
  sigmoid: activation('sigmoid'),
  tanh: activation('tanh'),
  hardswish: activation('hardswish'),
  hardsigmoid: activation('hardsigmoid'),
  softmax: activation('softmax'),
  clamp: activation('clamp'),
  add: elementwise('add'),
  mul: elementwise('mul'),
  sub: elementwise('sub'),
  div: elementwise('div'),
  concat: z.strictObject({ ...base, op: z.literal('concat') }),
  upsample: z.strictObject({
    ...base,
    op: z.literal('upsample'),
    scale: z
      .union([
        z.number().positive().finite(),
        z.tuple([z.number().positive().finite(), z.number().positive().finite()]),
      ])
      .optional(),
    size: intOrPair.optional(),
    mode: z.enum(['nearest', 'bilinear']).optional(),
  }),
  pad: z.strictObject({
    ...base,
    op: z.literal('pad'),
    padding: z.union([nonNegInt, pair(nonNegInt), z.tuple([nonNegInt, nonNegInt, nonNegInt, nonNegInt])]),
    mode: z.enum(['constant', 'reflect', 'replicate']).optional(),
  }),
  identity: z.strictObject({ ...base, op: z.literal('identity') }),
  unsupported: z.strictObject({
    ...base,
    op: z.literal('unsupported'),
    name: z.string().min(1).optional(),
    output_shape: shape.optional(),
  }),
};

/** The model envelope; layers are checked one by one with {@link layerSchemas}. */
export const modelEnvelopeSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  name: z.string(),
  description: z.string().optional(),
  input: shape,
  layers: z.array(z.unknown()),
});

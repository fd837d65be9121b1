import { z } from 'zod';

/**
 * What a saved Gradient Lab run stores: versioned wrappers around the experiment's configuration and
 * its result, checked on save and again on load (a stored run that does not match is reported by name
 * and left in place). The shapes are the core's `ExperimentConfig` and `ExperimentResult`
 * (src/core/autograd/experiments); a type test keeps the two in step. Fields added after version 1's
 * first release have defaults, so runs saved before them still open.
 */
const num = z.number().finite();
const nnum = num.nullable();
const count = z.number().int().min(0);
const positive = z.number().int().min(1);

export const mlpConfigSchema = z.strictObject({
  kind: z.literal('mlp'),
  task: z.enum(['spirals', 'circles', 'xor', 'blobs', 'sine']),
  samples: z.number().int().min(2).max(100_000).default(512),
  depth: positive.max(100),
  width: positive.max(512),
  activation: z.enum(['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu']),
  leakySlope: num,
  eluAlpha: num,
  init: z.enum(['normal', 'xavier_normal', 'xavier_uniform', 'kaiming_normal', 'kaiming_uniform']),
  initStd: num.positive(),
  batchnorm: z.boolean(),
  residual: z.boolean(),
  optimizer: z.enum(['sgd', 'momentum', 'adam']),
  lr: num.positive(),
  momentum: num.min(0).max(1),
  clip: z.enum(['none', 'norm', 'value']),
  clipMax: num.positive(),
  l1: num.min(0),
  l2: num.min(0),
  pretrain: z.boolean(),
  pretrainSteps: positive,
  batchSize: positive,
  seed: count,
  dtype: z.enum(['float64', 'float32']),
  steps: positive,
});

export const rnnConfigSchema = z.strictObject({
  kind: z.literal('rnn'),
  cell: z.enum(['tanh', 'lstm']),
  length: positive.max(200),
  hidden: positive.max(256),
  batch: positive.max(256),
  forgetBias: nnum.default(null),
  recurrentInit: z.enum(['default', 'orthogonal']).default('default'),
  seed: count,
});

export const experimentConfigSchema = z.discriminatedUnion('kind', [mlpConfigSchema, rnnConfigSchema]);

const nullableNumbers = z.array(nnum);
const snapshotSchema = z.strictObject({
  step: count,
  log10Grad: nullableNumbers,
  log10Weight: nullableNumbers.default([]),
  log10Update: nullableNumbers.default([]),
  log10Signal: nullableNumbers.default([]),
});

export const mlpResultSchema = z.strictObject({
  kind: z.literal('mlp'),
  stepsDone: count,
  totalSteps: count,
  history: z.strictObject({
    step: z.array(count),
    loss: nullableNumbers,
    accuracy: nullableNumbers,
    pretrain: z.array(z.boolean()),
  }),
  layers: z.array(snapshotSchema),
  activations: z.array(z.strictObject({ index: count, mean: nnum, std: nnum, saturated: nnum, dead: nnum })),
  histograms: z
    .strictObject({
      min: num,
      max: num,
      bins: positive,
      layers: z.array(z.strictObject({ index: count, fractions: z.array(num) })),
    })
    .nullable(),
  boundary: z
    .strictObject({
      size: positive,
      min: num,
      max: num,
      p: z.array(num),
      points: z.array(z.tuple([num, num, num])),
    })
    .nullable(),
  summary: z.strictObject({
    log10SignalStart: nnum.default(null),
    log10SignalEnd: nnum.default(null),
    log10RatioStart: nnum,
    log10RatioEnd: nnum,
    log10GradMaxStart: nnum,
    log10GradMaxEnd: nnum,
    finalLoss: nnum,
    finalAccuracy: nnum,
    saturated: nnum,
    dead: nnum,
    diverged: z.boolean(),
  }),
});

export const rnnResultSchema = z.strictObject({
  kind: z.literal('rnn'),
  stepsDone: count,
  totalSteps: count,
  lossGrad: nullableNumbers,
  jacobian: nullableNumbers,
  decades: nnum,
});

export const experimentResultSchema = z.discriminatedUnion('kind', [mlpResultSchema, rnnResultSchema]);

export const savedLabConfigSchema = z.strictObject({
  format: z.literal('convscope-lab'),
  version: z.literal(1),
  preset: z.string().max(64).nullable(),
  lab: experimentConfigSchema,
});

export const savedLabResultSchema = z.strictObject({
  format: z.literal('convscope-lab'),
  version: z.literal(1),
  result: experimentResultSchema,
});

/** A saved run's two halves, whose experiment kinds must agree. */
export function checkSavedRun(
  config: unknown,
  result: unknown,
):
  | { ok: true; config: z.infer<typeof savedLabConfigSchema>; result: z.infer<typeof savedLabResultSchema> }
  | { ok: false; message: string } {
  const c = savedLabConfigSchema.safeParse(config);
  if (!c.success) return { ok: false, message: `config: ${issueText(c.error)}` };
  const r = savedLabResultSchema.safeParse(result);
  if (!r.success) return { ok: false, message: `result: ${issueText(r.error)}` };
  if (c.data.lab.kind !== r.data.result.kind)
    return {
      ok: false,
      message: `the result is of a ${r.data.result.kind} run, the config of a ${c.data.lab.kind} run`,
    };
  return { ok: true, config: c.data, result: r.data };
}

/** The first issue as "path: message" (one sentence a user can act on). */
function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.join('.') || '(top level)';
  return `${path}: ${issue?.message ?? 'invalid'}`;
}

import { z } from 'zod';
import { LAB_VALUES, MLP_FIELDS, RNN_FIELDS, type LabField } from '../lab-fields';

/**
 * What a saved Gradient Lab run stores: versioned wrappers around the experiment's configuration and
 * its result, checked on save and again on load (a stored run that does not match is reported by name
 * and left in place). The shapes are the core's `ExperimentConfig` and `ExperimentResult`
 * (src/core/autograd/experiments), each field's values and range read from the field table
 * (`../lab-fields.ts`, which also draws the lab's form); a type test keeps the two in step. Fields added after version 1's
 * first release have defaults, so runs saved before them still open.
 */
const num = z.number().finite();
const nnum = num.nullable();
const count = z.number().int().min(0);
const positive = z.number().int().min(1);

/** A numeric field's schema: an integer or a real number in the range of the field table. */
function numberField(fields: readonly LabField[], key: string): z.ZodNumber {
  const f = fields.find((x) => x.key === key);
  if (f?.type !== 'int' && f?.type !== 'real')
    throw new Error(`"${key}" is not a numeric field of the experiment's field table`);
  const n = (f.type === 'int' ? z.number().int() : num).min(f.min);
  return f.max === undefined ? n : n.max(f.max);
}
const mlpNumber = (key: string) => numberField(MLP_FIELDS, key);
const rnnNumber = (key: string) => numberField(RNN_FIELDS, key);
const choice = <K extends keyof typeof LAB_VALUES>(key: K) => z.enum(LAB_VALUES[key]);

// Every field is listed (the type test in test/main/api/lab-runs.test.ts fails on a missing one, and
// test/shared/lab-fields.test.ts on one the field table does not have); the defaults open runs saved
// before the field existed.
export const mlpConfigSchema = z.strictObject({
  kind: z.literal('mlp'),
  task: choice('task'),
  samples: mlpNumber('samples').default(512),
  depth: mlpNumber('depth'),
  width: mlpNumber('width'),
  activation: choice('activation'),
  leakySlope: mlpNumber('leakySlope'),
  eluAlpha: mlpNumber('eluAlpha'),
  init: choice('init'),
  initStd: mlpNumber('initStd'),
  batchnorm: z.boolean(),
  residual: z.boolean(),
  optimizer: choice('optimizer'),
  lr: mlpNumber('lr'),
  momentum: mlpNumber('momentum'),
  clip: choice('clip'),
  clipMax: mlpNumber('clipMax'),
  l1: mlpNumber('l1'),
  l2: mlpNumber('l2'),
  pretrain: z.boolean(),
  pretrainSteps: mlpNumber('pretrainSteps'),
  batchSize: mlpNumber('batchSize'),
  seed: mlpNumber('seed'),
  dtype: choice('dtype'),
  steps: mlpNumber('steps'),
});

export const rnnConfigSchema = z.strictObject({
  kind: z.literal('rnn'),
  cell: choice('cell'),
  length: rnnNumber('length'),
  hidden: rnnNumber('hidden'),
  batch: rnnNumber('batch'),
  forgetBias: nnum.default(null),
  recurrentInit: choice('recurrentInit').default('default'),
  seed: rnnNumber('seed'),
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
  // Runs saved before gaps were recorded have none.
  lossGradGaps: z
    .array(
      z.strictObject({
        why: z.enum(['underflow', 'overflow', 'nan']),
        from: z.number().int().min(0),
        to: z.number().int().min(0),
      }),
    )
    .max(100_000)
    .optional(),
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

/**
 * Every field of a Gradient Lab experiment's configuration, once: its kind, its allowed values or
 * range, and when it applies. The core's configuration types take their value lists from here
 * (src/core/autograd/experiments/config.ts), the lab's form is drawn from these tables, and a saved
 * run's configuration is checked against them (contracts/lab-run-schema.ts), so the form never offers a
 * value that saving refuses. Ranges are the engine's supported ones, with step counts kept to what a
 * page can show.
 */

/** The values of each choice field. */
export const LAB_VALUES = {
  task: ['spirals', 'circles', 'xor', 'blobs', 'sine'],
  activation: ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu'],
  init: ['normal', 'xavier_normal', 'xavier_uniform', 'kaiming_normal', 'kaiming_uniform'],
  optimizer: ['sgd', 'momentum', 'adam'],
  clip: ['none', 'norm', 'value'],
  dtype: ['float64', 'float32'],
  cell: ['tanh', 'lstm'],
  recurrentInit: ['default', 'orthogonal'],
} as const;

/** A field applies only when another field `is` (or is `not`) a value. */
export interface LabFieldCondition {
  key: string;
  is?: string | boolean;
  not?: string;
}

export type LabField = { key: string; when?: LabFieldCondition } & (
  | { type: 'enum'; values: readonly string[] }
  | { type: 'bool' }
  /** An integer in [min, max] (max absent: any safe integer). */
  | { type: 'int'; min: number; max?: number }
  /** A real number in [min, max]; `step` is the form's increment. */
  | { type: 'real'; min: number; max?: number; step: number }
  /** A real number, or null for "the default". */
  | { type: 'real-or-default'; step: number }
);

export const MLP_FIELDS: readonly LabField[] = [
  { key: 'task', type: 'enum', values: LAB_VALUES.task },
  { key: 'samples', type: 'int', min: 16, max: 4096 },
  { key: 'depth', type: 'int', min: 1, max: 100 },
  { key: 'width', type: 'int', min: 2, max: 512 },
  { key: 'activation', type: 'enum', values: LAB_VALUES.activation },
  {
    key: 'leakySlope',
    type: 'real',
    min: 0.0001,
    max: 1,
    step: 0.01,
    when: { key: 'activation', is: 'leaky_relu' },
  },
  { key: 'eluAlpha', type: 'real', min: 0.01, max: 10, step: 0.1, when: { key: 'activation', is: 'elu' } },
  { key: 'init', type: 'enum', values: LAB_VALUES.init },
  { key: 'initStd', type: 'real', min: 0.001, max: 10, step: 0.1, when: { key: 'init', is: 'normal' } },
  { key: 'batchnorm', type: 'bool' },
  { key: 'residual', type: 'bool' },
  { key: 'optimizer', type: 'enum', values: LAB_VALUES.optimizer },
  { key: 'lr', type: 'real', min: 0.000001, max: 10, step: 0.001 },
  {
    key: 'momentum',
    type: 'real',
    min: 0,
    max: 0.999,
    step: 0.05,
    when: { key: 'optimizer', is: 'momentum' },
  },
  { key: 'clip', type: 'enum', values: LAB_VALUES.clip },
  { key: 'clipMax', type: 'real', min: 0.0001, step: 0.1, when: { key: 'clip', not: 'none' } },
  { key: 'l1', type: 'real', min: 0, step: 0.001 },
  { key: 'l2', type: 'real', min: 0, step: 0.001 },
  { key: 'pretrain', type: 'bool' },
  { key: 'pretrainSteps', type: 'int', min: 1, max: 1000, when: { key: 'pretrain', is: true } },
  { key: 'batchSize', type: 'int', min: 1, max: 512 },
  { key: 'steps', type: 'int', min: 1, max: 5000 },
  { key: 'seed', type: 'int', min: 0 },
  { key: 'dtype', type: 'enum', values: LAB_VALUES.dtype },
];

export const RNN_FIELDS: readonly LabField[] = [
  { key: 'cell', type: 'enum', values: LAB_VALUES.cell },
  { key: 'length', type: 'int', min: 1, max: 200 },
  { key: 'hidden', type: 'int', min: 1, max: 256 },
  { key: 'batch', type: 'int', min: 1, max: 256 },
  { key: 'recurrentInit', type: 'enum', values: LAB_VALUES.recurrentInit },
  { key: 'forgetBias', type: 'real-or-default', step: 0.5, when: { key: 'cell', is: 'lstm' } },
  { key: 'seed', type: 'int', min: 0 },
];

/** The fields of one kind of experiment, in the form's order. */
export const LAB_FIELDS = { mlp: MLP_FIELDS, rnn: RNN_FIELDS } as const;

/** Whether `field` applies to `config` (a field that does not apply is neither shown nor used). */
export function fieldApplies(field: LabField, config: object): boolean {
  const w = field.when;
  if (!w) return true;
  const v = (config as Readonly<Record<string, unknown>>)[w.key];
  return (w.is === undefined || v === w.is) && (w.not === undefined || v !== w.not);
}

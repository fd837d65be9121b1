import { describe, expect, it } from 'vitest';
import { DEFAULT_MLP, DEFAULT_RNN, EXPERIMENTS } from '../../src/core/autograd';
import { LAB_FIELDS, fieldApplies, type LabField } from '../../src/shared/lab-fields';
import {
  experimentConfigSchema,
  mlpConfigSchema,
  rnnConfigSchema,
} from '../../src/shared/contracts/lab-run-schema';

/**
 * The lab's field table is the one list of an experiment's fields: the core's configuration, the form
 * drawn from it and the saved-run schema all have exactly its fields, and every value the form can
 * offer is one saving accepts.
 */
const keysOf = (fields: readonly LabField[]) => fields.map((f) => f.key).sort();
const withoutKind = (o: object) =>
  Object.keys(o)
    .filter((k) => k !== 'kind')
    .sort();

describe('the Gradient Lab field table', () => {
  it('has each field of the core configuration once, and the saved-run schema has the same fields', () => {
    expect(keysOf(LAB_FIELDS.mlp)).toEqual(withoutKind(DEFAULT_MLP));
    expect(keysOf(LAB_FIELDS.rnn)).toEqual(withoutKind(DEFAULT_RNN));
    expect(withoutKind(mlpConfigSchema.shape)).toEqual(keysOf(LAB_FIELDS.mlp));
    expect(withoutKind(rnnConfigSchema.shape)).toEqual(keysOf(LAB_FIELDS.rnn));
  });

  it('holds the defaults and every named experiment within its ranges', () => {
    for (const c of [DEFAULT_MLP, DEFAULT_RNN, ...EXPERIMENTS.map((e) => e.config)]) {
      const parsed = experimentConfigSchema.safeParse(c);
      expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
    }
  });

  it("accepts each end of a numeric field's range and refuses a value past it, naming the field", () => {
    for (const kind of ['mlp', 'rnn'] as const) {
      const base = kind === 'mlp' ? DEFAULT_MLP : DEFAULT_RNN;
      for (const f of LAB_FIELDS[kind]) {
        if (f.type !== 'int' && f.type !== 'real') continue;
        const ok = [f.min, ...(f.max === undefined ? [] : [f.max])];
        for (const v of ok)
          expect(experimentConfigSchema.safeParse({ ...base, [f.key]: v }).success).toBe(true);
        const bad = [f.min - (f.type === 'int' ? 1 : f.min > 0 ? f.min / 2 : 1e-9)];
        if (f.max !== undefined) bad.push(f.max + (f.type === 'int' ? 1 : 1e-6));
        if (f.type === 'int') bad.push(f.min + 0.5);
        for (const v of bad) {
          const r = experimentConfigSchema.safeParse({ ...base, [f.key]: v });
          expect(r.success, `${kind}.${f.key} = ${v}`).toBe(false);
          expect(r.error?.issues[0]?.path).toEqual([f.key]);
        }
      }
    }
  });

  it('refuses a choice that is not in the list', () => {
    for (const kind of ['mlp', 'rnn'] as const) {
      const base = kind === 'mlp' ? DEFAULT_MLP : DEFAULT_RNN;
      for (const f of LAB_FIELDS[kind]) {
        if (f.type !== 'enum') continue;
        for (const v of f.values)
          expect(experimentConfigSchema.safeParse({ ...base, [f.key]: v }).success).toBe(true);
        expect(experimentConfigSchema.safeParse({ ...base, [f.key]: 'no-such-value' }).success).toBe(false);
      }
    }
  });

  it('shows a conditional field only when its condition holds', () => {
    const field = (key: string) => LAB_FIELDS.mlp.find((f) => f.key === key)!;
    expect(fieldApplies(field('leakySlope'), { ...DEFAULT_MLP, activation: 'relu' })).toBe(false);
    expect(fieldApplies(field('leakySlope'), { ...DEFAULT_MLP, activation: 'leaky_relu' })).toBe(true);
    expect(fieldApplies(field('clipMax'), { ...DEFAULT_MLP, clip: 'none' })).toBe(false);
    expect(fieldApplies(field('clipMax'), { ...DEFAULT_MLP, clip: 'value' })).toBe(true);
    expect(fieldApplies(field('pretrainSteps'), { ...DEFAULT_MLP, pretrain: true })).toBe(true);
    expect(fieldApplies(field('depth'), DEFAULT_MLP)).toBe(true);
    // Every condition names a field of the same table.
    for (const fields of Object.values(LAB_FIELDS))
      for (const f of fields) if (f.when) expect(keysOf(fields)).toContain(f.when.key);
  });
});

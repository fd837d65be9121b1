import { describe, expect, it } from 'vitest';
import { analyzeModel, validateModel } from '../../src/core';
import { OPERATORS } from '../../src/core/analysis/ops';
import { type OperatorInfo, sampleInput } from '../../src/core/analysis/ops/catalog';
import { runCli } from './cli-run';

describe('convscope ops', () => {
  it('--json lists every registered operator with its attributes and a template layer that analyses', async () => {
    const r = await runCli('ops', '--json');
    expect(r.code, r.err).toBe(0);
    const list = JSON.parse(r.out) as OperatorInfo[];
    expect(list.map((o) => o.op)).toEqual(OPERATORS.map((o) => o.op));
    for (const [i, info] of list.entries()) {
      const def = OPERATORS[i];
      expect(
        info.attributes.map((a) => a.name),
        info.op,
      ).toEqual(def.fields.map((f) => f.key));
      for (const a of info.attributes) {
        expect(a.type.length, `${info.op}.${a.name} type`).toBeGreaterThan(2);
        // An optional attribute says what applies when it is absent.
        if (!a.required) expect(a.default, `${info.op}.${a.name} default`).toBeDefined();
      }
      const input = sampleInput(info.accepts, [3, 32, 32]);
      const model = { format: 'convscope-model', version: 1, name: 'ops', input, layers: [info.template] };
      const v = validateModel(model);
      expect(v.ok ? [] : v.errors, info.op).toEqual([]);
      if (v.ok) expect(analyzeModel(v.model).layers[0].op).toBe(info.op);
    }
    const conv = list.find((o) => o.op === 'conv2d');
    expect(conv?.attributes.find((a) => a.name === 'padding')).toMatchObject({ required: false, default: 0 });
    expect(conv?.attributes.find((a) => a.name === 'out_channels')).toMatchObject({
      required: true,
      range: '≥ 1',
    });
    expect(list.find((o) => o.op === 'clamp')?.template).toMatchObject({ op: 'clamp', id: 'clamp1' });
  });

  it('prints one block per operator: attributes with type, default and range, its template and ONNX ops', async () => {
    const r = await runCli('ops');
    expect(r.code).toBe(0);
    for (const o of OPERATORS) expect(r.out).toMatch(new RegExp(`^${o.op} \\(${o.family}`, 'm'));
    expect(r.out).toMatch(/^ {2}out_channels \* +integer +\(required\) +≥ 1, channels$/m);
    expect(r.out).toContain(
      'template: {"id":"conv1","op":"conv2d","out_channels":16,"kernel":3,"padding":1}',
    );
    expect(r.out).toContain(`${OPERATORS.length} operators`);
  });

  it('refuses extra arguments with one line', async () => {
    const r = await runCli('ops', 'conv2d');
    expect(r.code).toBe(1);
    expect(r.err).toBe('convscope ops: unexpected argument conv2d (usage: convscope ops [--json])');
  });
});

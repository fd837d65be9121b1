import { describe, expect, it } from 'vitest';
import { analyzeModel, type ModelSpec } from '../../../../src/core';
import { createHistory } from '../../../../src/renderer/src/designs/history';
import { analysisCsv } from '../../../../src/renderer/src/designs/csv';
import { SHOWN_TOTALS, shownTotals } from '../../../../src/renderer/src/designs/compare';
import { diffDesigns } from '../../../../src/core/diff';
import {
  fieldText,
  parseFieldText,
  parseInputs,
  parseShape,
} from '../../../../src/renderer/src/designs/field-text';
import { importModelText, fileNameFor } from '../../../../src/renderer/src/designs/file-import';
import { perLayerOption } from '../../../../src/renderer/src/designs/chart-options';

const tiny: ModelSpec = {
  format: 'convscope-model',
  version: 1,
  name: 'tiny',
  input: [3, 8, 8],
  layers: [
    { id: 'conv1', op: 'conv2d', out_channels: 4, kernel: 3 },
    { id: 'relu1', op: 'relu' },
  ],
};

describe('history', () => {
  it('undoes and redoes, and a new change clears the redo stack', () => {
    let t = 0;
    const h = createHistory('a', 10, 800, () => (t += 1000));
    h.push('b');
    h.push('c');
    expect(h.undo()).toBe('b');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeUndefined();
    expect(h.redo()).toBe('b');
    h.push('x');
    expect(h.canRedo()).toBe(false);
    expect(h.undo()).toBe('b');
  });

  it('coalesces quick changes of one group into one step', () => {
    let t = 0;
    const h = createHistory('', 10, 800, () => t);
    for (const s of ['h', 'he', 'hel']) {
      t += 100;
      h.push(s, 'text');
    }
    t += 5000;
    h.push('hello', 'text');
    expect(h.undo()).toBe('hel');
    expect(h.undo()).toBe('');
  });

  it('keeps at most `limit` steps', () => {
    let t = 0;
    const h = createHistory(0, 3, 800, () => (t += 1000));
    for (let i = 1; i <= 6; i++) h.push(i);
    let steps = 0;
    while (h.undo() !== undefined) steps++;
    expect(steps).toBe(3);
  });
});

describe('analysisCsv', () => {
  it('one row per layer plus totals, exact numbers from the analysis', () => {
    const a = analyzeModel(tiny);
    const lines = analysisCsv(a).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + a.layers.length + 1);
    expect(lines[0]).toContain('flops_flops');
    const conv = lines[1].split(',');
    expect(conv.slice(0, 5)).toEqual([
      'conv1',
      'conv2d',
      a.layers[0].outputShape.join('x'),
      String(a.layers[0].params.total),
      String(a.layers[0].macs),
    ]);
    expect(lines.at(-1)!.split(',')[4]).toBe(String(a.totals.macs));
  });

  it('quotes ids with commas or quotes', () => {
    const m: ModelSpec = { ...tiny, layers: [{ id: 'a,"b"', op: 'relu' }] };
    expect(analysisCsv(analyzeModel(m)).split('\r\n')[1].startsWith('"a,""b""",relu')).toBe(true);
  });
});

describe('shownTotals', () => {
  it('B − A per quantity, from the core diff', () => {
    const a = analyzeModel(tiny);
    const bModel = { ...tiny, layers: [{ id: 'conv1', op: 'conv2d' as const, out_channels: 8, kernel: 3 }] };
    const b = analyzeModel(bModel);
    const rows = shownTotals(diffDesigns(tiny, bModel));
    expect(rows.map((r) => r.key)).toEqual([...SHOWN_TOTALS]);
    expect(rows.find((r) => r.key === 'macs')).toEqual({
      key: 'macs',
      a: a.totals.macs,
      b: b.totals.macs,
      delta: b.totals.macs - a.totals.macs,
    });
  });
});

describe('field text', () => {
  it('numbers, pairs, modes; other text passes through for the validator to name', () => {
    expect(parseFieldText('3')).toBe(3);
    expect(parseFieldText(' 3, 5 ')).toEqual([3, 5]);
    expect(parseFieldText('same')).toBe('same');
    expect(parseFieldText('')).toBeUndefined();
    expect(parseFieldText('abc')).toBe('abc');
    expect(fieldText([3, 5])).toBe('3, 5');
    expect(parseInputs('a, b,')).toEqual(['a', 'b']);
    expect(parseInputs(' ')).toBeUndefined();
    expect(parseShape('3, 224, 224')).toEqual([3, 224, 224]);
    expect(parseShape('10')).toEqual([10]);
  });
});

describe('importModelText', () => {
  it('accepts a valid model, named by its name field', () => {
    const r = importModelText(JSON.stringify(tiny), 'file.json');
    expect(r).toEqual({ ok: true, model: tiny, name: 'tiny' });
  });

  it('refuses bad JSON, a non-object and an invalid model, naming the problem', () => {
    expect(importModelText('{', 'f.json')).toMatchObject({ ok: false, problem: { kind: 'syntax' } });
    expect(importModelText('[1]', 'f.json')).toEqual({
      ok: false,
      problem: { kind: 'not-object', what: 'array' },
    });
    const bad = importModelText(
      JSON.stringify({ ...tiny, layers: [{ id: 'c9', op: 'conv2d', kernel: 3 }] }),
      'f.json',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok && bad.problem.kind === 'invalid')
      expect(bad.problem.issues.map((i) => i.message).join(' ')).toContain('c9');
    else expect.fail('expected an invalid-model problem');
  });

  it('file names are safe', () => {
    expect(fileNameFor('My net / v2', 'json')).toBe('My-net-v2.json');
    expect(fileNameFor('  ', 'csv')).toBe('design.csv');
  });
});

describe('perLayerOption', () => {
  it('a log axis leaves zero-cost layers without a bar', () => {
    const a = analyzeModel(tiny);
    const series = (perLayerOption(a, 'macs', true, 'MACs') as { series: { data: (number | null)[] }[] })
      .series[0];
    expect(series.data).toEqual([a.layers[0].macs, null]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeModel, type ModelSpec } from '../../../src/core';

function model(): ModelSpec {
  return {
    format: 'convscope-model',
    version: 1,
    name: 'lazy',
    input: [3, 8, 8],
    layers: [
      { id: 'c0', op: 'conv2d', out_channels: 4, kernel: 3, padding: 1 },
      { id: 'r0', op: 'relu' },
      { id: 'c1', op: 'conv2d', out_channels: 4, kernel: 3, stride: 2 },
      { id: 'add', op: 'add', inputs: ['c1', 'c1'] },
    ],
  };
}

describe('rows are built from the columns when layers is first read', () => {
  it('reads as a plain array property: one array, in JSON, structuredClone and spread', () => {
    const a = analyzeModel(model());
    expect(Object.keys(a)).toEqual([
      'model',
      'input',
      'outputShape',
      'options',
      'layers',
      'totals',
      'warnings',
    ]);
    const rows = a.layers;
    expect(a.layers).toBe(rows);
    expect(rows.map((r) => r.id)).toEqual(['c0', 'r0', 'c1', 'add']);
    const json = JSON.parse(JSON.stringify(a)) as { layers: unknown[] };
    expect(json.layers).toHaveLength(4);
    expect(structuredClone(a)).toEqual(JSON.parse(JSON.stringify(a)));
    expect({ ...a }.layers).toBe(rows);
  });

  it('gives the same rows whether layers is read first, after JSON or from a frozen analysis', () => {
    const first = analyzeModel(model());
    const frozen = Object.freeze(analyzeModel(model()));
    expect(frozen.layers).toBe(frozen.layers);
    expect(JSON.stringify(frozen)).toBe(JSON.stringify(first));
    expect(frozen.layers[3].inputs).toEqual(['c1', 'c1']);
    expect(frozen.layers[2].cumulative.macs).toBe(first.layers[0].macs + first.layers[2].macs);
  });

  it('can be replaced by assignment', () => {
    const a = analyzeModel(model());
    a.layers = a.layers.slice(0, 1);
    expect(a.layers.map((r) => r.id)).toEqual(['c0']);
  });

  it('shows the layers as analysed even when the model is edited in place before the read', () => {
    const m = model();
    const a = analyzeModel(m);
    m.layers[1] = { id: 'other', op: 'sigmoid' };
    expect(a.layers[1]).toMatchObject({ id: 'r0', op: 'relu', inputs: ['c0'] });
  });
});

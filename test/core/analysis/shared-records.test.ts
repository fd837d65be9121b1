import { describe, expect, it } from 'vitest';
import { analyzeModel, type LayerSpec, layerWithFormulas, type ModelSpec } from '../../../src/core';

/** conv 3×3 p1 → batchnorm → relu, three times, on 4×8×8: identical blocks. */
function chain(): ModelSpec {
  const layers: LayerSpec[] = [];
  for (let b = 0; b < 3; b++) {
    layers.push(
      { id: `c${b}`, op: 'conv2d', out_channels: 4, kernel: 3, padding: 1 },
      { id: `bn${b}`, op: 'batchnorm' },
      { id: `r${b}`, op: 'relu' },
    );
  }
  return { format: 'convscope-model', version: 1, name: 'chain', input: [4, 8, 8], layers };
}

describe('rows share identical records without changing what they show', () => {
  const a = analyzeModel(chain());
  const L = Object.fromEntries(a.layers.map((l) => [l.id, l]));

  it('layers that keep the RF share their input row’s RF record, frozen', () => {
    expect(L.bn0.rf).toBe(L.c0.rf);
    expect(L.r0.rf).toBe(L.c0.rf);
    expect(Object.isFrozen(L.c0.rf)).toBe(true);
    expect(Object.isFrozen(L.c0.rf.size)).toBe(true);
    // Each conv grows the RF by 2: 3, 5, 7.
    expect([L.r0.rf.size, L.r1.rf.size, L.r2.rf.size]).toEqual([
      [3, 3],
      [5, 5],
      [7, 7],
    ]);
  });

  it('equal records of the same op are one object; different ones are not', () => {
    expect(L.c1.params).toBe(L.c2.params);
    expect(L.c1.outputSizeTrace).toBe(L.c2.outputSizeTrace);
    expect(L.bn1.memoryAccess).toBe(L.bn2.memoryAccess);
    expect(L.c0.params).not.toBe(L.bn0.params);
    expect(L.c0.cumulative).not.toBe(L.c1.cumulative);
    expect(L.c1.cumulative.macs).toBe(2 * L.c0.macs);
  });

  it('rows serialise to the same plain data as before sharing', () => {
    const row = JSON.parse(JSON.stringify(L.bn1));
    expect(Object.keys(row)).toEqual([
      'id',
      'op',
      'inputs',
      'inputShapes',
      'outputShape',
      'outputElements',
      'params',
      'macs',
      'ops',
      'flops',
      'activation',
      'memoryAccess',
      'arithmeticIntensity',
      'cumulative',
      'rf',
      'outputSizeTrace',
    ]);
    expect(structuredClone(L.c2)).toEqual(JSON.parse(JSON.stringify(L.c2)));
    expect(layerWithFormulas(L.r2).formulas.length).toBeGreaterThan(0);
  });
});

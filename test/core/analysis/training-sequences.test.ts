/**
 * What autograd saves for attention, LSTM and GRU layers, against PyTorch 1.13's saved_tensors_hooks,
 * and their backward MACs (test/fixtures/reference/training/sequences.json, measured by sequences.py
 * there).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeModel, analyzeTraining, type LayerSpec, type ModelSpec } from '../../../src/core';

const REF = JSON.parse(readFileSync('test/fixtures/reference/training/sequences.json', 'utf8')) as {
  input: [number, number];
  layers: Record<
    string,
    { layer: Omit<LayerSpec, 'id'>; savedActivationBytes: number; backwardMacs: number }
  >;
};

describe.each(Object.entries(REF.layers))('%s', (_name, ref) => {
  it('saves the bytes PyTorch keeps for backward and computes its backward MACs', () => {
    const model = {
      format: 'convscope-model',
      version: 1,
      name: 'one layer',
      input: REF.input,
      layers: [{ id: 'x', ...ref.layer }],
    } as ModelSpec;
    const t = analyzeTraining(model, analyzeModel(model), { optimizer: 'sgd', batch: 1 });
    expect(t.savedActivationBytes).toBe(ref.savedActivationBytes);
    // The input needs no gradient: attention still computes Q's, K's and V's, a recurrent layer every
    // step's hidden-state gradient but the first's.
    expect(t.backwardMacs).toBe(ref.backwardMacs);
  });
});

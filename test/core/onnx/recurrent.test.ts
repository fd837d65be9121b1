/**
 * PyTorch-exported LSTM and GRU files (test/fixtures/onnx/issue18: make_fixtures.py, time-major one
 * layer; make_recurrent.py, batch-first, two bidirectional layers and a per-step linear layer): the
 * three-dimensional graph input is a [T, D] sequence, each ONNX LSTM/GRU node one layer, and the
 * import gives PyTorch's parameters, MACs by kind and output shape, complete.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { macsByKind } from '../../../src/core';
import { analyzeOnnx } from '../../../src/core/onnx';

const DIR = 'test/fixtures/onnx/issue18';
interface Expected {
  input: number[];
  output: number[];
  params: number;
  macsByKind: Record<string, number>;
}
const fixtures = (file: string) =>
  (JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as { fixtures: Record<string, Expected> }).fixtures;
const ONE = fixtures('expected.json');
const TWO = fixtures('recurrent-expected.json');

describe.each([
  ['lstm', ONE.lstm, ['lstm']],
  ['gru', ONE.gru, ['gru']],
  ['lstm_bi2', TWO.lstm_bi2, ['lstm', 'lstm', 'linear']],
  ['gru_bi2', TWO.gru_bi2, ['gru', 'gru', 'linear']],
] as const)('%s.onnx', (name, exp, ops) => {
  const { imported, analysis } = analyzeOnnx(readFileSync(`${DIR}/${name}.onnx`));

  it('imports every node: one layer per recurrent node, nothing left out', () => {
    expect(imported.model.layers.map((l) => l.op)).toEqual(ops);
    expect(analysis.totals.complete).toBe(true);
    // [T, N = 1, D] time-major or [N = 1, T, D] batch-first: a [T, D] sequence either way.
    const [a, b, d] = exp.input;
    expect(imported.model.input).toEqual([a === 1 ? b : a, d]);
  });

  it('has PyTorch’s parameters, MACs by kind and output shape', () => {
    expect(analysis.totals.params).toBe(exp.params);
    const kinds = macsByKind(imported.model, analysis);
    expect(kinds).toEqual(exp.macsByKind);
    expect(analysis.totals.macs).toBe(Object.values(exp.macsByKind).reduce((s, v) => s + v, 0));
    expect(analysis.layers.at(-1)!.outputShape).toEqual(exp.output.filter((v) => v !== 1));
  });
});

describe('bidirectional layers', () => {
  it('the second layer reads both directions of the first', () => {
    const { imported } = analyzeOnnx(readFileSync(`${DIR}/lstm_bi2.onnx`));
    const [l0, l1] = imported.model.layers;
    expect(l0).toMatchObject({ op: 'lstm', hidden_size: 12, bidirectional: true });
    expect(l1).toMatchObject({ op: 'lstm', hidden_size: 12, bidirectional: true });
  });
});

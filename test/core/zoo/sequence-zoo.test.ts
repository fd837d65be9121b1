/**
 * The zoo's transformer, recurrent, efficient and encoder-decoder models against PyTorch
 * (test/fixtures/reference/zoo18, measured by make_refs.py there with torch 1.13 / torchvision 0.14):
 * parameters exactly, MACs and MACs by kind under the paper-style convention of docs/conventions.md
 * (attention's QKᵀ and attention·V as matmul, every recurrent step), and every PyTorch module's output
 * shape and parameters on the layer of the same id.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, macsByKind } from '../../../src/core';

interface Ref {
  params: number;
  macs: number;
  macsByKind: Record<string, number>;
  output: number[];
  modules?: { name: string; type: string; output: number[]; params: number }[];
  paramsByTensor?: Record<string, { numel: number }>;
}

const ref = (name: string): Ref =>
  JSON.parse(readFileSync(`test/fixtures/reference/zoo18/${name}.json`, 'utf8')) as Ref;

describe.each(['vit_b_16', 'mobilenet_v3_small', 'efficientnet_b0', 'unet_small', 'lstm_lm', 'gru_lm'])(
  '%s against PyTorch',
  (name) => {
    const model = getZooModel(name)!;
    const a = analyzeModel(model);
    const r = ref(name);

    it('has PyTorch’s parameters and MACs, by kind', () => {
      expect(a.totals.params).toBe(r.params);
      expect(a.totals.macs).toBe(r.macs);
      expect(macsByKind(model, a)).toEqual(r.macsByKind);
    });

    it('gives every PyTorch module’s output shape and parameters on its layer', () => {
      const rows = new Map(a.layers.map((l) => [l.id, l]));
      for (const m of r.modules ?? []) {
        const row = rows.get(m.name);
        expect(row, `${m.name} (${m.type})`).toBeDefined();
        expect(row!.outputShape, m.name).toEqual(m.output.slice(1));
        expect(row!.params.total, m.name).toBe(m.params);
      }
      // The model's output without the batch (the language models run [T, N] with N = 1).
      const out = a.layers.at(-1)!.outputShape;
      expect(out).toEqual(r.output.filter((_, i) => i !== (name.endsWith('_lm') ? 1 : 0)));
    });
  },
);

describe('language-model heads: parameters per PyTorch tensor', () => {
  it.each(['lstm_lm', 'gru_lm'])('%s', (name) => {
    const a = analyzeModel(getZooModel(name)!);
    const byTensor = ref(name).paramsByTensor!;
    const sum = (prefix: string) =>
      Object.entries(byTensor)
        .filter(([k]) => k.startsWith(prefix))
        .reduce((s, [, v]) => s + v.numel, 0);
    for (const id of ['embedding', 'rnn', 'decoder'])
      expect(a.layers.find((l) => l.id === id)!.params.total, id).toBe(sum(`${id}.`));
  });
});

describe('ViT-B/16 attention', () => {
  it('counts 4·T·D² + 2·T²·D per block, the figure a step-by-step re-implementation counted', () => {
    const a = analyzeModel(getZooModel('vit_b_16')!);
    const row = a.layers.find((l) => l.id === 'encoder.layers.encoder_layer_0.self_attention')!;
    const check = JSON.parse(readFileSync('test/fixtures/reference/zoo18/vit_b_16.json', 'utf8'))
      .attentionCheck as { countedMacs: number; tokens: number; embed: number };
    expect(row.macs).toBe(check.countedMacs);
    expect(row.macs).toBe(4 * 197 * 768 ** 2 + 2 * 197 ** 2 * 768);
    // Every token sees every token: the receptive field is the whole 224×224 image.
    expect(row.rf.size).toEqual([224, 224]);
  });
});

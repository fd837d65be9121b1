/**
 * Counting conventions against what fvcore and ptflops print for torchvision's networks
 * (test/fixtures/reference/zoo18/counters.json, measured by measure_counters.py there).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  applyConvention,
  CONVENTION_NAMES,
  getZooModel,
  reconcile,
  type ModelSpec,
} from '../../../src/core';

interface Counted {
  total: number;
  byOperator?: Record<string, number>;
  unsupported?: Record<string, number>;
}
const counters = JSON.parse(readFileSync('test/fixtures/reference/zoo18/counters.json', 'utf8')) as {
  networks: Record<string, { paperStyleMacs: number; fvcore: Counted; ptflopsPytorch: Counted }>;
};

const zoo = (name: string): ModelSpec => {
  const m = getZooModel(name);
  if (!m) throw new Error(`no zoo model ${name}`);
  return m;
};

describe.each(['resnet18', 'mobilenet_v2', 'vgg11'])('%s', (name) => {
  const model = zoo(name);
  const analysis = analyzeModel(model);
  const ref = counters.networks[name];

  it('paper style is the PyTorch-measured MAC count', () => {
    const r = applyConvention(model, analysis, 'paper');
    expect(r.convention.unit).toBe('MACs');
    expect(r.total).toBe(ref.paperStyleMacs);
    expect(r.complete).toBe(true);
  });

  it("fvcore: FlopCountAnalysis' total, by operator, and its unsupported operators", () => {
    const r = applyConvention(model, analysis, 'fvcore');
    expect(r.total).toBe(ref.fvcore.total);
    const by = ref.fvcore.byOperator ?? {};
    expect(r.totalByKind.conv).toBe(by.conv);
    expect(r.totalByKind.linear).toBe(by.linear);
    expect(r.totalByKind.norm ?? 0).toBe(by.batch_norm ?? 0);
    expect(r.totalByKind.pool).toBe(by.adaptive_avg_pool2d);
    // fvcore names the in-place variants (aten::add_, aten::hardtanh_); the counts are the same.
    const warned = Object.fromEntries(
      Object.entries(ref.fvcore.unsupported ?? {}).map(([k, v]) => [k.replace(/_$/, ''), v]),
    );
    expect(Object.fromEntries(r.counterUnsupported.map((u) => [u.name, u.count]))).toEqual(warned);
  });

  it("ptflops: get_model_complexity_info's total (pytorch backend)", () => {
    const r = applyConvention(model, analysis, 'ptflops');
    // torchvision's MobileNetV2 pools with F.adaptive_avg_pool2d, not a module: ptflops counts it
    // once (patched functional) where a module is counted twice (hook + functional). The model
    // format does not say how PyTorch code called the pooling, so the preset counts the module.
    const functionalPool =
      name === 'mobilenet_v2'
        ? analysis.layers.filter((l) => l.op === 'adaptive_avgpool2d').reduce((s, l) => s + l.ops.pooling, 0)
        : 0;
    expect(functionalPool).toBe(name === 'mobilenet_v2' ? 1280 * 7 * 7 : 0);
    expect(r.total - functionalPool).toBe(ref.ptflopsPytorch.total);
  });

  it('reconciles two conventions layer by layer: the differences add up to the gap', () => {
    for (const b of CONVENTION_NAMES) {
      const rec = reconcile(model, analysis, 'paper', b);
      expect(rec.rows.reduce((s, r) => s + r.difference, 0)).toBe(rec.b.total - rec.a.total);
      expect(rec.byOp.reduce((s, r) => s + r.difference, 0)).toBe(rec.difference);
      for (const r of rec.rows) expect(r.why).toContain(`${b}:`);
    }
  });
});

describe('all operators', () => {
  it('is 2 × MACs plus each element operation, stated per op', () => {
    const model = zoo('resnet18');
    const analysis = analyzeModel(model);
    const r = applyConvention(model, analysis, 'all');
    expect(r.convention.unit).toBe('FLOPs');
    const relu = r.layers.find((l) => l.op === 'relu');
    expect(relu?.rule).toMatch(/comparison/);
    const conv = analysis.layers.filter((l) => l.op === 'conv2d').reduce((s, l) => s + l.macs, 0);
    expect(r.totalByKind.conv).toBe(2 * conv);
    // ResNet-18: 17 ReLUs, 1 comparison per element.
    const reluElems = analysis.layers
      .filter((l) => l.op === 'relu')
      .reduce((s, l) => s + l.outputElements, 0);
    expect(r.totalByKind.activation).toBe(reluElems);
  });
});

describe('operators not understood', () => {
  it('are listed by name and count, the total marked incomplete, under every convention', () => {
    const model: ModelSpec = {
      name: 'partial',
      input: [3, 8, 8],
      layers: [
        { id: 'c1', op: 'conv2d', out_channels: 4, kernel: 3, padding: 1 },
        { id: 'u1', op: 'unsupported', name: 'Einsum', output_shape: [4, 8, 8] },
        { id: 'u2', op: 'unsupported', name: 'Einsum', output_shape: [4, 8, 8] },
      ],
    } as ModelSpec;
    const analysis = analyzeModel(model);
    for (const name of CONVENTION_NAMES) {
      const r = applyConvention(model, analysis, name);
      expect(r.complete).toBe(false);
      expect(r.unsupported).toEqual([{ name: 'Einsum', count: 2 }]);
      expect(r.layers[1].unknown).toBe('Einsum');
      expect(r.total).toBeGreaterThan(0);
    }
  });
});

/**
 * The transformer, efficient and recurrent networks: paper style, fvcore (attention counted 0 as
 * PyTorch 1.13's fused multi-head attention, LSTM/GRU and the embedding unsupported) and ptflops
 * (every recurrent weight per step plus its rnn_flops gate arithmetic). ptflops fails on ViT-B/16
 * (torchvision calls the attention with keyword arguments), so there is nothing to compare there.
 */
describe.each(['vit_b_16', 'mobilenet_v3_small', 'efficientnet_b0', 'lstm_lm', 'gru_lm'])('%s', (name) => {
  const model = zoo(name);
  const analysis = analyzeModel(model);
  const ref = counters.networks[name];

  it('paper style, fvcore and ptflops give the measured totals', () => {
    expect(applyConvention(model, analysis, 'paper').total).toBe(ref.paperStyleMacs);
    const fv = applyConvention(model, analysis, 'fvcore');
    expect(fv.total).toBe(ref.fvcore.total);
    const by = ref.fvcore.byOperator ?? {};
    expect(fv.totalByKind.linear).toBe(by.linear);
    expect(fv.totalByKind.conv).toBe(by.conv);
    expect(fv.totalByKind.norm).toBe(by.batch_norm ?? by.layer_norm);
    if (name !== 'vit_b_16')
      expect(applyConvention(model, analysis, 'ptflops').total).toBe(ref.ptflopsPytorch.total);
  });

  it('fvcore warns about the same operators', () => {
    const fv = applyConvention(model, analysis, 'fvcore');
    // Not in the model format: torchvision's in-place classifier dropout (aten::dropout_) and one
    // aten::mul of ViT's input processing.
    const warned = Object.fromEntries(
      Object.entries(ref.fvcore.unsupported ?? {})
        .filter(([k]) => k !== 'aten::dropout_' && !(name === 'vit_b_16' && k === 'aten::mul'))
        .map(([k, v]) => [k.replace(/_$/, ''), v]),
    );
    expect(Object.fromEntries(fv.counterUnsupported.map((u) => [u.name, u.count]))).toEqual(warned);
  });
});

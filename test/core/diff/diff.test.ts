import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, type ModelSpec } from '../../../src/core';
import { diffDesigns, LAYER_FIGURES } from '../../../src/core/diff';
import { moduleKey } from '../../../src/core/diff/align';
import { importOnnx } from '../../../src/core/onnx';

const zoo = (name: string) => getZooModel(name) as ModelSpec;
const withLayers = (m: ModelSpec, layers: ModelSpec['layers']): ModelSpec => ({ ...m, layers });

describe('diffDesigns', () => {
  it('a design against itself: every layer the same, every delta 0', () => {
    const d = diffDesigns(zoo('resnet50'), zoo('resnet50'));
    expect(d.counts).toEqual({
      same: analyzeModel(zoo('resnet50')).layers.length,
      changed: 0,
      added: 0,
      removed: 0,
    });
    expect(d.totals.every((t) => t.delta === 0)).toBe(true);
  });

  it('ResNet-18 → ResNet-34: the extra blocks are added, paired layers keep their ids, totals are the analyses’ difference', () => {
    const [a, b] = [zoo('resnet18'), zoo('resnet34')];
    const d = diffDesigns(a, b);
    const [xa, xb] = [analyzeModel(a), analyzeModel(b)];
    expect(d.counts.removed).toBe(0);
    expect(d.counts.added).toBe(xb.layers.length - xa.layers.length);
    expect(d.rows.filter((r) => r.a && r.b).every((r) => r.pairedBy === 'id' && r.a!.id === r.b!.id)).toBe(
      true,
    );
    expect(d.rows.find((r) => r.b?.id === 'layer1.2.conv1')?.status).toBe('added');
    const total = Object.fromEntries(d.totals.map((t) => [t.key, t]));
    expect(total.params).toEqual({
      key: 'params',
      a: xa.totals.params,
      b: xb.totals.params,
      delta: xb.totals.params - xa.totals.params,
    });
    expect(total.layers.delta).toBe(xb.layers.length - xa.layers.length);
    // Every figure's deltas over the rows add up to the total's delta.
    for (const key of ['params', 'macs', 'flops'] as const) {
      const sum = d.rows.reduce((s, r) => s + r.figures.find((f) => f.key === key)!.delta, 0);
      expect(sum, key).toBe(total[key].delta);
    }
  });

  it('one changed kernel: the attribute, the layer’s figures and the shapes downstream', () => {
    const a = zoo('vgg11');
    const layers = a.layers.map((l) => (l.id === 'features.0' ? { ...l, kernel: 5, padding: 1 } : l));
    const d = diffDesigns(a, withLayers(a, layers));
    const row = d.rows.find((r) => r.a?.id === 'features.0')!;
    expect(row.status).toBe('changed');
    expect(row.attrs).toEqual([{ key: 'kernel', a: 3, b: 5 }]);
    expect(row.shapeChanged).toBe(true);
    expect(row.a!.outputShape).toEqual([64, 224, 224]);
    expect(row.b!.outputShape).toEqual([64, 222, 222]);
    const macs = row.figures.find((f) => f.key === 'macs')!;
    expect(macs.delta).toBe(macs.b - macs.a);
    expect(macs.b).toBe(analyzeModel(withLayers(a, layers)).layers[0].macs);
    expect(d.counts.added + d.counts.removed).toBe(0);
  });

  it('an inserted layer with a new id is one added row; the rest stay paired by id', () => {
    const a = zoo('lenet5');
    const at = 2;
    const b = withLayers(a, [
      ...a.layers.slice(0, at),
      { id: 'extra_bn', op: 'batchnorm' },
      ...a.layers.slice(at),
    ]);
    const d = diffDesigns(a, b);
    expect(d.counts.added).toBe(1);
    expect(d.rows.filter((r) => r.status === 'added').map((r) => r.b!.id)).toEqual(['extra_bn']);
    expect(d.counts.removed).toBe(0);
  });

  it('an ONNX export of the design pairs by module path: only the pooling PyTorch exported differently differs', () => {
    const a = zoo('resnet18');
    const imported = importOnnx(new Uint8Array(readFileSync('test/fixtures/onnx/resnet18_bn.onnx'))).model;
    const d = diffDesigns(a, imported);
    expect(d.counts).toMatchObject({ added: 0, removed: 0, changed: 1 });
    // Modules pair by path; functional ops PyTorch names without a module (Add, Flatten) by position.
    const byPosition = d.rows.filter((r) => r.pairedBy === 'position').map((r) => r.a!.op);
    expect(new Set(byPosition)).toEqual(new Set(['add', 'flatten']));
    expect(d.rows.filter((r) => r.pairedBy === 'name').length).toBe(d.rows.length - byPosition.length);
    const changed = d.rows.find((r) => r.status === 'changed')!;
    expect([changed.a!.id, changed.b!.id]).toEqual(['avgpool', '/avgpool/GlobalAveragePool']);
    expect(changed.attrs[0]).toEqual({ key: 'op', a: 'adaptive_avgpool2d', b: 'global_avgpool' });
    const params = d.totals.find((t) => t.key === 'params')!;
    expect(params.delta).toBe(analyzeModel(imported).totals.params - analyzeModel(a).totals.params);
  });

  it('renaming every layer and inserting one: still a single added row', () => {
    const a = zoo('vgg11');
    const renamed = a.layers.map((l, i) => ({
      ...l,
      id: `n${i}`,
      ...(l.inputs ? { inputs: l.inputs } : {}),
    }));
    const b = withLayers(a, [...renamed.slice(0, 4), { id: 'new', op: 'identity' }, ...renamed.slice(4)]);
    const d = diffDesigns(a, b);
    expect(d.counts).toMatchObject({ added: 1, removed: 0, changed: 0 });
    expect(d.rows.every((r) => r.status === 'added' || r.pairedBy === 'position')).toBe(true);
    // The added row sits where it was inserted.
    expect(d.rows.map((r) => r.b?.id)[4]).toBe('new');
    expect(LAYER_FIGURES).toContain('macs');
  });
});

describe('VGG-11 → VGG-16', () => {
  it('ids that name other ops do not pair: the five extra conv + ReLU pairs are added, the rest the same', () => {
    const d = diffDesigns(zoo('vgg11'), zoo('vgg16'));
    expect(d.counts).toMatchObject({ changed: 0, removed: 0, added: 10 });
    const added = d.rows.filter((r) => r.status === 'added').map((r) => r.b!.op);
    expect(added).toEqual(Array.from({ length: 5 }, () => ['conv2d', 'relu']).flat());
  });
});

describe('moduleKey', () => {
  it.each([
    ['/layer2/layer2.0/downsample/downsample.0/Conv', 'layer2.0.downsample.0'],
    ['/layer1/layer1.0/relu_1/Relu', 'layer1.0.relu_1'],
    ['layer1.0.relu#1', 'layer1.0.relu_1'],
    ['/conv1/Conv', 'conv1'],
    ['features.0', 'features.0'],
  ])('%s → %s', (id, key) => expect(moduleKey(id)).toBe(key));
});

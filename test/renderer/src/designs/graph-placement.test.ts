import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, listZoo, type ModelSpec } from '../../../../src/core';
import {
  labelGraph,
  layoutGraph,
  NODE_HEIGHT,
  NODE_WIDTH,
  placeGraph,
  structureKey,
  type GraphLayout,
} from '../../../../src/renderer/src/designs/graph';

/** Residual blocks; with `cross`, each add also reads the block before last (not series-parallel). */
function residual(blocks: number, cross: boolean): ModelSpec {
  const layers: ModelSpec['layers'] = [{ id: 'stem', op: 'conv2d', out_channels: 8, kernel: 3, padding: 1 }];
  const outs = ['stem'];
  for (let b = 0; b < blocks; b++) {
    const last = outs[outs.length - 1]!;
    layers.push(
      { id: `b${b}c1`, op: 'conv2d', out_channels: 8, kernel: 3, padding: 1, inputs: [last] },
      { id: `b${b}r1`, op: 'relu' },
      { id: `b${b}c2`, op: 'conv2d', out_channels: 8, kernel: 3, padding: 1 },
      {
        id: `b${b}add`,
        op: 'add',
        inputs: [`b${b}c2`, last, ...(cross && b >= 2 ? [outs[outs.length - 2]!] : [])],
      },
      { id: `b${b}r2`, op: 'relu' },
    );
    outs.push(`b${b}r2`);
  }
  return { format: 'convscope-model', version: 1, name: 'residual', input: [8, 16, 16], layers };
}

/** Every box placed, none overlapping; every input an edge from the source's bottom to the target's top. */
function wellDrawn(model: ModelSpec, g: GraphLayout): void {
  const a = analyzeModel(model);
  const n = g.nodes;
  expect(n).toHaveLength(a.layers.length + 1);
  for (let i = 0; i < n.length; i++) {
    expect(Number.isFinite(n[i]!.x) && Number.isFinite(n[i]!.y), n[i]!.id).toBe(true);
    expect(n[i]!.x - NODE_WIDTH / 2).toBeGreaterThanOrEqual(0);
    expect(n[i]!.x + NODE_WIDTH / 2).toBeLessThanOrEqual(g.width);
    expect(n[i]!.y + NODE_HEIGHT / 2).toBeLessThanOrEqual(g.height);
    for (let j = i + 1; j < n.length; j++)
      expect(
        Math.abs(n[i]!.x - n[j]!.x) >= NODE_WIDTH || Math.abs(n[i]!.y - n[j]!.y) >= NODE_HEIGHT,
        `${model.name}: ${n[i]!.id} / ${n[j]!.id}`,
      ).toBe(true);
  }
  const at = new Map(n.map((x) => [x.id, x]));
  const want = a.layers.flatMap((l) => [...new Set(l.inputs)].map((u) => `${u}>${l.id}`)).sort();
  expect(g.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(want);
  for (const e of g.edges) {
    const s = at.get(e.source)!;
    const t = at.get(e.target)!;
    const first = e.points[0]!;
    const last = e.points[e.points.length - 1]!;
    expect([first.x, first.y]).toEqual([s.x, s.y + NODE_HEIGHT / 2]);
    expect([last.x, last.y]).toEqual([t.x, t.y - NODE_HEIGHT / 2]);
    expect(last.y, `${e.source}>${e.target}`).toBeGreaterThan(first.y);
  }
}

describe('graph placement: blocks by hand, dagre for the rest', () => {
  it('every zoo network and long designs are drawn whole, without overlaps, edges from bottom to top', () => {
    const models = [
      ...listZoo().map((z) => getZooModel(z.name)!),
      residual(100, false),
      { ...residual(30, true), name: 'cross-linked' },
    ];
    for (const m of models) wellDrawn(m, layoutGraph(analyzeModel(m)));
    expect(models.length).toBeGreaterThanOrEqual(20);
  });

  it('ResNet-152 is one column of blocks: input and output on one axis, a downsample beside the main path', () => {
    const a = analyzeModel(getZooModel('resnet152')!);
    const g = layoutGraph(a);
    const xs = new Set(g.nodes.map((n) => n.x));
    expect(xs.size).toBeLessThanOrEqual(3);
    expect(g.width).toBeLessThan(3 * NODE_WIDTH);
    const at = (id: string) => g.nodes.find((n) => n.id === id)!;
    expect(at('input').x).toBe(at('fc').x);
    expect(at('layer1.0.downsample.0').x).toBeGreaterThan(at('layer1.0.conv1').x);
  });

  it('an edit that keeps the structure keeps the placement; the labels follow the edit', () => {
    const m = getZooModel('resnet50')!;
    const a = analyzeModel(m);
    const wider = analyzeModel({
      ...m,
      layers: m.layers.map((l) => (l.id === 'conv1' ? { ...l, out_channels: 32 } : l)) as ModelSpec['layers'],
    });
    expect(structureKey(wider)).toBe(structureKey(a));
    const moved = analyzeModel({
      ...m,
      layers: m.layers.filter((l) => l.id !== 'relu') as ModelSpec['layers'],
    });
    expect(structureKey(moved)).not.toBe(structureKey(a));
    const relabelled = labelGraph(placeGraph(a), wider);
    const fresh = layoutGraph(wider);
    expect(relabelled).toEqual(fresh);
    expect(relabelled.nodes.find((n) => n.id === 'conv1')!.shape).toBe('32×112×112');
  });
});

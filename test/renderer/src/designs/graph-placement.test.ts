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
import { denseNet, exchange, fpn, residualChain } from '../../../helpers/graph-designs';

interface Point {
  x: number;
  y: number;
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

/** Whether the segment from `a` to `b` passes through the inside of the box centred at `c` (Liang–Barsky). */
function crossesBox(a: Point, b: Point, c: Point): boolean {
  const [x0, x1] = [c.x - NODE_WIDTH / 2 + 1, c.x + NODE_WIDTH / 2 - 1];
  const [y0, y1] = [c.y - NODE_HEIGHT / 2 + 1, c.y + NODE_HEIGHT / 2 - 1];
  let lo = 0;
  let hi = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - x0],
    [dx, x1 - a.x],
    [-dy, a.y - y0],
    [dy, y1 - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else if (p < 0) lo = Math.max(lo, q / p);
    else hi = Math.min(hi, q / p);
  }
  return lo < hi;
}

/** No edge of a hand-placed drawing (straight legs between its points) runs across a box. */
function edgesClearOfBoxes(g: GraphLayout): void {
  const at = new Map(g.nodes.map((n) => [n.id, n]));
  // Boxes by row, so each leg is checked against the boxes at its heights only.
  const rows = [...g.nodes].sort((p, q) => p.y - q.y);
  for (const e of g.edges)
    for (let i = 1; i < e.points.length; i++) {
      const a = e.points[i - 1]!;
      const b = e.points[i]!;
      const [top, bottom] = [Math.min(a.y, b.y) - NODE_HEIGHT, Math.max(a.y, b.y) + NODE_HEIGHT];
      for (const n of rows) {
        if (n.y < top || n.y > bottom || n === at.get(e.source) || n === at.get(e.target)) continue;
        expect(crossesBox(a, b, n), `${e.source}>${e.target} crosses ${n.id}`).toBe(false);
      }
    }
}

describe('graph placement: blocks by hand, dagre for the rest', () => {
  it('every zoo network and long designs are drawn whole, without overlaps, edges from bottom to top', () => {
    const models = [
      ...listZoo().map((z) => getZooModel(z.name)!),
      residualChain(100),
      residualChain(30, true),
      denseNet(),
      denseNet([3, 4], 8, 32),
    ];
    for (const m of models) {
      const g = layoutGraph(analyzeModel(m));
      wellDrawn(m, g);
      edgesClearOfBoxes(g);
    }
    expect(models.length).toBeGreaterThanOrEqual(20);
  });

  it('what does not fold (a feature pyramid, streams that exchange) goes to dagre, still without overlaps', () => {
    for (const m of [fpn(), exchange(12)]) wellDrawn(m, layoutGraph(analyzeModel(m)));
  });

  it("a dense block is one column; each layer's reads further down run in one lane on its right", () => {
    const m = denseNet([4, 6], 8, 32);
    const g = layoutGraph(analyzeModel(m));
    const at = (id: string) => g.nodes.find((n) => n.id === id)!;
    expect(new Set(g.nodes.map((n) => n.x)).size).toBe(1);
    const axis = at('input').x;
    // The block's input is read by all 4 layers and the block's concat: 3 of those reads skip a layer.
    const block1 = 'features.denseblock1';
    const reads = g.edges.filter((e) => e.source === 'features.pool0');
    expect(reads.map((e) => e.target).sort()).toEqual(
      [
        `${block1}.denselayer1.norm1`,
        ...[2, 3, 4].map((i) => `${block1}.denselayer${i}.cat`),
        `${block1}.cat`,
      ].sort(),
    );
    const lanes = reads.filter((e) => e.points.length > 2).map((e) => Math.max(...e.points.map((p) => p.x)));
    expect(lanes).toHaveLength(4);
    expect(new Set(lanes).size).toBe(1);
    expect(lanes[0]!).toBeGreaterThan(axis + NODE_WIDTH / 2);
    // Lanes of different layers whose reads overlap in height do not share an x.
    const second = g.edges.find(
      (e) => e.source === `${block1}.denselayer1.conv2` && e.target === `${block1}.denselayer3.cat`,
    )!;
    expect(Math.max(...second.points.map((p) => p.x))).not.toBe(lanes[0]);
    expect(g.width).toBeLessThan(NODE_WIDTH + 2 * 40 + 6 * 10 + 32);
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

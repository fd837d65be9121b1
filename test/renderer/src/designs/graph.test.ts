import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, type ModelSpec } from '../../../../src/core';
import {
  costFill,
  edgePath,
  fitView,
  graphInput,
  layoutGraph,
  NODE_HEIGHT,
  NODE_WIDTH,
  zoomAt,
  type GraphLayout,
} from '../../../../src/renderer/src/designs/graph';

const chain: ModelSpec = {
  format: 'convscope-model',
  version: 1,
  name: 'chain',
  input: [3, 8, 8],
  layers: [
    { id: 'conv1', op: 'conv2d', out_channels: 4, kernel: 3 },
    { id: 'relu1', op: 'relu' },
    { id: 'conv2', op: 'conv2d', out_channels: 8, kernel: 3 },
  ],
};

function overlapping(layout: GraphLayout): string[] {
  const found: string[] = [];
  const n = layout.nodes;
  for (let i = 0; i < n.length; i++)
    for (let j = i + 1; j < n.length; j++)
      if (Math.abs(n[i]!.x - n[j]!.x) < NODE_WIDTH && Math.abs(n[i]!.y - n[j]!.y) < NODE_HEIGHT)
        found.push(`${n[i]!.id}/${n[j]!.id}`);
  return found;
}
const incoming = (l: GraphLayout, id: string) => l.edges.filter((e) => e.target === id);
const node = (l: GraphLayout, id: string) => l.nodes.find((n) => n.id === id)!;

describe('layoutGraph (dagre)', () => {
  it('a chain is one column, top to bottom, with op, output shape and MACs', () => {
    const a = analyzeModel(chain);
    const g = layoutGraph(a);
    expect(g.branching).toBe(false);
    expect(g.nodes.map((n) => n.id)).toEqual(['input', 'conv1', 'relu1', 'conv2']);
    expect(new Set(g.nodes.map((n) => n.x)).size).toBe(1);
    const ys = g.nodes.map((n) => n.y);
    expect([...ys].sort((p, q) => p - q)).toEqual(ys);
    expect(node(g, 'input').shape).toBe('3×8×8');
    expect(node(g, 'conv2').shape).toBe(a.layers[2]!.outputShape.join('×'));
    expect(node(g, 'conv1').macs).toBe(a.layers[0]!.macs);
    expect(node(g, 'relu1').macs).toBe(0);
    expect(g.width).toBeGreaterThanOrEqual(NODE_WIDTH);
    expect(g.height).toBeGreaterThan(3 * NODE_HEIGHT);
  });

  it('ResNet-18: every add merges two edges, branches stand side by side, no boxes overlap', () => {
    const a = analyzeModel(getZooModel('resnet18')!);
    const g = layoutGraph(a);
    expect(g.branching).toBe(true);
    expect(g.nodes).toHaveLength(a.layers.length + 1);
    expect(g.edges).toHaveLength(a.layers.reduce((s, l) => s + l.inputs.length, 0));
    const adds = a.layers.filter((l) => l.op === 'add');
    expect(adds.length).toBe(8);
    for (const add of adds) {
      const into = incoming(g, add.id);
      expect(into.map((e) => e.source).sort()).toEqual([...add.inputs].sort());
      // The merge sits below both of its inputs.
      for (const e of into) expect(node(g, e.source).y).toBeLessThan(node(g, add.id).y);
    }
    // A downsampling block: its 1×1 shortcut conv stands in a column beside the main path's.
    const down = a.layers.find((l) => l.id.includes('downsample') && l.op === 'conv2d')!;
    const mainConv = a.layers.find((l) => l.op === 'conv2d' && l.inputs[0] === down.inputs[0] && l !== down)!;
    expect(Math.abs(node(g, down.id).x - node(g, mainConv.id).x)).toBeGreaterThanOrEqual(NODE_WIDTH);
    expect(overlapping(g)).toEqual([]);
    // Each edge is routed from its source box to its target box.
    for (const e of g.edges) {
      const [first, last] = [e.points[0]!, e.points.at(-1)!];
      expect(Math.abs(first.y - node(g, e.source).y)).toBeLessThanOrEqual(NODE_HEIGHT / 2 + 1);
      expect(Math.abs(last.y - node(g, e.target).y)).toBeLessThanOrEqual(NODE_HEIGHT / 2 + 1);
    }
  });

  it('GoogLeNet: the four branches of an Inception block stand side by side into their concat', () => {
    const a = analyzeModel(getZooModel('googlenet')!);
    const g = layoutGraph(a);
    const concat = a.layers.find((l) => l.op === 'concat')!;
    expect(concat.inputs).toHaveLength(4);
    expect(incoming(g, concat.id)).toHaveLength(4);
    const xs = concat.inputs.map((id) => node(g, id).x).sort((p, q) => p - q);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(NODE_WIDTH);
    expect(overlapping(g)).toEqual([]);
  });

  it('cost: the costliest layer is 1, a layer without MACs 0, and cost rises with MACs', () => {
    const g = layoutGraph(analyzeModel(getZooModel('resnet18')!));
    const costly = g.nodes.filter((n) => n.macs > 0);
    expect(Math.max(...costly.map((n) => n.cost))).toBe(1);
    expect(g.nodes.filter((n) => n.macs === 0).every((n) => n.cost === 0)).toBe(true);
    const sorted = [...costly].sort((p, q) => p.macs - q.macs);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.cost).toBeGreaterThanOrEqual(sorted[i - 1]!.cost);
    expect(costFill(0, false)).not.toBe(costFill(0.5, false));
    expect(costFill(0.5, true)).not.toBe(costFill(1, true));
  });

  it('graphInput keeps only plain data, and lays out the same', () => {
    const a = analyzeModel(chain);
    const input = graphInput(a);
    expect(JSON.parse(JSON.stringify(input))).toEqual(input);
    expect(layoutGraph(input)).toEqual(layoutGraph(a));
  });
});

describe('graph view', () => {
  it('fits at one scale for both axes, never enlarges, and centres', () => {
    const v = fitView({ width: 400, height: 200 }, 800, 800);
    expect(v.scale).toBe(1);
    expect([v.tx, v.ty]).toEqual([200, 300]);
    const tall = fitView({ width: 400, height: 4000 }, 800, 400);
    expect(tall.scale).toBeCloseTo(0.1);
    expect(tall.tx).toBeCloseTo((800 - 40) / 2);
  });

  it('a drawing too deep to fit at the least scale starts at its top, at that scale', () => {
    const v = fitView({ width: 400, height: 4000 }, 800, 400, 0.8);
    expect(v).toEqual({ scale: 0.8, tx: (800 - 320) / 2, ty: 0 });
  });

  it('zooming keeps the point under the cursor in place and stays within its bounds', () => {
    const v = { scale: 0.5, tx: 10, ty: 20 };
    const z = zoomAt(v, 2, 300, 100);
    expect(z.scale).toBe(1);
    // Layout point under (300, 100) before: ((300-10)/0.5, (100-20)/0.5) = (580, 160).
    expect([580 * z.scale + z.tx, 160 * z.scale + z.ty]).toEqual([300, 100]);
    expect(zoomAt(v, 1000, 0, 0).scale).toBe(4);
    expect(zoomAt(v, 0, 0, 0).scale).toBe(0.02);
  });

  it('edge paths start at the first point and end at the last', () => {
    const d = edgePath([
      { x: 0, y: 0 },
      { x: 10, y: 20 },
      { x: 30, y: 40 },
    ]);
    expect(d.startsWith('M0,0')).toBe(true);
    expect(d.endsWith('30,40')).toBe(true);
    expect(
      edgePath([
        { x: 1, y: 2 },
        { x: 3, y: 4 },
      ]),
    ).toBe('M1,2L3,4');
    expect(edgePath([])).toBe('');
  });
});

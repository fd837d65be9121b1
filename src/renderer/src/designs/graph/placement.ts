import { layout as dagreLayout, graphlib } from '@dagrejs/dagre';
import {
  foldBlocks,
  GAP,
  NODE_HEIGHT,
  NODE_SEP,
  NODE_WIDTH,
  runBlock,
  type PlacedEdge,
  type Sink,
} from './blocks';
import { sweepOrder } from './order';

export { NODE_HEIGHT, NODE_WIDTH, type PlacedEdge } from './blocks';
const MARGIN = 16;

/** What the placement reads: the layers' ids and the ids they read ("input" is the model input). */
export interface GraphStructure {
  layers: readonly { id: string; inputs: readonly string[] }[];
}

/** Where each box goes (its centre) and how each edge runs: what depends on the structure only. */
export interface GraphPlacement {
  /** "input" first, then the layers in order. */
  ids: string[];
  x: number[];
  y: number[];
  edges: PlacedEdge[];
  /** Size of the drawing (layout pixels, margins included). */
  width: number;
  height: number;
  /** True when some layer reads more than one input or feeds more than one layer. */
  branching: boolean;
}

/** One string per structure: equal keys, equal placements (shapes and MACs do not move a box). */
export function structureKey(s: GraphStructure): string {
  return s.layers.map((l) => `${l.id}<${l.inputs.join(',')}`).join('|');
}

/**
 * The layered drawing, top to bottom. A run of layers that each read only the previous one, which
 * feeds only it (conv → bn → relu), is one column; a block that splits and merges again (a residual
 * block, an Inception module) has its branches side by side and its shortcut in a lane on the right;
 * a chain whose layers are also read further down (a dense block) is one column with those reads in
 * lanes on the right. These are laid out by hand (./blocks.ts), which folds every zoo network, a
 * DenseNet and residual blocks read across blocks into one block. Whatever does not fold (branches
 * that read each other, as in a feature pyramid) is laid out by dagre with each folded block as one
 * box (the order within ranks from ./order.ts), and its edges are routed by dagre around the boxes.
 */
export function placeGraph(s: GraphStructure): GraphPlacement {
  const ids = ['input', ...s.layers.map((l) => l.id)];
  const preds = new Map<string, string[]>([['input', []]]);
  const succs = new Map<string, string[]>(ids.map((id) => [id, []]));
  let branching = false;
  for (const l of s.layers) {
    const inputs = [...new Set(l.inputs)];
    preds.set(l.id, inputs);
    if (inputs.length > 1) branching = true;
    for (const u of inputs) {
      const out = succs.get(u);
      if (!out) throw new Error(`layer "${l.id}" reads "${u}", which is not an earlier layer`);
      out.push(l.id);
      if (out.length > 1) branching = true;
    }
  }
  // Runs: a layer joins its input's run when it reads only that input and is its only reader.
  const runOf = new Map<string, number>();
  const runs: string[][] = [];
  for (const id of ids) {
    const p = preds.get(id)!;
    if (p.length === 1 && succs.get(p[0]!)!.length === 1) {
      const r = runOf.get(p[0]!)!;
      runs[r]!.push(id);
      runOf.set(id, r);
    } else {
      runOf.set(id, runs.length);
      runs.push([id]);
    }
  }
  const blockOfRun = runs.map((run) => runBlock(run));
  const runSuccs = runs.map((run) => new Set(succs.get(run[run.length - 1]!)!.map((v) => runOf.get(v)!)));
  const folded = foldBlocks(blockOfRun, runSuccs);
  const sink: Sink = { x: new Map(), y: new Map(), edges: [] };
  let width: number;
  let height: number;
  if (folded.blocks.length === 1) {
    const b = folded.blocks[0]!;
    b.place(sink, MARGIN + b.left, MARGIN);
    width = b.left + b.right + 2 * MARGIN;
    height = b.height + 2 * MARGIN;
  } else {
    const g = new graphlib.Graph();
    g.setGraph({
      rankdir: 'TB',
      nodesep: NODE_SEP,
      ranksep: GAP,
      edgesep: 12,
      marginx: MARGIN,
      marginy: MARGIN,
    });
    g.setDefaultEdgeLabel(() => ({}));
    folded.blocks.forEach((b, i) => g.setNode(String(i), { width: b.left + b.right, height: b.height }));
    folded.succs.forEach((out, i) => out.forEach((j) => g.setEdge(String(i), String(j))));
    // dagre's own crossing reduction builds a graph per rank for every sweep (most of its time on a
    // deep skeleton): the order within ranks comes from plain barycentre sweeps instead (./order.ts).
    dagreLayout(g, { customOrder: (graph) => sweepOrder(graph) });
    folded.blocks.forEach((b, i) => {
      const box = g.node(String(i));
      b.place(sink, box.x - (b.left + b.right) / 2 + b.left, box.y - b.height / 2);
    });
    const bottom = (id: string) => ({ x: sink.x.get(id)!, y: sink.y.get(id)! + NODE_HEIGHT / 2 });
    const top = (id: string) => ({ x: sink.x.get(id)!, y: sink.y.get(id)! - NODE_HEIGHT / 2 });
    folded.succs.forEach((out, i) =>
      out.forEach((j) => {
        const u = folded.blocks[i]!.exit;
        const v = folded.blocks[j]!.entry;
        const routed = (g.edge(String(i), String(j)) as { points?: { x: number; y: number }[] }).points;
        // dagre's ends meet the blocks' outlines anywhere: they are moved to the exit's and entry's boxes.
        const inner = (routed ?? []).slice(1, -1).map((p) => ({ x: p.x, y: p.y }));
        sink.edges.push({ source: u, target: v, points: [bottom(u), ...inner, top(v)] });
      }),
    );
    const info = g.graph();
    width = info.width ?? NODE_WIDTH + 2 * MARGIN;
    height = info.height ?? NODE_HEIGHT + 2 * MARGIN;
  }
  return {
    ids,
    x: ids.map((id) => sink.x.get(id)!),
    y: ids.map((id) => sink.y.get(id)!),
    edges: sink.edges,
    width,
    height,
    branching,
  };
}

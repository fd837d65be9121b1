import { layout as dagreLayout, graphlib } from '@dagrejs/dagre';
import { formatShape } from '../../../core/format';

/** Box of one layer in layout pixels: the drawing uses these at a 1:1 scale, so boxes keep their shape. */
export const NODE_WIDTH = 148;
export const NODE_HEIGHT = 38;

export interface GraphNode {
  id: string;
  op: string;
  /** Output shape, e.g. "64×56×56". */
  shape: string;
  macs: number;
  /** 0 (no MACs) … 1 (the costliest layer), on a log scale so that cheap layers still differ. */
  cost: number;
  /** Centre of the box. */
  x: number;
  y: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** The routed line from the source box's edge to the target box's edge. */
  points: { x: number; y: number }[];
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Size of the laid-out drawing (layout pixels, margins included). */
  width: number;
  height: number;
  /** True when some layer reads more than one input or feeds more than one layer. */
  branching: boolean;
}

const MARGIN = 16;

/** What the layout needs of an analysis (an analysis is one); plain data, so it can go to a worker. */
export interface GraphInput {
  input: readonly number[];
  layers: {
    id: string;
    op: string;
    inputs: readonly string[];
    outputShape: readonly number[];
    macs: number;
  }[];
}

/** The plain-data part of an analysis that the layout reads. */
export function graphInput(analysis: GraphInput): GraphInput {
  return {
    input: [...analysis.input],
    layers: analysis.layers.map((l) => ({
      id: l.id,
      op: l.op,
      inputs: [...l.inputs],
      outputShape: [...l.outputShape],
      macs: l.macs,
    })),
  };
}

/**
 * The design as a layered graph, top to bottom, laid out by dagre: parallel branches stand side by
 * side, a merge (add, concat) is one box with an edge from each input, and each edge is routed around
 * the boxes it passes.
 */
export function layoutGraph(analysis: GraphInput): GraphLayout {
  const g = new graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 22, ranksep: 26, edgesep: 12, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  const maxMacs = Math.max(0, ...analysis.layers.map((l) => l.macs));
  const scale = Math.log10(maxMacs + 1);
  const nodes: GraphNode[] = [
    {
      id: 'input',
      op: 'input',
      shape: formatShape(analysis.input),
      macs: 0,
      cost: 0,
      x: 0,
      y: 0,
    },
  ];
  for (const layer of analysis.layers)
    nodes.push({
      id: layer.id,
      op: layer.op,
      shape: formatShape(layer.outputShape),
      macs: layer.macs,
      cost: layer.macs > 0 && scale > 0 ? Math.log10(layer.macs + 1) / scale : 0,
      x: 0,
      y: 0,
    });
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const fanOut = new Map<string, number>();
  let branching = false;
  for (const layer of analysis.layers) {
    if (layer.inputs.length > 1) branching = true;
    for (const source of layer.inputs) {
      g.setEdge(source, layer.id);
      const n = (fanOut.get(source) ?? 0) + 1;
      fanOut.set(source, n);
      if (n > 1) branching = true;
    }
  }
  dagreLayout(g);
  for (const n of nodes) {
    const placed = g.node(n.id);
    n.x = placed.x;
    n.y = placed.y;
  }
  const edges: GraphEdge[] = g.edges().map((e) => ({
    source: e.v,
    target: e.w,
    points: ((g.edge(e) as { points?: { x: number; y: number }[] }).points ?? []).map((p) => ({
      x: p.x,
      y: p.y,
    })),
  }));
  const info = g.graph();
  return {
    nodes,
    edges,
    width: info.width ?? NODE_WIDTH + 2 * MARGIN,
    height: info.height ?? NODE_HEIGHT + 2 * MARGIN,
    branching,
  };
}

/** The view that shows the whole drawing inside a box of `boxWidth × boxHeight` pixels, centred. */
export interface GraphView {
  /** Pixels per layout pixel, the same along x and y. */
  scale: number;
  /** Translation applied after scaling (box pixels). */
  tx: number;
  ty: number;
}

/**
 * Fits the drawing into the box at one scale for both axes (never above 1: boxes are never blown up).
 * When the whole drawing would be smaller than `minScale`, it is shown at `minScale` from its top
 * instead, centred across: a deep network starts readable at its input, and the fit button shows all.
 */
export function fitView(
  layout: Pick<GraphLayout, 'width' | 'height'>,
  boxWidth: number,
  boxHeight: number,
  minScale = 0,
): GraphView {
  const fit = Math.min(1, boxWidth / layout.width, boxHeight / layout.height);
  const scale = Math.max(fit, Math.min(1, minScale));
  const tx = (boxWidth - layout.width * scale) / 2;
  const ty = fit >= scale ? (boxHeight - layout.height * scale) / 2 : 0;
  return { scale, tx, ty };
}

/** Zooms by `factor` about the box point (px, py), keeping that point fixed; the scale stays in [min, max]. */
export function zoomAt(
  view: GraphView,
  factor: number,
  px: number,
  py: number,
  min = 0.02,
  max = 4,
): GraphView {
  const scale = Math.min(max, Math.max(min, view.scale * factor));
  const k = scale / view.scale;
  return { scale, tx: px - (px - view.tx) * k, ty: py - (py - view.ty) * k };
}

/** An SVG path through the routed points: straight first and last legs, smooth bends between. */
export function edgePath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const f = (v: number) => Math.round(v * 10) / 10;
  let d = `M${f(points[0]!.x)},${f(points[0]!.y)}`;
  if (points.length === 2) return `${d}L${f(points[1]!.x)},${f(points[1]!.y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const next = points[i + 1]!;
    const mx = i === points.length - 2 ? next.x : (p.x + next.x) / 2;
    const my = i === points.length - 2 ? next.y : (p.y + next.y) / 2;
    d += `Q${f(p.x)},${f(p.y)} ${f(mx)},${f(my)}`;
  }
  return d;
}

/**
 * Fill of a box by cost: a pale neutral for layers without MACs, then from a light to a deep amber
 * as the cost rises (lighter shades on a dark background reversed so that text stays readable).
 */
export function costFill(cost: number, dark: boolean): string {
  if (cost <= 0) return dark ? '#2c2c32' : '#f1f2f4';
  const t = Math.min(1, Math.max(0, cost));
  // Hue 45 (amber) → 10 (red-orange), lightness light → stronger.
  const hue = Math.round(48 - 38 * t);
  const light = dark ? Math.round(26 + 16 * t) : Math.round(90 - 30 * t);
  const sat = dark ? 55 : 85;
  return `hsl(${hue}, ${sat}%, ${light}%)`;
}

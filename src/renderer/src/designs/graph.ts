import { formatShape } from '../../../core/format';
import { placeGraph, type GraphPlacement } from './graph/placement';

export { NODE_HEIGHT, NODE_WIDTH, placeGraph, structureKey, type GraphPlacement } from './graph/placement';

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
 * The boxes of `analysis` (op, output shape, MACs, colour by cost) at the places of `placement`, which
 * must be the placement of the same structure ({@link structureKey}): an edit that changes only
 * shapes or MACs relabels the boxes without a new layout.
 */
export function labelGraph(placement: GraphPlacement, analysis: GraphInput): GraphLayout {
  const maxMacs = Math.max(0, ...analysis.layers.map((l) => l.macs));
  const scale = Math.log10(maxMacs + 1);
  const { ids, x, y } = placement;
  if (ids.length !== analysis.layers.length + 1) throw new Error('the placement is of another structure');
  const nodes: GraphNode[] = [
    { id: 'input', op: 'input', shape: formatShape(analysis.input), macs: 0, cost: 0, x: x[0]!, y: y[0]! },
  ];
  analysis.layers.forEach((layer, i) =>
    nodes.push({
      id: layer.id,
      op: layer.op,
      shape: formatShape(layer.outputShape),
      macs: layer.macs,
      cost: layer.macs > 0 && scale > 0 ? Math.log10(layer.macs + 1) / scale : 0,
      x: x[i + 1]!,
      y: y[i + 1]!,
    }),
  );
  return {
    nodes,
    edges: placement.edges,
    width: placement.width,
    height: placement.height,
    branching: placement.branching,
  };
}

/**
 * The design as a layered graph, top to bottom (see {@link placeGraph}): parallel branches stand side
 * by side, a merge (add, concat) is one box with an edge from each input, runs of single layers are
 * columns.
 */
export function layoutGraph(analysis: GraphInput): GraphLayout {
  return labelGraph(placeGraph(analysis), analysis);
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

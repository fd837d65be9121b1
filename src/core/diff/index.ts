/**
 * Two designs compared layer by layer (`convscope diff`, the Designs page's Compare tab): layers
 * paired by id, then by position (./align), each pair with the attributes that changed and the
 * figures of both analyses with B − A; totals likewise. Works for two designs, two versions of one,
 * or a design and an imported ONNX file (whose layer ids are its node names).
 */
import { analyzeModel } from '../analysis/analyze';
import { operatorOf } from '../analysis/ops';
import type { AnalysisOptions, LayerAnalysis, ModelAnalysis } from '../analysis/types';
import type { LayerSpec, ModelSpec, Shape } from '../model/types';
import { alignLayers, moduleKey } from './align';

/** The per-layer figures compared (numbers; `outputShape` is compared as a shape). */
export const LAYER_FIGURES = ['params', 'macs', 'flops', 'activationBytes', 'memoryAccessBytes'] as const;
export type LayerFigure = (typeof LAYER_FIGURES)[number];

/** The model-wide figures compared. */
export const TOTAL_FIGURES = [
  'layers',
  'params',
  'trainableParams',
  'macs',
  'flops',
  'activationBytes',
  'memoryAccessBytes',
] as const;
export type TotalFigure = (typeof TOTAL_FIGURES)[number];

export interface FigureDelta<K extends string> {
  key: K;
  a: number;
  b: number;
  /** b − a */
  delta: number;
}

export interface LayerSide {
  id: string;
  op: string;
  /** Position in its design's analysis (evaluation) order. */
  index: number;
  outputShape: Shape;
}

export interface DiffRow {
  /** same: paired, no attribute and no figure differs; changed: paired with a difference. */
  status: 'same' | 'changed' | 'added' | 'removed';
  /** How the pair was found: the same id, the same module path (align.ts moduleKey), or position. */
  pairedBy?: 'id' | 'name' | 'position';
  a?: LayerSide;
  b?: LayerSide;
  /** Attributes whose value differs (absent = the default, shown as null), `op` first when it differs. */
  attrs: { key: string; a: unknown; b: unknown }[];
  /** Each figure of both layers (for added/removed rows, the missing side counts 0). */
  figures: FigureDelta<LayerFigure>[];
  /** The output shapes differ. */
  shapeChanged: boolean;
}

export interface DesignDiff {
  a: { name: string; input: Shape };
  b: { name: string; input: Shape };
  rows: DiffRow[];
  totals: FigureDelta<TotalFigure>[];
  counts: Record<DiffRow['status'], number>;
}

const IGNORED_FIELDS = new Set(['id', 'inputs']);

/**
 * A field's value as compared: an absent field is its registry default when that is a value (stride
 * 1, bias true), else null; a pair of equal sides is the single value ([3, 3] is 3).
 */
function canonical(layer: LayerSpec, key: string): unknown {
  let v = (layer as unknown as Record<string, unknown>)[key];
  if (v === undefined) {
    const d = operatorOf(layer.op)?.fields.find((f) => f.key === key)?.default;
    v = typeof d === 'number' || typeof d === 'boolean' ? d : null;
  }
  return Array.isArray(v) && v.length === 2 && v[0] === v[1] ? v[0] : v;
}

/** The attributes that differ between two layers: the op, then every other field (see canonical). */
function changedAttrs(la: LayerSpec, lb: LayerSpec): DiffRow['attrs'] {
  const out: DiffRow['attrs'] = [];
  if (la.op !== lb.op) out.push({ key: 'op', a: la.op, b: lb.op });
  const keys = [...new Set([...Object.keys(la), ...Object.keys(lb)])].filter(
    (k) => k !== 'op' && !IGNORED_FIELDS.has(k),
  );
  for (const k of keys) {
    const va = canonical(la, k);
    const vb = canonical(lb, k);
    if (JSON.stringify(va) !== JSON.stringify(vb)) out.push({ key: k, a: va, b: vb });
  }
  return out;
}

const layerFigure = (l: LayerAnalysis | undefined, key: LayerFigure): number =>
  !l
    ? 0
    : key === 'params'
      ? l.params.total
      : key === 'activationBytes'
        ? l.activation.bytes
        : key === 'memoryAccessBytes'
          ? l.memoryAccess.totalBytes
          : l[key];

const totalFigure = (x: ModelAnalysis, key: TotalFigure): number =>
  key === 'layers' ? x.layers.length : x.totals[key];

const delta = <K extends string>(key: K, a: number, b: number): FigureDelta<K> => ({
  key,
  a,
  b,
  delta: b - a,
});

const side = (l: LayerAnalysis, index: number): LayerSide => ({
  id: l.id,
  op: l.op,
  index,
  outputShape: l.outputShape,
});

/**
 * Two analysed designs compared. Both must be valid (analyzeModel throws otherwise); `options` (the
 * convention, dtype…) apply to both.
 */
export function diffDesigns(a: ModelSpec, b: ModelSpec, options?: Partial<AnalysisOptions>): DesignDiff {
  const xa = analyzeModel(a, options);
  const xb = analyzeModel(b, options);
  const specA = new Map(a.layers.map((l) => [l.id, l]));
  const specB = new Map(b.layers.map((l) => [l.id, l]));
  const counts: DesignDiff['counts'] = { same: 0, changed: 0, added: 0, removed: 0 };
  const rows: DiffRow[] = alignLayers(xa.layers, xb.layers).map(([i, j]) => {
    const la = i >= 0 ? xa.layers[i] : undefined;
    const lb = j >= 0 ? xb.layers[j] : undefined;
    const figures = LAYER_FIGURES.map((k) => delta(k, layerFigure(la, k), layerFigure(lb, k)));
    let row: DiffRow;
    if (la && lb) {
      const attrs = changedAttrs(specA.get(la.id) as LayerSpec, specB.get(lb.id) as LayerSpec);
      const shapeChanged = la.outputShape.join() !== lb.outputShape.join();
      const moved = figures.some((f) => f.delta !== 0);
      row = {
        status: attrs.length || shapeChanged || moved ? 'changed' : 'same',
        pairedBy: la.id === lb.id ? 'id' : moduleKey(la.id) === moduleKey(lb.id) ? 'name' : 'position',
        a: side(la, i),
        b: side(lb, j),
        attrs,
        figures,
        shapeChanged,
      };
    } else if (la) row = { status: 'removed', a: side(la, i), attrs: [], figures, shapeChanged: true };
    else row = { status: 'added', b: side(lb as LayerAnalysis, j), attrs: [], figures, shapeChanged: true };
    counts[row.status]++;
    return row;
  });
  return {
    a: { name: a.name, input: a.input },
    b: { name: b.name, input: b.input },
    rows,
    totals: TOTAL_FIGURES.map((k) => delta(k, totalFigure(xa, k), totalFigure(xb, k))),
    counts,
  };
}

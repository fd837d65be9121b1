/**
 * Counting conventions (docs/conventions.md): which kinds of arithmetic a figure includes and in which
 * unit. Presets: "paper" (conv + FC MACs), "all" (every arithmetic operation, in FLOPs), and what
 * fvcore's `FlopCountAnalysis` and ptflops' `get_model_complexity_info` (pytorch backend) count, each
 * layer by its registry entry's rule.
 *
 *   MACs convention:  value = Σ MACs of the included product kinds
 *   FLOPs convention: value = 2 · Σ MACs + Σ included element ops (a bias add is 1 per output)
 */
import { COUNTING_CONVENTIONS, type CountingConvention } from '../../shared/conventions';
import type { ModelSpec } from '../model/types';
import { type CountedLayer, countLayers, sumOf } from './counting';
import { ruleLine, ruleText, type RuleText } from './ops/rule-notes';
import type { ArithmeticKind, ElementKind, ProductKind } from './ops/types';
import type { ModelAnalysis } from './types';

export type ConventionName = CountingConvention;
export const CONVENTION_NAMES: readonly ConventionName[] = COUNTING_CONVENTIONS;

export const PRODUCT_KINDS: readonly ProductKind[] = [
  'conv',
  'convTranspose',
  'linear',
  'matmul',
  'recurrent',
];
export const ELEMENT_KINDS: readonly ElementKind[] = [
  'bias',
  'norm',
  'activation',
  'pool',
  'elementwise',
  'softmax',
];

export interface Convention {
  name: ConventionName;
  unit: 'MACs' | 'FLOPs';
  /** The kinds of arithmetic the figure includes. */
  includes: readonly ArithmeticKind[];
  /** What the figure counts, in one line. */
  label: string;
  /** Where the rules come from. */
  source: string;
}

export const CONVENTIONS: Readonly<Record<ConventionName, Convention>> = {
  paper: {
    name: 'paper',
    unit: 'MACs',
    includes: PRODUCT_KINDS,
    label:
      'paper style: MACs of conv, transposed conv, linear, matmul and recurrent layers; no bias, norm, activation or pooling',
    source: 'docs/conventions.md, "paper style"',
  },
  all: {
    name: 'all',
    unit: 'FLOPs',
    includes: [...PRODUCT_KINDS, ...ELEMENT_KINDS],
    label:
      'all operators: FLOPs = 2 × MACs + every bias add, normalisation, activation, pooling, element-wise and softmax operation',
    source: 'docs/conventions.md, "all operators"',
  },
  fvcore: {
    name: 'fvcore',
    unit: 'MACs',
    includes: ['conv', 'convTranspose', 'linear', 'matmul', 'norm', 'pool', 'elementwise'],
    label:
      'fvcore FlopCountAnalysis: MACs (printed as "flops") of conv, linear, matmul, BatchNorm, adaptive average pooling, upsampling; no bias; ReLU ignored; other ops unsupported (0, warned)',
    source: 'fvcore 0.1.6, fvcore/nn/jit_handles.py and flop_count.py (docs/conventions.md)',
  },
  ptflops: {
    name: 'ptflops',
    unit: 'MACs',
    includes: [...PRODUCT_KINDS, ...ELEMENT_KINDS],
    label:
      'ptflops (pytorch backend, count_functional=True): MACs with bias, BatchNorm, activations and pooling, some counted twice; + and * operators not counted',
    source: 'ptflops 0.7.6, ptflops/pytorch_ops.py and pytorch_engine.py (docs/conventions.md)',
  },
};

/** One layer's figure under a convention. */
export interface ConventionLayer {
  id: string;
  op: string;
  /** The figure in the convention's unit (0 for a layer that is not understood: see `unknown`). */
  value: number;
  /** The figure split by kind of arithmetic. */
  byKind: Partial<Record<ArithmeticKind, number>>;
  /** How the figure was counted: formula, note by code and source (the renderer translates the note). */
  ruleText: RuleText;
  /** The same in English, on one line (CLI, report). */
  rule: string;
  /** The layer is not understood by ConvScope: its cost is unknown, not zero. */
  unknown?: string;
  /** The counter itself does not support the op (counts 0 and warns), e.g. "aten::max_pool2d". */
  counterUnsupported?: string;
}

export interface NamedCount {
  name: string;
  count: number;
}

export interface ConventionResult {
  convention: Convention;
  layers: ConventionLayer[];
  total: number;
  totalByKind: Partial<Record<ArithmeticKind, number>>;
  /** false when some layer is not understood: `total` is then a lower bound. */
  complete: boolean;
  /** Operators not understood, by name and count. */
  unsupported: NamedCount[];
  /** Operators the counter itself counts 0 and warns about, by name and count (fvcore). */
  counterUnsupported: NamedCount[];
}

/** A rule and its English line. */
const ruleOf = (r: RuleText) => ({ ruleText: r, rule: ruleLine(r) });
const withRule = <T extends object>(o: T, r: RuleText) => ({ ...o, ...ruleOf(r) });

/** The figure of one counted layer under `c`. */
function layerFigure(c: Convention, l: CountedLayer): ConventionLayer {
  const { row, counting } = l;
  const base = { id: row.id, op: row.op };
  if (row.unsupported)
    return withRule({ ...base, value: 0, byKind: {}, unknown: row.unsupported }, ruleText('?', 'unknownOp'));
  const mainKind = (Object.keys(counting.macs)[0] ?? Object.keys(counting.ops)[0]) as
    ArithmeticKind | undefined;
  if (c.name === 'fvcore' || c.name === 'ptflops') {
    const r = counting[c.name];
    const count = r ? r.count : sumOf(counting.macs);
    return {
      ...base,
      value: count,
      byKind: count && mainKind ? { [mainKind]: count } : {},
      ...ruleOf(r?.rule ?? ruleText('MACs')),
      ...(r?.unsupported ? { counterUnsupported: r.unsupported } : {}),
    };
  }
  const mult = c.unit === 'FLOPs' ? 2 : 1;
  const byKind: Partial<Record<ArithmeticKind, number>> = {};
  let value = 0;
  for (const [k, v] of Object.entries(counting.macs) as [ProductKind, number][]) {
    if (!v || !c.includes.includes(k)) continue;
    byKind[k] = mult * v;
    value += mult * v;
  }
  for (const [k, v] of Object.entries(counting.ops) as [ElementKind, number][]) {
    if (!v || !c.includes.includes(k)) continue;
    byKind[k] = v;
    value += v;
  }
  const macs = sumOf(counting.macs);
  const rule =
    c.name === 'all'
      ? (counting.rule ?? ruleText(''))
      : macs
        ? productsRule(Object.keys(counting.macs) as ProductKind[])
        : ruleText('0', 'noProducts');
  return { ...base, value, byKind, ...ruleOf(rule) };
}

/** The products a layer's figure counts, as the formula "conv + linear MACs". */
function productsRule(kinds: ProductKind[]): RuleText {
  return { ...ruleText(`${kinds.join(' + ')} MACs`), kinds };
}

function tally(names: (string | undefined)[]): NamedCount[] {
  const m = new Map<string, number>();
  for (const n of names) if (n !== undefined) m.set(n, (m.get(n) ?? 0) + 1);
  return [...m].map(([name, count]) => ({ name, count }));
}

/** The figures of counted layers under `c` (see {@link applyConvention}). */
export function conventionOf(c: Convention, counted: CountedLayer[]): ConventionResult {
  const layers = counted.map((l) => layerFigure(c, l));
  const totalByKind: Partial<Record<ArithmeticKind, number>> = {};
  let total = 0;
  for (const l of layers) {
    total += l.value;
    for (const [k, v] of Object.entries(l.byKind) as [ArithmeticKind, number][])
      totalByKind[k] = (totalByKind[k] ?? 0) + v;
  }
  const unsupported = tally(layers.map((l) => l.unknown));
  return {
    convention: c,
    layers,
    total,
    totalByKind,
    complete: unsupported.length === 0,
    unsupported,
    counterUnsupported: tally(layers.map((l) => l.counterUnsupported)),
  };
}

/**
 * Per-layer figures and totals of `analysis` (made from `model`) under the convention `name`, per
 * sample, with a label saying what they count. Layers not understood count as unknown: the total is
 * marked incomplete and they are listed by operator name and count.
 */
export function applyConvention(
  model: ModelSpec,
  analysis: ModelAnalysis,
  name: ConventionName,
): ConventionResult {
  return conventionOf(CONVENTIONS[name], countLayers(model, analysis));
}

/** One layer in a comparison of two conventions. */
export interface ReconcileRow {
  id: string;
  op: string;
  a: number;
  b: number;
  /** b − a. */
  difference: number;
  /** Each convention's rule for the layer, when the figures differ, in English. */
  why: string;
  /** The rules of a and b (the renderer writes `why` in the UI language from these). */
  ruleA: RuleText;
  ruleB: RuleText;
}

export interface Reconciliation {
  a: ConventionResult;
  b: ConventionResult;
  /** Layers whose figures differ, in analysis order. */
  rows: ReconcileRow[];
  /** The difference of the totals by operator: Σ of `rows` by op. */
  byOp: { op: string; layers: number; difference: number }[];
  /** b.total − a.total = Σ rows' differences. */
  difference: number;
}

/**
 * "Why do two numbers differ": both conventions' figures layer by layer, the layers where they
 * differ with each side's rule, and the differences summed by operator. Σ differences = b − a.
 */
export function reconcile(
  model: ModelSpec,
  analysis: ModelAnalysis,
  a: ConventionName,
  b: ConventionName,
): Reconciliation {
  const counted = countLayers(model, analysis);
  const ra = conventionOf(CONVENTIONS[a], counted);
  const rb = conventionOf(CONVENTIONS[b], counted);
  const rows: ReconcileRow[] = [];
  const byOp = new Map<string, { op: string; layers: number; difference: number }>();
  ra.layers.forEach((la, i) => {
    const lb = rb.layers[i];
    if (la.value === lb.value) return;
    const difference = lb.value - la.value;
    rows.push({
      id: la.id,
      op: la.op,
      a: la.value,
      b: lb.value,
      difference,
      why: `${a}: ${la.rule}; ${b}: ${lb.rule}`,
      ruleA: la.ruleText,
      ruleB: lb.ruleText,
    });
    const e = byOp.get(la.op) ?? { op: la.op, layers: 0, difference: 0 };
    e.layers++;
    e.difference += difference;
    byOp.set(la.op, e);
  });
  return { a: ra, b: rb, rows, byOp: [...byOp.values()], difference: rb.total - ra.total };
}

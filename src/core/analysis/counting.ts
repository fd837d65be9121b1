/**
 * Each analysed layer's arithmetic as its registry entry declares it (`counting`), or, for an entry
 * without a rule, derived from its result. Shared by the conventions and the training figures.
 */
import { RF_INPUT } from '../formulas/receptive-field';
import type { LayerSpec, ModelSpec } from '../model/types';
import { computeLayer } from './compute';
import { operatorOf, type OpResult, type Rf2 } from './ops';
import { ruleText } from './ops/rule-notes';
import type { CountingIO, LayerCounting, ProductKind } from './ops/types';
import type { LayerAnalysis, ModelAnalysis } from './types';

/** A layer of the analysis with its spec, its result and its counting. */
export interface CountedLayer {
  row: LayerAnalysis;
  layer: LayerSpec;
  io: CountingIO;
  counting: LayerCounting;
}

const NO_RF: Rf2 = [RF_INPUT, RF_INPUT];

/**
 * The counting of an entry without a `counting` rule: its MACs under the product kind of its family
 * (convolution → conv, linear → linear, anything else → matmul), its element ops under their
 * categories; fvcore counts the MACs, ptflops the MACs and the bias adds.
 */
export function defaultCounting(family: string, r: OpResult): LayerCounting {
  const kind: ProductKind = family === 'convolution' ? 'conv' : family === 'linear' ? 'linear' : 'matmul';
  const o = r.ops;
  const ops: LayerCounting['ops'] = {};
  if (o.bias) ops.bias = o.bias;
  if (o.norm) ops.norm = o.norm;
  if (o.activation) ops.activation = o.activation;
  if (o.pooling) ops.pool = o.pooling;
  if (o.elementwise) ops.elementwise = o.elementwise;
  return {
    macs: r.macs ? { [kind]: r.macs } : {},
    ops,
    rule: ruleText('', 'defaultRule'),
    fvcore: { count: r.macs, rule: ruleText('MACs', 'defaultRuleShort') },
    ptflops: { count: r.macs + o.bias, rule: ruleText('MACs + bias', 'defaultRuleShort') },
  };
}

/**
 * Every row of `analysis` with the counting its operator declares. `model` is the model the analysis
 * was made from (rows are matched by id).
 */
export function countLayers(model: ModelSpec, analysis: ModelAnalysis): CountedLayer[] {
  const byId = new Map(model.layers.map((l) => [l.id, l]));
  return analysis.layers.map((row) => {
    const layer = byId.get(row.id);
    if (!layer) throw new Error(`layer "${row.id}" of the analysis is not in model "${model.name}"`);
    const result = computeLayer(
      layer,
      row.inputShapes,
      row.inputShapes.map(() => NO_RF),
      row.inputs,
    );
    const io: CountingIO = { inShapes: row.inputShapes, outShape: row.outputShape, result };
    const def = operatorOf(layer.op);
    const counting = row.unsupported
      ? { macs: {}, ops: {} }
      : def?.counting
        ? def.counting(layer as never, io)
        : defaultCounting(def?.family ?? '', result);
    return { row, layer, io, counting };
  });
}

/** Sum of a partial record's values. */
export function sumOf(r: Partial<Record<string, number>>): number {
  let s = 0;
  for (const v of Object.values(r)) s += v ?? 0;
  return s;
}

/** The kinds of `totals.macsByKind`, in the order the JSON lists them. */
export const PRODUCT_KINDS: readonly ProductKind[] = [
  'conv',
  'convTranspose',
  'linear',
  'matmul',
  'recurrent',
];

/**
 * The model's MACs by product kind (`totals.macsByKind` of `convscope analyze --json`): every kind is
 * present, 0 when the model has none; their sum is `totals.macs`.
 */
export function macsByKind(model: ModelSpec, analysis: ModelAnalysis): Record<ProductKind, number> {
  const out = Object.fromEntries(PRODUCT_KINDS.map((k) => [k, 0])) as Record<ProductKind, number>;
  for (const { counting } of countLayers(model, analysis))
    for (const k of PRODUCT_KINDS) out[k] += counting.macs[k] ?? 0;
  return out;
}

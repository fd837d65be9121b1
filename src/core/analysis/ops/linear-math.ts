/** Fully connected arithmetic: parameters and MACs of N_in → N_out, with their formula traces. */
import { type FormulaTrace, tex, trace } from '../../formulas/latex';
import { requirePositiveInt } from './shape-math';

export interface LinearInfo {
  inFeatures: number;
  outFeatures: number;
  params: { weights: number; bias: number };
  /** out_features × in_features */
  macs: number;
  biasAdds: number;
  flops: number;
  formulas: FormulaTrace[];
}

/** Linear layer: weights = N_out · N_in, bias = N_out, MACs = N_out · N_in. */
export function linearInfo(inFeatures: number, outFeatures: number, bias = true): LinearInfo {
  requirePositiveInt(inFeatures, 'in_features');
  requirePositiveInt(outFeatures, 'out_features');
  const macs = inFeatures * outFeatures;
  const b = bias ? outFeatures : 0;
  return {
    inFeatures,
    outFeatures,
    params: { weights: macs, bias: b },
    macs,
    biasAdds: b,
    flops: 2 * macs,
    formulas: linearFormulas(inFeatures, outFeatures, b),
  };
}

/** With `tokens` > 1, the layer applied to each token of a [T, D] sequence (MACs and bias adds × T). */
export function linearFormulas(nin: number, nout: number, bias: number, tokens = 1): FormulaTrace[] {
  const w = nin * nout;
  if (tokens !== 1) {
    const t = tokens;
    return [
      trace('params.weights', 'N_{out} \\cdot D', `${nout} \\cdot ${nin} = ${tex(w)}`, w),
      trace('params.bias', bias ? 'N_{out}' : '0 \\text{ (no bias)}', `${bias}`, bias),
      trace(
        'macs',
        'T \\cdot N_{out} \\cdot D \\text{ (per token)}',
        `${t} \\cdot ${nout} \\cdot ${nin} = ${tex(t * w)}`,
        t * w,
      ),
      trace('ops.bias', bias ? 'T \\cdot N_{out}' : '0', `${tex(t * bias)}`, t * bias),
    ];
  }
  return [
    trace('params.weights', 'N_{out} \\cdot N_{in}', `${nout} \\cdot ${nin} = ${tex(w)}`, w),
    trace('params.bias', bias ? 'N_{out}' : '0 \\text{ (no bias)}', `${bias}`, bias),
    trace('macs', 'N_{out} \\cdot N_{in}', `${nout} \\cdot ${nin} = ${tex(w)}`, w),
    trace('ops.bias', bias ? 'N_{out}' : '0', `${bias}`, bias),
  ];
}

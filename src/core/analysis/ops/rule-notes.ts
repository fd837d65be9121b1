/**
 * The counting rules in words: each rule of a registry entry's `counting` is a formula (language-
 * neutral: numel(y)·(Cin/g)·Kh·Kw), a note by code with its parameters, and its source tag
 * (docs/conventions.md: [F-…] fvcore, [P-…] ptflops). The English notes are here, for the CLI and the
 * report; the renderer shows `counting.notes.<code>` in the UI language (its English table is this one).
 */
import type { ProductKind } from './types';

export const RULE_NOTES = {
  // What a counter does with the op.
  fvcoreWarns: '{aten} has no handle, fvcore warns',
  fvcoreIgnores: '{aten} is ignored',
  fvcoreIgnoresTwo: '{aten} and {aten2} are ignored',
  fvcoreIgnoresSilently: 'ignored',
  notTraced: 'nothing is traced',
  noHook: 'no hook',
  moduleHook: 'the module hook',
  hookAndPatched: 'the module hook and the patched {fn}',
  patched: 'the patched {fn}',
  hookNamedAndPatched: '{hook} and the patched {fn}',
  notPatched: 'the {sign} operator is not patched (explicit torch.{op} would count numel(y))',
  plusNotPatched: 'the + operator is not patched',
  noAffineAttr: 'LayerNorm has no `affine` attribute',
  eval: 'in eval mode',
  // Products.
  productFlops: '2 FLOPs per MAC (a multiply and an add), + 1 per output for the bias',
  flopsPerMac: '2 FLOPs per MAC',
  noBias: 'no bias',
  withBias: 'the last term only with a bias',
  byInputNoBias: 'counted by the input, no bias',
  perRowNoBias: 'per row, no bias',
  perRowWithBias: 'per row; + out only with a bias',
  attentionAll:
    '2 FLOPs per MAC; bias adds; softmax 5 per score − 2 per row; the 1/√d scale 1 per element of Q',
  recurrentAll:
    '2 FLOPs per MAC; per step, layer, direction and hidden unit: {activations} activations, {elementwise} element-wise operations, the bias adds',
  recurrentPtflops: 'per layer and direction ({bias} of them biases)',
  // Data movement.
  dataMovement: 'data movement',
  viewFlattenTranspose: 'a view (flatten and transpose)',
  copyConcat: 'a copy (concatenation)',
  viewSelect: 'a view (select)',
  tableLookup: 'a table lookup',
  // Element operations.
  oneComparison: '1 comparison per element',
  twoComparisons: '2 comparisons per element',
  comparisonMultiply: 'a comparison and a multiply per element',
  eluOps: 'a comparison, exp, subtract 1, multiply by α per element',
  geluOps: 'multiply by 1/√2, erf, add 1, multiply by x, by 0.5 per element',
  siluOps: 'a sigmoid (4) and a multiply per element',
  sigmoidOps: 'negate, exp, add 1, divide per element',
  transcendental: 'one transcendental per element',
  hardswishOps: 'a hardsigmoid (4) and a multiply per element',
  hardsigmoidOps: 'add 3, two comparisons, multiply by 1/6 per element',
  softmaxOps: 'max, subtract, exp, sum, divide over F values',
  comparisonPerBound: '1 comparison per bound per element',
  operandOps: 'one per output and extra operand',
  batchNormEval: 'in eval, scale and shift folded per channel',
  layerNormOps: 'mean, variance, normalise; per row 2 divisions, ε, √, reciprocal',
  layerNormAffineOps: 'mean, variance, normalise, scale and shift; per row 2 divisions, ε, √, reciprocal',
  maxPoolOps: 'comparisons (Kh·Kw − 1 per output)',
  avgPoolOps: 'adds and a division per output',
  adaptivePoolOps: 'adds and one division per output',
  bilinearOps: '4 weight multiplies, 3 adds per output',
  nearestCopies: 'nearest copies',
  addPerElement: '1 add per element',
  // Defaults and conventions.
  defaultRule: 'the default rule: 2 FLOPs per MAC, element ops as the analysis counts them',
  defaultRuleShort: 'default rule',
  unknownOp: 'unknown: the operator is not understood',
  noProducts: 'no products',
} as const;

export type RuleNoteCode = keyof typeof RULE_NOTES;

/** A counting rule: its formula, its note (by code, with parameters) and its source tag. */
export interface RuleText {
  formula: string;
  note?: RuleNoteCode;
  params?: Record<string, string | number>;
  /** e.g. "F-conv", "P-mod bn_flops_counter_hook". */
  source?: string;
  /** The products the formula counts, by id ("conv MACs"): the renderer names them in the UI language. */
  kinds?: ProductKind[];
}

/** A rule from its parts. */
export const ruleText = (
  formula: string,
  note?: RuleNoteCode,
  source?: string,
  params?: Record<string, string | number>,
): RuleText => ({
  formula,
  ...(note ? { note } : {}),
  ...(params ? { params } : {}),
  ...(source ? { source } : {}),
});

/** `template` with its `{name}` parameters filled in. */
export function fillNote(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * The rule as one line, with `note` the note in words (English by default): "formula: note [source]".
 */
export function ruleLine(r: RuleText, note: (r: RuleText) => string = englishNote): string {
  const words = r.note ? note(r) : '';
  const body = r.formula && words ? `${r.formula}: ${words}` : r.formula || words;
  return r.source ? `${body} [${r.source}]` : body;
}

/** The rule's note in English. */
export function englishNote(r: RuleText): string {
  return r.note ? fillNote(RULE_NOTES[r.note], r.params) : '';
}

/**
 * Helpers for the `counting` and `saves` rules of registry entries (docs/conventions.md names the
 * sources: [F-…] fvcore, [P-…] ptflops). Every count is per sample.
 */
import { numel } from './shape-math';
import { ruleText, type RuleText } from './rule-notes';
import type { CounterRule, CountingIO, ElementKind, LayerCounting, SavedSpec } from './types';

export { ruleText as R } from './rule-notes';

/** A counter's count with its rule. */
export const rule = (count: number, text: RuleText): CounterRule => ({ count, rule: text });

/** fvcore counts 0 and warns "Unsupported operator aten::X" [F-skip]. */
export const fvcoreUnsupported = (aten: string): CounterRule => ({
  count: 0,
  rule: ruleText('0', 'fvcoreWarns', 'F-skip', { aten }),
  unsupported: aten,
});

/** fvcore ignores the op silently (`_IGNORED_OPS`) [F-skip]. */
export const fvcoreIgnored = (aten: string): CounterRule =>
  rule(0, ruleText('0', 'fvcoreIgnores', 'F-skip', { aten }));

/** Elements of the output and of the first input. */
export const sizes = (io: CountingIO): { x: number; y: number } => ({
  x: numel(io.inShapes[0]),
  y: numel(io.outShape),
});

/** A layer with no products and one kind of element ops, stated with a rule. */
export function elementCounting(
  kind: ElementKind,
  ops: number,
  text: RuleText,
  counters: Pick<LayerCounting, 'fvcore' | 'ptflops'>,
): LayerCounting {
  return { macs: {}, ops: ops ? { [kind]: ops } : {}, rule: text, ...counters };
}

/** Data movement: no arithmetic under any convention. */
export function noArithmetic(
  what: RuleText['note'],
  fvcore: RuleText = ruleText('0', 'fvcoreIgnoresSilently'),
): LayerCounting {
  return {
    macs: {},
    ops: {},
    rule: ruleText('0', what),
    fvcore: rule(0, fvcore),
    ptflops: rule(0, ruleText('0', 'noHook')),
  };
}

/** fvcore ignores the op silently: "0: aten::X is ignored" (no source tag: it is in `_IGNORED_OPS`). */
export const ignoredBy = (aten: string): RuleText => ruleText('0', 'fvcoreIgnores', undefined, { aten });

/** Saves its first input (convolutions, linear layers, pooling). */
export const SAVES_INPUT: SavedSpec = Object.freeze({ inputs: [0] }) as SavedSpec;
export const SAVES_NOTHING: SavedSpec = Object.freeze({}) as SavedSpec;

/**
 * A layer of products (conv, linear): its MACs under `kind` and its bias adds (`r.ops.bias`, one per
 * output); fvcore counts the MACs without bias [F-conv, F-lin], ptflops adds the bias [P-mod].
 */
export function productCounting(
  kind: 'conv' | 'convTranspose' | 'linear',
  r: CountingIO['result'],
  fvcore: RuleText,
  ptflops: RuleText,
): LayerCounting {
  const bias = r.ops.bias;
  return {
    macs: { [kind]: r.macs },
    ops: bias ? { bias } : {},
    rule: ruleText('2·MACs + bias', 'productFlops'),
    fvcore: rule(r.macs, fvcore),
    ptflops: rule(r.macs + bias, ptflops),
  };
}

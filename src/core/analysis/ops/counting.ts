/**
 * Helpers for the `counting` and `saves` rules of registry entries (docs/conventions.md names the
 * sources: [F-…] fvcore, [P-…] ptflops). Every count is per sample.
 */
import { numel } from './shape-math';
import type { CounterRule, CountingIO, ElementKind, LayerCounting, SavedSpec } from './types';

/** A counter's count with its rule in words. */
export const rule = (count: number, text: string): CounterRule => ({ count, rule: text });

/** fvcore counts 0 and warns "Unsupported operator aten::X" [F-skip]. */
export const fvcoreUnsupported = (aten: string): CounterRule => ({
  count: 0,
  rule: `0: ${aten} has no handle, fvcore warns [F-skip]`,
  unsupported: aten,
});

/** fvcore ignores the op silently (`_IGNORED_OPS`) [F-skip]. */
export const fvcoreIgnored = (aten: string): CounterRule => rule(0, `0: ${aten} is ignored [F-skip]`);

/** Elements of the output and of the first input. */
export const sizes = (io: CountingIO): { x: number; y: number } => ({
  x: numel(io.inShapes[0]),
  y: numel(io.outShape),
});

/** A layer with no products and one kind of element ops, stated with a rule. */
export function elementCounting(
  kind: ElementKind,
  ops: number,
  text: string,
  counters: Pick<LayerCounting, 'fvcore' | 'ptflops'>,
): LayerCounting {
  return { macs: {}, ops: ops ? { [kind]: ops } : {}, rule: text, ...counters };
}

/** Data movement: no arithmetic under any convention. */
export function noArithmetic(text: string, fvcore = 'ignored'): LayerCounting {
  return {
    macs: {},
    ops: {},
    rule: `0: ${text}`,
    fvcore: rule(0, `0: ${fvcore}`),
    ptflops: rule(0, '0: no hook'),
  };
}

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
  fvcore: string,
  ptflops: string,
): LayerCounting {
  const bias = r.ops.bias;
  return {
    macs: { [kind]: r.macs },
    ops: bias ? { bias } : {},
    rule: '2 FLOPs per MAC (a multiply and an add), + 1 per output for the bias',
    fvcore: rule(r.macs, fvcore),
    ptflops: rule(r.macs + bias, ptflops),
  };
}

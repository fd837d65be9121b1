/**
 * Python source text for the registry's PyTorch mappings: literals and keyword-argument lists written
 * the way a person writes them (`nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False)`),
 * defaults left out.
 */
import type { IntOrPair, Pair } from '../../model/shape';

export type PyValue = number | boolean | string | null | readonly PyValue[] | { raw: string };

/** A Python literal: `True`, `0.5`, `(3, 3)`, `'nearest'`, `None`; `{ raw }` is written as it is. */
export function py(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return "float('nan')";
    if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "float('-inf')";
    return String(v);
  }
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return v.length === 1 ? `(${py(v[0])},)` : `(${v.map(py).join(', ')})`;
  return (v as { raw: string }).raw;
}

/** A float literal (`2.0`, not `2`), for arguments PyTorch types as float. */
export const pyFloat = (v: number): { raw: string } => ({
  raw: Number.isInteger(v) && Number.isFinite(v) ? `${v}.0` : py(v),
});

/** An int-or-pair attribute as PyTorch takes it: `3` when both sides agree, else `(3, 5)`. */
export function pyPair(v: IntOrPair | Pair): PyValue {
  if (typeof v === 'number') return v;
  return v[0] === v[1] ? v[0] : [v[0], v[1]];
}

/**
 * A call `name(positional…, key=value…)`; keyword entries whose value is undefined, or equal to the
 * given default, are left out.
 */
export function pyCall(
  name: string,
  positional: PyValue[],
  keywords: [key: string, value: PyValue | undefined, defaultValue?: PyValue][] = [],
): string {
  const args = positional.map(py);
  for (const [key, value, def] of keywords) {
    if (value === undefined) continue;
    if (def !== undefined && py(value) === py(def)) continue;
    args.push(`${key}=${py(value)}`);
  }
  return `${name}(${args.join(', ')})`;
}

/** `nn.Sequential(a, b)` for layers PyTorch builds in two steps (explicit asymmetric padding). */
export const pySequential = (...modules: string[]): string => `nn.Sequential(${modules.join(', ')})`;

/**
 * Padding as a PyTorch window module takes it: one amount per dimension, both sides. An asymmetric
 * padding ("same" with an odd total: the extra pixel after, as ConvScope and TensorFlow place it) is
 * an explicit pad module before the layer, with `fill` (0, or −∞ for max pooling) in the border.
 */
export function pyWindowPadding(
  h: { P: [number, number] },
  w: { P: [number, number] },
  fill: number,
): { padding: PyValue; pad?: string } {
  if (h.P[0] === h.P[1] && w.P[0] === w.P[1]) return { padding: pyPair([h.P[0], w.P[0]]) };
  const sides = [w.P[0], w.P[1], h.P[0], h.P[1]];
  const pad =
    fill === 0 ? pyCall('nn.ZeroPad2d', [sides]) : pyCall('nn.ConstantPad2d', [sides, pyFloat(fill)]);
  return { padding: 0, pad };
}

/** The layer's module, after its explicit padding module when it has one. */
export const withPad = (pad: string | undefined, module: string): string =>
  pad ? pySequential(pad, module) : module;

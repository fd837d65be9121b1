/** Small shape helpers and the error every operator throws for a layer that does not fit its input. */
import type { IntOrPair, Pair } from '../../model/shape';

/** A shape or configuration problem; the model analysis prefixes the layer id to the message. */
export class ShapeError extends Error {}

export function toPair(v: IntOrPair | undefined, dflt: number): Pair {
  if (v === undefined) return [dflt, dflt];
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

export function shapeText(s: readonly number[]): string {
  return `[${s.join(', ')}]`;
}

export function numel(s: readonly number[]): number {
  let n = 1;
  for (const d of s) n *= d;
  return n;
}

export function requirePositiveInt(v: number, what: string): void {
  if (!Number.isSafeInteger(v) || v < 1) throw new ShapeError(`${what} must be a positive integer, got ${v}`);
}

export function requireNonNegInt(v: number, what: string): void {
  if (!Number.isSafeInteger(v) || v < 0)
    throw new ShapeError(`${what} must be a non-negative integer, got ${v}`);
}

export function pairText(p: Pair): string {
  return p[0] === p[1] ? `${p[0]}` : `${p[0]}×${p[1]}`;
}

/** Small shape helpers and the error every operator throws for a layer that does not fit its input. */
import type { IntOrPair, Pair } from '../../model/shape';
import type { ErrorCode } from '../error-messages';
import { type ErrorNote, errorNote, type ErrorParams, warningText } from '../warning-messages';

/**
 * A shape or configuration problem: its message by code (`note`) and in English (`message`); the model
 * analysis prefixes the layer id.
 */
export class ShapeError extends Error {
  constructor(readonly note: ErrorNote) {
    super(warningText(note));
  }
}

/** The ShapeError of one code, its parameters checked against the template. */
export const shapeError = <C extends ErrorCode>(code: C, params: ErrorParams<C>): ShapeError =>
  new ShapeError(errorNote(code, params));

/** A field of a layer (or another named value) as an error names it: the form shows its label. */
export const fieldNote = (key: string): ErrorNote => errorNote('field', { key });

export function toPair(v: IntOrPair | undefined, dflt: number): Pair {
  if (v === undefined) return [dflt, dflt];
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

export function shapeText(s: readonly number[]): string {
  return `[${s.join(', ')}]`;
}

export function numel(s: readonly number[]): number {
  let n = 1;
  for (let k = 0; k < s.length; k++) n *= s[k];
  return n;
}

export function requirePositiveInt(v: number, what: string): void {
  if (!Number.isSafeInteger(v) || v < 1)
    throw shapeError('not-positive-int', { field: fieldNote(what), value: String(v) });
}

export function requireNonNegInt(v: number, what: string): void {
  if (!Number.isSafeInteger(v) || v < 0)
    throw shapeError('not-non-negative-int', { field: fieldNote(what), value: String(v) });
}

export function pairText(p: Pair): string {
  return p[0] === p[1] ? `${p[0]}` : `${p[0]}×${p[1]}`;
}

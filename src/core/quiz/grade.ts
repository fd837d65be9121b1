import { formatInt } from '../format';
import { failure, renderNote, SLIP_MESSAGES, type GradeNote } from './messages';
import { parseChoice, parseList, parseNumber, stripLabel } from './parse';
import {
  BYTE_UNIT_SIZE,
  type AnswerValue,
  type Built,
  type ByteUnit,
  type GradeResult,
  type Tolerance,
} from './types';

type Parsed =
  | { ok: true; value: AnswerValue; unit?: ByteUnit }
  | { ok: false; note: GradeNote; message: string; ambiguous?: boolean };

const SI_UNITS = new Set<ByteUnit | undefined>(['B', 'KB', 'MB', 'GB']);

/** Reads an answer in the question's base unit (bytes for byte answers). */
export function parseFor(b: Built, raw: string): Parsed {
  switch (b.answerKind) {
    case 'integer':
    case 'number': {
      const r = parseNumber(stripLabel(raw), { lowerMIsMega: b.answerKind === 'integer' });
      if (!r.ok) {
        if (r.ambiguous) return r;
        const list = parseList(raw);
        if (list.ok && list.values.length > 1) {
          // "28×28" for the size of a square map: one number asked, both sides equal.
          const square = b.squareSize && list.values.length === 2 && list.values[0] === list.values[1];
          if (square && /\d\s*[x×X]\s*\d/.test(raw.normalize('NFKC')))
            return { ok: true, value: list.values[0] };
          return failure('one-number', { count: list.values.length });
        }
        return r;
      }
      return { ok: true, value: r.value };
    }
    case 'bytes': {
      const r = parseNumber(raw, { bytes: true, lowerMIsMega: false });
      if (!r.ok) return r;
      if (r.byteUnit) return { ok: true, value: r.value, unit: r.byteUnit };
      if (b.unit === undefined) {
        return failure('state-unit', {}, true);
      }
      if (r.magnitude) {
        // "1.2M" is 1.2 × 10^6 bytes only when the question counts in powers of 1000.
        if (!SI_UNITS.has(b.unit as ByteUnit)) {
          return failure('power-of-1000', { raw: raw.trim(), magnitude: r.magnitude, unit: b.unit }, true);
        }
        return { ok: true, value: r.value, unit: 'B' };
      }
      return { ok: true, value: r.value * BYTE_UNIT_SIZE[b.unit as ByteUnit], unit: b.unit as ByteUnit };
    }
    case 'shape':
    case 'pair': {
      const r = parseList(raw);
      if (!r.ok) return r;
      return { ok: true, value: r.values };
    }
    case 'choice': {
      const choices = b.choices ?? [];
      const r = parseChoice(
        raw,
        choices.map((c) => c.key),
        choices.map((c) => c.text),
      );
      return r.ok ? { ok: true, value: r.key } : r;
    }
    case 'layer-id': {
      const s = raw
        .trim()
        .replace(/^["'`]|["'`]$/g, '')
        .trim();
      if (!s) return failure('empty');
      const ids = b.layerIds ?? [];
      if (ids.length === 0 || ids.includes(s)) return { ok: true, value: s };
      const loose = ids.filter((id) => id.toLowerCase() === s.toLowerCase());
      if (loose.length === 1) return { ok: true, value: loose[0] };
      return failure('no-layer', { name: s, layers: ids.join(', ') });
    }
  }
}

/** `x` rounded to `digits` significant digits (as a number). */
export function roundSig(x: number, digits: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}

/**
 * Whether an answer given to `digits` significant digits is right: `got`, at the precision it is
 * written in (`digits` or more: "5.905e4" for 3 digits is read at 4), equals `want` rounded to that
 * precision. So 2.97 and 2.99 are wrong for 2.98, while 2.9849 is right for 2.98490. A value on a
 * rounding boundary (…5 exactly, up to float error) accepts both neighbours.
 */
function sameAtPrecision(got: number, want: number, digits: number): boolean {
  let p = digits;
  while (p < digits + 6 && Math.abs(roundSig(got, p) - got) > 1e-12 * Math.abs(got)) p++;
  const g = roundSig(got, p);
  return [want, want * (1 + 1e-12), want * (1 - 1e-12)].some((w) => roundSig(w, p) === g);
}

/**
 * Whether `got` matches `want` under the tolerance; `scale` is the unit the answer is written in
 * (bytes per unit), so that significant digits are counted in that unit.
 */
export function matches(got: AnswerValue, want: AnswerValue, tol: Tolerance, scale = 1): boolean {
  if (typeof want === 'string' || typeof got === 'string') return got === want;
  if (Array.isArray(want) || Array.isArray(got)) {
    return (
      Array.isArray(want) &&
      Array.isArray(got) &&
      want.length === got.length &&
      want.every((v, i) => v === got[i])
    );
  }
  if (tol.kind === 'exact') return got === want;
  if (tol.kind === 'sigfigs') return sameAtPrecision(got / scale, want / scale, tol.digits);
  if (want === 0) return Math.abs(got) <= tol.value;
  return Math.abs(got - want) <= tol.value * Math.abs(want);
}

/** Grades against an already rebuilt question: parse, compare, name a likely slip. */
export function gradeBuilt(b: Built, raw: string): Omit<GradeResult, 'solution'> {
  const expected = b.expected;
  const p = parseFor(b, raw);
  if (!p.ok)
    return {
      correct: false,
      parsed: null,
      expected,
      message: p.message,
      note: p.note,
      ...(p.ambiguous ? { ambiguous: true } : {}),
    };
  const got = p.value;
  // Significant digits of a size count in the unit the learner wrote (the asked one when bare).
  const scale = b.answerKind === 'bytes' ? BYTE_UNIT_SIZE[p.unit ?? (b.unit as ByteUnit) ?? 'B'] : 1;
  if (Array.isArray(expected) && Array.isArray(got) && got.length !== expected.length) {
    const note: GradeNote =
      b.answerKind === 'pair'
        ? { code: 'two-numbers', params: {} }
        : { code: 'shape-dims', params: { want: expected.length, got: got.length } };
    return { correct: false, parsed: got, expected, message: renderNote(note), note };
  }
  if (matches(got, expected, b.tolerance, scale)) return { correct: true, parsed: got, expected };
  const slip = b.slips.find((s) => matches(got, s.value, b.tolerance, scale));
  let note: GradeNote | undefined;
  if (
    typeof got === 'number' &&
    typeof expected === 'number' &&
    b.tolerance.kind === 'exact' &&
    Math.abs(got - expected) <= 5e-3 * Math.abs(expected)
  ) {
    note = { code: 'exact-count', params: { expected: formatInt(expected) } };
  }
  return {
    correct: false,
    parsed: got,
    expected,
    ...(note ? { message: renderNote(note), note } : {}),
    ...(slip ? { slip: { id: slip.id, message: SLIP_MESSAGES[slip.id] } } : {}),
  };
}

import { formatInt } from '../format';
import { parseChoice, parseList, parseNumber, stripLabel } from './parse';
import {
  BYTE_UNIT_SIZE,
  type AnswerValue,
  type Built,
  type ByteUnit,
  type GradeResult,
  type SlipId,
  type Tolerance,
} from './types';

/** What each slip means, in one sentence a learner can act on. */
export const SLIP_MESSAGES: Record<SlipId, string> = {
  'forgot-2p': 'It looks like the padding was counted once instead of on both sides (2P).',
  'forgot-plus-one': 'It looks like the "+ 1" at the end of the output-size formula was left out.',
  'floor-ceil': 'It looks like the division was rounded the wrong way (floor vs ceil_mode).',
  'forgot-dilation': 'It looks like the dilation was ignored: the effective kernel is d(K − 1) + 1.',
  'forgot-bias': 'It looks like the bias was forgotten.',
  'added-bias': 'It looks like a bias was counted, but this layer has bias=False.',
  'ignored-groups': 'It looks like the groups were ignored: each filter only sees C_in / groups channels.',
  'macs-for-flops': 'That is the MAC count: under this convention FLOPs = 2 × MACs.',
  'flops-for-macs': 'That is 2 × MACs (FLOPs): one multiply-accumulate counts as one MAC here.',
  'forgot-bias-adds': 'It looks like the bias adds (one per output element) were left out.',
  'used-input-size': 'It looks like the input height and width were used instead of the output size.',
  'mixed-mb-mib': 'It looks like MB (10^6 bytes) and MiB (2^20 bytes) were mixed up.',
  'dtype-bytes': 'It looks like the wrong number of bytes per value was used (fp32 = 4, fp16 = 2).',
  'forgot-input-read': 'It looks like reading the input was left out of the memory access.',
  'forgot-weights-read': 'It looks like reading the parameters was left out of the memory access.',
  'strides-multiplied-wrongly':
    "It looks like each layer's own stride was included in its jump: layer l grows the RF by (K_l − 1) · Π_{i<l} S_i, the strides of the layers before it only.",
  'ignored-strides':
    'It looks like the strides were ignored: each kernel grows the RF by (K − 1) times the jump so far.',
  'max-of-branches':
    'That is the larger branch RF; when branches are not centred on each other, the RF is the hull of both intervals.',
  'forgot-weight-factor': 'It looks like the weight factors |w| were left out of the product.',
  'used-sigmoid-value': 'It looks like σ(0) = 0.5 was used instead of the derivative σ′(0) = 0.25.',
  'inverted-clip-ratio':
    'The ratio is upside down: the scale factor is c / ‖g‖, which is below 1 when clipping.',
  'l1-norm': 'It looks like the sum of |g_i| was used; clipping uses the L2 norm √(Σ g_i²).',
  'l2-factor-two': 'It looks like the penalty λ·w² was differentiated to λ·w; its gradient is 2λw.',
  'forgot-linear-layers': 'It looks like the linear layers were left out of the total.',
  'params-for-macs': 'That layer has the most parameters, not the most MACs.',
  'macs-for-params': 'That layer has the most MACs, not the most parameters.',
  'counted-depthwise-only':
    'It looks like only the depthwise convolution was counted; add the pointwise 1×1 convolution.',
  'forgot-flatten':
    'It looks like only the channels were used as in_features; flattening gives C · H · W inputs.',
  'l2-for-l1': 'That is the L2 update (2λw); the L1 penalty λ·|w| adds λ·sign(w) to the gradient.',
};

type Parsed =
  { ok: true; value: AnswerValue; unit?: ByteUnit } | { ok: false; message: string; ambiguous?: boolean };

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
          return { ok: false, message: `one number is expected, not ${list.values.length}` };
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
        return {
          ok: false,
          ambiguous: true,
          message: 'state the unit (e.g. MB = 10^6 bytes or MiB = 2^20 bytes): a bare number could be either',
        };
      }
      if (r.magnitude) {
        // "1.2M" is 1.2 × 10^6 bytes only when the question counts in powers of 1000.
        if (!SI_UNITS.has(b.unit as ByteUnit)) {
          return {
            ok: false,
            ambiguous: true,
            message: `"${raw.trim()}": ${r.magnitude} is a power of 1000 but the question asks in ${b.unit} (powers of 1024); write the unit, e.g. "1.2 ${b.unit}" or "1.2 MB"`,
          };
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
      if (!s) return { ok: false, message: 'the answer is empty' };
      const ids = b.layerIds ?? [];
      if (ids.length === 0 || ids.includes(s)) return { ok: true, value: s };
      const loose = ids.filter((id) => id.toLowerCase() === s.toLowerCase());
      if (loose.length === 1) return { ok: true, value: loose[0] };
      return { ok: false, message: `there is no layer "${s}" (layers: ${ids.join(', ')})` };
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
      ...(p.ambiguous ? { ambiguous: true } : {}),
    };
  const got = p.value;
  // Significant digits of a size count in the unit the learner wrote (the asked one when bare).
  const scale = b.answerKind === 'bytes' ? BYTE_UNIT_SIZE[p.unit ?? (b.unit as ByteUnit) ?? 'B'] : 1;
  if (Array.isArray(expected) && Array.isArray(got) && got.length !== expected.length) {
    return {
      correct: false,
      parsed: got,
      expected,
      message:
        b.answerKind === 'pair'
          ? 'two numbers are expected'
          : `the shape has ${expected.length} dimensions, the answer ${got.length}`,
    };
  }
  if (matches(got, expected, b.tolerance, scale)) return { correct: true, parsed: got, expected };
  const slip = b.slips.find((s) => matches(got, s.value, b.tolerance, scale));
  let message: string | undefined;
  if (
    typeof got === 'number' &&
    typeof expected === 'number' &&
    b.tolerance.kind === 'exact' &&
    Math.abs(got - expected) <= 5e-3 * Math.abs(expected)
  ) {
    message = `close, but an exact count is required (${formatInt(expected)})`;
  }
  return {
    correct: false,
    parsed: got,
    expected,
    ...(message ? { message } : {}),
    ...(slip ? { slip: { id: slip.id, message: SLIP_MESSAGES[slip.id] } } : {}),
  };
}

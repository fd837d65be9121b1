import { failure, type GradeNote } from './messages';
import { BYTE_UNIT_SIZE, type ByteUnit } from './types';

/**
 * Lenient but precise answer parsing. Accepted, among others:
 *   1200000 · 1,200,000 · 1 200 000 · 1_200_000 · 1.2e6 · 1.2×10^6 · 1.2M · 1.2 million · 4.1 GFLOPs
 *   3x3 · 3×3 · [64, 56, 56] · (64, 56, 56) · 64x56x56 · 7, 2 · r = 7, j = 2
 *   1.2 MB · 1.2MiB · 512 KiB · 3000 bytes · 1/4 · 25% · −0.5
 * Nothing is guessed: a decimal comma ("1,5"), a lone "m" on a real number (milli or mega?) and
 * similar cases are reported as ambiguous.
 */
export type ParsedNumber = {
  ok: true;
  value: number;
  /** A byte unit written with the number ("MB", "KiB", "bytes"). */
  byteUnit?: ByteUnit;
  /** A bare magnitude suffix ("k", "M", "G", "million"), i.e. no byte unit. */
  magnitude?: string;
};

/** A failed read: the note (code and parameters, translated by the renderer) and its English text. */
export type ParseFailure = { ok: false; note: GradeNote; message: string; ambiguous?: boolean };

const MAGNITUDES: Record<string, number> = {
  万: 4,
  亿: 8,
  k: 3,
  K: 3,
  M: 6,
  G: 9,
  T: 12,
  thousand: 3,
  million: 6,
  mio: 6,
  billion: 9,
  bn: 9,
  trillion: 12,
};

const BYTE_UNITS: Record<string, ByteUnit> = {
  b: 'B',
  byte: 'B',
  bytes: 'B',
  kb: 'KB',
  mb: 'MB',
  gb: 'GB',
  kib: 'KiB',
  mib: 'MiB',
  gib: 'GiB',
};

/** Count nouns that may follow a number and carry no value ("1.2M params", "4.1 GFLOPs"). */
const NOUNS = /\s*(macs?|flops?|ops|params?|parameters|elements|weights|multiply-accumulates)\.?$/i;

const PLAIN = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:e([+-]?\d+))?$/i;

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '⁺': '+',
};

/**
 * Full-width digits and punctuation (NFKC), the ideographic full stop and comma of a Chinese input
 * method ("2。98", "7、2"), minus signs, and superscript exponents ("6.10 × 10⁻⁵" → 6.10 × 10^-5).
 */
function normalise(raw: string): string {
  return raw
    .replace(/10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, (_, e: string) => `10^${[...e].map((c) => SUPERSCRIPT[c]).join('')}`)
    .normalize('NFKC')
    .replace(/\u3002/g, '.')
    .replace(/\u3001/g, ',')
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .trim()
    .replace(/(\d)\.$/, '$1');
}

/** A leading label such as "M =", "P:", "d ≈" carries no value (one number asked). */
export function stripLabel(raw: string): string {
  return normalise(raw).replace(/^[A-Za-z_][\w']*\s*(?:=|:|≈)\s*(?=[\d+\-.])/, '');
}

/** A decimal string times 10^shift, built as text so that 1.234567M is exactly 1234567. */
function scaled(mantissa: string, exp: number): number {
  return Number(`${mantissa}e${exp}`);
}

function plainNumber(s: string): { mantissa: string; exp: number } | null {
  const m = PLAIN.exec(s);
  if (!m) return null;
  return { mantissa: m[1], exp: m[2] ? Number(m[2]) : 0 };
}

/** Removes digit-group separators: 1,200,000 · 1 200 000 · 1_200_000 · 1'200'000. */
function ungroup(s: string): string | ParseFailure {
  const grouped = /^([+-]?\d{1,3})((?:[,' _]\d{3})+)(\.\d+)?$/.exec(s);
  if (grouped && /^[+-]?0$/.test(grouped[1]) && grouped[2].startsWith(',')) {
    return failure('decimal-comma-zero', { raw: s, digits: grouped[2].slice(1) }, true);
  }
  if (grouped) {
    const seps = new Set(grouped[2].replace(/\d/g, ''));
    if (seps.size === 1) return s.replace(/[,' _]/g, '');
  }
  if (s.includes(',')) {
    return failure('decimal-comma', { raw: s }, true);
  }
  return s;
}

export interface NumberOptions {
  /** Read a lone lowercase "m" as mega (counts: "3.5m params"); otherwise it is ambiguous. */
  lowerMIsMega?: boolean;
  /** Accept byte units. */
  bytes?: boolean;
}

/** Parses one number with optional magnitude suffix or byte unit. */
export function parseNumber(raw: string, opts: NumberOptions = {}): ParsedNumber | ParseFailure {
  let s = normalise(raw);
  if (!s) return failure('empty');
  s = s.replace(/^(?:≈|~|about\s+)/i, '').trim();
  // Scientific notation written out: 1.2 × 10^6, 1.2*10^-3, 10^{6}
  const sci = /^([+-]?(?:\d+\.?\d*|\.\d+))?\s*(?:[x×*·⋅]\s*)?10\s*\^\s*\{?\s*([+-]?\d+)\s*\}?(.*)$/i.exec(s);
  if (sci && (sci[1] !== undefined || /^10\s*\^/.test(s))) {
    s = `${sci[1] ?? '1'}e${sci[2]}${sci[3]}`;
  }
  const pct = /^(.*\S)\s*%$/.exec(s);
  if (pct) {
    const inner = parseNumber(pct[1]);
    if (!inner.ok) return inner;
    if (inner.magnitude) return failure('percent-magnitude', { raw: raw.trim() });
    return { ok: true, value: inner.value / 100 };
  }
  const frac = /^([+-]?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(s);
  if (frac) {
    const den = Number(frac[2]);
    if (den === 0) return failure('division-by-zero', { raw: raw.trim() });
    return { ok: true, value: Number(frac[1]) / den };
  }
  s = s.replace(NOUNS, '').trim();
  // Split into the numeric part and a trailing word (suffix or unit).
  const m =
    /^([+-]?[\d.,' _]*\d(?:\.\d*)?(?:e[+-]?\d+)?|[+-]?\.\d+(?:e[+-]?\d+)?)\s*([a-zA-Z]*|万|亿)$/i.exec(s);
  if (!m) return failure('not-a-number', { raw: raw.trim() });
  const numText = ungroup(m[1].trim());
  if (typeof numText !== 'string') return numText;
  const num = plainNumber(numText);
  if (!num) return failure('not-a-number', { raw: raw.trim() });
  const word = m[2];
  if (!word) return { ok: true, value: scaled(num.mantissa, num.exp) };
  const lower = word.toLowerCase();
  // A lower-case b after a prefix is bits (Mb = megabits): asked again rather than guessed.
  if (/^[kKmMgGtT]i?b$/.test(word) || word === 'b' || /^(?:bits?|[kmgt]bits?)$/i.test(word)) {
    return failure('bits', { raw: raw.trim(), word, bytes: `${word.slice(0, -1).toUpperCase()}B` }, true);
  }
  if (BYTE_UNITS[lower] !== undefined || /^[kmg]i?b(ytes?)?$/i.test(word)) {
    if (!opts.bytes) return failure('not-bytes', { raw: raw.trim() });
    const unitKey = lower.replace(/ytes?$/, '');
    const unit = BYTE_UNITS[unitKey] ?? BYTE_UNITS[lower];
    if (unit === undefined) return failure('unknown-unit', { raw: raw.trim(), word });
    const si: Partial<Record<ByteUnit, number>> = { B: 0, KB: 3, MB: 6, GB: 9 };
    const value =
      si[unit] !== undefined
        ? scaled(num.mantissa, num.exp + (si[unit] as number))
        : scaled(num.mantissa, num.exp) * BYTE_UNIT_SIZE[unit];
    return { ok: true, value, byteUnit: unit };
  }
  if (word === 'm' && !opts.lowerMIsMega) {
    return failure('milli-or-mega', { raw: raw.trim() }, true);
  }
  const shift = word === 'm' ? 6 : (MAGNITUDES[word] ?? MAGNITUDES[lower]);
  if (shift === undefined) {
    return failure('unknown-suffix', { raw: raw.trim(), word });
  }
  return { ok: true, value: scaled(num.mantissa, num.exp + shift), magnitude: word };
}

/** Parses a shape or a pair: [64, 56, 56] · (7, 2) · 64x56x56 · 56×56 · 7 and 2 · r = 7, j = 2. */
export function parseList(raw: string): { ok: true; values: number[] } | ParseFailure {
  let s = normalise(raw);
  if (!s) return failure('empty');
  // Labels such as "r =", "jump:", "P=" carry no value.
  s = s.replace(/[a-zA-Z_][a-zA-Z_ ]*\s*[=:]/g, ' ');
  s = s
    .replace(/^[[({<]\s*/, '')
    .replace(/\s*[\])}>]$/, '')
    .trim();
  const parts = s
    .split(/\s*(?:,|;|×|\*|\band\b|\bby\b|(?<=\d)\s*[xX]\s*(?=\d)|\s+)\s*/)
    .filter((p) => p.length > 0);
  if (parts.length === 0) return failure('no-numbers', { raw: raw.trim() });
  const values: number[] = [];
  for (const p of parts) {
    const n = plainNumber(p);
    if (!n) return failure('list-item', { raw: raw.trim(), part: p });
    values.push(scaled(n.mantissa, n.exp));
  }
  return { ok: true, values };
}

/**
 * An option chosen by its letter ("c", "C)", "(C)", "C.", full-width "Ｃ）"), its number ("3"), its
 * text, or its letter and text as the app shows the answer ("C) text", "C. text"). With both, the
 * letter decides unless the text is another option's (then the answer contradicts itself): the text
 * may be the option in the other UI language.
 */
export function parseChoice(
  raw: string,
  keys: readonly string[],
  texts: readonly string[],
): { ok: true; key: string } | ParseFailure {
  const s = normalise(raw);
  const norm = (t: string) =>
    normalise(t)
      .toLowerCase()
      .replace(/[\s.]+/g, ' ')
      .trim();
  const byText = (t: string) => texts.findIndex((x) => norm(x) === norm(t));
  const whole = byText(s);
  if (whole >= 0) return { ok: true, key: keys[whole] };
  const letter = /^\(?([a-zA-Z])(?:\s*([).:,])|(?=\s|$))\s*(.*)$/s.exec(s);
  if (letter) {
    const k = letter[1].toUpperCase();
    const rest = letter[3].trim();
    const named = rest === '' ? -1 : byText(rest);
    // "C blah" without a separator is text, not a letter, unless "blah" is an option's text.
    if (rest === '' || letter[2] !== undefined || named >= 0) {
      if (!keys.includes(k)) return failure('no-option-letter', { key: k, keys: keys.join(', ') });
      if (named >= 0 && keys[named] !== k) return failure('choice-conflict', { key: k, other: keys[named] });
      return { ok: true, key: k };
    }
  }
  if (/^\d+$/.test(s)) {
    const i = Number(s) - 1;
    if (i >= 0 && i < keys.length) return { ok: true, key: keys[i] };
    return failure('no-option-number', { number: s, count: keys.length });
  }
  return failure('none-of-options', { raw: s, keys: keys.join(', ') });
}

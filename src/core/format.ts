/** Number formatting shared by the UI and the CLI. */

const COUNT_UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/**
 * A count with a decimal (SI) suffix and up to `digits` significant digits: 1.2e6 → "1.2M",
 * 4089184256 → "4.09G", 999 → "999". Decimal, because MAC and parameter counts are quoted that way.
 */
export function formatCount(n: number, digits = 3): string {
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  for (const [v, s] of COUNT_UNITS) {
    if (a >= v) return `${trim((n / v).toPrecision(digits))}${s}`;
  }
  return Number.isInteger(n) ? String(n) : trim(n.toPrecision(digits));
}

/**
 * The one table of raised and lowered characters: [superscript, subscript], '' where Unicode has no
 * such character (no subscript b, c, d, f, g, q, w, y, z or capital; no superscript q). Unicode has no
 * raised full stop: the raised dot stands for it.
 */
const SCRIPTS: Record<string, readonly [sup: string, sub: string]> = {
  '0': ['⁰', '₀'],
  '1': ['¹', '₁'],
  '2': ['²', '₂'],
  '3': ['³', '₃'],
  '4': ['⁴', '₄'],
  '5': ['⁵', '₅'],
  '6': ['⁶', '₆'],
  '7': ['⁷', '₇'],
  '8': ['⁸', '₈'],
  '9': ['⁹', '₉'],
  '+': ['⁺', '₊'],
  '-': ['⁻', '₋'],
  '−': ['⁻', '₋'],
  '=': ['⁼', '₌'],
  '(': ['⁽', '₍'],
  ')': ['⁾', '₎'],
  '.': ['·', ''],
  a: ['ᵃ', 'ₐ'],
  b: ['ᵇ', ''],
  c: ['ᶜ', ''],
  d: ['ᵈ', ''],
  e: ['ᵉ', 'ₑ'],
  f: ['ᶠ', ''],
  g: ['ᵍ', ''],
  h: ['ʰ', 'ₕ'],
  i: ['ⁱ', 'ᵢ'],
  j: ['ʲ', 'ⱼ'],
  k: ['ᵏ', 'ₖ'],
  l: ['ˡ', 'ₗ'],
  m: ['ᵐ', 'ₘ'],
  n: ['ⁿ', 'ₙ'],
  o: ['ᵒ', 'ₒ'],
  p: ['ᵖ', 'ₚ'],
  r: ['ʳ', 'ᵣ'],
  s: ['ˢ', 'ₛ'],
  t: ['ᵗ', 'ₜ'],
  u: ['ᵘ', 'ᵤ'],
  v: ['ᵛ', 'ᵥ'],
  w: ['ʷ', ''],
  x: ['ˣ', 'ₓ'],
  y: ['ʸ', ''],
  z: ['ᶻ', ''],
  T: ['ᵀ', ''],
};

/**
 * Digits, minus sign and decimal point raised for an exponent: "-4" → "⁻⁴", "1.97" → "¹·⁹⁷"; a
 * character with no raised form is kept as it is.
 */
export function superscript(text: string | number): string {
  return [...String(text)].map((c) => SCRIPTS[c]?.[0] || c).join('');
}

/**
 * `text` raised (`sup`) or lowered (`sub`) when Unicode has that form of every one of its characters
 * (`in` → "ᵢₙ", `l-1` → "ₗ₋₁", `6` → "⁶"), else null: a subscript such as `eff` or `w` (Unicode has no
 * subscript f or w) is then left to the caller's readable fallback (`K_eff`), never half lowered.
 */
export function scripted(text: string, position: 'sup' | 'sub'): string | null {
  const i = position === 'sup' ? 0 : 1;
  const out = [...text].map((c) => SCRIPTS[c]?.[i] ?? '');
  return text !== '' && out.every((c) => c !== '') ? out.join('') : null;
}

function trim(s: string): string {
  return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s;
}

/** 1234567 → "1,234,567" (thousands separators, locale-independent). */
export function formatInt(n: number): string {
  return Number.isInteger(n) ? n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n);
}

export type ByteUnits = 'si' | 'iec';

/**
 * Bytes with an explicit unit system: 'si' → kB/MB/GB (powers of 1000), 'iec' → KiB/MiB/GiB
 * (powers of 1024). 1_048_576 → "1.05 MB" (si) or "1 MiB" (iec).
 */
export function formatBytes(n: number, units: ByteUnits = 'iec', digits = 3): string {
  const base = units === 'si' ? 1000 : 1024;
  const names =
    units === 'si' ? ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] : ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= base && i < names.length - 1) {
    v /= base;
    i++;
  }
  return `${i === 0 ? String(v) : trim(v.toPrecision(digits))} ${names[i]}`;
}

/** [64, 56, 56] → "64×56×56". */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}

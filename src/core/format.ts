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

const RAISED: Record<string, string> = {
  '-': '⁻',
  '.': '·',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * Digits, minus sign and decimal point raised for an exponent: "-4" → "⁻⁴", "1.97" → "¹·⁹⁷" (Unicode
 * has no raised full stop: the raised dot stands for it).
 */
export function superscript(text: string | number): string {
  return [...String(text)].map((c) => RAISED[c] ?? c).join('');
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

/**
 * Numbers as the reader's language writes them. The core's formatters (`src/core/format.ts`) are
 * locale-independent because the CLI and exported files share them; the interface formats what a
 * student reads here.
 *
 *   exact integers   locale grouping: 25,557,032
 *   large counts     en: 25.6 million, 4.09 billion · zh-CN: 2,556 万, 40.9 亿 (three significant digits,
 *                    never rounding the whole part)
 *   compact          axis ticks: en 200M, 4G · zh-CN 2亿, 40亿
 *   percentages      the locale's percent sign, no space in en or zh-CN: 48%
 *   scientific       6.1 × 10⁻⁵ (no-break spaces: a line never ends at "6.1 ×")
 *   powers of ten    log-axis ticks: 10⁻⁵, 10⁰, 10³
 */

import { formatCount, superscript } from '../../core/format';

const isZh = (locale: string) => locale.toLowerCase().startsWith('zh');

/**
 * Formatters by locale and options: making an Intl.NumberFormat costs far more than formatting with
 * one, and a graph of 500 layers formats a thousand counts per drawing.
 */
const formatters = new Map<string, Intl.NumberFormat>();

/** A number in the locale's digits and grouping. */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** A plain value: integers exact, others with two decimals (three significant digits below one). */
export function formatPlain(value: number, locale: string): string {
  if (Number.isInteger(value)) return formatNumber(value, locale);
  // 111.5 must not round to 112: keep two decimals for values above one, 3 significant digits below.
  return Math.abs(value) >= 1
    ? formatNumber(value, locale, { maximumFractionDigits: 2 })
    : formatNumber(value, locale, { maximumSignificantDigits: 3 });
}

/** [from, unit, word]: counts from `from` on are written in `unit`s. */
const SCALES: Record<'en' | 'zh', [number, number, string][]> = {
  // Chinese groups by 10⁴: 万 (10⁴), 亿 (10⁸), 万亿 (10¹²); counts below 10⁵ stay exact.
  zh: [
    [1e12, 1e12, ' 万亿'],
    [1e8, 1e8, ' 亿'],
    [1e5, 1e4, ' 万'],
  ],
  en: [
    [1e12, 1e12, ' trillion'],
    [1e9, 1e9, ' billion'],
    [1e6, 1e6, ' million'],
  ],
};

/**
 * A large count rounded for reading: three significant digits, but never fewer digits than the whole
 * part has (25,557,032 in Chinese is 2,556 万, not 2,560 万). Counts below a million (en) or 10⁵ (zh)
 * are written exactly.
 */
export function formatLargeCount(n: number, locale: string): string {
  for (const [from, unit, word] of SCALES[isZh(locale) ? 'zh' : 'en']) {
    if (Math.abs(n) < from) continue;
    const v = n / unit;
    const whole = Math.floor(Math.log10(Math.abs(v))) + 1;
    return `${formatNumber(v, locale, { maximumSignificantDigits: Math.max(3, whole) })}${word}`;
  }
  return formatPlain(n, locale);
}

/**
 * An exact count a widget computes, as a reader of the locale takes it in: English groups digits by
 * thousands (19,760,384); Chinese readers count in 万 and 亿, so from 10⁵ on the exact figure is
 * followed by its reading: 19,760,384（约 1,976 万）.
 */
export function formatExactCount(n: number, locale: string): string {
  const exact = formatPlain(n, locale);
  return isZh(locale) && Number.isInteger(n) && Math.abs(n) >= 1e5
    ? `${exact}（约 ${formatLargeCount(n, locale)}）`
    : exact;
}

/**
 * A count beside its unit ("4.09G MACs"): English keeps the SI prefixes the tables and the CLI use,
 * Chinese counts in 万 and 亿 ("40.9 亿次乘加").
 */
export function formatUnitCount(n: number, locale: string): string {
  return isZh(locale) ? formatLargeCount(n, locale) : formatCount(n);
}

/**
 * An exact count with its reading, where a total is shown once: en "25,557,032 (25.6M)", zh-CN
 * "25,557,032（约 2,556 万）".
 */
export function formatCountReading(n: number, locale: string): string {
  return isZh(locale) ? formatExactCount(n, locale) : `${formatPlain(n, locale)} (${formatCount(n)})`;
}

/**
 * A short count for chart axes: en "200M", "4G" (the SI prefixes of the tables, not Intl's "4B"),
 * zh-CN "2亿".
 */
export function formatCompact(n: number, locale: string): string {
  return isZh(locale)
    ? formatNumber(n, locale, { notation: 'compact', maximumSignificantDigits: 3 })
    : formatCount(n);
}

/** A share (0.48) as a percentage in the locale's style: "48%". */
export function formatPercent(share: number, locale: string, fractionDigits = 0): string {
  return formatNumber(share, locale, { style: 'percent', maximumFractionDigits: fractionDigits });
}

/** The mantissa (two decimals) and exponent of a number in scientific notation. */
export function sciParts(n: number): { mantissa: number; exponent: number } {
  const [m, e] = n.toExponential(2).split('e');
  return { mantissa: Number(m), exponent: Number(e) };
}

/**
 * A power written with a raised exponent, to `fractionDigits` decimals: ("side", 1.97) → "side¹·⁹⁷",
 * (10, -3.45) → "10⁻³·⁴⁵" (Unicode has no raised full stop: the raised dot stands for it).
 */
export function formatPower(base: string | number, exponent: number, fractionDigits = 2): string {
  const digits = exponent.toFixed(fractionDigits).replace(/^-(?=0(\.0*)?$)/, '');
  return `${base}${superscript(digits)}`;
}

/** No-break space: keeps "22 × 22" and "6.1 × 10⁻⁵" on one line. */
const NBSP = '\u00a0';

/** 6.1e-5 → "6.1 × 10⁻⁵", its spaces no-break ones. */
export function formatScientific(n: number, locale: string): string {
  const { mantissa, exponent } = sciParts(n);
  return `${formatNumber(mantissa, locale, { maximumFractionDigits: 2 })}${NBSP}×${NBSP}10${superscript(exponent)}`;
}

/**
 * A log-axis tick as a power of ten (1e-5 → "10⁻⁵", 1 → "10⁰"); a tick between powers (ECharts adds
 * none on a log axis, but a value axis may) falls back to scientific notation.
 */
export function formatPowerOfTen(v: number, locale: string): string {
  if (!(v > 0) || !Number.isFinite(v)) return formatPlain(v, locale);
  const e = Math.round(Math.log10(v));
  return Math.abs(v / 10 ** e - 1) < 1e-9 ? `10${superscript(e)}` : formatScientific(v, locale);
}

/**
 * Joins "a × b" between numbers with no-break spaces, so a sentence never breaks inside a size. Also
 * across the value spans of lesson HTML (`<span class="cs-value">22</span> × <span …>22`).
 */
export function keepTogether(text: string): string {
  return text.replace(/(\d(?:<\/span>)?) × (?=(?:<span[^>]*>)?\d)/g, `$1${NBSP}×${NBSP}`);
}

/**
 * LaTeX digits grouped with the locale's separator (as `formatNumber` writes them outside formulas),
 * instead of the core's thin spaces (`115\,605\,504` → `115{,}605{,}504`). The braces keep TeX from
 * spacing the comma as punctuation.
 */
export function texGrouping(source: string, locale: string): string {
  const separator = formatNumber(1000, locale).replace(/\d/g, '');
  return source.replace(/(?<=\d)\\,(?=\d{3}(?!\d))/g, `{${separator}}`);
}

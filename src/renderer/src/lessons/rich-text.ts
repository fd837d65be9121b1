import katex from 'katex';
import { formatBytes } from '../../../core/format';
import { tex } from '../../../core/formulas/latex';
import {
  formatLargeCount,
  formatNumber,
  formatPercent,
  formatPlain,
  formatScientific,
  keepTogether,
  sciParts,
  texGrouping,
} from '../format';
import type { BindingValue, Bindings } from './types';

/**
 * Turns a lesson text into HTML. The text is the project's own content; everything in it is escaped
 * except KaTeX's output for its `$…$` formulas. `{{ name | format }}` inserts a computed value, written
 * as the UI language writes numbers (`../format.ts`):
 *   (none)  integers with locale grouping; others with two decimals (three significant digits below one)
 *   approx  a large count rounded for reading: "116 million" / "1.16 亿"
 *   giga    ÷ 10⁹, two decimals (for a quoted "4.09 GFLOPs")
 *   pct     a share as a percentage
 *   round   rounded to a whole number ("166", not "166.0")
 *   fixed1  one decimal
 *   fixed2  two decimals
 *   sci     scientific notation (a × 10ⁿ)
 *   bytes   binary units (KiB, MiB) as the core formats them
 */

export const BINDING_PATTERN = /\{\{\s*([\w.-]+)\s*(?:\|\s*(\w+)\s*)?\}\}/g;
export const FORMATS = ['approx', 'giga', 'pct', 'round', 'fixed1', 'fixed2', 'sci', 'bytes'] as const;
type Format = (typeof FORMATS)[number];

export class MissingBindingError extends Error {}

function lookup(values: Bindings, name: string): BindingValue {
  const v = values[name];
  if (v === undefined) throw new MissingBindingError(`no value "${name}" for this lesson`);
  return v;
}

/** A value as text in the UI language. */
export function formatValue(value: BindingValue, format: string | undefined, locale: string): string {
  if (typeof value === 'string') return value;
  switch (format as Format | undefined) {
    case 'approx':
      return formatLargeCount(value, locale);
    case 'giga':
      return formatNumber(value / 1e9, locale, { maximumFractionDigits: 2 });
    case 'pct':
      return formatPercent(value, locale);
    case 'round':
      return formatNumber(Math.round(value), locale);
    case 'fixed1':
      return formatNumber(value, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    case 'fixed2':
      return formatNumber(value, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'sci':
      return formatScientific(value, locale);
    case 'bytes':
      return formatBytes(value, 'iec');
    case undefined:
      return formatPlain(value, locale);
    default:
      throw new MissingBindingError(`unknown format "${format}"`);
  }
}

/** A value inside LaTeX: KaTeX needs plain digits (thin-space grouping, as the core's formulas). */
export function texValue(value: BindingValue, format: string | undefined): string {
  if (typeof value === 'string') return `\\text{${value}}`;
  switch (format as Format | undefined) {
    case 'giga':
      return String(Number((value / 1e9).toFixed(2)));
    case 'pct':
      return `${Math.round(value * 100)}\\%`;
    case 'round':
      return tex(Math.round(value));
    case 'fixed1':
      return value.toFixed(1);
    case 'fixed2':
      return value.toFixed(2);
    case 'approx':
    case 'sci': {
      const { mantissa, exponent } = sciParts(value);
      return `${mantissa} \\times 10^{${exponent}}`;
    }
    case 'bytes':
      return `\\text{${formatBytes(value, 'iec')}}`;
    case undefined:
      if (Number.isInteger(value)) return tex(value);
      return String(Math.abs(value) >= 1 ? Number(value.toFixed(2)) : Number(value.toPrecision(3)));
    default:
      throw new MissingBindingError(`unknown format "${format}"`);
  }
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Resolves the bindings of a LaTeX source. */
export function bindTex(source: string, values: Bindings): string {
  return source.replace(BINDING_PATTERN, (_, name: string, format?: string) =>
    texValue(lookup(values, name), format),
  );
}

/** A formula as HTML, its grouped digits written as the UI language groups them outside formulas. */
export function renderTex(source: string, values: Bindings, displayMode: boolean, locale = 'en'): string {
  return katex.renderToString(texGrouping(bindTex(source, values), locale), {
    throwOnError: false,
    displayMode,
  });
}

/** Plain text with bindings and **bold**, escaped. */
function renderPlain(text: string, values: Bindings, locale: string): string {
  let html = '';
  let last = 0;
  for (const m of text.matchAll(BINDING_PATTERN)) {
    html += escapeHtml(text.slice(last, m.index));
    html += `<span class="cs-value">${escapeHtml(formatValue(lookup(values, m[1]), m[2], locale))}</span>`;
    last = m.index + m[0].length;
  }
  html += escapeHtml(text.slice(last));
  return keepTogether(html)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** A paragraph of lesson text as HTML: `$…$` formulas through KaTeX, the rest escaped. */
export function renderInline(text: string, values: Bindings, locale: string): string {
  const parts = text.split(/\$([^$]+)\$/);
  return parts
    .map((part, i) =>
      i % 2 === 1 ? renderTex(part, values, false, locale) : renderPlain(part, values, locale),
    )
    .join('');
}

/** Every binding name a text refers to. */
export function bindingNames(text: string): string[] {
  return [...text.matchAll(BINDING_PATTERN)].map((m) => m[1]);
}

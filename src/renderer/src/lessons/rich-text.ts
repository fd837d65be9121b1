import katex from 'katex';
import { formatBytes } from '../../../core/format';
import { tex } from '../../../core/formulas/latex';
import type { BindingValue, Bindings } from './types';

/**
 * Turns a lesson text into HTML. The text is the project's own content; everything in it is escaped
 * except KaTeX's output for its `$…$` formulas. `{{ name | format }}` inserts a computed value:
 *   (none)  integers with locale grouping; others with two decimals (three significant digits below one)
 *   giga    ÷ 10⁹, two decimals (for "4.09 GMACs")
 *   mega    ÷ 10⁶, two decimals
 *   pct     a share as a percentage
 *   fixed1  one decimal
 *   fixed2  two decimals
 *   sci     scientific notation (a × 10ⁿ)
 *   bytes   binary units (KiB, MiB) as the core formats them
 */

export const BINDING_PATTERN = /\{\{\s*([\w.-]+)\s*(?:\|\s*(\w+)\s*)?\}\}/g;
export const FORMATS = ['giga', 'mega', 'pct', 'fixed1', 'fixed2', 'sci', 'bytes'] as const;
type Format = (typeof FORMATS)[number];

export class MissingBindingError extends Error {}

function lookup(values: Bindings, name: string): BindingValue {
  const v = values[name];
  if (v === undefined) throw new MissingBindingError(`no value "${name}" for this lesson`);
  return v;
}

function sciParts(n: number): { mantissa: number; exponent: number } {
  const [m, e] = n.toExponential(2).split('e');
  return { mantissa: Number(m), exponent: Number(e) };
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
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

/** A value as text in the UI language. */
export function formatValue(value: BindingValue, format: string | undefined, locale: string): string {
  if (typeof value === 'string') return value;
  const nf = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, o).format(value);
  switch (format as Format | undefined) {
    case 'giga':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value / 1e9);
    case 'mega':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value / 1e6);
    case 'pct':
      return nf({ style: 'percent', maximumFractionDigits: 0 });
    case 'fixed1':
      return nf({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
    case 'fixed2':
      return nf({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'sci': {
      const { mantissa, exponent } = sciParts(value);
      const exp = [...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('');
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(mantissa)} × 10${exp}`;
    }
    case 'bytes':
      return formatBytes(value, 'iec');
    case undefined:
      if (Number.isInteger(value)) return nf({});
      // 111.5 must not round to 112: keep two decimals for values above one, 3 significant digits below.
      return Math.abs(value) >= 1 ? nf({ maximumFractionDigits: 2 }) : nf({ maximumSignificantDigits: 3 });
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
    case 'mega':
      return String(Number((value / 1e6).toFixed(2)));
    case 'pct':
      return `${Math.round(value * 100)}\\%`;
    case 'fixed1':
      return value.toFixed(1);
    case 'fixed2':
      return value.toFixed(2);
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

export function renderTex(source: string, values: Bindings, displayMode: boolean): string {
  return katex.renderToString(bindTex(source, values), { throwOnError: false, displayMode });
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
  return html.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** A paragraph of lesson text as HTML: `$…$` formulas through KaTeX, the rest escaped. */
export function renderInline(text: string, values: Bindings, locale: string): string {
  const parts = text.split(/\$([^$]+)\$/);
  return parts
    .map((part, i) => (i % 2 === 1 ? renderTex(part, values, false) : renderPlain(part, values, locale)))
    .join('');
}

/** Every binding name a text refers to. */
export function bindingNames(text: string): string[] {
  return [...text.matchAll(BINDING_PATTERN)].map((m) => m[1]);
}

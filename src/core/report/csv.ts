import type { ModelAnalysis } from '../analysis/types';
import { type ReportCell, reportHeader, reportRows } from './columns';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection"): `=`, `+`, `-`,
 * `@`, and tab or carriage return in front of one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Numbers are written as they are (a negative number stays a number). A string is
 * quoted when it holds a quote, comma, semicolon, tab or line break (RFC 4180, quotes doubled; the
 * semicolon for spreadsheets set to split on it). A string that a spreadsheet would run as a formula
 * gets a leading `'` and quotes: `=HYPERLINK(…)` → `"'=HYPERLINK(…)"`, shown as text.
 */
export function csvField(value: ReportCell): string {
  if (typeof value === 'number') return String(value);
  const s = FORMULA_START.test(value) ? `'${value}` : value;
  return s !== value || /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV text: fields by {@link csvField}, CRLF after every row (RFC 4180). */
export function toCsv(rows: readonly (readonly ReportCell[])[]): string {
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/**
 * The per-layer report as CSV (header, one row per layer, totals row): what `convscope analyze --csv`
 * prints and what the Designs page exports, byte for byte.
 */
export function reportCsv(a: ModelAnalysis): string {
  return toCsv([reportHeader(a.options), ...reportRows(a)]);
}

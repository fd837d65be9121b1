import { superscript } from '../../format';
import type { NamedExperiment } from './catalog';
import { measureOf, type Measure } from './claims';
import type { ExperimentResult } from './runner';

/**
 * A named experiment's finding: the sentence of its caption that quotes measured numbers, as a
 * template. Its numbers come from a run, never from the text, so the sentence always agrees with the
 * chart and the numbers beside it. Placeholders, each rounded as the sentence reads it:
 * - recurrent: `{decades}` (whole decades over the sequence), `{perStep}` (two decimals), `{steps}`
 * - training: `{signal}`, `{weightRatio}`, `{gradMax}`, `{gradMaxEnd}` (whole powers of ten, written
 *   10ⁿ), `{accuracy}` (whole percent), `{loss}` (two significant digits)
 * - `{baselineX}`: the same value of the problem a remedy fixes, run with the same seed.
 */
export type FindingValues = Record<string, number>;

/** How a placeholder's value is written: a power of ten 10ⁿ, a percentage, or a plain number. */
export type FindingStyle = 'power' | 'percent' | 'number';

/** The measured values a finding can quote, from a run (what `measuresOf` reads). */
export type FindingMeasures = Partial<Record<Exclude<Measure, 'diverged'>, number | null>>;

const POWERS = new Set(['signal', 'weightRatio', 'gradMax', 'gradMaxEnd']);

/** The style of a placeholder (`baselineSignal` is written like `signal`). */
export function findingStyle(key: string): FindingStyle {
  const base = key.replace(/^baseline(\w)/, (_, c: string) => c.toLowerCase());
  return POWERS.has(base) ? 'power' : base === 'accuracy' ? 'percent' : 'number';
}

/** What a finding can quote of a run: its measures (`claims.ts`), null where not measured or not finite. */
export function measuresOf(result: ExperimentResult): FindingMeasures {
  const out: FindingMeasures = {};
  for (const m of [
    'signal',
    'weightRatio',
    'gradMax',
    'gradMaxEnd',
    'accuracy',
    'loss',
    'decades',
  ] as const) {
    const v = measureOf(result, m);
    out[m] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return out;
}

const perStep = (decades: number, steps: number) => Math.round((100 * decades) / steps) / 100;

/** One measured value rounded as the sentence reads it. */
function rounded(key: string, v: number): number {
  if (key === 'decades') return Math.round(v);
  if (key === 'accuracy') return Math.round(100 * v) / 100;
  if (key === 'loss') return Number(v.toPrecision(2));
  return Math.round(v);
}

/** The value of one placeholder (without its `baseline` prefix) from a run's measures, or null. */
function valueOf(e: NamedExperiment, key: string, m: FindingMeasures): number | null {
  if (key === 'steps') return e.config.kind === 'rnn' ? e.config.length : e.config.steps;
  if (key === 'perStep') {
    const d = m.decades;
    return e.config.kind === 'rnn' && typeof d === 'number' ? perStep(d, e.config.length) : null;
  }
  const v = (m as Record<string, number | null | undefined>)[key];
  return typeof v === 'number' && Number.isFinite(v) ? rounded(key, v) : null;
}

/**
 * The values of an experiment's finding from the measures of its run (and of its problem's, for a
 * remedy whose finding compares with it); null when a number it needs is missing or not finite.
 */
export function findingValues(
  e: NamedExperiment,
  measured: FindingMeasures | null,
  baseline: FindingMeasures | null = null,
): FindingValues | null {
  if (!e.finding || !measured) return null;
  const values: FindingValues = {};
  for (const [, key] of e.finding.matchAll(/\{(\w+)\}/g)) {
    const base = /^baseline[A-Z]/.test(key!);
    const name = base ? key!.charAt(8).toLowerCase() + key!.slice(9) : key!;
    const source = base ? baseline : measured;
    const v = source ? valueOf(e, name, source) : null;
    if (v === null) return null;
    values[key!] = v;
  }
  return values;
}

/** A whole power of ten as text: −4 → "10⁻⁴". */
export function powerOfTen(exponent: number): string {
  return `10${superscript(exponent)}`;
}

/** A finding's values written for its sentence; `number` writes plain numbers and percentages. */
export function writeFinding(
  values: FindingValues,
  number: (v: number, style: 'percent' | 'number') => string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      const style = findingStyle(k);
      return [k, style === 'power' ? powerOfTen(v) : number(v, style)];
    }),
  );
}

/** A finding template filled with its values, numbers written as English writes them (the CLI's text). */
export function fillFinding(template: string, values: FindingValues): string {
  const shown = writeFinding(values, (v, style) =>
    style === 'percent' ? `${Math.round(100 * v)}%` : String(v),
  );
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => shown[key] ?? whole);
}

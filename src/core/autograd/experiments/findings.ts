import type { NamedExperiment } from './catalog';

/**
 * A named experiment's finding: the sentence of its caption that quotes measured numbers, as a
 * template (`{decades}`, `{perStep}`, `{steps}`, and `{baselineDecades}`, `{baselinePerStep}` for the
 * problem a remedy fixes). Its numbers come from a run, never from the text, so the sentence always
 * agrees with the chart and the numbers beside it. The values are rounded as the sentence reads them:
 * whole decades over the sequence, two decimals per step.
 */
export type FindingValues = Record<'decades' | 'perStep' | 'steps', number> &
  Partial<Record<'baselineDecades' | 'baselinePerStep', number>>;

const perStep = (decades: number, steps: number) => Math.round((100 * decades) / steps) / 100;

/**
 * The values of an experiment's finding from its decades lost through time (and its problem's, for a
 * remedy whose finding compares with it); null when a number it needs is missing or not finite.
 */
export function findingValues(
  e: NamedExperiment,
  decades: number | null,
  baselineDecades: number | null = null,
): FindingValues | null {
  if (!e.finding || e.config.kind !== 'rnn' || decades === null || !Number.isFinite(decades)) return null;
  const steps = e.config.length;
  const values: FindingValues = { decades: Math.round(decades), perStep: perStep(decades, steps), steps };
  if (!/\{baseline/.test(e.finding)) return values;
  if (baselineDecades === null || !Number.isFinite(baselineDecades)) return null;
  return {
    ...values,
    baselineDecades: Math.round(baselineDecades),
    baselinePerStep: perStep(baselineDecades, steps),
  };
}

/** A finding template filled with its values, numbers written as English writes them (the CLI's text). */
export function fillFinding(template: string, values: FindingValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = (values as Record<string, number | undefined>)[key];
    return v === undefined ? whole : String(v);
  });
}

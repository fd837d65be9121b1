import { findingValues, type NamedExperiment } from '../../../core/autograd';
import { formatNumber } from '../format';

/** What separates two sentences: a space in English, nothing after a Chinese full stop. */
export function sentenceGap(locale: string): string {
  return locale === 'zh-CN' ? '' : ' ';
}

type Translate = (key: string, values: Record<string, string>) => string;

/**
 * A preset's finding (the caption's sentence with measured numbers) in the UI language, filled from
 * the decades a run lost through time (and its problem's, for a remedy); null when there is none yet.
 */
export function findingText(
  t: Translate,
  locale: string,
  e: NamedExperiment | undefined,
  decades: number | null,
  baselineDecades: number | null,
): string | null {
  if (!e?.finding) return null;
  const values = findingValues(e, decades, baselineDecades);
  if (!values) return null;
  const shown = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, formatNumber(v, locale, { maximumFractionDigits: 2 })]),
  );
  return t(`gradients.presets.${e.id}.finding`, shown);
}

import {
  findingValues,
  writeFinding,
  type FindingMeasures,
  type NamedExperiment,
} from '../../../core/autograd';
import { formatNumber, formatPercent } from '../format';

/** What separates two sentences: a space in English, nothing after a Chinese full stop. */
export function sentenceGap(locale: string): string {
  return locale === 'zh-CN' ? '' : ' ';
}

type Translate = (key: string, values: Record<string, string>) => string;

/**
 * A preset's finding (the caption's sentence with measured numbers) in the UI language, filled from
 * the measures of a run (and of its problem's, for a remedy); null when there is none yet.
 */
export function findingText(
  t: Translate,
  locale: string,
  e: NamedExperiment | undefined,
  measured: FindingMeasures | null,
  baseline: FindingMeasures | null,
): string | null {
  if (!e?.finding) return null;
  const values = findingValues(e, measured, baseline);
  if (!values) return null;
  const shown = writeFinding(values, (v, style) =>
    style === 'percent' ? formatPercent(v, locale) : formatNumber(v, locale, { maximumFractionDigits: 2 }),
  );
  return t(`gradients.presets.${e.id}.finding`, shown);
}

import { warningLine, warningText, type WarningNote, type WarningTranslator } from '../../../core/analysis';
import type { ModelIssue } from '../../../core/model';
import { formatPlain } from '../format';

/** vue-i18n's `t`, as the warning texts need it (a count chooses a plural form). */
export type Translate = (key: string, params?: Record<string, unknown>, plural?: number) => string;

/**
 * The analysis warnings in the UI language: each message by its code (`analysisWarnings.notes.<code>`),
 * its parameters in words first (numbers in the locale's digits, nested clauses and lists translated).
 */
export function warningWords(t: Translate, locale: string) {
  const translate = warningTranslator(t);
  const num = (x: number) => formatPlain(x, locale);
  const separator = t('analysisWarnings.separator');
  return {
    /** The warning as the list shows it, the layer's id first. */
    line: (w: { layerId: string } & WarningNote) => warningLine(w, translate, num, separator),
    /** The message alone (next to the layer's id already). */
    text: (w: WarningNote) => warningText(w, translate, num, separator),
  };
}

/**
 * A validation problem in the UI language: by its code when the analysis gave one (the layer's id
 * first), else the core's message.
 */
export function issueText(issue: ModelIssue, t: Translate, locale: string): string {
  if (!issue.note) return issue.message;
  const w = { layerId: issue.layerId ?? '', ...issue.note };
  return issue.layerId === undefined ? warningWords(t, locale).text(w) : warningWords(t, locale).line(w);
}

/** One message by its code through vue-i18n, a count choosing the plural form. */
export function warningTranslator(t: Translate): WarningTranslator {
  return (code, params, count) =>
    count === undefined
      ? t(`analysisWarnings.notes.${code}`, params)
      : t(`analysisWarnings.notes.${code}`, params, count);
}

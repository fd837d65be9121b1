import {
  ERROR_MESSAGES,
  issueLine,
  warningLine,
  warningText,
  type WarningNote,
  type WarningTranslator,
} from '../../../core/analysis';
import type { ModelIssue } from '../../../core/model';
import type { ApiError } from '../../../shared/result';
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
 * A validation problem in the UI language, by its code (the layer's id first unless the message names
 * its place itself), else the core's message. Every place that shows a model's errors goes through
 * here: the editor's status, the layer form, the import dialogs.
 */
export function issueText(issue: ModelIssue, t: Translate, locale: string): string {
  return issueLine(
    issue,
    warningTranslator(t),
    (x) => formatPlain(x, locale),
    t('analysisWarnings.separator'),
  );
}

/**
 * A refusal from the backend in the UI language: a refused model's first problem by its code (and how
 * many more it has), else the backend's own message.
 */
export function refusalText(error: ApiError, t: Translate, locale: string): string {
  const r = error.refusal;
  if (!r?.issue.note) return error.message;
  const problem = issueText(r.issue as ModelIssue, t, locale);
  return r.more ? t('designs.editor.moreProblems', { problem, count: r.more }, r.more) : problem;
}

/** The fields every layer has, labelled by the form itself (`designs.layers.<key>`). */
const BASE_FIELDS = new Set(['id', 'op', 'inputs']);

/**
 * One message by its code through vue-i18n, a count choosing the plural form: a warning's at
 * `analysisWarnings.notes.<code>`, an error's at `modelErrors.notes.<code>`. A field is named as the
 * layer form labels it (`ops.fields.<key>`), with its key.
 */
export function warningTranslator(t: Translate): WarningTranslator {
  return (code, params, count) => {
    if (code === 'model-field') {
      const label = t(`modelErrors.modelFields.${params.key}`);
      return label.startsWith('modelErrors.')
        ? (params.key ?? '')
        : t('modelErrors.field', { ...params, label });
    }
    if (code === 'field') {
      const key = params.key ?? '';
      const path = BASE_FIELDS.has(key) ? `designs.layers.${key}` : `ops.fields.${key}`;
      const label = t(path);
      return label === path || label === key ? key : t('modelErrors.field', { label, key });
    }
    const key = code in ERROR_MESSAGES ? `modelErrors.notes.${code}` : `analysisWarnings.notes.${code}`;
    return count === undefined ? t(key, params) : t(key, params, count);
  };
}

import {
  answerFormat,
  CONCEPT_ITEMS,
  FORMAT_TEMPLATES,
  formatAnswer,
  type FormulaTraceName,
  stepName,
  STEP_NAMES_EN,
  promptTemplates,
  type Choice,
  type GradeNote,
  type GradeResult,
  type Prompt,
  type Question,
} from '../../../core/quiz';
import { formatInt } from '../../../core/format';
import type { AppLocale } from '../preferences';
import {
  CONCEPTS_ZH,
  FORMAT_TEMPLATES_ZH,
  PARAM_TEXT_ZH,
  QUIZ_TEMPLATES_ZH,
  STEP_NAMES_ZH,
} from '../locales/zh-CN/practice';

const EN_TEMPLATES = promptTemplates();

/** The templates of one language, keyed like the core's `promptTemplates()`. */
export function templatesFor(locale: AppLocale): Record<string, string> {
  return locale === 'zh-CN' ? QUIZ_TEMPLATES_ZH : EN_TEMPLATES;
}

/** The `{name}` placeholders of a template, sorted (a template must use the same ones in every language). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** Layer lines and other English fragments of the core's params, in Chinese. */
export function paramToZh(value: string): string {
  const exact = PARAM_TEXT_ZH[value];
  if (exact !== undefined) return exact;
  const unit = /^in (\w+) \(1 \w+ = (\S+) bytes\), to 4 significant digits$/.exec(value);
  if (unit) return `以 ${unit[1]} 为单位（1 ${unit[1]} = ${unit[2]} 字节），保留 4 位有效数字`;
  const steps = /^(\d+) steps?$/.exec(value);
  if (steps) return `${steps[1]} 步`;
  return value
    .replace(/^f = (\w+) and \|wₗ\| = (\S+) for every layer$/, '每一层都有 f = $1，|wₗ| = $2')
    .replace(/, then:\n/g, '，然后：\n')
    .replace(/^, dilation (\d+)$/, '，扩张率 $1')
    .replace(/\blayer (\d+): /g, '第 $1 层：')
    .replace(/; (?=第)/g, '；')
    .replace(/(sigmoid|tanh|relu|ReLU|linear|identity), \|w\|/g, '$1，|w|')
    .replace(/\bmax pool, /g, '最大池化，')
    .replace(/\bavg pool, /g, '平均池化，')
    .replace(/(\d+\. )conv, /g, '$1卷积，')
    .replace(
      /(卷积|池化)，kernel (\d+), stride (\d+)(?:, dilation (\d+|d))?/g,
      (_m, op: string, k: string, s: string, d?: string) =>
        d ? `${op}，核 ${k}，步长 ${s}，扩张率 ${d}` : `${op}，核 ${k}，步长 ${s}`,
    );
}

/** Fills `{name}` like the core does: integers of five digits or more get thousands separators. */
export function fillTemplate(template: string, params: Prompt['params'], locale: AppLocale): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => {
    const v = params[k];
    if (v === undefined) return whole;
    if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) >= 10000 ? formatInt(v) : String(v);
    return locale === 'zh-CN' ? paramToZh(v) : v;
  });
}

function conceptId(q: Pick<Question, 'prompt'>): string | null {
  const key = q.prompt.key;
  if (key === 'quiz.concepts.item' || key === 'quiz.concepts.rf-fit') return null;
  return key.startsWith('quiz.concepts.') ? key.slice('quiz.concepts.'.length) : null;
}

/** The question's text in the UI language; unknown keys fall back to the core's English text. */
export function promptText(q: Pick<Question, 'prompt' | 'text'>, locale: AppLocale): string {
  const template = templatesFor(locale)[q.prompt.key];
  if (template === undefined) return q.text;
  if (locale === 'zh-CN' && q.prompt.key === 'quiz.concepts.item') {
    const item = CONCEPT_ITEMS.find((c) => c.question === q.prompt.params.question);
    if (item && CONCEPTS_ZH[item.id]) return CONCEPTS_ZH[item.id]!.question;
  }
  return fillTemplate(template, q.prompt.params, locale);
}

/** A choice's text and explanation in the UI language (matched to the core's English by its text). */
export function localizeChoice(q: Pick<Question, 'prompt'>, choice: Choice, locale: AppLocale): Choice {
  if (locale !== 'zh-CN') return choice;
  const id = conceptId(q);
  if (id === null) {
    // The receptive-field fit question builds its options from numbers.
    return {
      ...choice,
      explanation: choice.explanation
        .replace(/^fits: (.+), and it is the largest that does$/, '能装下：$1，而且是能装下的最大者')
        .replace(/^fits, but (\d+) px also fits and is larger$/, '能装下，但 $1 px 也能装下且更大')
        .replace(/^too large: (.+)$/, '太大：$1'),
    };
  }
  const item = CONCEPT_ITEMS.find((c) => c.id === id);
  const zh = CONCEPTS_ZH[id];
  if (!item || !zh) return choice;
  if (choice.text === item.correct.text)
    return { ...choice, text: zh.correct.text, explanation: zh.correct.why };
  const index = item.wrong.findIndex((w) => w.text === choice.text);
  const wrong = index >= 0 ? zh.wrong[index] : undefined;
  return wrong ? { ...choice, text: wrong.text, explanation: wrong.why } : choice;
}

/** vue-i18n's `t`, as the grading texts need it. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A note of the answer reader or the grader in the UI language (`grading.notes.<code>`). */
export function noteText(note: GradeNote, t: Translate): string {
  return t(`grading.notes.${note.code}`, note.params);
}

/** Why an answer was not accepted, in the UI language (a result without a note keeps its text). */
export function resultNote(g: Pick<GradeResult, 'note' | 'message'>, t: Translate): string | null {
  return g.note ? noteText(g.note, t) : (g.message ?? null);
}

/** The likely slip in the UI language (`grading.slips.<id>`). */
export function slipText(slip: NonNullable<GradeResult['slip']>, t: Translate): string {
  return t(`grading.slips.${slip.id}`);
}

/** The expected answer as a learner would write it; a choice shows its letter and localized text. */
export function expectedText(q: Question, locale: AppLocale): string {
  if (q.answerKind === 'choice') {
    const choice = q.choices?.find((c) => c.key === q.expected);
    if (choice) return `${choice.key}) ${localizeChoice(q, choice, locale).text}`;
  }
  return formatAnswer(q);
}

/** The unit a typed answer is read in, when the question states one. */
export function answerUnit(q: Pick<Question, 'answerKind' | 'unit'>): string | null {
  if (q.answerKind === 'choice' || q.answerKind === 'layer-id') return null;
  return q.unit ?? null;
}

/** The answer format the question expects ("two numbers: r, j"), in the UI language. */
export function formatHint(
  q: Pick<Question, 'answerKind' | 'unit' | 'tolerance' | 'expected' | 'squareSize'>,
  locale: AppLocale,
): string {
  const f = answerFormat(q);
  const template =
    (locale === 'zh-CN' ? FORMAT_TEMPLATES_ZH : FORMAT_TEMPLATES)[f.key] ?? FORMAT_TEMPLATES[f.key]!;
  return fillTemplate(template, f.params, locale);
}

/** A worked-solution step named as a learner would say it, in the UI language. */
export function stepLabel(step: FormulaTraceName, locale: AppLocale): string {
  return stepName(step, locale === 'zh-CN' ? STEP_NAMES_ZH : STEP_NAMES_EN);
}

/** The English words of a worked solution's final line, in Chinese (numbers and formulas stay). */
const FINAL_ZH: [RegExp, string][] = [
  [/ \(channels unchanged\)$/, '（通道数不变）'],
  [/ \(channels = filters\)$/, '（通道数 = 卷积核个数）'],
  [/ \(also (.+) work; (\S+) is the smallest\)$/, '（$1 也可以；$2 最小）'],
  [
    / \(the branches are not centred on each other, so the hull is larger than either branch\)$/,
    '（两个分支的中心不重合，所以外包区间比任一分支都大）',
  ],
  [/^d = (\d+): K_eff = (\d+) and r = (\d+)$/, 'd = $1：K_eff = $2，r = $3'],
  [/^Nᵢₙ = (\d+), so (\d+) parameters$/, 'Nᵢₙ = $1，所以共 $2 个参数'],
  [/ parameters\)$/, ' 个参数）'],
  [/ parameters$/, ' 个参数'],
  [/ elements$/, ' 个元素'],
  [/^(\d+) bytes = /, '$1 字节 = '],
  [/ \(output (\S+)\)$/, '（输出 $1）'],
  [/ \(the output buffer is not allocated\)$/, '（不再分配输出缓冲区）'],
];

/**
 * The worked solution's final line in the UI language. A choice states the right option and why, as
 * the options are shown; other lines keep their numbers and formulas and translate their words.
 */
export function finalText(q: Question, final: string, locale: AppLocale): string {
  if (locale !== 'zh-CN') return final;
  if (q.answerKind === 'choice') {
    const choice = q.choices?.find((c) => c.key === q.expected);
    if (choice) {
      const zh = localizeChoice(q, choice, locale);
      return `${choice.key}：${zh.text}。${zh.explanation}`;
    }
  }
  return FINAL_ZH.reduce((text, [from, to]) => text.replace(from, to), final);
}

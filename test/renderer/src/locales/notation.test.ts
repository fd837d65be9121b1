import { describe, expect, it } from 'vitest';
import {
  CONCEPT_ITEMS,
  FORMAT_TEMPLATES,
  generate,
  promptTemplates,
  SKILLS,
  type Difficulty,
} from '../../../../src/core/quiz';
import { CONTENT } from '../../../../src/renderer/src/lessons/content';
import en from '../../../../src/renderer/src/locales/en';
import zhCN from '../../../../src/renderer/src/locales/zh-CN';
import {
  CONCEPTS_ZH,
  FORMAT_TEMPLATES_ZH,
  PARAM_TEXT_ZH,
  QUIZ_TEMPLATES_ZH,
} from '../../../../src/renderer/src/locales/zh-CN/practice';
import {
  expectedText,
  finalText,
  formatHint,
  localizeChoice,
  promptText,
  stepLabel,
} from '../../../../src/renderer/src/practice/prompt';
import type { AppLocale } from '../../../../src/renderer/src/preferences';

/**
 * No ASCII math notation reaches a learner: outside `$…$` formulas (lessons) and `code`, a text writes
 * sub- and superscripts as Unicode (Wₕₕ, Cᵢₙ, 10⁶, ρᵀ) or in words, never `W_hh`, `r_(l−1)` or `10^6`.
 * Code identifiers a learner types (ceil_mode, fan_in) are words joined by underscores and pass.
 */

/** Every string in a tree of objects and arrays, with its path. */
function strings(tree: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof tree === 'string') out.push([path, tree]);
  else if (Array.isArray(tree)) tree.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (tree !== null && typeof tree === 'object')
    for (const [k, v] of Object.entries(tree)) strings(v, `${path}.${k}`, out);
  return out;
}

/**
 * Code identifiers with a one-letter word, which the notation rule below would otherwise catch, and the
 * names whose subscript has no Unicode letter (no subscript b or f): K_eff, P_b, P_a.
 */
const CODE_IDENTIFIERS = ['transpose_b', 'x_shape', 'K_eff', 'P_b', 'P_a'];

/** The text a learner reads as prose: formulas, code spans and bindings removed. */
function prose(text: string): string {
  let s = text
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$]*\$/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\{\{[^}]*\}\}/g, ' ');
  for (const id of CODE_IDENTIFIERS) s = s.split(id).join(' ');
  return s;
}

/**
 * Raw notation: a one-letter (or Greek, ∂, ‖) base with `_` and a subscript (`W_hh`, `h_l`, `K_eff`),
 * any `_(`/`_{` subscript, or any `^` exponent (`10^6`, `ρ^T`, `L^{alpha}`, `)^L`).
 */
const NOTATION = [
  /(?<![\p{L}\p{N}_])[\p{L}∂][_][\p{L}\p{N}({]/u,
  /[\p{L}\p{N})‖]_[({]/u,
  /[\p{L}\p{N})}‖|]\^[\p{L}\p{N}({\-−]/u,
];

function offenders(texts: [string, string][]): string[] {
  const bad = new Set<string>();
  for (const [path, text] of texts) {
    const p = prose(text);
    if (NOTATION.some((re) => re.test(p))) bad.add(`${path}: ${text}`);
  }
  return [...bad];
}

const LOCALES: AppLocale[] = ['en', 'zh-CN'];
const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34];
const DIFFICULTIES: Difficulty[] = [1, 2, 3];

/** Every text a practice question shows: prompt, choices, format hint, expected answer, worked solution. */
function questionTexts(): [string, string][] {
  const out: [string, string][] = [];
  for (const skill of SKILLS)
    for (const d of DIFFICULTIES)
      for (const seed of SEEDS) {
        const q = generate(skill, d, seed);
        for (const locale of LOCALES) {
          const at = `${skill}/${d}/${seed}/${locale}`;
          out.push([`${at} prompt`, promptText(q, locale)]);
          out.push([`${at} format`, formatHint(q, locale)]);
          out.push([`${at} expected`, expectedText(q, locale)]);
          out.push([`${at} final`, finalText(q, q.solution.final, locale)]);
          for (const c of q.choices ?? []) {
            const lc = localizeChoice(q, c, locale);
            out.push([`${at} choice ${c.key}`, lc.text], [`${at} why ${c.key}`, lc.explanation]);
          }
          for (const step of q.solution.steps) out.push([`${at} step`, stepLabel(step, locale)]);
        }
      }
  return out;
}

describe('displayed notation', () => {
  it('locale tables write no ASCII sub- or superscripts', () => {
    const texts = [...strings(en, 'en'), ...strings(zhCN, 'zh-CN')];
    expect(texts.length).toBeGreaterThan(1000);
    expect(offenders(texts)).toEqual([]);
  });

  it('lesson texts keep sub- and superscripts inside $…$ formulas', () => {
    // A display formula (`{ tex }`) is LaTeX as a whole.
    const texts = strings(CONTENT, 'lessons').filter(([path]) => !path.endsWith('.tex'));
    expect(offenders(texts)).toEqual([]);
  });

  it('question templates and concept items write no ASCII sub- or superscripts', () => {
    const tables = {
      promptTemplates: promptTemplates(),
      FORMAT_TEMPLATES,
      CONCEPT_ITEMS,
      QUIZ_TEMPLATES_ZH,
      FORMAT_TEMPLATES_ZH,
      PARAM_TEXT_ZH,
      CONCEPTS_ZH,
    };
    expect(offenders(strings(tables, 'quiz'))).toEqual([]);
  });

  it('practice questions and worked solutions write no ASCII sub- or superscripts', () => {
    const texts = questionTexts();
    expect(texts.length).toBeGreaterThan(SKILLS.length * DIFFICULTIES.length * SEEDS.length * 4);
    expect(offenders(texts)).toEqual([]);
  });
});

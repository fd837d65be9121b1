import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { generate, promptTemplates } from '../../../../src/core/quiz';
import en from '../../../../src/renderer/src/locales/en';
import zhCN from '../../../../src/renderer/src/locales/zh-CN';
import { promptText } from '../../../../src/renderer/src/practice/prompt';

/** English counts agree with their nouns: vue-i18n plural forms, never "step(s)" or "pixel(s)". */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const i18n = createI18n({ legacy: false, locale: 'en', messages: { en, 'zh-CN': zhCN } });
const t = i18n.global.t as (key: string, named: Record<string, unknown>, plural: number) => string;

describe('plural forms', () => {
  it('no English interface text or question template writes "(s)"', () => {
    const texts = [...strings(en), ...Object.entries(promptTemplates())];
    for (const [key, text] of texts) expect(text, key).not.toMatch(/[a-z]\((?:s|es)\)/);
  });

  it('a count of 1 takes the singular, other counts the plural; Chinese has one form', () => {
    i18n.global.locale.value = 'en';
    const failed = (n: number) => t('designs.sweep.failed', { n, first: '1×3×8×8', reason: 'too small' }, n);
    expect(failed(1)).toBe('1 size could not be analysed, 1×3×8×8: too small');
    expect(failed(3)).toBe('3 sizes could not be analysed, the first 1×3×8×8: too small');
    expect(t('lessons.widgets.rf.summary', { layers: 1 }, 1)).toBe('Receptive field after 1 layer:');
    expect(t('lessons.widgets.rf.summary', { layers: 4 }, 4)).toBe('Receptive field after 4 layers:');
    expect(t('designs.estimate.zeroIntensity', { n: 1 }, 1)).toMatch(/^1 layer only moves data/);
    expect(t('progress.importedPartly', { added: 1, replaced: 0, unchanged: 0, refused: 2 }, 2)).toContain(
      '2 rows the app cannot use were left out',
    );
    i18n.global.locale.value = 'zh-CN';
    expect(t('lessons.widgets.rf.summary', { layers: 1 }, 1)).toBe(
      zhCN.lessons.widgets.rf.summary.replace('{layers}', '1'),
    );
  });

  it('the L2 question says "1 step" and "5 steps", and "1 步" in Chinese', () => {
    const texts = Array.from({ length: 60 }, (_, seed) => generate('gradient-arithmetic', 3, seed))
      .filter((q) => q.prompt.key === 'quiz.gradient.l2')
      .map((q) => [q.prompt.params.steps as number, promptText(q, 'en'), promptText(q, 'zh-CN')] as const);
    expect(texts.length).toBeGreaterThan(0);
    for (const [steps, enText, zhText] of texts) {
      expect(enText).toContain(steps === 1 ? 'runs 1 step.' : `runs ${steps} steps.`);
      expect(zhText).toContain(`运行 ${steps} 步`);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { GRADE_MESSAGES, grade, generate, SLIP_MESSAGES, type Question } from '../../../../src/core/quiz';
import en from '../../../../src/renderer/src/locales/en';
import zhCN from '../../../../src/renderer/src/locales/zh-CN';
import { noteText, placeholdersOf, slipText } from '../../../../src/renderer/src/practice/prompt';

/**
 * The grader's notes and slips are codes in the core; the renderer translates every one of them
 * through vue-i18n. Each code has an English and a Chinese text with the same parameters, and both
 * compile (vue-i18n's syntax characters stay out of the texts).
 */
const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'en',
  messages: { en, 'zh-CN': zhCN },
});
const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});

describe('grading messages in both languages', () => {
  it('every note code has an en and a zh text with the same parameters', () => {
    expect(Object.keys(en.grading.notes).sort()).toEqual(Object.keys(GRADE_MESSAGES).sort());
    expect(Object.keys(zhCN.grading.notes).sort()).toEqual(Object.keys(GRADE_MESSAGES).sort());
    for (const [code, text] of Object.entries(GRADE_MESSAGES)) {
      const zh = zhCN.grading.notes[code as keyof typeof GRADE_MESSAGES];
      expect(placeholdersOf(zh), code).toEqual(placeholdersOf(text));
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('every slip has an en and a zh text, neither with a parameter', () => {
    expect(Object.keys(zhCN.grading.slips).sort()).toEqual(Object.keys(SLIP_MESSAGES).sort());
    for (const [id, text] of Object.entries(SLIP_MESSAGES)) {
      expect(placeholdersOf(text), id).toEqual([]);
      expect(placeholdersOf(zhCN.grading.slips[id as keyof typeof SLIP_MESSAGES]), id).toEqual([]);
    }
  });

  it('the texts compile in vue-i18n and show every parameter', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      i18n.global.locale.value = lang;
      for (const [code, text] of Object.entries(GRADE_MESSAGES)) {
        const params = Object.fromEntries(placeholdersOf(text).map((p) => [p, `<${p}>`]));
        const out = noteText({ code: code as keyof typeof GRADE_MESSAGES, params }, t);
        for (const p of Object.keys(params)) expect(out, `${lang} ${code}`).toContain(`<${p}>`);
        expect(out, `${lang} ${code}`).not.toMatch(/grading\.|\{/);
      }
      for (const id of Object.keys(SLIP_MESSAGES)) {
        const out = slipText({ id: id as keyof typeof SLIP_MESSAGES, message: '' }, t);
        expect(out, `${lang} ${id}`).toBe(
          lang === 'en'
            ? SLIP_MESSAGES[id as keyof typeof SLIP_MESSAGES]
            : zhCN.grading.slips[id as keyof typeof SLIP_MESSAGES],
        );
      }
    }
  });

  it('a real parse failure reads as Chinese in Chinese mode and as the core’s English in English', () => {
    const q: Question = generate('output-size', 1, 3);
    const g = grade(q, 'nineteen');
    expect(g.parsed).toBeNull();
    expect(g.note).toEqual({ code: 'not-a-number', params: { raw: 'nineteen' } });
    i18n.global.locale.value = 'zh-CN';
    expect(noteText(g.note!, t)).toBe('“nineteen”不是有效数字');
    i18n.global.locale.value = 'en';
    expect(noteText(g.note!, t)).toBe(g.message);
  });
});

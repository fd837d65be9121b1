import { describe, expect, it } from 'vitest';
import {
  CONCEPT_ITEMS,
  FORMAT_TEMPLATES,
  generate,
  promptTemplates,
  SKILLS,
  type Difficulty,
} from '../../../../src/core/quiz';
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
  paramToZh,
  placeholdersOf,
  promptText,
  stepLabel,
} from '../../../../src/renderer/src/practice/prompt';

const en = promptTemplates();

describe('question templates', () => {
  it('cover every key of the core in Chinese, and no other key', () => {
    expect(Object.keys(QUIZ_TEMPLATES_ZH).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(placeholdersOf(QUIZ_TEMPLATES_ZH[key] ?? ''), key).toEqual(placeholdersOf(text));
    }
  });

  it('are translated (no Chinese template is the English one)', () => {
    for (const [key, text] of Object.entries(en)) {
      if (key === 'quiz.concepts.item') continue; // "{question}" alone: the text is the concept's own
      expect(QUIZ_TEMPLATES_ZH[key], key).not.toBe(text);
      expect(QUIZ_TEMPLATES_ZH[key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('concept questions in Chinese', () => {
  it('exist for every concept, with as many wrong options as the English', () => {
    for (const item of CONCEPT_ITEMS) {
      const zh = CONCEPTS_ZH[item.id];
      expect(zh, item.id).toBeDefined();
      expect(zh!.wrong.length, item.id).toBe(item.wrong.length);
      expect(zh!.question).toBe(QUIZ_TEMPLATES_ZH[`quiz.concepts.${item.id}`]);
    }
  });

  it('translate every choice and explanation of generated concept questions', () => {
    for (let seed = 0; seed < 200; seed++) {
      for (const d of [1, 2, 3] as Difficulty[]) {
        const q = generate('concepts', d, seed);
        for (const choice of q.choices ?? []) {
          const zh = localizeChoice(q, choice, 'zh-CN');
          expect(zh.key).toBe(choice.key);
          expect(zh.explanation, `${q.id} ${choice.key}`).toMatch(/[\u4e00-\u9fff]/);
          if (!/px$/.test(choice.text)) expect(zh.text, `${q.id} ${choice.key}`).toMatch(/[\u4e00-\u9fff]/);
        }
        const text = promptText(q, 'zh-CN');
        expect(text, q.id).toMatch(/[\u4e00-\u9fff]/);
        expect(expectedText(q, 'zh-CN').startsWith(`${q.expected as string})`)).toBe(true);
      }
    }
  });
});

describe('promptText', () => {
  it('in English is exactly the core text', () => {
    for (const skill of SKILLS) {
      for (let seed = 0; seed < 30; seed++) {
        const q = generate(skill, ((seed % 3) + 1) as Difficulty, seed);
        expect(promptText(q, 'en'), q.id).toBe(q.text);
      }
    }
  });

  it('in Chinese fills every placeholder and leaves none of the English sentence fragments', () => {
    // Layer notation such as "MaxPool2d(kernel 2, stride 2)" is code and stays as it is.
    const english =
      /\b(What|Which|How|is applied|(?<!\()kernel \d+, stride|then:|dilation \d|layer \d+:|significant digits|stating the unit|for every layer)\b/;
    for (const skill of SKILLS) {
      for (const d of [1, 2, 3] as Difficulty[]) {
        for (let seed = 0; seed < 100; seed++) {
          const q = generate(skill, d, seed);
          const text = promptText(q, 'zh-CN');
          expect(text, q.id).not.toMatch(/\{\w+\}/);
          expect(text, `${q.id}: ${text}`).not.toMatch(english);
        }
      }
    }
  });

  it('translates the fixed fragments and the layer lines', () => {
    for (const [from, to] of Object.entries(PARAM_TEXT_ZH)) expect(paramToZh(from)).toBe(to);
    // Hand-written inputs in the core's formats.
    expect(paramToZh('  1. conv, kernel 3, stride 2, dilation 3\n  2. max pool, kernel 3, stride 2')).toBe(
      '  1. 卷积，核 3，步长 2，扩张率 3\n  2. 最大池化，核 3，步长 2',
    );
    expect(paramToZh(', dilation 2')).toBe('，扩张率 2');
    expect(paramToZh('in KiB (1 KiB = 2^10 bytes), to 4 significant digits')).toBe(
      '以 KiB 为单位（1 KiB = 2^10 字节），保留 4 位有效数字',
    );
    expect(paramToZh('layer 1: sigmoid, |w| = 2.5; layer 2: tanh, |w| = 5')).toBe(
      '第 1 层：sigmoid，|w| = 2.5；第 2 层：tanh，|w| = 5',
    );
  });
});

describe('answer formats', () => {
  it('exist in Chinese for every form, with the same placeholders', () => {
    expect(Object.keys(FORMAT_TEMPLATES_ZH).sort()).toEqual(Object.keys(FORMAT_TEMPLATES).sort());
    for (const [key, text] of Object.entries(FORMAT_TEMPLATES))
      expect(placeholdersOf(FORMAT_TEMPLATES_ZH[key]!), key).toEqual(placeholdersOf(text));
  });

  it('each question shows the form it expects, never its answer', () => {
    const seen = new Set<string>();
    for (const skill of SKILLS)
      for (const d of [1, 2, 3] as Difficulty[])
        for (let seed = 0; seed < 40; seed++) {
          const q = generate(skill, d, seed);
          for (const lang of ['en', 'zh-CN'] as const) {
            const hint = formatHint(q, lang);
            expect(hint, q.id).not.toMatch(/\{\w+\}/);
            seen.add(`${lang}:${hint}`);
            if (typeof q.expected === 'number' && q.expected >= 100)
              expect(hint.replace(/,/g, ''), q.id).not.toContain(String(q.expected));
          }
        }
    expect(formatHint(generate('receptive-field', 2, 0), 'en')).toBeDefined();
    // One generic line for every question was the old behaviour: now each form has its own.
    expect(seen.size).toBeGreaterThanOrEqual(2 * 8);
  });

  it('says "exact count" where rounding would be wrong, and the digits where they are asked', () => {
    const count = generate('conv-macs-flops', 2, 1);
    expect(formatHint(count, 'en')).toMatch(/exact count/);
    expect(formatHint(count, 'zh-CN')).toMatch(/精确/);
    const gradient = generate('gradient-arithmetic', 2, 1);
    expect(formatHint(gradient, 'en')).toMatch(/3 significant digits/);
    expect(formatHint(gradient, 'zh-CN')).toMatch(/保留 3 位有效数字/);
  });
});

describe('worked-solution step names', () => {
  it('are what a student would say, in both languages, never internal ids', () => {
    const zhEnglish = /\b(layer|branch|receptive|jump|output|weights?|bias|after|step|linear)\b/i;
    for (const skill of SKILLS)
      for (const d of [1, 2, 3] as Difficulty[])
        for (let seed = 0; seed < 60; seed++)
          for (const step of generate(skill, d, seed).solution.steps) {
            const en = stepLabel(step, 'en');
            const zh = stepLabel(step, 'zh-CN');
            for (const label of [en, zh]) {
              expect(label, step.quantity).not.toMatch(/[a-z]\w*\.[a-z]/i);
              expect(label, step.quantity).not.toMatch(/^(layer|[abcp])\d/);
            }
            expect(zh, `${step.quantity} → ${zh}`).not.toMatch(zhEnglish);
          }
    expect(stepLabel({ quantity: 'layer1.rf.size' }, 'en')).toBe('layer 1: receptive field');
    expect(stepLabel({ quantity: 'layer1.rf.size' }, 'zh-CN')).toBe('第 1 层：感受野');
    expect(stepLabel({ quantity: 'c2.rf.jump.h' }, 'en')).toBe('after the sum, layer 2: jump');
  });
});

describe('the worked solution’s final line', () => {
  it('is shown in Chinese for every question, without English words', () => {
    const english =
      /\b(also|work|smallest|channels|filters|parameters|elements|bytes|output|so|and|the|branches)\b/;
    for (const skill of SKILLS)
      for (const d of [1, 2, 3] as Difficulty[])
        for (let seed = 0; seed < 60; seed++) {
          const q = generate(skill, d, seed);
          const zh = finalText(q, q.solution.final, 'zh-CN');
          expect(zh, q.id).not.toBe('');
          expect(zh, `${q.id}: ${zh}`).not.toMatch(english);
          expect(finalText(q, q.solution.final, 'en')).toBe(q.solution.final);
        }
  });
});

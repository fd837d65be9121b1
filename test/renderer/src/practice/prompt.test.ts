import { describe, expect, it } from 'vitest';
import {
  CONCEPT_ITEMS,
  generate,
  promptTemplates,
  SKILLS,
  SLIP_MESSAGES,
  type Difficulty,
} from '../../../../src/core/quiz';
import {
  CONCEPTS_ZH,
  PARAM_TEXT_ZH,
  QUIZ_TEMPLATES_ZH,
  SLIPS_ZH,
} from '../../../../src/renderer/src/locales/zh-CN/practice';
import {
  expectedText,
  localizeChoice,
  paramToZh,
  placeholdersOf,
  promptText,
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

describe('slips in Chinese', () => {
  it('exist for every slip the core names', () => {
    expect(Object.keys(SLIPS_ZH).sort()).toEqual(Object.keys(SLIP_MESSAGES).sort());
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
      /\b(What|Which|How|is applied|(?<!\()kernel \d+, stride|then:|dilation \d|layer \d+:|significant digits|stating the unit)\b/;
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
      '  1. 卷积，核 3，步幅 2，膨胀率 3\n  2. 最大池化，核 3，步幅 2',
    );
    expect(paramToZh(', dilation 2')).toBe('，膨胀率 2');
    expect(paramToZh('in KiB (1 KiB = 2^10 bytes), to 4 significant digits')).toBe(
      '以 KiB 为单位（1 KiB = 2^10 字节），保留 4 位有效数字',
    );
    expect(paramToZh('layer 1: sigmoid, |w| = 2.5; layer 2: tanh, |w| = 5')).toBe(
      '第 1 层：sigmoid，|w| = 2.5；第 2 层：tanh，|w| = 5',
    );
  });
});

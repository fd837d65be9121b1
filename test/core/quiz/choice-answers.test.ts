/**
 * A multiple-choice answer is accepted in the form the app shows it ("C) text") and in the obvious
 * short forms; an answer whose letter and text name different options is asked again.
 */
import { describe, expect, it } from 'vitest';
import { formatAnswer, generate, grade, parseChoice } from '../../../src/core/quiz';

const keys = ['A', 'B', 'C', 'D'];
const texts = ['Gradient clipping', 'More layers', 'Sigmoid', 'A larger stride'];

describe('multiple-choice answers', () => {
  it('the letter alone, with ")" or "." or ":", in brackets, any case, full-width', () => {
    for (const a of [
      'C',
      'c',
      'C)',
      'c)',
      'C.',
      'c.',
      'C:',
      '(C)',
      '(c)',
      ' C ',
      'Ｃ',
      'ｃ',
      'Ｃ）',
      'Ｃ．',
      '（Ｃ）',
    ])
      expect(parseChoice(a, keys, texts), a).toEqual({ ok: true, key: 'C' });
  });

  it('the letter with the text, as the answer is shown', () => {
    for (const a of [
      'C) Sigmoid',
      'c) sigmoid',
      'C. Sigmoid',
      'C: Sigmoid',
      '(C) Sigmoid',
      'C Sigmoid',
      'Ｃ）Sigmoid',
    ])
      expect(parseChoice(a, keys, texts), a).toEqual({ ok: true, key: 'C' });
  });

  it('the text alone, even when it starts with a letter and a space', () => {
    expect(parseChoice('sigmoid', keys, texts)).toEqual({ ok: true, key: 'C' });
    expect(parseChoice('Sigmoid.', keys, texts)).toEqual({ ok: true, key: 'C' });
    expect(parseChoice('a larger stride', keys, texts)).toEqual({ ok: true, key: 'D' });
    expect(parseChoice('D) A larger stride', keys, texts)).toEqual({ ok: true, key: 'D' });
  });

  it("with another language's text the letter decides; with another option's text it is asked again", () => {
    expect(parseChoice('C) 激活函数', keys, texts)).toEqual({ ok: true, key: 'C' });
    expect(parseChoice('C) More layers', keys, texts)).toMatchObject({
      ok: false,
      note: { code: 'choice-conflict', params: { key: 'C', other: 'B' } },
    });
    expect(parseChoice('E) Sigmoid', keys, texts)).toMatchObject({
      ok: false,
      note: { code: 'no-option-letter' },
    });
    expect(parseChoice('Cat', keys, texts)).toMatchObject({ ok: false, note: { code: 'none-of-options' } });
    expect(parseChoice('C more', keys, texts)).toMatchObject({
      ok: false,
      note: { code: 'none-of-options' },
    });
  });

  it('every concept question accepts its shown answer and its short forms, and no other letter', () => {
    let n = 0;
    for (let seed = 1; seed <= 60; seed++) {
      for (const difficulty of [1, 2, 3] as const) {
        const q = generate('concepts', difficulty, seed);
        const key = String(q.expected);
        const text = q.choices!.find((c) => c.key === key)!.text;
        for (const a of [formatAnswer(q), `${key})`, key.toLowerCase(), `${key}. ${text}`, text]) {
          const g = grade(q, a);
          expect(g.correct, `${q.id}: "${a}"`).toBe(true);
        }
        const wrong = q.choices!.find((c) => c.key !== key)!;
        expect(grade(q, `${wrong.key}) ${wrong.text}`).correct).toBe(false);
        n++;
      }
    }
    expect(n).toBe(180);
  });
});

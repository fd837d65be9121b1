import { describe, expect, it } from 'vitest';
import { generate, grade } from '../../../../src/core/quiz';
import { answerForGrading, unreadable } from '../../../../src/renderer/src/practice/answer-check';
import { expectedText, localizeChoice } from '../../../../src/renderer/src/practice/prompt';

/**
 * In Chinese a multiple-choice answer may be typed as the app shows it ("C) <中文选项>") or as the
 * Chinese option text alone; the answer sent to the grader is graded as that option.
 */
describe('multiple-choice answers in the UI language', () => {
  it('the shown answer, the Chinese text alone and the letter are right; another option is wrong', () => {
    let n = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const q = generate('concepts', 2, seed);
      const key = String(q.expected);
      const zh = localizeChoice(
        q,
        q.choices!.find((c) => c.key === key)!,
        'zh-CN',
      ).text;
      for (const typed of [expectedText(q, 'zh-CN'), zh, `${key}．${zh}`, key.toLowerCase()]) {
        expect(unreadable(q, typed, 'zh-CN'), typed).toBeNull();
        const sent = answerForGrading(q, typed, 'zh-CN');
        expect(grade(q, sent.answer).correct, `${q.id}: "${typed}" → "${sent.answer}"`).toBe(true);
      }
      const other = q.choices!.find((c) => c.key !== key)!;
      const otherZh = localizeChoice(q, other, 'zh-CN').text;
      expect(grade(q, answerForGrading(q, otherZh, 'zh-CN').answer).correct).toBe(false);
      if (otherZh !== zh)
        expect(unreadable(q, `${key}) ${otherZh}`, 'zh-CN')).toMatchObject({ code: 'choice-conflict' });
      n++;
    }
    expect(n).toBe(40);
  });
});

import { describe, expect, it } from 'vitest';
import { formatExamples, grade } from '../../../../src/core/quiz';
import { LESSON_IDS, LESSONS } from '../../../../src/renderer/src/lessons/catalog';
import { questionOf } from '../../../../src/renderer/src/lessons/questions';
import { formatHint } from '../../../../src/renderer/src/practice/prompt';

/**
 * A lesson check's format hint promises only forms the grader reads: every example answer the hint
 * shows (in both languages) is read by the same grader as Practice, and the forms a learner types in
 * Chinese are read too.
 */
const checks = LESSON_IDS.flatMap((id) => LESSONS[id].questions.map((ref) => ({ id, q: questionOf(ref) })));

describe('lesson checks: format hints and answer forms', () => {
  it('every example in every check’s hint is read by the grader, and the hint shows it in both languages', () => {
    let examples = 0;
    for (const { id, q } of checks) {
      if (q.answerKind === 'choice' || q.answerKind === 'layer-id') continue;
      for (const ex of formatExamples(q)) {
        examples++;
        expect(grade(q, ex).parsed, `${id} ${q.id}: "${ex}"`).not.toBeNull();
        for (const lang of ['en', 'zh-CN'] as const)
          expect(formatHint(q, lang), `${id} ${lang}`).toContain(ex);
      }
    }
    expect(examples).toBeGreaterThanOrEqual(20);
  });

  it('the right value in Chinese input forms is right; an unreadable one is not graded', () => {
    let tried = 0;
    for (const { id, q } of checks) {
      if (q.answerKind !== 'integer' && q.answerKind !== 'number') continue;
      const v = q.expected as number;
      const fullWidth = String(v).replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      const forms = [`${v}。`, fullWidth];
      if (q.answerKind === 'integer' && v >= 10_000) forms.push(`${v / 10_000}万`);
      for (const form of forms) {
        tried++;
        expect(grade(q, form).correct, `${id} ${q.id}: "${form}"`).toBe(true);
      }
      for (const bad of ['nineteen', 'abc', '']) expect(grade(q, bad).parsed, `${id}: "${bad}"`).toBeNull();
    }
    expect(tried).toBeGreaterThanOrEqual(10);
  });
});

import { describe, expect, it } from 'vitest';
import { formatAnswer, formatExamples, generate, grade, type Question } from '../../../src/core/quiz';

/** Shape and pair questions: one notation for the answer shown, the hint and the worked solution. */
function questionsOf(kind: 'shape' | 'pair'): Question[] {
  const skill = kind === 'shape' ? 'output-size' : 'receptive-field';
  const out: Question[] = [];
  for (let seed = 1; seed < 400 && out.length < 20; seed++)
    for (const d of [1, 2, 3] as const) {
      const q = generate(skill, d, seed);
      if (q.answerKind === kind) out.push(q);
    }
  return out;
}

describe('answer forms of shapes and pairs', () => {
  for (const kind of ['shape', 'pair'] as const) {
    it(`${kind}: the answer is shown as the hint's example is written, and the solution ends with it`, () => {
      const qs = questionsOf(kind);
      expect(qs.length).toBeGreaterThan(5);
      const form = (s: string) => s.replace(/\d+/g, 'n');
      for (const q of qs) {
        const shown = formatAnswer(q);
        expect(form(shown), q.id).toBe(form(formatExamples(q)[0]!));
        expect(q.solution.final, q.id).toContain(shown);
      }
    });

    it(`${kind}: the form shown and the older forms are all read as right`, () => {
      for (const q of questionsOf(kind)) {
        const e = q.expected as number[];
        for (const typed of [
          formatAnswer(q),
          `[${e.join(', ')}]`,
          e.join(', '),
          `(${e.join(', ')})`,
          e.join('×'),
        ])
          expect(grade(q, typed).correct, `${q.id}: "${typed}"`).toBe(true);
      }
    });
  }
});

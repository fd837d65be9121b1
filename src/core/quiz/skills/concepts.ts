import { receptiveFieldOfStack } from '../../formulas/receptive-field';
import type { QuizRng } from '../rng';
import type { Built, Choice, Difficulty } from '../types';
import { draw, fill, QuizSpecError, type SkillDef, trace } from './common';

import { CONCEPT_ITEMS } from './concept-items';

export { CONCEPT_ITEMS, type ConceptItem } from './concept-items';

export type ConceptSpec =
  | { variant: 'item'; item: string; order: number[] }
  /** Which object sizes fit inside one unit's RF, for a stack computed with the core. */
  | { variant: 'rf-fit'; kernels: number[]; strides: number[]; objects: number[]; order: number[] };

const T = {
  'quiz.concepts.item': '{question}',
  'quiz.concepts.rf-fit':
    'A stack of convolutions has kernels {kernels} and strides {strides}. What is the largest of these square objects that one unit of the last layer can see completely: {objects} pixels wide?',
};

const KEYS = ['A', 'B', 'C', 'D'];

function build(s: ConceptSpec): Built {
  if (s.variant === 'item') {
    const item = CONCEPT_ITEMS.find((i) => i.id === s.item);
    if (!item) throw new QuizSpecError(`unknown concept item ${s.item}`);
    const options = [item.correct, ...item.wrong];
    const shown = s.order.map((i) => options[i]);
    const choices: Choice[] = shown.map((o, k) => ({ key: KEYS[k], text: o.text, explanation: o.why }));
    const expected = KEYS[s.order.indexOf(0)];
    const params = { question: item.question };
    return {
      prompt: { key: `quiz.concepts.${item.id}`, params },
      text: fill(T['quiz.concepts.item'], params),
      answerKind: 'choice',
      choices,
      expected,
      tolerance: { kind: 'exact' },
      solution: { steps: [], final: `${expected}: ${item.correct.text}. ${item.correct.why}` },
      slips: [],
    };
  }
  const rows = receptiveFieldOfStack(s.kernels.map((k, i) => ({ kernel: k, stride: s.strides[i] })));
  const rf = rows[rows.length - 1].size[0];
  const fitting = s.objects.filter((o) => o <= rf);
  if (fitting.length === 0) throw new QuizSpecError('no object fits');
  const best = Math.max(...fitting);
  const shown = s.order.map((i) => s.objects[i]);
  const choices: Choice[] = shown.map((o, k) => ({
    key: KEYS[k],
    text: `${o} px`,
    explanation:
      o === best
        ? `fits: ${o} ≤ r = ${rf}, and it is the largest that does`
        : o > rf
          ? `too large: ${o} > r = ${rf}`
          : `fits, but ${best} px also fits and is larger`,
  }));
  const expected = KEYS[shown.indexOf(best)];
  const params = { kernels: s.kernels.join(', '), strides: s.strides.join(', '), objects: shown.join(', ') };
  return {
    prompt: { key: 'quiz.concepts.rf-fit', params },
    text: fill(T['quiz.concepts.rf-fit'], params),
    answerKind: 'choice',
    choices,
    expected,
    tolerance: { kind: 'exact' },
    solution: {
      steps: [
        ...rows.flatMap((r) =>
          r.formulas
            .filter((f) => f.quantity === 'rf.size.h')
            .map((f) => ({ ...f, quantity: `layer${r.index + 1}.rf.size` })),
        ),
        trace('rf', 'r', `${rf}`, rf),
      ],
      final: `${expected}: ${best} px (r = ${rf})`,
    },
    slips: [],
  };
}

function make(rng: QuizRng, d: Difficulty): ConceptSpec {
  return draw(
    rng,
    (): ConceptSpec => {
      const n = d === 1 ? 3 : 4;
      if (d > 1 && rng.chance(0.3)) {
        const depth = rng.int(2, 5);
        const kernels = Array.from({ length: depth }, () => rng.pick([3, 3, 5, 7]));
        const strides = Array.from({ length: depth }, () => rng.pick([1, 1, 2]));
        const rf = receptiveFieldOfStack(kernels.map((k, i) => ({ kernel: k, stride: strides[i] })))[
          depth - 1
        ].size[0];
        const objects = [
          ...new Set([
            Math.max(2, rf - rng.int(1, 4)),
            rf + rng.int(1, 10),
            Math.max(1, Math.floor(rf / 2)),
            rf * 2 + rng.int(0, 5),
          ]),
        ];
        if (objects.length !== 4) throw new QuizSpecError('duplicate object sizes');
        return { variant: 'rf-fit', kernels, strides, objects, order: rng.shuffle([0, 1, 2, 3]) };
      }
      const item = rng.pick(CONCEPT_ITEMS);
      // Option 0 is the right one; difficulty 1 drops one distractor.
      const pool = rng.shuffle([1, 2, 3]).slice(0, n - 1);
      return { variant: 'item', item: item.id, order: rng.shuffle([0, ...pool]) };
    },
    build,
  );
}

export const concepts: SkillDef<ConceptSpec> = {
  id: 'concepts',
  title: 'Concepts',
  templates: T,
  make,
  build,
};

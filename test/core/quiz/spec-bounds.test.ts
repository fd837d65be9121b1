/**
 * Every spec from outside (API, import, stored review cards) is checked against its skill's schema,
 * whose bounds are the generator's own: the work one question can cause is bounded. The counters wrap
 * the core functions the generators loop over (output size, RF of a stack, SGD steps), so the test
 * measures iterations, not time.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SPEC_BOUNDS, SPEC_SCHEMAS } from '../../../src/shared/contracts/practice';
import { generateBuilt, type GeneratedSkill, grade, questionFromSpec, SKILLS } from '../../../src/core/quiz';
import { LESSONS } from '../../../src/renderer/src/lessons/catalog';
import { MAX_SPECS } from '../../helpers/max-specs';

const work = vi.hoisted(() => ({ outputSize: 0, rfRows: 0, sgdSteps: 0 }));

vi.mock('../../../src/core/formulas/output-size', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/core/formulas/output-size')>();
  return {
    ...m,
    convOutputSize: (...a: Parameters<typeof m.convOutputSize>) => {
      work.outputSize++;
      return m.convOutputSize(...a);
    },
  };
});
vi.mock('../../../src/core/formulas/receptive-field', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/core/formulas/receptive-field')>();
  return {
    ...m,
    receptiveFieldOfStack: (...a: Parameters<typeof m.receptiveFieldOfStack>) => {
      work.rfRows += a[0].length;
      return m.receptiveFieldOfStack(...a);
    },
  };
});
vi.mock('../../../src/core/quiz/gradient-math', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/core/quiz/gradient-math')>();
  return {
    ...m,
    sgdWithL2: (...a: Parameters<typeof m.sgdWithL2>) => {
      work.sgdSteps += a[4];
      return m.sgdWithL2(...a);
    },
  };
});

beforeEach(() => {
  work.outputSize = 0;
  work.rfRows = 0;
  work.sgdSteps = 0;
});

const B = SPEC_BOUNDS;

/** Builds and grades a question from a spec; a spec the core refuses (no unique answer, …) is fine. */
function buildAndGrade(skill: GeneratedSkill, spec: unknown): void {
  try {
    grade(questionFromSpec(skill, spec, 3), '1');
  } catch (error) {
    expect(error).not.toBeInstanceOf(TypeError);
  }
}

describe('spec schemas', () => {
  it('every skill has a schema, and its maximal spec passes it', () => {
    for (const skill of SKILLS) {
      expect(MAX_SPECS[skill].length, skill).toBeGreaterThan(0);
      for (const spec of MAX_SPECS[skill])
        expect(SPEC_SCHEMAS[skill].safeParse(spec).error?.issues, skill).toBeUndefined();
    }
  });

  it('every generated spec passes its schema (the bounds are the generator’s own)', () => {
    for (const skill of SKILLS)
      for (const d of [1, 2, 3] as const)
        for (let seed = 0; seed < 150; seed++) {
          const { question } = generateBuilt(skill, d, seed);
          const r = SPEC_SCHEMAS[skill].safeParse(question.spec);
          expect(r.error?.issues, `${question.id} ${JSON.stringify(question.spec)}`).toBeUndefined();
        }
  });

  it('every lesson check question passes its schema', () => {
    for (const lesson of Object.values(LESSONS))
      for (const ref of lesson.questions)
        if (ref.kind === 'spec') {
          const r = SPEC_SCHEMAS[ref.skill].safeParse(ref.spec);
          expect(r.error?.issues, `${lesson.id} ${JSON.stringify(ref.spec)}`).toBeUndefined();
        }
  });

  it('refuses the hostile specs of the audit with a message naming the field', () => {
    expect(() =>
      questionFromSpec('gradient-arithmetic', {
        variant: 'l2',
        w: 1,
        g: 0,
        lr: 0.1,
        lambda: 0.1,
        steps: 3e7,
      }),
    ).toThrow(/spec\.steps: steps must be at most 50/);
    expect(() =>
      questionFromSpec('inverse-padding-stride', {
        unknown: 'padding',
        size: 1e8,
        kernel: 3,
        stride: 1,
        padding: 0,
        dilation: 1,
        target: 5,
      }),
    ).toThrow(/spec\.size: size must be at most 256/);
    expect(() =>
      questionFromSpec('gradient-arithmetic', { variant: 'clip', g: [1e308], maxNorm: 1, ask: 'factor' }),
    ).toThrow(/gradient component must be at most 100/);
    expect(work).toEqual({ outputSize: 0, rfRows: 0, sgdSteps: 0 });
  });

  it('a stored question is re-checked when it is graded (nothing stored is trusted)', () => {
    const q = questionFromSpec('gradient-arithmetic', {
      variant: 'l2',
      w: 1,
      g: 0,
      lr: 0.1,
      lambda: 0.1,
      steps: 3,
    });
    expect(() => grade({ ...q, spec: { ...(q.spec as object), steps: 2 ** 31 - 1 } }, '1')).toThrow(
      /steps must be at most 50/,
    );
    expect(work.sgdSteps).toBeLessThanOrEqual(3 * 3);
  });
});

describe('the maximal spec of every skill does bounded work', () => {
  for (const skill of SKILLS)
    it(skill, () => {
      for (const spec of MAX_SPECS[skill]) buildAndGrade(skill, spec);
      // The counters are live: the searches did run at the bounds.
      if (skill === 'inverse-padding-stride') expect(work.outputSize).toBeGreaterThan(B.spatial);
      if (skill === 'receptive-field') expect(work.rfRows).toBeGreaterThan(B.rfLayers);
      if (skill === 'gradient-arithmetic') expect(work.sgdSteps).toBeGreaterThanOrEqual(B.l2Steps);
      // The inverse search is O(size + kernel·dilation) per slip (3 searches, 2 builds);
      // the RF searches run ≤ 64 dilations over ≤ rfLayers layers; SGD runs ≤ l2Steps per call.
      expect(work.outputSize, skill).toBeLessThanOrEqual(
        3 * 6 * (B.spatial + B.kernel * B.dilation + 2 * B.padding + 2),
      );
      expect(work.rfRows, skill).toBeLessThanOrEqual(4 * 3 * 65 * (B.rfLayers + 1));
      expect(work.sgdSteps, skill).toBeLessThanOrEqual(3 * 2 * B.l2Steps);
    });
});

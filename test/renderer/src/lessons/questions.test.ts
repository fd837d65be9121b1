import { describe, expect, it } from 'vitest';
import {
  LESSON_IDS,
  LESSONS,
  type QuestionRef,
  type Topic,
} from '../../../../src/renderer/src/lessons/catalog';
import { questionOf } from '../../../../src/renderer/src/lessons/questions';

/**
 * Check questions ask only what their lesson, or an earlier one, has taught: every question is
 * classified by the topics it needs (from its spec, the numbers the core grades it with), and those
 * topics must be taught by the time the question is asked. Topics no lesson teaches (the output size
 * of a pooling layer, a Linear layer's count, branches) can never be asked.
 */

type Needed = Topic | 'pool-output-size' | 'linear-layer' | 'branches' | `unknown:${string}`;

/** The concept items of the core's bank, by what a learner needs to have been taught to answer. */
const CONCEPT_TOPICS: Record<string, Topic> = {
  'rf-objects': 'rf-objects',
  'vanishing-cause': 'vanishing',
  'exploding-cause': 'init-scale',
  clipping: 'clipping',
  'relu-family': 'remedies',
  batchnorm: 'remedies',
  residual: 'remedies',
  lstm: 'remedies',
  pretraining: 'remedies',
  'weight-penalty': 'weight-penalty',
};

interface RfLayer {
  op: string;
  d: number;
}

function needs(ref: QuestionRef): Set<Needed> {
  const q = questionOf(ref);
  const s = q.spec as Record<string, unknown>;
  const out = new Set<Needed>();
  switch (q.skill) {
    case 'output-size':
      out.add(s.op === 'conv' ? 'output-size' : 'pool-output-size');
      if (s.padding === 'same') out.add('same-padding');
      if ((s.dilation as number) > 1) out.add('dilation');
      break;
    case 'inverse-padding-stride':
      out.add('inverse-size');
      if (s.unknown === 'dilation' || (s.dilation as number) > 1) out.add('dilation');
      break;
    case 'conv-macs-flops': {
      out.add('macs');
      if (s.convention !== 'macs') out.add('flops');
      if (s.convention === 'flops+bias') out.add('bias-adds');
      if (((s.conv as Record<string, number>).groups ?? 1) > 1) out.add('depthwise');
      break;
    }
    case 'conv-params':
      out.add('params');
      if ((s.groups as number) > 1 || s.separable) out.add('depthwise');
      break;
    case 'linear-params':
      out.add('linear-layer');
      break;
    case 'feature-map-memory':
      out.add(s.ask === 'access' ? 'memory-access' : 'feature-memory');
      if (s.ask === 'access') out.add('params');
      break;
    case 'network-totals': {
      out.add('network-sum');
      if (s.ask === 'params' || s.ask === 'max-params') out.add('params');
      const layers = (s.model as { layers: { op: string }[] }).layers;
      if (layers.some((l) => l.op.includes('pool'))) out.add('pool-output-size');
      if (layers.some((l) => l.op === 'linear')) out.add('linear-layer');
      break;
    }
    case 'receptive-field': {
      out.add('receptive-field');
      if (s.variant === 'branches') out.add('branches');
      if (s.variant === 'dilation') out.add('dilation');
      if (s.ask === 'size-jump') out.add('jump');
      const layers = [...((s.layers as RfLayer[] | undefined) ?? [])];
      if (layers.some((l) => l.op === 'maxpool')) out.add('pooling');
      if (layers.some((l) => l.d > 1)) out.add('dilation');
      break;
    }
    case 'concepts':
      if (s.variant === 'rf-fit') out.add('rf-objects').add('receptive-field');
      else out.add(CONCEPT_TOPICS[s.item as string] ?? `unknown:${s.item as string}`);
      break;
    case 'gradient-arithmetic':
      out.add(
        s.variant === 'chain' ? 'derivative-chain' : s.variant === 'clip' ? 'clipping' : 'weight-penalty',
      );
      break;
    default:
      out.add(`unknown:${q.skill}`);
  }
  return out;
}

describe('lesson check questions', () => {
  it('are three to five per lesson, each built by the core', () => {
    for (const id of LESSON_IDS) {
      const refs = LESSONS[id].questions;
      expect(refs.length, id).toBeGreaterThanOrEqual(3);
      expect(refs.length, id).toBeLessThanOrEqual(5);
      for (const ref of refs) expect(() => questionOf(ref), `${id}: ${JSON.stringify(ref)}`).not.toThrow();
      const ids = refs.map((r) => questionOf(r).id + JSON.stringify(questionOf(r).spec));
      expect(new Set(ids).size, `${id}: no question twice`).toBe(ids.length);
    }
  });

  it('ask only what the lesson or an earlier one has taught, and each asks about its own lesson', () => {
    const taught = new Set<Needed>();
    const problems: string[] = [];
    for (const id of LESSON_IDS) {
      const lesson = LESSONS[id];
      lesson.teaches.forEach((t) => taught.add(t));
      lesson.questions.forEach((ref, i) => {
        const need = [...needs(ref)];
        const untaught = need.filter((t) => !taught.has(t));
        if (untaught.length)
          problems.push(`${id} question ${i + 1} needs ${untaught.join(', ')}, not taught yet`);
        if (!need.some((t) => (lesson.teaches as readonly Needed[]).includes(t)))
          problems.push(`${id} question ${i + 1} (${need.join(', ')}) asks nothing this lesson teaches`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('classify the misplaced questions of the old path as misplaced', () => {
    // The old checks: parameters before they were taught, an RF check whose answer was dilation 1,
    // a dilated-RF check through max pooling, an output-size check on AvgPool.
    const spec = (skill: string, difficulty: 1 | 2, spec: unknown) =>
      ({ kind: 'spec', skill, difficulty, spec }) as QuestionRef;
    expect([...needs({ kind: 'generated', skill: 'conv-params', difficulty: 1, seed: 1 })]).toEqual([
      'params',
    ]);
    expect(
      needs({ kind: 'generated', skill: 'receptive-field', difficulty: 2, seed: 2 }).has('dilation'),
    ).toBe(true);
    expect(
      needs({ kind: 'generated', skill: 'receptive-field', difficulty: 2, seed: 1 }).has('pooling'),
    ).toBe(true);
    expect(
      needs({ kind: 'generated', skill: 'output-size', difficulty: 2, seed: 3 }).has('pool-output-size'),
    ).toBe(true);
    expect(
      needs(
        spec('output-size', 2, {
          op: 'avgpool',
          input: [3, 8, 8],
          outChannels: 3,
          kernel: [2, 2],
          stride: 2,
          padding: 0,
          dilation: 1,
          ceilMode: false,
          ask: 'size',
        }),
      ),
    ).toEqual(new Set(['pool-output-size']));
  });
});

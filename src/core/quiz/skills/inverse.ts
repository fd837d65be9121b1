import { convOutputSize, type OutputSizeParams } from '../../formulas/output-size';
import type { QuizRng } from '../rng';
import type { Built, Difficulty, SlipCandidate } from '../types';
import { draw, fill, QuizSpecError, realSlips, type SkillDef, sizeTrace } from './common';

export interface InverseSpec {
  unknown: 'padding' | 'stride' | 'dilation';
  size: number;
  kernel: number;
  /** Known values; the unknown one is ignored. */
  stride: number;
  padding: number;
  dilation: number;
  /** The target output size M. */
  target: number;
}

const T = {
  'quiz.inverse.padding':
    'An input of width X = {size} goes through a convolution with kernel {kernel}, stride {stride}{dilationText}. What is the smallest symmetric padding P that gives an output width of exactly M = {target}?',
  'quiz.inverse.stride':
    'An input of width X = {size} goes through a convolution with kernel {kernel}, padding {padding}{dilationText}. Which stride S gives an output width of exactly M = {target}?',
  'quiz.inverse.dilation':
    'An input of width X = {size} goes through a convolution with {kernel} taps, stride {stride} and padding {padding}. Which dilation d gives an output width of exactly M = {target}?',
};

/** Search bounds: wide enough to contain every drawn answer and its slips. */
function candidates(s: InverseSpec): number[] {
  const hi = s.unknown === 'padding' ? s.size + s.kernel * s.dilation : s.size + 2 * s.padding;
  const lo = s.unknown === 'padding' ? 0 : 1;
  const out: number[] = [];
  for (let v = lo; v <= hi; v++) out.push(v);
  return out;
}

function withValue(s: InverseSpec, v: number): OutputSizeParams {
  return {
    size: s.size,
    kernel: s.kernel,
    stride: s.unknown === 'stride' ? v : s.stride,
    padding: s.unknown === 'padding' ? v : s.padding,
    dilation: s.unknown === 'dilation' ? v : s.dilation,
  };
}

/** Every value of the unknown for which the core's output size equals `target` (under an optional slip). */
function solutions(
  s: InverseSpec,
  target: number,
  tweak: (p: OutputSizeParams) => OutputSizeParams = (p) => p,
): number[] {
  return candidates(s).filter((v) => convOutputSize(tweak(withValue(s, v))).result === target);
}

function build(s: InverseSpec): Built {
  const sols = solutions(s, s.target);
  if (sols.length === 0) throw new QuizSpecError('no value reaches the target');
  // Padding: the smallest is asked for. Stride and dilation: the question needs exactly one answer.
  if (s.unknown !== 'padding' && sols.length !== 1)
    throw new QuizSpecError('several values reach the target');
  const answer = sols[0];
  const t = convOutputSize(withValue(s, answer));
  const key = `quiz.inverse.${s.unknown}` as const;
  const params = {
    size: s.size,
    kernel: s.kernel,
    stride: s.stride,
    padding: s.padding,
    dilationText: s.dilation > 1 ? `, dilation ${s.dilation}` : '',
    target: s.target,
  };
  const name = s.unknown === 'padding' ? 'P' : s.unknown === 'stride' ? 'S' : 'd';
  const first = (xs: number[]): number | null => (xs.length ? xs[0] : null);
  const slipOf = (id: SlipCandidate['id'], v: number | null): SlipCandidate | null =>
    v === null ? null : { id, value: v };
  const slips = realSlips(answer, [
    s.unknown === 'padding'
      ? slipOf(
          'forgot-2p',
          first(solutions(s, s.target, (p) => ({ ...p, padding: [p.padding as number, 0] }))),
        )
      : null,
    slipOf('forgot-plus-one', first(solutions(s, s.target + 1))),
    s.unknown !== 'dilation' && s.dilation > 1
      ? slipOf('forgot-dilation', first(solutions(s, s.target, (p) => ({ ...p, dilation: 1 }))))
      : null,
  ]);
  return {
    prompt: { key, params },
    text: fill(T[key], params),
    answerKind: 'integer',
    expected: answer,
    tolerance: { kind: 'exact' },
    solution: {
      steps: [sizeTrace(t, '')],
      final: `${name} = ${answer}${sols.length > 1 ? ` (also ${sols.slice(1, 4).join(', ')}${sols.length > 4 ? ', …' : ''} work; ${answer} is the smallest)` : ''}`,
    },
    slips,
    diagram: {
      kind: 'conv-window',
      data: { size: s.size, kernel: s.kernel, stride: t.S, padding: t.P, dilation: t.d, output: t.result },
    },
  };
}

function make(rng: QuizRng, d: Difficulty): InverseSpec {
  return draw(
    rng,
    (): InverseSpec => {
      const unknown: InverseSpec['unknown'] =
        d === 1
          ? 'padding'
          : d === 2
            ? rng.pick(['padding', 'stride'] as const)
            : rng.pick(['padding', 'stride', 'dilation'] as const);
      const kernel = rng.pick(d === 1 ? [3, 5, 7] : [2, 3, 4, 5, 7, 11]);
      const spec: InverseSpec = {
        unknown,
        size: rng.int(d === 1 ? 8 : 12, d === 1 ? 64 : 224),
        kernel,
        stride: d === 1 ? 1 : rng.pick([1, 2, 2, 3]),
        padding: rng.int(0, Math.floor(kernel / 2) + (d === 3 ? 2 : 0)),
        dilation: d === 3 && unknown !== 'dilation' ? rng.pick([1, 2, 3]) : 1,
        target: 0,
      };
      // The target comes from a hidden true value run through the core.
      const hidden =
        unknown === 'padding' ? rng.int(0, kernel) : unknown === 'stride' ? rng.int(2, 5) : rng.int(2, 6);
      spec.target = convOutputSize(withValue(spec, hidden)).result;
      if (spec.target < 2) throw new QuizSpecError('degenerate target');
      return spec;
    },
    build,
  );
}

export const inverse: SkillDef<InverseSpec> = {
  id: 'inverse-padding-stride',
  title: 'Padding or stride for a target size',
  templates: T,
  make,
  build,
};

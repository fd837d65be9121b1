import { tex } from '../../formulas/latex';
import { chainBound, clipByNorm, maxDerivative, sgdWithL2, valueAtZero } from '../gradient-math';
import type { QuizRng } from '../rng';
import type { Built, Difficulty } from '../types';
import { draw, fill, realSlips, type SkillDef, trace } from './common';

export type GradientSpec =
  | { variant: 'chain'; acts: ('sigmoid' | 'tanh')[]; weights: number[] }
  | { variant: 'clip'; g: number[]; maxNorm: number; ask: 'factor' | 'component' }
  | { variant: 'l2'; w: number; g: number; lr: number; lambda: number; steps: number };

const T = {
  'quiz.gradient.chain':
    'Back-propagation through a chain of {n} scalar units aₗ = fₗ(wₗ·aₗ₋₁ + bₗ) with {layers}. Using the largest possible derivative of each activation, what is the upper bound of |∂aₙ/∂a₀|? Give 3 significant digits (e.g. 1.23e-4).',
  'quiz.gradient.clip-factor':
    'A gradient {g} is clipped to a maximum global L2 norm of {c} (torch.nn.utils.clip_grad_norm_). By what factor is it scaled? Give 3 significant digits.',
  'quiz.gradient.clip-norm':
    'A gradient has global L2 norm {norm} and is clipped to a maximum norm of {c} (torch.nn.utils.clip_grad_norm_). By what factor is it scaled? Give 3 significant digits.',
  'quiz.gradient.clip-component':
    'A gradient {g} is clipped to a maximum global L2 norm of {c}. What is its first component after clipping? Give 3 significant digits.',
  'quiz.gradient.l2':
    'A weight w = {w} has data gradient g = {g}{gText}. The loss includes the L2 penalty λ·w² with λ = {lambda}, and plain SGD with learning rate {lr} runs {stepsText}. What is w afterwards? Give 3 significant digits.',
};

const n3 = (x: number) => Number(x.toPrecision(3));

function build(s: GradientSpec): Built {
  if (s.variant === 'chain') {
    const bound = chainBound(s.acts, s.weights);
    const uniform = s.acts.every((a) => a === s.acts[0]) && s.weights.every((w) => w === s.weights[0]);
    const layers = uniform
      ? `f = ${s.acts[0]} and |wₗ| = ${s.weights[0]} for every layer`
      : s.acts.map((a, i) => `layer ${i + 1}: ${a}, |w| = ${s.weights[i]}`).join('; ');
    const params = { n: s.acts.length, layers };
    const factors = s.acts.map((a, i) => `${s.weights[i]} \\cdot ${tex(maxDerivative(a))}`);
    const steps = [
      ...[...new Set(s.acts)].map((a) =>
        trace(
          `max.${a}'`,
          a === 'sigmoid'
            ? "\\max \\sigma'(u) = \\sigma'(0) = \\sigma(0)(1-\\sigma(0))"
            : "\\max \\tanh'(u) = \\tanh'(0) = 1 - \\tanh^2(0)",
          `${tex(maxDerivative(a))}`,
          maxDerivative(a),
        ),
      ),
      trace(
        'bound',
        "\\prod_{l=1}^{n} |w_l| \\cdot \\max |f_l'|",
        uniform
          ? `(${factors[0]})^{${s.acts.length}} = ${bound.toPrecision(4)}`
          : `${factors.map((f) => `(${f})`).join(' \\cdot ')} = ${bound.toPrecision(4)}`,
        bound,
      ),
    ];
    return {
      prompt: { key: 'quiz.gradient.chain', params },
      text: fill(T['quiz.gradient.chain'], params),
      answerKind: 'number',
      expected: bound,
      tolerance: { kind: 'sigfigs', digits: 3 },
      solution: { steps, final: `${bound.toPrecision(3)}` },
      slips: realSlips(bound, [
        s.weights.some((w) => w !== 1)
          ? {
              id: 'forgot-weight-factor',
              value: chainBound(
                s.acts,
                s.acts.map(() => 1),
              ),
            }
          : null,
        s.acts.includes('sigmoid')
          ? {
              id: 'used-sigmoid-value',
              value: chainBound(s.acts, s.weights, (a) =>
                a === 'sigmoid' ? valueAtZero(a) : maxDerivative(a),
              ),
            }
          : null,
      ]),
    };
  }
  if (s.variant === 'clip') {
    const r = clipByNorm(s.g, s.maxNorm);
    const single = s.g.length === 1;
    const key =
      s.ask === 'component'
        ? 'quiz.gradient.clip-component'
        : single
          ? 'quiz.gradient.clip-norm'
          : 'quiz.gradient.clip-factor';
    const params = { g: `(${s.g.join(', ')})`, c: s.maxNorm, norm: r.norm };
    const steps = [
      trace(
        'norm',
        '\\lVert g \\rVert_2 = \\sqrt{\\textstyle\\sum_i g_i^2}',
        single
          ? `${tex(r.norm)}`
          : `\\sqrt{${s.g.map((x) => (x < 0 ? `(${x})^2` : `${x}^2`)).join(' + ')}} = ${tex(r.norm)}`,
        r.norm,
      ),
      trace(
        'clip.factor',
        '\\min\\left(1, \\frac{c}{\\lVert g \\rVert_2}\\right)',
        `\\min\\left(1, \\frac{${s.maxNorm}}{${tex(r.norm)}}\\right) = ${tex(r.factor)}`,
        r.factor,
      ),
    ];
    if (s.ask === 'component') {
      steps.push(
        trace(
          'clip.g1',
          "g_1' = g_1 \\cdot \\text{factor}",
          `${s.g[0]} \\cdot ${tex(r.factor)} = ${tex(r.clipped[0])}`,
          r.clipped[0],
        ),
      );
      const l1 = s.g.reduce((a, x) => a + Math.abs(x), 0);
      return {
        prompt: { key, params },
        text: fill(T[key], params),
        answerKind: 'number',
        expected: r.clipped[0],
        tolerance: { kind: 'sigfigs', digits: 3 },
        solution: { steps, final: `${n3(r.clipped[0])}` },
        slips: realSlips(r.clipped[0], [
          { id: 'inverted-clip-ratio', value: s.g[0] * (r.norm / s.maxNorm) },
          { id: 'l1-norm', value: s.g[0] * clipByNorm([l1], s.maxNorm).factor },
        ]),
      };
    }
    const l1 = s.g.reduce((a, x) => a + Math.abs(x), 0);
    return {
      prompt: { key, params },
      text: fill(T[key], params),
      answerKind: 'number',
      expected: r.factor,
      tolerance: { kind: 'sigfigs', digits: 3 },
      solution: { steps, final: `${n3(r.factor)}` },
      slips: realSlips(r.factor, [
        { id: 'inverted-clip-ratio', value: r.norm / s.maxNorm },
        single ? null : { id: 'l1-norm', value: clipByNorm([l1], s.maxNorm).factor },
      ]),
    };
  }
  const after = sgdWithL2(s.w, s.g, s.lr, s.lambda, s.steps);
  const params = {
    w: s.w,
    g: s.g,
    gText: s.steps > 1 ? ' (the same at every step)' : '',
    lambda: s.lambda,
    lr: s.lr,
    steps: s.steps,
    stepsText: s.steps === 1 ? '1 step' : `${s.steps} steps`,
  };
  const one = sgdWithL2(s.w, s.g, s.lr, s.lambda, 1);
  const steps =
    s.steps === 1 || s.g !== 0
      ? [
          trace(
            'w.next',
            "w' = w - \\eta\\,(g + 2\\lambda w)",
            `${s.w} - ${s.lr}\\,(${s.g} + 2 \\cdot ${s.lambda} \\cdot ${s.w}) = ${tex(one)}`,
            one,
          ),
        ]
      : [
          trace(
            'decay',
            '1 - 2\\eta\\lambda',
            `1 - 2 \\cdot ${s.lr} \\cdot ${s.lambda} = ${tex(one / s.w)}`,
            one / s.w,
          ),
          trace(
            'w.after',
            'w_n = w\\,(1 - 2\\eta\\lambda)^n \\quad (g = 0)',
            `${s.w} \\cdot ${tex(one / s.w)}^{${s.steps}} = ${tex(after)}`,
            after,
          ),
        ];
  if (s.steps > 1 && s.g !== 0)
    steps.push(
      trace(
        'w.after',
        'w_{t+1} = w_t - \\eta\\,(g + 2\\lambda w_t), \\; t < n',
        `w_{${s.steps}} = ${tex(after)}`,
        after,
      ),
    );
  return {
    prompt: { key: 'quiz.gradient.l2', params },
    text: fill(T['quiz.gradient.l2'], params),
    answerKind: 'number',
    expected: after,
    tolerance: { kind: 'sigfigs', digits: 3 },
    solution: { steps, final: `${n3(after)}` },
    slips: realSlips(after, [
      { id: 'l2-factor-two', value: sgdWithL2(s.w, s.g, s.lr, s.lambda / 2, s.steps) },
    ]),
  };
}

function make(rng: QuizRng, d: Difficulty): GradientSpec {
  return draw(
    rng,
    (): GradientSpec => {
      const variant = rng.pick(['chain', 'clip', 'l2'] as const);
      if (variant === 'chain') {
        const n = d === 1 ? rng.int(2, 10) : rng.int(3, d === 2 ? 12 : 20);
        if (d === 1) return { variant, acts: Array(n).fill('sigmoid'), weights: Array(n).fill(1) };
        if (d === 2)
          return {
            variant,
            acts: Array(n).fill(rng.pick(['sigmoid', 'tanh'] as const)),
            weights: Array(n).fill(rng.pick([0.5, 1.5, 2, 3, 4])),
          };
        const m = rng.int(3, 6);
        return {
          variant,
          acts: Array.from({ length: m }, () => rng.pick(['sigmoid', 'tanh'] as const)),
          weights: Array.from({ length: m }, () => rng.pick([0.5, 0.8, 1.2, 2, 2.5, 3, 5])),
        };
      }
      if (variant === 'clip') {
        const maxNorm = rng.pick([0.5, 1, 1, 2, 5]);
        if (d === 1)
          return { variant, g: [rng.pick([2, 2.5, 4, 8, 10, 12.5, 20, 40])], maxNorm, ask: 'factor' };
        const len = rng.int(2, 4);
        const g = Array.from({ length: len }, () => rng.int(-12, 12)).map((x) => (x === 0 ? 3 : x));
        return { variant, g, maxNorm, ask: d === 2 ? 'factor' : 'component' };
      }
      const w = rng.pick([0.5, 1, 1.5, 2, -1, -0.8, 3]);
      const lr = rng.pick([0.01, 0.05, 0.1, 0.2]);
      const lambda = rng.pick([0.001, 0.01, 0.05, 0.1]);
      if (d === 1) return { variant, w, g: 0, lr, lambda, steps: 1 };
      if (d === 2) return { variant, w, g: rng.pick([-0.5, -0.2, 0.1, 0.3, 1]), lr, lambda, steps: 1 };
      return { variant, w, g: 0, lr, lambda: rng.pick([0.05, 0.1, 0.5]), steps: rng.int(5, 50) };
    },
    build,
    (s) => {
      // A clipping question needs a gradient above the threshold, else the factor is trivially 1.
      if (s.variant === 'clip') return Math.hypot(...s.g) > s.maxNorm * 1.05;
      return true;
    },
  );
}

export const gradientArithmetic: SkillDef<GradientSpec> = {
  id: 'gradient-arithmetic',
  title: 'Gradient arithmetic',
  templates: T,
  make,
  build,
};

/**
 * What the lessons teach about training and memory but the other skills never ask:
 *   training-memory:   in-place operations' memory; memory access of element-wise layers
 *   training-dynamics: the L1 update; RNN gradients through the spectral radius of W_hh;
 *                      the update/weight ratio (~10⁻³) as a training diagnostic
 * Each answer is computed from its spec with a formula trace; the worked solution is those traces.
 */
import type { SkillSpec } from '../../../shared/contracts/practice-specs';
import { tex } from '../../formulas/latex';
import type { QuizRng } from '../rng';
import { BYTE_UNIT_SIZE, type Built, type ByteUnit, type Difficulty } from '../types';
import { draw, fill, realSlips, type SkillDef, trace } from './common';

export type TrainingMemorySpec = SkillSpec<'training-memory'>;
export type TrainingDynamicsSpec = SkillSpec<'training-dynamics'>;

const BYTES = { fp32: 4, fp16: 2 } as const;

const TM = {
  'quiz.training.inplace':
    'A ReLU is applied to a batch of {batch} activation maps of shape {shape} (C×H×W) in {dtype} ({bytes} bytes per value). How much memory does nn.ReLU(inplace=True) save over an out-of-place ReLU, in {unit} to 4 significant digits?',
  'quiz.training.access':
    'An element-wise {op} is applied to a feature map of shape {shape} (C×H×W) in {dtype} ({bytes} bytes per value). {opText} What is its memory access (bytes read + bytes written), in {unit} to 4 significant digits?',
};

const OP_TEXT: Record<'relu' | 'add' | 'batchnorm', string> = {
  relu: 'It reads its input and writes its output (not in place).',
  add: 'It adds two such maps (a residual sum) and writes the result to a new map.',
  batchnorm: 'In inference it reads its input, one scale and one shift per channel, and writes its output.',
};

const OP_NAME: Record<'relu' | 'add' | 'batchnorm', string> = {
  relu: 'ReLU',
  add: 'addition',
  batchnorm: 'BatchNorm',
};

function memoryBuild(s: TrainingMemorySpec): Built {
  const [c, h, w] = s.shape;
  const b = BYTES[s.dtype];
  const unit = s.unit as ByteUnit;
  const shape = `${c}×${h}×${w}`;
  const inUnit = (x: number) => `${Number((x / BYTE_UNIT_SIZE[unit]).toPrecision(4))} ${unit}`;
  if (s.variant === 'inplace') {
    const elements = s.batch * c * h * w;
    const saved = elements * b;
    const params = { batch: s.batch, shape, dtype: s.dtype, bytes: b, unit };
    return {
      prompt: { key: 'quiz.training.inplace', params },
      text: fill(TM['quiz.training.inplace'], params),
      answerKind: 'bytes',
      unit,
      expected: saved,
      tolerance: { kind: 'sigfigs', digits: 4 },
      solution: {
        steps: [
          trace(
            'outputElements',
            'B \\cdot C \\cdot H \\cdot W',
            `${s.batch} \\cdot ${c} \\cdot ${h} \\cdot ${w} = ${tex(elements)}`,
            elements,
          ),
          trace(
            'inplace.saved',
            '\\text{saved} = \\text{elements} \\cdot \\text{bytes per value}',
            `${tex(elements)} \\cdot ${b} = ${tex(saved)}`,
            saved,
          ),
        ],
        final: `${saved} bytes = ${inUnit(saved)} (the output buffer is not allocated)`,
      },
      slips: realSlips(saved, [{ id: 'dtype-bytes', value: elements * (b === 4 ? 2 : 4) }]),
    };
  }
  const n = c * h * w;
  const reads = s.op === 'add' ? 2 * n : n;
  const params = s.op === 'batchnorm' ? 2 * c : 0;
  const readBytes = (reads + params) * b;
  const writeBytes = n * b;
  const total = readBytes + writeBytes;
  const p = { op: OP_NAME[s.op], opText: OP_TEXT[s.op], shape, dtype: s.dtype, bytes: b, unit };
  const readFormula =
    s.op === 'add' ? '2 \\cdot CHW \\cdot b' : s.op === 'batchnorm' ? '(CHW + 2C) \\cdot b' : 'CHW \\cdot b';
  const readSub =
    s.op === 'add'
      ? `2 \\cdot ${tex(n)} \\cdot ${b}`
      : s.op === 'batchnorm'
        ? `(${tex(n)} + ${2 * c}) \\cdot ${b}`
        : `${tex(n)} \\cdot ${b}`;
  return {
    prompt: { key: 'quiz.training.access', params: p },
    text: fill(TM['quiz.training.access'], p),
    answerKind: 'bytes',
    unit,
    expected: total,
    tolerance: { kind: 'sigfigs', digits: 4 },
    solution: {
      steps: [
        trace('memoryAccess.inputBytes', readFormula, `${readSub} = ${tex(readBytes)}`, readBytes),
        trace(
          'memoryAccess.outputBytes',
          'CHW \\cdot b',
          `${tex(n)} \\cdot ${b} = ${tex(writeBytes)}`,
          writeBytes,
        ),
        trace(
          'memoryAccess.totalBytes',
          '\\text{read} + \\text{written}',
          `${tex(readBytes)} + ${tex(writeBytes)} = ${tex(total)}`,
          total,
        ),
      ],
      final: `${total} bytes = ${inUnit(total)}`,
    },
    slips: realSlips(total, [
      { id: 'forgot-input-read', value: writeBytes },
      { id: 'dtype-bytes', value: (total / b) * (b === 4 ? 2 : 4) },
    ]),
  };
}

function memoryMake(rng: QuizRng, d: Difficulty): TrainingMemorySpec {
  return draw(
    rng,
    (): TrainingMemorySpec => {
      const hw = rng.pick([7, 14, 28, 56, 112]);
      const shape: [number, number, number] = [rng.pick([32, 64, 128, 256]), hw, hw];
      const dtype = d === 1 ? 'fp32' : rng.pick(['fp32', 'fp16'] as const);
      const unit = rng.pick(d === 1 ? (['KB', 'MB'] as const) : (['KB', 'MB', 'KiB', 'MiB'] as const));
      if (d === 1 || rng.chance(0.4))
        return { variant: 'inplace', shape, batch: rng.pick([1, 8, 16, 32]), dtype, unit };
      const op = rng.pick(d === 2 ? (['relu', 'add'] as const) : (['relu', 'add', 'batchnorm'] as const));
      return { variant: 'access', op, shape, dtype, unit };
    },
    memoryBuild,
  );
}

export const trainingMemory: SkillDef<TrainingMemorySpec> = {
  id: 'training-memory',
  title: 'In-place operations and memory access',
  templates: TM,
  make: memoryMake,
  build: memoryBuild,
};

// ---------------------------------------------------------------- training-dynamics

const TD = {
  'quiz.training.l1':
    'A weight w = {w} has data gradient g = {g}. The loss includes the L1 penalty λ·|w| with λ = {lambda}, and plain SGD with learning rate {lr} takes one step. What is w afterwards? Give 3 significant digits.',
  'quiz.training.rnn-factor':
    'A tanh RNN back-propagates through {steps} time steps. Wₕₕ is symmetric with spectral radius ρ = {rho} (so its largest singular value is ρ too), and tanh′ ≤ 1. What is the upper bound ρᵀ of the factor by which the gradient norm can change from the last step back to the first? Give 3 significant digits.',
  'quiz.training.rnn-steps':
    'A tanh RNN has a symmetric Wₕₕ with spectral radius ρ = {rho}, and tanh′ ≤ 1, so the gradient through T steps shrinks at least like ρᵀ. After how many steps T does that bound first fall below {threshold}?',
  'quiz.training.update-ratio':
    'One SGD step with learning rate {lr} updates a layer whose weights have norm ‖W‖ = {weightNorm} and whose gradient has norm ‖g‖ = {gradNorm}. What is the update/weight ratio η·‖g‖/‖W‖ (healthy training is near 10⁻³)? Give 3 significant digits.',
};

function dynamicsBuild(s: TrainingDynamicsSpec): Built {
  if (s.variant === 'l1') {
    const sign = Math.sign(s.w);
    const after = s.w - s.lr * (s.g + s.lambda * sign);
    const params = { w: s.w, g: s.g, lambda: s.lambda, lr: s.lr };
    return {
      prompt: { key: 'quiz.training.l1', params },
      text: fill(TD['quiz.training.l1'], params),
      answerKind: 'number',
      expected: after,
      tolerance: { kind: 'sigfigs', digits: 3 },
      solution: {
        steps: [
          trace(
            'l1.next',
            "w' = w - \\eta\\,(g + \\lambda \\operatorname{sign}(w))",
            `${s.w} - ${s.lr}\\,(${s.g} + ${s.lambda} \\cdot ${sign}) = ${tex(after)}`,
            after,
          ),
        ],
        final: `${Number(after.toPrecision(3))}`,
      },
      slips: realSlips(after, [{ id: 'l2-for-l1', value: s.w - s.lr * (s.g + 2 * s.lambda * s.w) }]),
    };
  }
  if (s.variant === 'rnn') {
    if (s.ask === 'factor') {
      const bound = s.rho ** s.steps;
      const params = { steps: s.steps, rho: s.rho };
      return {
        prompt: { key: 'quiz.training.rnn-factor', params },
        text: fill(TD['quiz.training.rnn-factor'], params),
        answerKind: 'number',
        expected: bound,
        tolerance: { kind: 'sigfigs', digits: 3 },
        solution: {
          steps: [trace('rnn.bound', '\\rho^T', `${s.rho}^{${s.steps}} = ${tex(bound)}`, bound)],
          final: `${Number(bound.toPrecision(3))}`,
        },
        slips: realSlips(bound, [{ id: 'forgot-weight-factor', value: 1 }]),
      };
    }
    const threshold = s.threshold ?? 1e-3;
    // Smallest T with ρ^T < threshold (ρ < 1): T = ⌊ln(threshold) / ln ρ⌋ + 1.
    const steps = Math.floor(Math.log(threshold) / Math.log(s.rho)) + 1;
    const params = { rho: s.rho, threshold };
    return {
      prompt: { key: 'quiz.training.rnn-steps', params },
      text: fill(TD['quiz.training.rnn-steps'], params),
      answerKind: 'integer',
      expected: steps,
      tolerance: { kind: 'exact' },
      solution: {
        steps: [
          trace(
            'rnn.steps',
            'T = \\left\\lfloor \\frac{\\ln(\\text{threshold})}{\\ln \\rho} \\right\\rfloor + 1',
            `\\left\\lfloor \\frac{\\ln ${threshold}}{\\ln ${s.rho}} \\right\\rfloor + 1 = ${steps}`,
            steps,
          ),
        ],
        final: `T = ${steps}`,
      },
      slips: [],
    };
  }
  const ratio = (s.lr * s.gradNorm) / s.weightNorm;
  const params = { lr: s.lr, gradNorm: s.gradNorm, weightNorm: s.weightNorm };
  return {
    prompt: { key: 'quiz.training.update-ratio', params },
    text: fill(TD['quiz.training.update-ratio'], params),
    answerKind: 'number',
    expected: ratio,
    tolerance: { kind: 'sigfigs', digits: 3 },
    solution: {
      steps: [
        trace(
          'update.ratio',
          '\\frac{\\eta \\lVert g \\rVert}{\\lVert W \\rVert}',
          `\\frac{${s.lr} \\cdot ${s.gradNorm}}{${s.weightNorm}} = ${tex(ratio)}`,
          ratio,
        ),
      ],
      final: `${Number(ratio.toPrecision(3))}`,
    },
    slips: realSlips(ratio, [{ id: 'inverted-clip-ratio', value: s.weightNorm / (s.lr * s.gradNorm) }]),
  };
}

function dynamicsMake(rng: QuizRng, d: Difficulty): TrainingDynamicsSpec {
  return draw(
    rng,
    (): TrainingDynamicsSpec => {
      const variant = rng.pick(
        d === 1 ? (['l1', 'update-ratio'] as const) : (['l1', 'rnn', 'update-ratio'] as const),
      );
      if (variant === 'l1')
        return {
          variant,
          w: rng.pick([0.5, 1, -1, 2, -0.8, 1.5]),
          g: d === 1 ? 0 : rng.pick([0.2, -0.3, 0.5, -0.1]),
          lr: rng.pick([0.01, 0.05, 0.1]),
          lambda: rng.pick([0.01, 0.05, 0.1]),
        };
      if (variant === 'rnn')
        return d === 2
          ? { variant, rho: rng.pick([0.5, 0.8, 0.9, 1.1, 1.2]), steps: rng.int(5, 50), ask: 'factor' }
          : {
              variant,
              rho: rng.pick([0.5, 0.8, 0.9, 0.95]),
              steps: 1,
              ask: 'steps',
              threshold: rng.pick([1e-2, 1e-3]),
            };
      return {
        variant,
        lr: rng.pick([0.1, 0.01, 0.001]),
        gradNorm: rng.pick([0.5, 1, 2, 5]),
        weightNorm: rng.pick([10, 20, 50]),
      };
    },
    dynamicsBuild,
  );
}

export const trainingDynamics: SkillDef<TrainingDynamicsSpec> = {
  id: 'training-dynamics',
  title: 'L1 updates, RNN gradients and the update/weight ratio',
  templates: TD,
  make: dynamicsMake,
  build: dynamicsBuild,
};

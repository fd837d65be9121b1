import { analyzeModel } from '../../analysis/analyze';
import type { FormulaTrace } from '../../formulas/latex';
import { receptiveFieldOfStack, type StackRfRow } from '../../formulas/receptive-field';
import type { ModelSpec } from '../../model/types';
import { ModelBuilder } from '../../zoo/builder';
import { pairAnswer } from '../answer-format';
import type { QuizRng } from '../rng';
import type { Built, Difficulty, SlipCandidate } from '../types';
import { draw, fill, QuizSpecError, realSlips, type SkillDef, trace } from './common';

export interface RfLayer {
  op: 'conv' | 'maxpool';
  k: number;
  s: number;
  d: number;
}

export type RfSpec =
  | { variant: 'stack'; layers: RfLayer[]; ask: 'size' | 'size-jump' }
  /** The last layer's dilation is unknown; `target` is the RF wanted after it. */
  | { variant: 'dilation'; layers: RfLayer[]; target: number }
  /** Two branches from the input ("same" padding, stride 1), merged by addition, then `after`. */
  | { variant: 'branches'; a: RfLayer[]; b: RfLayer[]; after: RfLayer[] };

const T = {
  'quiz.rf.stack': 'A 1-D view of a stack of layers, input first:\n{layers}\n{askText}{holesText}',
  'quiz.rf.dilation':
    'A stack of layers, input first:\n{layers}\nThe last layer is a {k}-tap convolution with stride 1 and dilation d. Which d makes the receptive field of its output (its extent, from the first to the last input pixel seen) exactly {target}?',
  'quiz.rf.branches':
    'Two branches read the same input; every convolution in them uses padding "same" (PyTorch: an odd extra pixel goes after) and stride 1.\nBranch A:\n{a}\nBranch B:\n{b}\nTheir outputs are added{afterText}\nWhat is the receptive field (in input pixels, one dimension) of one unit of the final output?{holesText}',
};

/** Said wherever the RF has holes: the answer is the hull (first to last input pixel seen). */
export const HULL_TEXT =
  ' Give its extent, from the first to the last input pixel it sees: some pixels in between are not read (holes).';

function layerLine(l: RfLayer, i: number): string {
  const name = l.op === 'conv' ? 'conv' : 'max pool';
  return `  ${i + 1}. ${name}, kernel ${l.k}, stride ${l.s}${l.d > 1 ? `, dilation ${l.d}` : ''}`;
}

function stackRows(layers: readonly RfLayer[]): StackRfRow[] {
  return receptiveFieldOfStack(layers.map((l) => ({ kernel: l.k, stride: l.s, dilation: l.d })));
}

/** The size and jump traces of the h dimension, named per layer (the stacks here are square). */
function stackSteps(rows: StackRfRow[]): FormulaTrace[] {
  return rows.flatMap((r) =>
    r.formulas
      .filter((f) => f.quantity === 'rf.size.h' || f.quantity === 'rf.jump.h')
      .map((f) => ({ ...f, quantity: `layer${r.index + 1}.${f.quantity.replace('.h', '')}` })),
  );
}

function last(rows: StackRfRow[]): { size: number; jump: number } {
  const r = rows[rows.length - 1];
  return { size: r.size[0], jump: r.jump[0] };
}

/**
 * The slip "multiplied the strides wrongly": using Π_{i≤l} S_i instead of Π_{i<l} S_i for layer l.
 * The same as the correct recursion on a stack whose strides act one layer early (a 1-tap layer
 * carrying S_1 first).
 */
function earlyStrideStack(layers: readonly RfLayer[]): RfLayer[] {
  const shifted: RfLayer[] = [{ op: 'conv', k: 1, s: layers[0].s, d: 1 }];
  layers.forEach((l, i) => shifted.push({ ...l, s: i + 1 < layers.length ? layers[i + 1].s : 1 }));
  return shifted;
}

function diagram(layers: readonly RfLayer[], rows: StackRfRow[]): Built['diagram'] {
  return {
    kind: 'rf-1d',
    data: {
      layers: layers.map((l) => ({ kernel: l.k, stride: l.s, dilation: l.d })),
      sizes: rows.map((r) => r.size[0]),
      jumps: rows.map((r) => r.jump[0]),
    },
  };
}

function branchModel(
  a: readonly RfLayer[],
  b: readonly RfLayer[] | null,
  after: readonly RfLayer[],
): ModelSpec {
  const m = new ModelBuilder();
  let lastA = 'input';
  a.forEach(
    (l, i) =>
      (lastA = m.conv(`a${i + 1}`, 4, l.k, { padding: 'same', dilation: l.d }, i === 0 ? 'input' : lastA)),
  );
  let lastB: string | null = null;
  if (b)
    b.forEach(
      (l, i) =>
        (lastB = m.conv(
          `b${i + 1}`,
          4,
          l.k,
          { padding: 'same', dilation: l.d },
          i === 0 ? 'input' : (lastB as string),
        )),
    );
  if (lastB) m.add('sum', { op: 'add' }, [lastA, lastB]);
  else m.add('sum', { op: 'identity' }, lastA);
  after.forEach((l, i) =>
    l.op === 'conv'
      ? m.conv(`c${i + 1}`, 4, l.k, { stride: l.s, dilation: l.d })
      : m.add(`p${i + 1}`, { op: 'maxpool2d', kernel: l.k, stride: l.s }),
  );
  return m.model('quiz-branches', [1, 64, 64]);
}

function build(s: RfSpec): Built {
  if (s.variant === 'stack') {
    const rows = stackRows(s.layers);
    const r = last(rows);
    const value = (rs: StackRfRow[]) => (s.ask === 'size' ? last(rs).size : [last(rs).size, last(rs).jump]);
    const expected = value(rows);
    const params = {
      layers: s.layers.map(layerLine).join('\n'),
      askText:
        s.ask === 'size'
          ? 'What is the receptive field (in input pixels) of one unit of the last layer?'
          : 'What are the receptive field r and the jump j (distance in input pixels between neighbouring output units) of the last layer? Answer as "r, j".',
      holesText: rows[rows.length - 1].hasHoles ? HULL_TEXT : '',
    };
    return {
      prompt: { key: 'quiz.rf.stack', params },
      text: fill(T['quiz.rf.stack'], params),
      answerKind: s.ask === 'size' ? 'integer' : 'pair',
      expected,
      tolerance: { kind: 'exact' },
      diagram: diagram(s.layers, rows),
      solution: {
        steps: stackSteps(rows),
        final: s.ask === 'size' ? `r = ${r.size}` : pairAnswer([r.size, r.jump]),
      },
      slips: realSlips(expected, [
        s.layers.some((l) => l.s > 1)
          ? { id: 'strides-multiplied-wrongly', value: value(stackRows(earlyStrideStack(s.layers)).slice(1)) }
          : null,
        s.layers.some((l) => l.s > 1)
          ? { id: 'ignored-strides', value: value(stackRows(s.layers.map((l) => ({ ...l, s: 1 })))) }
          : null,
        s.layers.some((l) => l.d > 1)
          ? { id: 'forgot-dilation', value: value(stackRows(s.layers.map((l) => ({ ...l, d: 1 })))) }
          : null,
      ]),
    };
  }
  if (s.variant === 'dilation') {
    const solve = (layers: readonly RfLayer[]) => {
      const found: number[] = [];
      for (let d = 1; d <= 64; d++) {
        const ls = layers.map((l, i) => (i === layers.length - 1 ? { ...l, d } : l));
        const size = last(stackRows(ls)).size;
        if (size === s.target) found.push(d);
        // The RF grows with d (K > 1), so nothing beyond the target can hit it again.
        if (size > s.target) break;
      }
      return found;
    };
    const sols = solve(s.layers);
    if (sols.length !== 1) throw new QuizSpecError('the target RF needs exactly one dilation');
    const d = sols[0];
    const solved = s.layers.map((l, i) => (i === s.layers.length - 1 ? { ...l, d } : l));
    const rows = stackRows(solved);
    const lastK = s.layers[s.layers.length - 1].k;
    const params = {
      layers:
        s.layers.slice(0, -1).map(layerLine).join('\n') +
        `\n  ${s.layers.length}. conv, kernel ${lastK}, stride 1, dilation d`,
      k: lastK,
      target: s.target,
    };
    const ignored = solve(s.layers.map((l) => ({ ...l, s: 1 })));
    const slip: SlipCandidate | null =
      ignored.length === 1 ? { id: 'ignored-strides', value: ignored[0] } : null;
    return {
      prompt: { key: 'quiz.rf.dilation', params },
      text: fill(T['quiz.rf.dilation'], params),
      answerKind: 'integer',
      expected: d,
      tolerance: { kind: 'exact' },
      diagram: diagram(solved, rows),
      solution: {
        steps: stackSteps(rows),
        final: `d = ${d}: K_eff = ${d * (lastK - 1) + 1} and r = ${s.target}`,
      },
      slips: realSlips(d, [slip]),
    };
  }
  const a = analyzeModel(branchModel(s.a, s.b, s.after));
  const out = a.layers[a.layers.length - 1];
  const expected = out.rf.size[0];
  const sum = a.layers.find((l) => l.id === 'sum');
  const branchEnds = a.layers.filter((l) => l.id === `a${s.a.length}` || l.id === `b${s.b.length}`);
  const steps: FormulaTrace[] = [
    ...branchEnds.map((l) =>
      trace(
        `${l.id}.rf`,
        'r_b,\\; s_b \\text{ (interval start)}',
        `r = ${l.rf.size[0]},\\; s = ${l.rf.start[0]}`,
        l.rf.size[0],
      ),
    ),
    ...(sum ? sum.formulas.filter((f) => f.quantity === 'rf.size.h') : []),
    ...a.layers
      .filter((l) => /^[cp]\d/.test(l.id))
      .flatMap((l) =>
        l.formulas
          .filter((f) => f.quantity === 'rf.size.h' || f.quantity === 'rf.jump.h')
          .map((f) => ({ ...f, quantity: `${l.id}.${f.quantity}` })),
      ),
  ];
  const sizes = branchEnds.map((l) => l.rf.size[0]);
  const bigger = sizes[0] >= sizes[1] ? [s.a, null] : [s.b, null];
  const maxRule = analyzeModel(branchModel(bigger[0] as RfLayer[], null, s.after));
  const params = {
    a: s.a.map(layerLine).join('\n'),
    b: s.b.map(layerLine).join('\n'),
    afterText: s.after.length ? `, then:\n${s.after.map(layerLine).join('\n')}` : '.',
    holesText: out.rf.hasHoles ? HULL_TEXT : '',
  };
  return {
    prompt: { key: 'quiz.rf.branches', params },
    text: fill(T['quiz.rf.branches'], params),
    answerKind: 'integer',
    expected,
    tolerance: { kind: 'exact' },
    solution: {
      steps,
      final: `r = ${expected}${sum?.rf.size[0] !== Math.max(...sizes) ? ' (the branches are not centred on each other, so the hull is larger than either branch)' : ''}`,
    },
    slips: realSlips(expected, [
      { id: 'max-of-branches', value: maxRule.layers[maxRule.layers.length - 1].rf.size[0] },
    ]),
  };
}

function drawLayer(rng: QuizRng, d: Difficulty, allowPool: boolean): RfLayer {
  if (allowPool && rng.chance(0.25)) return { op: 'maxpool', k: rng.pick([2, 3]), s: 2, d: 1 };
  const k = rng.pick(d === 1 ? [3, 3, 5, 7] : [1, 3, 3, 5, 7]);
  return {
    op: 'conv',
    k,
    s: d === 1 ? 1 : rng.pick([1, 1, 2]),
    d: d === 3 && k > 1 && rng.chance(0.35) ? rng.int(2, 4) : 1,
  };
}

function make(rng: QuizRng, d: Difficulty): RfSpec {
  return draw(
    rng,
    (): RfSpec => {
      const variant =
        d === 1
          ? 'stack'
          : d === 2
            ? rng.pick(['stack', 'stack', 'dilation'] as const)
            : rng.pick(['stack', 'dilation', 'branches'] as const);
      const n = d === 1 ? rng.int(2, 3) : d === 2 ? rng.int(3, 5) : rng.int(4, 6);
      const layers = Array.from({ length: n }, () => drawLayer(rng, d, d > 1));
      if (variant === 'stack') return { variant, layers, ask: d === 1 ? 'size' : 'size-jump' };
      if (variant === 'dilation') {
        const k = rng.pick([3, 3, 5]);
        const lastLayer: RfLayer = { op: 'conv', k, s: 1, d: rng.int(1, 8) };
        const ls = [...layers.slice(0, n - 1), lastLayer];
        return { variant, layers: ls, target: last(stackRows(ls)).size };
      }
      const branch = () =>
        Array.from({ length: rng.int(1, 3) }, (): RfLayer => ({
          op: 'conv',
          k: rng.pick([1, 2, 3, 4, 5]),
          s: 1,
          d: rng.chance(0.3) ? 2 : 1,
        }));
      const after = Array.from({ length: rng.int(0, 2) }, () => drawLayer(rng, 2, true));
      return { variant, a: branch(), b: branch(), after };
    },
    build,
  );
}

export const receptiveField: SkillDef<RfSpec> = {
  id: 'receptive-field',
  title: 'Receptive field',
  templates: T,
  make,
  build,
};

/** The forms a learner types are read as meant; what cannot be read unambiguously is asked again. */
import { describe, expect, it } from 'vitest';
import { formatAnswer, generate, grade, questionFromSpec, roundSig } from '../../../src/core/quiz';

const sizeQuestion = questionFromSpec(
  'output-size',
  {
    op: 'conv',
    input: [3, 224, 224],
    outChannels: 64,
    kernel: [3, 3],
    stride: 2,
    padding: 1,
    dilation: 1,
    ceilMode: false,
    ask: 'size',
  },
  2,
);
// ⌊(224 + 2 − 3)/2⌋ + 1 = 111 + 1 = 112 (hand-worked)
const M = 112;

describe('grading forms', () => {
  it('a label, "M × M" for one size of a square map, Chinese punctuation and full-width digits', () => {
    expect(sizeQuestion.expected).toBe(M);
    for (const a of [
      'M = 112',
      'M=112',
      'm: 112',
      '112x112',
      '112 × 112',
      '112 X 112',
      '１１２',
      '112。',
      'M＝１１２',
    ])
      expect(grade(sizeQuestion, a).correct, a).toBe(true);
    expect(grade(sizeQuestion, '112x56').correct).toBe(false);
    expect(grade(sizeQuestion, '112x56').parsed).toBeNull();
  });

  it('"3x3" is not read as one number where the question is not the size of a square map', () => {
    const q = generate('conv-params', 1, 3);
    const g = grade(q, '3x3');
    expect(g.correct).toBe(false);
    expect(g.parsed).toBeNull();
    expect(g.message).toMatch(/one number is expected/);
  });

  it('the ideographic comma and full stop of a Chinese input method', () => {
    const rf = questionFromSpec(
      'receptive-field',
      {
        variant: 'stack',
        layers: [
          { op: 'conv', k: 3, s: 2, d: 1 },
          { op: 'conv', k: 3, s: 1, d: 1 },
        ],
        ask: 'size-jump',
      },
      2,
    );
    // r = 1 + 2·1 + 2·2 = 7, j = 2 (hand-worked)
    expect(rf.expected).toEqual([7, 2]);
    for (const a of ['7、2', '７，２', 'r = 7，j = 2', '（7, 2）'])
      expect(grade(rf, a).correct, a).toBe(true);
  });

  it('bits are not bytes: "Mb" is asked again, never read as MB', () => {
    const q = generate('feature-map-memory', 2, 1);
    for (const a of ['1.2 Mb', '3 Kb', '5 kb', '7 b', '2 Mbit']) {
      const g = grade(q, a);
      expect(g.parsed, a).toBeNull();
      expect(g.ambiguous, a).toBe(true);
      expect(g.message, a).toMatch(/bits/);
    }
  });

  it('"0,217" is asked again; the app’s own "6.10 × 10⁻⁵" notation and 万/亿 are read', () => {
    const q = questionFromSpec('gradient-arithmetic', { variant: 'chain', acts: ['sigmoid'], weights: [1] });
    expect(grade(q, '0,25').parsed).toBeNull();
    const zero = grade(q, '0,250');
    expect(zero.parsed).toBeNull();
    expect(zero.ambiguous).toBe(true);
    expect(grade(q, '2.50 × 10⁻¹').correct).toBe(true);
    expect(grade(q, '0。25').correct).toBe(true);
    const count = questionFromSpec('conv-params', {
      inChannels: 360,
      outChannels: 1024,
      kernel: [1, 1],
      groups: 1,
      bias: false,
    });
    // 360 · 1024 = 368,640 = 36.864 万
    expect(count.expected).toBe(368_640);
    expect(grade(count, '36.864万').correct).toBe(true);
    expect(grade(count, '0.0036864亿').correct).toBe(true);
  });
});

describe('precision: "give 3 significant digits" grades 3 significant digits', () => {
  // Lesson 10 check 4: w = 3 − 0.05·(−0.2 + 2·0.1·3) = 3 − 0.05·0.4 = 2.98 (hand-worked)
  const q = questionFromSpec('gradient-arithmetic', {
    variant: 'l2',
    w: 3,
    g: -0.2,
    lr: 0.05,
    lambda: 0.1,
    steps: 1,
  });

  it('accepts 2.98 (and more digits that round to it), refuses 2.97 and 2.99', () => {
    for (const a of ['2.98', '2.980', '2.9800', '2,98'.replace(',', '.')])
      expect(grade(q, a).correct, a).toBe(true);
    for (const a of ['2.97', '2.99', '3', '3.0', '2.988']) expect(grade(q, a).correct, a).toBe(false);
    expect(formatAnswer(q)).toBe('2.98');
  });

  it('over 900 generated questions, the neighbouring 3-digit values are never accepted', () => {
    let checked = 0;
    for (let seed = 0; seed < 300; seed++)
      for (const d of [1, 2, 3] as const) {
        const g = generate('gradient-arithmetic', d, seed);
        const e = g.expected as number;
        const r = roundSig(e, 3);
        const step = 10 ** (Math.floor(Math.log10(Math.abs(r))) - 2);
        expect(grade(g, r.toPrecision(3)).correct, g.id).toBe(true);
        for (const n of [r + step, r - step]) {
          // e exactly on a rounding boundary (1.875): both neighbours are fair roundings.
          if (Math.abs(Math.abs(e - n) - step / 2) < 1e-9 * Math.abs(e)) continue;
          expect(grade(g, roundSig(n, 3).toPrecision(3)).correct, `${g.id} ${n}`).toBe(false);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(1700);
  });

  it('memory sizes: 4 significant digits in the unit asked, and the expected answer shown at 4', () => {
    const m = questionFromSpec('feature-map-memory', {
      conv: {
        input: [16, 40, 40],
        outChannels: 16,
        kernel: [3, 3],
        stride: 1,
        padding: 1,
        groups: 1,
        bias: false,
      },
      dtype: 'fp32',
      ask: 'bytes',
      unit: 'KB',
    });
    // 16 · 40 · 40 · 4 = 102,400 bytes = 102.4 KB (hand-worked)
    expect(m.expected).toBe(102_400);
    expect(grade(m, '102.4 KB').correct).toBe(true);
    expect(grade(m, '102.5 KB').correct).toBe(false);
    expect(grade(m, '102.3').correct).toBe(false);
    expect(formatAnswer(m)).toBe('102.4 KB (102,400 bytes)');
  });
});

import { describe, expect, it } from 'vitest';
import { getZooModel } from '../../../src/core';
import {
  generate,
  generateForDesign,
  grade,
  questionFromId,
  questionFromSpec,
  SKILLS,
} from '../../../src/core/quiz';

describe('grade', () => {
  it('recomputes the expected answer instead of trusting the stored one', () => {
    const q = generate('conv-params', 1, 3);
    const tampered = { ...q, expected: (q.expected as number) + 1 };
    expect(grade(tampered, String(q.expected)).correct).toBe(true);
    expect(grade(tampered, String((q.expected as number) + 1)).correct).toBe(false);
  });

  it('is reproducible from the id', () => {
    for (const skill of SKILLS) {
      const q = generate(skill, 2, 42);
      expect(questionFromId(q.id)).toEqual(q);
    }
    expect(() => questionFromId('output-size:4:1')).toThrow();
  });

  it('output size: names "forgot 2P", "+1 forgotten" and ceil/floor slips (hand-worked)', () => {
    // X = 32, K = 5, P = 2, S = 2: ⌊(32 + 4 − 5)/2⌋ + 1 = 15 + 1 = 16
    const q = questionFromSpec('output-size', {
      op: 'conv',
      input: [3, 32, 32],
      outChannels: 8,
      kernel: [5, 5],
      stride: 2,
      padding: 2,
      dilation: 1,
      ceilMode: false,
      ask: 'size',
    });
    expect(grade(q, '16').correct).toBe(true);
    // padding once: ⌊(32 + 2 − 5)/2⌋ + 1 = 14 + 1 = 15
    expect(grade(q, '15').slip?.id).toBe('forgot-2p');
    // without + 1: 15 — same number as above, so the first-named slip wins; ceil: ⌈31/2⌉ + 1 = 17
    expect(grade(q, '17').slip?.id).toBe('floor-ceil');
    const r = grade(q, '99');
    expect(r.correct).toBe(false);
    expect(r.slip).toBeUndefined();
    expect(r.solution.steps[0].value).toBe(16);
  });

  it('conv params: forgot the bias, ignored groups (hand-worked)', () => {
    // 64 · (32/4) · 3 · 3 = 4608 weights + 64 bias = 4672; without groups 64 · 32 · 9 + 64 = 18496
    const q = questionFromSpec('conv-params', {
      inChannels: 32,
      outChannels: 64,
      kernel: [3, 3],
      groups: 4,
      bias: true,
    });
    expect(grade(q, '4,672').correct).toBe(true);
    expect(grade(q, '4608').slip?.id).toBe('forgot-bias');
    expect(grade(q, '18496').slip?.id).toBe('ignored-groups');
    expect(grade(q, '4.67k')).toMatchObject({ correct: false, message: expect.stringContaining('exact') });
  });

  it('MACs vs FLOPs: the convention is stated and confusing it is named (hand-worked)', () => {
    // 16 · 8 · 8 · 3 · 3 · 3 = 27648 MACs; FLOPs = 55296
    const q = questionFromSpec('conv-macs-flops', {
      conv: {
        input: [3, 8, 8],
        outChannels: 16,
        kernel: [3, 3],
        stride: 1,
        padding: 1,
        groups: 1,
        bias: true,
      },
      convention: 'flops',
    });
    expect(q.text).toContain('FLOPs = 2 × MACs');
    expect(grade(q, '55296').correct).toBe(true);
    expect(grade(q, '27.648k').slip?.id).toBe('macs-for-flops');
  });

  it('bytes: converts stated units, reports MB/MiB mix-ups and ambiguity without guessing', () => {
    // output 64 × 56 × 56 = 200704 elements × 4 B = 802816 B = 0.802816 MB = 0.765625 MiB
    const conv = {
      input: [64, 56, 56],
      outChannels: 64,
      kernel: [3, 3],
      stride: 1,
      padding: 1,
      groups: 1,
      bias: true,
    };
    const mb = questionFromSpec('feature-map-memory', { conv, dtype: 'fp32', ask: 'bytes', unit: 'MB' });
    expect(mb.expected).toBe(802_816);
    expect(grade(mb, '0.8028').correct).toBe(true);
    expect(grade(mb, '0.8028 MB').correct).toBe(true);
    expect(grade(mb, '0.765625 MiB').correct).toBe(true);
    expect(grade(mb, '802816 bytes').correct).toBe(true);
    expect(grade(mb, '802.8 KB').correct).toBe(true);
    expect(grade(mb, '0.8028M').correct).toBe(true);
    expect(grade(mb, '0.7656').slip?.id).toBe('mixed-mb-mib');
    expect(grade(mb, '0.4014').slip?.id).toBe('dtype-bytes');
    const mib = questionFromSpec('feature-map-memory', { conv, dtype: 'fp32', ask: 'bytes', unit: 'MiB' });
    expect(grade(mib, '0.7656').correct).toBe(true);
    expect(grade(mib, '0.7656M')).toMatchObject({ correct: false, ambiguous: true });
    expect(grade(mib, '0.8028').slip?.id).toBe('mixed-mb-mib');
    const free = questionFromSpec('feature-map-memory', { conv, dtype: 'fp32', ask: 'bytes' });
    expect(grade(free, '0.8028')).toMatchObject({ correct: false, ambiguous: true });
    expect(grade(free, '0.8028 MB').correct).toBe(true);
  });

  it('receptive field: strides multiplied wrongly, ignored, and the two-branch hull', () => {
    // k3 s2, k3 s2, k3 s1: r = 1 + 2·1 + 2·2 + 2·4 = 15, j = 4
    const layers = [
      { op: 'conv', k: 3, s: 2, d: 1 },
      { op: 'conv', k: 3, s: 2, d: 1 },
      { op: 'conv', k: 3, s: 1, d: 1 },
    ];
    const q = questionFromSpec('receptive-field', { variant: 'stack', layers, ask: 'size' });
    expect(grade(q, '15').correct).toBe(true);
    // Π_{i≤l}: 1 + 2·2 + 2·4 + 2·4 = 21
    expect(grade(q, '21').slip?.id).toBe('strides-multiplied-wrongly');
    // strides ignored: 1 + 2 + 2 + 2 = 7
    expect(grade(q, '7').slip?.id).toBe('ignored-strides');
    // Branch A: k2 "same" pads [0, 1] → unit 0 sees [0, 1]; branch B: k3 pads [1, 1] → [−1, 1]; hull [−1, 1] = 3.
    // Branch A: two k2 → [0, 2]; hull with B [−1, 1] is [−1, 2] = 4 > max(3, 3).
    const br = questionFromSpec('receptive-field', {
      variant: 'branches',
      a: [
        { op: 'conv', k: 2, s: 1, d: 1 },
        { op: 'conv', k: 2, s: 1, d: 1 },
      ],
      b: [{ op: 'conv', k: 3, s: 1, d: 1 }],
      after: [],
    });
    expect(br.expected).toBe(4);
    expect(grade(br, '3').slip?.id).toBe('max-of-branches');
  });

  it('unparsable answers get a message, not a guess', () => {
    const q = generate('output-size', 3, 1);
    expect(grade(q, 'banana')).toMatchObject({ correct: false, parsed: null });
    expect(grade(q, '[1, 2]').message).toMatch(/dimensions/);
  });
});

describe('design questions', () => {
  it('ask about the saved model and are graded by analysing it again', () => {
    const model = getZooModel('alexnet')!;
    let layerIds = 0;
    for (let seed = 0; seed < 60; seed++) {
      for (const d of [1, 2, 3] as const) {
        const q = generateForDesign(model, 'My AlexNet', seed, d);
        expect(q.skill).toBe('design');
        expect(q.text).toContain('My AlexNet');
        expect(
          grade(q, Array.isArray(q.expected) ? `[${q.expected.join(', ')}]` : String(q.expected)).correct,
        ).toBe(true);
        if (q.answerKind === 'layer-id') layerIds++;
      }
    }
    expect(layerIds).toBeGreaterThan(0);
    // alexnet's classifier.1 (Linear 9216 → 4096) holds the most parameters: 9216 · 4096 + 4096 = 37,752,832
    const base = generateForDesign(model, 'x', 0, 3);
    const q = { ...base, spec: { model, designName: 'x', ask: 'max-params' } };
    expect(grade(q, 'classifier.1').correct).toBe(true);
    expect(grade(q, 'Classifier.1').correct).toBe(true);
    expect(grade(q, 'classifier.4').correct).toBe(false);
    expect(grade(q, 'nosuchlayer').message).toMatch(/no layer/);
    const p = { ...base, spec: { model, designName: 'x', ask: 'params', layerId: 'classifier.1' } };
    expect(grade(p, '37,752,832').correct).toBe(true);
    expect(grade(p, '37748736').slip?.id).toBe('forgot-bias');
  });
});

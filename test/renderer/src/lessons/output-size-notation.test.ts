import { describe, expect, it } from 'vitest';
import { convOutputSize, outputSizeLatex, type OutputSizeParams } from '../../../../src/core';
import { lessonBindings } from '../../../../src/renderer/src/lessons/bindings';
import { CONTENT } from '../../../../src/renderer/src/lessons/content';
import { bindTex } from '../../../../src/renderer/src/lessons/rich-text';

/**
 * The output-size formula reads the same wherever it is shown: the lessons, the worked solutions of
 * Practice and the Designs formula trace (both `outputSizeLatex`) put the terms in one order, and the
 * numbers are substituted in that order.
 */
const squash = (tex: string) => tex.replace(/\s+/g, '');
const CASES: OutputSizeParams[] = [
  { size: 32, kernel: 5, padding: 0, stride: 1 },
  { size: 224, kernel: 7, padding: 3, stride: 2 },
  { size: 15, kernel: 4, padding: 'same', stride: 2 },
  { size: 17, kernel: 3, padding: [1, 0], stride: 2, dilation: 2 },
  { size: 112, kernel: 3, padding: 0, stride: 2, ceilMode: true },
];

describe('output-size notation', () => {
  it('the substituted formula is the symbolic one with each symbol replaced by its number', () => {
    for (const p of CASES) {
      const t = convOutputSize(p);
      const l = outputSizeLatex(t);
      const values: Record<string, number> = { X: t.X, K: t.K, S: t.S, d: t.d, P: t.P[0] };
      const filled = l.formula
        .replace('P_b', String(t.P[0]))
        .replace('P_a', String(t.P[1]))
        .replace('2P', `2 \\cdot ${t.P[0]}`)
        .replace(/(?<![\\a-z])([XKSd])(?![a-z])/g, (s) => String(values[s]));
      expect(squash(l.substituted), JSON.stringify(p)).toBe(
        squash(`${filled}${t.ceilDropped ? ' - 1' : ''} = ${t.result}`),
      );
    }
  });

  it('the lessons write the formula as the traces do, and their example substitutes it the same way', () => {
    const symmetric = outputSizeLatex(convOutputSize(CASES[0]!)).formula.replace(/^M = /, '');
    for (const lang of ['en', 'zh-CN'] as const) {
      const lesson = CONTENT[lang]['output-size'];
      const blocks = lesson.sections.flatMap((s) => s.blocks);
      const tex = blocks.flatMap((b) => (typeof b === 'object' && 'tex' in b ? [b.tex] : []));
      expect(tex.length, lang).toBeGreaterThan(0);
      for (const f of tex) expect(squash(f), lang).toContain(squash(symmetric));
      // The worked example ($M = … = {{a.M}}$) is the trace of the same numbers.
      const bindings = lessonBindings('output-size');
      const example = blocks
        .filter((b): b is string => typeof b === 'string')
        .flatMap((b) => b.match(/\$M = [^$]*\{\{a\.M\}\}\$/g) ?? []);
      expect(example, lang).toHaveLength(1);
      const a = convOutputSize({
        size: bindings['a.X'] as number,
        kernel: bindings['a.K'] as number,
        padding: bindings['a.P'] as number,
        stride: bindings['a.S'] as number,
      });
      expect(squash(bindTex(example[0]!.slice(1, -1), bindings)), lang).toBe(
        squash(outputSizeLatex(a).substituted),
      );
      // The dilated-convolution lesson's recap uses the same order, with K_eff for K.
      const dilated = CONTENT[lang]['dilated-convolution'].sections.flatMap((s) => s.blocks);
      const recap = dilated.flatMap((b) => (typeof b === 'object' && 'tex' in b ? [b.tex] : []));
      expect(
        recap.some((f) => squash(f).includes(squash(symmetric.replace('- K', '- K_{eff}')))),
        lang,
      ).toBe(true);
    }
  });
});

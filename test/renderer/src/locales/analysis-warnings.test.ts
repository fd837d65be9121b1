import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  getZooModel,
  listZoo,
  WARNING_MESSAGES,
  warningLine,
  warningText,
  validateModel,
} from '../../../../src/core';
import {
  issueText,
  warningTranslator,
  warningWords,
} from '../../../../src/renderer/src/designs/warning-text';
import en from '../../../../src/renderer/src/locales/en';
import { placeholdersOf } from '../../../../src/renderer/src/practice/prompt';
import { zhI18n } from '../../../helpers/zh-i18n';
import zhCN from '../../../../src/renderer/src/locales/zh-CN';
import { EVERY_OP, EVERY_SEQUENCE_OP } from '../../../helpers/every-op';

/**
 * The analysis warnings are codes in the core; the renderer translates each through vue-i18n. Every
 * code has a Chinese text with the same parameters (a code added without one fails here), the English
 * is the core's own table, and a Chinese warning holds no English word.
 */
const { i18n, t } = zhI18n();
/** Symbols of the formulas and names a Chinese text may quote. */
const SYMBOLS = /K_eff|P_[ab]|ceil_mode|FLOPs|MAC|ONNX/g;

const models = [...listZoo().map((z) => getZooModel(z.name)!), EVERY_OP, EVERY_SEQUENCE_OP];
const warnings = models.flatMap((m) =>
  analyzeModel(m).warnings.map((w) => ({ w, ids: m.layers.map((l) => l.id) })),
);

describe('analysis warnings in both languages', () => {
  it('every code has a Chinese text with the same parameters, and the English table is the core’s', () => {
    const zh = zhCN.analysisWarnings.notes as Record<string, string>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(WARNING_MESSAGES).sort());
    expect(en.analysisWarnings.notes).toEqual(WARNING_MESSAGES);
    for (const [code, text] of Object.entries(WARNING_MESSAGES)) {
      expect(placeholdersOf(zh[code]!), code).toEqual(placeholdersOf(text));
      expect(zh[code], code).toMatch(/[\u4e00-\u9fff]/);
      expect(zh[code]!.replace(/\{\w+\}/g, '').replace(SYMBOLS, ''), code).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('in English vue-i18n writes the core’s message for every warning of the zoo and every operator', () => {
    i18n.global.locale.value = 'en';
    const translate = warningTranslator(t);
    expect(warnings.length).toBeGreaterThan(40);
    for (const { w } of warnings) expect(warningLine(w, translate)).toBe(w.message);
    // A count of 1 takes the singular.
    const taps = (count: number) => warningText({ code: 'taps', params: { count } }, translate);
    expect([taps(1), taps(3)]).toEqual(['1 tap', '3 taps']);
  });

  it('in Chinese every warning is a Chinese sentence: only ids, operator names and symbols are Latin', () => {
    i18n.global.locale.value = 'zh-CN';
    const words = warningWords(t, 'zh-CN');
    const codes = new Set<string>();
    for (const { w, ids } of warnings) {
      const line = words.line(w);
      let rest = line;
      for (const id of [...ids, 'Foo'].sort((a, b) => b.length - a.length)) rest = rest.split(id).join('');
      expect(rest.replace(SYMBOLS, ''), line).not.toMatch(/[A-Za-z]{3,}|\{|analysisWarnings/);
      codes.add(w.code);
    }
    expect(codes.size).toBeGreaterThanOrEqual(7);
    const resnet = analyzeModel(getZooModel('resnet50')!).warnings;
    expect(words.line(resnet[0])).toBe(
      '层 layer2.0.downsample.0：沿 H 方向，输入的 56 行中有 28 行没有被读到：每个窗口 1 个抽头，步长 2，窗口之间留有空隙，最后 1 行也在其中',
    );
    expect(words.text(resnet[1])).toBe(
      '沿 W 方向，输入的 56 列中有 28 列没有被读到：每个窗口 1 个抽头，步长 2，窗口之间留有空隙，最后 1 列也在其中',
    );
  });

  it('an issue of the analysis (a layer beyond 2^53) reads in Chinese in the editor', () => {
    i18n.global.locale.value = 'zh-CN';
    const v = validateModel({
      format: 'convscope-model',
      version: 1,
      name: 'big',
      input: [1, 100_000_000, 100_000_000],
      layers: [{ id: 'big', op: 'conv2d', out_channels: 1_000_000, kernel: 1 }],
    });
    if (v.ok) throw new Error('expected a refusal');
    expect(v.errors.map((e) => issueText(e, t, 'zh-CN'))).toEqual([
      '层 big：输出元素数达到 1.000e+22，超过了 2⁵³（9,007,199,254,740,991），超出精确整数运算的范围',
    ]);
  });
});

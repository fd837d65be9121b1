import { describe, expect, it } from 'vitest';
import {
  englishTemplate,
  ERROR_MESSAGES,
  issueLine,
  LAYER_OPS,
  validateModel,
  type ModelIssue,
  type WarningTranslator,
} from '../../../../src/core';
import { OPERATORS } from '../../../../src/core/analysis/ops';
import { issueText, warningTranslator } from '../../../../src/renderer/src/designs/warning-text';
import en from '../../../../src/renderer/src/locales/en';
import { placeholdersOf } from '../../../../src/renderer/src/practice/prompt';
import { zhI18n } from '../../../helpers/zh-i18n';
import zhCN from '../../../../src/renderer/src/locales/zh-CN';
import { analyzeOnnx, OnnxImportError } from '../../../../src/core/onnx';
import { onnx } from '../../../../src/core/onnx/proto/onnx';
import { superscript } from '../../../../src/core/format';
import { writeOnnxModel } from '../../../helpers/onnx-writer';
import { BAD_MODELS } from '../../../helpers/bad-models';

/**
 * A model's validation errors are codes in the core; the renderer translates each through vue-i18n.
 * Every code has a Chinese text with exactly the same parameters, the English is the core's own table,
 * and a Chinese error names the layer and the field as the form labels it.
 */
const { i18n, t } = zhI18n();
/** Codes whose text is only parameters (a field's key, a type's own name, a field and its problem). */
const ONLY_A_PARAMETER = new Set([
  'field',
  'model-field',
  'type-other',
  'at-field',
  // An ONNX input's role and name, a list of numbers, a shape: their words are their parameters'.
  'onnx-input',
  'onnx-seq',
  'onnx-dims',
]);

const issues: { issue: ModelIssue; json: unknown }[] = BAD_MODELS.flatMap((json) => {
  const v = validateModel(json);
  return v.ok ? [] : v.errors.map((issue) => ({ issue, json }));
});

/** What a Chinese error may quote as it is: ids, op names, field keys, values, shapes' letters. */
function latinLeft(text: string, json: unknown): string {
  const layers = (json as { layers?: unknown }).layers;
  const words = new Set<string>([...LAYER_OPS, 'PyTorch', 'null', 'input', 'nearest', 'bilinear']);
  for (const o of OPERATORS) for (const f of o.fields) words.add(f.key);
  for (const k of ['convscope-model', 'format', 'version', 'name', 'layers', 'extra']) words.add(k);
  for (const l of Array.isArray(layers) ? layers : [])
    if (l && typeof l === 'object') for (const [k, v] of Object.entries(l)) words.add(k).add(String(v));
  let rest = text;
  for (const w of [...words].sort((a, b) => b.length - a.length)) if (w) rest = rest.split(w).join('');
  return rest;
}

describe('validation errors in both languages', () => {
  it('every code has a Chinese text with the same parameters, and the English table is the core’s', () => {
    const zh = zhCN.modelErrors.notes as Record<string, string>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(ERROR_MESSAGES).sort());
    expect(en.modelErrors.notes).toEqual(ERROR_MESSAGES);
    for (const [code, text] of Object.entries(ERROR_MESSAGES)) {
      expect(placeholdersOf(zh[code]!), code).toEqual(placeholdersOf(text));
      if (!ONLY_A_PARAMETER.has(code)) expect(zh[code], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('in English vue-i18n writes the core’s message for every problem', () => {
    i18n.global.locale.value = 'en';
    expect(issues.length).toBeGreaterThan(50);
    // Every text but a field's name (which the page gives with the form's label) is the core's.
    const page = warningTranslator(t);
    const translate: WarningTranslator = (code, params, count) =>
      code === 'field' || code === 'model-field' ? englishTemplate(code, params) : page(code, params, count);
    for (const { issue } of issues) expect(issueLine(issue, translate)).toBe(issue.message);
    const [conv3] = issues;
    expect(issueText(conv3.issue, t, 'en')).toBe(conv3.issue.message);
    const c = issues.find((i) => i.issue.path === 'layers[0].out_channels')!;
    expect(issueText(c.issue, t, 'en')).toBe(
      'layer "c": Output channels (out_channels): Too small: expected number to be >=1',
    );
  });

  it('in Chinese every problem is a Chinese sentence: only ids, op names, field keys and values are Latin', () => {
    i18n.global.locale.value = 'zh-CN';
    for (const { issue, json } of issues) {
      const line = issueText(issue, t, 'zh-CN');
      expect(line, issue.message).toMatch(/[\u4e00-\u9fff]/);
      expect(latinLeft(line, json), line).not.toMatch(/[A-Za-z]{3,}|\{|modelErrors|analysisWarnings/);
    }
  });

  it('names the layer and the field as the form labels it', () => {
    i18n.global.locale.value = 'zh-CN';
    const zh = (path: string, layerId: string) =>
      issueText(issues.find((i) => i.issue.path === path && i.issue.layerId === layerId)!.issue, t, 'zh-CN');
    expect(zh('layers[0]', 'conv3')).toBe(
      '层 conv3：卷积核（7）比填充后的输入（5×5）还大，算出的输出尺寸会小于 1',
    );
    expect(zh('layers[0]', 'd')).toBe(
      '层 d：卷积核（3，按扩张率扩张后为 9）比填充后的输入（7×7）还大，算出的输出尺寸会小于 1',
    );
    expect(zh('layers[0].out_channels', 'c')).toBe('层 c：输出通道数（out_channels）：不能小于 1');
    expect(zh('layers[0].kernel[1]', 'c')).toBe('层 c：卷积核大小（kernel）中下标为 1 的值：不能小于 1');
    expect(zh('layers[0].p', 'dr')).toBe('层 dr：丢弃概率（p）：不能大于 1');
    expect(zh('layers[2]', 'sum')).toBe('层 sum：形状不匹配：[4, 8, 8]（来自 a）和 [8, 8, 8]（来自 b）');
    expect(zh('layers[0].id', '')).toBe('下标为 0 的层：ID（id）：至少要有 1 个字符');
  });

  it('an ONNX node that cannot be is said in Chinese, the detail too', () => {
    const weight = { dims: [4, 5, 3, 3], dataType: 'float' as const };
    const conv = { ...weight, dims: [4, 3, 3, 3] };
    const huge = 2 ** 62;
    const bn = (size: number) => ({ dims: [size], dataType: 'float' as const });
    const cases = [
      [{ opType: 'Conv', consts: [weight] }],
      [{ opType: 'Conv', attrs: { strides: [0, 0] }, consts: [conv] }],
      // An input of the wrong rank or size is named by its role, its ONNX name after it.
      [{ opType: 'Conv', consts: [conv, { dims: [4, 1], dataType: 'float' as const }] }],
      [{ opType: 'BatchNormalization', consts: [bn(5), bn(3), bn(3), bn(3)] }],
      // int64 values beyond 2⁵³ are approximate, in the locale's words and a raised power of ten.
      [{ opType: 'Conv', attrs: { group: huge }, consts: [conv] }],
      [{ opType: 'Conv', attrs: { strides: [huge, 1] }, consts: [conv] }],
    ].map((nodes) => onnxError(writeOnnxModel({ input: [3, 8, 8], nodes })));
    const lines = cases.map((err) => zhLine(err));
    for (const [i, line] of lines.entries()) {
      expect(line, line).toMatch(
        /^节点“(Conv|BatchNormalization)_0”（(Conv|BatchNormalization)）：[\u4e00-\u9fff]/,
      );
      expect(latinLeftInOnnx(line), line).not.toMatch(/[A-Za-z]{3,}|\{|modelErrors/);
      expect(englishLine(cases[i])).toBe(cases[i].message);
    }
    const notes = zhCN.modelErrors.notes;
    expect(lines[2]).toContain(`${notes['onnx-role-bias']}（B）有 2 个维度`);
    expect(lines[3]).toContain(`${notes['onnx-role-scale']}（scale）有 5 个元素`);
    const [m, e] = huge.toExponential(2).split('e');
    expect(lines[4]).toContain(`约 ${m} × 10${superscript(Number(e))}`);
    expect(lines[5]).toContain(`[约 ${m} × 10${superscript(Number(e))}, 1]`);
  });

  it('what the protobuf decoder found wrong is said in Chinese too', () => {
    const head = onnx.ModelProto.encode({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 13 }],
    }).finish();
    // A node (graph field 1) whose bytes are cut short, hold an over-long number, or a bad wire type.
    const nodes = [[0x0a, 0x05, 0x61], [0x0a, ...new Array<number>(10).fill(0xff), 0x01], [0x7c]];
    for (const node of nodes) {
      const err = onnxError(concat(head, field(7, field(1, new Uint8Array(node)))));
      const line = zhLine(err);
      expect(line, line).toMatch(/^这不是有效的 ONNX 模型文件（第 \d+ 字节处：[\u4e00-\u9fff]/);
      expect(latinLeftInOnnx(line), line).not.toMatch(/[A-Za-z]{3,}|\{|modelErrors/);
      expect(englishLine(err)).toBe(err.message);
    }
  });
});

/** The error an ONNX file is refused with. */
function onnxError(bytes: Uint8Array): OnnxImportError {
  try {
    analyzeOnnx(bytes);
  } catch (e) {
    if (e instanceof OnnxImportError) return e;
  }
  throw new Error('the model was expected not to import');
}

function zhLine(err: OnnxImportError): string {
  i18n.global.locale.value = 'zh-CN';
  return issueText({ path: '', message: err.message, note: err.note }, t, 'zh-CN');
}

function englishLine(err: OnnxImportError): string {
  i18n.global.locale.value = 'en';
  const line = issueText({ path: '', message: err.message, note: err.note }, t, 'en');
  i18n.global.locale.value = 'zh-CN';
  return line;
}

/**
 * What a Chinese ONNX error may quote as it is: the ONNX names of node inputs (the registry's), the
 * nodes' op types and names, attribute names and the format's own terms.
 */
function latinLeftInOnnx(text: string): string {
  const inputs = OPERATORS.flatMap((o) =>
    'from' in o.onnx ? Object.values(o.onnx.inputs ?? {}).flatMap((list) => list.map(([name]) => name)) : [],
  );
  const words = [...inputs, 'BatchNormalization_0', 'BatchNormalization', 'Conv_0', 'Conv', 'strides'];
  words.push('ONNX', 'wire type');
  let rest = text;
  for (const w of words.sort((a, b) => b.length - a.length)) rest = rest.split(w).join('');
  return rest;
}

/** A length-delimited protobuf field. */
function field(n: number, bytes: Uint8Array): Uint8Array {
  const len: number[] = [];
  let l = bytes.length;
  do {
    len.push((l & 0x7f) | (l > 0x7f ? 0x80 : 0));
    l >>>= 7;
  } while (l);
  return concat(new Uint8Array([(n << 3) | 2, ...len]), bytes);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

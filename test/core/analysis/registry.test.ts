/**
 * Every operator of the registry, walked the way a user meets it: "add layer" in the Designs editor
 * (the editor's own functions) → the form's fields → validation → analysis with a formula for every
 * number → names in both languages → the ONNX mapping written as a file, imported and analysed to the
 * same numbers. A new operator that lacks any of these fails here.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  analyzeModel,
  layerSchemas,
  type LayerAnalysis,
  type ModelSpec,
  type Shape,
  validateModel,
} from '../../../src/core';
import { layerWithFormulas } from '../../../src/core/analysis/engine';
import { type AnyOperator, OPERATORS } from '../../../src/core/analysis/ops';
import { sampleInput } from '../../../src/core/analysis/ops/catalog';
import { analyzeOnnx, ONNX_HANDLERS } from '../../../src/core/onnx';
import {
  insertLayer,
  LAYER_FIELDS,
  layersOf,
  scratchModel,
} from '../../../src/renderer/src/designs/model-edit';
import en from '../../../src/renderer/src/locales/en';
import zhCN from '../../../src/renderer/src/locales/zh-CN';
import { writeOnnxModel } from '../../helpers/onnx-writer';

const ALL = {
  countBias: true,
  countNorm: true,
  countActivations: true,
  countPooling: true,
  countElementwise: true,
};

/** The input a design starts from for an op: a feature map, or a vector or sequence for ops that need one. */
const inputFor = (o: AnyOperator): Shape => sampleInput(o.accepts, [3, 16, 16]);

/** A design whose only layer is the op, added as the editor's "add layer" does. */
function designWith(o: AnyOperator): { model: ModelSpec; layer: Record<string, unknown> } {
  const start = { ...scratchModel('every op'), input: inputFor(o) };
  const json = insertLayer(start, o.op);
  return { model: json as unknown as ModelSpec, layer: layersOf(json)[0] };
}

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], messages);
}

/** The numbers of a row that must each be explained by a formula trace of the same value. */
function explained(row: LayerAnalysis): Record<string, number> {
  return {
    'params.weights': row.params.weights,
    'params.bias': row.params.bias,
    'params.buffers': row.params.buffers,
    macs: row.macs,
    'ops.bias': row.ops.bias,
    'ops.norm': row.ops.norm,
    'ops.activation': row.ops.activation,
    'ops.pooling': row.ops.pooling,
    'ops.elementwise': row.ops.elementwise,
  };
}

/** The numbers two analyses of the same layer must agree on. */
const numbers = (r: LayerAnalysis) => ({
  outputShape: r.outputShape,
  params: r.params,
  macs: r.macs,
  ops: r.ops,
  flops: r.flops,
  activation: r.activation,
  rf: { size: r.rf.size, jump: r.rf.jump, start: r.rf.start },
});

describe('the operator registry', () => {
  it('has each op once, with fields the editor shows', () => {
    const ops = OPERATORS.map((o) => o.op);
    expect(new Set(ops).size).toBe(ops.length);
    for (const o of OPERATORS) expect(LAYER_FIELDS[o.op], o.op).toBe(o.fields);
  });

  describe.each(OPERATORS.map((o) => [o.op, o] as const))('%s', (op, o) => {
    it('added from the editor, validates and analyses to finite numbers, each with its formula', () => {
      const { model, layer } = designWith(o);
      expect(layer.op).toBe(op);
      // Every field the form offers is an attribute the schema accepts.
      const known = Object.keys(layer).filter((k) => !['id', 'op', 'inputs', 'trainable'].includes(k));
      for (const k of known)
        expect(
          o.fields.map((f) => f.key),
          `${op}: template field ${k}`,
        ).toContain(k);
      for (const f of o.fields.filter((f) => f.required))
        expect(layer, `${op}: required ${f.key}`).toHaveProperty(f.key);
      const v = validateModel(model);
      expect(v.ok ? [] : v.errors.map((e) => e.message), op).toEqual([]);
      const row = layerWithFormulas(analyzeModel(model, ALL).layers[0]);
      const flat = JSON.stringify(numbers(row), (_k, x) =>
        typeof x === 'number' && !Number.isFinite(x) ? 'NaN' : x,
      );
      expect(flat, `${op}: numbers are finite`).not.toContain('NaN');
      const byQuantity = new Map(row.formulas.map((f) => [f.quantity, f]));
      for (const f of row.formulas) expect(Number.isFinite(f.value), `${op}: ${f.quantity}`).toBe(true);
      for (const [q, value] of Object.entries(explained(row))) {
        if (value === 0) continue;
        expect(byQuantity.get(q)?.value, `${op}: formula for ${q}`).toBe(value);
      }
      for (const q of ['flops', 'outputElements', 'activation.bytes', 'memoryAccess.totalBytes'])
        expect(byQuantity.has(q), `${op}: formula for ${q}`).toBe(true);
      expect(
        row.formulas.some((f) => f.quantity.startsWith('rf.')),
        `${op}: RF formula`,
      ).toBe(true);
      if (op === 'unsupported') expect(byQuantity.has('cost')).toBe(true);
    });

    it('requires in the form exactly the fields its layer schema requires', () => {
      // The registry's attribute types are recipes; the schema is built from them with zod.
      const shape = (layerSchemas[op] as unknown as { shape: Record<string, z.ZodType> }).shape;
      for (const f of o.fields)
        expect(f.required, `${op}.${f.key}`).toBe(!shape[f.key].safeParse(undefined).success);
      expect(Object.keys(shape).sort()).toEqual(
        ['id', 'op', 'inputs', 'trainable', ...o.fields.map((f) => f.key)].sort(),
      );
    });

    it('has its name and field names in English and Chinese', () => {
      for (const [lang, messages] of [
        ['en', en],
        ['zh-CN', zhCN],
      ] as const) {
        expect(lookup(messages, o.labelKey), `${lang}: ${o.labelKey}`).toEqual(expect.any(String));
        for (const f of o.fields)
          expect(lookup(messages, f.labelKey), `${lang}: ${f.labelKey}`).toEqual(expect.any(String));
      }
      expect(o.summary.length, op).toBeGreaterThan(5);
    });

    it('maps to ONNX and back to the same numbers, or says why it has no mapping', () => {
      const onnx = o.onnx;
      if ('none' in onnx) {
        expect(onnx.none.length, `${op}: reason`).toBeGreaterThan(20);
        return;
      }
      for (const t of onnx.from) expect(ONNX_HANDLERS[t]?.layers, `${op} from ${t}`).toContain(op);
      const { model, layer } = designWith(o);
      const input = model.input;
      const nodes = onnx.example(layer as never, input);
      for (const n of nodes) expect(onnx.from, `${op}: example node ${n.opType}`).toContain(n.opType);
      const bytes = writeOnnxModel({ input, nodes, opset: onnx.opset });
      const { imported, analysis } = analyzeOnnx(bytes, { analysis: ALL });
      expect(
        imported.model.layers.map((l) => l.op),
        op,
      ).toEqual([op]);
      expect(numbers(analysis.layers[0])).toEqual(numbers(analyzeModel(model, ALL).layers[0]));
      expect(analysis.totals).toEqual(analyzeModel(model, ALL).totals);
    });
  });
});

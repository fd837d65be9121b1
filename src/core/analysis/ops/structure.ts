/** Graph structure: concat, flatten, identity, dropout, and the placeholder for unsupported operators. */
import { z } from './zod-recipe';
import { tex, trace } from '../../formulas/latex';
import { rfCollapse1d } from '../../formulas/receptive-field';
import type { Shape } from '../../model/shape';
import {
  BASE,
  convRfFormulas,
  everythingRfFormulas,
  mergeFormulas,
  mergeRf,
  NONE,
  passThrough,
  seesEverything,
  unchangedRf,
} from './common';
import { ignoredBy, noArithmetic, R, SAVES_NOTHING } from './counting';
import { attr, defineOp, shape } from './define';
import { pyCall } from './pytorch-text';
import { numel, shapeError, shapeText } from './shape-math';
import type { OpResult, Rf2 } from './types';
import { note } from '../warning-messages';

export const concat = defineOp(
  'concat',
  {},
  {
    family: 'structure',
    summary: 'Concatenation along channels ([C,H,W]), tokens ([T,D]) or features ([N])',
    arity: 'many',
    template: () => ({}),
    compute(_layer, { shapes, rfs, ids }, explain) {
      const x = shapes[0];
      const rank = x.length;
      let total = 0;
      for (let b = 0; b < shapes.length; b++) {
        const s = shapes[b];
        if (s.length !== rank)
          throw shapeError('concat-mismatch', {
            a: shapeText(x),
            aId: ids[0],
            b: shapeText(s),
            bId: ids[b],
          });
        if (rank === 3 && (s[1] !== x[1] || s[2] !== x[2])) {
          throw shapeError('concat-hw', {
            a: `${x[1]}×${x[2]}`,
            aId: ids[0],
            b: `${s[1]}×${s[2]}`,
            bId: ids[b],
          });
        }
        if (rank === 2 && s[1] !== x[1])
          throw shapeError('concat-features', { a: x[1]!, aId: ids[0], b: s[1]!, bId: ids[b] });
        total += s[0];
      }
      // Sequences are joined along the tokens (dim 1 with the batch, as torch.cat(dim=1)).
      const out: Shape = rank === 3 ? [total, x[1], x[2]] : rank === 2 ? [total, x[1]] : [total];
      const warnings: OpResult['warnings'] = [];
      const rf = shapes.length > 1 ? mergeRf(rfs, shapes, out, ids, warnings) : rfs[0];
      return {
        ...BASE,
        outShape: out,
        rf,
        warnings,
        formulas: !explain
          ? NONE
          : () => [
              trace(
                'outputShape.channels',
                'C = \\sum_b C_b',
                `C = ${shapes.map((s) => s[0]).join(' + ')} = ${total}`,
                total,
              ),
            ],
        rfFormulas: !explain ? NONE : mergeFormulas(rfs, rf),
      };
    },
    counting: () => noArithmetic('dataMovement', ignoredBy('aten::cat')),
    saves: () => SAVES_NOTHING,
    onnx: {
      from: ['Concat'],
      opset: 13,
      example: (layer) => [{ opType: 'Concat', attrs: { axis: 1 }, reads: layer.inputs?.length ?? 1 }],
    },
    pytorch: { to: () => ({ expr: (args) => `torch.cat([${args.join(', ')}], dim=1)` }) },
  },
);

export const flatten = defineOp(
  'flatten',
  {},
  {
    family: 'structure',
    summary: '[C, H, W] → [C·H·W] or [T, D] → [T·D] (a view: no data moved)',
    inplace: true,
    view: true,
    template: () => ({}),
    compute(_layer, { shapes, rfs, whole }, explain) {
      const x = shapes[0];
      const prf = rfs[0];
      if (x.length === 1) return passThrough(x, prf);
      if (x.length === 2) {
        const [t, d] = x;
        const seqRf = seesEverything({ shapes, rfs, ids: [], whole });
        return {
          ...BASE,
          outShape: [t * d],
          rf: seqRf,
          formulas: !explain
            ? NONE
            : () => [trace('outputShape', 'N = T \\cdot D', `N = ${t} \\cdot ${d} = ${tex(t * d)}`, t * d)],
          rfFormulas: !explain ? NONE : everythingRfFormulas(seqRf, 'the vector holds every token'),
        };
      }
      const [c, h, w] = x;
      const rf: Rf2 = [rfCollapse1d(prf[0], h), rfCollapse1d(prf[1], w)];
      return {
        ...BASE,
        outShape: [c * h * w],
        rf,
        formulas: !explain
          ? NONE
          : () => [
              trace(
                'outputShape',
                'N = C \\cdot H \\cdot W',
                `N = ${c} \\cdot ${h} \\cdot ${w} = ${tex(c * h * w)}`,
                c * h * w,
              ),
            ],
        rfFormulas: !explain ? NONE : convRfFormulas(prf, rf, [h, w], [h, w], [1, 1], [0, 0]),
      };
    },
    counting: () => noArithmetic('dataMovement', ignoredBy('aten::flatten')),
    saves: () => SAVES_NOTHING,
    onnx: {
      from: ['Flatten', 'Reshape', 'Squeeze', 'ReduceMean'],
      opset: 13,
      example: () => [{ opType: 'Flatten', attrs: { axis: 1 } }],
    },
    pytorch: { to: () => ({ module: 'nn.Flatten()' }) },
  },
);

export const identity = defineOp(
  'identity',
  {},
  {
    family: 'structure',
    summary: 'Passes its input on unchanged',
    inplace: true,
    view: true,
    template: () => ({}),
    compute: (_layer, { shapes, rfs }) => passThrough(shapes[0], rfs[0]),
    // ONNX Identity is an alias (no layer); a Clip without bounds is an identity layer.
    counting: () => noArithmetic('dataMovement', R('0', 'notTraced')),
    saves: () => SAVES_NOTHING,
    onnx: { from: ['Clip'], opset: 10, example: () => [{ opType: 'Clip' }] },
    pytorch: { to: () => ({ module: 'nn.Identity()' }) },
  },
);

export const dropout = defineOp(
  'dropout',
  {
    /** Only informative: at inference dropout is the identity. */
    p: attr(z.number().min(0).max(1).optional(), { kind: 'number', default: 0.5, range: '[0, 1]' }),
  },
  {
    family: 'structure',
    summary: 'Dropout: the identity at inference',
    inplace: true,
    view: true,
    template: () => ({}),
    compute: (_layer, { shapes, rfs }) => passThrough(shapes[0], rfs[0]),
    counting: () => noArithmetic('dataMovement', ignoredBy('aten::dropout')),
    // Training: the output is x·mask/(1 − p), a new storage, and the mask is kept (float, as on CPU).
    // With p = 0 PyTorch returns the input itself (torch 1.13 dropout: `if (p == 0 || !train …)
    // return input`): nothing kept, no new storage (torchvision's ViT-B/16: 37 such dropouts).
    saves: (layer, io) =>
      (layer.p ?? 0.5) === 0 ? SAVES_NOTHING : { extraElements: numel(io.outShape), allocates: true },
    onnx: {
      from: ['Dropout'],
      opset: 13,
      example: (layer) => [
        { opType: 'Dropout', consts: [{ dims: [], dataType: 'float', values: [layer.p ?? 0.5] }] },
      ],
    },
    pytorch: { to: (layer) => ({ module: pyCall('nn.Dropout', [], [['p', layer.p, 0.5]]) }) },
  },
);

/**
 * An operator the format cannot express (typically from an import), kept so that the graph goes on.
 * Its cost is unknown, not zero: the analysis marks the row, warns, and reports the totals as
 * incomplete. Its receptive field passes the first input's through unchanged.
 */
export const unsupported = defineOp(
  'unsupported',
  {
    /** The operator's own name, e.g. "Erf" or "com.example::Foo". */
    name: attr(z.string().min(1).optional(), { kind: 'text', default: 'unknown' }),
    /** Output shape without batch. */
    output_shape: attr(shape.optional(), { kind: 'shape', default: "the first input's shape" }),
  },
  {
    family: 'structure',
    summary: 'An operator of unknown cost: shown, warned about, and the totals marked incomplete',
    arity: 'many',
    template: () => ({ name: 'custom' }),
    compute(layer, { shapes, rfs, ids }, explain) {
      const name = layer.name ?? 'unknown';
      const outShape = layer.output_shape ?? shapes[0];
      const warnings: OpResult['warnings'] = [];
      const rf = shapes.length > 1 ? mergeRf(rfs, shapes, outShape, ids, warnings) : rfs[0];
      warnings.unshift({
        kind: 'unsupported',
        ...note('unsupported', { name }),
      });
      return {
        ...BASE,
        outShape,
        rf,
        warnings,
        unsupported: name,
        formulas: !explain
          ? NONE
          : () => [
              trace(
                'cost',
                '\\text{unknown (unsupported operator)}',
                `\\text{${name.replace(/[\\{}$&#^_%~]/g, '')}}`,
                0,
              ),
            ],
        rfFormulas: !explain ? NONE : shapes.length > 1 ? mergeFormulas(rfs, rf) : unchangedRf(rfs[0]),
      };
    },
    onnx: {
      none: 'it stands for an ONNX operator ConvScope cannot express; the importer writes one for each',
    },
    pytorch: {
      to(layer) {
        throw new Error(
          `operator ${layer.name ?? 'unknown'} is known only by its name and output shape: there is nothing to write`,
        );
      },
    },
  },
);

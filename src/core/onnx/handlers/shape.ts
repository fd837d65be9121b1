/**
 * Shapes and views: Flatten, Reshape, Squeeze, Unsqueeze and Transpose move no data (they become a
 * flatten layer or nothing where their consumer needs them); Concat joins channels; Shape and Size
 * read dims; Gather, Slice and Expand are evaluated on constants.
 */
import { errorNote } from '../../analysis/warning-messages';
import { AttrError, int, ints, nodeError } from '../attrs';
import {
  broadcastDims,
  dimsParam,
  flattenDims,
  isPermutation,
  reshapeDims,
  sameDims,
  squeezeDims,
  unsqueezeDims,
} from '../dims';
import { Skip, Unsupported } from '../convert/value';
import {
  type ConstVal,
  concatConst,
  elementwise,
  gatherConst,
  MAX_CONST_ELEMENTS,
  sliceConst,
  transposeConst,
  valuesOf,
  withInput,
} from '../fold/values';
import { type NodeInfo, tensorElements } from '../read';
import { layersFrom } from './layers-from';
import { classTokenFromConcat, selectTokenFromGather, tokensFromTranspose } from './sequence';
import type { ConvertContext, Inputs, OnnxHandler } from './types';

/** The output dims of a view from its input dims (null: impossible), or `reorder` for a data-moving Transpose. */
type ViewDims = (node: NodeInfo, d: number[], ins: Inputs) => number[] | null | { reorder: number[] };

/**
 * A view: its output is the input's layer when the shapes agree, otherwise a view of that layer
 * (flattened into a layer later if a consumer needs [B, N]).
 */
function view(outDims: ViewDims) {
  return (node: NodeInfo, ins: Inputs, ctx: ConvertContext): void => {
    const x = ins[0];
    if (!x) throw new Skip('it has no input', { kind: 'shape' });
    if (x.broken) throw new Skip(x.broken, x.blocked ?? { kind: 'shape' });
    const d = x.dims;
    if (!d) throw new Skip('its input has an unknown shape', { kind: 'shape' });
    const out = outDims(node, d, ins);
    const src = () => {
      const s = x.layer ?? x.src;
      if (!s) throw new Skip('its input has no layer', { kind: 'shape' });
      return s;
    };
    if (out && !Array.isArray(out)) {
      // Reordering the data is only expressible when the consumer sees the same shape.
      ctx.out(node, { dims: out.reorder, src: src(), viewNode: node });
      return;
    }
    if (!out) throw nodeError(node, errorNote('onnx-reshape', { dims: dimsParam(d) }));
    const from = src();
    if (sameDims(out, ctx.layerDims(from))) ctx.out(node, { dims: out, layer: from });
    else ctx.out(node, { dims: out, src: from, viewNode: x.viewNode && !x.layer ? x.viewNode : node });
  };
}

const squeezeAxes = (node: NodeInfo, second: ConstVal | undefined) =>
  ints(node, 'axes') ?? valuesOf(second) ?? undefined;

/** Transpose's permutation: the attribute, or the axes reversed. */
const permOf = (node: NodeInfo, rank: number) =>
  ints(node, 'perm') ?? Array.from({ length: rank }, (_, i) => rank - 1 - i);

const transposeView = view((node, d) => {
  const perm = permOf(node, d.length);
  if (!isPermutation(perm, d.length)) throw new AttrError(node, 'perm', 'perm');
  const out = perm.map((i) => d[i]);
  // A transpose that keeps the element order of the format's layout would be rare; others reorder data.
  return perm.every((p, i) => p === i || d[p] === 1) ? out : { reorder: out };
});

const VIEW_DOC = 'No layer: a view of its input; `flatten` where a [C, H, W] map becomes a vector.';

export const SHAPE_HANDLERS: Record<string, OnnxHandler> = {
  Flatten: {
    layers: layersFrom('Flatten'),
    doc: VIEW_DOC,
    convert: view((node, d) => flattenDims(d, int(node, 'axis', 1))),
    fold: withInput((node, x) => {
      const dims = flattenDims(x.dims, int(node, 'axis', 1));
      return dims ? { ...x, dims } : null;
    }),
  },
  Reshape: {
    layers: layersFrom('Reshape'),
    doc: `${VIEW_DOC} The target shape must be a constant.`,
    convert: view((node, d, ins) => {
      const shape = ins[1]?.c?.values;
      if (!shape) throw new Unsupported('Reshape to a shape computed at run time');
      return reshapeDims(d, shape, int(node, 'allowzero', 0) === 1);
    }),
    fold: withInput((node, x, ins) => {
      const shape = valuesOf(ins[1]);
      const dims = shape ? reshapeDims(x.dims, shape, int(node, 'allowzero', 0) === 1) : null;
      return dims ? { ...x, dims } : null;
    }),
  },
  Squeeze: {
    layers: layersFrom('Squeeze'),
    doc: VIEW_DOC,
    convert: view((node, d, ins) => squeezeDims(d, squeezeAxes(node, ins[1]?.c))),
    fold: withInput((node, x, ins) => {
      const dims = squeezeDims(x.dims, squeezeAxes(node, ins[1]));
      return dims ? { ...x, dims } : null;
    }),
  },
  Unsqueeze: {
    layers: [],
    doc: 'No layer: a view of its input. The axes must be constant.',
    convert: view((node, d, ins) => {
      const axes = squeezeAxes(node, ins[1]?.c);
      if (!axes) throw new Unsupported('Unsqueeze with axes computed at run time');
      return unsqueezeDims(d, axes);
    }),
    fold: withInput((node, x, ins) => {
      const axes = squeezeAxes(node, ins[1]);
      const dims = axes ? unsqueezeDims(x.dims, axes) : null;
      return dims ? { ...x, dims } : null;
    }),
  },
  Transpose: {
    layers: [],
    doc: 'No layer when it keeps the element order (only size-1 axes move); [B, C, H·W] → [B, H·W, C] of a reshaped map is `tokens`; another reordering is expressible only where the next layer sees the same shape, otherwise the nodes reading it are left out.',
    convert: (node, ins, ctx) => tokensFromTranspose(node, ins, ctx) || transposeView(node, ins, ctx),
    fold: withInput((node, x) => {
      const perm = permOf(node, x.dims.length);
      return isPermutation(perm, x.dims.length) ? transposeConst(x, perm) : null;
    }),
  },
  Concat: {
    layers: layersFrom('Concat'),
    doc: 'Along channels (axis 1) of activations; a constant [1, 1, D] before a [1, T, D] sequence is `class_token`; on constants evaluated along any axis.',
    convert(node, ins, ctx) {
      if (classTokenFromConcat(node, ins, ctx)) return;
      if (ins.some((v) => !v || v.c)) throw new Unsupported('Concat with a constant input');
      const taken = ins.map((v) => ctx.input(v));
      const froms = taken.map((t) => t.from);
      const d0 = taken[0].dims;
      const axis = int(node, 'axis', 1);
      const a = axis < 0 ? axis + d0.length : axis;
      if (a !== 1) throw new Unsupported(`Concat along axis ${axis}`);
      const dims = [...d0];
      dims[1] = 0;
      for (const { dims: d } of taken) {
        if (d.length !== d0.length || d.some((x, i) => i !== 1 && x !== d0[i]))
          throw nodeError(node, errorNote('onnx-concat', { a: dimsParam(d0), b: dimsParam(d) }));
        dims[1] += d[1];
      }
      ctx.layerOut(node, { op: 'concat' }, froms, dims);
    },
    fold: withInput((node, _x, ins) =>
      ins.every((v) => v) ? concatConst(ins as ConstVal[], int(node, 'axis', 0)) : null,
    ),
  },
  Shape: {
    layers: [],
    doc: 'A constant as soon as its input’s shape is known (start and end included).',
    fromDims(node, d) {
      const start = int(node, 'start', 0);
      const end = int(node, 'end', d.length);
      const norm = (v: number) => Math.min(Math.max(v < 0 ? v + d.length : v, 0), d.length);
      const values = d.slice(norm(start), norm(end));
      return { dims: [values.length], values, int: true };
    },
  },
  Size: {
    layers: [],
    doc: 'A constant as soon as its input’s shape is known.',
    fromDims: (_node, d) => ({ dims: [], values: [tensorElements(d)], int: true }),
  },
  Gather: {
    layers: layersFrom('Gather'),
    doc: 'One constant index along the tokens of a [1, T, D] sequence: `select_token`; otherwise evaluated on constants only.',
    convert(node, ins, ctx) {
      if (!selectTokenFromGather(node, ins, ctx)) throw new Unsupported('Gather of run-time values');
    },
    fold: withInput((node, x, ins) => (ins[1] ? gatherConst(x, ins[1], int(node, 'axis', 0)) : null)),
  },
  Slice: {
    layers: [],
    doc: 'Evaluated on constants only (starts/ends as attributes before opset 10, inputs after).',
    fold: withInput((node, x, ins) => {
      const starts = ints(node, 'starts') ?? valuesOf(ins[1]);
      const ends = ints(node, 'ends') ?? valuesOf(ins[2]);
      if (!starts || !ends) return null;
      const axes = ints(node, 'axes') ?? valuesOf(ins[3]) ?? undefined;
      const steps = valuesOf(ins[4]) ?? undefined;
      return sliceConst(x, starts, ends, axes, steps);
    }),
  },
  Expand: {
    layers: [],
    doc: 'Evaluated on constants only (an expanded initializer, such as a class token, is still that parameter).',
    tensorOf: (_n, t) => t,
    fold: withInput((_node, x, ins) => {
      const shape = valuesOf(ins[1]);
      const dims = shape ? broadcastDims(x.dims, shape) : null;
      if (!dims) return null;
      const n = tensorElements(dims);
      const zeros: ConstVal = {
        dims,
        values: n <= MAX_CONST_ELEMENTS ? new Array<number>(n).fill(0) : null,
        int: x.int,
      };
      return elementwise([x, zeros], (a) => a, x.int);
    }),
  },
};

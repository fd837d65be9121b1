/**
 * Constants and pass-throughs: Constant, ConstantOfShape and Range are evaluated; Identity and Cast
 * alias their input (and keep an initializer counted once); Dropout is a dropout layer.
 */
import { float, int } from '../attrs';
import { Skip, type Val } from '../convert/value';
import { constantNodeValue, isIntType, MAX_CONST_ELEMENTS, valuesOf, withInput } from '../fold/values';
import { type NodeInfo, tensorElements, tensorValues } from '../read';
import { layersFrom } from './layers-from';
import type { ConvertContext, Inputs, OnnxHandler } from './types';

/** The output is the input itself (no layer). */
function alias(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  if (!ins[0]) throw new Skip('it has no input', { kind: 'shape' });
  ctx.out(node, ins[0] as Val);
}

/** Cast (to `to`) and CastLike (to the type of its second input): integers truncated, bools 0/1. */
const cast = withInput((node, x, ins) => {
  const to = node.opType === 'Cast' ? int(node, 'to', 1) : ins[1]?.int ? 7 : 1;
  const isInt = isIntType(to);
  if (!x.values) return { ...x, int: isInt };
  return {
    dims: x.dims,
    values: isInt ? x.values.map((v) => (to === 9 ? (v ? 1 : 0) : Math.trunc(v))) : x.values,
    int: isInt,
  };
});

const PASS = 'No layer: its output is its input.';

export const STRUCTURAL_HANDLERS: Record<string, OnnxHandler> = {
  Identity: {
    layers: [],
    doc: PASS,
    convert: alias,
    fold: withInput((_node, x) => x),
    tensorOf: (_n, t) => t,
  },
  Cast: { layers: [], doc: PASS, convert: alias, fold: cast, tensorOf: (_n, t) => t },
  CastLike: { layers: [], doc: PASS, convert: alias, fold: cast },
  Dropout: {
    layers: layersFrom('Dropout'),
    doc: 'The ratio (attribute before opset 12, input after) becomes p; the mask output is not analysed.',
    convert(node, ins, ctx) {
      const { from, dims } = ctx.input(ins[0]);
      const p = ctx.opset < 12 ? float(node, 'ratio', 0.5) : (ins[1]?.c?.values?.[0] ?? 0.5);
      ctx.layerOut(node, { op: 'dropout', p: Math.min(Math.max(p, 0), 1) }, [from], dims);
    },
  },
  Constant: {
    layers: [],
    doc: 'Its value (value, value_float(s), value_int(s)) is a constant; a tensor value read as a weight counts as a parameter.',
    fold: (node) => constantNodeValue(node),
    tensorOf(node) {
      const a = node.attrs.get('value');
      return a?.type === 'tensor' ? a.value : undefined;
    },
  },
  ConstantOfShape: {
    layers: [],
    doc: 'Evaluated on constants only.',
    fold: withInput((node, x) => {
      const shape = x.values;
      if (!shape || shape.some((d) => !Number.isSafeInteger(d) || d < 0)) return null;
      const a = node.attrs.get('value');
      const v = a?.type === 'tensor' ? (tensorValues(a.value, 1)?.[0] ?? 0) : 0;
      const isInt = a?.type === 'tensor' ? isIntType(a.value.dataType) : false;
      const n = tensorElements(shape);
      return {
        dims: shape,
        values: n <= MAX_CONST_ELEMENTS ? new Array<number>(n).fill(v) : null,
        int: isInt,
      };
    }),
  },
  Range: {
    layers: [],
    doc: 'Evaluated on constants only.',
    fold: withInput((_node, x, ins) => {
      const [s, l, d] = [valuesOf(ins[0])?.[0], valuesOf(ins[1])?.[0], valuesOf(ins[2])?.[0]];
      if (s === undefined || l === undefined || d === undefined || d === 0) return null;
      const n = Math.max(Math.ceil((l - s) / d), 0);
      if (!Number.isSafeInteger(n)) return null;
      const values = n <= MAX_CONST_ELEMENTS ? Array.from({ length: n }, (_, i) => s + i * d) : null;
      return { dims: [n], values, int: x.int };
    }),
  },
};

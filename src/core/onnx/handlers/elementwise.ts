/** Element-wise arithmetic between activations (and constants): Add, Sub, Mul, Div, Sum. */
import type { Shape } from '../../model/types';
import { broadcastDims, dimsText, modelShape } from '../dims';
import { Skip, Unsupported, type Val } from '../convert/value';
import type { NodeInfo } from '../read';
import { addBiasToMatMul } from './linear';
import { binaryFold } from './math';
import { layersFrom } from './layers-from';
import { posEmbeddingFromAdd } from './sequence';
import type { ConvertContext, Inputs, LayerBody, OnnxHandler } from './types';

const KIND: Record<string, 'add' | 'sub' | 'mul' | 'div'> = {
  Add: 'add',
  Sub: 'sub',
  Mul: 'mul',
  Div: 'div',
  Sum: 'add',
};

/**
 * Dynamic operands become the layer's inputs (same rank, broadcasting size-1 dimensions); constant
 * operands become `constant_shape`: right-aligned to the graph's rank as ONNX broadcasts, batch 1.
 */
function binary(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const op = node.opType;
  const dyn = ins.filter((v) => v && !v.c);
  const consts = ins.filter((v) => v && v.c);
  if (!dyn.length) throw new Skip('all inputs are constant', { kind: 'constant' });
  if (addBiasToMatMul(node, ins, ctx) || posEmbeddingFromAdd(node, ins, ctx)) return;
  const first = dyn[0] as Val;
  const layers: string[] = [];
  let dims: number[] | null = first.dims;
  for (const v of dyn) {
    layers.push(ctx.layerOf(v));
    dims = dims && v?.dims ? broadcastDims(dims, v.dims) : null;
  }
  if (!dims || !modelShape(dims) || dyn.some((v) => (v?.dims?.length ?? 0) !== dims?.length)) {
    throw new Unsupported(`${op} broadcasting across ranks`);
  }
  let outDims: number[] = dims;
  let constDims: number[] | null = null;
  for (const v of consts) {
    const cd = (v as Val).dims;
    if (!cd || cd.length > outDims.length) throw new Unsupported(`${op} with a constant of higher rank`);
    const aligned: number[] = [...new Array<number>(outDims.length - cd.length).fill(1), ...cd];
    const grown: number[] | null = aligned[0] === 1 ? broadcastDims(outDims, aligned) : null;
    if (!grown)
      throw new Unsupported(`${op} with a constant that does not broadcast over ${dimsText(outDims)}`);
    constDims = constDims ? (broadcastDims(constDims, aligned) as number[]) : aligned;
    outDims = grown;
  }
  if (consts.length > 1)
    ctx.note(
      `${op} with ${consts.length} constant operands is shown with one constant of their broadcast shape (one op per element less per extra constant).`,
    );
  const body = {
    op: KIND[op],
    ...(constDims ? { constant_shape: modelShape(constDims) as Shape } : {}),
  } as LayerBody;
  ctx.layerOut(node, body, layers, outDims);
}

const handler = (op: keyof typeof KIND, doc: string): OnnxHandler => ({
  layers: layersFrom(op),
  doc,
  convert: binary,
  ...(op === 'Sum' ? {} : { fold: binaryFold(op) }),
});

const CONSTANTS =
  'A constant operand becomes `constant_shape` (its dims right-aligned to the graph rank, batch dropped: a scalar is `[1, 1, 1]`); several constants are merged into one of their broadcast shape, with a note.';

export const ELEMENTWISE_HANDLERS: Record<string, OnnxHandler> = {
  Add: handler('Add', `${CONSTANTS} After a MatMul, an Add of a constant vector is the linear layer's bias.`),
  Sub: handler('Sub', CONSTANTS),
  Mul: handler('Mul', CONSTANTS),
  Div: handler('Div', CONSTANTS),
  Sum: {
    ...handler('Sum', 'As Add; a Sum of one input is that input.'),
    convert(node, ins, ctx) {
      if (ins.length === 1) ctx.out(node, ins[0] as Val);
      else binary(node, ins, ctx);
    },
  },
};

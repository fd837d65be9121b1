/**
 * Recurrent layers: ONNX LSTM and GRU → lstm / gru with one layer (exporters write one node per
 * layer). The sequence is read time-major (layout 0: X [T, N, D], what PyTorch writes) or batch-first
 * (layout 1: X [N, T, D]) with a batch of 1; the output Y ([T, dirs, N, H] or [N, T, dirs, H]) is the
 * layer's [T, dirs·H] sequence, which the Transpose/Squeeze/Reshape views after it keep.
 */
import { errorNote } from '../../analysis/warning-messages';
import { has, int, nodeError, string } from '../attrs';
import { dimsParam } from '../dims';
import { Unsupported } from '../convert/value';
import type { NodeInfo } from '../read';
import { inputNote, layersFrom } from './layers-from';
import type { ConvertContext, Inputs, OnnxHandler } from './types';

/** Gates of each cell: W is [dirs, G·H, D], R [dirs, G·H, H], B [dirs, 2·G·H]. */
const GATES = { LSTM: 4, GRU: 3 } as const;

function recurrent(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const kind = node.opType as keyof typeof GATES;
  const g = GATES[kind];
  const direction = string(node, 'direction', 'forward');
  if (direction === 'reverse') throw new Unsupported(`${kind} running in reverse only`);
  if (direction !== 'forward' && direction !== 'bidirectional')
    throw nodeError(node, errorNote('onnx-direction', { direction }));
  if (has(node, 'clip')) throw new Unsupported(`${kind} with clip`);
  if (has(node, 'activations')) throw new Unsupported(`${kind} with activations other than the defaults`);
  if (kind === 'LSTM' && int(node, 'input_forget', 0) !== 0) throw new Unsupported('LSTM with input_forget');
  if (kind === 'LSTM' && ins[7]) throw new Unsupported('LSTM with peepholes (P)');
  const layout = int(node, 'layout', 0);
  const dirs = direction === 'bidirectional' ? 2 : 1;
  const w = ctx.weight(node, ins, 1, 3);
  const r = ctx.weight(node, ins, 2, 3);
  const { from, dims: x } = ctx.input(ins[0], 'X');
  if (x.length !== 3)
    throw nodeError(
      node,
      errorNote('onnx-rank', { what: inputNote(node.opType, 0), rank: x.length, expected: 3 }),
    );
  const [t, n, d] = layout === 0 ? [x[0], x[1], x[2]] : [x[1], x[0], x[2]];
  if (n !== 1) throw new Unsupported(`${kind} over a batch of ${n} sequences`);
  const h = int(node, 'hidden_size', r[2]);
  if (w[0] !== dirs || w[1] !== g * h || w[2] !== d || r[1] !== g * h || r[2] !== h)
    throw nodeError(
      node,
      errorNote('onnx-rnn-weights', {
        w: dimsParam(w),
        r: dimsParam(r),
        dirs,
        gates: g,
        hidden: h,
        features: d,
      }),
    );
  const b = ins[3];
  if (b) {
    const bd = ctx.weight(node, ins, 3, 2);
    if (bd[0] !== dirs || bd[1] !== 2 * g * h)
      throw nodeError(node, errorNote('onnx-rnn-bias', { dims: dimsParam(bd), dirs, size: 2 * g * h }));
  }
  if (kind === 'GRU' && int(node, 'linear_before_reset', 0) === 0)
    ctx.note(
      'GRU with linear_before_reset = 0 applies the reset gate before the hidden product; the MACs are the same.',
    );
  ctx.param(ins[1]);
  ctx.param(ins[2]);
  ctx.param(b);
  const out = layout === 0 ? [t, 1, dirs * h] : [1, t, dirs * h];
  const id = ctx.emit(
    node,
    {
      op: kind === 'LSTM' ? 'lstm' : 'gru',
      hidden_size: h,
      ...(dirs === 2 ? { bidirectional: true } : {}),
      ...(b ? {} : { bias: false }),
    },
    [from],
    out,
  );
  // Y holds the layer's output as [T, dirs, 1, H] (or [1, T, dirs, H]): the same elements in order.
  ctx.out(node, { dims: layout === 0 ? [t, dirs, 1, h] : [1, t, dirs, h], layer: id });
}

const doc = (kind: string, gates: string) =>
  `One ${kind.toLowerCase()} layer per node (${gates}), forward or bidirectional, over one sequence (batch 1), time-major (layout 0) or batch-first; W, R and B must be constants. Initial states and sequence_lens are read as given; reverse-only, clip, other activations${kind === 'LSTM' ? ', input_forget and peepholes' : ''} are unsupported.`;

export const RECURRENT_HANDLERS: Record<string, OnnxHandler> = {
  LSTM: {
    layers: layersFrom('LSTM'),
    doc: doc('LSTM', 'ONNX gates i, o, f, c; PyTorch i, f, g, o: the same count'),
    convert: recurrent,
  },
  GRU: {
    layers: layersFrom('GRU'),
    doc: doc('GRU', 'ONNX gates z, r, h; PyTorch r, z, n'),
    convert: recurrent,
  },
};

/**
 * The steps of a vision transformer between its patch convolution and its head, as PyTorch exports
 * them: a [B, C, H·W] Reshape of a map Transposed to [B, H·W, C] (`tokens`), Concat of a constant
 * [1, 1, D] before the tokens (`class_token`), Add of a constant [1, T, D] (`pos_embedding`), and
 * Gather of one token (`select_token`). Each function returns false when the node is not that step.
 */
import { int, ints } from '../attrs';
import { modelShape, sameDims } from '../dims';
import type { Val } from '../convert/value';
import type { NodeInfo } from '../read';
import type { ConvertContext, Inputs } from './types';

/** A sequence of one sample, batch-first: [1, T, D]. */
const isSequence = (d: readonly number[] | null | undefined): d is number[] =>
  !!d && d.length === 3 && d[0] === 1;

/** Transpose [B, C, H·W] → [B, H·W, C] of a Reshape of a [B, C, H, W] layer: the map's pixels as tokens. */
export function tokensFromTranspose(node: NodeInfo, ins: Inputs, ctx: ConvertContext): boolean {
  const x = ins[0];
  const perm = ints(node, 'perm');
  if (!x?.dims || !x.src || x.layer || x.broken || perm?.join() !== '0,2,1') return false;
  const map = ctx.layerDims(x.src);
  const [b, c, h, w] = map;
  if (map.length !== 4 || b !== 1 || !sameDims(x.dims, [b, c, h * w])) return false;
  ctx.layerOut(node, { op: 'tokens' }, [x.src], [b, h * w, c]);
  return true;
}

/** Concat along the tokens of a constant [1, 1, D] and a [1, T, D] sequence: the class token first. */
export function classTokenFromConcat(node: NodeInfo, ins: Inputs, ctx: ConvertContext): boolean {
  if (ins.length !== 2) return false;
  const [cls, seq] = ins;
  const d = seq?.dims;
  if (!cls?.c || !cls.dims || !seq || seq.c || !isSequence(d) || int(node, 'axis', 1) !== 1) return false;
  if (!sameDims(cls.dims, [1, 1, d[2]])) return false;
  const from = ctx.layerOf(seq);
  ctx.param(cls);
  ctx.layerOut(node, { op: 'class_token' }, [from], [1, d[1] + 1, d[2]]);
  return true;
}

/** Add of a constant [1, T, D] (or [T, D]) to a [1, T, D] sequence: a learned position embedding. */
export function posEmbeddingFromAdd(node: NodeInfo, ins: Inputs, ctx: ConvertContext): boolean {
  const dyn = ins.filter((v) => v && !v.c) as Val[];
  const consts = ins.filter((v) => v?.c) as Val[];
  if (node.opType !== 'Add' || dyn.length !== 1 || consts.length !== 1) return false;
  const d = dyn[0].dims;
  const cd = consts[0].dims;
  if (!isSequence(d) || !cd || !(sameDims(cd, d) || sameDims(cd, d.slice(1)))) return false;
  const from = ctx.layerOf(dyn[0]);
  ctx.param(consts[0]);
  ctx.layerOut(node, { op: 'pos_embedding' }, [from], d);
  return true;
}

/** Gather of one constant index along the tokens of a [1, T, D] sequence: that token, [1, D]. */
export function selectTokenFromGather(node: NodeInfo, ins: Inputs, ctx: ConvertContext): boolean {
  const [x, idx] = ins;
  const d = x?.dims;
  const i = idx?.c?.values;
  if (!x || x.c || !isSequence(d) || !modelShape(d) || !idx?.c || idx.dims?.length !== 0 || !i) return false;
  const axis = int(node, 'axis', 0);
  if (axis !== 1 && axis !== -2) return false;
  const index = i[0] < 0 ? i[0] + d[1] : i[0];
  if (!Number.isInteger(index) || index < 0 || index >= d[1]) return false;
  const from = ctx.layerOf(x);
  ctx.layerOut(node, { op: 'select_token', index }, [from], [1, d[2]]);
  return true;
}

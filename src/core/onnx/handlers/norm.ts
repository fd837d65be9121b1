/** Normalisation: BatchNormalization → batchnorm. */
import { errorNote } from '../../analysis/warning-messages';
import { nodeError } from '../attrs';
import type { NodeInfo } from '../read';
import { inputNote, layersFrom } from './layers-from';
import type { ConvertContext, Inputs, OnnxHandler } from './types';

/** Inputs X, scale γ, bias β, mean, var (each [C]): γ and β are parameters, mean and var buffers. */
function batchNorm(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const { from, dims: xd } = ctx.input(ins[0]);
  const c = xd[1];
  for (let i = 1; i <= 4; i++) {
    const d = ctx.weight(node, ins, i, 1);
    if (d[0] !== c) {
      const what = inputNote(node.opType, i);
      throw nodeError(node, errorNote('onnx-norm-param', { what, size: d[0], channels: c }));
    }
  }
  ctx.param(ins[1]);
  ctx.param(ins[2]);
  ctx.param(ins[3], 'buffer');
  ctx.param(ins[4], 'buffer');
  ctx.layerOut(node, { op: 'batchnorm' }, [from], xd);
}

export const NORM_HANDLERS: Record<string, OnnxHandler> = {
  BatchNormalization: {
    layers: layersFrom('BatchNormalization'),
    doc: 'Constant scale, bias, mean and variance of C elements (training-mode exports keep it; eval-mode exports usually fold it into the convolution before it).',
    convert: batchNorm,
  },
};

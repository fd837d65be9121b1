/** Pooling: MaxPool, AveragePool, GlobalAveragePool, GlobalMaxPool. */
import { errorNote } from '../../analysis/warning-messages';
import { AttrError, has, int, nodeError } from '../attrs';
import { Unsupported } from '../convert/value';
import type { NodeInfo } from '../read';
import { layersFrom } from './layers-from';
import type { ConvertContext, Inputs, LayerBody, OnnxHandler } from './types';
import { intOrPair, maybePad, pairAttr, windowPads } from './window';

/**
 * MaxPool / AveragePool (2-D). Output H' = ⌊(H + pads − ((k − 1)·D + 1)) / S⌋ + 1, or ⌈…⌉ + 1 with
 * ceil_mode, where a last window starting in the trailing padding is dropped (PyTorch, ONNX ≥ 19).
 */
function pool(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const { from, dims: x } = ctx.input(ins[0]);
  if (x.length !== 4) throw new Unsupported(`${node.opType} on ${x.length}-D input`);
  const k = pairAttr(node, 'kernel_shape', 1);
  if (!has(node, 'kernel_shape')) throw new AttrError(node, 'kernel_shape', 'present');
  const s = pairAttr(node, 'strides', 1);
  const d = pairAttr(node, 'dilations', 1);
  const max = node.opType === 'MaxPool';
  if (!max && (d[0] !== 1 || d[1] !== 1)) throw new Unsupported('AveragePool with dilations');
  if (max && int(node, 'storage_order', 0) !== 0) throw new Unsupported('MaxPool with column-major indices');
  const ceil = int(node, 'ceil_mode', 0) === 1;
  const pads = windowPads(node, x, k, s, d);
  const outHW = [0, 1].map((i) => {
    const eff = (k[i] - 1) * d[i] + 1;
    const num = x[2 + i] + pads[i][0] + pads[i][1] - eff;
    if (num < 0)
      throw nodeError(node, errorNote('onnx-window-too-large', { kh: k[0], kw: k[1], h: x[2], w: x[3] }));
    let o = (ceil ? Math.ceil(num / s[i]) : Math.floor(num / s[i])) + 1;
    // A last window must start inside the input or its leading padding (PyTorch and ONNX ≥ 19).
    if (ceil && (o - 1) * s[i] >= x[2 + i] + pads[i][0]) o--;
    return o;
  });
  const src = maybePad(ctx, node, from, x, pads);
  if (src.padding === 0 && (pads[0][0] || pads[1][0]) && ceil)
    throw new Unsupported(`${node.opType} with ceil_mode and asymmetric pads`);
  const body: LayerBody = {
    op: max ? 'maxpool2d' : 'avgpool2d',
    kernel: intOrPair(k),
    stride: intOrPair(s),
    padding: src.padding,
    ...(max && (d[0] !== 1 || d[1] !== 1) ? { dilation: intOrPair(d) } : {}),
    ...(ceil ? { ceil_mode: true } : {}),
  };
  ctx.layerOut(node, body, [src.from], [x[0], x[1], outHW[0], outHW[1]]);
}

/** GlobalAveragePool → global_avgpool; GlobalMaxPool → maxpool2d with a kernel over the whole map. */
function globalPool(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const { from, dims: d } = ctx.input(ins[0]);
  if (d.length !== 4) throw new Unsupported(`${node.opType} on ${d.length}-D input`);
  const outDims = [d[0], d[1], 1, 1];
  if (node.opType === 'GlobalAveragePool') {
    ctx.layerOut(node, { op: 'global_avgpool' }, [from], outDims);
    return;
  }
  ctx.note('GlobalMaxPool is shown as maxpool2d with a kernel over the whole map.');
  ctx.layerOut(node, { op: 'maxpool2d', kernel: [d[2], d[3]], stride: [d[2], d[3]] }, [from], outDims);
}

export const POOL_HANDLERS: Record<string, OnnxHandler> = {
  MaxPool: {
    layers: layersFrom('MaxPool'),
    doc: '2-D, with pads or auto_pad, ceil_mode and dilations; column-major indices (storage_order 1) are unsupported.',
    convert: pool,
  },
  AveragePool: {
    layers: layersFrom('AveragePool'),
    doc: '2-D, with pads or auto_pad and ceil_mode; dilations are unsupported.',
    convert: pool,
  },
  GlobalAveragePool: {
    layers: layersFrom('GlobalAveragePool'),
    doc: 'Over the whole map.',
    convert: globalPool,
  },
  GlobalMaxPool: {
    layers: layersFrom('GlobalMaxPool'),
    doc: '`maxpool2d` with a kernel and stride of the whole map (a note says so).',
    convert: globalPool,
  },
};

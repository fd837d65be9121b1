/** Spatial size changes: Pad → pad, Resize and Upsample → upsample. */
import { errorNote } from '../../analysis/warning-messages';
import { floats, has, nodeError, ints, string } from '../attrs';
import { Unsupported } from '../convert/value';
import type { NodeInfo } from '../read';
import { layersFrom } from './layers-from';
import type { ConvertContext, Inputs, LayerBody, OnnxHandler } from './types';

/** Pad of H and W (pads as attribute before opset 11, as input after; axes input from opset 18). */
function pad(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const { from, dims: x } = ctx.input(ins[0]);
  const raw = ctx.opset < 11 ? ints(node, 'pads') : ins[1]?.c?.values;
  if (!raw) throw new Unsupported('Pad with pads computed at run time');
  const rank = x.length;
  const axes = (ins[3]?.c?.values ?? x.map((_, i) => i)).map((a) => (a < 0 ? a + rank : a));
  if (raw.length !== 2 * axes.length)
    throw nodeError(node, errorNote('onnx-pads-count', { count: raw.length, axes: axes.length }));
  const full = new Array<number>(2 * rank).fill(0);
  axes.forEach((a, i) => {
    full[a] = raw[i];
    full[a + rank] = raw[i + axes.length];
  });
  if (full.some((p) => p < 0)) throw new Unsupported('Pad with negative pads (cropping)');
  if (rank !== 4 || full[0] || full[1] || full[4] || full[5])
    throw new Unsupported('Pad outside the spatial dimensions');
  const mode = string(node, 'mode', 'constant');
  const fmtMode = mode === 'edge' ? 'replicate' : mode;
  if (fmtMode !== 'constant' && fmtMode !== 'reflect' && fmtMode !== 'replicate')
    throw new Unsupported(`Pad mode "${mode}"`);
  const [t, l, b, r] = [full[2], full[3], full[6], full[7]];
  ctx.layerOut(
    node,
    { op: 'pad', padding: [t, b, l, r], ...(fmtMode !== 'constant' ? { mode: fmtMode } : {}) },
    [from],
    [x[0], x[1], x[2] + t + b, x[3] + l + r],
  );
}

/** The scales or sizes of a Resize/Upsample: attribute (Upsample < 9), inputs (else), sizes winning from opset 11. */
function target(
  node: NodeInfo,
  ins: Inputs,
  opset: number,
): { sizes: number[] | null; scales: number[] | null } {
  if (node.opType === 'Upsample')
    return {
      sizes: null,
      scales: opset < 9 ? (floats(node, 'scales') ?? null) : (ins[1]?.c?.values ?? null),
    };
  if (opset < 11) return { sizes: null, scales: ins[1]?.c?.values ?? null };
  const sz = ins[3]?.c?.values;
  if (sz && sz.length) return { sizes: sz, scales: null };
  return { sizes: null, scales: ins[2]?.c?.values ?? null };
}

/** Resize / Upsample of H and W, nearest or (bi)linear: output ⌊H·scale⌋ × ⌊W·scale⌋, or the sizes. */
function resize(node: NodeInfo, ins: Inputs, ctx: ConvertContext): void {
  const { from, dims: x } = ctx.input(ins[0]);
  if (x.length !== 4) throw new Unsupported(`${node.opType} on ${x.length}-D input`);
  const mode = string(node, 'mode', 'nearest');
  const fmtMode =
    mode === 'nearest' ? 'nearest' : mode === 'linear' || mode === 'bilinear' ? 'bilinear' : null;
  if (!fmtMode) throw new Unsupported(`${node.opType} mode "${mode}"`);
  if (has(node, 'axes')) throw new Unsupported(`${node.opType} with axes`);
  const { sizes, scales } = target(node, ins, ctx.opset);
  let outHW: number[];
  let spec: Pick<Extract<LayerBody, { op: 'upsample' }>, 'size' | 'scale'>;
  if (sizes) {
    if (sizes.length !== 4 || sizes[0] !== x[0] || sizes[1] !== x[1])
      throw new Unsupported(`${node.opType} that changes batch or channels`);
    outHW = [sizes[2], sizes[3]];
    spec = { size: outHW[0] === outHW[1] ? outHW[0] : [outHW[0], outHW[1]] };
  } else if (scales && scales.length === 4) {
    if (scales[0] !== 1 || scales[1] !== 1)
      throw new Unsupported(`${node.opType} that scales batch or channels`);
    if (!(scales[2] > 0 && scales[3] > 0)) throw nodeError(node, errorNote('onnx-scales-positive', {}));
    outHW = [Math.floor(x[2] * scales[2]), Math.floor(x[3] * scales[3])];
    spec = { scale: scales[2] === scales[3] ? scales[2] : [scales[2], scales[3]] };
  } else throw new Unsupported(`${node.opType} with scales or sizes computed at run time`);
  if (outHW.some((v) => !Number.isSafeInteger(v) || v < 1))
    throw nodeError(node, errorNote('onnx-output-invalid', { size: outHW.join('×') }));
  ctx.layerOut(node, { op: 'upsample', ...spec, mode: fmtMode }, [from], [x[0], x[1], outHW[0], outHW[1]]);
}

export const RESIZE_HANDLERS: Record<string, OnnxHandler> = {
  Pad: {
    layers: layersFrom('Pad'),
    doc: 'Of H and W, constant, reflect or edge (→ replicate); negative pads (cropping) and other axes are unsupported.',
    convert: pad,
  },
  Resize: {
    layers: layersFrom('Resize'),
    doc: 'Of H and W, nearest or linear (→ bilinear), by constant scales or sizes.',
    convert: resize,
  },
  Upsample: {
    layers: layersFrom('Upsample'),
    doc: 'As Resize (scales as attribute before opset 9).',
    convert: resize,
  },
};

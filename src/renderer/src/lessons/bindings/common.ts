import { analyzeModel } from '../../../../core/analysis';
import type { LayerAnalysis, ModelAnalysis } from '../../../../core/analysis';
import type { Conv2dInfo } from '../../../../core/formulas/layers';
import {
  RF_INPUT,
  receptiveFieldOfStack,
  rfConv1d,
  type RfDim,
} from '../../../../core/formulas/receptive-field';
import { getZooModel } from '../../../../core/zoo';
import type { RfLayerSpec } from '../../practice/geometry';
import type { Bindings } from '../types';

const zooCache = new Map<string, ModelAnalysis>();

/** A zoo model analysed once per session (the big ones take a few milliseconds). */
export function zoo(name: string): ModelAnalysis {
  let a = zooCache.get(name);
  if (!a) {
    const model = getZooModel(name);
    if (!model) throw new Error(`unknown zoo model ${name}`);
    a = analyzeModel(model);
    zooCache.set(name, a);
  }
  return a;
}

export function layer(a: ModelAnalysis, id: string): LayerAnalysis {
  const l = a.layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id} in ${a.model}`);
  return l;
}

/** The last layer of an op, e.g. the final max pool of a feature extractor. */
export function lastOf(a: ModelAnalysis, op: string): LayerAnalysis {
  const found = a.layers.filter((l) => l.op === op);
  if (found.length === 0) throw new Error(`no ${op} in ${a.model}`);
  return found[found.length - 1]!;
}

export function convBindings(prefix: string, c: Conv2dInfo): Bindings {
  return {
    [`${prefix}.Cin`]: c.inChannels,
    [`${prefix}.Cout`]: c.outChannels,
    [`${prefix}.K`]: c.kernel[0],
    [`${prefix}.X`]: c.inShape[1],
    [`${prefix}.P`]: c.padBefore[0],
    [`${prefix}.S`]: c.stride[0],
    [`${prefix}.M`]: c.outShape[1],
    [`${prefix}.positions`]: c.outShape[1] * c.outShape[2],
    [`${prefix}.weights`]: c.params.weights,
    [`${prefix}.params`]: c.params.weights + c.params.bias,
    [`${prefix}.bias`]: c.params.bias,
    [`${prefix}.macs`]: c.macs,
    [`${prefix}.flops`]: c.flops,
    [`${prefix}.biasAdds`]: c.biasAdds,
    [`${prefix}.outElems`]: c.outShape[0] * c.outShape[1] * c.outShape[2],
  };
}

/** The input pixels one unit of the stack's last layer reads (1 = read), or null when it reads them all. */
export function readMap(layers: readonly RfLayerSpec[]): boolean[] | null {
  let dim: RfDim = RF_INPUT;
  for (const l of layers) dim = rfConv1d(dim, l.kernel, l.stride, l.dilation, 0);
  if (dim.holes === null || dim.holes === 'untracked') return null;
  return Array.from(dim.holes, (b) => b === 1);
}

/**
 * RF and jump after every layer of a 1-D stack (`r1`, `j1`, …), the layers' kernel, strides and
 * dilations (`K`, `S1`, `d1`, …), and how many input pixels of the final span are read.
 */
export function stackBindings(prefix: string, layers: readonly RfLayerSpec[]): Bindings {
  const rows = receptiveFieldOfStack(
    layers.map((l) => ({ kernel: l.kernel, stride: l.stride, dilation: l.dilation })),
  );
  const out: Bindings = { [`${prefix}.K`]: layers[0]!.kernel };
  rows.forEach((r, i) => {
    out[`${prefix}.r${i + 1}`] = r.size[0];
    out[`${prefix}.j${i + 1}`] = r.jump[0];
    out[`${prefix}.S${i + 1}`] = layers[i]!.stride;
    out[`${prefix}.d${i + 1}`] = layers[i]!.dilation;
  });
  const last = rows[rows.length - 1]!;
  const read = readMap(layers);
  out[`${prefix}.layers`] = rows.length;
  out[`${prefix}.holes`] = last.hasHoles ? 1 : 0;
  out[`${prefix}.read`] = read ? read.filter(Boolean).length : last.size[0];
  return out;
}

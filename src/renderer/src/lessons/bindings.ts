import { analyzeModel } from '../../../core/analysis';
import type { LayerAnalysis, ModelAnalysis } from '../../../core/analysis';
import { conv2dCore, type Conv2dInfo } from '../../../core/formulas/layers';
import { convOutputSize } from '../../../core/formulas/output-size';
import { receptiveFieldOfStack, type StackLayer } from '../../../core/formulas/receptive-field';
import type { ModelSpec } from '../../../core/model/types';
import { chainBound, clipByNorm, maxDerivative, sgdWithL2 } from '../../../core/quiz/gradient-math';
import { getZooModel } from '../../../core/zoo';
import type { LessonId } from './catalog';
import type { Bindings } from './types';

/**
 * The numbers each lesson shows, computed with the analysis core from the lesson's own example.
 * Inputs of an example (X, K, P, S…) are bindings too, so that a text never types a number the
 * example depends on, and changing an example here changes every text that mentions it.
 */

const zooCache = new Map<string, ModelAnalysis>();

/** A zoo model analysed once per session (the big ones take a few milliseconds). */
function zoo(name: string): ModelAnalysis {
  let a = zooCache.get(name);
  if (!a) {
    const model = getZooModel(name);
    if (!model) throw new Error(`unknown zoo model ${name}`);
    a = analyzeModel(model);
    zooCache.set(name, a);
  }
  return a;
}

/** The lessons' small network: four convolutions and a classifier on a 32×32 RGB image. */
export function smallNet(): ModelSpec {
  return {
    format: 'convscope-model',
    version: 1,
    name: 'lesson-net',
    input: [3, 32, 32],
    layers: [
      { id: 'conv1', op: 'conv2d', out_channels: 32, kernel: 3, padding: 1 },
      { id: 'relu1', op: 'relu' },
      { id: 'conv2', op: 'conv2d', out_channels: 64, kernel: 3, padding: 1, stride: 2 },
      { id: 'relu2', op: 'relu' },
      { id: 'conv3', op: 'conv2d', out_channels: 128, kernel: 3, padding: 1, stride: 2 },
      { id: 'relu3', op: 'relu' },
      { id: 'conv4', op: 'conv2d', out_channels: 128, kernel: 3, padding: 1 },
      { id: 'relu4', op: 'relu' },
      { id: 'pool', op: 'adaptive_avgpool2d', output_size: 1 },
      { id: 'flatten', op: 'flatten' },
      { id: 'fc', op: 'linear', out_features: 10 },
    ],
  } as ModelSpec;
}

function layer(a: ModelAnalysis, id: string): LayerAnalysis {
  const l = a.layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id} in ${a.model}`);
  return l;
}

/** The last layer of an op, e.g. the final max pool of a feature extractor. */
function lastOf(a: ModelAnalysis, op: string): LayerAnalysis {
  const found = a.layers.filter((l) => l.op === op);
  if (found.length === 0) throw new Error(`no ${op} in ${a.model}`);
  return found[found.length - 1];
}

function convBindings(prefix: string, c: Conv2dInfo): Bindings {
  return {
    [`${prefix}.Cin`]: c.inChannels,
    [`${prefix}.Cout`]: c.outChannels,
    [`${prefix}.K`]: c.kernel[0],
    [`${prefix}.X`]: c.inShape[1],
    [`${prefix}.P`]: c.padBefore[0],
    [`${prefix}.S`]: c.stride[0],
    [`${prefix}.M`]: c.outShape[1],
    [`${prefix}.weights`]: c.params.weights,
    [`${prefix}.params`]: c.params.weights + c.params.bias,
    [`${prefix}.bias`]: c.params.bias,
    [`${prefix}.macs`]: c.macs,
    [`${prefix}.flops`]: c.flops,
    [`${prefix}.biasAdds`]: c.biasAdds,
    [`${prefix}.outElems`]: c.outShape[0] * c.outShape[1] * c.outShape[2],
  };
}

function stackBindings(prefix: string, layers: StackLayer[]): Bindings {
  const rows = receptiveFieldOfStack(layers);
  const out: Bindings = {};
  rows.forEach((r, i) => {
    out[`${prefix}.r${i + 1}`] = r.size[0];
    out[`${prefix}.j${i + 1}`] = r.jump[0];
  });
  out[`${prefix}.layers`] = rows.length;
  out[`${prefix}.holes`] = rows[rows.length - 1].hasHoles ? 1 : 0;
  return out;
}

function outputSize(): Bindings {
  const a = convOutputSize({ size: 32, kernel: 5, padding: 0, stride: 1 });
  const b = convOutputSize({ size: 224, kernel: 7, padding: 3, stride: 2 });
  const r = conv2dCore({ inShape: [3, 48, 64], outChannels: 16, kernel: 3, padding: 1, stride: 2 });
  const s = convOutputSize({ size: 15, kernel: 4, padding: 'same', stride: 2 });
  return {
    'a.X': a.X,
    'a.K': a.K,
    'a.P': a.P[0],
    'a.S': a.S,
    'a.M': a.result,
    'b.X': b.X,
    'b.K': b.K,
    'b.P': b.P[0],
    'b.S': b.S,
    'b.num': b.numerator,
    'b.quot': b.numerator / b.S,
    'b.M': b.result,
    ...convBindings('r', r),
    'r.H': r.inShape[1],
    'r.W': r.inShape[2],
    'r.Mh': r.outShape[1],
    'r.Mw': r.outShape[2],
    's.X': s.X,
    's.K': s.K,
    's.S': s.S,
    's.Pb': s.P[0],
    's.Pa': s.P[1],
    's.M': s.result,
  };
}

function layerComplexity(): Bindings {
  const c = conv2dCore({ inShape: [64, 56, 56], outChannels: 64, kernel: 3, padding: 1 });
  const r50 = zoo('resnet50');
  return {
    ...convBindings('c', c),
    'r50.macs': r50.totals.macs,
    'r50.flops': 2 * r50.totals.macs,
  };
}

function networkComplexity(): Bindings {
  const net = analyzeModel(smallNet());
  const convs = net.layers.filter((l) => l.op === 'conv2d' || l.op === 'linear');
  const top = convs.reduce((m, l) => (l.macs > m.macs ? l : m));
  const std = conv2dCore({ inShape: [128, 28, 28], outChannels: 128, kernel: 3, padding: 1, bias: false });
  const dw = conv2dCore({
    inShape: [128, 28, 28],
    outChannels: 128,
    kernel: 3,
    padding: 1,
    groups: 128,
    bias: false,
  });
  const pw = conv2dCore({ inShape: [128, 28, 28], outChannels: 128, kernel: 1, bias: false });
  // A bottleneck (1×1 reduce, 3×3, 1×1 expand) against two plain 3×3 convolutions at full width.
  const wide = conv2dCore({ inShape: [256, 28, 28], outChannels: 256, kernel: 3, padding: 1, bias: false });
  const reduce = conv2dCore({ inShape: [256, 28, 28], outChannels: 64, kernel: 1, bias: false });
  const mid = conv2dCore({ inShape: [64, 28, 28], outChannels: 64, kernel: 3, padding: 1, bias: false });
  const expand = conv2dCore({ inShape: [64, 28, 28], outChannels: 256, kernel: 1, bias: false });
  const bottleneck = reduce.macs + mid.macs + expand.macs;
  return {
    'net.macs': net.totals.macs,
    'net.flops': net.totals.flops,
    'net.topShare': top.macs / net.totals.macs,
    'net.fcMacs': layer(net, 'fc').macs,
    'std.macs': std.macs,
    'std.C': std.inChannels,
    'std.M': std.outShape[1],
    'std.K': std.kernel[0],
    'dw.macs': dw.macs,
    'pw.macs': pw.macs,
    'sep.macs': dw.macs + pw.macs,
    'sep.ratio': std.macs / (dw.macs + pw.macs),
    'bn.wide': 2 * wide.macs,
    'bn.macs': bottleneck,
    'bn.C': wide.inChannels,
    'bn.c': reduce.outChannels,
    'bn.ratio': (2 * wide.macs) / bottleneck,
    'vgg16.macs': zoo('vgg16').totals.macs,
    'r50.macs': zoo('resnet50').totals.macs,
    'mnv2.macs': zoo('mobilenet_v2').totals.macs,
  };
}

function spaceComplexity(): Bindings {
  const net = analyzeModel(smallNet());
  const inplace = analyzeModel(smallNet(), { inplaceActivations: true });
  const conv = conv2dCore({ inShape: [128, 28, 28], outChannels: 128, kernel: 3, padding: 1, bias: false });
  const model = (groups: number): ModelSpec =>
    ({
      format: 'convscope-model',
      version: 1,
      name: 'ai',
      input: [128, 28, 28],
      layers: [{ id: 'c', op: 'conv2d', out_channels: 128, kernel: 3, padding: 1, groups, bias: false }],
    }) as ModelSpec;
  const stdLayer = analyzeModel(model(1)).layers[0];
  const dwLayer = analyzeModel(model(128)).layers[0];
  const vgg = zoo('vgg16');
  return {
    'net.params': net.totals.params,
    'net.paramBytes': net.totals.params * 4,
    'net.actElems': net.totals.activationElements,
    'net.actBytes': net.totals.activationBytes,
    'net.actBytesInplace': inplace.totals.activationBytes,
    'net.access': net.totals.memoryAccessBytes,
    'conv.C': conv.inChannels,
    'conv.M': conv.outShape[1],
    'conv.K': conv.kernel[0],
    'std.ai': stdLayer.arithmeticIntensity,
    'std.access': stdLayer.memoryAccess.totalBytes,
    'dw.ai': dwLayer.arithmeticIntensity,
    'dw.access': dwLayer.memoryAccess.totalBytes,
    'vgg16.params': vgg.totals.params,
    'vgg16.paramBytes': vgg.totals.params * 4,
    'vgg16.actBytes': vgg.totals.activationBytes,
  };
}

function receptiveField(): Bindings {
  const vgg = zoo('vgg16');
  const alex = zoo('alexnet');
  const vggPool = lastOf(vgg, 'maxpool2d');
  const alexPool = lastOf(alex, 'maxpool2d');
  return {
    ...stackBindings('t', [{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }]),
    ...stackBindings('s', [{ kernel: 3, stride: 2 }, { kernel: 3 }, { kernel: 3 }]),
    'vgg16.rf': vggPool.rf.size[0],
    'vgg16.jump': vggPool.rf.jump[0],
    'alexnet.rf': alexPool.rf.size[0],
    'alexnet.jump': alexPool.rf.jump[0],
  };
}

function dilated(): Bindings {
  const d2 = convOutputSize({ size: 32, kernel: 3, dilation: 2, padding: 2 });
  const d4 = convOutputSize({ size: 32, kernel: 3, dilation: 4, padding: 4 });
  return {
    'd2.d': d2.d,
    'd2.K': d2.K,
    'd2.Keff': d2.Keff,
    'd2.X': d2.X,
    'd2.P': d2.P[0],
    'd2.M': d2.result,
    'd4.d': d4.d,
    'd4.Keff': d4.Keff,
    ...stackBindings('dil', [
      { kernel: 3, dilation: 1 },
      { kernel: 3, dilation: 2 },
      { kernel: 3, dilation: 4 },
      { kernel: 3, dilation: 8 },
    ]),
    ...stackBindings('plain', [{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }, { kernel: 3 }]),
    ...stackBindings('grid', [
      { kernel: 3, dilation: 2 },
      { kernel: 3, dilation: 2 },
      { kernel: 3, dilation: 2 },
    ]),
  };
}

function multiScale(): Bindings {
  const vgg = zoo('vgg16');
  const pools = vgg.layers.filter((l) => l.op === 'maxpool2d');
  const out: Bindings = { 'vgg16.stages': pools.length };
  pools.forEach((p, i) => {
    out[`vgg16.pool${i + 1}.rf`] = p.rf.size[0];
    out[`vgg16.pool${i + 1}.jump`] = p.rf.jump[0];
    out[`vgg16.pool${i + 1}.M`] = p.outputShape[1] ?? 0;
  });
  out['vgg16.input'] = vgg.input[1] ?? 0;
  return out;
}

function vanishing(): Bindings {
  return {
    'sig.max': maxDerivative('sigmoid'),
    'tanh.max': maxDerivative('tanh'),
    'relu.max': maxDerivative('relu'),
    'sig.chain5': chainBound(Array(5).fill('sigmoid'), Array(5).fill(1)),
    'sig.chain20': chainBound(Array(20).fill('sigmoid'), Array(20).fill(1)),
  };
}

function exploding(): Bindings {
  const clip = clipByNorm([30, 40], 5);
  return {
    'w.chain20': chainBound(Array(20).fill('tanh'), Array(20).fill(1.5)),
    'w.chain5': chainBound(Array(5).fill('tanh'), Array(5).fill(1.5)),
    'clip.norm': clip.norm,
    'clip.max': 5,
    'clip.factor': clip.factor,
    'clip.g1': clip.clipped[0],
    'clip.g2': clip.clipped[1],
  };
}

function remedies(): Bindings {
  const w = sgdWithL2(2, 0, 0.1, 0.5, 1);
  return {
    'l2.w0': 2,
    'l2.lambda': 0.5,
    'l2.lr': 0.1,
    'l2.w1': w,
    'leaky.max': maxDerivative('leaky_relu'),
    'relu.max': maxDerivative('relu'),
  };
}

const BUILDERS: Record<LessonId, () => Bindings> = {
  'output-size': outputSize,
  'layer-complexity': layerComplexity,
  'network-complexity': networkComplexity,
  'space-complexity': spaceComplexity,
  'receptive-field': receptiveField,
  'dilated-convolution': dilated,
  'multi-scale': multiScale,
  'vanishing-gradients': vanishing,
  'exploding-gradients': exploding,
  remedies,
};

const cache = new Map<LessonId, Bindings>();

/** The computed values a lesson's texts refer to by `{{ name }}`. */
export function lessonBindings(id: LessonId): Bindings {
  let b = cache.get(id);
  if (!b) {
    b = BUILDERS[id]();
    cache.set(id, b);
  }
  return b;
}

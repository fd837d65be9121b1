import { analyzeModel } from '../../../../core/analysis';
import { conv2dCore } from '../../../../core/formulas/layers';
import type { ModelSpec } from '../../../../core/model/types';
import { smallNet } from '../examples';
import type { Bindings } from '../types';
import { convBindings, layer, zoo } from './common';
import { sequenceBindings } from './sequences';

/** One ResNet layer (no bias: a BatchNorm follows every ResNet convolution), and ResNet-50's totals. */
export function layerComplexity(): Bindings {
  const c = conv2dCore({ inShape: [64, 56, 56], outChannels: 64, kernel: 3, padding: 1, bias: false });
  const r50 = zoo('resnet50');
  return {
    ...convBindings('c', c),
    'r50.macs': r50.totals.macs,
    'r50.flops': 2 * r50.totals.macs,
  };
}

export function networkComplexity(): Bindings {
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
  // A bottleneck block (1×1 reduce, 3×3, 1×1 expand) against the plain block of two 3×3 convolutions
  // at full width on the same map.
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
    'bn.M': wide.outShape[1],
    'bn.C': wide.inChannels,
    'bn.c': reduce.outChannels,
    'reduce.macs': reduce.macs,
    'mid.macs': mid.macs,
    'expand.macs': expand.macs,
    'wide.macs': wide.macs,
    'bn.wide': 2 * wide.macs,
    'bn.macs': bottleneck,
    'bn.ratio': (2 * wide.macs) / bottleneck,
    'vgg16.macs': zoo('vgg16').totals.macs,
    'r50.macs': zoo('resnet50').totals.macs,
    'mnv2.macs': zoo('mobilenet_v2').totals.macs,
    ...sequenceBindings(),
  };
}

export function spaceComplexity(): Bindings {
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
  const stdLayer = analyzeModel(model(1)).layers[0]!;
  const dwLayer = analyzeModel(model(128)).layers[0]!;
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

import { conv2dCore } from '../../../../core/formulas/layers';
import { convOutputSize } from '../../../../core/formulas/output-size';
import { CONV_SLIDER_RANGES, RF_STACKS } from '../examples';
import type { Bindings } from '../types';
import { convBindings, lastOf, stackBindings, zoo } from './common';
import { erfBindings } from './erf';

/** Output size: the lesson's examples worked by the core's output-size trace. */
export function outputSize(): Bindings {
  const a = convOutputSize({ size: 32, kernel: 5, padding: 0, stride: 1 });
  const b = convOutputSize({ size: 224, kernel: 7, padding: 3, stride: 2 });
  const r = conv2dCore({ inShape: [3, 48, 64], outChannels: 16, kernel: 3, padding: 1, stride: 2 });
  const s = convOutputSize({ size: 15, kernel: 4, padding: 'same', stride: 2 });
  const s2 = convOutputSize({ size: 16, kernel: 1, padding: 'same', stride: 2 });
  const rem = b.numerator % b.S;
  return {
    'widget.maxX': CONV_SLIDER_RANGES.X[1],
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
    // The remainder: columns at the end of the padded input that no window reaches; input columns
    // among them are the ones beyond the right padding.
    'b.rem': rem,
    'b.lostInput': Math.max(0, rem - b.P[1]),
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
    's2.X': s2.X,
    's2.K': s2.K,
    's2.S': s2.S,
    's2.M': s2.result,
    // (M − 1)·S + K − X before the max(…, 0): negative here, so no padding at all.
    's2.raw': (s2.result - 1) * s2.S + s2.Keff - s2.X,
    's2.P': s2.P[0] + s2.P[1],
  };
}

export function receptiveField(): Bindings {
  const vgg = zoo('vgg16');
  const alex = zoo('alexnet');
  const vggPool = lastOf(vgg, 'maxpool2d');
  const alexPool = lastOf(alex, 'maxpool2d');
  return {
    ...stackBindings('t', RF_STACKS.classic),
    ...stackBindings('s', RF_STACKS.strided),
    'vgg16.rf': vggPool.rf.size[0],
    'vgg16.jump': vggPool.rf.jump[0],
    'alexnet.rf': alexPool.rf.size[0],
    'alexnet.jump': alexPool.rf.jump[0],
    ...erfBindings(),
  };
}

export function dilated(): Bindings {
  const d2 = convOutputSize({ size: 32, kernel: 3, dilation: 2, padding: 2 });
  const d4 = convOutputSize({ size: 32, kernel: 3, dilation: 4, padding: 4 });
  const plain = RF_STACKS.dilated.map((l) => ({ ...l, dilation: 1 }));
  return {
    'd2.d': d2.d,
    'd2.K': d2.K,
    'd2.Keff': d2.Keff,
    'd2.X': d2.X,
    'd2.P': d2.P[0],
    'd2.M': d2.result,
    'd4.d': d4.d,
    'd4.Keff': d4.Keff,
    ...stackBindings('dil', RF_STACKS.dilated),
    ...stackBindings('plain', plain),
    ...stackBindings('grid', RF_STACKS.gridding),
    ...stackBindings('mix', RF_STACKS.mixed),
  };
}

export function multiScale(): Bindings {
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

import type { ModelSpec } from '../model/types';
import { ModelBuilder } from './builder';

/**
 * MobileNet v1 as in the paper (Howard et al., 2017, Table 1): a 3×3 stride-2 stem, then 13
 * depthwise-separable blocks (3×3 depthwise + BN + ReLU, 1×1 pointwise + BN + ReLU), 7×7 average
 * pool and a 1000-way classifier. Convolutions have no bias (BatchNorm follows).
 */
export function mobilenetV1(): ModelSpec {
  const b = new ModelBuilder();
  b.conv('model.0.0', 32, 3, { stride: 2, padding: 1, bias: false });
  b.add('model.0.1', { op: 'batchnorm' });
  b.add('model.0.2', { op: 'relu' });
  const blocks: [number, number][] = [
    [64, 1],
    [128, 2],
    [128, 1],
    [256, 2],
    [256, 1],
    [512, 2],
    [512, 1],
    [512, 1],
    [512, 1],
    [512, 1],
    [512, 1],
    [1024, 2],
    [1024, 1],
  ];
  let c = 32;
  blocks.forEach(([out, stride], i) => {
    const p = `model.${i + 1}`;
    b.conv(`${p}.0`, c, 3, { stride, padding: 1, groups: c, bias: false });
    b.add(`${p}.1`, { op: 'batchnorm' });
    b.add(`${p}.2`, { op: 'relu' });
    b.conv(`${p}.3`, out, 1, { bias: false });
    b.add(`${p}.4`, { op: 'batchnorm' });
    b.add(`${p}.5`, { op: 'relu' });
    c = out;
  });
  b.add('avgpool', { op: 'avgpool2d', kernel: 7 });
  b.add('flatten', { op: 'flatten' });
  b.add('fc', { op: 'linear', out_features: 1000 });
  return b.model('mobilenet_v1', [3, 224, 224]);
}

/**
 * torchvision mobilenet_v2(): inverted residual blocks (t, c, n, s) with ReLU6, a residual add when
 * stride is 1 and channels match, the functional adaptive_avg_pool2d (`avgpool`) and
 * classifier = [Dropout(0.2), Linear(1280, 1000)].
 */
export function mobilenetV2(): ModelSpec {
  const b = new ModelBuilder();
  b.conv('features.0.0', 32, 3, { stride: 2, padding: 1, bias: false });
  b.add('features.0.1', { op: 'batchnorm' });
  b.add('features.0.2', { op: 'relu6' });
  const settings: [number, number, number, number][] = [
    [1, 16, 1, 1],
    [6, 24, 2, 2],
    [6, 32, 3, 2],
    [6, 64, 4, 2],
    [6, 96, 3, 1],
    [6, 160, 3, 2],
    [6, 320, 1, 1],
  ];
  let inp = 32;
  let f = 1;
  for (const [t, c, n, s] of settings) {
    for (let i = 0; i < n; i++) {
      const stride = i === 0 ? s : 1;
      const p = `features.${f++}.conv`;
      const x = b.last;
      const hidden = inp * t;
      let k = 0;
      if (t !== 1) {
        b.conv(`${p}.${k}.0`, hidden, 1, { bias: false });
        b.add(`${p}.${k}.1`, { op: 'batchnorm' });
        b.add(`${p}.${k}.2`, { op: 'relu6' });
        k++;
      }
      b.conv(`${p}.${k}.0`, hidden, 3, { stride, padding: 1, groups: hidden, bias: false });
      b.add(`${p}.${k}.1`, { op: 'batchnorm' });
      b.add(`${p}.${k}.2`, { op: 'relu6' });
      k++;
      b.conv(`${p}.${k++}`, c, 1, { bias: false });
      const out = b.add(`${p}.${k++}`, { op: 'batchnorm' });
      if (stride === 1 && inp === c) b.add(`features.${f - 1}.add`, { op: 'add' }, [x, out]);
      inp = c;
    }
  }
  b.conv(`features.${f}.0`, 1280, 1, { bias: false });
  b.add(`features.${f}.1`, { op: 'batchnorm' });
  b.add(`features.${f}.2`, { op: 'relu6' });
  b.add('avgpool', { op: 'adaptive_avgpool2d', output_size: 1 });
  b.add('flatten', { op: 'flatten' });
  b.add('classifier.0', { op: 'dropout', p: 0.2 });
  b.add('classifier.1', { op: 'linear', out_features: 1000 });
  return b.model('mobilenet_v2', [3, 224, 224]);
}

/** torchvision squeezenet1_1(): Fire modules, ceil_mode max pools, a 1×1 conv classifier. */
export function squeezenet11(): ModelSpec {
  const b = new ModelBuilder();
  b.conv('features.0', 64, 3, { stride: 2 });
  b.add('features.1', { op: 'relu' });
  b.add('features.2', { op: 'maxpool2d', kernel: 3, stride: 2, ceil_mode: true });
  const fire = (i: number, squeeze: number, e1: number, e3: number) => {
    const p = `features.${i}`;
    b.conv(`${p}.squeeze`, squeeze, 1);
    const s = b.add(`${p}.squeeze_activation`, { op: 'relu' });
    b.conv(`${p}.expand1x1`, e1, 1, {}, s);
    const a = b.add(`${p}.expand1x1_activation`, { op: 'relu' });
    b.conv(`${p}.expand3x3`, e3, 3, { padding: 1 }, s);
    const c = b.add(`${p}.expand3x3_activation`, { op: 'relu' });
    b.add(`${p}.cat`, { op: 'concat' }, [a, c]);
  };
  fire(3, 16, 64, 64);
  fire(4, 16, 64, 64);
  b.add('features.5', { op: 'maxpool2d', kernel: 3, stride: 2, ceil_mode: true });
  fire(6, 32, 128, 128);
  fire(7, 32, 128, 128);
  b.add('features.8', { op: 'maxpool2d', kernel: 3, stride: 2, ceil_mode: true });
  fire(9, 48, 192, 192);
  fire(10, 48, 192, 192);
  fire(11, 64, 256, 256);
  fire(12, 64, 256, 256);
  b.add('classifier.0', { op: 'dropout', p: 0.5 });
  b.conv('classifier.1', 1000, 1);
  b.add('classifier.2', { op: 'relu' });
  b.add('classifier.3', { op: 'adaptive_avgpool2d', output_size: 1 });
  b.add('flatten', { op: 'flatten' });
  return b.model('squeezenet1_1', [3, 224, 224]);
}

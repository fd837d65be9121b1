import type { ModelSpec } from '../model/types';
import { ModelBuilder } from './builder';

/**
 * The id of the n-th call of a module that torchvision calls several times (the shared `relu` of a
 * ResNet block): `layer1.0.relu`, `layer1.0.relu#1`, `layer1.0.relu#2`.
 */
export function callId(name: string, call: number): string {
  return call === 0 ? name : `${name}#${call}`;
}

/**
 * torchvision ResNet ("v1.5": the stride sits on the 3×3 conv of a Bottleneck). Block ids follow
 * the module names; the residual `out += identity` becomes `layerX.Y.add`.
 */
export function resnet(
  name: string,
  block: 'basic' | 'bottleneck',
  counts: [number, number, number, number],
): ModelSpec {
  const b = new ModelBuilder();
  b.conv('conv1', 64, 7, { stride: 2, padding: 3, bias: false });
  b.add('bn1', { op: 'batchnorm' });
  b.add('relu', { op: 'relu' });
  b.add('maxpool', { op: 'maxpool2d', kernel: 3, stride: 2, padding: 1 });
  const expansion = block === 'basic' ? 1 : 4;
  let inplanes = 64;
  const widths = [64, 128, 256, 512];
  for (let s = 0; s < 4; s++) {
    const planes = widths[s];
    for (let k = 0; k < counts[s]; k++) {
      const stride = k === 0 && s > 0 ? 2 : 1;
      const p = `layer${s + 1}.${k}`;
      const x = b.last;
      let relu = 0;
      if (block === 'basic') {
        b.conv(`${p}.conv1`, planes, 3, { stride, padding: 1, bias: false });
        b.add(`${p}.bn1`, { op: 'batchnorm' });
        b.add(callId(`${p}.relu`, relu++), { op: 'relu' });
        b.conv(`${p}.conv2`, planes, 3, { padding: 1, bias: false });
        b.add(`${p}.bn2`, { op: 'batchnorm' });
      } else {
        b.conv(`${p}.conv1`, planes, 1, { bias: false });
        b.add(`${p}.bn1`, { op: 'batchnorm' });
        b.add(callId(`${p}.relu`, relu++), { op: 'relu' });
        b.conv(`${p}.conv2`, planes, 3, { stride, padding: 1, bias: false });
        b.add(`${p}.bn2`, { op: 'batchnorm' });
        b.add(callId(`${p}.relu`, relu++), { op: 'relu' });
        b.conv(`${p}.conv3`, planes * 4, 1, { bias: false });
        b.add(`${p}.bn3`, { op: 'batchnorm' });
      }
      const main = b.last;
      let shortcut = x;
      if (stride !== 1 || inplanes !== planes * expansion) {
        b.conv(`${p}.downsample.0`, planes * expansion, 1, { stride, bias: false }, x);
        shortcut = b.add(`${p}.downsample.1`, { op: 'batchnorm' });
      }
      b.add(`${p}.add`, { op: 'add' }, [main, shortcut]);
      b.add(callId(`${p}.relu`, relu++), { op: 'relu' });
      inplanes = planes * expansion;
    }
  }
  b.add('avgpool', { op: 'adaptive_avgpool2d', output_size: 1 });
  b.add('flatten', { op: 'flatten' });
  b.add('fc', { op: 'linear', out_features: 1000 });
  return b.model(name, [3, 224, 224]);
}

import type { ModelSpec } from '../model/types';
import { ModelBuilder } from './builder';

/** LeNet-5 (LeCun et al., 1998) in its common modern form: tanh, average pooling, 32×32 input. */
export function lenet5(): ModelSpec {
  const b = new ModelBuilder();
  b.conv('features.0', 6, 5);
  b.add('features.1', { op: 'tanh' });
  b.add('features.2', { op: 'avgpool2d', kernel: 2 });
  b.conv('features.3', 16, 5);
  b.add('features.4', { op: 'tanh' });
  b.add('features.5', { op: 'avgpool2d', kernel: 2 });
  b.add('flatten', { op: 'flatten' });
  b.add('classifier.0', { op: 'linear', out_features: 120 });
  b.add('classifier.1', { op: 'tanh' });
  b.add('classifier.2', { op: 'linear', out_features: 84 });
  b.add('classifier.3', { op: 'tanh' });
  b.add('classifier.4', { op: 'linear', out_features: 10 });
  return b.model('lenet5', [1, 32, 32]);
}

/** torchvision alexnet(): the "one weird trick" variant, AdaptiveAvgPool2d((6, 6)). */
export function alexnet(): ModelSpec {
  const b = new ModelBuilder();
  b.conv('features.0', 64, 11, { stride: 4, padding: 2 });
  b.add('features.1', { op: 'relu' });
  b.add('features.2', { op: 'maxpool2d', kernel: 3, stride: 2 });
  b.conv('features.3', 192, 5, { padding: 2 });
  b.add('features.4', { op: 'relu' });
  b.add('features.5', { op: 'maxpool2d', kernel: 3, stride: 2 });
  b.conv('features.6', 384, 3, { padding: 1 });
  b.add('features.7', { op: 'relu' });
  b.conv('features.8', 256, 3, { padding: 1 });
  b.add('features.9', { op: 'relu' });
  b.conv('features.10', 256, 3, { padding: 1 });
  b.add('features.11', { op: 'relu' });
  b.add('features.12', { op: 'maxpool2d', kernel: 3, stride: 2 });
  b.add('avgpool', { op: 'adaptive_avgpool2d', output_size: 6 });
  b.add('flatten', { op: 'flatten' });
  b.add('classifier.0', { op: 'dropout', p: 0.5 });
  b.add('classifier.1', { op: 'linear', out_features: 4096 });
  b.add('classifier.2', { op: 'relu' });
  b.add('classifier.3', { op: 'dropout', p: 0.5 });
  b.add('classifier.4', { op: 'linear', out_features: 4096 });
  b.add('classifier.5', { op: 'relu' });
  b.add('classifier.6', { op: 'linear', out_features: 1000 });
  return b.model('alexnet', [3, 224, 224]);
}

const VGG_CFG: Record<'A' | 'D' | 'E', (number | 'M')[]> = {
  A: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  D: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
  E: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
};

/** torchvision vgg*(): features (conv [bn] relu …), AdaptiveAvgPool2d((7, 7)), 3-layer classifier. */
export function vgg(name: string, cfg: 'A' | 'D' | 'E', batchNorm: boolean): ModelSpec {
  const b = new ModelBuilder();
  let i = 0;
  for (const v of VGG_CFG[cfg]) {
    if (v === 'M') b.add(`features.${i++}`, { op: 'maxpool2d', kernel: 2, stride: 2 });
    else {
      b.conv(`features.${i++}`, v, 3, { padding: 1 });
      if (batchNorm) b.add(`features.${i++}`, { op: 'batchnorm' });
      b.add(`features.${i++}`, { op: 'relu' });
    }
  }
  b.add('avgpool', { op: 'adaptive_avgpool2d', output_size: 7 });
  b.add('flatten', { op: 'flatten' });
  b.add('classifier.0', { op: 'linear', out_features: 4096 });
  b.add('classifier.1', { op: 'relu' });
  b.add('classifier.2', { op: 'dropout', p: 0.5 });
  b.add('classifier.3', { op: 'linear', out_features: 4096 });
  b.add('classifier.4', { op: 'relu' });
  b.add('classifier.5', { op: 'dropout', p: 0.5 });
  b.add('classifier.6', { op: 'linear', out_features: 1000 });
  return b.model(name, [3, 224, 224]);
}

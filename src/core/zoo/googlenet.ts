import type { ModelSpec } from '../model/types';
import { ModelBuilder } from './builder';

/**
 * torchvision googlenet() in eval mode: the auxiliary classifiers are not run (and not counted),
 * BasicConv2d = conv (no bias) + BatchNorm (eps 0.001) + functional ReLU, max pools with
 * ceil_mode=True, and the "5×5" branch that torchvision builds with a 3×3 kernel.
 */
export function googlenet(): ModelSpec {
  const b = new ModelBuilder();
  const basic = (
    p: string,
    out: number,
    kernel: number,
    o: { stride?: number; padding?: number } = {},
    from?: string,
  ) => {
    b.conv(`${p}.conv`, out, kernel, { ...o, bias: false }, from);
    b.add(`${p}.bn`, { op: 'batchnorm' });
    return b.add(`${p}.relu`, { op: 'relu' });
  };
  const inception = (
    p: string,
    c1: number,
    c3r: number,
    c3: number,
    c5r: number,
    c5: number,
    pool: number,
  ) => {
    const x = b.last;
    const b1 = basic(`${p}.branch1`, c1, 1, {}, x);
    basic(`${p}.branch2.0`, c3r, 1, {}, x);
    const b2 = basic(`${p}.branch2.1`, c3, 3, { padding: 1 });
    basic(`${p}.branch3.0`, c5r, 1, {}, x);
    const b3 = basic(`${p}.branch3.1`, c5, 3, { padding: 1 });
    b.add(`${p}.branch4.0`, { op: 'maxpool2d', kernel: 3, stride: 1, padding: 1, ceil_mode: true }, x);
    const b4 = basic(`${p}.branch4.1`, pool, 1);
    b.add(`${p}.cat`, { op: 'concat' }, [b1, b2, b3, b4]);
  };
  basic('conv1', 64, 7, { stride: 2, padding: 3 });
  b.add('maxpool1', { op: 'maxpool2d', kernel: 3, stride: 2, ceil_mode: true });
  basic('conv2', 64, 1);
  basic('conv3', 192, 3, { padding: 1 });
  b.add('maxpool2', { op: 'maxpool2d', kernel: 3, stride: 2, ceil_mode: true });
  inception('inception3a', 64, 96, 128, 16, 32, 32);
  inception('inception3b', 128, 128, 192, 32, 96, 64);
  b.add('maxpool3', { op: 'maxpool2d', kernel: 3, stride: 2, ceil_mode: true });
  inception('inception4a', 192, 96, 208, 16, 48, 64);
  inception('inception4b', 160, 112, 224, 24, 64, 64);
  inception('inception4c', 128, 128, 256, 24, 64, 64);
  inception('inception4d', 112, 144, 288, 32, 64, 64);
  inception('inception4e', 256, 160, 320, 32, 128, 128);
  b.add('maxpool4', { op: 'maxpool2d', kernel: 2, stride: 2, ceil_mode: true });
  inception('inception5a', 256, 160, 320, 32, 128, 128);
  inception('inception5b', 384, 192, 384, 48, 128, 128);
  b.add('avgpool', { op: 'adaptive_avgpool2d', output_size: 1 });
  b.add('flatten', { op: 'flatten' });
  b.add('dropout', { op: 'dropout', p: 0.2 });
  b.add('fc', { op: 'linear', out_features: 1000 });
  return b.model('googlenet', [3, 224, 224]);
}

import type { ModelSpec } from '../model/types';
import type { ModelBuilder as Builder } from './builder';
import { ModelBuilder } from './builder';

/** torchvision's _make_divisible: channels rounded to a multiple of 8, never below 90 % of `v`. */
function divisible8(v: number): number {
  const n = Math.max(8, Math.floor((v + 4) / 8) * 8);
  return n < 0.9 * v ? n + 8 : n;
}

/**
 * Squeeze-and-excitation (torchvision.ops.SqueezeExcitation): global average, 1×1 conv down to
 * `squeeze` channels, activation, 1×1 conv back, gate activation, and the gate times the input.
 */
function squeezeExcite(
  b: Builder,
  p: string,
  x: string,
  channels: number,
  squeeze: number,
  act: 'relu' | 'silu',
  gate: 'hardsigmoid' | 'sigmoid',
): string {
  b.add(`${p}.avgpool`, { op: 'adaptive_avgpool2d', output_size: 1 }, x);
  b.conv(`${p}.fc1`, squeeze, 1);
  b.add(`${p}.activation`, { op: act });
  b.conv(`${p}.fc2`, channels, 1);
  const s = b.add(`${p}.scale_activation`, { op: gate });
  return b.add(`${p}.scale`, { op: 'mul' }, [s, x]);
}

/** A conv + BatchNorm (+ activation) block of torchvision's Conv2dNormActivation, ids `p.0`, `p.1`, `p.2`. */
function convBn(
  b: Builder,
  p: string,
  out: number,
  kernel: number,
  o: { stride?: number; groups?: number; act?: 'relu' | 'hardswish' | 'silu' },
): string {
  b.conv(`${p}.0`, out, kernel, {
    stride: o.stride ?? 1,
    padding: (kernel - 1) / 2,
    groups: o.groups ?? 1,
    bias: false,
  });
  const bn = b.add(`${p}.1`, { op: 'batchnorm' });
  return o.act ? b.add(`${p}.2`, { op: o.act }) : bn;
}

/**
 * torchvision mobilenet_v3_small(): a hardswish stem, 11 inverted-residual blocks (kernel,
 * expansion, output, squeeze-and-excitation with a hard-sigmoid gate, ReLU or hardswish, stride),
 * a 1×1 conv to 576 channels, global average pooling and a 576 → 1024 → 1000 classifier.
 */
export function mobilenetV3Small(): ModelSpec {
  const b = new ModelBuilder();
  convBn(b, 'features.0', 16, 3, { stride: 2, act: 'hardswish' });
  // input, kernel, expanded, output, SE, activation, stride
  const blocks: [number, number, number, number, boolean, 'relu' | 'hardswish', number][] = [
    [16, 3, 16, 16, true, 'relu', 2],
    [16, 3, 72, 24, false, 'relu', 2],
    [24, 3, 88, 24, false, 'relu', 1],
    [24, 5, 96, 40, true, 'hardswish', 2],
    [40, 5, 240, 40, true, 'hardswish', 1],
    [40, 5, 240, 40, true, 'hardswish', 1],
    [40, 5, 120, 48, true, 'hardswish', 1],
    [48, 5, 144, 48, true, 'hardswish', 1],
    [48, 5, 288, 96, true, 'hardswish', 2],
    [96, 5, 576, 96, true, 'hardswish', 1],
    [96, 5, 576, 96, true, 'hardswish', 1],
  ];
  blocks.forEach(([inp, k, exp, out, se, act, stride], i) => {
    const p = `features.${i + 1}.block`;
    const x = b.last;
    let j = 0;
    if (exp !== inp) convBn(b, `${p}.${j++}`, exp, 1, { act });
    const y = convBn(b, `${p}.${j++}`, exp, k, { stride, groups: exp, act });
    if (se) squeezeExcite(b, `${p}.${j++}`, y, exp, divisible8(exp / 4), 'relu', 'hardsigmoid');
    const z = convBn(b, `${p}.${j++}`, out, 1, {});
    if (stride === 1 && inp === out) b.add(`features.${i + 1}.add`, { op: 'add' }, [z, x]);
  });
  convBn(b, 'features.12', 576, 1, { act: 'hardswish' });
  b.add('avgpool', { op: 'adaptive_avgpool2d', output_size: 1 });
  b.add('flatten', { op: 'flatten' });
  b.add('classifier.0', { op: 'linear', out_features: 1024 });
  b.add('classifier.1', { op: 'hardswish' });
  b.add('classifier.2', { op: 'dropout', p: 0.2 });
  b.add('classifier.3', { op: 'linear', out_features: 1000 });
  return b.model('mobilenet_v3_small', [3, 224, 224]);
}

/**
 * torchvision efficientnet_b0(): a SiLU stem, 16 MBConv blocks in 7 stages (expansion, kernel,
 * stride, output, repeats), each with squeeze-and-excitation (squeeze to a quarter of the block's
 * input channels, sigmoid gate) and a residual add when the shape allows (stochastic depth is the
 * identity at inference), a 1×1 conv to 1280 channels, global average pooling and the classifier.
 */
export function efficientnetB0(): ModelSpec {
  const b = new ModelBuilder();
  convBn(b, 'features.0', 32, 3, { stride: 2, act: 'silu' });
  const stages: [number, number, number, number, number][] = [
    [1, 3, 1, 16, 1],
    [6, 3, 2, 24, 2],
    [6, 5, 2, 40, 2],
    [6, 3, 2, 80, 3],
    [6, 5, 1, 112, 3],
    [6, 5, 2, 192, 4],
    [6, 3, 1, 320, 1],
  ];
  let inp = 32;
  stages.forEach(([ratio, k, s, out, n], st) => {
    for (let r = 0; r < n; r++) {
      const stride = r === 0 ? s : 1;
      const q = `features.${st + 1}.${r}`;
      const p = `${q}.block`;
      const x = b.last;
      const exp = inp * ratio;
      let j = 0;
      if (exp !== inp) convBn(b, `${p}.${j++}`, exp, 1, { act: 'silu' });
      const y = convBn(b, `${p}.${j++}`, exp, k, { stride, groups: exp, act: 'silu' });
      squeezeExcite(b, `${p}.${j++}`, y, exp, Math.max(1, Math.floor(inp / 4)), 'silu', 'sigmoid');
      convBn(b, `${p}.${j++}`, out, 1, {});
      if (stride === 1 && inp === out) {
        const d = b.add(`${q}.stochastic_depth`, { op: 'identity' });
        b.add(`${q}.add`, { op: 'add' }, [d, x]);
      }
      inp = out;
    }
  });
  convBn(b, 'features.8', 1280, 1, { act: 'silu' });
  b.add('avgpool', { op: 'adaptive_avgpool2d', output_size: 1 });
  b.add('flatten', { op: 'flatten' });
  b.add('classifier.0', { op: 'dropout', p: 0.2 });
  b.add('classifier.1', { op: 'linear', out_features: 1000 });
  return b.model('efficientnet_b0', [3, 224, 224]);
}

import type { Init } from '../../../core/autograd';
import type { InitVarianceConfig } from '../../../core/autograd/init-variance';
import type { ModelSpec } from '../../../core/model/types';
import type { RfLayerSpec } from '../practice/geometry';

/**
 * The examples the lessons work with, in one place: the texts' numbers (`bindings/`) and the widgets
 * that draw them are computed from these, so a text and its picture cannot disagree.
 */

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

const conv = (kernel: number, stride = 1, dilation = 1): RfLayerSpec => ({ kernel, stride, dilation });

/** The 1-D stacks of the receptive-field lessons (input first). */
export const RF_STACKS = {
  /** Three 3-tap convolutions, stride 1. */
  classic: [conv(3), conv(3), conv(3)],
  /** The same with stride 2 in the first layer. */
  strided: [conv(3, 2), conv(3), conv(3)],
  /** Dilations doubling at every layer. */
  dilated: [conv(3, 1, 1), conv(3, 1, 2), conv(3, 1, 4), conv(3, 1, 8)],
  /** The same dilation three times: a field with holes. */
  gridding: [conv(3, 1, 2), conv(3, 1, 2), conv(3, 1, 2)],
  /** Dilations whose steps cover each other: no holes. */
  mixed: [conv(3, 1, 1), conv(3, 1, 2), conv(3, 1, 4)],
} satisfies Record<string, RfLayerSpec[]>;
export type RfStackName = keyof typeof RF_STACKS;

/** Input ranges of the output-size widget: large enough for the lessons' ImageNet-sized examples. */
export const CONV_SLIDER_RANGES = {
  X: [1, 512],
  K: [1, 11],
  P: [0, 10],
  S: [1, 8],
  d: [1, 8],
} as const satisfies Record<string, readonly [number, number]>;

/** The network of the initialisation lesson's widget and numbers. */
export const INIT_NETWORK = { width: 128, depth: 20, samples: 64, seed: 1 } as const;

/** The initialisation schemes the widget offers: N(0, 1), N(0, 0.01²), Xavier and He (normal). */
export const INIT_SCHEMES = {
  large: { kind: 'normal', std: 1 },
  small: { kind: 'normal', std: 0.01 },
  xavier: { kind: 'xavier_normal' },
  he: { kind: 'kaiming_normal' },
} as const satisfies Record<string, Init>;
export type InitSchemeKey = keyof typeof INIT_SCHEMES;

export const INIT_ACTIVATIONS = [
  'tanh',
  'relu',
  'sigmoid',
] as const satisfies readonly InitVarianceConfig['activation'][];

export function initConfig(
  activation: InitVarianceConfig['activation'],
  scheme: InitSchemeKey,
): InitVarianceConfig {
  return { activation, init: INIT_SCHEMES[scheme], ...INIT_NETWORK };
}

/** Depths of the effective-receptive-field widget's 3×3 stacks (its √depth fit). */
export const ERF_DEPTHS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32] as const;

type ErfLayer = ModelSpec['layers'][number];
const erfConv = (id: string, stride = 1, dilation = 1, inputs?: string[]): ErfLayer => ({
  id,
  op: 'conv2d',
  out_channels: 1,
  kernel: 3,
  stride,
  padding: dilation,
  dilation,
  bias: false,
  ...(inputs ? { inputs } : {}),
});
const erfModel = (name: string, size: number, layers: ErfLayer[]): ModelSpec => ({
  format: 'convscope-model',
  version: 1,
  name,
  input: [1, size, size],
  layers,
});

/** A stack of `depth` 3×3 convolutions (stride 1, padding 1) on an image that holds its whole RF. */
export function erfPlainStack(depth: number): ModelSpec {
  const layers = Array.from({ length: depth }, (_, i) => erfConv(`conv${i + 1}`));
  return erfModel(`3x3 stack, depth ${depth}`, 2 * depth + 9, layers);
}

/** The ERF lesson's variants, each on a 40×40 image. */
export const ERF_VARIANTS = {
  /** Eight plain 3×3 convolutions. */
  plain: () => erfPlainStack(8),
  /** A stem convolution, three residual blocks of two 3×3 convolutions, a head: 8 convolutions on the longest path. */
  residual: () => {
    const layers: ErfLayer[] = [erfConv('stem')];
    let last = 'stem';
    for (let b = 1; b <= 3; b++) {
      layers.push(erfConv(`block${b}.conv1`, 1, 1, [last]), erfConv(`block${b}.conv2`));
      layers.push({ id: `block${b}.add`, op: 'add', inputs: [`block${b}.conv2`, last] });
      last = `block${b}.add`;
    }
    layers.push(erfConv('head'));
    return erfModel('residual', 2 * 8 + 9, layers);
  },
  /** Dilations 1, 2, 4, 8. */
  dilated: () =>
    erfModel(
      'dilated',
      40,
      [1, 2, 4, 8].map((d, i) => erfConv(`conv${i + 1}`, 1, d)),
    ),
  /** Stride 2 in the first two of four layers. */
  strided: () =>
    erfModel(
      'strided',
      40,
      [2, 2, 1, 1].map((s, i) => erfConv(`conv${i + 1}`, s)),
    ),
  /** Dilation 2 three times: gridding. */
  gridding: () =>
    erfModel(
      'gridding',
      24,
      [2, 2, 2].map((d, i) => erfConv(`conv${i + 1}`, 1, d)),
    ),
} satisfies Record<string, () => ModelSpec>;
export type ErfVariant = keyof typeof ERF_VARIANTS;

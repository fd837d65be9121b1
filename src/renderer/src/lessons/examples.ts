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

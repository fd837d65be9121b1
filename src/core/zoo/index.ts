import type { ModelSpec } from '../model/types';
import { ModelBuilder } from './builder';
import { alexnet, lenet5, vgg } from './classic';
import { efficientnetB0, mobilenetV3Small } from './efficient';
import { googlenet } from './googlenet';
import { mobilenetV1, mobilenetV2, squeezenet11 } from './mobile';
import { resnet } from './resnet';
import { recurrentLm, unetSmall, vitB16 } from './sequence';

export { ModelBuilder } from './builder';
export type { LayerBody } from './builder';
export { callId } from './resnet';

export interface ZooEntry {
  name: string;
  title: string;
  description: string;
}

/** Three stacked 3×3 convolutions, stride 1: the classic example whose receptive field is 7. */
function rfThreeConv3(): ModelSpec {
  const b = new ModelBuilder();
  for (let i = 0; i < 3; i++) {
    b.conv(`conv${i + 1}`, 4, 3, { padding: 1 });
    b.add(`relu${i + 1}`, { op: 'relu' });
  }
  return b.model('rf_three_conv3', [3, 16, 16]);
}

/** 3×3 convolutions with dilations 1, 2, 4, 8 (padding = dilation): RF 31 with only four layers. */
function rfDilatedStack(): ModelSpec {
  const b = new ModelBuilder();
  [1, 2, 4, 8].forEach((d, i) => {
    b.conv(`conv${i + 1}`, 4, 3, { padding: d, dilation: d });
    b.add(`relu${i + 1}`, { op: 'relu' });
  });
  return b.model('rf_dilated_stack', [3, 33, 33]);
}

const ZOO: (ZooEntry & { build: () => ModelSpec })[] = [
  {
    name: 'lenet5',
    title: 'LeNet-5',
    description:
      'LeCun et al. 1998: two 5×5 conv + tanh + average-pool stages and three linear layers, 1×32×32 input.',
    build: lenet5,
  },
  {
    name: 'alexnet',
    title: 'AlexNet',
    description:
      'torchvision alexnet: five convolutions (11×11 stride 4 first), three max pools, adaptive 6×6 pool, three linear layers.',
    build: alexnet,
  },
  {
    name: 'vgg11',
    title: 'VGG-11',
    description: 'torchvision vgg11 (configuration A): 8 conv 3×3 + 3 linear layers.',
    build: () => vgg('vgg11', 'A', false),
  },
  {
    name: 'vgg16',
    title: 'VGG-16',
    description: 'torchvision vgg16 (configuration D): 13 conv 3×3 + 3 linear layers.',
    build: () => vgg('vgg16', 'D', false),
  },
  {
    name: 'vgg19_bn',
    title: 'VGG-19 with BatchNorm',
    description:
      'torchvision vgg19_bn (configuration E): 16 conv 3×3 each followed by BatchNorm, 3 linear layers.',
    build: () => vgg('vgg19_bn', 'E', true),
  },
  {
    name: 'resnet18',
    title: 'ResNet-18',
    description: 'torchvision resnet18: BasicBlocks [2, 2, 2, 2].',
    build: () => resnet('resnet18', 'basic', [2, 2, 2, 2]),
  },
  {
    name: 'resnet34',
    title: 'ResNet-34',
    description: 'torchvision resnet34: BasicBlocks [3, 4, 6, 3].',
    build: () => resnet('resnet34', 'basic', [3, 4, 6, 3]),
  },
  {
    name: 'resnet50',
    title: 'ResNet-50',
    description: 'torchvision resnet50 (v1.5, stride on the 3×3 conv): Bottlenecks [3, 4, 6, 3].',
    build: () => resnet('resnet50', 'bottleneck', [3, 4, 6, 3]),
  },
  {
    name: 'resnet101',
    title: 'ResNet-101',
    description: 'torchvision resnet101 (v1.5): Bottlenecks [3, 4, 23, 3].',
    build: () => resnet('resnet101', 'bottleneck', [3, 4, 23, 3]),
  },
  {
    name: 'resnet152',
    title: 'ResNet-152',
    description: 'torchvision resnet152 (v1.5): Bottlenecks [3, 8, 36, 3].',
    build: () => resnet('resnet152', 'bottleneck', [3, 8, 36, 3]),
  },
  {
    name: 'googlenet',
    title: 'GoogLeNet (Inception v1)',
    description:
      'torchvision googlenet in eval mode: nine Inception blocks, BatchNorm, aux classifiers off, the 3×3 "5×5" branch.',
    build: googlenet,
  },
  {
    name: 'mobilenet_v1',
    title: 'MobileNet v1',
    description: 'Howard et al. 2017 (paper, width 1.0): 13 depthwise-separable blocks.',
    build: mobilenetV1,
  },
  {
    name: 'mobilenet_v2',
    title: 'MobileNet v2',
    description: 'torchvision mobilenet_v2: inverted residual blocks with linear bottlenecks and ReLU6.',
    build: mobilenetV2,
  },
  {
    name: 'squeezenet1_1',
    title: 'SqueezeNet 1.1',
    description: 'torchvision squeezenet1_1: Fire modules, ceil-mode max pools, 1×1 conv classifier.',
    build: squeezenet11,
  },
  {
    name: 'mobilenet_v3_small',
    title: 'MobileNet v3 Small',
    description:
      'torchvision mobilenet_v3_small: inverted residuals with squeeze-and-excitation (hard-sigmoid gate), ReLU and hardswish.',
    build: mobilenetV3Small,
  },
  {
    name: 'efficientnet_b0',
    title: 'EfficientNet-B0',
    description:
      'torchvision efficientnet_b0: 16 MBConv blocks with squeeze-and-excitation and SiLU; stochastic depth is the identity at inference.',
    build: efficientnetB0,
  },
  {
    name: 'vit_b_16',
    title: 'Vision Transformer ViT-B/16',
    description:
      'torchvision vit_b_16: 16×16 patches as 196 tokens + class token, 12 encoder blocks of 12-head self-attention and a 3072-wide MLP.',
    build: vitB16,
  },
  {
    name: 'unet_small',
    title: 'Small U-Net',
    description:
      'An encoder-decoder for 1×64×64 segmentation: max-pool down, transposed convolution and bilinear upsampling up, skip connections concatenated.',
    build: unetSmall,
  },
  {
    name: 'lstm_lm',
    title: 'LSTM language model',
    description:
      '35 token ids → embedding 10,000 × 256 → two-layer LSTM of 512 → decoder to 10,000 words at every step.',
    build: () => recurrentLm('lstm'),
  },
  {
    name: 'gru_lm',
    title: 'GRU language model',
    description:
      '35 token ids → embedding 10,000 × 256 → two-layer GRU of 512 → decoder to 10,000 words at every step.',
    build: () => recurrentLm('gru'),
  },
  {
    name: 'rf_three_conv3',
    title: 'Three stacked 3×3 convolutions',
    description:
      'The classic receptive-field example: three 3×3 convolutions with stride 1 see 7×7 input pixels.',
    build: rfThreeConv3,
  },
  {
    name: 'rf_dilated_stack',
    title: 'Dilated stack (1, 2, 4, 8)',
    description:
      'Four 3×3 convolutions with dilations 1, 2, 4 and 8: the receptive field grows to 31 with four layers.',
    build: rfDilatedStack,
  },
];

/** Names, titles and one-line descriptions of the built-in models, in teaching order. */
export function listZoo(): ZooEntry[] {
  return ZOO.map(({ name, title, description }) => ({ name, title, description }));
}

/** A fresh copy of a zoo model (callers may edit it), or undefined for an unknown name. */
export function getZooModel(name: string): ModelSpec | undefined {
  const entry = ZOO.find((e) => e.name === name);
  if (!entry) return undefined;
  const model = entry.build();
  return { ...model, description: entry.description };
}

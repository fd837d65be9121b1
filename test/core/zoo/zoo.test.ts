import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel, listZoo, validateModel } from '../../../src/core';

const NAMES = [
  'lenet5',
  'alexnet',
  'vgg11',
  'vgg16',
  'vgg19_bn',
  'resnet18',
  'resnet34',
  'resnet50',
  'resnet101',
  'resnet152',
  'googlenet',
  'mobilenet_v1',
  'mobilenet_v2',
  'squeezenet1_1',
  'mobilenet_v3_small',
  'efficientnet_b0',
  'vit_b_16',
  'unet_small',
  'lstm_lm',
  'gru_lm',
  'rf_three_conv3',
  'rf_dilated_stack',
];

describe('model zoo', () => {
  it('lists exactly the documented names with titles and descriptions', () => {
    const list = listZoo();
    expect(list.map((z) => z.name)).toEqual(NAMES);
    for (const z of list) {
      expect(z.title.length).toBeGreaterThan(0);
      expect(z.description.length).toBeGreaterThan(10);
    }
    expect(getZooModel('resnet9000')).toBeUndefined();
  });

  it.each(NAMES)('%s survives a JSON round trip through the validator and analyses', (name) => {
    const m = getZooModel(name);
    expect(m).toBeDefined();
    const v = validateModel(JSON.parse(JSON.stringify(m)));
    expect(v.ok ? [] : v.errors).toEqual([]);
    if (!v.ok) return;
    const a = analyzeModel(v.model);
    expect(a.layers).toHaveLength(m!.layers.length);
    expect(a.totals.params).toBeGreaterThan(0);
    expect(Number.isSafeInteger(a.totals.flops)).toBe(true);
  });

  it('returns a fresh copy each time (editing one does not change the zoo)', () => {
    const a = getZooModel('lenet5')!;
    a.layers.pop();
    expect(getZooModel('lenet5')!.layers.length).toBe(a.layers.length + 1);
  });

  it('reproduces the totals the project promises (issue figures, torchvision metadata)', () => {
    // Figures quoted in the analysis-core specification and torchvision's model cards.
    const r50 = analyzeModel(getZooModel('resnet50')!);
    expect([r50.totals.params, r50.totals.macs]).toEqual([25_557_032, 4_089_184_256]);
    const v16 = analyzeModel(getZooModel('vgg16')!);
    expect([v16.totals.params, v16.totals.macs]).toEqual([138_357_544, 15_470_264_320]);
    const mb2 = analyzeModel(getZooModel('mobilenet_v2')!);
    expect([mb2.totals.params, mb2.totals.macs]).toEqual([3_504_872, 300_774_272]);
    // torchvision weight metadata (num_params; "GFLOPS" there are GMACs rounded to 2 decimals).
    const meta: [string, number, number][] = [
      ['vgg11', 132_863_336, 7.61],
      ['vgg19_bn', 143_678_248, 19.63],
      ['resnet34', 21_797_672, 3.66],
      ['resnet101', 44_549_160, 7.8],
      ['resnet152', 60_192_808, 11.51],
      ['googlenet', 6_624_904, 1.5],
      ['squeezenet1_1', 1_235_496, 0.35],
    ];
    for (const [name, params, gmacs] of meta) {
      const a = analyzeModel(getZooModel(name)!);
      expect(a.totals.params, name).toBe(params);
      expect(Math.round(a.totals.macs / 1e7) / 100, name).toBe(gmacs);
    }
  });

  it('MobileNet v1 matches the paper (4.2 M params, 569 M mult-adds) and LeNet-5 its hand count', () => {
    const m = analyzeModel(getZooModel('mobilenet_v1')!);
    expect(Math.round(m.totals.params / 1e5) / 10).toBe(4.2);
    expect(Math.round(m.totals.macs / 1e6)).toBe(569);
    // LeNet-5: conv1 6·(25+1)=156, conv2 16·(6·25+1)=2416, fc 120·401=48120, 84·121=10164, 10·85=850.
    expect(analyzeModel(getZooModel('lenet5')!).totals.params).toBe(156 + 2416 + 48120 + 10164 + 850);
  });

  it('receptive fields of the published nets: AlexNet 195 / 32 and VGG-16 212 / 32 at pool5', () => {
    const rfAt = (name: string, id: string) =>
      analyzeModel(getZooModel(name)!).layers.find((l) => l.id === id)!.rf;
    expect(rfAt('alexnet', 'features.12')).toMatchObject({ size: [195, 195], jump: [32, 32] });
    expect(rfAt('vgg16', 'features.30')).toMatchObject({ size: [212, 212], jump: [32, 32] });
  });

  it('GoogLeNet follows torchvision: ceil-mode pools to 56, 28, 14, 7 and 1024 channels before fc', () => {
    const a = analyzeModel(getZooModel('googlenet')!);
    const shape = (id: string) => a.layers.find((l) => l.id === id)!.outputShape;
    expect(shape('maxpool1')).toEqual([64, 56, 56]);
    expect(shape('maxpool2')).toEqual([192, 28, 28]);
    expect(shape('inception3a.cat')).toEqual([256, 28, 28]);
    expect(shape('maxpool4')).toEqual([832, 7, 7]);
    expect(shape('inception5b.cat')).toEqual([1024, 7, 7]);
    // The "5×5" branch of torchvision is a 3×3 convolution.
    const b3 = getZooModel('googlenet')!.layers.find((l) => l.id === 'inception3a.branch3.1.conv');
    expect(b3).toMatchObject({ op: 'conv2d', kernel: 3 });
  });

  it('SqueezeNet 1.1 uses ceil_mode pools: 111 → 55 → 27 → 13', () => {
    const a = analyzeModel(getZooModel('squeezenet1_1')!);
    const shape = (id: string) => a.layers.find((l) => l.id === id)!.outputShape;
    expect(shape('features.0')).toEqual([64, 111, 111]);
    expect(shape('features.2')).toEqual([64, 55, 55]);
    expect(shape('features.5')).toEqual([128, 27, 27]);
    expect(shape('features.8')).toEqual([256, 13, 13]);
    expect(a.outputShape).toEqual([1000]);
  });
});

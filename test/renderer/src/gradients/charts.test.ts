import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import type { MlpExperimentResult } from '../../../../src/core/autograd';
import { gradNormOption, type ChartLabels } from '../../../../src/renderer/src/gradients/charts';
import en from '../../../../src/renderer/src/locales/en';
import zhCN from '../../../../src/renderer/src/locales/zh-CN';

/** The Gradient Lab's per-layer chart names its two lines by their step, as each language says it. */
function labels(locale: 'en' | 'zh-CN'): ChartLabels {
  const i18n = createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } });
  const t = i18n.global.t;
  const axes = [
    'layer',
    'gradNorm',
    'step',
    'loss',
    'accuracy',
    'activation',
    't',
    'lossGrad',
    'class0',
    'class1',
  ];
  return {
    ...(Object.fromEntries(axes.map((k) => [k, t(`gradients.axes.${k}`)])) as Omit<
      ChartLabels,
      'first' | 'latest'
    >),
    first: (step) => t('gradients.axes.first', { step }),
    latest: (step) => t('gradients.axes.latest', { step }),
  };
}

const run = {
  layers: [
    { step: 1, log10Grad: [-3, -2, -1] },
    { step: 200, log10Grad: [-4, -2, -0.5] },
  ],
} as unknown as MlpExperimentResult;

describe('gradient norm chart', () => {
  it('names its lines by step: 第 1 步 / 第 200 步（最新）, step 1 / step 200 (latest)', () => {
    const names = (locale: 'en' | 'zh-CN') =>
      (gradNormOption(run, 'light', labels(locale)) as { series: { name: string }[] }).series.map(
        (s) => s.name,
      );
    expect(names('zh-CN')).toEqual(['第 1 步', '第 200 步（最新）']);
    expect(names('en')).toEqual(['step 1', 'step 200 (latest)']);
  });
});

import type { LessonId } from '../catalog';
import type { LessonText } from '../types';
import enOutputSize from './en/output-size';
import enLayerComplexity from './en/layer-complexity';
import enNetworkComplexity from './en/network-complexity';
import enSpaceComplexity from './en/space-complexity';
import enReceptiveField from './en/receptive-field';
import enDilated from './en/dilated-convolution';
import enMultiScale from './en/multi-scale';
import enInitialisation from './en/initialisation';
import enVanishing from './en/vanishing-gradients';
import enExploding from './en/exploding-gradients';
import enRemedies from './en/remedies';
import zhOutputSize from './zh-CN/output-size';
import zhLayerComplexity from './zh-CN/layer-complexity';
import zhNetworkComplexity from './zh-CN/network-complexity';
import zhSpaceComplexity from './zh-CN/space-complexity';
import zhReceptiveField from './zh-CN/receptive-field';
import zhDilated from './zh-CN/dilated-convolution';
import zhMultiScale from './zh-CN/multi-scale';
import zhInitialisation from './zh-CN/initialisation';
import zhVanishing from './zh-CN/vanishing-gradients';
import zhExploding from './zh-CN/exploding-gradients';
import zhRemedies from './zh-CN/remedies';

export type ContentLocale = 'en' | 'zh-CN';

/** Every lesson's text per language; both languages have the same sections and widgets (tested). */
export const CONTENT: Record<ContentLocale, Record<LessonId, LessonText>> = {
  en: {
    'output-size': enOutputSize,
    'layer-complexity': enLayerComplexity,
    'network-complexity': enNetworkComplexity,
    'space-complexity': enSpaceComplexity,
    'receptive-field': enReceptiveField,
    'dilated-convolution': enDilated,
    'multi-scale': enMultiScale,
    initialisation: enInitialisation,
    'vanishing-gradients': enVanishing,
    'exploding-gradients': enExploding,
    remedies: enRemedies,
  },
  'zh-CN': {
    'output-size': zhOutputSize,
    'layer-complexity': zhLayerComplexity,
    'network-complexity': zhNetworkComplexity,
    'space-complexity': zhSpaceComplexity,
    'receptive-field': zhReceptiveField,
    'dilated-convolution': zhDilated,
    'multi-scale': zhMultiScale,
    initialisation: zhInitialisation,
    'vanishing-gradients': zhVanishing,
    'exploding-gradients': zhExploding,
    remedies: zhRemedies,
  },
};

export function lessonText(id: LessonId, locale: string): LessonText {
  return CONTENT[locale === 'zh-CN' ? 'zh-CN' : 'en'][id];
}

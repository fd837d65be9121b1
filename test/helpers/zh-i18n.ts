import { createI18n } from 'vue-i18n';
import en from '../../src/renderer/src/locales/en';
import zhCN from '../../src/renderer/src/locales/zh-CN';

/**
 * The app's vue-i18n set to Chinese with English as fallback, quiet about keys it falls back for, and
 * its `t` in the shape the renderer's translators take (named parameters, an optional plural count).
 */
export function zhI18n() {
  const i18n = createI18n({
    legacy: false,
    locale: 'zh-CN',
    fallbackLocale: 'en',
    missingWarn: false,
    fallbackWarn: false,
    messages: { en, 'zh-CN': zhCN },
  });
  const t = (key: string, params?: Record<string, unknown>, plural?: number) =>
    plural === undefined ? i18n.global.t(key, params ?? {}) : i18n.global.t(key, params ?? {}, plural);
  return { i18n, t };
}

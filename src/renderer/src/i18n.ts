import { createI18n } from 'vue-i18n';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import type { Messages } from './locales/en';

export const i18n = createI18n<[Messages], 'en' | 'zh-CN', false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en, 'zh-CN': zhCN },
});

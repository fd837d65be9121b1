import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { watchA11y } from './a11y';
import { loadLocale, loadTheme } from './appearance';
import { i18n } from './i18n';
import { resolveLocale, resolveTheme } from './preferences';
import { router } from './router';
import { useSettingsStore } from './stores/settings';
import { currentLanguages, darkSchemeQuery } from './system';
import './styles.css';

const app = createApp(App);
app.use(createPinia());
app.use(router);
app.use(i18n);

// Mount once the saved theme and language are known and what they need is loaded (Chinese and the dark
// theme are chunks of their own), so the first paint is already the right one. A failed load is not
// fatal: the app starts with the system defaults and shows the backend's message.
const settings = useSettingsStore();
void settings
  .load()
  .then(() =>
    Promise.all([
      loadLocale(resolveLocale(settings.locale, currentLanguages())),
      loadTheme(resolveTheme(settings.theme, darkSchemeQuery().matches)),
    ]),
  )
  .finally(() => {
    app.mount('#app');
    const t = i18n.global.t;
    watchA11y(document.body, () => ({
      decrease: t('common.decrease'),
      increase: t('common.increase'),
    }));
  });

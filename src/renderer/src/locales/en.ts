import shell from './en/shell';
import counting from './en/counting';
import designs from './en/designs';
import practice from './en/practice';
import progress from './en/progress';
import gradients from './en/gradients';
import home from './en/home';
import lessons from './en/lessons';
import ops from './en/ops';
import grading from './en/grading';
import modelErrors from './en/model-errors';
import warnings from './en/warnings';
/**
 * Every string the interface shows. zh-CN.ts must have exactly the same keys (a unit test checks).
 * vue-i18n treats { } @ $ | as syntax: keep them out of the texts except for named placeholders.
 */
const en = {
  ...shell,
  ...home,
  ...lessons,
  ...practice,
  ...gradients,
  ...progress,
  ...designs,
  ...counting,
  ...ops,
  ...grading,
  ...warnings,
  ...modelErrors,
  settings: {
    title: 'Settings',
    subtitle: 'Appearance and language. A change applies at once and is saved for next time.',
    theme: 'Theme',
    themeHelp: 'System follows the light or dark setting of your operating system, and changes with it.',
    themeSystem: 'System',
    themeLight: 'Light',
    themeDark: 'Dark',
    language: 'Language',
    languageHelp:
      'System uses the language of your operating system when ConvScope has it, English otherwise.',
    languageSystem: 'System',
    languageEn: 'English',
    languageZh: '简体中文',
    saveError: 'The setting could not be saved: {message}',
  },
};

export type Messages = typeof en;
export default en;

import type { Messages } from './en';
import counting from './zh-CN/counting';
import designs from './zh-CN/designs';
import practice from './zh-CN/practice';
import progress from './zh-CN/progress';
import gradients from './zh-CN/gradients';
import home from './zh-CN/home';
import lessons from './zh-CN/lessons';
import ops from './zh-CN/ops';
import grading from './zh-CN/grading';
import modelErrors from './zh-CN/model-errors';
import warnings from './zh-CN/warnings';

/** Simplified Chinese. Same keys as en.ts (a unit test checks). */
const zhCN: Messages = {
  app: {
    name: 'ConvScope',
    tagline: '卷积神经网络的复杂度',
    backendError: '无法加载设置：{message}',
    navLabel: '主导航',
  },
  nav: {
    home: '首页',
    lessons: '课程',
    practice: '练习',
    designs: '网络设计',
    gradients: '梯度实验室',
    progress: '学习进度',
    settings: '设置',
  },
  common: {
    cancel: '取消',
    retry: '重试',
    inPreparation: '筹备中',
    decrease: '减小',
    caption: '{title}。{help}',
    increase: '增大',
  },
  placeholder: {
    note: '此部分尚未完成。保留此页面是为了让导航、主题和语言切换已经可以完整使用。',
  },
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
    title: '设置',
    subtitle: '外观与语言。更改会立即生效，下次启动仍然保留。',
    theme: '主题',
    themeHelp: '“跟随系统”会使用操作系统的浅色或深色设置，并随之自动切换。',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
    language: '语言',
    languageHelp: '“跟随系统”：若支持系统语言则使用之，否则显示英文。',
    languageSystem: '跟随系统',
    languageEn: 'English',
    languageZh: '简体中文',
    saveError: '无法保存设置：{message}',
  },
};

export default zhCN;

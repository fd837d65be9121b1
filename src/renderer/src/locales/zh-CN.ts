import type { Messages } from './en';

/** Simplified Chinese. Same keys as en.ts (a unit test checks). */
const zhCN: Messages = {
  app: {
    name: 'ConvScope',
    tagline: '卷积神经网络的复杂度',
    loading: '加载中…',
    backendError: '无法加载设置：{message}',
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
    available: '可用',
  },
  home: {
    title: '欢迎使用 ConvScope',
    intro:
      '一个研究卷积网络开销的学习实验室：输出尺寸、参数量、MAC 与 FLOP、内存、感受野，以及梯度如何随深度消失或爆炸。',
    sections: {
      lessons: '从单个卷积到完整网络架构的循序渐进课程。',
      practice: '根据真实网络层生成的练习题，并对答错的题目进行间隔复习。',
      designs: '将网络设计保存为 JSON 模型，并逐层分析。',
      gradients: '观察梯度范数在深层网络中的变化，看看归一化和残差连接带来的影响。',
      progress: '已访问和已完成的课程、练习成绩以及待复习的卡片。',
    },
    open: '打开',
  },
  placeholder: {
    note: '此部分尚未完成。保留此页面是为了让导航、主题和语言切换已经可以完整使用。',
  },
  lessons: {
    title: '课程',
    planned:
      '课程将从单个卷积的输出尺寸公式讲起，一直到整个网络的参数量、MAC 和内存预算，并由分析核心实时计算示例。',
  },
  practice: {
    title: '练习',
    planned: '练习将根据真实的层配置（输出形状、参数量、FLOP、感受野）生成题目，并安排对答错题目的复习。',
  },
  gradients: {
    title: '梯度实验室',
    planned: '梯度实验室将针对所选的深度、初始化方式和激活函数逐层绘制梯度范数，展示梯度何时消失或爆炸。',
  },
  progress: {
    title: '学习进度',
    lessonsVisited: '已访问课程',
    lessonsCompleted: '已完成课程',
    attempts: '练习作答次数',
    correct: '答对次数',
    reviewsDue: '待复习',
    loadError: '无法加载学习进度：{message}',
    note: '课程和练习上线后，这里将显示你的学习进度随时间变化的图表。',
  },
  designs: {
    title: '网络设计',
    subtitle: '已保存的网络架构，以 ConvScope JSON 模型的形式存储。',
    new: '新建设计',
    empty: '还没有设计。可以从 JSON 模型新建一个。',
    loadError: '无法加载设计列表：{message}',
    columns: {
      name: '名称',
      updated: '更新时间',
      actions: '操作',
    },
    rename: '重命名',
    delete: '删除',
    createTitle: '新建设计',
    nameLabel: '名称',
    namePlaceholder: '例如：小型 CNN',
    modelLabel: '模型（JSON）',
    modelHelp: 'ConvScope 模型：包含格式、版本、输入形状和层列表。',
    create: '创建',
    nameRequired: '请输入名称。',
    invalidJson: '模型不是有效的 JSON：{detail}',
    notAnObject: '模型必须是一个 JSON 对象（参照示例），而不是{kind}。',
    renameTitle: '重命名设计',
    save: '保存',
    deleteTitle: '删除设计',
    deleteConfirm: '确定删除“{name}”吗？此操作无法撤销。',
    deleteAction: '删除',
    created: '已创建设计“{name}”。',
    deleted: '已删除设计“{name}”。',
    kinds: {
      array: '数组',
      string: '字符串',
      number: '数字',
      boolean: '布尔值',
      null: 'null',
    },
  },
  settings: {
    title: '设置',
    subtitle: '外观与语言。更改会立即生效，并保存到下次使用。',
    theme: '主题',
    themeHelp: '“跟随系统”会使用操作系统的浅色或深色设置，并随之自动切换。',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
    language: '语言',
    languageHelp: '“跟随系统”会在 ConvScope 支持时使用操作系统的语言，否则使用英语。',
    languageSystem: '跟随系统',
    languageEn: 'English',
    languageZh: '简体中文',
    saveError: '无法保存设置：{message}',
  },
};

export default zhCN;

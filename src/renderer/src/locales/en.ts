/**
 * Every string the interface shows. zh-CN.ts must have exactly the same keys (a unit test checks).
 * vue-i18n treats { } @ $ | as syntax: keep them out of the texts except for named placeholders.
 */
const en = {
  app: {
    name: 'ConvScope',
    tagline: 'Complexity of convolutional networks',
    loading: 'Loading…',
    backendError: 'The settings could not be loaded: {message}',
  },
  nav: {
    home: 'Home',
    lessons: 'Lessons',
    practice: 'Practice',
    designs: 'Designs',
    gradients: 'Gradient Lab',
    progress: 'Progress',
    settings: 'Settings',
  },
  common: {
    cancel: 'Cancel',
    retry: 'Retry',
    inPreparation: 'In preparation',
    available: 'Available',
  },
  home: {
    title: 'Welcome to ConvScope',
    intro:
      'A study lab for what convolutional networks cost: output sizes, parameters, MACs and FLOPs, memory, receptive fields, and how gradients vanish or explode with depth.',
    sections: {
      lessons: 'Step-by-step lessons from a single convolution to whole architectures.',
      practice: 'Exercises generated from real layers, with spaced review of what you got wrong.',
      designs: 'Save network designs as JSON models and analyse them layer by layer.',
      gradients: 'Watch gradient norms through deep stacks and see what normalisation and skips change.',
      progress: 'Lessons visited and completed, practice results and reviews due.',
    },
    open: 'Open',
  },
  placeholder: {
    note: 'This section is not built yet. The page is here so that navigation, theme and language already work end to end.',
  },
  lessons: {
    title: 'Lessons',
    planned:
      'Lessons will walk from the output-size formula of one convolution to the parameter, MAC and memory budgets of whole networks, with worked examples computed live by the analysis core.',
  },
  practice: {
    title: 'Practice',
    planned:
      'Practice will generate questions from real layer configurations (output shapes, parameter counts, FLOPs, receptive fields) and schedule reviews of missed ones.',
  },
  gradients: {
    title: 'Gradient Lab',
    planned:
      'The Gradient Lab will plot gradient norms layer by layer for a chosen depth, initialisation and activation, showing when gradients vanish or explode.',
  },
  progress: {
    title: 'Progress',
    lessonsVisited: 'Lessons visited',
    lessonsCompleted: 'Lessons completed',
    attempts: 'Practice answers',
    correct: 'Correct answers',
    reviewsDue: 'Reviews due',
    loadError: 'Progress could not be loaded: {message}',
    note: 'Charts of your progress over time will appear here once lessons and practice are available.',
  },
  designs: {
    title: 'Designs',
    subtitle: 'Saved network architectures, stored as ConvScope JSON models.',
    new: 'New design',
    empty: 'No designs yet. Create one from a JSON model.',
    loadError: 'The designs could not be loaded: {message}',
    columns: {
      name: 'Name',
      updated: 'Updated',
      actions: 'Actions',
    },
    rename: 'Rename',
    delete: 'Delete',
    createTitle: 'New design',
    nameLabel: 'Name',
    namePlaceholder: 'e.g. Tiny CNN',
    modelLabel: 'Model (JSON)',
    modelHelp: 'A ConvScope model: format, version, input shape and a list of layers.',
    create: 'Create',
    nameRequired: 'Please enter a name.',
    invalidJson: 'The model is not valid JSON: {detail}',
    notAnObject: 'The model must be a JSON object, like the example, not {kind}.',
    renameTitle: 'Rename design',
    save: 'Save',
    deleteTitle: 'Delete design',
    deleteConfirm: 'Delete “{name}”? This cannot be undone.',
    deleteAction: 'Delete',
    created: 'Design “{name}” created.',
    deleted: 'Design “{name}” deleted.',
    kinds: {
      array: 'an array',
      string: 'a string',
      number: 'a number',
      boolean: 'true or false',
      null: 'null',
    },
  },
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

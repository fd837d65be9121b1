/**
 * The messages of the app's frame (brand, navigation, common controls): the only English in the entry
 * chunk. The rest of en.ts is loaded before the first page is shown ({@link loadMessages} in i18n.ts).
 */
export default {
  app: {
    name: 'ConvScope',
    tagline: 'Complexity of convolutional networks',
    backendError: 'The settings could not be loaded: {message}',
    navLabel: 'Main navigation',
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
    decrease: 'Decrease',
    increase: 'Increase',
    /** A figure's caption: its title, then what to do with it. */
    caption: '{title}. {help}',
  },
  placeholder: {
    note: 'This section is not built yet. The page is here so that navigation, theme and language already work end to end.',
  },
};

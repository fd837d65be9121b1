/** The Home page. */
export default {
  home: {
    title: 'Welcome to ConvScope',
    intro:
      'A study lab for what convolutional networks cost: output sizes, parameters, MACs and FLOPs, memory, receptive fields, and how gradients vanish or explode with depth.',
    continue: {
      title: 'Continue learning',
      at: 'You stopped at “{section}”.',
      done: '{done} of {total} lessons completed',
      allDone: 'You have completed every lesson. Practice keeps it fresh.',
      resume: 'Continue the lesson',
      start: 'Start the lesson',
      path: 'All lessons',
    },
    reviews: {
      title: 'Reviews due today',
      due: 'Questions you missed and skills to refresh, scheduled for today.',
      none: 'Nothing to review today.',
      start: 'Start reviewing',
    },
    streak: {
      title: 'Streak',
      days: 'days in a row with practice or a lesson',
    },
    designs: {
      title: 'Recent designs',
      empty: 'No saved designs yet.',
      open: 'Open designs',
    },
  },
};

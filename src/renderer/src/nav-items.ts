/** The navigation order, shared by the router and the side menu. */
export const NAV_ITEMS = [
  { name: 'home', path: '/' },
  { name: 'lessons', path: '/lessons' },
  { name: 'practice', path: '/practice' },
  { name: 'designs', path: '/designs' },
  { name: 'gradients', path: '/gradients' },
  { name: 'progress', path: '/progress' },
  { name: 'settings', path: '/settings' },
] as const;

export type NavName = (typeof NAV_ITEMS)[number]['name'];

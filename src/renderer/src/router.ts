import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

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

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./pages/HomePage.vue') },
  // The path of lessons, or one lesson: /lessons/<id>.
  { path: '/lessons/:id?', name: 'lessons', component: () => import('./pages/LessonsPage.vue') },
  { path: '/practice', name: 'practice', component: () => import('./pages/PracticePage.vue') },
  { path: '/designs', name: 'designs', component: () => import('./pages/DesignsPage.vue') },
  { path: '/gradients', name: 'gradients', component: () => import('./pages/GradientsPage.vue') },
  { path: '/progress', name: 'progress', component: () => import('./pages/ProgressPage.vue') },
  { path: '/settings', name: 'settings', component: () => import('./pages/SettingsPage.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

/** Hash history: the same URLs work from Electron's file/custom protocol and from the web server. */
export const router = createRouter({ history: createWebHashHistory(), routes });

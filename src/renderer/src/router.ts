import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { loadMessages } from './i18n';

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

// Pages speak through every message (the frame paints with its own, ./i18n.ts): the messages load
// while the page's chunks do, and the page is shown when both are there.
router.beforeEach(() => void loadMessages());
router.beforeResolve(() => loadMessages());

import type { Routes } from '@angular/router';

export default [
  {
    path: ':idOrNumber',
    title: 'title.appeal',
    loadComponent: () => import('./appeal-card.page').then((m) => m.AppealCardPage),
  },
  { path: '', pathMatch: 'full', redirectTo: '/queue' },
] satisfies Routes;

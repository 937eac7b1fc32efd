import type { Routes } from '@angular/router';

export default [
  {
    path: ':idOrNumber',
    title: 'title.appeal',
    loadComponent: () => import('./appeal-card.page').then((m) => m.AppealCardPage),
    // Typed answer text that was not sent is not left behind without a question.
    canDeactivate: [(card: { canLeave(): boolean }) => card.canLeave()],
  },
  { path: '', pathMatch: 'full', redirectTo: '/queue' },
] satisfies Routes;

import type { Routes } from '@angular/router';

export default [
  { path: '', pathMatch: 'full', redirectTo: 'alerts' },
  {
    path: 'alerts',
    title: 'title.auditAlerts',
    loadComponent: () => import('./alerts.page').then((m) => m.AuditAlertsPage),
  },
] satisfies Routes;

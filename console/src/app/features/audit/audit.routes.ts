import type { Routes } from '@angular/router';

export default [
  { path: '', pathMatch: 'full', redirectTo: 'alerts' },
  {
    path: 'alerts',
    title: 'title.auditAlerts',
    loadComponent: () => import('./alerts.page').then((m) => m.AuditAlertsPage),
  },
  {
    path: 'log',
    title: 'title.auditLog',
    loadComponent: () => import('./audit-log.page').then((m) => m.AuditLogPage),
  },
  {
    path: 'personal-data-access',
    title: 'title.pdAccess',
    loadComponent: () => import('./personal-data-access.page').then((m) => m.PersonalDataAccessPage),
  },
] satisfies Routes;

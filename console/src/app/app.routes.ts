import type { Routes } from '@angular/router';
import { adminOrSupervisorGuard, adminRoleGuard, auditRoleGuard, consoleRoleGuard, reportsRoleGuard, signedInGuard, signedOutGuard } from './core/auth/auth.guards';

export const routes: Routes = [
  {
    path: 'login',
    title: 'title.login',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./core/auth/login.page').then((m) => m.LoginPage),
  },
  {
    // An e-mailed one-time link (invitation or password reset): signed in or not.
    path: 'account-link',
    title: 'title.accountLink',
    loadComponent: () => import('./core/auth/account-link.page').then((m) => m.AccountLinkPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    children: [
      {
        path: 'staff-only',
        title: 'title.staffOnly',
        loadComponent: () => import('./core/layout/staff-only.page').then((m) => m.StaffOnlyPage),
      },
      { path: 'audit', canActivate: [auditRoleGuard], loadChildren: () => import('./features/audit/audit.routes') },
      { path: 'reports', canActivate: [reportsRoleGuard], loadChildren: () => import('./features/reports/reports.routes') },
      {
        path: 'admin/webhooks',
        title: 'title.webhooks',
        canActivate: [adminRoleGuard],
        loadComponent: () => import('./features/admin/webhooks.page').then((m) => m.WebhooksPage),
      },
      {
        path: 'admin/categories',
        title: 'title.adminCategories',
        canActivate: [adminOrSupervisorGuard],
        loadComponent: () => import('./features/admin/catalog/categories.page').then((m) => m.CategoriesPage),
      },
      {
        path: 'admin/routing',
        title: 'title.adminRouting',
        canActivate: [adminOrSupervisorGuard],
        loadComponent: () => import('./features/admin/catalog/routing.page').then((m) => m.RoutingPage),
      },
      {
        path: 'admin/calendar',
        title: 'title.adminCalendar',
        canActivate: [adminRoleGuard],
        loadComponent: () => import('./features/admin/catalog/calendar.page').then((m) => m.CalendarPage),
      },
      {
        path: 'admin/snippets',
        title: 'title.snippets',
        canActivate: [adminOrSupervisorGuard],
        loadComponent: () => import('./features/admin/snippets.page').then((m) => m.SnippetsPage),
      },
      {
        path: 'admin/notification-templates',
        title: 'title.noticeTemplates',
        canActivate: [adminRoleGuard],
        loadComponent: () => import('./features/admin/notification-templates.page').then((m) => m.NotificationTemplatesPage),
      },
      {
        path: 'admin/macros',
        title: 'title.macros',
        canActivate: [adminOrSupervisorGuard],
        loadComponent: () => import('./features/admin/macros.page').then((m) => m.MacrosPage),
      },
      {
        path: 'admin/signing-keys',
        title: 'title.signingKeys',
        canActivate: [auditRoleGuard],
        loadComponent: () => import('./features/admin/ops/signing-keys.page').then((m) => m.SigningKeysPage),
      },
      {
        path: 'admin/retention',
        title: 'title.retention',
        canActivate: [auditRoleGuard],
        loadComponent: () => import('./features/admin/ops/retention.page').then((m) => m.RetentionPage),
      },
      {
        path: 'admin/queues',
        title: 'title.queues',
        canActivate: [adminRoleGuard],
        loadComponent: () => import('./features/admin/ops/queues.page').then((m) => m.QueuesPage),
      },
      {
        path: 'admin/staff',
        title: 'title.staff',
        canActivate: [adminOrSupervisorGuard],
        loadComponent: () => import('./features/admin/staff.page').then((m) => m.StaffPage),
      },
      {
        path: 'admin/departments',
        title: 'title.departments',
        canActivate: [adminOrSupervisorGuard],
        loadComponent: () => import('./features/admin/departments.page').then((m) => m.DepartmentsPage),
      },
      {
        path: '',
        canActivateChild: [consoleRoleGuard],
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'queue' },
          { path: 'queue', loadChildren: () => import('./features/triage/triage.routes') },
          { path: 'appeals', loadChildren: () => import('./features/appeal/appeal.routes') },
          {
            path: 'intake',
            title: 'title.intake',
            loadComponent: () => import('./features/triage/intake.page').then((m) => m.IntakePage),
          },
          { path: 'notifications', loadChildren: () => import('./features/notifications/notifications.routes') },
          {
            path: 'settings/notifications',
            title: 'title.notificationSettings',
            loadComponent: () => import('./features/notifications/preferences.page').then((m) => m.NotificationPreferencesPage),
          },
          {
            path: '**',
            title: 'title.notFound',
            loadComponent: () => import('./core/layout/not-found.page').then((m) => m.NotFoundPage),
          },
        ],
      },
    ],
  },
];

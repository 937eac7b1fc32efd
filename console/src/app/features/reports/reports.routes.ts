import type { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';

export default [
  {
    path: '',
    title: 'title.reports',
    // echarts is imported here only, so it is a chunk of this route and never of the initial bundle.
    providers: [provideEchartsCore({ echarts: () => import('./echarts').then((m) => m.default) })],
    loadComponent: () => import('./reports.page').then((m) => m.ReportsPage),
  },
  {
    path: 'appeals',
    title: 'title.reportAppeals',
    loadComponent: () => import('./report-appeals.page').then((m) => m.ReportAppealsPage),
  },
] satisfies Routes;

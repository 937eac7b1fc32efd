import { MatPaginatorIntl } from '@angular/material/paginator';
import type { Routes } from '@angular/router';
import { LocalizedPaginatorIntl } from '../../core/i18n/paginator-intl';
import { QueueStore } from './queue.store';

export default [
  {
    path: '',
    title: 'title.queue',
    // Route-level provider: the filters and page survive a visit to an appeal card and back.
    providers: [QueueStore, { provide: MatPaginatorIntl, useClass: LocalizedPaginatorIntl }],
    loadComponent: () => import('./queue.page').then((m) => m.QueuePage),
  },
] satisfies Routes;

import { MatPaginatorIntl } from '@angular/material/paginator';
import type { Routes } from '@angular/router';
import { LocalizedPaginatorIntl } from '../../core/i18n/paginator-intl';
import { QueueStore, startQueueLoad } from './queue.store';

export default [
  {
    path: '',
    title: 'title.queue',
    // Route-level provider: the filters and page survive a visit to an appeal card and back.
    providers: [QueueStore, { provide: MatPaginatorIntl, useClass: LocalizedPaginatorIntl }],
    // The rows are asked for while the page's code still loads (the page joins that request).
    canActivate: [startQueueLoad],
    loadComponent: () => import('./queue.page').then((m) => m.QueuePage),
  },
] satisfies Routes;

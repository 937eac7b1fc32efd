import { Injectable, effect, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n } from './i18n.service';

/**
 * MatPaginator labels in the current language. The queue is keyset-paginated, so the
 * paginator's `length` is only "what we know so far": items seen + 1 while a next page exists.
 * The range label therefore shows a total only on the last page, where it is exact.
 */
@Injectable()
export class LocalizedPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    effect(() => {
      const t = this.i18n.t;
      this.itemsPerPageLabel = t('paginator.itemsPerPage');
      this.nextPageLabel = t('paginator.next');
      this.previousPageLabel = t('paginator.previous');
      this.firstPageLabel = t('paginator.first');
      this.lastPageLabel = t('paginator.last');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return this.i18n.t('paginator.empty');
    const start = page * pageSize + 1;
    const end = Math.min((page + 1) * pageSize, length);
    const lastPage = length <= (page + 1) * pageSize;
    return lastPage
      ? this.i18n.t('paginator.rangeOf', { start, end, total: length })
      : this.i18n.t('paginator.range', { start, end });
  };
}

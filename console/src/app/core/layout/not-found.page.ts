import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n } from '../i18n/i18n.service';

@Component({
  selector: 'ok-not-found-page',
  imports: [RouterLink],
  template: `
    <section class="page">
      <h1 class="page-title">{{ t('notFound.heading') }}</h1>
      <a routerLink="/queue">{{ t('notFound.back') }}</a>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {
  protected readonly t = inject(I18n).t;
}

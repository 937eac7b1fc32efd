import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n.service';

type Relations = Schemas['AppealRelationsDto'];
type Linked = Schemas['LinkedAppealDto'];

/**
 * Beside the appeal: the appeals linked to it (the one it disputes or re-files, its disputes and
 * re-filings) and the citizen's other appeals — as far as this staff member may see them.
 */
@Component({
  selector: 'ok-related-appeals',
  imports: [RouterLink],
  template: `
    <section class="panel block" aria-labelledby="related-heading" data-testid="related-appeals">
      <h2 id="related-heading" class="section-title">{{ t('related.heading') }}</h2>
      @if (failed()) {
        <p class="error-text" role="alert">{{ t('related.loadFailed') }}</p>
      } @else if (relations(); as r) {
        <h3 class="sub">{{ t('related.linked') }}</h3>
        @if (r.linked.length) {
          <ul class="list" data-testid="related-linked">
            @for (a of r.linked; track a.id) {
              <li>
                <span class="muted">{{ relationLabel(a) }}</span>
                <a [routerLink]="['/appeals', a.number ?? a.id]">{{ t('related.number', { number: a.number ?? '—' }) }}</a>
                <span class="status" [attr.data-status]="a.status">{{ i18n.status(a.status) }}</span>
                <span class="subject">{{ a.subject }}</span>
              </li>
            }
          </ul>
        } @else {
          <p class="muted">{{ t('related.none') }}</p>
        }
        <h3 class="sub">{{ t('related.others') }}</h3>
        @if (r.others.length) {
          <ul class="list" data-testid="related-others">
            @for (a of r.others; track a.id) {
              <li>
                <a [routerLink]="['/appeals', a.number ?? a.id]">{{ t('related.number', { number: a.number ?? '—' }) }}</a>
                <span class="status" [attr.data-status]="a.status">{{ i18n.status(a.status) }}</span>
                <span class="subject">{{ a.subject }}</span>
              </li>
            }
          </ul>
        } @else {
          <p class="muted">{{ t('related.none') }}</p>
        }
      }
    </section>
  `,
  styles: `
    .block { padding: 16px 20px; }
    .sub { font-size: 14px; margin: 8px 0 4px; }
    .list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
    .list li { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }
    .subject { flex-basis: 100%; overflow-wrap: anywhere; }
    /* Plain text, not the status chip: the card's own chip stays the one status chip on the page. */
    .status { font-size: 12px; color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RelatedAppeals {
  private readonly api = inject(API);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly appealId = input.required<string>();
  /** Changes with every reload of the card: the links follow what happened (a new dispute). */
  readonly version = input.required<number>();
  /** Moves when a link was made from the card (a merge changes the duplicate, not this appeal's version). */
  readonly refresh = input(0);
  protected readonly relations = signal<Relations | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    effect(() => {
      const id = this.appealId();
      this.version();
      this.refresh();
      untracked(() => void this.load(id));
    });
  }

  protected relationLabel(a: Linked): string {
    if (a.relation === 'parent') return this.t('related.parent');
    if (a.relation === 'main') return this.t('related.main');
    if (a.relation === 'merged') return this.t('related.merged');
    return this.t(a.type === 'decision_appeal' ? 'related.dispute' : 'related.refiled');
  }

  private async load(id: string): Promise<void> {
    try {
      const { data } = await this.api.GET('/api/v1/staff/appeals/{idOrNumber}/related', { params: { path: { idOrNumber: id } } });
      this.failed.set(!data);
      this.relations.set(data ?? null);
    } catch {
      this.failed.set(true);
    }
  }
}

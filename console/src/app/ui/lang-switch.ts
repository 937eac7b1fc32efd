import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { I18n, LANGS, type Lang } from '../core/i18n/i18n.service';

/** RU | EN toggle; the choice is remembered in localStorage and sets <html lang>. */
@Component({
  selector: 'ok-lang-switch',
  imports: [MatButtonToggleModule],
  template: `
    <mat-button-toggle-group
      class="lang-switch"
      hideSingleSelectionIndicator
      [value]="i18n.lang()"
      (change)="select($event.value)"
      [attr.aria-label]="i18n.t('lang.label')"
    >
      @for (lang of langs; track lang) {
        <mat-button-toggle [value]="lang" [attr.lang]="lang" [aria-label]="i18n.t(lang === 'ru' ? 'lang.ru' : 'lang.en')">
          {{ lang.toUpperCase() }}
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    .lang-switch {
      --mat-button-toggle-height: 32px;
      font-size: 13px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LangSwitch {
  protected readonly i18n = inject(I18n);
  protected readonly langs = LANGS;

  protected select(lang: Lang): void {
    this.i18n.setLang(lang);
  }
}

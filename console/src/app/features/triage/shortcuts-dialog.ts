import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { I18n, type MessageKey } from '../../core/i18n/i18n.service';

/** The queue's keys, in the cheat sheet's order. */
export const SHORTCUTS: readonly { keys: string[]; label: MessageKey }[] = [
  { keys: ['j', 'k'], label: 'keys.move' },
  { keys: ['Enter', 'o'], label: 'keys.open' },
  { keys: ['x'], label: 'keys.select' },
  { keys: ['a'], label: 'keys.take' },
  { keys: ['r'], label: 'keys.reply' },
  { keys: ['e'], label: 'keys.escalate' },
  { keys: ['/'], label: 'keys.search' },
  { keys: ['g', 'i'], label: 'keys.viewAll' },
  { keys: ['g', 'm'], label: 'keys.viewMine' },
  { keys: ['g', 'u'], label: 'keys.viewUnassigned' },
  { keys: ['g', 'o'], label: 'keys.viewOverdue' },
  { keys: ['g', 's'], label: 'keys.viewDueSoon' },
  { keys: ['g', 'e'], label: 'keys.viewEscalated' },
  { keys: ['n'], label: 'keys.register' },
  { keys: ['?'], label: 'keys.help' },
];

/** «?» on the queue: every key it knows. Esc or the button closes it; focus returns where it was. */
@Component({
  selector: 'ok-shortcuts-dialog',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ t('keys.title') }}</h2>
    <mat-dialog-content>
      <table class="keys" data-testid="shortcuts">
        <caption class="visually-hidden">{{ t('keys.title') }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ t('keys.key') }}</th>
            <th scope="col">{{ t('keys.action') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (s of shortcuts; track s.label) {
            <tr>
              <td>
                @for (k of s.keys; track k; let last = $last) {
                  <kbd>{{ k }}</kbd>
                  @if (!last) {
                    <span class="sep">{{ s.keys[0] === 'g' ? t('keys.then') : t('keys.or') }}</span>
                  }
                }
              </td>
              <td>{{ t(s.label) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close>{{ t('common.close') }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .keys {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    kbd {
      display: inline-block;
      min-width: 1.4em;
      padding: 1px 6px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      font: 600 13px/1.4 ui-monospace, monospace;
      text-align: center;
    }
    .sep {
      margin: 0 6px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShortcutsDialog {
  protected readonly t = inject(I18n).t;
  protected readonly shortcuts = SHORTCUTS;
}

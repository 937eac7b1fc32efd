import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import { I18n } from '../core/i18n/i18n.service';
import { initials, shortName, type PresentStaff } from '../core/presence/presence-board';

/** Colleagues on an appeal's card: an avatar of initials each, «Просматривает: Иванов И.» on hover and to screen readers. */
@Component({
  selector: 'ok-presence-marker',
  imports: [MatTooltipModule],
  template: `
    @for (p of present(); track p.userId) {
      <span
        role="img"
        [class]="['avatar', p.activity === 'replying' ? 'tone-progress' : 'tone-info']"
        [attr.aria-label]="label(p)"
        [matTooltip]="label(p)"
        [attr.data-activity]="p.activity"
        data-testid="presence-marker"
        >{{ initials(p.name) }}</span
      >
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      gap: 2px;
      vertical-align: middle;
    }
    .avatar {
      display: inline-grid;
      place-items: center;
      width: 24px;
      height: 24px;
      border-radius: 50%;
      font-size: 11px;
      font-weight: 600;
      background: var(--tone-bg);
      color: var(--tone-fg);
      outline: 2px solid var(--tone-fg);
      outline-offset: -2px;
    }
    .avatar[data-activity='replying'] {
      outline-style: dashed;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PresenceMarker {
  private readonly i18n = inject(I18n);
  readonly present = input.required<readonly PresentStaff[]>();
  protected readonly initials = initials;

  protected label(p: PresentStaff): string {
    return this.i18n.t(p.activity === 'replying' ? 'presence.replying' : 'presence.viewing', { name: shortName(p.name) });
  }
}

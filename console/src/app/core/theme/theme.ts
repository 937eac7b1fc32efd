import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injectable, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { I18n } from '../i18n/i18n.service';

export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'otklik.console.theme';

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Light or dark: the user's choice, remembered in localStorage; without one, the system's
 * preference. The Material theme is built for both (styles.scss, theme-type color-scheme), so a
 * switch only sets `color-scheme` on <html> through the `theme-dark` class.
 */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly document = inject(DOCUMENT);
  readonly theme = signal<Theme>(storedTheme() ?? (this.document.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));

  constructor() {
    effect(() => {
      const theme = this.theme();
      this.document.documentElement.classList.toggle('theme-dark', theme === 'dark');
    });
  }

  set(theme: Theme): void {
    this.theme.set(theme);
    try {
      localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  }

  toggle(): void {
    this.set(this.theme() === 'dark' ? 'light' : 'dark');
  }
}

/** The toolbar's light/dark switch. */
@Component({
  selector: 'ok-theme-switch',
  imports: [MatButtonModule],
  template: `
    <button
      mat-icon-button
      type="button"
      class="theme-switch"
      [attr.aria-pressed]="themes.theme() === 'dark'"
      [attr.aria-label]="i18n.t('theme.dark')"
      [attr.title]="i18n.t('theme.dark')"
      (click)="themes.toggle()"
      data-testid="theme-switch"
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 3a9 9 0 1 0 9 9c0-.46-.04-.92-.1-1.36A5.4 5.4 0 0 1 12.36 3.1 9 9 0 0 0 12 3z" />
      </svg>
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThemeSwitch {
  protected readonly themes = inject(ThemeService);
  protected readonly i18n = inject(I18n);
}

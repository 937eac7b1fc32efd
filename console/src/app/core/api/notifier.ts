import { Injectable, Injector, inject } from '@angular/core';
import { I18n, type MessageKey } from '../i18n/i18n.service';
import { problemMessage, type Problem } from './problem';

/**
 * Short messages at the bottom of the screen (MatSnackBar), always in the current language.
 * The snack bar (with the CDK overlay) is loaded on first use: every page needs the notifier,
 * few page loads ever show a message, and this keeps it out of the initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);

  problem(problem: Problem): void {
    this.show(problemMessage(problem), true);
  }

  error(key: MessageKey, params?: Record<string, string | number>): void {
    this.show(this.i18n.t(key, params), true);
  }

  info(key: MessageKey, params?: Record<string, string | number>): void {
    this.show(this.i18n.t(key, params), false);
  }

  private show(message: string, isError: boolean): void {
    const action = this.i18n.t('common.close');
    void import('@angular/material/snack-bar').then(({ MatSnackBar }) => {
      this.injector.get(MatSnackBar).open(message, action, {
        duration: isError ? 8000 : 4000,
        politeness: isError ? 'assertive' : 'polite',
        panelClass: isError ? 'snack-error' : 'snack-info',
      });
    });
  }
}

import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../api/api-client';
import { AuthService } from '../auth/auth.service';
import { NotificationCenter } from '../notifications/notification-center';
import { QUEUE_VIEWS } from './queue-query';

export { DEFAULT_VIEW, QUEUE_VIEWS, type QueueView } from './queue-query';

export type QueueCounts = Schemas['QueueCountsDto'];

/** Changes often come in bursts (a bulk assign, the SLA tick): one reload for a burst. */
export const LIVE_DEBOUNCE_MS = 250;

/**
 * The counts of the queue views for the signed-in operator or supervisor, kept live: loaded at
 * sign-in, again after every change the notification stream reports in their queue (debounced)
 * and after every reconnect of the stream.
 */
@Injectable({ providedIn: 'root' })
export class QueueViews {
  private readonly api = inject(API);
  private readonly auth = inject(AuthService);
  private readonly stream = inject(NotificationCenter);
  private readonly state = signal<QueueCounts | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly counts = this.state.asReadonly();
  readonly views = computed(() => {
    const supervisor = this.auth.user()?.role === 'supervisor';
    return QUEUE_VIEWS.filter((v) => supervisor || !v.supervisorOnly);
  });

  constructor() {
    effect(() => {
      const user = this.auth.user();
      const console = this.auth.isConsoleUser();
      untracked(() => {
        this.state.set(null);
        if (user && console) void this.load();
      });
    });
    const off = this.stream.onLive((event) => event.type !== 'presence' && this.soon());
    inject(DestroyRef).onDestroy(() => {
      off();
      clearTimeout(this.timer);
    });
  }

  /** A reload shortly (a burst of changes makes one). */
  soon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), LIVE_DEBOUNCE_MS);
  }

  async load(): Promise<void> {
    if (!this.auth.isConsoleUser()) return;
    try {
      const { data } = await this.api.GET('/api/v1/staff/appeals/counts');
      if (data) this.state.set(data);
    } catch {
      // offline: the next change or reconnect loads again
    }
  }
}

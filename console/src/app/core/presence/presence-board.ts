import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';
import { AuthService } from '../auth/auth.service';
import { NotificationCenter } from '../notifications/notification-center';

export type PresentStaff = Schemas['PresentStaffDto'];

/**
 * Who is on which appeal's card, as the notification stream tells (issue 15): a `presence` event
 * carries an appeal's whole list; every (re)connect starts with the list of each appeal of the
 * queue someone is on, so a resync forgets what was known. No request per row: the queue reads
 * from here. The signed-in user is never shown to themselves.
 */
@Injectable({ providedIn: 'root' })
export class PresenceBoard {
  private readonly auth = inject(AuthService);
  private readonly byAppeal = signal<ReadonlyMap<string, readonly PresentStaff[]>>(new Map());
  private readonly me = computed(() => this.auth.user()?.id ?? null);

  constructor() {
    const off = inject(NotificationCenter).onLive((event) => {
      if (event.type === 'resync') this.byAppeal.set(new Map());
      else if (event.type === 'presence') this.set(event.data.appealId, event.data.present);
    });
    inject(DestroyRef).onDestroy(off);
  }

  /** The others on the appeal's card now. */
  others(appealId: string): readonly PresentStaff[] {
    const me = this.me();
    return (this.byAppeal().get(appealId) ?? []).filter((p) => p.userId !== me);
  }

  /** What the card's own heartbeat learnt (the others there), until the stream says more. */
  set(appealId: string, present: readonly PresentStaff[]): void {
    this.byAppeal.update((known) => {
      const next = new Map(known);
      if (present.length) next.set(appealId, present);
      else next.delete(appealId);
      return next;
    });
  }
}

/** «Иванов И. П.» from «Иванов Иван Петрович»; a name of one word stays as it is. */
export function shortName(name: string): string {
  const [surname, ...rest] = name.trim().split(/\s+/);
  return [surname, ...rest.map((part) => `${part[0]}.`)].join(' ');
}

/** «ИИ» from «Иванов Иван Петрович»: the marker's avatar. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (parts[0]?.[0] ?? '?') + (parts[1]?.[0] ?? '');
}

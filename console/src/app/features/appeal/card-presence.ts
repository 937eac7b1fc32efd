import { DestroyRef, Signal, effect, inject, untracked } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { PresenceBoard } from '../../core/presence/presence-board';

type Activity = Schemas['PresenceActivity'];

/** How often the open card says it is still open (the API forgets it after 40 s without). */
export const PRESENCE_BEAT_MS = 15_000;

/**
 * The card's presence heartbeat (issue 15): while an appeal's card is open this says so to the
 * API — `replying` while the answer or message editor has focus or text — at once on a change and
 * every 15 s, and says it left when the card closes, shows another appeal or the tab goes away. What the API answers
 * (who else is here) goes on the board until the stream says more. Best effort: a failed beat is
 * not retried, the next one comes anyway.
 */
export function cardPresence(appealId: Signal<string | null>, replying: Signal<boolean>): void {
  const api = inject(API);
  const board = inject(PresenceBoard);
  let current: string | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const beat = async (id: string, activity: Activity) => {
    try {
      const { data } = await api.PUT('/api/v1/staff/appeals/{idOrNumber}/presence', { params: { path: { idOrNumber: id } }, body: { activity } });
      if (data && current === id) board.set(id, data.present);
    } catch {
      // offline a moment: the next beat says it again
    }
  };
  // keepalive: a leave sent as the tab closes or navigates away still reaches the API.
  const leave = (id: string) => {
    void api.DELETE('/api/v1/staff/appeals/{idOrNumber}/presence', { params: { path: { idOrNumber: id } }, keepalive: true }).catch(() => undefined);
  };
  // The tab closes or leaves the console: no component is destroyed, so the card says it now.
  const pageHidden = () => {
    if (current) leave(current);
  };
  window.addEventListener('pagehide', pageHidden);

  effect(() => {
    const id = appealId();
    const activity: Activity = replying() ? 'replying' : 'viewing';
    untracked(() => {
      if (current && current !== id) leave(current);
      current = id;
      clearInterval(timer);
      if (!id) return;
      void beat(id, activity);
      timer = setInterval(() => void beat(id, activity), PRESENCE_BEAT_MS);
    });
  });
  inject(DestroyRef).onDestroy(() => {
    window.removeEventListener('pagehide', pageHidden);
    clearInterval(timer);
    if (current) leave(current);
    current = null;
  });
}

import { Injectable, inject, signal } from '@angular/core';
import { API } from '../api/api-client';

/** The worker in console/public (copied to the site's root by the build). */
export const PUSH_WORKER_URL = '/push-sw.js';

export type PushState = 'unsupported' | 'denied' | 'off' | 'on';
export type PushOutcome = 'on' | 'off' | 'denied' | 'failed';

/**
 * Web push on this device: a service worker, a PushManager subscription with the API's VAPID key,
 * and the subscription registered with the API (`/me/push-subscriptions`). Browsers offer it only in
 * a secure context (https, or localhost), and only after the user allows notifications.
 */
@Injectable({ providedIn: 'root' })
export class PushDevices {
  private readonly api = inject(API);
  private readonly current = signal<PushState>(pushSupported() ? 'off' : 'unsupported');
  readonly state = this.current.asReadonly();

  /** Reads whether this browser is subscribed already (nothing is asked of the user). */
  async refresh(): Promise<void> {
    if (!pushSupported()) return;
    if (Notification.permission === 'denied') return this.current.set('denied');
    const subscription = await existingSubscription();
    this.current.set(subscription ? 'on' : 'off');
  }

  async enable(): Promise<PushOutcome> {
    if (!pushSupported()) return 'failed';
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') {
      this.current.set(permission === 'denied' ? 'denied' : 'off');
      return 'denied';
    }
    try {
      const { data: key } = await this.api.GET('/api/v1/me/push-subscriptions/key');
      if (!key) return 'failed';
      const registration = await navigator.serviceWorker.register(PUSH_WORKER_URL);
      await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlBytes(key.publicKey) }));
      const { keys } = subscription.toJSON();
      if (!keys?.['p256dh'] || !keys['auth']) return 'failed';
      const { data } = await this.api.POST('/api/v1/me/push-subscriptions', {
        body: { endpoint: subscription.endpoint, p256dh: keys['p256dh'], auth: keys['auth'] },
      });
      if (!data) return 'failed';
      this.current.set('on');
      return 'on';
    } catch {
      // No push service reachable (an offline install, a browser without one): say so, change nothing.
      return 'failed';
    }
  }

  async disable(): Promise<PushOutcome> {
    const subscription = await existingSubscription();
    if (subscription) {
      const { data: devices } = await this.api.GET('/api/v1/me/push-subscriptions');
      const device = devices?.find((d) => d.endpoint === subscription.endpoint);
      if (device) await this.api.DELETE('/api/v1/me/push-subscriptions/{id}', { params: { path: { id: device.id } } });
      await subscription.unsubscribe().catch(() => false);
    }
    this.current.set('off');
    return 'off';
  }
}

function pushSupported(): boolean {
  return typeof window !== 'undefined' && window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

async function existingSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(PUSH_WORKER_URL).catch(() => undefined);
  return (await registration?.pushManager.getSubscription().catch(() => null)) ?? null;
}

/** The VAPID key as PushManager wants it (base64url → bytes). */
export function base64UrlBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// PLACEHOLDER until the channels branch lands.
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}
export class PushSubscriptionGone extends Error {}
export abstract class PushSender {
  abstract readonly publicKey: string;
  abstract send(target: PushTarget, payload: string, options?: { ttlSeconds?: number; urgency?: 'very-low' | 'low' | 'normal' | 'high'; topic?: string }): Promise<{ status: number }>;
}
export class UnconfiguredPushSender extends PushSender {
  readonly publicKey = '';
  send(): Promise<{ status: number }> {
    return Promise.reject(new Error('web push is not configured'));
  }
}

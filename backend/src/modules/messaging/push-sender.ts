import { generateRequestDetails } from 'web-push';
import type { VapidConfig } from '../../config/messaging-config';
import { RateLimiter } from './rate-limiter';

/** A browser's push subscription (PushSubscription.toJSON(): endpoint and keys, base64url). */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushOptions {
  /** How long the push service keeps an undelivered message (seconds; default 4 weeks). */
  ttlSeconds?: number;
  urgency?: 'very-low' | 'low' | 'normal' | 'high';
  /** A newer message with the same topic replaces an undelivered older one (base64url, at most 32 characters). */
  topic?: string;
}

/** The push service says the subscription is no more (404/410): remove it, do not retry. */
export class PushSubscriptionGone extends Error {
  constructor(
    readonly endpoint: string,
    readonly status: number,
  ) {
    super(`Push subscription gone (${status})`);
  }
}

/** Sends Web Push messages (RFC 8030), encrypted for the subscription (RFC 8291) and signed with VAPID (RFC 8292). */
export abstract class PushSender {
  /** The VAPID public key browsers subscribe with (`applicationServerKey`), base64url. */
  abstract readonly publicKey: string;
  /**
   * Resolves with the push service's status (201 usually) once it accepted the message; throws
   * PushSubscriptionGone on 404/410 and an ordinary error on any other failure (retry later).
   */
  abstract send(target: PushTarget, payload: string, options?: PushOptions): Promise<{ status: number }>;

  async close(): Promise<void> {}
}

const TIMEOUT_MS = 10_000;
const FOUR_WEEKS = 28 * 86_400;

/**
 * The `web-push` library builds the request (aes128gcm body, VAPID JWT with the endpoint's origin
 * as audience); it is sent here with fetch, because the library's own sender speaks HTTPS only
 * and a local push endpoint (tests, a self-hosted push service) may be plain HTTP.
 */
export class WebPushSender extends PushSender {
  readonly publicKey: string;

  constructor(
    private readonly vapid: VapidConfig,
    private readonly limiter?: RateLimiter,
  ) {
    super();
    this.publicKey = vapid.publicKey;
  }

  async send(target: PushTarget, payload: string, options: PushOptions = {}): Promise<{ status: number }> {
    const endpoint = pushEndpoint(target.endpoint);
    const request = generateRequestDetails({ endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, payload, {
      vapidDetails: this.vapid,
      TTL: options.ttlSeconds ?? FOUR_WEEKS,
      urgency: options.urgency ?? 'normal',
      topic: options.topic,
      contentEncoding: 'aes128gcm',
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && name.toLowerCase() !== 'content-length') headers[name] = String(value);
    }
    await this.limiter?.take();
    let response: Response;
    try {
      response = await fetch(endpoint, { method: 'POST', headers, body: new Uint8Array(request.body), signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
    } catch (error) {
      throw new Error(`Push service ${new URL(endpoint).host} unreachable: ${(error as Error).message}`, { cause: error });
    }
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410) throw new PushSubscriptionGone(endpoint, response.status);
    if (!response.ok) throw new Error(`Push service ${new URL(endpoint).host} answered ${response.status}`);
    return { status: response.status };
  }
}

/** The endpoint as a URL we may POST to: http(s) only — a browser gives https, local test services http. */
function pushEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('Push endpoint is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Push endpoint must be an http(s) URL, got ${url.protocol}`);
  if (url.username || url.password) throw new Error('Push endpoint must not carry credentials');
  return url.href;
}

export function createPushSender(vapid: VapidConfig, perSecond: number): PushSender {
  return new WebPushSender(vapid, new RateLimiter({ perSecond }));
}

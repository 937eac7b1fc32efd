import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { generateRequestDetails } from 'web-push';
import { httpPost } from './http-post';
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

/**
 * The endpoint is one we never push to (not http(s), or local where local endpoints are not
 * allowed): the subscription can never work, so it is treated as gone (status 0).
 */
export class PushEndpointRefused extends PushSubscriptionGone {
  constructor(endpoint: string, readonly reason: string) {
    super(endpoint, 0);
    this.message = `Push endpoint refused: ${reason}`;
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
 * as audience); it is sent here with httpPost (undici), because the library's own sender speaks HTTPS only
 * and a local push endpoint (tests, a self-hosted push service) may be plain HTTP.
 */
export class WebPushSender extends PushSender {
  readonly publicKey: string;

  constructor(
    private readonly vapid: VapidConfig,
    private readonly limiter?: RateLimiter,
    private readonly allowLocalEndpoints = true,
  ) {
    super();
    this.publicKey = vapid.publicKey;
  }

  async send(target: PushTarget, payload: string, options: PushOptions = {}): Promise<{ status: number }> {
    const problem = await pushEndpointProblem(target.endpoint, this.allowLocalEndpoints);
    if (problem) throw new PushEndpointRefused(target.endpoint, problem);
    const endpoint = new URL(target.endpoint).href;
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
    let status: number;
    try {
      ({ status } = await httpPost(endpoint, { headers, body: new Uint8Array(request.body), timeoutMs: TIMEOUT_MS }));
    } catch (error) {
      throw new Error(`Push service ${new URL(endpoint).host} unreachable: ${(error as Error).message}`, { cause: error });
    }
    if (status === 404 || status === 410) throw new PushSubscriptionGone(endpoint, status);
    // A redirect is not followed: a push service has no reason to send one.
    if (status < 200 || status > 299) throw new Error(`Push service ${new URL(endpoint).host} answered ${status}`);
    return { status };
  }
}

/** Addresses a push service never has: loopback, private, link-local, carrier-grade NAT, unspecified. */
const LOCAL = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) {
  LOCAL.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) LOCAL.addSubnet(net, prefix, 'ipv6');

/** BlockList matches IPv4-mapped IPv6 addresses (::ffff:7f00:1) against the IPv4 subnets too. */
function isLocalAddress(address: string): boolean {
  return LOCAL.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Why a subscription's endpoint must not be pushed to, or null when it may: it must be an http(s)
 * URL without credentials; unless local endpoints are allowed (PUSH_ALLOW_LOCAL_ENDPOINTS), https
 * only and not naming or resolving to a loopback or private address. Also for the subscribe route
 * to check an endpoint before it stores it.
 */
export async function pushEndpointProblem(raw: string, allowLocal: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `must be an http(s) URL, got ${url.protocol}`;
  if (url.username || url.password) return 'must not carry credentials';
  if (allowLocal) return null;
  if (url.protocol !== 'https:') return 'must be https';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    // An unresolvable host may be a passing DNS failure: let the request fail and be retried.
    return null;
  }
  return addresses.some(isLocalAddress) ? `${host} is a local address` : null;
}

export function createPushSender(vapid: VapidConfig, perSecond: number, allowLocalEndpoints: boolean): PushSender {
  return new WebPushSender(vapid, new RateLimiter({ perSecond }), allowLocalEndpoints);
}

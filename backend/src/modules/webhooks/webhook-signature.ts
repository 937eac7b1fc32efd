import { createHmac, randomBytes } from 'node:crypto';

/** Secrets in the Standard Webhooks form: `whsec_` + base64 of 32 random bytes. */
export const SECRET_PREFIX = 'whsec_';

export function newSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/**
 * The Standard Webhooks headers of one attempt: `webhook-id` (stable across attempts and
 * replays, receivers deduplicate on it), `webhook-timestamp` (seconds, this attempt's), and
 * `webhook-signature`: `v1,` + base64 HMAC-SHA256 over `id.timestamp.body` keyed with the
 * secret's decoded bytes.
 */
export function signatureHeaders(secret: string, id: string, timestampSeconds: number, body: string): Record<string, string> {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('a webhook secret starts with whsec_');
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': `v1,${signature}` };
}

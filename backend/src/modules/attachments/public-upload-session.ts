import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../../common/crypto/keys';

/** How long a public upload session accepts files and may be presented with a filing. */
export const UPLOAD_SESSION_TTL_MINUTES = 60;

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{10,13})\.([A-Za-z0-9_-]{43})$/;

/**
 * The token of a public upload session (unidentified feedback): `<session id>.<expiry ms>.<HMAC>`,
 * signed with a key derived from the master key. Stateless (any API node checks it); what the
 * session holds is the attachments rows carrying its id, so its limits are counted there.
 */
export class PublicUploadSessions {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = deriveKey(masterKey, 'public-upload-session');
  }

  issue(now: Date): { token: string; id: string; expiresAt: Date } {
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + UPLOAD_SESSION_TTL_MINUTES * 60_000);
    const body = `${id}.${expiresAt.getTime()}`;
    return { token: `${body}.${this.sign(body)}`, id, expiresAt };
  }

  /** The session id of a genuine token not expired at `now`; null otherwise. */
  open(token: string | undefined, now: Date): string | null {
    const m = typeof token === 'string' ? TOKEN.exec(token) : null;
    if (!m) return null;
    const expected = Buffer.from(this.sign(`${m[1]}.${m[2]}`));
    const given = Buffer.from(m[3]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return Number(m[2]) > now.getTime() ? m[1] : null;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

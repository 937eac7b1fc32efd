import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKey } from '../../../common/crypto/keys';

/** What the RP must remember between /login and /callback: kept in the browser, sealed. */
export interface EsiaLoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Epoch ms after which the callback is refused. */
  expiresAt: number;
  /**
   * Sign-in for the citizen widget in a pop-up (checked against the allowed widget origins when it
   * began): the callback hands the access token to the opener on this origin only (postMessage).
   */
  widgetOrigin?: string;
}

export const ESIA_STATE_COOKIE = 'otklik_esia';
export const ESIA_STATE_TTL_SECONDS = 600;

/**
 * AES-256-GCM sealing of the login state into an HttpOnly cookie: the API stays stateless (any
 * node can handle the callback) and the browser can neither read nor forge the PKCE verifier.
 */
export class EsiaLoginStateSealer {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = deriveKey(masterKey, 'esia-rp-login-state');
  }

  seal(state: EsiaLoginState): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(state), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
  }

  /** The state, or null when the cookie is missing, forged or expired. */
  open(sealed: string | undefined): EsiaLoginState | null {
    if (!sealed) return null;
    try {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const state = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as EsiaLoginState;
      return state.expiresAt > Date.now() ? state : null;
    } catch {
      return null;
    }
  }
}

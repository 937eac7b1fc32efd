import { createHmac } from 'node:crypto';
import { deriveKey } from './keys';

/**
 * Keyed HMAC of a normalised identifier (SNILS, INN, phone): equal values give equal indexes,
 * so an encrypted account can be found by them, while the index reveals nothing without the key.
 */
export class BlindIndex {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = deriveKey(masterKey, 'blind-index');
  }

  /**
   * A sign-in login (normalised e-mail) that may match no account: the audit log and the
   * failed-sign-in signal count failures per login by it, without keeping the login in clear.
   */
  ofLogin(normalizedLogin: string): string {
    return createHmac('sha256', this.key).update(`login:${normalizedLogin}`).digest('hex');
  }

  of(kind: 'snils' | 'inn' | 'phone', value: string): string {
    const normalized = value.replace(/[^\dA-Za-z+]/g, '');
    return createHmac('sha256', this.key).update(`${kind}:${normalized}`).digest('hex');
  }
}

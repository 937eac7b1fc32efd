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

  of(kind: 'snils' | 'inn' | 'phone', value: string): string {
    const normalized = value.replace(/[^\dA-Za-z+]/g, '');
    return createHmac('sha256', this.key).update(`${kind}:${normalized}`).digest('hex');
  }
}

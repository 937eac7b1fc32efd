import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { deriveKey } from './keys';

/** GCM's 96-bit nonce. */
const IV_BYTES = 12;

/**
 * AES-256-GCM for personal data at rest (152-ФЗ). The stored form names the key id, so the
 * key can be rotated while old rows stay readable: `pd1.<keyId>.<iv>.<tag>.<ciphertext>`.
 */
export class PersonalDataCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(masterKey: Buffer) {
    const key = deriveKey(masterKey, 'personal-data');
    this.currentKeyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
    this.keys.set(this.currentKeyId, key);
  }

  /** Random IVs drawn from the CSPRNG 256 at a time (one call, not one per value); each is used once. */
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomBytes(IV_BYTES * 256);
      this.ivOffset = 0;
    }
    return this.ivPool.subarray(this.ivOffset, (this.ivOffset += IV_BYTES));
  }

  encrypt(plaintext: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['pd1', this.currentKeyId, iv.toString('base64'), tag.toString('base64'), data.toString('base64')].join('.');
  }

  decrypt(stored: string): string {
    const [version, keyId, iv, tag, data] = stored.split('.');
    const key = this.keys.get(keyId);
    if (version !== 'pd1' || !key) throw new Error(`Unknown personal-data key ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(stored: string): T {
    return JSON.parse(this.decrypt(stored)) as T;
  }
}

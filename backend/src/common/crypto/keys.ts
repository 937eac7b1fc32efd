import { hkdfSync } from 'node:crypto';

/** Derives a purpose-bound 32-byte key from the master key, so one secret serves many uses. */
export function deriveKey(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `otklik:${purpose}`, 32));
}

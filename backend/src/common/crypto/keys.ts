import { createECDH, createPrivateKey, hkdfSync, KeyObject } from 'node:crypto';

/** Derives a purpose-bound 32-byte key from the master key, so one secret serves many uses. */
export function deriveKey(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `otklik:${purpose}`, 32));
}

/**
 * A deterministic EC P-256 key pair derived from the master key (HKDF → private scalar), so
 * keys that must survive restarts (the embedded IdP's signing key, the demo RP's client key)
 * need no file and are never downloaded.
 */
export function deriveEcP256Key(masterKey: Buffer, purpose: string): KeyObject {
  for (let attempt = 0; attempt < 16; attempt++) {
    const d = deriveKey(masterKey, `${purpose}:ec-p256:${attempt}`);
    const ecdh = createECDH('prime256v1');
    try {
      ecdh.setPrivateKey(d);
    } catch {
      continue; // scalar outside [1, n-1]: astronomically rare, try the next derivation
    }
    const pub = ecdh.getPublicKey();
    return createPrivateKey({
      format: 'jwk',
      key: { kty: 'EC', crv: 'P-256', d: d.toString('base64url'), x: pub.subarray(1, 33).toString('base64url'), y: pub.subarray(33, 65).toString('base64url') },
    });
  }
  throw new Error(`could not derive an EC key for ${purpose}`);
}

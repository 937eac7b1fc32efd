import { createCipheriv, createDecipheriv, createHash, DecipherGCM, randomBytes } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { deriveKey } from '../../common/crypto/keys';

const MAGIC = Buffer.from('OTK1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES;
/** Bytes an encrypted object has beyond its plaintext. */
export const ENVELOPE_OVERHEAD = HEADER_BYTES + TAG_BYTES;

/** One object's encryption in steps (see AttachmentCipher.sealer). */
export interface Sealer {
  readonly header: Buffer;
  update(chunk: Buffer): Buffer;
  final(): Buffer;
}

export interface DataKey {
  key: Buffer;
  /** The key wrapped by the key-encryption key: base64 of iv | ciphertext | tag. */
  wrapped: string;
  keyId: string;
}

/**
 * Envelope encryption of attachment objects: every file gets its own random AES-256 data key,
 * stored only wrapped (AES-256-GCM) by a key-encryption key derived from MASTER_KEY; the key id
 * names that KEK so it can be rotated while old files stay readable. An object is
 * `OTK1 | iv | AES-256-GCM ciphertext | tag`, the header bound as associated data.
 */
export class AttachmentCipher {
  private readonly keks = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(masterKey: Buffer) {
    const kek = deriveKey(masterKey, 'attachments-kek');
    this.currentKeyId = createHash('sha256').update(kek).digest('hex').slice(0, 8);
    this.keks.set(this.currentKeyId, kek);
  }

  newDataKey(): DataKey {
    const key = randomBytes(32);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keks.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(`kek:${this.currentKeyId}`));
    const wrapped = Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]).toString('base64');
    return { key, wrapped, keyId: this.currentKeyId };
  }

  unwrap(wrapped: string, keyId: string): Buffer {
    const kek = this.keks.get(keyId);
    if (!kek) throw new Error(`unknown attachment key id ${keyId}`);
    const raw = Buffer.from(wrapped, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', kek, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`kek:${keyId}`));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
  }

  /**
   * The encryption of one object, step by step: `header` first, then `update` of each plaintext
   * piece in order, then `final` (the last bytes and the tag). For writers that batch their own I/O.
   */
  sealer(key: Buffer): Sealer {
    const header = Buffer.concat([MAGIC, randomBytes(IV_BYTES)]);
    const cipher = createCipheriv('aes-256-gcm', key, header.subarray(MAGIC.length));
    cipher.setAAD(header);
    return {
      header,
      update: (chunk) => cipher.update(chunk),
      final: () => Buffer.concat([cipher.final(), cipher.getAuthTag()]),
    };
  }

  /** Plaintext in, the encrypted object out (header first, tag last). */
  encryptStream(key: Buffer): Transform {
    const sealer = this.sealer(key);
    let started = false;
    return new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        if (!started) {
          started = true;
          this.push(sealer.header);
        }
        done(null, sealer.update(chunk));
      },
      flush(done: TransformCallback) {
        if (!started) this.push(sealer.header);
        done(null, sealer.final());
      },
    });
  }

  /** The encrypted object in, plaintext out; fails at the end when the tag does not verify. */
  decryptStream(key: Buffer): Transform {
    let pending: Buffer = Buffer.alloc(0);
    let decipher: DecipherGCM | null = null;
    return new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        if (!decipher) {
          if (pending.length < HEADER_BYTES + TAG_BYTES) return done();
          const header = pending.subarray(0, HEADER_BYTES);
          if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return done(new Error('not an attachment object'));
          decipher = createDecipheriv('aes-256-gcm', key, header.subarray(MAGIC.length));
          decipher.setAAD(header);
          pending = pending.subarray(HEADER_BYTES);
        }
        // The last TAG_BYTES may be the tag: hold them back until the end.
        const ready = pending.length - TAG_BYTES;
        if (ready <= 0) return done();
        const out = decipher.update(pending.subarray(0, ready));
        pending = pending.subarray(ready);
        done(null, out);
      },
      flush(done: TransformCallback) {
        try {
          if (!decipher || pending.length !== TAG_BYTES) throw new Error('truncated attachment object');
          decipher.setAuthTag(pending);
          done(null, decipher.final());
        } catch (error) {
          done(error as Error);
        }
      },
    });
  }

  encryptBuffer(key: Buffer, plaintext: Buffer): Buffer {
    const header = Buffer.concat([MAGIC, randomBytes(IV_BYTES)]);
    const cipher = createCipheriv('aes-256-gcm', key, header.subarray(MAGIC.length));
    cipher.setAAD(header);
    return Buffer.concat([header, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  }

  decryptBuffer(key: Buffer, object: Buffer): Buffer {
    if (object.length < ENVELOPE_OVERHEAD || !object.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an attachment object');
    const header = object.subarray(0, HEADER_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(MAGIC.length));
    decipher.setAAD(header);
    decipher.setAuthTag(object.subarray(object.length - TAG_BYTES));
    return Buffer.concat([decipher.update(object.subarray(HEADER_BYTES, object.length - TAG_BYTES)), decipher.final()]);
  }
}

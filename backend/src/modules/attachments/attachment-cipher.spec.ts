import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { AttachmentCipher, ENVELOPE_OVERHEAD } from './attachment-cipher';

async function through(stream: Transform, data: Buffer, chunk = 1000): Promise<Buffer> {
  const parts: Buffer[] = [];
  const chunks = [];
  for (let i = 0; i < data.length; i += chunk) chunks.push(data.subarray(i, i + chunk));
  await pipeline(Readable.from(chunks), stream, async (source: AsyncIterable<Buffer | string>) => {
    for await (const c of source) parts.push(Buffer.from(c));
  });
  return Buffer.concat(parts);
}

describe('AttachmentCipher', () => {
  const sut = new AttachmentCipher(Buffer.alloc(32, 3));

  it('wraps a per-file data key with the master-derived key and unwraps it', () => {
    const a = sut.newDataKey();
    const b = sut.newDataKey();
    expect(a.key.equals(b.key)).toBe(false);
    expect(sut.unwrap(a.wrapped, a.keyId).equals(a.key)).toBe(true);
    expect(() => new AttachmentCipher(Buffer.alloc(32, 4)).unwrap(a.wrapped, a.keyId)).toThrow();
  });

  it('streams encrypt → decrypt back to the same bytes; the object is not the plaintext', async () => {
    const { key } = sut.newDataKey();
    const plain = randomBytes(100_003);
    const object = await through(sut.encryptStream(key), plain, 4096);
    expect(object.length).toBe(plain.length + ENVELOPE_OVERHEAD);
    expect(object.includes(plain.subarray(0, 32))).toBe(false);
    expect((await through(sut.decryptStream(key), object, 777)).equals(plain)).toBe(true);
    expect(sut.decryptBuffer(key, object).equals(plain)).toBe(true);
  });

  it('refuses a tampered or truncated object', async () => {
    const { key } = sut.newDataKey();
    const object = sut.encryptBuffer(key, Buffer.from('Заявление'));
    const tampered = Buffer.from(object);
    tampered[20] ^= 1;
    await expect(through(sut.decryptStream(key), tampered)).rejects.toThrow();
    await expect(through(sut.decryptStream(key), object.subarray(0, object.length - 1))).rejects.toThrow();
  });

  it('encrypts an empty plaintext to a valid envelope', async () => {
    const { key } = sut.newDataKey();
    const object = await through(sut.encryptStream(key), Buffer.alloc(0));
    expect(object.length).toBe(ENVELOPE_OVERHEAD);
    expect(sut.decryptBuffer(key, object).length).toBe(0);
  });
});

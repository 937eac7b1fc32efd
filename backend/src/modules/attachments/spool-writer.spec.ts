import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AttachmentCipher, ENVELOPE_OVERHEAD } from './attachment-cipher';
import { SealPool } from './seal-pool';
import { SpoolWriter } from './spool-writer';

function pieces(data: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

describe('SpoolWriter', () => {
  const cipher = new AttachmentCipher(Buffer.alloc(32, 5));
  const pool = new SealPool(2);
  const sealing = (key: Buffer) => ({ key, ...cipher.newHeader() });
  let dir: string;
  afterAll(() => pool.close());
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'spool-writer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the encrypted object of every piece, in order, each shown to the observer first', async () => {
    const { key } = cipher.newDataKey();
    const plain = randomBytes(1_000_003);
    const seen: Buffer[] = [];
    const path = join(dir, 'a.part');
    // A small block: many blocks, pieces split across them, some arriving while blocks are at the thread.
    const writer = new SpoolWriter(path, sealing(key), (c) => void seen.push(c), 50_000, pool);
    await pipeline(Readable.from(pieces(plain, 7_777)), writer);
    expect(writer.sha256).toBe(createHash('sha256').update(plain).digest('hex'));
    const object = readFileSync(path);
    expect(object.length).toBe(plain.length + ENVELOPE_OVERHEAD);
    expect(object.includes(plain.subarray(0, 32))).toBe(false);
    expect(cipher.decryptBuffer(key, object).equals(plain)).toBe(true);
    expect(Buffer.concat(seen).equals(plain)).toBe(true);
  });

  it('waits for an observer that asks to (the scanner) before taking the next piece', async () => {
    const { key } = cipher.newDataKey();
    const plain = randomBytes(300_000);
    const order: string[] = [];
    let inFlight = 0;
    const observe = async (chunk: Buffer): Promise<void> => {
      expect(inFlight).toBe(0);
      inFlight++;
      order.push(`start ${chunk.length}`);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
    };
    const path = join(dir, 'b.part');
    await pipeline(Readable.from(pieces(plain, 100_000)), new SpoolWriter(path, sealing(key), observe, undefined, pool));
    expect(order).toEqual(['start 100000', 'start 100000', 'start 100000']);
    expect(cipher.decryptBuffer(key, readFileSync(path)).equals(plain)).toBe(true);
  });

  it('writes a valid envelope for an empty file', async () => {
    const { key } = cipher.newDataKey();
    const path = join(dir, 'c.part');
    await pipeline(Readable.from([]), new SpoolWriter(path, sealing(key), () => undefined, undefined, pool));
    expect(cipher.decryptBuffer(key, readFileSync(path)).length).toBe(0);
  });

  it('fails when the observer fails or the source breaks off, and never writes over an existing file', async () => {
    const { key } = cipher.newDataKey();
    const failing = () => {
      throw new Error('scanner gone');
    };
    await expect(pipeline(Readable.from([randomBytes(10)]), new SpoolWriter(join(dir, 'd.part'), sealing(key), failing, undefined, pool))).rejects.toThrow('scanner gone');

    const broken = new Readable({ read() {} });
    broken.push(randomBytes(1000));
    setTimeout(() => broken.destroy(new Error('client went away')), 5);
    await expect(pipeline(broken, new SpoolWriter(join(dir, 'e.part'), sealing(key), () => undefined, undefined, pool))).rejects.toThrow('client went away');

    writeFileSync(join(dir, 'f.part'), 'taken');
    await expect(pipeline(Readable.from([randomBytes(10)]), new SpoolWriter(join(dir, 'f.part'), sealing(key), () => undefined, undefined, pool))).rejects.toThrow(/EEXIST/);
    expect(readFileSync(join(dir, 'f.part'), 'utf8')).toBe('taken');
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AttachmentCipher, ENVELOPE_OVERHEAD } from './attachment-cipher';
import { SpoolWriter } from './spool-writer';

function pieces(data: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

describe('SpoolWriter', () => {
  const cipher = new AttachmentCipher(Buffer.alloc(32, 5));
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'spool-writer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the encrypted object of every piece, in order, each shown to the observer first', async () => {
    const { key } = cipher.newDataKey();
    const plain = randomBytes(1_000_003);
    const seen: Buffer[] = [];
    const path = join(dir, 'a.part');
    // A small batch: many writes, some pieces arriving while a batch is being written.
    await pipeline(Readable.from(pieces(plain, 7_777)), new SpoolWriter(path, cipher.sealer(key), (c) => void seen.push(c), 50_000));
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
    await pipeline(Readable.from(pieces(plain, 100_000)), new SpoolWriter(path, cipher.sealer(key), observe));
    expect(order).toEqual(['start 100000', 'start 100000', 'start 100000']);
    expect(cipher.decryptBuffer(key, readFileSync(path)).equals(plain)).toBe(true);
  });

  it('writes a valid envelope for an empty file', async () => {
    const { key } = cipher.newDataKey();
    const path = join(dir, 'c.part');
    await pipeline(Readable.from([]), new SpoolWriter(path, cipher.sealer(key), () => undefined));
    expect(cipher.decryptBuffer(key, readFileSync(path)).length).toBe(0);
  });

  it('fails when the observer fails or the source breaks off, and never writes over an existing file', async () => {
    const { key } = cipher.newDataKey();
    const failing = () => {
      throw new Error('scanner gone');
    };
    await expect(pipeline(Readable.from([randomBytes(10)]), new SpoolWriter(join(dir, 'd.part'), cipher.sealer(key), failing))).rejects.toThrow('scanner gone');

    const broken = new Readable({ read() {} });
    broken.push(randomBytes(1000));
    setTimeout(() => broken.destroy(new Error('client went away')), 5);
    await expect(pipeline(broken, new SpoolWriter(join(dir, 'e.part'), cipher.sealer(key), () => undefined))).rejects.toThrow('client went away');

    writeFileSync(join(dir, 'f.part'), 'taken');
    await expect(pipeline(Readable.from([randomBytes(10)]), new SpoolWriter(join(dir, 'f.part'), cipher.sealer(key), () => undefined))).rejects.toThrow(/EEXIST/);
    expect(readFileSync(join(dir, 'f.part'), 'utf8')).toBe('taken');
  });
});

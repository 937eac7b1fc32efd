import { Readable } from 'node:stream';
import { fromBufferPromise, ZipFile } from 'yauzl';

/** Limits that tell a document from a decompression bomb posing as one. */
export const ZIP_LIMITS = {
  entries: 2000,
  /** All entries inflated together. */
  totalUncompressed: 64 * 1024 * 1024,
  /** Above this size an entry may not inflate more than `ratio` times its compressed size. */
  ratioFloor: 1024 * 1024,
  ratio: 100,
};

export type ContainerVerdict = { ok: true } | { ok: false; reason: 'file_type_not_allowed' | 'file_corrupt' | 'file_zip_bomb' | 'file_macros' };

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/**
 * A DOCX is an OOXML package: a valid zip with `[Content_Types].xml` declaring a WordprocessingML
 * main part that exists. Every entry is inflated (declared sizes can lie) against the bomb
 * limits; macro projects (a .docm renamed) are refused.
 */
export async function checkDocx(data: Buffer): Promise<ContainerVerdict> {
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    return { ok: false, reason: 'file_corrupt' };
  }
  try {
    if (zip.entryCount > ZIP_LIMITS.entries) return { ok: false, reason: 'file_zip_bomb' };
    let total = 0;
    let contentTypes: string | null = null;
    const names = new Set<string>();
    for (let i = 0; i < zip.entryCount; i++) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      names.add(entry.fileName);
      if (entry.uncompressedSize > ZIP_LIMITS.ratioFloor && entry.uncompressedSize > entry.compressedSize * ZIP_LIMITS.ratio) {
        return { ok: false, reason: 'file_zip_bomb' };
      }
      if (total + entry.uncompressedSize > ZIP_LIMITS.totalUncompressed) return { ok: false, reason: 'file_zip_bomb' };
      if (/(^|\/)vbaProject\.bin$/i.test(entry.fileName)) return { ok: false, reason: 'file_macros' };
      if (entry.fileName.endsWith('/')) continue;
      const keep = entry.fileName === '[Content_Types].xml';
      const inflated = await inflate(await zip.openReadStreamPromise(entry), ZIP_LIMITS.totalUncompressed - total, keep);
      if (inflated === 'too_big') return { ok: false, reason: 'file_zip_bomb' };
      total += inflated.bytes;
      if (keep) contentTypes = inflated.text;
    }
    if (!contentTypes) return { ok: false, reason: 'file_type_not_allowed' };
    if (/macroEnabled/i.test(contentTypes)) return { ok: false, reason: 'file_macros' };
    const main = new RegExp(`PartName="/?([^"]+)"\\s+ContentType="${WORD_MAIN.replace(/[.+]/g, '\\$&')}"`).exec(contentTypes)
      ?? new RegExp(`ContentType="${WORD_MAIN.replace(/[.+]/g, '\\$&')}"\\s+PartName="/?([^"]+)"`).exec(contentTypes);
    if (!main || !names.has(main[1])) return { ok: false, reason: 'file_type_not_allowed' };
    return { ok: true };
  } catch {
    return { ok: false, reason: 'file_corrupt' };
  } finally {
    zip.close();
  }
}

function nextEntry(zip: ZipFile): Promise<import('yauzl').Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: import('yauzl').Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

async function inflate(stream: Readable, budget: number, keep: boolean): Promise<{ bytes: number; text: string | null } | 'too_big'> {
  let bytes = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > budget) {
      stream.destroy();
      return 'too_big';
    }
    if (keep && bytes <= 1024 * 1024) chunks.push(chunk);
  }
  return { bytes, text: keep ? Buffer.concat(chunks).toString('utf8') : null };
}

const OLE_END_OF_CHAIN = 0xfffffffe;

/**
 * A DOC is an OLE2 compound file with a `WordDocument` stream (an XLS or an MSI has the same
 * header but not that stream). Reads the header, the FAT named in the header's DIFAT and walks
 * the directory chain, bounded so a crafted loop ends.
 */
export function checkDoc(data: Buffer): ContainerVerdict {
  try {
    if (data.length < 512 || data.readUInt16LE(0x1c) !== 0xfffe) return { ok: false, reason: 'file_corrupt' };
    const major = data.readUInt16LE(0x1a);
    const shift = data.readUInt16LE(0x1e);
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) return { ok: false, reason: 'file_corrupt' };
    const sectorSize = 1 << shift;
    const sector = (id: number) => {
      const start = (id + 1) * sectorSize;
      if (start + sectorSize > data.length) throw new Error('sector out of range');
      return data.subarray(start, start + sectorSize);
    };
    const fatSectors = Math.min(data.readUInt32LE(0x2c), 109);
    const fat: number[] = [];
    for (let i = 0; i < fatSectors; i++) {
      const id = data.readUInt32LE(0x4c + i * 4);
      if (id >= OLE_END_OF_CHAIN) break;
      const s = sector(id);
      for (let j = 0; j < sectorSize; j += 4) fat.push(s.readUInt32LE(j));
    }
    let dir = data.readUInt32LE(0x30);
    for (let hops = 0; dir < OLE_END_OF_CHAIN && hops < 10_000; hops++) {
      const s = sector(dir);
      for (let off = 0; off + 128 <= sectorSize; off += 128) {
        const nameLength = s.readUInt16LE(off + 64);
        const type = s[off + 66];
        if (nameLength < 2 || nameLength > 64) continue;
        const name = s.subarray(off, off + nameLength - 2).toString('utf16le');
        if (type === 2 && name === 'WordDocument') return { ok: true };
      }
      dir = fat[dir] ?? OLE_END_OF_CHAIN;
    }
    return { ok: false, reason: 'file_type_not_allowed' };
  } catch {
    return { ok: false, reason: 'file_corrupt' };
  }
}

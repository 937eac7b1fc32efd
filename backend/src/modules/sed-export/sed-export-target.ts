import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { s3Sdk } from '../../common/net/s3-sdk';
import { SedExportConfig } from '../../config/sed-export-config';
import { MANIFEST_NAME } from './sed-package';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RECEIPT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.receipt\.xml$/;
/** Receipts this large are no receipts (a few numbers per appeal). */
export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;

export interface ReceiptFile {
  /** The file name (`<package-id>.receipt.xml`). */
  name: string;
  packageId: string;
}

/**
 * Where packages go and receipts come from: a directory or an S3 prefix. A package becomes visible
 * whole: in a directory it is written under `.partial-<id>` and renamed; under S3 its manifest is
 * the last object (the СЭД takes a package once `<id>/manifest.sha256` exists).
 */
export interface SedExportTarget {
  readonly kind: 'dir' | 's3';
  /** The package's folder or key prefix, as the package row records it. */
  locationOf(packageId: string): string;
  /**
   * Removes what a crashed run left: partial folders, and packages on the target that no row
   * records (`known` says which ids are recorded). Returns the ids removed.
   */
  sweep(known: (ids: string[]) => Promise<Set<string>>): Promise<string[]>;
  /** Writes the package's files (relative path → bytes), manifest last; owner-only permissions. */
  publish(packageId: string, files: ReadonlyMap<string, Buffer>, manifest: string): Promise<void>;
  receipts(): Promise<ReceiptFile[]>;
  readReceipt(name: string): Promise<Buffer>;
  /** Moves a handled receipt to `processed/` (or `rejected/`), so it is not read again. */
  archiveReceipt(name: string, to: 'processed' | 'rejected'): Promise<void>;
}

export function sedExportTarget(config: SedExportConfig): SedExportTarget | null {
  switch (config.target) {
    case 'dir':
      return new DirectoryTarget(config.dir!);
    case 's3':
      return new S3Target(config);
    case 'off':
      return null;
  }
}

/** Owner-only: the packages hold citizens' personal data. */
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

export class DirectoryTarget implements SedExportTarget {
  readonly kind = 'dir' as const;

  constructor(private readonly root: string) {}

  locationOf(packageId: string): string {
    return join(this.root, packageId);
  }

  async sweep(known: (ids: string[]) => Promise<Set<string>>): Promise<string[]> {
    await mkdir(this.root, { recursive: true, mode: DIR_MODE });
    const entries = await readdir(this.root, { withFileTypes: true });
    const removed: string[] = [];
    for (const e of entries) {
      if (e.isDirectory() && e.name.startsWith('.partial-')) {
        await rm(join(this.root, e.name), { recursive: true, force: true });
        removed.push(e.name.slice('.partial-'.length));
      }
    }
    const ids = entries.filter((e) => e.isDirectory() && UUID.test(e.name)).map((e) => e.name);
    if (ids.length) {
      const recorded = await known(ids);
      for (const id of ids.filter((i) => !recorded.has(i))) {
        await rm(join(this.root, id), { recursive: true, force: true });
        removed.push(id);
      }
    }
    return removed;
  }

  async publish(packageId: string, files: ReadonlyMap<string, Buffer>, manifest: string): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: DIR_MODE });
    const partial = join(this.root, `.partial-${packageId}`);
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial, { mode: DIR_MODE });
    for (const [path, body] of files) {
      const target = join(partial, ...path.split('/'));
      await mkdir(dirname(target), { recursive: true, mode: DIR_MODE });
      await writeFile(target, body, { mode: FILE_MODE });
      await chmod(target, FILE_MODE); // against a umask or an existing file
    }
    await writeFile(join(partial, MANIFEST_NAME), manifest, { mode: FILE_MODE });
    await rename(partial, this.locationOf(packageId));
  }

  async receipts(): Promise<ReceiptFile[]> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names.flatMap((name) => {
      const m = RECEIPT.exec(name);
      return m ? [{ name, packageId: m[1] }] : [];
    });
  }

  async readReceipt(name: string): Promise<Buffer> {
    const body = await readFile(join(this.root, name));
    if (body.length > MAX_RECEIPT_BYTES) throw new Error(`receipt ${name} is larger than ${MAX_RECEIPT_BYTES} bytes`);
    return body;
  }

  async archiveReceipt(name: string, to: 'processed' | 'rejected'): Promise<void> {
    await mkdir(join(this.root, to), { recursive: true, mode: DIR_MODE });
    await rename(join(this.root, name), join(this.root, to, name));
  }
}

export class S3Target implements SedExportTarget {
  readonly kind = 's3' as const;
  /** The SDK, required with the first instance (see s3Sdk). */
  private readonly sdk = s3Sdk();
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(config: SedExportConfig) {
    const s3 = config.s3!;
    this.bucket = s3.bucket;
    this.prefix = `${config.s3Prefix!}/`;
    this.client = new this.sdk.S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: s3.forcePathStyle,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  locationOf(packageId: string): string {
    return `s3://${this.bucket}/${this.prefix}${packageId}/`;
  }

  private async keys(prefix: string, delimiter?: string): Promise<{ keys: string[]; folders: string[] }> {
    const keys: string[] = [];
    const folders: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.client.send(new this.sdk.ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, Delimiter: delimiter, ContinuationToken: token }));
      for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
      for (const p of out.CommonPrefixes ?? []) if (p.Prefix) folders.push(p.Prefix);
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return { keys, folders };
  }

  private async removePrefix(prefix: string): Promise<void> {
    const { keys } = await this.keys(prefix);
    for (let i = 0; i < keys.length; i += 1000) {
      await this.client.send(new this.sdk.DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })) } }));
    }
  }

  async sweep(known: (ids: string[]) => Promise<Set<string>>): Promise<string[]> {
    const { folders } = await this.keys(this.prefix, '/');
    const ids = folders.map((f) => f.slice(this.prefix.length, -1)).filter((id) => UUID.test(id));
    if (ids.length === 0) return [];
    const recorded = await known(ids);
    const removed = ids.filter((id) => !recorded.has(id));
    for (const id of removed) await this.removePrefix(`${this.prefix}${id}/`);
    return removed;
  }

  async publish(packageId: string, files: ReadonlyMap<string, Buffer>, manifest: string): Promise<void> {
    const base = `${this.prefix}${packageId}/`;
    await this.removePrefix(base);
    for (const [path, body] of files) {
      await this.client.send(new this.sdk.PutObjectCommand({ Bucket: this.bucket, Key: base + path, Body: body, ContentLength: body.length, ContentType: 'application/octet-stream' }));
    }
    await this.client.send(new this.sdk.PutObjectCommand({ Bucket: this.bucket, Key: base + MANIFEST_NAME, Body: manifest, ContentType: 'text/plain; charset=utf-8' }));
  }

  async receipts(): Promise<ReceiptFile[]> {
    const { keys } = await this.keys(this.prefix, '/');
    return keys.flatMap((key) => {
      const name = key.slice(this.prefix.length);
      const m = RECEIPT.exec(name);
      return m ? [{ name, packageId: m[1] }] : [];
    });
  }

  async readReceipt(name: string): Promise<Buffer> {
    const out = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + name }));
    if ((out.ContentLength ?? 0) > MAX_RECEIPT_BYTES) throw new Error(`receipt ${name} is larger than ${MAX_RECEIPT_BYTES} bytes`);
    return Buffer.from(await out.Body!.transformToByteArray());
  }

  async archiveReceipt(name: string, to: 'processed' | 'rejected'): Promise<void> {
    const key = this.prefix + name;
    await this.client.send(new this.sdk.CopyObjectCommand({ Bucket: this.bucket, Key: `${this.prefix}${to}/${name}`, CopySource: `${this.bucket}/${encodeURIComponent(key).replace(/%2F/g, '/')}` }));
    await this.client.send(new this.sdk.DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: [{ Key: key }] } }));
  }
}

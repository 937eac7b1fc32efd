import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { assertKey, ObjectStorage } from './object-storage';

/**
 * Objects as files under DATA_DIR/attachments/objects/<first two characters>/<key>. A put is a
 * rename from the spool directory on the same file system, so an object appears whole or not at all.
 */
export class LocalObjectStorage implements ObjectStorage {
  readonly name = 'local' as const;

  constructor(
    private readonly root: string,
    private readonly spool: string,
  ) {}

  async putFile(key: string, path: string): Promise<void> {
    const target = await this.pathFor(key, true);
    await rename(path, target);
  }

  async putBuffer(key: string, data: Buffer): Promise<void> {
    const target = await this.pathFor(key, true);
    const temp = join(this.spool, `${randomUUID()}.part`);
    try {
      await writeFile(temp, data, { mode: 0o600 });
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    const path = await this.pathFor(key, false);
    await access(path);
    return createReadStream(path, { highWaterMark: 256 * 1024 });
  }

  async delete(key: string): Promise<void> {
    await rm(await this.pathFor(key, false), { force: true });
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root);
  }

  private async pathFor(key: string, create: boolean): Promise<string> {
    assertKey(key);
    const dir = join(this.root, key.slice(0, 2));
    if (create) await mkdir(dir, { recursive: true, mode: 0o700 });
    return join(dir, key);
  }
}

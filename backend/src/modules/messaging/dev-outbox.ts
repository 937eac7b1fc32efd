import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes one message of the dev SMS sink or mailbox as `<time>-<uuid>.json`. Written under a
 * temporary name and renamed, so whoever reads the folder never sees a half-written file.
 */
export async function writeDevMessage(dir: string, message: object): Promise<void> {
  await mkdir(dir, { recursive: true });
  const name = `${Date.now()}-${randomUUID()}`;
  const partial = join(dir, `.${name}.partial`);
  await writeFile(partial, JSON.stringify(message));
  await rename(partial, join(dir, `${name}.json`));
}

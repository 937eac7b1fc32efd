import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders this process has made: a mkdir per message was a fifth of the mailbox's cost under load. */
const made = new Set<string>();

/**
 * Writes one message of the dev SMS sink or mailbox as `<time>-<uuid>.json`. Written under a
 * temporary name and renamed, so whoever reads the folder never sees a half-written file.
 */
export async function writeDevMessage(dir: string, message: object): Promise<void> {
  const name = `${Date.now()}-${randomUUID()}`;
  const partial = join(dir, `.${name}.partial`);
  const body = JSON.stringify(message);
  if (!made.has(dir)) {
    await mkdir(dir, { recursive: true });
    made.add(dir);
  }
  try {
    await writeFile(partial, body);
  } catch (error) {
    // The folder was removed while the process ran (someone emptied the mailbox): make it again.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dir, { recursive: true });
    await writeFile(partial, body);
  }
  await rename(partial, join(dir, `${name}.json`));
}

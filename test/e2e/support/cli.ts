import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { ROOT } from './server';

const CLI = join(ROOT, 'dist', 'backend', 'src', 'cli.js');
let signingKey: string | undefined;

/**
 * Runs the admin CLI against the shared test server's data: the same PostgreSQL database
 * (production mode needs its keys) or, embedded, the server's DATA_DIR.
 */
export function cliOnServer(args: string[]): { status: number | null; out: string } {
  signingKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const env = process.env.OTKLIK_DATABASE_URL
    ? { DATABASE_URL: process.env.OTKLIK_DATABASE_URL, APP_MODE: 'production', MASTER_KEY: Buffer.alloc(32, 1).toString('base64'), ANSWER_SIGNING_KEY: signingKey }
    : { DATA_DIR: process.env.OTKLIK_DATA_DIR };
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, APP_MODE: 'demo', DATABASE_URL: undefined, REDIS_URL: undefined, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

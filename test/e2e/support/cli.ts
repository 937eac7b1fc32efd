import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { generateVAPIDKeys, VapidKeys } from 'web-push';
import { ROOT } from './server';

const CLI = join(ROOT, 'dist', 'backend', 'src', 'cli.js');
let signingKey: string | undefined;
let vapid: VapidKeys | undefined;

/** Runs the built admin CLI with `env` over the test's own (without the suite's DATABASE_URL and REDIS_URL unless given). */
export function runCli(args: string[], env: Record<string, string | undefined>): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, APP_MODE: 'demo', DATABASE_URL: undefined, REDIS_URL: undefined, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/**
 * The CLI on the shared test server's data: with DATABASE_URL, the same PostgreSQL database as a
 * production CLI (with the keys production requires); embedded, the server's DATA_DIR, whose
 * running PostgreSQL the CLI connects to.
 */
export function serverCliEnv(): Record<string, string | undefined> {
  vapid ??= generateVAPIDKeys();
  signingKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return process.env.DATABASE_URL
    ? { DATABASE_URL: process.env.OTKLIK_DATABASE_URL, APP_MODE: 'production', MASTER_KEY: Buffer.alloc(32, 1).toString('base64'), ANSWER_SIGNING_KEY: signingKey, VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey }
    : { DATA_DIR: process.env.OTKLIK_DATA_DIR };
}

export function cliOnServer(args: string[]): { status: number | null; out: string } {
  return runCli(args, serverCliEnv());
}

/** The CLI on a dedicated test server's data (startServer): its own scratch database, or its DATA_DIR. */
export function cliEnvOf(server: { databaseUrl?: string; dataDir: string }): Record<string, string | undefined> {
  return process.env.DATABASE_URL ? { ...serverCliEnv(), DATABASE_URL: server.databaseUrl } : { DATA_DIR: server.dataDir };
}

/** A supervisor of one department (by code) only, created with the CLI on a dedicated server; returns the sign-in. */
export function addSupervisor(server: { databaseUrl?: string; dataDir: string }, department: string): { login: string; password: string } {
  const login = `${department}-head-${randomUUID().slice(0, 8)}@example.ru`;
  const password = 'Department#Head2026';
  const created = runCli(['user:create', '--role', 'supervisor', '--email', login, '--password', password, '--department', department, '--name', 'Руководитель отдела'], cliEnvOf(server));
  if (created.status !== 0) throw new Error(`cli: ${created.out}`);
  return { login, password };
}

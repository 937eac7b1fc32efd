import { existsSync, readFileSync } from 'node:fs';
import { AllowList } from '../modules/webhooks/address-guard';
import type { AppMode } from './app-config';
import { bool, ConfigError, Env, int } from './env-readers';

/** Outgoing webhooks (issue 19): where they may go and how long they are retried. */
export interface WebhooksConfig {
  /** WEBHOOK_ALLOW_HTTP: plain-http receiver URLs (demo mode only; production requires https). */
  allowHttp: boolean;
  /**
   * WEBHOOK_ALLOW_LIST: comma-separated networks (CIDR or one address) and host names the SSRF
   * guard lets through although private (on-premise receivers). A host name is trusted whatever
   * it resolves to: list names whose DNS you control.
   */
  allowList: AllowList;
  /** WEBHOOK_CA_FILE: PEM certificates trusted besides the system's (an on-premise CA). */
  extraCa?: string;
  /** WEBHOOK_TIMEOUT_MS: the receiver's reply (headers, each gap in the body); connecting has its own. */
  timeoutMs: number;
  /** WEBHOOK_MAX_RESPONSE_BYTES: the most of a reply read (kept in the log, cut); the rest is dropped. */
  maxResponseBytes: number;
  /** WEBHOOK_RETRY_HOURS: a delivery is retried (EVENT_RETRY_* back-off) this long after its first attempt, then dead. */
  retryHours: number;
  /** WEBHOOK_DISABLE_AFTER_FAILURES: consecutive failed attempts of a subscription that disable it (admins are told). */
  disableAfterFailures: number;
  /** WEBHOOK_CONCURRENCY: requests in flight per process. */
  concurrency: number;
}

export function webhooksConfig(env: Env, mode: AppMode): WebhooksConfig {
  const allowHttp = bool(env, 'WEBHOOK_ALLOW_HTTP', mode === 'demo');
  if (allowHttp && mode === 'production') throw new ConfigError('WEBHOOK_ALLOW_HTTP', 'must not be enabled in production mode (receivers use https)');
  let allowList: AllowList;
  try {
    allowList = AllowList.parse(env.WEBHOOK_ALLOW_LIST ?? '');
  } catch (error) {
    throw new ConfigError('WEBHOOK_ALLOW_LIST', `${(error as Error).message} (e.g. "10.20.0.0/16,sed.body.local")`);
  }
  let extraCa: string | undefined;
  const caFile = env.WEBHOOK_CA_FILE;
  if (caFile) {
    if (!existsSync(caFile)) throw new ConfigError('WEBHOOK_CA_FILE', `names a file that does not exist: ${caFile}`);
    extraCa = readFileSync(caFile, 'utf8');
    if (!extraCa.includes('-----BEGIN CERTIFICATE-----')) throw new ConfigError('WEBHOOK_CA_FILE', 'must hold PEM certificates');
  }
  return {
    allowHttp,
    allowList,
    extraCa,
    timeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    maxResponseBytes: int(env, 'WEBHOOK_MAX_RESPONSE_BYTES', 16 * 1024, 0, 1024 * 1024),
    retryHours: int(env, 'WEBHOOK_RETRY_HOURS', 72, 1, 24 * 30),
    disableAfterFailures: int(env, 'WEBHOOK_DISABLE_AFTER_FAILURES', 50, 1, 100_000),
    concurrency: int(env, 'WEBHOOK_CONCURRENCY', 32, 1, 1024),
  };
}

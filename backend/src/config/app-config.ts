import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export type AppMode = 'demo' | 'production';

/** The one typed configuration object; everything else derives from it (CONVENTIONS.md #2). */
export interface AppConfig {
  mode: AppMode;
  port: number;
  host: string;
  dataDir: string;
  /** Absent → embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** Absent → jobs run in-process. */
  redisUrl?: string;
  /** Key prefix of the BullMQ queues, so several deployments can share one Redis. */
  queuePrefix: string;
  masterKey: Buffer;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  corsOrigins: string[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Where the built console lives; served at `/` when present. */
  consoleDir: string;
  /** Connections the embedded PGlite socket admits (the app holds one, the CLI may take one). */
  embeddedMaxConnections: number;
  identity: IdentityConfig;
}

/** Sign-in protection, second factor and the channels one-time codes travel by. */
export interface IdentityConfig {
  /** `dev` writes messages to DATA_DIR/outbox/sms; `http` POSTs JSON to `smsHttpUrl`. */
  smsGateway: 'dev' | 'http';
  smsHttpUrl?: string;
  /** JSON body template of the HTTP gateway; `{phone}` and `{text}` are replaced (JSON-escaped). */
  smsHttpTemplate: string;
  /** Absent → dev mailbox in DATA_DIR/outbox/mail. */
  smtpUrl?: string;
  mailFrom: string;
  /** `required`: staff must pass a second factor (default in production); `optional`: only when enrolled. */
  staffMfa: 'required' | 'optional';
  passwordMaxAgeDays: number;
  /** Staff sign-in allow-list: `*` or `role:<role>` or an account e-mail → IPs/CIDRs (STAFF_IP_ALLOWLIST). */
  staffIpAllowList: { subject: string; networks: string[] }[];
  /** Failed sign-ins of one account, and from one IP, before a lockout (which then doubles up to an hour). */
  lockoutAccountFailures: number;
  lockoutIpFailures: number;
  /** Requests per minute from one IP to the sign-in and code routes. */
  authRateLimitPerMinute: number;
  /** One-time code sends per phone/e-mail and per IP: at most one per minute and this many per hour. */
  codeSendsPerHour: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

function masterKey(env: Env, mode: AppMode, dataDir: string): Buffer {
  const raw = env.MASTER_KEY;
  if (raw) {
    const key = Buffer.from(raw, 'base64');
    if (key.length !== 32) throw new ConfigError('MASTER_KEY', 'must be 32 bytes encoded in base64');
    return key;
  }
  if (mode === 'production') throw new ConfigError('MASTER_KEY', 'is required in production mode');
  // Demo mode only: a key generated once and kept beside the data it protects.
  const file = join(dataDir, 'master.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

function queuePrefix(env: Env): string {
  const prefix = env.QUEUE_PREFIX || 'otklik';
  if (!/^[\w.-]{1,64}$/.test(prefix)) throw new ConfigError('QUEUE_PREFIX', 'may hold only letters, digits, ".", "_" and "-" (at most 64)');
  return prefix;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** `STAFF_IP_ALLOWLIST="role:admin=10.0.0.0/8,192.168.1.5;ops@body.gov.ru=10.1.2.3"` */
function ipAllowList(env: Env): IdentityConfig['staffIpAllowList'] {
  const raw = env.STAFF_IP_ALLOWLIST ?? '';
  return raw
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((entry) => {
      const [subject, list] = entry.split('=');
      const networks = (list ?? '').split(',').map((n) => n.trim()).filter(Boolean);
      if (!subject || networks.length === 0) throw new ConfigError('STAFF_IP_ALLOWLIST', `entry "${entry}" must be <subject>=<ip or cidr>[,...]`);
      for (const n of networks) {
        if (!/^[\d.:a-fA-F]+(\/\d{1,3})?$/.test(n)) throw new ConfigError('STAFF_IP_ALLOWLIST', `has an invalid address "${n}"`);
      }
      return { subject: subject.trim().toLowerCase(), networks };
    });
}

function identity(env: Env, mode: AppMode): IdentityConfig {
  const smsGateway = oneOf(env, 'SMS_GATEWAY', ['dev', 'http'] as const, 'dev');
  const smsHttpUrl = url(env, 'SMS_HTTP_URL', ['http:', 'https:']);
  if (smsGateway === 'http' && !smsHttpUrl) throw new ConfigError('SMS_HTTP_URL', 'is required when SMS_GATEWAY=http');
  const smsHttpTemplate = env.SMS_HTTP_TEMPLATE || '{"to":"{phone}","text":"{text}"}';
  try {
    JSON.parse(smsHttpTemplate.replaceAll('{phone}', '').replaceAll('{text}', ''));
  } catch {
    throw new ConfigError('SMS_HTTP_TEMPLATE', 'must be a JSON template with {phone} and {text} inside strings');
  }
  const mailFrom = env.MAIL_FROM || 'Отклик <no-reply@otklik.local>';
  if (!/@/.test(mailFrom)) throw new ConfigError('MAIL_FROM', 'must hold an e-mail address');
  return {
    smsGateway,
    smsHttpUrl,
    smsHttpTemplate,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    staffMfa: oneOf(env, 'STAFF_MFA', ['required', 'optional'] as const, mode === 'production' ? 'required' : 'optional'),
    passwordMaxAgeDays: int(env, 'PASSWORD_MAX_AGE_DAYS', 90, 1, 3650),
    staffIpAllowList: ipAllowList(env),
    lockoutAccountFailures: int(env, 'LOCKOUT_ACCOUNT_FAILURES', 5, 1, 1000),
    lockoutIpFailures: int(env, 'LOCKOUT_IP_FAILURES', 50, 1, 100000),
    authRateLimitPerMinute: int(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 300, 1, 1000000),
    codeSendsPerHour: int(env, 'CODE_SENDS_PER_HOUR', 5, 1, 10000),
  };
}

const LOG_LEVELS: AppConfig['logLevel'][] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment once; a bad value throws a ConfigError naming it. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const modeRaw = env.APP_MODE || (databaseUrl ? 'production' : 'demo');
  if (modeRaw !== 'demo' && modeRaw !== 'production') {
    throw new ConfigError('APP_MODE', `must be "demo" or "production", got "${modeRaw}"`);
  }
  const mode: AppMode = modeRaw;
  const dataDirRaw = env.DATA_DIR || './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  const port = int(env, 'PORT', 3000, 0, 65535);
  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) throw new ConfigError('CORS_ORIGINS', `has an invalid origin "${origin}"`);
  }
  return {
    mode,
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    queuePrefix: queuePrefix(env),
    masterKey: masterKey(env, mode, dataDir),
    publicUrl: publicUrl.replace(/\/$/, ''),
    logLevel,
    corsOrigins,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL', 900, 30, 86400),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL', 30 * 86400, 300, 365 * 86400),
    consoleDir: resolve(cwd, env.CONSOLE_DIR || 'dist/console/browser'),
    embeddedMaxConnections: 2,
    identity: identity(env, mode),
  };
}

import { KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { deriveEcP256Key } from '../common/crypto/keys';
import { loadClientKey } from '../common/esia/esia-protocol';
import { AnswerSigningKeys, demoSigningKey, KEY_ID_PATTERN, keyIdOf, KeyFormatError, readSigningKey, readVerifyKeys } from '../modules/workflow/signing/signing-keys';
import { AuditChainConfig, auditChainConfig, AuditSignalsConfig, auditSignalsConfig } from './audit-signals-config';
import { bool, ConfigError, Env, int, oneOf, url } from './env-readers';
import { MessagingConfig, messagingConfig } from './messaging-config';
import { SedExportConfig, sedExportConfig } from './sed-export-config';
import { WebhooksConfig, webhooksConfig } from './webhooks-config';

export { ConfigError } from './env-readers';

export type AppMode = 'demo' | 'production';

export interface EventsConfig {
  /** EVENT_MAX_ATTEMPTS: attempts of one consumer on one event before it is a dead letter. */
  maxAttempts: number;
  /** EVENT_RETRY_BASE_MS / EVENT_RETRY_MAX_MS: exponential back-off (with ±20 % jitter) between attempts. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** EVENT_LEASE_SECONDS: how long a runner holds a delivery before another may take it over. */
  leaseSeconds: number;
  /** EVENT_HANDLER_TIMEOUT_MS: an attempt that takes longer counts as failed and frees its runner (below the lease). */
  handlerTimeoutMs: number;
}

/** The one typed configuration object; everything else derives from it (CONVENTIONS.md #2). */
export interface AppConfig {
  mode: AppMode;
  port: number;
  host: string;
  dataDir: string;
  /** Absent → the embedded PostgreSQL in `dataDir/pg`. */
  databaseUrl?: string;
  /** Absent → jobs run in-process. */
  redisUrl?: string;
  /** Key prefix of the BullMQ queues, so several deployments can share one Redis. */
  queuePrefix: string;
  masterKey: Buffer;
  publicUrl: string;
  /** CITIZEN_APP_URL: where a citizen reads an appeal (`<url>/appeals/<number>` in notices); PUBLIC_URL/cabinet by default. */
  citizenAppUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  corsOrigins: string[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Where the built console lives; served at `/` when present. */
  consoleDir: string;
  /** The built citizen widget (widget.js and its lazily loaded form), served at /widget/. */
  widgetDir: string;
  /** WORKER_HEALTH_PORT: `npm run worker` serves /health/live, /health/ready and /metrics here (0: off). */
  workerHealthPort: number;
  /** How consumers of domain events are retried before their delivery is a dead letter. */
  events: EventsConfig;
  /** CLOCK_CONTROL: tests may move the application clock over HTTP (never in production). */
  clockControl: boolean;

  /** The body that answers appeals and signs the answers (ORGANISATION_NAME). */
  organisationName: string;
  /** Keys of signed answers: ANSWER_SIGNING_KEY (+ ANSWER_SIGNING_KEY_ID) signs, ANSWER_VERIFY_KEYS keep verifying. */
  answerSigning: AnswerSigningKeys;

  identity: IdentityConfig;
  /** SMPP, VAPID keys of web push, per-provider send rates. */
  messaging: MessagingConfig;
  metrics: MetricsConfig;
  esia: EsiaConfig;
  sla: SlaConfig;
  attachments: AttachmentsConfig;
  /** Thresholds of the audit module's suspicious-activity signals and the access-log policy. */
  auditSignals: AuditSignalsConfig;
  /** Outgoing webhooks: the SSRF guard's allow-list, extra CA, time-outs, retry window, disabling. */
  webhooks: WebhooksConfig;
  /** Open311 GeoReport v2 (issue 19): OPEN311_RATE_PER_MINUTE, requests filed per API key per minute (429 above). */
  open311: { ratePerMinute: number };
  /** The document-management (СЭД) export: SED_EXPORT_DIR or SED_EXPORT_S3_PREFIX, SED_EXPORT_INTERVAL_MINUTES. */
  sedExport: SedExportConfig;
  /** The audit chain's sealing and checkpoint cadence, and how far ahead audit_log's partitions are made. */
  auditChain: AuditChainConfig;
  /** Intake from other channels and duplicates (issue 18). */
  intake: IntakeConfig;
  /** The citizen's cabinet (issue 18). */
  cabinet: CabinetConfig;
}

/** Staff registration and the duplicate search (issue 18). */
export interface IntakeConfig {
  /** INTAKE_RECEIVED_MAX_AGE_DAYS: how old a received date an operator may give (older is refused as absurd). */
  receivedMaxAgeDays: number;
  /** DUPLICATE_WINDOW_DAYS: how far back the same citizen's appeals are compared. */
  duplicateWindowDays: number;
  /** INTAKE_SMTP_PORT: the e-mail intake's SMTP listener (absent: off, in every mode); 0 picks a free port. */
  smtpPort?: number;
  /** INTAKE_SMTP_HOST: where it listens (127.0.0.1 by default: put a mail relay in front of it). */
  smtpHost: string;
  /** INTAKE_MAIL_MAX_BYTES: the largest mail accepted (a larger one is refused with 552 at DATA). */
  maxMailBytes: number;
  /** RECURRING_WINDOW_HOURS: the window in which appeals of one category and area are counted. */
  recurringWindowHours: number;
  /** RECURRING_MIN_CITIZENS: how many different citizens within the window make a recurring problem. */
  recurringMinCitizens: number;
  /** DUPLICATE_SIMILARITY_PERCENT / 100: the pg_trgm similarity (0–1) of subject and text above which an appeal is a likely duplicate. */
  duplicateSimilarity: number;
}

/** What the citizen's cabinet shows of the staff who handle their appeals. */
export interface CabinetConfig {
  /**
   * CITIZEN_SEES_EXECUTOR_NAME (default true): the card and the thankable-staff list name the
   * executor beside their position. The position is always shown. On by default because the
   * citizen already reads the executor's name in the status history and in the signed answer
   * (DOMAIN.md: history actor «name, position»; answer executor «ФИО, position, work phone»).
   */
  showExecutorName: boolean;
}

/**
 * Who may read the Prometheus metrics. With METRICS_PORT they are served only on that internal
 * listener; otherwise at /api/metrics, behind METRICS_TOKEN when it is set. With neither, demo
 * mode serves them openly and production turns them off.
 */
export interface MetricsConfig {
  /** METRICS_TOKEN: the bearer token a scraper sends (`Authorization: Bearer …`). */
  token?: string;
  /** METRICS_PORT: a separate listener (on METRICS_HOST) that serves only `GET /metrics`. */
  port?: number;
  host: string;
  /** Whether `/api/metrics` on the main port answers at all. */
  onMainPort: boolean;
}

/** Deadlines scheduler, auto-close and retention (issue 5). */
export interface SlaConfig {
  /** SLA_TICK_SECONDS: how often the scheduler looks for overdue appeals, reminders and auto-closes. */
  tickSeconds: number;
  /** AUTO_CLOSE_DAYS: calendar days after the answer before a resolved/rejected appeal closes by itself. */
  autoCloseDays: number;
  /** RETENTION_YEARS: years after closure before an appeal's personal data is destroyed (152-ФЗ). */
  retentionYears: number;
  /** RETENTION_MODE: `anonymise` (keep the statistics row) or `delete` the appeal. */
  retentionMode: 'anonymise' | 'delete';
}

/** Where attachment objects live and the limits uploads are held to. */
export interface AttachmentsConfig {
  /** STORAGE: `local` (a directory under DATA_DIR) or `s3` (S3-compatible object storage). */
  storage: 'local' | 's3';
  /** Present when storage is `s3`. */
  s3?: {
    endpoint?: string;
    bucket: string;
    accessKeyId: string;
    secretAccessKey: string;
    region: string;
    forcePathStyle: boolean;
  };
  maxFileBytes: number;
  maxAppealBytes: number;
  maxFilesPerAppeal: number;
  /** Bytes one citizen may upload in 24 hours. */
  dailyQuotaBytes: number;
  /** Unbound uploads older than this are removed by housekeeping. */
  unboundTtlHours: number;
  /** clamd's unix socket (CLAMD_SOCKET); absent → files are not scanned. */
  clamdSocket?: string;
  clamdTimeoutMs: number;
}

export type TrustLevelName = 'confirmed' | 'standard' | 'simplified';
const TRUST_LEVELS: TrustLevelName[] = ['confirmed', 'standard', 'simplified'];

export interface EsiaConfig {
  /** Serve the embedded ESIA-like IdP under `/esia` (ESIA_IDP_ENABLED; true in demo, false in production). */
  idpEnabled: boolean;
  /** The provider the relying party signs in with (ESIA_ISSUER); absent → «Войти через Госуслуги» is off. */
  issuer?: string;
  clientId: string;
  /** The RP's private key that signs `client_secret` (ESIA_CLIENT_KEY: PEM, or a path to a PEM file). */
  clientKey?: KeyObject;
  /** Trust levels of ESIA-created accounts that may file identified appeals (ESIA_TRUST_LEVELS_FOR_APPEALS). */
  trustLevelsForAppeals: TrustLevelName[];
}


/** Sign-in protection, second factor and the channels one-time codes travel by. */
export interface IdentityConfig {
  /** `dev` writes messages to DATA_DIR/outbox/sms; `http` POSTs JSON to `smsHttpUrl`; `smpp` binds to an SMSC (messaging.smpp). */
  smsGateway: 'dev' | 'http' | 'smpp';
  smsHttpUrl?: string;
  /** JSON body template of the HTTP gateway; `{phone}` and `{text}` are replaced (JSON-escaped). */
  smsHttpTemplate: string;
  /** Absent → dev mailbox in DATA_DIR/outbox/mail. */
  smtpUrl?: string;
  mailFrom: string;
  /** `required`: staff must pass a second factor (default in production); `optional`: only when enrolled. */
  staffMfa: 'required' | 'optional';
  passwordMaxAgeDays: number;
  /** Staff allow-list (at sign-in and on every request): `*` or `role:<role>` or an account e-mail → IPs/CIDRs (STAFF_IP_ALLOWLIST). */
  staffIpAllowList: { subject: string; networks: string[] }[];
  /** Failed sign-ins of one account, and from one IP, before a lockout (which then doubles up to an hour). */
  lockoutAccountFailures: number;
  lockoutIpFailures: number;
  /** Requests per minute from one IP to the sign-in and code routes. */
  authRateLimitPerMinute: number;
  /** One-time code sends per phone/e-mail and per IP: at most one per minute and this many per hour. */
  codeSendsPerHour: number;
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

function esiaConfig(env: Env, mode: AppMode, publicUrl: string, key: Buffer): EsiaConfig {
  const idpEnabled = bool(env, 'ESIA_IDP_ENABLED', mode === 'demo');
  const issuer = (url(env, 'ESIA_ISSUER', ['http:', 'https:']) ?? (idpEnabled ? `${publicUrl}/esia` : undefined))?.replace(/\/$/, '');
  const clientId = env.ESIA_CLIENT_ID || 'OTKLIK';
  if (!/^[\w.-]{1,64}$/.test(clientId)) throw new ConfigError('ESIA_CLIENT_ID', 'may hold only letters, digits, ".", "_" and "-" (at most 64)');
  let clientKey: KeyObject | undefined;
  const rawKey = env.ESIA_CLIENT_KEY;
  if (rawKey) {
    try {
      clientKey = loadClientKey(rawKey.includes('-----BEGIN') ? rawKey.replace(/\\n/g, '\n') : readFileSync(rawKey, 'utf8')).privateKey;
    } catch (error) {
      throw new ConfigError('ESIA_CLIENT_KEY', `must be a PEM private key (RSA or EC P-256) or a path to one: ${(error as Error).message}`);
    }
  } else if (issuer && (idpEnabled || mode === 'demo')) {
    // Demo/dev: a key derived from MASTER_KEY; the embedded IdP registers its public half.
    clientKey = deriveEcP256Key(key, 'esia-client');
  } else if (issuer) {
    throw new ConfigError('ESIA_CLIENT_KEY', 'is required when ESIA_ISSUER points at an external provider');
  }
  const levels = (env.ESIA_TRUST_LEVELS_FOR_APPEALS || 'confirmed').split(',').map((l) => l.trim()).filter(Boolean);
  for (const level of levels) {
    if (!TRUST_LEVELS.includes(level as TrustLevelName)) {
      throw new ConfigError('ESIA_TRUST_LEVELS_FOR_APPEALS', `has "${level}"; allowed: ${TRUST_LEVELS.join(', ')}`);
    }
  }
  return { idpEnabled, issuer, clientId, clientKey, trustLevelsForAppeals: levels as TrustLevelName[] };
}

function answerSigning(env: Env, mode: AppMode, dataDir: string): AnswerSigningKeys {
  const rawKey = env.ANSWER_SIGNING_KEY;
  let pair: { privateKey: KeyObject; publicKey: KeyObject };
  if (rawKey) {
    try {
      pair = readSigningKey(rawKey);
    } catch (error) {
      if (error instanceof KeyFormatError) throw new ConfigError('ANSWER_SIGNING_KEY', `${error.message} (an RSA private key of at least 2048 bits, as PEM or a path to a PEM file)`);
      throw error;
    }
  } else if (mode === 'production') {
    throw new ConfigError('ANSWER_SIGNING_KEY', 'is required in production mode (an RSA private key, as PEM or a path to a PEM file)');
  } else {
    // Demo mode only: generated once into DATA_DIR, like master.key.
    pair = demoSigningKey(dataDir);
  }
  const kid = env.ANSWER_SIGNING_KEY_ID || keyIdOf(pair.publicKey);
  if (!KEY_ID_PATTERN.test(kid)) throw new ConfigError('ANSWER_SIGNING_KEY_ID', 'may hold only letters, digits, ".", "_", ":" and "-" (at most 64)');
  let previous: AnswerSigningKeys['previous'];
  try {
    previous = readVerifyKeys(env.ANSWER_VERIFY_KEYS ?? '');
  } catch (error) {
    if (error instanceof KeyFormatError) throw new ConfigError('ANSWER_VERIFY_KEYS', error.message);
    throw error;
  }
  const clash = previous.find((k) => k.kid === kid && !k.publicKey.equals(pair.publicKey));
  if (clash) throw new ConfigError('ANSWER_VERIFY_KEYS', `lists key "${kid}", the id of the current ANSWER_SIGNING_KEY, with a different key`);
  return { current: { kid, ...pair }, previous: previous.filter((k) => k.kid !== kid) };
}

function queuePrefix(env: Env): string {
  const prefix = env.QUEUE_PREFIX || 'otklik';
  if (!/^[\w.-]{1,64}$/.test(prefix)) throw new ConfigError('QUEUE_PREFIX', 'may hold only letters, digits, ".", "_" and "-" (at most 64)');
  return prefix;
}

function eventsConfig(env: Env): EventsConfig {
  const leaseSeconds = int(env, 'EVENT_LEASE_SECONDS', 60, 5, 86_400);
  const handlerTimeoutMs = int(env, 'EVENT_HANDLER_TIMEOUT_MS', Math.min(30_000, leaseSeconds * 500), 10, 86_400_000);
  // An attempt still running when its lease ends could be run a second time beside it.
  if (handlerTimeoutMs >= leaseSeconds * 1000) throw new ConfigError('EVENT_HANDLER_TIMEOUT_MS', `must be below EVENT_LEASE_SECONDS (${leaseSeconds} s), got ${handlerTimeoutMs} ms`);
  return {
    maxAttempts: int(env, 'EVENT_MAX_ATTEMPTS', 8, 1, 100),
    retryBaseMs: int(env, 'EVENT_RETRY_BASE_MS', 1000, 1, 3_600_000),
    retryMaxMs: int(env, 'EVENT_RETRY_MAX_MS', 3_600_000, 1, 86_400_000),
    leaseSeconds,
    handlerTimeoutMs,
  };
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
  const smsGateway = oneOf(env, 'SMS_GATEWAY', ['dev', 'http', 'smpp'] as const, 'dev');
  const smsHttpUrl = url(env, 'SMS_HTTP_URL', ['http:', 'https:']);
  if (smsGateway === 'http' && !smsHttpUrl) throw new ConfigError('SMS_HTTP_URL', 'is required when SMS_GATEWAY=http');
  const smsHttpTemplate = env.SMS_HTTP_TEMPLATE || '{"to":"{phone}","text":"{text}"}';
  try {
    JSON.parse(smsHttpTemplate.replaceAll('{phone}', '').replaceAll('{text}', '').replaceAll('{ref}', ''));
  } catch {
    throw new ConfigError('SMS_HTTP_TEMPLATE', 'must be a JSON template with {phone}, {text} (and optionally {ref}) inside strings');
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

const MB = 1024 * 1024;

function attachments(env: Env): AttachmentsConfig {
  const storage = oneOf(env, 'STORAGE', ['local', 's3'] as const, 'local');
  let s3: AttachmentsConfig['s3'];
  if (storage === 's3') {
    const required = (name: string) => {
      const value = env[name];
      if (!value) throw new ConfigError(name, 'is required when STORAGE=s3');
      return value;
    };
    const bucket = required('S3_BUCKET');
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError('S3_BUCKET', `is not a valid bucket name: "${bucket}"`);
    s3 = {
      endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
      bucket,
      accessKeyId: required('S3_ACCESS_KEY'),
      secretAccessKey: required('S3_SECRET_KEY'),
      region: env.S3_REGION || 'us-east-1',
      // Most self-hosted S3-compatible servers (MinIO, Ceph) need path-style addressing.
      forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', Boolean(env.S3_ENDPOINT)),
    };
  }
  const clamdSocket = env.CLAMD_SOCKET || undefined;
  if (clamdSocket && !isAbsolute(clamdSocket)) throw new ConfigError('CLAMD_SOCKET', 'must be an absolute path to clamd\'s unix socket');
  const maxFileBytes = int(env, 'ATTACHMENT_MAX_FILE_MB', 5, 1, 1024) * MB;
  const maxAppealBytes = int(env, 'ATTACHMENT_MAX_APPEAL_MB', 20, 1, 10240) * MB;
  if (maxAppealBytes < maxFileBytes) throw new ConfigError('ATTACHMENT_MAX_APPEAL_MB', 'must not be less than ATTACHMENT_MAX_FILE_MB');
  return {
    storage,
    s3,
    maxFileBytes,
    maxAppealBytes,
    maxFilesPerAppeal: int(env, 'ATTACHMENT_MAX_FILES_PER_APPEAL', 10, 1, 1000),
    dailyQuotaBytes: int(env, 'ATTACHMENT_DAILY_QUOTA_MB', 50, 1, 1024 * 1024) * MB,
    unboundTtlHours: int(env, 'ATTACHMENT_UNBOUND_TTL_HOURS', 24, 1, 24 * 365),
    clamdSocket,
    clamdTimeoutMs: int(env, 'CLAMD_TIMEOUT_MS', 30_000, 100, 600_000),
  };
}

function metrics(env: Env, mode: AppMode, mainPort: number): MetricsConfig {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && !/^[\x21-\x7e]{16,256}$/.test(token)) {
    throw new ConfigError('METRICS_TOKEN', 'must be 16 to 256 visible ASCII characters (no spaces)');
  }
  const port = env.METRICS_PORT ? int(env, 'METRICS_PORT', 0, 1, 65535) : undefined;
  if (port !== undefined && port === mainPort) throw new ConfigError('METRICS_PORT', `must differ from PORT (${mainPort})`);
  const host = env.METRICS_HOST || '127.0.0.1';
  if (!/^[\w.:-]{1,255}$/.test(host)) throw new ConfigError('METRICS_HOST', `is not a host name or address: "${host}"`);
  return { token, port, host, onMainPort: port === undefined && (token !== undefined || mode === 'demo') };
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
  const key = masterKey(env, mode, dataDir);
  const clockControl = bool(env, 'CLOCK_CONTROL', false);
  if (clockControl && mode === 'production') throw new ConfigError('CLOCK_CONTROL', 'must not be enabled in production mode');
  const publicBase = publicUrl.replace(/\/$/, '');
  const identityConfig = identity(env, mode);
  const attachmentsConfig = attachments(env);
  const organisationName = (env.ORGANISATION_NAME ?? '').trim() || 'Otklik demo body';
  if (organisationName.length > 200) throw new ConfigError('ORGANISATION_NAME', 'must be at most 200 characters');
  return {
    mode,
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    queuePrefix: queuePrefix(env),
    masterKey: key,
    publicUrl: publicBase,
    citizenAppUrl: (url(env, 'CITIZEN_APP_URL', ['http:', 'https:']) ?? `${publicBase}/cabinet`).replace(/\/$/, ''),
    logLevel,
    corsOrigins,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL', 900, 30, 86400),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL', 30 * 86400, 300, 365 * 86400),
    consoleDir: resolve(cwd, env.CONSOLE_DIR || 'dist/console/browser'),
    widgetDir: resolve(cwd, env.WIDGET_DIR || 'dist/widget'),
    clockControl,
    events: eventsConfig(env),
    workerHealthPort: int(env, 'WORKER_HEALTH_PORT', 9464, 0, 65535),
    organisationName,
    answerSigning: answerSigning(env, mode, dataDir),
    identity: identityConfig,
    messaging: messagingConfig(env, mode, dataDir, identityConfig.smsGateway, identityConfig.mailFrom),
    metrics: metrics(env, mode, port),
    esia: esiaConfig(env, mode, publicBase, key),
    sla: {
      tickSeconds: int(env, 'SLA_TICK_SECONDS', 60, 1, 3600),
      autoCloseDays: int(env, 'AUTO_CLOSE_DAYS', 14, 1, 365),
      retentionYears: int(env, 'RETENTION_YEARS', 3, 1, 75),
      retentionMode: oneOf(env, 'RETENTION_MODE', ['anonymise', 'delete'] as const, 'anonymise'),
    },
    attachments: attachmentsConfig,
    sedExport: sedExportConfig(env, dataDir, attachmentsConfig, mode),
    auditSignals: auditSignalsConfig(env),
    webhooks: webhooksConfig(env, mode),
    open311: { ratePerMinute: int(env, 'OPEN311_RATE_PER_MINUTE', 30, 1, 100_000) },
    auditChain: auditChainConfig(env),
    intake: {
      receivedMaxAgeDays: int(env, 'INTAKE_RECEIVED_MAX_AGE_DAYS', 90, 1, 3650),
      duplicateWindowDays: int(env, 'DUPLICATE_WINDOW_DAYS', 30, 1, 3650),
      duplicateSimilarity: int(env, 'DUPLICATE_SIMILARITY_PERCENT', 40, 1, 100) / 100,
      smtpPort: env.INTAKE_SMTP_PORT ? int(env, 'INTAKE_SMTP_PORT', 0, 0, 65535) : undefined,
      smtpHost: env.INTAKE_SMTP_HOST || '127.0.0.1',
      recurringWindowHours: int(env, 'RECURRING_WINDOW_HOURS', 72, 1, 24 * 365),
      recurringMinCitizens: int(env, 'RECURRING_MIN_CITIZENS', 5, 2, 100_000),
      maxMailBytes: int(env, 'INTAKE_MAIL_MAX_BYTES', 30 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    },
    cabinet: { showExecutorName: bool(env, 'CITIZEN_SEES_EXECUTOR_NAME', true) },
  };
}

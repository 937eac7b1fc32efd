import { generateKeyPairSync } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppMode } from './app-config';
import { bool, ConfigError, Env, int } from './env-readers';

/** An SMPP 3.4 account at the operator's SMSC (SMS_GATEWAY=smpp). */
export interface SmppConfig {
  host: string;
  port: number;
  /** `ssmpp://`: the session runs over TLS. */
  tls: boolean;
  /** SMPP_SYSTEM_ID / SMPP_PASSWORD, else the user and password of SMPP_URL. */
  systemId: string;
  password: string;
  /** SMPP_SYSTEM_TYPE: some SMSCs want one at bind. */
  systemType: string;
  /** SMPP_SOURCE_ADDR: an alphanumeric sender name (at most 11 characters) or a number. */
  sourceAddr: string;
  /** SMPP_ENQUIRE_LINK_SECONDS: keepalive; a link that does not answer one in time is dropped and re-bound. */
  enquireLinkSeconds: number;
  /** SMPP_BIND_TIMEOUT_MS: how long a send waits for a bound session before it fails (the caller retries later). */
  bindTimeoutMs: number;
  /** SMPP_SUBMIT_TIMEOUT_MS: how long a submit_sm waits for its submit_sm_resp. */
  submitTimeoutMs: number;
  /** SMPP_RECONNECT_MAX_MS: the ceiling of the reconnect back-off (1 s, doubling). */
  reconnectMaxMs: number;
}

/** SMS_HTTP_BATCH_*: batch submits to the HTTP SMS gateway. */
export interface SmsHttpBatchConfig {
  /** SMS_HTTP_BATCH_TEMPLATE: the request's JSON with `{messages}` where the array of messages goes (each one SMS_HTTP_TEMPLATE). */
  template: string;
  /** SMS_HTTP_BATCH_REPLY: the field of the reply (dots for nesting) holding one entry per message, in order; each entry's id at SMS_HTTP_ID_FIELD. */
  replyField: string;
  /** SMS_HTTP_BATCH_SIZE: the most messages in one request. */
  size: number;
}

/** SMS_HTTP_STATUS_FIELD / SMS_HTTP_REJECTED_STATUSES: a message the gateway's reply says it refused. */
export interface SmsHttpStatusConfig {
  /** The field of the reply (of each batch entry) holding the message's status (dots for nesting), e.g. Infobip's `status.groupName`. */
  field: string;
  /** The statuses that mean the gateway will not send the message (compared as written). */
  rejected: ReadonlySet<string>;
}

/** The VAPID identity web push messages are signed with (RFC 8292). */
export interface VapidConfig {
  /** Uncompressed P-256 point, base64url (what the browser's `applicationServerKey` takes). */
  publicKey: string;
  /** The 32-byte private scalar, base64url. Never logged. */
  privateKey: string;
  /** `mailto:` or `https:` contact of the sender. */
  subject: string;
}

/** Delivery channels of notifications beyond what IdentityConfig already holds (SMS gateway choice, SMTP). */
export interface MessagingConfig {
  /** Present when SMS_GATEWAY=smpp. */
  smpp?: SmppConfig;
  /** SMS_HTTP_ID_FIELD: the field of the HTTP gateway's JSON reply that holds its message id (dots for nesting). */
  smsHttpIdField: string;
  /**
   * Several messages in one request, in a gateway's documented batch shape (Infobip's
   * `POST /sms/2/text/advanced`: `{"messages":[…]}` in, `{"messages":[{"messageId":…},…]}` out,
   * one entry per message in the request's order). Absent: one request per message.
   */
  smsHttpBatch?: SmsHttpBatchConfig;
  /**
   * Absent: a 2xx (a listed batch entry) means the gateway accepted the message. Present: a
   * message whose status is one of `rejected` was refused, and fails as a refused request does.
   */
  smsHttpStatus?: SmsHttpStatusConfig;
  vapid: VapidConfig;
  /**
   * PUSH_ALLOW_LOCAL_ENDPOINTS: push to plain-http endpoints and to loopback/private addresses (a
   * local push service in tests). Off in production: a subscription is whatever a client posts,
   * and the server must not be made to POST into its own network.
   */
  pushAllowLocalEndpoints: boolean;
  /** Sends per second (token bucket; the burst equals the rate) to each provider. */
  rates: { smsPerSecond: number; smtpPerSecond: number; pushPerSecond: number };
}

export function messagingConfig(env: Env, mode: AppMode, dataDir: string, smsGateway: string, mailFrom: string): MessagingConfig {
  const smsHttpIdField = env.SMS_HTTP_ID_FIELD || 'id';
  if (!/^[\w-]+(\.[\w-]+)*$/.test(smsHttpIdField)) throw new ConfigError('SMS_HTTP_ID_FIELD', 'must be a JSON field name, dots for nested fields (e.g. "id" or "result.id")');
  return {
    smpp: smsGateway === 'smpp' ? smppConfig(env) : undefined,
    smsHttpIdField,
    smsHttpBatch: smsGateway === 'http' ? smsHttpBatchConfig(env) : undefined,
    smsHttpStatus: smsGateway === 'http' ? smsHttpStatusConfig(env) : undefined,
    vapid: vapidConfig(env, mode, dataDir, mailFrom),
    pushAllowLocalEndpoints: bool(env, 'PUSH_ALLOW_LOCAL_ENDPOINTS', mode === 'demo'),
    rates: {
      smsPerSecond: int(env, 'SMS_RATE_PER_SECOND', 50, 1, 100_000),
      smtpPerSecond: int(env, 'SMTP_RATE_PER_SECOND', 50, 1, 100_000),
      pushPerSecond: int(env, 'PUSH_RATE_PER_SECOND', 200, 1, 100_000),
    },
  };
}

function smsHttpBatchConfig(env: Env): SmsHttpBatchConfig | undefined {
  const template = env.SMS_HTTP_BATCH_TEMPLATE;
  if (!template) return undefined;
  let valid = template.includes('{messages}');
  try {
    if (valid) JSON.parse(template.replaceAll('{messages}', '[]'));
  } catch {
    valid = false;
  }
  if (!valid) throw new ConfigError('SMS_HTTP_BATCH_TEMPLATE', 'must be a JSON template with {messages} where the array of messages goes (e.g. {"messages":{messages}})');
  const replyField = env.SMS_HTTP_BATCH_REPLY || 'messages';
  if (!/^[\w-]+(\.[\w-]+)*$/.test(replyField)) throw new ConfigError('SMS_HTTP_BATCH_REPLY', 'must be a JSON field name, dots for nested fields (e.g. "messages")');
  return { template, replyField, size: int(env, 'SMS_HTTP_BATCH_SIZE', 100, 1, 1000) };
}

function smsHttpStatusConfig(env: Env): SmsHttpStatusConfig | undefined {
  const field = env.SMS_HTTP_STATUS_FIELD;
  if (!field) return undefined;
  if (!/^[\w-]+(\.[\w-]+)*$/.test(field)) throw new ConfigError('SMS_HTTP_STATUS_FIELD', 'must be a JSON field name, dots for nested fields (e.g. "status.groupName")');
  const rejected = (env.SMS_HTTP_REJECTED_STATUSES ?? 'REJECTED,UNDELIVERABLE')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (rejected.length === 0) throw new ConfigError('SMS_HTTP_REJECTED_STATUSES', 'must name at least one status (comma-separated, e.g. "REJECTED,UNDELIVERABLE")');
  return { field, rejected: new Set(rejected) };
}

function smppConfig(env: Env): SmppConfig {
  const raw = env.SMPP_URL;
  if (!raw) throw new ConfigError('SMPP_URL', 'is required when SMS_GATEWAY=smpp (smpp://system_id:password@host:2775, or ssmpp:// for TLS)');
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError('SMPP_URL', 'is not a valid URL (smpp://system_id:password@host:2775)');
  }
  if (parsed.protocol !== 'smpp:' && parsed.protocol !== 'ssmpp:') throw new ConfigError('SMPP_URL', `must use smpp: or ssmpp:, got ${parsed.protocol}`);
  if (!parsed.hostname) throw new ConfigError('SMPP_URL', 'must name the SMSC host');
  const tls = parsed.protocol === 'ssmpp:';
  const systemId = env.SMPP_SYSTEM_ID || decodeURIComponent(parsed.username);
  const password = env.SMPP_PASSWORD ?? decodeURIComponent(parsed.password);
  // SMPP 3.4 field sizes (C-octet strings without the terminating NUL).
  if (!systemId) throw new ConfigError('SMPP_SYSTEM_ID', 'is required with SMS_GATEWAY=smpp (or as the user of SMPP_URL)');
  if (systemId.length > 15) throw new ConfigError('SMPP_SYSTEM_ID', 'must be at most 15 characters');
  if (password.length > 8) throw new ConfigError('SMPP_PASSWORD', 'must be at most 8 characters (SMPP 3.4)');
  const systemType = env.SMPP_SYSTEM_TYPE ?? '';
  if (systemType.length > 12) throw new ConfigError('SMPP_SYSTEM_TYPE', 'must be at most 12 characters');
  const sourceAddr = env.SMPP_SOURCE_ADDR || 'Otklik';
  if (!/^\+?\d{1,20}$/.test(sourceAddr) && !/^[\x20-\x7e]{1,11}$/.test(sourceAddr)) {
    throw new ConfigError('SMPP_SOURCE_ADDR', 'must be a phone number or an alphanumeric sender name of at most 11 Latin characters');
  }
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : tls ? 3550 : 2775,
    tls,
    systemId,
    password,
    systemType,
    sourceAddr,
    enquireLinkSeconds: int(env, 'SMPP_ENQUIRE_LINK_SECONDS', 30, 1, 3600),
    bindTimeoutMs: int(env, 'SMPP_BIND_TIMEOUT_MS', 10_000, 10, 600_000),
    submitTimeoutMs: int(env, 'SMPP_SUBMIT_TIMEOUT_MS', 10_000, 10, 600_000),
    reconnectMaxMs: int(env, 'SMPP_RECONNECT_MAX_MS', 60_000, 100, 3_600_000),
  };
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function vapidConfig(env: Env, mode: AppMode, dataDir: string, mailFrom: string): VapidConfig {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const subject = env.VAPID_SUBJECT || `mailto:${address}`;
  if (!/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/.test(subject)) throw new ConfigError('VAPID_SUBJECT', `must be a mailto: address or an https: URL, got "${subject}"`);
  const publicKey = env.VAPID_PUBLIC_KEY;
  const privateKey = env.VAPID_PRIVATE_KEY;
  if (publicKey || privateKey) {
    if (!publicKey) throw new ConfigError('VAPID_PUBLIC_KEY', 'is required together with VAPID_PRIVATE_KEY');
    if (!privateKey) throw new ConfigError('VAPID_PRIVATE_KEY', 'is required together with VAPID_PUBLIC_KEY');
    if (!BASE64URL.test(publicKey) || Buffer.from(publicKey, 'base64url').length !== 65) {
      throw new ConfigError('VAPID_PUBLIC_KEY', 'must be an uncompressed P-256 public key (65 bytes) in base64url (web-push generate-vapid-keys)');
    }
    if (!BASE64URL.test(privateKey) || Buffer.from(privateKey, 'base64url').length !== 32) {
      throw new ConfigError('VAPID_PRIVATE_KEY', 'must be a P-256 private key (32 bytes) in base64url (web-push generate-vapid-keys)');
    }
    return { publicKey, privateKey, subject };
  }
  if (mode === 'production') throw new ConfigError('VAPID_PUBLIC_KEY', 'and VAPID_PRIVATE_KEY are required in production mode (npx web-push generate-vapid-keys)');
  return { ...demoVapidKeys(dataDir), subject };
}

/**
 * Demo mode only: a VAPID key pair generated once and kept in DATA_DIR, like master.key — browsers
 * bind their subscriptions to the public key, so it must survive restarts. Written under a temporary
 * name and linked into place, so two processes starting together agree on one pair.
 */
function demoVapidKeys(dataDir: string): { publicKey: string; privateKey: string } {
  const file = join(dataDir, 'vapid-keys.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = privateKey.export({ format: 'jwk' });
    const pub = publicKey.export({ format: 'jwk' });
    const point = Buffer.concat([Buffer.from([4]), Buffer.from(pub.x!, 'base64url'), Buffer.from(pub.y!, 'base64url')]);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ publicKey: point.toString('base64url'), privateKey: jwk.d }), { mode: 0o600 });
    try {
      linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(temp, { force: true });
    }
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { publicKey?: string; privateKey?: string };
  if (!stored.publicKey || !stored.privateKey) throw new ConfigError('VAPID_PUBLIC_KEY', `is not set and ${file} does not hold a key pair; remove the file to generate a new one`);
  return { publicKey: stored.publicKey, privateKey: stored.privateKey };
}

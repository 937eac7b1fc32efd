import { createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

/**
 * The parts of the ESIA protocol that both sides share: the signed `client_secret`, the
 * `timestamp` format and the ESIA error codes. Real ESIA signs with ГОСТ Р 34.10-2012 (a
 * detached PKCS#7); here the signature is pluggable so RSA/ECDSA works anywhere and a GOST
 * implementation can be dropped in behind the same interfaces.
 */
export interface ClientSecretSigner {
  /** JOSE-style name of the algorithm, for logs and diagnostics (RS256, ES256, GOST3410_2012_256…). */
  readonly alg: string;
  /** base64url of the detached signature over the UTF-8 message. */
  sign(message: string): string;
}

export interface ClientSecretVerifier {
  verify(message: string, signatureB64url: string): boolean;
}

/** RSA (PKCS#1 v1.5, SHA-256) or ECDSA P-256 (SHA-256, IEEE P1363 r||s) with node:crypto keys. */
export class NodeKeySigner implements ClientSecretSigner {
  readonly alg: string;

  constructor(private readonly key: KeyObject) {
    this.alg = algOf(key);
  }

  sign(message: string): string {
    return sign('sha256', Buffer.from(message, 'utf8'), { key: this.key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  }
}

export class NodeKeyVerifier implements ClientSecretVerifier {
  constructor(private readonly key: KeyObject) {
    algOf(key);
  }

  verify(message: string, signatureB64url: string): boolean {
    if (!/^[A-Za-z0-9_-]{16,2048}$/.test(signatureB64url)) return false;
    try {
      return verify('sha256', Buffer.from(message, 'utf8'), { key: this.key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signatureB64url, 'base64url'));
    } catch {
      return false;
    }
  }
}

function algOf(key: KeyObject): string {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error(`unsupported client key type ${key.asymmetricKeyType ?? key.type} (RSA or EC P-256 expected)`);
}

/** Reads a PEM private key (PKCS#8 or traditional) and returns it with its public half. */
export function loadClientKey(pem: string): { privateKey: KeyObject; publicKey: KeyObject } {
  const privateKey = createPrivateKey(pem);
  algOf(privateKey);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** What ESIA v2/v3 signs: client_id + scope + scope_org + timestamp + state + redirect_uri. */
export function clientSecretMessage(p: { clientId: string; scope: string; scopeOrg?: string; timestamp: string; state: string; redirectUri: string }): string {
  return `${p.clientId}${p.scope}${p.scopeOrg ?? ''}${p.timestamp}${p.state}${p.redirectUri}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyy.MM.dd HH:mm:ss Z` in UTC (`+0000`), as ESIA expects. */
export function esiaTimestamp(date = new Date()): string {
  return (
    `${date.getUTCFullYear()}.${pad(date.getUTCMonth() + 1)}.${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

const TIMESTAMP = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/** Parses an ESIA timestamp; null when it is not in the format. */
export function parseEsiaTimestamp(value: string): Date | null {
  const m = TIMESTAMP.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const offset = (sign === '+' ? 1 : -1) * (+oh * 60 + +om) * 60_000;
  const date = new Date(utc - offset);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** ESIA error codes the embedded IdP mirrors, each with the OAuth error it travels with. */
export const ESIA_ERRORS = {
  'ESIA-007002': { error: 'invalid_client', text: 'Неизвестная информационная система (client_id)' },
  'ESIA-007003': { error: 'invalid_request', text: 'Некорректное значение параметра запроса' },
  'ESIA-007004': { error: 'access_denied', text: 'Владелец ресурса отказал в доступе' },
  'ESIA-007006': { error: 'invalid_scope', text: 'Запрошенная область доступа (scope) не разрешена' },
  'ESIA-007011': { error: 'invalid_grant', text: 'Код авторизации или маркер обновления недействителен' },
  'ESIA-007013': { error: 'invalid_scope', text: 'Некорректная область доступа (scope)' },
  'ESIA-007014': { error: 'invalid_request', text: 'В запросе отсутствует обязательный параметр' },
  'ESIA-007015': { error: 'invalid_request', text: 'Неверное время запроса (timestamp)' },
  'ESIA-007023': { error: 'invalid_request', text: 'Адрес возврата (redirect_uri) не зарегистрирован' },
  'ESIA-007053': { error: 'invalid_client', text: 'Неверная подпись запроса (client_secret)' },
  'ESIA-007055': { error: 'access_denied', text: 'Вход с неподтверждённой учётной записью запрещён' },
} as const;

export type EsiaErrorCode = keyof typeof ESIA_ERRORS;

/** `ESIA-007053: Неверная подпись…` — the error_description real ESIA sends. */
export function esiaDescription(code: EsiaErrorCode, detail?: string): string {
  return `${code}: ${ESIA_ERRORS[code].text}${detail ? ` (${detail})` : ''}`;
}

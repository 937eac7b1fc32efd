import { createHash, randomInt } from 'node:crypto';
import { TOTP, URI } from 'otpauth';
import { startSmsGateway } from '../../support/channels/sms-gateway';
import { smtpSinkAt, startSmtp } from '../../support/channels/smtp-server';
import { smtpUrlOf, startServer, stopRunning } from './server';

// The local SMS gateway and SMTP server live with the other channel servers; re-exported for these tests.
export { startSmsGateway, startSmtp };

/** The standalone 6-digit code in a message. */
export function codeIn(text: string): string {
  const match = /(?<!\d)(\d{6})(?!\d)/.exec(text);
  if (!match) throw new Error(`no code in: ${text}`);
  return match[1];
}

/** Waits until `pick` finds something (messages arrive asynchronously). */
export async function eventually<T>(pick: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = pick();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting for a message');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** JSON over HTTP against a given server (dedicated servers of these tests have their own URL). */
export async function call(baseUrl: string, method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<Reply> {
  const h: Record<string, string> = { ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  if (token) h.authorization = `Bearer ${token}`;
  const res = await fetch(`${baseUrl}${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/**
 * Solves an ALTCHA challenge the way its widget does (the number whose SHA-256 with the salt is
 * the challenge), with Node's native hash: altcha-lib's solver awaits WebCrypto once per number,
 * about 45 times slower, which made tests that register several times brush their timeout.
 */
function solveProofOfWork(c: { algorithm: string; challenge: string; salt: string; maxnumber: number }): number {
  if (c.algorithm !== 'SHA-256') throw new Error(`unexpected captcha algorithm ${c.algorithm}`);
  for (let n = 0; n <= c.maxnumber; n++) {
    if (createHash('sha256').update(`${c.salt}${n}`).digest('hex') === c.challenge) return n;
  }
  throw new Error('captcha not solved');
}

/** Fetches the ALTCHA challenge and solves it, as the citizen app's widget does. */
export async function solvedCaptcha(baseUrl: string): Promise<string> {
  const { body: c } = await call(baseUrl, 'GET', '/api/v1/auth/captcha');
  const number = solveProofOfWork(c);
  const payload = { algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

/** A random valid СНИЛС (11 digits, check digits per DOMAIN.md). */
export function validSnils(): string {
  const body = String(randomInt(2_000_000, 999_999_999)).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  const check = sum < 100 ? sum : sum <= 101 ? 0 : sum % 101 === 100 ? 0 : sum % 101;
  return `${body}${String(check).padStart(2, '0')}`;
}

export function randomMobile(): string {
  return `+79${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

export const STRONG_PASSWORD = 'Vx7#pLm2!qZr';

export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = randomInt(0, 1e9).toString(36);
  return {
    lastName: 'Смирнова',
    firstName: 'Ольга',
    middleName: 'Игоревна',
    birthDate: '1988-04-12',
    snils: validSnils(),
    phone: randomMobile(),
    email: `olga.${tag}@example.ru`,
    password: STRONG_PASSWORD,
    pdConsent: { version: '2026-01', accepted: true },
    ...overrides,
  };
}

/**
 * Registers and confirms a citizen through the API — the phone by the SMS code, and, when the
 * server's mail goes to an SMTP server this process runs, the e-mail by the code mailed to it (an
 * unverified address gets no notices); `verifyEmail: false` leaves it unverified. Returns its tokens and data.
 */
export async function registerCitizen(
  baseUrl: string,
  sms: { messages: { to: string; text: string }[] },
  overrides: Record<string, unknown> = {},
  options: { verifyEmail?: boolean } = {},
): Promise<{ data: Record<string, any>; accessToken: string; refreshToken: string }> {
  const data = registration(overrides);
  const started = await call(baseUrl, 'POST', '/api/v1/auth/register', { ...data, captcha: await solvedCaptcha(baseUrl) });
  if (started.status !== 202) throw new Error(`register: ${started.status} ${JSON.stringify(started.body)}`);
  const text = await eventually(() => sms.messages.find((m) => m.to === data.phone)?.text);
  const confirmed = await call(baseUrl, 'POST', '/api/v1/auth/register/confirm', { registrationId: started.body.registrationId, code: codeIn(text) });
  if (confirmed.status !== 201) throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  const smtp = smtpSinkAt(smtpUrlOf(baseUrl));
  if (smtp && options.verifyEmail !== false) {
    const mail = await eventually(() => smtp.mails.find((m) => m.to.includes(String(data.email)) && /Код подтверждения адреса e-mail/.test(m.text)));
    const verified = await call(baseUrl, 'POST', '/api/v1/me/contacts/confirm', { kind: 'email', code: codeIn(mail.text) }, confirmed.body.accessToken);
    if (verified.status !== 204) throw new Error(`e-mail confirm: ${verified.status} ${JSON.stringify(verified.body)}`);
  }
  return { data, accessToken: confirmed.body.accessToken, refreshToken: confirmed.body.refreshToken };
}

export function totpFor(otpauthUri: string): TOTP {
  const otp = URI.parse(otpauthUri);
  if (!(otp instanceof TOTP)) throw new Error('not a TOTP URI');
  return otp;
}

/**
 * A dedicated API server whose SMS go to a local HTTP gateway and whose e-mail goes to a real SMTP
 * server, both started here, so tests read the codes a citizen would receive. `stop` ends all three.
 */
export async function startMessagingServer(env: Record<string, string | undefined> = {}) {
  const sms = await startSmsGateway();
  const smtp = await startSmtp();
  const server = await startServer({ SMS_GATEWAY: 'http', SMS_HTTP_URL: sms.url, SMTP_URL: smtp.url, ...env });
  return {
    server,
    sms,
    smtp,
    base: server.baseUrl,
    async stop() {
      await stopRunning(server);
      await sms.close();
      await smtp.close();
    },
  };
}

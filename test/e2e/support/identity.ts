import { createHash, randomInt } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { TOTP, URI } from 'otpauth';
import { freePort, startServer, stopRunning } from './server';

/** A local HTTP SMS gateway (what SMS_GATEWAY=http posts to): keeps every message. */
export async function startSmsGateway(): Promise<{ url: string; messages: { to: string; text: string }[]; close: () => Promise<void> }> {
  const messages: { to: string; text: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      messages.push(JSON.parse(body) as { to: string; text: string });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"queued"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/send`, messages, close: () => new Promise((r) => server.close(() => r())) };
}

/** A local SMTP server (what SMTP_URL points at): keeps every message, decoded to text. */
export async function startSmtp(): Promise<{ url: string; mails: { to: string[]; text: string }[]; close: () => Promise<void> }> {
  const mails: { to: string[]; text: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('latin1')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text: decodeMail(raw) });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((r) => server.close(() => r())) };
}

/** The body of a single-part mail as UTF-8 text (nodemailer uses quoted-printable or base64 for Cyrillic). */
function decodeMail(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return Buffer.from(body, 'latin1').toString('utf8');
}

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

/** Registers and confirms a citizen through the API; returns its tokens and data. */
export async function registerCitizen(
  baseUrl: string,
  sms: { messages: { to: string; text: string }[] },
  overrides: Record<string, unknown> = {},
): Promise<{ data: Record<string, any>; accessToken: string; refreshToken: string }> {
  const data = registration(overrides);
  const started = await call(baseUrl, 'POST', '/api/v1/auth/register', { ...data, captcha: await solvedCaptcha(baseUrl) });
  if (started.status !== 202) throw new Error(`register: ${started.status} ${JSON.stringify(started.body)}`);
  const text = await eventually(() => sms.messages.find((m) => m.to === data.phone)?.text);
  const confirmed = await call(baseUrl, 'POST', '/api/v1/auth/register/confirm', { registrationId: started.body.registrationId, code: codeIn(text) });
  if (confirmed.status !== 201) throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
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

import { join } from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { Client } from 'pg';
import { BlindIndex } from '../../backend/src/common/crypto/blind-index';
import { freePort, RunningServer, startServer, stopRunning } from './support/server';

/**
 * «Войти через Госуслуги» end to end: the platform's relying party against the embedded
 * ESIA-like IdP on a dedicated server whose PUBLIC_URL is its real address (the RP calls the
 * IdP over HTTP like any provider). The RP signs client_secret with an RSA key given in
 * ESIA_CLIENT_KEY, which the test also holds, so it can act as a second relying party.
 */
jest.setTimeout(120_000);

const SCOPE = 'openid fullname birthdate gender snils inn email mobile contacts';
const PERSONS = {
  confirmed: { oid: '1000299353', fullName: 'Иванов Иван Иванович' },
  standard: { oid: '1000299354', fullName: 'Петрова Мария Сергеевна' },
  simplified: { oid: '1000299355', fullName: 'Сидоров Пётр Алексеевич' },
} as const;
type Level = keyof typeof PERSONS;
const SMIRNOVA = { oid: '1000299356', snils: '156-248-373 80' };
const MASTER_KEY = Buffer.alloc(32, 42).toString('base64');

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const clientPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const { privateKey: strangerKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

let server: RunningServer;
let base: string;
let issuer: string;
let redirectUri: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  issuer = `${base}/esia`;
  redirectUri = `${base}/api/v1/auth/esia/callback`;
  server = await startServer({ PORT: String(port), PUBLIC_URL: base, ESIA_CLIENT_KEY: clientPem, ESIA_CLIENT_ID: 'OTKLIK-TEST', MASTER_KEY });
});

afterAll(async () => {
  if (server) await stopRunning(server);
});

/** A minimal browser: one cookie jar, redirects followed by hand so every hop can be inspected. */
class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly userAgent?: string) {}

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.userAgent) headers.set('user-agent', this.userAgent);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects until `stop` says so (or a non-redirect answer). */
  async follow(url: string, stop: (url: URL) => boolean = () => false, init: RequestInit = {}): Promise<{ url: URL; res: Response }> {
    let current = new URL(url);
    let res = await this.fetch(current.href, init);
    for (let hops = 0; hops < 15 && res.status >= 300 && res.status < 400; hops++) {
      current = new URL(res.headers.get('location')!, current);
      if (stop(current)) return { url: current, res };
      res = await this.fetch(current.href);
    }
    return { url: current, res };
  }
}

const isDone = (u: URL) => u.pathname === '/auth/esia/done';

/** Signs in through /api/v1/auth/esia/login and the IdP's page as the person of `level`. */
async function signInWithEsia(level: Level | { oid: string }, browser = new Browser()) {
  const person = typeof level === 'string' ? PERSONS[level] : level;
  const { url: pageUrl, res: page } = await browser.follow(`${base}/api/v1/auth/esia/login`);
  expect(page.status).toBe(200);
  expect(pageUrl.pathname).toMatch(/^\/esia\/interaction\//);
  const html = await page.text();
  expect(html).toContain('<html lang="ru">');
  expect(html).toContain(`value="${person.oid}"`);
  const action = /<form method="post" action="([^"]+\/login)">/.exec(html)![1];
  const { url, res } = await browser.follow(new URL(action, base).href, isDone, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ oid: person.oid }).toString(),
  });
  expect(res.status).toBe(302);
  expect(isDone(url)).toBe(true);
  expect(url.search).toBe('');
  const fragment = new URLSearchParams(url.hash.slice(1));
  return { accessToken: fragment.get('accessToken')!, refreshToken: fragment.get('refreshToken')!, expiresIn: Number(fragment.get('expiresIn')), browser };
}

async function api(path: string, token: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (init.body) headers.set('content-type', 'application/json');
  const res = await fetch(`${base}${path}`, { ...init, headers });
  const body: any = await res.json().catch(() => undefined);
  return { status: res.status, body };
}

function esiaTimestamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}.${p(date.getUTCMonth() + 1)}.${p(date.getUTCDate())} ${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())} +0000`;
}

function clientSecret(key: typeof privateKey, parts: { scope: string; timestamp: string; state: string; redirectUri: string; clientId?: string }): string {
  const message = `${parts.clientId ?? 'OTKLIK-TEST'}${parts.scope}${parts.timestamp}${parts.state}${parts.redirectUri}`;
  return sign('sha256', Buffer.from(message), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
}

/** A hand-built ESIA authorization request; `change` spoils one part of it. */
function authorizationUrl(change: { key?: typeof privateKey; timestamp?: string; redirectUri?: string; state?: string } = {}) {
  const state = change.state ?? randomUUID();
  const timestamp = change.timestamp ?? esiaTimestamp();
  const redirect = change.redirectUri ?? redirectUri;
  const url = new URL(`${issuer}/aas/oauth2/v2/ac`);
  url.search = new URLSearchParams({
    client_id: 'OTKLIK-TEST',
    response_type: 'code',
    redirect_uri: redirect,
    scope: SCOPE,
    state,
    timestamp,
    access_type: 'offline',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    client_secret: clientSecret(change.key ?? privateKey, { scope: SCOPE, timestamp, state, redirectUri: redirect }),
  }).toString();
  return url.href;
}

async function fileAppeal(token: string) {
  const categories = (await (await fetch(`${base}/api/v1/catalog/categories`)).json()) as Array<{ id: string; code: string }>;
  const general = categories.find((c) => c.code === 'general')!;
  return api('/api/v1/appeals', token, {
    method: 'POST',
    body: JSON.stringify({ type: 'question', categoryId: general.id, subject: 'Вопрос о льготах', text: 'Прошу разъяснить порядок получения услуги.' }),
  });
}



describe('ESIA sign-in through the embedded IdP', () => {
  it.each(['confirmed', 'standard', 'simplified'] as const)('signs a %s citizen in and issues working platform tokens', async (level) => {
    const tokens = await signInWithEsia(level);
    expect(tokens.expiresIn).toBeGreaterThan(0);
    const me = await api('/api/v1/me', tokens.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ fullName: PERSONS[level].fullName, role: 'citizen', trustLevel: level });
    const refreshed = await fetch(`${base}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    });
    expect(refreshed.status).toBe(200);
  });

  it('stores the person encrypted, with blind index, trust level and audit rows', async () => {
    const me = await api('/api/v1/me', (await signInWithEsia('confirmed')).accessToken);
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query('SELECT esia_oid, trust_level, personal_encrypted, snils_hash, phone_verified, password_hash FROM users WHERE id = $1', [me.body.id]);
      expect(rows[0]).toMatchObject({ esia_oid: PERSONS.confirmed.oid, trust_level: 'confirmed', phone_verified: true, password_hash: null });
      expect(rows[0].snils_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0].personal_encrypted).toMatch(/^pd1\./);
      expect(rows[0].personal_encrypted).not.toContain('112-233-445');
      const audit = await db.query("SELECT action, details FROM audit_log WHERE entity_id = $1 AND action LIKE '%esia%' OR (entity_id = $1 AND action = 'user.create')", [me.body.id]);
      expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['user.create', 'auth.esia_login']));
    } finally {
      await db.end();
    }
  });

  it('links a confirmed person to the existing account with the same SNILS', async () => {
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const snilsHash = new BlindIndex(Buffer.from(MASTER_KEY, 'base64')).of('snils', SMIRNOVA.snils);
      const { rows } = await db.query("UPDATE users SET snils_hash = $1 WHERE email_normalized = 'citizen2@demo.otklik.local' RETURNING id", [snilsHash]);
      const me = await api('/api/v1/me', (await signInWithEsia({ oid: SMIRNOVA.oid })).accessToken);
      expect(me.body).toMatchObject({ id: rows[0].id, email: 'citizen2@demo.otklik.local', trustLevel: 'confirmed' });
      const audit = await db.query("SELECT details FROM audit_log WHERE entity_id = $1 AND action = 'user.esia_linked'", [rows[0].id]);
      expect(audit.rows[0].details).toMatchObject({ linkedBy: 'snils', to: 'confirmed' });
    } finally {
      await db.end();
    }
  });

  it('links a second sign-in of the same person to the same account', async () => {
    const first = await api('/api/v1/me', (await signInWithEsia('confirmed')).accessToken);
    const second = await api('/api/v1/me', (await signInWithEsia('confirmed')).accessToken);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.email).toBe('ivanov@esia.demo.otklik.local');
  });

  it('serves an accessible sign-in page in English on request', async () => {
    const browser = new Browser();
    const { url } = await browser.follow(`${base}/api/v1/auth/esia/login`, (u) => u.pathname.startsWith('/esia/interaction/'));
    const res = await browser.fetch(url.href, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Sign in as Сидоров Пётр Алексеевич');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('ends the IdP session on ESIA logout, so the next sign-in shows the page again', async () => {
    const { browser } = await signInWithEsia('standard');
    // While the IdP session lives, a new login goes straight through.
    const { url: direct } = await browser.follow(`${base}/api/v1/auth/esia/login`, isDone);
    expect(isDone(direct)).toBe(true);
    const out = await browser.fetch(`${issuer}/idp/ext/Logout?client_id=OTKLIK-TEST&redirect_url=${encodeURIComponent(`${base}/`)}`);
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe(`${base}/`);
    const { url: again } = await browser.follow(`${base}/api/v1/auth/esia/login`, (u) => u.pathname.startsWith('/esia/interaction/'));
    expect(again.pathname).toMatch(/^\/esia\/interaction\//);
    const elsewhere = await fetch(`${issuer}/idp/ext/Logout?client_id=OTKLIK-TEST&redirect_url=${encodeURIComponent('https://evil.example/')}`);
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain('ESIA-007023');
  });

  it('reports a declined sign-in as a 403 problem', async () => {
    const browser = new Browser();
    const { url } = await browser.follow(`${base}/api/v1/auth/esia/login`, (u) => u.pathname.startsWith('/esia/interaction/'));
    const { res } = await browser.follow(`${url.href}/abort`, () => false, { method: 'POST' });
    expect(res.status).toBe(403);
    const body = (await res.json());
    expect(body.code).toBe('esia_denied');
    expect(body.title).toContain('ESIA-007004');
  });
});

describe('«Войти через Госуслуги» in the citizen widget (GET /auth/esia/widget)', () => {
  const widgetOrigin = 'http://widget-host.example.ru';
  let adminToken: string;

  beforeAll(async () => {
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin@demo.otklik.local', password: 'Admin#Demo2026' }) });
    adminToken = ((await login.json()) as { accessToken: string }).accessToken;
    const put = await fetch(`${base}/api/v1/admin/widget-origins`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: JSON.stringify({ origins: [widgetOrigin] }) });
    expect(put.status).toBe(200);
  });

  afterAll(async () => {
    await fetch(`${base}/api/v1/admin/widget-origins`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: JSON.stringify({ origins: [] }) });
  });

  it('starts only for an allowed widget origin, and a malformed one is a 422', async () => {
    const start = (origin: string) => fetch(`${base}/api/v1/auth/esia/widget?origin=${encodeURIComponent(origin)}`, { redirect: 'manual' });
    const refused = await start('http://elsewhere.example.ru');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(((await refused.json()) as { code: string }).code).toBe('widget_origin_not_allowed');
    for (const bad of ['javascript:alert(1)', `${widgetOrigin}/path`, '*', 'null']) {
      const res = await start(bad);
      expect(res.status).toBe(422);
      expect(((await res.json()) as { errors: { field: string }[] }).errors[0].field).toBe('origin');
    }
    const ok = await start(widgetOrigin);
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toContain('/esia/aas/oauth2/v2/ac?');
    // The pop-up keeps its opener (COOP is applied on redirects too).
    expect(ok.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
  });

  it('ends in a page that posts only the access token, to the widget origin only', async () => {
    const browser = new Browser();
    const { url: pageUrl, res: page } = await browser.follow(`${base}/api/v1/auth/esia/widget?origin=${encodeURIComponent(widgetOrigin)}`);
    expect(pageUrl.pathname).toMatch(/^\/esia\/interaction\//);
    const action = /<form method="post" action="([^"]+\/login)">/.exec(await page.text())![1];
    const { url, res } = await browser.follow(new URL(action, base).href, isDone, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ oid: PERSONS.confirmed.oid }).toString(),
    });
    expect(url.pathname).toBe('/api/v1/auth/esia/callback');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(JSON.parse(/postMessage\(m,("[^"]+")\)/.exec(html)![1])).toBe(widgetOrigin);
    const message = JSON.parse(/var m=(\{.*?\});/.exec(html)![1]) as Record<string, unknown>;
    expect(Object.keys(message).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType', 'type']);
    expect(message.type).toBe('otklik:esia');
    expect(html).not.toContain('refreshToken');
    const token = message.accessToken as string;
    const me = await api('/api/v1/me', token);
    expect(me.body).toMatchObject({ fullName: PERSONS.confirmed.fullName });
    // The host page can read this token: it lives at most 10 minutes and reaches only what the
    // widget does (the profile, filing, uploads); every other route refuses it.
    expect(message.expiresIn).toBeLessThanOrEqual(600);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number; iat: number; scp: string };
    expect(claims.scp).toBe('widget');
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(600);
    expect((await fileAppeal(token)).status).toBe(201);
    for (const path of ['/api/v1/appeals', '/api/v1/me/sessions', '/api/v1/me/notifications', '/api/v1/me/appeal-templates']) {
      const refused = await api(path, token);
      expect({ path, status: refused.status, code: refused.body?.code }).toEqual({ path, status: 403, code: 'token_scope' });
    }
    const logout = await api('/api/v1/me/sessions/revoke-others', token, { method: 'POST' });
    expect(logout.status).toBe(403);
    // The login-state cookie is spent with the callback.
    expect(browser.cookies.has('otklik_esia')).toBe(false);
  });
});

describe('the IdP seen by a relying party of the test (openid-client)', () => {
  it('publishes discovery, signs ID tokens with ESIA claims and serves the person API', async () => {
    const oidc = await import('openid-client');
    const discovered = await oidc.discovery(new URL(issuer), 'OTKLIK-TEST', undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
    const meta = discovered.serverMetadata();
    expect(meta.issuer).toBe(issuer);
    expect(meta.authorization_endpoint).toBe(`${issuer}/aas/oauth2/v2/ac`);
    expect(meta.token_endpoint).toBe(`${issuer}/aas/oauth2/v3/te`);
    expect(meta.pushed_authorization_request_endpoint).toBeUndefined();
    expect(meta.scopes_supported).toEqual(expect.arrayContaining(SCOPE.split(' ').concat('id_doc')));
    const config = new oidc.Configuration(meta, 'OTKLIK-TEST', { id_token_signed_response_alg: meta.id_token_signing_alg_values_supported![0] }, oidc.None());
    oidc.allowInsecureRequests(config);

    const verifier = oidc.randomPKCECodeVerifier();
    const state = randomUUID();
    const nonce = oidc.randomNonce();
    const timestamp = esiaTimestamp();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: `${SCOPE} id_doc`,
      state,
      nonce,
      timestamp,
      access_type: 'offline',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      client_secret: clientSecret(privateKey, { scope: `${SCOPE} id_doc`, timestamp, state, redirectUri }),
    });
    const browser = new Browser();
    const { url: pageUrl } = await browser.follow(url.href, (u) => u.pathname.startsWith('/esia/interaction/'));
    const { url: callback } = await browser.follow(`${pageUrl.href}/login`, (u) => u.href.startsWith(redirectUri), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `oid=${PERSONS.confirmed.oid}`,
    });
    const tokenState = randomUUID();
    const tokenTimestamp = esiaTimestamp();
    const tokens = await oidc.authorizationCodeGrant(
      config,
      callback,
      { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true },
      {
        state: tokenState,
        timestamp: tokenTimestamp,
        scope: SCOPE,
        token_type: 'Bearer',
        client_secret: clientSecret(privateKey, { scope: SCOPE, timestamp: tokenTimestamp, state: tokenState, redirectUri }),
      },
    );
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({
      iss: issuer,
      sub: PERSONS.confirmed.oid,
      aud: 'OTKLIK-TEST',
      amr: ['PWD'],
      'urn:esia:sbj': { 'urn:esia:sbj:typ': 'P', 'urn:esia:sbj:oid': Number(PERSONS.confirmed.oid), 'urn:esia:sbj:is_tru': true, 'urn:esia:sbj:lvl': 'PR' },
    });
    expect(typeof claims['urn:esia:sid']).toBe('string');
    expect(claims.auth_time).toEqual(expect.any(Number));
    expect(claims.exp).toBeGreaterThan(claims.iat);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const [, payload] = tokens.access_token.split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ 'urn:esia:sbj_id': Number(PERSONS.confirmed.oid) });

    const person = await oidc.fetchProtectedResource(config, tokens.access_token, new URL(`${issuer}/rs/prns/${PERSONS.confirmed.oid}`), 'GET');
    expect(await person.json()).toMatchObject({ lastName: 'Иванов', firstName: 'Иван', snils: '112-233-445 95', trusted: true });
    const ctts = await oidc.fetchProtectedResource(config, tokens.access_token, new URL(`${issuer}/rs/prns/${PERSONS.confirmed.oid}/ctts`), 'GET');
    const collection = (await ctts.json());
    expect(collection).toMatchObject({ stateFacts: ['hasSize'], size: 2 });
    expect(collection.elements[0]).toMatch(/\/rs\/prns\/1000299353\/ctts\/\d+$/);
    const embedded = await oidc.fetchProtectedResource(config, tokens.access_token, new URL(`${issuer}/rs/prns/${PERSONS.confirmed.oid}/ctts?embed=(elements)`), 'GET');
    expect(((await embedded.json())).elements).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'EML', vrfStu: 'VERIFIED', value: 'ivanov@esia.demo.otklik.local' }), expect.objectContaining({ type: 'MBT' })]),
    );
    const docs = await oidc.fetchProtectedResource(config, tokens.access_token, new URL(`${issuer}/rs/prns/${PERSONS.confirmed.oid}/docs?embed=(elements)`), 'GET');
    expect(((await docs.json())).elements[0]).toMatchObject({ type: 'RF_PASSPORT', series: '2805' });
    const other = await fetch(`${issuer}/rs/prns/${PERSONS.simplified.oid}`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(other.status).toBe(403);

    // access_type=offline gave a refresh token; refreshing needs the same signed extras.
    const refreshState = randomUUID();
    const refreshTs = esiaTimestamp();
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!, {
      state: refreshState,
      timestamp: refreshTs,
      scope: SCOPE,
      redirect_uri: redirectUri,
      client_secret: clientSecret(privateKey, { scope: SCOPE, timestamp: refreshTs, state: refreshState, redirectUri }),
    });
    expect(refreshed.access_token).toEqual(expect.any(String));

    // The code is single-use: a second exchange is ESIA-007011.
    const replayState = randomUUID();
    const replayTs = esiaTimestamp();
    const replay = await fetch(`${issuer}/aas/oauth2/v3/te`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'OTKLIK-TEST',
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code')!,
        redirect_uri: redirectUri,
        code_verifier: verifier,
        state: replayState,
        timestamp: replayTs,
        scope: SCOPE,
        client_secret: clientSecret(privateKey, { scope: SCOPE, timestamp: replayTs, state: replayState, redirectUri }),
      }).toString(),
    });
    expect(replay.status).toBe(400);
    expect(((await replay.json())).error_description).toMatch(/^ESIA-007011/);
  });
});

describe('ESIA request checks', () => {
  const errorOf = async (url: string) => {
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location')!);
    expect(back.href.startsWith(redirectUri)).toBe(true);
    return { error: back.searchParams.get('error'), description: back.searchParams.get('error_description') ?? '' };
  };

  it('refuses a client_secret signed with another key: ESIA-007053', async () => {
    const { error, description } = await errorOf(authorizationUrl({ key: strangerKey }));
    expect(error).toBe('invalid_client');
    expect(description).toMatch(/^ESIA-007053/);
  });

  it('refuses a stale timestamp: ESIA-007015', async () => {
    const { description } = await errorOf(authorizationUrl({ timestamp: esiaTimestamp(new Date(Date.now() - 3600_000)) }));
    expect(description).toMatch(/^ESIA-007015/);
  });

  it('refuses a state that is not a UUID v4: ESIA-007003', async () => {
    const { description } = await errorOf(authorizationUrl({ state: 'not-a-uuid' }));
    expect(description).toMatch(/^ESIA-007003/);
  });

  it('refuses an unregistered redirect_uri without redirecting to it: ESIA-007023', async () => {
    const res = await fetch(authorizationUrl({ redirectUri: 'https://evil.example/cb' }), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('ESIA-007023');
  });

  it('accepts authorization requests only by GET, where the extras are checked', async () => {
    const url = new URL(authorizationUrl());
    const res = await fetch(`${issuer}/aas/oauth2/v2/ac`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: url.search.slice(1).replace(/client_secret=[^&]*/, 'client_secret=forged'),
      redirect: 'manual',
    });
    expect(res.status).toBe(405);
  });

  it('refuses a bad token request signature: ESIA-007053', async () => {
    const state = randomUUID();
    const timestamp = esiaTimestamp();
    const res = await fetch(`${issuer}/aas/oauth2/v3/te`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'OTKLIK-TEST', grant_type: 'authorization_code', code: 'x', redirect_uri: redirectUri, state, timestamp, scope: SCOPE, client_secret: clientSecret(strangerKey, { scope: SCOPE, timestamp, state, redirectUri }) }).toString(),
    });
    expect(res.status).toBe(401);
    expect(((await res.json())).error_description).toMatch(/^ESIA-007053/);
  });

  it('answers a callback with a state it did not issue with a 400 problem', async () => {
    const browser = new Browser();
    await browser.follow(`${base}/api/v1/auth/esia/login`, () => true);
    const res = await browser.fetch(`${redirectUri}?code=abc&state=${randomUUID()}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json())).code).toBe('esia_state_invalid');
    const noCookie = await fetch(`${redirectUri}?code=abc&state=${randomUUID()}`);
    expect(noCookie.status).toBe(400);
  });
});

describe('trust level policy for appeals (default: confirmed only)', () => {
  it('refuses an appeal from a simplified ESIA account with trust_level_insufficient', async () => {
    const { accessToken } = await signInWithEsia('simplified');
    const res = await fileAppeal(accessToken);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('trust_level_insufficient');
  });

  it('accepts an appeal from a confirmed ESIA account', async () => {
    const { accessToken } = await signInWithEsia('confirmed');
    const res = await fileAppeal(accessToken);
    expect(res.status).toBe(201);
    expect(res.body.number).toEqual(expect.any(Number));
  });

  it('leaves local accounts alone', async () => {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'citizen@demo.otklik.local', password: 'Citizen#Demo2026' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    expect((await api('/api/v1/me', accessToken)).body.trustLevel).toBeNull();
    expect((await fileAppeal(accessToken)).status).toBe(201);
  });

  it('a sign-in through ESIA from a new device is audited and e-mailed, like every sign-in', async () => {
    const first = await signInWithEsia('standard', new Browser('OtklikTest/1.0 (desk)'));
    const me = (await api('/api/v1/me', first.accessToken)).body;
    const mailDir = join(server.dataDir, 'outbox', 'mail');
    // Notices to this person naming the device: each device is counted on its own, so notices of
    // earlier sign-ins (sent after their commit) cannot blur the count.
    const noticesFor = (device: string) =>
      (existsSync(mailDir) ? readdirSync(mailDir) : [])
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(mailDir, f), 'utf8')) as { to: string; subject: string; text: string })
        .filter((m) => m.to === me.email && m.subject.includes('нового устройства') && m.text.includes(device)).length;
    const waitFor = async (device: string, count: number) => {
      const deadline = Date.now() + 5000;
      while (noticesFor(device) < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      return noticesFor(device);
    };
    const desk = await waitFor('OtklikTest/1.0 (desk)', 1);
    await signInWithEsia('standard', new Browser('OtklikTest/1.0 (desk)'));
    await new Promise((r) => setTimeout(r, 500));
    expect(noticesFor('OtklikTest/1.0 (desk)')).toBe(desk);
    expect(await waitFor('OtklikTest/2.0 (phone)', 1)).toBe(0);
    await signInWithEsia('standard', new Browser('OtklikTest/2.0 (phone)'));
    expect(await waitFor('OtklikTest/2.0 (phone)', 1)).toBe(1);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DEMO, raw, signedIn } from './support/api';
import { startServer, stopRunning, type RunningServer } from './support/server';
import { category, fileAppeal } from './support/factories';

/**
 * Every API answer is `Cache-Control: no-store` unless its route opts into caching: tokens and
 * personal data (profile, appeal cards, lists, exports) must not stay in a browser or proxy cache.
 * The public catalog (the same for everyone) is the one route that opts in.
 */
describe('Cache-Control on API answers', () => {
  const noStore = (res: { headers: Headers }) => expect(res.headers.get('cache-control')).toBe('no-store');

  it('token answers: login, refresh, and their refusals', async () => {
    const login = await raw('/api/v1/auth/login', { method: 'POST', body: JSON.stringify(DEMO.citizen) });
    expect(login.status).toBe(200);
    noStore(login);
    const refresh = await raw('/api/v1/auth/refresh', { method: 'POST', body: JSON.stringify({ refreshToken: login.body.refreshToken }) });
    expect(refresh.status).toBe(200);
    noStore(refresh);
    const refused = await raw('/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ login: DEMO.citizen.login, password: 'wrong-Password1!' }) });
    expect(refused.status).toBe(401);
    noStore(refused);
  });

  it("a citizen's profile, appeal card, list, history, messages and export", async () => {
    const citizen = await signedIn(DEMO.citizen);
    const appeal = await fileAppeal(citizen);
    for (const path of [
      '/api/v1/me',
      `/api/v1/appeals/${appeal.id}`,
      `/api/v1/appeals/${appeal.number}/history`,
      `/api/v1/appeals/${appeal.id}/messages`,
      '/api/v1/appeals?limit=5',
      '/api/v1/appeals/export?format=csv',
      '/api/v1/me/sessions',
    ]) {
      const res = await raw(path, { token: citizen.token });
      expect([path, res.status]).toEqual([path, 200]);
      noStore(res);
    }
  });

  it("staff: the queue, a card and the audit log", async () => {
    const citizen = await signedIn(DEMO.citizen);
    const tech = await category('tech');
    const cabinet = await category('tech-cabinet');
    const appeal = await fileAppeal(citizen, { categoryId: tech.id, subcategoryId: cabinet.id });
    const operator = await signedIn(DEMO.operator);
    for (const path of ['/api/v1/staff/appeals?limit=5', `/api/v1/staff/appeals/${appeal.id}`]) {
      const res = await raw(path, { token: operator.token });
      expect([path, res.status]).toEqual([path, 200]);
      noStore(res);
    }
    const audit = await raw('/api/v1/audit?limit=1', { token: (await signedIn(DEMO.auditor)).token });
    expect(audit.status).toBe(200);
    noStore(audit);
  });

  it('problems (401, 404) are not cached either; the public catalog opts into caching', async () => {
    noStore(await raw('/api/v1/me'));
    noStore(await raw('/api/v1/no-such-route'));
    for (const path of ['/api/v1/catalog/appeal-types', '/api/v1/catalog/categories']) {
      const res = await raw(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    }
  });
});

/**
 * The console's static files (issue 15): built with a hash in their names, they are cached for a
 * year as immutable; index.html is revalidated on every load, so a new build is picked up at once.
 * Each file goes out as its prebuilt brotli or gzip variant by Accept-Encoding. A dedicated server
 * serves a console directory made here the way `npm run build:console` makes it (the same script
 * compresses it), so the test does not depend on a console build being present.
 */
describe('Cache-Control and Content-Encoding of the console', () => {
  let server: RunningServer;
  let dir: string;
  const script = `console.log(${JSON.stringify('Отклик '.repeat(2000))});\n`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'otklik-console-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><script src="main-ABCDEF12.js" type="module"></script></body></html>');
    writeFileSync(join(dir, 'main-ABCDEF12.js'), script);
    writeFileSync(join(dir, 'styles-ZYXW9876.css'), `body{color:red}\n`.repeat(200));
    writeFileSync(join(dir, '3rdpartylicenses.txt'), 'MIT\n'.repeat(400));
    // @ts-expect-error: a plain ES module script without types
    const { compress } = (await import('../../scripts/compress-console.mjs')) as { compress: (dir: string) => number };
    expect(compress(dir)).toBe(3);
    server = await startServer({ CONSOLE_DIR: dir });
  }, 60_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
  });

  const get = (path: string, acceptEncoding?: string) =>
    fetch(`${server.baseUrl}${path}`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it('hashed files are immutable for a year; index.html and the client routes are revalidated', async () => {
    for (const path of ['/main-ABCDEF12.js', '/styles-ZYXW9876.css']) {
      const res = await get(path, 'identity');
      expect([path, res.status, res.headers.get('cache-control')]).toEqual([path, 200, 'public, max-age=31536000, immutable']);
    }
    for (const path of ['/', '/queue', '/appeals/123']) {
      const res = await get(path);
      expect([path, res.status, res.headers.get('cache-control')]).toEqual([path, 200, 'no-cache']);
      expect(await res.text()).toContain('main-ABCDEF12.js');
    }
    // A file without a hash in its name is revalidated too.
    expect((await get('/3rdpartylicenses.txt', 'identity')).headers.get('cache-control')).toBe('no-cache');
  });

  it('sends brotli, else gzip, else the file itself, by Accept-Encoding, and says it varies by it', async () => {
    const raw = Buffer.from(script);
    // fetch would decode the body itself: read the bytes over plain HTTP.
    const fetchRaw = (acceptEncoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        http
          .get(`${server.baseUrl}/main-ABCDEF12.js`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    const br = await fetchRaw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers['vary']).toLowerCase()).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(raw.length / 10);
    expect(brotliDecompressSync(br.body).equals(raw)).toBe(true);
    const gz = await fetchRaw('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(raw)).toBe(true);
    const plain = await fetchRaw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);
  });
});

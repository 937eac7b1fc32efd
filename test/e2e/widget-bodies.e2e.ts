import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { BASE_URL, DEMO, raw, signedIn } from './support/api';
import { appealInput, category } from './support/factories';

/**
 * Allowed widget origins per body (issue 19). A body is a top-level department; the admin lists
 * each body's sites (PUT /admin/departments/{id}/widget-origins). The widget loads its body
 * (GET /public/widget/bodies/{body}: the body's categories and the appeal link's form), and a
 * filing from another site must come from an origin allowed for the body its category routes to.
 */
describe('widget origins per body', () => {
  const suffix = randomUUID().slice(0, 8);
  const siteA = `https://a-${suffix}.example.ru`;
  const siteB = `https://b-${suffix}.example.ru`;
  const nowhere = `https://c-${suffix}.example.ru`;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  let administration: { id: string; code: string };
  let other: { id: string; code: string };
  let otherCategory: { id: string; code: string };

  beforeAll(async () => {
    admin = await signedIn(DEMO.admin);
    const departments = (await raw('/api/v1/admin/departments', { token: admin.token })).body as { id: string; code: string; parentId: string | null }[];
    administration = departments.find((d) => d.code === 'administration')!;
    // A second body with one category of its own.
    const created = await raw('/api/v1/admin/departments', { method: 'POST', token: admin.token, body: JSON.stringify({ code: `body-${suffix}`, nameRu: 'Второй орган', nameEn: 'Second body', parentId: null }) });
    expect(created.status).toBe(201);
    other = created.body;
    const cat = await raw('/api/v1/admin/categories', { method: 'POST', token: admin.token, body: JSON.stringify({ code: `body_${suffix}`, nameRu: 'Дороги второго органа', nameEn: 'Roads of the second body', departmentId: other.id }) });
    expect(cat.status).toBe(201);
    otherCategory = cat.body;
  });

  afterAll(async () => {
    await raw(`/api/v1/admin/departments/${administration.id}/widget-origins`, { method: 'PUT', token: admin.token, body: JSON.stringify({ origins: [] }) });
    await raw(`/api/v1/admin/departments/${other.id}/widget-origins`, { method: 'PUT', token: admin.token, body: JSON.stringify({ origins: [] }) });
    expect((await raw(`/api/v1/admin/categories/${otherCategory.id}/retire`, { method: 'POST', token: admin.token })).status).toBe(200);
    expect((await raw(`/api/v1/admin/departments/${other.id}/retire`, { method: 'POST', token: admin.token })).status).toBe(200);
  });

  const put = (body: string, origins: string[]) => raw(`/api/v1/admin/departments/${body}/widget-origins`, { method: 'PUT', token: admin.token, body: JSON.stringify({ origins }) });
  const widgetBody = (body: string, origin?: string) => raw(`/api/v1/public/widget/bodies/${body}`, { headers: origin ? { origin } : {} });
  const fileAs = async (token: string, origin: string, categoryId: string) =>
    raw('/api/v1/appeals', { method: 'POST', token, headers: { origin }, body: JSON.stringify(await appealInput({ categoryId })) });

  /** Asks until the answer has `status` or `ms` pass; the last status seen. */
  const statusWithin = async (ask: () => Promise<{ status: number }>, status: number, ms: number): Promise<number> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const seen = (await ask()).status;
      if (seen === status || Date.now() > deadline) return seen;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('the admin sets a body’s list; only a top-level department is a body', async () => {
    const set = await put(administration.id, [siteA, siteA]);
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ origins: [siteA] });
    expect((await raw(`/api/v1/admin/departments/${administration.id}/widget-origins`, { token: admin.token })).body).toEqual({ origins: [siteA] });
    expect((await put(other.id, [siteB])).status).toBe(200);

    const techSupport = (await category('tech')).departmentId!;
    const notBody = await put(techSupport, [siteA]);
    expect(notBody.status).toBe(422);
    expect(notBody.headers.get('content-type')).toContain('application/problem+json');
    expect(notBody.body.code).toBe('widget_body_invalid');
    const bad = await put(administration.id, ['https://a.example.ru/path']);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toMatch(/^origins/);
    const supervisor = await signedIn(DEMO.supervisor);
    expect((await raw(`/api/v1/admin/departments/${administration.id}/widget-origins`, { method: 'PUT', token: supervisor.token, body: JSON.stringify({ origins: [] }) })).status).toBe(403);
  });

  it('the widget loads its body: that body’s categories, the cabinet link’s form; another body’s site is refused', async () => {
    const own = await widgetBody('administration', siteA);
    expect(own.status).toBe(200);
    const codes = (own.body.categories as { code: string; children: { code: string }[] }[]).flatMap((c) => [c.code, ...c.children.map((x) => x.code)]);
    // Routed into the administration tree, the general pool's category included; not the other body's.
    expect(codes).toEqual(expect.arrayContaining(['tech', 'tech-cabinet', 'finance', 'general']));
    expect(codes).not.toContain(otherCategory.code);
    expect(own.body).toMatchObject({ code: 'administration', nameRu: 'Администрация' });
    expect(own.body.citizenAppealUrl).toMatch(/^https?:\/\/.+\/appeals\/\{number\}$/);

    const second = await widgetBody(other.id, siteB);
    expect(second.status).toBe(200);
    expect(second.body.categories.map((c: { code: string }) => c.code)).toEqual([otherCategory.code]);

    for (const [body, origin] of [['administration', siteB], [other.code, siteA], ['administration', nowhere]]) {
      const refused = await widgetBody(body, origin);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('widget_origin_not_allowed');
    }
    expect((await widgetBody('tech-support', siteA)).status).toBe(404);
    expect((await widgetBody('no-such-body', siteA)).status).toBe(404);
  });

  it('CORS answers a site some body allows, on the widget’s routes only', async () => {
    const preflight = (path: string, origin: string) =>
      fetch(`${BASE_URL()}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    for (const origin of [siteA, siteB]) {
      expect((await preflight('/api/v1/appeals', origin)).headers.get('access-control-allow-origin')).toBe(origin);
      expect((await preflight('/api/v1/public/widget/bodies/administration', origin)).headers.get('access-control-allow-origin')).toBe(origin);
      expect((await preflight('/api/v1/staff/appeals', origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
    expect((await preflight('/api/v1/appeals', nowhere)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a granted preflight is a 204 the browser may cache; a refused one is the 404 of an unknown route; a GET says it varies by Origin', async () => {
    const granted = await fetch(`${BASE_URL()}/api/v1/appeals`, {
      method: 'OPTIONS',
      headers: { origin: siteA, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    expect(granted.status).toBe(204);
    expect(granted.headers.get('content-length')).toBe('0');
    expect(granted.headers.get('access-control-allow-methods')).toBe('GET,HEAD,POST');
    expect(granted.headers.get('access-control-allow-headers')).toBe('content-type,idempotency-key');
    expect(granted.headers.get('access-control-max-age')).toBe('600');
    expect(granted.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    expect(granted.headers.get('vary')).toMatch(/Origin.*Access-Control-Request-Headers/);

    const refused = await fetch(`${BASE_URL()}/api/v1/staff/appeals`, { method: 'OPTIONS', headers: { origin: siteA, 'access-control-request-method': 'GET' } });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    // A preflight without the method it asks for is no preflight.
    expect((await fetch(`${BASE_URL()}/api/v1/appeals`, { method: 'OPTIONS', headers: { origin: siteA } })).status).toBe(400);

    const read = await fetch(`${BASE_URL()}/api/v1/public/widget/bodies/administration`, { headers: { origin: siteA } });
    expect(read.headers.get('access-control-allow-origin')).toBe(siteA);
    expect(read.headers.get('vary')).toContain('Origin');
    expect((await fetch(`${BASE_URL()}/api/health/live`)).headers.get('vary')).toContain('Origin');
  });

  it('a filing from a site must be allowed for the body its category routes to', async () => {
    const citizen = await signedIn(DEMO.citizen);
    const tech = (await category('tech')).id;
    const allowed = await fileAs(citizen.token, siteA, tech);
    expect(allowed.status).toBe(201);
    // B is allowed for the other body only; C for none.
    for (const origin of [siteB, nowhere]) {
      const refused = await fileAs(citizen.token, origin, tech);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('widget_origin_not_allowed');
    }
    // The general pool's category belongs to the body whose tree holds the pool.
    expect((await fileAs(citizen.token, siteB, (await category('general')).id)).status).toBe(403);
    // Unidentified filing likewise (refused before the CAPTCHA and the rate limit are spent).
    const anonymous = await raw('/api/v1/public/appeals', { method: 'POST', headers: { origin: siteB }, body: JSON.stringify({ ...(await appealInput({ categoryId: tech })), captcha: 'x' }) });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.code).toBe('widget_origin_not_allowed');
    // The sign-in pop-up: the site must be allowed for the body the widget names.
    const signIn = (origin: string, body: string) => fetch(`${BASE_URL()}/api/v1/auth/esia/widget?origin=${encodeURIComponent(origin)}&body=${body}`, { redirect: 'manual' });
    expect((await signIn(siteB, 'administration')).status).toBe(403);
    expect((await signIn(siteA, 'administration')).status).toBe(302);
    expect((await signIn(siteA, 'no-such-body')).status).toBe(404);
  });

  it('the deployment-wide list is allowed for every body', async () => {
    expect((await raw('/api/v1/admin/widget-origins', { method: 'PUT', token: admin.token, body: JSON.stringify({ origins: [nowhere] }) })).status).toBe(200);
    try {
      expect((await widgetBody(other.code, nowhere)).status).toBe(200);
      expect((await widgetBody('administration', nowhere)).status).toBe(200);
    } finally {
      await raw('/api/v1/admin/widget-origins', { method: 'PUT', token: admin.token, body: JSON.stringify({ origins: [] }) });
    }
    expect((await widgetBody('administration', nowhere)).status).toBe(403);
  });

  // Not through the API: a change by SQL (an operator, the CLI, another instance) reaches the
  // server at its commit (NOTIFY), well before the lists' 30-second time-to-live.
  it('a change made outside this process applies at once', async () => {
    expect((await widgetBody('administration', siteA)).status).toBe(200);
    const db = new Client({ connectionString: process.env.OTKLIK_DATABASE_URL });
    await db.connect();
    try {
      await db.query(`DELETE FROM widget_body_origins WHERE origin = $1`, [siteA]);
      expect(await statusWithin(() => widgetBody('administration', siteA), 403, 5_000)).toBe(403);
      await db.query(`INSERT INTO widget_body_origins (body_id, origin) VALUES ($1, $2)`, [administration.id, siteA]);
      expect(await statusWithin(() => widgetBody('administration', siteA), 200, 5_000)).toBe(200);
    } finally {
      await db.end();
    }
  });
});

import { DEMO, raw, signedIn } from './support/api';
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

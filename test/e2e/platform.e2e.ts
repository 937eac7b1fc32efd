import { raw } from './support/api';

describe('platform: health, metrics, OpenAPI, errors, headers', () => {
  it('health live and ready answer', async () => {
    expect((await raw('/api/health/live')).body).toEqual({ status: 'ok' });
    const ready = await raw('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.database.status).toBe('up');
    if (process.env.REDIS_URL) expect(ready.body.info.queue.status).toBe('up');
  });

  it('serves Prometheus metrics, including request timings by route', async () => {
    await raw('/api/v1/catalog/appeal-types');
    const res = await raw('/api/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('otklik_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/route="\/api\/v1\/catalog\/appeal-types"/);
  });

  it('serves the OpenAPI document, identical to the committed shared/api/openapi.json paths', async () => {
    const res = await raw('/api/openapi.json');
    expect(res.status).toBe(200);
    const committed = require('../../shared/api/openapi.json');
    expect(Object.keys(res.body.paths).sort()).toEqual(Object.keys(committed.paths).sort());
    expect(res.body.components.schemas.AppealStatus.enum).toContain('awaiting_citizen');
  });

  it('answers unknown routes with a localized problem+json 404 and echoes the request id', async () => {
    const ru = await raw('/api/v1/no-such-thing', { headers: { 'X-Request-Id': 'test-req-1' } });
    expect(ru.status).toBe(404);
    expect(ru.headers.get('content-type')).toContain('application/problem+json');
    expect(ru.headers.get('x-request-id')).toBe('test-req-1');
    expect(ru.body).toMatchObject({ status: 404, code: 'route_not_found', title: 'Такого адреса нет', instance: '/api/v1/no-such-thing' });
    const en = await raw('/api/v1/no-such-thing', { headers: { 'Accept-Language': 'en-US,en;q=0.9,ru;q=0.5' } });
    expect(en.body.title).toBe('No such route');
    expect(en.headers.get('content-language')).toBe('en');
  });

  it('malformed JSON is a 400 problem, never a 500', async () => {
    const res = await raw('/api/v1/auth/login', { method: 'POST', body: '{"login": ' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('malformed_json');
    expect(res.body.errorId).toBeUndefined();
  });

  it('sets security headers', async () => {
    const res = await raw('/api/health/live');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeTruthy();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('lists appeal types and the category tree with extra-field schemas', async () => {
    const types = await raw('/api/v1/catalog/appeal-types');
    expect(types.body.map((t: { code: string }) => t.code)).toEqual(['complaint', 'suggestion', 'question', 'gratitude', 'petition', 'decision_appeal']);
    expect(types.body.find((t: { code: string }) => t.code === 'decision_appeal').intake).toBe(false);
    const tree = await raw('/api/v1/catalog/categories');
    const tech = tree.body.find((c: { code: string }) => c.code === 'tech');
    expect(tech.children.map((c: { code: string }) => c.code)).toContain('tech-access-lost');
    expect(tech.extraFieldsSchema.properties.serviceNumber).toBeDefined();
    const gratitude = await raw('/api/v1/catalog/categories?type=gratitude');
    expect(gratitude.body.map((c: { code: string }) => c.code).sort()).toEqual(['gratitude-politeness', 'gratitude-quality', 'gratitude-speed']);
  });
});

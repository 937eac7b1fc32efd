import Fastify from 'fastify';
import { helmetHeaders, registerSecurityHeaders } from './security-headers';

describe('security headers', () => {
  const options = { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"], upgradeInsecureRequests: null } } };

  it('are helmet’s for the options, computed once', () => {
    const headers = helmetHeaders(options);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer' });
  });

  it('are on every answer, found or not, and on routes added after them', async () => {
    const app = Fastify();
    registerSecurityHeaders(app, options);
    app.get('/late', async () => ({ ok: true }));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    for (const url of ['/late', '/missing']) {
      const res = await fetch(`${base}${url}`);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    }
    await app.close();
  });
});

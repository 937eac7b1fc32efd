import { freePort, startServer, stopRunning, type RunningServer } from './support/server';

/**
 * Prometheus metrics are not for anyone who asks: behind METRICS_TOKEN, or only on the internal
 * METRICS_PORT. (Demo mode without either keeps /api/metrics open, which the shared test server
 * relies on; production without either has no metrics: backend/src/config/app-config.spec.ts.)
 */
describe('metrics access (METRICS_TOKEN, METRICS_PORT)', () => {
  const TOKEN = 'metrics-e2e-token-0123456789';
  const get = (url: string, token?: string) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  describe('METRICS_TOKEN', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ METRICS_TOKEN: TOKEN });
    }, 120_000);
    afterAll(async () => server && stopRunning(server));

    it('/api/metrics answers 401 problem+json without the bearer token or with a wrong one, the metrics with it', async () => {
      const none = await get(`${server.baseUrl}/api/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('content-type')).toContain('application/problem+json');
      expect(await none.text()).not.toContain('otklik_');
      expect((await get(`${server.baseUrl}/api/metrics`, 'metrics-e2e-token-wrong')).status).toBe(401);
      const ok = await get(`${server.baseUrl}/api/metrics`, TOKEN);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('cache-control')).toBe('no-store');
      expect(await ok.text()).toContain('otklik_http_request_duration_seconds');
    });
  });

  describe('METRICS_PORT', () => {
    let server: RunningServer;
    let metricsPort: number;
    beforeAll(async () => {
      metricsPort = await freePort();
      server = await startServer({ METRICS_PORT: String(metricsPort), METRICS_TOKEN: TOKEN });
    }, 120_000);
    afterAll(async () => server && stopRunning(server));

    it('serves metrics only on the internal port (still behind the token); the public port has none', async () => {
      const publicPort = await get(`${server.baseUrl}/api/metrics`, TOKEN);
      expect(publicPort.status).toBe(404);
      expect(publicPort.headers.get('content-type')).toContain('application/problem+json');
      expect((await get(`http://127.0.0.1:${metricsPort}/metrics`)).status).toBe(401);
      const ok = await get(`http://127.0.0.1:${metricsPort}/metrics`, TOKEN);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('otklik_');
      expect((await get(`http://127.0.0.1:${metricsPort}/other`, TOKEN)).status).toBe(404);
    });
  });
});

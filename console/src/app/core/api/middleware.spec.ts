import { describe, expect, it } from 'vitest';
import type { Notifier } from './notifier';
import { problemMiddleware } from './middleware';

/** What the problem middleware turns into a snackbar, and what it leaves to the caller. */
describe('problemMiddleware', () => {
  const told: string[] = [];
  const notifier = { problem: (p: { title?: string }) => told.push(`problem: ${p.title}`), error: (key: string) => told.push(`error: ${key}`) } as unknown as Notifier;
  const middleware = problemMiddleware(notifier);
  const answer = async (method: string, schemaPath: string, status: number) => {
    const response = new Response(JSON.stringify({ type: 'about:blank', title: 'Не найдено', status }), { status, headers: { 'content-type': 'application/problem+json' } });
    await middleware.onResponse!({ request: new Request('http://console.test/x', { method }), response, schemaPath } as never);
  };

  it("the card's presence heartbeat is background work: refused (404 right after a redirect) or offline, no snackbar", async () => {
    told.length = 0;
    await answer('PUT', '/api/v1/staff/appeals/{idOrNumber}/presence', 404);
    await answer('DELETE', '/api/v1/staff/appeals/{idOrNumber}/presence', 404);
    void middleware.onError!({ error: new TypeError('Failed to fetch'), schemaPath: '/api/v1/staff/appeals/{idOrNumber}/presence' } as never);
    expect(told).toEqual([]);
  });

  it('an action refused on the same appeal still says why', async () => {
    told.length = 0;
    await answer('POST', '/api/v1/staff/appeals/{idOrNumber}/take', 404);
    expect(told).toEqual(['problem: Не найдено']);
  });
});

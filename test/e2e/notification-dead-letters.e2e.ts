import { startSmsGateway, SmsGateway } from '../support/channels/sms-gateway';
import { DEMO } from './support/api';
import { call, registerCitizen } from './support/identity';
import { RunningServer, startServer, stopRunning } from './support/server';
import { until } from './support/sse';

/**
 * The on-call engineer's side of a provider outage: an SMS gateway down longer than the attempts
 * leaves the notices dead; the admin lists them, and once the gateway is back retries them — each
 * reaches the phone once, and the retry is audited. Only an admin may do either.
 */
describe('notifications: dead deliveries, listed and retried by the admin', () => {
  let server: RunningServer;
  let gateway: SmsGateway;
  let base: string;
  let citizen: { token: string; phone: string };
  let admin: string;
  let operator: string;
  let techId: string;
  const digits = (phone: string) => phone.replace(/\D/g, '');
  const texts = () => gateway.messages.filter((m) => digits(m.to) === digits(citizen.phone)).map((m) => m.text);

  beforeAll(async () => {
    gateway = await startSmsGateway();
    server = await startServer({ SMS_GATEWAY: 'http', SMS_HTTP_URL: gateway.url, EVENT_MAX_ATTEMPTS: '2', EVENT_RETRY_BASE_MS: '50', EVENT_RETRY_MAX_MS: '100' });
    base = server.baseUrl;
    const registered = await registerCitizen(base, gateway);
    citizen = { token: registered.accessToken, phone: registered.data.phone };
    admin = (await call(base, 'POST', '/api/v1/auth/login', DEMO.admin)).body.accessToken;
    operator = (await call(base, 'POST', '/api/v1/auth/login', DEMO.operator)).body.accessToken;
    const tree = (await call(base, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string; children: { code: string; id: string }[] }[];
    techId = tree.flatMap((t) => [t, ...t.children]).find((c) => c.code === 'tech')!.id;
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
    await gateway?.close();
  });

  it('an outage outlasting the attempts leaves the SMS dead; retried after it, it arrives once', async () => {
    gateway.fail(503);
    const filed = await call(base, 'POST', '/api/v1/appeals', { type: 'question', categoryId: techId, subject: 'Шлюз недоступен', text: 'Не приходит SMS.' }, citizen.token);
    expect(filed.status).toBe(201);
    const number = filed.body.number as number;
    const appealId = filed.body.id as string;

    type Record = { id: string; appealId: string | null; channel: string; status: string; attempts: number; lastError: string | null; retriable: boolean; address: string | null };
    const dead = await until(async () => {
      const page = (await call(base, 'GET', '/api/v1/admin/notification-deliveries?channel=sms', undefined, admin)).body as { items: Record[] };
      return page.items.find((d) => d.appealId === appealId);
    }, 20_000);
    expect(dead).toMatchObject({ channel: 'sms', status: 'dead', attempts: 2, retriable: true });
    expect(dead.lastError).toContain('503');
    // The address is masked: the admin sees where, not the whole number.
    expect(dead.address).not.toContain(digits(citizen.phone));
    expect(texts().filter((t) => t.includes(`№ ${number}`))).toEqual([]);

    // Nobody but an admin.
    expect((await call(base, 'GET', '/api/v1/admin/notification-deliveries', undefined, operator)).status).toBe(403);
    expect((await call(base, 'POST', '/api/v1/admin/notification-deliveries/retry', { ids: [dead.id] }, operator)).status).toBe(403);
    expect((await call(base, 'POST', '/api/v1/admin/notification-deliveries/retry', { ids: ['not-an-id'] }, admin)).status).toBe(422);

    gateway.fail(null);
    const retried = await call(base, 'POST', '/api/v1/admin/notification-deliveries/retry', { ids: [dead.id] }, admin);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ retried: 1 });
    await until(() => (texts().some((t) => t.includes(`№ ${number}`)) ? true : undefined), 15_000);
    // A second retry finds nothing dead; anything sent twice would have arrived by now.
    expect((await call(base, 'POST', '/api/v1/admin/notification-deliveries/retry', { ids: [dead.id] }, admin)).body).toEqual({ retried: 0 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(texts().filter((t) => t.includes(`№ ${number}`))).toHaveLength(1);

    const onCard = (await call(base, 'GET', `/api/v1/appeals/${appealId}/notifications`, undefined, citizen.token)).body as { id: string; status: string }[];
    expect(onCard.find((d) => d.id === dead.id)?.status).toMatch(/sent|delivered/);
    const stillDead = (await call(base, 'GET', '/api/v1/admin/notification-deliveries?channel=sms', undefined, admin)).body as { items: Record[] };
    expect(stillDead.items.find((d) => d.id === dead.id)).toBeUndefined();

    const audit = (await call(base, 'GET', '/api/v1/audit?action=notification_deliveries.retry', undefined, admin)).body as { items: { details: { ids: string[] | null; retried: number } }[] };
    expect(audit.items.map((r) => r.details)).toEqual(expect.arrayContaining([expect.objectContaining({ ids: [dead.id], retried: 1 })]));
  }, 90_000);

  it('pages with a cursor, and a forged cursor is a 422 on the field', async () => {
    const first = (await call(base, 'GET', '/api/v1/admin/notification-deliveries?status=sent&limit=1', undefined, admin)).body as { items: { id: string }[]; nextCursor: string | null };
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await call(base, 'GET', `/api/v1/admin/notification-deliveries?status=sent&limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`, undefined, admin)).body as { items: { id: string }[] };
    expect(second.items[0]?.id).not.toBe(first.items[0].id);
    const forged = await call(base, 'GET', `/api/v1/admin/notification-deliveries?cursor=${encodeURIComponent(Buffer.from('["x","y"]').toString('base64url'))}`, undefined, admin);
    expect(forged.status).toBe(422);
    expect(forged.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });
});

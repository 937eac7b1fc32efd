import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRequestDetails, generateVAPIDKeys } from 'web-push';
import { loadConfig } from '../../../backend/src/config/app-config';
import type { VapidConfig } from '../../../backend/src/config/messaging-config';
import { PushEndpointRefused, PushSubscriptionGone, PushTarget, WebPushSender } from '../../../backend/src/modules/messaging/push-sender';
import { BrowserSubscription, PushEndpoint, startPushEndpoint } from '../../support/channels/push-endpoint';

/**
 * The web push driver against a local push service that checks VAPID and decrypts the body the
 * way a browser does — with the demo mode's generated VAPID keys.
 */
describe('WebPushSender against a push service', () => {
  let service: PushEndpoint;
  let sut: WebPushSender;
  let vapid: VapidConfig;

  const target = (s: BrowserSubscription): PushTarget => ({ endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth });

  beforeAll(async () => {
    service = await startPushEndpoint();
    const config = loadConfig({ APP_MODE: 'demo', DATA_DIR: mkdtempSync(join(tmpdir(), 'otklik-push-')), LOG_LEVEL: 'silent' });
    vapid = config.messaging.vapid;
    sut = new WebPushSender(vapid);
  });

  afterAll(async () => {
    await service.close();
  });

  afterEach(() => service.outage(null));

  it('delivers an encrypted payload the subscription decrypts to the same text, signed with our VAPID key', async () => {
    const subscription = service.newSubscription('citizen-1');
    const payload = JSON.stringify({ title: 'Обращение № 2026-000123', body: 'Статус: ответ готов', url: 'https://otklik.local/my/appeals/1' });

    const result = await sut.send(target(subscription), payload, { ttlSeconds: 3600, urgency: 'high', topic: 'appeal-123' });

    expect(service.refused).toEqual([]);
    expect(result).toEqual({ status: 201 });
    expect(service.received).toHaveLength(1);
    const [push] = service.received;
    expect(push).toMatchObject({ id: 'citizen-1', payload, vapid: { publicKey: sut.publicKey, aud: service.origin, sub: 'mailto:no-reply@otklik.local' } });
    expect(push.headers).toMatchObject({ ttl: '3600', urgency: 'high', topic: 'appeal-123', 'content-encoding': 'aes128gcm' });
  });

  it('a 3 KB payload (push services take about 4 KB) arrives whole; defaults are four weeks and normal urgency', async () => {
    const subscription = service.newSubscription();
    const payload = 'Ж'.repeat(1500);
    await sut.send(target(subscription), payload);
    const push = service.received.at(-1)!;
    expect(push.payload).toBe(payload);
    expect(push.headers).toMatchObject({ ttl: String(28 * 86_400), urgency: 'normal' });
  });

  it('the test service refuses a VAPID token made for another origin or signed by another key', async () => {
    const subscription = service.newSubscription();
    const other = { subject: 'mailto:ops@otklik.local', ...generateVAPIDKeys() };
    const post = async (request: ReturnType<typeof generateRequestDetails>, headers: Record<string, string> = {}) => {
      const h: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) if (name !== 'Content-Length') h[name] = String(value);
      return (await fetch(subscription.endpoint, { method: 'POST', headers: { ...h, ...headers }, body: new Uint8Array(request.body!) })).status;
    };
    const elsewhere = generateRequestDetails({ ...subscription, endpoint: 'https://push.example/x' }, 'x', { vapidDetails: other, contentEncoding: 'aes128gcm' });
    expect(await post(elsewhere)).toBe(401);
    const ours = generateRequestDetails(subscription, 'x', { vapidDetails: other, contentEncoding: 'aes128gcm' });
    const otherKey = generateVAPIDKeys().publicKey;
    const forged = String(ours.headers.Authorization).replace(/k=[\w-]+/, `k=${otherKey}`);
    expect(await post(ours, { Authorization: forged })).toBe(401);
    expect(service.refused.slice(-2).map((r) => r.reason)).toEqual([expect.stringMatching(/aud/), expect.stringMatching(/signature/)]);
    expect(await post(ours)).toBe(201);
  });

  it('410 and 404 mean the subscription is gone', async () => {
    const subscription = service.newSubscription('left');
    service.gone('left');
    await expect(sut.send(target(subscription), 'x')).rejects.toBeInstanceOf(PushSubscriptionGone);
    await expect(sut.send(target(subscription), 'x')).rejects.toMatchObject({ status: 410 });
    const unknown = { ...target(subscription), endpoint: `${service.origin}/push/never-was` };
    await expect(sut.send(unknown, 'x')).rejects.toMatchObject({ status: 404 });
  });

  it('an outage is an ordinary error (the caller retries), not a gone subscription', async () => {
    const subscription = service.newSubscription();
    service.outage(500);
    const failed = sut.send(target(subscription), 'x');
    await expect(failed).rejects.toThrow(/answered 500/);
    await expect(failed).rejects.not.toBeInstanceOf(PushSubscriptionGone);
    service.outage('refuse');
    await expect(sut.send(target(subscription), 'x')).rejects.toThrow(/unreachable/);
    service.outage(null);
    await expect(sut.send(target(subscription), 'x')).resolves.toEqual({ status: 201 });
  });

  it('refuses endpoints that are not http(s) before sending anything', async () => {
    const subscription = service.newSubscription();
    const before = service.received.length + service.refused.length;
    await expect(sut.send({ ...target(subscription), endpoint: 'file:///etc/passwd' }, 'x')).rejects.toThrow(/http\(s\)/);
    await expect(sut.send({ ...target(subscription), endpoint: 'not a url' }, 'x')).rejects.toThrow(/not a URL/);
    expect(service.received.length + service.refused.length).toBe(before);
  });

  it('where local endpoints are not allowed (production), refuses this one as a subscription that can never work', async () => {
    const subscription = service.newSubscription();
    const production = new WebPushSender(vapid, undefined, false);
    const before = service.received.length + service.refused.length;
    const refused = production.send(target(subscription), 'x');
    await expect(refused).rejects.toBeInstanceOf(PushEndpointRefused);
    await expect(refused).rejects.toBeInstanceOf(PushSubscriptionGone);
    expect(service.received.length + service.refused.length).toBe(before);
  });
});

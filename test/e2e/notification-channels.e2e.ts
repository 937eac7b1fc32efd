import { startPushEndpoint, PushEndpoint } from '../support/channels/push-endpoint';
import { startSmppServer, SmppServer } from '../support/channels/smpp-server';
import { startSmsGateway, SmsGateway } from '../support/channels/sms-gateway';
import { startSmtp, SmtpSink } from '../support/channels/smtp-server';
import { DEMO } from './support/api';
import { call, registerCitizen } from './support/identity';
import { RunningServer, startServer, stopRunning } from './support/server';
import { openSse, until } from './support/sse';

const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * Every channel end to end, against real local servers started here: an SMTP server, an SMS
 * gateway (the HTTP one, the HTTP one taking batch submits in Infobip's shape, then an SMSC over
 * SMPP), a Web Push service that decrypts what it gets
 * with the subscription's keys, and the in-app stream. A status change reaches each exactly once;
 * switched off, none; in quiet hours the SMS and the push wait for the morning (the injected clock).
 */
describe.each(['http', 'http-batch', 'smpp'] as const)('notifications: every channel, exactly once (SMS over %s)', (gateway) => {
  let server: RunningServer;
  let smtp: SmtpSink;
  let http: SmsGateway | undefined;
  let smpp: SmppServer | undefined;
  let push: PushEndpoint;
  let base: string;
  let citizen: { token: string; phone: string; email: string };
  let operator: string;
  let techId: string;

  /** SMS the citizen's phone got, whichever gateway carried them. */
  const texts = (): string[] =>
    gateway !== 'smpp'
      ? http!.messages.filter((m) => digits(m.to) === digits(citizen.phone)).map((m) => m.text)
      : smpp!.submits.filter((s) => digits(s.destination) === digits(citizen.phone)).map((s) => s.text);
  const mails = () => smtp.mails.filter((m) => m.to.some((to) => to.includes(citizen.email)));
  const pushes = () => push.received.map((p) => JSON.parse(p.payload) as { title: string; body: string; url: string; kind: string });
  const ok = async (method: string, path: string, body: unknown, token: string): Promise<any> => {
    const res = await call(base, method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const file = (subject: string) => ok('POST', '/api/v1/appeals', { type: 'question', categoryId: techId, subject, text: 'Не открывается страница оплаты.' }, citizen.token);
  beforeAll(async () => {
    smtp = await startSmtp();
    push = await startPushEndpoint();
    const env: Record<string, string> = { SMTP_URL: smtp.url, CLOCK_CONTROL: 'true' };
    if (gateway !== 'smpp') {
      http = await startSmsGateway();
      // The reply's per-message status is read: Infobip's status.groupName in a batch, the local gateway's own `status` alone.
      Object.assign(env, { SMS_GATEWAY: 'http', SMS_HTTP_URL: http.url, SMS_HTTP_STATUS_FIELD: 'status', SMS_HTTP_REJECTED_STATUSES: 'rejected' });
      // Infobip's `POST /sms/2/text/advanced`: each message an entry of `messages`, the delivery id its messageId.
      if (gateway === 'http-batch') {
        Object.assign(env, {
          SMS_HTTP_TEMPLATE: '{"destinations":[{"to":"{phone}","messageId":"{ref}"}],"text":"{text}"}',
          SMS_HTTP_BATCH_TEMPLATE: '{"messages":{messages}}',
          SMS_HTTP_ID_FIELD: 'messageId',
          SMS_HTTP_STATUS_FIELD: 'status.groupName',
          SMS_HTTP_REJECTED_STATUSES: 'REJECTED,UNDELIVERABLE',
        });
      }
    } else {
      smpp = await startSmppServer();
      Object.assign(env, { SMS_GATEWAY: 'smpp', SMPP_URL: smpp.url });
    }
    server = await startServer(env);
    base = server.baseUrl;
    const inbox = {
      get messages() {
        return gateway !== 'smpp' ? http!.messages : smpp!.submits.map((s) => ({ to: `+${digits(s.destination)}`, text: s.text }));
      },
    };
    const registered = await registerCitizen(base, inbox);
    citizen = { token: registered.accessToken, phone: registered.data.phone, email: registered.data.email };
    operator = (await call(base, 'POST', '/api/v1/auth/login', DEMO.operator)).body.accessToken;
    const tree = (await call(base, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string; children: { code: string; id: string }[] }[];
    techId = tree.flatMap((t) => [t, ...t.children]).find((c) => c.code === 'tech')!.id;
    const device = push.newSubscription('citizen-phone');
    await ok('POST', '/api/v1/me/push-subscriptions', { endpoint: device.endpoint, ...device.keys }, citizen.token);
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
    await Promise.all([smtp?.close(), http?.close(), smpp?.close(), push?.close()]);
  });

  it('a status change: one e-mail, one SMS, one web push that decrypts, one live in-app item — and nothing more', async () => {
    const stream = await openSse(`${base}/api/v1/me/notifications/stream`, citizen.token);
    const appeal = await file('Все каналы');
    // The receipt of registration comes first on every channel.
    await until(() => (texts().some((t) => t.includes(`№ ${appeal.number}`)) ? true : undefined), 15_000);
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, operator);

    const live = await until(() => stream.events.find((e) => e.event === 'notification' && JSON.parse(e.data).kind === 'status_changed' && JSON.parse(e.data).appealNumber === appeal.number), 15_000);
    await until(() => (pushes().some((p) => p.kind === 'status_changed' && `${p.title} ${p.body}`.includes(String(appeal.number))) ? true : undefined), 15_000);
    await until(() => (texts().filter((t) => t.includes(`№ ${appeal.number}`)).length >= 2 ? true : undefined), 15_000);
    await until(() => (mails().filter((m) => m.text.includes(`№ ${appeal.number}`)).length >= 2 ? true : undefined), 15_000);
    // Anything sent twice would have arrived by now.
    await new Promise((r) => setTimeout(r, 2500));
    stream.close();

    const sms = texts().filter((t) => t.includes(`№ ${appeal.number}`));
    expect({ sms }).toEqual({ sms: [expect.any(String), expect.any(String)] }); // the receipt and the status change
    expect(sms.filter((t) => t.includes("Новый статус: В работе"))).toEqual([sms[1]]);
    // The receipt follows the form «Ваше обращение № … получено. Статус: …».
    expect(sms[0]).toMatch(new RegExp(`^Ваше обращение № ${appeal.number} получено.*Статус: Принято`));
    expect(sms.find((t) => t.includes("Новый статус: В работе"))).toMatch(new RegExp(`^Ваше обращение № ${appeal.number}`));
    const emails = mails().filter((m) => m.text.includes(`№ ${appeal.number}`));
    expect(emails).toHaveLength(2);
    const change = emails.find((m) => m.text.includes('В работе'))!;
    expect(change.html).toContain(`№ ${appeal.number}`);
    expect(change.text).toContain(`/cabinet/appeals/${appeal.number}`);
    const pushed = pushes().filter((p) => `${p.title} ${p.body}`.includes(String(appeal.number)));
    expect(pushed.map((p) => p.kind).sort()).toEqual(['registered', 'status_changed']);
    expect(pushed.find((p) => p.kind === 'status_changed')!.url).toContain(`/appeals/${appeal.number}`);
    expect(push.refused).toEqual([]);
    const items = stream.events.filter((e) => e.event === 'notification' && JSON.parse(e.data).appealNumber === appeal.number);
    expect(items.map((e) => JSON.parse(e.data).kind)).toEqual(['registered', 'status_changed']);
    expect(live.id).toBe(JSON.parse(live.data).id);

    // The appeal's own record: one delivery per channel for the change, each sent with the provider's id.
    const record = (await call(base, 'GET', `/api/v1/appeals/${appeal.id}/notifications`, undefined, citizen.token)).body as {
      kind: string;
      channel: string;
      status: string;
      address: string | null;
    }[];
    const changed = record.filter((d) => d.kind === 'status_changed');
    expect(changed.map((d) => d.channel).sort()).toEqual(['email', 'in_app', 'push', 'sms']);
    expect(changed.every((d) => ['sent', 'delivered'].includes(d.status))).toBe(true);
    expect(changed.find((d) => d.channel === 'sms')!.address).toMatch(/\*\*\*/);
    if (gateway === 'http-batch') {
      // Every SMS went in the batch shape, and its record holds the gateway's id of it: the delivery id it was given.
      expect(http!.batches).toBeGreaterThan(0);
      expect(http!.messages.filter((m) => m.ref && !m.batched)).toEqual([]);
      const full = (await call(base, 'GET', `/api/v1/appeals/${appeal.id}/notifications`, undefined, operator)).body as { id: string; kind: string; channel: string; providerId: string | null }[];
      const smsRecord = full.find((d) => d.kind === 'status_changed' && d.channel === 'sms')!;
      expect(smsRecord.providerId).toBe(smsRecord.id);
    }
    if (gateway === 'smpp') {
      // The SMSC's delivery receipt comes back to the record.
      await until(async () => {
        const rows = (await call(base, 'GET', `/api/v1/appeals/${appeal.id}/notifications`, undefined, citizen.token)).body as { kind: string; channel: string; status: string }[];
        return rows.find((d) => d.kind === 'status_changed' && d.channel === 'sms' && d.status === 'delivered');
      }, 10_000);
    }
  }, 60_000);

  it('switched off, a status change sends nothing on any channel (the receipt still goes)', async () => {
    await ok('PUT', '/api/v1/me/notification-preferences', { kinds: [{ kind: 'status_changed', channels: { in_app: false, email: false, sms: false, push: false } }] }, citizen.token);
    const appeal = await file('Выключено');
    await until(() => (texts().some((t) => t.includes(`№ ${appeal.number}`)) ? true : undefined), 15_000);
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, operator);
    // The operator's own feed proves the step's event was handled: the citizen simply has nothing.
    await until(async () => {
      const rows = (await call(base, 'GET', `/api/v1/appeals/${appeal.id}/history`, undefined, citizen.token)).body as { event: string }[];
      return rows.find((r) => r.event === 'taken');
    });
    await new Promise((r) => setTimeout(r, 2500));
    expect(texts().filter((t) => t.includes(`№ ${appeal.number}`))).toHaveLength(1);
    expect(mails().filter((m) => m.text.includes(`№ ${appeal.number}`))).toHaveLength(1);
    expect(pushes().filter((p) => p.kind === 'status_changed' && `${p.title} ${p.body}`.includes(String(appeal.number)))).toEqual([]);
    const feed = (await call(base, 'GET', `/api/v1/me/notifications?appealId=${appeal.id}`, undefined, citizen.token)).body as { items: { kind: string }[] };
    expect(feed.items.map((i) => i.kind)).toEqual(['registered']);
    await ok('PUT', '/api/v1/me/notification-preferences', { kinds: [{ kind: 'status_changed', channels: { in_app: true, email: true, sms: true, push: true } }] }, citizen.token);
  }, 60_000);

  it('quiet hours: e-mail and in-app at once, SMS and push held until the morning, then sent once', async () => {
    // Quiet hours around the present Moscow time: from an hour ago to two hours from now.
    const moscow = (offsetH: number) => new Date(Date.now() + (3 + offsetH) * 3_600_000).toISOString().slice(11, 16);
    await ok('PUT', '/api/v1/me/notification-preferences', { quietHours: { from: moscow(-1), to: moscow(2) } }, citizen.token);
    const appeal = await file('Тихие часы');
    await until(() => (mails().some((m) => m.text.includes(`№ ${appeal.number}`)) ? true : undefined), 15_000);
    await ok('POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, {}, operator);
    await until(() => (mails().filter((m) => m.text.includes(`№ ${appeal.number}`)).length >= 2 ? true : undefined), 15_000);
    await new Promise((r) => setTimeout(r, 2500));
    expect(texts().filter((t) => t.includes(`№ ${appeal.number}`))).toEqual([]);
    expect(pushes().filter((p) => `${p.title} ${p.body}`.includes(String(appeal.number)))).toEqual([]);
    const held = ((await call(base, 'GET', `/api/v1/appeals/${appeal.id}/notifications`, undefined, citizen.token)).body as { channel: string; status: string; scheduledFor: string }[]).filter(
      (d) => d.channel === 'sms',
    );
    expect(held.map((d) => d.status)).toEqual(['held', 'held']);
    const morning = Date.parse(held[0].scheduledFor);
    expect(morning - Date.now()).toBeGreaterThan(3_600_000);
    expect(morning - Date.now()).toBeLessThan(2 * 3_600_000 + 60_000);

    // Morning comes (the application clock moves): both held SMS and pushes go, once each.
    await ok('PUT', '/api/v1/test/clock', { offsetMs: morning - Date.now() + 5_000 }, operator);
    await until(() => (texts().filter((t) => t.includes(`№ ${appeal.number}`)).length >= 2 ? true : undefined), 15_000);
    await until(() => (pushes().filter((p) => `${p.title} ${p.body}`.includes(String(appeal.number))).length >= 2 ? true : undefined), 15_000);
    await new Promise((r) => setTimeout(r, 2500));
    expect(texts().filter((t) => t.includes(`№ ${appeal.number}`))).toHaveLength(2);
    expect(pushes().filter((p) => `${p.title} ${p.body}`.includes(String(appeal.number)))).toHaveLength(2);
    await ok('PUT', '/api/v1/test/clock', { offsetMs: 0 }, operator);
    await ok('PUT', '/api/v1/me/notification-preferences', { quietHours: null }, citizen.token);
  }, 90_000);

  it('a device the push service says is gone is forgotten; the other channels do not notice', async () => {
    push.gone('citizen-phone');
    const appeal = await file('Устройство ушло');
    await until(() => (texts().some((t) => t.includes(`№ ${appeal.number}`)) ? true : undefined), 15_000);
    await until(async () => {
      const devices = (await call(base, 'GET', '/api/v1/me/push-subscriptions', undefined, citizen.token)).body as unknown[];
      return devices.length === 0 ? true : undefined;
    }, 15_000);
    const rows = await until(async () => {
      const all = (await call(base, 'GET', `/api/v1/appeals/${appeal.id}/notifications`, undefined, citizen.token)).body as { channel: string; status: string }[];
      return all.every((d) => !['pending', 'held'].includes(d.status)) ? all : undefined;
    }, 15_000);
    expect(rows.find((d) => d.channel === 'push')?.status).toBe('dead');
    expect(rows.find((d) => d.channel === 'email')?.status).toMatch(/sent|delivered/);
    expect(rows.find((d) => d.channel === 'sms')?.status).toMatch(/sent|delivered/);
  }, 60_000);

  if (gateway !== 'smpp') {
    it('an SMS the gateway refuses in its reply is not recorded as sent: the attempt fails with the status, is retried, and goes once the number is served', async () => {
      http!.refuse([citizen.phone]);
      let appeal: { id: string; number: number };
      try {
        appeal = await file('Номер отклонён');
        const sms = async () => {
          const rows = (await call(base, 'GET', `/api/v1/appeals/${appeal.id}/notifications`, undefined, operator)).body as { kind: string; channel: string; status: string; attempts: number; lastError: string | null }[];
          return rows.find((d) => d.kind === 'registered' && d.channel === 'sms');
        };
        const refused = await until(async () => {
          const row = await sms();
          return row && row.attempts >= 1 && row.lastError ? row : undefined;
        }, 15_000);
        expect(refused.status).toBe('pending'); // waiting for its retry, not sent
        expect(refused.lastError).toMatch(gateway === 'http' ? /refused the message: status is rejected/ : /refused the message: status.groupName is REJECTED/);
        expect(http!.refusals).toBeGreaterThanOrEqual(1);
        expect(texts().filter((t) => t.includes(`№ ${appeal.number}`))).toEqual([]);
        // The other channels did not wait for it.
        await until(() => (mails().some((m) => m.text.includes(`№ ${appeal.number}`)) ? true : undefined), 15_000);
      } finally {
        http!.refuse([]);
      }
      // Served again, the retry (EVENT_RETRY_* back-off) sends it, once.
      await until(() => (texts().some((t) => t.includes(`№ ${appeal.number}`)) ? true : undefined), 30_000);
      await new Promise((r) => setTimeout(r, 2500));
      expect(texts().filter((t) => t.includes(`№ ${appeal.number}`))).toHaveLength(1);
    }, 60_000);
  }
});

import { errors } from 'smpp';
import type { SmppConfig } from '../../../backend/src/config/messaging-config';
import { SmsReceipt } from '../../../backend/src/modules/messaging/sms-sender';
import { SmppCommandError, SmppSmsSender } from '../../../backend/src/modules/messaging/smpp/smpp-sms-sender';
import { SmppServer, startSmppServer } from '../../support/channels/smpp-server';
import { until } from '../../support/channels/until';

/**
 * The SMPP driver against a real SMPP server (node-smpp's, in test/support/channels): binding,
 * long Cyrillic texts, delivery receipts, and what happens when the link or the account fails.
 */
describe('SmppSmsSender against an SMSC', () => {
  let smsc: SmppServer;
  let sut: SmppSmsSender;

  const config = (overrides: Partial<SmppConfig> = {}): SmppConfig => ({
    host: smsc.host,
    port: smsc.port,
    tls: false,
    systemId: smsc.systemId,
    password: smsc.password,
    systemType: '',
    sourceAddr: 'Otklik',
    enquireLinkSeconds: 30,
    bindTimeoutMs: 2000,
    submitTimeoutMs: 2000,
    reconnectMaxMs: 500,
    ...overrides,
  });

  /** Receipts the sender reports, awaited one by one. */
  function receipts(sender: SmppSmsSender): { next: () => Promise<SmsReceipt>; all: SmsReceipt[] } {
    const all: SmsReceipt[] = [];
    let waiting: ((r: SmsReceipt) => void) | null = null;
    let read = 0;
    sender.onReceipt((r) => {
      all.push(r);
      if (waiting && read < all.length) {
        const w = waiting;
        waiting = null;
        w(all[read++]);
      }
    });
    return {
      all,
      next: () =>
        read < all.length
          ? Promise.resolve(all[read++])
          : new Promise<SmsReceipt>((resolve, reject) => {
              const timer = setTimeout(() => reject(new Error('no receipt in time')), 5000);
              waiting = (r) => {
                clearTimeout(timer);
                resolve(r);
              };
            }),
    };
  }

  beforeEach(async () => {
    smsc = await startSmppServer();
  });

  afterEach(async () => {
    await sut?.close();
    await smsc.close();
  });

  it('sends a two-part Cyrillic text as concatenated UCS-2 and folds both receipts into one', async () => {
    sut = new SmppSmsSender(config());
    const got = receipts(sut);
    const text = 'Ваше обращение № 2026-000123 зарегистрировано в «Отклик». Срок ответа — 30 дней, до 04.01.2027.';
    expect(text.length).toBeGreaterThan(70);
    expect(text.length).toBeLessThanOrEqual(134);

    const { providerId } = await sut.send('+79161234567', text);

    expect(smsc.submits).toEqual([
      { destination: '79161234567', source: 'Otklik', text, dataCoding: 8, pdus: 2, messageIds: [providerId, expect.any(String)], registeredDelivery: 1 },
    ]);
    expect(smsc.pdus).toBe(2);
    const receipt = await got.next();
    expect(receipt).toEqual({ providerId, status: 'delivered', at: expect.any(Date) });
    expect(got.all).toHaveLength(1);
    await until(() => smsc.receiptsAcknowledged === 2);
  });

  it('sends a short Latin text in one GSM 03.38 PDU and reports a failed delivery', async () => {
    smsc.setReceipts('UNDELIV');
    sut = new SmppSmsSender(config({ sourceAddr: '+79000000000' }));
    const got = receipts(sut);
    const { providerId } = await sut.send('+79161234567', 'Otklik code: 123456');
    expect(smsc.submits[0]).toMatchObject({ text: 'Otklik code: 123456', dataCoding: 0, pdus: 1, source: '79000000000' });
    expect(await got.next()).toEqual({ providerId, status: 'failed', at: expect.any(Date), error: 'stat:UNDELIV err:034' });
  });

  it('reads receipts that carry only the text (no TLVs)', async () => {
    smsc.setReceipts('EXPIRED', { tlvs: false });
    sut = new SmppSmsSender(config());
    const got = receipts(sut);
    const { providerId } = await sut.send('+79161234567', 'Ваш код: 123456');
    expect(await got.next()).toEqual({ providerId, status: 'expired', at: expect.any(Date), error: 'stat:EXPIRED err:034' });
  });

  it('binds again after the SMSC drops the connection, and the next send goes through', async () => {
    sut = new SmppSmsSender(config(), undefined, 50);
    await sut.send('+79161234567', 'first');
    expect(smsc.binds).toBe(1);

    smsc.dropConnections();
    // A send racing the drop fails (the caller retries); once the loss is seen, sends wait for the new bind.
    await until(() => !sut.isBound);
    const { providerId } = await sut.send('+79161234567', 'second');

    expect(providerId).toEqual(expect.any(String));
    expect(smsc.binds).toBe(2);
    expect(smsc.submits.map((s) => s.text)).toEqual(['first', 'second']);
  });

  it('drops a link that stops answering enquire_link and binds again', async () => {
    sut = new SmppSmsSender(config({ enquireLinkSeconds: 1 }), undefined, 50);
    sut.start();
    await until(() => sut.isBound);
    smsc.ignoreEnquireLinks(true);
    await until(() => !sut.isBound, 5000);
    smsc.ignoreEnquireLinks(false);
    await expect(sut.send('+79161234567', 'after the hang')).resolves.toEqual({ providerId: expect.any(String) });
    expect(smsc.binds).toBe(2);
  });

  it('rejects a send the SMSC refuses, naming the status', async () => {
    sut = new SmppSmsSender(config());
    smsc.rejectSubmits(errors.ESME_RTHROTTLED);
    await expect(sut.send('+79161234567', 'Code 1')).rejects.toThrow(SmppCommandError);
    await expect(sut.send('+79161234567', 'Code 1')).rejects.toThrow(/ESME_RTHROTTLED/);
    smsc.rejectSubmits(0);
    await expect(sut.send('+79161234567', 'Code 1')).resolves.toEqual({ providerId: expect.any(String) });
  });

  it('fails a send when no session binds in time (wrong password), so the caller retries later', async () => {
    sut = new SmppSmsSender(config({ password: 'wrong', bindTimeoutMs: 300 }), undefined, 50);
    await expect(sut.send('+79161234567', 'Code 1')).rejects.toThrow(/not bound .* within 300 ms/);
    expect(smsc.binds).toBe(0);
  });

  it('fails a send when the SMSC is down, and recovers once it is back', async () => {
    const { port } = smsc;
    await smsc.close();
    sut = new SmppSmsSender(config({ port, bindTimeoutMs: 300 }), undefined, 50);
    await expect(sut.send('+79161234567', 'Code 1')).rejects.toThrow(/not bound/);
    smsc = await startSmppServer({ port });
    // It binds again on its own, at its next reconnect attempt (back-off from 50 ms, doubling while
    // the SMSC was down: possibly later than one send's 300 ms bind wait), and then sends.
    await until(() => sut.isBound, 5000);
    await expect(sut.send('+79161234567', 'Code 2')).resolves.toEqual({ providerId: expect.any(String) });
    expect(smsc.submits.map((m) => m.text)).toEqual(['Code 2']);
  });

  it('unbinds on close', async () => {
    sut = new SmppSmsSender(config());
    sut.start();
    await sut.send('+79161234567', 'hello');
    await sut.close();
    expect(smsc.unbinds).toBe(1);
    await expect(sut.send('+79161234567', 'after')).rejects.toThrow(/closed/);
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevMailbox, SmtpMailer } from '../../../backend/src/modules/messaging/mailer';
import { HttpSmsSender, idIn } from '../../../backend/src/modules/messaging/sms-sender';
import { SmsGateway, startSmsGateway } from '../../support/channels/sms-gateway';
import { SmtpSink, startSmtp } from '../../support/channels/smtp-server';

/** The e-mail driver against a real SMTP server, the dev mailbox, and the HTTP SMS gateway driver. */
describe('mail and the HTTP SMS gateway', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096), Buffer.from('\n%%EOF\n')]);

  describe('SmtpMailer against an SMTP server', () => {
    let smtp: SmtpSink;
    let sut: SmtpMailer;

    beforeAll(async () => {
      smtp = await startSmtp();
      sut = new SmtpMailer(smtp.url, 'Отклик <no-reply@otklik.local>');
    });

    afterAll(async () => {
      await sut.close();
      await smtp.close();
    });

    it('sends text, its HTML alternative and a PDF attachment; resolves with the Message-ID', async () => {
      const { messageId } = await sut.send({
        to: 'olga@example.ru',
        subject: 'Ответ на обращение № 2026-000123',
        text: 'Здравствуйте, Ольга Игоревна! Ответ во вложении.',
        html: '<p>Здравствуйте, <b>Ольга Игоревна</b>! Ответ во вложении.</p>',
        attachments: [{ filename: 'Ответ № 2026-000123.pdf', content: pdf, contentType: 'application/pdf' }],
      });

      expect(messageId).toMatch(/^<.+@.+>$/);
      const mail = smtp.mails.find((m) => m.messageId === messageId)!;
      expect(mail).toMatchObject({
        to: ['olga@example.ru'],
        subject: 'Ответ на обращение № 2026-000123',
        text: 'Здравствуйте, Ольга Игоревна! Ответ во вложении.',
        html: '<p>Здравствуйте, <b>Ольга Игоревна</b>! Ответ во вложении.</p>',
      });
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]).toMatchObject({ filename: 'Ответ № 2026-000123.pdf', contentType: 'application/pdf', size: pdf.length });
      expect(mail.attachments[0].content.equals(pdf)).toBe(true);
    });

    it('a plain one-time-code mail still reads as text', async () => {
      await sut.send({ to: 'op@body.gov.ru', subject: 'Код входа в «Отклик»', text: 'Код входа: 123456' });
      expect(smtp.mails.at(-1)).toMatchObject({ text: 'Код входа: 123456', html: null, attachments: [] });
    });

    it('a caller’s Message-ID goes out as given, so a resend is the same message', async () => {
      const messageId = '<notice-42@otklik.example.ru>';
      expect(await sut.send({ to: 'olga@example.ru', subject: 'S', text: 'T', messageId })).toEqual({ messageId });
      await sut.send({ to: 'olga@example.ru', subject: 'S', text: 'T', messageId });
      expect(smtp.byMessageId().get(messageId)).toBe(2);
    });

    it('fails when the server refuses the recipient', async () => {
      smtp.refuseRecipient('gone@example.ru');
      await expect(sut.send({ to: 'gone@example.ru', subject: 's', text: 't' })).rejects.toThrow(/550|mailbox unavailable/);
      smtp.refuseRecipient(null);
    });
  });

  it('the dev mailbox writes the HTML and the attachments’ names and sizes, and returns an id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-mailbox-'));
    const sut = new DevMailbox(dir, 'Отклик <no-reply@otklik.local>');
    const { messageId } = await sut.send({ to: 'a@b.ru', subject: 'S', text: 'T', html: '<p>T</p>', attachments: [{ filename: 'a.pdf', content: pdf, contentType: 'application/pdf' }] });
    const [file] = readdirSync(dir);
    expect(JSON.parse(readFileSync(join(dir, file), 'utf8'))).toMatchObject({
      messageId,
      to: 'a@b.ru',
      html: '<p>T</p>',
      attachments: [{ filename: 'a.pdf', contentType: 'application/pdf', size: pdf.length }],
    });
    expect(messageId).toMatch(/^<.+@.+>$/);
  });

  describe('HttpSmsSender against an HTTP gateway', () => {
    let gateway: SmsGateway;

    beforeAll(async () => {
      gateway = await startSmsGateway();
    });

    afterAll(() => gateway.close());

    it('resolves with the id of the gateway’s reply and throws when it answers an error', async () => {
      const sut = new HttpSmsSender(gateway.url, '{"to":"{phone}","text":"{text}"}');
      expect(await sut.send('+79161234567', 'Код: 123456')).toEqual({ providerId: 'gw-1' });
      expect(gateway.messages).toEqual([{ to: '+79161234567', text: 'Код: 123456', id: 'gw-1', ref: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
      gateway.fail(503);
      await expect(sut.send('+79161234567', 'x')).rejects.toThrow(/503/);
      gateway.fail(null);
    });

    it('carries the idempotency key as {ref} and the Idempotency-Key header; the gateway folds a repeat', async () => {
      const sut = new HttpSmsSender(gateway.url, '{"to":"{phone}","text":"{text}","ref":"{ref}"}');
      const first = await sut.send('+79161234567', 'Напоминание', { ref: '1001' });
      const again = await sut.send('+79161234567', 'Напоминание', { ref: '1001' });
      expect(again).toEqual(first);
      const repeats = gateway.messages.filter((m) => m.ref === '1001');
      expect(repeats).toHaveLength(2);
      expect(gateway.unique.get('1001')).toEqual(repeats[0]);
      // Without a key (sign-in codes) each message gets a fresh one: never folded into another.
      await sut.send('+79161234567', 'Код: 1');
      await sut.send('+79161234567', 'Код: 1');
      const [code1, code2] = gateway.messages.slice(-2);
      expect(code1).toMatchObject({ text: 'Код: 1', ref: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(code2.ref).not.toBe(code1.ref);
      expect(gateway.unique.get(code2.ref!)).toBe(code2);
      // A template without {ref}: the header alone carries the key.
      await new HttpSmsSender(gateway.url, '{"to":"{phone}","text":"{text}"}').send('+79161234567', 'Напоминание', { ref: '2002' });
      expect(gateway.messages.at(-1)!.ref).toBe('2002');
    });

    it('batch submits in Infobip’s shape: one request per batch size, one id per message in order, a repeat folded by its messageId; a refusal or a reply that does not list every message fails them all', async () => {
      const batch = { template: '{"messages":{messages}}', replyField: 'messages', size: 2 };
      const item = '{"destinations":[{"to":"{phone}","messageId":"{ref}"}],"text":"{text}"}';
      const sut = new HttpSmsSender(gateway.url, item, 'messageId', undefined, batch);
      expect(sut.batchSize).toBe(2);
      const before = { requests: gateway.batches, messages: gateway.messages.length };
      const outcomes = await sut.sendMany([
        { phone: '+79161234567', text: 'Первое «в кавычках»', ref: '3001' },
        { phone: '+79161234568', text: 'Второе', ref: '3002' },
        { phone: '+79161234569', text: 'Третье', ref: '3003' },
      ]);
      expect(outcomes).toEqual([{ providerId: '3001' }, { providerId: '3002' }, { providerId: '3003' }]);
      expect(gateway.batches - before.requests).toBe(2);
      expect(gateway.messages.slice(before.messages)).toEqual([
        { to: '+79161234567', text: 'Первое «в кавычках»', id: '3001', ref: '3001', batched: true },
        { to: '+79161234568', text: 'Второе', id: '3002', ref: '3002', batched: true },
        { to: '+79161234569', text: 'Третье', id: '3003', ref: '3003', batched: true },
      ]);
      // A resend of the same delivery: the gateway knows its messageId and sends nothing on.
      expect(await sut.send('+79161234568', 'Второе', { ref: '3002' })).toEqual({ providerId: '3002' });
      expect(gateway.unique.get('3002')).toEqual(gateway.messages[before.messages + 1]);
      gateway.fail(503);
      const refused = await sut.sendMany([{ phone: '+79161234567', text: 'x', ref: '3004' }]);
      expect(refused).toEqual([{ error: expect.objectContaining({ message: expect.stringMatching(/503/) }) }]);
      gateway.fail(null);
      // The reply must list each message: read at another field, it does not, and nothing counts as accepted.
      const elsewhere = new HttpSmsSender(gateway.url, item, 'messageId', undefined, { ...batch, replyField: 'results' });
      const unlisted = await elsewhere.sendMany([{ phone: '+79161234567', text: 'y', ref: '3005' }]);
      expect(unlisted).toEqual([{ error: expect.objectContaining({ message: expect.stringMatching(/does not list/) }) }]);
    });

    it('a message sent without a key goes in a batch with a messageId of its own, not an empty one', async () => {
      const sut = new HttpSmsSender(gateway.url, '{"destinations":[{"to":"{phone}","messageId":"{ref}"}],"text":"{text}"}', 'messageId', undefined, { template: '{"messages":{messages}}', replyField: 'messages', size: 10 });
      const outcomes = await sut.sendMany([
        { phone: '+79161234567', text: 'Код: 7' },
        { phone: '+79161234568', text: 'Код: 8' },
      ]);
      const sent = gateway.messages.slice(-2);
      expect(sent.map((m) => m.ref)).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/), expect.stringMatching(/^[0-9a-f-]{36}$/)]);
      expect(sent[0].ref).not.toBe(sent[1].ref);
      expect(outcomes).toEqual(sent.map((m) => ({ providerId: m.ref })));
    });

    it('with SMS_HTTP_STATUS_FIELD a message the reply says was refused fails alone; without it, it counts as accepted', async () => {
      const batch = { template: '{"messages":{messages}}', replyField: 'messages', size: 10 };
      const item = '{"destinations":[{"to":"{phone}","messageId":"{ref}"}],"text":"{text}"}';
      const status = { field: 'status.groupName', rejected: new Set(['REJECTED', 'UNDELIVERABLE']) };
      const sut = new HttpSmsSender(gateway.url, item, 'messageId', undefined, batch, status);
      gateway.refuse(['+79160000000']);
      try {
        const before = { messages: gateway.messages.length, refusals: gateway.refusals };
        const outcomes = await sut.sendMany([
          { phone: '+79161234567', text: 'Принято', ref: '4001' },
          { phone: '+79160000000', text: 'Отказано', ref: '4002' },
          { phone: '+79161234568', text: 'Принято тоже', ref: '4003' },
        ]);
        expect(outcomes).toEqual([
          { providerId: '4001' },
          { error: expect.objectContaining({ message: 'SMS gateway refused the message: status.groupName is REJECTED' }) },
          { providerId: '4003' },
        ]);
        expect(gateway.refusals - before.refusals).toBe(1);
        expect(gateway.messages.slice(before.messages).map((m) => m.ref)).toEqual(['4001', '4003']);
        // One message at a time, its reply's own status field.
        const single = new HttpSmsSender(gateway.url, '{"to":"{phone}","text":"{text}"}', 'id', undefined, undefined, { field: 'status', rejected: new Set(['rejected']) });
        await expect(single.send('+79160000000', 'Отказано', { ref: '4004' })).rejects.toThrow('SMS gateway refused the message: status is rejected');
        expect(await single.send('+79161234567', 'Принято', { ref: '4005' })).toEqual({ providerId: expect.stringMatching(/^gw-/) });
        // Without the setting the reply's status is not read: the refused message counts as accepted.
        const unread = new HttpSmsSender(gateway.url, item, 'messageId', undefined, batch);
        expect(await unread.sendMany([{ phone: '+79160000000', text: 'Отказано', ref: '4006' }])).toEqual([{ providerId: '4006' }]);
      } finally {
        gateway.refuse([]);
      }
    });

    it('reads the id from the configured field, nested or numeric; null without one', () => {
      expect(idIn('{"result":{"message_id":42}}', 'result.message_id')).toBe('42');
      expect(idIn('{"id":"abc"}', 'id')).toBe('abc');
      expect(idIn('{"status":"queued"}', 'id')).toBeNull();
      expect(idIn('OK', 'id')).toBeNull();
    });
  });
});

import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { Client } from 'pg';
import { DEMO } from './support/api';
import { pdf } from './support/files';
import { call, registerCitizen, startMessagingServer } from './support/identity';
import { freePort } from './support/server';
import { until } from './support/sse';

/**
 * E-mail intake (issue 18), against real servers: the API's intake SMTP listener (INTAKE_SMTP_PORT)
 * gets mail over SMTP from nodemailer; answers go out to a local SMTP server started here.
 * A verified citizen's mail becomes their appeal in the general pool with the files the attachment
 * rules accept; a reply to a notice («№ N» in the subject) becomes a message in that appeal's
 * thread; an unverified sender gets the explanation and no appeal; the same mail delivered twice
 * is one appeal.
 */
describe('mail intake over SMTP', () => {
  let t: Awaited<ReturnType<typeof startMessagingServer>>;
  let db: Client;
  let intakePort: number;
  let citizen: { token: string; email: string; id: string };
  let unverified: { token: string; email: string };
  let poolOperator: string;
  const INTAKE = 'obrasheniya@otklik.local';

  const send = async (mail: { from: string; to?: string; subject: string; text: string; attachments?: { filename: string; content: Buffer; contentType: string }[]; messageId?: string }) => {
    const transport = createTransport({ host: '127.0.0.1', port: intakePort, secure: false, ignoreTLS: true });
    try {
      return await transport.sendMail({ to: INTAKE, ...mail });
    } finally {
      transport.close();
    }
  };
  const ok = async (method: string, path: string, token: string): Promise<any> => {
    const res = await call(t.base, method, path, undefined, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const appealsOf = async (token: string) => (await ok('GET', '/api/v1/appeals?limit=100', token)).items as { id: string; number: number; subject: string }[];

  beforeAll(async () => {
    intakePort = await freePort();
    t = await startMessagingServer({ INTAKE_SMTP_PORT: String(intakePort) });
    db = new Client({ connectionString: t.server.databaseUrl });
    await db.connect();
    const registered = await registerCitizen(t.base, t.sms);
    citizen = { token: registered.accessToken, email: registered.data.email, id: '' };
    // This citizen confirmed the e-mail by the code mailed at registration; the other one did not.
    const { rows } = await db.query<{ id: string; email_verified: boolean }>(`SELECT id, email_verified FROM users WHERE email_normalized = lower($1)`, [citizen.email]);
    expect(rows[0].email_verified).toBe(true);
    citizen.id = rows[0].id;
    const other = await registerCitizen(t.base, t.sms, {}, { verifyEmail: false });
    unverified = { token: other.accessToken, email: other.data.email };
    poolOperator = (await call(t.base, 'POST', '/api/v1/auth/login', DEMO.poolOperator)).body.accessToken;
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it("a verified citizen's mail becomes their appeal in the general pool, with the attachment the rules accept", async () => {
    const subject = `Не приходит квитанция ${randomUUID().slice(0, 6)}`;
    await send({
      from: citizen.email,
      subject,
      text: 'Здравствуйте! Квитанция об оплате не приходит на почту уже неделю. Скан платёжки во вложении.',
      attachments: [
        { filename: 'платёжка.pdf', content: pdf('платёжка'), contentType: 'application/pdf' },
        // A program is not an allowed type: it is left out, the appeal is filed.
        { filename: 'setup.exe', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]), contentType: 'application/octet-stream' },
      ],
    });
    const filed = await until(async () => (await appealsOf(citizen.token)).find((a) => a.subject === subject), 20_000);
    const card = await ok('GET', `/api/v1/staff/appeals/${filed.id}`, poolOperator);
    expect(card).toMatchObject({ channel: 'email', status: 'registered', text: expect.stringContaining('Квитанция об оплате не приходит') });
    expect(card.attachments.map((a: { name: string; contentType: string }) => [a.name, a.contentType])).toEqual([['платёжка.pdf', 'application/pdf']]);
    // The address it came from is the appeal's contact: masked on the card, whole only by the logged reveal.
    expect(card.contact.email).toMatch(/^\w\*\*\*@/);
    expect(card.contact.email).not.toBe(citizen.email);
    const revealed = (await call(t.base, 'POST', `/api/v1/staff/appeals/${filed.id}/reveal-contact`, { reason: 'Уточнить по телефону' }, poolOperator)).body;
    expect(revealed).toMatchObject({ email: citizen.email, fullName: expect.any(String) });
    const stored = await db.query(`SELECT status, outcome, raw_encrypted FROM inbound_mails WHERE outcome->>'appealId' = $1`, [filed.id]);
    expect(stored.rows).toEqual([{ status: 'filed', outcome: expect.objectContaining({ rejectedFiles: [expect.objectContaining({ name: 'setup.exe' })] }), raw_encrypted: null }]);
  });

  it("a reply to a notice lands in that appeal's thread, only from that appeal's citizen", async () => {
    const appeal = (await call(t.base, 'POST', '/api/v1/appeals', { type: 'question', categoryId: (await generalCategory()).id, subject: 'Вопрос по оплате', text: 'Когда придёт квитанция?' }, citizen.token)).body;
    const text = `Дополняю: номер платежа ${randomUUID().slice(0, 8)}.`;
    await send({ from: citizen.email, subject: `Re: Ваше обращение № ${appeal.number} получено`, text });
    await until(async () => ((await ok('GET', `/api/v1/appeals/${appeal.id}/messages`, citizen.token)) as { text: string }[]).find((m) => m.text.includes(text)), 20_000);
    const mine = await appealsOf(citizen.token);
    expect(mine.filter((a) => a.subject.includes(`№ ${appeal.number}`))).toEqual([]);

    // Another citizen's mail naming that number is not their thread: nothing is added to it.
    const foreign = `Чужой ответ ${randomUUID().slice(0, 8)}`;
    await send({ from: unverified.email, subject: `Re: Ваше обращение № ${appeal.number} получено`, text: foreign });
    await until(() => t.smtp.mails.find((m) => m.to.includes(unverified.email.toLowerCase()) || m.to.includes(unverified.email)), 20_000);
    const thread = (await ok('GET', `/api/v1/appeals/${appeal.id}/messages`, citizen.token)) as { text: string }[];
    expect(thread.filter((m) => m.text.includes(foreign))).toEqual([]);
  });

  it('an unverified or unknown sender gets the explanation and no appeal', async () => {
    const stranger = `stranger-${randomUUID().slice(0, 6)}@example.ru`;
    const subject = `Жалоба без учётной записи ${randomUUID().slice(0, 6)}`;
    await send({ from: stranger, subject, text: 'Прошу рассмотреть мою жалобу.' });
    await send({ from: unverified.email, subject, text: 'Прошу рассмотреть мою жалобу.' });
    for (const address of [stranger, unverified.email]) {
      const answer = await until(() => t.smtp.mails.find((m) => m.to.includes(address) && m.subject?.includes(subject)), 20_000);
      expect(answer.text).toContain('не зарегистрировано как обращение');
      expect(answer.text).toContain('547-ФЗ');
    }
    expect((await appealsOf(unverified.token)).filter((a) => a.subject === subject)).toEqual([]);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM appeals WHERE subject = $1`, [subject]);
    expect(rows[0].n).toBe(0);
  });

  it('the same mail delivered twice is one appeal', async () => {
    const subject = `Повторная доставка ${randomUUID().slice(0, 6)}`;
    const messageId = `<${randomUUID()}@mail.example.ru>`;
    await send({ from: citizen.email, subject, text: 'Письмо, доставленное дважды.', messageId });
    await send({ from: citizen.email, subject, text: 'Письмо, доставленное дважды.', messageId });
    await until(async () => (await appealsOf(citizen.token)).find((a) => a.subject === subject), 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await appealsOf(citizen.token)).filter((a) => a.subject === subject)).toHaveLength(1);
  });

  async function generalCategory(): Promise<{ id: string }> {
    const tree = (await call(t.base, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string }[];
    return tree.find((c) => c.code === 'general')!;
  }
});

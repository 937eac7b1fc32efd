import { BASE_URL, DEMO, raw, signedIn } from './support/api';
import { appealInput, category } from './support/factories';
import { solvedCaptcha } from './support/identity';

/** Unidentified feedback (59-ФЗ / 547-ФЗ): filed without an account, followed by number + access code. */
describe('public appeals: POST /public/appeals, GET /public/appeals/{number}', () => {
  const file = async (extra: Record<string, unknown>, captcha?: string) =>
    raw('/api/v1/public/appeals', {
      method: 'POST',
      body: JSON.stringify({ ...(await appealInput()), captcha: captcha ?? (await solvedCaptcha(BASE_URL())), ...extra }),
    });

  it('registers at once and gives a number and an access code to follow it with', async () => {
    const res = await file({ subject: 'Яма во дворе', surname: 'Смирнов', address: 'г. Тверь, ул. Советская, д. 1', email: 'smirnov@example.ru' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'registered', noAnswerRequired: false });
    expect(res.body.number).toEqual(expect.any(Number));
    expect(res.body.accessCode).toMatch(/^[A-Z0-9]{10}$/);

    const track = await raw(`/api/v1/public/appeals/${res.body.number}?accessCode=${res.body.accessCode}`);
    expect(track.status).toBe(200);
    expect(track.body).toMatchObject({ number: res.body.number, status: 'registered', statusLabel: 'Принято', subject: 'Яма во дворе', noAnswerRequired: false });
    expect(track.body.history).toEqual([expect.objectContaining({ status: 'registered', label: 'Принято' })]);
    const en = await raw(`/api/v1/public/appeals/${res.body.number}?accessCode=${res.body.accessCode.toLowerCase()}`, { headers: { 'Accept-Language': 'en' } });
    expect(en.body.statusLabel).toBe('Registered');
  });

  it('a wrong code or number is the same 404, and nothing about the appeal leaks', async () => {
    const res = await file({ surname: 'Смирнов', email: 'smirnov@example.ru' });
    for (const path of [`/api/v1/public/appeals/${res.body.number}?accessCode=WRONGCODE1`, `/api/v1/public/appeals/999999999?accessCode=${res.body.accessCode}`]) {
      const track = await raw(path);
      expect(track.status).toBe(404);
      expect(track.body.code).toBe('not_found');
      expect(track.text).not.toContain('Смирнов');
    }
    // An identified citizen's appeal cannot be reached this way at all.
    const citizen = await signedIn(DEMO.citizen);
    const own = (await citizen.POST('/api/v1/appeals', { body: await appealInput() })).data!;
    expect((await raw(`/api/v1/public/appeals/${own.number}?accessCode=${res.body.accessCode}`)).status).toBe(404);
    expect((await raw(`/api/v1/public/appeals/${res.body.number}`)).status).toBe(422);
  });

  it('without a surname or an address to answer to: registered, no answer on the merits (59-ФЗ ст. 11)', async () => {
    for (const extra of [{}, { surname: 'Смирнов' }, { address: 'г. Тверь', email: 'x@example.ru' }]) {
      const res = await file(extra);
      expect(res.status).toBe(201);
      expect(res.body.noAnswerRequired).toBe(true);
    }
  });

  it('requires a solved CAPTCHA, once', async () => {
    const missing = await raw('/api/v1/public/appeals', { method: 'POST', body: JSON.stringify(await appealInput()) });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('captcha');
    const forged = await file({}, Buffer.from(JSON.stringify({ algorithm: 'SHA-256', challenge: 'x', number: 1, salt: 'y', signature: 'z' })).toString('base64'));
    expect(forged.status).toBe(422);
    expect(forged.body.errors[0].field).toBe('captcha');
    const captcha = await solvedCaptcha(BASE_URL());
    expect((await file({}, captcha)).status).toBe(201);
    const replay = await file({}, captcha);
    expect(replay.status).toBe(422);
    expect(replay.body.errors[0].field).toBe('captcha');
  });

  it('validates the body like identified intake, refusing server-owned fields', async () => {
    const res = await file({ type: 'decision_appeal', status: 'resolved', email: 'not-an-email', surname: '<script>' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'status', 'surname', 'type']);
  });

  it('reaches the department queue marked unidentified, contact details masked for staff', async () => {
    const tech = await category('tech');
    const cabinet = await category('tech-cabinet');
    const res = await file({ categoryId: tech.id, subcategoryId: cabinet.id, surname: 'Кузнецова', email: 'kuz@example.ru' });
    const operator = await signedIn(DEMO.operator);
    const card = await raw(`/api/v1/staff/appeals/${res.body.number}`, { token: operator.token });
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ unidentified: true, noAnswerRequired: false });
    expect(card.body.contact.email).toBe('k***@example.ru');
    expect(card.body.history[0]).toMatchObject({ event: 'submitted', actorRole: 'anonymous', actorName: 'Кузнецова' });
  });
});

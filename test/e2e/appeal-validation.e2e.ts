import { randomUUID } from 'node:crypto';
import { DEMO, raw, signedIn } from './support/api';
import { appealInput, category } from './support/factories';

/** Every intake field, given a bad value, is named in a 422 problem+json — and nothing is stored. */
describe('appeals: intake validation', () => {
  let token: string;
  let countBefore: number;
  const count = async () => {
    let n = 0;
    let cursor: string | undefined;
    for (;;) {
      const res = await raw(`/api/v1/appeals?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token });
      n += res.body.items.length;
      if (!res.body.nextCursor) return n;
      cursor = res.body.nextCursor;
    }
  };

  beforeAll(async () => {
    token = (await signedIn(DEMO.citizen2)).token;
    countBefore = await count();
  });

  const cases: [string, (b: Record<string, unknown>) => Record<string, unknown>, string, string][] = [
    ['type', (b) => ({ ...b, type: 'spam' }), 'type', 'isEnum'],
    ['type decision_appeal', (b) => ({ ...b, type: 'decision_appeal' }), 'type', 'isEnum'],
    ['categoryId not a uuid', (b) => ({ ...b, categoryId: 'tech' }), 'categoryId', 'isUuid'],
    ['categoryId unknown', (b) => ({ ...b, categoryId: randomUUID() }), 'categoryId', 'unknown_category'],
    ['subcategoryId of another category', (b) => ({ ...b, subcategoryId: '__payments__' }), 'subcategoryId', 'not_a_subcategory'],
    ['subject missing', ({ subject: _, ...b }) => b, 'subject', 'required'],
    ['subject blank', (b) => ({ ...b, subject: '   ' }), 'subject', 'isNotEmpty'],
    ['subject too long', (b) => ({ ...b, subject: 'а'.repeat(201) }), 'subject', 'maxLength'],
    ['text too long after trim', (b) => ({ ...b, text: `  ${'б'.repeat(5001)}  ` }), 'text', 'maxLength'],
    ['text with emoji', (b) => ({ ...b, text: 'Спасибо 🙂' }), 'text', 'text_charset'],
    ['text in another script', (b) => ({ ...b, text: '你好' }), 'text', 'text_charset'],
    ['text control chars', (b) => ({ ...b, text: 'abc\u0007' }), 'text', 'text_charset'],
    ['priority', (b) => ({ ...b, priority: 'urgent!!' }), 'priority', 'isEnum'],
    ['desiredAnswerDate format', (b) => ({ ...b, desiredAnswerDate: '31.12.2030' }), 'desiredAnswerDate', 'isDateString'],
    ['desiredAnswerDate impossible', (b) => ({ ...b, desiredAnswerDate: '2030-02-30' }), 'desiredAnswerDate', 'isDateString'],
    ['desiredAnswerDate in the past', (b) => ({ ...b, desiredAnswerDate: '2020-01-01' }), 'desiredAnswerDate', 'date_in_past'],
    ['extraFields not an object', (b) => ({ ...b, extraFields: 'x' }), 'extraFields', 'isObject'],
    ['contact.phone', (b) => ({ ...b, contact: { phone: '89161234567' } }), 'contact.phone', 'matches'],
    ['contact.email', (b) => ({ ...b, contact: { email: 'not-an-email' } }), 'contact.email', 'isEmail'],
    ['contact.address too long', (b) => ({ ...b, contact: { address: 'д'.repeat(501) } }), 'contact.address', 'maxLength'],
    ['contact unknown field', (b) => ({ ...b, contact: { skype: 'x' } }), 'contact.skype', 'unknown_field'],
    ['draft not boolean', (b) => ({ ...b, draft: 'yes' }), 'draft', 'isBoolean'],
    ['server-owned status', (b) => ({ ...b, status: 'resolved' }), 'status', 'unknown_field'],
    ['server-owned number', (b) => ({ ...b, number: 1 }), 'number', 'unknown_field'],
    ['server-owned departmentId', (b) => ({ ...b, departmentId: randomUUID() }), 'departmentId', 'unknown_field'],
    ['server-owned assigneeId', (b) => ({ ...b, assigneeId: randomUUID() }), 'assigneeId', 'unknown_field'],
  ];

  it.each(cases)('%s → 422 naming %s', async (_name, mutate, field, code) => {
    let body = await appealInput();
    if (field === 'subcategoryId') {
      const general = await category('general');
      const payments = await category('finance-payments');
      body = { ...body, categoryId: general.id, subcategoryId: payments.id };
    }
    const res = await raw('/api/v1/appeals', { method: 'POST', token, body: JSON.stringify(field === 'subcategoryId' ? body : mutate(body)) });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect(res.body.errors.find((e: { field: string }) => e.field === field).message).toEqual(expect.any(String));
  });

  it('validates extra fields against the category JSON Schema, field by field', async () => {
    const regional = await category('regional');
    const missing = await raw('/api/v1/appeals', { method: 'POST', token, body: JSON.stringify(await appealInput({ categoryId: regional.id })) });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'extraFields.region', code: 'schema' })]);
    const wrong = await raw('/api/v1/appeals', {
      method: 'POST',
      token,
      body: JSON.stringify(await appealInput({ categoryId: regional.id, extraFields: { region: 'Тверская область', serviceNumber: 'bad number', color: 'red' } })),
    });
    expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extraFields.color', 'extraFields.serviceNumber']);
    const ok = await raw('/api/v1/appeals', {
      method: 'POST',
      token,
      body: JSON.stringify(await appealInput({ categoryId: regional.id, extraFields: { region: 'Тверская область', serviceNumber: 'SRV-2026-1' } })),
    });
    expect(ok.status).toBe(201);
    countBefore += 1;
  });

  it('a gratitude needs a gratitude category', async () => {
    const general = await category('general');
    const res = await raw('/api/v1/appeals', { method: 'POST', token, body: JSON.stringify(await appealInput({ type: 'gratitude', categoryId: general.id })) });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'categoryId', code: 'category_type_mismatch' });
  });

  it('messages are localized by Accept-Language', async () => {
    const body = JSON.stringify({ ...(await appealInput()), subject: '' });
    const ru = await raw('/api/v1/appeals', { method: 'POST', token, body });
    const en = await raw('/api/v1/appeals', { method: 'POST', token, body, headers: { 'Accept-Language': 'en' } });
    expect(ru.body.title).toBe('Запрос содержит ошибки');
    expect(ru.body.errors[0].message).toBe('Не может быть пустым');
    expect(en.body.title).toBe('The request has invalid fields');
    expect(en.body.errors[0].message).toBe('Must not be empty');
  });

  it('a citizen cannot file as staff, and staff cannot file as a citizen', async () => {
    const operator = await signedIn(DEMO.operator);
    const res = await raw('/api/v1/appeals', { method: 'POST', token: operator.token, body: JSON.stringify(await appealInput()) });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('nothing of the rejected requests was stored', async () => {
    expect(await count()).toBe(countBefore);
  });
});

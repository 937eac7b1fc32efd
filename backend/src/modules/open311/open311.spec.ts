import { Logger } from '@nestjs/common';
import { DOMParser } from '@xmldom/xmldom';
import { AppealStatus, APPEAL_STATUSES } from '@otklik/shared/domain';
import { DomainError, ValidationFailedError } from '../../common/problem/domain-error';
import { attributesOf, coerceAttributes, datatypeOf } from './open311-attributes';
import { list, Open311Error, render, renderError, splitFormat } from './open311-format';
import { open311Status, publicNotes } from './open311-requests.service';
import { parseForm, toOpen311Error } from './open311.routes';

describe('Open311 attributes from a category JSON Schema', () => {
  it.each([
    [{ type: 'string' }, 'string'],
    [{ type: 'string', maxLength: 2000 }, 'text'],
    [{ type: 'string', format: 'date-time' }, 'datetime'],
    [{ type: 'string', format: 'date' }, 'datetime'],
    [{ type: 'integer' }, 'number'],
    [{ type: ['number', 'null'] }, 'number'],
    [{ type: 'string', enum: ['a', 'b'] }, 'singlevaluelist'],
    [{ type: 'boolean' }, 'singlevaluelist'],
    [{ type: 'array', items: { type: 'string', enum: ['x', 'y'] } }, 'multivaluelist'],
  ])('%j is %s', (schema, expected) => {
    expect(datatypeOf(schema)).toBe(expected);
  });

  it('lists attributes in order, with required and the values of lists', () => {
    const sut = attributesOf({ required: ['kind'], properties: { kind: { type: 'string', enum: ['яма', 'свет'], title: 'Вид' }, note: { type: 'string' } } });
    expect(JSON.parse(JSON.stringify(sut))).toEqual([
      { variable: true, code: 'kind', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1, description: 'Вид', values: [{ key: 'яма', name: 'яма' }, { key: 'свет', name: 'свет' }] },
      { variable: true, code: 'note', datatype: 'string', required: false, datatype_description: null, order: 2, description: 'note', values: [] },
    ]);
    expect(attributesOf(null)).toEqual([]);
  });

  it('turns form strings into the types the schema validates', () => {
    const schema = { properties: { n: { type: 'number' }, b: { type: 'boolean' }, m: { type: 'array', items: { enum: ['x', 'y'] } }, s: { type: 'string' } } };
    expect(coerceAttributes(schema, { n: '4.5', b: 'true', m: 'x', s: '12' })).toEqual({ n: 4.5, b: true, m: ['x'], s: '12' });
    // What does not convert goes as given, for the schema's own refusal.
    expect(coerceAttributes(schema, { n: 'four', unknown: 'v' })).toEqual({ n: 'four', unknown: 'v' });
  });
});

describe('Open311 formats', () => {
  it('splits the format off a path segment', () => {
    expect(splitFormat('services.json')).toEqual({ name: 'services', format: 'json' });
    expect(splitFormat('123.xml')).toEqual({ name: '123', format: 'xml' });
    expect(splitFormat('services.html')).toBeNull();
    expect(splitFormat('services')).toBeNull();
  });

  it('renders lists as JSON arrays and as repeated XML elements, nulls as empty elements', () => {
    const body = list('request', [{ service_request_id: 1, media_url: null, nested: list('value', [{ key: 'a' }]) }]);
    expect(JSON.parse(render('json', 'service_requests', body))).toEqual([{ service_request_id: 1, media_url: null, nested: [{ key: 'a' }] }]);
    const doc = new DOMParser().parseFromString(render('xml', 'service_requests', body), 'text/xml');
    const root = doc.documentElement!;
    expect(root.tagName).toBe('service_requests');
    expect(root.getElementsByTagName('request')).toHaveLength(1);
    expect(root.getElementsByTagName('service_request_id')[0].textContent).toBe('1');
    expect(root.getElementsByTagName('media_url')[0].textContent).toBe('');
    expect(root.getElementsByTagName('key')[0].textContent).toBe('a');
  });

  it('renders errors in the spec format', () => {
    expect(JSON.parse(renderError('json', new Open311Error(403, 'Invalid api_key')))).toEqual([{ code: 403, description: 'Invalid api_key' }]);
    expect(renderError('xml', new Open311Error(400, 'x'))).toContain('<errors><error><code>400</code><description>x</description></error></errors>');
  });

  it('drops characters XML cannot carry instead of failing', () => {
    expect(render('xml', 'services', list('service', [{ service_name: 'a\u0001b' }]))).toContain('<service_name>ab</service_name>');
  });
});

describe('Open311 error mapping', () => {
  it('maps the input guard, domain errors, Fastify refusals and the unexpected', () => {
    expect(toOpen311Error(new Open311Error(429, 'slow down', 7))).toMatchObject({ status: 429, retryAfterSeconds: 7 });
    expect(toOpen311Error(new ValidationFailedError([{ field: 'body.description', code: 'nul_byte', message: '' }]))).toMatchObject({ status: 400, description: expect.stringContaining('description') });
    expect(toOpen311Error(new DomainError(413, 'payload_too_large'))).toMatchObject({ status: 413 });
    expect(toOpen311Error(Object.assign(new Error('Unsupported Media Type: text/csv'), { statusCode: 415 }))).toMatchObject({ status: 415, description: 'Unsupported Media Type' });
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const unexpected = toOpen311Error(new Error('boom'));
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    expect(unexpected.status).toBe(500);
    expect(unexpected.description).not.toContain('boom');
  });
});

describe('Open311 form bodies', () => {
  it('decodes names and values, repeats into lists', () => {
    expect(parseForm('a=1&b=x+y&attribute%5Bk%5D%5B%5D=1&attribute%5Bk%5D%5B%5D=2&flag')).toEqual({ a: '1', b: 'x y', 'attribute[k][]': ['1', '2'], flag: '' });
  });

  it('refuses percent-escapes that are not UTF-8', () => {
    expect(() => parseForm('description=%ED%A0%80')).toThrow(Open311Error);
    expect(() => parseForm('description=%FF')).toThrow(Open311Error);
  });
});

describe('Open311 status from the workflow', () => {
  it('every status is open or closed', () => {
    for (const status of APPEAL_STATUSES) expect(['open', 'closed']).toContain(open311Status(status));
    expect(open311Status(AppealStatus.InProgress)).toBe('open');
    expect(open311Status(AppealStatus.Resolved)).toBe('closed');
  });

  it('notes say where it stands and the answer’s result, never its text', () => {
    const state = { number: 1, categoryId: 'c', subcategoryId: null, departmentName: 'Отдел', registeredAt: new Date(), updatedAt: new Date(), dueAt: new Date('2026-12-31T00:00:00Z'), noAnswerRequired: false };
    expect(publicNotes({ ...state, status: AppealStatus.InProgress, answerResult: null, answeredAt: null })).toEqual({ statusNotes: 'В работе', serviceNotice: 'Срок ответа — до 2026-12-31', responded: false });
    expect(publicNotes({ ...state, status: AppealStatus.Resolved, answerResult: 'done', answeredAt: new Date('2026-12-10T10:00:00Z') })).toEqual({
      statusNotes: 'Дан ответ: решено',
      serviceNotice: 'Ответ дан 2026-12-10: меры приняты',
      responded: true,
    });
    expect(publicNotes({ ...state, status: AppealStatus.Closed, noAnswerRequired: true, answerResult: null, answeredAt: null }).statusNotes).toMatch(/59-ФЗ/);
  });
});

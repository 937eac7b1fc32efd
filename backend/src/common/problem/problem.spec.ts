import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainError, ValidationFailedError } from './domain-error';
import { toProblem } from './problem';

const request = (lang?: string) => ({ url: '/api/v1/x', headers: lang ? { 'accept-language': lang } : {} });

describe('toProblem', () => {
  it('localizes a domain error and keeps its stable code', () => {
    const ru = toProblem(new DomainError(409, 'invalid_transition', { status: 'closed' }), request());
    expect(ru.body).toMatchObject({ status: 409, code: 'invalid_transition', title: 'Действие недоступно в статусе «Закрыто»', type: 'urn:otklik:problem:invalid_transition' });
    const en = toProblem(new DomainError(409, 'invalid_transition', { status: 'closed' }), request('en-GB,en;q=0.8'));
    expect(en.body.title).toBe('This action is not available in status "Closed"');
    expect(en.locale).toBe('en');
  });

  it('names every invalid field with a message in the requested language', () => {
    const error = new ValidationFailedError([{ field: 'contact.phone', code: 'matches', message: 'phone must be +7…' }]);
    expect(toProblem(error, request()).body.errors).toEqual([{ field: 'contact.phone', code: 'matches', message: 'Недопустимый формат' }]);
    expect(toProblem(error, request('en')).body.errors![0].message).toBe('Invalid format');
  });

  it('maps HTTP exceptions and Fastify parser errors without a 500', () => {
    expect(toProblem(new NotFoundException(), request()).body.code).toBe('route_not_found');
    expect(toProblem(new BadRequestException(), request()).body.code).toBe('bad_request');
    const parse = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(toProblem(new HttpException(parse.message, 400, { cause: parse }), request()).body).toMatchObject({ status: 400, code: 'malformed_json' });
    const big = Object.assign(new Error('too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(toProblem(big, request()).body).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('names the instance by a plain path, never by the query or an odd URL', () => {
    const at = (url: string) => toProblem(new NotFoundException(), { url, id: 'req-1', headers: {} }).body.instance;
    expect(at('/api/v1/appeals/42?q=secret')).toBe('/api/v1/appeals/42');
    expect(at('/api/v1/%3Cscript%3E')).toBe('urn:otklik:request:req-1');
    expect(at(`/api/v1/${'a'.repeat(300)}`)).toBe('urn:otklik:request:req-1');
  });

  it('names at most 100 field errors', () => {
    const errors = Array.from({ length: 5_000 }, (_, i) => ({ field: `k${i}`, code: 'unknown_field', message: '' }));
    const { body } = toProblem(new ValidationFailedError(errors), request());
    expect(body.errors).toHaveLength(100);
    expect(body.detail.split('; ')).toHaveLength(100);
  });

  it('maps router-level statuses to stable codes', () => {
    const uri = Object.assign(new Error('long'), { statusCode: 414, code: 'FST_ERR_MAX_PARAM_LENGTH' });
    expect(toProblem(uri, request('en')).body).toMatchObject({ status: 414, code: 'uri_too_long', title: 'The request URL is too long' });
    expect(toProblem(new DomainError(400, 'json_too_deep', { max: 32 }), request()).body.title).toContain('32');
  });

  it('turns anything unexpected into a 500 with an errorId and no internals', () => {
    const { body, unexpected } = toProblem(new TypeError('secret internal detail at /srv/app.js:42'), request());
    expect(unexpected).toBe(true);
    expect(body).toMatchObject({ status: 500, code: 'internal', title: 'Внутренняя ошибка сервера' });
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body)).not.toContain('secret internal detail');
  });
});

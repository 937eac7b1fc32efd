import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientErrorHandler, frameworkErrors } from './input-hooks';
import { multipartFailure } from '../http/multipart-errors';
import { DomainError } from '../problem/domain-error';
import { FIELD_MESSAGES, PROBLEM_TITLES } from '../i18n/messages';

function fakeReply() {
  const sent: { status?: number; headers: Record<string, string>; body?: any } = { headers: {} };
  const reply = {
    status: (s: number) => ((sent.status = s), reply),
    header: (k: string, v: string) => ((sent.headers[k.toLowerCase()] = v), reply),
    send: (b: unknown) => ((sent.body = b), reply),
  };
  return { reply: reply as unknown as FastifyReply, sent };
}

describe('frameworkErrors', () => {
  it.each([
    ['FST_ERR_BAD_URL', 400, 'malformed_url'],
    ['FST_ERR_MAX_PARAM_LENGTH', 414, 'uri_too_long'],
    ['FST_ERR_SOMETHING_NEW', 400, 'bad_request'],
  ])('%s → %i %s as problem+json, naming no URL', (code, status, problem) => {
    const { reply, sent } = fakeReply();
    const request = { id: 'req-7', url: '/api/v1/EVIL%zz?x=EVIL', headers: { 'accept-language': 'en' } } as unknown as FastifyRequest;
    frameworkErrors(Object.assign(new Error('x'), { code }), request, reply);
    expect(sent.status).toBe(status);
    expect(sent.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(sent.headers['content-language']).toBe('en');
    expect(sent.body).toMatchObject({ status, code: problem, instance: 'urn:otklik:request:req-7' });
    expect(JSON.stringify(sent.body)).not.toContain('EVIL');
  });
});

describe('clientErrorHandler', () => {
  const socket = () => {
    const written: string[] = [];
    const s = { destroyed: false, writable: true, write: (t: string) => written.push(t), destroy: jest.fn() };
    return { socket: s as unknown as Socket, written, destroy: s.destroy };
  };

  it.each([
    ['HPE_HEADER_OVERFLOW', '431 Request Header Fields Too Large', 'headers_too_large'],
    ['ERR_HTTP_REQUEST_TIMEOUT', '408 Request Timeout', 'request_timeout'],
    ['HPE_INVALID_METHOD', '400 Bad Request', 'bad_request'],
  ])('%s is written as a problem+json response and the socket closed', (code, statusLine, problem) => {
    const { socket: sut, written, destroy } = socket();
    clientErrorHandler(Object.assign(new Error('parse'), { code }), sut);
    const [response] = written;
    expect(response.startsWith(`HTTP/1.1 ${statusLine}\r\n`)).toBe(true);
    expect(response).toContain('Content-Type: application/problem+json; charset=utf-8');
    const [head, body] = response.split('\r\n\r\n');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    expect(JSON.parse(body)).toMatchObject({ code: problem, instance: expect.stringMatching(/^urn:otklik:request:/) });
    expect(destroy).toHaveBeenCalled();
  });

  it('writes nothing to a reset connection', () => {
    const { socket: sut, written } = socket();
    clientErrorHandler(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), sut);
    expect(written).toEqual([]);
  });
});

describe('multipartFailure', () => {
  it.each([
    [Object.assign(new Error('x'), { code: 'FST_INVALID_MULTIPART_CONTENT_TYPE', statusCode: 406 }), 415, 'unsupported_media_type'],
    [Object.assign(new Error('x'), { code: 'FST_PARTS_LIMIT' }), 413, 'payload_too_large'],
    [Object.assign(new Error('x'), { code: 'FST_REQ_FILE_TOO_LARGE', statusCode: 413 }), 413, 'payload_too_large'],
    [new Error('Multipart: Boundary not found'), 400, 'upload_interrupted'],
    [new Error('Unexpected end of form'), 400, 'upload_interrupted'],
  ])('%s → %i %s', (error, status, code) => {
    expect(multipartFailure(error)).toMatchObject({ status, code });
  });

  it('keeps a domain error as it is', () => {
    const error = new DomainError(422, 'validation_failed');
    expect(multipartFailure(error)).toBe(error);
  });
});

describe('message catalog', () => {
  it('has both languages for every code this layer answers with', () => {
    for (const code of ['json_too_deep', 'malformed_url', 'uri_too_long', 'headers_too_large', 'request_timeout', 'method_not_allowed', 'upload_interrupted']) {
      expect(PROBLEM_TITLES[code]).toEqual({ ru: expect.any(String), en: expect.any(String) });
    }
    for (const code of ['nul_character', 'ill_formed_unicode', 'isDateString', 'isDateOrInstant']) {
      expect(FIELD_MESSAGES[code]).toEqual({ ru: expect.any(String), en: expect.any(String) });
    }
  });
});

import { DOMParser } from '@xmldom/xmldom';
import { Client } from 'pg';
import { DEMO, raw, signedIn } from './support/api';
import { RunningServer, startServer, stopRunning } from './support/server';

/**
 * Open311 GeoReport v2 (issue 19) through a client written from the spec only
 * (wiki.open311.org/GeoReport_v2): plain HTTP, form-encoded POSTs, its own XML reading. Its own
 * server, with a low per-key rate limit (OPEN311_RATE_PER_MINUTE) so that 429 is reachable.
 */
describe('Open311 GeoReport v2 at /open311/v2', () => {
  let server: RunningServer;
  let previousBase: string | undefined;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  const RATE = 6;

  // ---- the spec-only client ----
  const http = async (method: string, path: string, form?: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
    let body: string | undefined;
    if (form) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) p.append(k, one);
      body = p.toString();
    }
    const res = await fetch(`${server.baseUrl}/open311/v2/${path}`, {
      method,
      body,
      headers: { ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after'), text: await res.text() };
  };
  const json = async (method: string, path: string, form?: Record<string, string | string[]>) => {
    const res = await http(method, path, form);
    expect(res.type).toMatch(/^application\/json/);
    return { ...res, body: JSON.parse(res.text) };
  };
  /** An XML document's root, children by tag name, and an element's text. */
  const xml = (text: string) => {
    const doc = new DOMParser().parseFromString(text, 'text/xml');
    return doc.documentElement!;
  };
  type El = ReturnType<typeof xml>;
  const children = (el: El, tag: string): El[] => Array.from(el.childNodes).filter((n) => n.nodeType === 1 && (n as El).tagName === tag) as El[];
  const text = (el: El, tag: string) => children(el, tag)[0]?.textContent ?? undefined;
  const rawBytes = async (method: string, path: string, body: string) => {
    const res = await fetch(`${server.baseUrl}/open311/v2/${path}`, { method, body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
  };
  const expectError = (res: { status: number; text: string; type: string }, status: number) => {
    expect(res.status).toBe(status);
    if (res.type.startsWith('text/xml')) {
      const root = xml(res.text);
      expect(root.tagName).toBe('errors');
      const [error] = children(root, 'error');
      expect(text(error, 'code')).toBe(String(status));
      expect(text(error, 'description')).toBeTruthy();
      return;
    }
    expect(res.type).toMatch(/^application\/json/);
    const body = JSON.parse(res.text);
    expect(body).toEqual([{ code: status, description: expect.any(String) }]);
  };

  const newKey = async (name: string) => {
    const res = await raw('/api/v1/admin/open311-keys', { method: 'POST', token: admin.token, body: JSON.stringify({ name }) });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(/^o311_/);
    return res.body as { id: string; key: string; keyPrefix: string };
  };
  const request = (key: string, extra: Record<string, string | string[]> = {}) => ({
    api_key: key,
    service_code: 'tech-problems',
    description: 'Не открывается страница оплаты услуги',
    lat: '55.7558',
    long: '37.6173',
    address_string: 'Москва, Тверская улица, 1',
    email: 'smirnov@example.ru',
    first_name: 'Пётр',
    last_name: 'Смирнов',
    phone: '+79161234567',
    'attribute[serviceNumber]': 'SRV-2026',
    ...extra,
  });

  beforeAll(async () => {
    server = await startServer({ OPEN311_RATE_PER_MINUTE: String(RATE) });
    previousBase = process.env.OTKLIK_BASE_URL;
    process.env.OTKLIK_BASE_URL = server.baseUrl;
    admin = await signedIn(DEMO.admin);
  });

  afterAll(async () => {
    process.env.OTKLIK_BASE_URL = previousBase;
    if (server) await stopRunning(server);
  });

  it('discovery, services and a service definition, in JSON and XML', async () => {
    const discovery = await json('GET', 'discovery.json');
    expect(discovery.status).toBe(200);
    expect(discovery.body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['text/xml', 'application/json'] });
    const discoveryXml = xml((await http('GET', 'discovery.xml')).text);
    expect(discoveryXml.tagName).toBe('discovery');
    expect(children(children(children(discoveryXml, 'endpoints')[0], 'endpoint')[0], 'formats')[0].getElementsByTagName('format')).toHaveLength(2);

    const services = await json('GET', 'services.json');
    expect(services.status).toBe(200);
    expect(Array.isArray(services.body)).toBe(true);
    const tech = services.body.find((s: { service_code: string }) => s.service_code === 'tech-problems');
    expect(tech).toMatchObject({ service_name: 'Технические проблемы', metadata: true, type: 'realtime', group: 'Техническая поддержка', keywords: expect.any(String), description: expect.any(String) });
    expect(services.body.find((s: { service_code: string }) => s.service_code === 'general')).toMatchObject({ metadata: false });

    const servicesXml = await http('GET', 'services.xml');
    expect(servicesXml.type).toMatch(/^text\/xml/);
    const root = xml(servicesXml.text);
    expect(root.tagName).toBe('services');
    const xmlTech = children(root, 'service').find((s) => text(s, 'service_code') === 'tech-problems')!;
    expect(text(xmlTech, 'service_name')).toBe('Технические проблемы');
    expect(text(xmlTech, 'metadata')).toBe('true');
    expect(children(root, 'service')).toHaveLength(services.body.length);

    const definition = await json('GET', 'services/tech-problems.json');
    expect(definition.status).toBe(200);
    expect(definition.body.service_code).toBe('tech-problems');
    // (jsonb keeps a schema's properties in its own order: the order numbers follow it.)
    expect(definition.body.attributes).toHaveLength(2);
    expect(definition.body.attributes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ variable: true, code: 'serviceNumber', datatype: 'string', required: false, description: 'Номер услуги / заявки' }),
        expect.objectContaining({ variable: true, code: 'incidentAt', datatype: 'datetime', required: false }),
      ]),
    );
    expect(definition.body.attributes.map((a: { order: number }) => a.order)).toEqual([1, 2]);
    const regional = await json('GET', 'services/regional.json');
    expect(regional.body.attributes.find((a: { code: string }) => a.code === 'region')).toMatchObject({ required: true, datatype: 'string' });
    const definitionXml = xml((await http('GET', 'services/tech-problems.xml')).text);
    expect(definitionXml.tagName).toBe('service_definition');
    expect(children(children(definitionXml, 'attributes')[0], 'attribute').map((a) => text(a, 'datatype'))).toEqual(definition.body.attributes.map((a: { datatype: string }) => a.datatype));

    expectError(await http('GET', 'services/no-such-service.json'), 404);
    expectError(await http('GET', 'services/no-such-service.xml'), 404);
  });

  it('posts a request (form-encoded), reads it back open, then closed with the agency response once an operator answers', async () => {
    const { key } = await newKey('Мобильное приложение «Мой город»');
    const posted = await json('POST', 'requests.json', request(key));
    expect(posted.status).toBe(201);
    expect(posted.body).toEqual([{ service_request_id: expect.any(Number), token: expect.any(String), service_notice: expect.any(String), account_id: null }]);
    const [{ service_request_id: id, token }] = posted.body;

    // Filed through the unidentified intake: registered, journaled and audited like a public appeal, with the location kept beside it.
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT p.unidentified, p.status, r.lat, r.long, (SELECT count(*)::int FROM audit_log a WHERE a.entity_id = p.id::text AND a.action = 'appeal.submitted') AS audited
           FROM appeals p JOIN open311_requests r ON r.appeal_id = p.id WHERE p.number = $1`,
        [id],
      );
      expect(rows).toEqual([{ unidentified: true, status: 'registered', lat: 55.7558, long: 37.6173, audited: 1 }]);
    } finally {
      await db.end();
    }

    const tokenRes = await json('GET', `tokens/${token}.json`);
    expect(tokenRes.body).toEqual([{ service_request_id: id, token }]);

    const open = await json('GET', `requests/${id}.json`);
    expect(open.status).toBe(200);
    expect(open.body).toHaveLength(1);
    expect(open.body[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'tech-problems',
      service_name: 'Технические проблемы',
      lat: 55.7558,
      long: 37.6173,
      media_url: null,
      agency_responded: false,
      requested_datetime: expect.any(String),
      updated_datetime: expect.any(String),
      expected_datetime: expect.any(String),
    });
    // The public sees a generic line; the key that filed it sees the citizen's text and the address.
    expect(open.body[0].description).not.toContain('оплаты');
    const own = await json('GET', `requests/${id}.json?api_key=${encodeURIComponent(key)}`);
    expect(own.body[0]).toMatchObject({ description: 'Не открывается страница оплаты услуги', address: 'Москва, Тверская улица, 1' });

    // The operator takes and answers it through the staff API.
    const operator = await signedIn(DEMO.operator);
    expect((await raw(`/api/v1/staff/appeals/${id}/actions/take`, { method: 'POST', token: operator.token, body: '{}' })).status).toBe(200);
    const answered = await raw(`/api/v1/staff/appeals/${id}/answer`, { method: 'POST', token: operator.token, body: JSON.stringify({ result: 'done', resultCode: 1, text: 'Страница оплаты исправлена' }) });
    expect(answered.status).toBe(200);

    const closed = await json('GET', `requests/${id}.json`);
    expect(closed.body[0]).toMatchObject({ service_request_id: id, status: 'closed', agency_responded: true, status_notes: expect.stringContaining('ответ'), agency_responsible: expect.any(String) });
    expect(closed.body[0].service_notice).toMatch(/Ответ дан/);
    expect(closed.text).not.toContain('Страница оплаты исправлена');

    const closedXml = await http('GET', `requests/${id}.xml`);
    expect(closedXml.type).toMatch(/^text\/xml/);
    const root = xml(closedXml.text);
    expect(root.tagName).toBe('service_requests');
    const [one] = children(root, 'request');
    expect(text(one, 'service_request_id')).toBe(String(id));
    expect(text(one, 'status')).toBe('closed');
    expect(text(one, 'agency_responded')).toBe('true');
    expect(text(one, 'status_notes')).toBe(closed.body[0].status_notes);
    expect(text(one, 'lat')).toBe('55.7558');

    // The list with the spec's filters; no personal data in it.
    const listed = await json('GET', `requests.json?service_code=tech-problems&status=closed`);
    expect(listed.body.map((r: { service_request_id: number }) => r.service_request_id)).toContain(id);
    expect(listed.body.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    expect((await json('GET', 'requests.json?status=open')).body.map((r: { service_request_id: number }) => r.service_request_id)).not.toContain(id);
    const byId = await json('GET', `requests.json?service_request_id=${id},999999999`);
    expect(byId.body.map((r: { service_request_id: number }) => r.service_request_id)).toEqual([id]);
    const future = await json('GET', `requests.json?start_date=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`);
    expect(future.body).toEqual([]);
    for (const list of [(await http('GET', 'requests.json')).text, (await http('GET', 'requests.xml')).text]) {
      for (const personal of ['Смирнов', 'Пётр', 'smirnov@example.ru', '79161234567', '+7916', 'Тверская', 'оплаты']) expect(list).not.toContain(personal);
    }
    const listXml = xml((await http('GET', 'requests.xml?service_code=tech-problems')).text);
    expect(listXml.tagName).toBe('service_requests');
    expect(children(listXml, 'request').some((r) => text(r, 'service_request_id') === String(id))).toBe(true);

    // XML POST answer too.
    const postedXml = await http('POST', 'requests.xml', request(key, { 'attribute[serviceNumber]': 'SRV-2027' }));
    expect(postedXml.status).toBe(201);
    const receipt = xml(postedXml.text);
    expect(receipt.tagName).toBe('service_requests');
    expect(text(children(receipt, 'request')[0], 'service_request_id')).toMatch(/^\d+$/);
  });

  it('api keys: missing 400, unknown or revoked 403; admin-only and audited', async () => {
    expectError(await http('POST', 'requests.json', request('')), 400);
    const noKey = await http('POST', 'requests.json', { service_code: 'general', description: 'Текст', lat: '1', long: '1' });
    expectError(noKey, 400);
    expectError(await http('POST', 'requests.xml', request('o311_not-a-real-key')), 403);
    const { id, key } = await newKey('Отзываемый ключ');
    const listed = await raw('/api/v1/admin/open311-keys', { token: admin.token });
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((k: { id: string }) => k.id === id)).toMatchObject({ revokedAt: null, keyPrefix: key.slice(0, 9) });
    expect(listed.text).not.toContain(key);
    expect((await raw(`/api/v1/admin/open311-keys/${id}/revoke`, { method: 'POST', token: admin.token })).status).toBe(200);
    expectError(await http('POST', 'requests.json', request(key)), 403);
    const operator = await signedIn(DEMO.operator);
    expect((await raw('/api/v1/admin/open311-keys', { method: 'POST', token: operator.token, body: JSON.stringify({ name: 'x' }) })).status).toBe(403);
    // Audited, never with the key; only the key's hash is stored.
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ action: string; details: unknown }>(`SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
      expect(rows.map((r) => r.action)).toEqual(['open311_key.create', 'open311_key.revoke']);
      expect(JSON.stringify(rows)).not.toContain(key);
      const stored = await db.query(`SELECT * FROM open311_api_keys WHERE id = $1`, [id]);
      expect(JSON.stringify(stored.rows)).not.toContain(key);
    } finally {
      await db.end();
    }
  });

  it('the per-key rate limit answers 429 in the spec format, with Retry-After', async () => {
    const { key } = await newKey('Частый клиент');
    const other = await newKey('Другой клиент');
    const statuses: number[] = [];
    for (let i = 0; i < RATE; i++) statuses.push((await http('POST', 'requests.json', request(key, { service_code: 'general', 'attribute[serviceNumber]': [] }))).status);
    expect(statuses).toEqual(Array(RATE).fill(201));
    const limited = await http('POST', 'requests.json', request(key, { service_code: 'general', 'attribute[serviceNumber]': [] }));
    expectError(limited, 429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    // Per key: another client is not held back.
    expect((await http('POST', 'requests.json', request(other.key, { service_code: 'general', 'attribute[serviceNumber]': [] }))).status).toBe(201);
  });

  it('bad input is the spec error format, never 500', async () => {
    // Refused filings count against the key's rate too: a fresh key for each.
    const post = async (extra: Record<string, string | string[]>, format = 'json') => http('POST', `requests.${format}`, request((await newKey('Клиент с ошибками')).key, extra));
    const { key } = await newKey('Клиент с ошибками');
    expectError(await post({ service_code: 'no-such-service' }), 400);
    expectError(await post({ description: '' }), 400);
    expectError(await post({ lat: '91' }), 400);
    expectError(await post({ long: '-181' }, 'xml'), 400);
    expectError(await post({ lat: 'north' }), 400);
    expectError(await post({ lat: '', long: '', address_string: '' }), 400);
    expectError(await post({ description: 'Текст\u0000с NUL' }), 400);
    expectError(await post({ 'attribute[serviceNumber]': 'not valid!' }), 400);
    expectError(await post({ email: 'not-an-email' }), 400);
    expectError(await post({ last_name: '<script>' }), 400);
    // Broken UTF-8 in the form and a lone surrogate in JSON.
    expectError(await rawBytes('POST', 'requests.json', `api_key=${key}&service_code=general&description=%ED%A0%80%FF&lat=1&long=1`), 400);
    const jsonSurrogate = await fetch(`${server.baseUrl}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"api_key":"${key}","service_code":"general","description":"\\ud800","lat":"1","long":"1"}`,
    });
    expectError({ status: jsonSurrogate.status, type: jsonSurrogate.headers.get('content-type') ?? '', text: await jsonSurrogate.text() }, 400);
    expectError(await http('GET', 'requests.json?start_date=yesterday'), 400);
    expectError(await http('GET', 'requests.json?status=pending'), 400);
    expectError(await http('GET', 'requests.json?service_request_id=abc'), 400);
    expectError(await http('GET', 'requests/abc.json'), 404);
    expectError(await http('GET', 'requests/999999999.xml'), 404);
    expectError(await http('GET', 'tokens/unknown-token-123.json'), 404);
    expectError(await http('GET', 'services.html'), 404);
    expectError(await http('GET', 'nothing/here.json'), 404);
    expectError(await http('GET', `requests.json?service_code=${encodeURIComponent('a\u0000b')}`), 400);
    // Bodies: another media type, a form over the limit, another method.
    const csv = await fetch(`${server.baseUrl}/open311/v2/requests.xml`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' });
    expectError({ status: csv.status, type: csv.headers.get('content-type') ?? '', text: await csv.text() }, 415);
    expectError(await rawBytes('POST', 'requests.json', `api_key=${key}&description=${'a'.repeat(70 * 1024)}`), 413);
    expectError(await http('PUT', 'requests.json', request(key)), 405);
  });
});

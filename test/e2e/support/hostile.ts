import { randomUUID } from 'node:crypto';

/**
 * Hostile inputs derived from the OpenAPI document: for one operation, the requests an attacker
 * would try (deep nesting, NUL, lone surrogates, wrong types, huge strings, impossible dates,
 * invalid ids, unknown fields, wrong content types, empty bodies). Used by hostile-input.e2e.ts.
 */

type Schema = Record<string, any>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
export interface Operation {
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  /** The JSON body schema, when the operation takes one. */
  jsonBody?: Schema;
  /** The multipart body schema, when the operation takes files. */
  multipartBody?: Schema;
}

export interface HostileRequest {
  /** What is bad about it (reported when the answer is wrong). */
  label: string;
  method: string;
  /** Path (with query) relative to the server. */
  url: string;
  headers: Record<string, string>;
  body?: string | Blob | FormData;
  /** The shared string rule must refuse it: a 422 naming this field (whoever asks, before anything else runs). */
  refusedField?: string;
}

const doc = require('../../../shared/api/openapi.json') as { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } };

/** Every operation of the committed OpenAPI document. */
export function operations(): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []) as Parameter[],
        jsonBody: content['application/json']?.schema,
        multipartBody: content['multipart/form-data']?.schema,
      };
    }),
  );
}

/** Follows $ref and a single-element allOf (how Nest's swagger writes a named enum). */
export function resolve(schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (let i = 0; i < 10; i++) {
    if (s.$ref) s = { ...doc.components.schemas[String(s.$ref).split('/').pop()!], ...withoutKeys(s, ['$ref']) };
    else if (Array.isArray(s.allOf) && s.allOf.length === 1) s = { ...resolve(s.allOf[0]), ...withoutKeys(s, ['allOf']) };
    else return s;
  }
  return s;
}

function withoutKeys(s: Schema, keys: string[]): Schema {
  return Object.fromEntries(Object.entries(s).filter(([k]) => !keys.includes(k)));
}

/** A plausible value for a schema (examples first): the base that each hostile body changes one field of. */
export function sample(schema: Schema | undefined): unknown {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.enum)) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return '2027-03-15';
      if (s.format === 'date-time') return '2027-03-15T10:00:00Z';
      return 'Проверка';
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? Math.max(1, s.minimum) : 1;
    case 'boolean':
      return true;
    case 'array':
      return [sample(s.items)];
    case 'object':
    case undefined:
      if (!s.properties) return {};
      return Object.fromEntries(Object.entries(s.properties as Record<string, Schema>).map(([k, v]) => [k, sample(v)]));
    default:
      return null;
  }
}

/** The fields of a body schema, with nested objects one level down (`pdConsent.accepted`). */
function fields(schema: Schema, prefix: string[] = [], depth = 0): { path: string[]; schema: Schema }[] {
  const s = resolve(schema);
  const out: { path: string[]; schema: Schema }[] = [];
  for (const [name, child] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
    const path = [...prefix, name];
    const r = resolve(child);
    out.push({ path, schema: r });
    if (depth < 1 && r.properties) out.push(...fields(r, path, depth + 1));
  }
  return out;
}

function setAt(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let at: any = copy;
  for (const step of path.slice(0, -1)) {
    if (typeof at[step] !== 'object' || at[step] === null) at[step] = {};
    at = at[step];
  }
  if (value === REMOVE) delete at[path[path.length - 1]];
  else at[path[path.length - 1]] = value;
  return copy;
}

const REMOVE = Symbol('remove');
export const HUGE = 'x'.repeat(200_000);
const NUL = 'a\u0000b';
const MANY_KEYS = JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])));
const SURROGATE = 'a\uD800b';

/** Values of the wrong type for a schema. */
function wrongTypes(s: Schema): unknown[] {
  switch (s.type) {
    case 'string':
      return [12345, { a: 1 }];
    case 'integer':
    case 'number':
      return ['abc', 1.5, -1, 1e308, 2 ** 53 + 1];
    case 'boolean':
      return ['yes'];
    case 'array':
      return ['x', [{ a: 1 }], Array.from({ length: 5_000 }, () => 'a')];
    default:
      return ['x', [1, 2]];
  }
}

/** Every value a field is attacked with. */
function fieldAttacks(s: Schema): [string, unknown][] {
  const attacks: [string, unknown][] = [
    ['NUL', NUL],
    ['lone surrogate', SURROGATE],
    ['huge string', HUGE],
    ['null', null],
    ['missing', REMOVE],
    ...wrongTypes(s).map((v, i) => [`wrong type #${i + 1}`, v] as [string, unknown]),
  ];
  if (s.format === 'date' || s.format === 'date-time') attacks.push(['impossible date', '2026-02-31'], ['impossible instant', '2026-02-31T25:61:00Z']);
  if (s.format === 'uuid') attacks.push(['invalid id', 'not-a-uuid'], ['invalid id (number)', '123']);
  if (s.type === 'array') attacks.push(['NUL item', [NUL]], ['lone surrogate item', [SURROGATE]], ['huge item', [HUGE]]);
  return attacks;
}

/** 5,000 levels of objects under a real field name, and 10,000 bare arrays. */
export function deepBodies(field: string): [string, string][] {
  return [
    ['5,000 levels of objects', `{"${field}":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`],
    ['10,000 levels of arrays', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
  ];
}

const INVALID_IDS = ['not-an-id', '-1', '0', '99999999999999999999999999', '1e5', '%C3%BC', '%20', 'a'.repeat(101), '%00', '%ED%A0%80', '..%2F..%2Fetc'];

/**
 * All hostile requests for one operation. `params` are valid path parameters (so that a body or
 * query reaches validation and the service), `base` a valid-looking body to change one field of.
 */
export function hostileRequests(op: Operation, params: Record<string, string>, base?: Record<string, unknown>): HostileRequest[] {
  const out: HostileRequest[] = [];
  const fill = (over: Record<string, string> = {}) => op.path.replace(/\{(\w+)\}/g, (_, n: string) => over[n] ?? encodeURIComponent(params[n] ?? randomUUID()));
  const path = fill();
  const hasBody = op.method !== 'GET' && op.method !== 'HEAD';
  const json = (label: string, body: string | Blob, refusedField?: string) =>
    out.push({ label, method: op.method, url: path, headers: { 'content-type': 'application/json' }, body, refusedField });

  // Path parameters: ids that are not ids, encodings that do not decode, segments too long.
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    for (const bad of INVALID_IDS) out.push({ label: `path ${p.name}=${bad.slice(0, 20)}`, method: op.method, url: fill({ [p.name]: bad }), headers: {} });
  }
  // Query parameters: each declared one, and one that is not declared.
  const query = (q: string) => `${path}?${q}`;
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    const s = resolve(p.schema);
    const attacks: [string, string][] = [
      ['NUL', '%00'],
      ['lone surrogate (CESU-8)', '%ED%A0%80'],
      ['invalid UTF-8', '%FF%FE'],
      ['huge', 'x'.repeat(6_000)],
      ['repeated', `a&${p.name}=b`],
      ['object syntax', undefined as unknown as string],
      ['empty', ''],
    ];
    if (s.type === 'integer' || s.type === 'number') attacks.push(['not a number', 'abc'], ['huge number', '1e400'], ['negative', '-5']);
    if (s.type === 'boolean') attacks.push(['not a boolean', 'maybe']);
    if (s.format === 'uuid') attacks.push(['invalid id', 'not-a-uuid']);
    if (s.format === 'date' || s.format === 'date-time' || /^(from|to|dueBefore)$/.test(p.name)) attacks.push(['impossible date', '2026-02-31'], ['impossible instant', '2026-02-31T10:00:00Z']);
    if (Array.isArray(s.enum)) attacks.push(['not in the enum', 'zzz']);
    for (const [what, value] of attacks) {
      const q = what === 'object syntax' ? `${p.name}[a]=1&${p.name}[b][c]=2` : `${p.name}=${value}`;
      out.push({ label: `query ${p.name}: ${what}`, method: op.method, url: query(q), headers: {}, refusedField: what === 'NUL' ? p.name : undefined });
    }
  }
  out.push({ label: 'unknown query parameter', method: op.method, url: query('zzz=1&__proto__=x&constructor[prototype]=1'), headers: {} });
  // Header parameters (Idempotency-Key): long, and not ASCII.
  for (const p of op.parameters.filter((x) => x.in === 'header')) {
    out.push({ label: `header ${p.name}: long`, method: op.method, url: path, headers: { [p.name]: 'k'.repeat(5_000) }, body: hasBody && base ? JSON.stringify(base) : undefined });
    out.push({ label: `header ${p.name}: latin-1`, method: op.method, url: path, headers: { [p.name]: 'clé-\u00e9' }, body: hasBody && base ? JSON.stringify(base) : undefined });
    if (hasBody && base) out.push({ label: `header ${p.name}: long`, method: op.method, url: path, headers: { [p.name]: 'k'.repeat(5_000), 'content-type': 'application/json' }, body: JSON.stringify(base) });
  }
  if (!hasBody) return out;

  if (op.multipartBody) {
    out.push(...multipartAttacks(op, path));
    return out;
  }
  // Bodies of any JSON operation (and of those that take none: a body must not break them either).
  const firstField = Object.keys(resolve(op.jsonBody).properties ?? { x: 1 })[0] ?? 'x';
  for (const [label, body] of deepBodies(firstField)) json(label, body);
  for (const [label, body] of [
    ['empty body', ''],
    ['null', 'null'],
    ['array', '[]'],
    ['string', '"\\u0000"'],
    ['number', '0'],
    ['truncated JSON', '{"a":'],
    ['prototype pollution', '{"__proto__":{"isAdmin":true}}'],
    ['constructor pollution', '{"constructor":{"prototype":{"isAdmin":true}}}'],
    ['NUL key', '{"a\\u0000b":1}'],
    ['invalid UTF-8 bytes', new Blob([new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x7d])])],
    ['over the body limit', `{"a":"${'x'.repeat(1_100_000)}"}`],
    ['20,000 unknown keys', MANY_KEYS],
  ] as [string, string | Blob][]) {
    json(label, body);
  }
  const text = base ? JSON.stringify(base) : '{"zzz":1}';
  for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=iso-8859-1', 'application/vnd.api+json', 'multipart/form-data']) {
    out.push({ label: `content type ${type}`, method: op.method, url: path, headers: { 'content-type': type }, body: type.includes('urlencoded') ? 'a=%00&b=c' : text });
  }
  out.push({ label: 'no content type', method: op.method, url: path, headers: {}, body: text });
  if (!op.jsonBody || !base) {
    json('unknown field on an operation without a body', '{"zzz":1}');
    return out;
  }
  json('valid-looking body', JSON.stringify(base));
  json('unknown field', JSON.stringify({ ...base, zzz: 1 }));
  json('unknown nested field', JSON.stringify(setAt(base, [firstField, 'zzz'], 1)));
  for (const field of fields(op.jsonBody)) {
    for (const [what, value] of fieldAttacks(field.schema)) {
      const refused = what === 'NUL' || what === 'lone surrogate' ? field.path.join('.') : undefined;
      json(`body ${field.path.join('.')}: ${what}`, JSON.stringify(setAt(base, field.path, value)), refused);
    }
  }
  return out;
}

function multipartAttacks(op: Operation, path: string): HostileRequest[] {
  const names = Object.keys(resolve(op.multipartBody).properties ?? {});
  const form = (build: (f: FormData) => void) => {
    const f = new FormData();
    build(f);
    return f;
  };
  const file = (content = 'hello') => new Blob([content], { type: 'text/plain' });
  const bodies: [string, FormData | string, Record<string, string>][] = [
    ['JSON instead of multipart', '{"document":"x"}', { 'content-type': 'application/json' }],
    ['empty multipart', form(() => undefined), {}],
    ['multipart without boundary', '--x\r\n\r\n', { 'content-type': 'multipart/form-data' }],
    ['broken multipart', '--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', { 'content-type': 'multipart/form-data; boundary=b' }],
    ['NUL in the file name', form((f) => f.append(names[0] ?? 'file', file(), 'a\u0000b.txt')), {}],
    ['lone surrogate in the file name', form((f) => f.append(names[0] ?? 'file', file(), 'a\uD800b.txt')), {}],
    ['huge file name', form((f) => f.append(names[0] ?? 'file', file(), `${'n'.repeat(5_000)}.txt`)), {}],
    ['unknown field', form((f) => f.append('zzz', 'x')), {}],
    ...names.flatMap((name): [string, FormData, Record<string, string>][] => [
      [`field ${name}: NUL`, form((f) => f.append(name, 'a\u0000b')), {}],
      [`field ${name}: lone surrogate`, form((f) => f.append(name, 'a\uD800b')), {}],
      [`field ${name}: huge`, form((f) => f.append(name, 'x'.repeat(100_000))), {}],
      [`field ${name}: twice`, form((f) => (f.append(name, 'a'), f.append(name, 'b'))), {}],
    ]),
  ];
  return bodies.map(([label, body, headers]) => ({ label, method: op.method, url: path, headers, body }));
}

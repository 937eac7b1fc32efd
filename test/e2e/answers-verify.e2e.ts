import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { AnswerResult, AppealType } from '@otklik/shared/domain';
import { AnswerSigner } from '../../backend/src/modules/workflow/signing/answer-signer.service';
import { RunningServer, startServer, stopRunning } from './support/server';

/**
 * POST /answers/verify on a server of its own whose answer keys come from the environment:
 * ANSWER_SIGNING_KEY (current, kid e2e-2026) and ANSWER_VERIFY_KEYS (the rotated-out e2e-2025).
 * The test holds the same private keys and signs documents with the same AnswerSigner the
 * server uses (the server itself renders answers only on GET /appeals/{id}/answer), so what is
 * checked here is the server's configuration, its key set and the HTTP route.
 */
jest.setTimeout(120_000);

const ORGANISATION = 'Тестовый орган власти';
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: KeyObject, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }) as string;
const current = { kid: 'e2e-2026', ...rsa() };
const old = { kid: 'e2e-2025', ...rsa() };
const stranger = { kid: 'e2e-stranger', ...rsa() };

const signer = (key: typeof current) =>
  new AnswerSigner({ answerSigning: { current: key, previous: [] }, organisationName: ORGANISATION, publicUrl: 'http://127.0.0.1' });

let server: RunningServer;
const doc = (appealNumber: number) =>
  signer(current).document({
    answerId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    appealId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    appealNumber,
    appealType: AppealType.Question,
    result: AnswerResult.Done,
    resultCode: 1,
    text: 'Справка о порядке записи на приём подготовлена и направлена вам.',
    answeredAt: '2026-04-10T07:30:00.000Z',
    executor: { name: 'Петров Пётр Петрович', position: 'Ведущий специалист' },
    attachments: [],
  });

beforeAll(async () => {
  server = await startServer({
    ANSWER_SIGNING_KEY: pem(current.privateKey, 'pkcs8'),
    ANSWER_SIGNING_KEY_ID: current.kid,
    ANSWER_VERIFY_KEYS: JSON.stringify([{ kid: old.kid, pem: pem(old.publicKey, 'spki') }]),
    ORGANISATION_NAME: ORGANISATION,
  });
});

afterAll(async () => {
  if (server) await stopRunning(server);
});

async function verify(parts: Record<string, Buffer | string | { file: Buffer | string }>, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') form.append(name, value);
    else if (Buffer.isBuffer(value)) form.append(name, new Blob([new Uint8Array(value)]), `${name}.bin`);
    else form.append(name, new Blob([typeof value.file === 'string' ? value.file : new Uint8Array(value.file)]), `${name}.txt`);
  }
  const res = await fetch(`${server.baseUrl}/api/v1/answers/verify`, { method: 'POST', body: form, headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, any> };
}

const flip = (buf: Buffer, index: number) => {
  const copy = Buffer.from(buf);
  copy[index] ^= 0x01;
  return copy;
};

describe('POST /api/v1/answers/verify', () => {
  it('a JSON answer with its detached signature (text field or file) is valid: who signed, when, which appeal', async () => {
    const json = await signer(current).renderJson(doc(501));
    const expected = {
      valid: true,
      format: 'json',
      signedBy: ORGANISATION,
      signedAt: '2026-04-10T07:30:00.000Z',
      appealNumber: 501,
      keyId: 'e2e-2026',
      verificationCode: json.verificationCode,
      reason: null,
    };
    const asField = await verify({ document: json.body, signature: json.signature });
    expect(asField).toMatchObject({ status: 200, body: expected });
    expect(asField.type).toContain('application/json');
    expect(await verify({ document: json.body, signature: { file: `${json.signature}\n` } })).toMatchObject({ status: 200, body: expected });
  });

  it('signed XML and PDF are valid and report the same verification code as the JSON of the answer', async () => {
    const s = signer(current);
    const { verificationCode } = await s.renderJson(doc(502));
    const xml = await verify({ document: await s.renderXml(doc(502)) });
    expect(xml).toMatchObject({ status: 200, body: { valid: true, format: 'xml', signedBy: ORGANISATION, appealNumber: 502, keyId: 'e2e-2026', verificationCode } });
    const pdf = await verify({ document: await s.renderPdf(doc(502), 'ru') });
    expect(pdf).toMatchObject({ status: 200, body: { valid: true, format: 'pdf', signedBy: ORGANISATION, signedAt: '2026-04-10T07:30:00.000Z', appealNumber: 502, verificationCode } });
  });

  it('one changed byte makes JSON, XML and PDF invalid (still a 200 with a reason)', async () => {
    const s = signer(current);
    const json = await s.renderJson(doc(503));
    const xml = await s.renderXml(doc(503));
    const pdf = await s.renderPdf(doc(503), 'en');
    const cases = [
      await verify({ document: flip(json.body, json.body.indexOf('503')), signature: json.signature }),
      await verify({ document: flip(xml, xml.indexOf('<appealNumber>503') + 15) }),
      await verify({ document: flip(pdf, Math.floor(pdf.length / 2)) }),
      await verify({ document: flip(pdf, pdf.length - 100) }),
    ];
    for (const c of cases) {
      expect(c.status).toBe(200);
      expect(c.body).toMatchObject({ valid: false, signedBy: null, signedAt: null, appealNumber: null, keyId: null });
      // The PDF trailer no longer parses when its JWS holds a character outside base64url: no signature found.
      expect(c.body.reason).toMatch(/^signature_(invalid|malformed|missing)$/);
    }
    expect(cases.map((c) => c.body.format)).toEqual(['json', 'xml', 'pdf', 'pdf']);
  });

  it('after rotation documents signed with the listed old key verify; a key outside the set does not', async () => {
    const before = signer(old);
    const json = await before.renderJson(doc(504));
    expect(await verify({ document: json.body, signature: json.signature })).toMatchObject({ status: 200, body: { valid: true, keyId: 'e2e-2025', appealNumber: 504 } });
    expect(await verify({ document: await before.renderPdf(doc(504), 'ru') })).toMatchObject({ body: { valid: true, keyId: 'e2e-2025' } });
    const foreign = signer(stranger);
    const forged = await foreign.renderJson(doc(504));
    expect(await verify({ document: forged.body, signature: forged.signature })).toMatchObject({ status: 200, body: { valid: false, reason: 'unknown_key' } });
    expect(await verify({ document: await foreign.renderXml(doc(504)) })).toMatchObject({ status: 200, body: { valid: false, reason: 'unknown_key' } });
    // A forger who names the current key id still fails: the key is not theirs.
    const impostor = signer({ ...stranger, kid: 'e2e-2026' });
    expect(await verify({ document: await impostor.renderPdf(doc(504), 'ru') })).toMatchObject({ status: 200, body: { valid: false, reason: 'signature_invalid' } });
  });

  it('content that is no answer at all is a 200 with valid: false', async () => {
    expect(await verify({ document: Buffer.from('PK\u0003\u0004 not an answer') })).toMatchObject({ status: 200, body: { valid: false, format: null, reason: 'unknown_format' } });
    expect(await verify({ document: Buffer.from('<answer xmlns="urn:otklik:answer:1"/>') })).toMatchObject({ status: 200, body: { valid: false, format: 'xml', reason: 'signature_missing' } });
    expect(await verify({ document: Buffer.from('{"a":1}'), signature: 'garbage' })).toMatchObject({ status: 200, body: { valid: false, format: 'json', reason: 'signature_malformed' } });
  });

  it('a malformed request is a 422 (no document, JSON without signature, unknown part), a non-multipart body a 415', async () => {
    const noDocument = await verify({ signature: 'x..y' });
    expect(noDocument).toMatchObject({ status: 422, body: { code: 'validation_failed', errors: [{ field: 'document', code: 'required' }] } });
    expect(noDocument.type).toContain('application/problem+json');
    const json = await signer(current).renderJson(doc(505));
    const unsigned = await verify({ document: json.body }, { 'Accept-Language': 'en' });
    expect(unsigned).toMatchObject({ status: 422, body: { errors: [{ field: 'signature', code: 'signature_required', message: 'A JSON answer needs its signature (the X-Answer-Signature header it came with)' }] } });
    expect(await verify({ document: json.body, signature: json.signature, extra: 'x' })).toMatchObject({ status: 422, body: { errors: [{ field: 'extra', code: 'unknown_field' }] } });
    expect(await verify({ document: 'sent as a text field' })).toMatchObject({ status: 422, body: { errors: [{ field: 'document', code: 'file_required' }] } });
    const notMultipart = await fetch(`${server.baseUrl}/api/v1/answers/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(notMultipart.status).toBe(415);
    expect(notMultipart.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a document over 10 MB with 413', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    const res = await verify({ document: big });
    expect(res).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
  });

  it('is rate-limited per address: 429 with Retry-After', async () => {
    let last: Awaited<ReturnType<typeof verify>> | undefined;
    for (let i = 0; i < 40 && last?.status !== 429; i++) last = await verify({ document: Buffer.from('x') });
    expect(last).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
    expect(Number(last!.retryAfter)).toBeGreaterThan(0);
  });
});

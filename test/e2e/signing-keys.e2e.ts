import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { Client } from 'pg';
import { DEMO } from './support/api';
import { call } from './support/identity';
import { RunningServer, startServer, stopRunning } from './support/server';

/**
 * The keys of signed answers (issue 16, operations): kept in the database with the private half
 * encrypted, the configured key imported as the first one, listed for admins and auditors,
 * rotated by admins only (audited before → after). After a rotation the answers signed with the
 * old key still verify through the public route, and new signatures carry the new key id.
 * A server of its own: it starts from a known configured key.
 */
jest.setTimeout(180_000);

const configured = { kid: 'e2e-configured', ...generateKeyPairSync('rsa', { modulusLength: 2048 }) };
const derFingerprint = (pem: string) => `sha256:${createHash('sha256').update(createPublicKey(pem).export({ type: 'spki', format: 'der' })).digest('hex')}`;

let server: RunningServer;
let db: Client;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer({
    ANSWER_SIGNING_KEY: configured.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    ANSWER_SIGNING_KEY_ID: configured.kid,
  });
  db = new Client({ connectionString: server.databaseUrl });
  await db.connect();
  for (const who of ['admin', 'auditor', 'supervisor', 'operator', 'citizen'] as const) {
    const res = await call(server.baseUrl, 'POST', '/api/v1/auth/login', DEMO[who]);
    tokens[who] = res.body.accessToken;
  }
});

afterAll(async () => {
  await db?.end();
  if (server) await stopRunning(server);
});

const api = (method: string, path: string, who: string, body?: unknown) => call(server.baseUrl, method, path, body, tokens[who]);

/** Files a question as the demo citizen, answers it as the demo operator; the appeal's id. */
async function answeredAppeal(text: string): Promise<{ id: string; number: number }> {
  const categories = (await call(server.baseUrl, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string; children: { code: string; id: string }[] }[];
  const tech = categories.flatMap((c) => [c, ...c.children]).find((c) => c.code === 'tech')!;
  const filed = await api('POST', '/api/v1/appeals', 'citizen', { type: 'complaint', categoryId: tech.id, subject: 'Подпись ответа', text: 'Не открывается страница оплаты.' });
  expect(filed.status).toBe(201);
  expect((await api('POST', `/api/v1/staff/appeals/${filed.body.id}/actions/take`, 'operator', {})).status).toBe(200);
  const answered = await api('POST', `/api/v1/staff/appeals/${filed.body.id}/answer`, 'operator', { result: 'done', resultCode: 1, text });
  expect(answered.status).toBe(200);
  return filed.body;
}

async function downloadJson(appealId: string): Promise<{ body: Buffer; signature: string }> {
  const res = await fetch(`${server.baseUrl}/api/v1/appeals/${appealId}/answer?format=json`, { headers: { authorization: `Bearer ${tokens.citizen}` } });
  expect(res.status).toBe(200);
  return { body: Buffer.from(await res.arrayBuffer()), signature: res.headers.get('x-answer-signature')! };
}

async function verify(document: Buffer, signature?: string): Promise<Record<string, any>> {
  const form = new FormData();
  form.append('document', new Blob([new Uint8Array(document)]), 'answer');
  if (signature) form.append('signature', signature);
  const res = await fetch(`${server.baseUrl}/api/v1/answers/verify`, { method: 'POST', body: form });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, any>;
}

describe('/admin/signing-keys', () => {
  it('lists the configured key as the one active key, with its fingerprint and no private material; admins and auditors only', async () => {
    const list = await api('GET', '/api/v1/admin/signing-keys', 'admin');
    expect(list.status).toBe(200);
    const pem = configured.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect(list.body).toEqual([
      expect.objectContaining({ kid: configured.kid, algorithm: 'RS256', state: 'active', source: 'configuration', canSign: true, retiredAt: null, fingerprint: derFingerprint(pem) }),
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/PRIVATE|privateKey/i);
    expect((await api('GET', '/api/v1/admin/signing-keys', 'auditor')).body).toEqual(list.body);
    for (const who of ['supervisor', 'operator', 'citizen']) expect((await api('GET', '/api/v1/admin/signing-keys', who)).status).toBe(403);
    expect((await call(server.baseUrl, 'GET', '/api/v1/admin/signing-keys')).status).toBe(401);

    // At rest the private half is ciphertext of the field-encryption helper, never the PEM.
    const { rows } = await db.query<{ private_key_encrypted: string }>('SELECT private_key_encrypted FROM answer_signing_keys WHERE kid = $1', [configured.kid]);
    expect(rows[0].private_key_encrypted).toMatch(/^pd1\./);
    expect(rows[0].private_key_encrypted).not.toContain('BEGIN');
  });

  it('only an admin rotates', async () => {
    for (const who of ['auditor', 'supervisor', 'operator', 'citizen']) expect((await api('POST', '/api/v1/admin/signing-keys/rotate', who)).status).toBe(403);
    expect((await db.query('SELECT count(*)::int AS n FROM answer_signing_keys')).rows[0].n).toBe(1);
  });

  it('sign, rotate, sign again: both answers verify through the public route, the new one with the new key id; the rotation is audited', async () => {
    const first = await answeredAppeal('Оплата восстановлена.');
    const before = await downloadJson(first.id);
    expect(await verify(before.body, before.signature)).toMatchObject({ valid: true, keyId: configured.kid, appealNumber: first.number });

    const rotated = await api('POST', '/api/v1/admin/signing-keys/rotate', 'admin');
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ state: 'active', source: 'generated', canSign: true, retiredAt: null });
    const newKid = rotated.body.kid as string;
    expect(newKid).not.toBe(configured.kid);
    expect(rotated.body.fingerprint).toBe(derFingerprint(rotated.body.publicKey));

    const second = await answeredAppeal('Справка направлена.');
    const after = await downloadJson(second.id);
    expect(await verify(after.body, after.signature)).toMatchObject({ valid: true, keyId: newKid, appealNumber: second.number });
    // The copy downloaded before the rotation keeps verifying with the retired key.
    expect(await verify(before.body, before.signature)).toMatchObject({ valid: true, keyId: configured.kid, appealNumber: first.number });
    // XML and PDF are signed with the new key too, and verify.
    for (const format of ['xml', 'pdf']) {
      const res = await fetch(`${server.baseUrl}/api/v1/appeals/${second.id}/answer?format=${format}`, { headers: { authorization: `Bearer ${tokens.citizen}` } });
      expect(await verify(Buffer.from(await res.arrayBuffer()))).toMatchObject({ valid: true, format, appealNumber: second.number });
    }

    const list = (await api('GET', '/api/v1/admin/signing-keys', 'admin')).body as { kid: string; state: string; retiredAt: string | null }[];
    expect(list.map((k) => [k.kid, k.state])).toEqual([
      [newKid, 'active'],
      [configured.kid, 'retired'],
    ]);
    expect(list[1].retiredAt).not.toBeNull();

    const audit = await db.query<{ actor_role: string; entity_id: string; changes: Record<string, { from: unknown; to: unknown }> }>(
      `SELECT actor_role, entity_id, changes FROM audit_log WHERE action = 'signing_key.rotate' ORDER BY id`,
    );
    expect(audit.rows).toEqual([{ actor_role: 'admin', entity_id: newKid, changes: { activeKid: { from: configured.kid, to: newKid } } }]);
  });

  it('a rotation retried with the same Idempotency-Key (after it, or while it runs) makes one key and answers it again', async () => {
    const keys = async () => (await api('GET', '/api/v1/admin/signing-keys', 'admin')).body as { kid: string; state: string }[];
    const rotations = async () => Number((await db.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'signing_key.rotate'`)).rows[0].n);
    const rotate = (key: string) => call(server.baseUrl, 'POST', '/api/v1/admin/signing-keys/rotate', undefined, tokens.admin, { 'idempotency-key': key });
    const [keysBefore, rotationsBefore] = [(await keys()).length, await rotations()];

    const first = await rotate('rotate-once-1');
    expect(first.status).toBe(200);
    const again = await rotate('rotate-once-1');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await keys()).length).toBe(keysBefore + 1);
    expect(await rotations()).toBe(rotationsBefore + 1);
    expect((await keys())[0]).toMatchObject({ kid: first.body.kid, state: 'active' });

    // Two at once with one key: the second waits for the first and answers its key.
    const [a, b] = await Promise.all([rotate('rotate-once-2'), rotate('rotate-once-2')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.kid).toBe(b.body.kid);
    expect(a.body.kid).not.toBe(first.body.kid);
    expect((await keys()).length).toBe(keysBefore + 2);
    expect(await rotations()).toBe(rotationsBefore + 2);
    // A malformed key is refused naming the header, and rotates nothing.
    const bad = await rotate('bad key with spaces');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'Idempotency-Key' });
    expect(await rotations()).toBe(rotationsBefore + 2);
  });
});

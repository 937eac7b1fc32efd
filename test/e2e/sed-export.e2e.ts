import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DOMParser } from '@xmldom/xmldom';
import { runCli } from './support/cli';
import { png } from './support/files';
import { freePort, ROOT, RunningServer, startServer, stopRunning } from './support/server';

// s3rver is a CommonJS package without types.
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<unknown>; close(): Promise<void> };

/**
 * The document-management (СЭД) export (issue 19). Done when: the export package validates against
 * its XSD (xmllint, a real validator) and its manifest sums match the files. Seeds appeals through
 * the API (one with an attachment and a contact address, one answered with a signed answer), runs
 * the export as an admin, and checks the package on disk; a second export takes nothing twice; a
 * receipt dropped in the directory marks the appeals «передано в СЭД» (staff card) once; the S3
 * prefix target with a local S3 server.
 */
jest.setTimeout(180_000);

const MODULE_DIR = join(ROOT, 'backend', 'src', 'modules', 'sed-export');
const PACKAGE_XSD = join(MODULE_DIR, 'otklik-sed-export-1.xsd');
const RECEIPT_XSD = join(MODULE_DIR, 'otklik-sed-receipt-1.xsd');
const ADDRESS = 'г. Тверь, ул. Советская, д. 5, кв. 12';

type Reply = { status: number; body: any };

async function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function login(base: string, login: string, password: string): Promise<string> {
  const res = await call(base, 'POST', '/api/v1/auth/login', undefined, { login, password });
  if (!res.body?.accessToken) throw new Error(`login ${login}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

interface World {
  base: string;
  admin: string;
  operator: string;
  citizen: string;
  techId: string;
}

async function world(server: RunningServer): Promise<World> {
  const base = server.baseUrl;
  const categories = (await call(base, 'GET', '/api/v1/catalog/categories')).body as { id: string; code: string }[];
  return {
    base,
    admin: await login(base, 'admin@demo.otklik.local', 'Admin#Demo2026'),
    operator: await login(base, 'operator@demo.otklik.local', 'Operator#Demo2026'),
    citizen: await login(base, 'citizen@demo.otklik.local', 'Citizen#Demo2026'),
    techId: categories.find((c) => c.code === 'tech')!.id,
  };
}

async function fileAppeal(w: World, extra: Record<string, unknown> = {}): Promise<{ id: string; number: number }> {
  const res = await call(w.base, 'POST', '/api/v1/appeals', w.citizen, { type: 'question', categoryId: w.techId, subject: 'Выгрузка в СЭД', text: 'Прошу рассмотреть.', ...extra });
  if (res.status !== 201) throw new Error(`appeal: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function upload(w: World, name: string, data: Buffer): Promise<{ id: string; sha256: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: 'image/png' }), name);
  const res = await fetch(`${w.base}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${w.citizen}` }, body: form });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; sha256: string };
}

async function answer(w: World, appealId: string): Promise<void> {
  expect((await call(w.base, 'POST', `/api/v1/staff/appeals/${appealId}/actions/take`, w.operator)).status).toBe(200);
  const res = await call(w.base, 'POST', `/api/v1/staff/appeals/${appealId}/answer`, w.operator, { result: 'done', resultCode: 1, text: 'Ответ по существу: доступ восстановлен.' });
  expect(res.status).toBe(200);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** xmllint --schema: exit 0 and "validates" or the test fails with its message. */
function validate(xsd: string, file: string): void {
  try {
    const out = execFileSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`xmllint refused ${file}: ${e.stderr ?? e.message}`, { cause: error });
  }
}

/** Every file of a package folder, relative path → bytes. */
function filesOf(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [k, v] of filesOf(dir, rel)) out.set(k, v);
    else out.set(rel, readFileSync(join(dir, rel)));
  }
  return out;
}

/** The manifest's lines checked by recomputing every sum; it covers every file but itself. */
function checkManifest(files: Map<string, Buffer>): void {
  const manifest = files.get('manifest.sha256')!.toString('utf8');
  const lines = manifest.trimEnd().split('\n');
  const listed = new Map(lines.map((l) => {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(l);
    if (!m) throw new Error(`not a sha256sum line: ${l}`);
    return [m[2], m[1]] as const;
  }));
  expect([...listed.keys()].sort()).toEqual([...files.keys()].filter((k) => k !== 'manifest.sha256').sort());
  for (const [path, sum] of listed) expect({ path, sum: sha256(files.get(path)!) }).toEqual({ path, sum });
}

const el = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
type El = ReturnType<typeof el>;
const kids = (e: El, tag: string): El[] => Array.from(e.childNodes).filter((n) => n.nodeType === 1 && (n as El).localName === tag) as El[];
const text = (e: El, tag: string) => kids(e, tag)[0]?.textContent ?? undefined;

describe('СЭД export to a directory', () => {
  let server: RunningServer;
  let w: World;
  let exportDir: string;
  let withFile: { id: string; number: number };
  let answered: { id: string; number: number };
  let attachment: { id: string; sha256: string };
  let firstPackage: any;

  beforeAll(async () => {
    exportDir = mkdtempSync(join(tmpdir(), 'otklik-sed-'));
    rmSync(exportDir, { recursive: true });
    server = await startServer({ SED_EXPORT_DIR: exportDir });
    w = await world(server);
  });

  afterAll(async () => {
    if (server) await stopRunning(server);
    rmSync(exportDir, { recursive: true, force: true });
  });

  it('only admins run and list exports', async () => {
    const anonymous = await call(w.base, 'GET', '/api/v1/admin/sed-exports');
    expect(anonymous.status).toBe(401);
    for (const token of [w.operator, w.citizen]) {
      expect((await call(w.base, 'GET', '/api/v1/admin/sed-exports', token)).status).toBe(403);
      expect((await call(w.base, 'POST', '/api/v1/admin/sed-exports', token)).status).toBe(403);
    }
    expect(existsSync(exportDir)).toBe(false);
  });

  it('a package validates against its XSD, its manifest sums match the files, its personal data is owner-only', async () => {
    const data = await png();
    attachment = await upload(w, 'скан заявления.png', data);
    withFile = await fileAppeal(w, { attachmentIds: [attachment.id], contact: { address: ADDRESS, phone: '+79035550011' } });
    answered = await fileAppeal(w, { subject: 'Нет доступа к кабинету' });
    await answer(w, answered.id);

    const run = await call(w.base, 'POST', '/api/v1/admin/sed-exports', w.admin);
    expect(run.status).toBe(200);
    firstPackage = run.body.package;
    expect(firstPackage).toMatchObject({ status: 'exported', target: 'dir', answerCount: expect.any(Number) });
    expect(firstPackage.appealNumbers).toEqual(expect.arrayContaining([withFile.number, answered.number]));
    const dir = join(exportDir, firstPackage.id);
    expect(firstPackage.location).toBe(dir);

    validate(PACKAGE_XSD, join(dir, 'package.xml'));
    const files = filesOf(dir);
    checkManifest(files);
    expect(sha256(files.get('manifest.sha256')!)).toBe(firstPackage.manifestSha256);
    // Nothing of a crashed run's kind is left beside it.
    expect(readdirSync(exportDir).filter((n) => n.startsWith('.partial-'))).toEqual([]);
    // The package holds personal data: owner-only.
    expect(statSync(dir).mode & 0o077).toBe(0);
    expect(statSync(join(dir, 'package.xml')).mode & 0o077).toBe(0);

    const root = el(files.get('package.xml')!.toString('utf8'));
    expect(root.getAttribute('id')).toBe(firstPackage.id);
    const appeals = kids(kids(root, 'appeals')[0], 'appeal');
    const byNumber = new Map(appeals.map((a) => [Number(a.getAttribute('number')), a]));

    // The appeal with its file (decrypted: the bytes uploaded) and its author as the СЭД records need.
    const first = byNumber.get(withFile.number)!;
    expect(text(first, 'type')).toBe('question');
    expect(text(kids(first, 'category')[0], 'code')).toBe('tech');
    expect(text(kids(first, 'citizen')[0], 'postalAddress')).toBe(ADDRESS);
    expect(text(kids(first, 'citizen')[0], 'name')).toBeTruthy();
    const [file] = kids(kids(first, 'files')[0], 'file');
    expect(file.getAttribute('id')).toBe(attachment.id);
    expect(text(file, 'sha256')).toBe(attachment.sha256);
    expect(files.get(text(file, 'path')!)!.equals(data)).toBe(true);

    // The answered one with its signed documents: the PDF and the JSON with its detached JWS.
    const second = byNumber.get(answered.number)!;
    const ans = kids(second, 'answer')[0];
    expect(text(ans, 'result')).toBe('done');
    const docs = kids(ans, 'document');
    expect(docs.map((d) => d.getAttribute('format')).sort()).toEqual(['json', 'pdf']);
    const pdf = files.get(text(docs.find((d) => d.getAttribute('format') === 'pdf')!, 'path')!)!;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const json = docs.find((d) => d.getAttribute('format') === 'json')!;
    const jws = files.get(text(json, 'signaturePath')!)!.toString('utf8');
    expect(jws).toMatch(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/);
    // The server's own verifier takes the exported documents as they are.
    const form = new FormData();
    form.append('document', new Blob([new Uint8Array(pdf)]), 'answer.pdf');
    const verified = await fetch(`${w.base}/api/v1/answers/verify`, { method: 'POST', body: form });
    expect(((await verified.json()) as { valid: boolean; appealNumber: number })).toMatchObject({ valid: true, appealNumber: answered.number });

    // Audited as a personal-data export.
    const { Client } = await import('pg');
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT action, actor_role, details FROM audit_log WHERE entity_type = 'sed_export_package' AND entity_id = $1`, [firstPackage.id]);
      expect(rows).toEqual([expect.objectContaining({ action: 'appeal.export', actor_role: 'admin', details: expect.objectContaining({ format: 'sed', rows: firstPackage.appealCount }) })]);
    } finally {
      await db.end();
    }
  });

  it('a second export takes nothing twice; a new appeal and a new answer go in the next package', async () => {
    const again = await call(w.base, 'POST', '/api/v1/admin/sed-exports', w.admin);
    expect(again.status).toBe(200);
    expect(again.body.package).toBeNull();

    const later = await fileAppeal(w, { subject: 'Ещё одно' });
    await answer(w, withFile.id);
    const next = await call(w.base, 'POST', '/api/v1/admin/sed-exports', w.admin);
    expect(next.body.package.appealNumbers.sort()).toEqual([withFile.number, later.number].sort());
    expect(next.body.package.answerCount).toBe(1);
    expect(next.body.package.windowFrom).toBe(firstPackage.windowTo);
    const dir = join(exportDir, next.body.package.id);
    validate(PACKAGE_XSD, join(dir, 'package.xml'));
    checkManifest(filesOf(dir));

    const list = await call(w.base, 'GET', '/api/v1/admin/sed-exports', w.admin);
    expect(list.body.items.map((p: any) => p.id)).toEqual([next.body.package.id, firstPackage.id]);
  });

  it('a leftover of an interrupted run is removed by the next run', async () => {
    const partial = join(exportDir, '.partial-0b4f5c1e-7d2a-4c3b-9e8f-1a2b3c4d5e6f');
    const orphan = join(exportDir, '3c9d2e1f-5a6b-4c7d-8e9f-0a1b2c3d4e5f');
    for (const d of [partial, orphan]) {
      execFileSync('mkdir', ['-p', join(d, 'files')]);
      writeFileSync(join(d, 'package.xml'), '<half');
    }
    const run = await call(w.base, 'POST', '/api/v1/admin/sed-exports', w.admin);
    expect(run.body.removedPartials.sort()).toEqual(['0b4f5c1e-7d2a-4c3b-9e8f-1a2b3c4d5e6f', '3c9d2e1f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'].sort());
    expect(existsSync(partial) || existsSync(orphan)).toBe(false);
  });

  it('a receipt marks the appeals «передано в СЭД» (staff card), once; unknown numbers are reported, not fatal', async () => {
    const receipt = join(exportDir, `${firstPackage.id}.receipt.xml`);
    writeFileSync(
      receipt,
      `<?xml version="1.0" encoding="UTF-8"?>\n<receipt xmlns="urn:otklik:sed-receipt:1" packageId="${firstPackage.id}">\n` +
        `  <accepted number="${withFile.number}" sedNumber="ВХ-2026/1045"/>\n  <accepted number="${answered.number}"/>\n  <accepted number="999999"/>\n</receipt>\n`,
    );
    validate(RECEIPT_XSD, receipt);
    const before = await call(w.base, 'GET', `/api/v1/staff/appeals/${withFile.id}`, w.operator);
    expect(before.body.transferredToSedAt).toBeNull();

    // The CLI on the server's data, as an operator would run it.
    const cli = runCli(['sed:receipts'], { DATA_DIR: server.dataDir, SED_EXPORT_DIR: exportDir, ...(process.env.DATABASE_URL ? { DATABASE_URL: server.databaseUrl } : {}) });
    expect(cli.status).toBe(0);
    const report = JSON.parse(cli.out.trim().split('\n').pop()!);
    expect(report.receipts).toEqual([
      expect.objectContaining({ packageId: firstPackage.id, outcome: 'applied', marked: [withFile.number, answered.number].sort((a, b) => a - b), unknown: [999999] }),
    ]);
    expect(existsSync(receipt)).toBe(false);
    expect(existsSync(join(exportDir, 'processed', `${firstPackage.id}.receipt.xml`))).toBe(true);

    const card = await call(w.base, 'GET', `/api/v1/staff/appeals/${withFile.id}`, w.operator);
    expect(card.body.transferredToSedAt).toEqual(expect.any(String));
    expect(card.body.sedRegistrationNumber).toBe('ВХ-2026/1045');
    const other = await call(w.base, 'GET', `/api/v1/staff/appeals/${answered.id}`, w.operator);
    expect(other.body.transferredToSedAt).toEqual(expect.any(String));
    expect(other.body.sedRegistrationNumber).toBeNull();
    // The citizen's card does not carry the СЭД's bookkeeping.
    expect((await call(w.base, 'GET', `/api/v1/appeals/${withFile.id}`, w.citizen)).body.transferredToSedAt).toBeUndefined();
    const list = await call(w.base, 'GET', '/api/v1/admin/sed-exports', w.admin);
    expect(list.body.items.find((p: any) => p.id === firstPackage.id)).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String) });

    // The same receipt dropped again (the admin run applies receipts first): nothing changes.
    writeFileSync(receipt, readFileSync(join(exportDir, 'processed', `${firstPackage.id}.receipt.xml`)));
    const run = await call(w.base, 'POST', '/api/v1/admin/sed-exports', w.admin);
    expect(run.body.receipts).toEqual([expect.objectContaining({ outcome: 'already_applied', marked: [] })]);
    const after = await call(w.base, 'GET', `/api/v1/staff/appeals/${withFile.id}`, w.operator);
    expect(after.body.transferredToSedAt).toBe(card.body.transferredToSedAt);
    expect(after.body.sedRegistrationNumber).toBe('ВХ-2026/1045');

    // A receipt for no package of ours, and one that is not a receipt: set aside in rejected/.
    writeFileSync(join(exportDir, '11111111-2222-4333-8444-555555555555.receipt.xml'), `<receipt xmlns="urn:otklik:sed-receipt:1" packageId="11111111-2222-4333-8444-555555555555"/>`);
    const second = (await call(w.base, 'GET', '/api/v1/admin/sed-exports', w.admin)).body.items[0];
    writeFileSync(join(exportDir, `${second.id}.receipt.xml`), '<not-a-receipt/>');
    const odd = await call(w.base, 'POST', '/api/v1/admin/sed-exports', w.admin);
    expect(odd.status).toBe(200);
    expect(odd.body.receipts.map((r: any) => r.outcome).sort()).toEqual(['invalid', 'unknown_package']);
    expect(readdirSync(join(exportDir, 'rejected')).sort()).toEqual([`${second.id}.receipt.xml`, '11111111-2222-4333-8444-555555555555.receipt.xml'].sort());
  });
});

describe('СЭД export to an S3 prefix', () => {
  const BUCKET = 'otklik-sed';
  const PREFIX = 'sed/out';
  let server: RunningServer;
  let s3rver: { close(): Promise<void> };
  let s3dir: string;
  let s3: S3Client;

  beforeAll(async () => {
    s3dir = mkdtempSync(join(tmpdir(), 'otklik-s3rver-sed-'));
    const port = await freePort();
    const instance = new S3rver({ port, address: '127.0.0.1', silent: true, directory: s3dir, configureBuckets: [{ name: BUCKET }] });
    await instance.run();
    s3rver = instance;
    const endpoint = `http://127.0.0.1:${port}`;
    s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    server = await startServer({
      STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY: 'S3RVER',
      S3_SECRET_KEY: 'S3RVER',
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      SED_EXPORT_S3_PREFIX: PREFIX,
    });
  });

  afterAll(async () => {
    if (server) await stopRunning(server);
    await s3rver?.close();
    rmSync(s3dir, { recursive: true, force: true });
  });

  it('writes the package under the prefix (valid XML, matching sums) and takes its receipt from there', async () => {
    const w = await world(server);
    const data = await png();
    const up = await upload(w, 'photo.png', data);
    const appeal = await fileAppeal(w, { attachmentIds: [up.id], contact: { address: ADDRESS } });
    const run = await call(w.base, 'POST', '/api/v1/admin/sed-exports', w.admin);
    expect(run.status).toBe(200);
    const pkg = run.body.package;
    expect(pkg).toMatchObject({ target: 's3', location: `s3://${BUCKET}/${PREFIX}/${pkg.id}/` });
    expect(pkg.appealNumbers).toContain(appeal.number);

    const base = `${PREFIX}/${pkg.id}/`;
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: base }));
    const local = mkdtempSync(join(tmpdir(), 'otklik-sed-s3-'));
    try {
      const files = new Map<string, Buffer>();
      for (const o of listed.Contents ?? []) {
        const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: o.Key! }));
        files.set(o.Key!.slice(base.length), Buffer.from(await out.Body!.transformToByteArray()));
      }
      writeFileSync(join(local, 'package.xml'), files.get('package.xml')!);
      validate(PACKAGE_XSD, join(local, 'package.xml'));
      checkManifest(files);
      expect([...files.values()].some((b) => b.equals(data))).toBe(true);
    } finally {
      rmSync(local, { recursive: true, force: true });
    }

    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `${PREFIX}/${pkg.id}.receipt.xml`,
        Body: `<receipt xmlns="urn:otklik:sed-receipt:1" packageId="${pkg.id}"><accepted number="${appeal.number}" sedNumber="S3-7"/></receipt>`,
      }),
    );
    const second = await call(w.base, 'POST', '/api/v1/admin/sed-exports', w.admin);
    expect(second.body.receipts).toEqual([expect.objectContaining({ outcome: 'applied', marked: [appeal.number] })]);
    const card = await call(w.base, 'GET', `/api/v1/staff/appeals/${appeal.id}`, w.operator);
    expect(card.body).toMatchObject({ transferredToSedAt: expect.any(String), sedRegistrationNumber: 'S3-7' });
    const moved = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `${PREFIX}/processed/` }));
    expect((moved.Contents ?? []).map((o) => o.Key)).toEqual([`${PREFIX}/processed/${pkg.id}.receipt.xml`]);
  });
});

import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Client } from 'pg';
import sharp from 'sharp';
import { DEMO } from './support/api';
import * as files from './support/files';
import { call, Reply } from './support/identity';
import { freePort, RunningServer, startServer, stopRunning } from './support/server';

// s3rver is a CommonJS package without types.
 
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<unknown>; close(): Promise<void> };

const MB = 1024 * 1024;
const BUCKET = 'otklik-e2e';

/** An API server under test with one storage driver, and a way to see what it has stored. */
interface Target {
  base: string;
  dataDir: string;
  databaseUrl?: string;
  /** Every stored object (and spool file) as a sorted list of names. */
  stored(): Promise<string[]>;
  /** The raw stored bytes of an attachment. */
  object(id: string): Promise<Buffer>;
  stop(): Promise<void>;
}

function walk(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of names) {
    const path = join(dir, name);
    out = statSync(path).isDirectory() ? out.concat(walk(path)) : out.concat(path);
  }
  return out.sort();
}

function localTarget(): Target {
  const dataDir = process.env.OTKLIK_DATA_DIR!;
  const root = join(dataDir, 'attachments');
  return {
    base: process.env.OTKLIK_BASE_URL!,
    dataDir,
    databaseUrl: process.env.OTKLIK_DATABASE_URL || undefined,
    stored: async () => walk(root),
    object: async (id) => readFileSync(join(root, 'objects', id.slice(0, 2), id)),
    stop: async () => undefined,
  };
}

async function s3Target(): Promise<Target> {
  const directory = mkdtempSync(join(tmpdir(), 'otklik-s3rver-'));
  const port = await freePort();
  const s3rver = new S3rver({ port, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: BUCKET }] });
  await s3rver.run();
  const endpoint = `http://127.0.0.1:${port}`;
  let server: RunningServer;
  try {
    server = await startServer({
      STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY: 'S3RVER',
      S3_SECRET_KEY: 'S3RVER',
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
    });
  } catch (error) {
    await s3rver.close();
    throw error;
  }
  const s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    base: server.baseUrl,
    dataDir: server.dataDir,
    databaseUrl: server.databaseUrl,
    stored: async () => {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
      const keys = (listed.Contents ?? []).map((o) => `s3:${o.Key}`);
      return [...keys, ...walk(join(server.dataDir, 'attachments'))].sort();
    },
    object: async (id) => {
      const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `attachments/${id}` }));
      return Buffer.from(await out.Body!.transformToByteArray());
    },
    stop: async () => {
      s3.destroy();
      await stopRunning(server);
      await s3rver.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export async function login(base: string, who: { login: string; password: string }): Promise<string> {
  const res = await call(base, 'POST', '/api/v1/auth/login', who);
  if (!res.body?.accessToken) throw new Error(`login ${who.login}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

export async function upload(
  base: string,
  token: string,
  file: { name: string; data: Buffer; type?: string },
  fields: Record<string, string> = {},
): Promise<Reply> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const res = await fetch(`${base}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

async function download(base: string, token: string, id: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/v1/attachments/${id}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const DRIVERS: [string, () => Promise<Target>][] = [
  ['local (shared server)', async () => localTarget()],
  ['s3 (s3rver)', s3Target],
];

describe.each(DRIVERS)('attachments on %s storage', (_name, makeTarget) => {
  let t: Target;
  let citizen: string;
  let citizen2: string;
  let operator: string;
  let poolOperator: string;
  let supervisor: string;
  let techId: string;
  let db: Client;

  beforeAll(async () => {
    t = await makeTarget();
    [citizen, citizen2, operator, poolOperator, supervisor] = await Promise.all(
      [DEMO.citizen, DEMO.citizen2, DEMO.operator, DEMO.poolOperator, DEMO.supervisor].map((who) => login(t.base, who)),
    );
    const categories = (await call(t.base, 'GET', '/api/v1/catalog/categories')).body as { id: string; code: string }[];
    techId = categories.find((c) => c.code === 'tech')!.id;
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  }, 60_000);

  const ok = async (token: string, file: { name: string; data: Buffer; type?: string }, fields?: Record<string, string>) => {
    const res = await upload(t.base, token, file, fields);
    if (res.status !== 201) throw new Error(`upload ${file.name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; name: string; size: number; contentType: string; sha256: string; scanStatus: string; hasPreview: boolean };
  };
  const appealInput = (extra: Record<string, unknown> = {}) => ({
    type: 'question',
    categoryId: techId,
    subject: `Вложения ${Math.random().toString(36).slice(2, 8)}`,
    text: 'Прошу рассмотреть приложенные материалы.',
    ...extra,
  });
  const fileTech = async (token: string, extra: Record<string, unknown> = {}) => {
    const res = await call(t.base, 'POST', '/api/v1/appeals', appealInput(extra), token);
    if (res.status !== 201) throw new Error(`appeal: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; number: number; status: string };
  };

  it.each([
    ['PDF', 'заявление.pdf', 'application/pdf', async () => files.pdf()],
    ['DOC', 'Объяснительная.doc', 'application/msword', async () => files.ole()],
    ['DOCX', 'договор.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', async () => files.docx()],
    ['JPG', 'фото.jpg', 'image/jpeg', files.jpegWithGps],
    ['PNG', 'скриншот.png', 'image/png', files.png],
    ['TXT (UTF-8)', 'заметки.txt', 'text/plain; charset=utf-8', async () => files.utf8Text('utf8')],
    ['TXT (CP1251)', 'записка.txt', 'text/plain; charset=windows-1251', async () => files.cp1251Text('cp1251')],
  ])('%s uploads and downloads byte-identical, with safe headers', async (_kind, name, contentType, make) => {
    const data = await make();
    const up = await ok(citizen, { name, data, type: 'application/octet-stream' });
    expect(up).toMatchObject({ name, size: data.length, contentType, scanStatus: 'not_scanned' });
    const down = await download(t.base, citizen, up.id);
    expect(down.status).toBe(200);
    expect(down.bytes.equals(data)).toBe(true);
    expect(down.headers.get('content-type')).toBe(contentType);
    expect(down.headers.get('x-content-type-options')).toBe('nosniff');
    expect(down.headers.get('content-disposition')).toBe(
      `attachment; filename="${name.replace(/[^\x20-\x7E]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(down.headers.get('etag')).toBe(`"${up.sha256}"`);
  });

  it.each([
    ['an .exe renamed to .pdf', { name: 'invoice.pdf', type: 'application/pdf', data: files.EXE }, 'file_type_not_allowed'],
    ['a PNG named and declared as PDF', { name: 'scan.pdf', type: 'application/pdf', async: 'png' }, 'file_type_mismatch'],
    ['a PNG declared as PDF', { name: 'scan.png', type: 'application/pdf', async: 'png' }, 'file_type_mismatch'],
    ['an HTML file', { name: 'page.html', type: 'text/html', data: files.HTML }, 'file_markup'],
    ['an HTML file named .txt', { name: 'readme.txt', type: 'text/plain', data: files.HTML }, 'file_markup'],
    ['an SVG', { name: 'logo.svg', type: 'image/svg+xml', data: files.SVG }, 'file_markup'],
    ['a 5 MB + 1 byte file', { name: 'big.pdf', type: 'application/pdf', data: files.pdfOfSize(5 * MB + 1) }, 'file_too_large'],
    ['a zip bomb posing as DOCX', { name: 'report.docx', data: files.docxBomb(40) }, 'file_zip_bomb'],
    ['a path-traversal name', { name: '../../../etc/cron.d/evil.txt', data: files.utf8Text('x') }, 'file_name_invalid'],
    ['an empty file', { name: 'empty.txt', data: Buffer.alloc(0) }, 'file_empty'],
    ['an OLE2 file that is not a Word document', { name: 'table.doc', data: files.ole(['Workbook']) }, 'file_type_not_allowed'],
  ])('%s is rejected with a clear reason and leaves no bytes behind', async (_what, spec, reason) => {
    const data = 'async' in spec ? await files.png() : (spec as { data: Buffer }).data;
    const before = await t.stored();
    const res = await upload(t.base, citizen, { name: spec.name, type: (spec as { type?: string }).type, data });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'attachment_rejected', errors: [{ field: 'file', code: reason }] });
    expect(res.body.errors[0].message).toEqual(expect.any(String));
    if (reason !== 'file_name_invalid') expect(res.body.title).toContain(spec.name);
    expect(await t.stored()).toEqual(before);
  });

  it('the stored object is encrypted: not the plaintext, AES-GCM envelope, 32 bytes longer', async () => {
    const marker = `secret-${Date.now()}`;
    const data = files.utf8Text(marker);
    const up = await ok(citizen, { name: 'secret.txt', data });
    const stored = await t.object(up.id);
    expect(stored.length).toBe(data.length + 32);
    expect(stored.subarray(0, 4).toString()).toBe('OTK1');
    expect(stored.includes(Buffer.from(marker))).toBe(false);
    expect(stored.includes(data.subarray(0, 16))).toBe(false);
  });

  it('image previews are re-encoded thumbnails without EXIF/GPS', async () => {
    const data = await files.jpegWithGps();
    expect((await sharp(data).metadata()).exif).toBeDefined();
    const up = await ok(citizen, { name: 'gps.jpg', data });
    expect(up.hasPreview).toBe(true);
    const res = await fetch(`${t.base}/api/v1/attachments/${up.id}/preview`, { headers: { authorization: `Bearer ${citizen}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const preview = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(preview).metadata();
    expect(meta).toMatchObject({ format: 'jpeg' });
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(320);
    expect(meta.exif).toBeUndefined();
    expect(preview.includes(Buffer.from('TestCam'))).toBe(false);
    const pdfUp = await ok(citizen, { name: 'x.pdf', data: files.pdf() });
    expect(pdfUp.hasPreview).toBe(false);
    expect((await fetch(`${t.base}/api/v1/attachments/${pdfUp.id}/preview`, { headers: { authorization: `Bearer ${citizen}` } })).status).toBe(404);
  });

  it('range requests: 206 with Content-Range, suffix ranges, 416 past the end', async () => {
    const data = files.pdfOfSize(100_000);
    const up = await ok(citizen, { name: 'range.pdf', data });
    const part = await download(t.base, citizen, up.id, { range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${data.length}`);
    expect(part.bytes.equals(data.subarray(10, 20))).toBe(true);
    const suffix = await download(t.base, citizen, up.id, { range: 'bytes=-7' });
    expect(suffix.bytes.equals(data.subarray(data.length - 7))).toBe(true);
    const stale = await download(t.base, citizen, up.id, { range: 'bytes=0-9', 'if-range': '"other"' });
    expect(stale.status).toBe(200);
    expect(stale.bytes.length).toBe(data.length);
    const past = await download(t.base, citizen, up.id, { range: `bytes=${data.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${data.length}`);
  });

  it('access: owner, staff of the department and supervisors above; everyone else gets the same 404 as for a missing file', async () => {
    const up = await ok(citizen, { name: 'evidence.pdf', data: files.pdf() });
    // Unbound: only the uploader.
    for (const token of [citizen2, operator, supervisor]) expect((await download(t.base, token, up.id)).status).toBe(404);
    const appeal = await fileTech(citizen, { attachmentIds: [up.id] });
    expect((await download(t.base, citizen, up.id)).status).toBe(200);
    expect((await download(t.base, operator, up.id)).status).toBe(200);
    expect((await download(t.base, supervisor, up.id)).status).toBe(200);
    const missing = await download(t.base, citizen, '00000000-0000-4000-8000-000000000000');
    for (const token of [citizen2, poolOperator]) {
      const denied = await download(t.base, token, up.id);
      expect(denied.status).toBe(404);
      expect(JSON.parse(denied.bytes.toString())).toMatchObject({ code: 'not_found' });
      expect(denied.status).toBe(missing.status);
    }
    expect((await download(t.base, citizen, 'not-a-uuid')).status).toBe(404);
    // The card lists it; staff downloads are audited.
    const card = await call(t.base, 'GET', `/api/v1/appeals/${appeal.id}`, undefined, citizen);
    expect(card.body.attachments).toEqual([
      expect.objectContaining({ id: up.id, name: 'evidence.pdf', size: up.size, contentType: 'application/pdf', scanStatus: 'not_scanned', hasPreview: false, appealId: appeal.id }),
    ]);
    const auditor = await login(t.base, DEMO.auditor);
    const audit = await call(t.base, 'GET', `/api/v1/audit?action=attachment.download&entityId=${up.id}`, undefined, auditor);
    expect(audit.body.items.map((i: { actorRole: string }) => i.actorRole).sort()).toEqual(['operator', 'supervisor']);
  });

  it('binding checks: only own unattached uploads; twice is refused', async () => {
    const mine = await ok(citizen, { name: 'a.txt', data: files.utf8Text('bind') });
    const theirs = await ok(citizen2, { name: 'b.txt', data: files.utf8Text('bind2') });
    const foreign = await call(t.base, 'POST', '/api/v1/appeals', appealInput({ attachmentIds: [theirs.id] }), citizen);
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'attachmentIds', code: 'attachment_unavailable' })]);
    await fileTech(citizen, { attachmentIds: [mine.id] });
    const again = await call(t.base, 'POST', '/api/v1/appeals', appealInput({ attachmentIds: [mine.id] }), citizen);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'attachmentIds', code: 'attachment_unavailable' })]);
  });

  it('the 21st MB of an appeal is refused at upload (nothing stored) and at binding', async () => {
    const parts = [];
    for (let i = 0; i < 4; i++) parts.push(await ok(citizen2, { name: `part${i}.pdf`, data: files.pdfOfSize(5 * MB) }));
    const appeal = await fileTech(citizen2, { attachmentIds: parts.map((p) => p.id) });
    const before = await t.stored();
    const extra = await upload(t.base, citizen2, { name: 'more.pdf', data: files.pdfOfSize(MB) }, { appealId: appeal.id });
    expect(extra.status).toBe(422);
    expect(extra.body.errors[0]).toMatchObject({ field: 'file', code: 'appeal_total_exceeded' });
    expect(await t.stored()).toEqual(before);
    const loose = await ok(citizen2, { name: 'more.pdf', data: files.pdfOfSize(MB) });
    const bind = await call(t.base, 'POST', `/api/v1/appeals/${appeal.id}/materials`, { attachmentIds: [loose.id] }, citizen2);
    expect(bind.status).toBe(422);
    expect(bind.body.errors[0]).toMatchObject({ field: 'attachmentIds', code: 'appeal_total_exceeded' });
    expect((await call(t.base, 'DELETE', `/api/v1/attachments/${loose.id}`, undefined, citizen2)).status).toBe(204);
    expect(await t.stored()).toEqual(before);
  }, 60_000);

  it('an interrupted upload leaves nothing behind', async () => {
    const before = await t.stored();
    const boundary = '----otklik-interrupted';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const total = head.length + 4 * MB;
    const url = new URL(`${t.base}/api/v1/attachments`);
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { authorization: `Bearer ${citizen}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(total) },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(head);
      req.write(files.pdfOfSize(MB));
      setTimeout(() => req.destroy(), 300);
    });
    // The server notices the reset and cleans up asynchronously.
    const deadline = Date.now() + 5000;
    let after = await t.stored();
    while (Date.now() < deadline && after.join() !== before.join()) {
      await new Promise((r) => setTimeout(r, 100));
      after = await t.stored();
    }
    expect(after).toEqual(before);
  });

  it('DELETE: an unattached upload or one on a draft; not once the appeal is submitted or the message sent', async () => {
    const loose = await ok(citizen, { name: 'loose.txt', data: files.utf8Text('del') });
    expect((await call(t.base, 'DELETE', `/api/v1/attachments/${loose.id}`, undefined, citizen2)).status).toBe(404);
    const before = await t.stored();
    expect((await call(t.base, 'DELETE', `/api/v1/attachments/${loose.id}`, undefined, citizen)).status).toBe(204);
    expect((await download(t.base, citizen, loose.id)).status).toBe(404);
    expect((await t.stored()).length).toBe(before.length - 1);

    const onDraft = await ok(citizen, { name: 'draft.txt', data: files.utf8Text('draft') });
    const draft = await fileTech(citizen, { draft: true, attachmentIds: [onDraft.id] });
    expect(draft.status).toBe('draft');
    expect((await call(t.base, 'DELETE', `/api/v1/attachments/${onDraft.id}`, undefined, citizen)).status).toBe(204);

    const onAppeal = await ok(citizen, { name: 'sent.txt', data: files.utf8Text('sent') });
    const appeal = await fileTech(citizen, { attachmentIds: [onAppeal.id] });
    const locked = await call(t.base, 'DELETE', `/api/v1/attachments/${onAppeal.id}`, undefined, citizen);
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('attachment_locked');

    const onMessage = await ok(citizen, { name: 'msg.txt', data: files.utf8Text('msg') });
    const message = await call(t.base, 'POST', `/api/v1/appeals/${appeal.id}/messages`, { text: 'Дополнение', attachmentIds: [onMessage.id] }, citizen);
    expect(message.status).toBe(201);
    expect((await call(t.base, 'DELETE', `/api/v1/attachments/${onMessage.id}`, undefined, citizen)).status).toBe(409);
    const card = await call(t.base, 'GET', `/api/v1/appeals/${appeal.id}`, undefined, citizen);
    expect(card.body.attachments.find((a: { id: string }) => a.id === onMessage.id)).toMatchObject({ messageId: message.body.id });
  });

  it("an internal note's files are staff-only", async () => {
    const appeal = await fileTech(citizen);
    const note = await ok(operator, { name: 'note.txt', data: files.utf8Text('internal') });
    const posted = await call(t.base, 'POST', `/api/v1/appeals/${appeal.id}/messages`, { text: 'Служебная заметка', internal: true, attachmentIds: [note.id] }, operator);
    expect(posted.status).toBe(201);
    expect((await download(t.base, operator, note.id)).status).toBe(200);
    expect((await download(t.base, citizen, note.id)).status).toBe(404);
    const citizenCard = await call(t.base, 'GET', `/api/v1/appeals/${appeal.id}`, undefined, citizen);
    expect(citizenCard.body.attachments).toEqual([]);
    const staffCard = await call(t.base, 'GET', `/api/v1/staff/appeals/${appeal.id}`, undefined, operator);
    expect(staffCard.body.attachments.map((a: { id: string }) => a.id)).toEqual([note.id]);
  });

  it('«Добавить материалы»: on an open appeal with a history row; from awaiting_citizen back to in_progress with the clock restarted', async () => {
    const appeal = await fileTech(citizen);
    const first = await ok(citizen, { name: 'm1.pdf', data: files.pdf() });
    const added = await call(t.base, 'POST', `/api/v1/appeals/${appeal.number}/materials`, { attachmentIds: [first.id], comment: 'Копия договора' }, citizen);
    expect(added.status).toBe(200);
    expect(added.body.status).toBe('registered');
    const history = await call(t.base, 'GET', `/api/v1/appeals/${appeal.id}/history`, undefined, citizen);
    expect(history.body.at(-1)).toMatchObject({ event: 'materials_added', label: 'Добавлены материалы', comment: 'Копия договора', fromStatus: 'registered', toStatus: 'registered' });
    const other = await ok(citizen2, { name: 'm2.pdf', data: files.pdf() });
    expect((await call(t.base, 'POST', `/api/v1/appeals/${appeal.id}/materials`, { attachmentIds: [other.id] }, citizen2)).status).toBe(404);
    expect((await call(t.base, 'POST', `/api/v1/appeals/${appeal.id}/materials`, { attachmentIds: [] }, citizen)).status).toBe(422);
    // The workflow that moves an appeal to awaiting_citizen is another issue's; the state is set directly.
    await db.query(
      `UPDATE appeals SET status = 'awaiting_citizen', sla_paused_at = now() - interval '3 days', due_at = now() + interval '20 days' WHERE id = $1`,
      [appeal.id],
    );
    const { rows: [was] } = await db.query(`SELECT due_at FROM appeals WHERE id = $1`, [appeal.id]);
    const second = await ok(citizen, { name: 'm3.pdf', data: files.pdf() });
    const resumed = await call(t.base, 'POST', `/api/v1/appeals/${appeal.id}/materials`, { attachmentIds: [second.id] }, citizen);
    expect(resumed.body.status).toBe('in_progress');
    const { rows: [now] } = await db.query(`SELECT status, sla_paused_at, due_at FROM appeals WHERE id = $1`, [appeal.id]);
    expect(now.sla_paused_at).toBeNull();
    expect(now.due_at.getTime()).toBeGreaterThan(was.due_at.getTime());
    await db.query(`UPDATE appeals SET status = 'closed' WHERE id = $1`, [appeal.id]);
    const third = await ok(citizen, { name: 'm4.pdf', data: files.pdf() });
    const closed = await call(t.base, 'POST', `/api/v1/appeals/${appeal.id}/materials`, { attachmentIds: [third.id] }, citizen);
    expect(closed.status).toBe(409);
  });

  it('uploads need a multipart body with a file', async () => {
    const json = await call(t.base, 'POST', '/api/v1/attachments', { file: 'x' }, citizen);
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append('note', 'no file here');
    const res = await fetch(`${t.base}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${citizen}` }, body: form });
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].code).toBe('file_missing');
  });
});

/**
 * A tiny clamd speaking the real INSTREAM protocol over a unix socket (a protocol peer, not a
 * mock of our code): length-prefixed chunks until a zero length, then `stream: OK` or
 * `stream: <signature> FOUND`. Detects the EICAR test string.
 */
async function startFakeClamd(path: string): Promise<{ scans: number; close(): Promise<void> }> {
  const state = { scans: 0 };
  const server: Server = createServer((socket: Socket) => {
    let buffer = Buffer.alloc(0);
    let command = false;
    const content: Buffer[] = [];
    socket.on('data', (d: Buffer) => {
      buffer = Buffer.concat([buffer, d]);
      if (!command) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        if (buffer.subarray(0, end).toString() !== 'zINSTREAM') return void socket.end('UNKNOWN COMMAND\0');
        command = true;
        buffer = buffer.subarray(end + 1);
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          state.scans++;
          const infected = Buffer.concat(content).includes(files.EICAR);
          socket.end(infected ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffer.length < 4 + length) return;
        content.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return Object.assign(state, {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if (existsSync(path)) unlinkSync(path);
      }),
  });
}

describe('attachments: malware scan (clamd), daily quota, clean-up of unbound uploads', () => {
  let server: RunningServer;
  let clamd: Awaited<ReturnType<typeof startFakeClamd>>;
  let socketDir: string;
  let citizen: string;
  let citizen2: string;
  let operator: string;
  let techId: string;
  /** A file bound while clamd was down (the housekeeping test), rescanned by the last test. */
  let keptId: string;
  const stored = () => walk(join(server.dataDir, 'attachments'));

  beforeAll(async () => {
    socketDir = mkdtempSync(join(tmpdir(), 'otklik-clamd-'));
    const socket = join(socketDir, 'clamd.sock');
    clamd = await startFakeClamd(socket);
    server = await startServer({ CLAMD_SOCKET: socket, CLOCK_CONTROL: 'true', ATTACHMENT_DAILY_QUOTA_MB: '1', CLAMD_TIMEOUT_MS: '2000' });
    [citizen, citizen2, operator] = await Promise.all([DEMO.citizen, DEMO.citizen2, DEMO.operator].map((who) => login(server.baseUrl, who)));
    const categories = (await call(server.baseUrl, 'GET', '/api/v1/catalog/categories')).body as { id: string; code: string }[];
    techId = categories.find((c) => c.code === 'tech')!.id;
  }, 120_000);
  afterAll(async () => {
    await clamd?.close();
    if (server) await stopRunning(server);
    rmSync(socketDir, { recursive: true, force: true });
  }, 60_000);

  it('a clean file is scanned while it streams and is downloadable', async () => {
    const before = clamd.scans;
    const res = await upload(server.baseUrl, citizen, { name: 'clean.pdf', data: files.pdf() });
    expect(res.status).toBe(201);
    expect(res.body.scanStatus).toBe('clean');
    expect(clamd.scans).toBe(before + 1);
    expect((await download(server.baseUrl, citizen, res.body.id)).status).toBe(200);
  });

  it('an infected file (EICAR) is refused and nothing is stored', async () => {
    const before = stored();
    const res = await upload(server.baseUrl, citizen, { name: 'eicar.txt', data: files.EICAR });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'file', code: 'malware_found' });
    expect(stored()).toEqual(before);
  });

  it('with clamd down the upload is kept as scan failed: staff see it, the citizen gets a clear refusal', async () => {
    await clamd.close();
    const res = await upload(server.baseUrl, citizen, { name: 'unscanned.pdf', data: files.pdf() });
    expect(res.status).toBe(201);
    expect(res.body.scanStatus).toBe('failed');
    const appeal = await call(
      server.baseUrl,
      'POST',
      '/api/v1/appeals',
      { type: 'question', categoryId: techId, subject: 'Не проверено', text: 'Файл без проверки.', attachmentIds: [res.body.id] },
      citizen,
    );
    expect(appeal.status).toBe(201);
    const refused = await download(server.baseUrl, citizen, res.body.id);
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.bytes.toString())).toMatchObject({ code: 'attachment_scan_failed' });
    expect(JSON.parse(refused.bytes.toString()).title).toContain('unscanned.pdf');
    const card = await call(server.baseUrl, 'GET', `/api/v1/staff/appeals/${appeal.body.id}`, undefined, operator);
    expect(card.body.attachments[0]).toMatchObject({ id: res.body.id, scanStatus: 'failed' });
  });

  it('the per-citizen daily quota refuses uploads past it (nothing stored) and frees up after 24 h', async () => {
    const first = await upload(server.baseUrl, citizen2, { name: 'q1.pdf', data: files.pdfOfSize(700 * 1024) });
    expect(first.status).toBe(201);
    const before = stored();
    const second = await upload(server.baseUrl, citizen2, { name: 'q2.pdf', data: files.pdfOfSize(700 * 1024) });
    expect(second.status).toBe(422);
    expect(second.body.errors[0]).toMatchObject({ field: 'file', code: 'daily_quota_exceeded' });
    expect(stored()).toEqual(before);
    await call(server.baseUrl, 'PUT', '/api/v1/test/clock', { offsetMs: 25 * 3600_000 });
    try {
      const later = await upload(server.baseUrl, citizen2, { name: 'q3.pdf', data: files.pdfOfSize(700 * 1024) });
      expect(later.status).toBe(201);
    } finally {
      await call(server.baseUrl, 'PUT', '/api/v1/test/clock', { offsetMs: 0 });
    }
  });

  it('housekeeping removes uploads left unbound for 24 h, objects included; bound ones stay', async () => {
    const loose = await upload(server.baseUrl, citizen, { name: 'forgotten.png', data: await files.png() });
    expect(loose.body.hasPreview).toBe(true);
    const kept = await upload(server.baseUrl, citizen, { name: 'kept.txt', data: files.utf8Text('kept') });
    keptId = kept.body.id;
    await call(server.baseUrl, 'POST', '/api/v1/appeals', { type: 'question', categoryId: techId, subject: 'Храним', text: 'Файл прикреплён.', attachmentIds: [kept.body.id] }, citizen);
    const objects = () => stored().filter((p) => p.includes(`${loose.body.id}`));
    expect(objects()).toHaveLength(2); // the file and its preview
    const early = await call(server.baseUrl, 'POST', '/api/v1/test/housekeeping');
    expect(early.status).toBe(200);
    expect(objects()).toHaveLength(2);
    await call(server.baseUrl, 'PUT', '/api/v1/test/clock', { offsetMs: 25 * 3600_000 });
    try {
      const round = await call(server.baseUrl, 'POST', '/api/v1/test/housekeeping');
      expect(round.body.attachments).toBeGreaterThanOrEqual(1);
    } finally {
      await call(server.baseUrl, 'PUT', '/api/v1/test/clock', { offsetMs: 0 });
    }
    expect(objects()).toEqual([]);
    expect((await download(server.baseUrl, citizen, loose.body.id)).status).toBe(404);
    // The bound one stays (it is unavailable only because clamd is down since the test above).
    expect(stored().filter((p) => p.includes(kept.body.id))).toHaveLength(1);
    expect((await download(server.baseUrl, citizen, kept.body.id)).status).toBe(409);
  });

  it('an object whose upload died before it was recorded is removed an hour later; a recorded upload leaves no intent behind', async () => {
    const done = await upload(server.baseUrl, citizen, { name: 'recorded.txt', data: files.utf8Text('recorded') });
    expect(done.status).toBe(201);
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      expect((await db.query(`SELECT 1 FROM storage_purges WHERE storage_key = $1`, [done.body.id])).rowCount).toBe(0);
      // What a process that died between storing the object and recording it leaves: the object
      // and the intent written before it (here copied from the recorded upload).
      const orphanKey = randomUUID();
      const source = stored().find((p) => p.endsWith(done.body.id))!;
      const orphan = join(server.dataDir, 'attachments', 'objects', orphanKey.slice(0, 2), orphanKey);
      mkdirSync(dirname(orphan), { recursive: true });
      copyFileSync(source, orphan);
      await db.query(`INSERT INTO storage_purges (storage_key, reason, not_before) VALUES ($1, 'upload_unconfirmed', now() + interval '1 hour')`, [orphanKey]);
      await call(server.baseUrl, 'POST', '/api/v1/test/housekeeping');
      expect(existsSync(orphan)).toBe(true);
      await call(server.baseUrl, 'PUT', '/api/v1/test/clock', { offsetMs: 2 * 3600_000 });
      try {
        await call(server.baseUrl, 'POST', '/api/v1/test/housekeeping');
      } finally {
        await call(server.baseUrl, 'PUT', '/api/v1/test/clock', { offsetMs: 0 });
      }
      expect(existsSync(orphan)).toBe(false);
      expect(existsSync(source)).toBe(true);
      expect((await db.query(`SELECT 1 FROM storage_purges WHERE storage_key = $1`, [orphanKey])).rowCount).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('once clamd is back, housekeeping rescans the files whose scan failed: clean ones become downloadable', async () => {
    // Still down: the round tries, keeps the files blocked, and says so.
    const down = await call(server.baseUrl, 'POST', '/api/v1/test/housekeeping');
    expect(down.body.rescanned).toMatchObject({ clean: 0, failed: 1 });
    expect((await download(server.baseUrl, citizen, keptId)).status).toBe(409);
    clamd = await startFakeClamd(join(socketDir, 'clamd.sock'));
    const before = clamd.scans;
    const round = await call(server.baseUrl, 'POST', '/api/v1/test/housekeeping');
    // Every file uploaded while clamd was down and still kept («unscanned.pdf», «kept.txt», a quota-test upload).
    expect(round.body.rescanned).toMatchObject({ infected: 0, failed: 0 });
    expect(round.body.rescanned.clean).toBeGreaterThanOrEqual(2);
    expect(clamd.scans).toBe(before + round.body.rescanned.clean);
    const file = await download(server.baseUrl, citizen, keptId);
    expect(file.status).toBe(200);
    expect(file.bytes.toString()).toContain('kept');
    // Nothing left to rescan.
    expect((await call(server.baseUrl, 'POST', '/api/v1/test/housekeeping')).body.rescanned).toEqual({ clean: 0, infected: 0, failed: 0 });
  });
});

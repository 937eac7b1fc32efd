import { Client } from 'pg';
import { BASE_URL, DEMO, raw, signedIn } from './support/api';
import { appealInput, category } from './support/factories';
import { pdf } from './support/files';
import { solvedCaptcha } from './support/identity';

/**
 * Files of unidentified feedback (issue 19, the citizen widget): POST /public/upload-sessions
 * (CAPTCHA) → POST /public/attachments (X-Upload-Session) → POST /public/appeals binds them.
 */
describe('public uploads: POST /public/upload-sessions, POST /public/attachments', () => {
  // The shared server counts public filings per IP (10 an hour), and every e2e file comes from
  // 127.0.0.1: this file starts and ends with the public buckets empty, so its filings and other
  // files' do not throttle each other (the limits themselves are the public-appeals e2e's concern).
  const clearPublicBuckets = async () => {
    const db = new Client({ connectionString: process.env.OTKLIK_DATABASE_URL });
    await db.connect();
    await db.query(`DELETE FROM rate_events WHERE bucket LIKE 'public-%'`);
    await db.end();
  };
  beforeAll(clearPublicBuckets);
  afterAll(clearPublicBuckets);

  const openSession = async () => {
    const res = await raw('/api/v1/public/upload-sessions', { method: 'POST', body: JSON.stringify({ captcha: await solvedCaptcha(BASE_URL()) }) });
    expect(res.status).toBe(201);
    return res.body as { uploadSession: string; maxFiles: number; maxFileBytes: number; maxTotalBytes: number; accept: string[]; expiresAt: string };
  };
  const multipart = async (path: string, content: Buffer, name: string, type: string, headers: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), name);
    const res = await fetch(`${BASE_URL()}${path}`, { method: 'POST', body: form, headers });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const upload = (session: string | undefined, content: Buffer, name: string, type = 'application/octet-stream', headers: Record<string, string> = {}) =>
    multipart('/api/v1/public/attachments', content, name, type, session === undefined ? headers : { ...headers, 'X-Upload-Session': session });
  const file = async (extra: Record<string, unknown>) => {
    const tech = await category('tech');
    return raw('/api/v1/public/appeals', {
      method: 'POST',
      body: JSON.stringify({ ...(await appealInput({ categoryId: tech.id, subcategoryId: (await category('tech-cabinet')).id })), surname: 'Орлова', email: 'orlova@example.ru', captcha: await solvedCaptcha(BASE_URL()), ...extra }),
    });
  };

  it('a session needs a solved CAPTCHA, once, and tells the upload rules', async () => {
    const missing = await raw('/api/v1/public/upload-sessions', { method: 'POST', body: '{}' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['captcha']);
    const captcha = await solvedCaptcha(BASE_URL());
    const first = await raw('/api/v1/public/upload-sessions', { method: 'POST', body: JSON.stringify({ captcha }) });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ maxFiles: 10, maxFileBytes: 5 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024 });
    expect(first.body.accept).toEqual(expect.arrayContaining(['.pdf', '.docx', '.jpg', '.png', '.txt']));
    const replay = await raw('/api/v1/public/upload-sessions', { method: 'POST', body: JSON.stringify({ captcha }) });
    expect(replay.status).toBe(422);
    expect(replay.body.errors[0].field).toBe('captcha');
  });

  it('an upload without a genuine, unexpired session is refused', async () => {
    const { uploadSession } = await openSession();
    const [id, exp, mac] = uploadSession.split('.');
    for (const session of [undefined, '', 'nonsense', `${id}.${Number(exp) + 3_600_000}.${mac}`, `${id}.${exp}.${'A'.repeat(43)}`]) {
      const res = await upload(session, pdf(), 'scan.pdf', 'application/pdf');
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('upload_session_invalid');
    }
  });

  it('checks every file like any upload: a forbidden type is a 422 naming the file and the reason', async () => {
    const { uploadSession } = await openSession();
    const html = await upload(uploadSession, Buffer.from('<html><script>alert(1)</script></html>'), 'page.html', 'text/html');
    expect(html.status).toBe(422);
    expect(html.body.code).toBe('attachment_rejected');
    expect(html.body.errors[0]).toMatchObject({ field: 'file', code: 'file_markup' });
    const exe = await upload(uploadSession, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]), 'tool.exe');
    expect(exe.status).toBe(422);
    expect(exe.body.errors[0]).toMatchObject({ field: 'file', code: 'file_type_not_allowed' });
    const en = await upload(uploadSession, Buffer.from('MZ\x90\x00'), 'x.exe', 'application/octet-stream', { 'Accept-Language': 'en' });
    expect(en.body.errors[0].message).toBe('File type not allowed: PDF, DOC, DOCX, JPG, PNG and TXT are accepted');
  });

  it('a session holds at most one appeal’s files', async () => {
    const { uploadSession, maxFiles } = await openSession();
    for (let i = 0; i < maxFiles; i++) expect((await upload(uploadSession, Buffer.from(`note ${i}\n`), `note-${i}.txt`, 'text/plain')).status).toBe(201);
    const over = await upload(uploadSession, Buffer.from('one more\n'), 'more.txt', 'text/plain');
    expect(over.status).toBe(422);
    expect(over.body.errors[0]).toMatchObject({ field: 'file', code: 'too_many_files' });
  });

  it('the filing binds the session’s files; staff handling the appeal see and download them; nobody else can bind them', async () => {
    const { uploadSession } = await openSession();
    const content = pdf('% widget attachment\n');
    const uploaded = await upload(uploadSession, content, 'акт осмотра.pdf', 'application/pdf');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: 'акт осмотра.pdf', contentType: 'application/pdf', size: content.length, appealId: null });
    const id = uploaded.body.id as string;

    // Ids without their session, or with another session, bind nothing (and spend no appeal).
    const noSession = await file({ attachmentIds: [id] });
    expect(noSession.status).toBe(422);
    expect(noSession.body.errors[0]).toMatchObject({ field: 'uploadSession', code: 'upload_session_invalid' });
    const other = await openSession();
    const foreign = await file({ attachmentIds: [id], uploadSession: other.uploadSession });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0]).toMatchObject({ field: 'attachmentIds', code: 'attachment_unavailable' });
    // A citizen's own upload cannot be bound through a public session either.
    const citizen = await signedIn(DEMO.citizen);
    const mine = await multipart('/api/v1/attachments', pdf(), 'mine.pdf', 'application/pdf', { authorization: `Bearer ${citizen.token}` });
    expect(mine.status).toBe(201);
    const stolen = await file({ attachmentIds: [mine.body.id], uploadSession });
    expect(stolen.status).toBe(422);
    expect(stolen.body.errors[0].code).toBe('attachment_unavailable');

    const filed = await file({ attachmentIds: [id], uploadSession });
    expect(filed.status).toBe(201);
    const operator = await signedIn(DEMO.operator);
    const card = await raw(`/api/v1/staff/appeals/${filed.body.number}`, { token: operator.token });
    expect(card.status).toBe(200);
    expect(card.body.attachments).toEqual([expect.objectContaining({ id, name: 'акт осмотра.pdf', size: content.length })]);
    const download = await fetch(`${BASE_URL()}/api/v1/attachments/${id}`, { headers: { authorization: `Bearer ${operator.token}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
    // Bound once: the same ids cannot go to a second appeal; a citizen cannot read them.
    const again = await file({ attachmentIds: [id], uploadSession });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].code).toBe('attachment_unavailable');
    expect((await raw(`/api/v1/attachments/${id}`, { token: citizen.token })).status).toBe(404);
  });

  it('CORS: an allowed widget origin may call the upload routes, any other origin gets no CORS answer', async () => {
    const admin = await signedIn(DEMO.admin);
    const allowed = 'http://widget-host.example.ru';
    expect((await admin.PUT('/api/v1/admin/widget-origins', { body: { origins: [allowed] } })).response.status).toBe(200);
    try {
      for (const path of ['/api/v1/public/upload-sessions', '/api/v1/public/attachments']) {
        const preflight = (origin: string) =>
          fetch(`${BASE_URL()}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-upload-session' } });
        const ok = await preflight(allowed);
        expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
        expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-upload-session');
        expect((await preflight('http://elsewhere.example.ru')).headers.get('access-control-allow-origin')).toBeNull();
      }
      // A staff route stays closed to the widget origin.
      const staff = await fetch(`${BASE_URL()}/api/v1/staff/appeals`, { method: 'OPTIONS', headers: { origin: allowed, 'access-control-request-method': 'GET' } });
      expect(staff.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await admin.PUT('/api/v1/admin/widget-origins', { body: { origins: [] } });
    }
  });
});

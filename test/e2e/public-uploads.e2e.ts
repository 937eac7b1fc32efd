import { randomUUID } from 'node:crypto';
import { DEMO } from './support/api';
import { pdf } from './support/files';
import { call, solvedCaptcha } from './support/identity';
import { RunningServer, startServer, stopRunning } from './support/server';

/**
 * Files of unidentified feedback (issue 19, the citizen widget): POST /public/upload-sessions
 * (CAPTCHA) → POST /public/attachments (X-Upload-Session) → POST /public/appeals binds them.
 */
describe('public uploads: POST /public/upload-sessions, POST /public/attachments', () => {
  // Its own server: public filings and upload sessions are limited per client address, and on the
  // shared server every e2e file comes from 127.0.0.1 (the public-appeals e2e spends that budget).
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    server = await startServer();
    base = server.baseUrl;
  }, 120_000);
  afterAll(async () => {
    if (server) await stopRunning(server);
  });

  const raw = (path: string, init: { method?: string; body?: unknown; token?: string } = {}) => call(base, init.method ?? 'GET', path, init.body, init.token);
  const login = async (who: { login: string; password: string }) => {
    const res = await call(base, 'POST', '/api/v1/auth/login', who);
    expect(res.status).toBe(200);
    return { token: res.body.accessToken as string };
  };
  const category = async (code: string): Promise<{ id: string }> => {
    const tree = (await call(base, 'GET', '/api/v1/catalog/categories')).body as { id: string; code: string; children: { id: string; code: string }[] }[];
    return tree.flatMap((c) => [c, ...c.children]).find((c) => c.code === code)!;
  };

  const openSession = async () => {
    const res = await raw('/api/v1/public/upload-sessions', { method: 'POST', body: { captcha: await solvedCaptcha(base) } });
    expect(res.status).toBe(201);
    return res.body as { uploadSession: string; maxFiles: number; maxFileBytes: number; maxTotalBytes: number; accept: string[]; expiresAt: string };
  };
  const multipart = async (path: string, content: Buffer, name: string, type: string, headers: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), name);
    const res = await fetch(`${base}${path}`, { method: 'POST', body: form, headers });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const upload = (session: string | undefined, content: Buffer, name: string, type = 'application/octet-stream', headers: Record<string, string> = {}) =>
    multipart('/api/v1/public/attachments', content, name, type, session === undefined ? headers : { ...headers, 'X-Upload-Session': session });
  const file = async (extra: Record<string, unknown>) => {
    const tech = await category('tech');
    return raw('/api/v1/public/appeals', {
      method: 'POST',
      body: {
        type: 'question',
        categoryId: tech.id,
        subcategoryId: (await category('tech-cabinet')).id,
        subject: `Вопрос ${randomUUID().slice(0, 8)}`,
        text: 'Прошу разъяснить порядок получения услуги.',
        surname: 'Орлова',
        email: 'orlova@example.ru',
        captcha: await solvedCaptcha(base),
        ...extra,
      },
    });
  };

  it('a session needs a solved CAPTCHA, once, and tells the upload rules', async () => {
    const missing = await raw('/api/v1/public/upload-sessions', { method: 'POST', body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['captcha']);
    const captcha = await solvedCaptcha(base);
    const first = await raw('/api/v1/public/upload-sessions', { method: 'POST', body: { captcha } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ maxFiles: 10, maxFileBytes: 5 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024 });
    expect(first.body.accept).toEqual(expect.arrayContaining(['.pdf', '.docx', '.jpg', '.png', '.txt']));
    const replay = await raw('/api/v1/public/upload-sessions', { method: 'POST', body: { captcha } });
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
    const citizen = await login(DEMO.citizen);
    const mine = await multipart('/api/v1/attachments', pdf(), 'mine.pdf', 'application/pdf', { authorization: `Bearer ${citizen.token}` });
    expect(mine.status).toBe(201);
    const stolen = await file({ attachmentIds: [mine.body.id], uploadSession });
    expect(stolen.status).toBe(422);
    expect(stolen.body.errors[0].code).toBe('attachment_unavailable');

    const filed = await file({ attachmentIds: [id], uploadSession });
    expect(filed.status).toBe(201);
    const operator = await login(DEMO.operator);
    const card = await raw(`/api/v1/staff/appeals/${filed.body.number}`, { token: operator.token });
    expect(card.status).toBe(200);
    expect(card.body.attachments).toEqual([expect.objectContaining({ id, name: 'акт осмотра.pdf', size: content.length })]);
    const download = await fetch(`${base}/api/v1/attachments/${id}`, { headers: { authorization: `Bearer ${operator.token}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
    // Bound once: the same ids cannot go to a second appeal; a citizen cannot read them.
    const again = await file({ attachmentIds: [id], uploadSession });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].code).toBe('attachment_unavailable');
    expect((await raw(`/api/v1/attachments/${id}`, { token: citizen.token })).status).toBe(404);
  });

  it('CORS: an allowed widget origin may call the upload routes, any other origin gets no CORS answer', async () => {
    const admin = await login(DEMO.admin);
    const allowed = 'http://widget-host.example.ru';
    expect((await call(base, 'PUT', '/api/v1/admin/widget-origins', { origins: [allowed] }, admin.token)).status).toBe(200);
    try {
      for (const path of ['/api/v1/public/upload-sessions', '/api/v1/public/attachments']) {
        const preflight = (origin: string) =>
          fetch(`${base}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-upload-session' } });
        const ok = await preflight(allowed);
        expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
        expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-upload-session');
        expect((await preflight('http://elsewhere.example.ru')).headers.get('access-control-allow-origin')).toBeNull();
      }
      // A staff route stays closed to the widget origin.
      const staff = await fetch(`${base}/api/v1/staff/appeals`, { method: 'OPTIONS', headers: { origin: allowed, 'access-control-request-method': 'GET' } });
      expect(staff.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await call(base, 'PUT', '/api/v1/admin/widget-origins', { origins: [] }, admin.token);
    }
  });
});

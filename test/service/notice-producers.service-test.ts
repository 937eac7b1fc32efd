import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moscowDate, StaffAction } from '../../shared/domain';
import { AppConfig } from '../../backend/src/config/app-config';
import { APP_CONFIG } from '../../backend/src/config/config.module';
import { AttachmentCipher } from '../../backend/src/modules/attachments/attachment-cipher';
import { spoolDirOf } from '../../backend/src/modules/attachments/attachment-upload.service';
import { AppealMessagesService } from '../../backend/src/modules/appeals/appeal-messages.service';
import { AttachmentsService } from '../../backend/src/modules/attachments/attachments.service';
import { noticesOf } from '../../backend/src/modules/notifications/catalogue/event-notices';
import { DispatchedEvent } from '../../backend/src/modules/outbox/domain-event';
import { OBJECT_STORAGE, ObjectStorage } from '../../backend/src/modules/attachments/storage/object-storage';
import { SlaService } from '../../backend/src/modules/workflow/sla/sla.service';
import { appeal, journalOf, openWorld, rowOf, uploadedFile, World } from './support/workflow';

/**
 * The two notice producers beside the workflow's steps, on a real PostgreSQL: the SLA tick's
 * documents reminder (`appeal.documents_due_soon`, once per request, the working day before the
 * date) and the rescan's infected file (`appeal.file_infected`, in the transaction that blocks it).
 */
let w: World;
let socketDir: string;
let clamd: { close(): Promise<void> };
beforeAll(async () => {
  socketDir = mkdtempSync(join(tmpdir(), 'otklik-clamd-'));
  const socket = join(socketDir, 'clamd.sock');
  clamd = await startInfectedClamd(socket);
  w = await openWorld({ CLAMD_SOCKET: socket, CLAMD_TIMEOUT_MS: '5000' });
}, 60_000);
afterAll(async () => {
  await w?.close();
  await clamd?.close();
  rmSync(socketDir, { recursive: true, force: true });
});

/** Moscow wall-clock time on a date. */
const moscow = (date: string, hm: string) => new Date(`${date}T${hm}:00+03:00`);

const eventsOf = (appealId: string, type: string) =>
  w.db.query<{ payload: Record<string, unknown> }[]>(`SELECT payload FROM outbox WHERE aggregate_id = $1 AND event_type = $2 ORDER BY id`, [appealId, type]);

describe('SLA tick: the documents reminder', () => {
  beforeEach(async () => {
    await w.db.query(`TRUNCATE appeals, outbox CASCADE`);
  });

  it('reminds the citizen once, on the working day before the due date from 09:00 Moscow time, with no history row', async () => {
    const calendar = await w.app.get(SlaService).calendar();
    const today = moscowDate(new Date());
    // A due date whose working day before is after today (the request is made now).
    let dueOn = calendar.addWorkingDays(today, 3);
    const remindOn = calendar.addWorkingDays(dueOn, -1);
    const dayBefore = calendar.addWorkingDays(remindOn, -1);
    const a = await appeal(w).takenBy('operator').staffStep('operator', StaffAction.RequestDocuments, { documents: ['Копия договора'], dueOn }).build();
    const before = await journalOf(w, a.id);

    expect(await w.tick.remindDocuments(moscow(dayBefore, '12:00'))).toBe(0);
    expect(await w.tick.remindDocuments(moscow(remindOn, '08:59'))).toBe(0);
    expect(await w.tick.remindDocuments(moscow(remindOn, '09:01'))).toBe(1);
    expect(await w.tick.remindDocuments(moscow(remindOn, '15:00'))).toBe(0);
    expect(await w.tick.remindDocuments(moscow(dueOn, '10:00'))).toBe(0);

    const [event] = await eventsOf(a.id, 'appeal.documents_due_soon');
    expect(event.payload).toEqual({
      appealId: a.id,
      number: Number((await rowOf(w, a.id)).number),
      citizenId: w.people.citizen.userId,
      departmentId: w.departments['tech-support'],
      type: a.type,
      status: 'awaiting_citizen',
      documentsDueOn: dueOn,
    });
    const after = await journalOf(w, a.id);
    expect(after.history).toEqual(before.history);
    expect(after.audit).toEqual(before.audit);
    expect(after.outbox.slice(before.outbox.length)).toEqual(['appeal.documents_due_soon']);
    expect((await rowOf(w, a.id)).documents_reminded_for).not.toBeNull();

    // Materials brought, documents asked for again (a later date): a new reminder for the new request.
    await w.citizen.addMaterials(w.people.citizen, a.id, { attachmentIds: [await uploadedFile(w, 'citizen')] });
    dueOn = calendar.addWorkingDays(dueOn, 3);
    await w.staff.act(w.people.operator, a.id, StaffAction.RequestDocuments, { documents: ['Ещё одна копия'], dueOn });
    expect((await rowOf(w, a.id)).documents_reminded_for).toBeNull();
    expect(await w.tick.remindDocuments(moscow(calendar.addWorkingDays(dueOn, -1), '10:00'))).toBe(1);
    expect(await eventsOf(a.id, 'appeal.documents_due_soon')).toHaveLength(2);
  });

  it('is part of the tick, skips weekends and appeals no longer waiting for documents', async () => {
    const calendar = await w.app.get(SlaService).calendar();
    const today = moscowDate(new Date());
    const dueOn = calendar.addWorkingDays(today, 3);
    const remindOn = calendar.addWorkingDays(dueOn, -1);
    await appeal(w).takenBy('operator').staffStep('operator', StaffAction.RequestDocuments, { documents: ['x'], dueOn }).build();
    // The first non-working day after today, if the reminder day is not it: nothing is sent then.
    let weekend = calendar.addCalendarDays(today, 1);
    while (calendar.isWorkingDay(weekend)) weekend = calendar.addCalendarDays(weekend, 1);
    if (weekend < dueOn) expect(await w.tick.remindDocuments(moscow(weekend, '12:00'))).toBe(0);
    const stats = await w.tick.tick(moscow(remindOn, '10:00'));
    expect(stats.documentsReminders).toBe(1);
  });
});

describe('rescan: an infected file of an appeal', () => {
  /** A file bound to the appeal whose upload scan failed (clamd was down), its object really stored. */
  async function failedFile(appealId: string, name: string): Promise<string> {
    const cipher = w.app.get(AttachmentCipher);
    const storage = w.app.get<ObjectStorage>(OBJECT_STORAGE);
    // The upload route's spool (the CLI process never made it): where objects are written whole, then renamed.
    mkdirSync(spoolDirOf(w.app.get<AppConfig>(APP_CONFIG)), { recursive: true });
    const key = cipher.newDataKey();
    const storageKey = randomUUID();
    await storage.putBuffer(storageKey, cipher.encryptBuffer(key.key, Buffer.from('%PDF-1.4 a file')));
    const [row] = await w.db.query<{ id: string }[]>(
      `INSERT INTO attachments (owner_id, owner_role, appeal_id, bound_at, original_name, name, content_type, size, sha256, storage_key, wrapped_key, key_id, scan_status, scan_detail, created_at)
       VALUES ($1, 'citizen', $2, now(), $3, $3, 'application/pdf', 15, repeat('0', 64), $4, $5, $6, 'failed', 'clamd down', now()) RETURNING id`,
      [w.people.citizen.userId, appealId, name, storageKey, key.wrapped, key.keyId],
    );
    return row.id;
  }

  beforeEach(async () => {
    await w.db.query(`DELETE FROM attachments WHERE scan_status = 'failed'`);
  });

  it('blocks it and tells the assignee, once, in the same transaction', async () => {
    const a = await appeal(w).takenBy('operator').build();
    const file = await failedFile(a.id, 'договор.pdf');
    expect(await w.app.get(AttachmentsService).rescanFailed()).toMatchObject({ infected: 1 });
    const [attachment] = await w.db.query(`SELECT scan_status FROM attachments WHERE id = $1`, [file]);
    expect(attachment.scan_status).toBe('infected');
    const events = await eventsOf(a.id, 'appeal.file_infected');
    expect(events).toHaveLength(1);
    expect(events[0].payload).toEqual({
      appealId: a.id,
      number: Number((await rowOf(w, a.id)).number),
      attachmentId: file,
      fileName: 'договор.pdf',
      departmentId: w.departments['tech-support'],
      assigneeId: w.people.operator.userId,
      recipients: [w.people.operator.userId],
    });
    expect(await w.app.get(AttachmentsService).rescanFailed()).toEqual({ clean: 0, infected: 0, failed: 0 });
    expect(await eventsOf(a.id, 'appeal.file_infected')).toHaveLength(1);
  });

  it('tells the nearest supervisors when nobody is assigned', async () => {
    const a = await appeal(w).build();
    await failedFile(a.id, 'scan.pdf');
    await w.app.get(AttachmentsService).rescanFailed();
    const [event] = await eventsOf(a.id, 'appeal.file_infected');
    // tech-support has no supervisor of its own: the administration's head.
    expect(event.payload).toMatchObject({ assigneeId: null, recipients: [w.people.supervisor.userId] });
  });
});

describe('what the step events carry for their notices', () => {
  /** The appeal's outbox events as consumers get them, with what noticesOf makes of each. */
  async function noticesFor(appealId: string) {
    const rows = await w.db.query<{ id: string; event_type: string; version: number; payload: any; created_at: Date }[]>(
      `SELECT id, event_type, version, payload, created_at FROM outbox WHERE aggregate_id = $1 ORDER BY id`,
      [appealId],
    );
    return rows.map((r) => {
      const event = { id: r.id, eventType: r.event_type, version: r.version, aggregateType: 'appeal', aggregateId: appealId, payload: r.payload, createdAt: r.created_at.toISOString() } as DispatchedEvent;
      return { type: r.event_type, payload: r.payload, notices: noticesOf(event) };
    });
  }

  it('the assignee after the step, the score of a rating, the department and assignee of a thread message', async () => {
    const operator = w.people.operator.userId;
    const a = await appeal(w).assignedTo('operator').answered().build();
    await w.citizen.rate(w.people.citizen, a.id, { score: 2, comment: 'Ответ не по существу' });
    await w.app.get(AppealMessagesService).post(w.people.citizen, a.id, { text: 'Прошу пересмотреть' });
    const events = await noticesFor(a.id);
    expect(events.map((e) => e.type)).toEqual(['appeal.submitted', 'appeal.assigned', 'appeal.answered', 'appeal.rated', 'appeal.message']);
    const [submitted, assigned, answered, rated, message] = events;
    expect(submitted.notices).toEqual([
      { kind: 'registered', to: 'citizen' },
      { kind: 'queue_new', to: 'department_staff' },
    ]);
    expect(assigned.payload).toMatchObject({ actorId: w.people.supervisor.userId, assigneeId: operator });
    expect(assigned.notices).toEqual([
      { kind: 'status_changed', to: 'citizen' },
      { kind: 'assigned', to: 'assignee' },
    ]);
    expect(answered.notices).toEqual([{ kind: 'answer_ready', to: 'citizen' }]);
    expect(rated.payload).toMatchObject({ score: 2, assigneeId: operator });
    expect(rated.notices).toEqual([{ kind: 'low_rating', to: 'assignee' }]);
    expect(message.payload).toMatchObject({ authorRole: 'citizen', departmentId: w.departments['tech-support'], assigneeId: operator });
    expect(message.notices).toEqual([{ kind: 'citizen_reply', to: 'assignee' }]);
  });
});

/** A clamd peer speaking INSTREAM that finds every stream infected. */
async function startInfectedClamd(path: string): Promise<{ close(): Promise<void> }> {
  const server: Server = createServer((socket: Socket) => {
    let buffer = Buffer.alloc(0);
    let command = false;
    socket.on('data', (d: Buffer) => {
      buffer = Buffer.concat([buffer, d]);
      if (!command) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        command = true;
        buffer = buffer.subarray(end + 1);
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) return void socket.end('stream: Eicar-Test-Signature FOUND\0');
        if (buffer.length < 4 + length) return;
        buffer = buffer.subarray(4 + length);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if (existsSync(path)) unlinkSync(path);
      }),
  };
}

import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { AppealStatus, Role } from '@otklik/shared/domain';
import { Clock } from '../../common/clock/clock';
import { Actor } from '../../common/http/actor';
import { DomainError, NotFoundError, ValidationFailedError } from '../../common/problem/domain-error';
import { AppConfig, AttachmentsConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AppealAccess } from '../appeals/appeal-access.service';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../outbox/outbox.service';
import { DepartmentTree } from '../users/department-tree.repository';
import { spoolDirOf } from './attachment-upload.service';
import { ClamdScan } from './content/clamd';
import { AttachmentCipher } from './attachment-cipher';
import { appealBudget, budgetSide } from './attachment-budget';
import { Attachment, ScanStatus } from './attachment.entity';
import { AttachmentDto, toAttachmentDto } from './dto/attachment.dto';
import { OBJECT_STORAGE, ObjectStorage } from './storage/object-storage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOWNLOADABLE: ScanStatus[] = [ScanStatus.Clean, ScanStatus.NotScanned];

export interface BindTarget {
  appealId: string;
  messageId?: string;
  answerId?: string;
}

export interface OpenedAttachment {
  attachment: Attachment;
  body: Buffer;
}

/**
 * Attachments after upload: binding to an appeal (with the per-appeal limits), listing for the
 * card, object-level access and decrypted, verified reads, removal, and the clean-up of uploads
 * nobody bound.
 */
@Injectable()
export class AttachmentsService implements OnModuleInit {
  private readonly logger = new Logger(AttachmentsService.name);
  private readonly limits: AttachmentsConfig;
  private readonly spoolDir: string;

  constructor(
    @InjectRepository(Attachment) private readonly own: Repository<Attachment>,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly cipher: AttachmentCipher,
    private readonly access: AppealAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly departments: DepartmentTree,
    private readonly outbox: OutboxService,
  ) {
    this.limits = config.attachments;
    this.spoolDir = spoolDirOf(config);
  }

  async onModuleInit(): Promise<void> {
    await this.storage.check().catch((error: Error) => {
      throw new Error(`attachment storage (${this.storage.name}) is not usable: ${error.message}`);
    });
  }

  /**
   * Binds the actor's unbound uploads to an appeal (and one of its messages or answers) inside the
   * caller's transaction. The appeal row is locked first, so two binds to one appeal cannot both
   * pass the limits. Throws ValidationFailedError on `attachmentIds` when an id is not an unbound
   * upload of this actor, or the appeal's file count or total size would be exceeded.
   */
  async bind(manager: EntityManager, actor: Actor, ids: string[], target: BindTarget): Promise<void> {
    if (ids.length === 0) return;
    const fail = (code: string, message: string): never => {
      throw new ValidationFailedError([{ field: 'attachmentIds', code, message }]);
    };
    if (new Set(ids).size !== ids.length) fail('attachment_duplicate', 'the same attachment is listed twice');
    if (ids.some((id) => !UUID.test(id))) fail('attachment_unavailable', 'not an upload of yours that is still unattached');
    if ((await this.access.lockStatus(manager, target.appealId)) === null) throw new NotFoundError('appeal');
    const rows = await manager
      .getRepository(Attachment)
      .createQueryBuilder('a')
      .where('a.id IN (:...ids)', { ids })
      .setLock('pessimistic_write')
      .getMany();
    const usable = rows.filter((r) => r.ownerId === actor.userId && r.appealId === null && r.scanStatus !== ScanStatus.Infected);
    if (usable.length !== ids.length) fail('attachment_unavailable', 'not an upload of yours that is still unattached');
    const budget = await appealBudget(manager, target.appealId, budgetSide(actor.role));
    if (budget.files + ids.length > this.limits.maxFilesPerAppeal) fail('too_many_files', `at most ${this.limits.maxFilesPerAppeal} files per appeal`);
    const bytes = usable.reduce((sum, r) => sum + r.size, 0);
    if (budget.bytes + bytes > this.limits.maxAppealBytes) {
      fail('appeal_total_exceeded', `at most ${Math.round(this.limits.maxAppealBytes / 1048576)} MB per appeal`);
    }
    await manager.update(
      Attachment,
      { id: In(ids) },
      { appealId: target.appealId, messageId: target.messageId ?? null, answerId: target.answerId ?? null, boundAt: this.clock.now(), heldBy: null },
    );
  }

  /**
   * Holds the actor's unbound uploads for `holder` (an answer draft waiting for approval), so the
   * housekeeping keeps them past the TTL; `field` names the list in a 422. Uploads the previous
   * holders held and this one does not are released (their TTL counts again from the upload).
   */
  async hold(manager: EntityManager, actor: Actor, ids: string[], holder: string, previous: string[], field: string): Promise<void> {
    if (previous.length) await manager.update(Attachment, { heldBy: In(previous), appealId: IsNull() }, { heldBy: null });
    if (ids.length === 0) return;
    const fail = (code: string, message: string): never => {
      throw new ValidationFailedError([{ field, code, message }]);
    };
    if (new Set(ids).size !== ids.length) fail('attachment_duplicate', 'the same attachment is listed twice');
    if (ids.some((id) => !UUID.test(id))) fail('attachment_unavailable', 'not an upload of yours that is still unattached');
    const rows = await manager.getRepository(Attachment).createQueryBuilder('a').where('a.id IN (:...ids)', { ids }).setLock('pessimistic_write').getMany();
    const usable = rows.filter((r) => r.ownerId === actor.userId && r.appealId === null && r.scanStatus !== ScanStatus.Infected);
    if (usable.length !== ids.length) fail('attachment_unavailable', 'not an upload of yours that is still unattached');
    await manager.update(Attachment, { id: In(ids) }, { heldBy: holder });
  }

  /**
   * Binds uploads of a public upload session (unidentified feedback) to the appeal filed with it,
   * inside the filing's transaction. Every id must be an unbound upload of that session; the
   * session itself is bounded by the per-appeal limits at upload time.
   */
  async bindPublic(manager: EntityManager, session: string, ids: string[], appealId: string): Promise<void> {
    if (ids.length === 0) return;
    const fail = (code: string, message: string): never => {
      throw new ValidationFailedError([{ field: 'attachmentIds', code, message }]);
    };
    if (new Set(ids).size !== ids.length) fail('attachment_duplicate', 'the same attachment is listed twice');
    if (ids.some((id) => !UUID.test(id))) fail('attachment_unavailable', 'not an upload of this upload session that is still unattached');
    const rows = await manager.getRepository(Attachment).createQueryBuilder('a').where('a.id IN (:...ids)', { ids }).setLock('pessimistic_write').getMany();
    const usable = rows.filter((r) => r.uploadSession === session && r.ownerId === null && r.appealId === null && r.scanStatus !== ScanStatus.Infected);
    if (usable.length !== ids.length) fail('attachment_unavailable', 'not an upload of this upload session that is still unattached');
    await manager.update(Attachment, { id: In(ids) }, { appealId, boundAt: this.clock.now() });
  }

  /**
   * The attachments of an appeal for its card. `exceptMessages`: the thread messages whose files
   * the viewer may not see (a citizen's view leaves out internal notes; the appeals module names them).
   */
  async listFor(manager: EntityManager, appealId: string, options: { exceptMessages?: readonly string[] } = {}): Promise<AttachmentDto[]> {
    const qb = manager.getRepository(Attachment).createQueryBuilder('a').where('a.appeal_id = :appealId', { appealId });
    if (options.exceptMessages?.length) {
      qb.andWhere('(a.message_id IS NULL OR NOT a.message_id = ANY(:hidden))', { hidden: options.exceptMessages });
    }
    const rows = await qb.orderBy('a.created_at', 'ASC').addOrderBy('a.id', 'ASC').getMany();
    return rows.map(toAttachmentDto);
  }

  /** The files of an answer, as its signed document lists them. */
  async filesOfAnswer(answerId: string): Promise<{ id: string; name: string; sha256: string; size: number }[]> {
    const rows = await this.own.manager.find(Attachment, { where: { answerId }, order: { createdAt: 'ASC' } });
    return rows.map((f) => ({ id: f.id, name: f.name, sha256: f.sha256, size: f.size }));
  }

  /** The metadata of an attachment the actor may see. */
  async describe(actor: Actor, id: string): Promise<AttachmentDto> {
    return toAttachmentDto(await this.visible(actor, id, this.own.manager));
  }

  /**
   * The decrypted content (or thumbnail) of an attachment the actor may see, after the GCM tag
   * and the stored SHA-256 have both been checked. Every staff read is written to the audit log.
   */
  async open(actor: Actor, id: string, variant: 'file' | 'preview', range?: { start: number; end: number }): Promise<OpenedAttachment> {
    const { attachment, appeal } = await this.visibleOnAppeal(actor, id, this.own.manager);
    if (!DOWNLOADABLE.includes(attachment.scanStatus)) {
      throw new DomainError(409, `attachment_scan_${attachment.scanStatus}`, { file: attachment.name });
    }
    const key = variant === 'file' ? attachment.storageKey : attachment.previewKey;
    if (!key) throw new NotFoundError('attachment');
    const dataKey = this.cipher.unwrap(attachment.wrappedKey, attachment.keyId);
    const body = await this.readAll(await this.storage.get(key), dataKey, variant === 'file' ? attachment.size : 1024 * 1024);
    if (variant === 'file') {
      const sha256 = createHash('sha256').update(body).digest('hex');
      if (sha256 !== attachment.sha256 || body.length !== attachment.size) {
        throw new Error(`attachment ${attachment.id}: content does not match its stored SHA-256`);
      }
    }
    if (actor.role !== Role.Citizen) {
      await this.audit.record(this.own.manager, actor, {
        action: variant === 'file' ? 'attachment.download' : 'attachment.preview',
        entityType: 'attachment',
        entityId: attachment.id,
        // A file of a citizen's appeal is their personal data: the access shows in their access log.
        subjectId: appeal?.citizenId ?? null,
        details: { appealId: attachment.appealId, number: appeal?.number ?? null, name: attachment.name, size: attachment.size, range: range ? `${range.start}-${range.end}` : undefined },
      });
    }
    return { attachment, body };
  }

  /**
   * The files of an appeal with their decrypted, verified content, for a system export (the СЭД
   * package): no actor and no audit row per file — the export audits itself as a personal-data
   * export. Files not downloadable (infected, scan pending or failed) are listed in `skipped`.
   */
  async contentsForExport(appealId: string): Promise<{ files: OpenedAttachment[]; skipped: { id: string; name: string; scanStatus: ScanStatus }[] }> {
    const rows = await this.own.manager.find(Attachment, { where: { appealId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const files: OpenedAttachment[] = [];
    const skipped: { id: string; name: string; scanStatus: ScanStatus }[] = [];
    for (const attachment of rows) {
      if (!DOWNLOADABLE.includes(attachment.scanStatus)) {
        skipped.push({ id: attachment.id, name: attachment.name, scanStatus: attachment.scanStatus });
        continue;
      }
      const body = await this.readAll(await this.storage.get(attachment.storageKey), this.cipher.unwrap(attachment.wrappedKey, attachment.keyId), attachment.size);
      if (createHash('sha256').update(body).digest('hex') !== attachment.sha256 || body.length !== attachment.size) {
        throw new Error(`attachment ${attachment.id}: content does not match its stored SHA-256`);
      }
      files.push({ attachment, body });
    }
    return { files, skipped };
  }

  /**
   * Removes an upload of the actor while it is unbound or bound to a draft (not yet submitted);
   * files of a sent message or answer stay. Others' files are "not found".
   */
  async remove(actor: Actor, id: string): Promise<void> {
    if (!UUID.test(id)) throw new NotFoundError('attachment');
    const removed = await this.own.manager.transaction(async (manager) => {
      const peek = await manager.findOneBy(Attachment, { id });
      if (!peek || peek.ownerId !== actor.userId) throw new NotFoundError('attachment');
      // The appeal first (the order bind takes them), so a concurrent submit cannot slip between.
      if (peek.appealId) {
        const status = await this.access.lockStatus(manager, peek.appealId);
        if (status !== AppealStatus.Draft || peek.messageId || peek.answerId) {
          throw new DomainError(409, 'attachment_locked', { file: peek.name });
        }
      }
      const row = await manager.getRepository(Attachment).createQueryBuilder('a').where('a.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!row || row.appealId !== peek.appealId) throw new DomainError(409, 'attachment_locked', { file: peek.name });
      await manager.delete(Attachment, { id });
      await this.audit.record(manager, actor, { action: 'attachment.delete', entityType: 'attachment', entityId: id, details: { appealId: row.appealId, name: row.name, size: row.size } });
      return row;
    });
    await this.removeObjects([removed]);
  }

  /**
   * Uploads nobody bound within the TTL go (unless a draft holds them), objects first confirmed gone from the table (a row
   * never points at a missing object); also spool files a crashed process left.
   */
  async collectGarbage(): Promise<{ attachments: number; spoolFiles: number }> {
    const cutoff = new Date(this.clock.now().getTime() - this.limits.unboundTtlHours * 3600_000);
    let removed = 0;
    for (;;) {
      const rows = await this.own.manager.query<{ storage_key: string; preview_key: string | null }[]>(
        `DELETE FROM attachments WHERE id IN (
           SELECT id FROM attachments WHERE appeal_id IS NULL AND held_by IS NULL AND created_at < $1 ORDER BY created_at LIMIT 200 FOR UPDATE SKIP LOCKED
         ) RETURNING storage_key, preview_key`,
        [cutoff],
      );
      const deleted = Array.isArray(rows[0]) ? (rows[0] as typeof rows) : rows;
      await this.removeObjects(deleted.map((r) => ({ storageKey: r.storage_key, previewKey: r.preview_key })));
      removed += deleted.length;
      if (deleted.length < 200) break;
    }
    const purged = await this.purgeQueued();
    const spoolFiles = await this.sweepSpool();
    if (removed || purged || spoolFiles) this.logger.log(`attachments: removed ${removed} unbound uploads, ${purged} queued objects, ${spoolFiles} spool files`);
    return { attachments: removed + purged, spoolFiles };
  }

  /**
   * Files whose malware scan failed (clamd down or erroring at upload) are scanned again from
   * storage, a batch per housekeeping round, oldest first: clean ones become downloadable, an
   * infected one stays blocked (and is logged), a still-failing one waits for the next round.
   */
  async rescanFailed(batch = 50): Promise<{ clean: number; infected: number; failed: number }> {
    const counts = { clean: 0, infected: 0, failed: 0 };
    const socket = this.limits.clamdSocket;
    if (!socket) return counts;
    const rows = await this.own.manager.getRepository(Attachment).find({ where: { scanStatus: ScanStatus.Failed }, order: { createdAt: 'ASC' }, take: batch });
    for (const attachment of rows) {
      const scan = new ClamdScan(socket, this.limits.clamdTimeoutMs);
      let outcome;
      try {
        const plain = (await this.storage.get(attachment.storageKey)).pipe(this.cipher.decryptStream(this.cipher.unwrap(attachment.wrappedKey, attachment.keyId)));
        for await (const chunk of plain as AsyncIterable<Buffer>) await scan.write(chunk);
        outcome = await scan.finish();
      } catch (error) {
        scan.abort();
        outcome = { status: 'failed' as const, error: (error as Error).message };
      }
      counts[outcome.status]++;
      if (outcome.status === 'infected') this.logger.warn({ attachmentId: attachment.id, signature: outcome.signature }, 'rescan: infected file stays blocked');
      await this.own.manager.transaction(async (manager) => {
        const { affected } = await manager.getRepository(Attachment).update(
          { id: attachment.id, scanStatus: ScanStatus.Failed },
          {
            scanStatus: outcome.status === 'clean' ? ScanStatus.Clean : outcome.status === 'infected' ? ScanStatus.Infected : ScanStatus.Failed,
            scanDetail: outcome.status === 'failed' ? outcome.error.slice(0, 500) : outcome.status === 'infected' ? outcome.signature.slice(0, 500) : null,
          },
        );
        // Told once, with the status change: another round finds it no longer failed.
        if (outcome.status === 'infected' && affected && attachment.appealId) await this.tellInfected(manager, attachment, attachment.appealId);
      });
      // Clamd is still unreachable: the rest of the batch would fail the same way.
      if (outcome.status === 'failed') break;
    }
    if (rows.length) this.logger.log(`attachments: rescanned ${rows.length} (${counts.clean} clean, ${counts.infected} infected, ${counts.failed} failed)`);
    return counts;
  }

  /**
   * `appeal.file_infected` for a file of an appeal a rescan found infected: the assignee is told,
   * or the department's nearest supervisors when nobody is assigned (the file was visible as
   * "scan failed" to staff, who may have a copy from elsewhere).
   */
  private async tellInfected(manager: EntityManager, attachment: Attachment, appealId: string): Promise<void> {
    const appeal = await this.access.handlingOf(manager, appealId);
    if (!appeal) return;
    const recipients = appeal.assigneeId
      ? [appeal.assigneeId]
      : appeal.departmentId
        ? await this.departments.nearestSupervisors(appeal.departmentId, manager)
        : [];
    await this.outbox.publish(manager, {
      eventType: 'appeal.file_infected',
      aggregateType: 'appeal',
      aggregateId: appealId,
      payload: {
        appealId,
        number: appeal.number,
        attachmentId: attachment.id,
        fileName: attachment.name,
        departmentId: appeal.departmentId,
        assigneeId: appeal.assigneeId,
        recipients,
      },
    });
  }

  /** Objects queued in storage_purges and due: each removed from storage, then its row; a failure stays queued. */
  private async purgeQueued(): Promise<number> {
    let purged = 0;
    const now = this.clock.now();
    for (;;) {
      const batch = await this.own.manager.transaction(async (manager) => {
        const rows = await manager.query<{ id: string; storage_key: string }[]>(
          `SELECT id, storage_key FROM storage_purges WHERE not_before <= $1 ORDER BY not_before LIMIT 200 FOR UPDATE SKIP LOCKED`,
          [now],
        );
        const done: string[] = [];
        for (const row of rows) {
          await this.storage.delete(row.storage_key).then(
            () => done.push(row.id),
            (e: Error) => this.logger.error({ err: e, key: row.storage_key }, 'could not remove a purged object; retried next round'),
          );
        }
        if (done.length) await manager.query(`DELETE FROM storage_purges WHERE id = ANY($1)`, [done]);
        return { size: rows.length, done: done.length };
      });
      purged += batch.done;
      if (batch.size < 200 || batch.done === 0) return purged;
    }
  }

  private async visible(actor: Actor, id: string, manager: EntityManager): Promise<Attachment> {
    return (await this.visibleOnAppeal(actor, id, manager)).attachment;
  }

  /** The attachment and the appeal it is on (null for an unbound upload): whose case the file belongs to. */
  private async visibleOnAppeal(actor: Actor, id: string, manager: EntityManager): Promise<{ attachment: Attachment; appeal: { citizenId: string | null; number: number | null } | null }> {
    if (!UUID.test(id)) throw new NotFoundError('attachment');
    const attachment = await manager.findOneBy(Attachment, { id });
    if (!attachment) throw new NotFoundError('attachment');
    if (!attachment.appealId) {
      if (attachment.ownerId !== actor.userId) throw new NotFoundError('attachment');
      return { attachment, appeal: null };
    }
    let appeal: Awaited<ReturnType<AppealAccess['load']>>;
    try {
      appeal = await this.access.load(actor, attachment.appealId, { manager });
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError('attachment');
      throw error;
    }
    // Files are for the handling department and the supervisors above it, not for a department
    // that only oversees the appeal after an escalation.
    if (actor.role !== Role.Citizen && !(await this.access.handles(actor, appeal, manager))) throw new NotFoundError('attachment');
    if (actor.role === Role.Citizen && attachment.messageId) {
      if (!(await this.access.citizenMaySee(manager, attachment.messageId))) throw new NotFoundError('attachment');
    }
    return { attachment, appeal: { citizenId: appeal.citizenId, number: appeal.number } };
  }

  private async readAll(source: Readable, key: Buffer, expected: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let length = 0;
    const plain = source.pipe(this.cipher.decryptStream(key));
    source.on('error', (e) => plain.destroy(e));
    for await (const chunk of plain as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > expected) {
        source.destroy();
        throw new Error('attachment object is longer than recorded');
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, length);
  }

  private async removeObjects(rows: { storageKey: string; previewKey: string | null }[]): Promise<void> {
    for (const row of rows) {
      for (const key of [row.storageKey, row.previewKey]) {
        if (key) await this.storage.delete(key).catch((e: Error) => this.logger.error({ err: e, key }, 'could not remove an attachment object'));
      }
    }
  }

  private async sweepSpool(): Promise<number> {
    const names = await readdir(this.spoolDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const path = join(this.spoolDir, name);
      const info = await stat(path).catch(() => null);
      // An upload in flight writes its spool file continuously; an hour-old one is abandoned.
      if (info && Date.now() - info.mtimeMs > 3600_000) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}


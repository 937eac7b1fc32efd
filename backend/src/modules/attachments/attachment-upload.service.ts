import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { Repository } from 'typeorm';
import { Role } from '@otklik/shared/domain';
import { Clock } from '../../common/clock/clock';
import { Actor, AnonymousActor } from '../../common/http/actor';
import { DomainError, NotFoundError } from '../../common/problem/domain-error';
import { AppConfig, AttachmentsConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AppealAccess } from '../appeals/appeal-access.service';
import { AttachmentCipher, ENVELOPE_OVERHEAD } from './attachment-cipher';
import { UploadRejectedError, UploadRejection } from './attachment-errors';
import { Attachment, ScanStatus } from './attachment.entity';
import { appealBudget, budgetSide } from './attachment-budget';
import { ClamdScan, ScanOutcome } from './content/clamd';
import { ContentSniffer } from './content/content-sniffer';
import { normaliseFileName } from './content/file-name';
import { contradicts, withKindExtension } from './content/file-types';
import { AttachmentDto, toAttachmentDto } from './dto/attachment.dto';
import { OBJECT_STORAGE, ObjectStorage } from './storage/object-storage';
import { multipartFailure } from '../../common/http/multipart-errors';
import { AuditService } from '../audit/audit.service';
import { PublicUploadSessions } from './public-upload-session';
import { SpoolWriter } from './spool-writer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where uploads are written while they arrive (the GC sweeps what a crashed process left there). */
export function spoolDirOf(config: AppConfig): string {
  return join(config.dataDir, 'attachments', 'spool');
}

/**
 * Receives one file from a multipart request and keeps it only when every check passes. The
 * bytes stream once, in one stage after the multipart parser (SpoolWriter): through the content
 * sniffer, SHA-256, the malware scanner (when configured) and AES-256-GCM into a spool file; nothing is in the storage until the verdict is known, and a
 * rejected or interrupted upload leaves no spool file and no object behind.
 */
@Injectable()
export class AttachmentUploadService {
  private readonly logger = new Logger(AttachmentUploadService.name);
  private readonly limits: AttachmentsConfig;
  readonly spoolDir: string;

  constructor(
    @InjectRepository(Attachment) private readonly own: Repository<Attachment>,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly cipher: AttachmentCipher,
    private readonly access: AppealAccess,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: PublicUploadSessions,
  ) {
    this.limits = config.attachments;
    this.spoolDir = spoolDirOf(config);
  }

  async receive(actor: Actor, request: FastifyRequest): Promise<AttachmentDto> {
    const part = await this.filePart(request);
    const field = part.fields.appealId as { type?: string; value?: unknown } | undefined;
    const appealId = field && field.type === 'field' && typeof field.value === 'string' ? field.value : undefined;
    return this.store(actor, { filename: part.filename, mimetype: part.mimetype, stream: part.file, appealId });
  }

  /**
   * An upload without an account (unidentified feedback, the citizen widget), into the public
   * upload session of `token` (X-Upload-Session): the same checks as any upload (name, size, type
   * by content, malware scan, encryption), and the session holds at most one appeal's files and
   * bytes. Only a filing presenting the same session can bind it; unbound, it expires.
   */
  async receivePublic(actor: AnonymousActor, request: FastifyRequest, token: string | undefined): Promise<AttachmentDto> {
    const session = this.sessions.open(token, this.clock.now());
    if (!session) throw new DomainError(401, 'upload_session_invalid');
    const part = await this.filePart(request);
    return this.store(actor, { filename: part.filename, mimetype: part.mimetype, stream: part.file, session });
  }

  private async filePart(request: FastifyRequest): Promise<MultipartFile> {
    if (!request.isMultipart()) throw new DomainError(415, 'unsupported_media_type');
    let part: MultipartFile | undefined;
    try {
      part = await request.file({
        preservePath: true,
        throwFileSizeLimit: false,
        // What the parser may hold ahead of the spool writer, which batches its own writes: the
        // pieces are the socket's (≤ 64 KiB) whatever this is, so more only costs memory per upload.
        fileHwm: 64 * 1024,
        limits: { fileSize: this.limits.maxFileBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024 },
      });
    } catch (error) {
      throw multipartFailure(error);
    }
    if (!part) throw new UploadRejectedError('', 'file_missing');
    return part;
  }

  /**
   * A file that came in another way than an upload (an e-mail's attachment), stored by the same
   * rules as an upload of `actor`: name, size, type by content, malware scan, encryption.
   * Throws UploadRejectedError (a 4xx problem) when the rules refuse it.
   */
  async storeBuffer(actor: Actor, file: { filename: string; contentType: string; content: Buffer }): Promise<AttachmentDto> {
    const stream = Readable.from([file.content]) as Readable & { truncated?: boolean };
    if (file.content.length > this.limits.maxFileBytes) {
      const checked = normaliseFileName(file.filename);
      throw new UploadRejectedError(checked.ok ? checked.name : 'file', 'file_too_large');
    }
    return this.store(actor, { filename: file.filename, mimetype: file.contentType, stream });
  }

  private async store(
    actor: Actor | AnonymousActor,
    file: { filename: string; mimetype: string; stream: Readable & { truncated?: boolean }; appealId?: string; session?: string },
  ): Promise<AttachmentDto> {
    const checkedName = normaliseFileName(file.filename);
    const shown = checkedName.ok ? checkedName.name : file.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_');
    const reject = async (reason: UploadRejection): Promise<never> => {
      await discard(file.stream);
      throw new UploadRejectedError(shown, reason);
    };
    if (!checkedName.ok) return reject(checkedName.reason);
    // Cheap refusals first, before any byte is processed.
    if (file.session !== undefined) {
      const budget = await this.sessionBudget(file.session);
      if (budget.files + 1 > this.limits.maxFilesPerAppeal) return reject('too_many_files');
      if (budget.bytes >= this.limits.maxAppealBytes) return reject('appeal_total_exceeded');
    }
    if (file.appealId !== undefined && actor.role !== 'anonymous') {
      const budget = await this.budgetOf(actor, file.appealId).catch(async (error: unknown) => {
        await discard(file.stream);
        throw error;
      });
      if (budget.files + 1 > this.limits.maxFilesPerAppeal) return reject('too_many_files');
      if (budget.bytes >= this.limits.maxAppealBytes) return reject('appeal_total_exceeded');
    }
    if (actor.role === Role.Citizen && (await this.usedToday(actor.userId)) >= this.limits.dailyQuotaBytes) return reject('daily_quota_exceeded');
    if (actor.role === 'anonymous' && file.session === undefined) throw new DomainError(401, 'upload_session_invalid');

    const id = randomUUID();
    const spool = join(this.spoolDir, `${id}.part`);
    const stored: string[] = [];
    const scan = this.limits.clamdSocket ? new ClamdScan(this.limits.clamdSocket, this.limits.clamdTimeoutMs) : null;
    try {
      await mkdir(this.spoolDir, { recursive: true, mode: 0o700 });
      const dataKey = this.cipher.newDataKey();
      const sniffer = new ContentSniffer();
      const hash = createHash('sha256');
      let size = 0;
      // One stage after the parser: sniff, hash, scan, encrypt and write each piece in one pass.
      const spoolWriter = new SpoolWriter(spool, this.cipher.sealer(dataKey.key), (chunk) => {
        size += chunk.length;
        sniffer.push(chunk);
        hash.update(chunk);
        return scan?.write(chunk);
      });
      try {
        await pipeline(file.stream, spoolWriter);
      } catch (error) {
        throw multipartFailure(error);
      }
      if (file.stream.truncated) throw new UploadRejectedError(shown, 'file_too_large');
      const verdict = await sniffer.finish();
      if (!verdict.ok) throw new UploadRejectedError(shown, verdict.reason);
      if (contradicts(verdict.kind, checkedName.name, file.mimetype)) throw new UploadRejectedError(shown, 'file_type_mismatch');
      const outcome: ScanOutcome | null = scan ? await scan.finish() : null;
      if (outcome?.status === 'infected') {
        this.logger.warn({ actorId: actor.userId, signature: outcome.signature }, 'infected upload refused');
        throw new UploadRejectedError(shown, 'malware_found');
      }
      if (outcome?.status === 'failed') this.logger.warn({ error: outcome.error }, 'malware scan failed; the file stays unavailable until rescanned');
      if (file.appealId !== undefined && actor.role !== 'anonymous') {
        const budget = await this.budgetOf(actor, file.appealId);
        if (budget.bytes + size > this.limits.maxAppealBytes) throw new UploadRejectedError(shown, 'appeal_total_exceeded');
      }

      const previewKey: string | null = verdict.preview ? `${id}.preview` : null;
      // Before any object is stored, say it goes unless this upload records it (crash insurance).
      const intents = await this.own.manager.query<{ id: string }[]>(
        `INSERT INTO storage_purges (storage_key, reason, not_before)
         SELECT k, 'upload_unconfirmed', $2::timestamptz + interval '1 hour' FROM unnest($1::text[]) AS k RETURNING id`,
        [[id, ...(previewKey ? [previewKey] : [])], this.clock.now()],
      );
      if (verdict.preview && previewKey) {
        stored.push(previewKey);
        await this.storage.putBuffer(previewKey, this.cipher.encryptBuffer(dataKey.key, verdict.preview));
      }
      stored.push(id);
      await this.storage.putFile(id, spool, size + ENVELOPE_OVERHEAD);

      const attachment = await this.own.manager.transaction(async (manager) => {
        const now = this.clock.now();
        if (actor.role === Role.Citizen) {
          // One upload of a citizen at a time passes this point: the quota holds under concurrency.
          await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('attachments:quota:' || $1, 0))`, [actor.userId]);
          if ((await this.usedToday(actor.userId, manager)) + size > this.limits.dailyQuotaBytes) {
            throw new UploadRejectedError(shown, 'daily_quota_exceeded');
          }
        }
        if (file.session !== undefined) {
          // One upload of a session at a time passes this point: its limits hold under concurrency.
          await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('attachments:session:' || $1, 0))`, [file.session]);
          const budget = await this.sessionBudget(file.session, manager);
          if (budget.files + 1 > this.limits.maxFilesPerAppeal) throw new UploadRejectedError(shown, 'too_many_files');
          if (budget.bytes + size > this.limits.maxAppealBytes) throw new UploadRejectedError(shown, 'appeal_total_exceeded');
        }
        const row = manager.create(Attachment, {
          id,
          ownerId: actor.userId,
          uploadSession: file.session ?? null,
          ownerRole: actor.role,
          appealId: null,
          messageId: null,
          answerId: null,
          originalName: file.filename.slice(0, 1000),
          name: withKindExtension(checkedName.name, verdict.kind),
          contentType: verdict.contentType,
          size,
          sha256: hash.digest('hex'),
          storageKey: id,
          wrappedKey: dataKey.wrapped,
          keyId: dataKey.keyId,
          scanStatus: !outcome ? ScanStatus.NotScanned : outcome.status === 'clean' ? ScanStatus.Clean : ScanStatus.Failed,
          scanDetail: outcome?.status === 'failed' ? outcome.error.slice(0, 500) : null,
          previewKey,
          createdAt: now,
          boundAt: null,
        });
        await manager.insert(Attachment, row);
        await manager.query(`DELETE FROM storage_purges WHERE id = ANY($1::uuid[])`, [intents.map((i) => i.id)]);
        await this.audit.record(manager, actor, {
          action: 'attachment.upload',
          entityType: 'attachment',
          entityId: row.id,
          details: { appealId: row.appealId, name: row.name, size: row.size, contentType: row.contentType, sha256: row.sha256 },
        });
        return row;
      });
      stored.length = 0;
      return toAttachmentDto(attachment);
    } finally {
      scan?.abort();
      await rm(spool, { force: true }).catch(() => undefined);
      for (const key of stored) await this.storage.delete(key).catch((e: Error) => this.logger.error({ err: e, key }, 'could not remove a refused upload'));
    }
  }

  /** What is already attached to the appeal on the actor's side; 404 when the actor cannot see it. */
  private async budgetOf(actor: Actor, appealId: string): Promise<{ files: number; bytes: number }> {
    if (!UUID.test(appealId)) throw new NotFoundError('appeal');
    const appeal = await this.access.load(actor, appealId);
    return appealBudget(this.own.manager, appeal.id, budgetSide(actor.role));
  }

  /** Files and bytes a public upload session already holds (bound or not: a session is for one appeal). */
  private async sessionBudget(session: string, manager = this.own.manager): Promise<{ files: number; bytes: number }> {
    const [row] = await manager.query<{ files: number; bytes: string }[]>(
      `SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes FROM attachments WHERE upload_session = $1`,
      [session],
    );
    return { files: row.files, bytes: Number(row.bytes) };
  }

  private async usedToday(userId: string, manager = this.own.manager): Promise<number> {
    const since = new Date(this.clock.now().getTime() - 24 * 3600_000);
    const [{ bytes }] = await manager.query<{ bytes: string }[]>(
      `SELECT coalesce(sum(size), 0)::bigint AS bytes FROM attachments WHERE owner_id = $1 AND created_at > $2`,
      [userId, since],
    );
    return Number(bytes);
  }
}

/** Reads the rest of a stream into nothing, so the client gets the answer, not a reset. */
async function discard(stream: Readable): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return;
  await pipeline(stream, new Writable({ write: (_c, _e, cb) => cb() })).catch(() => undefined);
}



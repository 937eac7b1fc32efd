import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APPEAL_STATUS_LABELS, AppealStatus } from '@otklik/shared/domain';
import { AnonymousActor } from '../../common/http/actor';
import { Locale } from '../../common/i18n/messages';
import { NotFoundError, ValidationFailedError } from '../../common/problem/domain-error';
import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AttachmentUploadService } from '../attachments/attachment-upload.service';
import { AttachmentsService } from '../attachments/attachments.service';
import { FILE_KINDS } from '../attachments/content/file-types';
import { AttachmentDto } from '../attachments/dto/attachment.dto';
import { PublicUploadSessions } from '../attachments/public-upload-session';
import { CaptchaService } from '../auth/captcha.service';
import { RateLimiter } from '../auth/protection/rate-limiter';
import { AppealHistory } from './appeal-history.entity';
import { AppealIntakeService, hashAccessCode } from './appeal-intake.service';
import { Appeal } from './appeal.entity';
import { PublicAppealDto, PublicAppealReceiptDto, PublicAppealStatusDto, PublicUploadSessionDto, PublicUploadSessionInputDto } from './dto/public-appeal.dto';

/** Filings per IP: generous for a shared office NAT, tight enough to stop a flood. */
const FILE_LIMITS = (ip: string) => [
  { bucket: `public-appeal:ip:${ip}:hour`, limit: 10, windowSeconds: 3600 },
  { bucket: `public-appeal:ip:${ip}:day`, limit: 30, windowSeconds: 86400 },
];
/** Look-ups per IP: a wrong code costs a try, so the 10-character code cannot be guessed. */
const TRACK_LIMITS = (ip: string) => [{ bucket: `public-track:ip:${ip}:hour`, limit: 60, windowSeconds: 3600 }];
/** Upload sessions and uploads per IP: a few filings' worth of files, each session bounded by one appeal's limits. */
const SESSION_LIMITS = (ip: string) => [{ bucket: `public-upload-session:ip:${ip}:hour`, limit: 20, windowSeconds: 3600 }];
const UPLOAD_LIMITS = (ip: string) => [{ bucket: `public-upload:ip:${ip}:hour`, limit: 60, windowSeconds: 3600 }];

/** Unidentified feedback: filing without an account (CAPTCHA, rate limits) and tracking by code. */
@Injectable()
export class PublicAppealsService {
  constructor(
    @InjectRepository(Appeal) private readonly own: Repository<Appeal>,
    private readonly intake: AppealIntakeService,
    private readonly captcha: CaptchaService,
    private readonly limiter: RateLimiter,
    private readonly sessions: PublicUploadSessions,
    private readonly uploads: AttachmentUploadService,
    private readonly attachments: AttachmentsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A public upload session for the files of one unidentified filing (CAPTCHA spent here). */
  async openUploadSession(actor: AnonymousActor, dto: PublicUploadSessionInputDto): Promise<PublicUploadSessionDto> {
    await this.limiter.hit(...SESSION_LIMITS(actor.ip ?? 'unknown'));
    await this.captcha.verify(dto.captcha);
    const { token, expiresAt } = this.sessions.issue(this.clock.now());
    const limits = this.config.attachments;
    return {
      uploadSession: token,
      expiresAt: expiresAt.toISOString(),
      maxFiles: limits.maxFilesPerAppeal,
      maxFileBytes: limits.maxFileBytes,
      maxTotalBytes: limits.maxAppealBytes,
      accept: Object.values(FILE_KINDS).flatMap((k) => k.extensions.map((e) => `.${e}`)),
    };
  }

  async upload(actor: AnonymousActor, request: FastifyRequest, token: string | undefined): Promise<AttachmentDto> {
    await this.limiter.hit(...UPLOAD_LIMITS(actor.ip ?? 'unknown'));
    return this.uploads.receivePublic(actor, request, token);
  }

  async file(actor: AnonymousActor, dto: PublicAppealDto): Promise<PublicAppealReceiptDto> {
    await this.limiter.hit(...FILE_LIMITS(actor.ip ?? 'unknown'));
    const files = dto.attachmentIds ?? [];
    const session = files.length ? this.sessions.open(dto.uploadSession, this.clock.now()) : null;
    if (files.length && !session) {
      throw new ValidationFailedError([{ field: 'uploadSession', code: 'upload_session_invalid', message: 'the upload session of the files is missing, forged or expired' }]);
    }
    await this.captcha.verify(dto.captcha);
    const { captcha: _, uploadSession: __, attachmentIds: ___, ...input } = dto;
    const filer = { ...actor, name: dto.surname ?? 'Аноним' };
    // With files, the appeal and their binding commit together.
    const { appeal, accessCode } = session
      ? await this.own.manager.transaction(async (manager) => {
          const filed = await this.intake.createUnidentified(filer, input, manager);
          await this.attachments.bindPublic(manager, session, files, filed.appeal.id);
          return filed;
        })
      : await this.intake.createUnidentified(filer, input);
    return {
      number: appeal.number!,
      accessCode,
      status: appeal.status,
      registeredAt: appeal.registeredAt!.toISOString(),
      dueAt: appeal.dueAt!.toISOString(),
      noAnswerRequired: appeal.noAnswerRequired,
    };
  }

  /** The status of an unidentified appeal; a wrong number or code is the same 404. */
  async track(ip: string | null, number: string, accessCode: string, locale: Locale): Promise<PublicAppealStatusDto> {
    await this.limiter.hit(...TRACK_LIMITS(ip ?? 'unknown'));
    const appeal = /^\d{1,15}$/.test(number)
      ? await this.own.manager
          .getRepository(Appeal)
          .createQueryBuilder('a')
          .where('a.number = :number AND a.unidentified AND a.access_code_hash = :hash', { number, hash: hashAccessCode(accessCode) })
          .getOne()
      : null;
    if (!appeal) throw new NotFoundError('appeal');
    const history = await this.own.manager.getRepository(AppealHistory).find({ where: { appealId: appeal.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const label = (s: AppealStatus) => APPEAL_STATUS_LABELS[s][locale];
    return {
      number: appeal.number!,
      status: appeal.status,
      statusLabel: label(appeal.status),
      subject: appeal.subject,
      registeredAt: appeal.registeredAt!.toISOString(),
      dueAt: appeal.dueAt!.toISOString(),
      noAnswerRequired: appeal.noAnswerRequired,
      history: history
        .filter((h, i) => i === 0 || h.toStatus !== history[i - 1].toStatus)
        .map((h) => ({ status: h.toStatus, label: label(h.toStatus), at: h.createdAt.toISOString() })),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APPEAL_STATUS_LABELS, AppealStatus } from '@otklik/shared/domain';
import { AnonymousActor } from '../../common/http/actor';
import { Locale } from '../../common/i18n/messages';
import { NotFoundError } from '../../common/problem/domain-error';
import { CaptchaService } from '../auth/captcha.service';
import { RateLimiter } from '../auth/protection/rate-limiter';
import { AppealHistory } from './appeal-history.entity';
import { AppealIntakeService, hashAccessCode } from './appeal-intake.service';
import { Appeal } from './appeal.entity';
import { PublicAppealDto, PublicAppealReceiptDto, PublicAppealStatusDto } from './dto/public-appeal.dto';

/** Filings per IP: generous for a shared office NAT, tight enough to stop a flood. */
const FILE_LIMITS = (ip: string) => [
  { bucket: `public-appeal:ip:${ip}:hour`, limit: 10, windowSeconds: 3600 },
  { bucket: `public-appeal:ip:${ip}:day`, limit: 30, windowSeconds: 86400 },
];
/** Look-ups per IP: a wrong code costs a try, so the 10-character code cannot be guessed. */
const TRACK_LIMITS = (ip: string) => [{ bucket: `public-track:ip:${ip}:hour`, limit: 60, windowSeconds: 3600 }];

/** Unidentified feedback: filing without an account (CAPTCHA, rate limits) and tracking by code. */
@Injectable()
export class PublicAppealsService {
  constructor(
    @InjectRepository(Appeal) private readonly own: Repository<Appeal>,
    private readonly intake: AppealIntakeService,
    private readonly captcha: CaptchaService,
    private readonly limiter: RateLimiter,
  ) {}

  async file(actor: AnonymousActor, dto: PublicAppealDto): Promise<PublicAppealReceiptDto> {
    await this.limiter.hit(...FILE_LIMITS(actor.ip ?? 'unknown'));
    await this.captcha.verify(dto.captcha);
    const { captcha: _, ...input } = dto;
    const { appeal, accessCode } = await this.intake.createUnidentified({ ...actor, name: dto.surname ?? 'Аноним' }, input);
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

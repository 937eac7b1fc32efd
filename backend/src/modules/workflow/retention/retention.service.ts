import { Injectable } from '@nestjs/common';
import { AppealStatus, moscowDate } from '@otklik/shared/domain';
import { Clock } from '../../../common/clock/clock';
import { Actor } from '../../../common/http/actor';
import { ConflictError, DomainError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AppealStore } from '../../appeals/appeal.repository';
import { AuditService } from '../../audit/audit.service';
import { RetentionExtensionDto, RetentionExtensionResultDto } from '../sla/dto/sla.dto';

/** How far ahead a citizen may ask to keep an appeal. */
export const MAX_RETENTION_EXTENSION_YEARS = 5;

/** The citizen's side of retention (152-ФЗ): asking to keep an appeal past the retention period. */
@Injectable()
export class RetentionService {
  constructor(
    private readonly store: AppealStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async extend(actor: Actor, idOrNumber: string, dto: RetentionExtensionDto): Promise<RetentionExtensionResultDto> {
    const today = moscowDate(this.clock.now());
    const limit = `${Number(today.slice(0, 4)) + MAX_RETENTION_EXTENSION_YEARS}${today.slice(4)}`;
    if (dto.until <= today) throw new ValidationFailedError([{ field: 'until', code: 'date_in_past', message: '' }]);
    if (dto.until > limit) throw new ValidationFailedError([{ field: 'until', code: 'date_too_far', message: '' }]);
    return this.store.transaction(async (manager) => {
      const appeal = await this.store.lockForChange(manager, actor, idOrNumber);
      if (appeal.status === AppealStatus.Draft) throw new DomainError(409, 'invalid_transition', { status: appeal.status, action: 'retention-extension' });
      if (appeal.anonymisedAt) throw new ConflictError('appeal_anonymised');
      await this.store.keepUntil(manager, appeal.id, dto.until);
      await this.audit.record(manager, actor, {
        action: 'appeal.retention_extended',
        entityType: 'appeal',
        entityId: appeal.id,
        details: { number: appeal.number, until: dto.until, previous: appeal.retentionExtendedUntil, reason: dto.reason },
      });
      return { appealId: appeal.id, number: appeal.number, retentionExtendedUntil: dto.until };
    });
  }
}

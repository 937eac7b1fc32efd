import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { DomainError } from '../../common/problem/domain-error';
import { Principal } from '../../common/http/actor';
import { User } from './user.entity';

/**
 * Who may file identified appeals: accounts that came from ESIA need one of the trust levels in
 * ESIA_TRUST_LEVELS_FOR_APPEALS (default: confirmed). Local accounts are not affected.
 */
@Injectable()
export class CitizenTrustPolicy {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** `who`: the signed-in principal (its token states the trust level) or, failing that, an account id. */
  async assertMayFileAppeals(manager: EntityManager, who: Pick<Principal, 'userId' | 'trustLevel'>): Promise<void> {
    let level = who.trustLevel;
    if (level === undefined) {
      const user = await manager.findOne(User, { where: { id: who.userId }, select: { id: true, esiaOid: true, trustLevel: true } });
      level = user?.esiaOid ? (user.trustLevel ?? 'simplified') : null;
    }
    if (level === null) return;
    const allowed = this.config.esia.trustLevelsForAppeals;
    if (allowed.includes(level)) return;
    throw new DomainError(403, 'trust_level_insufficient', { required: allowed.join(', '), level });
  }
}

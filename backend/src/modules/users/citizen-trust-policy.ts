import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { DomainError } from '../../common/problem/domain-error';
import { User } from './user.entity';

/**
 * Who may file identified appeals: accounts that came from ESIA need one of the trust levels in
 * ESIA_TRUST_LEVELS_FOR_APPEALS (default: confirmed). Local accounts are not affected.
 */
@Injectable()
export class CitizenTrustPolicy {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async assertMayFileAppeals(manager: EntityManager, userId: string): Promise<void> {
    const user = await manager.findOne(User, { where: { id: userId }, select: { id: true, esiaOid: true, trustLevel: true } });
    if (!user?.esiaOid) return;
    const allowed = this.config.esia.trustLevelsForAppeals;
    if (user.trustLevel && allowed.includes(user.trustLevel)) return;
    throw new DomainError(403, 'trust_level_insufficient', { required: allowed.join(', '), level: user.trustLevel ?? '—' });
  }
}

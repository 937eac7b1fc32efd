import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Actor } from '../../common/http/actor';
import { TransactionRunner } from '../../database/transaction-runner';
import { StaffDirectory } from '../users/staff-directory.repository';
import { ThankableStaffDto } from './dto/thankable-staff.dto';

/**
 * The employees a citizen may name in a gratitude: the operators and supervisors who handled one
 * of their appeals (its assignee, or a staff member with a step in its history), still active.
 * Nobody else's id is ever given out.
 */
@Injectable()
export class ThankableStaff {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly staff: StaffDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor): Promise<ThankableStaffDto[]> {
    const members = await this.staff.activeStaffAmong(await this.handlersOf(actor.userId));
    return members.map((m) => ({ id: m.id, position: m.position, name: this.config.cabinet.showExecutorName ? m.fullName : null }));
  }

  /** Whether `staffId` handled one of the citizen's appeals (and is active staff). */
  async mayThank(manager: EntityManager, citizenId: string, staffId: string): Promise<boolean> {
    const ids = await this.handlersOf(citizenId, manager);
    if (!ids.includes(staffId)) return false;
    return (await this.staff.activeStaffAmong([staffId], manager)).length === 1;
  }

  private async handlersOf(citizenId: string, manager: EntityManager = this.tx.manager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT a.assignee_id AS id FROM appeals a WHERE a.citizen_id = $1 AND a.assignee_id IS NOT NULL
        UNION
       SELECT h.actor_id FROM appeal_history h JOIN appeals a ON a.id = h.appeal_id
        WHERE a.citizen_id = $1 AND h.actor_id IS NOT NULL AND h.actor_role IN ('operator', 'supervisor')`,
      [citizenId],
    );
    return rows.map((r) => r.id);
  }
}

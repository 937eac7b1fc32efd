import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { HistoryEvent, UNANSWERED_STATUSES } from '@otklik/shared/domain';
import { Actor } from '../../common/http/actor';
import { ConflictError, DomainError } from '../../common/problem/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { AppealAccess } from './appeal-access.service';
import { AppealJournal } from './appeal-journal';
import { Appeal } from './appeal.entity';
import { toSummary } from './appeal.mapper';
import { AppealSummaryDto, DuplicateCandidateDto } from './dto/appeal-output.dto';

/**
 * Likely duplicates and their merge. A likely duplicate is another registered appeal of the same
 * citizen within DUPLICATE_WINDOW_DAYS of this one whose subject and text are similar (pg_trgm
 * similarity at least DUPLICATE_SIMILARITY_PERCENT). Staff see only candidates in their own
 * departments. A merge links the duplicate to the main appeal: both keep their numbers, and the
 * main appeal's answer is given to the linked ones too (the workflow's answer step).
 */
@Injectable()
export class AppealDuplicatesService {
  constructor(
    @InjectRepository(Appeal) private readonly own: Repository<Appeal>,
    private readonly access: AppealAccess,
    private readonly journal: AppealJournal,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async candidates(actor: Actor, idOrNumber: string): Promise<DuplicateCandidateDto[]> {
    const appeal = await this.access.load(actor, idOrNumber);
    if (!appeal.citizenId || !appeal.registeredAt) return [];
    const scope = await this.access.departmentScope(actor);
    const { duplicateWindowDays, duplicateSimilarity } = this.config.intake;
    const rows = await this.own.manager.query<
      { id: string; number: string; subject: string; status: string; registeredAt: Date; mergedIntoAppealId: string | null; similarity: number }[]
    >(
      `SELECT id, number::text AS number, subject, status, registered_at AS "registeredAt", merged_into_appeal_id AS "mergedIntoAppealId",
              round(similarity(subject || ' ' || body, $2)::numeric, 3)::float8 AS similarity
         FROM appeals
        WHERE citizen_id = $1 AND id <> $3 AND status <> 'draft'
          AND registered_at BETWEEN $4::timestamptz - make_interval(days => $5) AND $4::timestamptz + make_interval(days => $5)
          AND department_id = ANY($6)
          AND similarity(subject || ' ' || body, $2) >= $7
        ORDER BY similarity DESC, registered_at DESC
        LIMIT 20`,
      [appeal.citizenId, `${appeal.subject} ${appeal.body}`, appeal.id, appeal.registeredAt, duplicateWindowDays, scope, duplicateSimilarity],
    );
    // The citizen's other appeals (their subjects) shown to staff: a view of personal data, as the card's.
    if (rows.length) {
      await this.audit.record(this.own.manager, actor, {
        action: 'appeal.viewed',
        entityType: 'appeal',
        entityId: appeal.id,
        subjectId: appeal.citizenId,
        details: { number: appeal.number, fields: ['duplicates'], appeals: rows.map((r) => Number(r.number)) },
      });
    }
    return rows.map((r) => ({
      id: r.id,
      number: Number(r.number),
      subject: r.subject,
      status: r.status as DuplicateCandidateDto['status'],
      registeredAt: r.registeredAt.toISOString(),
      similarity: r.similarity,
      merged: r.mergedIntoAppealId === appeal.id,
    }));
  }

  /**
   * Links `duplicate` to the main appeal `idOrNumber`: both handled by the actor, both not yet answered, the
   * main one not itself linked, the duplicate not yet linked and with none linked to it. One
   * transaction; the duplicate's history records the link («Объединено»).
   */
  async merge(actor: Actor, idOrNumber: string, duplicate: string): Promise<AppealSummaryDto> {
    return this.own.manager.transaction(async (manager) => {
      // Both rows locked in one order (by id), so two merges of the same pair cannot interleave.
      const first = await this.access.load(actor, idOrNumber, { manager });
      const second = await this.access.load(actor, duplicate, { manager });
      if (first.id === second.id) throw new ConflictError('merge_same_appeal');
      const [a, b] = [first, second].sort((x, y) => x.id.localeCompare(y.id));
      await this.access.load(actor, a.id, { manager, lock: true });
      await this.access.load(actor, b.id, { manager, lock: true });
      const main = await this.access.load(actor, first.id, { manager });
      const linked = await this.access.load(actor, second.id, { manager });
      for (const x of [main, linked]) {
        if (!(await this.access.handles(actor, x, manager))) throw new DomainError(403, 'oversight_only');
        if (!UNANSWERED_STATUSES.includes(x.status)) throw new ConflictError('merge_closed_appeal', { number: x.number ?? '' });
      }
      if (main.mergedIntoAppealId) throw new ConflictError('merge_main_is_linked', { number: main.number ?? '' });
      if (linked.mergedIntoAppealId) throw new ConflictError('merge_already_linked', { number: linked.number ?? '' });
      const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM appeals WHERE merged_into_appeal_id = $1`, [linked.id]);
      if (count > 0) throw new ConflictError('merge_has_linked', { number: linked.number ?? '' });
      linked.mergedIntoAppealId = main.id;
      await manager.update(Appeal, { id: linked.id }, { mergedIntoAppealId: main.id });
      await this.journal.record(manager, linked, actor, {
        event: HistoryEvent.Merged,
        from: linked.status,
        details: { mainAppealId: main.id, mainNumber: main.number },
      });
      return toSummary(linked);
    });
  }
}

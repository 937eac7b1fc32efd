import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { AppealStatus } from '@otklik/shared/domain';
import { Actor } from '../../common/http/actor';
import { AuditService } from '../audit/audit.service';
import { AppealAccess } from './appeal-access.service';
import { Appeal } from './appeal.entity';
import { toSummary } from './appeal.mapper';
import { AppealRelationsDto, LinkedAppealDto } from './dto/appeal-relations.dto';

/** How many of the citizen's other appeals the card lists (newest first). */
const OTHERS_LIMIT = 20;

/**
 * The card's related appeals: those linked to this one (the appeal it disputes or re-files, and
 * the disputes and re-filings of it; the main appeal it was merged into, the duplicates merged into it) and the citizen's other appeals — each only where the staff
 * member may see it (their department scope, or escalated to it), as the card itself is.
 */
@Injectable()
export class AppealRelationsService {
  constructor(
    @InjectRepository(Appeal) private readonly own: Repository<Appeal>,
    private readonly access: AppealAccess,
    private readonly audit: AuditService,
  ) {}

  async related(actor: Actor, idOrNumber: string): Promise<AppealRelationsDto> {
    const appeal = await this.access.load(actor, idOrNumber);
    const scope = await this.access.departmentScope(actor);
    const visible = () =>
      this.own
        .createQueryBuilder('a')
        .where('a.status <> :draft', { draft: AppealStatus.Draft })
        .andWhere(new Brackets((b) => b.where('a.department_id = ANY(:scope)', { scope }).orWhere('a.escalated_to_department_id = ANY(:scope)', { scope })));
    const linkedRows = await visible()
      .andWhere(
        new Brackets((b) =>
          b
            .where('a.id = :parent', { parent: appeal.parentAppealId })
            .orWhere('a.parent_appeal_id = :id', { id: appeal.id })
            // «Объединить»: the main appeal this one was merged into, and the duplicates merged into it.
            .orWhere('a.id = :main', { main: appeal.mergedIntoAppealId })
            .orWhere('a.merged_into_appeal_id = :id', { id: appeal.id }),
        ),
      )
      .orderBy('a.created_at', 'ASC')
      .getMany();
    const relation = (a: Appeal): LinkedAppealDto['relation'] =>
      a.id === appeal.parentAppealId ? 'parent' : a.id === appeal.mergedIntoAppealId ? 'main' : a.mergedIntoAppealId === appeal.id ? 'merged' : 'child';
    const linked: LinkedAppealDto[] = linkedRows.map((a) => ({ ...toSummary(a), relation: relation(a) }));
    const others = appeal.citizenId
      ? await visible()
          .andWhere('a.citizen_id = :citizen AND a.id <> :id', { citizen: appeal.citizenId, id: appeal.id })
          .orderBy('a.created_at', 'DESC')
          .addOrderBy('a.id', 'DESC')
          .limit(OTHERS_LIMIT)
          .getMany()
      : [];
    // The subjects of the citizen's other appeals are their personal data: the view is logged as the card's is.
    if (others.length > 0) {
      await this.audit.record(this.own.manager, actor, {
        action: 'appeal.viewed',
        entityType: 'appeal',
        entityId: appeal.id,
        subjectId: appeal.citizenId,
        details: { number: appeal.number, fields: ['otherAppeals'], appeals: others.length },
      });
    }
    return { linked, others: others.map(toSummary) };
  }
}

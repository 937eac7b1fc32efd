import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { allowedCitizenActions, AppealStatus, CitizenAction, citizenActionAllowed, HistoryEvent, nextStatus } from '@otklik/shared/domain';
import { Clock } from '../../common/clock/clock';
import { Actor } from '../../common/http/actor';
import { TransitionNotAllowedError } from '../../common/problem/domain-error';
import { AttachmentsService } from '../attachments/attachments.service';
import { SlaService } from '../workflow/sla/sla.service';
import { AppealAccess } from './appeal-access.service';
import { citizenContext } from './appeal-context';
import { AppealJournal } from './appeal-journal';
import { Appeal } from './appeal.entity';
import { toSummary } from './appeal.mapper';
import { AddMaterialsDto } from './dto/appeal-input.dto';
import { AppealSummaryDto } from './dto/appeal-output.dto';

/**
 * «Добавить материалы»: the citizen attaches more files to an open appeal. When the department
 * was waiting for them (awaiting_citizen), the appeal goes back to work and the SLA clock
 * restarts with the time that was left.
 */
@Injectable()
export class AppealMaterialsService {
  constructor(
    @InjectRepository(Appeal) private readonly own: Repository<Appeal>,
    private readonly access: AppealAccess,
    private readonly journal: AppealJournal,
    private readonly attachments: AttachmentsService,
    private readonly clock: Clock,
    private readonly sla: SlaService,
  ) {}

  async add(actor: Actor, idOrNumber: string, dto: AddMaterialsDto): Promise<AppealSummaryDto> {
    return this.own.manager.transaction(async (manager) => {
      const appeal = await this.access.load(actor, idOrNumber, { manager, lock: true });
      // The shared state machine says where materials are welcome (open, not yet answered).
      const context = citizenContext(appeal, this.clock.now());
      if (!citizenActionAllowed(CitizenAction.AddMaterials, appeal.status, context)) {
        throw new TransitionNotAllowedError(appeal.status, CitizenAction.AddMaterials, allowedCitizenActions(appeal.status, context));
      }
      await this.attachments.bind(manager, actor, dto.attachmentIds, { appealId: appeal.id });
      const from = appeal.status;
      if (from === AppealStatus.AwaitingCitizen) {
        // The clock restarts as for any return to work: policy unit, database calendar, reminder.
        Object.assign(appeal, await this.sla.resume(manager, appeal, this.clock.now()));
      }
      appeal.status = nextStatus(CitizenAction.AddMaterials, from);
      // A proposal waits only while the appeal does (a pending one keeps it in awaiting_approval).
      if (appeal.status !== AppealStatus.AwaitingApproval) appeal.pendingProposal = null;
      await manager.save(Appeal, appeal);
      await this.journal.record(manager, appeal, actor, {
        event: HistoryEvent.MaterialsAdded,
        from,
        comment: dto.comment ?? null,
        details: { attachmentIds: dto.attachmentIds },
      });
      return toSummary(appeal);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AnswerChannel, HistoryEvent } from '@otklik/shared/domain';
import { Actor } from '../../common/http/actor';
import { Clock } from '../../common/clock/clock';
import { ConflictError, DomainError } from '../../common/problem/domain-error';
import { AppealAccess } from './appeal-access.service';
import { AppealJournal } from './appeal-journal';
import { Appeal } from './appeal.entity';
import { AnswerPrintedDto } from './dto/staff-intake.dto';

/**
 * Answers that go by post (59-ФЗ ст. 10 ч. 4: to the postal address given): the operator prints the
 * signed PDF and marks it printed. Not a workflow step (the status stays): a record of who printed
 * which answer and when, in the appeal's history and the audit log, after which the appeal leaves
 * the to-print list. A newer answer clears the mark (the answer step), so it is printed again.
 */
@Injectable()
export class AppealPostalAnswersService {
  constructor(
    @InjectRepository(Appeal) private readonly own: Repository<Appeal>,
    private readonly access: AppealAccess,
    private readonly journal: AppealJournal,
    private readonly clock: Clock,
  ) {}

  /** «Распечатано»: one transaction; marking an already printed answer again changes nothing (a retry). */
  async markPrinted(actor: Actor, idOrNumber: string): Promise<AnswerPrintedDto> {
    return this.own.manager.transaction(async (manager) => {
      const found = await this.access.load(actor, idOrNumber, { manager });
      const appeal = await this.access.load(actor, found.id, { manager, lock: true });
      // Only the handling department prints and posts its answers (oversight does not).
      if (!(await this.access.handles(actor, appeal, manager))) throw new DomainError(403, 'oversight_only');
      if (appeal.answerChannel !== AnswerChannel.Post || appeal.answeredAt === null) throw new ConflictError('answer_not_postal', { number: appeal.number ?? '' });
      if (appeal.answerPrintedAt) return this.view(appeal);
      const printedAt = this.clock.now();
      await manager.update(Appeal, { id: appeal.id }, { answerPrintedAt: printedAt, answerPrintedBy: actor.userId });
      Object.assign(appeal, { answerPrintedAt: printedAt, answerPrintedBy: actor.userId });
      // The history row, the audit row (before → after) and the outbox event, in this transaction.
      await this.journal.record(manager, appeal, actor, {
        event: HistoryEvent.AnswerPrinted,
        from: appeal.status,
        details: { answeredAt: appeal.answeredAt.toISOString(), before: { answerPrintedAt: null }, after: { answerPrintedAt: printedAt.toISOString(), answerPrintedBy: actor.userId } },
      });
      return this.view(appeal);
    });
  }

  private view(appeal: Appeal): AnswerPrintedDto {
    return { id: appeal.id, number: appeal.number!, answerPrintedAt: appeal.answerPrintedAt!.toISOString() };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { CitizenAction } from '@otklik/shared/domain';
import { Actor } from '../../../../common/http/actor';
import { ValidationFailedError } from '../../../../common/problem/domain-error';
import { toSummary } from '../../../appeals/appeal.mapper';
import { AddMaterialsDto } from '../../../appeals/dto/appeal-input.dto';
import { AppealAction, CitizenActionRouteBodyDto, RatingDto } from '../dto/citizen-actions.dto';
import { AppealSummaryDto } from '../../../appeals/dto/appeal-output.dto';
import { CitizenActionHandler } from '../transition';
import { TransitionRunner } from '../transition-runner';
import { AddMaterialsHandler, RateHandler } from './citizen-handlers';

export const CITIZEN_HANDLERS = Symbol('CITIZEN_HANDLERS');

/**
 * What a citizen does to their own appeal after filing it: withdraw, close, importance, and the
 * answer's follow-ups (clarification, reopening, dispute, re-filing, escalation, rating), each a
 * handler run by the transition runner: one transaction with a row lock on the appeal, so
 * concurrent actions serialise and the loser sees the new status (409 when no longer allowed).
 */
@Injectable()
export class CitizenActionsService {
  private readonly handlers: ReadonlyMap<CitizenAction, CitizenActionHandler<object>>;

  constructor(
    @Inject(CITIZEN_HANDLERS) handlers: CitizenActionHandler<object>[],
    private readonly rating: RateHandler,
    private readonly materials: AddMaterialsHandler,
    private readonly runner: TransitionRunner,
  ) {
    this.handlers = new Map(handlers.map((h) => [h.action, h]));
  }

  async act(actor: Actor, idOrNumber: string, action: AppealAction, body: CitizenActionRouteBodyDto = {}): Promise<AppealSummaryDto> {
    if (body.action !== undefined && body.action !== action) throw new ValidationFailedError([{ field: 'action', code: 'action_mismatch', message: 'the body names another action than the path' }]);
    const handler = this.handlers.get(action as CitizenAction);
    if (!handler) throw new Error(`No handler for citizen action ${action}`);
    return toSummary((await this.runner.run(handler, actor, idOrNumber, body)).respondWith);
  }

  /** Rates the answer 1–5; a low score with a comment puts the appeal on the supervisor's re-review list. */
  async rate(actor: Actor, idOrNumber: string, dto: RatingDto): Promise<AppealSummaryDto> {
    return toSummary((await this.runner.run(this.rating, actor, idOrNumber, dto)).appeal);
  }

  /** «Добавить материалы»: own uploads bound to an open appeal; from awaiting_citizen back to work. */
  async addMaterials(actor: Actor, idOrNumber: string, dto: AddMaterialsDto): Promise<AppealSummaryDto> {
    return toSummary((await this.runner.run(this.materials, actor, idOrNumber, dto)).appeal);
  }
}

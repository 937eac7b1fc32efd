import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../../../../common/http/actor';
import { DomainError, ValidationFailedError } from '../../../../common/problem/domain-error';
import { AppealStore } from '../../../appeals/appeal.repository';
import { toSummary } from '../../../appeals/appeal.mapper';
import { AppealSummaryDto } from '../../../appeals/dto/appeal-output.dto';
import { AssignmentService } from '../../routing/assignment.service';
import { AssigneeOptionDto, BulkActionDto, BulkResultDto, StaffActionRouteBodyDto, StaffRouteAction } from '../dto/staff-actions.dto';
import { TransitionRunner } from '../transition-runner';
import { StaffRouteHandler } from './staff-handlers';

export const STAFF_HANDLERS = Symbol('STAFF_HANDLERS');

/** POST /staff/appeals/{id}/actions/{action} and the bulk route: the action's handler, through the runner. */
@Injectable()
export class StaffActionsService {
  private readonly handlers: ReadonlyMap<StaffRouteAction, StaffRouteHandler>;

  constructor(
    @Inject(STAFF_HANDLERS) handlers: StaffRouteHandler[],
    private readonly runner: TransitionRunner,
    private readonly store: AppealStore,
    private readonly assignment: AssignmentService,
  ) {
    this.handlers = new Map(handlers.map((h) => [h.action, h]));
  }

  /** Who the appeal may be assigned to: staff of its department, least loaded first. */
  async assigneeOptions(actor: Actor, idOrNumber: string): Promise<AssigneeOptionDto[]> {
    const appeal = await this.store.load(actor, idOrNumber);
    return this.assignment.options(this.store.manager, appeal.departmentId!);
  }

  async act(actor: Actor, idOrNumber: string, action: StaffRouteAction, body: StaffActionRouteBodyDto): Promise<AppealSummaryDto> {
    if (body.action !== undefined && body.action !== action) throw new ValidationFailedError([{ field: 'action', code: 'action_mismatch', message: 'the body names another action than the path' }]);
    const handler = this.handlers.get(action);
    if (!handler) throw new Error(`No handler for staff action ${action}`);
    const { respondWith } = await this.runner.run(handler, actor, idOrNumber, body);
    return toSummary(respondWith);
  }

  /** Bulk assign/redirect over a selection: each appeal in its own transaction; the result says which changed. */
  async bulk(actor: Actor, dto: BulkActionDto): Promise<BulkResultDto> {
    const { ids, action, ...body } = dto;
    const results: BulkResultDto['results'] = [];
    for (const id of [...new Set(ids)]) {
      try {
        const summary = await this.act(actor, id, action, body);
        results.push({ id, ok: true, status: summary.status });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ id, ok: false, code: error.code });
      }
    }
    return { results };
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { AppealSummaryDto } from '../../appeals/dto/appeal-output.dto';
import { Authenticated } from '../../auth/auth.decorators';
import { AnswerDraftDto } from '../answers/answer-draft.dto';
import { AppealAnswersService } from '../answers/appeal-answers.service';
import {
  AnswerInputDto,
  AssigneeOptionDto,
  BulkActionDto,
  BulkResultDto,
  STAFF_ACTION_BODIES,
  StaffActionBodyDto,
  StaffActionParams,
  StaffActionRouteBodyDto,
} from './dto/staff-actions.dto';
import { StaffActionsService } from './staff/staff-actions.service';

const BODIES = Object.entries(STAFF_ACTION_BODIES);

/** The staff side of the workflow: actions on an appeal, in bulk, and the answer. */
@ApiTags('staff')
// StaffActionBodyDto: every action's fields at once, as clients that build one form for several actions name them.
@ApiExtraModels(StaffActionBodyDto, ...BODIES.map(([, type]) => type))
@Controller({ path: 'staff/appeals', version: '1' })
export class StaffActionsController {
  constructor(
    private readonly actions: StaffActionsService,
    private readonly answers: AppealAnswersService,
  ) {}

  @Get(':idOrNumber/assignees')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: 'Who the appeal may be assigned to: staff of its department, least loaded first', operationId: 'listAppealAssignees' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: [AssigneeOptionDto] })
  assignees(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<AssigneeOptionDto[]> {
    return this.actions.assigneeOptions(actor, id);
  }

  @Get(':idOrNumber/answer-drafts')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: 'The answer drafts sent for approval, newest first: each revision, its state and the remark it was returned with', operationId: 'listAnswerDrafts' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: [AnswerDraftDto] })
  answerDrafts(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<AnswerDraftDto[]> {
    return this.answers.draftHistory(actor, id);
  }

  @Post('bulk-actions')
  @Authenticated(Role.Operator, Role.Supervisor)
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign or redirect a selection of appeals; each succeeds or fails on its own', operationId: 'bulkStaffAction' })
  @ApiOkResponse({ type: BulkResultDto })
  bulk(@CurrentActor() actor: Actor, @Body() dto: BulkActionDto): Promise<BulkResultDto> {
    return this.actions.bulk(actor, dto);
  }

  @Post(':idOrNumber/actions/:action')
  @Authenticated(Role.Operator, Role.Supervisor)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A staff action: take, assign, request-documents, send-for-approval, approve (supervisor), redirect, extend, no-answer-required, terminate-correspondence, reopen, ' +
      'and the proposals (propose-termination, propose-extension, propose-no-answer, approve-proposal, return-proposal). ' +
      'send-for-approval may carry the draft answer; approve then sends it out, return-answer (supervisor) returns it with a remark. ' +
      'reclassify sets the category (of the appeal\'s type) and/or the priority of an open appeal, without re-routing it or touching its deadlines; the same values again change nothing. ' +
      "Each action has its own body (oneOf; the body may repeat the path's `action`, which then selects it); a field the action needs is checked once the appeal's status admits the action.",
    operationId: 'staffAppealAction',
  })
  @ApiBody({
    required: false,
    schema: {
      // No `discriminator` keyword: it makes the property required, and the path names the action
      // (clients have always sent bodies without it). Each body's optional `action` is a one-value
      // enum, so a typed client that names the action in the body gets that action's body checked.
      oneOf: BODIES.map(([, type]) => ({ $ref: getSchemaPath(type) })),
    },
  })
  @ApiOkResponse({ type: AppealSummaryDto })
  act(@CurrentActor() actor: Actor, @Param() params: StaffActionParams, @Body() body: StaffActionRouteBodyDto): Promise<AppealSummaryDto> {
    return this.actions.act(actor, params.idOrNumber, params.action, body ?? {});
  }

  @Post(':idOrNumber/answer')
  @Authenticated(Role.Operator, Role.Supervisor)
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer: done → resolved, refused → rejected (reason required), clarification_needed → awaiting_citizen', operationId: 'answerAppeal' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: AppealSummaryDto })
  answer(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @Body() dto: AnswerInputDto): Promise<AppealSummaryDto> {
    return this.answers.answer(actor, id, dto);
  }
}

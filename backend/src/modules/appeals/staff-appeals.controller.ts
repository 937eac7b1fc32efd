import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { RequestLocale } from '../../common/http/request-meta';
import { Locale } from '../../common/i18n/messages';
import { Authenticated } from '../auth/auth.decorators';
import { AppealAnswersService } from './appeal-answers.service';
import { AppealQueryService } from './appeal-query.service';
import { AppealStaffActionsService } from './appeal-staff-actions.service';
import { AppealDto, AppealListDto, AppealSummaryDto, ContactViewDto } from './dto/appeal-output.dto';
import { AnswerInputDto, AnswerTemplateViewDto, AssigneeOptionDto, BulkActionDto, BulkResultDto, StaffActionBodyDto, StaffActionParams } from './dto/staff-action.dto';
import { RevealContactDto } from './dto/appeal-action.dto';
import { StaffAppealListQuery } from './dto/appeal-query.dto';

@ApiTags('staff')
@Controller({ path: 'staff/appeals', version: '1' })
export class StaffAppealsController {
  constructor(
    private readonly query: AppealQueryService,
    private readonly actions: AppealStaffActionsService,
    private readonly answers: AppealAnswersService,
  ) {}

  @Get()
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: 'Department queue (own department; a supervisor also sees sub-departments)', operationId: 'listStaffAppeals' })
  @ApiOkResponse({ type: AppealListDto })
  list(@CurrentActor() actor: Actor, @Query() query: StaffAppealListQuery): Promise<AppealListDto> {
    return this.query.listStaff(actor, query);
  }

  @Get(':idOrNumber')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: 'The full card of an appeal in the queue (contact details masked)', operationId: 'getStaffAppeal' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: AppealDto })
  card(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @RequestLocale() locale: Locale): Promise<AppealDto> {
    return this.query.card(actor, id, locale);
  }

  @Get(':idOrNumber/assignees')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: "Who the appeal may be assigned to: staff of its department, least loaded first", operationId: 'listAppealAssignees' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: [AssigneeOptionDto] })
  assignees(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<AssigneeOptionDto[]> {
    return this.actions.assigneeOptions(actor, id);
  }

  @Post(':idOrNumber/reveal-contact')
  @Authenticated(Role.Operator, Role.Supervisor)
  @HttpCode(200)
  @ApiOperation({ summary: "Reveal the citizen's contact details (logged as a personal-data access)", operationId: 'revealAppealContact' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: ContactViewDto })
  reveal(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @Body() dto: RevealContactDto): Promise<ContactViewDto> {
    return this.query.revealContact(actor, id, dto.reason);
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
    summary: 'A staff action: take, assign, request-documents, send-for-approval, approve (supervisor), redirect, extend, no-answer-required, terminate-correspondence, reopen',
    operationId: 'staffAppealAction',
  })
  @ApiBody({ type: StaffActionBodyDto, required: false })
  @ApiOkResponse({ type: AppealSummaryDto })
  act(@CurrentActor() actor: Actor, @Param() params: StaffActionParams, @Body() body: StaffActionBodyDto): Promise<AppealSummaryDto> {
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

  @Get(':idOrNumber/answer-templates')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: "Answer templates of the appeal's department, with this appeal's placeholders filled in", operationId: 'listAnswerTemplatesForAppeal' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: [AnswerTemplateViewDto] })
  templates(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<AnswerTemplateViewDto[]> {
    return this.query.answerTemplates(actor, id);
  }
}

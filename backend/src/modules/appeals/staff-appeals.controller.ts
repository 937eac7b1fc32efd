import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Idempotency, IdempotencyHeader, RequestLocale } from '../../common/http/request-meta';
import { Locale } from '../../common/i18n/messages';
import { Authenticated } from '../auth/auth.decorators';
import { AppealIntakeService } from './appeal-intake.service';
import { AppealQueryService } from './appeal-query.service';
import { AppealDuplicatesService } from './appeal-duplicates.service';
import { DuplicateCandidateDto, AppealSummaryDto } from './dto/appeal-output.dto';
import { AnswerPrintedDto, MergeAppealDto, StaffAppealInputDto, StaffAppealReceiptDto } from './dto/staff-intake.dto';
import { AppealPostalAnswersService } from './appeal-postal-answers.service';
import { AppealRelationsService } from './appeal-relations.service';
import { AppealRelationsDto } from './dto/appeal-relations.dto';
import { AppealDto, ContactViewDto, QueueCountsDto, StaffAppealListDto } from './dto/appeal-output.dto';
import { AnswerTemplateViewDto } from './dto/answer-output.dto';
import { RevealContactDto } from './dto/appeal-action.dto';
import { StaffAppealListQuery } from './dto/appeal-query.dto';

@ApiTags('staff')
@Controller({ path: 'staff/appeals', version: '1' })
export class StaffAppealsController {
  constructor(
    private readonly query: AppealQueryService,
    private readonly intake: AppealIntakeService,
    private readonly duplicates: AppealDuplicatesService,
    private readonly relations: AppealRelationsService,
    private readonly postal: AppealPostalAnswersService,
  ) {}

  @Post()
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({
    summary: 'Register an appeal received by phone, e-mail, post or in person (into the own departments or the general pool); the applicant gets the receipt',
    operationId: 'registerStaffAppeal',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key and body returns the first response; another body → 422' })
  @ApiCreatedResponse({ type: StaffAppealReceiptDto })
  register(@CurrentActor() actor: Actor, @Body() dto: StaffAppealInputDto, @Idempotency() idem: IdempotencyHeader): Promise<StaffAppealReceiptDto> {
    return this.intake.registerByStaff(actor, dto, idem);
  }

  @Get()
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: 'Department queue (own department; a supervisor also sees sub-departments)', operationId: 'listStaffAppeals' })
  @ApiOkResponse({ type: StaffAppealListDto })
  list(@CurrentActor() actor: Actor, @Query() query: StaffAppealListQuery): Promise<StaffAppealListDto> {
    return this.query.listStaff(actor, query);
  }

  @Get('counts')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: "How many appeals each view of the caller's queue holds (the console's navigation)", operationId: 'countStaffQueueViews' })
  @ApiOkResponse({ type: QueueCountsDto })
  counts(@CurrentActor() actor: Actor): Promise<QueueCountsDto> {
    return this.query.queueCounts(actor);
  }

  @Get(':idOrNumber')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: 'The full card of an appeal in the queue (contact details masked)', operationId: 'getStaffAppeal' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: AppealDto })
  card(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @RequestLocale() locale: Locale): Promise<AppealDto> {
    return this.query.card(actor, id, locale);
  }

  @Get(':idOrNumber/related')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({
    summary: "Linked appeals (the one this disputes or re-files, its disputes and re-filings) and the citizen's other appeals, as far as the staff member may see them",
    operationId: 'getRelatedAppeals',
  })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: AppealRelationsDto })
  related(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<AppealRelationsDto> {
    return this.relations.related(actor, id);
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

  @Get(':idOrNumber/answer-templates')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: "Answer templates of the appeal's department, with this appeal's placeholders filled in", operationId: 'listAnswerTemplatesForAppeal' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: [AnswerTemplateViewDto] })
  templates(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<AnswerTemplateViewDto[]> {
    return this.query.answerTemplates(actor, id);
  }

  @Get(':idOrNumber/duplicates')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: "Likely duplicates: the same citizen's similar appeals within DUPLICATE_WINDOW_DAYS, in the staff member's departments", operationId: 'listAppealDuplicates' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: [DuplicateCandidateDto] })
  listDuplicates(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<DuplicateCandidateDto[]> {
    return this.duplicates.candidates(actor, id);
  }

  @Post(':idOrNumber/merge')
  @Authenticated(Role.Operator, Role.Supervisor)
  @HttpCode(200)
  @ApiOperation({ summary: '«Объединить»: link a duplicate to this main appeal; both keep their numbers, the main answer goes to both', operationId: 'mergeAppeal' })
  @ApiParam({ name: 'idOrNumber', description: 'The main appeal: id (UUID) or human number' })
  @ApiOkResponse({ type: AppealSummaryDto, description: 'The linked duplicate' })
  merge(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @Body() dto: MergeAppealDto): Promise<AppealSummaryDto> {
    return this.duplicates.merge(actor, id, dto.duplicate);
  }

  @Post(':idOrNumber/answer-printed')
  @Authenticated(Role.Operator, Role.Supervisor)
  @HttpCode(200)
  @ApiOperation({
    summary: '«Распечатано»: the postal answer was printed to post it (who and when, in the history and the audit); the appeal leaves the to-print list (toPrint)',
    operationId: 'markAnswerPrinted',
  })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: AnswerPrintedDto })
  answerPrinted(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<AnswerPrintedDto> {
    return this.postal.markPrinted(actor, id);
  }
}

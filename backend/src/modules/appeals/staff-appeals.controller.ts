import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { RequestLocale } from '../../common/http/request-meta';
import { Locale } from '../../common/i18n/messages';
import { Authenticated } from '../auth/auth.decorators';
import { AppealQueryService } from './appeal-query.service';
import { AppealDto, ContactViewDto, QueueCountsDto, StaffAppealListDto } from './dto/appeal-output.dto';
import { AnswerTemplateViewDto } from './dto/answer-output.dto';
import { RevealContactDto } from './dto/appeal-action.dto';
import { StaffAppealListQuery } from './dto/appeal-query.dto';

@ApiTags('staff')
@Controller({ path: 'staff/appeals', version: '1' })
export class StaffAppealsController {
  constructor(
    private readonly query: AppealQueryService,
  ) {}

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
}

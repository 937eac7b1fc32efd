import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Idempotency, IdempotencyHeader, RequestLocale } from '../../common/http/request-meta';
import { Locale } from '../../common/i18n/messages';
import { Authenticated, WidgetScoped } from '../auth/auth.decorators';
import { AppealExportService } from './appeal-export.service';
import { AppealIntakeService } from './appeal-intake.service';
import { AppealMessagesService } from './appeal-messages.service';
import { AppealQueryService } from './appeal-query.service';
import { CitizenTemplatesService } from './citizen-templates.service';
import { AppealPrefillDto, AppealPrefillQuery } from './dto/appeal-template.dto';
import { CreateAppealDto, CreateMessageDto, UpdateAppealDto } from './dto/appeal-input.dto';
import { AppealDto, AppealListDto, AppealSummaryDto, HistoryEntryDto, MessageDto } from './dto/appeal-output.dto';
import { AppealExportQuery, AppealListQuery } from './dto/appeal-query.dto';
import { WidgetFilingGuard } from '../widget/widget-filing.guard';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A retried request with the same key and body returns the first response; another body → 422',
};
const ID_PARAM = { name: 'idOrNumber', description: 'Appeal id (UUID) or human number' };
const STAFF = [Role.Operator, Role.Supervisor];

@ApiTags('appeals')
@Controller({ path: 'appeals', version: '1' })
export class AppealsController {
  constructor(
    private readonly intake: AppealIntakeService,
    private readonly query: AppealQueryService,
    private readonly thread: AppealMessagesService,
    private readonly exporter: AppealExportService,
    private readonly templates: CitizenTemplatesService,
  ) {}

  @Post()
  @Authenticated(Role.Citizen)
  @WidgetScoped()
  @ApiOperation({ summary: 'File an appeal (registered at once) or save a draft', operationId: 'createAppeal' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: AppealSummaryDto })
  @UseGuards(WidgetFilingGuard)
  @ApiForbiddenResponse({ description: 'From another site: 403 widget_origin_not_allowed unless the admin allowed that origin for the body the category routes to' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAppealDto, @Idempotency() idem: IdempotencyHeader): Promise<AppealSummaryDto> {
    return this.intake.create(actor, dto, idem);
  }

  @Get()
  @Authenticated(Role.Citizen)
  @ApiOperation({ summary: 'My appeals, newest first; q searches the text', operationId: 'listMyAppeals' })
  @ApiOkResponse({ type: AppealListDto })
  list(@CurrentActor() actor: Actor, @Query() query: AppealListQuery): Promise<AppealListDto> {
    return this.query.listOwn(actor, query);
  }

  @Get('export')
  @Authenticated(Role.Citizen)
  @ApiOperation({ summary: 'My appeal history as CSV or PDF, with the list filters', operationId: 'exportMyAppeals' })
  @ApiProduces('text/csv', 'application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async export(
    @CurrentActor() actor: Actor,
    @Query() query: AppealExportQuery,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.exporter.export(actor, query, query.format ?? 'csv', locale);
    reply.header('Content-Type', file.contentType).header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.body);
  }

  @Get('prefill')
  @Authenticated(Role.Citizen)
  @ApiOperation({ summary: 'A new appeal prefilled from my profile, a template of mine or an earlier appeal of mine', operationId: 'prefillAppeal' })
  @ApiOkResponse({ type: AppealPrefillDto })
  prefill(@CurrentActor() actor: Actor, @Query() query: AppealPrefillQuery): Promise<AppealPrefillDto> {
    return this.templates.prefill(actor, query.from);
  }

  @Get(':idOrNumber')
  @Authenticated(Role.Citizen, ...STAFF)
  @ApiOperation({ summary: 'The appeal card: fields, status, deadlines, history, messages', operationId: 'getAppeal' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: AppealDto })
  card(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @RequestLocale() locale: Locale): Promise<AppealDto> {
    return this.query.card(actor, id, locale);
  }

  @Patch(':idOrNumber')
  @Authenticated(Role.Citizen)
  @ApiOperation({ summary: 'Edit a draft or a registered appeal («Перепроверено»)', operationId: 'updateAppeal' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: AppealSummaryDto })
  update(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @Body() dto: UpdateAppealDto): Promise<AppealSummaryDto> {
    return this.intake.update(actor, id, dto);
  }

  @Post(':idOrNumber/submit')
  @Authenticated(Role.Citizen)
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a draft: it is registered at once', operationId: 'submitAppeal' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: AppealSummaryDto })
  submit(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<AppealSummaryDto> {
    return this.intake.submit(actor, id);
  }

  @Get(':idOrNumber/history')
  @Authenticated(Role.Citizen, ...STAFF)
  @ApiOperation({ summary: 'Status history', operationId: 'getAppealHistory' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: [HistoryEntryDto] })
  history(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @RequestLocale() locale: Locale): Promise<HistoryEntryDto[]> {
    return this.query.history(actor, id, locale);
  }

  @Get(':idOrNumber/messages')
  @Authenticated(Role.Citizen, ...STAFF)
  @ApiOperation({ summary: 'The message thread (internal notes only for staff)', operationId: 'listAppealMessages' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: [MessageDto] })
  messages(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<MessageDto[]> {
    return this.query.messages(actor, id);
  }

  @Post(':idOrNumber/messages')
  @Authenticated(Role.Citizen, ...STAFF)
  @ApiOperation({ summary: 'Write to the thread; staff may add an internal note', operationId: 'postAppealMessage' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: MessageDto })
  postMessage(
    @CurrentActor() actor: Actor,
    @Param('idOrNumber') id: string,
    @Body() dto: CreateMessageDto,
    @Idempotency() idem: IdempotencyHeader,
  ): Promise<MessageDto> {
    return this.thread.post(actor, id, dto, idem);
  }
}

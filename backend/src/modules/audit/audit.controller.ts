import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { RequestLocale } from '../../common/http/request-meta';
import { Locale } from '../../common/i18n/messages';
import { PageQuery } from '../../common/pagination/page-query';
import { Authenticated } from '../auth/auth.decorators';
import { AuditAlertDto, AuditAlertPageDto, AuditAlertQuery, AuditExportQuery, AuditPageDto, AuditQuery, CitizenMatchListDto, CitizenSearchQuery, MyPersonalDataAccessPageDto, PersonalDataAccessPageDto, ResolveAlertDto } from './audit.dto';
import { AuditAlertsService } from './audit-alerts.service';
import { AuditExportService } from './audit-export.service';
import { AuditQueryService } from './audit-query.service';
import { PersonalDataAccessLog } from './personal-data-access.service';

const uuid = new ParseUUIDPipe();

@ApiTags('audit')
@Controller({ path: 'audit', version: '1' })
export class AuditController {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly alerts: AuditAlertsService,
    private readonly access: PersonalDataAccessLog,
    private readonly exporter: AuditExportService,
  ) {}

  @Get()
  @Authenticated(Role.Auditor, Role.Admin)
  @ApiOperation({ summary: 'The audit log, newest first', operationId: 'listAudit' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQuery): Promise<AuditPageDto> {
    return this.audit.list(query);
  }

  @Get('export')
  @Authenticated(Role.Auditor, Role.Admin)
  @ApiOperation({
    summary: 'The audit log with the list filters as CSV or PDF (the newest 5000 rows that match)',
    description: 'Each export is itself audited (audit.export, with the filters and the row count).',
    operationId: 'exportAudit',
  })
  @ApiProduces('text/csv', 'application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async export(
    @CurrentActor() actor: Actor,
    @Query() query: AuditExportQuery,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.exporter.export(actor, query, locale);
    reply.header('Content-Type', file.contentType).header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.body);
  }

  @Get('alerts')
  @Authenticated(Role.Auditor, Role.Admin)
  @ApiOperation({ summary: 'Suspicious-activity alerts with their resolution, newest first', operationId: 'listAuditAlerts' })
  @ApiOkResponse({ type: AuditAlertPageDto })
  listAlerts(@Query() query: AuditAlertQuery): Promise<AuditAlertPageDto> {
    return this.alerts.list(query);
  }

  @Post('alerts/:id/resolve')
  @HttpCode(200)
  @Authenticated(Role.Auditor, Role.Admin)
  @ApiOperation({ summary: 'Resolve an alert (confirmed or false positive); an admin may unlock the account it locked', operationId: 'resolveAuditAlert' })
  @ApiOkResponse({ type: AuditAlertDto })
  resolveAlert(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: ResolveAlertDto): Promise<AuditAlertDto> {
    return this.alerts.resolve(actor, id, dto);
  }

  @Get('citizens')
  @Authenticated(Role.Auditor, Role.Admin)
  @ApiOperation({ summary: 'Find citizens by e-mail, phone or name, to read their personal-data access log (the search is audited)', operationId: 'searchAuditCitizens' })
  @ApiOkResponse({ type: CitizenMatchListDto })
  citizens(@CurrentActor() actor: Actor, @Query() query: CitizenSearchQuery): Promise<CitizenMatchListDto> {
    return this.access.findCitizens(actor, query.q);
  }

  @Get('personal-data-access/:citizenId')
  @Authenticated(Role.Auditor, Role.Admin)
  @ApiOperation({ summary: "Who accessed one citizen's personal data, when and why (152-ФЗ)", operationId: 'listPersonalDataAccess' })
  @ApiOkResponse({ type: PersonalDataAccessPageDto })
  personalDataAccess(@Param('citizenId', uuid) citizenId: string, @Query() page: PageQuery, @RequestLocale() locale: Locale): Promise<PersonalDataAccessPageDto> {
    return this.access.forStaff(citizenId, page, locale);
  }
}

@ApiTags('me')
@Controller({ path: 'me', version: '1' })
export class MyPersonalDataAccessController {
  constructor(private readonly access: PersonalDataAccessLog) {}

  @Get('personal-data-access')
  @Authenticated(Role.Citizen)
  @ApiOperation({ summary: 'Which department and position viewed or revealed my personal data, and when (152-ФЗ)', operationId: 'listMyPersonalDataAccess' })
  @ApiOkResponse({ type: MyPersonalDataAccessPageDto })
  mine(@CurrentActor() actor: Actor, @Query() page: PageQuery, @RequestLocale() locale: Locale): Promise<MyPersonalDataAccessPageDto> {
    return this.access.forCitizen(actor.userId, page, locale);
  }
}

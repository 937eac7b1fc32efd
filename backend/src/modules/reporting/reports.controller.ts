import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import { ReportAppealsExportParams } from './report-appeals.dto';
import { ReportExportService } from './report-export.service';
import {
  BacklogReportDto,
  GratitudeReportDto,
  OperatorsReportDto,
  QualityReportDto,
  ReportExportParams,
  ReportExportQuery,
  ReportQuery,
  SlaReportDto,
  VolumeReportDto,
} from './reports.dto';
import { ReportsService } from './reports.service';
import { StatutoryQuery } from './statutory.dto';

/** Supervisor reports (their department subtree) and admin reports (every department). */
@ApiTags('reports')
@Controller({ path: 'reports', version: '1' })
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly exports: ReportExportService,
  ) {}

  @Get('volume')
  @Authenticated(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Received, registered, answered and closed by day, category, type, department and channel, against the previous period; intake heat map', operationId: 'getVolumeReport' })
  @ApiOkResponse({ type: VolumeReportDto })
  volume(@CurrentActor() actor: Actor, @Query() query: ReportQuery): Promise<VolumeReportDto> {
    return this.reports.volume(actor, query);
  }

  @Get('sla')
  @Authenticated(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'On-time shares, working-day means and exact medians, extensions, redirects; overdue now by department and operator', operationId: 'getSlaReport' })
  @ApiOkResponse({ type: SlaReportDto })
  sla(@CurrentActor() actor: Actor, @Query() query: ReportQuery): Promise<SlaReportDto> {
    return this.reports.sla(actor, query);
  }

  @Get('backlog')
  @Authenticated(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Open appeals now by status and age bucket, the oldest, the general pool, escalated', operationId: 'getBacklogReport' })
  @ApiOkResponse({ type: BacklogReportDto })
  backlog(@CurrentActor() actor: Actor, @Query() query: ReportQuery): Promise<BacklogReportDto> {
    return this.reports.backlog(actor, query);
  }

  @Get('quality')
  @Authenticated(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Ratings distribution and averages by department, category and operator; the re-review list; disputes', operationId: 'getQualityReport' })
  @ApiOkResponse({ type: QualityReportDto })
  quality(@CurrentActor() actor: Actor, @Query() query: ReportQuery): Promise<QualityReportDto> {
    return this.reports.quality(actor, query);
  }

  @Get('gratitude')
  @Authenticated(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Gratitude by category and department', operationId: 'getGratitudeReport' })
  @ApiOkResponse({ type: GratitudeReportDto })
  gratitude(@CurrentActor() actor: Actor, @Query() query: ReportQuery): Promise<GratitudeReportDto> {
    return this.reports.gratitude(actor, query);
  }

  @Get('operators')
  @Authenticated(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Operator workload: assigned, answered, mean handling time, open and overdue now', operationId: 'getOperatorsReport' })
  @ApiOkResponse({ type: OperatorsReportDto })
  operators(@CurrentActor() actor: Actor, @Query() query: ReportQuery): Promise<OperatorsReportDto> {
    return this.reports.operators(actor, query);
  }

  @Get('statutory')
  @Authenticated(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'The monthly statutory report (ССТУ form): topics by ТОТК code, received, considered by outcome; XLSX or CSV', operationId: 'exportStatutoryReport' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async statutory(@CurrentActor() actor: Actor, @Query() query: StatutoryQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const file = await this.exports.statutoryForm(actor, query);
    reply.header('Content-Type', file.contentType).header('Content-Disposition', `attachment; filename="sstu-${query.month}.${file.extension}"`);
    return new StreamableFile(file.body);
  }

  @Get('appeals/:set/export')
  @Authenticated(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'The appeals behind a figure (received, answered, closed in the period; open or overdue now) as streamed CSV', operationId: 'exportReportAppeals' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportAppeals(
    @CurrentActor() actor: Actor,
    @Param() params: ReportAppealsExportParams,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const body = await this.exports.appeals(actor, params.set, query);
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="appeals-${params.set}.csv"`);
    return new StreamableFile(body);
  }

  @Get(':report/export')
  @Authenticated(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'A report as streamed CSV, an XLSX workbook (rows: section, key, metric, value) or a PDF with its charts', operationId: 'exportReport' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async export(
    @CurrentActor() actor: Actor,
    @Param() params: ReportExportParams,
    @Query() query: ReportExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.exports.report(actor, params.report, query);
    reply.header('Content-Type', file.contentType).header('Content-Disposition', `attachment; filename="report-${params.report}.${file.extension}"`);
    return new StreamableFile(file.body);
  }
}

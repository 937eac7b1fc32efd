import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { Authenticated } from '../../auth/auth.decorators';
import {
  CalendarYearDto,
  CalendarYearParams,
  DeadlinePreviewDto,
  DeadlinePreviewQuery,
  ImportCalendarYearDto,
  LoadCalendarYearDto,
  SlaPolicyDto,
  UpsertSlaPolicyDto,
} from './dto/sla.dto';
import { SlaAdminService } from './sla-admin.service';

/** SLA policies and the production calendar: admins change them, supervisors may read them. */
@ApiTags('admin')
@Controller({ path: 'admin', version: '1' })
export class SlaAdminController {
  constructor(private readonly admin: SlaAdminService) {}

  @Get('sla-policies')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({ summary: 'SLA policies: the default of each appeal type and category-specific ones', operationId: 'listSlaPolicies' })
  @ApiOkResponse({ type: [SlaPolicyDto] })
  list(): Promise<SlaPolicyDto[]> {
    return this.admin.listPolicies();
  }

  @Put('sla-policies')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Create or replace the policy of a type (and optionally a category)', operationId: 'upsertSlaPolicy' })
  @ApiOkResponse({ type: SlaPolicyDto })
  upsert(@CurrentActor() actor: Actor, @Body() dto: UpsertSlaPolicyDto): Promise<SlaPolicyDto> {
    return this.admin.upsertPolicy(actor, dto);
  }

  @Get('calendar/preview')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({
    summary: 'The deadlines an appeal of a type (and category) registered at a given moment would get, by the calendar and policies in force',
    operationId: 'previewDeadline',
  })
  @ApiOkResponse({ type: DeadlinePreviewDto })
  preview(@Query() query: DeadlinePreviewQuery): Promise<DeadlinePreviewDto> {
    return this.admin.previewDeadline(query);
  }

  @Get('calendar/:year')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({ summary: 'A year of the production calendar (official if loaded, else by Labour Code art. 112)', operationId: 'getCalendarYear' })
  @ApiParam({ name: 'year', type: Number })
  @ApiOkResponse({ type: CalendarYearDto })
  year(@Param() params: CalendarYearParams): Promise<CalendarYearDto> {
    return this.admin.calendarYear(params.year);
  }

  @Put('calendar/:year')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: "Load a year's official production calendar", operationId: 'loadCalendarYear' })
  @ApiParam({ name: 'year', type: Number })
  @ApiOkResponse({ type: CalendarYearDto })
  load(@CurrentActor() actor: Actor, @Param() params: CalendarYearParams, @Body() dto: LoadCalendarYearDto): Promise<CalendarYearDto> {
    return this.admin.loadCalendarYear(actor, params.year, dto);
  }

  @Post('calendar/:year/import')
  @Authenticated(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary: "Load a year's production calendar from an xmlcalendar file (XML or JSON form)",
    description: 'The file must be of the year in the path (422 calendar_year_mismatch); a malformed file is a 422 naming `content`. Replaces the year as PUT does (audited as calendar.imported).',
    operationId: 'importCalendarYear',
  })
  @ApiParam({ name: 'year', type: Number })
  @ApiOkResponse({ type: CalendarYearDto })
  import(@CurrentActor() actor: Actor, @Param() params: CalendarYearParams, @Body() dto: ImportCalendarYearDto): Promise<CalendarYearDto> {
    return this.admin.importCalendarYear(actor, params.year, dto.format, dto.content);
  }
}

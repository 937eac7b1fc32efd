import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { Authenticated } from '../../auth/auth.decorators';
import {
  CalendarYearDto,
  CalendarYearParams,
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
}

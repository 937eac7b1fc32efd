import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import { WidgetOriginsDto } from './widget-origins.dto';
import { WidgetOriginsService } from './widget-origins.service';

/** The sites allowed to embed the citizen widget (admins). */
@ApiTags('admin')
@Controller({ path: 'admin/widget-origins', version: '1' })
export class WidgetOriginsController {
  constructor(private readonly origins: WidgetOriginsService) {}

  @Get()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Origins allowed to embed the citizen widget', operationId: 'getWidgetOrigins' })
  @ApiOkResponse({ type: WidgetOriginsDto })
  list(): Promise<WidgetOriginsDto> {
    return this.origins.list();
  }

  @Put()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Replace the origins allowed to embed the citizen widget', operationId: 'replaceWidgetOrigins' })
  @ApiOkResponse({ type: WidgetOriginsDto })
  replace(@CurrentActor() actor: Actor, @Body() dto: WidgetOriginsDto): Promise<WidgetOriginsDto> {
    return this.origins.replace(actor, dto);
  }
}

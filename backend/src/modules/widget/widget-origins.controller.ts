import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import { WidgetOriginsDto } from './widget-origins.dto';
import { WidgetOriginsService } from './widget-origins.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The sites allowed to embed the citizen widget (admins): for every body, and per body. */
@ApiTags('admin')
@Controller({ path: 'admin', version: '1' })
export class WidgetOriginsController {
  constructor(private readonly origins: WidgetOriginsService) {}

  @Get('widget-origins')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Origins allowed to embed the citizen widget for every body', operationId: 'getWidgetOrigins' })
  @ApiOkResponse({ type: WidgetOriginsDto })
  list(): Promise<WidgetOriginsDto> {
    return this.origins.list();
  }

  @Put('widget-origins')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Replace the origins allowed to embed the citizen widget for every body', operationId: 'replaceWidgetOrigins' })
  @ApiOkResponse({ type: WidgetOriginsDto })
  replace(@CurrentActor() actor: Actor, @Body() dto: WidgetOriginsDto): Promise<WidgetOriginsDto> {
    return this.origins.replace(actor, dto);
  }

  @Get('departments/:id/widget-origins')
  @Authenticated(Role.Admin)
  @ApiOperation({
    summary: "A body's origins allowed to embed the citizen widget",
    description: 'A body is a top-level department; any other department is 422 widget_body_invalid.',
    operationId: 'getBodyWidgetOrigins',
  })
  @ApiOkResponse({ type: WidgetOriginsDto })
  bodyOrigins(@Param('id', uuid) id: string): Promise<WidgetOriginsDto> {
    return this.origins.bodyOrigins(id);
  }

  @Put('departments/:id/widget-origins')
  @Authenticated(Role.Admin)
  @ApiOperation({
    summary: "Replace a body's origins allowed to embed the citizen widget",
    description: 'A body is a live top-level department; any other department is 422 widget_body_invalid. Every process applies the change at its commit.',
    operationId: 'replaceBodyWidgetOrigins',
  })
  @ApiOkResponse({ type: WidgetOriginsDto })
  replaceBodyOrigins(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: WidgetOriginsDto): Promise<WidgetOriginsDto> {
    return this.origins.replaceBodyOrigins(actor, id, dto);
  }
}

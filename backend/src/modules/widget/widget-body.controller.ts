import { Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { WidgetBodyDto } from './widget-origins.dto';
import { WidgetOriginsService } from './widget-origins.service';

/** What the widget mounted with `{ body }` loads: the body, its categories, the appeal link's form. */
@ApiTags('public')
@Controller({ path: 'public/widget/bodies', version: '1' })
export class WidgetBodyController {
  constructor(private readonly origins: WidgetOriginsService) {}

  @Get(':body')
  @Public()
  @ApiOperation({
    summary: 'The body the citizen widget is embedded for: its categories and the form of the link to a citizen’s appeal',
    description: 'A page on another origin (the `Origin` header) must be allowed for this body: 403 widget_origin_not_allowed otherwise. 404 for an unknown or retired body.',
    operationId: 'getWidgetBody',
  })
  @ApiParam({ name: 'body', description: 'The body’s code or id (a top-level department)' })
  @ApiOkResponse({ type: WidgetBodyDto })
  body(@Param('body') body: string, @Headers('origin') origin: string | undefined): Promise<WidgetBodyDto> {
    return this.origins.publicBody(body, origin);
  }
}

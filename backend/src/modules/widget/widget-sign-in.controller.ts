import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { send } from '../auth/esia/esia.controller';
import { EsiaSignInService } from '../auth/esia/esia-sign-in.service';
import { WidgetSignInQuery } from './widget-origins.dto';
import { WidgetOriginsService } from './widget-origins.service';

/**
 * «Войти через Госуслуги» from the citizen widget: the same ESIA sign-in, begun in a pop-up for
 * an allowed widget origin, whose callback hands the access token to the widget on that origin.
 * Under /auth/esia so that the login-state cookie (Path=/api/v1/auth/esia) reaches the callback.
 */
@ApiTags('auth')
@Controller({ path: 'auth/esia', version: '1' })
export class WidgetSignInController {
  constructor(
    private readonly origins: WidgetOriginsService,
    private readonly esia: EsiaSignInService,
  ) {}

  @Get('widget')
  @Public()
  @ApiOperation({
    summary: 'Sign in with ESIA for the citizen widget (in a pop-up): redirects to the provider',
    description:
      '`origin` must be allowed to embed the widget for `body` (or, without `body`, for some body): 403 widget_origin_not_allowed otherwise, 404 for an unknown body. The callback then answers a page ' +
      'that posts `{type: "otklik:esia", accessToken, expiresIn, tokenType}` to its opener on that origin only, and closes.',
    operationId: 'esiaWidgetLogin',
  })
  @ApiFoundResponse({ description: 'Location: the provider authorization endpoint' })
  async login(@Query() query: WidgetSignInQuery, @Res() reply: FastifyReply): Promise<void> {
    await this.origins.assertAllowed(query.origin, query.body);
    // Chromium applies COOP on redirects too: helmet's same-origin here would cut the pop-up off its opener.
    void reply.header('Cross-Origin-Opener-Policy', 'unsafe-none');
    send(reply, await this.esia.start({ widgetOrigin: query.origin }));
  }
}

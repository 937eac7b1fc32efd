import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth.decorators';
import { ClientInfo } from '../session.service';
import { Client } from '../client-info';
import { EsiaRedirect, EsiaSignInService, EsiaWidgetHandover } from './esia-sign-in.service';

@ApiTags('auth')
@Controller({ path: 'auth/esia', version: '1' })
export class EsiaController {
  constructor(private readonly esia: EsiaSignInService) {}

  @Get('login')
  @Public()
  @ApiOperation({
    summary: 'Sign in with ESIA (Госуслуги): redirects to the provider',
    description:
      'Starts authorization code flow with state (UUID v4), nonce, PKCE (S256) and ESIA extras (timestamp, signed client_secret). ' +
      'The login state is kept in an HttpOnly, SameSite=Lax cookie `otklik_esia` (sealed, 10 minutes) scoped to /api/v1/auth/esia.',
    operationId: 'esiaLogin',
  })
  @ApiFoundResponse({ description: 'Location: the provider authorization endpoint' })
  async login(@Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.esia.start());
  }

  @Get('callback')
  @Public()
  @ApiOperation({
    summary: 'ESIA redirect target: exchanges the code and signs in',
    description:
      'Validates state against the login cookie, exchanges the code (PKCE), validates the ID token, reads the person from /rs/prns/{oid}, ' +
      'links or creates the citizen account and issues platform tokens. The browser is redirected to ' +
      '`{PUBLIC_URL}/auth/esia/done#accessToken=…&refreshToken=…&expiresIn=…&tokenType=Bearer` — in the URL fragment, never the query, ' +
      'so the tokens are not sent to any server, logged, or leaked through Referer; the page should read them and clear the fragment ' +
      '(history.replaceState). A sign-in begun for the citizen widget (GET /auth/esia/widget) ends instead in a page that posts ' +
      '`{type: "otklik:esia", accessToken, expiresIn, tokenType}` to its opener on the widget origin only, and closes. Errors are problem+json: 400 esia_state_invalid, 403 esia_denied / esia_account_not_citizen, 502 esia_failed, 503 esia_not_configured.',
    operationId: 'esiaCallback',
  })
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: true })
  @ApiQuery({ name: 'error', required: false })
  @ApiQuery({ name: 'error_description', required: false })
  @ApiFoundResponse({ description: 'Location: {PUBLIC_URL}/auth/esia/done#accessToken=…&refreshToken=…&expiresIn=…&tokenType=Bearer' })
  async callback(
    @Query() query: Record<string, string | undefined>,
    @Headers('cookie') cookie: string | undefined,
    @Client() client: ClientInfo,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, await this.esia.callback(query, cookie, client));
  }
}

export function send(reply: FastifyReply, answer: EsiaRedirect | EsiaWidgetHandover): void {
  void reply.header('Set-Cookie', answer.cookie).header('Cache-Control', 'no-store');
  if ('html' in answer) {
    // The widget's pop-up must keep its opener (another origin) to hand the token over.
    void reply.header('Cross-Origin-Opener-Policy', 'unsafe-none').type('text/html; charset=utf-8').send(answer.html);
    return;
  }
  void reply.redirect(answer.location, 302);
}

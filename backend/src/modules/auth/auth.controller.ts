import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LoginDto, RefreshDto, TokensDto } from './auth.dto';
import { Public } from './auth.decorators';
import { AuthService, ClientInfo } from './auth.service';
import { Client } from './client-info';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password', operationId: 'login' })
  @ApiOkResponse({ type: TokensDto })
  login(@Body() dto: LoginDto, @Client() client: ClientInfo): Promise<TokensDto> {
    return this.auth.login(dto.login, dto.password, client);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the refresh token; a reused token revokes the session', operationId: 'refresh' })
  @ApiOkResponse({ type: TokensDto })
  refresh(@Body() dto: RefreshDto, @Client() client: ClientInfo): Promise<TokensDto> {
    return this.auth.refresh(dto.refreshToken, client);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of this refresh token', operationId: 'logout' })
  @ApiNoContentResponse()
  logout(@Body() dto: RefreshDto, @Client() client: ClientInfo): Promise<void> {
    return this.auth.logout(dto.refreshToken, client);
  }
}

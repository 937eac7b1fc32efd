import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  BeginEnrolmentDto,
  CaptchaChallengeDto,
  ConfirmEnrolmentDto,
  EnrolledTokensDto,
  CodeSentDto,
  ExpiredPasswordDto,
  ForgotPasswordDto,
  LoginDto,
  MfaRequiredDto,
  MfaTokenDto,
  MfaVerifyDto,
  RefreshDto,
  ResetPasswordDto,
  SignInEnrolmentDto,
  TokensDto,
} from './auth.dto';
import { Public } from './auth.decorators';
import { AuthService, ClientInfo } from './auth.service';
import { CaptchaService } from './captcha.service';
import { Client } from './client-info';
import { PasswordService } from './password/password.service';
import { ConfirmRegistrationDto, RegisterDto, RegistrationStartedDto, ResendRegistrationCodeDto } from './registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('auth')
@ApiExtraModels(TokensDto, MfaRequiredDto)
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly registration: RegistrationService,
    private readonly passwords: PasswordService,
    private readonly captcha: CaptchaService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Tokens, or `mfaRequired` with an `mfaToken` for POST /auth/mfa. 401 invalid_credentials; 423 account_locked and 429 with Retry-After; ' +
      '403 password_expired (change it with POST /auth/password/expired) or ip_not_allowed for staff.',
    operationId: 'login',
  })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(TokensDto) }, { $ref: getSchemaPath(MfaRequiredDto) }] } })
  login(@Body() dto: LoginDto, @Client() client: ClientInfo): Promise<TokensDto | MfaRequiredDto> {
    return this.auth.login(dto.login, dto.password, client);
  }

  @Post('mfa')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Second factor: TOTP, SMS/e-mail code or a backup code',
    description:
      'The mfaToken is single-use: once a sign-in is completed with it, it is refused (401 mfa_token_invalid). ' +
      '403 mfa_enrolment_required when the login answer had `enrolment` (use POST /auth/mfa/enrolment).',
    operationId: 'verifyMfa',
  })
  @ApiOkResponse({ type: TokensDto })
  mfa(@Body() dto: MfaVerifyDto, @Client() client: ClientInfo): Promise<TokensDto> {
    return this.auth.verifyMfa(dto.mfaToken, dto.code, client);
  }

  @Post('mfa/enrolment')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'First sign-in of staff without a second factor: the e-mail code, then a TOTP secret to enrol',
    description:
      'For a login answer with `enrolment: totp`. Spends the mfaToken; returns an enrolment token, the otpauth URI and its QR code. ' +
      '401 mfa_code_invalid / mfa_token_invalid; 409 mfa_already_enrolled.',
    operationId: 'beginSignInEnrolment',
  })
  @ApiOkResponse({ type: SignInEnrolmentDto })
  beginEnrolment(@Body() dto: BeginEnrolmentDto, @Client() client: ClientInfo): Promise<SignInEnrolmentDto> {
    return this.auth.beginEnrolment(dto.mfaToken, dto.code, client);
  }

  @Post('mfa/enrolment/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the TOTP enrolment with a code from the app: the session starts, 10 backup codes are shown once',
    description: '422 code_invalid (the token stays usable); 401 mfa_token_invalid when the enrolment token is expired or spent.',
    operationId: 'confirmSignInEnrolment',
  })
  @ApiOkResponse({ type: EnrolledTokensDto })
  confirmEnrolment(@Body() dto: ConfirmEnrolmentDto, @Client() client: ClientInfo): Promise<EnrolledTokensDto> {
    return this.auth.confirmEnrolment(dto.enrolmentToken, dto.code, client);
  }

  @Post('mfa/sms')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a sign-in code by SMS', operationId: 'sendMfaSms' })
  @ApiAcceptedResponse({ type: CodeSentDto })
  mfaSms(@Body() dto: MfaTokenDto, @Client() client: ClientInfo): Promise<CodeSentDto> {
    return this.auth.sendMfaSms(dto.mfaToken, client);
  }

  @Get('captcha')
  @Public()
  @ApiOperation({ summary: 'ALTCHA proof-of-work challenge for registration', operationId: 'getCaptcha' })
  @ApiOkResponse({ type: CaptchaChallengeDto })
  getCaptcha(): Promise<CaptchaChallengeDto> {
    return this.captcha.challenge();
  }

  @Post('register')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Start citizen registration; an SMS code is sent to the phone', operationId: 'register' })
  @ApiAcceptedResponse({ type: RegistrationStartedDto })
  register(@Body() dto: RegisterDto, @Client() client: ClientInfo): Promise<RegistrationStartedDto> {
    return this.registration.start(dto, client);
  }

  @Post('register/resend')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the registration code again (rate-limited)', operationId: 'resendRegistrationCode' })
  @ApiAcceptedResponse({ type: RegistrationStartedDto })
  resend(@Body() dto: ResendRegistrationCodeDto, @Client() client: ClientInfo): Promise<RegistrationStartedDto> {
    return this.registration.resend(dto.registrationId, client);
  }

  @Post('register/confirm')
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: 'Confirm the phone with the SMS code: the account is created and signed in', operationId: 'confirmRegistration' })
  @ApiCreatedResponse({ type: TokensDto })
  confirm(@Body() dto: ConfirmRegistrationDto, @Client() client: ClientInfo): Promise<TokensDto> {
    return this.registration.confirm(dto.registrationId, dto.code, client);
  }

  @Post('password/forgot')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a password reset code (always 202: does not tell whether the account exists)', operationId: 'forgotPassword' })
  @ApiAcceptedResponse()
  forgot(@Body() dto: ForgotPasswordDto, @Client() client: ClientInfo): Promise<void> {
    return this.passwords.forgot(dto.login, dto.channel, client);
  }

  @Post('password/reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the reset code; all sessions end', operationId: 'resetPassword' })
  @ApiNoContentResponse()
  reset(@Body() dto: ResetPasswordDto, @Client() client: ClientInfo): Promise<void> {
    return this.passwords.reset(dto.login, dto.code, dto.newPassword, client);
  }

  @Post('password/expired')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change an expired password (after login answered password_expired)', operationId: 'changeExpiredPassword' })
  @ApiNoContentResponse()
  expired(@Body() dto: ExpiredPasswordDto, @Client() client: ClientInfo): Promise<void> {
    return this.passwords.changeExpired(dto.login, dto.currentPassword, dto.newPassword, client);
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

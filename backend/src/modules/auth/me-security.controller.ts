import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../common/http/actor';
import { AccountSessionsService } from './account-security.service';
import { BackupCodesDto, ChangePasswordDto, DisableMfaDto, RevokedSessionsDto, SessionDto, TotpConfirmDto, TotpEnrolmentDto } from './auth.dto';
import { Authenticated } from './auth.decorators';
import { MfaService } from './mfa/mfa.service';
import { PasswordService } from './password/password.service';
import { UserContacts } from './user-contacts';
import { ContactChanges } from './contacts/contact-changes.service';
import { ConfirmContactDto } from '../users/users.dto';

/** The signed-in user's password, second factor and sessions. */
@ApiTags('me')
@Controller({ path: 'me', version: '1' })
export class MeSecurityController {
  constructor(
    private readonly passwords: PasswordService,
    private readonly mfa: MfaService,
    private readonly sessions: AccountSessionsService,
    private readonly contacts: UserContacts,
    private readonly contactChanges: ContactChanges,
  ) {}

  @Post('contacts/confirm')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirm a new (or unverified) e-mail or phone with the code sent to it', operationId: 'confirmContact' })
  @ApiNoContentResponse()
  confirmContact(@CurrentActor() actor: Actor, @Body() dto: ConfirmContactDto): Promise<void> {
    return this.contactChanges.confirm(actor, dto.kind, dto.code);
  }

  @Post('password')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the password; other sessions end', operationId: 'changePassword' })
  @ApiNoContentResponse()
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.passwords.change(actor, dto.currentPassword, dto.newPassword);
  }

  @Post('mfa/totp')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Start TOTP enrolment: otpauth URI and QR code', operationId: 'startTotp' })
  @ApiOkResponse({ type: TotpEnrolmentDto })
  startTotp(@CurrentActor() actor: Actor): Promise<TotpEnrolmentDto> {
    return this.mfa.startTotp(actor);
  }

  @Post('mfa/sms')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Use SMS codes to the confirmed phone as the second factor', operationId: 'enableSmsMfa' })
  @ApiNoContentResponse()
  async enableSms(@CurrentActor() actor: Actor): Promise<void> {
    await this.mfa.enableSms(actor, (await this.contacts.phoneOf(actor.userId)) !== null);
  }

  @Post('mfa/totp/confirm')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm TOTP with a code; returns 10 single-use backup codes', operationId: 'confirmTotp' })
  @ApiOkResponse({ type: BackupCodesDto })
  confirmTotp(@CurrentActor() actor: Actor, @Body() dto: TotpConfirmDto): Promise<BackupCodesDto> {
    return this.mfa.confirmTotp(actor, dto.code);
  }

  @Delete('mfa')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn the second factor off (needs the password)', operationId: 'disableMfa' })
  @ApiNoContentResponse()
  disableMfa(@CurrentActor() actor: Actor, @Body() dto: DisableMfaDto): Promise<void> {
    return this.mfa.disable(actor, dto.password);
  }

  @Get('sessions')
  @Authenticated()
  @ApiOperation({ summary: 'Active sessions of the signed-in user', operationId: 'listSessions' })
  @ApiOkResponse({ type: [SessionDto] })
  listSessions(@CurrentActor() actor: Actor): Promise<SessionDto[]> {
    return this.sessions.list(actor);
  }

  @Delete('sessions/:id')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'End one session', operationId: 'revokeSession' })
  @ApiNoContentResponse()
  revokeSession(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.sessions.revoke(actor, id);
  }

  @Post('sessions/revoke-others')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'End every session except this one', operationId: 'revokeOtherSessions' })
  @ApiOkResponse({ type: RevokedSessionsDto })
  revokeOthers(@CurrentActor() actor: Actor): Promise<RevokedSessionsDto> {
    return this.sessions.revokeOthers(actor);
  }
}

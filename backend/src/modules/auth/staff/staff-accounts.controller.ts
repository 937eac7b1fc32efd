import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { Authenticated, Public } from '../auth.decorators';
import { ClientInfo } from '../session.service';
import { Client } from '../client-info';
import {
  AccountLinkAcceptDto,
  AccountLinkAcceptedDto,
  AccountLinkSentDto,
  StaffAccountDetailDto,
  StaffAccountInputDto,
  StaffAccountPageDto,
  StaffAccountPatchDto,
  StaffAccountQueryDto,
  StaffLockDto,
} from './staff-accounts.dto';
import { StaffAccountsService } from './staff-accounts.service';

const uuid = new ParseUUIDPipe({ version: '4' });
const anyUuid = new ParseUUIDPipe();

@ApiTags('admin')
@Controller({ path: 'admin/staff', version: '1' })
export class StaffAccountsController {
  constructor(private readonly staff: StaffAccountsService) {}

  @Get()
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({ summary: 'Staff accounts', description: 'Admins: every staff account. Supervisors: those of their department subtree.', operationId: 'listStaffAccounts' })
  @ApiOkResponse({ type: StaffAccountPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: StaffAccountQueryDto): Promise<StaffAccountPageDto> {
    return this.staff.list(actor, query);
  }

  @Post()
  @Authenticated(Role.Admin)
  @ApiOperation({
    summary: 'Create a staff account and e-mail an invitation',
    description: 'The invitee sets the password and enrols TOTP with the one-time link (POST /auth/account-link). 409 conflict (field email) for a taken e-mail.',
    operationId: 'createStaffAccount',
  })
  @ApiCreatedResponse({ type: StaffAccountDetailDto })
  create(@CurrentActor() actor: Actor, @Body() dto: StaffAccountInputDto): Promise<StaffAccountDetailDto> {
    return this.staff.create(actor, dto);
  }

  @Get(':id')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({ summary: 'A staff account with its live sessions', description: 'Supervisors: only accounts of their department subtree (else 404).', operationId: 'getStaffAccount' })
  @ApiOkResponse({ type: StaffAccountDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<StaffAccountDetailDto> {
    return this.staff.get(actor, id);
  }

  @Patch(':id')
  @Authenticated(Role.Admin)
  @ApiOperation({
    summary: 'Change a staff account (name, position, role, department, IP allow-list)',
    description: 'A change of the role, the department or the allow-list ends the account\u2019s sessions. 409 own_account for a change of one\u2019s own role.',
    operationId: 'updateStaffAccount',
  })
  @ApiOkResponse({ type: StaffAccountDetailDto })
  update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: StaffAccountPatchDto): Promise<StaffAccountDetailDto> {
    return this.staff.update(actor, id, dto);
  }

  @Post(':id/lock')
  @Authenticated(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Lock a staff account: sign-in refused, its sessions end at once', description: '409 own_account for one\u2019s own. Locking a locked account changes nothing.', operationId: 'lockStaffAccount' })
  @ApiOkResponse({ type: StaffAccountDetailDto })
  lock(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: StaffLockDto): Promise<StaffAccountDetailDto> {
    return this.staff.lock(actor, id, dto);
  }

  @Post(':id/unlock')
  @Authenticated(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Unlock a staff account (also one a security alert locked)', operationId: 'unlockStaffAccount' })
  @ApiOkResponse({ type: StaffAccountDetailDto })
  unlock(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<StaffAccountDetailDto> {
    return this.staff.unlock(actor, id);
  }

  @Post(':id/reset-mfa')
  @Authenticated(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove the second factor: the sessions end, the next sign-in enrols again', operationId: 'resetStaffMfa' })
  @ApiOkResponse({ type: StaffAccountDetailDto })
  resetMfa(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<StaffAccountDetailDto> {
    return this.staff.resetMfa(actor, id);
  }

  @Post(':id/reset-password')
  @Authenticated(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'E-mail a one-time link to set a new password', operationId: 'resetStaffPassword' })
  @ApiOkResponse({ type: AccountLinkSentDto })
  resetPassword(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<AccountLinkSentDto> {
    return this.staff.resetPassword(actor, id);
  }

  @Post(':id/invitation')
  @Authenticated(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the invitation again (a new link; the earlier one stops working)', description: '409 invitation_already_accepted once a password is set.', operationId: 'resendStaffInvitation' })
  @ApiOkResponse({ type: AccountLinkSentDto })
  resendInvitation(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<AccountLinkSentDto> {
    return this.staff.resendInvitation(actor, id);
  }

  @Delete(':id/sessions/:sessionId')
  @Authenticated(Role.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'End one session of a staff account', operationId: 'revokeStaffSession' })
  @ApiNoContentResponse()
  revokeSession(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('sessionId', anyUuid) sessionId: string): Promise<void> {
    return this.staff.revokeSession(actor, id, sessionId);
  }
}

@ApiTags('auth')
@Controller({ path: 'auth/account-link', version: '1' })
export class AccountLinkController {
  constructor(private readonly staff: StaffAccountsService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set the password with an e-mailed one-time link (an invitation or a reset)',
    description:
      'Single use; expires. 410 account_link_invalid for an unknown, used or expired link; 422 for a weak password (the link stays valid). ' +
      'A staff account without a second factor gets `enrolment`: confirm it with POST /auth/mfa/enrolment/confirm, which signs in.',
    operationId: 'acceptAccountLink',
  })
  @ApiOkResponse({ type: AccountLinkAcceptedDto })
  accept(@Body() dto: AccountLinkAcceptDto, @Client() client: ClientInfo): Promise<AccountLinkAcceptedDto> {
    return this.staff.acceptLink(dto.token, dto.newPassword, client);
  }
}

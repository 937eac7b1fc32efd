import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { Idempotency, IdempotencyHeader } from '../../../common/http/request-meta';
import { Authenticated } from '../../auth/auth.decorators';
import { SigningKeyDto } from './signing-keys.dto';
import { SigningKeyRing } from './signing-key-ring.service';

/** The keys of signed answers: list them, rotate the active one (the old one keeps verifying). */
@ApiTags('admin')
@Controller({ path: 'admin/signing-keys', version: '1' })
export class SigningKeysAdminController {
  constructor(private readonly ring: SigningKeyRing) {}

  @Get()
  @Authenticated(Role.Admin, Role.Auditor)
  @ApiOperation({ summary: 'Keys of signed answers: the active one first, then the retired ones that still verify (no private material)', operationId: 'listSigningKeys' })
  @ApiOkResponse({ type: [SigningKeyDto] })
  list(): Promise<SigningKeyDto[]> {
    return this.ring.list();
  }

  @Post('rotate')
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({
    summary: 'Generate a new key pair and make it the active signing key',
    description: 'The key it replaces is retired: it signs no more but keeps verifying the answers signed with it. Every instance signs with the new key within seconds.',
    operationId: 'rotateSigningKey',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key returns the key the first one made, and rotates nothing more' })
  @ApiOkResponse({ type: SigningKeyDto, description: 'The new active key' })
  rotate(@CurrentActor() actor: Actor, @Idempotency() idem: IdempotencyHeader): Promise<SigningKeyDto> {
    return this.ring.rotate(actor, idem);
  }
}

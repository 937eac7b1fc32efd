import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import { ThankableStaffDto } from './dto/thankable-staff.dto';
import { ThankableStaff } from './thankable-staff.service';

@ApiTags('me')
@Controller({ path: 'me/thankable-staff', version: '1' })
export class ThankableStaffController {
  constructor(private readonly thankable: ThankableStaff) {}

  @Get()
  @Authenticated(Role.Citizen)
  @ApiOperation({ summary: 'The employees who handled my appeals, whom a gratitude may name (position; name per policy)', operationId: 'listThankableStaff' })
  @ApiOkResponse({ type: [ThankableStaffDto] })
  list(@CurrentActor() actor: Actor): Promise<ThankableStaffDto[]> {
    return this.thankable.list(actor);
  }
}

import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated, WidgetScoped } from '../auth/auth.decorators';
import { MeDto, ProfileDto, UpdateMeDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('me')
@Controller({ path: 'me', version: '1' })
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated()
  @WidgetScoped()
  @ApiOperation({ summary: 'The signed-in user', operationId: 'getMe' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.users.me(actor.userId);
  }

  @Patch()
  @Authenticated()
  @ApiOperation({
    summary: 'Change my name, preferred answer channel, e-mail or phone (a new address is used once confirmed by the code sent to it)',
    operationId: 'updateMe',
  })
  @ApiOkResponse({ type: ProfileDto })
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto): Promise<ProfileDto> {
    return this.users.update(actor, dto);
  }
}

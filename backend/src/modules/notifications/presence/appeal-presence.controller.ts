import { Body, Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { Authenticated } from '../../auth/auth.decorators';
import { AppealPresenceDto, PresenceHeartbeatDto } from './appeal-presence.dto';
import { AppealPresence } from './appeal-presence.service';

/** The console card's presence heartbeat: who else is on an appeal, live on the queue rows. */
@ApiTags('staff')
@Controller({ path: 'staff/appeals', version: '1' })
export class AppealPresenceController {
  constructor(private readonly presence: AppealPresence) {}

  @Put(':idOrNumber/presence')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({
    summary: "The caller is on the appeal's card (viewing, or replying); answers who else is",
    description:
      'A heartbeat: the caller stays shown for `ttlSeconds` (40) unless it comes again. Changes reach the staff whose queues show the appeal as `presence` events of the notification stream. Not audited: it changes nothing of the appeal.',
    operationId: 'beatAppealPresence',
  })
  @ApiParam({
    name: 'idOrNumber',
    description: 'Appeal id (UUID) or human number',
  })
  @ApiOkResponse({ type: AppealPresenceDto })
  beat(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @Body() dto: PresenceHeartbeatDto): Promise<AppealPresenceDto> {
    return this.presence.beat(actor, id, dto.activity);
  }

  @Delete(':idOrNumber/presence')
  @Authenticated(Role.Operator, Role.Supervisor)
  @HttpCode(204)
  @ApiOperation({
    summary: "The caller left the appeal's card",
    description:
      "Removes only the caller's own presence, so it works after the appeal left their reach (redirected away): 204 whether or not the appeal exists, may be seen by the caller, or had them on it.",
    operationId: 'leaveAppealPresence',
  })
  @ApiParam({
    name: 'idOrNumber',
    description: 'Appeal id (UUID) or human number',
  })
  @ApiNoContentResponse()
  leave(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<void> {
    return this.presence.leave(actor, id);
  }
}

import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { Authenticated } from '../../auth/auth.decorators';
import { RetentionExtensionDto, RetentionExtensionResultDto } from '../sla/dto/sla.dto';
import { RetentionService } from './retention.service';

/** The citizen asks to keep an appeal past the retention period (152-ФЗ). */
@ApiTags('appeals')
@Controller({ path: 'appeals', version: '1' })
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Post(':idOrNumber/retention-extension')
  @Authenticated(Role.Citizen)
  @HttpCode(200)
  @ApiOperation({ summary: 'Keep my appeal past the retention period, until a date (at most 5 years ahead)', operationId: 'extendAppealRetention' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: RetentionExtensionResultDto })
  extend(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string, @Body() dto: RetentionExtensionDto): Promise<RetentionExtensionResultDto> {
    return this.retention.extend(actor, id, dto);
  }
}

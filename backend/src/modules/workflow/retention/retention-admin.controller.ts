import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { PageQuery } from '../../../common/pagination/page-query';
import { Authenticated } from '../../auth/auth.decorators';
import { RetentionDestructionPageDto, RetentionSettingsDto, RetentionSettingsInputDto } from './retention-admin.dto';
import { RetentionSettingsService } from './retention-admin.service';

/** Retention (152-ФЗ) for admins: the rule, and the records of what it destroyed. */
@ApiTags('admin')
@Controller({ path: 'admin/retention', version: '1' })
export class RetentionAdminController {
  constructor(private readonly retention: RetentionSettingsService) {}

  @Get('settings')
  @Authenticated(Role.Admin, Role.Auditor)
  @ApiOperation({ summary: 'The retention rule in force: years after closing and anonymise or delete; where it comes from', operationId: 'getRetentionSettings' })
  @ApiOkResponse({ type: RetentionSettingsDto })
  settings(): Promise<RetentionSettingsDto> {
    return this.retention.get();
  }

  @Put('settings')
  @Authenticated(Role.Admin)
  @ApiOperation({
    summary: 'Change the retention rule',
    description: 'Takes effect at the next daily retention run: appeals closed longer ago than the new period lose their personal data then. Overrides RETENTION_YEARS / RETENTION_MODE.',
    operationId: 'updateRetentionSettings',
  })
  @ApiOkResponse({ type: RetentionSettingsDto })
  update(@CurrentActor() actor: Actor, @Body() dto: RetentionSettingsInputDto): Promise<RetentionSettingsDto> {
    return this.retention.update(actor, dto);
  }

  @Get('destructions')
  @Authenticated(Role.Admin, Role.Auditor)
  @ApiOperation({ summary: 'Destruction records: which appeal lost its personal data, when, how, by which rule (no personal data), newest first', operationId: 'listRetentionDestructions' })
  @ApiOkResponse({ type: RetentionDestructionPageDto })
  destructions(@Query() query: PageQuery): Promise<RetentionDestructionPageDto> {
    return this.retention.destructions(query);
  }
}

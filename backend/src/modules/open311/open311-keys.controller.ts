import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import { Open311KeyCreatedDto, Open311KeyDto, Open311KeyInputDto, Open311KeyListDto } from './open311-keys.dto';
import { Open311KeysService } from './open311-keys.service';

/** API keys of the client apps that file Open311 requests (admins). */
@ApiTags('admin')
@Controller({ path: 'admin/open311-keys', version: '1' })
export class Open311KeysController {
  constructor(private readonly keys: Open311KeysService) {}

  @Get()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Open311 API keys (never the keys themselves)', operationId: 'listOpen311Keys' })
  @ApiOkResponse({ type: Open311KeyListDto })
  list(): Promise<Open311KeyListDto> {
    return this.keys.list();
  }

  @Post()
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'A new Open311 API key for a client app; the key is in the answer, once', operationId: 'createOpen311Key' })
  @ApiCreatedResponse({ type: Open311KeyCreatedDto })
  create(@CurrentActor() actor: Actor, @Body() dto: Open311KeyInputDto): Promise<Open311KeyCreatedDto> {
    return this.keys.create(actor, dto);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Revoke an Open311 API key: its filings are refused (403) from now on', operationId: 'revokeOpen311Key' })
  @ApiOkResponse({ type: Open311KeyDto })
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<Open311KeyDto> {
    return this.keys.revoke(actor, id);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Idempotency, IdempotencyHeader } from '../../common/http/request-meta';
import { Authenticated } from '../auth/auth.decorators';
import { CitizenTemplatesService } from './citizen-templates.service';
import { AppealTemplateDto, CreateAppealTemplateDto } from './dto/appeal-template.dto';

/** The citizen's appeal templates. */
@ApiTags('me')
@Controller({ path: 'me/appeal-templates', version: '1' })
export class CitizenTemplatesController {
  constructor(private readonly templates: CitizenTemplatesService) {}

  @Get()
  @Authenticated(Role.Citizen)
  @ApiOperation({ summary: 'My appeal templates, newest first', operationId: 'listMyAppealTemplates' })
  @ApiOkResponse({ type: [AppealTemplateDto] })
  list(@CurrentActor() actor: Actor): Promise<AppealTemplateDto[]> {
    return this.templates.list(actor);
  }

  @Post()
  @Authenticated(Role.Citizen)
  @ApiOperation({ summary: 'Save an appeal template, from scratch or from an earlier appeal of mine', operationId: 'createMyAppealTemplate' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key and body returns the first response; another body → 422' })
  @ApiCreatedResponse({ type: AppealTemplateDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAppealTemplateDto, @Idempotency() idem: IdempotencyHeader): Promise<AppealTemplateDto> {
    return this.templates.create(actor, dto, idem);
  }

  @Delete(':id')
  @Authenticated(Role.Citizen)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of my appeal templates', operationId: 'deleteMyAppealTemplate' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.templates.remove(actor, id);
  }
}

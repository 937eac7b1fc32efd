import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { Authenticated } from '../../auth/auth.decorators';
import { AnswerSnippetDto, AnswerSnippetInputDto, SnippetViewDto } from './answer-snippet.dto';
import { AnswerSnippetsService } from './answer-snippets.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Snippets of answer text: admin CRUD (audited before → after), and those the card may insert. */
@Controller({ version: '1' })
export class AnswerSnippetsController {
  constructor(private readonly snippets: AnswerSnippetsService) {}

  @Get('admin/snippets')
  @ApiTags('admin')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({
    summary: 'Answer snippets (text inserted at the cursor of an answer)',
    description: 'Admins: every one. Supervisors: the common ones and those of their department subtree, read-only.',
    operationId: 'listAnswerSnippets',
  })
  @ApiOkResponse({ type: [AnswerSnippetDto] })
  list(@CurrentActor() actor: Actor): Promise<AnswerSnippetDto[]> {
    return this.snippets.list(actor);
  }

  @Post('admin/snippets')
  @ApiTags('admin')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Add a snippet, for every department or one (422 invalid_department for an unknown one)', operationId: 'createAnswerSnippet' })
  @ApiCreatedResponse({ type: AnswerSnippetDto })
  create(@CurrentActor() actor: Actor, @Body() dto: AnswerSnippetInputDto): Promise<AnswerSnippetDto> {
    return this.snippets.save(actor, dto);
  }

  @Put('admin/snippets/:id')
  @ApiTags('admin')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Replace a snippet', operationId: 'updateAnswerSnippet' })
  @ApiOkResponse({ type: AnswerSnippetDto })
  update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: AnswerSnippetInputDto): Promise<AnswerSnippetDto> {
    return this.snippets.save(actor, dto, id);
  }

  @Delete('admin/snippets/:id')
  @ApiTags('admin')
  @Authenticated(Role.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a snippet', operationId: 'deleteAnswerSnippet' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    return this.snippets.remove(actor, id);
  }

  @Get('staff/appeals/:idOrNumber/snippets')
  @ApiTags('staff')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: "The snippets the appeal's department may use (its own and the common ones), placeholders filled in", operationId: 'listSnippetsForAppeal' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: [SnippetViewDto] })
  forAppeal(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<SnippetViewDto[]> {
    return this.snippets.forAppeal(actor, id);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../../common/http/actor';
import { Idempotency, IdempotencyHeader } from '../../../common/http/request-meta';
import { AppealSummaryDto } from '../../appeals/dto/appeal-output.dto';
import { Authenticated } from '../../auth/auth.decorators';
import { AppealMacroDto, AppealMacroInputDto, ApplyMacroDto } from './appeal-macro.dto';
import { AppealMacrosService } from './appeal-macros.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Macros: admin CRUD (audited before → after), those the card may apply, and applying one. */
@Controller({ version: '1' })
export class AppealMacrosController {
  constructor(private readonly macros: AppealMacrosService) {}

  @Get('admin/macros')
  @ApiTags('admin')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({
    summary: 'Macros (staff actions and a note applied with one click)',
    description: 'Admins: every one. Supervisors: the common ones and those of their department subtree, read-only.',
    operationId: 'listAppealMacros',
  })
  @ApiOkResponse({ type: [AppealMacroDto] })
  list(@CurrentActor() actor: Actor): Promise<AppealMacroDto[]> {
    return this.macros.list(actor);
  }

  @Post('admin/macros')
  @ApiTags('admin')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Add a macro, for every department or one (422 invalid_department for an unknown one, macro_empty for one that does nothing)', operationId: 'createAppealMacro' })
  @ApiCreatedResponse({ type: AppealMacroDto })
  create(@CurrentActor() actor: Actor, @Body() dto: AppealMacroInputDto): Promise<AppealMacroDto> {
    return this.macros.save(actor, dto);
  }

  @Put('admin/macros/:id')
  @ApiTags('admin')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Replace a macro', operationId: 'updateAppealMacro' })
  @ApiOkResponse({ type: AppealMacroDto })
  update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: AppealMacroInputDto): Promise<AppealMacroDto> {
    return this.macros.save(actor, dto, id);
  }

  @Delete('admin/macros/:id')
  @ApiTags('admin')
  @Authenticated(Role.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a macro', operationId: 'deleteAppealMacro' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    return this.macros.remove(actor, id);
  }

  @Get('staff/appeals/:idOrNumber/macros')
  @ApiTags('staff')
  @Authenticated(Role.Operator, Role.Supervisor)
  @ApiOperation({ summary: "The macros the appeal's department may use (its own and the common ones)", operationId: 'listMacrosForAppeal' })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiOkResponse({ type: [AppealMacroDto] })
  forAppeal(@CurrentActor() actor: Actor, @Param('idOrNumber') id: string): Promise<AppealMacroDto[]> {
    return this.macros.forAppeal(actor, id);
  }

  @Post('staff/appeals/:idOrNumber/macros/:macroId/apply')
  @ApiTags('staff')
  @Authenticated(Role.Operator, Role.Supervisor)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Apply a macro: its actions in order (each under the rules of the action route) and its note, in one transaction. ' +
      'A step the appeal does not admit is a 409 macro_step_not_allowed naming the step, and nothing changes; a macro of another department is a 403 macro_not_allowed.',
    operationId: 'applyAppealMacro',
  })
  @ApiParam({ name: 'idOrNumber', description: 'Appeal id (UUID) or human number' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key and body returns the first response; another body → 422' })
  @ApiOkResponse({ type: AppealSummaryDto })
  apply(
    @CurrentActor() actor: Actor,
    @Param('idOrNumber') id: string,
    @Param('macroId', uuid) macroId: string,
    @Body() dto: ApplyMacroDto,
    @Idempotency() idem: IdempotencyHeader,
  ): Promise<AppealSummaryDto> {
    return this.macros.apply(actor, id, macroId, dto ?? {}, idem);
  }
}

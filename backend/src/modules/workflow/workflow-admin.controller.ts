import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';
import { Actor, CurrentActor } from '../../common/http/actor';
import { Authenticated } from '../auth/auth.decorators';
import {
  AnswerTemplateDto,
  AnswerTemplateInputDto,
  AdminDepartmentDto,
  DepartmentSettingsDto,
  RoutingReplayInputDto,
  RoutingReplayResultDto,
  RoutingRuleDto,
  RoutingRuleInputDto,
  RoutingTestInputDto,
  RoutingTestResultDto,
} from './workflow-admin.dto';
import { WorkflowAdminService } from './workflow-admin.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('admin')
@Controller({ path: 'admin', version: '1' })
export class WorkflowAdminController {
  constructor(private readonly admin: WorkflowAdminService) {}

  @Get('routing-rules')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({
    summary: 'Routing rules in the order they are tried',
    description: 'Admins: every rule. Supervisors: the rules that send appeals into their department subtree, read-only.',
    operationId: 'listRoutingRules',
  })
  @ApiOkResponse({ type: [RoutingRuleDto] })
  rules(@CurrentActor() actor: Actor): Promise<RoutingRuleDto[]> {
    return this.admin.rules(actor);
  }

  @Post('routing-rules')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Add a routing rule', operationId: 'createRoutingRule' })
  @ApiCreatedResponse({ type: RoutingRuleDto })
  createRule(@CurrentActor() actor: Actor, @Body() dto: RoutingRuleInputDto): Promise<RoutingRuleDto> {
    return this.admin.saveRule(actor, dto);
  }

  @Post('routing-rules/test')
  @Authenticated(Role.Admin, Role.Supervisor)
  @HttpCode(200)
  @ApiOperation({ summary: 'Where the saved rules send a sample appeal, and which rule (or the category, or the pool) decided', operationId: 'testRoutingRules' })
  @ApiOkResponse({ type: RoutingTestResultDto })
  testRules(@Body() dto: RoutingTestInputDto): Promise<RoutingTestResultDto> {
    return this.admin.testRouting(dto);
  }

  @Post('routing-rules/replay')
  @Authenticated(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replay a draft rule set (not saved) over the appeals of the last days',
    description:
      'Compares where the draft and the saved rules send each appeal registered in the last `days` days (newest first, at most 5000: ' +
      'one index range scan) and reports how many would move, from where to where, with up to 20 examples. Nothing is written.',
    operationId: 'replayRoutingRules',
  })
  @ApiOkResponse({ type: RoutingReplayResultDto })
  replayRules(@Body() dto: RoutingReplayInputDto): Promise<RoutingReplayResultDto> {
    return this.admin.replayRouting(dto);
  }

  @Put('routing-rules/:id')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Replace a routing rule', operationId: 'updateRoutingRule' })
  @ApiOkResponse({ type: RoutingRuleDto })
  updateRule(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: RoutingRuleInputDto): Promise<RoutingRuleDto> {
    return this.admin.saveRule(actor, dto, id);
  }

  @Delete('routing-rules/:id')
  @Authenticated(Role.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a routing rule', operationId: 'deleteRoutingRule' })
  @ApiNoContentResponse()
  deleteRule(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    return this.admin.deleteRule(actor, id);
  }

  @Get('answer-templates')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({
    summary: 'Answer templates (macros with placeholders)',
    description: "Admins: every template. Supervisors: the global ones and their department subtree's.",
    operationId: 'listAnswerTemplates',
  })
  @ApiOkResponse({ type: [AnswerTemplateDto] })
  templates(@CurrentActor() actor: Actor): Promise<AnswerTemplateDto[]> {
    return this.admin.templates(actor);
  }

  @Post('answer-templates')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({
    summary: 'Add an answer template',
    description:
      'Admins: global (departmentId null) or any department. Supervisors: only their department subtree ' +
      '(403 answer_template_out_of_scope for a global one, 422 invalid_department for a department outside it).',
    operationId: 'createAnswerTemplate',
  })
  @ApiCreatedResponse({ type: AnswerTemplateDto })
  createTemplate(@CurrentActor() actor: Actor, @Body() dto: AnswerTemplateInputDto): Promise<AnswerTemplateDto> {
    return this.admin.saveTemplate(actor, dto);
  }

  @Put('answer-templates/:id')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({
    summary: 'Replace an answer template',
    description: 'Supervisors: a global template is 403 answer_template_out_of_scope, one of a department outside their subtree 404.',
    operationId: 'updateAnswerTemplate',
  })
  @ApiOkResponse({ type: AnswerTemplateDto })
  updateTemplate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: AnswerTemplateInputDto): Promise<AnswerTemplateDto> {
    return this.admin.saveTemplate(actor, dto, id);
  }

  @Delete('answer-templates/:id')
  @Authenticated(Role.Admin, Role.Supervisor)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an answer template',
    description: 'Supervisors: a global template is 403 answer_template_out_of_scope, one of a department outside their subtree 404.',
    operationId: 'deleteAnswerTemplate',
  })
  @ApiNoContentResponse()
  deleteTemplate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    return this.admin.deleteTemplate(actor, id);
  }

  @Get('departments')
  @Authenticated(Role.Admin, Role.Supervisor)
  @ApiOperation({ summary: 'Departments and their assignment settings', description: 'Admins: every department. Supervisors: their own department subtree, read-only.', operationId: 'listDepartments' })
  @ApiOkResponse({ type: [AdminDepartmentDto] })
  departments(@CurrentActor() actor: Actor): Promise<AdminDepartmentDto[]> {
    return this.admin.departments(actor);
  }

  @Patch('departments/:id')
  @Authenticated(Role.Admin)
  @ApiOperation({ summary: 'Change how a department assigns appeals', operationId: 'updateDepartment' })
  @ApiOkResponse({ type: AdminDepartmentDto })
  updateDepartment(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: DepartmentSettingsDto): Promise<AdminDepartmentDto> {
    return this.admin.updateDepartment(actor, id, dto);
  }
}

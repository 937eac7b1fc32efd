import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppealAccessModule } from '../appeals/appeal-access.module';
import { CatalogModule } from '../catalog/catalog.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { AssignmentService } from './routing/assignment.service';
import { RoutingRule } from './routing/routing-rule.entity';
import { RoutingService } from './routing/routing.service';
import { RoutingLabService } from './routing/routing-lab.service';
import { AnswerSnippet } from './snippets/answer-snippet.entity';
import { AnswerSnippetsController } from './snippets/answer-snippets.controller';
import { AnswerSnippetsService } from './snippets/answer-snippets.service';
import { StaffDirectoryController } from './staff-directory.controller';
import { AnswerTemplate } from './templates/answer-template.entity';
import { AnswerTemplatesService } from './templates/answer-templates.service';
import { WorkflowAdminController } from './workflow-admin.controller';
import { WorkflowAdminService } from './workflow-admin.service';
import { DepartmentAdminController } from './department-admin.controller';
import { DepartmentAdminService } from './department-admin.service';

/** Routing rules, assignment, answer templates: what the appeals module consults when it registers and moves appeals. */
@Module({
  imports: [TypeOrmModule.forFeature([RoutingRule, AnswerTemplate, AnswerSnippet]), CatalogModule, AppealAccessModule, UserDirectoryModule],
  controllers: [WorkflowAdminController, StaffDirectoryController, AnswerSnippetsController, DepartmentAdminController],
  providers: [RoutingService, AssignmentService, AnswerTemplatesService, WorkflowAdminService, RoutingLabService, AnswerSnippetsService, DepartmentAdminService],
  exports: [RoutingService, AssignmentService, AnswerTemplatesService],
})
export class WorkflowModule {}

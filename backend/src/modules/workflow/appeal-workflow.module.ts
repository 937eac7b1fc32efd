import { Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AppealsModule } from '../appeals/appeals.module';
import { AttachmentsModule } from '../attachments/attachments.module';
import { AuthModule } from '../auth/auth.module';
import { CitizenActionsController } from './actions/citizen-actions.controller';
import { CITIZEN_HANDLERS, CitizenActionsService } from './actions/citizen/citizen-actions.service';
import { AddMaterialsHandler, CITIZEN_ROUTE_HANDLERS, RateHandler } from './actions/citizen/citizen-handlers';
import { StaffActionsController } from './actions/staff-actions.controller';
import { StaffActionPolicy } from './actions/staff/staff-action-policy';
import { STAFF_HANDLERS, StaffActionsService } from './actions/staff/staff-actions.service';
import { StaffEffects } from './actions/staff/staff-effects';
import { Escalation } from './actions/escalation';
import { Reclassification } from './actions/reclassification';
import { CatalogModule } from '../catalog/catalog.module';
import { STAFF_ROUTE_HANDLERS } from './actions/staff/staff-handlers';
import { TransitionRunner } from './actions/transition-runner';
import { AnswerDrafts } from './answers/answer-drafts.repository';
import { AnswerHandler } from './answers/answer.handler';
import { AppealAnswersService } from './answers/appeal-answers.service';
import { AppealDossierController } from './answers/appeal-dossier.controller';
import { AppealDossierService } from './answers/appeal-dossier.service';
import { RetentionController } from './retention/retention.controller';
import { RetentionService } from './retention/retention.service';
import { AnswerSigningModule } from './signing/answer-signing.module';
import { WorkflowModule } from './workflow.module';
import { AppealMacro } from './macros/appeal-macro.entity';
import { AppealMacrosController } from './macros/appeal-macros.controller';
import { AppealMacrosService } from './macros/appeal-macros.service';
import { UserDirectoryModule } from '../users/user-directory.module';

/** Collects handler classes under one token (each is a provider of its own as well). */
function handlers(token: symbol, types: readonly Type[]) {
  return [...types, { provide: token, useFactory: (...all: unknown[]) => all, inject: [...types] }];
}

/**
 * The appeal workflow: the transition runner and one handler per staff and citizen action, the
 * answer, and their routes. It changes appeals only through what the appeals module exports.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AppealMacro]), AppealsModule, WorkflowModule, AttachmentsModule, AnswerSigningModule, AuthModule, UserDirectoryModule, CatalogModule],
  controllers: [StaffActionsController, CitizenActionsController, RetentionController, AppealDossierController, AppealMacrosController],
  providers: [
    TransitionRunner,
    StaffActionPolicy,
    StaffEffects,
    Escalation,
    Reclassification,
    ...handlers(STAFF_HANDLERS, STAFF_ROUTE_HANDLERS),
    ...handlers(CITIZEN_HANDLERS, CITIZEN_ROUTE_HANDLERS),
    RateHandler,
    AddMaterialsHandler,
    AnswerHandler,
    AnswerDrafts,
    StaffActionsService,
    CitizenActionsService,
    AppealAnswersService,
    AppealDossierService,
    RetentionService,
    AppealMacrosService,
    IdempotencyService,
  ],
  exports: [TransitionRunner, StaffActionsService, CitizenActionsService, AppealAnswersService],
})
export class AppealWorkflowModule {}

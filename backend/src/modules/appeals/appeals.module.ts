import { Module } from '@nestjs/common';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AttachmentsModule } from '../attachments/attachments.module';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { UsersModule } from '../users/users.module';
import { AnswerSigningModule } from '../workflow/signing/answer-signing.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { AppealAnswersService } from './appeal-answers.service';
import { AppealCitizenActionsService } from './appeal-citizen-actions.service';
import { AppealStaffActionsService } from './appeal-staff-actions.service';
import { AppealAccessModule } from './appeal-access.module';
import { AppealExportService } from './appeal-export.service';
import { AppealGuardrails } from './appeal-guardrails';
import { AppealIntakeService } from './appeal-intake.service';
import { AppealJournal } from './appeal-journal';
import { AppealMaterialsService } from './appeal-materials.service';
import { AppealMessagesService } from './appeal-messages.service';
import { AppealQueryService } from './appeal-query.service';
import { AppealsController } from './appeals.controller';
import { PublicAppealsController } from './public-appeals.controller';
import { PublicAppealsService } from './public-appeals.service';
import { StaffAppealsController } from './staff-appeals.controller';

@Module({
  imports: [CatalogModule, AuthModule, UsersModule, WorkflowModule, AppealAccessModule, AttachmentsModule, AnswerSigningModule],
  controllers: [AppealsController, StaffAppealsController, PublicAppealsController],
  providers: [
    AppealJournal,
    AppealGuardrails,
    AppealMaterialsService,
    AppealIntakeService,
    AppealQueryService,
    AppealMessagesService,
    AppealExportService,
    IdempotencyService,
    PublicAppealsService,
    AppealCitizenActionsService,
    AppealStaffActionsService,
    AppealAnswersService,
  ],
  exports: [AppealAccessModule, AppealQueryService, AppealJournal, AppealAnswersService],
})
export class AppealsModule {}

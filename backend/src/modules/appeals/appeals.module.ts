import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AttachmentsModule } from '../attachments/attachments.module';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { UsersModule } from '../users/users.module';
import { WidgetModule } from '../widget/widget.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { AppealAnswers } from './answer.repository';
import { AppealAccessModule } from './appeal-access.module';
import { AppealBatches } from './appeal-batches.repository';
import { AppealFactsReader } from './appeal-facts.repository';
import { AppealReportReader } from './appeal-report.repository';
import { AppealSedLedger } from './appeal-sed.repository';
import { AppealExportService } from './appeal-export.service';
import { AppealGuardrails } from './appeal-guardrails';
import { AppealDuplicatesService } from './appeal-duplicates.service';
import { AppealPostalAnswersService } from './appeal-postal-answers.service';
import { RecurringProblemWatch } from './recurring-problems.service';
import { RecurringProblemSignal } from './recurring-problem-signal.entity';
import { AppealIntakeService } from './appeal-intake.service';
import { AppealJournal, JournalWriter } from './appeal-journal';
import { AppealMessagesService } from './appeal-messages.service';
import { AppealQueryService } from './appeal-query.service';
import { AppealRelationsService } from './appeal-relations.service';
import { AppealStore, AppealThread } from './appeal.repository';
import { Appeal } from './appeal.entity';
import { AppealsController } from './appeals.controller';
import { PublicAppealsController } from './public-appeals.controller';
import { PublicUploadsController } from './public-uploads.controller';
import { PublicAppealsService } from './public-appeals.service';
import { StaffAppealsController } from './staff-appeals.controller';
import { CitizenTemplatesController } from './citizen-templates.controller';
import { CitizenTemplatesService } from './citizen-templates.service';
import { ThankableStaffController } from './thankable-staff.controller';
import { ThankableStaff } from './thankable-staff.service';
import { QueueSavedFilter } from './saved-filters/queue-filter.entity';
import { QueueFiltersController } from './saved-filters/queue-filters.controller';
import { QueueFiltersService } from './saved-filters/queue-filters.service';

/**
 * Appeals: intake, queries, the thread and exports, and the tables they own (appeals, history,
 * messages, answers). The workflow (workflow/appeal-workflow.module.ts) changes appeals through
 * what this module exports: the store, the thread, the answers table and the journal.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Appeal, RecurringProblemSignal, QueueSavedFilter]), CatalogModule, AuthModule, UsersModule, WorkflowModule, AppealAccessModule, AttachmentsModule, WidgetModule],
  controllers: [AppealsController, StaffAppealsController, PublicAppealsController, PublicUploadsController, CitizenTemplatesController, ThankableStaffController, QueueFiltersController],
  providers: [
    JournalWriter,
    AppealJournal,
    AppealGuardrails,
    AppealIntakeService,
    AppealQueryService,
    AppealRelationsService,
    AppealMessagesService,
    AppealExportService,
    IdempotencyService,
    PublicAppealsService,
    AppealStore,
    AppealThread,
    AppealAnswers,
    AppealBatches,
    AppealFactsReader,
    AppealReportReader,
    AppealSedLedger,
    AppealDuplicatesService,
    AppealPostalAnswersService,
    RecurringProblemWatch,
    CitizenTemplatesService,
    ThankableStaff,
    QueueFiltersService,
  ],
  exports: [AppealAccessModule, AppealQueryService, AppealMessagesService, AppealJournal, JournalWriter, AppealStore, AppealThread, AppealAnswers, AppealGuardrails, AppealIntakeService, AppealBatches, AppealFactsReader, AppealReportReader, AppealSedLedger],
})
export class AppealsModule {}

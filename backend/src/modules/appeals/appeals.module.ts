import { Module } from '@nestjs/common';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { CatalogModule } from '../catalog/catalog.module';
import { UsersModule } from '../users/users.module';
import { AppealAccess } from './appeal-access.service';
import { AppealExportService } from './appeal-export.service';
import { AppealIntakeService } from './appeal-intake.service';
import { AppealJournal } from './appeal-journal';
import { AppealMessagesService } from './appeal-messages.service';
import { AppealQueryService } from './appeal-query.service';
import { AppealsController } from './appeals.controller';
import { StaffAppealsController } from './staff-appeals.controller';

@Module({
  imports: [CatalogModule, UsersModule],
  controllers: [AppealsController, StaffAppealsController],
  providers: [AppealAccess, AppealJournal, AppealIntakeService, AppealQueryService, AppealMessagesService, AppealExportService, IdempotencyService],
  exports: [AppealAccess, AppealQueryService],
})
export class AppealsModule {}

import { Module } from '@nestjs/common';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { UsersModule } from '../users/users.module';
import { AppealAccess } from './appeal-access.service';
import { AppealExportService } from './appeal-export.service';
import { AppealIntakeService } from './appeal-intake.service';
import { AppealJournal } from './appeal-journal';
import { AppealMessagesService } from './appeal-messages.service';
import { AppealQueryService } from './appeal-query.service';
import { AppealsController } from './appeals.controller';
import { PublicAppealsController } from './public-appeals.controller';
import { PublicAppealsService } from './public-appeals.service';
import { StaffAppealsController } from './staff-appeals.controller';

@Module({
  imports: [CatalogModule, AuthModule, UsersModule],
  controllers: [AppealsController, StaffAppealsController, PublicAppealsController],
  providers: [AppealAccess, AppealJournal, AppealIntakeService, AppealQueryService, AppealMessagesService, AppealExportService, IdempotencyService, PublicAppealsService],
  exports: [AppealAccess, AppealQueryService],
})
export class AppealsModule {}

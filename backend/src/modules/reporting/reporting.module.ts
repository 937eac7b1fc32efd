import { Module } from '@nestjs/common';
import { AppealAccessModule } from '../appeals/appeal-access.module';
import { AppealsModule } from '../appeals/appeals.module';
import { CatalogModule } from '../catalog/catalog.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { AppealRollups, RollupConsumer, RollupRebuild } from './appeal-rollups.service';
import { ReportExportService } from './report-export.service';
import { ReportQueries } from './report-queries.repository';
import { ReportRollups } from './report-rollups.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { StatutoryReport } from './statutory-report';

/**
 * Reporting (issue 14): the daily rollups and per-appeal figures kept by an outbox consumer, their
 * rebuild (`reports:rebuild`), the supervisor reports and their CSV exports. It reads appeals only
 * through the appeals module's AppealReportReader.
 */
@Module({
  imports: [AppealsModule, AppealAccessModule, CatalogModule, UserDirectoryModule],
  controllers: [ReportsController],
  providers: [ReportRollups, ReportQueries, AppealRollups, RollupConsumer, RollupRebuild, ReportsService, ReportExportService, StatutoryReport],
  exports: [RollupRebuild, AppealRollups],
})
export class ReportingModule {}
